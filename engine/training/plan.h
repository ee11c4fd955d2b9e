// The shape of a run before it starts: training-set size, steps per epoch and the four per-step
// schedules. Shared by the trainer (which follows it) and loadRun (which redraws it from disk).
// Torch-free.
#pragma once

#include "common/run_types.h"
#include "common/config.h"

#include <cstdint>

namespace dino {

// Images actually trained on: the split's size, or data.subset of them when 0 < subset < size.
int64_t trainingSetSize(const RunConfig& cfg, int64_t split_size);

// Full batches per epoch (drop_last), capped by optim.max_steps_per_epoch when > 0.
int64_t stepsPerEpoch(int64_t dataset_size, int batch_size, int64_t max_steps_per_epoch);

// Steps, epochs and the lr / wd / teacher temperature / momentum values of every step.
// Device, threads and parameter counts are left for the caller to fill in.
api::RunPlan makeRunPlan(const RunConfig& cfg, int64_t dataset_size);

}  // namespace dino
