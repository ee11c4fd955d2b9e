#include "model/vision_transformer.h"

#include "model/fast_gelu.h"
#include "model/fused_attention.h"
#include "model/init.h"
#include "model/onednn_gemm.h"

#include <torch/version.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino {

namespace nnf = torch::nn::functional;

namespace {

// The block's Linear layers run through oneDNN's sgemm where it is faster (CPU float32), oneDNN's bf16
// matmul under CPU bf16 autocast, else through torch::linear; same math. Under bf16 autocast the
// products whose results go on in fp32 (qkv into the fused attention, proj and fc2 into the residual
// stream) return fp32 from the accumulator; fc1 returns bf16 for the bf16 GELU and fc2.
torch::Tensor linear(const torch::nn::Linear& l, const torch::Tensor& x, LinearOut out = LinearOut::Bf16) {
    return onednnLinear(x, l->weight, l->bias, out);
}

// The MLP branch: fc2(GELU(fc1(h))).
torch::Tensor mlp(const torch::nn::Linear& fc1, const torch::nn::Linear& fc2, const torch::Tensor& h) {
    return linear(fc2, fastGelu(linear(fc1, h)), LinearOut::Float);  // exact-erf GELU
}

// The residual update x + branch, the branch scaled per image by scales[which] (B) where the block's
// scales (2, B) are given (stochastic depth); they broadcast over the branch's other dimensions.
torch::Tensor residual(const torch::Tensor& x, const torch::Tensor& branch, const torch::Tensor& scales, int64_t which) {
    if (!scales.defined()) return x + branch;
    std::vector<int64_t> shape(static_cast<size_t>(branch.dim()), 1);
    shape[0] = branch.size(0);
    return x + branch * scales[which].to(branch.device(), branch.scalar_type()).view(shape);
}

constexpr double kLayerNormEps = 1e-6;  // timm ViT: partial(nn.LayerNorm, eps=1e-6)

torch::nn::LayerNorm layerNorm(int dim) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(kLayerNormEps));
}

}  // namespace

VitOptions VitOptions::fromConfig(const ModelConfig& m, int img_size) {
    VitOptions o;
    o.img_size = img_size;
    o.patch_size = m.patch_size;
    o.in_chans = 3;
    o.embed_dim = m.embed_dim;
    o.depth = m.depth;
    o.num_heads = m.num_heads;
    o.mlp_ratio = m.mlp_ratio;
    return o;
}

// ---------------------------------------------------------------------------------------------
BlockImpl::BlockImpl(int dim, int heads, double mlp_ratio) : num_heads(heads) {
    if (dim <= 0 || heads <= 0 || dim % heads != 0)
        throw std::invalid_argument("ViT block: embed_dim (" + std::to_string(dim) +
                                    ") must be a positive multiple of num_heads (" + std::to_string(heads) + ")");
    const int hidden = static_cast<int>(dim * mlp_ratio);  // timm: int(dim * mlp_ratio)
    if (hidden <= 0)
        throw std::invalid_argument("ViT block: mlp_ratio must be > 0 (got " + std::to_string(mlp_ratio) + ")");

    norm1 = register_module("norm1", layerNorm(dim));
    auto attn = std::make_shared<torch::nn::Module>("Attention");
    qkv = attn->register_module("qkv", torch::nn::Linear(torch::nn::LinearOptions(dim, 3 * dim).bias(true)));
    proj = attn->register_module("proj", torch::nn::Linear(dim, dim));
    register_module("attn", attn);
    norm2 = register_module("norm2", layerNorm(dim));
    auto mlp = std::make_shared<torch::nn::Module>("Mlp");
    fc1 = mlp->register_module("fc1", torch::nn::Linear(dim, hidden));
    fc2 = mlp->register_module("fc2", torch::nn::Linear(hidden, dim));
    register_module("mlp", mlp);
}

