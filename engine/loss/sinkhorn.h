// DINOv2's Sinkhorn-Knopp teacher targets (optim.centering = "sinkhorn"), an alternative to the
// seed's running centre. The teacher's sharpened scores exp(t / temp) of the whole batch are
// alternately normalised so that every prototype (column) gets the same total mass over the batch
// and every row sums to one. The balance over the batch is what keeps the targets from collapsing to
// one label, and the per-row sharpness what keeps them from being uniform.
#pragma once

#include <torch/torch.h>

namespace dino {

// teacher_out: (N, K) teacher head outputs of all global views of the batch (any float type).
// Returns (N, K) float32 targets, rows summing to 1, without gradient. With Q = exp(teacher_out /
// temp) / sum(Q) as a K x N matrix, each iteration divides the rows of Q by their sums times K and
// then the columns by their sums times N; the result is N * Q transposed (DINOv2's
// sinkhorn_knopp_teacher on one process). Computed in the log domain in float64 (the same numbers,
// but no overflow or 0/0 at low temperatures, where float32 exp underflows for whole rows).
torch::Tensor sinkhornKnoppTargets(const torch::Tensor& teacher_out, double teacher_temp, int iterations);

}  // namespace dino
