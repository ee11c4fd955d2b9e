#include "data/dataset.h"

#include "common/fsutil.h"
#include "data/fetch.h"
#include "data/medmnist_registry.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace dino {

namespace fs = std::filesystem;

namespace {

int classCountFor(const std::string& path, int num_classes) {
    if (num_classes > 0) return num_classes;
    const MedmnistDataset* d = medmnistForFile(path);
    return d ? static_cast<int>(d->class_names.size()) : 0;
}

void checkImagesHeader(const NpyHeader& h, const std::string& where) {
    if (h.dtype.kind != 'u' || h.dtype.itemsize != 1)
        throw std::runtime_error(where + ": dtype '" + h.dtype.descr + "', expected uint8 ('|u1') images");
    const auto& s = h.shape;
    bool rgb = s.size() == 4 && s[3] == 3;
    bool grey = s.size() == 3 || (s.size() == 4 && s[3] == 1);
    if (!rgb && !grey)
        throw std::runtime_error(where + ": shape " + h.shapeString() +
                                 ", expected (N, H, W, 3) colour or (N, H, W) grey images");
    if (s[1] != s[2] || s[1] <= 0)
        throw std::runtime_error(where + ": shape " + h.shapeString() + ", expected square images (H == W > 0)");
}

void checkLabelsHeader(const NpyHeader& h, const std::string& where) {
    if (!h.dtype.isInteger() || (h.dtype.itemsize != 1 && h.dtype.itemsize != 2 && h.dtype.itemsize != 4 &&
                                 h.dtype.itemsize != 8))
        throw std::runtime_error(where + ": dtype '" + h.dtype.descr + "', expected integer class labels");
    const auto& s = h.shape;
    if (s.size() == 2 && s[1] > 1)
        throw std::runtime_error(where + ": shape " + h.shapeString() +
                                 " holds several labels per image (a multi-label set such as ChestMNIST); "
                                 "only single-label (multi-class or binary) datasets are supported");
    if (!(s.size() == 1 || (s.size() == 2 && s[1] == 1)))
        throw std::runtime_error(where + ": shape " + h.shapeString() + ", expected (N, 1) or (N,) labels");
}

}  // namespace

ImageSet loadSplit(const NpzArchive& npz, const std::string& split, int num_classes) {
    const std::string img_name = split + "_images", lab_name = split + "_labels";
    if (!npz.has(img_name) || !npz.has(lab_name)) {
        std::string have;
        for (const auto& a : npz.arrays()) have += (have.empty() ? "" : ", ") + a;
        throw std::runtime_error(npz.name() + ": no split '" + split + "': expected members '" + img_name +
                                 ".npy' and '" + lab_name + ".npy' (the file holds: " +
                                 (have.empty() ? std::string("nothing") : have) + ")");
    }
    num_classes = classCountFor(npz.name(), num_classes);

    // Labels first: they are small, and a wrong count is found before reading the images.
    const std::string lw = npz.where(lab_name);
    torch::Tensor labels;
    std::vector<uint8_t> raw;
    NpyHeader lh;
    npz.read(
        lab_name, [&](const NpyHeader& h) { checkLabelsHeader(h, lw); },
        [&](const NpyHeader& h) -> void* {
            lh = h;
            raw.resize(static_cast<size_t>(h.dataBytes()) + 1);
            return raw.data();
        });
    const int64_t n = lh.shape[0];
    labels = torch::empty({n}, torch::kInt64);
    npyIntegersToInt64(lh.dtype, raw.data(), n, labels.data_ptr<int64_t>());
    const int64_t* lp = labels.data_ptr<int64_t>();
    for (int64_t k = 0; k < n; ++k) {
        if (lp[k] < 0 || (num_classes > 0 && lp[k] >= num_classes))
            throw std::runtime_error(lw + ": label " + std::to_string(lp[k]) + " at index " + std::to_string(k) +
                                     " is out of range, expected 0.." +
                                     (num_classes > 0 ? std::to_string(num_classes - 1) : std::string("")));
    }

    const std::string iw = npz.where(img_name);
    torch::Tensor images;
    npz.read(
        img_name,
        [&](const NpyHeader& h) {
            checkImagesHeader(h, iw);
            if (h.shape[0] != n)
                throw std::runtime_error(iw + ": " + std::to_string(h.shape[0]) + " images but '" + lab_name +
                                         ".npy' holds " + std::to_string(n) + " labels; expected the same N");
        },
        [&](const NpyHeader& h) -> void* {
            images = torch::empty(std::vector<int64_t>(h.shape.begin(), h.shape.end()), torch::kUInt8);
            return images.data_ptr();
        });
    const bool grey = images.dim() == 3 || images.size(3) == 1;
    if (images.dim() == 4 && images.size(3) == 1) images = images.squeeze(3);
    if (images.dim() == 3) images = images.unsqueeze(3).expand({-1, -1, -1, 3}).contiguous();

    ImageSet set;
    set.images = images;
    set.labels = labels;
    set.source = npz.name() + ":" + split;
    set.grey = grey;
    return set;
}

