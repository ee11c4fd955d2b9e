// Classification metrics for the kNN evaluation: accuracy, confusion matrix, per-class accuracy and
// MedMNIST's macro one-vs-rest ROC AUC. Inputs are CPU or any-device 1-D/2-D tensors.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dino {

// Fraction of equal entries of two (n,) integer tensors; NaN when n == 0.
double accuracy(const torch::Tensor& truth, const torch::Tensor& pred);

// [true][predicted] counts, num_classes x num_classes. Labels outside [0, num_classes) throw.
std::vector<std::vector<int64_t>> confusionMatrix(const torch::Tensor& truth, const torch::Tensor& pred,
                                                  int num_classes);

// Per class: (support, accuracy = confusion[c][c] / support, NaN when support == 0).
struct ClassScore {
    int64_t support = 0;
    double accuracy = 0;
};
std::vector<ClassScore> perClassAccuracy(const std::vector<std::vector<int64_t>>& confusion);

// Area under the ROC curve of scores (n,) for binary positives (n,) (bool or 0/1):
// the Mann-Whitney statistic with tied scores given their average rank, which equals the trapezoidal
// area under the ROC curve (sklearn.metrics.roc_auc_score). NaN when either class is empty.
double rocAuc(const torch::Tensor& scores, const torch::Tensor& positives);

// Mean over classes c of rocAuc(scores[:, c], truth == c), scores (n, num_classes).
// Classes with no positive or no negative sample have no AUC and are left out of the mean
// (MedMNIST's getAUC assumes every class is present); NaN when no class has one.
double macroAucOvr(const torch::Tensor& scores, const torch::Tensor& truth);

}  // namespace dino
