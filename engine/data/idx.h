// MNIST's IDX files (LeCun et al.: a big-endian magic 0x0000 <type> <dims>, one big-endian uint32 per
// dimension, then the values in C order), plain or gzip-compressed as distributed (Debian's
// dataset-fashion-mnist ships them as .gz). Only unsigned-byte data (type 0x08), which is what MNIST,
// Fashion-MNIST, KMNIST and EMNIST use. Errors name the file and what was expected.
#pragma once

#include <torch/torch.h>

#include <string>

namespace dino {

// The array of an IDX file as uint8 of its shape: (N, H, W) images or (N,) labels. zlib reads both
// gzip-compressed and plain files.
torch::Tensor readIdx(const std::string& path);

}  // namespace dino