torch::Tensor BlockImpl::attention(const torch::Tensor& x) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2);
    const int64_t head_dim = C / num_heads;
    auto qkv_out = linear(qkv, x, LinearOut::Float);  // fp32 under bf16 autocast too
    if (fusedAttentionSupports(qkv_out))  // CPU float/double: per (image, head) kernels, no permuted copies
        return linear(proj, fusedAttention(qkv_out, num_heads), LinearOut::Float);
    // (B, N, 3C) -> (3, B, heads, N, head_dim)
    auto parts = qkv_out.reshape({B, N, 3, num_heads, head_dim}).permute({2, 0, 3, 1, 4}).unbind(0);
    const auto& q = parts[0];
    const auto& k = parts[1];
    const auto& v = parts[2];
#if TORCH_VERSION_MAJOR >= 2
    // Fused kernel, same math: softmax(q k^T / sqrt(head_dim)) v.
    auto out = at::scaled_dot_product_attention(q, k, v);
#else
    const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
    auto attn = torch::matmul(q * scale, k.transpose(-2, -1)).softmax(-1);
    auto out = torch::matmul(attn, v);
#endif
    return linear(proj, out.transpose(1, 2).reshape({B, N, C}), LinearOut::Float);
}

torch::Tensor BlockImpl::attentionWeights(const torch::Tensor& x) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2);
    const int64_t head_dim = C / num_heads;
    auto parts = linear(qkv, norm1->forward(x)).reshape({B, N, 3, num_heads, head_dim}).permute({2, 0, 3, 1, 4});
    const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
    return torch::matmul(parts[0] * scale, parts[1].transpose(-2, -1)).softmax(-1);
}

torch::Tensor BlockImpl::forward(const torch::Tensor& x, const torch::Tensor& scales) {
    auto y = residual(x, attention(norm1->forward(x)), scales, 0);
    return residual(y, mlp(fc1, fc2, norm2->forward(y)), scales, 1);
}

torch::Tensor BlockImpl::forwardClassToken(const torch::Tensor& x, const torch::Tensor& scales) {
    const int64_t B = x.size(0), N = x.size(1), C = x.size(2);
    const int64_t head_dim = C / num_heads;
    auto h = norm1->forward(x);
    const auto& w = qkv->weight;
    const auto& b = qkv->bias;
    auto q = onednnLinear(h.select(1, 0), w.narrow(0, 0, C), b.narrow(0, 0, C), LinearOut::Float);  // (B, C)
    auto kv = onednnLinear(h, w.narrow(0, C, 2 * C), b.narrow(0, C, 2 * C), LinearOut::Float)       // (B, N, 2C)
                  .view({B, N, 2, num_heads, head_dim});
    auto k = kv.select(2, 0);  // (B, N, heads, head_dim)
    auto v = kv.select(2, 1);
    // One query row per (image, head): broadcast products instead of batched 1 x N matmuls.
    const double scale = 1.0 / std::sqrt(static_cast<double>(head_dim));
    auto attn = ((q.view({B, 1, num_heads, head_dim}) * scale) * k).sum(-1).softmax(1);  // (B, N, heads)
    auto out = (attn.unsqueeze(-1) * v).sum(1).reshape({B, C});                          // (B, C)
    auto y = residual(x.select(1, 0), linear(proj, out, LinearOut::Float), scales, 0);
    return residual(y, mlp(fc1, fc2, norm2->forward(y)), scales, 1);
}

