// computeAttentionMaps, computeEmbeddingMap and their exports (api/inspection.h): a run directory's
// checkpoint and data -> engine/evaluation's attention_maps and embedding_map.
#include "api/inspection.h"

#include "api/run_context.h"
#include "api/run_directory.h"
#include "api/training_run.h"
#include "common/fsutil.h"
#include "common/precision.h"
#include "data/medmnist_registry.h"
#include "data/png_writer.h"
#include "evaluation/attention_maps.h"
#include "common/cancellation.h"
#include "evaluation/embedding_map.h"
#include "evaluation/features.h"
#include "evaluation/knn_evaluation.h"
#include "evaluation/rng_guard.h"
#include "evaluation/tsne.h"
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

// The run, with its checkpoint when the model comes from one. Random init needs only config.json,
// so a run can be looked at before its first checkpoint.
RunContext openForModel(const std::string& run_dir, const ModelSource& source) {
    if (source.model != "teacher" && source.model != "student" && source.model != "random-init")
        throw std::invalid_argument("model must be teacher, student or random-init (got '" + source.model + "')");
    if (source.model == "random-init" && source.checkpoint.empty() && !fs::exists(lastCheckpointPath(run_dir))) {
        RunContext c;
        c.dir = run_dir;
        c.cfg = loadRunConfig(run_dir);
        return c;
    }
    return openRunContext(run_dir, source.checkpoint);
}

std::vector<std::string> classNamesFor(const EvalData& d, int num_classes) {
    std::vector<std::string> names;
    for (int i = 0; i < num_classes; ++i)
        names.push_back(i < int(d.class_names.size()) ? d.class_names[size_t(i)] : "class " + std::to_string(i));
    return names;
}

RgbImage toRgb(const torch::Tensor& hwc_u8) {
    const auto t = hwc_u8.contiguous();
    RgbImage img;
    img.height = int(t.size(0));
    img.width = int(t.size(1));
    img.pixels.assign(t.data_ptr<uint8_t>(), t.data_ptr<uint8_t>() + t.numel());
    return img;
}

std::vector<float> toFloats(const torch::Tensor& t) {
    const auto c = t.to(torch::kCPU, torch::kFloat).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// An RGB canvas for the PNG figures.
struct Canvas {
    int w, h;
    std::vector<uint8_t> px;
    Canvas(int width, int height) : w(width), h(height), px(size_t(width) * size_t(height) * 3, 255) {}
    void set(int x, int y, const uint8_t c[3]) {
        if (x < 0 || y < 0 || x >= w || y >= h) return;
        uint8_t* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 3];
        p[0] = c[0], p[1] = c[1], p[2] = c[2];
    }
};


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

// ------------------------------------------------------------------------------ attention

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

std::vector<float> colourScaled(const float* values, int n, float shared_max) {
    float lo = 0.f, hi = shared_max;
    if (shared_max <= 0 && n > 0) {
        const auto [a, b] = std::minmax_element(values, values + n);
        lo = *a, hi = *b;
    }
    std::vector<float> out(size_t(std::max(0, n)), 0.f);
    if (hi > lo)
        for (int i = 0; i < n; ++i) out[size_t(i)] = std::clamp((values[i] - lo) / (hi - lo), 0.f, 1.f);
    return out;
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

std::vector<float> upsampleNearest(const float* map, int grid, int factor) {
    if (grid < 1 || factor < 1) throw std::invalid_argument("upsampleNearest: grid and factor must be >= 1");
    const int side = grid * factor;
    std::vector<float> out(size_t(side) * size_t(side));
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) out[size_t(y) * size_t(side) + size_t(x)] = map[(y / factor) * grid + x / factor];
    return out;
}

