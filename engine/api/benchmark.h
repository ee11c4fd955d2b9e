// `dino bench`: the real training step (random init, real augmentation pipeline, sample data) timed
// phase by phase, with the achieved GFLOP/s beside a measured matmul peak and the peak RSS. Torch-free.
#pragma once

#include "common/config.h"

#include <functional>
#include <string>
#include <vector>

namespace dino::api {

struct BenchmarkResult {
    int batch_size = 0;
    int64_t micro_batch = 0;  // images per student forward/backward group
    int image_workers = 1;    // threads the step splits its images between (Trainer::imageWorkers)
    int steps = 0;        // measured steps (after the warm-up)
    int warmup = 0;
    int threads = 0;
    int loader_workers = 0;
    std::string device, precision, blas;
    std::string precision_reason;  // why this precision (system.precision = auto decides from the CPU/GPU)
    // Means over the measured steps, seconds.
    double step_seconds = 0, data_seconds = 0, student_seconds = 0, teacher_seconds = 0, optimizer_seconds = 0;
    double cpu_seconds = 0;              // process CPU time (user + sys) per step: the work done,
                                         // less sensitive than wall time to other load on the machine
    double images_per_s = 0;             // batch_size / step_seconds; one image = all its views
    double gflop_per_image = 0;          // analytic (training/vit_flops.h)
    double achieved_gflops = 0;          // gflop_per_image * images_per_s
    double matmul_peak_gflops = 0;       // measured square matmul at the run's precision and threads
    double peak_rss_mb = 0;              // of this process, whole benchmark
    std::vector<double> losses;          // of the measured steps (sanity: finite)
};

// cfg: the configuration to time (usually the seed's with overrides). steps measured after warmup.
// micro_batch: images per student forward/backward group (0 = the trainer's automatic choice).
// progress(done, total) after every step, warm-up included.
// image_workers = false: the step never splits its images between threads (Trainer::imageWorkers),
// to compare with libtorch's intra-op threads alone.
BenchmarkResult runBenchmark(const RunConfig& cfg, int steps, int warmup = 1,
                             const std::function<void(int, int)>& progress = {}, int64_t micro_batch = 0,
                             bool image_workers = true);

// The result as the lines `dino bench` prints.
std::string formatBenchmark(const BenchmarkResult& r);

}  // namespace dino::api
