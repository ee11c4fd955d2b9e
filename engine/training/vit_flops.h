// Analytic floating-point operation counts of the ViT + DINO head (multiply-add = 2 FLOPs), for the
// benchmark's achieved GFLOP/s. Only matrix products are counted (patch embedding, qkv, attention
// scores and weighted sum, projections, MLPs, head); norms, softmax and GELU are a few percent more.
#pragma once

#include "common/config.h"

#include <cstdint>

namespace dino {

// Forward FLOPs of the encoder + head for one image of side `img_size`, as VisionTransformer::forward
// computes them (its last block for the class token only).
double vitForwardFlops(const ModelConfig& m, int img_size);

// One training step's FLOPs per image: student forward + backward (3x forward) on all views,
// teacher forward on the global views.
double dinoTrainFlopsPerImage(const ModelConfig& m, int num_global, int global_size, int num_local, int local_size);

}  // namespace dino
