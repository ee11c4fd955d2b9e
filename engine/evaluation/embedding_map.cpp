#include "evaluation/embedding_map.h"

#include "common/cancellation.h"

#include <stdexcept>

namespace dino {

Pca2d pca2d(const torch::Tensor& features) {
    if (!features.defined() || features.dim() != 2 || features.size(0) < 2 || features.size(1) < 2)
        throw std::invalid_argument("PCA: expected (N >= 2, D >= 2) features");
    torch::NoGradGuard no_grad;
    const auto x = features.to(torch::kCPU, torch::kDouble);
    Pca2d p;
    p.mean = x.mean(0);
    const auto centred = x - p.mean;
    auto [u, s, vh] = torch::linalg_svd(centred, /*full_matrices=*/false);
    auto comps = vh.narrow(0, 0, 2).clone();  // (2, D)
    for (int64_t c = 0; c < 2; ++c) {
        const auto row = comps[c];
        if (row[row.abs().argmax()].item<double>() < 0) comps[c].neg_();
    }
    p.components = comps;
    p.coords = centred.matmul(comps.t());
    const auto var = s.square();
    const double total = var.sum().item<double>();
    for (int64_t c = 0; c < 2; ++c)
        p.explained[static_cast<size_t>(c)] = total > 0 ? var[c].item<double>() / total : 0.0;
    return p;
}

Neighbours knnNeighbours(const torch::Tensor& bank_features, const torch::Tensor& query_features, const KnnOptions& opt,
                         const std::atomic<bool>* cancel) {
    if (!bank_features.defined() || bank_features.dim() != 2 || bank_features.size(0) < 1 ||
        !query_features.defined() || query_features.dim() != 2 || query_features.size(1) != bank_features.size(1))
        throw std::invalid_argument("kNN neighbours: expected (n_bank >= 1, D) and (n_query, D) features");
    if (opt.k < 1) throw std::invalid_argument("kNN neighbours: k must be >= 1");
    torch::NoGradGuard no_grad;
    const auto bank = bank_features.to(torch::kFloat).contiguous();
    const auto query = query_features.to(bank.device(), torch::kFloat).contiguous();
    const int64_t n = query.size(0), k = std::min<int64_t>(opt.k, bank.size(0));
    const int64_t rows = knnChunkRows(opt, bank.size(0));
    const auto bank_t = bank.t();
    Neighbours r;
    r.indices = torch::empty({n, k}, torch::kLong);
    r.similarities = torch::empty({n, k}, torch::kFloat);
    for (int64_t start = 0; start < n; start += rows) {
        throwIfCancelled(cancel, "nearest neighbours");
        const int64_t m = std::min(rows, n - start);
        auto [sim, idx] = knnTopK(query.narrow(0, start, m), bank_t, k);
        r.indices.narrow(0, start, m).copy_(idx.cpu());
        r.similarities.narrow(0, start, m).copy_(sim.cpu());
    }
    return r;
}

}  // namespace dino
