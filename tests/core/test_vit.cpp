// ViT-tiny: timm 0.9.2's state_dict names and counts, shapes, initialisation, position-embedding
// interpolation; the DINO model's counts.
#include <catch2/catch.hpp>

#include "core_test_util.h"
#include "model/dino_model.h"
#include "model/init.h"
#include "model/fast_gelu.h"
#include "model/fused_attention.h"
#include "model/onednn_gemm.h"
#include "model/vision_transformer.h"

#include <cmath>

using namespace dino;

namespace {

// timm 0.9.2 VisionTransformer(..., pre_norm=True, num_classes=0).state_dict().keys(), in order.
std::vector<std::string> timmKeys(int depth) {
    std::vector<std::string> k = {"cls_token", "pos_embed", "patch_embed.proj.weight", "norm_pre.weight",
                                  "norm_pre.bias"};
    for (int b = 0; b < depth; ++b)
        for (const char* s : {"norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight",
                              "attn.proj.bias", "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias",
                              "mlp.fc2.weight", "mlp.fc2.bias"})
            k.push_back("blocks." + std::to_string(b) + "." + s);
    k.push_back("norm.weight");
    k.push_back("norm.bias");
    return k;
}

VisionTransformer vitTiny() { return VisionTransformer(VitOptions{}); }

}  // namespace

TEST_CASE("ViT-tiny state_dict keys, shapes and parameter count equal timm's", "[vit]") {
    auto vit = vitTiny();
    auto params = vit->named_parameters();
    std::vector<std::string> keys;
    for (const auto& p : params)
        keys.push_back(p.key());
    const auto& counts = dino::test::golden().at("param_counts");
    CHECK(keys.size() == counts["vit_tiny_state_dict_keys"].get<size_t>());
    CHECK(keys == timmKeys(12));
    CHECK(vit->named_buffers().size() == 0);
    CHECK(countParameters(*vit, true) == 5358144);
    CHECK(countParameters(*vit, true) == counts["vit_tiny_trainable"].get<int64_t>());
    CHECK(countParameters(*vit, false) == counts["vit_tiny_total"].get<int64_t>());
    CHECK(params["cls_token"].sizes() == torch::IntArrayRef({1, 1, 192}));
    CHECK(params["pos_embed"].sizes() == torch::IntArrayRef({1, 50, 192}));
    CHECK(params["patch_embed.proj.weight"].sizes() == torch::IntArrayRef({192, 3, 4, 4}));
    CHECK(params["blocks.11.attn.qkv.weight"].sizes() == torch::IntArrayRef({576, 192}));
    CHECK(params["blocks.0.mlp.fc1.weight"].sizes() == torch::IntArrayRef({768, 192}));
    CHECK_FALSE(params.contains("patch_embed.proj.bias"));  // pre_norm=True drops the conv bias
}

TEST_CASE("DINO model = encoder + head with the golden counts", "[vit][model]") {
    ModelConfig cfg;  // seed defaults: out_dim 256, head 3 layers, hidden 384, bottleneck 96
    DinoModel m(cfg, 28);
    const auto& counts = dino::test::golden().at("param_counts");
    CHECK(countParameters(*m, true) == counts["vit_tiny_dino_256_trainable"].get<int64_t>());
    CHECK(countParameters(*m, false) == counts["vit_tiny_dino_256_total"].get<int64_t>());
    CHECK(countParameters(*m, true) == 5641632);
    auto params = m->named_parameters();
    REQUIRE(params.size() == 151 + 8);
    CHECK(params[0].key() == "encoder.cls_token");
    CHECK(params[150].key() == "encoder.norm.bias");
    CHECK(params[151].key() == "head.mlp.0.weight");
    CHECK(params[158].key() == "head.last_layer.weight_v");
    CHECK(m->head->mlp[0]->as<torch::nn::Linear>()->weight.sizes() == torch::IntArrayRef({384, 192}));
    CHECK(m->head->weight_v.sizes() == torch::IntArrayRef({256, 96}));
    auto y = m->forward(torch::randn({3, 3, 28, 28}));
    CHECK(y.sizes() == torch::IntArrayRef({3, 256}));
}

TEST_CASE("ViT output is the class token (B, 192) for 28, 16 and 12 pixel inputs", "[vit]") {
    torch::manual_seed(1);
    auto vit = vitTiny();
    vit->eval();
    torch::NoGradGuard ng;
    for (int px : {28, 16, 12}) {
        INFO(px << " px");
        auto y = vit->forward(torch::randn({2, 3, px, px}));
        CHECK(y.sizes() == torch::IntArrayRef({2, 192}));
        CHECK(torch::isfinite(y).all().item<bool>());
        // final LayerNorm with weight 1, bias 0 at init: each row has mean 0 and unit variance
        CHECK(y.mean(1).abs().max().item<double>() < 1e-5);
    }
    // A non-square input works too.
    CHECK(vit->forward(torch::randn({1, 3, 12, 20})).sizes() == torch::IntArrayRef({1, 192}));
    CHECK_THROWS_WITH(vit->forward(torch::randn({2, 1, 28, 28})), Catch::Contains("expected input (B, 3, H, W)"));
    CHECK_THROWS_AS(vit->forward(torch::randn({3, 28, 28})), std::invalid_argument);
}

