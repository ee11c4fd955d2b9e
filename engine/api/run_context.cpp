#include "api/run_context.h"

#include "api/run_directory.h"
#include "api/training_run.h"
#include "data/medmnist_registry.h"
#include "evaluation/knn_evaluation.h"
#include "training/plan.h"

#include <filesystem>
#include <stdexcept>

namespace dino::api {

namespace fs = std::filesystem;

RunConfig loadRunConfig(const std::string& run_dir) {
    const std::string cfg_path = runConfigPath(run_dir);
    if (!fs::exists(cfg_path))
        throw std::runtime_error(run_dir + " is not a run directory: " + cfg_path + " does not exist");
    return loadConfigFile(cfg_path);
}

RunContext openRunContext(const std::string& run_dir, const std::string& checkpoint) {
    RunContext c;
    c.dir = run_dir;
    c.cfg = loadRunConfig(run_dir);
    c.checkpoint = checkpoint.empty() ? lastCheckpointPath(run_dir) : checkpoint;
    if (!fs::exists(c.checkpoint))
        throw std::runtime_error(checkpoint.empty()
                                     ? "no checkpoint in " + run_dir + ": " + c.checkpoint +
                                           " does not exist (train first, or pass a checkpoint file)"
                                     : "checkpoint " + c.checkpoint + " does not exist");
    c.reader = std::make_shared<CheckpointReader>(c.checkpoint);
    c.info = c.reader->info();
    // The architecture is the one the checkpoint was trained with, even if config.json was edited since.
    if (!c.info.config_json.empty()) c.cfg.model = configFromJson(c.info.config_json, c.checkpoint).model;
    return c;
}

EvalData openEvalData(const RunConfig& cfg, const std::vector<std::string>& splits) {
    EvalData d;
    try {
        d.path = resolveDatasetPath(cfg.data);
        const MedmnistDataset* info = medmnistForFile(d.path);
        if (!info) info = findMedmnist(cfg.data.dataset);
        if (info) d.class_names = info->class_names;
        const int n_classes = int(d.class_names.size());
        for (const auto& s : splits) d.splits[s] = loadSplit(d.path, s, n_classes);
        // Normalisation exactly as the trainer computed it: from the images it trained on.
        ImageSet train = d.splits.count(cfg.data.train_split) ? d.splits.at(cfg.data.train_split)
                                                              : loadSplit(d.path, cfg.data.train_split, n_classes);
        const int64_t n = trainingSetSize(cfg, train.size());
        if (n < train.size()) {
            train.images = train.images.narrow(0, 0, n);
            train.labels = train.labels.narrow(0, 0, n);
        }
        d.norm = normalizationFor(cfg, train);
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw DataError(e.what());
    }
    return d;
}

int evalImageSize(const RunContext& c, const ImageSet& any) {
    const int size = any.imageSize();
    if (c.info.img_size > 0 && c.info.img_size != size)
        throw DataError(any.source + " has " + std::to_string(size) + "x" + std::to_string(size) + " images, but " +
                        c.checkpoint + " was trained on " + std::to_string(c.info.img_size) + "x" +
                        std::to_string(c.info.img_size));
    return size;
}

DinoModel analysisModel(RunContext& c, const std::string& which, int img_size) {
    if (which == "random-init") return randomInitModel(c.cfg, img_size);
    if (which != "teacher" && which != "student")
        throw std::invalid_argument("model must be teacher, student or random-init (got '" + which + "')");
    return c.reader->model(c.cfg.model, img_size, which);
}

// The run, with its checkpoint when the model comes from one. Random init needs only config.json,
// so a run can be looked at before its first checkpoint.
RunContext openForModel(const std::string& run_dir, const ModelSource& source) {
    if (source.model != "teacher" && source.model != "student" && source.model != "random-init")
        throw std::invalid_argument("model must be teacher, student or random-init (got '" + source.model + "')");
    if (source.model == "random-init" && source.checkpoint.empty() && !fs::exists(lastCheckpointPath(run_dir))) {
        RunContext c;
        c.dir = run_dir;
        c.cfg = loadRunConfig(run_dir);
        return c;
    }
    return openRunContext(run_dir, source.checkpoint);
}

std::vector<std::string> classNamesFor(const EvalData& d, int num_classes) {
    std::vector<std::string> names;
    for (int i = 0; i < num_classes; ++i)
        names.push_back(i < int(d.class_names.size()) ? d.class_names[size_t(i)] : "class " + std::to_string(i));
    return names;
}

RgbImage toRgb(const torch::Tensor& hwc_u8) {
    const auto t = hwc_u8.contiguous();
    RgbImage img;
    img.height = int(t.size(0));
    img.width = int(t.size(1));
    img.pixels.assign(t.data_ptr<uint8_t>(), t.data_ptr<uint8_t>() + t.numel());
    return img;
}

std::vector<float> toFloats(const torch::Tensor& t) {
    const auto c = t.to(torch::kCPU, torch::kFloat).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace dino::api
