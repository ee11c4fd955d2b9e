// iBOT's masked-patch objective (optim.ibot_weight, docs/ibot.md): the loss, its gradient, the teacher's
// patch targets (centred and Sinkhorn-Knopp), the patch centre and one masked ViT forward against numbers
// from an independent float64 PyTorch implementation (tests/support/ibot_reference.py, stored in
// ibot_reference.json); the block masks; and the trainer with iBOT on and off.
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/fsutil.h"
#include "data/block_mask.h"
#include "data/preview.h"
#include "export/encoder_weights.h"
#include "loss/ibot_loss.h"
#include "model/dino_head.h"
#include "model/dino_model.h"
#include "training/checkpoint.h"
#include "training/dino_loss_parts.h"
#include "training/trainer.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <set>

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
    const auto v = j.get<std::vector<double>>();
    return torch::tensor(v, torch::kFloat64).reshape(shape);
}

// scale * sin(a * i + b) over the flat index, as the reference's formula().
torch::Tensor formula(std::vector<int64_t> shape, double a, double b, double scale) {
    int64_t n = 1;
    for (auto s : shape) n *= s;
    return (scale * torch::sin(a * torch::arange(n, torch::kFloat64) + b)).reshape(shape);
}

torch::Tensor boolRows(const nlohmann::json& rows) {
    std::vector<std::vector<int>> r = rows.get<std::vector<std::vector<int>>>();
    auto t = torch::zeros({static_cast<int64_t>(r.size()), static_cast<int64_t>(r[0].size())}, torch::kBool);
    for (size_t i = 0; i < r.size(); ++i)
        for (size_t j = 0; j < r[i].size(); ++j) t[static_cast<int64_t>(i)][static_cast<int64_t>(j)] = r[i][j] != 0;
    return t;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a.to(torch::kFloat64) - b).abs().max().item<double>(); }

struct Steps : api::TrainObserver {
    std::vector<api::StepMetrics> steps;
    void onStep(const api::StepMetrics& m) override { steps.push_back(m); }
};

RunConfig ibotConfig() {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;  // 4 steps of 16 images
    cfg.optim.ibot_weight = 1.0;
    return cfg;
}

}  // namespace

TEST_CASE("iBOT loss, its gradient, the patch targets and centre equal the reference", "[ibot][reference]") {
    const auto& r = reference()["loss"];
    const int64_t G = r["G"], B = r["B"], P = r["P"], K = r["K"], N = G * B;
    const auto teacher = formula({N, P, K}, 0.53, 0.2, 1.5);
    const auto student = formula({N, P, K}, 0.29, 1.1, 2.0).requires_grad_(true);
    const auto center = formula({1, K}, 0.7, 0.4, 0.3);
    const auto masks = boolRows(r["masks"]);
    const double st = r["student_temp"], tt = r["teacher_temp"];

    const auto targets = ibotTeacherTargets(teacher, center, tt);
    CHECK(maxDiff(targets, values(r["targets"], {N, P, K})) < 1e-6);  // float32

    SECTION("float64 inputs, float32 loss: value and gradient") {
        auto loss = ibotLossPart(student.index({masks}), targets, masks, st, N);
        loss.backward();
        CHECK(loss.item<double>() == Approx(r["loss"].get<double>()).epsilon(1e-6));
        CHECK(maxDiff(student.grad(), values(r["grad_student"], {N, P, K})) < 1e-6);
        // Unmasked patches get no gradient.
        CHECK(student.grad().index({masks.logical_not()}).abs().max().item<double>() == 0);
    }
    SECTION("the parts of image groups add up to the batch's loss, as the trainer splits it") {
        // View-major rows: view g of image b is row g * B + b; the trainer takes images [first, first + n).
        const auto t4 = targets.reshape({G, B, P, K});
        const auto m3 = masks.reshape({G, B, P});
        const auto s4 = formula({N, P, K}, 0.29, 1.1, 2.0).reshape({G, B, P, K});
        double sum = 0;
        for (auto [first, n] : std::vector<std::pair<int64_t, int64_t>>{{0, 1}, {1, 2}}) {
            auto m = m3.narrow(1, first, n).reshape({G * n, P});
            auto s = s4.narrow(1, first, n).reshape({G * n, P, K});
            sum += ibotLossPart(s.index({m}), t4.narrow(1, first, n).reshape({G * n, P, K}), m, st, N).item<double>();
        }
        CHECK(sum == Approx(r["loss"].get<double>()).epsilon(1e-6));
    }
    SECTION("the patch centre: the mean over every patch of every view, with the class token's momentum") {
        auto c = center.clone();
        updateCenter(c, teacher.reshape({N * P, K}), r["center_momentum"].get<double>());
        CHECK(maxDiff(c, values(r["new_center"], {1, K})) < 1e-12);
    }
    SECTION("Sinkhorn-Knopp targets over the masked patches only") {
        auto sk = ibotSinkhornTargets(teacher, masks, tt, 3);
        const int64_t M = masks.sum().item<int64_t>();
        CHECK(maxDiff(sk.index({masks}), values(r["sinkhorn_masked_targets"], {M, K})) < 1e-5);
        CHECK(sk.index({masks.logical_not()}).abs().max().item<double>() == 0);
    }
    SECTION("shapes are checked") {
        CHECK_THROWS_WITH(ibotLossPart(student.index({masks}).narrow(0, 0, 3), targets, masks, st, N),
                          Catch::Contains("masked outputs must be"));
        CHECK_THROWS(ibotLossPart(student.index({masks}), targets, masks.narrow(1, 0, 4), st, N));
    }
}

