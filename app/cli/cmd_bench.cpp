// `dino bench`: times the real training step on the seed configuration and prints where the time goes.
#include "command.h"

#include "api/benchmark.h"
#include "common/config.h"

#include <iostream>

namespace dino::cli {
namespace {

int parseCount(const Args& a, const std::string& name, int def) {
    std::string v = option(a, name);
    if (v.empty()) return def;
    try {
        size_t used = 0;
        int n = std::stoi(v, &used);
        if (used == v.size()) return n;
    } catch (const std::exception&) {
    }
    throw ConfigError("dino bench", {{name, "expected an integer, got '" + v + "'"}});
}

int runBench(const Args& a) {
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << "usage: dino bench [--steps N] [--warmup W] [--batch B] [--precision auto|fp32|bf16] [--threads T]\n"
                     "                  [--micro-batch M] [--no-image-workers] [--preset NAME]\n"
                     "                  [--set section.field=value ...]\n\n"
                     "Runs the real DINO training step (seed configuration, random initialisation, the real\n"
                     "augmentation pipeline on the bundled sample) for W + N steps and prints, over the last N:\n"
                     "images/s (one image = all its views), seconds per step split into data wait, teacher\n"
                     "forward, student forward+backward and optimizer+EMA, the achieved GFLOP/s (analytic ViT\n"
                     "FLOPs) beside a measured matmul peak, and the process's peak RSS.\n\n"
                     "defaults: --steps 3 --warmup 1 --batch 256 (the seed's), precision and threads from the\n"
                     "config (auto: bf16 where the CPU computes it natively, else fp32; all physical cores); --micro-batch: images per student forward/backward\n"
                     "group (0 = automatic; the gradient is the same, memory scales with the group).\n"
                     "On a CPU with T > 1 threads the step splits each batch's images between T worker threads\n"
                     "of one intra-op thread each (faster than T intra-op threads on a small ViT);\n"
                     "--no-image-workers times the step without that split, for comparison.\n";
        return kOk;
    }
    RunConfig cfg = presetConfig(option(a, "--preset", "seed"));
    int steps = parseCount(a, "--steps", 3);
    int warmup = parseCount(a, "--warmup", 1);
    std::string batch = option(a, "--batch");
    if (!batch.empty()) applyOverride(cfg, "optim.batch_size=" + batch);
    std::string precision = option(a, "--precision");
    if (!precision.empty()) applyOverride(cfg, "system.precision=" + precision);
    std::string threads = option(a, "--threads");
    if (!threads.empty()) applyOverride(cfg, "system.threads=" + threads);
    for (const auto& s : options(a, "--set")) applyOverride(cfg, s);
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError("dino bench", errors);

    bool tty = stdoutIsTerminal();
    int micro = parseCount(a, "--micro-batch", 0);
    auto result = api::runBenchmark(
        cfg, steps, warmup,
        [&](int done, int total) {
            if (tty) std::cout << "\r\033[Kstep " << done << "/" << total << std::flush;
        },
        micro, !hasFlag(a, "--no-image-workers"));
    if (tty) std::cout << "\r\033[K";
    std::cout << api::formatBenchmark(result);
    return kOk;
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("bench", "time the training step: images/s, phases, GFLOP/s, peak memory", dino::cli::runBench);
