// DINOLoss(out_dim, num_global, num_local, student_temp=0.1, center_momentum=0.9), the seed's Part II.
// Inputs are view-major: rows [v*B, (v+1)*B) are view v of the B images; the first num_global views
// are the global ones. Loss = mean over (teacher global view t, student view s != t) pairs of the
// batch-mean cross-entropy H(softmax((t_out - center)/teacher_temp), log_softmax(s_out/student_temp)).
// After the loss, center = m * center + (1 - m) * mean(teacher rows).
#pragma once

#include <torch/torch.h>

namespace dino {

class DinoLossImpl : public torch::nn::Module {
public:
    DinoLossImpl(int out_dim, int num_global, int num_local, double student_temp = 0.1, double center_momentum = 0.9);
    torch::Tensor forward(const torch::Tensor& student_output, const torch::Tensor& teacher_output, double teacher_temp);
    // Per-pair cross-entropies of the last call, (num_global, num_global + num_local); NaN where skipped.
    torch::Tensor lastPairLosses() const { return last_pairs_; }
    torch::Tensor center;  // buffer (1, out_dim)
    // iBOT's centre of the teacher's patch outputs, buffer "patch_center" (1, out_dim), only in a run with
    // iBOT (enablePatchCenter), so that the checkpoints of every other run hold what they held.
    torch::Tensor patch_center;
    void enablePatchCenter();
    int out_dim, num_global, num_local;
    double student_temp, center_momentum;

private:
    void updateCenter(const torch::Tensor& teacher_output);  // EMA of the teacher batch mean, no grad
    torch::Tensor last_pairs_;
};
TORCH_MODULE(DinoLoss);

}  // namespace dino
