// Checkpoints of a run: student, teacher, optimizer state, loss centre, epoch/step, RNG state.
// Files live in <run>/checkpoints/: epoch_NNN.ckpt after each epoch, last.ckpt = the newest good one
// (also written on cancel). Always written to a temp name and renamed.
#pragma once

#include "loss/dino_loss.h"
#include "model/dino_model.h"

#include <string>

namespace dino {

// <run_dir>/checkpoints/last.ckpt (may not exist yet).
std::string lastCheckpointPath(const std::string& run_dir);

// <run_dir>/checkpoints/epoch_NNN.ckpt for a 0-based epoch.
std::string epochCheckpointPath(const std::string& run_dir, int epoch);

// The teacher (default) or student model stored in a checkpoint, built with the run's model config
// and image size, in eval mode, on CPU. Throws naming the file when it is missing or unreadable.
DinoModel loadModelFromCheckpoint(const std::string& ckpt_path, const ModelConfig& cfg, int img_size,
                                  const std::string& which = "teacher");

// Where a checkpoint stands: `step` steps were done (the next step to run is `step`), the last of
// them in epoch `epoch` (0-based; -1 before the first step).
struct CheckpointInfo {
    int epoch = -1;
    int64_t step = 0;
    int img_size = 0;
    std::string config_json;  // the run's configuration when it was written
    bool weights_only = false;  // an epoch snapshot without optimizer and RNG state (not resumable)
};
CheckpointInfo readCheckpointInfo(const std::string& ckpt_path);

// Everything a run needs to continue bit-exactly. The referenced objects are read or overwritten.
struct TrainingState {
    DinoModel& student;
    DinoModel& teacher;
    torch::optim::Optimizer& optimizer;
    DinoLoss& loss;
    CheckpointInfo info;
};

// The checkpoint's bytes (torch::serialize archive), and atomic writes of them to a path. With
// weights_only: student, teacher and loss centre only (what evaluation and the views need; about
// half the size), marked so that a resume from it fails with a clear message.
std::string serializeCheckpoint(const TrainingState& s, bool weights_only = false);
void saveCheckpoint(const TrainingState& s, const std::string& path);
void writeCheckpointBytes(const std::string& bytes, const std::string& path);

// Restores models, optimizer, loss centre and the default generators' states into s (tensors land on
// `device`), and returns the stored position. Throws naming the file on any mismatch.
CheckpointInfo loadCheckpoint(TrainingState& s, const std::string& path, torch::Device device);

// A checkpoint read, integrity-checked and parsed once: its position and any of its models, without
// reading the file again for each (evaluation needs the position before it can build the model).
class CheckpointReader {
public:
    explicit CheckpointReader(const std::string& path);  // throws like readCheckpointInfo
    const CheckpointInfo& info() const { return info_; }
    const std::string& path() const { return path_; }
    // Like loadModelFromCheckpoint: "teacher" or "student", eval mode, CPU, no gradients.
    DinoModel model(const ModelConfig& cfg, int img_size, const std::string& which = "teacher");

private:
    std::string path_;
    std::shared_ptr<torch::serialize::InputArchive> in_;
    CheckpointInfo info_;
};

// readCheckpointInfo and loadModelFromCheckpoint on bytes in memory (the fuzz targets); `name` is
// used in messages.
CheckpointInfo readCheckpointInfoFromBytes(const std::string& bytes, const std::string& name);
DinoModel loadModelFromBytes(const std::string& bytes, const ModelConfig& cfg, int img_size, const std::string& name,
                             const std::string& which = "teacher");

}  // namespace dino
