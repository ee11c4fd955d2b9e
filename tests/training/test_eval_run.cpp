// End to end on a tiny run directory trained by the real trainer: evaluateRun, pseudoLabels,
// exportSafetensors and exportEmbeddings against direct computations from the checkpoint, and the
// import direction (a run started from exported weights).
#include "api/analysis.h"
#include "api/interop.h"
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/fsutil.h"
#include "data/dataset.h"
#include "data/npy.h"
#include "common/cancellation.h"
#include "evaluation/features.h"
#include "evaluation/knn_evaluation.h"
#include "test_util.h"
#include "export/encoder_weights.h"
#include "training/checkpoint.h"
#include "training/trainer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <unistd.h>

using namespace dino;
namespace fs = std::filesystem;

namespace {

RunConfig tinyRunConfig() {
    RunConfig cfg = presetConfig("tiny");
    cfg.optim.epochs = 1;
    cfg.optim.max_steps_per_epoch = 2;
    cfg.eval.eval_at_end = false;  // evaluated explicitly below
    cfg.eval.batch_size = 100;     // several batches per split
    return cfg;
}

// A tiny run trained once for all test cases of this file (2 steps of a 2-block ViT), removed at exit.
struct TinyRun {
    std::string dir;
    TinyRun() {
        const auto d = fs::temp_directory_path() / ("dino_test_eval_run_" + std::to_string(::getpid()));
        fs::remove_all(d);
        api::TrainObserver quiet;
        auto run = api::TrainingRun::create(tinyRunConfig(), d.string());
        if (run->run(quiet) != api::RunOutcome::Finished) throw std::runtime_error("the tiny run did not finish");
        dir = d.string();
    }
    ~TinyRun() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const std::string& tinyRun() {
    static const TinyRun run;
    return run.dir;
}

// The seed's get_features, written out directly: batches of `batch` images (its DataLoader), normalise,
// encoder, divide by the norm. Same batches as the evaluation, so the same floating-point rounding:
// random-init features are nearly parallel, and another batching can flip a near-tied 1-NN.
torch::Tensor seedFeatures(VisionTransformer& enc, const ImageSet& s, const Normalization& n, int64_t batch = 100) {
    torch::NoGradGuard ng;
    enc->eval();
    std::vector<torch::Tensor> parts;
    for (int64_t i = 0; i < s.size(); i += batch)
        parts.push_back(enc->forward(toNormalizedTensor(s.images.narrow(0, i, std::min(batch, s.size() - i)), n)));
    auto f = torch::cat(parts);
    return f / f.norm(2, -1, true);
}

struct Direct {
    RunConfig cfg;
    ImageSet train, test;
    Normalization norm;
    DinoModel teacher{nullptr};
};

Direct direct(const std::string& dir) {
    Direct d;
    d.cfg = loadConfigFile(api::runConfigPath(dir));
    const auto path = resolveDatasetPath(d.cfg.data);
    d.train = loadSplit(path, "train");
    d.test = loadSplit(path, "test");
    ImageSet trained_on = d.train;  // data.subset = 64: normalisation of the images trained on
    trained_on.images = d.train.images.narrow(0, 0, 64);
    d.norm = normalizationFor(d.cfg, trained_on);
    d.teacher = loadModelFromCheckpoint(lastCheckpointPath(dir), d.cfg.model, 28);
    return d;
}

}  // namespace

TEST_CASE("evaluateRun on a trained tiny run", "[eval][run]") {
    const auto& dir = tinyRun();
    std::vector<std::pair<int64_t, int64_t>> ticks;
    torch::manual_seed(99);
    const auto next_draw = torch::rand({4});
    torch::manual_seed(99);
    const auto r = api::evaluateRun(dir, "", [&](int64_t d, int64_t t) { ticks.emplace_back(d, t); });
    CHECK(torch::rand({4}).equal(next_draw));  // a trainer's random stream is left untouched

    CHECK(r.step == 2);
    CHECK(r.epoch == 0);
    CHECK(r.n_train == 1059);
    CHECK(r.n_test == 75);
    CHECK(r.knn_k == 20);
    CHECK(r.knn_temperature == 0.07);
    REQUIRE(r.class_names.size() == 9);
    CHECK(r.trained.model == "teacher");
    CHECK(r.baseline.model == "random-init");

    auto d = direct(dir);
    for (const auto* m : {&r.trained, &r.baseline}) {
        INFO(m->model);
        REQUIRE(m->confusion.size() == 9);
        int64_t total = 0, diag = 0;
        for (size_t t = 0; t < 9; ++t) {
            int64_t row = 0;
            for (int64_t v : m->confusion[t]) row += v;
            CHECK(row == m->per_class[t].support);
            CHECK(row == d.test.labels.eq(int64_t(t)).sum().item<int64_t>());
            total += row;
            diag += m->confusion[t][t];
        }
        CHECK(total == 75);
        CHECK(m->knn_accuracy == Approx(double(diag) / 75.0));
        CHECK(m->auc > 0.0);
        CHECK(m->auc <= 1.0);
    }

    // The seed's 1-NN, computed directly from the checkpoint's teacher.
    auto enc = d.teacher->encoder;
    const auto train_f = seedFeatures(enc, d.train, d.norm), test_f = seedFeatures(enc, d.test, d.norm);
    const auto pred = d.train.labels.index_select(0, test_f.matmul(train_f.t()).argmax(1));
    CHECK(r.trained.nn1_accuracy == Approx(pred.eq(d.test.labels).to(torch::kDouble).mean().item<double>()));
    // The baseline is the seeded initial model: the same as the trainer's student before step 0.
    auto base = randomInitModel(d.cfg, 28);
    auto base_enc = base->encoder;
    const auto btrain = seedFeatures(base_enc, d.train, d.norm), btest = seedFeatures(base_enc, d.test, d.norm);
    const auto bpred = d.train.labels.index_select(0, btest.matmul(btrain.t()).argmax(1));
    CHECK(r.baseline.nn1_accuracy == Approx(bpred.eq(d.test.labels).to(torch::kDouble).mean().item<double>()));

    // Progress: monotone, in one total, ending there.
    REQUIRE(!ticks.empty());
    for (size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i].first >= ticks[i - 1].first);
    CHECK(ticks.back().first == ticks.back().second);
    // Teacher and baseline: features of train and test, kNN rows, then the probe's val features and its
    // training (counted as one more pass over train).
    const int64_t n_val = r.trained.probe.n_val;
    CHECK(ticks.back().second == 2 * (1059 + 2 * 75 + n_val + 1059));

