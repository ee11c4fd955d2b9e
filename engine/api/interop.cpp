// Encoder weights files for `dino import` and the GUI (api/interop.h); exportEmbeddings lives with the
// other run-checkpoint readers in api/evaluation.cpp.
#include "api/interop.h"

#include "common/fsutil.h"
#include "evaluation/rng_guard.h"
#include "export/encoder_weights.h"
#include "model/vision_transformer.h"

#include <filesystem>

namespace dino::api {

namespace fs = std::filesystem;

std::string labelsPathFor(const std::string& features_path) {
    const std::string ext = ".npy";
    if (features_path.size() > ext.size() && features_path.compare(features_path.size() - ext.size(), ext.size(), ext) == 0)
        return features_path.substr(0, features_path.size() - ext.size()) + ".labels.npy";
    return features_path + ".labels.npy";
}

WeightsInfo inspectWeights(const std::string& path) {
    const auto f = readSafetensors(expandHome(path));
    WeightsInfo w;
    w.path = path;
    w.tensors = int64_t(f.tensors.size());
    for (const auto& t : f.tensors) w.values += t.tensor.numel();
    for (const auto& [k, v] : f.metadata) w.metadata.emplace_back(k, v);
    if (const auto o = vitOptionsFromMetadata(f.metadata, path)) {
        w.has_architecture = true;
        w.img_size = o->img_size;
        w.patch_size = o->patch_size;
        w.embed_dim = o->embed_dim;
        w.depth = o->depth;
        w.num_heads = o->num_heads;
        w.mlp_ratio = o->mlp_ratio;
    }
    return w;
}

RunConfig configForWeights(const RunConfig& cfg, const std::string& weights_path) {
    const std::string path = fs::absolute(expandHome(weights_path)).string();
    const auto file = readSafetensors(path);
    RunConfig out = cfg;
    out.model.init_weights = path;
    if (const auto o = vitOptionsFromMetadata(file.metadata, path)) {
        if (o->img_size != cfg.data.size)
            throw std::runtime_error(path + ": the weights are for " + std::to_string(o->img_size) + "x" +
                                     std::to_string(o->img_size) + " images, but data.size is " +
                                     std::to_string(cfg.data.size));
        out.model.patch_size = o->patch_size;
        out.model.embed_dim = o->embed_dim;
        out.model.depth = o->depth;
        out.model.num_heads = o->num_heads;
        out.model.mlp_ratio = o->mlp_ratio;
    }
    const auto errors = validate(out);
    if (!errors.empty()) throw ConfigError(path, errors);
    CpuRngGuard keep_rng;  // building the probe model draws initial weights
    VisionTransformer probe(VitOptions::fromConfig(out.model, cfg.data.size));
    loadEncoderWeights(probe, file, path);
    return out;
}

}  // namespace dino::api
