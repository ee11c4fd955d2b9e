// The live k-NN curve (eval.knn_every_steps): a cheap k-NN of the teacher on fixed subsets during
// training, beside the random-init model's, so that a user sees whether DINO is learning while it
// runs. The memory bank is the first eval.knn_live_max images of eval.train_split, the queries the
// first eval.knn_live_max images of eval.knn_live_split; both are fixed for the whole run, so the
// points of a curve are comparable. The random-init numbers are computed once, when first asked.
#pragma once

#include "common/run_types.h"
#include "common/config.h"
#include "data/dataset.h"
#include "evaluation/knn_evaluation.h"

#include <atomic>
#include <optional>

namespace dino {

class LiveKnn {
public:
    // Opens the two splits of cfg's data set (api::DataError-style std::runtime_error when one is
    // missing). norm: the normalisation the trainer uses.
    LiveKnn(const RunConfig& cfg, const Normalization& norm, torch::Device device);

    // Whether a point is due after `steps_done` of `total` steps (every N steps, and at the end).
    static bool due(const RunConfig& cfg, int64_t steps_done, int64_t total);

    // k-NN of this encoder and of the random-init model on the subsets (eval mode, no grad; the
    // encoder's training mode is kept). cancel may be null.
    api::KnnPoint evaluate(VisionTransformer& encoder, int64_t steps_done, const std::atomic<bool>* cancel = nullptr);

    int64_t bankSize() const { return bank_.size(); }
    int64_t querySize() const { return queries_.size(); }

private:
    RunConfig cfg_;
    ImageSet bank_, queries_;
    KnnEvalSetup setup_;
    std::optional<api::EvalMetrics> baseline_;
};

}  // namespace dino
