#include "api/run_plan.h"

#include "common/cpu_features.h"
#include "training/plan.h"

namespace dino::api {

RunPlan planRun(const RunConfig& cfg, int64_t split_size) {
    RunPlan plan = makeRunPlan(cfg, trainingSetSize(cfg, split_size));
    // What the configuration asks for; the run resolves "auto" when it starts.
    plan.device = cfg.system.device;
    plan.precision = cfg.system.precision;
    plan.processes = cfg.system.processes;
    plan.threads = threadsPerProcess(cfg.system.threads, physicalCores(), cfg.system.processes);
    return plan;
}

}  // namespace dino::api
