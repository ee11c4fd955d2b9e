#include "evaluation/linear_probe.h"
#include "evaluation/probe_features.h"

#include "common/cancellation.h"
#include "evaluation/classification_metrics.h"

#include "common/splitmix.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dino {

namespace {

void checkInputs(const torch::Tensor& x, const torch::Tensor& y, int num_classes, const char* what) {
    if (!x.defined() || x.dim() != 2)
        throw std::invalid_argument(std::string("linear probe: ") + what + " features must be (n, dim)");
    if (x.scalar_type() != torch::kFloat && x.scalar_type() != torch::kDouble)
        throw std::invalid_argument(std::string("linear probe: ") + what + " features must be float32 or float64");
    if (!y.defined() || y.dim() != 1 || y.size(0) != x.size(0))
        throw std::invalid_argument(std::string("linear probe: ") + what + " labels must be (n,) like the features");
    if (y.numel() > 0 && (y.min().item<int64_t>() < 0 || y.max().item<int64_t>() >= num_classes))
        throw std::invalid_argument(std::string("linear probe: ") + what + " labels outside [0, " +
                                    std::to_string(num_classes) + ")");
}

// Mean cross-entropy (heads,) and accuracy (heads,) of logits (heads, n, classes) against y (n,).
void scoreHeads(const torch::Tensor& logits, const torch::Tensor& y, std::vector<double>& loss,
                std::vector<double>& acc) {
    const int64_t H = logits.size(0), n = logits.size(1);
    loss.assign(size_t(H), std::nan(""));
    acc.assign(size_t(H), std::nan(""));
    if (n == 0) return;
    const auto logp = torch::log_softmax(logits, -1);
    const auto idx = y.view({1, n, 1}).expand({H, n, 1});
    const auto ce = -logp.gather(2, idx).squeeze(2).to(torch::kDouble).mean(1);  // (H,)
    const auto correct = (logits.argmax(-1) == y.view({1, n})).sum(1);         // (H,)
    for (int64_t h = 0; h < H; ++h) {
        loss[size_t(h)] = ce[h].item<double>();
        acc[size_t(h)] = double(correct[h].item<int64_t>()) / double(n);
    }
}

// One intra-op thread for the probe's small products, restored afterwards. Measured on the shared 2-core
// machine of docs/linear-probe.md: the default probe took 83-119 s with 2 OpenMP threads under load (each
// 256 x 768 x 162 product waits at a barrier for a thread the kernel has descheduled) and 3.3 s with one.
class SingleThreadScope {
public:
    SingleThreadScope() : threads_(at::get_num_threads()) { at::set_num_threads(1); }
    ~SingleThreadScope() { at::set_num_threads(threads_); }
    SingleThreadScope(const SingleThreadScope&) = delete;
    SingleThreadScope& operator=(const SingleThreadScope&) = delete;

private:
    int threads_;
};

}  // namespace

FeatureStandardizer fitStandardizer(const torch::Tensor& train_x) {
    if (!train_x.defined() || train_x.dim() != 2 || train_x.size(0) == 0)
        throw std::invalid_argument("linear probe: standardisation needs (n, dim) features with n >= 1");
    torch::NoGradGuard no_grad;
    FeatureStandardizer f;
    f.mean = train_x.mean(0);
    const auto sd = (train_x - f.mean).pow(2).mean(0).sqrt().clamp_min(1e-6);
    f.scale = 1.0 / (sd * std::sqrt(double(train_x.size(1))));
    return f;
}

torch::Tensor FeatureStandardizer::apply(const torch::Tensor& x) const {
    torch::NoGradGuard no_grad;
    return (x - mean) * scale;
}

std::vector<int64_t> probeEpochOrder(int64_t n, uint64_t seed, int epoch) {
    std::vector<int64_t> order(size_t(std::max<int64_t>(n, 0)));
    for (int64_t i = 0; i < n; ++i) order[size_t(i)] = i;
    uint64_t state = seed + uint64_t(epoch) * kSplitmixIncrement;
    for (int64_t i = n - 1; i > 0; --i) {
        const auto j = int64_t(splitmix64Next(state) % uint64_t(i + 1));
        std::swap(order[size_t(i)], order[size_t(j)]);
    }
    return order;
}

