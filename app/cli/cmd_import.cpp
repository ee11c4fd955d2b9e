// `dino import`: checks timm-named safetensors weights against a run configuration and writes the
// configuration that starts a run from them.
#include "config_args.h"
#include "parser.h"

#include "api/interop.h"
#include "common/config.h"

#include <cstdio>

namespace dino::cli {
namespace {

int runImport(const Args& args) {
    std::string weights, out;
    ConfigArgs config;
    Parser p("import",
             "Checks that a safetensors file with timm VisionTransformer names (e.g. from `dino export`, or\n"
             "timm's state_dict saved with safetensors) loads into the encoder of a run configuration, and\n"
             "writes that configuration with model.init_weights set to the file, so that\n"
             "`dino train --config cfg.json --run DIR` starts from these weights instead of random ones.\n"
             "When the file's metadata names its architecture (timm_args), the model fields are taken from it.\n");
    p.positional("WEIGHTS.safetensors", weights, "the weights to check");
    config.define(p);
    p.text("--out", out, "FILE", "write the configuration here (otherwise only the check and a hint are printed)");
    if (auto code = p.parse(args)) return *code;
    const RunConfig base = config.build();

    const auto w = api::inspectWeights(weights);
    std::printf("%s: %lld tensors, %lld values\n", weights.c_str(), static_cast<long long>(w.tensors),
                static_cast<long long>(w.values));
    if (w.has_architecture)
        std::printf("architecture: ViT img_size %d, patch %d, embed_dim %d, depth %d, heads %d, mlp_ratio %g\n",
                    w.img_size, w.patch_size, w.embed_dim, w.depth, w.num_heads, w.mlp_ratio);
    else
        std::printf("no timm_args metadata: the configuration's model fields are used as they are\n");
    const RunConfig cfg = api::configForWeights(base, weights);
    std::printf("ok: every tensor matches the encoder of the configuration by name, shape and dtype\n");
    if (out.empty()) {
        std::printf("start a run from these weights with:\n  dino train ... --set model.init_weights=%s\n",
                    cfg.model.init_weights.c_str());
    } else {
        saveConfigFile(cfg, out);
        std::printf("wrote %s (model.init_weights = %s)\nstart the run with:\n  dino train --config %s --run DIR\n",
                    out.c_str(), cfg.model.init_weights.c_str(), out.c_str());
    }
    return int(kOk);
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("import", "check timm-named safetensors weights and configure a run to start from them", dino::cli::runImport);
