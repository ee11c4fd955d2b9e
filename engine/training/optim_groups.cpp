#include "training/optim_groups.h"

namespace dino {

WeightDecayGroups splitWeightDecayGroups(const torch::nn::Module& m, bool no_wd_bias_norm) {
    WeightDecayGroups g;
    for (const auto& item : m.named_parameters(/*recurse=*/true)) {
        const auto& p = item.value();
        if (!p.requires_grad()) continue;
        const std::string& name = item.key();
        bool bias = name.size() >= 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
        if (no_wd_bias_norm && (bias || p.dim() == 1)) {
            g.not_regularized.push_back(p);
            g.not_regularized_names.push_back(name);
        } else {
            g.regularized.push_back(p);
        }
    }
    return g;
}

std::unique_ptr<torch::optim::AdamW> makeAdamW(const WeightDecayGroups& groups) {
    std::vector<torch::optim::OptimizerParamGroup> pg;
    pg.emplace_back(groups.regularized, std::make_unique<torch::optim::AdamWOptions>(0.0));
    if (!groups.not_regularized.empty()) {
        auto opts = std::make_unique<torch::optim::AdamWOptions>(0.0);
        opts->weight_decay(0.0);
        pg.emplace_back(groups.not_regularized, std::move(opts));
    }
    torch::optim::AdamWOptions defaults(0.0);
    return std::make_unique<torch::optim::AdamW>(std::move(pg), defaults);
}

void applyOptimizerSchedule(torch::optim::Optimizer& opt, double lr, double wd) {
    auto& groups = opt.param_groups();
    for (size_t i = 0; i < groups.size(); ++i) {
        auto& o = static_cast<torch::optim::AdamWOptions&>(groups[i].options());
        o.lr(lr);
        o.weight_decay(i == 0 ? wd : 0.0);
    }
}

double gradientNorm(const torch::nn::Module& m) {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> norms;
    for (const auto& p : m.parameters())
        if (p.grad().defined()) norms.push_back(p.grad().norm(2).to(torch::kFloat));
    if (norms.empty()) return 0;
    return torch::stack(norms).norm(2).item<double>();
}

void clipGradientsPerParameter(const torch::nn::Module& m, double clip) {
    torch::NoGradGuard no_grad;
    for (const auto& p : m.parameters()) {
        auto g = p.grad();
        if (!g.defined()) continue;
        // min(1, clip / (norm + 1e-6)) without a device sync; multiplying by exactly 1 changes nothing.
        auto coef = torch::scalar_tensor(clip, g.options()).div(g.norm(2) + 1e-6).clamp_max(1.0);
        g.mul_(coef);
    }
}

void cancelLastLayerGradients(torch::nn::Module& m) {
    for (auto& item : m.named_parameters(/*recurse=*/true)) {
        if (item.key().find("last_layer") == std::string::npos) continue;
        auto& p = item.value();
        if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
    }
}

}  // namespace dino
