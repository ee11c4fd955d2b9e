#include "training/image_split.h"

#include "data/batch_shard.h"

#include <sstream>
#include <stdexcept>
#include <string>

namespace dino {
namespace {

std::string shapeText(const torch::Tensor& t) {
    std::ostringstream os;
    os << t.sizes();
    return os.str();
}

}  // namespace

std::vector<ImageSlice> splitImages(int64_t batch, int parts) {
    if (parts < 1 || parts > batch)
        throw std::invalid_argument("splitImages: need 1 <= parts <= batch (got " + std::to_string(parts) + " parts of " +
                                    std::to_string(batch) + " images)");
    // The same split as the data-parallel shards of a batch.
    std::vector<ImageSlice> out;
    out.reserve(static_cast<size_t>(parts));
    for (int w = 0; w < parts; ++w) {
        const BatchShard s = batchShard(batch, parts, w);
        out.push_back({s.first, s.count});
    }
    return out;
}

torch::Tensor joinViewMajor(const std::vector<torch::Tensor>& parts, int views) {
    if (parts.empty()) throw std::invalid_argument("joinViewMajor: no parts");
    if (views < 1) throw std::invalid_argument("joinViewMajor: views must be >= 1 (got " + std::to_string(views) + ")");
    std::vector<torch::Tensor> shaped;
    shaped.reserve(parts.size());
    int64_t images = 0;
    for (const auto& p : parts) {
        if (p.dim() != 2 || p.size(0) % views != 0)
            throw std::invalid_argument("joinViewMajor: each part must be (views * images, K) with views = " +
                                        std::to_string(views) + " (got shape " + shapeText(p) + ")");
        shaped.push_back(p.reshape({views, p.size(0) / views, p.size(1)}));
        images += p.size(0) / views;
    }
    if (parts.size() == 1) return parts[0];
    return torch::cat(shaped, 1).reshape({views * images, parts[0].size(1)});
}

void addGradients(std::vector<torch::Tensor>& acc, const std::vector<torch::Tensor>& grads) {
    if (acc.empty()) {
        acc = grads;
        return;
    }
    if (acc.size() != grads.size())
        throw std::invalid_argument("addGradients: " + std::to_string(acc.size()) + " accumulated vs " +
                                    std::to_string(grads.size()) + " new gradients");
    for (size_t i = 0; i < acc.size(); ++i) {
        if (!grads[i].defined()) continue;
        // Out of place: a gradient autograd returns may be a view or share memory with another.
        acc[i] = acc[i].defined() ? acc[i] + grads[i] : grads[i];
    }
}

void accumulateWorkerGradients(const std::vector<torch::Tensor>& params,
                               const std::vector<std::vector<torch::Tensor>>& per_worker) {
    torch::NoGradGuard no_grad;
    for (const auto& w : per_worker)
        if (!w.empty() && w.size() != params.size())
            throw std::invalid_argument("accumulateWorkerGradients: a worker has " + std::to_string(w.size()) +
                                        " gradients for " + std::to_string(params.size()) + " parameters");
    for (size_t i = 0; i < params.size(); ++i) {
        torch::Tensor sum;
        for (const auto& w : per_worker) {
            if (w.empty() || !w[i].defined()) continue;
            if (!sum.defined())
                sum = w[i].clone(at::MemoryFormat::Contiguous);  // owned, so the adds below may be in place
            else
                sum.add_(w[i]);
        }
        if (!sum.defined()) continue;
        torch::Tensor p = params[i];
        if (p.grad().defined())
            p.mutable_grad().add_(sum);
        else
            p.mutable_grad() = sum;
    }
}

}  // namespace dino
