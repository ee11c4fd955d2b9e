// oneDNN's sgemm behind the ViT's Linear layers, against torch::linear in value and gradient.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "common/cpu_features.h"
#include "core_test_util.h"
#include "model/onednn_gemm.h"


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

// ---- the bf16 path (CPU bf16 autocast) -----------------------------------------------------------------
namespace {

torch::Tensor roundedToBf16(const torch::Tensor& t) { return t.to(torch::kBFloat16).to(torch::kDouble); }

}  // namespace

TEST_CASE("oneDNN bf16 Linear: bf16 operands, fp32 accumulation, fp32 weight gradients", "[onednn][bf16]") {
    if (!onednnBuilt()) {
        WARN("built without a separate oneDNN library: no bf16 path");
        CHECK_FALSE(onednnBf16Active());
        return;
    }
    setOnednnEnabled(true);
    setOnednnBf16Mode(OnednnBf16Mode::On);  // on any CPU (oneDNN emulates bf16 where it is not native)
    torch::manual_seed(11);
    struct Case {
        std::vector<int64_t> x;
        int64_t n;
        bool bias;
        bool bf16_input;
    };
    for (const Case& c : {Case{{640, 192}, 576, true, false}, Case{{4, 50, 192}, 768, true, true},
                          Case{{3, 7, 13}, 5, false, false}, Case{{1, 9}, 1, true, false}}) {
        for (LinearOut out : {LinearOut::Bf16, LinearOut::Float}) {
            INFO("x " << c.x << ", out " << c.n << (c.bias ? ", bias" : "") << (c.bf16_input ? ", bf16 x" : "")
                      << (out == LinearOut::Float ? ", fp32 result" : ", bf16 result"));
            const int64_t k = c.x.back();
            auto x = torch::randn(c.x);
            if (c.bf16_input) x = x.to(torch::kBFloat16);
            auto w = (torch::randn({c.n, k}) * 0.1).requires_grad_(true);
            auto b = c.bias ? torch::randn({c.n}).requires_grad_(true) : torch::Tensor();
            auto xg = x.clone().requires_grad_(true);
            std::vector<int64_t> yshape = c.x;
            yshape.back() = c.n;
            auto dy = torch::randn(yshape);
            torch::Tensor y;
            {
                test::CpuAutocast amp(true);
                REQUIRE(onednnLinearBf16Supports(xg, w, b));
                y = onednnLinear(xg, w, b, out);
            }
            CHECK(y.scalar_type() == (out == LinearOut::Float ? torch::kFloat : torch::kBFloat16));
            y.backward(dy.to(y.scalar_type()));
            // The reference: the same bf16-rounded operands, products in float64.
            auto xr = roundedToBf16(x), wr = roundedToBf16(w.detach());
            auto yr = torch::matmul(xr, wr.t());
            if (c.bias) yr = yr + b.detach().to(torch::kDouble);
            const double scale = yr.abs().max().item<double>() + 1e-12;
            // fp32 accumulation: relative error ~ sqrt(k) 2^-24; a bf16 result adds its rounding, 2^-9.
            const double tol = out == LinearOut::Float ? 2e-6 * scale : 4e-3 * scale;
            CHECK((y.to(torch::kDouble) - yr).abs().max().item<double>() < tol);
            auto dyr = roundedToBf16(dy);  // the backward takes the gradient in bf16
            auto dxr = torch::matmul(dyr, wr);
            auto dwr = torch::matmul(dyr.reshape({-1, c.n}).t(), xr.reshape({-1, k}));
            CHECK(xg.grad().scalar_type() == x.scalar_type());
            CHECK(w.grad().scalar_type() == torch::kFloat);  // the master weights' gradient, fp32
            const double dx_tol = (x.scalar_type() == torch::kBFloat16 ? 4e-3 : 2e-6) * (dxr.abs().max().item<double>() + 1e-12);
            CHECK((xg.grad().to(torch::kDouble) - dxr).abs().max().item<double>() < dx_tol);
            CHECK((w.grad().to(torch::kDouble) - dwr).abs().max().item<double>() < 2e-6 * (dwr.abs().max().item<double>() + 1e-12) + 1e-6);
            if (c.bias) {
                auto dbr = dyr.reshape({-1, c.n}).sum(0);
                CHECK(b.grad().scalar_type() == torch::kFloat);
                CHECK((b.grad().to(torch::kDouble) - dbr).abs().max().item<double>() < 1e-4);
            }
        }
    }
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
}

TEST_CASE("oneDNN bf16 Linear agrees with libtorch's autocast Linear", "[onednn][bf16]") {
    if (!onednnBuilt()) return;
    setOnednnEnabled(true);
    setOnednnBf16Mode(OnednnBf16Mode::On);
    torch::manual_seed(12);
    auto x = torch::randn({256, 192}), w = torch::randn({768, 192}) * 0.05, b = torch::randn({768}) * 0.1;
    test::CpuAutocast amp(true);
    auto ours = onednnLinear(x, w, b);
    auto theirs = torch::linear(x, w, b);
    REQUIRE(theirs.scalar_type() == torch::kBFloat16);
    REQUIRE(ours.scalar_type() == torch::kBFloat16);
    // Both round the same bf16 operands; only the accumulation order and libtorch's bf16 bias differ.
    auto diff = (ours.to(torch::kFloat) - theirs.to(torch::kFloat)).abs();
    CHECK(diff.max().item<double>() < 0.02 * theirs.to(torch::kFloat).abs().max().item<double>());
    CHECK(diff.mean().item<double>() < 2e-3);
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
}