TEST_CASE("position embedding: identity on the native grid, bicubic resize otherwise", "[vit]") {
    auto vit = vitTiny();
    torch::NoGradGuard ng;
    auto pos = vit->named_parameters()["pos_embed"];
    auto same = vit->interpolatePosEmbed(7, 7);
    CHECK(same.data_ptr() == pos.data_ptr());  // not even a copy at 28x28
    for (auto g : {std::pair<int64_t, int64_t>{4, 4}, {3, 3}, {3, 5}}) {
        auto p = vit->interpolatePosEmbed(g.first, g.second);
        CHECK(p.sizes() == torch::IntArrayRef({1, 1 + g.first * g.second, 192}));
        CHECK(torch::equal(p.narrow(1, 0, 1), pos.narrow(1, 0, 1)));  // class position kept
    }
    // Interpolation weights sum to one: a position embedding constant over the grid stays constant.
    auto patch = pos.narrow(1, 1, 49);
    patch.copy_(torch::linspace(-1, 1, 192).expand({1, 49, 192}));
    auto p = vit->interpolatePosEmbed(4, 4);
    CHECK(torch::allclose(p.narrow(1, 1, 16), torch::linspace(-1, 1, 192).expand({1, 16, 192}), 1e-5, 1e-6));
    // Resizing 7x7 to 7x7 with the same bicubic kernel reproduces the grid (the shortcut is exact).
    auto rnd = torch::randn({1, 192, 7, 7});
    auto back = torch::nn::functional::interpolate(
        rnd, torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{7, 7}).mode(torch::kBicubic).align_corners(false));
    CHECK(torch::allclose(back, rnd, 1e-6, 1e-6));
}

TEST_CASE("ViT initialisation is timm's", "[vit]") {
    torch::manual_seed(5);
    auto vit = vitTiny();
    auto p = vit->named_parameters();
    CHECK(p["pos_embed"].std().item<double>() == Approx(0.02).epsilon(0.05));
    CHECK(p["cls_token"].std().item<double>() == Approx(1e-6).epsilon(0.3));
    for (const auto& kv : p) {
        INFO(kv.key());
        const auto& k = kv.key();
        const auto& t = kv.value();
        CHECK(t.requires_grad());
        if (k.find("norm") != std::string::npos && k.find("weight") != std::string::npos)
            CHECK(torch::equal(t, torch::ones_like(t)));
        else if (k.find("bias") != std::string::npos)
            CHECK(torch::equal(t, torch::zeros_like(t)));
        else if (k.find("attn.") != std::string::npos || k.find("mlp.") != std::string::npos)
            CHECK(t.std().item<double>() == Approx(0.02).epsilon(0.05));
    }
    // The patch conv keeps PyTorch's default init: U(-1/sqrt(48), 1/sqrt(48)).
    const auto& conv = p["patch_embed.proj.weight"];
    CHECK(conv.abs().max().item<double>() <= 1.0 / std::sqrt(48.0));
    CHECK(conv.std().item<double>() == Approx(1.0 / std::sqrt(3.0 * 48.0)).epsilon(0.1));
}

TEST_CASE("truncNormal_ respects its absolute bounds", "[vit]") {
    torch::manual_seed(2);
    auto t = torch::empty({200000});
    truncNormal_(t, 1.0, 0.0, -2.0, 2.0);
    CHECK(t.min().item<double>() >= -2.0);
    CHECK(t.max().item<double>() <= 2.0);
    CHECK(t.mean().item<double>() == Approx(0.0).margin(0.01));
    CHECK(t.std().item<double>() == Approx(0.8796).epsilon(0.01));  // std of N(0,1) truncated at +-2
    truncNormal_(t, 0.02);
    CHECK(t.std().item<double>() == Approx(0.02).epsilon(0.01));
}

TEST_CASE("bad ViT options are rejected", "[vit]") {
    VitOptions o;
    o.num_heads = 5;  // 192 % 5 != 0
    CHECK_THROWS_WITH(VisionTransformer(o), Catch::Contains("multiple of num_heads"));
    VitOptions p;
    p.patch_size = 0;
    CHECK_THROWS_AS(VisionTransformer(p), std::invalid_argument);
}