// ---------------------------------------------------------------------------------------------
VisionTransformerImpl::VisionTransformerImpl(const VitOptions& o) : opt_(o) {
    if (o.patch_size <= 0 || o.img_size < o.patch_size)
        throw std::invalid_argument("ViT: patch_size (" + std::to_string(o.patch_size) +
                                    ") must be > 0 and <= img_size (" + std::to_string(o.img_size) + ")");
    if (o.in_chans <= 0 || o.depth <= 0)
        throw std::invalid_argument("ViT: in_chans and depth must be > 0");
    if (o.embed_dim <= 0 || o.num_heads <= 0 || o.embed_dim % o.num_heads != 0)
        throw std::invalid_argument("ViT: embed_dim (" + std::to_string(o.embed_dim) +
                                    ") must be a positive multiple of num_heads (" + std::to_string(o.num_heads) + ")");
    grid_ = o.img_size / o.patch_size;
    const int D = o.embed_dim;

    // Own parameters first (timm's state_dict starts with cls_token, pos_embed), then the children.
    cls_token = register_parameter("cls_token", torch::zeros({1, 1, D}));
    pos_embed = register_parameter("pos_embed", torch::zeros({1, 1 + grid_ * grid_, D}));
    auto patch_embed = std::make_shared<torch::nn::Module>("PatchEmbed");
    // timm 0.9.2 drops the patch-embedding bias when pre_norm=True.
    patch_proj = patch_embed->register_module(
        "proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(o.in_chans, D, o.patch_size).stride(o.patch_size).bias(false)));
    register_module("patch_embed", patch_embed);
    norm_pre = register_module("norm_pre", layerNorm(D));
    auto list = torch::nn::ModuleList();
    for (int i = 0; i < o.depth; ++i) {
        blocks.push_back(Block(D, o.num_heads, o.mlp_ratio));
        list->push_back(blocks.back());
    }
    register_module("blocks", list);
    norm = register_module("norm", layerNorm(D));
    resetParameters();
}

void VisionTransformerImpl::resetParameters() {
    torch::NoGradGuard no_grad;
    truncNormal_(pos_embed, 0.02);
    torch::nn::init::normal_(cls_token, 0.0, 1e-6);
    // timm's init_weights_vit_timm touches nn.Linear only; the patch conv keeps PyTorch's default.
    patch_proj->reset_parameters();
    norm_pre->reset_parameters();
    norm->reset_parameters();
    for (auto& b : blocks) {
        for (auto* lin : {&b->qkv, &b->proj, &b->fc1, &b->fc2}) {
            truncNormal_((*lin)->weight, 0.02);
            (*lin)->bias.zero_();
        }
        b->norm1->reset_parameters();
        b->norm2->reset_parameters();
    }
}

torch::Tensor VisionTransformerImpl::interpolatePosEmbed(int64_t gh, int64_t gw) {
    if (gh == grid_ && gw == grid_)
        return pos_embed;
    const int64_t D = pos_embed.size(2);
    auto cls_pos = pos_embed.narrow(1, 0, 1);
    auto patch_pos = pos_embed.narrow(1, 1, grid_ * grid_).reshape({1, grid_, grid_, D}).permute({0, 3, 1, 2});
    // Bicubic resize of the patch grid as official DINO's interpolate_pos_encoding (size-based,
    // align_corners=false); the class-token position is kept as is.
    patch_pos = nnf::interpolate(patch_pos, nnf::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{gh, gw})
                                                .mode(torch::kBicubic)
                                                .align_corners(false));
    patch_pos = patch_pos.permute({0, 2, 3, 1}).reshape({1, gh * gw, D});
    return torch::cat({cls_pos, patch_pos}, 1);
}

void VisionTransformerImpl::enableMaskToken() {
    if (mask_token.defined()) return;
    // Registered after the encoder's own parameters and children were initialised: no random draw.
    mask_token = register_parameter("mask_token", torch::zeros({1, opt_.embed_dim}, pos_embed.options()));
}

torch::Tensor VisionTransformerImpl::embed(const torch::Tensor& x, const torch::Tensor& mask) {
    if (x.dim() != 4 || x.size(1) != opt_.in_chans || x.size(2) < opt_.patch_size || x.size(3) < opt_.patch_size)
        throw std::invalid_argument("ViT: expected input (B, " + std::to_string(opt_.in_chans) +
                                    ", H, W) with H, W >= " + std::to_string(opt_.patch_size) + ", got " +
                                    c10::str(x.sizes()));
    auto t = patch_proj->forward(x);  // (B, D, gh, gw)
    const int64_t B = t.size(0), gh = t.size(2), gw = t.size(3);
    t = t.flatten(2).transpose(1, 2);  // (B, gh*gw, D)
    if (mask.defined()) {
        if (!mask_token.defined()) throw std::logic_error("ViT: a patch mask needs the mask token (enableMaskToken)");
        if (mask.dim() != 2 || mask.size(0) != B || mask.size(1) != gh * gw)
            throw std::invalid_argument("ViT: the patch mask must be (" + std::to_string(B) + ", " + std::to_string(gh * gw) +
                                        "), got " + c10::str(mask.sizes()));
        t = torch::where(mask.to(t.device(), torch::kBool).unsqueeze(-1), mask_token.to(t.dtype()).unsqueeze(0), t);
    }
    t = torch::cat({cls_token.expand({B, -1, -1}), t}, 1);
    t = t + interpolatePosEmbed(gh, gw);
    return norm_pre->forward(t);
}

