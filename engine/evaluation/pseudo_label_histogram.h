// Part VI of the seed: how the teacher's pseudo-labels (argmax of its head) spread over out_dim bins.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dino {

struct LabelHistogram {
    std::vector<int64_t> counts;  // one bin per pseudo-label
    double entropy = 0;           // of counts / sum, nats (0 * log 0 = 0); 0 when empty
    double max_entropy = 0;       // log(bins)
    int used = 0;                 // non-empty bins
    int64_t total = 0;
};

// torch.bincount(assignments, minlength=bins) with its entropy; assignments (n,) integer in [0, bins).
LabelHistogram labelHistogram(const torch::Tensor& assignments, int bins);

// Pseudo-label of each row of head outputs (n, out_dim): argmax (first on ties).
torch::Tensor pseudoLabelAssignments(const torch::Tensor& head_outputs);

}  // namespace dino
