#include "data/idx.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace dino {

namespace {

struct GzCloser {
    void operator()(gzFile f) const {
        if (f) gzclose(f);
    }
};

// Reads exactly n bytes or throws, naming the file and what was being read.
void readExactly(gzFile f, void* out, size_t n, const std::string& path, const char* what) {
    auto* p = static_cast<unsigned char*>(out);
    size_t done = 0;
    while (done < n) {
        const unsigned chunk = static_cast<unsigned>(std::min<size_t>(n - done, 1u << 30));
        const int got = gzread(f, p + done, chunk);
        if (got < 0) {
            int err = 0;
            const char* msg = gzerror(f, &err);
            throw std::runtime_error(path + ": cannot read the " + what + " (" + (msg ? msg : "zlib error") + ")");
        }
        if (got == 0)
            throw std::runtime_error(path + ": the file ends inside the " + what + " (" + std::to_string(done) +
                                     " of " + std::to_string(n) + " bytes); is it truncated?");
        done += static_cast<size_t>(got);
    }
}

}  // namespace

torch::Tensor readIdx(const std::string& path) {
    std::unique_ptr<gzFile_s, GzCloser> f(gzopen(path.c_str(), "rb"));
    if (!f) throw std::runtime_error(path + ": cannot open (missing or unreadable)");
    unsigned char magic[4];
    readExactly(f.get(), magic, 4, path, "IDX magic number");
    if (magic[0] != 0 || magic[1] != 0)
        throw std::runtime_error(path + ": not an IDX file (its first two bytes are not zero)");
    if (magic[2] != 0x08) {
        char type[8];
        std::snprintf(type, sizeof type, "0x%02X", magic[2]);
        throw std::runtime_error(path + ": IDX data type " + type +
                                 ", expected 0x08 (unsigned bytes, as in MNIST and Fashion-MNIST)");
    }
    const int dims = magic[3];
    if (dims < 1 || dims > 4) throw std::runtime_error(path + ": " + std::to_string(dims) + " dimensions, expected 1 to 4");
    std::vector<int64_t> shape;
    int64_t count = 1;
    for (int d = 0; d < dims; ++d) {
        unsigned char b[4];
        readExactly(f.get(), b, 4, path, "IDX dimensions");
        const int64_t n = (int64_t(b[0]) << 24) | (int64_t(b[1]) << 16) | (int64_t(b[2]) << 8) | int64_t(b[3]);
        if (n <= 0 || n > (int64_t(1) << 31)) throw std::runtime_error(path + ": dimension " + std::to_string(d) + " is " + std::to_string(n));
        shape.push_back(n);
        count *= n;
        if (count > (int64_t(1) << 34)) throw std::runtime_error(path + ": the array would hold more than 16 GiB");
    }
    auto t = torch::empty(shape, torch::kUInt8);
    readExactly(f.get(), t.data_ptr<uint8_t>(), static_cast<size_t>(count), path, "IDX values");
    unsigned char extra;
    if (gzread(f.get(), &extra, 1) > 0)
        throw std::runtime_error(path + ": more bytes than its header's shape says; is it an IDX file?");
    return t;
}

}  // namespace dino