TEST_CASE("oneDNN bf16 Linear: when it is used", "[onednn][bf16]") {
    auto x = torch::randn({4, 8}), w = torch::randn({3, 8}), b = torch::randn({3});
    setOnednnEnabled(true);
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
    // Auto: only where the CPU computes bf16 natively (elsewhere oneDNN emulates it).
    CHECK(onednnBf16Active() == (onednnBuilt() && cpuHasNativeBf16()));
    setOnednnBf16Mode(OnednnBf16Mode::On);
    CHECK(onednnBf16Active() == onednnBuilt());
    CHECK_FALSE(onednnLinearBf16Supports(x, w, b));  // no autocast: the fp32 path
    {
        test::CpuAutocast amp(true);
        CHECK(onednnLinearBf16Supports(x, w, b) == onednnBuilt());
        CHECK(onednnLinearBf16Supports(x.to(torch::kBFloat16), w, b) == onednnBuilt());
        CHECK_FALSE(onednnLinearBf16Supports(x.to(torch::kDouble), w, b));
        CHECK_FALSE(onednnLinearBf16Supports(x, w.to(torch::kBFloat16), b));  // weights are fp32 masters
        CHECK_FALSE(onednnLinearBf16Supports(x, w, torch::randn({4})));
        CHECK_FALSE(onednnLinearBf16Supports(torch::randn({0, 8}), w, b));
        // Not taken: libtorch's autocast Linear, and Float still means an fp32 result.
        auto y = onednnLinear(torch::randn({0, 8}), w, b, LinearOut::Float);
        CHECK(y.scalar_type() == torch::kFloat);
        CHECK(y.sizes() == torch::IntArrayRef({0, 3}));
        setOnednnBf16Mode(OnednnBf16Mode::Off);
        CHECK_FALSE(onednnLinearBf16Supports(x, w, b));
        CHECK(onednnLinear(x, w, b).scalar_type() == torch::kBFloat16);  // libtorch's autocast
    }
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
}

// oneDNN 2.6 (Debian 12) crashes (segfault, std::bad_alloc or std::bad_array_new_length out of
// brgemm_kernel_create) when two threads keep creating matmul primitives of new shapes once its global
// primitive cache (1,024 entries) evicts. libtorch's own bf16 Linear does (shown with Debian's PyTorch:
// two threads, ~400 row counts; ONEDNN_PRIMITIVE_CACHE_CAPACITY=0 or 100000 avoids it), which is why
// iBOT pads its masked rows (ibotHeadRows). Ours keeps its primitives per thread: two threads each
// run ~450 new shapes forward and backward here (over 2,700 primitives between them), and every
// result row must equal the one computed alone.
TEST_CASE("oneDNN bf16 Linear: two threads creating hundreds of shapes at once", "[onednn][bf16]") {
    if (!onednnBuilt()) return;
    setOnednnEnabled(true);
    setOnednnBf16Mode(OnednnBf16Mode::On);
    torch::manual_seed(13);
    const int64_t rows = 900;
    const auto x_all = torch::randn({rows, 192}), w = torch::randn({256, 192}) * 0.05, b = torch::randn({256}) * 0.1;
    torch::Tensor expected;
    {
        test::CpuAutocast amp(true);
        expected = onednnLinear(x_all, w, b).to(torch::kFloat);
    }
    std::vector<std::string> errors(2);
    std::vector<int> wrong(2, 0);
    auto work = [&](int t) {
        try {
            test::CpuAutocast amp(true);  // autocast is per thread
            for (int64_t m = t + 1; m <= rows; m += 2) {
                auto x = x_all.narrow(0, 0, m).clone().requires_grad_(true);
                auto wg = w.clone().requires_grad_(true);
                auto y = onednnLinear(x, wg, b);
                y.to(torch::kFloat).sum().backward();
                // The last row's products do not depend on how many rows came before it.
                if (!torch::equal(y.to(torch::kFloat)[m - 1], expected[m - 1]) || !x.grad().isfinite().all().item<bool>())
                    ++wrong[static_cast<size_t>(t)];
            }
        } catch (const std::exception& e) {
            errors[static_cast<size_t>(t)] = e.what();
        }
    };
    std::thread a(work, 0), c(work, 1);
    a.join();
    c.join();
    CHECK(errors[0].empty());
    CHECK(errors[1].empty());
    CHECK(wrong[0] == 0);
    CHECK(wrong[1] == 0);
    setOnednnBf16Mode(OnednnBf16Mode::Auto);
}
