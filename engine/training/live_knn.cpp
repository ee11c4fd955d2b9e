#include "training/live_knn.h"

#include "common/precision.h"
#include "training/runtime.h"

#include "data/medmnist_registry.h"

#include <chrono>

namespace dino {

LiveKnn::LiveKnn(const RunConfig& cfg, const Normalization& norm, torch::Device device) : cfg_(cfg) {
    const std::string path = resolveDatasetPath(cfg.data);
    const MedmnistDataset* info = medmnistForFile(path);
    if (!info) info = findMedmnist(cfg.data.dataset);
    const int n_classes = info ? static_cast<int>(info->class_names.size()) : 0;
    bank_ = firstImages(loadSplit(path, cfg.eval.train_split, n_classes), cfg.eval.knn_live_max);
    queries_ = firstImages(loadSplit(path, cfg.eval.knn_live_split, n_classes), cfg.eval.knn_live_max);
    setup_.train = &bank_;
    setup_.test = &queries_;
    setup_.norm = norm;
    if (info) setup_.class_names = info->class_names;
    setup_.num_classes = numClassesOf(bank_, queries_, setup_.class_names);
    setup_.knn.k = cfg.eval.knn_k;
    setup_.knn.temperature = cfg.eval.knn_temperature;
    setup_.batch_size = cfg.eval.batch_size;
    setup_.device = device;
    setup_.bf16 = choosePrecision(cfg.system.precision, precisionFeatures(device)).precision == "bf16";
}

bool LiveKnn::due(const RunConfig& cfg, int64_t steps_done, int64_t total) {
    const int64_t every = cfg.eval.knn_every_steps;
    if (every <= 0 || steps_done <= 0) return false;
    return steps_done % every == 0 || steps_done == total;
}

api::KnnPoint LiveKnn::evaluate(VisionTransformer& encoder, int64_t steps_done, const std::atomic<bool>* cancel) {
    using clock = std::chrono::steady_clock;
    if (!baseline_) {
        DinoModel init = randomInitModel(cfg_, bank_.imageSize());
        init->to(setup_.device);
        baseline_ = evaluateEncoder(init->encoder, setup_, "random-init", {}, cancel);
    }
    const auto t0 = clock::now();
    // encoderFeatures switches to eval mode and back, and runs without gradients.
    const api::EvalMetrics m = evaluateEncoder(encoder, setup_, "teacher", {}, cancel);
    api::KnnPoint p;
    p.step = steps_done;
    p.knn_1nn = m.nn1_accuracy;
    p.knn_weighted = m.knn_accuracy;
    p.baseline_1nn = baseline_->nn1_accuracy;
    p.baseline_weighted = baseline_->knn_accuracy;
    p.seconds = std::chrono::duration<double>(clock::now() - t0).count();
    return p;
}

}  // namespace dino
