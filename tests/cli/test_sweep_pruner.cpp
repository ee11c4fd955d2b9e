// The early-stopping rules of `dino sweep` against decisions computed by hand.
#include "api/sweep_pruner.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace dino::api;

namespace {

PrunerSettings median(int64_t warmup, int min_trials) {
    PrunerSettings s;
    s.rule = "median";
    s.warmup_steps = warmup;
    s.min_trials = min_trials;
    return s;
}

PrunerSettings halving(const std::string& rule, int64_t min_steps, int eta, int brackets = 1) {
    PrunerSettings s;
    s.rule = rule;
    s.min_steps = min_steps;
    s.eta = eta;
    s.brackets = brackets;
    return s;
}

}  // namespace

TEST_CASE("medianOf: the middle value, or the mean of the two middle ones", "[sweep]") {
    CHECK(medianOf({3, 1, 2}) == 2);
    CHECK(medianOf({4, 1, 3, 2}) == 2.5);
    CHECK(medianOf({0.7}) == 0.7);
    CHECK(std::isnan(medianOf({})));
}

TEST_CASE("median rule: the best value so far against the median of the others at the same step", "[sweep]") {
    auto p = makePruner(median(/*warmup*/ 2, /*min_trials*/ 2));
    // Trial 0 alone, then trial 1 with one other: fewer than min_trials = 2 others, no pruning.
    CHECK_FALSE(p->report(0, 0, 2, 0.50).prune);
    CHECK_FALSE(p->report(0, 0, 4, 0.60).prune);
    const auto d1 = p->report(1, 1, 2, 0.40);
    CHECK_FALSE(d1.prune);
    CHECK(d1.reason.find("1 other trial(s) at this step (min_trials 2) -> continued") != std::string::npos);
    CHECK_FALSE(p->report(1, 1, 4, 0.55).prune);
    // Trial 2 at step 2: others {0.50, 0.40}, median 0.45; its 0.45 is not below: continues.
    const auto d2 = p->report(2, 2, 2, 0.45);
    CHECK_FALSE(d2.prune);
    CHECK(d2.reason == "step 2: best 0.45 >= median 0.45 of 2 other trial(s) -> continued");
    // At step 4: others {0.60, 0.55}, median 0.575; its best so far max(0.45, 0.52) = 0.52 is below: pruned.
    const auto d3 = p->report(2, 2, 4, 0.52);
    CHECK(d3.prune);
    CHECK(d3.reason == "step 4: best 0.52 < median 0.575 of 2 other trial(s) -> pruned");
    // Trial 3 at step 2: others {0.50, 0.40, 0.45}, median 0.45 > 0.30: pruned.
    CHECK(p->report(3, 3, 2, 0.30).prune);
    // The best so far counts, not the last value: 0.70 at step 2 carries trial 4 past step 4's
    // median 0.55 of {0.60, 0.55, 0.52} although it reports 0.50 there.
    CHECK_FALSE(p->report(4, 4, 2, 0.70).prune);
    const auto d4 = p->report(4, 4, 4, 0.50);
    CHECK_FALSE(d4.prune);
    CHECK(d4.reason == "step 4: best 0.7 >= median 0.55 of 3 other trial(s) -> continued");
    // A repeated or older step (a resumed run's points) is ignored.
    const auto again = p->report(0, 0, 4, 0.10);
    CHECK_FALSE(again.prune);
    CHECK(again.reason.empty());
}

TEST_CASE("median rule: no decision before the warm-up step", "[sweep]") {
    auto p = makePruner(median(/*warmup*/ 4, /*min_trials*/ 1));
    CHECK_FALSE(p->report(0, 0, 2, 0.9).prune);
    const auto d = p->report(1, 1, 2, 0.1);  // far below, but step 2 < 4
    CHECK_FALSE(d.prune);
    CHECK(d.reason.empty());
    CHECK_FALSE(p->report(0, 0, 4, 0.9).prune);
    CHECK(p->report(1, 1, 4, 0.2).prune);  // 0.2 < median 0.9 of the one other
}

