#include "api/data_bench.h"

#include "data/dataset.h"
#include "data/loader.h"

#include <chrono>
#include <stdexcept>

namespace dino::api {

DataBenchResult benchAugmentation(const RunConfig& cfg, const DataBenchOptions& opt) {
    if (opt.batch_size <= 0 || opt.seconds <= 0 || opt.threads <= 0 || opt.workers < 0)
        throw std::invalid_argument("bench-data: batch, seconds and threads must be positive, workers >= 0");
    DataBenchResult r;
    r.dataset = resolveDatasetPath(cfg.data);
    ImageSet set = firstImages(loadSplit(r.dataset, cfg.data.train_split), cfg.data.subset);
    MultiCrop aug(cfg.views, set.imageSize(), normalizationFor(cfg, set), set.grey);
    r.views_per_image = cfg.views.num_global + cfg.views.num_local;
    r.image_size = set.imageSize();
    r.local_size = aug.localSize();
    using Clock = std::chrono::steady_clock;

    if (opt.workers == 0) {
        torch::NoGradGuard no_grad;
        at::set_num_threads(opt.threads);
        auto idx_gen = at::make_generator<at::CPUGeneratorImpl>(cfg.system.seed);
        auto one = [&](int64_t step) {
            auto idx = torch::randint(0, set.size(), {opt.batch_size}, idx_gen, torch::kInt64);
            auto gen = at::make_generator<at::CPUGeneratorImpl>(batchSeed(cfg.system.seed, 0, step));
            MultiCropBatch b = aug(set.images.index_select(0, idx), gen);
            (void)b;
        };
        one(-1);  // warm-up
        auto t0 = Clock::now();
        double elapsed = 0;
        while (elapsed < opt.seconds) {
            one(r.batches);
            ++r.batches;
            elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
        }
        r.seconds = elapsed;
    } else {
        if (set.size() < opt.batch_size)
            throw std::invalid_argument("bench-data: batch " + std::to_string(opt.batch_size) + " is larger than the " +
                                        std::to_string(set.size()) + " images of " + set.source);
        MultiCropLoader loader(set, aug, LoaderOptions{opt.batch_size, cfg.system.seed, opt.workers, opt.prefetch, 0});
        int64_t epoch = 0;
        loader.startEpoch(epoch);
        auto next = [&] {
            auto b = loader.next();
            if (!b) {
                loader.startEpoch(++epoch);
                b = loader.next();
            }
            return b.has_value();
        };
        next();  // warm-up
        auto t0 = Clock::now();
        double elapsed = 0;
        while (elapsed < opt.seconds && next()) {
            ++r.batches;
            elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
        }
        r.seconds = elapsed;
        loader.stop();
    }
    r.images = r.batches * opt.batch_size;
    r.views = r.images * r.views_per_image;
    r.images_per_s = r.images / r.seconds;
    r.views_per_s = r.views / r.seconds;
    return r;
}

}  // namespace dino::api
