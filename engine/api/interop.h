// Exchanging a run's results with other tools: teacher features as .npy, encoder weights as
// timm-compatible safetensors in both directions. Torch-free.
#pragma once

#include "api/analysis.h"
#include "common/config.h"

#include <atomic>
#include <string>
#include <utility>
#include <vector>

namespace dino::api {

struct EmbeddingFiles {
    std::string features;  // (N, D) float32, rows L2-normalised
    std::string labels;    // (N,) int64
    std::string split;
    int64_t n = 0;
    int dim = 0;
};

// "feats.npy" -> "feats.labels.npy" (any other name: name + ".labels.npy").
std::string labelsPathFor(const std::string& features_path);

// The teacher encoder's L2-normalised features of a split of the run's data set (un-augmented,
// normalised like training), written as .npy next to their labels. Both files are written atomically.
EmbeddingFiles exportEmbeddings(const std::string& run_dir, const std::string& split, const std::string& out_path,
                                const std::string& checkpoint = "", Progress progress = {},
                                const std::atomic<bool>* cancel = nullptr);

// What a safetensors weights file holds.
struct WeightsInfo {
    std::string path;
    int64_t tensors = 0;
    int64_t values = 0;
    std::vector<std::pair<std::string, std::string>> metadata;
    bool has_architecture = false;  // "timm_args" metadata present; then the fields below are set
    int img_size = 0, patch_size = 0, embed_dim = 0, depth = 0, num_heads = 0;
    double mlp_ratio = 0;
};
WeightsInfo inspectWeights(const std::string& path);

// The configuration that starts a run from these encoder weights: model.init_weights = the file's
// absolute path and, when the file names its architecture (timm_args), model.patch_size, embed_dim,
// depth, num_heads and mlp_ratio taken from it. Then checks that the weights load into that model for
// data.size images; throws naming the file and the tensor or argument that does not fit.
RunConfig configForWeights(const RunConfig& cfg, const std::string& weights_path);

}  // namespace dino::api
