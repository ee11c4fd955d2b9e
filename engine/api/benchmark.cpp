#include "api/benchmark.h"

#include "training/runtime.h"
#include "training/trainer.h"
#include "training/vit_flops.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace dino::api {
namespace {

double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Best of a few n x n x n products on the current thread's settings, in GFLOP/s.
double matmulPeak(torch::Device device, torch::ScalarType dtype, int64_t n = 1024, int reps = 6) {
    torch::NoGradGuard no_grad;
    auto opts = torch::TensorOptions().dtype(dtype).device(device);
    auto a = torch::randn({n, n}, opts), b = torch::randn({n, n}, opts);
    auto c = torch::mm(a, b);  // warm-up
    double best = 0;
    for (int i = 0; i < reps; ++i) {
        if (device.is_cuda()) torch::cuda::synchronize();
        double t0 = now();
        c = torch::mm(a, b);
        if (device.is_cuda()) torch::cuda::synchronize();
        double dt = now() - t0;
        if (dt > 0) best = std::max(best, 2.0 * n * n * n / dt / 1e9);
    }
    return best;
}

double cpuSeconds() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

double peakRssMb() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;  // kB on Linux
}

}  // namespace

BenchmarkResult runBenchmark(const RunConfig& cfg_in, int steps, int warmup, const std::function<void(int, int)>& progress,
                             int64_t micro_batch, bool image_workers) {
    if (steps < 1) throw ConfigError("bench", {{"--steps", "must be >= 1 (got " + std::to_string(steps) + ")"}});
    if (warmup < 0) throw ConfigError("bench", {{"--warmup", "must be >= 0 (got " + std::to_string(warmup) + ")"}});
    RunConfig cfg = cfg_in;
    const int wanted = steps + warmup;
    // Enough epochs for the wanted steps whatever the data size; the run is cancelled once timed.
    cfg.optim.epochs = std::max(cfg.optim.epochs, wanted);
    cfg.eval.eval_at_end = false;
    cfg.eval.eval_every_epochs = 0;

    Trainer trainer(cfg, /*run_dir=*/"");
    trainer.setMicroBatch(micro_batch);
    trainer.setImageWorkersEnabled(image_workers);
    BenchmarkResult r;
    r.batch_size = cfg.optim.batch_size;
    r.micro_batch = trainer.microBatch(cfg.optim.batch_size);
    r.image_workers = trainer.imageWorkers(cfg.optim.batch_size);
    r.steps = steps;
    r.warmup = warmup;
    r.loader_workers = cfg.system.loader_workers;
    r.precision = trainer.plan().precision;
    r.precision_reason = trainer.plan().precision_reason;
    r.device = trainer.device().str();

    TrainerHooks hooks;
    hooks.time_phases = true;
    int seen = 0;
    double cpu_start = cpuSeconds();
    hooks.on_timing = [&](int64_t, const StepTiming& t) {
        ++seen;
        if (seen == warmup) cpu_start = cpuSeconds();
        if (seen == wanted) r.cpu_seconds = cpuSeconds() - cpu_start;
        if (seen > warmup) {
            r.step_seconds += t.total;
            r.data_seconds += t.data;
            r.student_seconds += t.student;
            r.teacher_seconds += t.teacher;
            r.optimizer_seconds += t.optimizer;
        }
        if (progress) progress(seen, wanted);
        if (seen >= wanted) trainer.cancel();
    };
    struct LossTap : TrainObserver {
        std::vector<double>* losses;
        int warmup;
        int n = 0;
        void onStep(const StepMetrics& m) override {
            if (++n > warmup) losses->push_back(m.loss);
        }
    } tap;
    tap.losses = &r.losses;
    tap.warmup = warmup;
    trainer.run(tap, hooks);
    if (seen < wanted) throw std::runtime_error("the benchmark ran only " + std::to_string(seen) + " steps");

    const double k = 1.0 / steps;
    r.step_seconds *= k;
    r.data_seconds *= k;
    r.student_seconds *= k;
    r.teacher_seconds *= k;
    r.optimizer_seconds *= k;
    r.cpu_seconds *= k;
    r.images_per_s = r.step_seconds > 0 ? r.batch_size / r.step_seconds : 0;
    r.threads = trainer.plan().threads;
    r.gflop_per_image = dinoTrainFlopsPerImage(cfg.model, cfg.views.num_global, trainer.imageSize(),
                                               cfg.views.num_local, trainer.localSize()) / 1e9;
    r.achieved_gflops = r.gflop_per_image * r.images_per_s;
    r.matmul_peak_gflops =
        matmulPeak(trainer.device(), r.precision == "bf16" ? torch::kBFloat16 : torch::kFloat);
    r.blas = blasDescription();
    r.peak_rss_mb = peakRssMb();
    return r;
}

std::string formatBenchmark(const BenchmarkResult& r) {
    std::string split;
    if (r.image_workers > 1)
        split = " split over " + std::to_string(r.image_workers) + " image workers of 1 thread each";
    char buf[2048];
    std::snprintf(buf, sizeof buf,
                  "batch %d (student in groups of %lld%s), %s, %s, %d threads, %d loader workers, %d steps after %d warm-up\n"
                  "images/s          %.2f   (one image = all its views)\n"
                  "seconds per step  %.3f   (CPU seconds per step %.3f, all threads)\n"
                  "  data wait       %.3f\n"
                  "  teacher fwd     %.3f\n"
                  "  student fwd+bwd %.3f   (includes the loss)\n"
                  "  optimizer+EMA   %.3f\n"
                  "GFLOP per image   %.3f   (analytic, matmuls only)\n"
                  "achieved GFLOP/s  %.1f   vs measured 1024^3 matmul peak %.1f GFLOP/s (%.0f%%)\n"
                  "peak RSS          %.0f MB\n"
                  "BLAS              %s\n"
                  "precision         %s\n",
                  r.batch_size, static_cast<long long>(r.micro_batch), split.c_str(), r.device.c_str(), r.precision.c_str(), r.threads, r.loader_workers, r.steps, r.warmup,
                  r.images_per_s, r.step_seconds, r.cpu_seconds, r.data_seconds, r.teacher_seconds, r.student_seconds,
                  r.optimizer_seconds, r.gflop_per_image, r.achieved_gflops, r.matmul_peak_gflops,
                  r.matmul_peak_gflops > 0 ? 100.0 * r.achieved_gflops / r.matmul_peak_gflops : 0.0, r.peak_rss_mb,
                  r.blas.c_str(), r.precision_reason.c_str());
    return buf;
}

}  // namespace dino::api
