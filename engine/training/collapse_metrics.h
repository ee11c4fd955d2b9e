// Collapse indicators of the DINO paper, computed from the teacher's outputs of one step:
// the mean entropy of the sharpened, centred teacher distribution (-> 0 when every output becomes
// one-hot) and KL(mean teacher distribution || uniform) (-> log K when all images get the same label,
// -> 0 when the batch spreads over all labels).
#pragma once

#include <torch/torch.h>

namespace dino {

struct CollapseMetrics {
    double teacher_entropy = 0;  // nats
    double kl_uniform = 0;       // nats
};

// teacher_out: (N, K) raw head outputs; center: (1, K) the centre used for this step (before its update).
CollapseMetrics teacherCollapseMetrics(const torch::Tensor& teacher_out, const torch::Tensor& center, double teacher_temp);

// The same indicators from the teacher's target distributions themselves, (N, K) rows summing to 1
// (the Sinkhorn-Knopp targets, which no centre and temperature describe).
CollapseMetrics collapseMetricsOfTargets(const torch::Tensor& targets);

// Lightly's collapse indicator, scaled: the std over the rows of L2-normalised features (n, d),
// averaged over the d dimensions, times sqrt(d). About 1 when the features spread over the sphere,
// 0 when they all coincide. NaN for fewer than 2 rows.
double featureSpread(const torch::Tensor& features);

}  // namespace dino
