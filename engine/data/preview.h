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

// iBOT (cfg.optim.ibot_weight > 0; nothing otherwise): the block masks the trainer draws for a batch of
// these images' global views (block_mask.h, the configured ratios and share of masked views, seeded from
// `seed`), shown on the global views: the masked patches greyed and hatched, and a line such as
// "iBOT mask: 12 of 49 patches" (or "iBOT: not masked") added to the view's operations.
void markIbotMasks(std::vector<api::PreviewImage>& previews, const RunConfig& cfg, uint64_t seed);

}  // namespace dino
