// What this CPU offers, read one way for the whole program: the "flags" and the core topology of
// /proc/cpuinfo, which list what the kernel has enabled (AVX-512 and AMX state need its support;
// AMX also its permission, which oneDNN asks for). Read once and kept. Torch-free.
//
// Why not the compiler's __builtin_cpu_supports: clang 14 (the fuzz build) does not know "amx-bf16";
// nor Debian 12's libcpuinfo (2022), which has no AMX field.
#pragma once

#include <string>

namespace dino {

// Whether the flags line lists `flag` (e.g. "avx2", "fma", "avx512f", "avx512_bf16", "amx_bf16").
bool cpuHasFlag(const std::string& flag);

// Physical cores (distinct physical id / core id pairs, not hyper-threads); at least 1.
int physicalCores();

// The intra-op threads of each process: system.threads when set, else the physical cores shared by
// the processes of this machine (at least 1). Also api::threadsPerProcess.
int threadsPerProcess(int configured_threads, int physical_cores, int local_world_size);

// Whether this CPU computes bf16 matrix products natively (AVX512-BF16 or AMX-BF16). Without it,
// oneDNN's bf16 matmul is emulated and many times slower than fp32.
bool cpuHasNativeBf16();

}  // namespace dino
