#include "schedule/cosine_schedule.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dino {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884;

// np.linspace(start, stop, num) with endpoint=True: start + i * step, the last value exactly stop.
std::vector<double> linspace(double start, double stop, int64_t num) {
    std::vector<double> y(static_cast<size_t>(num));
    if (num == 0)
        return y;
    const double step = (stop - start) / static_cast<double>(num > 1 ? num - 1 : 1);
    for (int64_t i = 0; i < num; ++i)
        y[static_cast<size_t>(i)] = static_cast<double>(i) * step + start;
    if (num > 1)
        y.back() = stop;
    return y;
}

}  // namespace

std::vector<double> cosineSchedule(double base_value, double final_value, int64_t total_steps, int64_t warmup_steps,
                                   double start_warmup_value) {
    if (total_steps < 1)
        throw std::invalid_argument("cosineSchedule: total_steps must be >= 1 (got " + std::to_string(total_steps) + ")");
    if (warmup_steps < 0 || warmup_steps > total_steps)
        throw std::invalid_argument("cosineSchedule: warmup_steps must be in [0, total_steps=" +
                                    std::to_string(total_steps) + "] (got " + std::to_string(warmup_steps) + ")");
    std::vector<double> schedule = linspace(start_warmup_value, base_value, warmup_steps);
    const int64_t n = total_steps - warmup_steps;  // len(iters)
    schedule.reserve(static_cast<size_t>(total_steps));
    for (int64_t i = 0; i < n; ++i) {
        const double c = std::cos(kPi * static_cast<double>(i) / static_cast<double>(n));
        schedule.push_back(final_value + 0.5 * (base_value - final_value) * (1.0 + c));
    }
    return schedule;
}

CosineSchedule::CosineSchedule(double base_value, double final_value, double warmup_pct, double start_warmup_value,
                               int64_t total_steps) {
    if (!(warmup_pct >= 0.0 && warmup_pct <= 1.0))
        throw std::invalid_argument("CosineSchedule: warmup_pct must be in [0, 1] (got " + std::to_string(warmup_pct) + ")");
    const auto warmup = static_cast<int64_t>(warmup_pct * static_cast<double>(total_steps));  // Python int()
    values_ = cosineSchedule(base_value, final_value, total_steps, warmup, start_warmup_value);
}

double CosineSchedule::operator()(int64_t step) const {
    if (values_.empty())
        throw std::logic_error("CosineSchedule: not initialised (constructed without total_steps)");
    if (step < 0)
        throw std::out_of_range("CosineSchedule: step must be >= 0 (got " + std::to_string(step) + ")");
    const auto last = static_cast<int64_t>(values_.size()) - 1;
    return values_[static_cast<size_t>(step < last ? step : last)];
}

TrainingSchedules TrainingSchedules::fromConfig(const OptimConfig& cfg, int64_t total_steps) {
    TrainingSchedules s;
    s.total_steps = total_steps;
    s.lr = CosineSchedule(cfg.lr, cfg.lr_final, cfg.lr_warmup_pct, 0.0, total_steps);
    s.wd = CosineSchedule(cfg.wd, cfg.wd_final, 0.0, 0.0, total_steps);
    s.teacher_temp = CosineSchedule(cfg.teacher_temp, cfg.teacher_temp, cfg.teacher_temp_warmup_pct,
                                    cfg.teacher_temp_start, total_steps);
    s.momentum = CosineSchedule(cfg.momentum, cfg.momentum_final, 0.0, 0.0, total_steps);
    return s;
}

}  // namespace dino
