#include "evaluation/classification_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace dino {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<int64_t> toLongVector(const torch::Tensor& t, const char* what) {
    if (!t.defined() || t.dim() != 1) throw std::invalid_argument(std::string(what) + " must be a 1-D tensor");
    const auto c = t.to(torch::kCPU, torch::kLong).contiguous();
    return std::vector<int64_t>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

std::vector<double> toDoubleVector(const torch::Tensor& t) {
    const auto c = t.to(torch::kCPU, torch::kDouble).contiguous();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

void checkSameLength(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
    if (a.size() != b.size())
        throw std::invalid_argument("labels and predictions differ in length (" + std::to_string(a.size()) + " vs " +
                                    std::to_string(b.size()) + ")");
}

}  // namespace

double accuracy(const torch::Tensor& truth, const torch::Tensor& pred) {
    const auto t = toLongVector(truth, "labels"), p = toLongVector(pred, "predictions");
    checkSameLength(t, p);
    if (t.empty()) return kNaN;
    int64_t hits = 0;
    for (size_t i = 0; i < t.size(); ++i) hits += t[i] == p[i];
    return double(hits) / double(t.size());
}

std::vector<std::vector<int64_t>> confusionMatrix(const torch::Tensor& truth, const torch::Tensor& pred,
                                                  int num_classes) {
    const auto t = toLongVector(truth, "labels"), p = toLongVector(pred, "predictions");
    checkSameLength(t, p);
    std::vector<std::vector<int64_t>> m(num_classes, std::vector<int64_t>(num_classes, 0));
    for (size_t i = 0; i < t.size(); ++i) {
        for (int64_t v : {t[i], p[i]})
            if (v < 0 || v >= num_classes)
                throw std::invalid_argument("label " + std::to_string(v) + " outside [0, " +
                                            std::to_string(num_classes) + ")");
        ++m[t[i]][p[i]];
    }
    return m;
}

std::vector<ClassScore> perClassAccuracy(const std::vector<std::vector<int64_t>>& confusion) {
    std::vector<ClassScore> out(confusion.size());
    for (size_t c = 0; c < confusion.size(); ++c) {
        out[c].support = std::accumulate(confusion[c].begin(), confusion[c].end(), int64_t(0));
        out[c].accuracy = out[c].support > 0 ? double(confusion[c][c]) / double(out[c].support) : kNaN;
    }
    return out;
}

double rocAuc(const torch::Tensor& scores, const torch::Tensor& positives) {
    if (!scores.defined() || scores.dim() != 1) throw std::invalid_argument("rocAuc: scores must be 1-D");
    const auto s = toDoubleVector(scores);
    const auto y = toLongVector(positives, "rocAuc positives");
    if (s.size() != y.size()) throw std::invalid_argument("rocAuc: scores and positives differ in length");
    for (double v : s)
        if (std::isnan(v)) throw std::invalid_argument("rocAuc: a score is NaN");
    std::vector<size_t> order(s.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s[a] < s[b]; });
    // Sum of the 1-based ranks of the positives, a run of equal scores sharing its average rank.
    double rank_sum = 0;
    int64_t n_pos = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && s[order[j]] == s[order[i]]) ++j;
        const double avg_rank = 0.5 * double(i + 1 + j);  // mean of ranks i+1 .. j
        for (size_t q = i; q < j; ++q)
            if (y[order[q]] != 0) {
                rank_sum += avg_rank;
                ++n_pos;
            }
        i = j;
    }
    const int64_t n_neg = int64_t(s.size()) - n_pos;
    if (n_pos == 0 || n_neg == 0) return kNaN;
    return (rank_sum - 0.5 * double(n_pos) * double(n_pos + 1)) / (double(n_pos) * double(n_neg));
}

double macroAucOvr(const torch::Tensor& scores, const torch::Tensor& truth) {
    if (!scores.defined() || scores.dim() != 2) throw std::invalid_argument("macroAucOvr: scores must be (n, C)");
    const auto t = truth.to(torch::kCPU, torch::kLong);
    if (t.dim() != 1 || t.size(0) != scores.size(0))
        throw std::invalid_argument("macroAucOvr: labels must be (" + std::to_string(scores.size(0)) + ",)");
    const auto s = scores.to(torch::kCPU, torch::kDouble);
    double sum = 0;
    int defined = 0;
    for (int64_t c = 0; c < s.size(1); ++c) {
        const double auc = rocAuc(s.select(1, c), t.eq(c));
        if (std::isnan(auc)) continue;
        sum += auc;
        ++defined;
    }
    return defined > 0 ? sum / defined : kNaN;
}

}  // namespace dino
