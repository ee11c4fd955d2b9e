// GELU with the exact (erf) form, x * Phi(x), on CPU float32 and bf16 tensors by a loop the compiler vectorises
// (AVX-512 or AVX2/FMA variants picked from the CPU's features), with its own backward dGELU = Phi(x) + x phi(x).
//
// Why: Debian's libtorch 1.13 computes erf with scalar libm calls here: GELU forward and backward on a
// ViT-tiny's (6400, 768) MLP activations took 12 + 13 ms per call on one core, about 8 % of a training
// step. Phi comes from erfc(z) = t P(t) exp(-z^2) with a degree-8 P fitted for us (relative error
// < 7e-8) and one exp, which the backward shares with phi; the result agrees with the exact GELU to
// float32 rounding (tests: < 1e-6 absolute, < 2e-6 relative wherever |GELU| > 0.01).
//
// bf16 (the MLP's fc1 output under bf16 autocast): each element is widened to fp32, computed as above
// and rounded once back to bf16 (nearest-even), forward and backward. libtorch 1.13's bf16 GELU calls
// a scalar erf per element and is further off (up to 0.6 % where ours is within one bf16 unit).
#pragma once

#include <torch/torch.h>

namespace dino {

// torch::gelu (approximate "none") for every input; the vectorised kernel where fastGeluSupports.
// Differentiable once.
torch::Tensor fastGelu(const torch::Tensor& x);

// CPU float32 or bf16, switched on (DINO_FAST_GELU=0 or the setter turns it off). GELU is not an
// autocast op, so autocast does not matter.
bool fastGeluSupports(const torch::Tensor& x);
void setFastGeluEnabled(bool enabled);
// The instruction set of the kernel this CPU runs: "AVX-512", "AVX2" or "baseline".
const char* fastGeluIsa();
bool fastGeluEnabled();

}  // namespace dino
