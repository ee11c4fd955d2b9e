#include "evaluation/knn_evaluation.h"

#include "evaluation/classification_metrics.h"
#include "evaluation/features.h"
#include "evaluation/probe_features.h"
#include "evaluation/rng_guard.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace dino {

api::EvalMetrics metricsFromKnn(const KnnResult& r, const torch::Tensor& test_labels, int num_classes,
                                const std::vector<std::string>& class_names, const std::string& model_name) {
    api::EvalMetrics m;
    m.model = model_name;
    m.nn1_accuracy = accuracy(test_labels, r.nn1_pred);
    m.knn_accuracy = accuracy(test_labels, r.knn_pred);
    m.auc = macroAucOvr(r.scores, test_labels);
    m.confusion = confusionMatrix(test_labels, r.knn_pred, num_classes);
    const auto per_class = perClassAccuracy(m.confusion);
    for (int c = 0; c < num_classes; ++c) {
        api::ClassAccuracy a;
        a.name = c < int(class_names.size()) ? class_names[c] : "class " + std::to_string(c);
        a.support = per_class[c].support;
        a.accuracy = per_class[c].accuracy;
        m.per_class.push_back(a);
    }
    return m;
}

int numClassesOf(const ImageSet& train, const ImageSet& test, const std::vector<std::string>& class_names) {
    int64_t top = -1;
    for (const ImageSet* s : {&train, &test})
        if (s->size() > 0) top = std::max(top, s->labels.max().item<int64_t>());
    const int from_labels = int(top + 1);
    if (!class_names.empty()) {
        if (from_labels > int(class_names.size()))
            throw std::runtime_error("label " + std::to_string(top) + " in " + train.source + "/" + test.source +
                                     " outside the data set's " + std::to_string(class_names.size()) + " classes");
        return int(class_names.size());
    }
    return std::max(from_labels, 1);
}

int64_t evaluationWork(const KnnEvalSetup& s) {
    return s.train->size() + 2 * s.test->size() + (s.val ? s.val->size() + s.train->size() : 0);
}

api::EvalMetrics evaluateEncoder(VisionTransformer& encoder, const KnnEvalSetup& s, const std::string& model_name,
                                 const std::function<void(int64_t)>& progress, const std::atomic<bool>* cancel) {
    if (!s.train || !s.test || s.train->size() == 0 || s.test->size() == 0)
        throw std::invalid_argument("kNN evaluation needs a non-empty train and test split");
    const int64_t n_train = s.train->size(), n_test = s.test->size();
    auto report = [&](int64_t units) {
        if (progress) progress(units);
    };
    // One feature pass per split serves both: the last block's class token is the encoder's output.
    const int64_t dim = encoder->options().embed_dim;
    const int blocks = s.val ? std::clamp(s.probe_blocks, 1, encoder->options().depth) : 1;
    const auto train_t = encoderClassTokens(encoder, s.train->images, s.norm, s.batch_size, s.device, blocks,
                                            [&](int64_t done) { report(done); }, cancel, s.bf16);
    const auto test_t = encoderClassTokens(encoder, s.test->images, s.norm, s.batch_size, s.device, blocks,
                                           [&](int64_t done) { report(n_train + done); }, cancel, s.bf16);
    const auto last = [&](const torch::Tensor& t) { return l2NormalizeRows(t.narrow(1, (blocks - 1) * dim, dim)); };
    const auto r = knnClassify(last(train_t).to(s.device), s.train->labels, last(test_t).to(s.device), s.num_classes,
                               s.knn, [&](int64_t done, int64_t) { report(n_train + n_test + done); }, cancel);
    api::EvalMetrics m = metricsFromKnn(r, s.test->labels, s.num_classes, s.class_names, model_name);
    if (!s.val) return m;

    const auto t0 = std::chrono::steady_clock::now();
    const int64_t n_val = s.val->size(), base = n_train + 2 * n_test;
    const auto val_t = encoderClassTokens(encoder, s.val->images, s.norm, s.batch_size, s.device, blocks,
                                          [&](int64_t done) { report(base + done); }, cancel, s.bf16);
    const int epochs = s.probe.epochs;
    // L2-normalised, then standardised per dimension with the train split's statistics (linear_probe.h).
    const auto train_p = l2NormalizeRows(train_t);
    const FeatureStandardizer standardize = fitStandardizer(train_p);
    const LinearProbeOutcome o = runLinearProbe(
        standardize.apply(train_p), s.train->labels, standardize.apply(l2NormalizeRows(val_t)), s.val->labels,
        standardize.apply(l2NormalizeRows(test_t)), s.test->labels, s.num_classes, s.probe,
        [&](int e) { report(base + n_val + n_train * e / std::max(1, epochs)); }, cancel);
    api::ProbeMetrics& p = m.probe;
    p.present = true;
    p.blocks = blocks;
    p.feature_dim = train_t.size(1);
    p.epochs = epochs;
    p.batch_size = s.probe.batch_size;
    p.val_split = s.val_split;
    p.n_val = n_val;
    for (const auto& h : o.heads) p.grid.push_back({h.lr, h.wd, h.train_accuracy, h.val_accuracy, h.val_loss});
    const auto& best = o.heads.at(size_t(o.chosen));
    p.lr = best.lr;
    p.wd = best.wd;
    p.train_accuracy = best.train_accuracy;
    p.val_accuracy = best.val_accuracy;
    p.test_accuracy = o.test_accuracy;
    p.test_auc = o.test_auc;
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return m;
}

DinoModel randomInitModel(const RunConfig& cfg, int img_size) {
    CpuRngGuard keep_trainer_stream;
    torch::manual_seed(cfg.system.seed);
    DinoModel model(cfg.model, img_size);
    model->eval();
    for (auto& p : model->parameters()) p.set_requires_grad(false);
    return model;
}

}  // namespace dino
