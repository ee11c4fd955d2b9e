// Shuffled, drop_last batches of multi-crop views. The order and the augmentation randomness are
// fixed by (seed, epoch, step), so a resumed run sees the same batches. Augmentation runs on
// background threads with a bounded prefetch queue; stop() returns promptly.
#pragma once

#include "data/multicrop.h"

#include <memory>
#include <optional>

namespace dino {

struct LoaderOptions {
    int batch_size = 256;
    uint64_t seed = 0;
    int workers = 1;         // 0 = synchronous on the caller's thread
    int prefetch = 2;
    int64_t max_steps = 0;   // per epoch; 0 = all full batches
    int worker_threads = 1;  // intra-op threads of each worker; 0 = libtorch's default (competes with training)
    // Data-parallel shard: every batch is the same global batch on every process, and this process
    // keeps images [shard_first, shard_first + shard_count) of it (0 = all). The augmentation draws
    // are made for the whole batch, so a shard's views equal those images' views in one process.
    int64_t shard_first = 0;
    int64_t shard_count = 0;
};

// The shuffled order of epoch `epoch`: a permutation of 0..n-1 fixed by (seed, epoch).
torch::Tensor epochPermutation(int64_t n, uint64_t seed, int64_t epoch);
// The seed of the augmentation generator of (seed, epoch, step).
uint64_t batchSeed(uint64_t seed, int64_t epoch, int64_t step);
// Makes libtorch run single-threaded on the calling thread only (OpenMP ICV of this thread), so that
// augmentation workers do not compete with the training step's intra-op threads. Returns false if
// the OpenMP runtime could not be found (then nothing changes).
bool limitIntraOpThreadsOfThisThread(int n);

class MultiCropLoader {
public:
    MultiCropLoader(const ImageSet& data, const MultiCrop& aug, LoaderOptions opt);
    ~MultiCropLoader();
    int64_t stepsPerEpoch() const;
    // Starts epoch `epoch` at step `first_step` (for resume).
    void startEpoch(int64_t epoch, int64_t first_step = 0);
    // Next batch of the current epoch, or nullopt when the epoch is over or stop() was called.
    std::optional<MultiCropBatch> next();
    void stop();
    // The batch of (epoch, step) computed on the caller's thread, as next() would deliver it.
    MultiCropBatch makeBatch(int64_t epoch, int64_t step) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dino
