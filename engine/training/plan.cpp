#include "training/plan.h"

#include "schedule/cosine_schedule.h"

#include <algorithm>

namespace dino {

int64_t trainingSetSize(const RunConfig& cfg, int64_t split_size) {
    if (cfg.data.subset > 0) return std::min<int64_t>(cfg.data.subset, split_size);
    return split_size;
}

int64_t stepsPerEpoch(int64_t dataset_size, int batch_size, int64_t max_steps_per_epoch) {
    if (batch_size <= 0 || dataset_size <= 0) return 0;
    int64_t n = dataset_size / batch_size;
    if (max_steps_per_epoch > 0) n = std::min(n, max_steps_per_epoch);
    return n;
}

api::RunPlan makeRunPlan(const RunConfig& cfg, int64_t dataset_size) {
    api::RunPlan p;
    p.dataset_size = dataset_size;
    p.epochs = cfg.optim.epochs;
    p.steps_per_epoch = stepsPerEpoch(dataset_size, cfg.optim.batch_size, cfg.optim.max_steps_per_epoch);
    p.total_steps = p.steps_per_epoch * p.epochs;
    p.precision = cfg.system.precision;
    if (p.total_steps <= 0) return p;
    auto s = TrainingSchedules::fromConfig(cfg.optim, p.total_steps);
    p.lr = s.lr.values();
    p.wd = s.wd.values();
    p.teacher_temp = s.teacher_temp.values();
    p.momentum = s.momentum.values();
    return p;
}

}  // namespace dino