ImageSet loadSplit(const std::string& npz_path, const std::string& split, int num_classes) {
    return loadSplit(NpzArchive::openFile(npz_path), split, num_classes);
}

ImageSet firstImages(const ImageSet& set, int64_t n) {
    if (n <= 0 || n >= set.size()) return set;
    ImageSet out = set;
    out.images = set.images.narrow(0, 0, n);
    out.labels = set.labels.narrow(0, 0, n);
    out.source = set.source + "[:" + std::to_string(n) + "]";
    return out;
}

ImageSet loadConfiguredSplit(const DataConfig& cfg, const std::string& split) {
    std::string path = resolveDatasetPath(cfg);
    ImageSet set = loadSplit(path, split);
    if (split == cfg.train_split) set = firstImages(set, cfg.subset);
    return set;
}

NpzSummary inspectNpz(const NpzArchive& npz) {
    NpzSummary s;
    std::vector<std::string> order = {"train", "val", "test"};
    for (const auto& a : npz.arrays()) {
        if (a.size() > 7 && a.compare(a.size() - 7, 7, "_images") == 0) {
            std::string sp = a.substr(0, a.size() - 7);
            if (std::find(order.begin(), order.end(), sp) == order.end()) order.push_back(sp);
        }
    }
    for (const auto& sp : order) {
        if (!npz.has(sp + "_images") || !npz.has(sp + "_labels")) continue;
        NpyHeader h = npz.header(sp + "_images");
        checkImagesHeader(h, npz.where(sp + "_images"));
        s.splits.push_back(sp);
        s.sizes.push_back(h.shape[0]);
        s.image_size = static_cast<int>(h.shape[1]);
        s.channels = h.shape.size() == 4 ? static_cast<int>(h.shape[3]) : 1;
    }
    if (s.splits.empty())
        throw std::runtime_error(npz.name() +
                                 ": no split found; expected MedMNIST members such as train_images.npy and "
                                 "train_labels.npy");
    return s;
}

NpzSummary inspectNpz(const std::string& npz_path) { return inspectNpz(NpzArchive::openFile(npz_path)); }

namespace {

std::string executableDir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

std::string sampleDatasetPath() {
    const char* env = std::getenv("DINO_SAMPLE");
    if (env && *env) {
        if (!fs::exists(env))
            throw std::runtime_error(std::string("$DINO_SAMPLE points to ") + env + ", which does not exist");
        return env;
    }
    std::vector<std::string> tried;
    std::string dir = executableDir();
    if (!dir.empty()) {
        tried.push_back(dir + "/../share/dino-studio/data/pathmnist_sample.npz");
        tried.push_back(dir + "/pathmnist_sample.npz");
    }
#ifdef DINO_SAMPLE_NPZ
    tried.push_back(DINO_SAMPLE_NPZ);
#endif
    for (const auto& p : tried) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) return fs::weakly_canonical(p, ec).string();
    }
    std::string list;
    for (const auto& p : tried) list += "\n  " + p;
    throw std::runtime_error("the bundled sample pathmnist_sample.npz was not found; looked in:" + list +
                             "\nset $DINO_SAMPLE to its path");
}

std::string cacheDirectory(const DataConfig& cfg) {
    if (!cfg.cache_dir.empty()) return expandHome(cfg.cache_dir);
    return defaultCacheDirectory();
}

