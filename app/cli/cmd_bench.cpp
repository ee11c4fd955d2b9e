// `dino bench`: times the real training step on the seed configuration and prints where the time goes.
#include "config_args.h"
#include "parser.h"

#include "api/benchmark.h"
#include "common/config.h"

#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

int runBench(const Args& args) {
    ConfigArgs config;
    int steps = 3, warmup = 1, micro = 0;
    std::optional<int> batch, threads;
    std::string precision;
    bool no_image_workers = false;
    Parser p("bench",
             "Runs the real DINO training step (seed configuration, random initialisation, the real\n"
             "augmentation pipeline on the bundled sample) for W + N steps and prints, over the last N:\n"
             "images/s (one image = all its views), seconds per step split into data wait, teacher\n"
             "forward, student forward+backward and optimizer+EMA, the achieved GFLOP/s (analytic ViT\n"
             "FLOPs) beside a measured matmul peak, and the process's peak RSS.\n");
    p.number("--steps", steps, "N", "timed steps (default 3)", Bounds{1, {}})
        .number("--warmup", warmup, "W", "untimed steps before them (default 1)", Bounds{0, {}})
        .number("--batch", batch, "B", "images per step (default: the configuration's, 256 for the seed's)", Bounds{1, {}})
        .text("--precision", precision, "auto|fp32|bf16",
              "default: the configuration's (auto: bf16 where the CPU computes it natively, else fp32)")
        .number("--threads", threads, "T", "default: the configuration's (0: all physical cores)", Bounds{0, {}})
        .number("--micro-batch", micro, "M",
                "images per student forward/backward group (0 = automatic, the default; the gradient is the same, "
                "memory scales with the group)",
                Bounds{0, {}})
        .flag("--no-image-workers", no_image_workers, "time the step without the image workers (below)");
    config.define(p);
    p.footer("On a CPU with T > 1 threads the step splits each batch's images between T worker threads\n"
             "of one intra-op thread each (faster than T intra-op threads on a small ViT);\n"
             "--no-image-workers times the step without that split, for comparison.\n");
    if (auto code = p.parse(args)) return *code;
    // The shortcuts are --set lines before the user's own.
    std::vector<std::string> shortcuts;
    if (batch) shortcuts.push_back("optim.batch_size=" + std::to_string(*batch));
    if (!precision.empty()) shortcuts.push_back("system.precision=" + precision);
    if (threads) shortcuts.push_back("system.threads=" + std::to_string(*threads));
    config.sets.insert(config.sets.begin(), shortcuts.begin(), shortcuts.end());
    const RunConfig cfg = config.build();

    bool tty = stdoutIsTerminal();
    auto result = api::runBenchmark(
        cfg, steps, warmup,
        [&](int done, int total) {
            if (tty) std::cout << "\r\033[Kstep " << done << "/" << total << std::flush;
        },
        micro, !no_image_workers);
    if (tty) std::cout << "\r\033[K";
    std::cout << api::formatBenchmark(result);
    return kOk;
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("bench", "time the training step: images/s, phases, GFLOP/s, peak memory", dino::cli::runBench);
