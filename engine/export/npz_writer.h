// NumPy .npz archives (a zip of .npy members, deflated as numpy.savez_compressed writes them) through
// libzip, written to a temp name and renamed over the path, so that a reader never sees half a file.
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace dino {

// Members in this order, each "<name>.npy" (export/npy.h's bytes).
void writeNpz(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& arrays);

}  // namespace dino
