// DINOHead: the seed's test_head, the golden parameter counts, names and the weight normalisation.
#include <catch2/catch.hpp>

#include "core_test_util.h"
#include "model/dino_head.h"
#include "model/dino_model.h"

#include <cmath>

using namespace dino;

namespace {
std::vector<std::string> names(const torch::nn::Module& m) {
    std::vector<std::string> out;
    for (const auto& p : m.named_parameters())
        out.push_back(p.key());
    return out;
}
}  // namespace

TEST_CASE("seed test_head: trainable counts and output shapes", "[head][seed]") {
    struct Case {
        DinoHead head;
        int in_dim, out_dim;
        int64_t trainable;
    };
    std::vector<Case> cases = {{DinoHead(10, 20), 10, 20, 336512},
                               {DinoHead(64, 32, 4, 256, 16), 64, 32, 152848},
                               {DinoHead(20, 10, 1), 20, 10, 3968}};
    for (auto& c : cases) {
        CHECK(countParameters(*c.head, true) == c.trainable);
        auto y = c.head->forward(torch::randn({32, c.in_dim}));
        CHECK(y.sizes() == torch::IntArrayRef({32, c.out_dim}));
    }
}

TEST_CASE("every golden DINO head: trainable and total parameter counts", "[head][golden]") {
    const auto& cases = dino::test::golden().at("dino_head_params");
    REQUIRE(cases.size() >= 7);
    for (const auto& c : cases) {
        INFO(c.dump());
        DinoHead head(c["in_dim"].get<int>(), c["out_dim"].get<int>(), c["nlayers"].get<int>(),
                      c["hidden_dim"].get<int>(), c["bottleneck_dim"].get<int>());
        CHECK(countParameters(*head, true) == c["trainable"].get<int64_t>());
        CHECK(countParameters(*head, false) == c["total"].get<int64_t>());
    }
}

TEST_CASE("head parameter names are official DINO's", "[head]") {
    CHECK(names(*DinoHead(192, 256, 3, 384, 96)) ==
          std::vector<std::string>({"mlp.0.weight", "mlp.0.bias", "mlp.2.weight", "mlp.2.bias", "mlp.4.weight",
                                    "mlp.4.bias", "last_layer.weight_g", "last_layer.weight_v"}));
    CHECK(names(*DinoHead(20, 10, 1)) ==
          std::vector<std::string>({"mlp.weight", "mlp.bias", "last_layer.weight_g", "last_layer.weight_v"}));
    auto h = DinoHead(8, 5, 2, 16, 4);
    CHECK(h->weight_g.sizes() == torch::IntArrayRef({5, 1}));
    CHECK(h->weight_v.sizes() == torch::IntArrayRef({5, 4}));
}

TEST_CASE("weight-normalised last layer: unit rows, frozen lengths, outputs are cosines", "[head]") {
    torch::manual_seed(3);
    DinoHead head(16, 40, 3, 32, 8);
    CHECK_FALSE(head->weight_g.requires_grad());
    CHECK(head->weight_v.requires_grad());
    CHECK(torch::equal(head->weight_g, torch::ones({40, 1})));
    // g = 1: every row of the effective weight has unit length, whatever the scale of v.
    {
        torch::NoGradGuard ng;
        head->weight_v.mul_(7.5);
    }
    auto w = head->lastLayerWeight();
    CHECK(torch::allclose(w.norm(2, {1}), torch::ones({40}), 1e-5, 1e-6));
    CHECK(torch::allclose(w, head->weight_v / head->weight_v.norm(2, {1}, true), 1e-5, 1e-7));
    // Normalised bottleneck times unit rows: every output lies in [-1, 1].
    auto y = head->forward(torch::randn({64, 16}) * 50);
    CHECK(y.abs().max().item<double>() <= 1.0 + 1e-5);
    // A backward pass gives v a gradient and g none.
    y.sum().backward();
    CHECK(head->weight_v.grad().defined());
    CHECK_FALSE(head->weight_g.grad().defined());
}

