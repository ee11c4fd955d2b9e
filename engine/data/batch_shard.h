// Data-parallel sampling: which images of every global batch a process takes. Every process draws
// the same shuffled global batches (loader.h: order and augmentation fixed by seed, epoch and step)
// and keeps its own contiguous shard, so the shards of a batch are disjoint, cover it, and resume
// wherever the loader resumes.
#pragma once

#include <cstdint>

namespace dino {

struct BatchShard {
    int64_t first = 0;  // first image of the global batch
    int64_t count = 0;  // images
};

// The shard of a global batch of `batch` images that `rank` of `world` takes: contiguous, in rank
// order, the first (batch % world) ranks one image more (the same split as splitImages). Throws
// std::invalid_argument unless 1 <= world <= batch and 0 <= rank < world.
BatchShard batchShard(int64_t batch, int world, int rank);

}  // namespace dino
