// Stochastic depth (model.drop_path_rate, drop_path.h): one ViT forward with given branch scales against
// numbers from an independent float64 PyTorch implementation (tests/support/ibot_reference.py, section 5,
// stored in ibot_reference.json), timm's per-block rates, the draws, and the trainer with it: the
// teacher untouched, image workers, groups and a resumed run giving what one uninterrupted pass gives.
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/config_schema.h"
#include "data/block_mask.h"
#include "model/vision_transformer.h"
#include "training/checkpoint.h"
#include "training/drop_path.h"
#include "training/trainer.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace dino;

namespace {

const nlohmann::json& reference() {
    static const nlohmann::json j = [] {
        std::ifstream in(std::string(DINO_TEST_SUPPORT_DIR) + "/ibot_reference.json");
        if (!in) throw std::runtime_error("tests/support/ibot_reference.json is missing");
        return nlohmann::json::parse(in);
    }();
    return j;
}

torch::Tensor values(const nlohmann::json& j, std::vector<int64_t> shape) {
    return torch::tensor(j.get<std::vector<double>>(), torch::kFloat64).reshape(shape);
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a.to(torch::kFloat64) - b).abs().max().item<double>(); }

struct Steps : api::TrainObserver {
    std::vector<api::StepMetrics> steps;
    void onStep(const api::StepMetrics& m) override { steps.push_back(m); }
};

struct KeepThreads {
    int saved = at::get_num_threads();
    ~KeepThreads() { at::set_num_threads(saved); }
};

RunConfig dropConfig(double rate = 0.3) {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;  // 4 steps of 16 images
    cfg.model.drop_path_rate = rate;
    return cfg;
}

}  // namespace

TEST_CASE("stochastic depth: a ViT forward with branch scales equals the reference in value and gradient", "[drop_path][reference][vit]") {
    const auto& r = reference()["vit"];
    VitOptions o;
    o.img_size = r["img"];
    o.patch_size = r["patch"];
    o.embed_dim = r["dim"];
    o.depth = r["depth"];
    o.num_heads = r["heads"];
    VisionTransformer vit(o);
    vit->to(torch::kFloat64);
    {
        torch::NoGradGuard ng;
        int64_t k = 0;  // the reference's numbering: timm's state_dict order
        for (auto& p : vit->named_parameters()) {
            auto w = 0.1 * torch::sin(0.37 * torch::arange(p.value().numel(), torch::kFloat64) + 0.61 * static_cast<double>(k));
            if (p.value().dim() == 1 && p.key().size() >= 7 && p.key().compare(p.key().size() - 7, 7, ".weight") == 0) w = w + 1.0;
            p.value().copy_(w.view(p.value().sizes()));
            ++k;
        }
    }
    const auto& d = reference()["drop_path"];
    const int64_t B = 2, P = 9, D = o.embed_dim, I = o.img_size;
    auto x = torch::sin(0.1 * torch::arange(B * 3 * I * I, torch::kFloat64) + 0.3).view({B, 3, I, I});
    std::vector<double> flat;
    for (const auto& block : d["scales"])
        for (const auto& branch : block)
            for (double v : branch) flat.push_back(v);
    const auto s = torch::tensor(flat, torch::kFloat64).view({o.depth, 2, B});

    // The class-token-only last block (forward) and every token (forwardWithPatches) both follow it.
    auto cls = vit->forward(x, s);
    CHECK(maxDiff(cls, values(d["cls"], {B, D})) < 1e-10);
    auto coef = torch::cos(0.13 * torch::arange(B * D, torch::kFloat64)).view({B, D});
    (cls * coef).sum().backward();
    const auto params = vit->named_parameters();  // find() points into it: kept alive
    const torch::Tensor* w = params.find("blocks.0.attn.proj.weight");
    REQUIRE(w);
    CHECK(maxDiff(w->grad(), values(d["grad_block0_proj_weight"], {D, D})) < 1e-9);
    torch::NoGradGuard ng;
    const VitTokens all = vit->forwardWithPatches(x, {}, s);
    CHECK(maxDiff(all.cls, values(d["cls"], {B, D})) < 1e-10);
    CHECK(maxDiff(all.patches, values(d["patches"], {B, P, D})) < 1e-10);
    // Scales of 1 are the plain forward, bit for bit; the class token differs once a branch is skipped.
    CHECK(torch::equal(vit->forward(x, torch::ones({o.depth, 2, B}, torch::kFloat64)), vit->forward(x)));
    CHECK(maxDiff(vit->forward(x), values(d["cls"], {B, D})) > 1e-3);
    CHECK_THROWS_WITH(vit->forward(x, torch::ones({o.depth, 2, B + 1})), Catch::Contains("drop-path scales must be (2, 2, 2)"));
}

