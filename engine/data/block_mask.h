// iBOT's block-wise masks (BEiT's and iBOT's MaskingGenerator, as DINOv2 uses it): on a patch grid, random
// rectangles of at least 4 patches with aspect ratio in [0.3, 1/0.3] are added until the target count is
// reached, and the views of a batch are masked as DINOv2's collate does it: a fraction of the views gets
// a mask, their ratios spread evenly over [ratio_min, ratio_max] (one stratum each), in a shuffled order.
//
// The draws come from a generator of their own, seeded from (system.seed, step), never from torch's or
// the loader's generators: a run with iBOT off draws exactly what it drew before, a resumed run masks
// the same patches (the step is all it needs), and every process of a data-parallel run and every image
// worker computes the same masks for the whole batch. Torch-free apart from the batch tensor.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dino {

// A small, portable generator (splitmix64), so that the masks are the same on every platform and
// standard library (std::uniform_*_distribution are not).
class MaskRng {
public:
    explicit MaskRng(uint64_t seed) : state_(seed) {}
    uint64_t next();
    double uniform();                          // [0, 1), 53 bits
    double uniform(double lo, double hi);      // [lo, hi)
    int64_t integer(int64_t lo, int64_t hi);   // [lo, hi], both ends included

private:
    uint64_t state_;
};

// The seed of step `step`'s masks in a run with seed `seed`.
uint64_t maskSeed(uint64_t seed, int64_t step);

// BEiT's/iBOT's MaskingGenerator on a height x width grid: rectangles of min_block .. max_block patches
// (max_block <= 0: half the grid, as DINOv2 sets it), aspect ratios log-uniform in [min_aspect, 1/min_aspect],
// strictly smaller than the grid in both directions; each rectangle is tried up to 10 times and must add
// at least one new patch without going over the target. Stops at `count` masked patches, or earlier when
// no rectangle fits any more (the result may then have fewer). Row-major, true = masked.
struct BlockMaskOptions {
    int height = 7, width = 7;
    int min_block = 4;
    double max_block = 0;       // <= 0: 0.5 * height * width
    double min_aspect = 0.3;
};
std::vector<bool> blockMask(const BlockMaskOptions& o, int64_t count, MaskRng& rng);

// The masks of `views` views (DINOv2's collate over its n = views global crops): int(n * probability)
// of them get a mask of int(P * U(r_i, r_{i+1})) patches, r_0 .. r_m evenly spaced over [ratio_min,
// ratio_max]; the others none; then the list is shuffled. Returns (views, height * width) bool.
struct ViewMaskOptions {
    BlockMaskOptions grid;
    double ratio_min = 0.1, ratio_max = 0.5;
    double probability = 0.5;
};
torch::Tensor viewMasks(const ViewMaskOptions& o, int64_t views, MaskRng& rng);

}  // namespace dino
