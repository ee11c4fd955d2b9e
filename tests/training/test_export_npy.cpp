// The .npy writer: byte-identical to numpy.save, and readable by the project's own header parser.
#include "data/npy.h"
#include "export/npy.h"

#include <catch2/catch.hpp>

namespace {
// The header numpy.save writes, padded so that the data starts at byte 128.
std::string numpyHeader(const std::string& dict) {
    std::string h = dict;
    h.append(117 - dict.size(), ' ');
    h.push_back('\n');
    return std::string("\x93NUMPY\x01\x00\x76\x00", 10) + h;
}
}  // namespace

// Expected bytes from: /usr/bin/python3 -c "import numpy as np, io; b = io.BytesIO();
//   np.save(b, np.array([[1, 2], [3, -4]], dtype=np.float32)); print(b.getvalue())"
// (and np.int64 [7, -1, 3]): a 118-byte header, then the raw little-endian values.
TEST_CASE("npy bytes equal numpy.save", "[export][npy]") {
    const auto f = torch::tensor({1.f, 2.f, 3.f, -4.f}).view({2, 2});
    CHECK(dino::npyBytes(f) == numpyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }") +
                                   std::string("\x00\x00\x80\x3f\x00\x00\x00\x40\x00\x00\x40\x40\x00\x00\x80\xc0", 16));
    const auto i = torch::tensor({7, -1, 3}, torch::kLong);
    std::string data;
    for (int64_t v : {7LL, -1LL, 3LL})
        for (int b = 0; b < 8; ++b) data.push_back(char((uint64_t(v) >> (8 * b)) & 0xff));
    CHECK(dino::npyBytes(i) == numpyHeader("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }") + data);
}

TEST_CASE("npy files parse back with their shape, dtype and data", "[export][npy]") {
    torch::manual_seed(1);
    const auto feats = torch::randn({75, 192}).t().contiguous().t();  // non-contiguous input
    const std::string bytes = dino::npyBytes(feats);
    const auto h = dino::parseNpyHeader(bytes, "feats.npy");
    CHECK(h.dtype.descr == "<f4");
    CHECK(h.shape == std::vector<int64_t>{75, 192});
    CHECK(h.data_offset % 64 == 0);
    REQUIRE(bytes.size() == h.data_offset + 75 * 192 * 4);
    const auto back = torch::from_blob(const_cast<char*>(bytes.data() + h.data_offset), {75, 192}, torch::kFloat);
    CHECK(back.equal(feats));
    CHECK_THROWS_WITH(dino::npyBytes(torch::zeros({1}, torch::kComplexFloat)), Catch::Contains("unsupported dtype"));
}
