// The plan of a run not started yet (steps, epochs and the four schedules), for the GUI to draw the
// schedules from the form before Start. Torch-free.
#pragma once

#include "api/types.h"
#include "common/config.h"

#include <cstdint>

namespace dino::api {

// The plan cfg would train on a training split of split_size images (data.subset applied).
// Device and precision as configured ("auto" is resolved when the run starts), the threads each
// process would use; no parameter count.
RunPlan planRun(const RunConfig& cfg, int64_t split_size);

}  // namespace dino::api
