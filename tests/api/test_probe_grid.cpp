// The linear probe's grid-edge check (engine/api/probe_grid.h): the CLI, the run log and the Evaluation tab
// mark a chosen learning rate at either end of eval.probe_lrs, whose accuracy is then only a lower bound.
#include "api/probe_grid.h"

#include <catch2/catch.hpp>

using namespace dino;

namespace {
api::ProbeMetrics probeOver(std::vector<double> lrs, double chosen) {
    api::ProbeMetrics p;
    p.present = true;
    for (double lr : lrs)
        for (double wd : {0.0, 1e-4}) p.grid.push_back({lr, wd, 0.5, 0.5, 1.0});
    p.lr = chosen;
    return p;
}
}  // namespace

TEST_CASE("a probe whose chosen learning rate is an end of the grid says so and what to add", "[probe]") {
    const std::vector<double> lrs = {0.1, 0.3, 1, 3, 10, 30};
    const auto top = probeOver(lrs, 30);
    CHECK(api::probeLrEdge(top) == api::GridEdge::Largest);
    CHECK(api::probeGridEdgeNote(top) ==
          "the chosen lr 30 is the largest of eval.probe_lrs: a larger one may do better (add e.g. 90 to eval.probe_lrs)");
    const auto bottom = probeOver(lrs, 0.1);
    CHECK(api::probeLrEdge(bottom) == api::GridEdge::Smallest);
    CHECK(api::probeGridEdgeNote(bottom).find("smallest of eval.probe_lrs") != std::string::npos);
    // The grid's order does not matter: the ends are its least and greatest learning rates.
    CHECK(api::probeLrEdge(probeOver({3, 0.1, 30, 1}, 30)) == api::GridEdge::Largest);
    for (double inside : {0.3, 1.0, 3.0, 10.0}) {
        const auto p = probeOver(lrs, inside);
        CHECK(api::probeLrEdge(p) == api::GridEdge::Inside);
        CHECK(api::probeGridEdgeNote(p).empty());
    }
    // One learning rate, or no probe at all: nothing to say.
    CHECK(api::probeLrEdge(probeOver({1}, 1)) == api::GridEdge::Inside);
    api::ProbeMetrics none;
    CHECK(api::probeGridEdgeNote(none).empty());
    auto absent = top;
    absent.present = false;
    CHECK(api::probeLrEdge(absent) == api::GridEdge::Inside);
}
