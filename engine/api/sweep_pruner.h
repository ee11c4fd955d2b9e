// Early stopping for sweeps: the rules that decide, at each point of a trial's live k-NN curve,
// whether the trial goes on or is pruned. Pure and deterministic (no torch, no files, no clock):
// the decisions are a function of the reports alone, so a resumed sweep rebuilds the same state by
// replaying the reports it stored.
//
// A "trial" here is one run (one configuration with one seed). Higher values are better (accuracies).
//
// Rules (the names of a sweep spec's early_stopping.rule):
//   median              Optuna's MedianPruner: at a report step s >= warmup_steps, the trial is pruned
//                       when its best value so far is below the median of the values the other trials
//                       reported at the same step s, provided at least min_trials others reported s.
//   successive_halving  Asynchronous successive halving (ASHA, Li et al. 2020; Optuna's
//                       SuccessiveHalvingPruner): rungs at min_steps * eta^k. The first report at or
//                       after a rung's step is the trial's value at that rung. It continues when that
//                       value is among the top max(1, floor(n / eta)) of the n values recorded at the
//                       rung so far (its own included; ties continue), else it is pruned. Decisions are
//                       made when a trial reaches a rung, against the trials that reached it before:
//                       nothing waits for a rung to fill, and a pruned trial is never revived.
//   hyperband           Hyperband's brackets over ASHA (as Optuna's HyperbandPruner): configuration c
//                       belongs to bracket c mod B; bracket b runs successive halving with rungs from
//                       min_steps * eta^b, and trials compete only within their bracket.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace dino::api {

struct PrunerSettings {
    std::string rule;               // "median", "successive_halving", "hyperband"
    int64_t warmup_steps = 0;       // median: no decision before this step
    int min_trials = 1;             // median: other trials that must have reported the step
    int64_t min_steps = 0;          // successive halving / hyperband: the first rung's step (> 0)
    int eta = 3;                    // successive halving / hyperband: reduction factor (>= 2)
    int brackets = 1;               // hyperband: number of brackets (>= 1)
};

struct PrunerDecision {
    bool prune = false;
    // One line for the sweep log: the values compared and the verdict, e.g.
    // "step 8: best 0.41 < median 0.45 of 3 other trials -> pruned". Empty when no rule applied
    // (before warm-up, between rungs).
    std::string reason;
};

class Pruner {
public:
    virtual ~Pruner() = default;
    // A new point of `trial`'s curve: `config` is its configuration's index (hyperband's bracket; the
    // other rules ignore it). Steps of one trial must increase; a step at or below the trial's last
    // one is ignored (a resumed run repeats points), and the decision is then "continue".
    virtual PrunerDecision report(int trial, int config, int64_t step, double value) = 0;
};

// Throws std::invalid_argument for an unknown rule or settings outside their range.
std::unique_ptr<Pruner> makePruner(const PrunerSettings& settings);

// The median of values (the mean of the two middle ones for an even count); NaN for none.
double medianOf(std::vector<double> values);

}  // namespace dino::api
