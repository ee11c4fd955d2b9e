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

CollapseMetrics collapseMetricsOfTargets(const torch::Tensor& targets) {
    torch::NoGradGuard no_grad;
    auto p = targets.to(torch::kDouble);
    CollapseMetrics m;
    m.teacher_entropy = -torch::xlogy(p, p).sum(-1).mean().item<double>();
    auto mean_p = p.mean(0);
    const double k = static_cast<double>(p.size(-1));
    m.kl_uniform = std::log(k) + torch::xlogy(mean_p, mean_p).sum().item<double>();
    return m;
}

double featureSpread(const torch::Tensor& features) {
    torch::NoGradGuard no_grad;
    if (features.dim() != 2 || features.size(0) < 2) return std::nan("");
    auto u = torch::nn::functional::normalize(features.detach().to(torch::kDouble),
                                              torch::nn::functional::NormalizeFuncOptions().p(2).dim(1));
    return u.std(0).mean().item<double>() * std::sqrt(static_cast<double>(features.size(1)));
}

}  // namespace dino
