// Torch-free dataset functions of the API: inspect, resolve, list flags, download.
#include "api/analysis.h"

#include "data/dataset.h"
#include "data/fetch.h"
#include "data/medmnist_registry.h"

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

}  // namespace dino::api