    // The linear probe of both (eval.linear_probe is on by default): the tiny preset's 2 blocks (eval.probe_blocks
    // 4 is capped at the depth), 32-d each, the default grid, chosen on val.
    const RunConfig defaults;
    for (const auto* m : {&r.trained, &r.baseline}) {
        INFO(m->model);
        const auto& p = m->probe;
        REQUIRE(p.present);
        CHECK(p.blocks == 2);
        CHECK(p.feature_dim == 64);
        CHECK(p.val_split == "val");
        CHECK(p.n_val == loadSplit(resolveDatasetPath(loadConfigFile(api::runConfigPath(dir)).data), "val").size());
        CHECK(p.epochs == defaults.eval.probe_epochs);
        REQUIRE(p.grid.size() == defaults.eval.probe_lrs.size() * defaults.eval.probe_wds.size());
        double best = 0;
        for (const auto& h : p.grid) best = std::max(best, h.val_accuracy);
        CHECK(p.val_accuracy == best);
        CHECK(p.test_accuracy > 1.0 / 9);  // above chance on 9 classes, even for random features
        CHECK(p.test_accuracy <= 1.0);
        CHECK(p.test_auc > 0.5);
        CHECK(p.seconds > 0);
    }

    // eval.json holds the same report.
    const auto back = api::evalReportFromJson(readTextFile(api::runEvalPath(dir)));
    CHECK(back.trained.knn_accuracy == Approx(r.trained.knn_accuracy));
    CHECK(back.baseline.auc == Approx(r.baseline.auc));
    CHECK(back.trained.confusion == r.trained.confusion);
    CHECK(back.trained.probe.present);
    CHECK(back.trained.probe.test_accuracy == r.trained.probe.test_accuracy);
    CHECK(back.baseline.probe.lr == r.baseline.probe.lr);
    CHECK(back.baseline.probe.grid.size() == r.baseline.probe.grid.size());
    // An eval.json from before the probe (no "linear_probe") still reads, without one.
    auto old = nlohmann::json::parse(readTextFile(api::runEvalPath(dir)));
    old["trained"].erase("linear_probe");
    old["baseline"].erase("linear_probe");
    const auto older = api::evalReportFromJson(old.dump());
    CHECK(!older.trained.probe.present);
    CHECK(!older.baseline.probe.present);
    CHECK(older.trained.knn_accuracy == Approx(r.trained.knn_accuracy));
}

TEST_CASE("evaluateRun errors and cancellation", "[eval][run]") {
    const auto& dir = tinyRun();
    std::atomic<bool> cancel{true};
    CHECK_THROWS_AS(api::evaluateRun(dir, "", {}, &cancel), OperationCancelled);
    CHECK_THROWS_WITH(api::evaluateRun(dir, dir + "/checkpoints/nope.ckpt"), Catch::Contains("nope.ckpt does not exist"));
    const auto empty = fs::path(dino::test::tempPath("not_a_run"));
    fs::create_directories(empty);
    CHECK_THROWS_WITH(api::evaluateRun(empty.string()), Catch::Contains("is not a run directory"));
    fs::remove_all(empty);
}

