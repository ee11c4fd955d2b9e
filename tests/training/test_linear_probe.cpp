// The linear probe (evaluation/linear_probe.h): against an independent Python reference
// (tests/support/linear_probe_reference.py -> linear_probe_reference.json), the selection rule, the L2
// normalisation, the last blocks' class tokens, a separable set, determinism and cancellation.
#include "common/cancellation.h"
#include "common/config.h"
#include "evaluation/features.h"
#include "evaluation/linear_probe.h"
#include "evaluation/probe_features.h"
#include "model/vision_transformer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace dino;

namespace {

const nlohmann::json& reference() {
    static const nlohmann::json j =
        nlohmann::json::parse(std::ifstream(std::string(DINO_TEST_SUPPORT_DIR) + "/linear_probe_reference.json"));
    return j;
}

torch::Tensor matrix(const nlohmann::json& rows, torch::Dtype dtype = torch::kDouble) {
    const auto n = int64_t(rows.size()), d = int64_t(rows.at(0).size());
    auto t = torch::empty({n, d}, torch::kDouble);
    auto a = t.accessor<double, 2>();
    for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < d; ++j) a[i][j] = rows.at(size_t(i)).at(size_t(j)).get<double>();
    return t.to(dtype);
}

torch::Tensor labels(const nlohmann::json& v) { return torch::tensor(v.get<std::vector<int64_t>>(), torch::kLong); }

LinearProbeOptions referenceOptions() {
    const auto& o = reference().at("options");
    LinearProbeOptions p;
    p.lrs = o.at("lrs").get<std::vector<double>>();
    p.wds = o.at("wds").get<std::vector<double>>();
    p.epochs = o.at("epochs").get<int>();
    p.batch_size = o.at("batch_size").get<int>();
    p.momentum = o.at("momentum").get<double>();
    p.seed = o.at("seed").get<uint64_t>();
    return p;
}

}  // namespace

TEST_CASE("linear probe: the mini-batch order is the reference's SplitMix64 Fisher-Yates shuffle", "[eval][probe]") {
    const auto& o = reference().at("order");
    CHECK(probeEpochOrder(10, 7, 0) == o.at("epoch0").get<std::vector<int64_t>>());
    CHECK(probeEpochOrder(10, 7, 1) == o.at("epoch1").get<std::vector<int64_t>>());
    CHECK(probeEpochOrder(40, 7, 5) == o.at("n40_seed7_epoch5").get<std::vector<int64_t>>());
    CHECK(probeEpochOrder(0, 7, 0).empty());
    CHECK(probeEpochOrder(1, 7, 0) == std::vector<int64_t>{0});
}

TEST_CASE("linear probe: L2 normalisation of feature rows", "[eval][probe]") {
    // The reference's normalised rows, computed in Python from the same raw rows.
    const auto& tr = reference().at("train");
    const auto mine = l2NormalizeRows(matrix(tr.at("raw")));
    CHECK(torch::allclose(mine, matrix(tr.at("normalised")), 0, 1e-15));
    // By hand: (3, 4) has length 5; a zero row stays zero (no NaN); float32 stays float32.
    const auto h = l2NormalizeRows(torch::tensor({3.0f, 4.0f, 0.0f, 0.0f, -2.0f, 0.0f}).view({3, 2}));
    CHECK(h.scalar_type() == torch::kFloat);
    CHECK(h[0][0].item<float>() == Approx(0.6f));
    CHECK(h[0][1].item<float>() == Approx(0.8f));
    CHECK(h[1][0].item<float>() == 0.0f);
    CHECK(h[1][1].item<float>() == 0.0f);
    CHECK(h[2][0].item<float>() == -1.0f);
}

