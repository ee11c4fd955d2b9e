#include "data/md5.h"

#include "data/fetch.h"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace dino {

Md5::Md5() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_md5(), nullptr) != 1)
        throw std::runtime_error("MD5: libcrypto could not start a digest");
}

Md5::~Md5() { EVP_MD_CTX_free(ctx_); }

void Md5::update(const void* data, size_t n) {
    if (done_) throw std::logic_error("MD5: update after hexDigest");
    if (n > 0 && EVP_DigestUpdate(ctx_, data, n) != 1) throw std::runtime_error("MD5: libcrypto digest update failed");
}

std::string Md5::hexDigest() {
    if (!done_) {
        unsigned char d[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(ctx_, d, &len) != 1 || len != 16) throw std::runtime_error("MD5: libcrypto digest failed");
        static const char* hex = "0123456789abcdef";
        for (unsigned int i = 0; i < len; ++i) {
            hex_ += hex[d[i] >> 4];
            hex_ += hex[d[i] & 15];
        }
        done_ = true;
    }
    return hex_;
}

std::string md5Hex(const std::string& bytes) {
    Md5 m;
    m.update(bytes.data(), bytes.size());
    return m.hexDigest();
}

std::string md5File(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + " to compute its MD5");
    Md5 m;
    std::vector<char> buf(1 << 20);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const std::streamsize got = in.gcount();
        if (got > 0) m.update(buf.data(), static_cast<size_t>(got));
    }
    if (in.bad()) throw std::runtime_error("read error in " + path + " while computing its MD5");
    return m.hexDigest();
}

}  // namespace dino
