// Part V of the seed for one encoder: features of the kNN memory bank (train split) and of the test
// split, the seed's 1-NN accuracy, DINO's weighted kNN (top-1, per class, confusion) and MedMNIST's
// macro one-vs-rest AUC from the normalised vote scores. Also the random-init baseline model.
#pragma once

#include "common/run_types.h"
#include "common/config.h"
#include "data/dataset.h"
#include "evaluation/knn.h"
#include "evaluation/linear_probe.h"
#include "model/dino_model.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace dino {

// Turns kNN predictions into the report's metrics. test_labels (n,) int64; class_names gives the
// number of classes (and their names; "class N" where a name is missing).
api::EvalMetrics metricsFromKnn(const KnnResult& r, const torch::Tensor& test_labels, int num_classes,
                                const std::vector<std::string>& class_names, const std::string& model_name);

// Number of classes of a data set: the registry's class count when known, else 1 + the largest label.
int numClassesOf(const ImageSet& train, const ImageSet& test, const std::vector<std::string>& class_names);

struct KnnEvalSetup {
    const ImageSet* train = nullptr;  // memory bank
    const ImageSet* test = nullptr;
    Normalization norm;
    int num_classes = 0;
    std::vector<std::string> class_names;
    KnnOptions knn;                   // k, temperature, block size
    int batch_size = 256;             // feature extraction
    torch::Device device = torch::kCPU;
    bool bf16 = false;                // features in bf16 autocast (the run's precision); kNN in fp32
    // Linear probe (linear_probe.h), when val is set: trained on train's features, chosen on val's.
    const ImageSet* val = nullptr;
    std::string val_split;            // its name, for the report
    int probe_blocks = 1;             // class tokens of the last probe_blocks blocks (at most the depth)
    LinearProbeOptions probe;
};

// Work units evaluateEncoder reports: n_train + 2 * n_test (features of both splits, then kNN rows),
// plus n_val + n_train with a probe (val features, then its training: n_train / epochs per epoch).
int64_t evaluationWork(const KnnEvalSetup& s);

// Evaluates one encoder: kNN on the last block's L2-normalised class token; with s.val also the linear
// probe on the L2-normalised concatenation of the last probe_blocks class tokens. progress(units_done) counts toward evaluationWork(s); cancel may be null.
api::EvalMetrics evaluateEncoder(VisionTransformer& encoder, const KnnEvalSetup& s, const std::string& model_name,
                                 const std::function<void(int64_t)>& progress = {},
                                 const std::atomic<bool>* cancel = nullptr);

// The model a run starts from before any training: built from the config with the run's seed
// (torch::manual_seed(system.seed), then DinoModel's own timm/DINO initialisation), on CPU, eval mode.
// The global CPU generator's state is restored afterwards, so a trainer may call this mid-run
// without changing its random stream. model.init_weights is NOT applied: this is the random baseline.
DinoModel randomInitModel(const RunConfig& cfg, int img_size);

}  // namespace dino
