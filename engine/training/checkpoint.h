// Checkpoints of a run: student, teacher, optimizer state, loss centre, epoch/step, RNG state.
// Files live in <run>/checkpoints/: epoch_NNN.ckpt after each epoch, last.ckpt = the newest good one
// (also written on cancel). Always written to a temp name and renamed.
#pragma once

#include "model/dino_model.h"

#include <string>

namespace dino {

// <run_dir>/checkpoints/last.ckpt (may not exist yet).
std::string lastCheckpointPath(const std::string& run_dir);

// The teacher (default) or student model stored in a checkpoint, built with the run's model config
// and image size, in eval mode, on CPU. Throws naming the file when it is missing or unreadable.
DinoModel loadModelFromCheckpoint(const std::string& ckpt_path, const ModelConfig& cfg, int img_size,
                                  const std::string& which = "teacher");

}  // namespace dino
