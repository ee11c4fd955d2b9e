// The embedding map: a 2-D principal-component projection of L2-normalised features, and the
// neighbours each point's weighted k-NN vote comes from.
#pragma once

#include "evaluation/knn.h"

#include <torch/torch.h>

#include <array>

namespace dino {

struct Pca2d {
    torch::Tensor coords;       // (N, 2) float64: the centred features on the first two components
    torch::Tensor components;   // (2, D) float64, unit rows; each signed so its largest |loading| is positive
    torch::Tensor mean;         // (D,) float64
    std::array<double, 2> explained{0, 0};  // fraction of the total variance on each component
};

// PCA by a thin SVD of the centred features in float64 (N >= 2). Deterministic: the sign of each
// component is fixed as in scikit-learn's svd_flip (largest absolute loading positive).
Pca2d pca2d(const torch::Tensor& features);

struct Neighbours {
    torch::Tensor indices;       // (n_query, k) int64 rows of the memory bank, most similar first
    torch::Tensor similarities;  // (n_query, k) float32 cosine similarities
};

// The k most similar memory-bank rows of each query, in the blocks and order knnClassify votes with
// (the same function computes both). k is clamped to the bank's size.
Neighbours knnNeighbours(const torch::Tensor& bank_features, const torch::Tensor& query_features, const KnnOptions& opt,
                         const std::atomic<bool>* cancel = nullptr);

}  // namespace dino
