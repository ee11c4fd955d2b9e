// The .npy header parser and the .npz reader: versions, dtypes, layouts, and the error messages for
// bad files (each names the file, the member and what was expected).
#include "data/dataset.h"
#include "data/npy.h"
#include "data/npz.h"
#include "npz_builder.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using dino::test::errorOf;

using namespace dino;
using namespace dino::test;

namespace {

std::string sample() {
    const char* env = std::getenv("DINO_SAMPLE");
    return env && *env ? env : DINO_SAMPLE_NPZ;
}

}  // namespace

TEST_CASE("npy header: versions 1, 2 and 3 and the dict forms numpy writes", "[npy]") {
    for (int v : {1, 2, 3}) {
        std::string b = npyBytes("<i8", {1059, 1}, "", v);
        NpyHeader h = parseNpyHeader(b, "x.npy");
        CHECK(h.major == v);
        CHECK(h.dtype.kind == 'i');
        CHECK(h.dtype.itemsize == 8);
        CHECK(h.dtype.little_endian);
        CHECK(h.shape == std::vector<int64_t>{1059, 1});
        CHECK(h.data_offset == b.size());
        CHECK(h.data_offset % 64 == 0);
        CHECK(h.numel() == 1059);
        CHECK(h.shapeString() == "(1059, 1)");
    }
    // Key order, double quotes, no trailing comma, Python 2 longs, a scalar and a 1-tuple.
    auto raw = [](const std::string& dict) {
        std::string s = "\x93NUMPY\x01";
        s += '\0';
        std::string d = dict + "\n";
        s += static_cast<char>(d.size());
        s += '\0';
        return s + d;
    };
    NpyHeader h = parseNpyHeader(raw("{\"shape\": (3L, 4L), \"fortran_order\": False, \"descr\": \">u2\"}"), "y");
    CHECK(h.shape == std::vector<int64_t>{3, 4});
    CHECK_FALSE(h.dtype.little_endian);
    CHECK(parseNpyHeader(raw("{'descr': '|u1', 'fortran_order': False, 'shape': ()}"), "y").numel() == 1);
    CHECK(parseNpyHeader(raw("{'descr': '|u1', 'fortran_order': False, 'shape': (7,)}"), "y").shapeString() == "(7,)");
}

TEST_CASE("npy header errors say what was expected", "[npy]") {
    CHECK_THAT(errorOf([] { parseNpyHeader("PK\x03\x04garbage", "f.npy"); }), Catch::Contains("f.npy") && Catch::Contains("NUMPY"));
    std::string v9 = npyBytes("|u1", {2}, "");
    v9[6] = 9;
    CHECK_THAT(errorOf([&] { parseNpyHeader(v9, "f.npy"); }), Catch::Contains("version 9"));
    CHECK_THAT(errorOf([] { parseNpyHeader(npyBytes("|u1", {2, 3}, "", 1, "True"), "f.npy"); }),
               Catch::Contains("Fortran"));
    CHECK_THAT(errorOf([] { parseNpyHeader(npyBytes("|u1", {2}, "").substr(0, 20), "f.npy"); }),
               Catch::Contains("truncated"));
    CHECK_THAT(errorOf([] { parseNpyHeader(npyBytes("<U8", {2}, ""), "f.npy"); }), Catch::Contains("dtype"));
    CHECK_THAT(errorOf([] { parseNpyHeader(npyBytes("|u1", {int64_t(1) << 40, int64_t(1) << 40}, ""), "f.npy"); }),
               Catch::Contains("too large"));
}

TEST_CASE("npy integers of every width and byte order become int64", "[npy]") {
    int64_t out[2];
    const uint8_t le16[] = {0xfe, 0xff, 0x05, 0x00};
    npyIntegersToInt64(parseNpyDescr("<i2", "t"), le16, 2, out);
    CHECK(out[0] == -2);
    CHECK(out[1] == 5);
    const uint8_t be32[] = {0, 0, 1, 2, 0xff, 0xff, 0xff, 0xff};
    npyIntegersToInt64(parseNpyDescr(">u4", "t"), be32, 2, out);
    CHECK(out[0] == 258);
    CHECK(out[1] == 4294967295LL);
    const uint8_t i8[] = {0x80, 7};
    npyIntegersToInt64(parseNpyDescr("|i1", "t"), i8, 2, out);
    CHECK(out[0] == -128);
    CHECK(out[1] == 7);
}

