// The .npy format (versions 1.0, 2.0, 3.0): magic, header length, a Python dict literal
// {'descr': '<i8', 'fortran_order': False, 'shape': (N, 1), } and the raw C-order data.
// Torch-free so that it can be tested and fuzzed on its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dino {

struct NpyDtype {
    char kind = '?';            // 'u' unsigned, 'i' signed, 'b' bool, 'f' float, ...
    int itemsize = 0;           // bytes per element
    bool little_endian = true;  // '|' (single byte) counts as little endian
    std::string descr;          // as written in the file, e.g. "<i8"
    bool isInteger() const { return kind == 'u' || kind == 'i'; }
};

struct NpyHeader {
    int major = 1, minor = 0;
    NpyDtype dtype;
    bool fortran_order = false;
    std::vector<int64_t> shape;
    size_t data_offset = 0;  // bytes from the start of the member to the first element
    int64_t numel() const;   // product of shape (1 for a scalar)
    uint64_t dataBytes() const { return static_cast<uint64_t>(numel()) * static_cast<uint64_t>(dtype.itemsize); }
    std::string shapeString() const;  // "(1059, 28, 28, 3)"
};

// Largest header the parser accepts (numpy itself refuses more than 10 KiB by default).
constexpr size_t kMaxNpyHeaderBytes = 1 << 16;

// How many leading bytes are needed to parse the header: 10 for the fixed part, then
// data_offset once the length field is known. Returns 0 if `prefix` is too short to tell.
size_t npyHeaderSize(const std::string& prefix, const std::string& where);

// Parses the header at the start of `bytes` (which may hold only the header). Throws
// std::runtime_error naming `where` and what was expected. Fortran order and non-native
// structured dtypes are refused.
NpyHeader parseNpyHeader(const std::string& bytes, const std::string& where);

// Parses a descr string such as "|u1", "<i8", ">u2".
NpyDtype parseNpyDescr(const std::string& descr, const std::string& where);

// Converts `count` integers of `dtype` at `src` to int64 (byte order handled).
void npyIntegersToInt64(const NpyDtype& dtype, const uint8_t* src, int64_t count, int64_t* dst);

}  // namespace dino
