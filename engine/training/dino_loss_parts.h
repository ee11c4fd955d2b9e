// The seed's DINO loss (loss/dino_loss.h) taken apart so that the student can run forward and
// backward on a few images at a time. Every student row's term depends only on that row and on
// the (fixed) teacher targets, so the loss of a batch is the sum of the losses of its image groups,
// and their gradients add up to the batch's: the same math, with the student's activations of one
// group in memory instead of the whole batch's.
#pragma once

#include <torch/torch.h>

namespace dino {

// softmax((teacher_out - center) / temp) of the global views, as (num_global, B, K), no grad.
torch::Tensor teacherTargets(const torch::Tensor& teacher_out, const torch::Tensor& center, double teacher_temp,
                             int num_global);

// The loss terms of images [first, first + n) of a batch of `batch` images:
//   (1 / n_pairs) * sum over pairs (t global, s any view, s != t) of (1 / batch) * sum over the images of
//   CE(targets[t, image], log_softmax(student[s, image] / student_temp)).
// student_out: (views * n, K), view-major for these images; targets: teacherTargets(...) of the batch.
// Summed over all groups this equals DinoLoss's value.
torch::Tensor dinoLossPart(const torch::Tensor& student_out, const torch::Tensor& targets, int64_t first, int64_t n,
                           int num_global, int num_views, double student_temp, int64_t batch);

// center = m * center + (1 - m) * mean(teacher_out rows), in place, as DinoLoss does after its loss.
void updateCenter(torch::Tensor& center, const torch::Tensor& teacher_out, double momentum);

}  // namespace dino
