// The linear probe's feature conditioning (docs/linear-probe.md), apart from linear_probe.h so that the
// probe's training code does not depend on it.
#pragma once

#include <torch/torch.h>

namespace dino {

// Per-dimension standardisation fitted on the train split's features and then frozen, as MAE's linear probe
// puts a BatchNorm without affine parameters before its linear layer: y = (x - mean) / (sd * sqrt(dim)), mean
// and sd (biased, as BatchNorm's) per dimension over the train rows, sd floored at 1e-6. The sqrt(dim) keeps
// the rows' length near 1, so that the learning rates of L2-normalised features still apply; what changes is
// that every direction gets the same spread: DINO's features share a large common component (cosine
// similarities of 0.8-0.99 between images, random init included), and without this the class differences
// are a tiny fraction of each vector's length.
struct FeatureStandardizer {
    torch::Tensor mean, scale;  // (dim,)
    torch::Tensor apply(const torch::Tensor& x) const;
};
FeatureStandardizer fitStandardizer(const torch::Tensor& train_x);

}  // namespace dino
