#include "data/block_mask.h"

#include "common/splitmix.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace dino {

uint64_t MaskRng::next() { return splitmix64Next(state_); }

double MaskRng::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

double MaskRng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

int64_t MaskRng::integer(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    const auto span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(next() % span);  // the bias of % is below 2^-58 for grids this small
}

uint64_t maskSeed(uint64_t seed, int64_t step) {
    // Its own stream: a constant apart from the loader's batchSeed, mixed with the step.
    return stepStreamSeed(seed, 0x1B0C4D2E5F607182ull, step);
}

std::vector<bool> blockMask(const BlockMaskOptions& o, int64_t count, MaskRng& rng) {
    if (o.height < 1 || o.width < 1) throw std::invalid_argument("blockMask: the grid must be at least 1 x 1");
    if (!(o.min_aspect > 0)) throw std::invalid_argument("blockMask: min_aspect must be > 0");
    const int64_t H = o.height, W = o.width, P = H * W;
    std::vector<bool> mask(static_cast<size_t>(P), false);
    const double max_block = o.max_block > 0 ? o.max_block : 0.5 * static_cast<double>(P);
    const double log_lo = std::log(o.min_aspect), log_hi = std::log(1.0 / o.min_aspect);
    int64_t masked = 0;
    while (masked < count) {
        const double most = std::min(static_cast<double>(count - masked), max_block);
        // One rectangle: up to 10 tries, the first that adds patches without passing `most` counts.
        int64_t delta = 0;
        for (int attempt = 0; attempt < 10 && delta == 0; ++attempt) {
            const double area = rng.uniform(static_cast<double>(o.min_block), most);
            const double aspect = std::exp(rng.uniform(log_lo, log_hi));
            const auto h = static_cast<int64_t>(std::lround(std::sqrt(area * aspect)));
            const auto w = static_cast<int64_t>(std::lround(std::sqrt(area / aspect)));
            if (!(w < W && h < H)) continue;
            const int64_t top = rng.integer(0, H - h), left = rng.integer(0, W - w);
            int64_t already = 0;
            for (int64_t i = top; i < top + h; ++i)
                for (int64_t j = left; j < left + w; ++j) already += mask[static_cast<size_t>(i * W + j)] ? 1 : 0;
            const int64_t added = h * w - already;
            if (added > 0 && static_cast<double>(added) <= most) {
                for (int64_t i = top; i < top + h; ++i)
                    for (int64_t j = left; j < left + w; ++j) mask[static_cast<size_t>(i * W + j)] = true;
                delta = added;
            }
        }
        if (delta == 0) break;  // no rectangle fits the rest
        masked += delta;
    }
    return mask;
}

torch::Tensor viewMasks(const ViewMaskOptions& o, int64_t views, MaskRng& rng) {
    if (!(o.ratio_min >= 0 && o.ratio_max >= o.ratio_min && o.ratio_max <= 1))
        throw std::invalid_argument("viewMasks: need 0 <= ratio_min <= ratio_max <= 1");
    if (!(o.probability >= 0 && o.probability <= 1))
        throw std::invalid_argument("viewMasks: probability must be in [0, 1]");
    const int64_t P = static_cast<int64_t>(o.grid.height) * o.grid.width;
    const auto masked_views = static_cast<int64_t>(static_cast<double>(views) * o.probability);
    std::vector<std::vector<bool>> list;
    list.reserve(static_cast<size_t>(views));
    for (int64_t i = 0; i < masked_views; ++i) {
        const double step = (o.ratio_max - o.ratio_min) / static_cast<double>(masked_views);
        const double lo = o.ratio_min + step * static_cast<double>(i), hi = o.ratio_min + step * static_cast<double>(i + 1);
        const auto count = static_cast<int64_t>(static_cast<double>(P) * rng.uniform(lo, hi));
        list.push_back(blockMask(o.grid, count, rng));
    }
    for (int64_t i = masked_views; i < views; ++i) list.emplace_back(static_cast<size_t>(P), false);
    // Fisher-Yates, as random.shuffle.
    for (int64_t i = views - 1; i > 0; --i) std::swap(list[static_cast<size_t>(i)], list[static_cast<size_t>(rng.integer(0, i))]);
    auto out = torch::zeros({views, P}, torch::kBool);
    auto a = out.accessor<bool, 2>();
    for (int64_t v = 0; v < views; ++v)
        for (int64_t p = 0; p < P; ++p) a[v][p] = list[static_cast<size_t>(v)][static_cast<size_t>(p)];
    return out;
}

}  // namespace dino
