// Encoder + DINO head, the seed's ViTTinyDINO; names "encoder.*" and "head.*".
#pragma once

#include "model/dino_head.h"
#include "model/vision_transformer.h"

namespace dino {

class DinoModelImpl : public torch::nn::Module {
public:
    DinoModelImpl(const ModelConfig& cfg, int img_size);
    torch::Tensor forward(const torch::Tensor& x);  // head(encoder(x))
    VisionTransformer encoder{nullptr};
    DinoHead head{nullptr};
    ModelConfig config;
    int img_size;
};
TORCH_MODULE(DinoModel);

// Number of elements of the parameters (trainable only, or all).
int64_t countParameters(const torch::nn::Module& m, bool trainable_only);

}  // namespace dino
