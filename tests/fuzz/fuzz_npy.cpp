// The .npy header parser (dict literal, descr, shape): any input parses or throws runtime_error.
#include "data/npy.h"

#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)dino::npyHeaderSize(bytes, "fuzz.npy");
        dino::NpyHeader h = dino::parseNpyHeader(bytes, "fuzz.npy");
        (void)h.numel();
        (void)h.dataBytes();
        (void)h.shapeString();
        if (h.dtype.isInteger() && h.data_offset <= bytes.size()) {
            const int64_t n = static_cast<int64_t>((bytes.size() - h.data_offset) / static_cast<size_t>(h.dtype.itemsize));
            std::vector<int64_t> out(static_cast<size_t>(std::min<int64_t>(n, 4096)));
            dino::npyIntegersToInt64(h.dtype, data + h.data_offset, static_cast<int64_t>(out.size()), out.data());
        }
    } catch (const std::runtime_error&) {
        // a clear rejection is the expected outcome for most inputs
    }
    return 0;
}
