// The class token's attention over the patches (DINO's Figure 1; official visualize_attention.py):
// for one block of a ViT, the softmax row of the class-token query over the patch keys, per head,
// as a patch grid. Computed in float32 (the arithmetic is a fraction of one forward pass).
#pragma once

#include "model/vision_transformer.h"

#include <torch/torch.h>

namespace dino {

struct ClassTokenAttention {
    // (B, heads, gh, gw) float32: the class token's attention to each patch, renormalised over the
    // patches so that every (image, head) map sums to 1. The official script drops the class token's
    // own column without renormalising; its threshold mask renormalises, so the masks agree.
    torch::Tensor maps;
    torch::Tensor self_share;  // (B, heads): the attention the class token paid to itself (dropped)
};

// images: normalised (B, 3, H, W) on the encoder's device. block: 0-based, -1 = the last.
ClassTokenAttention classTokenAttention(VisionTransformer& encoder, const torch::Tensor& images, int block = -1);

}  // namespace dino