TEST_CASE("stochastic depth: timm's per-block rates and draws of 0 or 1 / (1 - p) at those rates from the seed and step alone",
          "[drop_path]") {
    // torch.linspace(0, 0.1, 6) and torch.linspace(0, 0.3, 2)
    const auto r = dropPathRates(0.1, 6);
    REQUIRE(r.size() == 6);
    const double expected[] = {0.0, 0.02, 0.04, 0.06, 0.08, 0.1};
    for (size_t i = 0; i < 6; ++i) CHECK(r[i] == Approx(expected[i]).margin(1e-15));
    CHECK(dropPathRates(0.3, 2) == std::vector<double>{0.0, 0.3});
    CHECK(dropPathRates(0.3, 1) == std::vector<double>{0.0});
    CHECK_THROWS_WITH(dropPathRates(1.0, 6), Catch::Contains("[0, 1)"));
    CHECK_THROWS_WITH(dropPathRates(0.1, 0), Catch::Contains("depth must be >= 1"));

    torch::manual_seed(5);
    const double torch_next = torch::rand({1}).item<double>();
    torch::manual_seed(5);
    const int64_t rows = 4000;
    const auto s = dropPathScales({0.0, 0.25, 0.5}, rows, dropPathSeed(7, 3));
    CHECK(torch::rand({1}).item<double>() == torch_next);  // torch's generator untouched
    REQUIRE(s.sizes() == torch::IntArrayRef({3, 2, rows}));
    CHECK(torch::equal(s[0], torch::ones({2, rows})));  // rate 0: always kept, scale 1
    for (int64_t i = 1; i < 3; ++i) {
        const double p = i == 1 ? 0.25 : 0.5, kept = 1.0 / (1.0 - p);
        for (int64_t j = 0; j < 2; ++j) {
            const auto b = s[i][j];
            const auto zeros = (b == 0).sum().item<int64_t>(), keeps = (b == static_cast<float>(kept)).sum().item<int64_t>();
            CHECK(zeros + keeps == rows);  // nothing else
            // Binomial(4000, p): sd 27 and 32 rows; within 4 sd.
            CHECK(std::abs(static_cast<double>(zeros) - p * rows) < 4 * std::sqrt(rows * p * (1 - p)));
        }
        // Mean scale about 1: the expected update is the branch's.
        CHECK(s[i].mean().item<double>() == Approx(1.0).margin(0.05));
    }
    CHECK(torch::equal(s, dropPathScales({0.0, 0.25, 0.5}, rows, dropPathSeed(7, 3))));
    CHECK_FALSE(torch::equal(s, dropPathScales({0.0, 0.25, 0.5}, rows, dropPathSeed(7, 4))));
    CHECK_FALSE(torch::equal(s, dropPathScales({0.0, 0.25, 0.5}, rows, dropPathSeed(8, 3))));
    CHECK(dropPathSeed(7, 3) != maskSeed(7, 3));  // a stream apart from iBOT's masks
}