TEST_CASE("a masked ViT forward equals the reference: mask token before the positions", "[ibot][reference][vit]") {
    const auto& r = reference()["vit"];
    VitOptions o;
    o.img_size = r["img"];
    o.patch_size = r["patch"];
    o.embed_dim = r["dim"];
    o.depth = r["depth"];
    o.num_heads = r["heads"];
    VisionTransformer vit(o);
    CHECK_FALSE(vit->hasMaskToken());
    vit->enableMaskToken();
    REQUIRE(vit->hasMaskToken());
    vit->to(torch::kFloat64);
    {
        torch::NoGradGuard ng;
        int64_t k = 0;  // the reference's numbering: timm's state_dict order, without the mask token
        for (auto& p : vit->named_parameters()) {
            auto t = p.value();
            if (p.key() == "mask_token") {
                t.copy_((0.1 * torch::cos(0.5 * torch::arange(o.embed_dim, torch::kFloat64) + 0.2)).view({1, o.embed_dim}));
                continue;
            }
            auto w = 0.1 * torch::sin(0.37 * torch::arange(t.numel(), torch::kFloat64) + 0.61 * static_cast<double>(k));
            if (t.dim() == 1 && p.key().size() >= 7 && p.key().compare(p.key().size() - 7, 7, ".weight") == 0) w = w + 1.0;
            t.copy_(w.view(t.sizes()));
            ++k;
        }
    }
    const int64_t B = 2, P = 9, D = o.embed_dim, I = o.img_size;
    auto x = torch::sin(0.1 * torch::arange(B * 3 * I * I, torch::kFloat64) + 0.3).view({B, 3, I, I});
    const auto masks = boolRows(r["masks"]);
    auto out = vit->forwardWithPatches(x, masks);
    CHECK(maxDiff(out.cls, values(r["cls"], {B, D})) < 1e-10);
    CHECK(maxDiff(out.patches, values(r["patches"], {B, P, D})) < 1e-10);
    auto coef = torch::cos(0.21 * torch::arange(B * P * D, torch::kFloat64)).view({B, P, D});
    (out.patches * coef).sum().backward();
    const auto params = vit->named_parameters();  // find() points into it: kept alive
    const torch::Tensor* token = params.find("mask_token");
    REQUIRE(token);
    CHECK(maxDiff(token->grad(), values(r["grad_mask_token"], {1, D})) < 1e-9);

    // No mask and an all-false mask are the plain forward: the same tokens as forwardTokens.
    torch::NoGradGuard ng;
    auto plain = vit->forwardWithPatches(x);
    CHECK(maxDiff(plain.patches, values(r["patches_unmasked"], {B, P, D})) < 1e-10);
    auto none = vit->forwardWithPatches(x, torch::zeros({B, P}, torch::kBool));
    CHECK(torch::equal(none.patches, plain.patches));
    auto tokens = vit->forwardTokens(x);
    CHECK(maxDiff(plain.cls, tokens.select(1, 0).to(torch::kFloat64)) < 1e-12);
    CHECK_THROWS_WITH(vit->forwardWithPatches(x, torch::zeros({B, 4}, torch::kBool)), Catch::Contains("patch mask must be"));
}

