// iBOT's masked-patch objective (Zhou et al. 2022, part of DINOv2; docs/ibot.md): the student sees its
// global views with some patches replaced by the mask token, and each masked patch token, through the
// head, predicts the teacher's sharpened, centred output of the same patch of the unmasked view.
//
// Normalisation (iBOT's iBOTLoss; DINOv2's iBOTPatchLoss.forward_masked is the same up to a factor): the
// cross-entropies of a view's masked patches are averaged over that view's masked patches, and the views'
// averages over all global views of the batch, the views without a mask counting as 0:
//   L = (1 / N) * sum over views c with m_c > 0 of (1 / m_c) * sum over masked p of
//       -sum_k t[c, p, k] * log_softmax(s[c, p] / student_temp)_k
// with N = global views x images. iBOT divides by the images and then by the views, which is this; DINOv2
// divides by the images x views and once more by the views (ibot_loss_scale = 1 / n_global_crops), half
// of this with two global views, so DINOv2's weight 1 is 0.5 here.
#pragma once

#include <torch/torch.h>

namespace dino {

// softmax((teacher_patch - center) / temp) over the last dimension, without gradient: (..., K) targets of
// every patch (iBOT's teacher_patch_c), in float32.
torch::Tensor ibotTeacherTargets(const torch::Tensor& teacher_patch, const torch::Tensor& center, double teacher_temp);

// DINOv2's Sinkhorn-Knopp patch targets (centering = sinkhorn): sinkhornKnoppTargets over the masked patches
// of all views together (only those; DINOv2's sinkhorn_knopp_teacher on masked_teacher_patch_tokens), put
// back at their places of a (N, P, K) float32 tensor that is 0 at the patches without a mask.
// teacher_patch: (N, P, K); masks: (N, P) bool.
torch::Tensor ibotSinkhornTargets(const torch::Tensor& teacher_patch, const torch::Tensor& masks, double teacher_temp,
                                  int iterations);

// The loss terms of n views of a batch of `views_total` global views (N above), so that the parts of a
// batch's image groups add up to its loss:
//   student_masked: (M, K) the student head's outputs of the masked patches of these views, in row-major
//                   (view, patch) order, M = masks.sum() (what student_patches.index({masks}) gives);
//   targets: (n, P, K) the teacher's targets of these views; masks: (n, P) bool.
// Differentiable in student_masked; computed in float32.
torch::Tensor ibotLossPart(const torch::Tensor& student_masked, const torch::Tensor& targets, const torch::Tensor& masks,
                           double student_temp, int64_t views_total);

// How many rows the head is given for `masked` masked patches out of at most `capacity` (the group's
// views times patches): `masked` rounded up to a multiple of max(16, capacity / 16), at most `capacity`,
// 0 for 0. The rows past `masked` are zeros whose outputs are dropped: the head's rows are independent,
// so the masked rows' outputs and gradients are the same. Why: the masked count changes at nearly
// every step, and every new row count makes oneDNN build new kernels. With two image workers doing
// that at once, oneDNN 2.6 (Debian 12's, under libtorch's bf16 Linear) crashes once its primitive
// cache (1,024 entries) starts evicting; rounding keeps the head's shapes to about 17 per group.
int64_t ibotHeadRows(int64_t masked, int64_t capacity);

}  // namespace dino