void viridis(double t, uint8_t rgb[3]) {
    // matplotlib's viridis at nine equally spaced points, linearly interpolated.
    static const uint8_t stops[9][3] = {{68, 1, 84},    {71, 44, 122},  {59, 81, 139},  {44, 113, 142}, {33, 144, 141},
                                        {39, 173, 129}, {92, 200, 99},  {170, 220, 50}, {253, 231, 37}};
    if (!(t >= 0)) t = 0;  // NaN too
    if (t > 1) t = 1;
    const double pos = t * 8;
    const int i = std::min(7, int(pos));
    const double f = pos - i;
    for (int k = 0; k < 3; ++k) rgb[k] = uint8_t(std::lround((1 - f) * stops[i][k] + f * stops[i + 1][k]));
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

// ------------------------------------------------------------------------------ embedding map

const RgbImage* EmbeddingMap::bankImage(int64_t bank_row) const {
    const auto it = std::lower_bound(bank_image_rows.begin(), bank_image_rows.end(), bank_row);
    if (it == bank_image_rows.end() || *it != bank_row) return nullptr;
    return &bank_images[size_t(it - bank_image_rows.begin())];
}

EmbeddingMap computeEmbeddingMap(const std::string& run_dir, const std::string& split, const ModelSource& source,
                                 Progress progress, const std::atomic<bool>* cancel, const MapOptions& options) {
    CpuRngGuard keep_trainer_stream;
    if (options.method != "pca" && options.method != "tsne")
        throw std::invalid_argument("map method must be pca or tsne (got '" + options.method + "')");
    RunContext c = openForModel(run_dir, source);
    const auto& ev = c.cfg.eval;
    const std::string sp = split.empty() ? ev.test_split : split;
    applyThreads(c.cfg.system.threads);
    const torch::Device device = resolveDevice(c.cfg.system.device);
    EvalData data = openEvalData(c.cfg, {ev.train_split, sp});
    const ImageSet& bank = data.splits.at(ev.train_split);
    const ImageSet& set = data.splits.at(sp);
    if (set.size() < 2) throw DataError(set.source + " has fewer than 2 images: nothing to map");
    const bool tsne_map = options.method == "tsne";
    if (tsne_map && set.size() > kTsneMaxPoints)
        throw std::invalid_argument("t-SNE here is exact (O(N^2)) and takes at most " + std::to_string(kTsneMaxPoints) +
                                    " images; the " + sp + " split has " + std::to_string(set.size()) + ": use PCA");
    const int img_size = c.reader ? evalImageSize(c, set) : set.imageSize();
    auto model = analysisModel(c, source.model, img_size);
    model->to(device);
    const bool bf16 = choosePrecision(c.cfg.system.precision, precisionFeatures(device)).precision == "bf16";
    // Progress: features of the bank and of the split, then (t-SNE) its iterations counted as images.
    const int64_t tsne_work = tsne_map ? set.size() : 0;
    const int64_t total = bank.size() + set.size() + tsne_work;
    const auto bank_f = encoderFeatures(model->encoder, bank.images, data.norm, ev.batch_size, device,
                                        [&](int64_t d) { if (progress) progress(d, total); }, cancel, bf16);
    const auto feats = sp == ev.train_split
                           ? bank_f
                           : encoderFeatures(model->encoder, set.images, data.norm, ev.batch_size, device,
                                             [&](int64_t d) { if (progress) progress(bank.size() + d, total); },
                                             cancel, bf16);
    KnnOptions opt;
    opt.k = ev.knn_k;
    opt.temperature = ev.knn_temperature;
    const int num_classes = numClassesOf(bank, set, data.class_names);
    const Neighbours nb = knnNeighbours(bank_f, feats, opt, cancel);
    const KnnResult knn = knnClassify(bank_f, bank.labels, feats, num_classes, opt, {}, cancel);
    const Pca2d pca = pca2d(feats);
    TsneResult ts;
    if (tsne_map) {
        TsneOptions to;
        to.perplexity = options.perplexity;
        to.iterations = options.iterations;
        const int64_t done_before = bank.size() + set.size();
        ts = tsne(feats, pca.coords, to,
                  [&](int64_t it, int64_t its) { if (progress) progress(done_before + tsne_work * it / its, total); },
                  cancel);
    }
    throwIfCancelled(cancel, "embedding map");

    EmbeddingMap m;
    m.split = sp;
    m.bank_split = ev.train_split;
    m.model = source.model;
    m.checkpoint = c.checkpoint;
    m.epoch = source.model == "random-init" ? -1 : c.info.epoch;
    m.step = source.model == "random-init" ? 0 : c.info.step;
    m.n = set.size();
    m.dim = int(feats.size(1));
    m.knn_k = int(nb.indices.size(1));
    m.knn_temperature = ev.knn_temperature;
    m.method = options.method;
    if (tsne_map) {
        m.perplexity = ts.perplexity;
        m.tsne_kl = ts.kl;
    }
    const auto coords = (tsne_map ? ts.coords : pca.coords).contiguous();
    for (int64_t i = 0; i < m.n; ++i) {
        m.x.push_back(coords[i][0].item<double>());
        m.y.push_back(coords[i][1].item<double>());
    }
    m.explained[0] = pca.explained[0];
    m.explained[1] = pca.explained[1];
    const auto labels = set.labels.to(torch::kLong).contiguous();
    const auto preds = knn.knn_pred.contiguous();
    for (int64_t i = 0; i < m.n; ++i) {
        m.labels.push_back(int(labels.data_ptr<int64_t>()[i]));
        m.knn_prediction.push_back(int(preds.data_ptr<int64_t>()[i]));
        m.images.push_back(toRgb(set.images[i]));
    }
    m.class_names = classNamesFor(data, num_classes);
    m.features = toFloats(feats);
    const auto ni = nb.indices.contiguous();
    m.neighbour_index.assign(ni.data_ptr<int64_t>(), ni.data_ptr<int64_t>() + ni.numel());
    m.neighbour_similarity = toFloats(nb.similarities);
    const auto bl = bank.labels.to(torch::kLong).contiguous();
    for (int64_t i = 0; i < bl.numel(); ++i) m.bank_labels.push_back(int(bl.data_ptr<int64_t>()[i]));
    m.bank_image_rows = m.neighbour_index;
    std::sort(m.bank_image_rows.begin(), m.bank_image_rows.end());
    m.bank_image_rows.erase(std::unique(m.bank_image_rows.begin(), m.bank_image_rows.end()), m.bank_image_rows.end());
    for (int64_t r : m.bank_image_rows) m.bank_images.push_back(toRgb(bank.images[r]));
    return m;
}

void writeMapCsv(const EmbeddingMap& m, const std::string& path) {
    std::string out = "index,split,label,x,y\n";
    char buf[128];
    for (int64_t i = 0; i < m.n; ++i) {
        std::snprintf(buf, sizeof buf, ",%d,%.9g,%.9g\n", m.labels[size_t(i)], m.x[size_t(i)], m.y[size_t(i)]);
        out += std::to_string(i) + "," + m.split + buf;
    }
    writeFileAtomic(path, out);
}

std::vector<std::string> writeProjector(const EmbeddingMap& m, const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw WriteError("cannot create " + dir + " (" + ec.message() + ")", ec.value());
    const fs::path d(dir);
    std::string tensors;
    char buf[32];
    for (int64_t i = 0; i < m.n; ++i) {
        for (int j = 0; j < m.dim; ++j) {
            std::snprintf(buf, sizeof buf, "%s%.7g", j ? "\t" : "", double(m.features[size_t(i) * size_t(m.dim) + size_t(j)]));
            tensors += buf;
        }
        tensors += "\n";
    }
    std::string meta = "index\tlabel\tclass\tsplit\n";
    for (int64_t i = 0; i < m.n; ++i) {
        const int l = m.labels[size_t(i)];
        std::string name = l >= 0 && l < int(m.class_names.size()) ? m.class_names[size_t(l)] : std::to_string(l);
        std::replace(name.begin(), name.end(), '\t', ' ');
        meta += std::to_string(i) + "\t" + std::to_string(l) + "\t" + name + "\t" + m.split + "\n";
    }
    // Sprite: the images in a square grid, at most 8192 px a side (the Projector's limit).
    const int cols = int(std::ceil(std::sqrt(double(m.n))));
    const int src = m.images.empty() ? 1 : m.images.front().width;
    const int thumb = std::max(1, std::min(src, 8192 / std::max(1, cols)));
    const int side = cols * thumb;
    std::vector<uint8_t> sprite(size_t(side) * size_t(side) * 3, 0);
    for (int64_t i = 0; i < m.n; ++i) {
        const RgbImage& img = m.images[size_t(i)];
        const int ox = int(i % cols) * thumb, oy = int(i / cols) * thumb;
        for (int y = 0; y < thumb; ++y)
            for (int x = 0; x < thumb; ++x) {
                const int sx = x * img.width / thumb, sy = y * img.height / thumb;
                const uint8_t* p = &img.pixels[(size_t(sy) * size_t(img.width) + size_t(sx)) * 3];
                uint8_t* q = &sprite[(size_t(oy + y) * size_t(side) + size_t(ox + x)) * 3];
                q[0] = p[0], q[1] = p[1], q[2] = p[2];
            }
    }
    const std::string config = "embeddings {\n  tensor_name: \"" + m.model + " " + m.split +
                               "\"\n  tensor_path: \"tensors.tsv\"\n  metadata_path: \"metadata.tsv\"\n"
                               "  sprite {\n    image_path: \"sprite.png\"\n    single_image_dim: " +
                               std::to_string(thumb) + "\n    single_image_dim: " + std::to_string(thumb) +
                               "\n  }\n}\n";
    std::vector<std::string> files = {(d / "tensors.tsv").string(), (d / "metadata.tsv").string(),
                                      (d / "sprite.png").string(), (d / "projector_config.pbtxt").string()};
    writeFileAtomic(files[0], tensors);
    writeFileAtomic(files[1], meta);
    writePng(files[2], side, side, sprite);
    writeFileAtomic(files[3], config);
    return files;
}

void colourOfClass(int label, uint8_t rgb[3]) {
    static const uint8_t tab10[10][3] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44},  {214, 39, 40},  {148, 103, 189},
                                         {140, 86, 75},  {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}};
    const int i = ((label % 10) + 10) % 10;
    rgb[0] = tab10[i][0], rgb[1] = tab10[i][1], rgb[2] = tab10[i][2];
}