TEST_CASE("linear probe: per-dimension standardisation with the train split's statistics", "[eval][probe]") {
    // By hand: column 0 = 1, 3, 5 (mean 3, biased sd sqrt(8/3) = 1.632993), column 1 = 10, 10, 13 (mean 11,
    // sd sqrt(2)), column 2 constant (sd floored, maps to 0); dim 3, so scale = 1 / (sd * sqrt(3)).
    const auto train = torch::tensor({1.0, 10.0, 7.0, 3.0, 10.0, 7.0, 5.0, 13.0, 7.0}, torch::kDouble).view({3, 3});
    const FeatureStandardizer f = fitStandardizer(train);
    const auto y = f.apply(train);
    CHECK(y[0][0].item<double>() == Approx(-2.0 / (1.632993162 * std::sqrt(3.0))));
    CHECK(y[2][1].item<double>() == Approx(2.0 / (std::sqrt(2.0) * std::sqrt(3.0))));
    CHECK(y[1][2].item<double>() == 0.0);
    // Other rows use the train statistics: (7 - 3) in column 0.
    const auto other = f.apply(torch::tensor({7.0, 11.0, 7.0}, torch::kDouble).view({1, 3}));
    CHECK(other[0][0].item<double>() == Approx(4.0 / (1.632993162 * std::sqrt(3.0))));
    CHECK(other[0][1].item<double>() == 0.0);
    // Zero mean per dimension; the squared row length averages (dim - constant columns) / dim = 2/3.
    CHECK(y.mean(0).abs().max().item<double>() < 1e-12);
    CHECK(y.pow(2).sum(1).mean().item<double>() == Approx(2.0 / 3.0));
    CHECK_THROWS(fitStandardizer(torch::empty({0, 3})));
}

TEST_CASE("linear probe: every head of the grid equals the independent Python reference", "[eval][probe]") {
    const auto& ref = reference();
    const int C = ref.at("num_classes").get<int>();
    const auto o = referenceOptions();
    const auto train_x = l2NormalizeRows(matrix(ref.at("train").at("raw")));
    const auto val_x = l2NormalizeRows(matrix(ref.at("val").at("raw")));
    const auto test_x = l2NormalizeRows(matrix(ref.at("test").at("raw")));
    const auto train_y = labels(ref.at("train").at("labels")), val_y = labels(ref.at("val").at("labels")),
               test_y = labels(ref.at("test").at("labels"));
    const auto& heads = ref.at("heads");

    SECTION("float64: the same arithmetic up to the order of sums") {
        // Both sides compute in IEEE double; they differ only in the order of additions inside the matrix
        // products (a few ulp per step), which 36 momentum steps amplify to well below 1e-9 for weights of
        // size <= 55 (measured: ~1e-13).
        const auto r = runLinearProbe(train_x, train_y, val_x, val_y, test_x, test_y, C, o);
        REQUIRE(r.heads.size() == heads.size());
        for (size_t h = 0; h < heads.size(); ++h) {
            INFO("head " << h << ": lr " << r.heads[h].lr << ", wd " << r.heads[h].wd);
            CHECK(r.heads[h].lr == heads[h].at("lr").get<double>());
            CHECK(r.heads[h].wd == heads[h].at("wd").get<double>());
            const auto w = r.trained.weight[int64_t(h)], b = r.trained.bias[int64_t(h)];
            const auto rw = matrix(heads[h].at("weight"));
            const auto rb = torch::tensor(heads[h].at("bias").get<std::vector<double>>(), torch::kDouble);
            CHECK((w - rw).abs().max().item<double>() < 1e-9);
            CHECK((b - rb).abs().max().item<double>() < 1e-9);
            CHECK(r.heads[h].train_accuracy == heads[h].at("train_accuracy").get<double>());
            CHECK(r.heads[h].val_accuracy == heads[h].at("val_accuracy").get<double>());
            CHECK(r.heads[h].val_loss == Approx(heads[h].at("val_loss").get<double>()).epsilon(1e-9));
        }
        // Three heads reach 100 % on val: the lowest val loss decides (the reference's head 4).
        CHECK(r.chosen == ref.at("chosen").get<int>());
        CHECK(r.test_accuracy == ref.at("test_accuracy").get<double>());
        CHECK(std::vector<int64_t>(r.test_pred.data_ptr<int64_t>(), r.test_pred.data_ptr<int64_t>() + r.test_pred.numel()) ==
              ref.at("test_pred").get<std::vector<int64_t>>());
        CHECK(r.test_auc > 0.9);
        CHECK(r.test_auc <= 1.0);
    }

    SECTION("float32: the evaluation's precision") {
        // float32 carries 24 bits (relative 6e-8); 36 steps of products and momentum sums over 6 dimensions
        // and 16 rows stay within 1e-4 of weights of size <= 55 (relative 2e-6). Accuracies are not compared:
        // a near-tied logit may flip.
        const auto p = trainLinearProbes(train_x.to(torch::kFloat), train_y, C, o);
        CHECK(p.weight.scalar_type() == torch::kFloat);
        for (size_t h = 0; h < heads.size(); ++h) {
            INFO("head " << h);
            const auto rw = matrix(heads[h].at("weight"));
            const auto diff = (p.weight[int64_t(h)].to(torch::kDouble) - rw).abs().max().item<double>();
            CHECK(diff < 1e-4 * std::max(1.0, rw.abs().max().item<double>()));
        }
    }
}

