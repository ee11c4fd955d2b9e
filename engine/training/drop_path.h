// Stochastic depth's draws (model.drop_path_rate; Huang et al. 2016, as timm's DropPath and official
// DINO's student use it): which views skip which residual branch of the student in one step. The ViT
// applies them (VisionTransformerImpl::forward's drop_scales); this file decides them.
//
// The draws come from a generator of their own, seeded from (system.seed, step) like iBOT's masks, and
// cover the whole batch: every image worker and every process of a data-parallel run takes its rows of
// the same draw, so the split of the images changes nothing, a resumed run draws what it drew before,
// and a run with the rate at 0 draws nothing (bit-identical to one without the option).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dino {

// timm's per-block rates, torch.linspace(0, rate, depth): block i skips with probability
// rate * i / (depth - 1); the first block never, the last with `rate`; one block: 0.
std::vector<double> dropPathRates(double rate, int depth);

// The seed of step `step`'s draws in a run with seed `seed` (a stream apart from the loader's and iBOT's).
uint64_t dropPathSeed(uint64_t seed, int64_t step);

// (depth, 2, rows) float: for block i, branch j (0 attention, 1 MLP) and row r, 0 where the branch is
// skipped (probability rates[i]) and 1 / (1 - rates[i]) where it is kept, so that the expected update is
// the branch's. Rows are the step's views of the whole batch, view-major (view v of image b is row
// v * images + b). Every (i, j, r) takes one uniform draw in that order, whatever its rate.
torch::Tensor dropPathScales(const std::vector<double>& rates, int64_t rows, uint64_t seed);

}  // namespace dino
