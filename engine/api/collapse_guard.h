// The collapse guard: classifies a DINO run, step by step, as healthy, collapsing to uniform targets
// or collapsing to one label, from the collapse indicators of the last steps, with a short
// explanation and advice that names the config fields to change. Torch-free: the trainer's recorder
// (log.txt, status.json, the CLI's warning) and the GUI's banner use the same classifier.
#pragma once

#include "api/types.h"
#include "common/config.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace dino::api {

enum class CollapseState {
    Warmup,    // too early to say (the first steps of every run look uniform)
    Healthy,   // sharp teacher targets spread over many labels
    Uniform,   // every teacher target is close to uniform, or the student's features coincide
    OneHot,    // the teacher assigns the batch to a few labels
};

struct CollapseVerdict {
    CollapseState state = CollapseState::Warmup;
    int64_t step = -1;              // the last step looked at
    double entropy_fraction = 0;    // mean teacher entropy / log K over the window (1 = uniform targets)
    double spread_fraction = 0;     // entropy of the mean teacher distribution / log K (0 = one label)
    double student_std = 0;         // mean featureSpread of the student's class tokens (NaN if unknown)
    // How far the teacher entropy fell across the window: mean of its first half minus mean of its
    // second half, / log K (> 0: the targets are sharpening, leaving the uniform start).
    double entropy_fall = 0;
    std::string explanation;        // one or two sentences, English
    // Config changes that get a run out of this state (field, JSON value), in the order to try them.
    std::vector<std::pair<std::string, std::string>> advice;
};

const char* collapseStateName(CollapseState s);  // "warmup", "healthy", "uniform", "one-hot"
bool isCollapse(CollapseState s);

// Every DINO run starts near uniform targets, so "entropy near log K" alone cries wolf in a healthy run
// (the quick preset starts at 97 % of log 64 and falls below 90 % only after about 30 steps). A uniform
// collapse is a teacher that stays there: entropy above 90 % of log K that does not fall (by at least
// kMinFall across the window). And a verdict changes only after the new state has held for a few steps
// in a row (hysteresis); a uniform collapse ends only below kUniformExit. The numbers come from
// recorded runs of the quick preset (3 seeds) and of the seed preset (tests/support/collapse_*.csv).
class CollapseGuard {
public:
    // total_steps: of the whole run; the first max(10, warmup) steps are Warmup.
    CollapseGuard(const RunConfig& cfg, int64_t total_steps);
    // Adds one step's metrics and returns the verdict over the last window of steps.
    const CollapseVerdict& observe(const StepMetrics& m);
    const CollapseVerdict& verdict() const { return verdict_; }

    // Thresholds (fractions of log K), public so that tests and docs name the same numbers.
    static constexpr double kUniformEntropy = 0.9;  // mean teacher entropy above 90 % of log K
    static constexpr double kUniformExit = 0.88;    // ... and a uniform collapse ends below 88 %
    static constexpr double kMinFall = 0.005;       // a window whose entropy falls less is not leaving uniform
    static constexpr double kOneHotSpread = 0.35;   // mean distribution's entropy below 35 % of log K
    static constexpr double kMinStudentStd = 0.05;  // class tokens all but identical

private:
    RunConfig cfg_;
    int64_t grace_steps_ = 10;
    size_t window_ = 10;
    int confirm_ = 3;                         // steps a new collapse state (or its end) must hold in a row
    std::deque<StepMetrics> recent_;
    CollapseState candidate_ = CollapseState::Warmup;  // the state the last steps point to, not yet confirmed
    int candidate_steps_ = 0;
    CollapseVerdict verdict_;
};

// The advice applied to a config (each field set with applyOverride); the GUI's "apply" link.
RunConfig applyCollapseAdvice(const RunConfig& cfg, const CollapseVerdict& v);

}  // namespace dino::api