TEST_CASE("block masks: counts in range, blocks, stratified ratios, a fixed share of masked views, reproducible", "[ibot][mask]") {
    ViewMaskOptions o;  // DINOv2's: 7 x 7 here, ratios 0.1-0.5, half of the views
    const int64_t V = 64, P = 49;
    int64_t neighbours = 0, masked_total = 0;
    for (int64_t step = 0; step < 50; ++step) {
        MaskRng rng(maskSeed(7, step));
        auto m = viewMasks(o, V, rng);
        REQUIRE(m.sizes() == torch::IntArrayRef({V, P}));
        auto counts = m.sum(1);
        CHECK((counts > 0).sum().item<int64_t>() == V / 2);  // int(64 * 0.5) views masked, the others not
        // Each masked view hides at most int(P * 0.5) patches; stratified ratios spread from ~0.1 to ~0.5.
        CHECK(counts.max().item<int64_t>() <= static_cast<int64_t>(P * 0.5));
        auto masked_counts = counts.index({counts > 0});
        CHECK(masked_counts.min().item<int64_t>() <= 8);
        CHECK(masked_counts.max().item<int64_t>() >= 18);
        auto a = m.view({V, 7, 7});
        for (int64_t v = 0; v < V; ++v)
            for (int64_t i = 0; i < 7; ++i)
                for (int64_t j = 0; j < 7; ++j) {
                    if (!a[v][i][j].item<bool>()) continue;
                    ++masked_total;
                    bool n = (i > 0 && a[v][i - 1][j].item<bool>()) || (i < 6 && a[v][i + 1][j].item<bool>()) ||
                             (j > 0 && a[v][i][j - 1].item<bool>()) || (j < 6 && a[v][i][j + 1].item<bool>());
                    neighbours += n ? 1 : 0;
                }
    }
    // Rectangles of >= 4 patches: almost every masked patch has a masked neighbour (scattered patches at
    // these ratios would have one about half of the time).
    CHECK(static_cast<double>(neighbours) / static_cast<double>(masked_total) > 0.95);

    SECTION("the same seed and step give the same masks, another step others") {
        MaskRng a(maskSeed(3, 5)), b(maskSeed(3, 5)), c(maskSeed(3, 6)), d(maskSeed(4, 5));
        auto ma = viewMasks(o, V, a);
        CHECK(torch::equal(ma, viewMasks(o, V, b)));
        CHECK_FALSE(torch::equal(ma, viewMasks(o, V, c)));
        CHECK_FALSE(torch::equal(ma, viewMasks(o, V, d)));
    }
    SECTION("one block never exceeds its target, reaches it on the 7 x 7 grid, and is a rectangle when alone") {
        BlockMaskOptions g;
        MaskRng rng(11);
        int64_t reached = 0;
        for (int t = 0; t < 200; ++t) {
            const int64_t target = 4 + t % 21;  // 4 .. 24 = int(49 * [0.1, 0.5])
            auto m = blockMask(g, target, rng);
            int64_t n = 0;
            for (bool b : m) n += b ? 1 : 0;
            CHECK(n <= target);
            reached += n == target ? 1 : 0;
        }
        CHECK(reached >= 190);
        // A target of 4 patches with blocks of exactly 4 (2 x 2, 1 x 4, 4 x 1): one rectangle.
        g.max_block = 4;
        for (int t = 0; t < 20; ++t) {
            auto m = blockMask(g, 4, rng);
            int r0 = 7, r1 = -1, c0 = 7, c1 = -1, n = 0;
            for (int i = 0; i < 49; ++i)
                if (m[static_cast<size_t>(i)]) {
                    ++n;
                    r0 = std::min(r0, i / 7), r1 = std::max(r1, i / 7), c0 = std::min(c0, i % 7), c1 = std::max(c1, i % 7);
                }
            if (n == 4 && (r1 - r0 + 1) * (c1 - c0 + 1) == 4) continue;  // one block
            CHECK(n <= 4);  // or smaller blocks, never more
        }
    }
    SECTION("probability 1 masks every view, 0 none; the draws do not touch torch's generator") {
        torch::manual_seed(1);
        auto before = torch::rand({1}).item<double>();
        torch::manual_seed(1);
        ViewMaskOptions all = o;
        all.probability = 1;
        MaskRng rng(maskSeed(0, 0));
        CHECK((viewMasks(all, 10, rng).sum(1) > 0).all().item<bool>());
        all.probability = 0;
        CHECK(viewMasks(all, 10, rng).sum().item<int64_t>() == 0);
        CHECK(torch::rand({1}).item<double>() == before);
    }
}