TEST_CASE("successive halving (ASHA): rungs at min_steps * eta^k, the top max(1, n / eta) go on", "[sweep]") {
    auto p = makePruner(halving("successive_halving", /*min_steps*/ 2, /*eta*/ 2));  // rungs at steps 2, 4, 8, 16
    // Rung 0 (step 2) fills one trial at a time; each is ranked against those that came before.
    CHECK_FALSE(p->report(0, 0, 2, 0.50).prune);  // {0.50}: keep 1, cut-off 0.50
    const auto d1 = p->report(1, 1, 2, 0.40);     // {0.50, 0.40}: keep 1, cut-off 0.50
    CHECK(d1.prune);
    CHECK(d1.reason == "step 2, rung 0 (step 2): 0.4 < cut-off 0.5 (top 1 of 2) -> pruned");
    CHECK_FALSE(p->report(2, 2, 2, 0.60).prune);  // {0.5, 0.4, 0.6}: keep 1, cut-off 0.6
    const auto d3 = p->report(3, 3, 2, 0.55);     // {0.6, 0.55, 0.5, 0.4}: keep 2, cut-off 0.55 (a tie goes on)
    CHECK_FALSE(d3.prune);
    CHECK(d3.reason == "step 2, rung 0 (step 2): 0.55 >= cut-off 0.55 (top 2 of 4) -> continued");
    // Between rungs: no decision.
    const auto between = p->report(0, 0, 3, 0.70);
    CHECK_FALSE(between.prune);
    CHECK(between.reason.empty());
    // The first point at or after a rung's step is the value at that rung.
    CHECK_FALSE(p->report(0, 0, 6, 0.65).prune);  // rung 1 (step 4): {0.65}
    const auto d5 = p->report(2, 2, 8, 0.62);     // rung 1: {0.65, 0.62}: keep 1, cut-off 0.65; rung 2 not reached
    CHECK(d5.prune);
    CHECK(d5.reason == "step 8, rung 1 (step 4): 0.62 < cut-off 0.65 (top 1 of 2) -> pruned");
    // A late first report passes every rung up to its step, each decided on its own.
    const auto d6 = p->report(4, 4, 9, 0.90);
    CHECK_FALSE(d6.prune);
    CHECK(d6.reason ==
          "step 9, rung 0 (step 2): 0.9 >= cut-off 0.6 (top 2 of 5) -> continued; "
          "step 9, rung 1 (step 4): 0.9 >= cut-off 0.9 (top 1 of 3) -> continued; "
          "step 9, rung 2 (step 8): 0.9 >= cut-off 0.9 (top 1 of 1) -> continued");
}

TEST_CASE("hyperband: configuration c in bracket c mod B, rungs from min_steps * eta^b, no competition across brackets",
          "[sweep]") {
    auto p = makePruner(halving("hyperband", /*min_steps*/ 2, /*eta*/ 2, /*brackets*/ 2));
    CHECK_FALSE(p->report(0, /*config*/ 0, 2, 0.5).prune);  // bracket 0, rung 0 at step 2: {0.5}
    const auto early = p->report(1, 1, 2, 0.1);            // bracket 1: its first rung is at step 4
    CHECK_FALSE(early.prune);
    CHECK(early.reason.empty());
    const auto d = p->report(1, 1, 4, 0.1);  // bracket 1, rung 0: {0.1} (bracket 0's 0.5 does not count)
    CHECK_FALSE(d.prune);
    CHECK(d.reason == "step 4, rung 0 of bracket 1 (step 4): 0.1 >= cut-off 0.1 (top 1 of 1) -> continued");
    CHECK(p->report(2, 2, 2, 0.4).prune);        // bracket 0: {0.5, 0.4}, keep 1
    CHECK_FALSE(p->report(3, 3, 4, 0.2).prune);  // bracket 1: {0.1, 0.2}, keep 1, cut-off 0.2
    // The seeds of one configuration share its bracket: trial 5 (configuration 1 again) meets 0.1 and 0.2.
    CHECK(p->report(5, 1, 4, 0.15).prune);  // {0.2, 0.15, 0.1}: keep 1
}

TEST_CASE("makePruner refuses unknown rules and settings out of range", "[sweep]") {
    PrunerSettings unknown;
    unknown.rule = "asha";
    CHECK_THROWS_WITH(makePruner(unknown), "unknown rule 'asha' (expected median, successive_halving or hyperband)");
    CHECK_THROWS_WITH(makePruner(halving("successive_halving", 2, 1)), "eta must be >= 2");
    CHECK_THROWS_WITH(makePruner(halving("hyperband", 0, 3)), "min_steps must be >= 1");
    CHECK_THROWS_WITH(makePruner(median(0, 0)), "min_trials must be >= 1");
    CHECK_NOTHROW(makePruner(median(0, 1)));
}