TEST_CASE("linear probe: the head with the best val accuracy is chosen, ties by val loss, then grid order",
          "[eval][probe]") {
    CHECK(selectProbeHead({0.5, 0.7, 0.6}, {1.0, 2.0, 0.1}) == 1);  // accuracy first, whatever the loss
    CHECK(selectProbeHead({0.7, 0.7, 0.6}, {1.0, 0.5, 0.1}) == 1);  // equal accuracy: lower loss
    CHECK(selectProbeHead({0.7, 0.7, 0.7}, {0.5, 0.5, 0.5}) == 0);  // all equal: the first
    CHECK(selectProbeHead({0.7, 0.2, 0.7}, {0.5, 0.1, 0.4}) == 2);
    const double nan = std::nan("");
    CHECK(selectProbeHead({nan, 0.1}, {nan, 3.0}) == 1);  // a diverged head never wins
    CHECK(selectProbeHead({0.4, 0.4}, {nan, 3.0}) == 1);
    CHECK(selectProbeHead({0.4}, {1.0}) == 0);
    CHECK_THROWS(selectProbeHead({}, {}));
    CHECK_THROWS(selectProbeHead({0.1, 0.2}, {0.1}));
}

TEST_CASE("linear probe: a linearly separable set reaches 100 % with the default grid", "[eval][probe]") {
    // 4 classes, each a tight cluster around its own axis of an 8-d space; 200 train, 80 val, 80 test.
    torch::manual_seed(3);
    auto make = [](int64_t n) {
        const auto y = torch::arange(n) % 4;
        auto x = 0.15 * torch::randn({n, 8});
        x.index_put_({torch::arange(n), y * 2}, x.index({torch::arange(n), y * 2}) + 1.0);
        return std::make_pair(l2NormalizeRows(x), y);
    };
    const auto [tx, ty] = make(200);
    const auto [vx, vy] = make(80);
    const auto [sx, sy] = make(80);
    const RunConfig defaults;
    LinearProbeOptions o;
    o.lrs = defaults.eval.probe_lrs;
    o.wds = defaults.eval.probe_wds;
    o.epochs = defaults.eval.probe_epochs;
    o.batch_size = defaults.eval.probe_batch_size;
    const auto r = runLinearProbe(tx, ty, vx, vy, sx, sy, 4, o);
    CHECK(r.heads.size() == o.lrs.size() * o.wds.size());
    CHECK(r.heads.at(size_t(r.chosen)).val_accuracy == 1.0);
    CHECK(r.heads.at(size_t(r.chosen)).train_accuracy == 1.0);
    CHECK(r.test_accuracy == 1.0);
    CHECK(r.test_auc == 1.0);
}

