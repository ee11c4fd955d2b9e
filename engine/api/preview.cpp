// previewViews: the configured multi-crop views of chosen training images, for the GUI and
// `dino preview`.
#include "api/analysis.h"

#include "data/dataset.h"
#include "data/medmnist_registry.h"
#include "data/png_writer.h"
#include "data/preview.h"

namespace dino::api {

RgbImage previewGrid(const std::vector<PreviewImage>& previews, int scale, int gap) {
    return dino::previewGrid(previews, scale, gap);
}

void writePng(const std::string& path, const RgbImage& image) {
    dino::writePng(path, image.width, image.height, image.pixels);
}

std::vector<PreviewImage> previewViews(const RunConfig& cfg, const std::vector<int64_t>& indices, uint64_t seed) {
    const std::string path = resolveDatasetPath(cfg.data);
    ImageSet set = loadSplit(path, cfg.data.train_split);
    std::vector<std::string> names;
    if (const MedmnistDataset* m = medmnistForFile(path)) names = m->class_names;
    auto previews = renderPreviews(cfg.views, set, indices, seed, names);
    markIbotMasks(previews, cfg, seed);  // iBOT on: the global views' block masks
    return previews;
}

}  // namespace dino::api
