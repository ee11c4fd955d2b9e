#include "api/run_plan.h"

#include "training/plan.h"

namespace dino::api {

RunPlan planRun(const RunConfig& cfg, int64_t split_size) {
    return makeRunPlan(cfg, trainingSetSize(cfg, split_size));
}

}  // namespace dino::api
