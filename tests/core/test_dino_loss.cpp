// DINOLoss: the seed's test_dinoloss, every golden case of reference_golden.json (computed by an
// independent Python implementation), and properties (pure entropy, symmetries, skipped pairs).
#include <catch2/catch.hpp>

#include "core_test_util.h"
#include "loss/dino_loss.h"

#include <cmath>
#include <string>

using namespace dino;
using dino::test::closeness;
using dino::test::fromJson;

TEST_CASE("seed test_dinoloss: losses and centres of three calls", "[loss][seed]") {
    DinoLoss loss(/*out_dim=*/8, /*num_global=*/2, /*num_local=*/3, /*student_temp=*/0.1, /*center_momentum=*/0.5);
    auto student = torch::linspace(-1, 1, 160).view({5 * 4, 8});
    auto teacher = torch::linspace(0, 2, 64).view({2 * 4, 8});
    const std::vector<std::vector<double>> centres = {
        {0.4444, 0.4603, 0.4762, 0.4921, 0.5079, 0.5238, 0.5397, 0.5556},
        {0.6667, 0.6905, 0.7143, 0.7381, 0.7619, 0.7857, 0.8095, 0.8333},
        {0.7778, 0.8056, 0.8333, 0.8611, 0.8889, 0.9167, 0.9444, 0.9722}};
    const std::vector<double> temps = {0.05, 0.08, 0.1};
    const std::vector<double> losses = {1.8159, 1.9949, 2.0686};

    CHECK(torch::allclose(loss->center, torch::zeros({8}), 1e-4, 1e-4));
    for (size_t i = 0; i < 3; ++i) {
        auto l = loss->forward(student, teacher, temps[i]);
        CHECK(torch::allclose(l, torch::tensor(losses[i]), 1e-4, 1e-4));
        CHECK(torch::allclose(loss->center, torch::tensor(centres[i]), 1e-4, 1e-4));
    }
}

namespace {

struct GoldenInputs {
    torch::Tensor student, teacher;
};

GoldenInputs goldenInputs(const nlohmann::json& c, torch::ScalarType dtype) {
    const int64_t B = c["batch_size"], ng = c["num_global"], nl = c["num_local"], K = c["out_dim"];
    const int64_t rs = B * (ng + nl), rt = B * ng;
    const std::string kind = c["inputs"];
    const std::string s_formula = c["student_output"], t_formula = c["teacher_output"];
    GoldenInputs in;
    if (kind == "linspace") {
        REQUIRE(s_formula == "torch.linspace(-1, 1, " + std::to_string(rs * K) + ").view(" + std::to_string(rs) +
                                 ", " + std::to_string(K) + ")");
        REQUIRE(t_formula == "torch.linspace(0, 2, " + std::to_string(rt * K) + ").view(" + std::to_string(rt) +
                                 ", " + std::to_string(K) + ")");
        in.student = torch::linspace(-1, 1, rs * K, torch::TensorOptions().dtype(dtype)).view({rs, K});
        in.teacher = torch::linspace(0, 2, rt * K, torch::TensorOptions().dtype(dtype)).view({rt, K});
    } else {
        REQUIRE(kind == "sin");
        REQUIRE(s_formula.rfind("2.0*sin(0.731*r + 1.37*j + 0.113*r*j), r<" + std::to_string(rs) + ", j<" +
                                    std::to_string(K) + ", in float64",
                                0) == 0);
        REQUIRE(t_formula.rfind("1.5*sin(0.417*r + 0.59*j + 0.071*r*j), r<" + std::to_string(rt) + ", j<" +
                                    std::to_string(K) + ", in float64",
                                0) == 0);
        in.student = dino::test::formulaTensor(rs, K, dtype, [](double r, double j) {
            return 2.0 * std::sin(0.731 * r + 1.37 * j + 0.113 * r * j);
        });
        in.teacher = dino::test::formulaTensor(rt, K, dtype, [](double r, double j) {
            return 1.5 * std::sin(0.417 * r + 0.59 * j + 0.071 * r * j);
        });
    }
    return in;
}

}  // namespace

