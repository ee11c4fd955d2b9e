// Collapse indicators against independent float64 numbers. The guard's verdicts on them are torch-free:
// tests/api/test_collapse_guard.cpp.
#include "training/collapse_metrics.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace dino;

namespace {

torch::Tensor matrix(const std::vector<std::vector<double>>& rows) {
    const int64_t r = static_cast<int64_t>(rows.size()), c = static_cast<int64_t>(rows[0].size());
    auto t = torch::empty({r, c}, torch::kFloat64);
    auto a = t.accessor<double, 2>();
    for (int64_t i = 0; i < r; ++i)
        for (int64_t j = 0; j < c; ++j) a[i][j] = rows[i][j];
    return t;
}

}  // namespace

TEST_CASE("collapse metrics of given targets equal the reference", "[collapse]") {
    const auto p = matrix({{0.04350975486986856, 0.3402313507102709, 0.25958588260160964, 0.01860900249498949, 0.1916281758684789, 0.1464358334547825},
     {0.028211843641175193, 0.1658879948841573, 0.09330352884311198, 0.12314159509372563, 0.163068382898564, 0.42638665463926584},
     {0.10331068588074224, 0.2753136311796286, 0.12835111962038753, 0.010046167204943123, 0.3250779194125346, 0.15790047670176396},
     {0.01942769229254772, 0.05651669924669986, 0.059892133699822145, 0.0590534977457325, 0.266796878252707, 0.5383130987624906}});
    const auto m = collapseMetricsOfTargets(p.to(torch::kFloat));
    CHECK(m.teacher_entropy == Approx(1.469770006405115).epsilon(1e-6));
    CHECK(m.kl_uniform == Approx(0.18628652410101498).epsilon(1e-5));
    // Uniform targets: entropy log K, KL 0; one label for all: entropy 0, KL log K.
    const auto u = collapseMetricsOfTargets(torch::full({8, 16}, 1.0 / 16));
    CHECK(u.teacher_entropy == Approx(std::log(16.0)));
    CHECK(u.kl_uniform == Approx(0).margin(1e-12));
    auto onehot = torch::zeros({8, 16});
    onehot.select(1, 3).fill_(1);
    const auto o = collapseMetricsOfTargets(onehot);
    CHECK(o.teacher_entropy == Approx(0).margin(1e-12));
    CHECK(o.kl_uniform == Approx(std::log(16.0)));
}

TEST_CASE("feature spread: the reference number, 0 for identical rows, NaN for one row", "[collapse]") {
    const auto x = matrix({{-1.5994181420497768, 1.8092216306323758, 0.59196585463271, 0.08152327580496442},
     {-2.5363328144615163, 0.38746360361236526, -1.892490289785025, -1.0344302105788103},
     {-0.25483483473282814, -0.3987518079096042, 0.09794119114056182, -0.4208592544515152},
     {1.0110222050090112, 0.4059970155202219, -0.13377337515167056, 0.5336670395312281},
     {-1.1411785996663348, -1.743096852370876, -2.159995618177947, -0.9112175822398632}});
    CHECK(featureSpread(x) == Approx(1.0220143457973685).epsilon(1e-9));
    CHECK(featureSpread(torch::ones({6, 5})) == Approx(0).margin(1e-12));
    CHECK(std::isnan(featureSpread(torch::ones({1, 5}))));
    // Scale-free per row: L2-normalised first.
    CHECK(featureSpread(x * 3.0) == Approx(featureSpread(x)).epsilon(1e-12));
}
