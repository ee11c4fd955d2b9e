// MD5 against RFC 1321's test vectors, the MedMNIST registry, and the PNG writer.
#include "data/md5.h"
#include "data/fetch.h"
#include "data/medmnist_registry.h"
#include "data/png_writer.h"
#include "npz_builder.h"

#include <zlib.h>

#include <algorithm>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace dino;

TEST_CASE("MD5 matches the RFC 1321 test suite", "[md5]") {
    CHECK(md5Hex("") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(md5Hex("a") == "0cc175b9c0f1b6a831c399e269772661");
    CHECK(md5Hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
    CHECK(md5Hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
    CHECK(md5Hex("abcdefghijklmnopqrstuvwxyz") == "c3fcd3d76192e4007dfb496cca67e13b");
    CHECK(md5Hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
          "d174ab98d277d9f5a5611c2c9f419d9f");
    CHECK(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
          "57edf4a22be3c955ac49da2e2107b67a");
    // Lengths around the 56/64-byte padding boundary, fed in uneven pieces.
    std::string s(200, 'x');
    for (size_t n : {55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 200u}) {
        Md5 m;
        std::string part = s.substr(0, n);
        for (size_t i = 0; i < n; i += 7) m.update(part.data() + i, std::min<size_t>(7, n - i));
        CHECK(m.hexDigest() == md5Hex(part));
    }
    CHECK(md5Hex(std::string(56, 'x')) == "668a72d5ba17f08e62dabcafad6db14b");
}

TEST_CASE("MD5 of the bundled sample is the one SOURCE.md states", "[md5]") {
    const char* env = std::getenv("DINO_SAMPLE");
    CHECK(md5File(env && *env ? env : DINO_SAMPLE_NPZ) == "b5c2539461517b50685e64e74ce71787");
    CHECK_THROWS_AS(md5File("/nonexistent/file.npz"), std::runtime_error);
}

TEST_CASE("registry: all 2D MedMNIST flags with addresses, sums, classes, sizes", "[registry]") {
    const auto& all = medmnistDatasets();
    std::vector<std::string> flags;
    for (const auto& d : all) flags.push_back(d.flag);
    CHECK(flags == std::vector<std::string>{"pathmnist", "chestmnist", "dermamnist", "octmnist", "pneumoniamnist",
                                            "retinamnist", "breastmnist", "bloodmnist", "tissuemnist", "organamnist",
                                            "organcmnist", "organsmnist"});
    for (const auto& d : all) {
        INFO(d.flag);
        CHECK(d.md5_28.size() == 32);
        CHECK(d.md5_224.size() == 32);
        CHECK(d.url28 == "https://zenodo.org/records/10519652/files/" + d.flag + ".npz?download=1");
        CHECK(d.n_train > 0);
        CHECK(d.n_val > 0);
        CHECK(d.n_test > 0);
        CHECK(d.class_names.size() >= 2);
        CHECK((d.channels == 1 || d.channels == 3));
    }
    const MedmnistDataset* p = findMedmnist("PathMNIST");
    REQUIRE(p);
    CHECK(p->md5_28 == "a8b06965200029087d5bd730944a56c1");
    CHECK(p->md5(28) == p->md5_28);
    CHECK(p->n_train == 89996);
    CHECK(p->n_val == 10004);
    CHECK(p->n_test == 7180);
    CHECK(p->class_names.size() == 9);
    CHECK(p->class_names[0] == "adipose");
    CHECK(p->class_names[8] == "colorectal adenocarcinoma epithelium");
    CHECK(p->mean == std::vector<double>{0.7405, 0.5330, 0.7058});
    CHECK(p->std == std::vector<double>{0.1237, 0.1768, 0.1244});
    CHECK(p->fileName(28) == "pathmnist.npz");
    CHECK(p->fileName(64) == "pathmnist_64.npz");
    CHECK(p->url(224) == "https://zenodo.org/records/10519652/files/pathmnist_224.npz?download=1");
    CHECK(p->url(50).empty());
    CHECK(findMedmnist("chestmnist")->multiLabel());
    CHECK_FALSE(p->multiLabel());
    CHECK(findMedmnist("organmnist3d") == nullptr);

    CHECK(medmnistForFile("/x/y/pathmnist_sample.npz") == p);
    CHECK(medmnistForFile("PATHMNIST_64.npz") == p);
    CHECK(medmnistForFile("organcmnist.npz")->flag == "organcmnist");
    CHECK(medmnistForFile("pathmnistic.npz") == nullptr);
    CHECK(medmnistForFile("data.npz") == nullptr);
}

TEST_CASE("PNG through libpng: a valid file with correct chunk CRCs, the same pixels back, compressed", "[png]") {
    std::vector<uint8_t> rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};  // 2x2
    std::string png = encodePng(2, 2, rgb);
    REQUIRE(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    auto be32 = [&](const std::string& b, size_t at) {
        return (uint32_t(uint8_t(b[at])) << 24) | (uint32_t(uint8_t(b[at + 1])) << 16) |
               (uint32_t(uint8_t(b[at + 2])) << 8) | uint32_t(uint8_t(b[at + 3]));
    };
    // Every chunk's CRC, checked with zlib's crc32; IHDR says 2x2, 8-bit truecolour.
    size_t at = 8;
    std::vector<std::string> types;
    while (at < png.size()) {
        const uint32_t len = be32(png, at);
        const std::string type = png.substr(at + 4, 4);
        types.push_back(type);
        const uLong crc = ::crc32(0L, reinterpret_cast<const Bytef*>(png.data() + at + 4), 4 + len);
        CHECK(crc == be32(png, at + 8 + len));
        if (type == "IHDR") {
            CHECK(be32(png, at + 8) == 2);
            CHECK(be32(png, at + 12) == 2);
            CHECK(png[at + 16] == 8);
            CHECK(png[at + 17] == 2);
        }
        at += 12 + len;
    }
    CHECK(types.front() == "IHDR");
    CHECK(types.back() == "IEND");
    CHECK(std::count(types.begin(), types.end(), "IDAT") >= 1);
    int w = 0, h = 0;
    CHECK(decodePng(png, w, h) == rgb);
    CHECK(w == 2);
    CHECK(h == 2);
    CHECK_THROWS_AS(encodePng(2, 2, std::vector<uint8_t>(11)), std::invalid_argument);
    CHECK_THROWS_AS(encodePng(0, 2, {}), std::invalid_argument);
    CHECK_THROWS_AS(decodePng("not a png", w, h), std::runtime_error);

    // A large image: compressed (a smooth gradient, as previews and maps are mostly), same pixels back.
    std::vector<uint8_t> big(300 * 100 * 3);
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 300; ++x)
            for (int c = 0; c < 3; ++c) big[(y * 300 + x) * 3 + c] = static_cast<uint8_t>((x + 2 * y + 40 * c) & 255);
    std::string p2 = encodePng(300, 100, big);
    CHECK(p2.size() < big.size() / 4);
    CHECK(decodePng(p2, w, h) == big);
    CHECK(w == 300);
    CHECK(h == 100);
    std::string path = dino::test::tempPath("grid.png");
    writePng(path, 2, 2, rgb);
    CHECK(dino::test::readAll(path) == png);
}
