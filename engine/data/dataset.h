// MedMNIST data in memory: one split of an official .npz file (train_images (N,H,W[,3]) uint8,
// train_labels (N,1)), grey images expanded to 3 channels.
#pragma once

#include "common/config.h"
#include "data/npz.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace dino {

struct ImageSet {
    torch::Tensor images;  // (N, H, W, 3) uint8, contiguous
    torch::Tensor labels;  // (N,) int64
    std::string source;    // "file.npz:train" for messages
    bool grey = false;     // the file holds one channel (here expanded to 3 equal ones): colour operations skip it
    int64_t size() const { return images.defined() ? images.size(0) : 0; }
    int imageSize() const { return images.defined() ? static_cast<int>(images.size(1)) : 0; }
};

// Reads <split>_images and <split>_labels from a MedMNIST .npz; errors name the file, the member and
// what was expected. num_classes > 0 checks labels are in [0, num_classes).
ImageSet loadSplit(const std::string& npz_path, const std::string& split, int num_classes = 0);

// Same from an archive the caller opened (tests and fuzzing use in-memory archives).
ImageSet loadSplit(const NpzArchive& npz, const std::string& split, int num_classes = 0);

// The split the configuration asks for: resolveDatasetPath(cfg), the registry's class count for a
// known MedMNIST file, and data.subset (first N images) applied to the training split.
ImageSet loadConfiguredSplit(const DataConfig& cfg, const std::string& split);

// The first n images (n <= 0 or n >= size: all), sharing memory.
ImageSet firstImages(const ImageSet& set, int64_t n);

// Which splits a file holds, and their sizes, without decoding images.
struct NpzSummary {
    std::vector<std::string> splits;
    std::vector<int64_t> sizes;
    int image_size = 0;
    int channels = 0;
};
NpzSummary inspectNpz(const std::string& npz_path);
NpzSummary inspectNpz(const NpzArchive& npz);

// Path of the bundled sample (resources/data/pathmnist_sample.npz), searched next to the executable,
// in the install prefix and in the source tree; $DINO_SAMPLE overrides.
std::string sampleDatasetPath();

// data.dataset -> an .npz path: "sample", a MedMNIST flag (file in the cache; throws with the
// `dino fetch` advice when missing) or a file path.
std::string resolveDatasetPath(const DataConfig& cfg);

// Default cache directory: data.cache_dir, else $DINO_DATA_DIR, else ~/.medmnist.
std::string cacheDirectory(const DataConfig& cfg);

// Normalisation for a data set: the config's if given, PathMNIST's constants for PathMNIST, else
// mean/std over the training images.
struct Normalization {
    std::vector<double> mean, std;
};
Normalization normalizationFor(const RunConfig& cfg, const ImageSet& train);
// Per-channel mean and (population) standard deviation of uint8 images in [0,1] units.
Normalization computeNormalization(const ImageSet& train);

// uint8 (B,H,W,3) -> normalised float (B,3,H,W).
torch::Tensor toNormalizedTensor(const torch::Tensor& images_u8, const Normalization& norm);

}  // namespace dino
