#include "evaluation/pseudo_label_histogram.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dino {

LabelHistogram labelHistogram(const torch::Tensor& assignments, int bins) {
    if (bins < 1) throw std::invalid_argument("pseudo-label histogram: bins must be >= 1");
    if (!assignments.defined() || assignments.dim() != 1 || assignments.is_floating_point())
        throw std::invalid_argument("pseudo-label histogram: assignments must be a 1-D integer tensor");
    const auto a = assignments.to(torch::kCPU, torch::kLong).contiguous();
    LabelHistogram h;
    h.counts.assign(bins, 0);
    h.max_entropy = std::log(double(bins));
    const int64_t* p = a.data_ptr<int64_t>();
    for (int64_t i = 0; i < a.numel(); ++i) {
        if (p[i] < 0 || p[i] >= bins)
            throw std::invalid_argument("pseudo-label " + std::to_string(p[i]) + " outside [0, " +
                                        std::to_string(bins) + ")");
        ++h.counts[p[i]];
    }
    h.total = a.numel();
    for (int64_t c : h.counts) {
        if (c == 0) continue;
        ++h.used;
        const double q = double(c) / double(h.total);
        h.entropy -= q * std::log(q);
    }
    return h;
}

torch::Tensor pseudoLabelAssignments(const torch::Tensor& head_outputs) {
    if (!head_outputs.defined() || head_outputs.dim() != 2 || head_outputs.size(1) < 1)
        throw std::invalid_argument("pseudo-labels: head outputs must be (n, out_dim)");
    return head_outputs.argmax(1).to(torch::kCPU, torch::kLong);
}

}  // namespace dino
