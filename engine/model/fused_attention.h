// The core of multi-head self-attention, softmax(q k^T / sqrt(head_dim)) v, computed on the CPU one
// (image, head) pair at a time straight from the qkv projection's output, with its own backward.
//
// Why: with 50 tokens and head_dim 64 the eager form (reshape/permute of qkv, q * scale, bmm,
// softmax, bmm, transpose back) spends more time in copies and in ATen's per-matrix overhead than in
// arithmetic (measured ~17% of a ViT-tiny training step at 2 threads). Here each (image, head) is six
// small BLAS calls on strided views of qkv plus an in-cache softmax; no (B, heads, N, head_dim)
// copies are made. Same math as timm's Attention; rounding differs only by where the scale is applied
// (scale * (q k^T) instead of (q * scale) k^T).
#pragma once

#include <torch/torch.h>

namespace dino {

// qkv: (B, N, 3C) as produced by the qkv Linear, columns [q | k | v], each split into `heads` heads
// of C / heads. Returns (B, N, C) with the heads concatenated, ready for the output projection.
// Differentiable once (with respect to qkv).
torch::Tensor fusedAttention(const torch::Tensor& qkv, int64_t heads);

// Whether fusedAttention handles this input: CPU, float32 or float64, built with a BLAS, and not
// switched off. Otherwise callers use the eager form.
bool fusedAttentionSupports(const torch::Tensor& qkv);

// Whether this build has the kernel at all (it needs a BLAS at build time).
bool fusedAttentionBuilt();

// On by default; DINO_FUSED_ATTENTION=0 in the environment or this setter turns it off (for
// benchmarks and cross-checks against the eager form).
void setFusedAttentionEnabled(bool enabled);
bool fusedAttentionEnabled();

}  // namespace dino
