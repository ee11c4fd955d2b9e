// safetensors files (`dino import`, model.init_weights): any input parses into tensors whose bytes
// lie inside the file, or throws runtime_error naming the file.
#include "export/safetensors.h"

#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        auto f = dino::parseSafetensors(std::string(reinterpret_cast<const char*>(data), size), "fuzz.safetensors");
        for (const auto& t : f.tensors) (void)t.tensor.sum().item<double>();  // touches every element
    } catch (const std::runtime_error&) {
    }
    return 0;
}