TEST_CASE("every golden DINO loss case: loss, centre after each call, per-pair cross-entropies", "[loss][golden]") {
    const auto& cases = dino::test::golden().at("dino_loss");
    REQUIRE(cases.size() >= 7);
    for (size_t ci = 0; ci < cases.size(); ++ci) {
        const auto& c = cases[ci];
        const std::string dt = c["dtype"];
        const bool f64 = dt == "float64";
        REQUIRE((f64 || dt == "float32"));
        const auto dtype = f64 ? torch::kFloat64 : torch::kFloat32;
        // float32: the two implementations may round differently; float64 must agree to ~1e-12.
        const double rtol = f64 ? 1e-10 : 1e-5, atol = f64 ? 1e-12 : 1e-6;
        const int ng = c["num_global"], nl = c["num_local"];
        INFO("golden case " << ci << ": " << c["inputs"].get<std::string>() << " " << dt << " " << ng << "+" << nl
                            << " views, out_dim " << c["out_dim"]);
        DinoLoss loss(c["out_dim"].get<int>(), ng, nl, c["student_temp"].get<double>(),
                      c["center_momentum"].get<double>());
        auto in = goldenInputs(c, dtype);
        int call = 0;
        for (const auto& k : c["calls"]) {
            INFO("call " << call++ << ", teacher_temp " << k["teacher_temp"].get<double>());
            auto l = loss->forward(in.student, in.teacher, k["teacher_temp"].get<double>());
            CHECK(l.scalar_type() == dtype);
            CHECK(closeness(l, torch::tensor(k["loss"].get<double>(), torch::kFloat64), rtol, atol) <= 1.0);
            CHECK(loss->center.scalar_type() == dtype);
            CHECK(closeness(loss->center.flatten(), fromJson(k["center_after"]), rtol, atol) <= 1.0);
            if (k.contains("pair_ce_teacher_x_student")) {
                const auto& P = k["pair_ce_teacher_x_student"];
                auto mine = loss->lastPairLosses();
                REQUIRE(mine.size(0) == ng);
                REQUIRE(mine.size(1) == ng + nl);
                for (int t = 0; t < ng; ++t)
                    for (int s = 0; s < ng + nl; ++s) {
                        const double v = mine[t][s].item<double>();
                        if (s == t) {
                            CHECK(std::isnan(v));  // the same view is never a pair
                        } else {
                            const double g = P[t][s].get<double>();
                            CHECK(std::abs(v - g) <= atol + rtol * std::abs(g));
                        }
                    }
            }
        }
    }
}

TEST_CASE("all views equal give the pure entropy of the teacher distribution", "[loss]") {
    // Student = teacher logits with equal temperatures and a zero centre: every pair's cross-entropy
    // is H(p) = -sum p log p of p = softmax(x / T), averaged over the batch.
    const int B = 3, K = 7, ng = 2, nl = 3;
    auto x = dino::test::formulaTensor(B, K, torch::kFloat64, [](double r, double j) { return std::cos(1.3 * r + 0.7 * j * j); });
    double expected = 0.0;
    for (int b = 0; b < B; ++b) {
        double z = 0.0;
        for (int j = 0; j < K; ++j)
            z += std::exp(x[b][j].item<double>() / 0.1);
        for (int j = 0; j < K; ++j) {
            const double p = std::exp(x[b][j].item<double>() / 0.1) / z;
            expected -= p * std::log(p) / B;
        }
    }
    DinoLoss loss(K, ng, nl, /*student_temp=*/0.1, /*center_momentum=*/0.9);
    auto l = loss->forward(x.repeat({ng + nl, 1}), x.repeat({ng, 1}), /*teacher_temp=*/0.1);
    CHECK(l.item<double>() == Approx(expected).epsilon(1e-12));
    CHECK(expected > 0.1);  // a non-trivial value
}

TEST_CASE("a constant student gives log(out_dim) whatever the teacher", "[loss]") {
    const int K = 32;
    DinoLoss loss(K, 2, 2);
    auto teacher = torch::randn({2 * 5, K}, torch::kFloat64);
    auto l = loss->forward(torch::full({4 * 5, K}, 0.3, torch::kFloat64), teacher, 0.04);
    CHECK(l.item<double>() == Approx(std::log(static_cast<double>(K))).epsilon(1e-12));
}