TEST_CASE("linear probe: deterministic, input checks, cancellation", "[eval][probe]") {
    torch::manual_seed(5);
    const auto x = l2NormalizeRows(torch::randn({50, 5}));
    const auto y = torch::randint(0, 3, {50}, torch::kLong);
    LinearProbeOptions o;
    o.lrs = {1, 10};
    o.wds = {0, 1e-3};
    o.epochs = 4;
    o.batch_size = 8;
    const auto a = trainLinearProbes(x, y, 3, o), b = trainLinearProbes(x, y, 3, o);
    CHECK(a.weight.equal(b.weight));
    CHECK(a.bias.equal(b.bias));
    CHECK(a.weight.sizes() == torch::IntArrayRef({4, 3, 5}));
    CHECK(a.lrs == std::vector<double>{1, 1, 10, 10});  // lr-major
    CHECK(a.wds == std::vector<double>{0, 1e-3, 0, 1e-3});
    o.seed = 1;  // another order, other weights
    CHECK(!trainLinearProbes(x, y, 3, o).weight.equal(a.weight));

    CHECK_THROWS_WITH(trainLinearProbes(x, y + 3, 3, o), Catch::Contains("labels outside [0, 3)"));
    CHECK_THROWS_WITH(trainLinearProbes(x.to(torch::kInt), y, 3, o), Catch::Contains("float32 or float64"));
    LinearProbeOptions empty = o;
    empty.lrs.clear();
    CHECK_THROWS_WITH(trainLinearProbes(x, y, 3, empty), Catch::Contains("empty learning-rate"));
    CHECK_THROWS_WITH(runLinearProbe(x, y, x.narrow(0, 0, 0), y.narrow(0, 0, 0), x, y, 3, o),
                      Catch::Contains("val split is empty"));

    std::atomic<bool> cancel{false};
    int epochs_seen = 0;
    CHECK_THROWS_AS(trainLinearProbes(x, y, 3, o,
                                      [&](int e) {
                                          epochs_seen = e;
                                          if (e == 2) cancel = true;
                                      },
                                      &cancel),
                    OperationCancelled);
    CHECK(epochs_seen == 2);
}

TEST_CASE("ViT: class tokens of the last n blocks, concatenated", "[eval][probe][model]") {
    VitOptions vo;
    vo.img_size = 8;
    vo.patch_size = 4;
    vo.embed_dim = 16;
    vo.depth = 4;
    vo.num_heads = 2;
    torch::manual_seed(11);
    VisionTransformer deep(vo);
    deep->eval();
    torch::NoGradGuard ng;
    const auto x = torch::randn({3, 3, 8, 8});
    const auto all = deep->forwardClassTokens(x, 4);
    CHECK(all.sizes() == torch::IntArrayRef({3, 4 * 16}));
    CHECK(deep->forwardClassTokens(x, 2).sizes() == torch::IntArrayRef({3, 2 * 16}));
    // The newest block last: its slice is the encoder's output, bit for bit (the same operations).
    CHECK(all.narrow(1, 3 * 16, 16).equal(deep->forward(x)));
    CHECK(deep->forwardClassTokens(x, 1).equal(deep->forward(x)));
    CHECK(deep->forwardClassTokens(x, 2).equal(all.narrow(1, 2 * 16, 32)));
    // Block 1's slice: the output of a 2-block ViT with the first two blocks' weights (its last block
    // computes the class token alone, so equal up to rounding).
    VitOptions so = vo;
    so.depth = 2;
    VisionTransformer shallow(so);
    shallow->eval();
    const auto deep_params = deep->named_parameters();
    for (auto& p : shallow->named_parameters()) p.value().copy_(deep_params[p.key()]);
    CHECK(torch::allclose(all.narrow(1, 1 * 16, 16), shallow->forward(x), 1e-5, 1e-5));
    CHECK(!torch::allclose(all.narrow(1, 0, 16), all.narrow(1, 16, 16), 1e-3, 1e-3));
    CHECK_THROWS_WITH(deep->forwardClassTokens(x, 5), Catch::Contains("the model has 4 blocks"));
    CHECK_THROWS(deep->forwardClassTokens(x, 0));
}
