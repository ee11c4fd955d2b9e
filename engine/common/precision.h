// Which arithmetic precision a run uses: system.precision = auto | fp32 | bf16. "auto" picks bf16
// autocast where the device computes bf16 natively (a CPU with AMX-BF16 or AVX512-BF16, a CUDA GPU),
// fp32 otherwise: without native support oneDNN emulates bf16 and is ~20x slower than fp32 (measured
// on a Zen 3). A pure function of the detected features, so that every case is tested on any
// machine. Torch-free.
#pragma once

#include <string>

namespace dino {

struct PrecisionFeatures {
    bool cuda = false;         // the run's device is a CUDA GPU
    bool cuda_bf16 = false;    // ... with native bf16 (compute capability 8.0 or newer)
    bool avx512_bf16 = false;  // CPU flags (/proc/cpuinfo)
    bool amx_bf16 = false;
};

struct PrecisionChoice {
    std::string precision;  // "fp32" or "bf16"
    std::string reason;     // one line for dino info, log.txt, status.json and the status bar
};

// `requested` is the config value (auto, fp32 or bf16). Throws std::invalid_argument otherwise.
PrecisionChoice choosePrecision(const std::string& requested, const PrecisionFeatures& f);

}  // namespace dino
