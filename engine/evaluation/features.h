// Running a model over a whole image set for evaluation: un-augmented images, normalised like the
// training views, in batches, in eval mode without gradients (seed Part V, get_features).
#pragma once

#include "data/dataset.h"
#include "model/dino_model.h"

#include <atomic>
#include <functional>

namespace dino {

using ImagesDone = std::function<void(int64_t images_done)>;

// fn applied to batches of batch_size images: uint8 (N,H,W,3) -> normalised float (B,3,H,W) on
// device -> fn -> CPU, concatenated along dim 0. cancel (may be null) is polled before each batch
// (OperationCancelled); done (may be empty) is told the images processed so far after each batch.
torch::Tensor mapImageBatches(const torch::Tensor& images_u8, const Normalization& norm, int batch_size,
                              torch::Device device, const std::function<torch::Tensor(const torch::Tensor&)>& fn,
                              const ImagesDone& done = {}, const std::atomic<bool>* cancel = nullptr);

// Encoder outputs (N, embed_dim) float32 on CPU, each row divided by its L2 norm. With bf16, the
// forward pass runs in bf16 autocast (the run's precision); the features are cast to fp32 before the
// normalisation, so similarities are always computed in fp32.
torch::Tensor encoderFeatures(VisionTransformer& encoder, const torch::Tensor& images_u8, const Normalization& norm,
                              int batch_size, torch::Device device, const ImagesDone& done = {},
                              const std::atomic<bool>* cancel = nullptr, bool bf16 = false);

// The class tokens of the encoder's last `blocks` blocks, concatenated (N, blocks * embed_dim) float32 on
// CPU, NOT normalised (VisionTransformerImpl::forwardClassTokens); blocks = 1: the encoder's output.
// bf16 as in encoderFeatures.
torch::Tensor encoderClassTokens(VisionTransformer& encoder, const torch::Tensor& images_u8, const Normalization& norm,
                                 int batch_size, torch::Device device, int blocks, const ImagesDone& done = {},
                                 const std::atomic<bool>* cancel = nullptr, bool bf16 = false);

// Each row divided by its L2 norm (rows of zeros stay zero), as float32/float64 like x.
torch::Tensor l2NormalizeRows(const torch::Tensor& x);

// Head outputs' argmax (N,) int64 on CPU: the teacher's pseudo-label of each image (seed Part VI).
torch::Tensor headPseudoLabels(DinoModel& model, const torch::Tensor& images_u8, const Normalization& norm,
                               int batch_size, torch::Device device, const ImagesDone& done = {},
                               const std::atomic<bool>* cancel = nullptr);

}  // namespace dino
