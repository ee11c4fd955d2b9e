// MD5 (RFC 1321), for verifying downloaded MedMNIST files against their published sums.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace dino {

class Md5 {
public:
    Md5();
    void update(const void* data, size_t n);
    std::string hexDigest();  // finishes; 32 lowercase hex digits

private:
    void block(const uint8_t* p);
    uint32_t a_, b_, c_, d_;
    uint64_t length_ = 0;  // bytes
    uint8_t buffer_[64];
    size_t used_ = 0;
};

std::string md5Hex(const std::string& bytes);

}  // namespace dino
