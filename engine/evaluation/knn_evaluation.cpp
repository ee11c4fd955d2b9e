#include "evaluation/knn_evaluation.h"

#include "evaluation/classification_metrics.h"
#include "evaluation/features.h"
#include "evaluation/rng_guard.h"

#include <algorithm>
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

int64_t evaluationWork(const KnnEvalSetup& s) { return s.train->size() + 2 * s.test->size(); }

api::EvalMetrics evaluateEncoder(VisionTransformer& encoder, const KnnEvalSetup& s, const std::string& model_name,
                                 const std::function<void(int64_t)>& progress, const std::atomic<bool>* cancel) {
    if (!s.train || !s.test || s.train->size() == 0 || s.test->size() == 0)
        throw std::invalid_argument("kNN evaluation needs a non-empty train and test split");
    const int64_t n_train = s.train->size(), n_test = s.test->size();
    auto report = [&](int64_t units) {
        if (progress) progress(units);
    };
    const auto train_f = encoderFeatures(encoder, s.train->images, s.norm, s.batch_size, s.device,
                                         [&](int64_t done) { report(done); }, cancel, s.bf16);
    const auto test_f = encoderFeatures(encoder, s.test->images, s.norm, s.batch_size, s.device,
                                        [&](int64_t done) { report(n_train + done); }, cancel, s.bf16);
    const auto r = knnClassify(train_f.to(s.device), s.train->labels, test_f.to(s.device), s.num_classes, s.knn,
                               [&](int64_t done, int64_t) { report(n_train + n_test + done); }, cancel);
    return metricsFromKnn(r, s.test->labels, s.num_classes, s.class_names, model_name);
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
