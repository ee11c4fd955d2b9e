#include "common/precision.h"

#include <stdexcept>

namespace dino {

PrecisionChoice choosePrecision(const std::string& requested, const PrecisionFeatures& f) {
    const bool native = f.cuda ? f.cuda_bf16 : (f.amx_bf16 || f.avx512_bf16);
    const std::string hw = f.cuda ? (f.cuda_bf16 ? "the GPU computes bf16 natively" : "this GPU has no native bf16 (compute capability < 8.0)")
                           : f.amx_bf16 ? "the CPU has AMX-BF16"
                           : f.avx512_bf16 ? "the CPU has AVX512-BF16"
                                            : "this CPU has no native bf16 (neither AVX512-BF16 nor AMX-BF16)";
    if (requested == "auto") {
        if (native) return {"bf16", "auto: bf16 autocast, " + hw};
        return {"fp32", "auto: fp32, " + hw + (f.cuda ? "" : "; emulated bf16 would be ~20x slower")};
    }
    if (requested == "fp32") return {"fp32", "fp32, as set in system.precision"};
    if (requested == "bf16") {
        if (native) return {"bf16", "bf16, as set in system.precision (" + hw + ")"};
        return {"bf16", "bf16, as set in system.precision, although " + hw + ": bf16 is emulated and much slower than fp32"};
    }
    throw std::invalid_argument("system.precision must be auto, fp32 or bf16 (got \"" + requested + "\")");
}

}  // namespace dino