TEST_CASE("the real PathMNIST sample loads in the official layout", "[dataset]") {
    ImageSet train = loadSplit(sample(), "train");
    CHECK(train.images.sizes() == torch::IntArrayRef({1059, 28, 28, 3}));
    CHECK(train.images.scalar_type() == torch::kUInt8);
    CHECK(train.images.is_contiguous());
    CHECK(train.labels.sizes() == torch::IntArrayRef({1059}));
    CHECK(train.labels.scalar_type() == torch::kInt64);
    CHECK(train.labels.min().item<int64_t>() == 0);
    CHECK(train.labels.max().item<int64_t>() == 8);
    CHECK(train.imageSize() == 28);
    // Per-class counts from SOURCE.md: 106,129,117,150,91,154,82,101,129.
    auto counts = torch::bincount(train.labels);
    std::vector<int64_t> want = {106, 129, 117, 150, 91, 154, 82, 101, 129};
    for (int c = 0; c < 9; ++c) CHECK(counts[c].item<int64_t>() == want[c]);
    // Mean RGB .739 .531 .704 (SOURCE.md).
    auto mean = train.images.to(torch::kFloat64).mean({0, 1, 2}) / 255.0;
    CHECK(mean[0].item<double>() == Approx(0.739).margin(0.001));
    CHECK(mean[1].item<double>() == Approx(0.531).margin(0.001));
    CHECK(mean[2].item<double>() == Approx(0.704).margin(0.001));
    CHECK(loadSplit(sample(), "val").size() == 160);
    CHECK(loadSplit(sample(), "test", 9).size() == 75);

    NpzSummary s = inspectNpz(sample());
    CHECK(s.splits == std::vector<std::string>{"train", "val", "test"});
    CHECK(s.sizes == std::vector<int64_t>{1059, 160, 75});
    CHECK(s.image_size == 28);
    CHECK(s.channels == 3);
}

TEST_CASE("stored and deflated archives, grey images and label dtypes", "[dataset]") {
    SplitSpec rgb{5, 6, false, 3};
    for (bool deflate : {false, true}) {
        auto members = splitMembers("train", rgb);
        ImageSet set = loadSplit(NpzArchive::openMemory(zipBytes(members, deflate), "mem.npz"), "train", 3);
        REQUIRE(set.images.sizes() == torch::IntArrayRef({5, 6, 6, 3}));
        CHECK(set.images[2][1][4][2].item<int>() == (2 * 31 + 1 * 7 + 4 * 3 + 2) % 256);
        CHECK(set.labels[4].item<int64_t>() == 1);
        CHECK_FALSE(set.grey);
    }
    // Grey (N,H,W) -> 3 identical channels.
    SplitSpec grey{4, 5, true, 2};
    ImageSet g = loadSplit(NpzArchive::openMemory(zipBytes(splitMembers("val", grey), true), "g.npz"), "val");
    REQUIRE(g.images.sizes() == torch::IntArrayRef({4, 5, 5, 3}));
    CHECK(g.images.select(3, 0).equal(g.images.select(3, 2)));
    CHECK(g.grey);  // the views skip colour operations on it
    CHECK(g.images[3][2][1][1].item<int>() == (3 * 31 + 2 * 7 + 1 * 3) % 256);
    // Labels (N,) little-endian int64 and big-endian uint16.
    auto members = splitMembers("train", rgb);
    std::string le8;
    for (int64_t i = 0; i < 5; ++i)
        for (int b = 0; b < 8; ++b) le8 += static_cast<char>(b == 0 ? (4 - i) : 0);
    members[1].second = npyBytes("<i8", {5}, le8, 2);
    ImageSet a = loadSplit(NpzArchive::openMemory(zipBytes(members, false), "a.npz"), "train", 5);
    CHECK(a.labels[0].item<int64_t>() == 4);
    CHECK(a.labels[4].item<int64_t>() == 0);
    std::string be2 = {0, 1, 0, 0, 0, 2, 0, 1, 0, 0};
    members[1].second = npyBytes(">u2", {5, 1}, be2, 3);
    ImageSet b = loadSplit(NpzArchive::openMemory(zipBytes(members, true), "b.npz"), "train", 3);
    CHECK(b.labels[2].item<int64_t>() == 2);
}

