// Process-wide tuning for the math, applied first thing in main() of `dino` and `dino-studio`, so
// that users get the fast configuration without knowing any environment variable. Torch-free.
#pragma once

namespace dino::api {

// 1. glibc malloc keeps large blocks on its heap (M_MMAP_MAX = 0) and does not return freed memory
//    to the system (M_TRIM_THRESHOLD huge): the training step allocates the same large temporaries
//    every step, which otherwise are mmap'ed, page-faulted and zeroed again each time.
//    DINO_MALLOC_TUNING=0 turns this off.
// 2. OpenBLAS chooses its kernels from the CPU model when the library is loaded, before main();
//    releases that do not know a newer AVX-512 CPU fall back to AVX2 (or older) kernels. When the
//    CPU has avx512f, OpenBLAS chose a non-AVX-512 core and OPENBLAS_CORETYPE is unset, the
//    program re-executes itself once with OPENBLAS_CORETYPE=SKYLAKEX. DINO_NO_REEXEC=1 turns this
//    off. Returns normally when no re-exec happened.
void tuneProcess(int argc, char** argv);

// The decisions of tuneProcess, for `dino info` and tests.
bool mallocTuningEnabled();
// "SKYLAKEX" when the re-exec above should happen, else "" (no AVX-512, not OpenBLAS, already set).
const char* preferredOpenblasCoretype();
// The same decision from its inputs: whether OPENBLAS_CORETYPE is set, whether the BLAS is OpenBLAS,
// whether the CPU has avx512f, and the core OpenBLAS chose (openblas_get_corename()).
const char* openblasCoretypeFor(bool coretype_set, bool is_openblas, bool has_avx512f, const char* corename);

}  // namespace dino::api
