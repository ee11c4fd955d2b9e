#include "api/probe_grid.h"

#include <algorithm>
#include <sstream>
#include <utility>

namespace dino::api {

namespace {
std::pair<double, double> lrRange(const ProbeMetrics& p) {
    double lo = p.grid.front().lr, hi = lo;
    for (const ProbeHeadResult& h : p.grid) {
        lo = std::min(lo, h.lr);
        hi = std::max(hi, h.lr);
    }
    return {lo, hi};
}
}  // namespace

GridEdge probeLrEdge(const ProbeMetrics& p) {
    if (!p.present || p.grid.empty()) return GridEdge::Inside;
    const auto [lo, hi] = lrRange(p);
    if (lo == hi) return GridEdge::Inside;
    return p.lr == hi ? GridEdge::Largest : p.lr == lo ? GridEdge::Smallest : GridEdge::Inside;
}

std::string probeGridEdgeNote(const ProbeMetrics& p) {
    const GridEdge edge = probeLrEdge(p);
    if (edge == GridEdge::Inside) return "";
    const auto [lo, hi] = lrRange(p);
    std::ostringstream os;
    if (edge == GridEdge::Largest)
        os << "the chosen lr " << p.lr << " is the largest of eval.probe_lrs: a larger one may do better (add e.g. "
           << hi * 3 << " to eval.probe_lrs)";
    else
        os << "the chosen lr " << p.lr << " is the smallest of eval.probe_lrs: a smaller one may do better (add e.g. "
           << lo / 3 << " to eval.probe_lrs)";
    return os.str();
}

}  // namespace dino::api
