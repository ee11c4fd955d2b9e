// bf16 mixed precision: an RAII scope that turns libtorch's autocast on for one device (CPU or
// CUDA) and, when the outermost scope ends, drops autocast's cache of down-cast weights (they change
// at every optimizer step). Works with libtorch 1.13 and 2.x.
#pragma once

#include <torch/torch.h>

namespace dino {

class AutocastScope {
public:
    // enabled = false: does nothing (fp32).
    AutocastScope(torch::Device device, bool enabled, at::ScalarType dtype = at::kBFloat16);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool active_ = false;
    bool cuda_ = false;
    bool prev_enabled_ = false;
    at::ScalarType prev_dtype_ = at::kFloat;
};

}  // namespace dino
