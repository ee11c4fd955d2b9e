// Throughput of the augmentation pipeline alone (no model), for `dino bench-data`. Torch-free header.
#pragma once

#include "common/config.h"

#include <cstdint>
#include <string>

namespace dino::api {

struct DataBenchOptions {
    int batch_size = 256;
    int threads = 1;       // intra-op threads of the thread that augments (workers == 0)
    int workers = 0;       // 0: augment on this thread; > 0: through the loader's background workers
    int prefetch = 2;
    double seconds = 5.0;  // measuring time, after one warm-up batch
};

struct DataBenchResult {
    std::string dataset;     // the file used
    int64_t batches = 0, images = 0, views = 0;
    double seconds = 0;
    double images_per_s = 0, views_per_s = 0;
    int views_per_image = 0;
    int image_size = 0, local_size = 0;
};

DataBenchResult benchAugmentation(const RunConfig& cfg, const DataBenchOptions& opt);

}  // namespace dino::api
