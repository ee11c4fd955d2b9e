// The pieces of a training step split over images between worker threads (see worker_pool.h):
// which images each worker takes, how the workers' view-major outputs join back into the batch's,
// and how their gradients add up, always in the same order so that a run is reproducible.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace dino {

struct ImageSlice {
    int64_t first = 0;  // first image of the batch
    int64_t count = 0;  // images
};

// `batch` images in `parts` contiguous slices, in order; the first (batch % parts) slices take one
// image more. Throws std::invalid_argument unless 1 <= parts <= batch.
std::vector<ImageSlice> splitImages(int64_t batch, int parts);

// Outputs of consecutive image slices, each view-major (views * count_w, K) (rows [v * count_w,
// (v + 1) * count_w) are view v), joined into the whole batch's view-major (views * sum count_w, K).
torch::Tensor joinViewMajor(const std::vector<torch::Tensor>& parts, int views);

// acc += grads, element by element (acc empty: acc = grads; undefined entries = no gradient).
void addGradients(std::vector<torch::Tensor>& acc, const std::vector<torch::Tensor>& grads);

// For every parameter i: the sum over workers, in worker order, of per_worker[w][i] (workers with an
// empty list or an undefined entry add nothing), accumulated into params[i].grad() as backward()
// would. A parameter no worker has a gradient for keeps its grad().
void accumulateWorkerGradients(const std::vector<torch::Tensor>& params,
                               const std::vector<std::vector<torch::Tensor>>& per_worker);

}  // namespace dino
