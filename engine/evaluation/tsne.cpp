#include "evaluation/tsne.h"

#include "evaluation/cancellation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace dino {

namespace {

torch::Tensor squaredDistances(const torch::Tensor& x) {
    const auto sq = x.square().sum(1, true);
    return (sq + sq.t() - 2.0 * x.matmul(x.t())).clamp_min(0.0);
}

// Student-t kernel (1 + |y_i - y_j|^2)^-1 with a zero diagonal.
torch::Tensor studentKernel(const torch::Tensor& Y) {
    auto num = 1.0 / (1.0 + squaredDistances(Y));
    num.fill_diagonal_(0.0);
    return num;
}

}  // namespace

torch::Tensor tsneConditionalAffinities(const torch::Tensor& sq_distances, double perplexity) {
    const auto D = sq_distances.to(torch::kDouble);
    const int64_t n = D.size(0);
    const double target = std::log(perplexity);
    // Bisection on beta = 1 / (2 sigma^2), all rows at once, in log space between wide bounds.
    auto lo = torch::full({n, 1}, -50.0, torch::kDouble);  // log beta
    auto hi = torch::full({n, 1}, 50.0, torch::kDouble);
    auto eye = torch::eye(n, torch::kDouble).to(torch::kBool);
    torch::Tensor P;
    // Distances shifted by each row's nearest neighbour: exp() never underflows the whole row.
    const auto Dm = D.masked_fill(eye, std::numeric_limits<double>::infinity());
    const auto dmin = std::get<0>(Dm.min(1, true));
    const auto Ds = (Dm - dmin);
    for (int it = 0; it < 200; ++it) {
        const auto log_beta = (lo + hi) / 2;
        const auto beta = log_beta.exp();
        P = (-Ds * beta).exp();  // the diagonal is exp(-inf) = 0
        const auto sum = P.sum(1, true);
        P = P / sum;
        // H = log(sum) + beta * E[D - dmin]
        const auto H = sum.log() + beta * (P * Ds.masked_fill(eye, 0.0)).sum(1, true);
        // Too much entropy -> raise beta.
        const auto raise = H > target;
        lo = torch::where(raise, log_beta, lo);
        hi = torch::where(raise, hi, log_beta);
        if ((H - target).abs().max().item<double>() < 1e-7) break;
    }
    return P;
}

torch::Tensor tsneJointAffinities(const torch::Tensor& x, double perplexity) {
    const auto xd = x.to(torch::kDouble);
    const auto Pc = tsneConditionalAffinities(squaredDistances(xd), perplexity);
    return (Pc + Pc.t()) / (2.0 * double(xd.size(0)));
}

torch::Tensor tsneGradient(const torch::Tensor& P, const torch::Tensor& Y) {
    const auto num = studentKernel(Y);
    const auto Q = num / num.sum();
    const auto W = (P - Q) * num;
    return 4.0 * (W.sum(1, true) * Y - W.matmul(Y));
}

double tsneKl(const torch::Tensor& P, const torch::Tensor& Y) {
    const auto num = studentKernel(Y);
    const auto Q = (num / num.sum()).clamp_min(1e-300);
    const auto mask = P > 0;
    const auto Pm = P.masked_select(mask), Qm = Q.masked_select(mask);
    return (Pm * (Pm / Qm).log()).sum().item<double>();
}

TsneResult tsne(const torch::Tensor& features, const torch::Tensor& init, const TsneOptions& opt,
                const std::function<void(int64_t, int64_t)>& progress, const std::atomic<bool>* cancel) {
    const int64_t n = features.size(0);
    if (features.dim() != 2 || n < 4)
        throw std::invalid_argument("t-SNE needs at least 4 points (got " + std::to_string(n) + ")");
    if (n > kTsneMaxPoints)
        throw std::invalid_argument("t-SNE here is exact, O(N^2): " + std::to_string(n) + " points are more than " +
                                    std::to_string(kTsneMaxPoints) + "; use PCA, or a smaller split");
    if (init.dim() != 2 || init.size(0) != n || init.size(1) != 2)
        throw std::invalid_argument("t-SNE: init must be (N, 2)");
    if (!(opt.perplexity > 0)) throw std::invalid_argument("t-SNE: perplexity must be > 0");
    if (opt.iterations < 1 || opt.exaggeration_iterations < 0)
        throw std::invalid_argument("t-SNE: iterations must be >= 1");
    torch::NoGradGuard no_grad;
    TsneResult r;
    r.perplexity = std::min(opt.perplexity, double(n - 1) / 3.0);
    // Float64 for the affinities; the descent in float32 above 2,000 points (half the memory and time
    // of the N x N products, and far below what a 2-D layout can show).
    const auto dtype = n > 2000 ? torch::kFloat : torch::kDouble;
    const auto P = tsneJointAffinities(features, r.perplexity).clamp_min(1e-12).to(dtype);
    const double lr = opt.learning_rate > 0 ? opt.learning_rate : std::max(double(n) / opt.early_exaggeration / 4.0, 50.0);

    auto Y = init.to(dtype).clone();
    Y = Y - Y.mean(0);
    const double s = Y.select(1, 0).std().item<double>();
    Y = Y * (1e-4 / (s > 0 ? s : 1.0));
    auto update = torch::zeros_like(Y);
    auto gains = torch::ones_like(Y);
    for (int it = 0; it < opt.iterations; ++it) {
        throwIfCancelled(cancel, "t-SNE");
        const bool early = it < opt.exaggeration_iterations;
        const auto grad = tsneGradient(early ? P * opt.early_exaggeration : P, Y);
        const double momentum = early ? 0.5 : 0.8;
        // Delta-bar-delta gains: grow where the gradient keeps its sign against the update.
        const auto same = (grad > 0) == (update > 0);
        gains = torch::where(same, gains * 0.8, gains + 0.2).clamp_min(0.01);
        update = momentum * update - lr * gains * grad;
        Y = Y + update;
        if (progress) progress(it + 1, opt.iterations);
    }
    r.coords = (Y - Y.mean(0)).to(torch::kDouble);
    r.kl = tsneKl(P.to(torch::kDouble), r.coords);
    return r;
}

}  // namespace dino