TEST_CASE("optim.ibot_weight = 0 leaves a run bit-identical whatever the other iBOT fields", "[ibot][trainer]") {
    RunConfig plain = test::tinyConfig();
    plain.optim.epochs = 1;
    RunConfig other = plain;
    other.optim.ibot_mask_probability = 1.0;
    other.optim.ibot_mask_ratio_min = 0.3;
    other.model.ibot_separate_head = true;
    Trainer a(plain, ""), b(other, "");
    CHECK_FALSE(a.student()->encoder->hasMaskToken());
    CHECK(b.student()->ibot_head.is_empty());
    Steps ra, rb;
    REQUIRE(a.run(ra) == api::RunOutcome::Finished);
    REQUIRE(b.run(rb) == api::RunOutcome::Finished);
    for (size_t i = 0; i < ra.steps.size(); ++i) {
        CHECK(ra.steps[i].loss == rb.steps[i].loss);
        CHECK(rb.steps[i].ibot_loss == 0);
    }
    CHECK(test::firstDifference(*a.student(), *b.student()) == "");
    CHECK(test::firstDifference(*a.teacher(), *b.teacher()) == "");
    CHECK_FALSE(a.loss()->patch_center.defined());
}

TEST_CASE("iBOT trains: finite losses, the mask token and patch centre move, the teacher follows", "[ibot][trainer]") {
    for (const char* variant : {"shared head", "separate head", "sinkhorn"}) {
        DYNAMIC_SECTION(variant) {
            RunConfig cfg = ibotConfig();
            if (std::string(variant) == "separate head") cfg.model.ibot_separate_head = true;
            if (std::string(variant) == "sinkhorn") cfg.optim.centering = "sinkhorn";
            Trainer tr(cfg, "");
            REQUIRE(tr.student()->encoder->hasMaskToken());
            CHECK(!tr.student()->ibot_head.is_empty() == cfg.model.ibot_separate_head);
            CHECK(!tr.teacher()->ibot_head.is_empty() == cfg.model.ibot_separate_head);
            Steps rec;
            REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
            REQUIRE(rec.steps.size() == 4);
            for (const auto& s : rec.steps) {
                CHECK(std::isfinite(s.loss));
                CHECK(std::isfinite(s.ibot_loss));
                CHECK(s.ibot_loss > 0);
            }
            const auto student_params = tr.student()->encoder->named_parameters();  // find() points into them
            const auto teacher_params = tr.teacher()->encoder->named_parameters();
            auto* sm = student_params.find("mask_token");
            auto* tm = teacher_params.find("mask_token");
            REQUIRE(sm);
            REQUIRE(tm);
            CHECK(sm->abs().sum().item<double>() > 0);  // trained from zeros
            CHECK(tm->abs().sum().item<double>() > 0);  // the teacher's EMA covers it
            const double pc = tr.loss()->patch_center.norm().item<double>();
            if (cfg.optim.centering == "sinkhorn") CHECK(pc == 0);
            else CHECK(pc > 0);
            if (cfg.model.ibot_separate_head) {
                // The separate head's gradient: it moved away from its teacher copy's start.
                CHECK(test::firstDifference(*tr.student()->ibot_head, *tr.teacher()->ibot_head) != "");
            }
        }
    }
}

