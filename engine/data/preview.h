// Augmentation previews: the multi-crop views of chosen images, un-normalised, as 8-bit RGB, with
// what was applied to each; and a grid of them for `dino preview --out grid.png`.
#pragma once

#include "common/run_types.h"
#include "common/config.h"
#include "data/dataset.h"
#include "data/preview_grid.h"

#include <torch/torch.h>

#include <vector>

namespace dino {

// (3,H,W) float in [0,1] (values outside are clamped) -> 8-bit RGB, rounded to nearest.
api::RgbImage toRgbImage(const torch::Tensor& chw);

// Views of set.images[indices] with the configured augmentations and a generator seeded with
// `seed`. Throws std::out_of_range naming the index and the split size.
std::vector<api::PreviewImage> renderPreviews(const ViewsConfig& views, const ImageSet& set,
                                              const std::vector<int64_t>& indices, uint64_t seed,
                                              const std::vector<std::string>& class_names = {});

}  // namespace dino
