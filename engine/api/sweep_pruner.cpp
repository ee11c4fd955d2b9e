#include "api/sweep_pruner.h"

#include "common/config_schema.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace dino::api {

double medianOf(std::vector<double> v) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

namespace {

std::string num(double v) { return formatNumber(v); }

// The last step of each trial, shared by the rules: repeated or older points are ignored.
class StepGuard {
public:
    bool fresh(int trial, int64_t step) {
        auto it = last_.find(trial);
        if (it != last_.end() && step <= it->second) return false;
        last_[trial] = step;
        return true;
    }

private:
    std::map<int, int64_t> last_;
};

class MedianPruner : public Pruner {
public:
    explicit MedianPruner(const PrunerSettings& s) : s_(s) {}

    PrunerDecision report(int trial, int, int64_t step, double value) override {
        if (!steps_.fresh(trial, step)) return {};
        values_[step][trial] = value;
        double& best = best_.try_emplace(trial, value).first->second;
        best = std::max(best, value);
        if (step < s_.warmup_steps) return {};
        std::vector<double> others;
        for (const auto& [t, v] : values_[step])
            if (t != trial) others.push_back(v);
        const std::string head = "step " + std::to_string(step) + ": best " + num(best);
        if (static_cast<int>(others.size()) < s_.min_trials)
            return {false, head + ", " + std::to_string(others.size()) + " other trial(s) at this step (min_trials " +
                               std::to_string(s_.min_trials) + ") -> continued"};
        const double median = medianOf(others);
        const bool prune = best < median;
        return {prune, head + (prune ? " < " : " >= ") + "median " + num(median) + " of " + std::to_string(others.size()) +
                           " other trial(s) -> " + (prune ? "pruned" : "continued")};
    }

private:
    PrunerSettings s_;
    StepGuard steps_;
    std::map<int64_t, std::map<int, double>> values_;  // step -> trial -> value
    std::map<int, double> best_;
};

// Asynchronous successive halving in brackets (one bracket: plain ASHA).
class HalvingPruner : public Pruner {
public:
    explicit HalvingPruner(const PrunerSettings& s) : s_(s) {}

    PrunerDecision report(int trial, int config, int64_t step, double value) override {
        if (!steps_.fresh(trial, step)) return {};
        const int bracket = s_.brackets > 1 ? ((config % s_.brackets) + s_.brackets) % s_.brackets : 0;
        int& next = next_rung_[trial];  // the first rung this trial has not reached yet
        PrunerDecision d;
        for (;; ++next) {
            const int64_t rung_step = rungStep(bracket, next);
            if (rung_step > step) break;
            std::vector<double>& rung = rungs_[{bracket, next}];
            rung.push_back(value);
            std::vector<double> sorted = rung;
            std::sort(sorted.begin(), sorted.end(), std::greater<double>());
            const size_t keep = std::max<size_t>(1, sorted.size() / static_cast<size_t>(s_.eta));
            const double cutoff = sorted[keep - 1];
            const bool prune = value < cutoff;
            if (!d.reason.empty()) d.reason += "; ";
            d.reason += "step " + std::to_string(step) + ", rung " + std::to_string(next) +
                        (s_.brackets > 1 ? " of bracket " + std::to_string(bracket) : std::string()) + " (step " +
                        std::to_string(rung_step) + "): " + num(value) + (prune ? " < " : " >= ") + "cut-off " + num(cutoff) +
                        " (top " + std::to_string(keep) + " of " + std::to_string(sorted.size()) + ") -> " +
                        (prune ? "pruned" : "continued");
            if (prune) {
                d.prune = true;
                ++next;
                break;
            }
        }
        return d;
    }

private:
    int64_t rungStep(int bracket, int k) const {
        const double r = static_cast<double>(s_.min_steps) * std::pow(static_cast<double>(s_.eta), bracket + k);
        return r > 9e18 ? std::numeric_limits<int64_t>::max() : static_cast<int64_t>(r);
    }

    PrunerSettings s_;
    StepGuard steps_;
    std::map<int, int> next_rung_;
    std::map<std::pair<int, int>, std::vector<double>> rungs_;  // (bracket, rung) -> values recorded
};

}  // namespace

std::unique_ptr<Pruner> makePruner(const PrunerSettings& s) {
    if (s.rule == "median") {
        if (s.warmup_steps < 0) throw std::invalid_argument("warmup_steps must be >= 0");
        if (s.min_trials < 1) throw std::invalid_argument("min_trials must be >= 1");
        return std::make_unique<MedianPruner>(s);
    }
    if (s.rule == "successive_halving" || s.rule == "hyperband") {
        if (s.min_steps < 1) throw std::invalid_argument("min_steps must be >= 1");
        if (s.eta < 2) throw std::invalid_argument("eta must be >= 2");
        if (s.brackets < 1) throw std::invalid_argument("brackets must be >= 1");
        PrunerSettings t = s;
        if (s.rule == "successive_halving") t.brackets = 1;
        return std::make_unique<HalvingPruner>(t);
    }
    throw std::invalid_argument("unknown rule '" + s.rule + "' (expected median, successive_halving or hyperband)");
}

}  // namespace dino::api
