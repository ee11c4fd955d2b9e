#include "training/drop_path.h"

#include "common/splitmix.h"
#include "data/block_mask.h"

#include <stdexcept>
#include <string>

namespace dino {

std::vector<double> dropPathRates(double rate, int depth) {
    if (depth < 1) throw std::invalid_argument("dropPathRates: depth must be >= 1 (got " + std::to_string(depth) + ")");
    if (!(rate >= 0 && rate < 1))
        throw std::invalid_argument("dropPathRates: the rate must be in [0, 1) (got " + std::to_string(rate) + ")");
    std::vector<double> r(static_cast<size_t>(depth), 0.0);
    for (int i = 1; i < depth; ++i) r[static_cast<size_t>(i)] = rate * i / (depth - 1);
    return r;
}

uint64_t dropPathSeed(uint64_t seed, int64_t step) {
    return stepStreamSeed(seed, 0x5D3A9C17E2B40F68ull, step);
}

torch::Tensor dropPathScales(const std::vector<double>& rates, int64_t rows, uint64_t seed) {
    if (rows < 0) throw std::invalid_argument("dropPathScales: rows must be >= 0");
    const int64_t depth = static_cast<int64_t>(rates.size());
    auto out = torch::empty({depth, 2, rows}, torch::kFloat);
    auto* p = out.data_ptr<float>();
    MaskRng rng(seed);
    for (int64_t i = 0; i < depth; ++i) {
        const double rate = rates[static_cast<size_t>(i)];
        const float kept = static_cast<float>(1.0 / (1.0 - rate));
        for (int64_t k = 0; k < 2 * rows; ++k) *p++ = rng.uniform() < rate ? 0.0f : kept;
    }
    return out;
}

}  // namespace dino
