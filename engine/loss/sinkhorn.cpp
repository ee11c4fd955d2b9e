#include "loss/sinkhorn.h"

#include <cmath>
#include <stdexcept>

namespace dino {

torch::Tensor sinkhornKnoppTargets(const torch::Tensor& teacher_out, double teacher_temp, int iterations) {
    if (teacher_out.dim() != 2) throw std::invalid_argument("sinkhornKnoppTargets: expected (N, K) scores");
    if (!(teacher_temp > 0)) throw std::invalid_argument("sinkhornKnoppTargets: the temperature must be > 0");
    if (iterations < 1) throw std::invalid_argument("sinkhornKnoppTargets: at least one iteration");
    torch::NoGradGuard no_grad;
    // In the log domain, in float64: at low temperatures exp(score / temp) under- or overflows in
    // float32 and a prototype (or image) whose scores all underflow would divide 0 by 0.
    auto log_q = (teacher_out.detach().to(torch::kDouble) / teacher_temp).t();  // (K, N)
    const double n = static_cast<double>(log_q.size(1)), k = static_cast<double>(log_q.size(0));
    log_q = log_q - torch::logsumexp(log_q.reshape({-1}), 0);
    for (int it = 0; it < iterations; ++it) {
        log_q = log_q - torch::logsumexp(log_q, 1, /*keepdim=*/true) - std::log(k);  // every prototype: mass 1/K
        log_q = log_q - torch::logsumexp(log_q, 0, /*keepdim=*/true) - std::log(n);  // every sample: mass 1/N
    }
    return (log_q + std::log(n)).exp_().t().to(torch::kFloat).contiguous();
}

}  // namespace dino
