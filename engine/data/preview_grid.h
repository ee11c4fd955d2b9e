// The preview grid `dino preview --out grid.png` writes: torch-free, for the CLI and the GUI.
#pragma once

#include "common/run_types.h"

#include <vector>

namespace dino {

// One row per image: the original, then its views; each cell scaled by `scale` (nearest) and
// placed in a cell of the largest view's size, `gap` pixels apart, on a white background.
api::RgbImage previewGrid(const std::vector<api::PreviewImage>& previews, int scale = 4, int gap = 4);

}  // namespace dino