TEST_CASE("pseudoLabels counts the teacher head's argmax over a split", "[eval][run][pseudo]") {
    const auto& dir = tinyRun();
    const auto r = api::pseudoLabels(dir, "test");
    CHECK(r.split == "test");
    CHECK(r.n_images == 75);
    REQUIRE(r.counts.size() == 16);
    auto d = direct(dir);
    torch::NoGradGuard ng;
    const auto labels = d.teacher->forward(toNormalizedTensor(d.test.images, d.norm)).argmax(1);
    const auto expected = torch::bincount(labels, {}, 16);
    for (int i = 0; i < 16; ++i) CHECK(r.counts[i] == expected[i].item<int64_t>());
    CHECK(r.max_entropy == Approx(std::log(16.0)));
    CHECK(r.used == expected.gt(0).sum().item<int64_t>());
    CHECK(fs::exists(api::runPseudoLabelsPath(dir)));
    CHECK(api::pseudoLabels(dir).split == "test");  // default: eval.test_split
}

TEST_CASE("export, embed and import round trip through files", "[export][run]") {
    const auto& dir = tinyRun();
    auto d = direct(dir);
    const std::string weights = dir + "/teacher_encoder.safetensors";
    api::exportSafetensors(dir, weights);
    const auto f = readSafetensors(weights);
    CHECK(f.metadata.at("dino_step") == "2");
    CHECK(vitOptionsFromMetadata(f.metadata, weights)->embed_dim == 32);
    auto teacher_params = d.teacher->encoder->named_parameters();
    CHECK(f.tensors.size() == teacher_params.size());
    for (const auto& t : f.tensors) CHECK(t.tensor.equal(teacher_params[t.name]));

    SECTION("embed writes the seed's features and the labels as .npy") {
        const std::string feats = dir + "/feats.npy";
        const auto e = api::exportEmbeddings(dir, "test", feats);
        CHECK(e.labels == dir + "/feats.labels.npy");
        CHECK(e.n == 75);
        CHECK(e.dim == 32);
        const std::string fb = readTextFile(feats), lb = readTextFile(e.labels);
        const auto fh = parseNpyHeader(fb, feats), lh = parseNpyHeader(lb, e.labels);
        CHECK(fh.dtype.descr == "<f4");
        CHECK(fh.shape == std::vector<int64_t>{75, 32});
        CHECK(lh.dtype.descr == "<i8");
        CHECK(lh.shape == std::vector<int64_t>{75});
        const auto got = torch::from_blob(const_cast<char*>(fb.data() + fh.data_offset), {75, 32}, torch::kFloat);
        auto enc = d.teacher->encoder;
        CHECK(got.allclose(seedFeatures(enc, d.test, d.norm), 1e-5, 1e-6));
        const auto labels = torch::from_blob(const_cast<char*>(lb.data() + lh.data_offset), {75}, torch::kLong);
        CHECK(labels.equal(d.test.labels));
    }
    SECTION("a new run starts from the exported encoder") {
        RunConfig cfg = tinyRunConfig();
        cfg.model.depth = 7;  // taken from the file's timm_args
        const RunConfig with = api::configForWeights(cfg, weights);
        CHECK(with.model.depth == 2);
        CHECK(with.model.init_weights == fs::absolute(weights).string());
        Trainer trainer(with, "");
        for (const auto& p : trainer.student()->encoder->named_parameters())
            CHECK(p.value().to(torch::kCPU).equal(teacher_params[p.key()]));
        for (const auto& p : trainer.teacher()->encoder->named_parameters())
            CHECK(p.value().to(torch::kCPU).equal(teacher_params[p.key()]));
    }
    SECTION("weights that do not fit are refused before training") {
        RunConfig cfg = tinyRunConfig();
        cfg.data.size = 64;
        CHECK_THROWS_WITH(api::configForWeights(cfg, weights), Catch::Contains("28x28 images, but data.size is 64"));
        const auto info = api::inspectWeights(weights);
        CHECK(info.has_architecture);
        CHECK(info.depth == 2);
        CHECK(info.tensors == int64_t(f.tensors.size()));
    }
}

