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
};

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

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dino
