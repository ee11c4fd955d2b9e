// IDX files (MNIST's format, plain and gzip-compressed) into a MedMNIST-layout .npz: the values, the
// split, the grey flag the views use, and a clear error naming the file for each kind of bad input.
#include "api/analysis.h"
#include "data/dataset.h"
#include "data/idx.h"
#include "export/npz_writer.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path tempDir() {
    auto d = fs::temp_directory_path() / ("dino_idx_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

// An IDX file of unsigned bytes: magic 0 0 8 <dims>, big-endian sizes, values.
std::string idxBytes(const std::vector<uint32_t>& shape, const std::vector<uint8_t>& values) {
    std::string b = {0, 0, 8, static_cast<char>(shape.size())};
    for (uint32_t n : shape)
        for (int s = 24; s >= 0; s -= 8) b.push_back(static_cast<char>((n >> s) & 0xff));
    b.append(values.begin(), values.end());
    return b;
}

void writePlain(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

void writeGz(const fs::path& p, const std::string& bytes) {
    gzFile f = gzopen(p.c_str(), "wb");
    REQUIRE(f);
    REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    gzclose(f);
}

// Image i, pixel (y, x) = (i * 50 + y * 4 + x) % 256; label i = i % 3.
std::string images(int n, int side) {
    std::vector<uint8_t> v;
    for (int i = 0; i < n; ++i)
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) v.push_back(static_cast<uint8_t>((i * 50 + y * 4 + x) % 256));
    return idxBytes({uint32_t(n), uint32_t(side), uint32_t(side)}, v);
}
std::string labels(int n) {
    std::vector<uint8_t> v;
    for (int i = 0; i < n; ++i) v.push_back(static_cast<uint8_t>(i % 3));
    return idxBytes({uint32_t(n)}, v);
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("IDX files, gzip-compressed or plain, become a MedMNIST-layout npz with the last N as val", "[idx][dataset]") {
    const auto d = tempDir();
    writeGz(d / "train-images.gz", images(7, 4));
    writePlain(d / "train-labels", labels(7));
    writeGz(d / "test-images.gz", images(3, 4));
    writeGz(d / "test-labels.gz", labels(3));
    auto x = dino::readIdx((d / "train-images.gz").string());
    REQUIRE(x.sizes() == torch::IntArrayRef({7, 4, 4}));
    CHECK(x[5][2][3].item<int>() == (5 * 50 + 2 * 4 + 3) % 256);

    dino::api::IdxConversion c{(d / "train-images.gz").string(), (d / "train-labels").string(),
                               (d / "test-images.gz").string(),  (d / "test-labels.gz").string(), 2,
                               (d / "out.npz").string()};
    const auto s = dino::api::convertIdxDataset(c);
    CHECK(s.splits == std::vector<std::string>{"train", "val", "test"});
    CHECK(s.sizes == std::vector<int64_t>{5, 2, 3});
    CHECK(s.image_size == 4);
    const auto train = dino::loadSplit(c.out, "train"), val = dino::loadSplit(c.out, "val"),
               test = dino::loadSplit(c.out, "test");
    CHECK(train.grey);
    REQUIRE(train.images.sizes() == torch::IntArrayRef({5, 4, 4, 3}));
    CHECK(train.images[4][1][2][0].item<int>() == (4 * 50 + 1 * 4 + 2) % 256);
    CHECK(val.images[0][0][0][2].item<int>() == (5 * 50) % 256);  // val = training images 5 and 6
    CHECK(val.labels[1].item<int64_t>() == 6 % 3);
    CHECK(test.labels[2].item<int64_t>() == 2);
    CHECK(test.images[2][3][3][1].item<int>() == (2 * 50 + 15) % 256);
    for (const auto& e : fs::directory_iterator(d)) CHECK(e.path().filename().string().find(".tmp") == std::string::npos);

    // No val: two splits.
    c.val_count = 0;
    c.out = (d / "noval.npz").string();
    CHECK(dino::api::convertIdxDataset(c).splits == std::vector<std::string>{"train", "test"});
    fs::remove_all(d);
}

TEST_CASE("bad IDX input is refused with the file named and what was expected", "[idx][dataset]") {
    const auto d = tempDir();
    const auto p = [&](const char* n) { return (d / n).string(); };
    writePlain(d / "short", images(2, 4).substr(0, 30));
    CHECK_THAT(errorOf([&] { dino::readIdx(p("short")); }), Catch::Contains(p("short")) && Catch::Contains("truncated"));
    writePlain(d / "text", "hello world, not idx");
    CHECK_THAT(errorOf([&] { dino::readIdx(p("text")); }), Catch::Contains("not an IDX file"));
    std::string floats = images(1, 2);
    floats[2] = 0x0D;
    writePlain(d / "floats", floats);
    CHECK_THAT(errorOf([&] { dino::readIdx(p("floats")); }), Catch::Contains("expected 0x08"));
    writePlain(d / "long", images(1, 2) + "xx");
    CHECK_THAT(errorOf([&] { dino::readIdx(p("long")); }), Catch::Contains("more bytes"));
    CHECK_THAT(errorOf([&] { dino::readIdx(p("missing")); }), Catch::Contains(p("missing")) && Catch::Contains("cannot open"));

    writePlain(d / "ti", images(4, 4));
    writePlain(d / "tl", labels(3));
    writePlain(d / "si", images(2, 5));
    writePlain(d / "sl", labels(2));
    dino::api::IdxConversion c{p("ti"), p("tl"), p("si"), p("sl"), 1, p("o.npz")};
    CHECK_THAT(errorOf([&] { dino::api::convertIdxDataset(c); }), Catch::Contains("3 labels but") && Catch::Contains(p("ti")));
    writePlain(d / "tl", labels(4));
    CHECK_THAT(errorOf([&] { dino::api::convertIdxDataset(c); }), Catch::Contains(p("si")) && Catch::Contains("5 px"));
    writePlain(d / "si", images(2, 4));
    c.val_count = 4;
    CHECK_THAT(errorOf([&] { dino::api::convertIdxDataset(c); }), Catch::Contains("--val 4 must be in 0..3"));
    CHECK_FALSE(fs::exists(p("o.npz")));
    c.val_count = 1;
    c.out = p("no/such/dir/o.npz");
    CHECK_THAT(errorOf([&] { dino::api::convertIdxDataset(c); }), Catch::Contains(p("no/such/dir/o.npz")));
    fs::remove_all(d);
}
