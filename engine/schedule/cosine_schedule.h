// The seed's cosine_schedule (numpy semantics: np.linspace warmup including its end point, then
// cosine over the remaining steps) and the four DINO training schedules of Part IV.
#pragma once

#include "common/config.h"

#include <cstdint>
#include <vector>

namespace dino {

std::vector<double> cosineSchedule(double base_value, double final_value, int64_t total_steps,
                                   int64_t warmup_steps = 0, double start_warmup_value = 0.0);

// The seed's CosineSchedule class: warmup_steps = int(warmup_pct * total_steps); value(step) clamps
// step to total_steps - 1.
class CosineSchedule {
public:
    CosineSchedule() = default;
    CosineSchedule(double base_value, double final_value, double warmup_pct, double start_warmup_value, int64_t total_steps);
    double operator()(int64_t step) const;
    const std::vector<double>& values() const { return values_; }

private:
    std::vector<double> values_;
};

struct TrainingSchedules {
    CosineSchedule lr, wd, teacher_temp, momentum;
    int64_t total_steps = 0;
    // lr 5e-4 -> 2e-4 (10% warmup from 0); wd 0.02 -> 0.04; teacher temp 0.04 -> 0.07 over 10%
    // then constant; EMA momentum 0.992 -> 0.996 (values from cfg).
    static TrainingSchedules fromConfig(const OptimConfig& cfg, int64_t total_steps);
};

}  // namespace dino