TEST_CASE("the random-init baseline is computed once per run and settings", "[eval][run]") {
    const auto copy = fs::temp_directory_path() / ("dino_test_eval_cache_" + std::to_string(::getpid()));
    fs::remove_all(copy);
    fs::copy(tinyRun(), copy, fs::copy_options::recursive);
    const std::string dir = copy.string();
    const std::string cache = dir + "/eval_baseline_cache.json";
    fs::remove(cache);
    const auto first = api::evaluateRun(dir);
    REQUIRE(fs::exists(cache));

    // Mark the cached baseline: a second evaluation with the same settings reads it back.
    auto j = nlohmann::json::parse(readTextFile(cache));
    j["report"]["baseline"]["knn_accuracy"] = 0.125;
    writeFileAtomic(cache, j.dump());
    int64_t total = 0;
    const auto second = api::evaluateRun(dir, "", [&](int64_t, int64_t t) { total = t; });
    CHECK(second.baseline.knn_accuracy == 0.125);
    CHECK(second.baseline.nn1_accuracy == first.baseline.nn1_accuracy);
    CHECK(second.trained.knn_accuracy == first.trained.knn_accuracy);
    CHECK(total == 1059 + 2 * 75 + second.trained.probe.n_val + 1059);  // only the teacher's work
    CHECK(second.baseline.probe.test_accuracy == first.baseline.probe.test_accuracy);  // the probe is cached too

    // Other probe settings: the baseline is computed again, with them.
    RunConfig probe_cfg = loadConfigFile(api::runConfigPath(dir));
    probe_cfg.eval.probe_blocks = 1;
    saveConfigFile(probe_cfg, api::runConfigPath(dir));
    const auto one_block = api::evaluateRun(dir);
    CHECK(one_block.baseline.knn_accuracy != 0.125);
    CHECK(one_block.baseline.probe.blocks == 1);
    CHECK(one_block.trained.probe.feature_dim == 32);
    // Without the probe: no val split is read and eval.json has none.
    probe_cfg.eval.linear_probe = false;
    saveConfigFile(probe_cfg, api::runConfigPath(dir));
    const auto no_probe = api::evaluateRun(dir);
    CHECK(!no_probe.trained.probe.present);
    CHECK(!no_probe.baseline.probe.present);
    CHECK(nlohmann::json::parse(readTextFile(api::runEvalPath(dir)))["trained"].count("linear_probe") == 0);
    j = nlohmann::json::parse(readTextFile(cache));
    j["report"]["baseline"]["knn_accuracy"] = 0.125;
    writeFileAtomic(cache, j.dump());

    // Other kNN settings: the baseline is computed again.
    RunConfig cfg = loadConfigFile(api::runConfigPath(dir));
    cfg.eval.knn_k = 5;
    saveConfigFile(cfg, api::runConfigPath(dir));
    const auto third = api::evaluateRun(dir);
    CHECK(third.knn_k == 5);
    CHECK(third.baseline.knn_accuracy != 0.125);

    // A damaged cache is ignored.
    writeFileAtomic(cache, "{not json");
    CHECK(api::evaluateRun(dir).baseline.nn1_accuracy == first.baseline.nn1_accuracy);
    fs::remove_all(copy);
}

TEST_CASE("bf16 features: evaluation follows the run's precision, close to fp32, k-NN in fp32", "[eval][run][bf16]") {
    // Runs on any CPU (slowly where bf16 is emulated): a 2-block, 32-wide encoder on 64 images.
    const auto& dir = tinyRun();
    const RunConfig cfg = loadConfigFile(api::runConfigPath(dir));
    auto teacher = loadModelFromCheckpoint(lastCheckpointPath(dir), cfg.model, 28, "teacher");
    const ImageSet images = loadConfiguredSplit(cfg.data, "test");
    const auto u8 = images.images.narrow(0, 0, 64);
    const Normalization norm = normalizationFor(cfg, loadConfiguredSplit(cfg.data, "train"));
    const auto f32 = encoderFeatures(teacher->encoder, u8, norm, 32, torch::kCPU);
    const auto b16 = encoderFeatures(teacher->encoder, u8, norm, 32, torch::kCPU, {}, nullptr, true);
    REQUIRE(b16.scalar_type() == torch::kFloat);  // similarities are computed in fp32
    CHECK(torch::allclose(b16.norm(2, 1), torch::ones({64}), 1e-5, 1e-5));
    const double min_cos = (f32 * b16).sum(1).min().item<double>();
    INFO("smallest cosine between fp32 and bf16 features: " << min_cos);
    CHECK(min_cos > 0.99);
    CHECK_FALSE(torch::equal(f32, b16));  // bf16 did run

    // evaluateRun reports the precision of its features and its speed; a bf16 run evaluates in bf16.
    const auto r = api::evaluateRun(dir);
    CHECK(r.precision == "fp32");  // the tiny preset pins fp32
    CHECK(r.images_per_s > 0);
    const auto back = api::evalReportFromJson(readTextFile(api::runEvalPath(dir)));
    CHECK(back.precision == "fp32");
    CHECK(back.images_per_s == Approx(r.images_per_s));
}
