#include "model/init.h"

#include <cmath>
#include <stdexcept>

namespace dino {

namespace {
double normalCdf(double x) { return 0.5 * (1.0 + std::erf(x / std::sqrt(2.0))); }
}  // namespace

torch::Tensor truncNormal_(torch::Tensor t, double std, double mean, double a, double b) {
    if (!(std > 0.0) || !(a < b))
        throw std::invalid_argument("truncNormal_: expected std > 0 and a < b");
    torch::NoGradGuard no_grad;
    const double lo = normalCdf((a - mean) / std);
    const double hi = normalCdf((b - mean) / std);
    // u ~ U(2 lo - 1, 2 hi - 1); erfinv(u) * std * sqrt(2) + mean has the truncated normal law.
    t.uniform_(2.0 * lo - 1.0, 2.0 * hi - 1.0);
    t.erfinv_();
    t.mul_(std * std::sqrt(2.0));
    t.add_(mean);
    t.clamp_(a, b);
    return t;
}

}  // namespace dino
