// The trainer's small pure parts: the plan (steps, schedules = the seed's golden values), the
// collapse indicators, official DINO's optimizer options, the analytic FLOP count.
#include "model/dino_model.h"
#include "training/collapse_metrics.h"
#include "training/optim_groups.h"
#include "training/plan.h"
#include "training/vit_flops.h"

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

void checkSeries(const std::vector<double>& got, const nlohmann::json& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("step " << i);
        CHECK(got[i] == Approx(want[i].get<double>()).epsilon(1e-12).margin(1e-15));
    }
}

}  // namespace

TEST_CASE("steps per epoch: drop_last batches capped by max_steps_per_epoch", "[plan]") {
    CHECK(stepsPerEpoch(1059, 256, 0) == 4);   // the sample's train split at the seed's batch
    CHECK(stepsPerEpoch(89996, 256, 0) == 351);  // full PathMNIST
    CHECK(stepsPerEpoch(89996, 256, 8) == 8);
    CHECK(stepsPerEpoch(100, 256, 0) == 0);
    RunConfig c;
    CHECK(trainingSetSize(c, 1059) == 1059);
    c.data.subset = 64;
    CHECK(trainingSetSize(c, 1059) == 64);
    c.data.subset = 5000;
    CHECK(trainingSetSize(c, 1059) == 1059);
}

TEST_CASE("the run plan holds the seed's four schedules per step (golden values)", "[plan]") {
    // 10 epochs x 100 steps = the golden file's 1000-step schedules.
    RunConfig c;
    c.optim.batch_size = 10;
    c.optim.epochs = 10;
    auto p = makeRunPlan(c, 1000);
    CHECK(p.steps_per_epoch == 100);
    CHECK(p.total_steps == 1000);
    CHECK(p.dataset_size == 1000);
    const auto& g = golden()["training_schedules"];
    REQUIRE(g["total_steps"].get<int64_t>() == 1000);
    checkSeries(p.lr, g["lr_schedule"]["values"]);
    checkSeries(p.wd, g["wd_schedule"]["values"]);
    checkSeries(p.teacher_temp, g["teacher_temp_schedule"]["values"]);
    checkSeries(p.momentum, g["teacher_ema_schedule"]["values"]);
}

TEST_CASE("collapse metrics: uniform teacher, collapsed teacher, and the formula on random outputs", "[collapse]") {
    const int K = 16;
    auto center = torch::zeros({1, K});
    // Identical logits in every column: each row uniform -> entropy log K; mean uniform -> KL 0.
    auto flat = torch::full({8, K}, 0.3);
    auto u = teacherCollapseMetrics(flat, center, 0.04);
    CHECK(u.teacher_entropy == Approx(std::log(K)).epsilon(1e-12));
    CHECK(u.kl_uniform == Approx(0).margin(1e-12));
    // Every image puts all mass on label 3: entropy -> 0, KL -> log K.
    auto peaked = torch::zeros({8, K});
    peaked.index_put_({torch::indexing::Slice(), 3}, 10.0);
    auto c = teacherCollapseMetrics(peaked, center, 0.04);
    CHECK(c.teacher_entropy == Approx(0).margin(1e-9));
    CHECK(c.kl_uniform == Approx(std::log(K)).epsilon(1e-9));
    // Random outputs with a centre: the definitions computed directly in double.
    torch::manual_seed(3);
    auto t = torch::randn({12, K});
    auto cen = torch::randn({1, K}) * 0.1;
    double temp = 0.07;
    auto p = torch::softmax((t.to(torch::kDouble) - cen.to(torch::kDouble)) / temp, -1);
    double h = -(p * p.log()).sum(-1).mean().item<double>();
    auto pbar = p.mean(0);
    double kl = (pbar * (pbar * K).log()).sum().item<double>();
    auto r = teacherCollapseMetrics(t, cen, temp);
    CHECK(r.teacher_entropy == Approx(h).epsilon(1e-10));
    CHECK(r.kl_uniform == Approx(kl).epsilon(1e-10).margin(1e-12));
}

