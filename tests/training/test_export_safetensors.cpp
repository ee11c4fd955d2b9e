// The safetensors writer and reader: byte layout, round trip, and errors that name the problem.
#include "export/safetensors.h"

#include "test_util.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {

std::string u64le(uint64_t n) {
    std::string s;
    for (int i = 0; i < 8; ++i) s.push_back(char((n >> (8 * i)) & 0xff));
    return s;
}

// A file from a hand-written header and data bytes.
std::string fileOf(const std::string& header, const std::string& data) { return u64le(header.size()) + header + data; }

}  // namespace

TEST_CASE("safetensors layout is byte-exact on a tiny tensor", "[export][safetensors]") {
    const auto a = torch::tensor({1.0f, -2.0f});
    const std::string bytes = dino::safetensorsBytes({{"a", a}}, {{"k", "v"}});
    // 79 bytes of JSON padded with one space to 80, a multiple of 8.
    const std::string header = R"({"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}} )";
    REQUIRE(header.size() == 80);
    const std::string data("\x00\x00\x80\x3f\x00\x00\x00\xc0", 8);  // 1.0f, -2.0f little-endian
    CHECK(bytes == std::string("\x50\0\0\0\0\0\0\0", 8) + header + data);
    CHECK(bytes.size() == 96);
}

TEST_CASE("safetensors round trip keeps names, order, dtypes, shapes, values and metadata", "[export][safetensors]") {
    torch::manual_seed(3);
    std::vector<dino::NamedTensor> in = {
        {"pos_embed", torch::randn({1, 50, 8})},
        {"blocks.0.attn.qkv.weight", torch::randn({24, 8}).t()},  // non-contiguous on purpose
        {"scalar", torch::tensor(3.5)},
        {"empty", torch::zeros({0, 4})},
        {"half", torch::randn({3}).to(torch::kHalf)},
        {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
        {"ids", torch::tensor({1, -2, 3}, torch::kLong)},
        {"mask", torch::tensor({true, false})},
        {"bytes", torch::tensor({0, 255}, torch::kByte)},
    };
    const dino::SafetensorsMetadata meta = {{"format", "pt"}, {"json", R"({"depth": 12, "q": "a\"b"})"}};
    const auto path = dino::test::tempPath("roundtrip.safetensors");
    dino::writeSafetensors(path, in, meta);
    const auto f = dino::readSafetensors(path);
    std::filesystem::remove(path);
    CHECK(f.metadata == meta);
    REQUIRE(f.tensors.size() == in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        INFO(in[i].name);
        CHECK(f.tensors[i].name == in[i].name);
        CHECK(f.tensors[i].tensor.scalar_type() == in[i].tensor.scalar_type());
        CHECK(f.tensors[i].tensor.sizes() == in[i].tensor.sizes());
        CHECK(f.tensors[i].tensor.equal(in[i].tensor));
    }
    CHECK(f.dtypes[0] == "F32");
    CHECK(f.dtypes[4] == "F16");
    CHECK(f.dtypes[5] == "BF16");
    CHECK(f.find("ids") != nullptr);
    CHECK(f.find("nope") == nullptr);
}

TEST_CASE("safetensors writer refuses what the format cannot hold", "[export][safetensors]") {
    CHECK_THROWS_WITH(dino::safetensorsBytes({{"a", torch::zeros({1})}, {"a", torch::zeros({1})}}),
                      Catch::Contains("duplicate tensor name 'a'"));
    CHECK_THROWS_WITH(dino::safetensorsBytes({{"__metadata__", torch::zeros({1})}}), Catch::Contains("invalid tensor name"));
    CHECK_THROWS_WITH(dino::safetensorsBytes({{"c", torch::zeros({1}, torch::kComplexFloat)}}),
                      Catch::Contains("unsupported tensor dtype"));
}

TEST_CASE("bad safetensors files give errors naming the file and the problem", "[export][safetensors]") {
    const std::string good = dino::safetensorsBytes({{"w", torch::ones({2, 2})}, {"b", torch::ones({2})}});
    SECTION("shorter than the header length field") {
        CHECK_THROWS_WITH(dino::parseSafetensors("abc", "x.safetensors"),
                          Catch::StartsWith("x.safetensors: truncated: 3 bytes"));
    }
    SECTION("header length beyond the file") {
        CHECK_THROWS_WITH(dino::parseSafetensors(good.substr(0, 20), "x.safetensors"),
                          Catch::Contains("exceeds the 12 bytes after it"));
    }
    SECTION("tensor data cut off") {
        CHECK_THROWS_WITH(dino::parseSafetensors(good.substr(0, good.size() - 3), "x.safetensors"),
                          Catch::Contains("tensor 'b'") && Catch::Contains("truncated"));
    }
    SECTION("trailing bytes not described by the header") {
        CHECK_THROWS_WITH(dino::parseSafetensors(good + "xyz", "x.safetensors"),
                          Catch::Contains("3 bytes after the last tensor"));
    }
    SECTION("not JSON") {
        CHECK_THROWS_WITH(dino::parseSafetensors(fileOf("{nope", ""), "x.safetensors"),
                          Catch::Contains("header is not valid JSON"));
    }
    SECTION("unknown dtype") {
        const auto f = fileOf(R"({"w":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}})", "ab");
        CHECK_THROWS_WITH(dino::parseSafetensors(f, "x.safetensors"),
                          Catch::Contains("tensor 'w': unsupported dtype 'F8_E4M3'"));
    }
    SECTION("shape and byte range disagree") {
        const auto f = fileOf(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", std::string(8, '\0'));
        CHECK_THROWS_WITH(dino::parseSafetensors(f, "x.safetensors"),
                          Catch::Contains("tensor 'w'") && Catch::Contains("needs 12"));
    }
    SECTION("overlapping tensors") {
        const auto f = fileOf(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},)"
                              R"("b":{"dtype":"U8","shape":[2],"data_offsets":[1,3]}})",
                              "abc");
        CHECK_THROWS_WITH(dino::parseSafetensors(f, "x.safetensors"), Catch::Contains("tensor 'b' starts at byte 1"));
    }
    SECTION("missing field and non-string metadata") {
        CHECK_THROWS_WITH(dino::parseSafetensors(fileOf(R"({"w":{"dtype":"F32","shape":[0]}})", ""), "x"),
                          Catch::Contains("tensor 'w': missing \"data_offsets\""));
        CHECK_THROWS_WITH(dino::parseSafetensors(fileOf(R"({"__metadata__":{"depth":12}})", ""), "x"),
                          Catch::Contains("'depth' must be a string"));
    }
    SECTION("a missing file") {
        CHECK_THROWS_WITH(dino::readSafetensors("/nonexistent/w.safetensors"), Catch::Contains("/nonexistent/w.safetensors"));
    }
}