TEST_CASE("iBOT: the head gets a few row counts, and the zero rows added change no output or gradient", "[ibot]") {
    // A group of 8 images' two global views of 49 patches: 784 places, rows in multiples of 49.
    CHECK(ibotHeadRows(0, 784) == 0);
    CHECK(ibotHeadRows(1, 784) == 49);
    CHECK(ibotHeadRows(49, 784) == 49);
    CHECK(ibotHeadRows(50, 784) == 98);
    CHECK(ibotHeadRows(740, 784) == 784);
    CHECK(ibotHeadRows(784, 784) == 784);
    CHECK(ibotHeadRows(3, 20) == 16);   // at least 16 rows a step
    CHECK(ibotHeadRows(17, 20) == 20);  // never past the places there are
    CHECK_THROWS_WITH(ibotHeadRows(21, 20), Catch::Contains("21 masked rows out of 20"));
    std::set<int64_t> sizes;
    for (int64_t m = 0; m <= 784; ++m) {
        const int64_t r = ibotHeadRows(m, 784);
        CHECK(r >= m);
        sizes.insert(r);
    }
    CHECK(sizes.size() == 17);
    // The head's rows are independent: padded with zeros, the real rows' outputs and the gradients
    // of a loss on them are those of the unpadded rows.
    torch::manual_seed(21);
    DinoHead head(16, 32, 3, 24, 8);
    auto x = torch::randn({5, 16});
    auto g = torch::randn({5, 32});
    auto grads = [&](const torch::Tensor& rows) {
        head->zero_grad();
        auto out = head->forward(rows).narrow(0, 0, 5);
        (out * g).sum().backward();
        std::vector<torch::Tensor> r{out.detach()};
        for (const auto& p : head->parameters())
            if (p.grad().defined()) r.push_back(p.grad().clone());
        return r;
    };
    const auto plain = grads(x);
    const auto padded = grads(torch::cat({x, torch::zeros({ibotHeadRows(5, 20) - 5, 16})}, 0));
    REQUIRE(plain.size() == padded.size());
    for (size_t i = 0; i < plain.size(); ++i) {
        INFO("tensor " << i);
        CHECK(torch::allclose(plain[i], padded[i], 1e-5, 1e-6));
    }
}

TEST_CASE("iBOT: the first step's loss is the DINO loss plus the weighted iBOT term", "[ibot][trainer]") {
    RunConfig off = test::tinyConfig();
    off.optim.epochs = 1;
    RunConfig on = ibotConfig();
    on.optim.ibot_weight = 0.5;
    on.optim.ibot_mask_probability = 0.0001;  // int(32 * p) = 0 masked views: the student sees what it saw
    Trainer a(off, ""), b(on, "");
    Steps ra, rb;
    REQUIRE(a.run(ra) == api::RunOutcome::Finished);
    REQUIRE(b.run(rb) == api::RunOutcome::Finished);
    // No view masked: the iBOT term is 0, and the DINO loss the same up to rounding (the full last block).
    CHECK(rb.steps[0].ibot_loss == 0);
    CHECK(rb.steps[0].loss == Approx(ra.steps[0].loss).epsilon(1e-5));
}

