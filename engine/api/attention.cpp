// computeAttentionMaps and its exports (api/inspection.h): a run directory's checkpoint and data ->
// engine/evaluation's attention_maps, and the figure drawn with the rasteriser (api/raster.h).
#include "api/inspection.h"

#include "api/raster.h"
#include "api/run_context.h"
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/cancellation.h"
#include "common/fsutil.h"
#include "data/medmnist_registry.h"
#include "data/png_writer.h"
#include "evaluation/attention_maps.h"
#include "evaluation/features.h"
#include "evaluation/knn_evaluation.h"
#include "evaluation/rng_guard.h"
#include "export/npy.h"
#include "training/runtime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

namespace dino::api {

namespace fs = std::filesystem;

namespace {

void drawAttentionRow(Canvas& cv, const AttentionMaps& a, size_t i, int top, const AttentionFigureOptions& o, int gap,
                      float shared_max) {
    const int S = a.img_size * o.scale;
    const RgbImage& img = a.images[i];
    const int factor = a.img_size / std::max(1, a.grid);
    auto image_at = [&](int x, int y, uint8_t out[3]) {
        const int ix = std::min(img.width - 1, x / o.scale), iy = std::min(img.height - 1, y / o.scale);
        const uint8_t* p = &img.pixels[(size_t(iy) * size_t(img.width) + size_t(ix)) * 3];
        out[0] = p[0], out[1] = p[1], out[2] = p[2];
    };
    auto map_at = [&](const std::vector<float>& up, int x, int y) {
        const int side = a.grid * factor;
        const int ux = std::min(side - 1, x / o.scale), uy = std::min(side - 1, y / o.scale);
        return up[size_t(uy) * size_t(side) + size_t(ux)];
    };
    int left = gap;
    uint8_t c[3];
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) image_at(x, y, c), cv.set(left + x, top + y, c);
    left += S + gap;
    const size_t g2 = size_t(a.grid) * size_t(a.grid);
    std::vector<std::vector<float>> panels;
    for (int h = 0; h < a.heads; ++h) panels.emplace_back(a.map(i, h), a.map(i, h) + g2);
    const std::vector<float> mean = a.meanMap(i);
    panels.push_back(mean);
    for (const auto& p : panels) {
        const auto up = upsampleNearest(colourScaled(p.data(), int(p.size()), shared_max).data(), a.grid, factor);
        for (int y = 0; y < S; ++y)
            for (int x = 0; x < S; ++x) viridis(map_at(up, x, y), c), cv.set(left + x, top + y, c);
        left += S + gap;
    }
    // Overlay of the head mean, then the official threshold mask of the mean.
    const auto up_mean = upsampleNearest(colourScaled(mean.data(), int(mean.size()), shared_max).data(), a.grid, factor);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) {
            uint8_t im[3], hm[3];
            image_at(x, y, im);
            viridis(map_at(up_mean, x, y), hm);
            for (int k = 0; k < 3; ++k) c[k] = uint8_t(std::lround((1 - o.opacity) * im[k] + o.opacity * hm[k]));
            cv.set(left + x, top + y, c);
        }
    left += S + gap;
    const auto mask = attentionMask(mean.data(), int(g2), o.fraction);
    std::vector<float> maskf(mask.begin(), mask.end());
    const auto up_mask = upsampleNearest(maskf.data(), a.grid, factor);
    for (int y = 0; y < S; ++y)
        for (int x = 0; x < S; ++x) {
            image_at(x, y, c);
            if (map_at(up_mask, x, y) < 0.5f)
                for (int k = 0; k < 3; ++k) c[k] = uint8_t(c[k] / 4);
            cv.set(left + x, top + y, c);
        }
}

}  // namespace

std::vector<float> AttentionMaps::meanMap(size_t image) const {
    const size_t g2 = size_t(grid) * size_t(grid);
    std::vector<float> m(g2, 0.f);
    for (int h = 0; h < heads; ++h) {
        const float* p = map(image, h);
        for (size_t j = 0; j < g2; ++j) m[j] += p[j];
    }
    for (auto& v : m) v /= float(std::max(1, heads));
    return m;
}

AttentionMaps computeAttentionMaps(const std::string& run_dir, const std::string& split,
                                   const std::vector<int64_t>& indices, int block, const ModelSource& source,
                                   Progress progress, const std::atomic<bool>* cancel) {
    CpuRngGuard keep_trainer_stream;
    RunContext c = openForModel(run_dir, source);
    const std::string sp = split.empty() ? c.cfg.eval.test_split : split;
    if (indices.empty()) throw std::invalid_argument("no images chosen: give at least one image index");
    applyThreads(c.cfg.system.threads);
    const torch::Device device = resolveDevice(c.cfg.system.device);
    EvalData data = openEvalData(c.cfg, {sp});
    const ImageSet& set = data.splits.at(sp);
    for (int64_t i : indices)
        if (i < 0 || i >= set.size())
            throw std::invalid_argument("image " + std::to_string(i) + " is not in the " + sp + " split of " +
                                        data.path + " (it has " + std::to_string(set.size()) + " images, 0-based)");
    const int img_size = c.reader ? evalImageSize(c, set) : set.imageSize();
    const int depth = c.cfg.model.depth;
    const int b = block < 0 ? block + depth : block;
    if (b < 0 || b >= depth)
        throw std::invalid_argument("block " + std::to_string(block) + " does not exist: the model has " +
                                    std::to_string(depth) + " blocks (0 to " + std::to_string(depth - 1) + ")");
    auto model = analysisModel(c, source.model, img_size);
    model->to(device);

    const auto idx = torch::tensor(indices, torch::kLong);
    const auto images = set.images.index_select(0, idx);
    const int64_t n = images.size(0);
    const int heads = c.cfg.model.num_heads;
    const int grid = img_size / c.cfg.model.patch_size;
    const auto out = mapImageBatches(
        images, data.norm, c.cfg.eval.batch_size, device,
        [&](const torch::Tensor& x) {
            const auto r = classTokenAttention(model->encoder, x, b);
            return torch::cat({r.maps.flatten(1), r.self_share}, 1);
        },
        [&](int64_t done) { if (progress) progress(done, n); }, cancel);
    throwIfCancelled(cancel, "attention maps");

    AttentionMaps a;
    a.split = sp;
    a.model = source.model;
    a.checkpoint = c.checkpoint;
    a.epoch = source.model == "random-init" ? -1 : c.info.epoch;
    a.step = source.model == "random-init" ? 0 : c.info.step;
    a.block = b;
    a.depth = depth;
    a.heads = heads;
    a.grid = grid;
    a.patch_size = c.cfg.model.patch_size;
    a.img_size = img_size;
    a.indices = indices;
    const int64_t per_map = int64_t(heads) * grid * grid;
    a.maps = toFloats(out.narrow(1, 0, per_map));
    a.self_share = toFloats(out.narrow(1, per_map, heads));
    for (int64_t j = 0; j < n; ++j) {
        a.labels.push_back(int(set.labels[indices[size_t(j)]].item<int64_t>()));
        a.images.push_back(toRgb(images[j]));
    }
    a.class_names = classNamesFor(data, numClassesOf(set, set, data.class_names));
    return a;
}

