// Exchanging a run's results with other tools: teacher features as .npy, encoder weights as
// timm-compatible safetensors in both directions, the curves and results as TensorBoard event files.
// Torch-free.
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

// The run's curves and results as a TensorBoard event file in <logdir>/<run name>/, so that runs can be viewed
// in TensorBoard (`tensorboard --logdir LOGDIR`) beside runs of other tools:
//   train/<column>   every column of metrics.csv by step (loss, lr, wd, teacher_temp, momentum,
//                    teacher_entropy, kl_uniform, ...), wall time = the run's start + elapsed_seconds;
//   knn/<column>     every column of knn.csv (the live k-NN curve and its random-init lines);
//   eval/...         eval.json's results (teacher and random init) at the last step;
//   HParams          every config field as an hparam (TensorBoard's HParams tab), with the session's end
//                    status from status.json.
// A run that is still training is written as it is now. Throws naming the file that cannot be read.
struct TensorBoardExport {
    std::string file;       // the event file written
    int64_t scalars = 0;    // scalar events
    int tags = 0;           // distinct scalar tags
    int hparams = 0;        // config fields written as hparams
};
TensorBoardExport exportTensorBoard(const std::string& run_dir, const std::string& logdir);

}  // namespace dino::api
