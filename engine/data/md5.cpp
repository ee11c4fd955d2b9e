#include "data/md5.h"

#include "data/fetch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace dino {

namespace {

// Per-round shift amounts and the sine-derived constants K[i] = floor(2^32 * |sin(i + 1)|).
constexpr uint32_t kShift[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

const uint32_t* sineTable() {
    static uint32_t k[64];
    static bool init = [] {
        for (int i = 0; i < 64; ++i) k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
        return true;
    }();
    (void)init;
    return k;
}

inline uint32_t rotl(uint32_t x, uint32_t c) { return (x << c) | (x >> (32 - c)); }

}  // namespace

Md5::Md5() : a_(0x67452301), b_(0xefcdab89), c_(0x98badcfe), d_(0x10325476) {}

void Md5::block(const uint8_t* p) {
    const uint32_t* K = sineTable();
    uint32_t m[16];
    for (int i = 0; i < 16; ++i)
        m[i] = uint32_t(p[4 * i]) | (uint32_t(p[4 * i + 1]) << 8) | (uint32_t(p[4 * i + 2]) << 16) |
               (uint32_t(p[4 * i + 3]) << 24);
    uint32_t a = a_, b = b_, c = c_, d = d_;
    for (uint32_t i = 0; i < 64; ++i) {
        uint32_t f, g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t tmp = d;
        d = c;
        c = b;
        b = b + rotl(a + f + K[i] + m[g], kShift[i]);
        a = tmp;
    }
    a_ += a;
    b_ += b;
    c_ += c;
    d_ += d;
}

void Md5::update(const void* data, size_t n) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    length_ += n;
    if (used_ > 0) {
        size_t take = std::min(n, 64 - used_);
        std::memcpy(buffer_ + used_, p, take);
        used_ += take;
        p += take;
        n -= take;
        if (used_ == 64) {
            block(buffer_);
            used_ = 0;
        }
    }
    while (n >= 64) {
        block(p);
        p += 64;
        n -= 64;
    }
    if (n > 0) {
        std::memcpy(buffer_, p, n);
        used_ = n;
    }
}

std::string Md5::hexDigest() {
    const uint64_t bits = length_ * 8;
    uint8_t pad[72] = {0x80};
    size_t padlen = (used_ < 56) ? 56 - used_ : 120 - used_;
    update(pad, padlen);
    uint8_t len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<uint8_t>(bits >> (8 * i));
    update(len, 8);
    char out[33];
    const uint32_t words[4] = {a_, b_, c_, d_};
    for (int w = 0; w < 4; ++w)
        for (int i = 0; i < 4; ++i) std::snprintf(out + 8 * w + 2 * i, 3, "%02x", (words[w] >> (8 * i)) & 0xff);
    return std::string(out, 32);
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
        std::streamsize got = in.gcount();
        if (got > 0) m.update(buf.data(), static_cast<size_t>(got));
    }
    if (in.bad()) throw std::runtime_error("read error in " + path + " while computing its MD5");
    return m.hexDigest();
}

}  // namespace dino
