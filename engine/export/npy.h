// NumPy .npy files (format version 1.0): magic "\x93NUMPY", version 1.0, a little-endian uint16
// header length, a Python-dict header {'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }
// padded with spaces and a newline so the data starts at a multiple of 64, then C-order data.
// The writer side; data/npy.h parses headers (the npz reader and the tests use it).
#pragma once

#include <torch/torch.h>

#include <string>

namespace dino {

// '<f4', '<f8', '<i8', '<i4', '|u1', '|b1', ... for a torch dtype; throws for unsupported ones.
std::string npyDescr(torch::ScalarType t);

// The whole file for a CPU-copyable tensor of a supported dtype (float32/64, int8..64, uint8, bool).
std::string npyBytes(const torch::Tensor& t);

// npyBytes written to a temp name and renamed over path.
void writeNpy(const std::string& path, const torch::Tensor& t);

}  // namespace dino