TEST_CASE("head initialisation: trunc_normal(0.02) MLP weights, zero biases, default-init weight_v", "[head]") {
    torch::manual_seed(11);
    DinoHead head(192, 256, 3, 384, 96);
    for (const auto& p : head->named_parameters()) {
        INFO(p.key());
        if (p.key().find("bias") != std::string::npos) {
            CHECK(p.value().abs().max().item<double>() == 0.0);
        } else if (p.key().rfind("mlp.", 0) == 0) {
            CHECK(p.value().std().item<double>() == Approx(0.02).epsilon(0.05));
            CHECK(p.value().mean().item<double>() == Approx(0.0).margin(0.002));
        }
    }
    // nn.Linear's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), std 1/sqrt(3 fan_in).
    const double bound = 1.0 / std::sqrt(96.0);
    CHECK(head->weight_v.abs().max().item<double>() <= bound);
    CHECK(head->weight_v.std().item<double>() == Approx(bound / std::sqrt(3.0)).epsilon(0.05));
}

TEST_CASE("bad head sizes are rejected", "[head]") {
    CHECK_THROWS_AS(DinoHead(10, 20, 0), std::invalid_argument);
    CHECK_THROWS_AS(DinoHead(10, 0), std::invalid_argument);
    CHECK_THROWS_WITH(DinoHead(10, 20)->forward(torch::zeros({2, 11})), Catch::Contains("(..., 10)"));
}

TEST_CASE("trainable prototype lengths (norm_last_layer off): g's gradient is weight norm's, the rest unchanged",
          "[head]") {
    // Official DINO's --norm_last_layer false: weight_g starts at 1 and trains. d/dg_i of L(W), W_i = g_i v_i / |v_i|,
    // is <dL/dW_i, v_i> / |v_i|, and dL/dv_i = g_i / |v_i| (dL/dW_i - <dL/dW_i, u_i> u_i) with u_i = v_i / |v_i|.
    torch::manual_seed(5);
    DinoHead fixed_g(12, 9, 3, 24, 6);
    torch::manual_seed(5);
    DinoHead trained_g(12, 9, 3, 24, 6, /*norm_last_layer=*/false);
    CHECK(trained_g->weight_g.requires_grad());
    CHECK(torch::equal(trained_g->weight_g, torch::ones({9, 1})));
    CHECK(countParameters(*trained_g, true) == countParameters(*fixed_g, true) + 9);
    for (size_t i = 0; i < fixed_g->parameters().size(); ++i)  // the same draws: only requires_grad differs
        CHECK(torch::equal(fixed_g->parameters()[i], trained_g->parameters()[i]));
    trained_g->to(torch::kDouble);
    {
        torch::NoGradGuard ng;
        trained_g->weight_g.copy_(torch::rand({9, 1}, torch::kDouble) + 0.5);  // lengths away from 1
    }
    const auto x = torch::randn({7, 12}, torch::kDouble);
    const auto r = torch::randn({7, 9}, torch::kDouble);
    (trained_g->forward(x) * r).sum().backward();
    REQUIRE(trained_g->weight_g.grad().defined());

    // dL/dW from the normalised bottleneck h (what the last layer sees): dL/dW = r^T h.
    torch::Tensor h;
    {
        torch::NoGradGuard ng;
        h = torch::nn::functional::normalize(trained_g->mlp->forward(x),
                                             torch::nn::functional::NormalizeFuncOptions().p(2).dim(-1));
    }
    const auto dW = r.t().mm(h);  // (9, 6)
    const auto v = trained_g->weight_v.detach(), g = trained_g->weight_g.detach();
    const auto norm = v.norm(2, {1}, true), u = v / norm;
    const auto dg = (dW * u).sum(1, true);
    const auto dv = g / norm * (dW - (dW * u).sum(1, true) * u);
    CHECK(torch::allclose(trained_g->weight_g.grad(), dg, 1e-10, 1e-12));
    CHECK(torch::allclose(trained_g->weight_v.grad(), dv, 1e-10, 1e-12));
    // The outputs are no longer bounded by 1: each prototype's logit is scaled by its length.
    const auto y = trained_g->forward(x).detach();
    CHECK(torch::allclose(y, h.mm(u.t()) * g.t(), 1e-10, 1e-12));
}
