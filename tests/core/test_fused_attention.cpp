// The fused CPU attention against the eager form timm writes (reshape/permute, (q * scale) k^T,
// softmax, @ v): values and gradients, float64 and float32, odd token counts and head counts.
#include <catch2/catch.hpp>

#include "model/fused_attention.h"
#include "model/vision_transformer.h"

#include <cmath>

using namespace dino;

namespace {

torch::Tensor eagerAttention(const torch::Tensor& qkv, int64_t heads) {
    const int64_t B = qkv.size(0), N = qkv.size(1), C = qkv.size(2) / 3, hd = C / heads;
    auto p = qkv.reshape({B, N, 3, heads, hd}).permute({2, 0, 3, 1, 4}).unbind(0);
    auto a = torch::matmul(p[0] * (1.0 / std::sqrt(static_cast<double>(hd))), p[1].transpose(-2, -1)).softmax(-1);
    return torch::matmul(a, p[2]).transpose(1, 2).reshape({B, N, C});
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

struct Grads {
    torch::Tensor out, dqkv;
};

Grads run(bool fused, const torch::Tensor& input, const torch::Tensor& dout, int64_t heads) {
    auto x = input.detach().clone().requires_grad_(true);
    auto out = fused ? fusedAttention(x, heads) : eagerAttention(x, heads);
    out.backward(dout);
    return {out.detach(), x.grad()};
}

}  // namespace

TEST_CASE("fused attention equals the eager form in value and gradient", "[fused_attention]") {
    if (!fusedAttentionBuilt()) {
        WARN("built without BLAS: the fused attention is off, nothing to compare");
        CHECK_FALSE(fusedAttentionSupports(torch::zeros({1, 1, 3})));
        return;
    }
    setFusedAttentionEnabled(true);  // whatever DINO_FUSED_ATTENTION says
    torch::manual_seed(3);
    struct Case {
        int64_t B, N, C, heads;
    };
    for (Case c : {Case{2, 50, 192, 3}, Case{3, 10, 48, 1}, Case{1, 7, 24, 4}, Case{4, 37, 64, 2}}) {
        INFO("B=" << c.B << " N=" << c.N << " C=" << c.C << " heads=" << c.heads);
        // Logits of realistic spread (|z| up to ~10) so that the softmax is not uniform.
        auto qkv = torch::randn({c.B, c.N, 3 * c.C}, torch::kDouble) * 1.5;
        auto dout = torch::randn({c.B, c.N, c.C}, torch::kDouble);
        auto e = run(false, qkv, dout, c.heads);
        auto f = run(true, qkv, dout, c.heads);
        CHECK(maxAbsDiff(f.out, e.out) < 1e-12);
        CHECK(maxAbsDiff(f.dqkv, e.dqkv) < 1e-12);
        // Every part of dqkv (q, k and v columns) is reached.
        for (int part = 0; part < 3; ++part)
            CHECK(f.dqkv.narrow(2, part * c.C, c.C).abs().sum().item<double>() > 0);

        auto ef = run(false, qkv.to(torch::kFloat), dout.to(torch::kFloat), c.heads);
        auto ff = run(true, qkv.to(torch::kFloat), dout.to(torch::kFloat), c.heads);
        CHECK(maxAbsDiff(ff.out, ef.out) < 2e-5);
        CHECK(maxAbsDiff(ff.dqkv, ef.dqkv) < 2e-4 * (1 + ef.dqkv.abs().max().item<double>()));

        // Without autograd (teacher, evaluation) the same values.
        torch::NoGradGuard ng;
        CHECK(maxAbsDiff(fusedAttention(qkv, c.heads), e.out) < 1e-12);
    }
}

TEST_CASE("fused attention: strided input, rejected inputs, the switch", "[fused_attention]") {
    if (!fusedAttentionBuilt()) return;
    torch::manual_seed(4);
    auto big = torch::randn({2, 9, 2 * 3 * 12}, torch::kDouble);
    auto strided = big.narrow(2, 5, 3 * 12);  // not contiguous
    CHECK(maxAbsDiff(fusedAttention(strided, 3), eagerAttention(strided, 3)) < 1e-12);

    CHECK_FALSE(fusedAttentionSupports(torch::zeros({2, 3, 12}, torch::kBFloat16)));
    CHECK_FALSE(fusedAttentionSupports(torch::zeros({2, 3, 13})));
    CHECK_THROWS_WITH(fusedAttention(torch::zeros({2, 3, 12}), 5), Catch::Contains("not a multiple of 5 heads"));

    setFusedAttentionEnabled(false);
    CHECK_FALSE(fusedAttentionSupports(torch::zeros({2, 3, 12})));
    setFusedAttentionEnabled(true);
    CHECK(fusedAttentionSupports(torch::zeros({2, 3, 12})));
}

TEST_CASE("a ViT block trains the same with the fused and the eager attention", "[fused_attention]") {
    if (!fusedAttentionBuilt()) return;
    torch::manual_seed(5);
    Block block(48, 3, 4.0);
    block->to(torch::kDouble);
    auto x = torch::randn({3, 17, 48}, torch::kDouble);
    auto grads = [&](bool fused) {
        setFusedAttentionEnabled(fused);
        block->zero_grad();
        auto y = block->forward(x);
        (y * y).sum().backward();
        std::vector<torch::Tensor> g;
        for (auto& p : block->parameters()) g.push_back(p.grad().clone());
        return std::make_pair(y.detach(), g);
    };
    auto [ye, ge] = grads(false);
    auto [yf, gf] = grads(true);
    setFusedAttentionEnabled(true);
    CHECK(maxAbsDiff(yf, ye) < 1e-12);
    REQUIRE(ge.size() == gf.size());
    for (size_t i = 0; i < ge.size(); ++i) CHECK(maxAbsDiff(gf[i], ge[i]) < 1e-10);
}
