// Plain data exchanged between the engine and its front ends (GUI, CLI). No torch, no Qt.
#pragma once

#include <cstdint>
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

// One training step, as the observer receives it and metrics.csv stores it.
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
    double elapsed_seconds = 0;    // since the run (or resume) started
    // Spread of the student's L2-normalised class tokens: the per-dimension std over the images of a
    // batch times sqrt(embed_dim) (lightly's collapse indicator, scaled): about 1 for features spread
    // over the sphere, 0 when every image gets the same feature. NaN where not measured (older runs).
    double student_std = 0;
    double koleo = 0;              // the KoLeo term before its weight (0 when optim.koleo_weight is 0)
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

// kNN evaluation of one encoder (Parts V of the seed, plus DINO's weighted kNN and MedMNIST's AUC).
struct EvalMetrics {
    std::string model;           // "teacher", "random-init"
    double nn1_accuracy = 0;     // the seed's 1-NN cosine accuracy
    double knn_accuracy = 0;     // weighted k-NN top-1
    double auc = 0;              // macro one-vs-rest AUC from the vote scores
    std::vector<ClassAccuracy> per_class;
    std::vector<std::vector<int64_t>> confusion;  // [true][predicted]
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

// Part VI of the seed: teacher pseudo-label assignments over a split.
struct PseudoLabelReport {
    std::string split;
    std::vector<int64_t> counts;  // out_dim bins
    double entropy = 0;           // of the normalised histogram, nats
    double max_entropy = 0;       // log(out_dim)
    int used = 0;                 // non-empty bins
    int64_t n_images = 0;
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

struct DatasetSummary {
    std::string path;
    std::string flag;                   // pathmnist, or "" if unknown
    std::vector<std::string> splits;
    std::vector<int64_t> sizes;
    int image_size = 0;
    std::vector<std::string> class_names;
};

}  // namespace dino::api
