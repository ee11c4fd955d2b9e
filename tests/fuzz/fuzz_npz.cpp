// .npz archives through libzip: list the arrays, read every header and every array (up to 64 MB),
// as the dataset loader does. Any input loads or throws runtime_error.
#include "data/npz.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        auto npz = dino::NpzArchive::openMemory(std::string(reinterpret_cast<const char*>(data), size), "fuzz.npz");
        std::vector<char> buffer;
        for (const auto& name : npz.arrays()) {
            try {
                (void)npz.header(name);
                npz.read(
                    name,
                    [](const dino::NpyHeader& h) {
                        if (h.dataBytes() > (64u << 20)) throw std::runtime_error("too large for the fuzzer");
                    },
                    [&](const dino::NpyHeader& h) -> void* {
                        buffer.assign(static_cast<size_t>(h.dataBytes()) + 1, 0);
                        return buffer.data();
                    });
            } catch (const std::runtime_error&) {
            }
        }
    } catch (const std::runtime_error&) {
    }
    return 0;
}
