#include "model/dino_model.h"

namespace dino {

DinoModelImpl::DinoModelImpl(const ModelConfig& cfg, int img_size_, bool ibot_)
    : config(cfg), img_size(img_size_), ibot(ibot_) {
    encoder = register_module("encoder", VisionTransformer(VitOptions::fromConfig(cfg, img_size)));
    head = register_module("head", DinoHead(cfg.embed_dim, cfg.out_dim, cfg.head_nlayers, cfg.hiddenDim(),
                                            cfg.bottleneckDim(), cfg.norm_last_layer));
    if (!ibot) return;
    // After the encoder and the head: their initialisation draws what it draws without iBOT.
    encoder->enableMaskToken();
    if (cfg.ibot_separate_head)
        ibot_head = register_module("ibot_head", DinoHead(cfg.embed_dim, cfg.out_dim, cfg.head_nlayers, cfg.hiddenDim(),
                                                          cfg.bottleneckDim(), cfg.norm_last_layer));
}

torch::Tensor DinoModelImpl::forward(const torch::Tensor& x) { return head->forward(encoder->forward(x)); }

int64_t countParameters(const torch::nn::Module& m, bool trainable_only) {
    int64_t n = 0;
    for (const auto& p : m.parameters(/*recurse=*/true))
        if (!trainable_only || p.requires_grad())
            n += p.numel();
    return n;
}

}  // namespace dino
