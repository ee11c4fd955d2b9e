#include "evaluation/features.h"

#include "common/cancellation.h"
#include "evaluation/pseudo_label_histogram.h"
#include "model/autocast.h"

#include <stdexcept>

namespace dino {

namespace {

// Puts a module in eval mode for the scope and restores its previous mode.
class EvalModeGuard {
public:
    explicit EvalModeGuard(torch::nn::Module& m) : m_(m), was_training_(m.is_training()) { m_.eval(); }
    ~EvalModeGuard() { m_.train(was_training_); }
    EvalModeGuard(const EvalModeGuard&) = delete;
    EvalModeGuard& operator=(const EvalModeGuard&) = delete;

private:
    torch::nn::Module& m_;
    bool was_training_;
};

}  // namespace

torch::Tensor mapImageBatches(const torch::Tensor& images_u8, const Normalization& norm, int batch_size,
                              torch::Device device, const std::function<torch::Tensor(const torch::Tensor&)>& fn,
                              const ImagesDone& done, const std::atomic<bool>* cancel) {
    if (batch_size < 1) throw std::invalid_argument("evaluation batch size must be >= 1");
    if (!images_u8.defined() || images_u8.dim() != 4 || images_u8.size(3) != 3)
        throw std::invalid_argument("evaluation images must be (N, H, W, 3) uint8");
    torch::NoGradGuard no_grad;
    const int64_t n = images_u8.size(0);
    std::vector<torch::Tensor> parts;
    for (int64_t start = 0; start < n; start += batch_size) {
        throwIfCancelled(cancel, "evaluation");
        const int64_t b = std::min<int64_t>(batch_size, n - start);
        const auto x = toNormalizedTensor(images_u8.narrow(0, start, b), norm).to(device);
        parts.push_back(fn(x).to(torch::kCPU));
        if (done) done(start + b);
    }
    if (parts.empty()) return torch::empty({0});
    return torch::cat(parts, 0);
}

torch::Tensor encoderClassTokens(VisionTransformer& encoder, const torch::Tensor& images_u8, const Normalization& norm,
                                 int batch_size, torch::Device device, int blocks, const ImagesDone& done,
                                 const std::atomic<bool>* cancel, bool bf16) {
    EvalModeGuard mode(*encoder);
    encoder->to(device);
    auto f = mapImageBatches(
        images_u8, norm, batch_size, device,
        [&](const torch::Tensor& x) {
            AutocastScope amp(device, bf16);
            return (blocks == 1 ? encoder->forward(x) : encoder->forwardClassTokens(x, blocks)).to(torch::kFloat);
        },
        done, cancel);
    if (f.numel() == 0) return torch::empty({0, int64_t(blocks) * encoder->options().embed_dim});
    return f;
}

torch::Tensor l2NormalizeRows(const torch::Tensor& x) {
    // F.normalize: x / max(||x||, eps), eps = 1e-12
    return torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().p(2).dim(1));
}

torch::Tensor encoderFeatures(VisionTransformer& encoder, const torch::Tensor& images_u8, const Normalization& norm,
                              int batch_size, torch::Device device, const ImagesDone& done,
                              const std::atomic<bool>* cancel, bool bf16) {
    return l2NormalizeRows(encoderClassTokens(encoder, images_u8, norm, batch_size, device, 1, done, cancel, bf16));
}

torch::Tensor headPseudoLabels(DinoModel& model, const torch::Tensor& images_u8, const Normalization& norm,
                               int batch_size, torch::Device device, const ImagesDone& done,
                               const std::atomic<bool>* cancel) {
    EvalModeGuard mode(*model);
    model->to(device);
    auto a = mapImageBatches(
        images_u8, norm, batch_size, device,
        [&](const torch::Tensor& x) { return pseudoLabelAssignments(model->forward(x)); }, done, cancel);
    return a.numel() == 0 ? torch::empty({0}, torch::kLong) : a;
}

}  // namespace dino
