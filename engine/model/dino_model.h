// Encoder + DINO head, the seed's ViTTinyDINO; names "encoder.*" and "head.*". A model trained with iBOT
// (optim.ibot_weight > 0) also has the encoder's mask token "encoder.mask_token" and, with
// model.ibot_separate_head, a head for the patch tokens "ibot_head.*"; every other model has neither, so
// its parameters, checkpoints and exports are what they were.
#pragma once

#include "model/dino_head.h"
#include "model/vision_transformer.h"

namespace dino {

class DinoModelImpl : public torch::nn::Module {
public:
    // ibot: add the mask token (and the separate patch head when cfg.ibot_separate_head).
    DinoModelImpl(const ModelConfig& cfg, int img_size, bool ibot = false);
    torch::Tensor forward(const torch::Tensor& x);  // head(encoder(x))
    // The head of the patch tokens: ibot_head where there is one, else the DINO head.
    DinoHead& patchHead() { return ibot_head ? ibot_head : head; }
    VisionTransformer encoder{nullptr};
    DinoHead head{nullptr};
    DinoHead ibot_head{nullptr};  // iBOT with model.ibot_separate_head only
    ModelConfig config;
    int img_size;
    bool ibot = false;
};
TORCH_MODULE(DinoModel);

// Number of elements of the parameters (trainable only, or all).
int64_t countParameters(const torch::nn::Module& m, bool trainable_only);

}  // namespace dino
