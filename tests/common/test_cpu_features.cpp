// CPU features are read one way (/proc/cpuinfo, common/cpu_features.h); on GCC the compiler's own
// CPUID-based __builtin_cpu_supports is an independent check of the same answers.
#include "common/cpu_features.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace dino;

TEST_CASE("CPU features: /proc/cpuinfo's flags agree with the compiler's CPUID check, cores are counted",
          "[cpu]") {
    CHECK_FALSE(cpuHasFlag("no_such_flag"));
    CHECK_FALSE(cpuHasFlag(""));
    CHECK(physicalCores() >= 1);
    CHECK(physicalCores() <= static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    CHECK(cpuHasNativeBf16() == (cpuHasFlag("avx512_bf16") || cpuHasFlag("amx_bf16")));
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    __builtin_cpu_init();
    CHECK(cpuHasFlag("sse2"));
    CHECK(cpuHasFlag("avx2") == static_cast<bool>(__builtin_cpu_supports("avx2")));
    CHECK(cpuHasFlag("fma") == static_cast<bool>(__builtin_cpu_supports("fma")));
    CHECK(cpuHasFlag("avx512f") == static_cast<bool>(__builtin_cpu_supports("avx512f")));
    CHECK(cpuHasFlag("avx512dq") == static_cast<bool>(__builtin_cpu_supports("avx512dq")));
    CHECK(cpuHasFlag("avx512_bf16") == static_cast<bool>(__builtin_cpu_supports("avx512bf16")));
    CHECK(cpuHasFlag("amx_bf16") == static_cast<bool>(__builtin_cpu_supports("amx-bf16")));
#endif
}
