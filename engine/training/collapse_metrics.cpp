#include "training/collapse_metrics.h"

#include <cmath>

namespace dino {

CollapseMetrics teacherCollapseMetrics(const torch::Tensor& teacher_out, const torch::Tensor& center, double teacher_temp) {
    torch::NoGradGuard no_grad;
    auto logits = (teacher_out.to(torch::kDouble) - center.to(torch::kDouble)) / teacher_temp;
    auto logp = torch::log_softmax(logits, -1);
    auto p = logp.exp();
    CollapseMetrics m;
    m.teacher_entropy = -(p * logp).sum(-1).mean().item<double>();
    auto mean_p = p.mean(0);
    double k = static_cast<double>(teacher_out.size(-1));
    // KL(p̄ || U) = sum p̄ log(p̄ K) = log K - H(p̄), with 0 log 0 = 0.
    double h_mean = -torch::xlogy(mean_p, mean_p).sum().item<double>();
    m.kl_uniform = std::log(k) - h_mean;
    return m;
}

}  // namespace dino
