// Test helper: builds .npy members and .npz (zip) archives with libzip, stored or deflated.
#pragma once

#include "test_util.h"

#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace dino::test {

// A .npy member: header dict padded with spaces so that the data starts at a multiple of 64.
inline std::string npyBytes(const std::string& descr, const std::vector<int64_t>& shape, const std::string& data,
                            int version = 1, const std::string& order = "False") {
    std::ostringstream d;
    d << "{'descr': '" << descr << "', 'fortran_order': " << order << ", 'shape': (";
    for (size_t k = 0; k < shape.size(); ++k) d << (k ? ", " : "") << shape[k];
    if (shape.size() == 1) d << ",";
    d << "), }";
    std::string dict = d.str();
    const size_t fixed = version == 1 ? 10 : 12;
    size_t total = fixed + dict.size() + 1;
    size_t padded = (total + 63) / 64 * 64;
    dict += std::string(padded - total, ' ') + "\n";
    std::string out = "\x93NUMPY";
    out += static_cast<char>(version);
    out += '\0';
    uint32_t len = static_cast<uint32_t>(dict.size());
    out += static_cast<char>(len & 0xff);
    out += static_cast<char>((len >> 8) & 0xff);
    if (version != 1) {
        out += static_cast<char>((len >> 16) & 0xff);
        out += static_cast<char>((len >> 24) & 0xff);
    }
    return out + dict + data;
}


// Writes a zip with the given members (name -> bytes) to path.
inline void writeZip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& members,
                     bool deflate) {
    int err = 0;
    std::filesystem::remove(path);
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("test: cannot create zip " + path);
    for (const auto& [name, bytes] : members) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
        if (idx < 0) throw std::runtime_error("test: zip_file_add failed");
        zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    }
    if (zip_close(z) != 0) throw std::runtime_error("test: zip_close failed");
}

inline std::string zipBytes(const std::vector<std::pair<std::string, std::string>>& members, bool deflate) {
    static int counter = 0;
    std::string p = tempPath("zip" + std::to_string(counter++) + ".npz");
    writeZip(p, members, deflate);
    std::string b = readAll(p);
    std::filesystem::remove(p);
    return b;
}

// n images h x w (x3 unless grey) with pixel = (i*31 + y*7 + x*3 + c) % 256, labels i % classes as u1 (N,1).
struct SplitSpec {
    int64_t n = 4;
    int64_t size = 6;
    bool grey = false;
    int classes = 3;
};
inline std::string imageData(const SplitSpec& s) {
    std::string d;
    for (int64_t i = 0; i < s.n; ++i)
        for (int64_t y = 0; y < s.size; ++y)
            for (int64_t x = 0; x < s.size; ++x)
                for (int c = 0; c < (s.grey ? 1 : 3); ++c) d += static_cast<char>((i * 31 + y * 7 + x * 3 + c) % 256);
    return d;
}
inline std::vector<std::pair<std::string, std::string>> splitMembers(const std::string& split, const SplitSpec& s) {
    std::vector<int64_t> shape = s.grey ? std::vector<int64_t>{s.n, s.size, s.size}
                                        : std::vector<int64_t>{s.n, s.size, s.size, 3};
    std::string labels;
    for (int64_t i = 0; i < s.n; ++i) labels += static_cast<char>(i % s.classes);
    return {{split + "_images.npy", npyBytes("|u1", shape, imageData(s))},
            {split + "_labels.npy", npyBytes("|u1", {s.n, 1}, labels)}};
}

}  // namespace dino::test
