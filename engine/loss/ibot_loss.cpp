#include "loss/ibot_loss.h"

#include "loss/sinkhorn.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace dino {

torch::Tensor ibotTeacherTargets(const torch::Tensor& teacher_patch, const torch::Tensor& center, double teacher_temp) {
    if (!(teacher_temp > 0)) throw std::invalid_argument("iBOT: teacher_temp must be > 0 (got " + std::to_string(teacher_temp) + ")");
    torch::NoGradGuard no_grad;
    return torch::softmax((teacher_patch.to(torch::kFloat) - center.to(torch::kFloat)) / teacher_temp, -1);
}

torch::Tensor ibotSinkhornTargets(const torch::Tensor& teacher_patch, const torch::Tensor& masks, double teacher_temp,
                                  int iterations) {
    if (teacher_patch.dim() != 3 || masks.dim() != 2 || masks.size(0) != teacher_patch.size(0) ||
        masks.size(1) != teacher_patch.size(1))
        throw std::invalid_argument("iBOT: Sinkhorn-Knopp needs (N, P, K) outputs and (N, P) masks, got " +
                                    c10::str(teacher_patch.sizes()) + " and " + c10::str(masks.sizes()));
    torch::NoGradGuard no_grad;
    auto out = torch::zeros(teacher_patch.sizes(), teacher_patch.options().dtype(torch::kFloat));
    const auto m = masks.to(teacher_patch.device(), torch::kBool);
    auto rows = teacher_patch.index({m});  // (M, K), row-major (view, patch)
    if (rows.size(0) == 0) return out;
    out.index_put_({m}, sinkhornKnoppTargets(rows, teacher_temp, iterations));
    return out;
}

torch::Tensor ibotLossPart(const torch::Tensor& student_masked, const torch::Tensor& targets, const torch::Tensor& masks,
                           double student_temp, int64_t views_total) {
    if (targets.dim() != 3 || masks.dim() != 2 || masks.size(0) != targets.size(0) || masks.size(1) != targets.size(1))
        throw std::invalid_argument("iBOT: targets must be (n, P, K) and masks (n, P), got " + c10::str(targets.sizes()) +
                                    " and " + c10::str(masks.sizes()));
    if (!(student_temp > 0)) throw std::invalid_argument("iBOT: student_temp must be > 0");
    if (views_total < 1) throw std::invalid_argument("iBOT: views_total must be >= 1");
    const auto m = masks.to(targets.device(), torch::kBool);
    const int64_t M = m.sum().item<int64_t>();
    if (student_masked.dim() != 2 || student_masked.size(0) != M || student_masked.size(1) != targets.size(2))
        throw std::invalid_argument("iBOT: the student's masked outputs must be (" + std::to_string(M) + ", " +
                                    std::to_string(targets.size(2)) + "), got " + c10::str(student_masked.sizes()));
    auto logp = torch::log_softmax(student_masked.to(torch::kFloat) / student_temp, -1);
    auto ce = -(targets.index({m}).to(torch::kFloat) * logp).sum(-1);  // (M): one per masked patch
    // Each masked patch weighs 1 / (its view's masked patches), as DINOv2's masks_weight.
    auto per_view = m.sum(1, /*keepdim=*/true).clamp_min(1).to(torch::kFloat);  // (n, 1)
    auto weights = (1.0 / per_view).expand(m.sizes()).index({m});               // (M)
    return (ce * weights).sum() / static_cast<double>(views_total);
}

int64_t ibotHeadRows(int64_t masked, int64_t capacity) {
    if (masked < 0 || masked > capacity)
        throw std::invalid_argument("ibotHeadRows: " + std::to_string(masked) + " masked rows out of " +
                                    std::to_string(capacity));
    if (masked == 0) return 0;
    const int64_t quantum = std::max<int64_t>(16, (capacity + 15) / 16);
    return std::min(capacity, (masked + quantum - 1) / quantum * quantum);
}

}  // namespace dino
