// Internal to engine/api (uses torch): a run directory opened for analysis (evaluation, pseudo-labels,
// embeddings, attention maps, the embedding map): its config, its checkpoint read once, and its data.
#pragma once

#include "api/inspection.h"
#include "api/types.h"
#include "common/config.h"
#include "data/dataset.h"
#include "model/dino_model.h"
#include "training/checkpoint.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dino::api {

struct RunContext {
    std::string dir;
    RunConfig cfg;           // config.json, with the model section the checkpoint was trained with
    std::string checkpoint;  // the given file, or the run's last.ckpt
    CheckpointInfo info;
    std::shared_ptr<CheckpointReader> reader;  // the checkpoint, read and checked once
};

// The data an analysis reads: the named splits and the normalisation used in training.
struct EvalData {
    std::string path;
    std::vector<std::string> class_names;  // empty for data sets the registry does not know
    std::map<std::string, ImageSet> splits;
    Normalization norm;
};

// <run_dir>/config.json, parsed and validated; throws naming run_dir when it is not a run directory.
RunConfig loadRunConfig(const std::string& run_dir);

// Throws naming run_dir or the checkpoint when either is missing or unreadable.
RunContext openRunContext(const std::string& run_dir, const std::string& checkpoint);
// Throws DataError (training_run.h) when the data cannot be opened, ConfigError for a bad config.
EvalData openEvalData(const RunConfig& cfg, const std::vector<std::string>& splits);
// The images' size, checked against the size the checkpoint was trained on (DataError otherwise).
int evalImageSize(const RunContext& c, const ImageSet& any);

// The model to analyse: "teacher" or "student" of the checkpoint, or "random-init" (the run's seed,
// untrained; randomInitModel). Throws std::invalid_argument for another name.
DinoModel analysisModel(RunContext& c, const std::string& which, int img_size);

// The run for looking inside a model (attention maps, the embedding map), with its checkpoint when the
// model comes from one. Random init needs only config.json, so a run can be looked at before its
// first checkpoint. Throws std::invalid_argument for a model that is not teacher, student or random-init.
RunContext openForModel(const std::string& run_dir, const ModelSource& source);
// num_classes names: the data set's, "class N" where it has none.
std::vector<std::string> classNamesFor(const EvalData& d, int num_classes);
// An (H, W, 3) uint8 tensor as an RgbImage; a tensor's values as floats (CPU, contiguous).
RgbImage toRgb(const torch::Tensor& hwc_u8);
std::vector<float> toFloats(const torch::Tensor& t);

}  // namespace dino::api