TEST_CASE("stochastic depth trains: the student sees its branches skipped and the teacher's first targets are untouched",
          "[drop_path][trainer]") {
    RunConfig plain = dropConfig(0.0), drop = dropConfig(0.3);
    Trainer a(plain, ""), b(drop, "");
    Steps ra, rb;
    REQUIRE(a.run(ra) == api::RunOutcome::Finished);
    REQUIRE(b.run(rb) == api::RunOutcome::Finished);
    REQUIRE(rb.steps.size() == 4);
    for (const auto& st : rb.steps) CHECK(std::isfinite(st.loss));
    // Step 0: the same weights and views; the teacher (no drop path) gives the same outputs, so the same
    // entropy and centre; the student's loss differs.
    CHECK(rb.steps[0].teacher_entropy == ra.steps[0].teacher_entropy);
    CHECK(rb.steps[0].center_norm == ra.steps[0].center_norm);
    CHECK(rb.steps[0].loss != ra.steps[0].loss);
    CHECK(test::firstDifference(*a.student(), *b.student()) != "");
    // The encoder keeps timm's names and parameters: nothing is added for the option.
    CHECK(a.student()->named_parameters().size() == b.student()->named_parameters().size());
}

TEST_CASE("stochastic depth: groups of images and image workers train like the whole batch (up to rounding)",
          "[drop_path][trainer][groups]") {
    KeepThreads keep;
    RunConfig cfg = dropConfig();
    cfg.views.local_crop_size = 12;  // separate passes for the global and local views
    for (const bool separate : {false, true}) {
        DYNAMIC_SECTION((separate ? "local views of their own size" : "local views at the global size")) {
            RunConfig c = cfg;
            if (!separate) c.views.local_crop_size = 0;
            Trainer whole(c, ""), groups(c, "");
            groups.setMicroBatch(3);
            Steps rw, rg;
            REQUIRE(whole.run(rw) == api::RunOutcome::Finished);
            REQUIRE(groups.run(rg) == api::RunOutcome::Finished);
            c.system.threads = 2;
            Trainer workers(c, "");
            Steps rp;
            REQUIRE(workers.run(rp) == api::RunOutcome::Finished);
            REQUIRE(rw.steps.size() == 4);
            for (size_t i = 0; i < rw.steps.size(); ++i) {
                CHECK(rg.steps[i].loss == Approx(rw.steps[i].loss).epsilon(1e-5));
                CHECK(rp.steps[i].loss == Approx(rw.steps[i].loss).epsilon(1e-5));
            }
        }
    }
}

TEST_CASE("stochastic depth: a run stopped and resumed ends bit-identical to an uninterrupted one", "[drop_path][trainer][resume]") {
    RunConfig cfg = dropConfig();
    cfg.optim.epochs = 2;
    test::TempDir full("drop-full"), part("drop-part");
    const auto r = test::trainWholeAndResumed(cfg, full.path(), part.path(), 2);
    CHECK(test::firstDifference(*r.whole->student(), *r.resumed->student()) == "");
    CHECK(test::firstDifference(*r.whole->teacher(), *r.resumed->teacher()) == "");
    const auto ra = api::loadRun(full.path()), rb = api::loadRun(part.path());
    REQUIRE(ra.steps.size() == 8);
    REQUIRE(rb.steps.size() == 8);
    for (size_t i = 0; i < 8; ++i) CHECK(rb.steps[i].loss == ra.steps[i].loss);
}

TEST_CASE("model.drop_path_rate: from 0 up to but not including 1 and validation names the field", "[drop_path][config]") {
    RunConfig c = test::tinyConfig();
    applyOverride(c, "model.drop_path_rate=0.1");
    CHECK(c.model.drop_path_rate == 0.1);
    CHECK(validate(c).empty());
    for (const double bad : {1.0, -0.1, 1.5}) {
        c.model.drop_path_rate = bad;
        const auto e = validate(c);
        REQUIRE(e.size() == 1);
        CHECK(e[0].field == "model.drop_path_rate");
        CHECK(e[0].message.find("[0, 1)") != std::string::npos);
    }
}
