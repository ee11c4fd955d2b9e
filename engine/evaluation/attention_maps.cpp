#include "evaluation/attention_maps.h"

#include <stdexcept>

namespace dino {

ClassTokenAttention classTokenAttention(VisionTransformer& encoder, const torch::Tensor& images, int block) {
    torch::NoGradGuard no_grad;
    const auto& o = encoder->options();
    const int64_t gh = images.size(2) / o.patch_size, gw = images.size(3) / o.patch_size;
    const auto attn = encoder->selfAttention(images.to(torch::kFloat), block);  // (B, heads, N, N)
    const auto cls_row = attn.select(2, 0).to(torch::kFloat);                 // (B, heads, N)
    ClassTokenAttention r;
    r.self_share = cls_row.select(2, 0).contiguous();
    const auto patches = cls_row.narrow(2, 1, gh * gw);
    r.maps = (patches / patches.sum(2, /*keepdim=*/true)).reshape({images.size(0), cls_row.size(1), gh, gw}).contiguous();
    return r;
}

}  // namespace dino