void writeMapPng(const EmbeddingMap& m, const std::string& path, int width) {
    if (width < 64) throw std::invalid_argument("map PNG: width must be >= 64");
    Canvas cv(width, width);
    const int margin = 16, r = std::max(2, width / 250);
    const auto [xlo, xhi] = std::minmax_element(m.x.begin(), m.x.end());
    const auto [ylo, yhi] = std::minmax_element(m.y.begin(), m.y.end());
    const double xs = std::max(1e-12, *xhi - *xlo), ys = std::max(1e-12, *yhi - *ylo);
    const uint8_t grey[3] = {200, 200, 200};
    for (int t = margin; t < width - margin; ++t) {  // a frame
        cv.set(t, margin, grey), cv.set(t, width - margin, grey);
        cv.set(margin, t, grey), cv.set(width - margin, t, grey);
    }
    const double span = width - 2.0 * margin - 2.0 * r;
    for (int64_t i = 0; i < m.n; ++i) {
        const int cx = int(std::lround(margin + r + (m.x[size_t(i)] - *xlo) / xs * span));
        const int cy = int(std::lround(width - margin - r - (m.y[size_t(i)] - *ylo) / ys * span));  // y up
        uint8_t c[3];
        colourOfClass(m.labels[size_t(i)], c);
        for (int dy = -r; dy <= r; ++dy)
            for (int dx = -r; dx <= r; ++dx)
                if (dx * dx + dy * dy <= r * r) cv.set(cx + dx, cy + dy, c);
    }
    writePng(path, cv.w, cv.h, cv.px);
}

}  // namespace dino::api