TEST_CASE("loss is symmetric in images, global views and local views, skipped pairs are excluded", "[loss]") {
    torch::manual_seed(7);
    const int B = 4, K = 16, ng = 3, nl = 2;
    auto s = torch::randn({(ng + nl) * B, K}, torch::kFloat64) * 3;
    auto t = torch::randn({ng * B, K}, torch::kFloat64) * 2;
    auto eval = [&](const torch::Tensor& so, const torch::Tensor& to) {
        DinoLoss loss(K, ng, nl);
        return loss->forward(so, to, 0.05).item<double>();
    };
    const double ref = eval(s, t);

    // Same permutation of the images inside every view.
    auto perm = torch::tensor({2, 0, 3, 1}, torch::kLong);
    auto permRows = [&](const torch::Tensor& x, int views) {
        std::vector<torch::Tensor> parts;
        for (auto& v : x.chunk(views, 0))
            parts.push_back(v.index_select(0, perm));
        return torch::cat(parts, 0);
    };
    CHECK(eval(permRows(s, ng + nl), permRows(t, ng)) == Approx(ref).epsilon(1e-12));

    // Reorder views: swap global views 0 and 2 (student and teacher alike), swap the two local views.
    auto reorder = [&](const torch::Tensor& x, std::vector<int64_t> order) {
        std::vector<torch::Tensor> parts;
        auto ch = x.chunk(static_cast<int64_t>(order.size()), 0);
        for (auto o : order)
            parts.push_back(ch[o]);
        return torch::cat(parts, 0);
    };
    CHECK(eval(reorder(s, {2, 1, 0, 3, 4}), reorder(t, {2, 1, 0})) == Approx(ref).epsilon(1e-12));
    CHECK(eval(reorder(s, {0, 1, 2, 4, 3}), t) == Approx(ref).epsilon(1e-12));
    // Mixing images across views must change it (the grouping is view-major, not image-major).
    CHECK(eval(s.view({ng + nl, B, K}).transpose(0, 1).reshape({-1, K}), t) != Approx(ref).epsilon(1e-6));

    // The loss is the mean of the per-pair cross-entropies, the same view excluded.
    DinoLoss loss(K, ng, nl);
    const double l = loss->forward(s, t, 0.05).item<double>();
    auto pairs = loss->lastPairLosses();
    double sum = 0.0;
    int n = 0;
    for (int i = 0; i < ng; ++i)
        for (int j = 0; j < ng + nl; ++j) {
            const double v = pairs[i][j].item<double>();
            CHECK(std::isnan(v) == (i == j));
            if (i != j) {
                // recompute this pair independently
                auto q = torch::softmax(t.chunk(ng, 0)[i] / 0.05, -1);
                auto ls = torch::log_softmax(s.chunk(ng + nl, 0)[j] / 0.1, -1);
                CHECK(v == Approx((-q * ls).sum(-1).mean().item<double>()).epsilon(1e-12));
                sum += v;
                ++n;
            }
        }
    CHECK(n == ng * (ng + nl) - ng);
    CHECK(l == Approx(sum / n).epsilon(1e-12));
}

TEST_CASE("gradients reach the student only, the centre is a buffer updated without grad", "[loss]") {
    DinoLoss loss(8, 2, 1);
    auto s = torch::randn({3 * 2, 8}, torch::requires_grad());
    auto t = torch::randn({2 * 2, 8}, torch::requires_grad());
    auto l = loss->forward(s, t, 0.04);
    l.backward();
    CHECK(s.grad().defined());
    CHECK(s.grad().abs().sum().item<double>() > 0.0);
    CHECK_FALSE(t.grad().defined());
    CHECK_FALSE(loss->center.requires_grad());
    auto buffers = loss->named_buffers();
    REQUIRE(buffers.contains("center"));
    CHECK(buffers["center"].sizes() == torch::IntArrayRef({1, 8}));
    CHECK(torch::allclose(loss->center, 0.1 * t.detach().mean(0, true), 1e-6, 1e-7));
}

TEST_CASE("bad loss inputs are rejected with a message naming what was expected", "[loss]") {
    CHECK_THROWS_AS(DinoLoss(0, 2, 2), std::invalid_argument);
    CHECK_THROWS_AS(DinoLoss(8, 1, 0), std::invalid_argument);
    CHECK_THROWS_AS(DinoLoss(8, 2, 2, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(DinoLoss(8, 2, 2, 0.1, 1.5), std::invalid_argument);
    DinoLoss loss(8, 2, 2);
    CHECK_THROWS_WITH(loss->forward(torch::zeros({7, 8}), torch::zeros({4, 8}), 0.04),
                      Catch::Contains("student_output must be (batch * 4, 8)"));
    CHECK_THROWS_WITH(loss->forward(torch::zeros({8, 8}), torch::zeros({6, 8}), 0.04),
                      Catch::Contains("teacher_output must be (2 * 2, 8)"));
    CHECK_THROWS_AS(loss->forward(torch::zeros({8, 8}), torch::zeros({4, 8}), 0.0), std::invalid_argument);
}
