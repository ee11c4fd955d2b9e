#include "loss/dino_loss.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace dino {

namespace {
std::string shapeOf(const torch::Tensor& t) { return c10::str(t.sizes()); }
}  // namespace

DinoLossImpl::DinoLossImpl(int out_dim_, int num_global_, int num_local_, double student_temp_,
                           double center_momentum_)
    : out_dim(out_dim_), num_global(num_global_), num_local(num_local_), student_temp(student_temp_),
      center_momentum(center_momentum_) {
    if (out_dim <= 0)
        throw std::invalid_argument("DINOLoss: out_dim must be > 0 (got " + std::to_string(out_dim) + ")");
    if (num_global < 1 || num_local < 0 || num_global + num_local < 2)
        throw std::invalid_argument("DINOLoss: need num_global >= 1, num_local >= 0 and at least 2 views (got " +
                                    std::to_string(num_global) + " global, " + std::to_string(num_local) + " local)");
    if (!(student_temp > 0.0))
        throw std::invalid_argument("DINOLoss: student_temp must be > 0 (got " + std::to_string(student_temp) + ")");
    if (!(center_momentum >= 0.0 && center_momentum <= 1.0))
        throw std::invalid_argument("DINOLoss: center_momentum must be in [0, 1] (got " +
                                    std::to_string(center_momentum) + ")");
    center = register_buffer("center", torch::zeros({1, out_dim}));
}

void DinoLossImpl::enablePatchCenter() {
    if (!patch_center.defined()) patch_center = register_buffer("patch_center", torch::zeros({1, out_dim}, center.options()));
}

torch::Tensor DinoLossImpl::forward(const torch::Tensor& student_output, const torch::Tensor& teacher_output,
                                    double teacher_temp) {
    const int64_t views = num_global + num_local;
    if (student_output.dim() != 2 || student_output.size(1) != out_dim || student_output.size(0) % views != 0 ||
        student_output.size(0) == 0)
        throw std::invalid_argument("DINOLoss: student_output must be (batch * " + std::to_string(views) + ", " +
                                    std::to_string(out_dim) + "), got " + shapeOf(student_output));
    const int64_t B = student_output.size(0) / views;
    if (teacher_output.dim() != 2 || teacher_output.size(1) != out_dim || teacher_output.size(0) != B * num_global)
        throw std::invalid_argument("DINOLoss: teacher_output must be (" + std::to_string(B) + " * " +
                                    std::to_string(num_global) + ", " + std::to_string(out_dim) + "), got " +
                                    shapeOf(teacher_output));
    if (!(teacher_temp > 0.0))
        throw std::invalid_argument("DINOLoss: teacher_temp must be > 0 (got " + std::to_string(teacher_temp) + ")");

    // The centre follows the teacher's dtype and device (float32 or float64, CPU or CUDA).
    if (center.scalar_type() != teacher_output.scalar_type() || center.device() != teacher_output.device()) {
        torch::NoGradGuard no_grad;
        center.set_data(center.to(teacher_output.options()));
    }

    const auto student_out = (student_output / student_temp).chunk(views, 0);
    const auto teacher_out = torch::softmax((teacher_output - center) / teacher_temp, -1).detach().chunk(num_global, 0);

    auto pairs = torch::full({num_global, views}, std::numeric_limits<double>::quiet_NaN(),
                             student_output.options().requires_grad(false));
    torch::Tensor total;
    int64_t n = 0;
    for (int64_t t = 0; t < num_global; ++t) {
        for (int64_t s = 0; s < views; ++s) {
            if (s == t)
                continue;  // never the same view for teacher and student
            auto ce = torch::sum(-teacher_out[t] * torch::log_softmax(student_out[s], -1), -1).mean();
            total = n == 0 ? ce : total + ce;
            pairs.index_put_({t, s}, ce.detach());
            ++n;
        }
    }
    total = total / static_cast<double>(n);
    last_pairs_ = pairs;
    updateCenter(teacher_output);
    return total;
}

void DinoLossImpl::updateCenter(const torch::Tensor& teacher_output) {
    torch::NoGradGuard no_grad;
    auto batch_center = torch::sum(teacher_output.detach(), 0, /*keepdim=*/true) /
                        static_cast<double>(teacher_output.size(0));
    center.mul_(center_momentum).add_(batch_center, 1.0 - center_momentum);
}

}  // namespace dino
