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

}  // namespace dino
