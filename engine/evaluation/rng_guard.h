// Saves the default CPU generator's state and restores it at the end of the scope, so that work which
// builds models (and so draws initial weights) in the middle of a training run, such as an
// evaluation after an epoch, leaves the trainer's random stream exactly where it was.
#pragma once

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <mutex>

namespace dino {

class CpuRngGuard {
public:
    CpuRngGuard() : gen_(at::detail::getDefaultCPUGenerator()) {
        std::lock_guard<std::mutex> lock(gen_.mutex());
        state_ = gen_.get_state();
    }
    ~CpuRngGuard() {
        std::lock_guard<std::mutex> lock(gen_.mutex());
        gen_.set_state(state_);
    }
    CpuRngGuard(const CpuRngGuard&) = delete;
    CpuRngGuard& operator=(const CpuRngGuard&) = delete;

private:
    at::Generator gen_;
    torch::Tensor state_;
};

}  // namespace dino
