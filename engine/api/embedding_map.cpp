// computeEmbeddingMap and its exports (api/inspection.h): a run directory's checkpoint and data ->
// engine/evaluation's embedding_map (PCA or t-SNE) and k-NN neighbours, the scatter drawn with the
// rasteriser (api/raster.h).
#include "api/inspection.h"

#include "api/raster.h"
#include "api/run_context.h"
#include "common/cancellation.h"
#include "common/fsutil.h"
#include "common/precision.h"
#include "data/png_writer.h"
#include "evaluation/embedding_map.h"
#include "evaluation/features.h"
#include "evaluation/knn_evaluation.h"
#include "evaluation/rng_guard.h"
#include "evaluation/tsne.h"
#include "training/runtime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace dino::api {

namespace fs = std::filesystem;

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
