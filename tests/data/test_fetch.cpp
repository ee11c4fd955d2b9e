// Downloads against a real HTTP server on 127.0.0.1: success with MD5 check and progress, wrong
// MD5, truncated transfer, 404, server down, cancel. The temporary .part never survives a failure.
#include "data/fetch.h"
#include "data/md5.h"
#include "http_test_server.h"
#include "npz_builder.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using dino::test::errorOf;

using namespace dino;
using dino::test::HttpTestServer;

namespace fs = std::filesystem;

namespace {

std::string sampleBytes() {
    const char* env = std::getenv("DINO_SAMPLE");
    return dino::test::readAll(env && *env ? env : DINO_SAMPLE_NPZ);
}

std::string freshDir(const std::string& name) {
    std::string d = dino::test::tempPath(name);
    fs::remove_all(d);
    return d;
}

FetchOptions options(const std::string& url, const std::string& dir, const std::string& md5) {
    FetchOptions o;
    o.url = url;
    o.dest_dir = dir;
    o.file_name = "pathmnist.npz";
    o.expected_md5 = md5;
    o.timeout_s = 20;
    o.connect_timeout_s = 5;
    return o;
}

const char* kSampleMd5 = "b5c2539461517b50685e64e74ce71787";

}  // namespace

TEST_CASE("fetch: a verified download lands under its final name, with progress", "[fetch]") {
    const std::string body = sampleBytes();
    HttpTestServer server(body);
    const std::string dir = freshDir("fetch_ok");
    FetchOptions o = options(server.url(), dir, kSampleMd5);
    int64_t last_done = -1, last_total = 0, calls = 0;
    o.progress = [&](int64_t done, int64_t total) {
        CHECK(done >= last_done);
        last_done = done;
        last_total = total;
        ++calls;
        return true;
    };
    std::string path = fetchFile(o);
    CHECK(path == dir + "/pathmnist.npz");
    CHECK(md5File(path) == kSampleMd5);
    CHECK(fs::file_size(path) == body.size());
    CHECK_FALSE(fs::exists(path + ".part"));
    CHECK(calls > 0);
    CHECK(last_done == static_cast<int64_t>(body.size()));
    CHECK(last_total == static_cast<int64_t>(body.size()));
}

TEST_CASE("fetch: a wrong MD5 removes the file and says expected vs got", "[fetch]") {
    HttpTestServer server(sampleBytes());
    const std::string dir = freshDir("fetch_md5");
    std::string msg = errorOf([&] { fetchFile(options(server.url(), dir, "0123456789abcdef0123456789abcdef")); });
    CHECK_THAT(msg, Catch::Contains("MD5 mismatch") && Catch::Contains("expected 0123456789abcdef0123456789abcdef") &&
                        Catch::Contains(std::string("got ") + kSampleMd5) && Catch::Contains("removed"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz.part"));

    // The registry path checks the official PathMNIST sum, which the sample does not have.
    std::string msg2 = errorOf([&] { fetchMedmnist("pathmnist", 28, dir, {}, server.url()); });
    CHECK_THAT(msg2, Catch::Contains("expected a8b06965200029087d5bd730944a56c1"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz"));
}

TEST_CASE("fetch: a truncated transfer is reported and leaves nothing behind", "[fetch]") {
    HttpTestServer server(sampleBytes(), HttpTestServer::Mode::Truncate);
    const std::string dir = freshDir("fetch_trunc");
    std::string msg = errorOf([&] { fetchFile(options(server.url(), dir, kSampleMd5)); });
    CHECK_THAT(msg, Catch::Contains("truncated") && Catch::Contains("try again"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz.part"));
}

TEST_CASE("fetch: HTTP errors, a server that is down, and cancelling", "[fetch]") {
    const std::string dir = freshDir("fetch_err");
    {
        HttpTestServer server("", HttpTestServer::Mode::NotFound);
        CHECK_THAT(errorOf([&] { fetchFile(options(server.url(), dir, "")); }),
                   Catch::Contains("HTTP 404") && Catch::Contains("by hand"));
    }
    const std::string down = "http://127.0.0.1:" + std::to_string(HttpTestServer::closedPort()) + "/pathmnist.npz";
    std::string msg = errorOf([&] { fetchFile(options(down, dir, "")); });
    CHECK_THAT(msg, Catch::Contains("cannot reach " + down) && Catch::Contains("offline") &&
                        Catch::Contains("copy it to " + dir + "/pathmnist.npz by hand"));
    CHECK_THAT(errorOf([&] { fetchMedmnist("pathmnist", 28, dir, {}, down); }), Catch::Contains("cannot reach"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz.part"));

    HttpTestServer server(sampleBytes());
    FetchOptions o = options(server.url(), dir, kSampleMd5);
    o.progress = [](int64_t done, int64_t) { return done < 100000; };
    CHECK_THROWS_AS(fetchFile(o), FetchCancelled);
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz"));
    CHECK_FALSE(fs::exists(dir + "/pathmnist.npz.part"));

    CHECK_THAT(errorOf([&] { fetchMedmnist("nosuchmnist", 28, dir); }), Catch::Contains("pathmnist"));
    CHECK_THAT(errorOf([&] { fetchMedmnist("pathmnist", 32, dir); }), Catch::Contains("28, 64, 128 or 224"));
}
