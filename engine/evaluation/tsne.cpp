#include "evaluation/tsne.h"

#include "common/cancellation.h"

#include <algorithm>
#include <ATen/Parallel.h>

#include <cmath>
#include <vector>
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

namespace {

// The gradient of KL(exaggeration * P || Q(Y)) for n points, P row-major float (symmetric), Y (n, 2)
// double: one pass over the pairs, a row at a time. With num_ij = (1 + |y_i - y_j|^2)^-1 and
// Z = sum num, (p_ij - q_ij) num_ij = p_ij num_ij - num_ij^2 / Z, so each row accumulates
// A_i = sum_j p_ij num_ij (y_i - y_j), B_i = sum_j num_ij^2 (y_i - y_j) and z_i = sum_j num_ij, and
// grad_i = 4 (A_i - B_i / Z). Every row is summed in j order by one thread and Z in i order, so the
// result is the same bit for bit whatever the number of threads (a shared reduction would not be,
// and t-SNE's descent amplifies a last-bit difference into another layout).
void gradientRows(const float* P, const double* Y, int64_t n, double exaggeration, double* grad) {
    std::vector<double> A(static_cast<size_t>(2 * n)), B(static_cast<size_t>(2 * n)), z(static_cast<size_t>(n));
    at::parallel_for(0, n, 16, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const double yi0 = Y[2 * i], yi1 = Y[2 * i + 1];
            const float* Pi = P + i * n;
            double a0 = 0, a1 = 0, b0 = 0, b1 = 0, zi = 0;
            for (int64_t j = 0; j < n; ++j) {
                if (j == i) continue;
                const double d0 = yi0 - Y[2 * j], d1 = yi1 - Y[2 * j + 1];
                const double num = 1.0 / (1.0 + d0 * d0 + d1 * d1);
                const double pn = exaggeration * double(Pi[j]) * num, nn = num * num;
                a0 += pn * d0, a1 += pn * d1;
                b0 += nn * d0, b1 += nn * d1;
                zi += num;
            }
            A[size_t(2 * i)] = a0, A[size_t(2 * i + 1)] = a1;
            B[size_t(2 * i)] = b0, B[size_t(2 * i + 1)] = b1;
            z[size_t(i)] = zi;
        }
    });
    double Z = 0;
    for (int64_t i = 0; i < n; ++i) Z += z[size_t(i)];
    for (int64_t k = 0; k < 2 * n; ++k) grad[k] = 4.0 * (A[size_t(k)] - B[size_t(k)] / Z);
}

}  // namespace

torch::Tensor tsneGradient(const torch::Tensor& P, const torch::Tensor& Y, double exaggeration) {
    const auto Pf = P.to(torch::kCPU, torch::kFloat).contiguous();
    const auto Yd = Y.to(torch::kCPU, torch::kDouble).contiguous();
    auto grad = torch::empty_like(Yd);
    gradientRows(Pf.data_ptr<float>(), Yd.data_ptr<double>(), Yd.size(0), exaggeration, grad.data_ptr<double>());
    return grad;
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
    // The affinities in float64, stored in float32 (N^2 of them: 576 MB at the 12,000-point limit).
    const auto P = tsneJointAffinities(features, r.perplexity).clamp_min(1e-12).to(torch::kFloat).contiguous();
    const double lr = opt.learning_rate > 0 ? opt.learning_rate : std::max(double(n) / opt.early_exaggeration / 4.0, 50.0);

    auto Y = init.to(torch::kCPU, torch::kDouble).contiguous().clone();
    Y = Y - Y.mean(0);
    const double s = Y.select(1, 0).std().item<double>();
    Y = (Y * (1e-4 / (s > 0 ? s : 1.0))).contiguous();
    std::vector<double> update(size_t(2 * n), 0.0), gains(size_t(2 * n), 1.0), grad(size_t(2 * n));
    double* y = Y.data_ptr<double>();
    for (int it = 0; it < opt.iterations; ++it) {
        throwIfCancelled(cancel, "t-SNE");
        const bool early = it < opt.exaggeration_iterations;
        gradientRows(P.data_ptr<float>(), y, n, early ? opt.early_exaggeration : 1.0, grad.data());
        const double momentum = early ? 0.5 : 0.8;
        for (size_t k = 0; k < size_t(2 * n); ++k) {
            // Delta-bar-delta gains: grow where the gradient keeps pointing against the last update.
            const bool same = (grad[k] > 0) == (update[k] > 0);
            gains[k] = std::max(0.01, same ? gains[k] * 0.8 : gains[k] + 0.2);
            update[k] = momentum * update[k] - lr * gains[k] * grad[k];
            y[k] += update[k];
        }
        if (progress) progress(it + 1, opt.iterations);
    }
    r.coords = Y - Y.mean(0);
    r.kl = tsneKl(P.to(torch::kDouble), r.coords);
    return r;
}

}  // namespace dino
