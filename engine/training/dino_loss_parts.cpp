#include "training/dino_loss_parts.h"

namespace dino {

torch::Tensor teacherTargets(const torch::Tensor& teacher_out, const torch::Tensor& center, double teacher_temp,
                             int num_global) {
    torch::NoGradGuard no_grad;
    auto probs = torch::softmax((teacher_out - center) / teacher_temp, -1);
    return probs.reshape({num_global, teacher_out.size(0) / num_global, teacher_out.size(1)});
}

torch::Tensor dinoLossPart(const torch::Tensor& student_out, const torch::Tensor& targets, int64_t first, int64_t n,
                           int num_global, int num_views, double student_temp, int64_t batch) {
    auto logp = torch::log_softmax((student_out / student_temp).reshape({num_views, n, student_out.size(1)}), -1);
    auto t = targets.narrow(1, first, n);
    torch::Tensor total;
    int64_t pairs = 0;
    for (int g = 0; g < num_global; ++g) {
        for (int s = 0; s < num_views; ++s) {
            if (s == g) continue;
            auto ce = torch::sum(-t[g] * logp[s]);  // summed over these images and the K labels
            total = pairs == 0 ? ce : total + ce;
            ++pairs;
        }
    }
    return total / static_cast<double>(batch) / static_cast<double>(pairs);
}

void updateCenter(torch::Tensor& center, const torch::Tensor& teacher_out, double momentum) {
    torch::NoGradGuard no_grad;
    auto batch_center = torch::sum(teacher_out.detach(), 0, /*keepdim=*/true) / static_cast<double>(teacher_out.size(0));
    center.mul_(momentum).add_(batch_center, 1.0 - momentum);
}

}  // namespace dino
