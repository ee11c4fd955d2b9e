// oneDNN's sgemm behind the ViT's Linear layers, against torch::linear in value and gradient.
#include <catch2/catch.hpp>

#include "model/onednn_gemm.h"

#include <ATen/autocast_mode.h>

using namespace dino;

namespace {

struct Grads {
    torch::Tensor y, dx, dw, db;
};

Grads run(bool onednn, const torch::Tensor& x0, const torch::Tensor& w0, const torch::Tensor& b0,
          const torch::Tensor& dy) {
    auto x = x0.clone().requires_grad_(true);
    auto w = w0.clone().requires_grad_(true);
    auto b = b0.defined() ? b0.clone().requires_grad_(true) : torch::Tensor();
    auto y = onednn ? onednnLinear(x, w, b) : torch::linear(x, w, b);
    y.backward(dy);
    return {y.detach(), x.grad(), w.grad(), b.defined() ? b.grad() : torch::Tensor()};
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    REQUIRE(a.sizes() == b.sizes());
    return a.numel() == 0 ? 0.0 : (a - b).abs().max().item<double>();
}
double maxAbs(const torch::Tensor& a) { return a.numel() == 0 ? 0.0 : a.abs().max().item<double>(); }

}  // namespace

TEST_CASE("oneDNN Linear equals torch::linear in value and gradient", "[onednn]") {
    if (!onednnBuilt()) {
        WARN("built without a separate oneDNN library: onednnLinear is torch::linear");
        CHECK_FALSE(onednnLinearSupports(torch::zeros({2, 3}), torch::zeros({4, 3}), torch::zeros({4})));
        return;
    }
    setOnednnEnabled(true);  // whatever DINO_ONEDNN says
    torch::manual_seed(5);
    struct Case {
        std::vector<int64_t> x;
        int64_t n;
        bool bias;
    };
    for (const Case& c : {Case{{6400, 192}, 576, true}, Case{{4, 50, 192}, 768, true}, Case{{3, 7, 13}, 5, false},
                          Case{{1, 9}, 1, true}, Case{{2, 3, 0}, 4, true}, Case{{0, 8}, 3, true}}) {
        INFO("x " << c.x << ", out " << c.n << (c.bias ? ", bias" : ", no bias"));
        auto x = torch::randn(c.x);
        const int64_t k = c.x.back();
        auto w = torch::randn({c.n, k}) * 0.1;
        auto b = c.bias ? torch::randn({c.n}) : torch::Tensor();
        std::vector<int64_t> yshape = c.x;
        yshape.back() = c.n;
        auto dy = torch::randn(yshape);
        REQUIRE(onednnLinearSupports(x, w, b));
        auto ref = run(false, x, w, b, dy);
        auto got = run(true, x, w, b, dy);
        REQUIRE(got.y.sizes() == ref.y.sizes());
        const double tol = 2e-5 * (1 + std::sqrt(static_cast<double>(std::max<int64_t>(k, x.numel() / std::max<int64_t>(k, 1)))));
        CHECK(maxAbsDiff(got.y, ref.y) < tol);
        CHECK(maxAbsDiff(got.dx, ref.dx) < tol);
        CHECK(maxAbsDiff(got.dw, ref.dw) < tol * (1 + maxAbs(ref.dw)));
        if (c.bias) CHECK(maxAbsDiff(got.db, ref.db) < tol * (1 + maxAbs(ref.db)));
        // Without autograd (teacher, evaluation): the same values.
        torch::NoGradGuard ng;
        CHECK(maxAbsDiff(onednnLinear(x, w, b), ref.y) < tol);
    }
}

TEST_CASE("oneDNN Linear on row blocks of a weight, as the class-token block uses it", "[onednn]") {
    if (!onednnBuilt()) return;
    setOnednnEnabled(true);
    torch::manual_seed(6);
    auto w = torch::randn({576, 192}, torch::requires_grad());
    auto b = torch::randn({576}, torch::requires_grad());
    auto x = torch::randn({8, 50, 192});
    auto wk = w.narrow(0, 192, 384), bk = b.narrow(0, 192, 384);
    REQUIRE(onednnLinearSupports(x, wk, bk));
    auto y = onednnLinear(x, wk, bk);
    CHECK(maxAbsDiff(y, torch::linear(x, wk, bk)) < 1e-4);
    y.sum().backward();
    // Only the rows used get a gradient; the bias is not written by the forward pass.
    CHECK(w.grad().narrow(0, 0, 192).abs().sum().item<double>() == 0);
    CHECK(w.grad().narrow(0, 192, 384).abs().sum().item<double>() > 0);
    CHECK(maxAbsDiff(b.grad().narrow(0, 192, 384), torch::full({384}, 8.0 * 50)) < 1e-3);
}

TEST_CASE("oneDNN Linear hands everything else to torch::linear", "[onednn]") {
    setOnednnEnabled(true);
    auto x = torch::randn({4, 8}), w = torch::randn({3, 8}), b = torch::randn({3});
    CHECK_FALSE(onednnLinearSupports(x.to(torch::kDouble), w.to(torch::kDouble), b.to(torch::kDouble)));
    CHECK_FALSE(onednnLinearSupports(x.to(torch::kBFloat16), w.to(torch::kBFloat16), b.to(torch::kBFloat16)));
    CHECK_FALSE(onednnLinearSupports(x, torch::randn({8, 3}).t(), b));
    CHECK_FALSE(onednnLinearSupports(x, w, torch::randn({4})));
    // float64 goes through torch::linear and is exact.
    auto xd = x.to(torch::kDouble), wd = w.to(torch::kDouble), bd = b.to(torch::kDouble);
    CHECK(torch::equal(onednnLinear(xd, wd, bd), torch::linear(xd, wd, bd)));
    // The switch: off means torch::linear, bit for bit.
    setOnednnEnabled(false);
    CHECK_FALSE(onednnAvailable());
    CHECK_FALSE(onednnLinearSupports(x, w, b));
    CHECK(torch::equal(onednnLinear(x, w, b), torch::linear(x, w, b)));
    setOnednnEnabled(true);
    CHECK(onednnAvailable() == onednnBuilt());
}