std::string resolveDatasetPath(const DataConfig& cfg) {
    const std::string& d = cfg.dataset;
    if (d.empty() || d == "sample") return sampleDatasetPath();
    if (d.size() > 4 && d.compare(d.size() - 4, 4, ".npz") == 0) {
        std::string p = expandHome(d);
        if (!fs::is_regular_file(p)) throw std::runtime_error("data.dataset: the file " + p + " does not exist");
        return p;
    }
    if (const MedmnistDataset* m = findMedmnist(d)) {
        if (!isMedmnistSize(cfg.size))
            throw std::runtime_error("data.size: " + std::to_string(cfg.size) +
                                     " is not a MedMNIST size (expected 28, 64, 128 or 224)");
        std::string dir = cacheDirectory(cfg);
        std::string p = (fs::path(dir) / m->fileName(cfg.size)).string();
        if (!fs::is_regular_file(p))
            throw std::runtime_error(m->flag + " (" + std::to_string(cfg.size) + " px) is not downloaded: " + p +
                                     " does not exist. Run `dino fetch " + m->flag +
                                     (cfg.size != 28 ? " --size " + std::to_string(cfg.size) : std::string()) +
                                     "`, or copy " + m->fileName(cfg.size) + " into " + dir + " by hand (from " +
                                     m->url(cfg.size) + ")");
        return p;
    }
    std::string flags;
    for (const auto& m : medmnistDatasets()) flags += (flags.empty() ? "" : ", ") + m.flag;
    throw std::runtime_error("data.dataset: unknown '" + d + "'; expected 'sample', a MedMNIST flag (" + flags +
                             ") or the path of an .npz file");
}

Normalization computeNormalization(const ImageSet& train) {
    if (train.size() == 0) throw std::runtime_error(train.source + ": no images to compute mean/std from");
    double sum[3] = {0, 0, 0}, sq[3] = {0, 0, 0};
    const int64_t chunk = 2048;
    for (int64_t s = 0; s < train.size(); s += chunk) {
        auto x = train.images.narrow(0, s, std::min(chunk, train.size() - s)).to(torch::kFloat64);
        auto sm = x.sum({0, 1, 2});
        auto s2 = (x * x).sum({0, 1, 2});
        for (int c = 0; c < 3; ++c) {
            sum[c] += sm[c].item<double>();
            sq[c] += s2[c].item<double>();
        }
    }
    const double n = static_cast<double>(train.images.numel() / 3);
    Normalization norm;
    for (int c = 0; c < 3; ++c) {
        double m = sum[c] / n / 255.0;
        double var = std::max(0.0, sq[c] / n / (255.0 * 255.0) - m * m);
        norm.mean.push_back(m);
        norm.std.push_back(std::sqrt(var));
    }
    for (int c = 0; c < 3; ++c)
        if (norm.std[c] < 1e-6) norm.std[c] = 1.0;  // a constant channel: only centre it
    return norm;
}

Normalization normalizationFor(const RunConfig& cfg, const ImageSet& train) {
    const auto& v = cfg.views;
    if (!v.mean.empty() || !v.std.empty()) {
        auto expand = [](std::vector<double> x) {
            if (x.size() == 1) x = {x[0], x[0], x[0]};
            return x;
        };
        Normalization n{expand(v.mean), expand(v.std)};
        if (n.mean.size() != 3 || n.std.size() != 3)
            throw std::runtime_error("views.mean and views.std: expected 3 values each (or both empty), got " +
                                     std::to_string(v.mean.size()) + " and " + std::to_string(v.std.size()));
        for (double s : n.std)
            if (!(s > 0)) throw std::runtime_error("views.std: every value must be > 0");
        return n;
    }
    const MedmnistDataset* m = nullptr;
    if (cfg.data.dataset.empty() || cfg.data.dataset == "sample") m = findMedmnist("pathmnist");
    if (!m) m = findMedmnist(cfg.data.dataset);
    if (!m) m = medmnistForFile(train.source.substr(0, train.source.rfind(':')));
    if (m && !m->mean.empty()) return Normalization{m->mean, m->std};
    return computeNormalization(train);
}

torch::Tensor toNormalizedTensor(const torch::Tensor& images_u8, const Normalization& norm) {
    TORCH_CHECK(images_u8.dim() == 4 && images_u8.size(3) == 3 && images_u8.scalar_type() == torch::kUInt8,
                "toNormalizedTensor: expected (B,H,W,3) uint8 images");
    auto x = images_u8.permute({0, 3, 1, 2}).to(torch::kFloat32).div_(255.0);
    auto mean = torch::tensor(std::vector<float>(norm.mean.begin(), norm.mean.end())).view({1, 3, 1, 1});
    auto std = torch::tensor(std::vector<float>(norm.std.begin(), norm.std.end())).view({1, 3, 1, 1});
    return x.sub_(mean).div_(std).contiguous();
}

}  // namespace dino
