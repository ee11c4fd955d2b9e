// `dino fetch`, `dino preview` and `dino bench-data` as a script sees them: exit codes, files,
// messages. Runs the real binary (DINO_CLI_PATH); downloads go to a local HTTP server.
#include "cli_test_util.h"
#include "common/fsutil.h"
#include "http_test_server.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using dino::test::HttpTestServer;

namespace {

using Result = dino::test::CliResult;
using dino::test::runDino;

std::string scratch() {
    static std::atomic<int> n{0};
    std::string d = (fs::temp_directory_path() / ("dino-cli-data-" + std::to_string(::getpid()) + "-" +
                                                  std::to_string(n++))).string();
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string sampleBytes() {
    const char* env = std::getenv("DINO_SAMPLE");
    std::ifstream in(env && *env ? env : DINO_SAMPLE_NPZ, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("dino fetch: download with MD5 check, and the failures a user meets", "[cli][fetch]") {
    const std::string d = scratch();
    HttpTestServer server(sampleBytes());
    const std::string cache = d + "/cache";

    Result ok = runDino(d, "fetch pathmnist --url " + server.url() + " --md5 b5c2539461517b50685e64e74ce71787 --cache " + cache);
    INFO(ok.out << ok.err);
    CHECK(ok.code == 0);
    CHECK_THAT(ok.out, Catch::Contains("ok: " + cache + "/pathmnist.npz"));
    CHECK(fs::file_size(cache + "/pathmnist.npz") == sampleBytes().size());
    fs::remove(cache + "/pathmnist.npz");

    // Without --md5 the official PathMNIST sum applies, which the sample does not have.
    Result bad = runDino(d, "fetch pathmnist --url " + server.url() + " --cache " + cache);
    CHECK(bad.code == 1);
    CHECK_THAT(bad.err, Catch::Contains("MD5 mismatch") && Catch::Contains("a8b06965200029087d5bd730944a56c1"));
    CHECK_FALSE(fs::exists(cache + "/pathmnist.npz"));

    server.setMode(HttpTestServer::Mode::Truncate);
    Result cut = runDino(d, "fetch pathmnist --url " + server.url() + " --cache " + cache);
    CHECK(cut.code == 1);
    CHECK_THAT(cut.err, Catch::Contains("truncated"));

    const std::string down = "http://127.0.0.1:" + std::to_string(HttpTestServer::closedPort()) + "/x.npz";
    Result off = runDino(d, "fetch pathmnist --url " + down + " --cache " + cache);
    CHECK(off.code == 1);
    CHECK_THAT(off.err, Catch::Contains("cannot reach") && Catch::Contains("by hand"));
    CHECK_FALSE(fs::exists(cache + "/pathmnist.npz.part"));

    CHECK(runDino(d, "fetch nosuchmnist").code == 2);
    CHECK(runDino(d, "fetch pathmnist --size 30").code == 2);
    Result list = runDino(d, "fetch --list");
    CHECK(list.code == 0);
    CHECK_THAT(list.out, Catch::Contains("organsmnist"));
    fs::remove_all(d);
}

TEST_CASE("dino preview writes a PNG grid of the views", "[cli][preview]") {
    const std::string d = scratch();
    Result r = runDino(d, "preview --indices 0,7,9 --seed 3 --set views.num_local=4 --verbose --out " + d + "/grid.png");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    std::string png = dino::readTextFile(d + "/grid.png");
    REQUIRE(png.size() > 33);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    auto be32 = [&](size_t at) {
        return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
               (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
    };
    // 3 rows, 1 + 2 + 4 columns of 28 px x 4, 4 px apart.
    CHECK(be32(16) == 7 * (112 + 4) + 4);
    CHECK(be32(20) == 3 * (112 + 4) + 4);
    CHECK_THAT(r.out, Catch::Contains("#7 label") && Catch::Contains("Local 4") && Catch::Contains("Gaussian blur"));

    Result out_of_range = runDino(d, "preview --indices 5000 --out " + d + "/x.png");
    CHECK(out_of_range.code == 2);
    CHECK_THAT(out_of_range.err, Catch::Contains("5000") && Catch::Contains("outside"));
    CHECK(runDino(d, "preview --indices 0").code == 2);  // no --out
    fs::remove_all(d);
}

TEST_CASE("dino bench-data reports views/s", "[cli][bench]") {
    const std::string d = scratch();
    Result r = runDino(d, "bench-data --batch 32 --seconds 0.3");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("views/s") && Catch::Contains("images/s") && Catch::Contains("pathmnist_sample"));
    Result w = runDino(d, "bench-data --batch 32 --seconds 0.3 --workers 1");
    CHECK(w.code == 0);
    CHECK_THAT(w.out, Catch::Contains("1 loader worker"));
    fs::remove_all(d);
}
