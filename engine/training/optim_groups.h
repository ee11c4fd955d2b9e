// The optimizer-side options of official DINO (utils.get_params_groups, utils.clip_gradients,
// utils.cancel_gradients_last_layer), all off by default for fidelity to the seed.
#pragma once

#include <torch/torch.h>

#include <vector>

namespace dino {

// Trainable parameters split as official DINO does: biases (names ending in ".bias") and 1-D
// tensors (norm weights) go to `not_regularized` when no_wd_bias_norm, else everything is regularized.
struct WeightDecayGroups {
    std::vector<torch::Tensor> regularized, not_regularized;
    std::vector<std::string> not_regularized_names;
};
WeightDecayGroups splitWeightDecayGroups(const torch::nn::Module& m, bool no_wd_bias_norm);

// AdamW over the groups (group 0 regularized, group 1 — if any — never decayed), PyTorch defaults
// betas (0.9, 0.999), eps 1e-8.
std::unique_ptr<torch::optim::AdamW> makeAdamW(const WeightDecayGroups& groups);

// Sets this step's lr on every group and wd on group 0 (group 1 stays at 0).
void applyOptimizerSchedule(torch::optim::Optimizer& opt, double lr, double wd);

// The total L2 norm of the module's gradients, sqrt(sum over parameters of ||grad||^2) (parameters
// without a gradient add nothing), as torch.nn.utils.clip_grad_norm_ returns it: official DINO's
// grad_norm. 0 when no parameter has a gradient.
double gradientNorm(const torch::nn::Module& m);

// Each parameter's gradient is scaled by min(1, clip / (||grad|| + 1e-6)), as DINO's clip_gradients.
void clipGradientsPerParameter(const torch::nn::Module& m, double clip);

// Drops the gradients of the head's last layer (names containing "last_layer"), so AdamW leaves it
// untouched: DINO freezes it during the first epoch(s).
void cancelLastLayerGradients(torch::nn::Module& m);

}  // namespace dino
