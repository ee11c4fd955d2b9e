// Exact t-SNE (van der Maaten & Hinton 2008) for the embedding map, on libtorch: Gaussian
// affinities calibrated to a perplexity by bisection on each row's precision, symmetrised; a
// Student-t kernel in 2-D; gradient descent with early exaggeration, momentum and per-coordinate
// gains, initialised from the PCA layout (deterministic; Kobak & Berens 2019 recommend it).
// O(N^2) memory and time: meant for a split of up to kTsneMaxPoints images.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <functional>

namespace dino {

constexpr int64_t kTsneMaxPoints = 12000;

struct TsneOptions {
    double perplexity = 30.0;        // clamped to (N - 1) / 3
    int iterations = 1000;
    int exaggeration_iterations = 250;
    double early_exaggeration = 12.0;
    double learning_rate = 0.0;      // 0 = max(N / early_exaggeration / 4, 50) (scikit-learn's "auto")
};

// Conditional affinities p_{j|i} (N, N) float64 from squared distances, each row's entropy equal to
// log(perplexity) to 1e-5 nats (bisection on the precision), the diagonal 0.
torch::Tensor tsneConditionalAffinities(const torch::Tensor& sq_distances, double perplexity);

// The joint affinities P = (P_cond + P_cond^T) / (2N) (float64, symmetric, sum 1) of the rows of x.
torch::Tensor tsneJointAffinities(const torch::Tensor& x, double perplexity);

// dKL(e P || Q(Y)) / dY for the Student-t kernel, e the exaggeration:
// 4 sum_j (e p_ij - q_ij) (1 + |y_i - y_j|^2)^-1 (y_i - y_j), with P taken in float32 (as the descent
// stores it) and Y in float64. The same bits whatever the number of threads. Returns (N, 2) float64.
torch::Tensor tsneGradient(const torch::Tensor& P, const torch::Tensor& Y, double exaggeration = 1.0);

// KL(P || Q(Y)), nats.
double tsneKl(const torch::Tensor& P, const torch::Tensor& Y);

struct TsneResult {
    torch::Tensor coords;  // (N, 2) float64
    double kl = 0;         // KL(P || Q) at the end
    double perplexity = 0; // the one used (after clamping)
};

// init (N, 2): the starting layout (the PCA coordinates), rescaled to a standard deviation of 1e-4 in
// its first column. progress(iteration, iterations) after each iteration; cancel polled each
// iteration (OperationCancelled). Throws std::invalid_argument for N < 4 or N > kTsneMaxPoints.
TsneResult tsne(const torch::Tensor& features, const torch::Tensor& init, const TsneOptions& opt = {},
                const std::function<void(int64_t, int64_t)>& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace dino
