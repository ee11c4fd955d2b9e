#include "loss/koleo.h"

#include <stdexcept>

namespace dino {

torch::Tensor koleoLoss(const torch::Tensor& x, double eps) {
    if (x.dim() != 2 || x.size(0) < 2) throw std::invalid_argument("koleoLoss: expected (n, d) features with n >= 2");
    auto u = torch::nn::functional::normalize(x.to(torch::kFloat),
                                              torch::nn::functional::NormalizeFuncOptions().p(2).dim(-1).eps(eps));
    torch::Tensor nn;
    {
        torch::NoGradGuard no_grad;
        auto dots = torch::mm(u, u.t());
        dots.fill_diagonal_(-1.0);  // never your own neighbour (cosines are >= -1)
        nn = std::get<1>(dots.max(1));
    }
    auto d = torch::pairwise_distance(u, u.index_select(0, nn), /*p=*/2, /*eps=*/eps);
    return -torch::log(d + eps).mean();
}

}  // namespace dino