TEST_CASE("weight-decay groups follow official DINO: biases and 1-D tensors are not regularized", "[optim]") {
    ModelConfig m;
    m.embed_dim = 32;
    m.depth = 1;
    m.num_heads = 2;
    m.out_dim = 16;
    DinoModel model(m, 28);
    auto all = splitWeightDecayGroups(*model, false);
    CHECK(all.not_regularized.empty());
    int64_t trainable = 0;
    for (auto& p : model->parameters())
        if (p.requires_grad()) ++trainable;
    CHECK(static_cast<int64_t>(all.regularized.size()) == trainable);

    auto g = splitWeightDecayGroups(*model, true);
    CHECK(static_cast<int64_t>(g.regularized.size() + g.not_regularized.size()) == trainable);
    for (auto& t : g.regularized) CHECK(t.dim() > 1);
    bool has_norm = false, has_bias = false;
    for (auto& n : g.not_regularized_names) {
        if (n.find("norm") != std::string::npos && n.find(".weight") != std::string::npos) has_norm = true;
        if (n.size() > 5 && n.substr(n.size() - 5) == ".bias") has_bias = true;
    }
    CHECK(has_norm);
    CHECK(has_bias);

    // Group 0 gets the scheduled weight decay, group 1 never any.
    auto opt = makeAdamW(g);
    REQUIRE(opt->param_groups().size() == 2);
    applyOptimizerSchedule(*opt, 1e-3, 0.04);
    auto& o0 = static_cast<torch::optim::AdamWOptions&>(opt->param_groups()[0].options());
    auto& o1 = static_cast<torch::optim::AdamWOptions&>(opt->param_groups()[1].options());
    CHECK(o0.lr() == 1e-3);
    CHECK(o1.lr() == 1e-3);
    CHECK(o0.weight_decay() == 0.04);
    CHECK(o1.weight_decay() == 0.0);
    CHECK(std::get<0>(o0.betas()) == 0.9);
    CHECK(std::get<1>(o0.betas()) == 0.999);
    CHECK(o0.eps() == 1e-8);
}

TEST_CASE("per-parameter gradient clipping and last-layer freezing", "[optim]") {
    struct Net : torch::nn::Module {
        torch::Tensor a, b, last;
        Net() {
            a = register_parameter("a", torch::zeros({4}));
            b = register_parameter("b", torch::zeros({2}));
            auto sub = register_module("last_layer", std::make_shared<torch::nn::Module>());
            last = sub->register_parameter("weight_v", torch::zeros({3}));
        }
    } net;
    net.a.mutable_grad() = torch::tensor({6.0f, 8.0f, 0.0f, 0.0f});  // norm 10 > clip 3: scaled to 3 (+1e-6)
    net.b.mutable_grad() = torch::tensor({0.6f, 0.8f});              // norm 1 < 3: untouched, bit for bit
    net.last.mutable_grad() = torch::ones({3});
    auto b_before = net.b.grad().clone();
    clipGradientsPerParameter(net, 3.0);
    CHECK(net.a.grad().norm().item<double>() == Approx(3.0 * 10 / (10 + 1e-6)).epsilon(1e-6));
    CHECK(torch::equal(net.b.grad(), b_before));
    cancelLastLayerGradients(net);
    CHECK_FALSE(net.last.grad().defined());
    CHECK(net.a.grad().defined());
}

TEST_CASE("analytic ViT FLOPs of the seed's model", "[flops]") {
    ModelConfig m;  // vit_tiny: 28 px, patch 4 -> 49 patches + cls = 50 tokens, D 192, depth 12, MLP 768
    double T = 50, D = 192, M = 768;
    double block = 2 * T * D * 3 * D + 4 * T * T * D + 2 * T * D * D + 4 * T * D * M;
    double head = 2 * 192 * 384 + 2 * 384 * 384 + 2 * 384 * 96 + 2 * 96 * 256;
    double embed = 2 * 49 * 48 * 192;
    // The last block runs its query, attention row, projection and MLP on the class token only.
    double last = 2 * T * D * 2 * D + 2 * D * D + 4 * T * D + 2 * D * D + 4 * D * M;
    CHECK(vitForwardFlops(m, 28) == Approx(embed + 11 * block + last + head).epsilon(1e-12));
    // About 0.517 GFLOP forward per 28 px view (0.555 if the last block ran every token);
    // training step: 3 x 4 views + 2 teacher views.
    CHECK(vitForwardFlops(m, 28) / 1e9 == Approx(0.5173).epsilon(0.001));
    CHECK(dinoTrainFlopsPerImage(m, 2, 28, 2, 28) == Approx(14 * vitForwardFlops(m, 28)).epsilon(1e-12));
}
