#include "evaluation/knn.h"

#include "common/cancellation.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace dino {

namespace {

std::string shapeOf(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

void checkInputs(const torch::Tensor& train_f, const torch::Tensor& train_l, const torch::Tensor& test_f,
                 int num_classes, const KnnOptions& opt) {
    if (!train_f.defined() || train_f.dim() != 2 || train_f.size(0) < 1)
        throw std::invalid_argument("kNN: train features must be (n_train >= 1, D), got " +
                                    (train_f.defined() ? shapeOf(train_f) : std::string("undefined")));
    if (!test_f.defined() || test_f.dim() != 2 || test_f.size(1) != train_f.size(1))
        throw std::invalid_argument("kNN: test features must be (n_test, " + std::to_string(train_f.size(1)) +
                                    "), got " + (test_f.defined() ? shapeOf(test_f) : std::string("undefined")));
    if (!train_l.defined() || train_l.dim() != 1 || train_l.size(0) != train_f.size(0))
        throw std::invalid_argument("kNN: train labels must be (" + std::to_string(train_f.size(0)) + ",), got " +
                                    (train_l.defined() ? shapeOf(train_l) : std::string("undefined")));
    if (num_classes < 1) throw std::invalid_argument("kNN: num_classes must be >= 1");
    if (opt.k < 1) throw std::invalid_argument("kNN: k must be >= 1 (got " + std::to_string(opt.k) + ")");
    if (!(opt.temperature > 0))
        throw std::invalid_argument("kNN: temperature must be > 0 (got " + std::to_string(opt.temperature) + ")");
    if (train_l.is_floating_point()) throw std::invalid_argument("kNN: train labels must be integers");
    const auto lo = train_l.min().item<int64_t>(), hi = train_l.max().item<int64_t>();
    if (lo < 0 || hi >= num_classes)
        throw std::invalid_argument("kNN: train labels must be in [0, " + std::to_string(num_classes) + "), found " +
                                    std::to_string(lo < 0 ? lo : hi));
}

}  // namespace

int64_t knnChunkRows(const KnnOptions& opt, int64_t n_train) {
    if (opt.chunk_rows > 0) return opt.chunk_rows;
    const int64_t row_bytes = std::max<int64_t>(1, n_train) * int64_t(sizeof(float));
    return std::max<int64_t>(1, opt.max_chunk_bytes / row_bytes);
}

std::tuple<torch::Tensor, torch::Tensor> knnTopK(const torch::Tensor& queries, const torch::Tensor& bank_t, int64_t k) {
    return queries.matmul(bank_t).topk(k, 1, /*largest=*/true, /*sorted=*/true);
}

KnnResult knnClassify(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                      const torch::Tensor& test_features, int num_classes, const KnnOptions& opt,
                      const std::function<void(int64_t, int64_t)>& progress, const std::atomic<bool>* cancel) {
    checkInputs(train_features, train_labels, test_features, num_classes, opt);
    torch::NoGradGuard no_grad;
    const auto device = train_features.device();
    const auto train = train_features.to(torch::kFloat).contiguous();
    const auto test = test_features.to(device, torch::kFloat).contiguous();
    const auto labels = train_labels.to(device, torch::kLong).contiguous();
    const int64_t n_train = train.size(0), n_test = test.size(0);
    const int64_t k = std::min<int64_t>(opt.k, n_train);
    const int64_t rows = knnChunkRows(opt, n_train);
    const auto train_t = train.t();

    KnnResult r;
    r.nn1_pred = torch::empty({n_test}, torch::kLong);
    r.knn_pred = torch::empty({n_test}, torch::kLong);
    r.scores = torch::empty({n_test, num_classes}, torch::kDouble);
    for (int64_t start = 0; start < n_test; start += rows) {
        throwIfCancelled(cancel, "kNN evaluation");
        const int64_t n = std::min(rows, n_test - start);
        const auto sim = test.narrow(0, start, n).matmul(train_t);  // (n, n_train)
        const auto nn1 = labels.index_select(0, sim.argmax(1));
        auto [top_sim, top_idx] = sim.topk(k, 1, /*largest=*/true, /*sorted=*/true);  // as knnTopK
        // exp(sim/T) scaled by exp(-max/T) per row: the same normalised votes, no overflow for small T.
        const auto top_d = top_sim.to(torch::kDouble);
        const auto weights = ((top_d - top_d.narrow(1, 0, 1)) / opt.temperature).exp();
        const auto neighbour_labels = labels.index_select(0, top_idx.reshape({-1})).view({n, k});
        auto votes = torch::zeros({n, num_classes}, top_d.options());
        votes.scatter_add_(1, neighbour_labels, weights);
        const auto scores = votes / votes.sum(1, /*keepdim=*/true);
        r.nn1_pred.narrow(0, start, n).copy_(nn1.cpu());
        r.knn_pred.narrow(0, start, n).copy_(votes.argmax(1).cpu());
        r.scores.narrow(0, start, n).copy_(scores.cpu());
        if (progress) progress(start + n, n_test);
    }
    return r;
}

}  // namespace dino
