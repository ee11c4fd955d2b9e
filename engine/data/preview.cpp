#include "data/preview.h"

#include "data/block_mask.h"
#include "data/multicrop.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dino {

api::RgbImage toRgbImage(const torch::Tensor& chw) {
    TORCH_CHECK(chw.dim() == 3 && chw.size(0) == 3, "toRgbImage: expected (3,H,W), got ", chw.sizes());
    auto hwc = chw.detach().to(torch::kFloat32).clamp(0.0, 1.0).mul(255.0).round().to(torch::kUInt8)
                   .permute({1, 2, 0}).contiguous();
    api::RgbImage img;
    img.height = static_cast<int>(hwc.size(0));
    img.width = static_cast<int>(hwc.size(1));
    img.pixels.assign(hwc.data_ptr<uint8_t>(), hwc.data_ptr<uint8_t>() + hwc.numel());
    return img;
}

std::vector<api::PreviewImage> renderPreviews(const ViewsConfig& views, const ImageSet& set,
                                              const std::vector<int64_t>& indices, uint64_t seed,
                                              const std::vector<std::string>& class_names) {
    if (indices.empty()) return {};
    for (int64_t i : indices)
        if (i < 0 || i >= set.size())
            throw std::out_of_range("preview index " + std::to_string(i) + " is outside " + set.source + " (0.." +
                                    std::to_string(set.size() - 1) + ")");
    auto idx = torch::tensor(indices, torch::kInt64);
    auto images = set.images.index_select(0, idx);
    // Normalisation is not applied to previews; the constants only satisfy the constructor.
    MultiCrop aug(views, set.imageSize(), Normalization{{0, 0, 0}, {1, 1, 1}}, set.grey);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    MultiCropBatch b = aug(images, gen, /*record_ops=*/true, /*normalize=*/false);

    const int64_t G = b.globals.size(0), L = b.locals.size(0);
    std::vector<api::PreviewImage> out;
    for (size_t k = 0; k < indices.size(); ++k) {
        api::PreviewImage p;
        p.index = indices[k];
        p.label = static_cast<int>(set.labels[indices[k]].item<int64_t>());
        if (p.label >= 0 && p.label < static_cast<int>(class_names.size())) p.class_name = class_names[p.label];
        p.original = toRgbImage(images[k].permute({2, 0, 1}).to(torch::kFloat32).div(255.0));
        for (int64_t v = 0; v < G + L; ++v) {
            api::PreviewView pv;
            const AppliedOps& ops = b.ops[v][k];
            if (v < G) {
                pv.label = "Global " + std::to_string(v + 1);
                if (v >= 2) pv.label += ops.kind == ViewKind::Global1 ? " (as Global 1)" : " (as Global 2)";
                pv.image = toRgbImage(b.globals[v][k]);
            } else {
                pv.label = "Local " + std::to_string(v - G + 1);
                pv.image = toRgbImage(b.locals[v - G][k]);
            }
            pv.operations = ops.describe();
            p.views.push_back(std::move(pv));
        }
        out.push_back(std::move(p));
    }
    return out;
}

void markIbotMasks(std::vector<api::PreviewImage>& previews, const RunConfig& cfg, uint64_t seed) {
    if (!(cfg.optim.ibot_weight > 0) || previews.empty()) return;
    const int G = cfg.views.num_global;
    const auto n = static_cast<int64_t>(previews.size());
    const int grid = cfg.data.size / std::max(1, cfg.model.patch_size);
    if (grid < 1) return;
    ViewMaskOptions o;
    o.grid.height = o.grid.width = grid;
    o.ratio_min = cfg.optim.ibot_mask_ratio_min;
    o.ratio_max = cfg.optim.ibot_mask_ratio_max;
    o.probability = cfg.optim.ibot_mask_probability;
    MaskRng rng(maskSeed(seed, 0));
    const auto masks = viewMasks(o, G * n, rng);  // view-major, as a training step's: view v of image k is v * n + k
    const int64_t P = static_cast<int64_t>(grid) * grid;
    for (int64_t k = 0; k < n; ++k) {
        auto& views = previews[static_cast<size_t>(k)].views;
        for (int v = 0; v < G && v < static_cast<int>(views.size()); ++v) {
            api::PreviewView& pv = views[static_cast<size_t>(v)];
            const auto m = masks[v * n + k];
            const int64_t count = m.sum().item<int64_t>();
            if (!pv.operations.empty() && pv.operations.back() != '\n') pv.operations += "\n";
            if (count == 0) {
                pv.operations += "iBOT: not masked";
                continue;
            }
            pv.operations += "iBOT mask: " + std::to_string(count) + " of " + std::to_string(P) + " patches";
            api::RgbImage& img = pv.image;
            const int ph = img.height / grid, pw = img.width / grid;
            for (int y = 0; y < grid * ph; ++y)
                for (int x = 0; x < grid * pw; ++x) {
                    if (!m[(y / ph) * grid + x / pw].item<bool>()) continue;
                    // Grey over the picture, with a diagonal hatch so that it reads as "hidden" in any colours.
                    const bool hatch = (x + y) % 4 == 0;
                    for (int c = 0; c < 3; ++c) {
                        auto& px = img.pixels[static_cast<size_t>((y * img.width + x) * 3 + c)];
                        px = static_cast<uint8_t>(hatch ? 60 : std::lround(0.3 * px + 0.7 * 150));
                    }
                }
        }
    }
}

}  // namespace dino
