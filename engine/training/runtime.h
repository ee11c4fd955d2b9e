// Process and thread set-up for the math: thread counts, device choice, BLAS identification.
#pragma once

#include <torch/torch.h>

#include <string>

namespace dino {

// Physical cores (not hyper-threads) of this machine; at least 1.
int physicalCores();

// Sets libtorch's intra-op threads (0 = physicalCores()) for the calling thread and OpenMP. libtorch
// here starts with one thread; call this on the thread that runs the math. Returns the count set.
int applyThreads(int requested);

// "auto" -> cuda if available else cpu; "cuda" without CUDA throws a readable error.
torch::Device resolveDevice(const std::string& requested);

// Whether /proc/cpuinfo's "flags" line lists `flag` (e.g. "avx512f", "avx512_bf16", "amx_bf16").
bool cpuHasFlag(const std::string& flag);

// Whether this CPU computes bf16 matrix products natively (AVX512-BF16 or AMX-BF16). Without it,
// oneDNN's bf16 matmul is emulated and many times slower than fp32.
bool cpuHasNativeBf16();

// The features choosePrecision (common/precision.h) decides from, for a run on `device`.
struct PrecisionFeatures;
PrecisionFeatures precisionFeatures(torch::Device device);

// Name and kernel of the BLAS actually loaded, e.g. "OpenBLAS 0.3.21 (openmp), core SkylakeX".
std::string blasDescription();

}  // namespace dino
