// The trainer end to end on the tiny preset (2-block ViT, 64 images, 4 steps per epoch, 1 thread):
// run-directory files, bit-exact resume, cancel, pause, non-finite loss, config errors, options.
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/training_run.h"
#include "common/fsutil.h"
#include "training/checkpoint.h"
#include "training/optim_groups.h"
#include "training/trainer.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace dino;
namespace fs = std::filesystem;

namespace {

// Records the observer calls; optionally cancels the run after a given step.
struct Recorder : api::TrainObserver {
    std::function<void()> cancel;
    int64_t cancel_after = -1;
    int plans = 0;
    api::RunPlan plan;
    std::vector<api::StepMetrics> steps;
    std::vector<api::EpochMetrics> epochs;
    std::vector<std::string> logs;
    void onPlan(const api::RunPlan& p) override {
        ++plans;
        plan = p;
    }
    void onStep(const api::StepMetrics& m) override {
        steps.push_back(m);
        if (m.step == cancel_after && cancel) cancel();
    }
    void onEpoch(const api::EpochMetrics& e) override { epochs.push_back(e); }
    void onLog(const std::string& s) override { logs.push_back(s); }
};

int64_t countLines(const std::string& path) {
    std::ifstream in(path);
    int64_t n = 0;
    std::string line;
    while (std::getline(in, line)) ++n;
    return n;
}

nlohmann::json readJson(const std::string& path) { return nlohmann::json::parse(readTextFile(path)); }

// The tiny run with a live k-NN point after steps 3, 6 and 8 (of 8), on 50 val images.
RunConfig liveKnnConfig() {
    RunConfig cfg = test::tinyConfig();
    cfg.eval.knn_every_steps = 3;
    cfg.eval.knn_live_max = 50;
    cfg.eval.knn_live_split = "val";
    return cfg;
}

// Also records the live k-NN points; optional callbacks on a point and on a log line.
struct KnnRecorder : Recorder {
    std::vector<api::KnnPoint> points;
    std::function<void(const std::string&)> on_log;
    std::function<void(const api::KnnPoint&)> on_knn;
    void onKnn(const api::KnnPoint& p) override {
        points.push_back(p);
        if (on_knn) on_knn(p);
    }
    void onLog(const std::string& s) override {
        Recorder::onLog(s);
        if (on_log) on_log(s);
    }
};

// Teacher, student and loss centre of two checkpoints, compared bit for bit.
void requireSameTraining(const std::string& a, const std::string& b, const RunConfig& cfg) {
    for (const char* which : {"teacher", "student"}) {
        auto ma = loadModelFromCheckpoint(a, cfg.model, 28, which);
        auto mb = loadModelFromCheckpoint(b, cfg.model, 28, which);
        INFO(which);
        CHECK(test::firstDifference(*ma, *mb) == "");
    }
    CHECK(readCheckpointInfo(a).step == readCheckpointInfo(b).step);
}

}  // namespace

