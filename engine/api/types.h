// Plain data exchanged between the engine and its front ends (GUI, CLI). No torch, no Qt.
#pragma once

#include "common/run_types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dino::api {

// Part VI of the seed: teacher pseudo-label assignments over a split.
struct PseudoLabelReport {
    std::string split;
    std::vector<int64_t> counts;  // out_dim bins
    double entropy = 0;           // of the normalised histogram, nats
    double max_entropy = 0;       // log(out_dim)
    int used = 0;                 // non-empty bins
    int64_t n_images = 0;
};

struct DatasetSummary {
    std::string path;
    std::string flag;                   // pathmnist, or "" if unknown
    std::vector<std::string> splits;
    std::vector<int64_t> sizes;
    int image_size = 0;
    std::vector<std::string> class_names;
};

}  // namespace dino::api
