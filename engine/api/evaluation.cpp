// evaluateRun, pseudoLabels, exportSafetensors (api/analysis.h): the run directory's checkpoint and
// config -> the evaluation and export code in engine/evaluation and engine/export.
#include "api/analysis.h"
#include <chrono>
#include "common/precision.h"
#include "api/interop.h"
#include "api/run_context.h"
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/fsutil.h"
#include "data/dataset.h"
#include "data/medmnist_registry.h"
#include "common/cancellation.h"
#include "evaluation/features.h"
#include "evaluation/knn_evaluation.h"
#include "evaluation/pseudo_label_histogram.h"
#include "evaluation/rng_guard.h"
#include "export/encoder_weights.h"
#include "export/npy.h"
#include "training/checkpoint.h"
#include "training/plan.h"
#include "training/runtime.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>

namespace dino::api {

namespace fs = std::filesystem;

namespace {

// Everything the random-init baseline's metrics depend on, as JSON text.
std::string baselineKey(const RunContext& c, const EvalData& d, int img_size, const torch::Device& device,
                        const std::string& precision) {
    nlohmann::json k;
    RunConfig model_only;
    model_only.model = c.cfg.model;
    model_only.model.init_weights.clear();  // the baseline never loads weights
    k["model"] = nlohmann::json::parse(configToJson(model_only)).at("model");
    k["seed"] = c.cfg.system.seed;
    k["data"] = fs::absolute(d.path).string();
    std::error_code ec;
    k["data_bytes"] = static_cast<int64_t>(fs::file_size(d.path, ec));
    k["data_mtime"] = static_cast<int64_t>(fs::last_write_time(d.path, ec).time_since_epoch().count());
    k["train_split"] = c.cfg.eval.train_split;
    k["test_split"] = c.cfg.eval.test_split;
    k["knn_k"] = c.cfg.eval.knn_k;
    k["knn_temperature"] = c.cfg.eval.knn_temperature;
    k["batch_size"] = c.cfg.eval.batch_size;
    if (c.cfg.eval.linear_probe) {  // the probe's settings; none when it is off (older caches stay valid)
        const auto& e = c.cfg.eval;
        k["probe"] = {{"blocks", e.probe_blocks}, {"epochs", e.probe_epochs}, {"batch_size", e.probe_batch_size},
                      {"lrs", e.probe_lrs},       {"wds", e.probe_wds},       {"val_split", e.probe_val_split}};
    }
    k["mean"] = d.norm.mean;
    k["std"] = d.norm.std;
    k["img_size"] = img_size;
    k["device"] = device.str();
    k["precision"] = precision;
    return k.dump();
}

std::string baselineCachePath(const std::string& run_dir, const std::string& suffix) {
    return (fs::path(run_dir) / ("eval_baseline_cache" + suffix + ".json")).string();
}

// The cached baseline when the cache exists, is readable and was computed for the same key.
std::optional<EvalMetrics> readBaselineCache(const std::string& run_dir, const std::string& key,
                                             const std::string& suffix) {
    try {
        const auto j = nlohmann::json::parse(readTextFile(baselineCachePath(run_dir, suffix)));
        if (j.at("key").get<std::string>() != key) return std::nullopt;
        return evalReportFromJson(j.at("report").dump()).baseline;
    } catch (const std::exception&) {
        return std::nullopt;  // absent or damaged: recompute
    }
}

void writeBaselineCache(const std::string& run_dir, const std::string& key, const EvalReport& r,
                        const std::string& suffix) {
    nlohmann::json j;
    j["key"] = key;
    j["report"] = nlohmann::json::parse(evalReportToJson(r));
    writeFileAtomic(baselineCachePath(run_dir, suffix), j.dump(1));
}

}  // namespace

EvalReport evaluateRun(const std::string& run_dir, const std::string& checkpoint, Progress progress,
                       const std::atomic<bool>* cancel, const std::string& query_split) {
    CpuRngGuard keep_trainer_stream;  // models are built below; a trainer may call this between epochs
    RunContext c = openRunContext(run_dir, checkpoint);
    // Another query split than the run's eval.test_split goes to eval_<split>.json, with its own cache.
    const bool other_split = !query_split.empty() && query_split != c.cfg.eval.test_split;
    if (other_split) c.cfg.eval.test_split = query_split;
    const std::string suffix = other_split ? "_" + query_split : "";
    const auto& ev = c.cfg.eval;
    applyThreads(c.cfg.system.threads);
    const torch::Device device = resolveDevice(c.cfg.system.device);
    std::vector<std::string> splits{ev.train_split, ev.test_split};
    if (ev.linear_probe) splits.push_back(ev.probe_val_split);
    EvalData data;
    try {
        data = openEvalData(c.cfg, splits);
    } catch (const DataError& e) {
        // A data set without the probe's selection split: say which setting asked for it.
        const std::string what = e.what();
        if (!ev.linear_probe || what.find("no split '" + ev.probe_val_split + "'") == std::string::npos) throw;
        throw DataError(std::string(e.what()) + " (the linear probe chooses its head on eval.probe_val_split = '" +
                        ev.probe_val_split + "'; set eval.linear_probe=false to evaluate without it)");
    }
    const ImageSet& bank = data.splits.at(ev.train_split);
    const ImageSet& test = data.splits.at(ev.test_split);
    const int img_size = evalImageSize(c, test);

    KnnEvalSetup s;
    s.train = &bank;
    s.test = &test;
    s.norm = data.norm;
    s.num_classes = numClassesOf(bank, test, data.class_names);
    s.class_names = data.class_names;
    s.knn.k = ev.knn_k;
    s.knn.temperature = ev.knn_temperature;
    s.batch_size = ev.batch_size;
    s.device = device;
    const PrecisionChoice precision = choosePrecision(c.cfg.system.precision, precisionFeatures(device));
    s.bf16 = precision.precision == "bf16";
    if (ev.linear_probe) {
        s.val = &data.splits.at(ev.probe_val_split);
        s.val_split = ev.probe_val_split;
        s.probe_blocks = ev.probe_blocks;
        s.probe.lrs = ev.probe_lrs;
        s.probe.wds = ev.probe_wds;
        s.probe.epochs = ev.probe_epochs;
        s.probe.batch_size = ev.probe_batch_size;
        s.probe.seed = c.cfg.system.seed;
    }

    EvalReport r;
    r.precision = precision.precision;
    r.epoch = c.info.epoch;
    r.step = c.info.step;
    r.knn_k = ev.knn_k;
    r.knn_temperature = ev.knn_temperature;
    r.train_split = ev.train_split;
    r.test_split = ev.test_split;
    r.n_train = bank.size();
    r.n_test = test.size();
    for (int i = 0; i < s.num_classes; ++i)
        r.class_names.push_back(i < int(data.class_names.size()) ? data.class_names[i] : "class " + std::to_string(i));

    // The random-init baseline does not change during a run: computed once, then read from the cache.
    const std::string key = baselineKey(c, data, img_size, device, precision.precision);
    const std::optional<EvalMetrics> cached = readBaselineCache(run_dir, key, suffix);
    const int64_t work = evaluationWork(s), total = cached ? work : 2 * work;
    auto teacher = c.reader->model(c.cfg.model, img_size, "teacher");
    const auto t0 = std::chrono::steady_clock::now();
    r.trained = evaluateEncoder(teacher->encoder, s, "teacher",
                                [&](int64_t done) { if (progress) progress(done, total); }, cancel);
    // The k-NN part's speed, as before the probe: its own seconds (val features, training) left out.
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() -
                        (r.trained.probe.present ? r.trained.probe.seconds : 0.0);
    r.images_per_s = secs > 0 ? static_cast<double>(r.n_train + r.n_test) / secs : 0.0;
    teacher = nullptr;
    if (cached) {
        r.baseline = *cached;
    } else {
        auto baseline = randomInitModel(c.cfg, img_size);
        r.baseline = evaluateEncoder(baseline->encoder, s, "random-init",
                                     [&](int64_t done) { if (progress) progress(work + done, total); }, cancel);
        throwIfCancelled(cancel, "evaluation");
        writeBaselineCache(run_dir, key, r, suffix);
    }
    throwIfCancelled(cancel, "evaluation");  // a Ctrl-C during the last batch: no eval.json
    writeFileAtomic(other_split ? runSplitEvalPath(run_dir, query_split) : runEvalPath(run_dir),
                    evalReportToJson(r));
    return r;
}

namespace {

// A run's teacher and one split of its data, ready for inference (pseudo-labels, embeddings).
struct SplitTeacher {
    RunContext run;
    std::string split;  // the given one, or the config's eval.test_split
    torch::Device device = torch::kCPU;
    EvalData data;
    DinoModel teacher{nullptr};
};

SplitTeacher openSplitTeacher(const std::string& run_dir, const std::string& split, const std::string& checkpoint) {
    SplitTeacher st;
    st.run = openRunContext(run_dir, checkpoint);
    st.split = split.empty() ? st.run.cfg.eval.test_split : split;
    applyThreads(st.run.cfg.system.threads);
    st.device = resolveDevice(st.run.cfg.system.device);
    st.data = openEvalData(st.run.cfg, {st.split});
    st.teacher = st.run.reader->model(st.run.cfg.model, evalImageSize(st.run, st.data.splits.at(st.split)), "teacher");
    return st;
}

}  // namespace

PseudoLabelReport pseudoLabels(const std::string& run_dir, const std::string& split, const std::string& checkpoint) {
    CpuRngGuard keep_trainer_stream;
    SplitTeacher st = openSplitTeacher(run_dir, split, checkpoint);
    const RunContext& c = st.run;
    const ImageSet& images = st.data.splits.at(st.split);
    const auto labels = headPseudoLabels(st.teacher, images.images, st.data.norm, c.cfg.eval.batch_size, st.device);
    const LabelHistogram h = labelHistogram(labels, c.cfg.model.out_dim);
    PseudoLabelReport r;
    r.split = st.split;
    r.counts = h.counts;
    r.entropy = h.entropy;
    r.max_entropy = h.max_entropy;
    r.used = h.used;
    r.n_images = h.total;
    writeFileAtomic(runPseudoLabelsPath(run_dir), pseudoLabelsToJson(r));
    return r;
}

void exportSafetensors(const std::string& run_dir, const std::string& out_path, const std::string& checkpoint) {
    CpuRngGuard keep_trainer_stream;
    RunContext c = openRunContext(run_dir, checkpoint);
    int img_size = c.info.img_size;
    if (img_size <= 0) {  // an old checkpoint without it: the data decides
        EvalData data = openEvalData(c.cfg, {c.cfg.eval.test_split});
        img_size = data.splits.at(c.cfg.eval.test_split).imageSize();
    }
    auto teacher = c.reader->model(c.cfg.model, img_size, "teacher");
    saveEncoderWeights(teacher->encoder, out_path, &c.cfg.model,
                       {{"dino_epoch", std::to_string(c.info.epoch)},
                        {"dino_step", std::to_string(c.info.step)},
                        {"dino_source", "teacher encoder of " + fs::absolute(c.checkpoint).string()}});
}

EmbeddingFiles exportEmbeddings(const std::string& run_dir, const std::string& split, const std::string& out_path,
                                const std::string& checkpoint, Progress progress, const std::atomic<bool>* cancel) {
    CpuRngGuard keep_trainer_stream;
    SplitTeacher st = openSplitTeacher(run_dir, split, checkpoint);
    const RunContext& c = st.run;
    const ImageSet& images = st.data.splits.at(st.split);
    const int64_t n = images.size();
    const auto feats = encoderFeatures(
        st.teacher->encoder, images.images, st.data.norm, c.cfg.eval.batch_size, st.device,
        [&](int64_t done) { if (progress) progress(done, n); }, cancel,
        choosePrecision(c.cfg.system.precision, precisionFeatures(st.device)).precision == "bf16");
    EmbeddingFiles out;
    out.features = out_path;
    out.labels = labelsPathFor(out_path);
    out.split = st.split;
    out.n = feats.size(0);
    out.dim = int(feats.size(1));
    throwIfCancelled(cancel, "feature export");  // a Ctrl-C during the last batch: nothing is written
    writeNpy(out.features, feats);
    writeNpy(out.labels, images.labels.to(torch::kLong));
    return out;
}

}  // namespace dino::api