float attentionScaleMax(const AttentionMaps& a, const AttentionMaps* b) {
    float m = 0.f;
    for (const AttentionMaps* x : {&a, b}) {
        if (!x) continue;
        for (float v : x->maps) m = std::max(m, v);  // a head mean never exceeds its largest head
    }
    return m;
}

std::vector<uint8_t> attentionMask(const float* map, int n, double fraction) {
    std::vector<int> order(size_t(std::max(0, n)));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return map[a] < map[b]; });
    double total = 0;
    for (int i = 0; i < n; ++i) total += map[i];
    std::vector<uint8_t> keep(order.size(), 0);
    double cum = 0;
    for (int j : order) {
        cum += total > 0 ? map[j] / total : 0.0;
        keep[size_t(j)] = cum > 1.0 - fraction ? 1 : 0;
    }
    return keep;
}

SplitLabels splitLabels(const std::string& run_dir, const std::string& split) {
    const RunConfig cfg = loadRunConfig(run_dir);
    SplitLabels s;
    s.split = split.empty() ? cfg.eval.test_split : split;
    try {
        const std::string path = resolveDatasetPath(cfg.data);
        const MedmnistDataset* info = medmnistForFile(path);
        if (!info) info = findMedmnist(cfg.data.dataset);
        const std::vector<std::string> known = info ? info->class_names : std::vector<std::string>{};
        const ImageSet set = loadSplit(path, s.split, int(known.size()));
        const auto l = set.labels.to(torch::kLong).contiguous();
        for (int64_t i = 0; i < l.numel(); ++i) s.labels.push_back(int(l.data_ptr<int64_t>()[i]));
        const int n_classes = numClassesOf(set, set, known);
        for (int i = 0; i < n_classes; ++i)
            s.class_names.push_back(i < int(known.size()) ? known[size_t(i)] : "class " + std::to_string(i));
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw DataError(e.what());
    }
    return s;
}

std::vector<int64_t> pickImages(const std::string& run_dir, const std::string& split, int label, int count,
                                uint64_t seed) {
    const SplitLabels s = splitLabels(run_dir, split);
    std::vector<int64_t> candidates;
    for (size_t i = 0; i < s.labels.size(); ++i)
        if (label < 0 || s.labels[i] == label) candidates.push_back(int64_t(i));
    std::mt19937_64 rng(seed);
    std::shuffle(candidates.begin(), candidates.end(), rng);
    if (int64_t(candidates.size()) > count) candidates.resize(size_t(std::max(0, count)));
    std::sort(candidates.begin(), candidates.end());
    return candidates;
}

void writeAttentionNpy(const AttentionMaps& a, const std::string& path) {
    auto t = torch::from_blob(const_cast<float*>(a.maps.data()),
                              {int64_t(a.indices.size()), a.heads, a.grid, a.grid}, torch::kFloat);
    writeNpy(path, t.clone());
}

void writeAttentionPng(const AttentionMaps& a, const std::string& path, const AttentionFigureOptions& o,
                       const AttentionMaps* baseline) {
    if (o.scale < 1) throw std::invalid_argument("attention figure: scale must be >= 1");
    if (baseline && (baseline->indices != a.indices || baseline->heads != a.heads || baseline->grid != a.grid))
        throw std::invalid_argument("attention figure: the baseline must show the same images and shape");
    const int gap = 4, S = a.img_size * o.scale, cols = a.heads + 4;
    const int rows_per_image = baseline ? 2 : 1;
    const int n = int(a.indices.size());
    Canvas cv(gap + cols * (S + gap), gap + n * rows_per_image * (S + gap) + (baseline ? n * gap : 0));
    const float shared_max = o.shared_scale ? attentionScaleMax(a, baseline) : 0.f;
    int top = gap;
    for (int i = 0; i < n; ++i) {
        drawAttentionRow(cv, a, size_t(i), top, o, gap, shared_max);
        top += S + gap;
        if (baseline) {
            drawAttentionRow(cv, *baseline, size_t(i), top, o, gap, shared_max);
            top += S + 2 * gap;
        }
    }
    writePng(path, cv.w, cv.h, cv.px);
}

}  // namespace dino::api
