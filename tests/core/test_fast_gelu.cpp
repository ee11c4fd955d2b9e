// The vectorised exact-erf GELU against torch::gelu in float64.
#include <catch2/catch.hpp>

#include "model/fast_gelu.h"

#include <cmath>
#include <limits>

using namespace dino;

namespace {

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

}  // namespace

TEST_CASE("fast GELU equals the exact GELU within 1e-6 over the whole float range that matters", "[gelu]") {
    setFastGeluEnabled(true);  // whatever DINO_FAST_GELU says
    // A dense sweep of [-12, 12] (both tails, the kink at 0, the exp range reduction at every scale)
    // plus random activations of a realistic spread.
    auto sweep = torch::linspace(-12.0, 12.0, 480001, torch::kFloat);
    auto x = torch::cat({sweep, torch::randn({100000}) * 3});
    REQUIRE(fastGeluSupports(x));
    auto exact = torch::gelu(x.to(torch::kDouble));
    auto y = fastGelu(x);
    CHECK(maxAbsDiff(y, exact) < 1e-6);
    // Relative to the value where it is not tiny: float32 rounding level.
    auto big = exact.abs() > 1e-2;
    CHECK(((y.to(torch::kDouble) - exact).abs() / exact.abs()).masked_select(big).max().item<double>() < 2e-6);
    // torch's own float32 GELU is no closer either, so the comparison is not vacuous: a few 1e-7 in
    // libtorch 1.13, 1.19e-6 in libtorch 2.15 (the torch wheel's build).
    CHECK(maxAbsDiff(torch::gelu(x), exact) < 2e-6);
    // Exactly 0 at 0, and the identity / zero far out.
    CHECK(fastGelu(torch::zeros({8})).abs().max().item<float>() == 0.0f);
    CHECK(maxAbsDiff(fastGelu(torch::full({4}, 40.0f)), torch::full({4}, 40.0)) == 0.0);
    CHECK(maxAbsDiff(fastGelu(torch::full({4}, -40.0f)), torch::zeros({4})) < 1e-30);
}

TEST_CASE("fast GELU gradient equals the exact one", "[gelu]") {
    setFastGeluEnabled(true);
    auto x0 = torch::cat({torch::linspace(-10.0, 10.0, 200001, torch::kFloat), torch::randn({50000}) * 2});
    auto dy = torch::randn_like(x0);
    auto x = x0.clone().requires_grad_(true);
    fastGelu(x).backward(dy);
    auto xd = x0.to(torch::kDouble).requires_grad_(true);
    torch::gelu(xd).backward(dy.to(torch::kDouble));
    CHECK(maxAbsDiff(x.grad(), xd.grad()) < 2e-6 * (1 + dy.abs().max().item<double>()));
    // Shapes and strides: a transposed (non-contiguous) input gives the same as its contiguous copy.
    auto m = torch::randn({64, 48}).t();
    REQUIRE_FALSE(m.is_contiguous());
    CHECK(torch::equal(fastGelu(m), fastGelu(m.contiguous())));
    CHECK(fastGelu(m).sizes() == m.sizes());
}

TEST_CASE("fast GELU: non-finite inputs, other types and the switch", "[gelu]") {
    setFastGeluEnabled(true);
    const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
    auto y = fastGelu(torch::tensor({nan, inf, -inf}));
    auto ref = torch::gelu(torch::tensor({nan, inf, -inf}));
    CHECK(std::isnan(y[0].item<float>()));
    CHECK(y[1].item<float>() == inf);
    CHECK(std::isnan(y[2].item<float>()) == std::isnan(ref[2].item<float>()));
    // The vectorised variant runs wherever the CPU has it (a baseline loop is ~10x slower).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) CHECK(std::string(fastGeluIsa()) != "baseline");
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) CHECK(std::string(fastGeluIsa()) == "AVX-512");
#endif
    // float64 and bf16 go to torch::gelu unchanged.
    auto d = torch::randn({100}, torch::kDouble);
    CHECK_FALSE(fastGeluSupports(d));
    CHECK(torch::equal(fastGelu(d), torch::gelu(d)));
    CHECK_FALSE(fastGeluSupports(d.to(torch::kBFloat16)));
    // Off: torch::gelu bit for bit.
    auto f = torch::randn({1000});
    setFastGeluEnabled(false);
    CHECK_FALSE(fastGeluSupports(f));
    CHECK(torch::equal(fastGelu(f), torch::gelu(f)));
    setFastGeluEnabled(true);
    CHECK(fastGeluSupports(f));
}
