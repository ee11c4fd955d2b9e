// DINOv2's KoLeo regulariser (optim.koleo_weight): the Kozachenko-Leonenko entropy estimator of the
// student's L2-normalised class tokens, which pushes each feature away from its nearest neighbour
// in the batch and so spreads the features over the sphere (Sablayrolles et al. 2019).
#pragma once

#include <torch/torch.h>

namespace dino {

// x: (n, d) features, n >= 2. Returns -mean_i log(||u_i - u_nn(i)|| + eps) with u = x / max(||x||, eps)
// and nn(i) = argmax_{j != i} u_i . u_j (the nearest neighbour on the sphere, chosen without gradient),
// computed in float32; differentiable in x. ||a - b|| is torch's pairwise_distance (eps added to
// the difference), as in DINOv2.
torch::Tensor koleoLoss(const torch::Tensor& x, double eps = 1e-8);

}  // namespace dino
