// ViT equal to timm 0.9.2's VisionTransformer(patch_size=4, embed_dim=192, depth=12, num_heads=3,
// img_size=28, in_chans=3, num_classes=0, pre_norm=True), with timm's state_dict names
// (cls_token, pos_embed, patch_embed.proj.weight, norm_pre.*, blocks.N.{norm1,attn.qkv,attn.proj,norm2,
// mlp.fc1,mlp.fc2}.*, norm.*). Output: the final-normed class token, (B, embed_dim).
#pragma once

#include "common/config.h"

#include <torch/torch.h>

namespace dino {

struct VitOptions {
    int img_size = 28;
    int patch_size = 4;
    int in_chans = 3;
    int embed_dim = 192;
    int depth = 12;
    int num_heads = 3;
    double mlp_ratio = 4.0;
    static VitOptions fromConfig(const ModelConfig& m, int img_size);
};

// One pre-LN transformer block: x + attn(norm1(x)); x + mlp(norm2(x)).
class BlockImpl : public torch::nn::Module {
public:
    BlockImpl(int dim, int num_heads, double mlp_ratio);
    // `scales` (2, B), optional: stochastic depth, image b's attention branch multiplied by scales[0][b]
    // and its MLP branch by scales[1][b] before they are added to the residual stream (0 = skipped,
    // 1 / (1 - p) = kept; timm's DropPath with its draw made by the caller). Undefined: both 1.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& scales = {});
    // The block's output for the class token alone, (B, N, C) -> (B, C): forward(x).select(1, 0) up to
    // rounding. Keys and values still come from every token, but the query, the attention row, the
    // output projection and the MLP run on one row per image. The ViT uses it for its last block,
    // whose other outputs nothing reads (about 7 % of a ViT-tiny step's arithmetic).
    torch::Tensor forwardClassToken(const torch::Tensor& x, const torch::Tensor& scales = {});
    // The block's attention probabilities softmax(q k^T / sqrt(head_dim)) for input x (B, N, C),
    // computed eagerly from norm1(x): (B, heads, N, N), each row summing to 1. What forward(x)
    // multiplies the values with (the fused kernels compute the same numbers without storing them).
    torch::Tensor attentionWeights(const torch::Tensor& x);
    // Registered in timm's order and names: norm1, attn (qkv, proj), norm2, mlp (fc1, fc2);
    // qkv/proj live in the child module "attn", fc1/fc2 in "mlp" (handles kept here for direct use).
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    torch::nn::Linear qkv{nullptr}, proj{nullptr}, fc1{nullptr}, fc2{nullptr};
    int num_heads;

private:
    torch::Tensor attention(const torch::Tensor& x);  // multi-head self-attention incl. proj
};
TORCH_MODULE(Block);

// The final-normed class token (B, D) and patch tokens (B, patches, D) of one forward pass.
struct VitTokens {
    torch::Tensor cls, patches;
};

class VisionTransformerImpl : public torch::nn::Module {
public:
    explicit VisionTransformerImpl(const VitOptions& o);
    // (B,3,H,W) -> (B, embed_dim). H, W that differ from img_size interpolate pos_embed (bicubic).
    // The last block computes the class token only (BlockImpl::forwardClassToken).
    // `drop_scales` (depth, 2, B), optional: stochastic depth, block i's branches scaled by
    // drop_scales[i] (BlockImpl::forward); the student's training passes give it, nothing else does.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& drop_scales = {});
    // (B,3,H,W) -> (B, 1 + tokens, embed_dim): every token after the final norm, all blocks in full.
    // forward(x) equals forwardTokens(x).select(1, 0) up to rounding.
    torch::Tensor forwardTokens(const torch::Tensor& x);
    // iBOT: forwardTokens split into the class token and the patch tokens, with the patch embeddings where
    // `mask` (B, gh*gw) bool is true replaced by the learnable mask token before the positions are added
    // (iBOT's and DINOv2's prepare_tokens_with_masks). An undefined mask masks nothing. Needs
    // enableMaskToken() when a mask is given.
    // `drop_scales` as forward's.
    VitTokens forwardWithPatches(const torch::Tensor& x, const torch::Tensor& mask = {}, const torch::Tensor& drop_scales = {});
    // Registers the learnable mask token "mask_token" (1, embed_dim), zeros as in iBOT and DINOv2. Only a
    // model trained with iBOT has it, so that the encoder of every other run keeps exactly timm's names
    // and parameters (export, optimizer state, older checkpoints); loading skips it where it is absent
    // from the model (evaluation builds the model without it), and the exports leave it out.
    void enableMaskToken();
    bool hasMaskToken() const { return mask_token.defined(); }
    // (B,3,H,W) -> (B, n * embed_dim): the class tokens of the last n blocks (1 <= n <= depth), each after
    // the final norm, oldest block first, as official DINO's eval_linear takes them
    // (get_intermediate_layers(x, n), then cat of x[:, 0]). The last embed_dim columns equal forward(x)
    // exactly (the same operations); forwardClassTokens(x, 1) is forward(x).
    torch::Tensor forwardClassTokens(const torch::Tensor& x, int n);
    // The attention probabilities of block `block` (0-based; -1 = the last), (B, heads, N, N) with
    // N = 1 + patches: the blocks before it run in full, as in official DINO's get_last_selfattention.
    torch::Tensor selfAttention(const torch::Tensor& x, int block = -1);
    const VitOptions& options() const { return opt_; }
    void resetParameters();  // timm init: trunc_normal(0.02) Linear/pos_embed, normal(1e-6) cls_token, zero biases
    // The position embedding (1, 1 + gh*gw, D) for a gh x gw patch grid: pos_embed itself for the
    // native grid, else its patch part resized bicubically (align_corners=false), class position kept.
    torch::Tensor interpolatePosEmbed(int64_t gh, int64_t gw);

private:
    VitOptions opt_;
    int64_t grid_ = 0;                      // img_size / patch_size
    torch::nn::Conv2d patch_proj{nullptr};  // registered as "patch_embed.proj" (no bias)
    torch::Tensor cls_token, pos_embed;
    torch::Tensor mask_token;               // iBOT only (enableMaskToken), else undefined
    torch::nn::LayerNorm norm_pre{nullptr}, norm{nullptr};
    std::vector<Block> blocks;              // registered as the ModuleList "blocks"
    // patches (masked ones replaced by the mask token) + class token + positions, norm_pre
    torch::Tensor embed(const torch::Tensor& x, const torch::Tensor& mask = {});
    // Block i's (2, B) slice of drop_scales, checked against the batch; undefined where drop_scales is.
    torch::Tensor blockScales(const torch::Tensor& drop_scales, size_t i, int64_t batch) const;
};
TORCH_MODULE(VisionTransformer);

}  // namespace dino
