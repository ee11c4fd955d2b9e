#include "data/batch_shard.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace dino {

BatchShard batchShard(int64_t batch, int world, int rank) {
    if (world < 1 || world > batch || rank < 0 || rank >= world)
        throw std::invalid_argument("batchShard: need 1 <= world <= batch and 0 <= rank < world (batch " +
                                    std::to_string(batch) + ", world " + std::to_string(world) + ", rank " +
                                    std::to_string(rank) + ")");
    const int64_t base = batch / world, extra = batch % world;
    BatchShard s;
    s.first = rank * base + std::min<int64_t>(rank, extra);
    s.count = base + (rank < extra ? 1 : 0);
    return s;
}

}  // namespace dino