TEST_CASE("a tiny run writes the whole run directory", "[trainer]") {
    test::TempDir dir("run");
    RunConfig cfg = test::tinyConfig();
    auto run = api::TrainingRun::create(cfg, dir.path());
    auto plan = run->plan();
    CHECK(plan.steps_per_epoch == 4);
    CHECK(plan.total_steps == 8);
    CHECK(plan.dataset_size == 64);
    CHECK(plan.lr.size() == 8);
    CHECK(plan.threads == 1);
    CHECK(plan.device == "cpu");
    CHECK(plan.trainable_parameters > 0);
    CHECK(fs::exists(dir / "config.json"));
    CHECK(configFromJson(readTextFile(dir / "config.json")).optim.batch_size == 16);

    Recorder rec;
    CHECK(run->run(rec) == api::RunOutcome::Finished);
    CHECK(rec.plans == 1);
    REQUIRE(rec.steps.size() == 8);
    for (size_t i = 0; i < rec.steps.size(); ++i) {
        const auto& m = rec.steps[i];
        CHECK(m.step == static_cast<int64_t>(i));
        CHECK(m.epoch == static_cast<int>(i / 4));
        CHECK(std::isfinite(m.loss));
        CHECK(m.lr == plan.lr[i]);
        CHECK(m.wd == plan.wd[i]);
        CHECK(m.teacher_temp == plan.teacher_temp[i]);
        CHECK(m.momentum == plan.momentum[i]);
        CHECK(m.images_per_s > 0);
        CHECK(m.teacher_entropy >= 0);
        CHECK(m.teacher_entropy <= std::log(16.0) + 1e-9);
        CHECK(m.kl_uniform >= -1e-12);
        CHECK(m.center_norm > 0);
    }
    REQUIRE(rec.epochs.size() == 2);
    CHECK(rec.epochs[1].checkpoint == epochCheckpointPath(dir.path(), 1));

    // metrics.csv: header + one row per step, equal to what the observer saw.
    CHECK(countLines(dir / "metrics.csv") == 1 + 8);
    auto snap = api::loadRun(dir.path());
    REQUIRE(snap.steps.size() == 8);
    CHECK(snap.steps[5].loss == rec.steps[5].loss);
    CHECK(snap.status == "finished");
    CHECK(snap.plan.total_steps == 8);
    CHECK(snap.plan.trainable_parameters == plan.trainable_parameters);
    CHECK(snap.plan.lr == plan.lr);
    REQUIRE(snap.checkpoints.size() == 3);  // epoch_000, epoch_001, last

    CHECK(fs::exists(dir / "checkpoints/epoch_000.ckpt"));
    CHECK(fs::exists(dir / "checkpoints/epoch_001.ckpt"));
    CHECK(readCheckpointInfo(dir / "checkpoints/epoch_000.ckpt").step == 4);
    CHECK(readCheckpointInfo(lastCheckpointPath(dir.path())).step == 8);
    CHECK(readCheckpointInfo(lastCheckpointPath(dir.path())).epoch == 1);
    // The epoch snapshot holds the same weights as last.ckpt, without the optimizer state.
    CHECK(readCheckpointInfo(dir / "checkpoints/epoch_001.ckpt").weights_only);
    CHECK_FALSE(readCheckpointInfo(lastCheckpointPath(dir.path())).weights_only);
    requireSameTraining(lastCheckpointPath(dir.path()), dir / "checkpoints/epoch_001.ckpt", cfg);
    auto status = readJson(dir / "status.json");
    CHECK(status["state"] == "finished");
    CHECK(status["dataset_size"] == 64);
    std::string log = readTextFile(dir / "log.txt");
    CHECK(log.find("started") != std::string::npos);
    CHECK(log.find("epoch 1 done") != std::string::npos);
    CHECK(log.find("finished") != std::string::npos);
    // Nothing half-written is left anywhere.
    for (auto& e : fs::recursive_directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

    // The teacher moved away from the student's initial copy, and is an EMA (not equal to the student).
    auto teacher = loadModelFromCheckpoint(lastCheckpointPath(dir.path()), cfg.model, 28, "teacher");
    auto student = loadModelFromCheckpoint(lastCheckpointPath(dir.path()), cfg.model, 28, "student");
    CHECK(test::firstDifference(*teacher, *student) != "");

    // One writer per run, in one process too: the run's lock goes with the TrainingRun.
    CHECK_THROWS_AS(api::TrainingRun::resume(dir.path()), api::RunLockedError);
    run.reset();
    // A finished run resumes to "finished" without steps; a second create in the same dir is refused.
    auto again = api::TrainingRun::resume(dir.path());
    Recorder rec2;
    CHECK(again->run(rec2) == api::RunOutcome::Finished);
    CHECK(rec2.steps.empty());
    again.reset();
    CHECK_THROWS_WITH(api::TrainingRun::create(cfg, dir.path()), Catch::Contains("not empty"));
}

TEST_CASE("a run stopped at any step and resumed ends bit-identical to an uninterrupted one", "[trainer][resume]") {
    RunConfig cfg = test::tinyConfig();
    test::TempDir full("full");
    {
        auto run = api::TrainingRun::create(cfg, full.path());
        Recorder rec;
        REQUIRE(run->run(rec) == api::RunOutcome::Finished);
    }
    // Mid-epoch (after step 5) and at an epoch boundary (after step 3).
    for (int64_t stop_after : {int64_t(5), int64_t(3)}) {
        DYNAMIC_SECTION("stopped after step " << stop_after) {
            test::TempDir part("part");
            {
                auto run = api::TrainingRun::create(cfg, part.path());
                Recorder rec;
                rec.cancel_after = stop_after;
                rec.cancel = [&] { run->cancel(); };
                REQUIRE(run->run(rec) == api::RunOutcome::Cancelled);
                CHECK(rec.steps.size() == static_cast<size_t>(stop_after + 1));
                // cancel keeps a loadable last.ckpt at the next step to run
                auto info = readCheckpointInfo(lastCheckpointPath(part.path()));
                CHECK(info.step == stop_after + 1);
                CHECK_NOTHROW(loadModelFromCheckpoint(lastCheckpointPath(part.path()), cfg.model, 28));
                CHECK(readJson(part / "status.json")["state"] == "cancelled");
            }
            {
                auto run = api::TrainingRun::resume(part.path());
                CHECK(run->plan().start_step == stop_after + 1);
                Recorder rec;
                REQUIRE(run->run(rec) == api::RunOutcome::Finished);
                REQUIRE(!rec.steps.empty());
                CHECK(rec.steps.front().step == stop_after + 1);
                CHECK(rec.plan.start_step == stop_after + 1);
            }
            requireSameTraining(lastCheckpointPath(full.path()), lastCheckpointPath(part.path()), cfg);
            CHECK(readTextFile(full / "checkpoints/epoch_001.ckpt").size() > 0);
            requireSameTraining(full / "checkpoints/epoch_001.ckpt", part / "checkpoints/epoch_001.ckpt", cfg);
            // metrics.csv has each step once, and the losses equal the uninterrupted run's.
            auto a = api::loadRun(full.path()), b = api::loadRun(part.path());
            REQUIRE(b.steps.size() == a.steps.size());
            for (size_t i = 0; i < a.steps.size(); ++i) {
                CHECK(b.steps[i].step == static_cast<int64_t>(i));
                CHECK(b.steps[i].loss == a.steps[i].loss);
                CHECK(b.steps[i].center_norm == a.steps[i].center_norm);
            }
            CHECK(b.status == "finished");
        }
    }
}

TEST_CASE("pause holds the run between steps, cancel while paused stops it", "[trainer]") {
    test::TempDir dir("pause");
    RunConfig cfg = test::tinyConfig();
    auto run = api::TrainingRun::create(cfg, dir.path());
    Recorder rec;
    std::atomic<int64_t> seen{-1};
    rec.cancel_after = 1;
    rec.cancel = [&] { run->setPaused(true); };
    struct Counting : api::TrainObserver {
        Recorder& r;
        std::atomic<int64_t>& seen;
        Counting(Recorder& rr, std::atomic<int64_t>& s) : r(rr), seen(s) {}
        void onStep(const api::StepMetrics& m) override {
            r.onStep(m);
            seen = m.step;
        }
    } obs(rec, seen);
    std::thread worker([&] { CHECK(run->run(obs) == api::RunOutcome::Cancelled); });
    // Wait until the run paused itself after step 1, then check it stays there.
    for (int i = 0; i < 400 && !(seen.load() == 1 && run->paused()); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(run->paused());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(seen.load() == 1);
    run->cancel();
    worker.join();
    CHECK(seen.load() == 1);
    CHECK(readCheckpointInfo(lastCheckpointPath(dir.path())).step == 2);
}

TEST_CASE("a non-finite loss stops the run, keeps the last good checkpoint and names the causes", "[trainer][nan]") {
    SECTION("forced NaN in epoch 1: last.ckpt stays at the end of epoch 0") {
        test::TempDir dir("nan");
        RunConfig cfg = test::tinyConfig();
        ensureDir(dir.path());
        Trainer tr(cfg, dir.path());
        TrainerHooks hooks;
        hooks.loss_override = [](int64_t step, torch::Tensor& loss) {
            if (step == 6) loss = loss * std::nan("");
        };
        Recorder rec;
        try {
            tr.run(rec, hooks);
            FAIL("expected NonFiniteLossError");
        } catch (const api::NonFiniteLossError& e) {
            std::string msg = e.what();
            CHECK(msg.find("NaN at step 6") != std::string::npos);
            CHECK(msg.find("optim.teacher_temp") != std::string::npos);
            CHECK(msg.find("optim.lr") != std::string::npos);
            CHECK(msg.find("precision") != std::string::npos);
        }
        CHECK(rec.steps.size() == 6);
        auto info = readCheckpointInfo(lastCheckpointPath(dir.path()));
        CHECK(info.step == 4);
        auto teacher = loadModelFromCheckpoint(lastCheckpointPath(dir.path()), cfg.model, 28);
        for (auto& p : teacher->parameters()) CHECK(torch::isfinite(p).all().item<bool>());
    }
    SECTION("learning rate 1e30 through TrainingRun: status failed with the message") {
        test::TempDir dir("nan-lr");
        RunConfig cfg = test::tinyConfig();
        cfg.optim.lr = 1e30;
        auto run = api::TrainingRun::create(cfg, dir.path());
        Recorder rec;
        CHECK_THROWS_AS(run->run(rec), api::NonFiniteLossError);
        auto status = readJson(dir / "status.json");
        CHECK(status["state"] == "failed");
        CHECK(status["message"].get<std::string>().find("learning rate too high") != std::string::npos);
        CHECK(api::loadRun(dir.path()).status.rfind("failed: ", 0) == 0);
        CHECK_FALSE(fs::exists(lastCheckpointPath(dir.path())));  // nothing good to keep in epoch 0
    }
}

TEST_CASE("configuration errors name the field and leave no run directory", "[trainer][config]") {
    test::TempDir dir("cfg");
    RunConfig cfg = test::tinyConfig();
    cfg.optim.batch_size = 100;  // > 64 images
    try {
        api::TrainingRun::create(cfg, dir.path());
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        REQUIRE(e.fields().size() == 1);
        CHECK(e.fields()[0].field == "optim.batch_size");
        CHECK(e.fields()[0].message.find("64") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(dir.path()));

    cfg = test::tinyConfig();
    cfg.views.num_global = 1;
    cfg.optim.momentum = 1.5;
    try {
        api::TrainingRun::create(cfg, dir.path());
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        std::string what = e.what();
        CHECK(what.find("views.num_global") != std::string::npos);
        CHECK(what.find("optim.momentum") != std::string::npos);
    }

    cfg = test::tinyConfig();
    cfg.data.dataset = dir / "missing.npz";
    CHECK_THROWS_AS(api::TrainingRun::create(cfg, dir.path()), api::DataError);
    CHECK_FALSE(fs::exists(dir.path()));

    CHECK_THROWS_WITH(api::TrainingRun::resume(dir.path()), Catch::Contains("does not exist"));
    ensureDir(dir.path());
    saveConfigFile(test::tinyConfig(), dir / "config.json");
    CHECK_THROWS_WITH(api::TrainingRun::resume(dir.path()), Catch::Contains("no checkpoint"));
}

TEST_CASE("official DINO options: frozen last layer, clipping, no decay on biases and norms", "[trainer][options]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    cfg.optim.freeze_last_layer_epochs = 1;
    cfg.optim.clip_grad = 0.5;
    cfg.optim.no_wd_bias_norm = true;
    Trainer tr(cfg, "");
    auto before = tr.student()->named_parameters();
    std::map<std::string, torch::Tensor> init;
    for (auto& p : before) init[p.key()] = p.value().detach().clone();
    Recorder rec;
    REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
    REQUIRE(rec.steps.size() == 4);
    for (auto& p : tr.student()->named_parameters()) {
        INFO(p.key());
        bool last = p.key().find("last_layer") != std::string::npos;
        if (last) CHECK(torch::equal(p.value(), init[p.key()]));  // frozen during epoch 0
        else if (p.value().requires_grad()) CHECK_FALSE(torch::equal(p.value(), init[p.key()]));
    }
}

TEST_CASE("bf16 mixed precision trains with finite losses close to fp32 at the start", "[trainer][bf16]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    Trainer fp32(cfg, "");
    Recorder a;
    fp32.run(a);
    cfg.system.precision = "bf16";
    Trainer bf16(cfg, "");
    Recorder b;
    bf16.run(b);
    REQUIRE(a.steps.size() == 4);
    REQUIRE(b.steps.size() == 4);
    CHECK(b.plan.precision == "bf16");
    for (size_t i = 0; i < 4; ++i) {
        CHECK(std::isfinite(b.steps[i].loss));
        CHECK(b.steps[i].loss == Approx(a.steps[i].loss).epsilon(0.02));
    }
    CHECK(b.steps[0].loss != a.steps[0].loss);  // autocast really ran in bf16
    for (auto& p : bf16.student()->parameters()) CHECK(p.dtype() == torch::kFloat);  // master weights stay fp32
}

TEST_CASE("a different local crop size runs globals and locals through the student separately", "[trainer]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    cfg.optim.max_steps_per_epoch = 2;
    cfg.views.local_crop_size = 12;
    Trainer tr(cfg, "");
    CHECK(tr.localSize() == 12);
    Recorder rec;
    REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
    REQUIRE(rec.steps.size() == 2);
    CHECK(std::isfinite(rec.steps[1].loss));
}

TEST_CASE("the student in groups of images trains like the whole batch at once (up to rounding)", "[trainer][groups]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    Trainer whole(cfg, "");
    CHECK(whole.microBatch(16) == 16);  // automatic: a tiny batch fits in one group
    Recorder a;
    whole.run(a);
    Trainer grouped(cfg, "");
    grouped.setMicroBatch(5);  // groups of 5, 5, 5 and 1 images
    CHECK(grouped.microBatch(16) == 5);
    Recorder b;
    grouped.run(b);
    REQUIRE(a.steps.size() == 4);
    REQUIRE(b.steps.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(b.steps[i].loss == Approx(a.steps[i].loss).epsilon(1e-5));
        CHECK(b.steps[i].center_norm == Approx(a.steps[i].center_norm).epsilon(1e-5));
    }
    auto pa = whole.teacher()->named_parameters();
    for (auto& p : grouped.teacher()->named_parameters()) {
        INFO(p.key());
        CHECK(torch::allclose(p.value(), pa[p.key()], 1e-4, 1e-5));
    }
    // The seed's batch of 256 images is split into groups of 64 by default.
    RunConfig seed = presetConfig("seed");
    seed.optim.max_steps_per_epoch = 1;
    Trainer big(seed, "");
    CHECK(big.microBatch(256) == 64);
    CHECK(big.microBatch(32) == 32);
}

TEST_CASE("DINOv2 remedies: Sinkhorn-Knopp targets and KoLeo train, change the run, and leave the centre alone", "[trainer][dinov2]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    Trainer ema(cfg, "");
    Recorder a;
    REQUIRE(ema.run(a) == api::RunOutcome::Finished);

    cfg.optim.centering = "sinkhorn";
    cfg.optim.koleo_weight = 0.1;
    Trainer sk(cfg, "");
    Recorder b;
    REQUIRE(sk.run(b) == api::RunOutcome::Finished);
    REQUIRE(b.steps.size() == 4);
    for (size_t i = 0; i < b.steps.size(); ++i) {
        INFO(i);
        CHECK(std::isfinite(b.steps[i].loss));
        CHECK(std::isfinite(b.steps[i].koleo));
        CHECK(b.steps[i].koleo != 0);
        CHECK(b.steps[i].student_std > 0);
        CHECK(b.steps[i].center_norm == 0);  // Sinkhorn-Knopp replaces the centre, as in DINOv2
        CHECK(b.steps[i].teacher_entropy <= std::log(16.0) + 1e-6);
        CHECK(b.steps[i].kl_uniform >= -1e-6);
        CHECK(a.steps[i].koleo == 0);
    }
    // The same first batch and weights: the losses differ only through the targets and KoLeo.
    CHECK(b.steps[0].loss != a.steps[0].loss);
}

TEST_CASE("the last layer frozen for a number of steps, and global crops, train", "[trainer][options]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    cfg.optim.freeze_last_layer_steps = 4;
    cfg.views.global_crop_scale_min = 0.4;
    Trainer tr(cfg, "");
    std::map<std::string, torch::Tensor> init;
    for (auto& p : tr.student()->named_parameters()) init[p.key()] = p.value().detach().clone();
    Recorder rec;
    REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
    for (auto& p : tr.student()->named_parameters()) {
        INFO(p.key());
        if (p.key().find("last_layer") != std::string::npos) CHECK(torch::equal(p.value(), init[p.key()]));
    }
    for (const auto& m : rec.steps) CHECK(std::isfinite(m.loss));
}

TEST_CASE("model.norm_last_layer off: the prototype lengths wait out the freeze, then train and the teacher follows",
          "[trainer][options]") {
    RunConfig cfg = test::tinyConfig();  // 8 steps
    CHECK(cfg.model.norm_last_layer);     // the seed's default
    applyOverride(cfg, "model.norm_last_layer=false");
    CHECK_FALSE(cfg.model.norm_last_layer);
    CHECK_THROWS_WITH(applyOverride(cfg, "model.norm_last_layer=sometimes"), Catch::Contains("model.norm_last_layer"));
    const auto lengths = [](DinoModel& m) { return m->head->weight_g.detach().clone(); };
    {
        // Frozen for the whole run (official DINO's cancel_gradients_last_layer covers weight_g too).
        RunConfig frozen = cfg;
        frozen.optim.freeze_last_layer_steps = 8;
        Trainer tr(frozen, "");
        CHECK(tr.student()->head->weight_g.requires_grad());
        Recorder rec;
        REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
        CHECK(torch::equal(lengths(tr.student()), torch::ones({16, 1})));
        CHECK(torch::equal(lengths(tr.teacher()), torch::ones({16, 1})));
    }
    Trainer tr(cfg, "");
    // Like official DINO's get_params_groups: weight_g is (out_dim, 1), so it is weight-decayed.
    const auto groups = splitWeightDecayGroups(*tr.student(), /*no_wd_bias_norm=*/true);
    CHECK(std::find(groups.not_regularized_names.begin(), groups.not_regularized_names.end(),
                    "head.last_layer.weight_g") == groups.not_regularized_names.end());
    CHECK(std::any_of(groups.regularized.begin(), groups.regularized.end(), [&](const torch::Tensor& p) {
        return p.is_same(tr.student()->head->weight_g);
    }));
    Recorder rec;
    REQUIRE(tr.run(rec) == api::RunOutcome::Finished);
    for (const auto& m : rec.steps) CHECK(std::isfinite(m.loss));
    const auto gs = lengths(tr.student()), gt = lengths(tr.teacher());
    CHECK_FALSE(torch::equal(gs, torch::ones_like(gs)));
    // The teacher's lengths are an EMA of the student's, which all started at 1: moved, but less far.
    CHECK_FALSE(torch::equal(gt, torch::ones_like(gt)));
    CHECK((gt - 1).abs().max().item<double>() < (gs - 1).abs().max().item<double>());
    // With the seed's default the lengths never move.
    Trainer fixed(test::tinyConfig(), "");
    CHECK_FALSE(fixed.student()->head->weight_g.requires_grad());
    REQUIRE(fixed.run(rec) == api::RunOutcome::Finished);
    CHECK(torch::equal(lengths(fixed.student()), torch::ones({16, 1})));
    CHECK(torch::equal(lengths(fixed.teacher()), torch::ones({16, 1})));
}

TEST_CASE("model.norm_last_layer off: stopped and resumed is bit-identical to one run", "[trainer][options][resume]") {
    RunConfig cfg = test::tinyConfig();
    cfg.model.norm_last_layer = false;
    test::TempDir full("nll-full"), part("nll-part");
    const auto r = test::trainWholeAndResumed(cfg, full.path(), part.path(), 3);
    CHECK(test::firstDifference(*r.whole->student(), *r.resumed->student()) == "");
    CHECK(test::firstDifference(*r.whole->teacher(), *r.resumed->teacher()) == "");
    CHECK_FALSE(torch::equal(r.whole->student()->head->weight_g, torch::ones({16, 1})));
}

TEST_CASE("live k-NN: knn.csv fills every N steps and at the end, the random-init line is constant", "[trainer][live_knn]") {
    test::TempDir dir("knn");
    RunConfig cfg = liveKnnConfig();  // 8 steps: points after 3, 6 and 8
    KnnRecorder rec;
    auto run = api::TrainingRun::create(cfg, dir.path());
    REQUIRE(run->run(rec) == api::RunOutcome::Finished);
    REQUIRE(rec.points.size() == 3);
    CHECK(rec.points[0].step == 3);
    CHECK(rec.points[1].step == 6);
    CHECK(rec.points[2].step == 8);
    for (const auto& p : rec.points) {
        CHECK(p.knn_1nn >= 0);
        CHECK(p.knn_1nn <= 1);
        CHECK(p.knn_weighted >= 0);
        CHECK(p.baseline_1nn == rec.points[0].baseline_1nn);
        CHECK(p.baseline_weighted == rec.points[0].baseline_weighted);
        CHECK(p.seconds > 0);
    }
    CHECK(countLines(dir / "knn.csv") == 1 + 3);
    auto snap = api::loadRun(dir.path());
    REQUIRE(snap.knn.size() == 3);
    CHECK(snap.knn[2].knn_weighted == rec.points[2].knn_weighted);
    // The collapse guard's verdict is in status.json.
    auto status = readJson(dir / "status.json");
    REQUIRE(status.contains("collapse"));
    CHECK(status["collapse"]["state"].is_string());
    CHECK(!snap.collapse_state.empty());

    // A live k-NN on a split the file lacks switches itself off with a warning; training goes on.
    test::TempDir dir2("knn-missing");
    cfg.eval.knn_live_split = "nosuchsplit";
    Recorder rec2;
    auto run2 = api::TrainingRun::create(cfg, dir2.path());
    REQUIRE(run2->run(rec2) == api::RunOutcome::Finished);
    bool warned = false;
    for (const auto& l : rec2.logs) warned = warned || l.find("live k-NN switched off") != std::string::npos;
    CHECK(warned);
    CHECK(countLines(dir2 / "knn.csv") == 1);
}

TEST_CASE("a run cancelled during a live k-NN point computes that point once when it resumes", "[trainer][live_knn][resume]") {
    const RunConfig cfg = liveKnnConfig();  // 8 steps: points after 3, 6 and 8
    test::TempDir full("knn-full");
    std::vector<api::KnnPoint> uninterrupted;
    {
        KnnRecorder rec;
        REQUIRE(api::TrainingRun::create(cfg, full.path())->run(rec) == api::RunOutcome::Finished);
        uninterrupted = api::loadRun(full.path()).knn;
        REQUIRE(uninterrupted.size() == 3);
    }
    auto resumeAndCompare = [&](const std::string& dir, size_t points_in_resume) {
        {
            auto run = api::TrainingRun::resume(dir);
            CHECK(run->plan().start_step == 3);
            KnnRecorder rec;
            REQUIRE(run->run(rec) == api::RunOutcome::Finished);
            CHECK(rec.points.size() == points_in_resume);
        }
        // The curve has each point once, with the uninterrupted run's values.
        auto curve = api::loadRun(dir).knn;
        REQUIRE(curve.size() == uninterrupted.size());
        for (size_t i = 0; i < curve.size(); ++i) {
            CHECK(curve[i].step == uninterrupted[i].step);
            CHECK(curve[i].knn_1nn == uninterrupted[i].knn_1nn);
            CHECK(curve[i].knn_weighted == uninterrupted[i].knn_weighted);
        }
        CHECK(countLines(fs::path(dir) / "knn.csv") == 1 + 3);
    };
    SECTION("cancelled while the point after step 3 is computed") {
        test::TempDir part("knn-cancel-in-knn");
        {
            auto run = api::TrainingRun::create(cfg, part.path());
            KnnRecorder rec;
            // The first point's computation announces itself ("live k-NN every 3 steps: ..."), then runs.
            rec.on_log = [&](const std::string& s) {
                if (s.rfind("live k-NN every", 0) == 0) run->cancel();
            };
            REQUIRE(run->run(rec) == api::RunOutcome::Cancelled);
            CHECK(rec.points.empty());
            CHECK(readCheckpointInfo(lastCheckpointPath(part.path())).step == 3);
            CHECK(api::loadRun(part.path()).knn.empty());
        }
        resumeAndCompare(part.path(), 3);  // the missing point after step 3, then 6 and 8
    }
    SECTION("cancelled during step 3 itself (the due point sees the cancel)") {
        test::TempDir part("knn-cancel-in-step");
        {
            auto run = api::TrainingRun::create(cfg, part.path());
            KnnRecorder rec;
            rec.cancel_after = 2;  // the third step: 3 steps done, a point is due
            rec.cancel = [&] { run->cancel(); };
            REQUIRE(run->run(rec) == api::RunOutcome::Cancelled);
            CHECK(rec.points.empty());
            CHECK(readCheckpointInfo(lastCheckpointPath(part.path())).step == 3);
        }
        resumeAndCompare(part.path(), 3);
    }
    SECTION("cancelled after the point was written: the resume does not compute it again") {
        test::TempDir part("knn-cancel-after-knn");
        {
            auto run = api::TrainingRun::create(cfg, part.path());
            KnnRecorder rec;
            rec.on_knn = [&](const api::KnnPoint&) { run->cancel(); };
            REQUIRE(run->run(rec) == api::RunOutcome::Cancelled);
            CHECK(rec.points.size() == 1);
            CHECK(readCheckpointInfo(lastCheckpointPath(part.path())).step == 3);
        }
        resumeAndCompare(part.path(), 2);  // 6 and 8 only
    }
}

TEST_CASE("the live k-NN does not change training: the same weights with and without it", "[trainer][live_knn]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    Trainer plain(cfg, "");
    Recorder a;
    REQUIRE(plain.run(a) == api::RunOutcome::Finished);
    cfg.eval.knn_every_steps = 1;
    cfg.eval.knn_live_max = 40;
    Trainer watched(cfg, "");
    Recorder b;
    REQUIRE(watched.run(b) == api::RunOutcome::Finished);
    REQUIRE(a.steps.size() == b.steps.size());
    for (size_t i = 0; i < a.steps.size(); ++i) CHECK(a.steps[i].loss == b.steps[i].loss);
    CHECK(test::firstDifference(*plain.student(), *watched.student()) == "");
}

TEST_CASE("grad_norm is the total L2 norm of the student's gradients before clipping", "[trainer][metrics]") {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;
    cfg.optim.clip_grad = 0.01;  // clipping shrinks every gradient below this: the metric is the norm before
    Trainer tr(cfg, "");
    std::vector<double> expected;
    TrainerHooks hooks;
    hooks.before_clip = [&](int64_t, DinoModel& student) {
        // Independently: the Euclidean norm of all gradients as one vector, summed in double.
        double squares = 0;
        for (const auto& p : student->parameters()) {
            if (!p.grad().defined()) continue;
            const auto g = p.grad().to(torch::kDouble).flatten();
            squares += g.dot(g).item<double>();
        }
        expected.push_back(std::sqrt(squares));
    };
    Recorder rec;
    REQUIRE(tr.run(rec, hooks) == api::RunOutcome::Finished);
    REQUIRE(rec.steps.size() == 4);
    REQUIRE(expected.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        INFO("step " << i);
        CHECK(expected[i] > 0.01);  // so clipping changed the gradients after the norm was taken
        CHECK(rec.steps[i].grad_norm == Approx(expected[i]).epsilon(1e-5));
    }
}

TEST_CASE("a resumed run's elapsed_seconds go on from its checkpoint's, and metrics.csv gains new columns",
          "[trainer][resume][metrics]") {
    RunConfig cfg = test::tinyConfig();
    test::TempDir dir("elapsed");
    {
        auto run = api::TrainingRun::create(cfg, dir.path());
        Recorder rec;
        rec.cancel_after = 2;
        rec.cancel = [&] { run->cancel(); };
        REQUIRE(run->run(rec) == api::RunOutcome::Cancelled);
    }
    // As a run written before grad_norm existed: its metrics.csv without the last two columns (grad_norm,
    // then ibot_loss).
    const std::string path = api::runMetricsPath(dir.path());
    std::istringstream old(readTextFile(path));
    std::string line, rewritten;
    while (std::getline(old, line)) {
        line = line.substr(0, line.rfind(','));
        rewritten += line.substr(0, line.rfind(',')) + "\n";
    }
    writeFileAtomic(path, rewritten);
    const auto before = api::loadRun(dir.path());
    REQUIRE(before.steps.size() == 3);
    REQUIRE(std::isnan(before.steps[2].grad_norm));
    const double at_checkpoint = before.steps[2].elapsed_seconds;
    {
        auto run = api::TrainingRun::resume(dir.path());
        Recorder rec;
        REQUIRE(run->run(rec) == api::RunOutcome::Finished);
        REQUIRE(rec.steps.front().step == 3);
        // elapsed = the checkpoint's + this session's time, which covers at least the step itself.
        CHECK(rec.steps.front().elapsed_seconds >= at_checkpoint + rec.steps.front().step_seconds);
    }
    const auto after = api::loadRun(dir.path());
    REQUIRE(after.steps.size() == 8);
    CHECK(readTextFile(path).rfind(api::metricsCsvHeader() + "\n", 0) == 0);  // today's header
    for (size_t i = 0; i < after.steps.size(); ++i) {
        INFO("step " << i);
        CHECK(after.steps[i].step == static_cast<int64_t>(i));
        if (i > 0) CHECK(after.steps[i].elapsed_seconds >= after.steps[i - 1].elapsed_seconds);
        if (i < 3) CHECK(after.steps[i].loss == before.steps[i].loss);  // the kept rows, unchanged
        CHECK(std::isnan(after.steps[i].grad_norm) == (i < 3));         // measured from the resume on
    }
    // status.json holds the last step's value of every metric.
    const auto status = readJson(api::runStatusPath(dir.path()));
    CHECK(status["metrics"]["step"] == 7);
    CHECK(status["metrics"]["loss"].get<double>() == after.steps.back().loss);
    CHECK(status["metrics"]["grad_norm"].get<double>() == after.steps.back().grad_norm);
}
