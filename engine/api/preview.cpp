// previewViews: the configured multi-crop views of chosen training images, for the GUI and
// `dino preview`.
#include "api/analysis.h"

#include "data/dataset.h"
#include "data/medmnist_registry.h"
#include "data/preview.h"

namespace dino::api {

std::vector<PreviewImage> previewViews(const RunConfig& cfg, const std::vector<int64_t>& indices, uint64_t seed) {
    const std::string path = resolveDatasetPath(cfg.data);
    ImageSet set = loadSplit(path, cfg.data.train_split);
    std::vector<std::string> names;
    if (const MedmnistDataset* m = medmnistForFile(path)) names = m->class_names;
    return renderPreviews(cfg.views, set, indices, seed, names);
}

}  // namespace dino::api
