#include "export/npy.h"

#include "common/fsutil.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace dino {

namespace {

struct NpyType {
    const char* descr;
    torch::ScalarType type;
};

const NpyType kTypes[] = {{"<f4", torch::kFloat}, {"<f8", torch::kDouble}, {"<i8", torch::kLong},
                          {"<i4", torch::kInt},   {"<i2", torch::kShort},  {"|i1", torch::kChar},
                          {"|u1", torch::kByte},  {"|b1", torch::kBool}};

void requireLittleEndianHost() {
    const uint16_t probe = 1;
    uint8_t first = 0;
    std::memcpy(&first, &probe, 1);
    if (first != 1) throw std::runtime_error("npy: big-endian hosts are not supported");
}

}  // namespace

std::string npyDescr(torch::ScalarType t) {
    for (const auto& n : kTypes)
        if (n.type == t) return n.descr;
    throw std::invalid_argument(std::string("npy: unsupported dtype ") + c10::toString(t));
}

std::string npyBytes(const torch::Tensor& tensor) {
    requireLittleEndianHost();
    if (!tensor.defined()) throw std::invalid_argument("npy: undefined tensor");
    const auto t = tensor.detach().to(torch::kCPU).contiguous();
    std::string shape = "(";
    for (int64_t i = 0; i < t.dim(); ++i) shape += std::to_string(t.size(i)) + (t.dim() == 1 ? "," : i + 1 < t.dim() ? ", " : "");
    shape += ")";
    std::string header = "{'descr': '" + npyDescr(t.scalar_type()) + "', 'fortran_order': False, 'shape': " + shape + ", }";
    const size_t preamble = 10;  // magic (6) + version (2) + header length (2)
    header.append((64 - (preamble + header.size() + 1) % 64) % 64, ' ');
    header.push_back('\n');
    if (header.size() > 65535) throw std::invalid_argument("npy: header too long");
    std::string out("\x93NUMPY\x01\x00", 8);
    out.push_back(char(header.size() & 0xff));
    out.push_back(char(header.size() >> 8));
    out += header;
    out.append(static_cast<const char*>(t.data_ptr()), size_t(t.numel()) * size_t(t.element_size()));
    return out;
}

void writeNpy(const std::string& path, const torch::Tensor& t) { writeFileAtomic(path, npyBytes(t)); }

}  // namespace dino
