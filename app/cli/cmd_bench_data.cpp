// `dino bench-data`: views/s of the augmentation pipeline alone (no model), on this machine.
#include "config_args.h"
#include "parser.h"

#include "api/data_bench.h"
#include "common/config.h"

#include <cstdio>
#include <iostream>
#include <optional>

namespace {

int runBenchData(const dino::cli::Args& args) {
    using namespace dino::cli;
    ConfigArgs config;
    std::optional<int> batch;
    dino::api::DataBenchOptions o;  // its defaults are the options' defaults
    Parser p("bench-data",
             "Measures the multi-crop augmentation pipeline alone: images/s and views/s.\n"
             "--workers 0 augments on the calling thread with --threads intra-op threads;\n"
             "--workers N goes through the loader's N background workers (one thread each),\n"
             "as training does. The dataset and views come from the configuration.\n");
    config.define(p);
    p.number("--batch", batch, "B", "images per batch (default: the configuration's optim.batch_size)", Bounds{1, {}})
        .number("--threads", o.threads, "T", "intra-op threads with --workers 0 (default 1)", Bounds{1, {}})
        .number("--workers", o.workers, "N", "loader workers, one thread each (default 0: none)", Bounds{0, {}})
        .number("--seconds", o.seconds, "S", "how long to measure (default 5)", Bounds{0, {}});
    if (auto code = p.parse(args)) return *code;
    const dino::RunConfig cfg = config.build();
    o.batch_size = batch ? *batch : cfg.optim.batch_size;
    dino::api::DataBenchResult r;
    try {
        r = dino::api::benchAugmentation(cfg, o);
    } catch (const std::runtime_error& e) {  // the data set cannot be opened or read
        std::cerr << "data error: " << e.what() << "\n";
        return kDataError;
    }
    std::printf("dataset        %s\n", r.dataset.c_str());
    std::printf("views          %d global x %d px + %d local x %d px per image\n", cfg.views.num_global, r.image_size,
                cfg.views.num_local, r.local_size);
    std::printf("set-up         batch %d, %s\n", o.batch_size,
                o.workers == 0 ? ("on this thread, " + std::to_string(o.threads) + " intra-op thread(s)").c_str()
                               : (std::to_string(o.workers) + " loader worker(s), 1 thread each").c_str());
    std::printf("measured       %lld batches in %.2f s\n", static_cast<long long>(r.batches), r.seconds);
    std::printf("images/s       %.0f\n", r.images_per_s);
    std::printf("views/s        %.0f\n", r.views_per_s);
    return kOk;
}

}  // namespace

DINO_COMMAND("bench-data", "throughput of the augmentation pipeline alone (views/s)", runBenchData);
