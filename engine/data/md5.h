// MD5 through libcrypto (OpenSSL's EVP interface), for verifying downloaded MedMNIST files against
// their published sums.
#pragma once

#include <cstddef>
#include <string>

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace dino {

class Md5 {
public:
    Md5();
    ~Md5();
    Md5(const Md5&) = delete;
    Md5& operator=(const Md5&) = delete;
    void update(const void* data, size_t n);
    std::string hexDigest();  // finishes (later calls return the same); 32 lowercase hex digits

private:
    EVP_MD_CTX* ctx_;
    bool done_ = false;
    std::string hex_;
};

std::string md5Hex(const std::string& bytes);

}  // namespace dino
