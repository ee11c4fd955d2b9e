// A small HTTP/1.1 server on 127.0.0.1 for download tests: POSIX sockets, an ephemeral port, one
// thread, one request per connection. Modes: serve the body, truncate (announce the full length,
// send half, close), or answer 404.
#pragma once

#include <atomic>
#include <string>
#include <thread>

namespace dino::test {

class HttpTestServer {
public:
    enum class Mode { Serve, Truncate, NotFound };

    HttpTestServer(std::string body, Mode mode = Mode::Serve);
    ~HttpTestServer();
    HttpTestServer(const HttpTestServer&) = delete;
    HttpTestServer& operator=(const HttpTestServer&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path = "/file.npz") const;
    int requests() const { return requests_.load(); }
    void setMode(Mode m) { mode_.store(m); }

    // A port on 127.0.0.1 that nothing listens on (bound, then closed), for "connection refused".
    static int closedPort();

private:
    void run();
    std::string body_;
    std::atomic<Mode> mode_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0};
    std::thread thread_;
};

}  // namespace dino::test
