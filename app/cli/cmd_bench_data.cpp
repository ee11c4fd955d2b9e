// `dino bench-data`: views/s of the augmentation pipeline alone (no model), on this machine.
#include "command.h"

#include "common/config.h"
#include "api/data_bench.h"

#include <cstdio>
#include <iostream>

namespace {

int runBenchData(const dino::cli::Args& a) {
    using namespace dino::cli;
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << "usage: dino bench-data [--config cfg.json] [--set section.field=value]... [--batch 256]\n"
                     "                       [--threads 1] [--workers 0] [--seconds 5]\n\n"
                     "Measures the multi-crop augmentation pipeline alone: images/s and views/s.\n"
                     "--workers 0 augments on the calling thread with --threads intra-op threads;\n"
                     "--workers N goes through the loader's N background workers (one thread each),\n"
                     "as training does. The dataset and views come from the configuration.\n";
        return kOk;
    }
    const std::string cfg_path = option(a, "--config");
    dino::RunConfig cfg = cfg_path.empty() ? dino::RunConfig{} : dino::loadConfigFile(cfg_path);
    for (const auto& s : options(a, "--set")) dino::applyOverride(cfg, s);
    auto errors = dino::validate(cfg);
    if (!errors.empty()) throw dino::ConfigError(cfg_path.empty() ? "--set" : cfg_path, errors);
    dino::api::DataBenchOptions o;
    try {
        o.batch_size = std::stoi(option(a, "--batch", std::to_string(cfg.optim.batch_size)));
        o.threads = std::stoi(option(a, "--threads", "1"));
        o.workers = std::stoi(option(a, "--workers", "0"));
        o.seconds = std::stod(option(a, "--seconds", "5"));
    } catch (const std::exception&) {
        std::cerr << "error: --batch, --threads, --workers and --seconds expect numbers\n";
        return kUsage;
    }
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
