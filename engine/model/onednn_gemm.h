// oneDNN's sgemm for the ViT's float32 products on the CPU: the Linear layers (onednnLinear, with its
// own backward: dx = dy W, dW = dy^T x, db = sum of dy over rows) and the fused attention's small
// per-head products (onednnSgemm).
//
// Why: libtorch runs nn.Linear through the system BLAS (OpenBLAS on Debian). For a ViT-tiny's
// shapes (thousands of token rows, K = 192 or 768) oneDNN's JIT sgemm, which libtorch already loads,
// is ~10 % faster over a block's forward and backward products (measured one thread, Zen 3: 285 ms
// against 319 ms for one of each), most of it on the forward products, and it writes a beta = 0
// result in one pass where OpenBLAS first zeroes the output (5 % of a training step in a profile).
// On the attention's 50 x 50 x 64 products it reaches 49-73 GFLOP/s where OpenBLAS reaches 37-46.
// Same math as torch::linear; float32 rounding differs only by the order of the products.
#pragma once

#include <torch/torch.h>

namespace dino {

// Under CPU bf16 autocast: the result's dtype. Bf16 is autocast's own (and what a following GELU
// wants); Float asks for fp32 straight from the fp32 accumulator, for a product that feeds an fp32
// consumer (the residual stream, the fused attention), which saves a cast and a rounding.
enum class LinearOut { Bf16, Float };

// x (..., K) float32, w (N, K), b (N) or undefined -> (..., N). Differentiable with respect to x, w
// and b. Under CPU bf16 autocast, where onednnLinearBf16Supports: bf16 products through oneDNN's
// matmul (x and w rounded to bf16, fp32 accumulation, the bias added in fp32, dW in w's fp32), with
// no transposed copies in the backward. Falls back to torch::linear for anything both reject.
torch::Tensor onednnLinear(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b,
                           LinearOut out = LinearOut::Bf16);

// Whether onednnLinear takes this input itself: onednnAvailable(), CPU float32 for x,
// w and b, w a row-major (N, K) block, and no autocast active (autocast must cast the inputs).
bool onednnLinearSupports(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b);

// The bf16 path's switch. Auto: on where the CPU computes bf16 natively (AVX512-BF16 or AMX-BF16);
// elsewhere oneDNN would emulate it, and libtorch's path is kept. On: everywhere (tests). The
// environment's DINO_ONEDNN_BF16=0 / 1 picks Off / On at start (benchmarks); DINO_ONEDNN=0 turns it
// off with the fp32 sgemm.
enum class OnednnBf16Mode { Auto, On, Off };
void setOnednnBf16Mode(OnednnBf16Mode mode);
OnednnBf16Mode onednnBf16Mode();  // Off in a build without oneDNN
bool onednnBf16Active();
// Whether onednnLinear takes this input on its bf16 path: onednnBf16Active(), CPU bf16 autocast on
// this thread, x float32 or bf16, w and b float32, non-empty.
bool onednnLinearBf16Supports(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b);

// Row-major C (m x n) = alpha op(A) op(B) + beta C, op = transpose when ta / tb is 'T'. Only when
// onednnAvailable(); throws on a oneDNN error.
void onednnSgemm(char ta, char tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                 const float* b, int64_t ldb, float beta, float* c, int64_t ldc);

// Whether this build links oneDNN's sgemm at all (found by CMake next to libtorch).
bool onednnBuilt();
// Built and switched on.
bool onednnAvailable();

// On by default; DINO_ONEDNN=0 in the environment or this setter turns it off (benchmarks and
// cross-checks against libtorch's Linear and the BLAS attention).
void setOnednnEnabled(bool enabled);
bool onednnEnabled();

}  // namespace dino
