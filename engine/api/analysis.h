// Evaluation, pseudo-labels, previews, datasets and exports for the front ends. Torch-free.
#pragma once

#include "api/types.h"
#include "common/config.h"

#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>

namespace dino::api {

using Progress = std::function<void(int64_t done, int64_t total)>;

// kNN evaluation of the run's last (or given) checkpoint's teacher encoder and of a random-init
// baseline; writes run_dir/eval.json. cancel (may be null) is polled between batches.
// Throws dino::OperationCancelled (evaluation/cancellation.h) when cancelled, DataError
// (training_run.h) when the data cannot be opened. The baseline's metrics are kept in
// run_dir/eval_baseline_cache.json and reused while seed, model, data and kNN settings are unchanged.
// The default CPU generator's state is preserved, so a trainer may call this between epochs.
// query_split: classify this split instead of eval.test_split; the report then goes to
// eval_<split>.json (eval.json stays the run's own evaluation).
EvalReport evaluateRun(const std::string& run_dir, const std::string& checkpoint = "",
                       Progress progress = {}, const std::atomic<bool>* cancel = nullptr,
                       const std::string& query_split = "");

// Teacher pseudo-label histogram over a split (default: the config's eval.test_split): argmax of
// the teacher head's raw outputs (as in the seed; no centring or temperature); writes
// run_dir/pseudo_labels.json.
PseudoLabelReport pseudoLabels(const std::string& run_dir, const std::string& split = "",
                               const std::string& checkpoint = "");

// Augmented views of dataset images for the preview grid (un-normalised, 8-bit).
std::vector<PreviewImage> previewViews(const RunConfig& cfg, const std::vector<int64_t>& indices, uint64_t seed);
// The grid `dino preview` writes: one row per image (the original, then its views), each cell scaled
// by `scale` (nearest), `gap` pixels apart, on white.
RgbImage previewGrid(const std::vector<PreviewImage>& previews, int scale = 4, int gap = 4);
// An RGB image as a PNG file (libpng; temp file + rename).
void writePng(const std::string& path, const RgbImage& image);

DatasetSummary inspectDataset(const std::string& npz_path);
std::string resolveDataset(const DataConfig& cfg);  // path the config would load; throws if missing
std::vector<std::string> medmnistFlags();
// Downloads flag at size into the cache with MD5 check; progress may return false to cancel.
std::string downloadDataset(const std::string& flag, int size, const std::string& cache_dir,
                            std::function<bool(int64_t, int64_t)> progress);

// The MedMNIST registry, for `dino fetch --list` and the dataset picker.
struct MedmnistEntry {
    std::string flag, task;
    int channels = 0;
    int64_t n_train = 0, n_val = 0, n_test = 0;
    size_t classes = 0;
};
std::vector<MedmnistEntry> medmnistEntries();
bool isMedmnistFlag(const std::string& flag);
bool isMedmnistSize(int size);                                   // 28, 64, 128, 224
std::string medmnistUrl(const std::string& flag, int size);      // the official address
std::string medmnistFileName(const std::string& flag, int size);  // e.g. pathmnist_64.npz
std::string defaultCacheDirectory();                             // ~/.medmnist

// A download stopped by its progress callback.
class DownloadCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
// downloadDataset with the options of `dino fetch`: another address (url) and another expected MD5
// (md5; empty: the registry's). Throws DownloadCancelled when progress returned false.
std::string fetchDataset(const std::string& flag, int size, const std::string& cache_dir,
                         std::function<bool(int64_t, int64_t)> progress, const std::string& url = "",
                         const std::string& md5 = "");
std::string fileMd5(const std::string& path);  // 32 lowercase hex digits

// MNIST-style IDX files (plain or .gz) written as a MedMNIST-layout .npz: train_images (N,H,W) uint8,
// train_labels (N,1), val_*, test_*. The last val_count training images become the val split (the
// official test files stay the test split). `dino convert-idx`.
struct IdxConversion {
    std::string train_images, train_labels, test_images, test_labels;
    int64_t val_count = 0;
    std::string out;
};
DatasetSummary convertIdxDataset(const IdxConversion& c);
// Where Debian's dataset-fashion-mnist package puts the four files.
std::string debianFashionMnistDir();
IdxConversion fashionMnistConversion(const std::string& dir, const std::string& out);  // val = last 6,000

// Teacher encoder -> safetensors with timm names and model metadata.
void exportSafetensors(const std::string& run_dir, const std::string& out_path, const std::string& checkpoint = "");

// "libtorch 1.13.1, cpu, 2 threads, OpenBLAS ..." lines for About boxes and `dino info`.
std::vector<std::pair<std::string, std::string>> systemInfo();

}  // namespace dino::api
