// Linear probe on frozen features (docs/linear-probe.md): a grid of linear classifiers (weights + bias,
// softmax cross-entropy), one per (learning rate, weight decay), trained together on the train split's
// features (one pass over the data per epoch updates every head, as DINOv2's linear evaluation trains its
// grid of heads), the head with the best val accuracy chosen, reported on test.
//
// Training, for every head h with learning rate lr_h and weight decay wd_h, all heads seeing the same
// mini-batches:
//   - W_h (classes x dim) and b_h (classes) start at zero;
//   - each epoch visits the training rows in the order probeEpochOrder(n, seed, epoch), in mini-batches of
//     batch_size (the last one smaller);
//   - per mini-batch B: the gradient of the mean cross-entropy over B, plus wd_h * W_h (L2 on the weights,
//     not the bias, as torch.optim.SGD's weight_decay adds it to the gradient);
//   - SGD with momentum mu (torch.optim.SGD, dampening 0, not Nesterov): v <- mu v + g; p <- p - lr_t v,
//     lr_t = lr_h * 0.5 * (1 + cos(pi * t / T)) at step t = 0 .. T-1 of T = epochs * ceil(n / batch_size)
//     steps (cosine to 0, as official DINO's eval_linear, there per epoch).
// Features are whatever the caller passes (the evaluation passes L2-normalised ones, standardised per
// dimension with the train split's statistics: probe_features.h); float32 or float64,
// computed in that precision on the CPU. Deterministic: no random initialisation, a fixed order.
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace dino {

struct LinearProbeOptions {
    std::vector<double> lrs;  // the grid: every lr with every wd, lr-major
    std::vector<double> wds;
    int epochs = 100;
    int batch_size = 256;
    double momentum = 0.9;
    uint64_t seed = 0;  // mini-batch order
};

// The rows' order in epoch `epoch`: a Fisher-Yates shuffle of 0..n-1 driven by SplitMix64 seeded with
// seed + epoch * 0x9E3779B97F4A7C15 (for i = n-1 .. 1: j = next() % (i + 1), swap i and j), so that an
// independent implementation (tests/support/linear_probe_reference.py) draws the same order.
std::vector<int64_t> probeEpochOrder(int64_t n, uint64_t seed, int epoch);

// The trained grid: weight (heads, classes, dim), bias (heads, classes), heads in grid order.
struct ProbeHeads {
    torch::Tensor weight, bias;
    std::vector<double> lrs, wds;  // per head
};

// Trains every head of the grid on x (n, dim) float32/float64, y (n,) int64 in [0, num_classes).
// progress(epochs_done) after each epoch; cancel polled before each epoch (OperationCancelled).
ProbeHeads trainLinearProbes(const torch::Tensor& x, const torch::Tensor& y, int num_classes,
                             const LinearProbeOptions& o, const std::function<void(int)>& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

// Logits of every head, (heads, n, classes).
torch::Tensor probeLogits(const ProbeHeads& heads, const torch::Tensor& x);

// The chosen head: the highest val accuracy; among equal accuracies the lowest val cross-entropy; among
// those the first in grid order. Throws on empty or different-length inputs.
int selectProbeHead(const std::vector<double>& val_accuracy, const std::vector<double>& val_loss);

struct ProbeHeadScore {
    double lr = 0, wd = 0;
    double train_accuracy = 0;
    double val_accuracy = 0, val_loss = 0;  // val_loss: mean cross-entropy
};

struct LinearProbeOutcome {
    std::vector<ProbeHeadScore> heads;  // grid order
    int chosen = -1;
    double test_accuracy = 0;
    double test_auc = 0;         // macro one-vs-rest AUC of the chosen head's softmax (classification_metrics.h)
    torch::Tensor test_pred;     // (n_test,) int64
    ProbeHeads trained;
};

// trainLinearProbes on (train_x, train_y), every head scored on val, the chosen one on test.
// Progress counts epochs (0 .. o.epochs).
LinearProbeOutcome runLinearProbe(const torch::Tensor& train_x, const torch::Tensor& train_y,
                                  const torch::Tensor& val_x, const torch::Tensor& val_y, const torch::Tensor& test_x,
                                  const torch::Tensor& test_y, int num_classes, const LinearProbeOptions& o,
                                  const std::function<void(int)>& progress = {},
                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace dino