TEST_CASE("bad files: each error names the file, the member and what was expected", "[dataset][errors]") {
    SplitSpec s{4, 6, false, 3};
    auto good = splitMembers("train", s);
    auto load = [](const std::vector<std::pair<std::string, std::string>>& m, int classes = 3) {
        return loadSplit(NpzArchive::openMemory(zipBytes(m, true), "bad.npz"), "train", classes);
    };

    SECTION("truncated zip") {
        std::string path = tempPath("truncated.npz");
        std::string bytes = zipBytes(good, true);
        writeAll(path, bytes.substr(0, bytes.size() * 2 / 3));
        CHECK_THAT(errorOf([&] { loadSplit(path, "train"); }),
                   Catch::Contains("truncated.npz") && Catch::Contains("not a valid .npz"));
        CHECK_THAT(errorOf([&] { loadSplit(tempPath("absent.npz"), "train"); }), Catch::Contains("absent.npz"));
    }
    SECTION("missing key") {
        auto m = good;
        m.pop_back();
        CHECK_THAT(errorOf([&] { load(m); }),
                   Catch::Contains("bad.npz") && Catch::Contains("train_labels.npy") && Catch::Contains("expected"));
        CHECK_THAT(errorOf([&] { load(good); loadSplit(NpzArchive::openMemory(zipBytes(good, true), "bad.npz"), "val"); }),
                   Catch::Contains("no split 'val'"));
    }
    SECTION("wrong image dtype") {
        auto m = good;
        m[0].second = npyBytes("<f4", {4, 6, 6, 3}, std::string(4 * 6 * 6 * 3 * 4, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("bad.npz: member 'train_images.npy'") &&
                                                  Catch::Contains("<f4") && Catch::Contains("expected uint8"));
    }
    SECTION("wrong image shape") {
        auto m = good;
        m[0].second = npyBytes("|u1", {4, 6, 6, 4}, std::string(4 * 6 * 6 * 4, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("train_images.npy") && Catch::Contains("(4, 6, 6, 4)") &&
                                                  Catch::Contains("expected (N, H, W, 3)"));
        m[0].second = npyBytes("|u1", {4, 6, 5, 3}, std::string(4 * 6 * 5 * 3, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("square"));
    }
    SECTION("wrong label dtype and shape") {
        auto m = good;
        m[1].second = npyBytes("<f8", {4, 1}, std::string(32, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("train_labels.npy") && Catch::Contains("integer"));
        m[1].second = npyBytes("|u1", {2, 2, 1}, std::string(4, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("expected (N, 1) or (N,)"));
    }
    SECTION("multi-label sets are refused") {
        auto m = good;
        m[1].second = npyBytes("|u1", {4, 14}, std::string(56, '\0'));
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("multi-label") && Catch::Contains("ChestMNIST"));
    }
    SECTION("labels out of range") {
        auto m = good;
        m[1].second = npyBytes("|u1", {4, 1}, std::string{0, 1, 7, 2});
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("train_labels.npy") && Catch::Contains("label 7") &&
                                                  Catch::Contains("index 2") && Catch::Contains("0..2"));
        m[1].second = npyBytes("<i2", {4}, std::string{0, 0, 1, 0, char(0xff), char(0xff), 0, 0});
        CHECK_THAT(errorOf([&] { load(m, 0); }), Catch::Contains("label -1"));
    }
    SECTION("N mismatch between images and labels") {
        auto m = good;
        m[1].second = npyBytes("|u1", {3, 1}, std::string{0, 1, 2});
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("train_images.npy") && Catch::Contains("4 images") &&
                                                  Catch::Contains("3 labels"));
    }
    SECTION("member shorter than its header says") {
        auto m = good;
        m[0].second = m[0].second.substr(0, m[0].second.size() - 10);
        CHECK_THAT(errorOf([&] { load(m); }), Catch::Contains("train_images.npy") && Catch::Contains("needs"));
    }
    SECTION("registry class count is used for known MedMNIST files") {
        auto m = good;
        m[1].second = npyBytes("|u1", {4, 1}, std::string{0, 1, 9, 2});
        std::string path = tempPath("pathmnist_bad.npz");
        writeZip(path, m, true);
        CHECK_THAT(errorOf([&] { loadSplit(path, "train"); }), Catch::Contains("label 9") && Catch::Contains("0..8"));
    }
}