torch::Tensor VisionTransformerImpl::blockScales(const torch::Tensor& drop_scales, size_t i, int64_t batch) const {
    if (!drop_scales.defined()) return {};
    if (drop_scales.dim() != 3 || drop_scales.size(0) != static_cast<int64_t>(blocks.size()) || drop_scales.size(1) != 2 ||
        drop_scales.size(2) != batch)
        throw std::invalid_argument("ViT: the drop-path scales must be (" + std::to_string(blocks.size()) + ", 2, " +
                                    std::to_string(batch) + "), got " + c10::str(drop_scales.sizes()));
    return drop_scales[static_cast<int64_t>(i)];
}

torch::Tensor VisionTransformerImpl::forward(const torch::Tensor& x, const torch::Tensor& drop_scales) {
    auto t = embed(x);
    const int64_t B = t.size(0);
    for (size_t i = 0; i + 1 < blocks.size(); ++i)
        t = blocks[i]->forward(t, blockScales(drop_scales, i, B));
    // The final norm is per token.
    return norm->forward(blocks.back()->forwardClassToken(t, blockScales(drop_scales, blocks.size() - 1, B)));
}

torch::Tensor VisionTransformerImpl::forwardClassTokens(const torch::Tensor& x, int n) {
    const int depth = static_cast<int>(blocks.size());
    if (n < 1 || n > depth)
        throw std::invalid_argument("ViT: class tokens of the last " + std::to_string(n) + " blocks asked for, the model has " +
                                    std::to_string(depth) + " blocks");
    auto t = embed(x);
    std::vector<torch::Tensor> tokens;
    for (int i = 0; i + 1 < depth; ++i) {
        t = blocks[static_cast<size_t>(i)]->forward(t);
        if (i >= depth - n) tokens.push_back(norm->forward(t.select(1, 0)));  // the final norm is per token
    }
    tokens.push_back(norm->forward(blocks.back()->forwardClassToken(t)));
    return tokens.size() == 1 ? tokens.front() : torch::cat(tokens, 1);
}

torch::Tensor VisionTransformerImpl::forwardTokens(const torch::Tensor& x) {
    auto t = embed(x);
    for (auto& b : blocks)
        t = b->forward(t);
    return norm->forward(t);
}

VitTokens VisionTransformerImpl::forwardWithPatches(const torch::Tensor& x, const torch::Tensor& mask,
                                                    const torch::Tensor& drop_scales) {
    auto t = embed(x, mask);
    const int64_t B = t.size(0);
    for (size_t i = 0; i < blocks.size(); ++i)
        t = blocks[i]->forward(t, blockScales(drop_scales, i, B));
    t = norm->forward(t);
    return {t.select(1, 0), t.narrow(1, 1, t.size(1) - 1)};
}

torch::Tensor VisionTransformerImpl::selfAttention(const torch::Tensor& x, int block) {
    const int depth = static_cast<int>(blocks.size());
    if (block < 0) block += depth;
    if (block < 0 || block >= depth)
        throw std::invalid_argument("ViT: block " + std::to_string(block) + " does not exist (the model has " +
                                    std::to_string(depth) + " blocks, 0-based)");
    auto t = embed(x);
    for (int i = 0; i < block; ++i)
        t = blocks[static_cast<size_t>(i)]->forward(t);
    return blocks[static_cast<size_t>(block)]->attentionWeights(t);
}

}  // namespace dino