TEST_CASE("iBOT: the loss adds the iBOT term times its weight", "[ibot][trainer]") {
    // The first step: the same weights, batch and masks at both weights, so the iBOT terms are equal and
    // the losses differ by (1 - 0.25) * ibot_loss.
    RunConfig one = ibotConfig(), quarter = ibotConfig();
    quarter.optim.ibot_weight = 0.25;
    Trainer a(one, ""), b(quarter, "");
    Steps ra, rb;
    REQUIRE(a.run(ra) == api::RunOutcome::Finished);
    REQUIRE(b.run(rb) == api::RunOutcome::Finished);
    REQUIRE(ra.steps[0].ibot_loss > 0);
    CHECK(rb.steps[0].ibot_loss == ra.steps[0].ibot_loss);
    CHECK(ra.steps[0].loss - rb.steps[0].loss == Approx(0.75 * ra.steps[0].ibot_loss).epsilon(1e-5));
}

TEST_CASE("iBOT: groups of images and image workers train like the whole batch (up to rounding)", "[ibot][trainer][groups]") {
    const int saved = at::get_num_threads();
    RunConfig cfg = ibotConfig();
    Trainer whole(cfg, ""), groups(cfg, "");
    groups.setMicroBatch(3);
    Steps rw, rg;
    REQUIRE(whole.run(rw) == api::RunOutcome::Finished);
    REQUIRE(groups.run(rg) == api::RunOutcome::Finished);
    for (size_t i = 0; i < rw.steps.size(); ++i) {
        CHECK(rg.steps[i].loss == Approx(rw.steps[i].loss).epsilon(1e-5));
        CHECK(rg.steps[i].ibot_loss == Approx(rw.steps[i].ibot_loss).epsilon(1e-5));
    }
    cfg.system.threads = 2;
    Trainer workers(cfg, "");
    Steps rp;
    REQUIRE(workers.run(rp) == api::RunOutcome::Finished);
    at::set_num_threads(saved);
    for (size_t i = 0; i < rw.steps.size(); ++i) {
        CHECK(rp.steps[i].loss == Approx(rw.steps[i].loss).epsilon(1e-5));
        CHECK(rp.steps[i].ibot_loss == Approx(rw.steps[i].ibot_loss).epsilon(1e-5));
    }
}

TEST_CASE("iBOT: a run stopped and resumed ends bit-identical, metrics.csv has ibot_loss", "[ibot][trainer][resume]") {
    RunConfig cfg = ibotConfig();
    cfg.optim.epochs = 2;
    test::TempDir full("ibot-full"), part("ibot-part");
    const auto r = test::trainWholeAndResumed(cfg, full.path(), part.path(), 4);
    // Student, teacher (mask tokens included) and the loss centres, bit for bit.
    Trainer &a = *r.whole, &b = *r.resumed;
    CHECK(test::firstDifference(*a.student(), *b.student()) == "");
    CHECK(test::firstDifference(*a.teacher(), *b.teacher()) == "");
    CHECK(test::firstDifference(*a.loss(), *b.loss()) == "");
    CHECK(a.loss()->patch_center.norm().item<double>() > 0);
    auto ra = api::loadRun(full.path()), rb = api::loadRun(part.path());
    REQUIRE(ra.steps.size() == 8);
    REQUIRE(rb.steps.size() == 8);
    for (size_t i = 0; i < 8; ++i) {
        CHECK(rb.steps[i].loss == ra.steps[i].loss);
        CHECK(rb.steps[i].ibot_loss == ra.steps[i].ibot_loss);
        CHECK(ra.steps[i].ibot_loss > 0);
    }
    const std::string header = readTextFile(full / "metrics.csv").substr(0, readTextFile(full / "metrics.csv").find('\n'));
    CHECK(header.find("ibot_loss") != std::string::npos);

    SECTION("evaluation and export read an iBOT checkpoint without the mask token and patch head") {
        auto teacher = loadModelFromCheckpoint(lastCheckpointPath(full.path()), cfg.model, 28);
        CHECK_FALSE(teacher->encoder->hasMaskToken());
        for (const auto& t : encoderTensors(a.student()->encoder)) CHECK(t.name != "mask_token");
    }
}

