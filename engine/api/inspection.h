// Looking inside a run's model, for the GUI's Attention and Embedding map tabs and for
// `dino attention` / `dino map`: class-token attention maps, a 2-D PCA map of the features with the
// weighted k-NN's neighbours of every point, and their exports. Torch-free. The sources: attention.cpp,
// embedding_map.cpp; the colours and canvas they draw with (also the GUI's) are api/raster.h.
#pragma once

#include "api/raster.h"
#include "api/types.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace dino::api {

// Which model of a run to look at.
struct ModelSource {
    std::string checkpoint;         // "" = the run's checkpoints/last.ckpt (any epoch_NNN.ckpt works too)
    std::string model = "teacher";  // "teacher", "student", or "random-init" (the run's seed, untrained)
};

// ------------------------------------------------------------------------------ attention

struct AttentionMaps {
    std::string split, model, checkpoint;
    int epoch = -1;                 // of the checkpoint (-1 for random init)
    int64_t step = 0;
    int block = 0, depth = 0;       // 0-based block shown, of depth
    int heads = 0, grid = 0;        // grid x grid patches
    int patch_size = 0, img_size = 0;
    std::vector<int64_t> indices;   // image indices in the split
    std::vector<int> labels;
    std::vector<std::string> class_names;  // per class of the data set
    std::vector<RgbImage> images;          // the images as stored (8-bit RGB)
    // [image][head][y][x], float32: the class token's attention to each patch, renormalised over the
    // patches so that every head's map sums to 1 (the class token's own share is in self_share).
    std::vector<float> maps;
    std::vector<float> self_share;  // [image][head]

    const float* map(size_t image, int head) const {
        return maps.data() + (image * size_t(heads) + size_t(head)) * size_t(grid) * size_t(grid);
    }
    std::vector<float> meanMap(size_t image) const;  // the head average (also sums to 1)
};

using Progress = std::function<void(int64_t done, int64_t total)>;

// Attention of block `block` (0-based; -1 = the last) for images `indices` of `split` ("" = the
// config's eval.test_split). Throws std::invalid_argument naming a bad index, block or model,
// DataError when the data cannot be read, OperationCancelled when cancel is set.
AttentionMaps computeAttentionMaps(const std::string& run_dir, const std::string& split,
                                   const std::vector<int64_t>& indices, int block = -1, const ModelSource& source = {},
                                   Progress progress = {}, const std::atomic<bool>* cancel = nullptr);

// Official visualize_attention.py's mask for one map of n values: sort ascending, normalise,
// cumulative sum, keep the patches where it exceeds 1 - fraction (those holding `fraction` of the
// mass, largest first). 1 = kept.
std::vector<uint8_t> attentionMask(const float* map, int n, double fraction);


// Image indices of a split: `count` of class `label` (-1 = any class), drawn without replacement
// with `seed`, in increasing order. Fewer when the split has fewer.
std::vector<int64_t> pickImages(const std::string& run_dir, const std::string& split, int label, int count,
                                uint64_t seed);

// The split's labels and class names (for pickers), without building a model.
struct SplitLabels {
    std::string split;
    std::vector<int> labels;
    std::vector<std::string> class_names;
};
SplitLabels splitLabels(const std::string& run_dir, const std::string& split = "");

// Raw maps as .npy: float32 (N, heads, grid, grid).
void writeAttentionNpy(const AttentionMaps& a, const std::string& path);

// The figure as PNG: a row per image (and, with baseline, a second row for it): the image, each
// head's map, the head mean, the mean over the image at `opacity`, and the image with the patches
// outside the `fraction` mask of the mean darkened; `scale` pixels per image pixel.
// Colours: with shared_scale (the default) one scale for every map of the figure, 0 to the largest
// value, so a near-uniform map (random init: every patch about 1/49) looks flat; otherwise each map
// is scaled to its own minimum and maximum, as the official script's imsave does, which makes tiny
// differences look like structure.
struct AttentionFigureOptions {
    double fraction = 0.6;
    double opacity = 0.6;
    int scale = 4;
    bool shared_scale = true;
};

// The largest value of any head's map or head mean in a and (if given) b: the shared colour scale's top.
float attentionScaleMax(const AttentionMaps& a, const AttentionMaps* b = nullptr);

void writeAttentionPng(const AttentionMaps& a, const std::string& path, const AttentionFigureOptions& o = {},
                       const AttentionMaps* baseline = nullptr);

// ------------------------------------------------------------------------------ embedding map

// How the map projects the features to 2-D.
struct MapOptions {
    std::string method = "pca";  // "pca" or "tsne" (exact t-SNE, initialised from the PCA layout)
    double perplexity = 30.0;    // t-SNE only; clamped to (N - 1) / 3
    int iterations = 1000;       // t-SNE only
};

struct EmbeddingMap {
    std::string split, bank_split, model, checkpoint;
    std::string method = "pca";     // what x, y are: "pca" or "tsne"
    double perplexity = 0;          // t-SNE: the perplexity used
    double tsne_kl = 0;             // t-SNE: KL(P || Q) at the end
    int epoch = -1;
    int64_t step = 0;
    int64_t n = 0;
    int dim = 0;
    int knn_k = 20;                 // the run's eval.knn_k (clamped to the bank)
    double knn_temperature = 0.07;
    std::vector<double> x, y;       // the 2-D coordinates (PCA or t-SNE), per point
    double explained[2] = {0, 0};   // fraction of the variance on PC1, PC2 (also for t-SNE: its init)
    std::vector<int> labels;        // per point
    std::vector<std::string> class_names;
    std::vector<float> features;    // n x dim, L2-normalised (what the k-NN compares)
    std::vector<RgbImage> images;   // per point
    // The weighted k-NN's neighbours of each point in the memory bank (bank_split), most similar
    // first: n x knn_k bank rows and cosine similarities, and the class the vote gives.
    std::vector<int64_t> neighbour_index;
    std::vector<float> neighbour_similarity;
    std::vector<int> knn_prediction;
    std::vector<int> bank_labels;           // per bank row
    std::vector<int64_t> bank_image_rows;   // sorted bank rows that are somebody's neighbour
    std::vector<RgbImage> bank_images;      // their images, in that order

    const RgbImage* bankImage(int64_t bank_row) const;
};

// The map of `split` ("" = eval.test_split) against the memory bank eval.train_split, for the given
// model. With split == eval.train_split every image is its own first neighbour (as in the k-NN).
// Throws std::invalid_argument for a bad method or a t-SNE of more points than it handles (12,000).
EmbeddingMap computeEmbeddingMap(const std::string& run_dir, const std::string& split = "",
                                 const ModelSource& source = {}, Progress progress = {},
                                 const std::atomic<bool>* cancel = nullptr, const MapOptions& options = {});

// index,split,label,x,y (one row a point; x, y the map's coordinates). Atomic write.
void writeMapCsv(const EmbeddingMap& m, const std::string& path);

// A TensorBoard Projector bundle in dir: tensors.tsv (n rows of dim values), metadata.tsv (a header
// and n rows: index, label, class, split), sprite.png (the images in a square grid) and
// projector_config.pbtxt. Returns the files written.
std::vector<std::string> writeProjector(const EmbeddingMap& m, const std::string& dir);

// The scatter as PNG (width x width), points coloured by class with colourOfClass; no text (the CLI
// prints the key).
void writeMapPng(const EmbeddingMap& m, const std::string& path, int width = 800);

}  // namespace dino::api
