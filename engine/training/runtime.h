// Process and thread set-up for the math: thread counts, device choice, BLAS identification.
#pragma once

#include "common/cpu_features.h"  // physicalCores, cpuHasFlag, cpuHasNativeBf16

#include <torch/torch.h>

#include <string>

namespace dino {

// Sets libtorch's intra-op threads (0 = physicalCores()) for the calling thread and OpenMP. libtorch
// here starts with one thread; call this on the thread that runs the math. Returns the count set.
int applyThreads(int requested);

// "auto" -> cuda if available else cpu; "cuda" without CUDA throws a readable error.
torch::Device resolveDevice(const std::string& requested);

// The features choosePrecision (common/precision.h) decides from, for a run on `device`.
struct PrecisionFeatures;
PrecisionFeatures precisionFeatures(torch::Device device);

// Name and kernel of the BLAS actually loaded, e.g. "OpenBLAS 0.3.21 (openmp), core SkylakeX".
std::string blasDescription();

}  // namespace dino
