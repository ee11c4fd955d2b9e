#include "model/dino_head.h"

#include "model/fast_gelu.h"
#include "model/init.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dino {

namespace {
// nn.GELU() through the exact-erf kernel (fp32 and bf16; libtorch 1.13's bf16 GELU calls erf per
// element). No parameters, so the Sequential's indices and the state_dict keys stay timm's/DINO's.
class FastGeluModuleImpl : public torch::nn::Module {
public:
    torch::Tensor forward(const torch::Tensor& x) { return fastGelu(x); }
};
TORCH_MODULE(FastGeluModule);
}  // namespace

DinoHeadImpl::DinoHeadImpl(int in_dim_, int out_dim_, int nlayers_, int hidden_dim_, int bottleneck_dim_,
                           bool norm_last_layer)
    : in_dim(in_dim_), out_dim(out_dim_), nlayers(nlayers_), hidden_dim(hidden_dim_), bottleneck_dim(bottleneck_dim_) {
    if (nlayers < 1)
        throw std::invalid_argument("DINOHead: nlayers must be >= 1 (got " + std::to_string(nlayers) + ")");
    if (in_dim <= 0 || out_dim <= 0 || bottleneck_dim <= 0 || (nlayers > 1 && hidden_dim <= 0))
        throw std::invalid_argument("DINOHead: in_dim, out_dim, hidden_dim and bottleneck_dim must be > 0 (got " +
                                    std::to_string(in_dim) + ", " + std::to_string(out_dim) + ", " +
                                    std::to_string(hidden_dim) + ", " + std::to_string(bottleneck_dim) + ")");
    if (nlayers == 1) {
        mlp_linear = register_module("mlp", torch::nn::Linear(in_dim, bottleneck_dim));
    } else {
        torch::nn::Sequential seq;
        seq->push_back(torch::nn::Linear(in_dim, hidden_dim));
        seq->push_back(FastGeluModule());
        for (int i = 0; i < nlayers - 2; ++i) {
            seq->push_back(torch::nn::Linear(hidden_dim, hidden_dim));
            seq->push_back(FastGeluModule());
        }
        seq->push_back(torch::nn::Linear(hidden_dim, bottleneck_dim));
        mlp = register_module("mlp", seq);
    }
    // nn.utils.weight_norm(nn.Linear(bottleneck, out, bias=False)) registers weight_g then weight_v; official
    // DINO fills weight_g with 1 and freezes it when norm_last_layer is set.
    auto last_layer = std::make_shared<torch::nn::Module>("WeightNormLinear");
    weight_g = last_layer->register_parameter("weight_g", torch::ones({out_dim, 1}),
                                              /*requires_grad=*/!norm_last_layer);
    weight_v = last_layer->register_parameter("weight_v", torch::empty({out_dim, bottleneck_dim}));
    register_module("last_layer", last_layer);
    resetParameters();
}

void DinoHeadImpl::resetParameters() {
    torch::NoGradGuard no_grad;
    auto initLinear = [](torch::nn::LinearImpl& lin) {
        truncNormal_(lin.weight, 0.02);
        lin.bias.zero_();
    };
    if (mlp_linear) {
        initLinear(*mlp_linear);
    } else {
        for (auto& m : mlp->children())
            if (auto* lin = m->as<torch::nn::Linear>())
                initLinear(*lin);
    }
    // Official DINO applies its trunc_normal init before creating last_layer, so weight_v keeps
    // nn.Linear's default init (kaiming_uniform, a = sqrt(5): U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
    torch::nn::init::kaiming_uniform_(weight_v, std::sqrt(5.0));
    weight_g.fill_(1.0);
}

torch::Tensor DinoHeadImpl::lastLayerWeight() const {
    // torch._weight_norm(v, g, dim=0): v * g / ||v|| with the norm over each output row.
    return weight_v * (weight_g / weight_v.norm(2, {1}, /*keepdim=*/true));
}

torch::Tensor DinoHeadImpl::forward(const torch::Tensor& x) {
    if (x.dim() < 1 || x.size(-1) != in_dim)
        throw std::invalid_argument("DINOHead: expected input (..., " + std::to_string(in_dim) + "), got " +
                                    c10::str(x.sizes()));
    auto h = mlp_linear ? mlp_linear->forward(x) : mlp->forward(x);
    h = torch::nn::functional::normalize(h, torch::nn::functional::NormalizeFuncOptions().p(2).dim(-1).eps(1e-12));
    return torch::nn::functional::linear(h, lastLayerWeight());
}

}  // namespace dino