TEST_CASE("the class-token-only last block equals the full block in value and gradient", "[vit]") {
    // forward() computes the last block for the class token alone; forwardTokens() runs every block
    // in full. Float64, random weights (not timm's near-zero init) so that every path matters.
    torch::manual_seed(7);
    VitOptions o;
    o.depth = 2;
    VisionTransformer a{o}, b{o};
    a->to(torch::kFloat64);
    b->to(torch::kFloat64);
    {
        torch::NoGradGuard ng;
        for (auto& p : a->parameters()) p.normal_(0.0, 0.2);
        auto pa = a->parameters(), pb = b->parameters();
        for (size_t i = 0; i < pa.size(); ++i) pb[i].copy_(pa[i]);
    }
    for (int px : {28, 16}) {
        INFO(px << " px");
        auto x = torch::randn({3, 3, px, px}, torch::kFloat64);
        auto ya = a->forward(x);
        auto yb = b->forwardTokens(x).select(1, 0);
        REQUIRE(ya.sizes() == torch::IntArrayRef({3, 192}));
        CHECK((ya - yb).abs().max().item<double>() < 1e-12);
        // A loss that weights every output differently, so that the gradients are not symmetric.
        auto w = torch::linspace(-1.0, 2.0, ya.numel(), torch::kFloat64).view_as(ya);
        a->zero_grad();
        b->zero_grad();
        (ya * w).sum().backward();
        (yb * w).sum().backward();
        auto na = a->named_parameters(), nb = b->named_parameters();
        for (const auto& p : na) {
            INFO(p.key());
            const auto& gb = nb[p.key()].grad();
            REQUIRE(p.value().grad().defined());
            const double scale = std::max(1.0, gb.abs().max().item<double>());
            CHECK((p.value().grad() - gb).abs().max().item<double>() < 1e-11 * scale);
        }
    }
    // The last block on its own: one row per image, same as the full block's class token.
    torch::NoGradGuard ng;
    Block blk(192, 3, 4.0);
    blk->to(torch::kFloat64);
    for (auto& p : blk->parameters()) p.normal_(0.0, 0.2);
    auto t = torch::randn({4, 50, 192}, torch::kFloat64);
    CHECK((blk->forwardClassToken(t) - blk->forward(t).select(1, 0)).abs().max().item<double>() < 1e-12);
}

TEST_CASE("bf16 autocast: DINO Studio's bf16 kernels give libtorch's bf16 ViT within bf16 rounding", "[vit][bf16]") {
    // Any CPU: the bf16 Linear is forced on (oneDNN emulates bf16 where the CPU lacks it). The three
    // forms of one 2-block model: fp32; bf16 autocast through libtorch's eager ops (our kernels off);
    // bf16 autocast through ours (oneDNN bf16 matmul, bf16 GELU, fused attention on fp32 qkv).
    torch::manual_seed(21);
    VitOptions o;
    o.img_size = 28;
    o.patch_size = 4;
    o.embed_dim = 64;
    o.depth = 2;
    o.num_heads = 2;
    VisionTransformer vit(o);
    auto x = torch::randn({6, 3, 28, 28});
    auto run = [&](bool autocast, bool ours) {
        setOnednnBf16Mode(ours ? OnednnBf16Mode::On : OnednnBf16Mode::Off);
        setFastGeluEnabled(ours);
        setFusedAttentionEnabled(ours);
        vit->zero_grad();
        torch::Tensor y;
        {
            test::CpuAutocast amp(autocast);
            y = vit->forward(x);
        }
        y.to(torch::kFloat).pow(2).sum().backward();
        std::vector<torch::Tensor> g;
        for (auto& p : vit->parameters()) g.push_back(p.grad().clone());
        return std::make_pair(y.to(torch::kFloat), g);
    };
    auto [y32, g32] = run(false, true);
    auto [yeager, geager] = run(true, false);
    auto [yours, gours] = run(true, true);
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
    setFastGeluEnabled(true);
    setFusedAttentionEnabled(true);
    auto relErr = [](const torch::Tensor& a, const torch::Tensor& ref) {
        return ((a - ref).norm() / (ref.norm() + 1e-12)).item<double>();
    };
    const double err_ours = relErr(yours, y32), err_eager = relErr(yeager, y32);
    INFO("relative error against fp32: ours " << err_ours << ", libtorch's " << err_eager);
    CHECK(err_ours > 0);         // bf16 did run
    CHECK(err_ours < 2e-2);      // bf16 has 8 bits of mantissa: ~4e-3 per rounding
    CHECK(err_ours < 2 * err_eager + 1e-3);  // and ours is no worse than libtorch's own bf16 path
    // Without a separate oneDNN (an official libtorch: the wheel flavour) the bf16 Linear and the fused attention
    // on fp32 qkv are not built, so "ours" is libtorch's products with our GELU only. There the gradients are
    // held to the absolute bound alone: on an AMX Xeon libtorch 2.15's own bf16 path (AMX kernels) gives
    // 2-3 times smaller gradient errors than that mix (0.02 against 0.06), which is not the combination
    // this comparison is about.
    if (!onednnBuilt()) WARN("built without a separate oneDNN library: gradients checked against fp32 only");
    for (size_t i = 0; i < g32.size(); ++i) {
        // The gradients of this loss at initialisation are differences of nearly equal terms (all class
        // tokens alike), so bf16 moves them by 10-40 % in either form; ours must stay within libtorch's.
        const double e_ours = relErr(gours[i], g32[i]), e_eager = relErr(geager[i], g32[i]);
        INFO("parameter " << i << ": gradient error ours " << e_ours << ", libtorch's " << e_eager);
        CHECK(gours[i].scalar_type() == torch::kFloat);
        CHECK(e_ours < 0.6);
        if (onednnBuilt()) CHECK(e_ours < 1.5 * e_eager + 5e-3);
    }
}
