// The DINO loss taken apart over image groups (training/dino_loss_parts.h): summed over any grouping
// it gives the golden loss values and centres of the seed's DINOLoss, and the same gradients.
#include "loss/dino_loss.h"
#include "training/dino_loss_parts.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace dino;

namespace {

const nlohmann::json& golden() {
    static const nlohmann::json j = nlohmann::json::parse(std::ifstream(DINO_GOLDEN_JSON));
    return j;
}

torch::Tensor sinTensor(int64_t rows, int64_t cols, double amp, double a, double b, double c, torch::ScalarType dt) {
    auto t = torch::empty({rows, cols}, torch::kFloat64);
    auto acc = t.accessor<double, 2>();
    for (int64_t r = 0; r < rows; ++r)
        for (int64_t j = 0; j < cols; ++j) acc[r][j] = amp * std::sin(a * r + b * j + c * r * j);
    return t.to(dt);
}

// Rows of images [first, first + n) of a view-major (V * B, K) tensor, view-major again.
torch::Tensor imageRows(const torch::Tensor& x, int64_t views, int64_t first, int64_t n) {
    auto B = x.size(0) / views;
    return x.reshape({views, B, x.size(1)}).narrow(1, first, n).reshape({views * n, x.size(1)});
}

torch::Tensor groupedLoss(const torch::Tensor& student, const torch::Tensor& targets, int G, int V, int64_t B,
                          int64_t group, double student_temp) {
    torch::Tensor total;
    for (int64_t first = 0; first < B; first += group) {
        int64_t n = std::min(group, B - first);
        auto part = dinoLossPart(imageRows(student, V, first, n), targets, first, n, G, V, student_temp, B);
        total = first == 0 ? part : total + part;
    }
    return total;
}

}  // namespace

TEST_CASE("DINO loss over image groups reproduces the golden losses and centres ('sin' cases)", "[loss_parts]") {
    int cases = 0;
    for (const auto& c : golden()["dino_loss"]) {
        if (c["inputs"] != "sin") continue;
        const int G = c["num_global"], L = c["num_local"], K = c["out_dim"];
        const int64_t B = c["batch_size"];
        const int V = G + L;
        const auto dt = c["dtype"] == "float64" ? torch::kFloat64 : torch::kFloat32;
        const double tol = dt == torch::kFloat64 ? 1e-12 : 2e-6;
        auto student = sinTensor(V * B, K, 2.0, 0.731, 1.37, 0.113, dt);
        auto teacher = sinTensor(G * B, K, 1.5, 0.417, 0.59, 0.071, dt);
        for (int64_t group : {B, int64_t(1), int64_t(3)}) {
            auto center = torch::zeros({1, K}, dt);
            for (const auto& call : c["calls"]) {
                double temp = call["teacher_temp"];
                auto targets = teacherTargets(teacher, center, temp, G);
                double loss = groupedLoss(student, targets, G, V, B, group, c["student_temp"]).item<double>();
                INFO("out_dim " << K << " dtype " << c["dtype"] << " group " << group << " temp " << temp);
                CHECK(loss == Approx(call["loss"].get<double>()).epsilon(tol));
                updateCenter(center, teacher, c["center_momentum"]);
                auto want = torch::tensor(call["center_after"].get<std::vector<double>>(), torch::kFloat64);
                CHECK(torch::allclose(center.to(torch::kFloat64).flatten(), want, tol, tol));
            }
        }
        ++cases;
    }
    CHECK(cases == 3);
}

TEST_CASE("grouped DINO loss: same value, gradient and centre as the DinoLoss module", "[loss_parts]") {
    const int G = 2, L = 3, V = 5, K = 32;
    const int64_t B = 7;
    torch::manual_seed(1);
    auto s_init = torch::randn({V * B, K}, torch::kFloat64) * 3;
    auto t_out = torch::randn({G * B, K}, torch::kFloat64) * 2;

    DinoLoss module(K, G, L, 0.1, 0.9);
    module->center = module->center.to(torch::kFloat64) + 0.05;
    auto center = module->center.clone();
    auto s1 = s_init.clone().requires_grad_(true);
    auto ref = module->forward(s1, t_out, 0.05);
    ref.backward();

    for (int64_t group : {B, int64_t(2), int64_t(4)}) {
        auto s2 = s_init.clone().requires_grad_(true);
        auto targets = teacherTargets(t_out, center, 0.05, G);
        auto loss = groupedLoss(s2, targets, G, V, B, group, 0.1);
        loss.backward();
        INFO("group " << group);
        CHECK(loss.item<double>() == Approx(ref.item<double>()).epsilon(1e-13));
        CHECK(torch::allclose(s2.grad(), s1.grad(), 1e-12, 1e-14));
    }
    auto c2 = center.clone();
    updateCenter(c2, t_out, 0.9);
    CHECK(torch::equal(c2, module->center));  // the same operations as DinoLoss's update
}
