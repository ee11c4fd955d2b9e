// Checkpoint files (`--checkpoint FILE`, resume): any input is read into the position and then the
// teacher of a small fixed model, or rejected with an exception naming the file. The corpus holds
// checkpoints of this model (tests/fuzz/corpus/checkpoint).
#include "training/checkpoint.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace {

dino::ModelConfig fuzzModel() {
    dino::ModelConfig m;
    m.embed_dim = 8;
    m.depth = 1;
    m.num_heads = 2;
    m.out_dim = 4;
    m.patch_size = 7;
    m.head_hidden_dim = 8;
    m.head_bottleneck_dim = 4;
    return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bool once = [] {
        torch::set_num_threads(1);
        return true;
    }();
    (void)once;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        auto info = dino::readCheckpointInfoFromBytes(bytes, "fuzz.ckpt");
        (void)info;
        auto model = dino::loadModelFromBytes(bytes, fuzzModel(), 28, "fuzz.ckpt");
        (void)model;
    } catch (const std::exception&) {
        // std::runtime_error from our checks, c10::Error from torch's archive reader
    }
    return 0;
}
