// On/off switches for DINO Studio's own CPU kernels (fused attention, oneDNN products, GELU), and the
// one condition they all share: CPU autocast hands an op to libtorch, which casts its inputs.
#pragma once

#include <atomic>

namespace dino {

// On unless the environment variable `env_name` is "0" when first read; set() overrides it.
class KernelSwitch {
public:
    explicit KernelSwitch(const char* env_name);
    bool on() const { return on_.load(std::memory_order_relaxed); }
    void set(bool on) { on_.store(on, std::memory_order_relaxed); }

private:
    std::atomic<bool> on_;
};

// Whether CPU autocast (bf16 mixed precision) is active on this thread.
bool cpuAutocastActive();
// ... with bf16 as its lower precision (the default, and the only one DINO Studio sets).
bool cpuAutocastBf16Active();

}  // namespace dino