ProbeHeads trainLinearProbes(const torch::Tensor& x_in, const torch::Tensor& y_in, int num_classes,
                             const LinearProbeOptions& o, const std::function<void(int)>& progress,
                             const std::atomic<bool>* cancel) {
    checkInputs(x_in, y_in, num_classes, "train");
    if (num_classes < 1) throw std::invalid_argument("linear probe: needs at least one class");
    if (o.lrs.empty() || o.wds.empty()) throw std::invalid_argument("linear probe: empty learning-rate or weight-decay grid");
    if (o.epochs < 1 || o.batch_size < 1) throw std::invalid_argument("linear probe: epochs and batch size must be >= 1");
    torch::NoGradGuard no_grad;
    SingleThreadScope one_thread;
    const auto x = x_in.to(torch::kCPU).contiguous();
    const auto y = y_in.to(torch::kCPU).to(torch::kLong).contiguous();
    const auto dtype = x.scalar_type();
    const auto opts = torch::TensorOptions().dtype(dtype);
    const int64_t n = x.size(0), dim = x.size(1), C = num_classes;

    ProbeHeads p;
    for (double lr : o.lrs)
        for (double wd : o.wds) {
            p.lrs.push_back(lr);
            p.wds.push_back(wd);
        }
    const auto H = int64_t(p.lrs.size());
    p.weight = torch::zeros({H, C, dim}, opts);
    p.bias = torch::zeros({H, C}, opts);
    if (n == 0) return p;
    auto vw = torch::zeros_like(p.weight), vb = torch::zeros_like(p.bias);
    const auto lr0 = torch::tensor(p.lrs, torch::kDouble).to(dtype).view({H, 1, 1});
    const auto wd = torch::tensor(p.wds, torch::kDouble).to(dtype).view({H, 1, 1});
    const auto onehot_all = torch::one_hot(y, C).to(dtype);  // (n, C)

    const int64_t steps_per_epoch = (n + o.batch_size - 1) / o.batch_size;
    const double total = double(int64_t(o.epochs) * steps_per_epoch);
    int64_t t = 0;
    for (int e = 0; e < o.epochs; ++e) {
        throwIfCancelled(cancel, "linear probe");
        const auto order = torch::tensor(probeEpochOrder(n, o.seed, e), torch::kLong);
        for (int64_t s = 0; s < steps_per_epoch; ++s, ++t) {
            const int64_t start = s * o.batch_size, b = std::min<int64_t>(o.batch_size, n - start);
            const auto idx = order.narrow(0, start, b);
            const auto xb = x.index_select(0, idx);  // (b, dim)
            // All heads in two plain GEMMs: the weights as one (heads * classes, dim) matrix.
            const auto logits = xb.mm(p.weight.view({H * C, dim}).t()).view({b, H, C}) + p.bias;  // (b, H, C)
            const auto g = (torch::softmax(logits, -1) - onehot_all.index_select(0, idx).unsqueeze(1)) / double(b);
            const auto gw = g.view({b, H * C}).t().mm(xb).view({H, C, dim}) + wd * p.weight;  // (H, C, dim)
            const auto gb = g.sum(0);                                                        // (H, C)
            vw.mul_(o.momentum).add_(gw);
            vb.mul_(o.momentum).add_(gb);
            const double factor = 0.5 * (1.0 + std::cos(M_PI * double(t) / total));
            const auto lr = lr0 * factor;
            p.weight.sub_(lr * vw);
            p.bias.sub_(lr.view({H, 1}) * vb);
        }
        if (progress) progress(e + 1);
    }
    return p;
}

torch::Tensor probeLogits(const ProbeHeads& heads, const torch::Tensor& x) {
    torch::NoGradGuard no_grad;
    const auto xs = x.to(torch::kCPU).to(heads.weight.scalar_type());
    const int64_t H = heads.weight.size(0), C = heads.weight.size(1), dim = heads.weight.size(2);
    return (xs.mm(heads.weight.reshape({H * C, dim}).t()).view({xs.size(0), H, C}) + heads.bias).permute({1, 0, 2});
}

int selectProbeHead(const std::vector<double>& val_accuracy, const std::vector<double>& val_loss) {
    if (val_accuracy.empty() || val_accuracy.size() != val_loss.size())
        throw std::invalid_argument("linear probe: selection needs one val accuracy and loss per head");
    int best = 0;
    for (int h = 1; h < int(val_accuracy.size()); ++h) {
        const double a = val_accuracy[size_t(h)], ba = val_accuracy[size_t(best)];
        const double l = val_loss[size_t(h)], bl = val_loss[size_t(best)];
        // NaN (a diverged head) never wins: comparisons with NaN are false.
        const bool better_acc = a > ba || (std::isnan(ba) && !std::isnan(a));
        const bool better_loss = a == ba && (l < bl || (std::isnan(bl) && !std::isnan(l)));
        if (better_acc || better_loss) best = h;
    }
    return best;
}

LinearProbeOutcome runLinearProbe(const torch::Tensor& train_x, const torch::Tensor& train_y,
                                  const torch::Tensor& val_x, const torch::Tensor& val_y, const torch::Tensor& test_x,
                                  const torch::Tensor& test_y, int num_classes, const LinearProbeOptions& o,
                                  const std::function<void(int)>& progress, const std::atomic<bool>* cancel) {
    checkInputs(val_x, val_y, num_classes, "val");
    checkInputs(test_x, test_y, num_classes, "test");
    if (val_x.size(0) == 0) throw std::invalid_argument("linear probe: the val split is empty (it chooses the head)");
    if (val_x.size(1) != train_x.size(1) || test_x.size(1) != train_x.size(1))
        throw std::invalid_argument("linear probe: train, val and test features differ in width");
    LinearProbeOutcome r;
    r.trained = trainLinearProbes(train_x, train_y, num_classes, o, progress, cancel);
    torch::NoGradGuard no_grad;
    std::vector<double> train_loss, train_acc, val_loss, val_acc;
    scoreHeads(probeLogits(r.trained, train_x), train_y.to(torch::kCPU).to(torch::kLong), train_loss, train_acc);
    scoreHeads(probeLogits(r.trained, val_x), val_y.to(torch::kCPU).to(torch::kLong), val_loss, val_acc);
    for (size_t h = 0; h < r.trained.lrs.size(); ++h)
        r.heads.push_back({r.trained.lrs[h], r.trained.wds[h], train_acc[h], val_acc[h], val_loss[h]});
    r.chosen = selectProbeHead(val_acc, val_loss);
    const auto logits = probeLogits(r.trained, test_x).select(0, r.chosen);  // (n_test, C)
    const auto labels = test_y.to(torch::kCPU).to(torch::kLong);
    r.test_pred = logits.argmax(-1);
    r.test_accuracy = accuracy(labels, r.test_pred);
    r.test_auc = macroAucOvr(torch::softmax(logits.to(torch::kDouble), -1), labels);
    return r;
}

}  // namespace dino