TEST_CASE("iBOT fields: validation names the field", "[ibot][config]") {
    RunConfig c = test::tinyConfig();
    c.optim.ibot_weight = 1;
    c.optim.ibot_mask_probability = 0;
    auto e = validate(c);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "optim.ibot_mask_probability");
    c.optim.ibot_mask_probability = 0.5;
    c.optim.ibot_mask_ratio_min = 0.6;
    e = validate(c);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "optim.ibot_mask_ratio_max");
    c.optim.ibot_mask_ratio_min = 0;
    c.optim.ibot_mask_ratio_max = 0;
    e = validate(c);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "optim.ibot_mask_ratio_max");
    c.optim.ibot_weight = -1;
    e = validate(c);
    REQUIRE(!e.empty());
    CHECK(e[0].field == "optim.ibot_weight");
    c = test::tinyConfig();
    applyOverride(c, "optim.ibot_weight=1");
    applyOverride(c, "model.ibot_separate_head=true");
    CHECK(c.optim.ibot_weight == 1);
    CHECK(c.model.ibot_separate_head);
    CHECK(validate(c).empty());
}

TEST_CASE("preview: the global views show the block mask a step would draw, and say how many patches", "[ibot][preview]") {
    RunConfig cfg = test::tinyConfig();  // 28 px, patch 4: a 7 x 7 grid; two global and two local views
    auto makePreviews = [] {
        std::vector<api::PreviewImage> p(3);
        for (auto& img : p)
            for (int v = 0; v < 4; ++v) {
                api::PreviewView view;
                view.label = v < 2 ? "Global" : "Local";
                view.image.width = view.image.height = 28;
                view.image.pixels.assign(28 * 28 * 3, 255);
                view.operations = "no colour jitter\n";
                img.views.push_back(view);
            }
        return p;
    };
    auto off = makePreviews();
    markIbotMasks(off, cfg, 0);
    CHECK(off[0].views[0].operations == "no colour jitter\n");  // iBOT off: nothing drawn or said

    cfg.optim.ibot_weight = 1;
    cfg.optim.ibot_mask_probability = 0.5;  // int(6 * 0.5) = 3 of the 6 global views
    auto p = makePreviews();
    markIbotMasks(p, cfg, 0);
    // The same masks as a training step's draw for 6 global views, view-major (view v of image k: v * 3 + k).
    ViewMaskOptions o;
    MaskRng rng(maskSeed(0, 0));
    const auto masks = viewMasks(o, 6, rng);
    int masked_views = 0;
    for (int k = 0; k < 3; ++k)
        for (int v = 0; v < 4; ++v) {
            const auto& view = p[static_cast<size_t>(k)].views[static_cast<size_t>(v)];
            int64_t changed = 0;
            for (uint8_t px : view.image.pixels) changed += px != 255;
            if (v >= 2) {
                CHECK(changed == 0);
                CHECK(view.operations == "no colour jitter\n");
                continue;
            }
            const int64_t n = masks[v * 3 + k].sum().item<int64_t>();
            INFO("image " << k << " view " << v << ": " << view.operations);
            CHECK(changed == n * 16 * 3);  // every pixel of each masked 4 x 4 patch, in all channels
            if (n > 0) {
                ++masked_views;
                CHECK(view.operations.find("iBOT mask: " + std::to_string(n) + " of 49 patches") != std::string::npos);
            } else {
                CHECK(view.operations.find("iBOT: not masked") != std::string::npos);
            }
        }
    CHECK(masked_views == 3);
}
