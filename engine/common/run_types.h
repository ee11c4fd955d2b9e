// The run's plain data, shared by every layer: what a run plans, what each step and epoch report, the
// live k-NN points, evaluation reports, preview images, the observer that receives them, and the errors
// a run ends with. Torch-free, no Qt. They live here, on the ground floor, so that the trainer,
// evaluation and data layers can use them without including the facade above them; the facade
// (api/types.h, api/training_run.h) re-exports them under the same names, dino::api::...
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino::api {

// The whole planned run, known before the first step: the GUI draws the schedules in full from it.
struct RunPlan {
    int64_t steps_per_epoch = 0;
    int epochs = 0;
    int64_t total_steps = 0;
    int64_t dataset_size = 0;
    int64_t start_step = 0;  // > 0 when resuming
    std::vector<double> lr, wd, teacher_temp, momentum;  // one value per step
    int64_t trainable_parameters = 0;
    std::string device;     // "cpu" / "cuda:0"
    int threads = 0;
    std::string precision;         // what the run computes in: "fp32" or "bf16" (system.precision resolved)
    std::string precision_reason;  // why (system.precision = auto picks from the device's features)
    int processes = 1;             // data-parallel processes (each takes a share of every batch)
    std::string dist_backend;      // their c10d backend ("gloo", "nccl"); empty for one process
};

// One training step, as the observer receives it and metrics.csv stores it. Each member is described
// once in common/metrics_schema.cpp (column, unit, label, how it is reduced); a new metric is a member
// here, an entry there, and its computation in the trainer.
struct StepMetrics {
    int64_t step = 0;   // global step, 0-based
    int epoch = 0;
    double loss = 0;
    double lr = 0, wd = 0, teacher_temp = 0, momentum = 0;
    double images_per_s = 0;       // images (each with all its views) per second, this step
    double teacher_entropy = 0;    // mean entropy of the teacher's sharpened softmax (nats); collapse -> 0
    double kl_uniform = 0;         // KL(mean teacher distribution || uniform) (nats); collapse to one label -> log(K)
    double center_norm = 0;        // ||center||
    double step_seconds = 0;
    double data_seconds = 0;       // time waiting for the loader
    double elapsed_seconds = 0;    // training time since the run started (a resume goes on from its checkpoint's)
    // Spread of the student's L2-normalised class tokens: the per-dimension std over the images of a
    // batch times sqrt(embed_dim) (lightly's collapse indicator, scaled): about 1 for features spread
    // over the sphere, 0 when every image gets the same feature. NaN where not measured (older runs).
    double student_std = 0;
    double koleo = 0;              // the KoLeo term before its weight (0 when optim.koleo_weight is 0)
    // Total L2 norm of the student's gradients before clipping and last-layer freezing (official
    // DINO's grad_norm); in a data-parallel run, of the all-reduced gradients. NaN in older runs.
    double grad_norm = 0;
    // iBOT's masked-patch loss before its weight (optim.ibot_weight; 0 when it is 0, and in older runs).
    double ibot_loss = 0;
};

// One point of the live k-NN curve (eval.knn_every_steps): the teacher after `step` steps and the
// random-init model, on the fixed subsets; a row of knn.csv.
struct KnnPoint {
    int64_t step = 0;              // steps done
    double knn_1nn = 0, knn_weighted = 0;
    double baseline_1nn = 0, baseline_weighted = 0;
    double seconds = 0;            // what computing it cost (the teacher's part)
};

struct EpochMetrics {
    int epoch = 0;               // finished epoch, 0-based
    double mean_loss = 0;
    std::string checkpoint;      // path written
};

struct ClassAccuracy {
    std::string name;
    int64_t support = 0;
    double accuracy = 0;
};

// One head of the linear probe's grid (evaluation/linear_probe.h).
struct ProbeHeadResult {
    double lr = 0, wd = 0;
    double train_accuracy = 0;
    double val_accuracy = 0;
    double val_loss = 0;  // mean cross-entropy on val
};

// The linear probe of one encoder (docs/linear-probe.md): linear classifiers on its frozen, L2-normalised
// features, trained on the train split for every (lr, wd) of the grid, the best on val reported on test.
struct ProbeMetrics {
    bool present = false;        // false: no probe (eval.linear_probe off, or an eval.json from before it)
    int blocks = 1;              // class tokens of the last `blocks` blocks, concatenated
    int64_t feature_dim = 0;
    int epochs = 0;
    int batch_size = 0;
    std::string val_split;
    int64_t n_val = 0;
    double lr = 0, wd = 0;       // the chosen head's
    double train_accuracy = 0;   // the chosen head's
    double val_accuracy = 0;
    double test_accuracy = 0;
    double test_auc = 0;         // macro one-vs-rest AUC of its softmax on test
    double seconds = 0;          // what the probe cost: its extra feature passes and the training
    std::vector<ProbeHeadResult> grid;  // every head, lr-major
};

// kNN evaluation of one encoder (Parts V of the seed, plus DINO's weighted kNN and MedMNIST's AUC).
struct EvalMetrics {
    std::string model;           // "teacher", "random-init"
    double nn1_accuracy = 0;     // the seed's 1-NN cosine accuracy
    double knn_accuracy = 0;     // weighted k-NN top-1
    double auc = 0;              // macro one-vs-rest AUC from the vote scores
    std::vector<ClassAccuracy> per_class;
    std::vector<std::vector<int64_t>> confusion;  // [true][predicted]
    ProbeMetrics probe;          // the linear probe, when run
};

struct EvalReport {
    int epoch = -1;              // epoch of the checkpoint evaluated
    int64_t step = 0;
    int knn_k = 20;
    double knn_temperature = 0.07;
    std::string train_split, test_split;
    int64_t n_train = 0, n_test = 0;
    EvalMetrics trained;
    EvalMetrics baseline;        // random-initialised model, same evaluation
    std::vector<std::string> class_names;
    std::string precision;       // of the feature pass: the run's (system.precision resolved); kNN is fp32
    double images_per_s = 0;     // teacher evaluation: (n_train + n_test) images / its seconds (features + kNN)
};

// An 8-bit RGB image, row-major, 3 bytes per pixel.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;
};

struct PreviewView {
    std::string label;        // "Global 1", "Global 2", "Local 1", ...
    RgbImage image;           // un-normalised, clamped to [0,1], 8-bit
    std::string operations;   // what was applied, one per line
};

struct PreviewImage {
    int64_t index = 0;
    int label = 0;
    std::string class_name;
    RgbImage original;
    std::vector<PreviewView> views;  // globals first, then locals
};

// The loss became NaN or infinite: the run stopped, the last good checkpoint was kept, and the
// message names the likely causes (temperatures, learning rate, precision).
class NonFiniteLossError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The training data could not be opened or does not fit the configuration (missing file, bad npz).
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void onPlan(const RunPlan&) {}
    virtual void onStep(const StepMetrics&) {}
    virtual void onEpoch(const EpochMetrics&) {}
    virtual void onEval(const EvalReport&) {}
    virtual void onKnn(const KnnPoint&) {}  // a point of the live k-NN curve (eval.knn_every_steps)
    virtual void onLog(const std::string&) {}
    // Called while evaluation computes features: done/total images.
    virtual void onEvalProgress(int64_t, int64_t) {}
};

enum class RunOutcome { Finished, Cancelled };

}  // namespace dino::api
