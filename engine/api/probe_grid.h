// Whether a linear probe's chosen head sits on the edge of its learning-rate grid (eval.probe_lrs): the
// best head then has the largest (or smallest) learning rate tried, so a value beyond the grid may do better
// and the probe's figure is a lower bound. Torch-free: the CLI, the run log and the GUI say it beside the figure.
#pragma once

#include "api/types.h"

#include <string>

namespace dino::api {

enum class GridEdge { Inside, Largest, Smallest };
// Where the chosen head's lr lies in the grid (Inside also for no probe or a grid of one learning rate).
GridEdge probeLrEdge(const ProbeMetrics& probe);
// "" when the chosen lr lies inside the grid (or the grid has one learning rate); otherwise a sentence that
// names the edge and what to change, e.g. "the chosen lr 30 is the largest of eval.probe_lrs; ...".
std::string probeGridEdgeNote(const ProbeMetrics& probe);

}  // namespace dino::api
