#include "http_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace dino::test {

namespace {

int bindLoopback(int* port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("test server: socket() failed");
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;  // ephemeral
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("test server: bind() failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    *port = ntohs(addr.sin_port);
    return fd;
}

bool sendAll(int fd, const char* p, size_t n) {
    while (n > 0) {
        ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0) return false;
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

}  // namespace

HttpTestServer::HttpTestServer(std::string body, Mode mode) : body_(std::move(body)), mode_(mode) {
    listen_fd_ = bindLoopback(&port_);
    if (::listen(listen_fd_, 8) != 0) {
        ::close(listen_fd_);
        throw std::runtime_error("test server: listen() failed");
    }
    thread_ = std::thread([this] { run(); });
}

HttpTestServer::~HttpTestServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    ::close(listen_fd_);
}

std::string HttpTestServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int HttpTestServer::closedPort() {
    int port = 0;
    int fd = bindLoopback(&port);
    ::close(fd);
    return port;
}

void HttpTestServer::run() {
    while (!stop_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        int c = ::accept(listen_fd_, nullptr, nullptr);
        if (c < 0) continue;
        // Read the request head (up to the blank line); its content does not matter here.
        std::string req;
        char buf[1024];
        while (req.find("\r\n\r\n") == std::string::npos && req.size() < 65536) {
            pollfd q{c, POLLIN, 0};
            if (::poll(&q, 1, 2000) <= 0) break;
            ssize_t r = ::recv(c, buf, sizeof buf, 0);
            if (r <= 0) break;
            req.append(buf, static_cast<size_t>(r));
        }
        ++requests_;
        const Mode mode = mode_.load();
        if (mode == Mode::NotFound) {
            std::string msg = "not found\n";
            std::string head = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: " +
                               std::to_string(msg.size()) + "\r\nConnection: close\r\n\r\n";
            sendAll(c, head.data(), head.size()) && sendAll(c, msg.data(), msg.size());
        } else {
            std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                               std::to_string(body_.size()) + "\r\nConnection: close\r\n\r\n";
            const size_t n = mode == Mode::Truncate ? body_.size() / 2 : body_.size();
            // Send in pieces so that the client sees progress.
            if (sendAll(c, head.data(), head.size())) {
                for (size_t at = 0; at < n && !stop_; at += 65536)
                    if (!sendAll(c, body_.data() + at, std::min<size_t>(65536, n - at))) break;
            }
        }
        ::shutdown(c, SHUT_WR);
        // Let the client read everything before the close.
        pollfd q{c, POLLIN, 0};
        while (::poll(&q, 1, 200) > 0 && ::recv(c, buf, sizeof buf, 0) > 0) {
        }
        ::close(c);
    }
}

}  // namespace dino::test
