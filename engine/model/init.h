// Weight initialisers shared by the encoder and the head (timm / official DINO semantics).
#pragma once

#include <torch/torch.h>

namespace dino {

// In place: values from N(mean, std) truncated to the ABSOLUTE interval [a, b] (timm's and DINO's
// trunc_normal_ convention: a=-2, b=2 are bounds on the value, not in units of std), drawn by
// inverse-CDF sampling of a uniform on [Phi(a'), Phi(b')]. Returns t.
torch::Tensor truncNormal_(torch::Tensor t, double std, double mean = 0.0, double a = -2.0, double b = 2.0);

}  // namespace dino
