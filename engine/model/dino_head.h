// DINOHead(in_dim, out_dim, nlayers=3, hidden_dim=512, bottleneck_dim=128) as in the seed:
// nlayers-layer MLP with GELU between layers (none after the last), L2 normalisation, then a
// weight-normalised bias-free Linear(bottleneck, out_dim) whose lengths weight_g start at 1 and are frozen
// (norm_last_layer, the seed) or trained (official DINO's --norm_last_layer false).
// state_dict names: mlp.0.weight, mlp.0.bias, mlp.2.weight, ..., last_layer.weight_g, last_layer.weight_v
// (nlayers == 1: mlp.weight/mlp.bias as in official DINO).
#pragma once

#include <torch/torch.h>

namespace dino {

class DinoHeadImpl : public torch::nn::Module {
public:
    DinoHeadImpl(int in_dim, int out_dim, int nlayers = 3, int hidden_dim = 512, int bottleneck_dim = 128,
                 bool norm_last_layer = true);
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor lastLayerWeight() const;  // g * v / ||v|| per output row
    void resetParameters();  // MLP Linear: trunc_normal(0.02), bias 0; weight_v: Linear default; weight_g: 1
    torch::nn::Sequential mlp{nullptr};       // nlayers >= 2 (null when nlayers == 1)
    torch::nn::Linear mlp_linear{nullptr};    // nlayers == 1, registered as "mlp" (null otherwise)
    torch::Tensor weight_g, weight_v;  // (out_dim,1) ones (trainable unless norm_last_layer), (out_dim, bottleneck); in "last_layer"
    int in_dim, out_dim, nlayers, hidden_dim, bottleneck_dim;
};
TORCH_MODULE(DinoHead);

}  // namespace dino
