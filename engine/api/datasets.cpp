// Torch-free dataset functions of the API: inspect, resolve, list flags, download.
#include "api/analysis.h"

#include "data/dataset.h"
#include "data/fetch.h"
#include "data/medmnist_registry.h"

#include <stdexcept>

namespace dino::api {

DatasetSummary inspectDataset(const std::string& npz_path) {
    NpzSummary s = inspectNpz(npz_path);
    DatasetSummary d;
    d.path = npz_path;
    d.splits = s.splits;
    d.sizes = s.sizes;
    d.image_size = s.image_size;
    if (const MedmnistDataset* m = medmnistForFile(npz_path)) {
        d.flag = m->flag;
        d.class_names = m->class_names;
    }
    return d;
}

std::string resolveDataset(const DataConfig& cfg) { return resolveDatasetPath(cfg); }

std::vector<std::string> medmnistFlags() {
    std::vector<std::string> flags;
    for (const auto& m : medmnistDatasets()) flags.push_back(m.flag);
    return flags;
}

std::string downloadDataset(const std::string& flag, int size, const std::string& cache_dir,
                            std::function<bool(int64_t, int64_t)> progress) {
    return fetchMedmnist(flag, size, cache_dir, std::move(progress));
}

std::vector<MedmnistEntry> medmnistEntries() {
    std::vector<MedmnistEntry> out;
    for (const auto& d : medmnistDatasets())
        out.push_back({d.flag, d.task, d.channels, d.n_train, d.n_val, d.n_test, d.class_names.size()});
    return out;
}

bool isMedmnistFlag(const std::string& flag) { return findMedmnist(flag) != nullptr; }
bool isMedmnistSize(int size) { return dino::isMedmnistSize(size); }

namespace {
const MedmnistDataset& entry(const std::string& flag) {
    const MedmnistDataset* d = findMedmnist(flag);
    if (!d) throw std::invalid_argument("unknown MedMNIST dataset '" + flag + "'");
    return *d;
}
}  // namespace

std::string medmnistUrl(const std::string& flag, int size) { return entry(flag).url(size); }
std::string medmnistFileName(const std::string& flag, int size) { return entry(flag).fileName(size); }
std::string defaultCacheDirectory() { return dino::defaultCacheDirectory(); }

std::string fetchDataset(const std::string& flag, int size, const std::string& cache_dir,
                         std::function<bool(int64_t, int64_t)> progress, const std::string& url,
                         const std::string& md5) {
    try {
        if (md5.empty()) return fetchMedmnist(entry(flag).flag, size, cache_dir, std::move(progress), url);
        FetchOptions o;
        o.url = url.empty() ? medmnistUrl(flag, size) : url;
        o.expected_md5 = md5;
        o.dest_dir = cache_dir;
        o.file_name = medmnistFileName(flag, size);
        o.progress = std::move(progress);
        return fetchFile(o);
    } catch (const FetchCancelled& e) {
        throw DownloadCancelled(e.what());
    }
}

std::string fileMd5(const std::string& path) { return md5File(path); }

}  // namespace dino::api
