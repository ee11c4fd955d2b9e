#include "model/kernel_switch.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <cstdlib>
#include <cstring>

namespace dino {

KernelSwitch::KernelSwitch(const char* env_name) {
    const char* v = std::getenv(env_name);
    on_.store(!(v && std::strcmp(v, "0") == 0));
}

bool cpuAutocastActive() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCPU);
#else
    return at::autocast::is_cpu_enabled();
#endif
}

bool cpuAutocastBf16Active() {
    if (!cpuAutocastActive()) return false;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::get_autocast_dtype(at::kCPU) == at::kBFloat16;
#else
    return at::autocast::get_autocast_cpu_dtype() == at::kBFloat16;
#endif
}

}  // namespace dino
