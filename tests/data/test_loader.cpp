// The loader: shuffled by (seed, epoch), drop_last, identical batches after a resume, the same
// batches with and without background workers, and a prompt, clean stop.
#include "data/batch_shard.h"
#include "data/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

using namespace dino;

namespace {

const Normalization kNorm{{0.5, 0.5, 0.5}, {0.25, 0.25, 0.25}};

// Labels are the image indices, so batches reveal which images they hold.
ImageSet indexedSet(int64_t n, int64_t size = 12) {
    auto g = at::make_generator<at::CPUGeneratorImpl>(3);
    ImageSet s;
    s.images = torch::randint(0, 256, {n, size, size, 3}, g, torch::kUInt8);
    s.labels = torch::arange(n, torch::kInt64);
    s.source = "synthetic";
    return s;
}

std::vector<MultiCropBatch> epoch(MultiCropLoader& l, int64_t e, int64_t first = 0) {
    l.startEpoch(e, first);
    std::vector<MultiCropBatch> out;
    while (auto b = l.next()) out.push_back(std::move(*b));
    return out;
}

void requireSame(const MultiCropBatch& a, const MultiCropBatch& b) {
    REQUIRE(a.labels.equal(b.labels));
    REQUIRE(a.globals.equal(b.globals));
    REQUIRE(a.locals.equal(b.locals));
}

}  // namespace

TEST_CASE("loader: shuffled, drop_last, order fixed by (seed, epoch)", "[loader]") {
    ImageSet set = indexedSet(50);
    ViewsConfig v;
    v.local_crop_size = 6;
    MultiCrop mc(v, 12, kNorm);
    MultiCropLoader loader(set, mc, LoaderOptions{8, 123, 1, 2, 0});
    CHECK(loader.stepsPerEpoch() == 6);  // 50 / 8, the last 2 images dropped
    auto e0 = epoch(loader, 0);
    REQUIRE(e0.size() == 6);
    std::set<int64_t> seen;
    for (const auto& b : e0) {
        CHECK(b.globals.sizes() == torch::IntArrayRef({2, 8, 3, 12, 12}));
        CHECK(b.locals.sizes() == torch::IntArrayRef({2, 8, 3, 6, 6}));
        for (int64_t i = 0; i < 8; ++i) seen.insert(b.labels[i].item<int64_t>());
    }
    CHECK(seen.size() == 48);  // no repeats within an epoch
    // Shuffled (not 0..7 first) and different in the next epoch; the same again for the same epoch.
    CHECK_FALSE(e0[0].labels.equal(torch::arange(8, torch::kInt64)));
    auto e1 = epoch(loader, 1);
    CHECK_FALSE(e1[0].labels.equal(e0[0].labels));
    auto e0again = epoch(loader, 0);
    for (size_t k = 0; k < e0.size(); ++k) requireSame(e0[k], e0again[k]);
    CHECK(epochPermutation(50, 123, 4).equal(epochPermutation(50, 123, 4)));
    CHECK_FALSE(epochPermutation(50, 123, 4).equal(epochPermutation(50, 124, 4)));
    CHECK(batchSeed(1, 2, 3) != batchSeed(1, 3, 2));

    LoaderOptions capped{8, 123, 1, 2, 4};
    MultiCropLoader short_loader(set, mc, capped);
    CHECK(short_loader.stepsPerEpoch() == 4);
    CHECK_THROWS_AS(MultiCropLoader(indexedSet(5), mc, LoaderOptions{8, 0, 1, 2, 0}), std::invalid_argument);
}

TEST_CASE("loader: a resumed epoch sees identical batches, workers do not change them", "[loader]") {
    ImageSet set = indexedSet(64);
    ViewsConfig v;
    MultiCrop mc(v, 12, kNorm);
    MultiCropLoader sync(set, mc, LoaderOptions{8, 7, 0, 2, 0});
    auto full = epoch(sync, 3);
    REQUIRE(full.size() == 8);
    MultiCropLoader threaded(set, mc, LoaderOptions{8, 7, 2, 3, 0});
    auto again = epoch(threaded, 3);
    REQUIRE(again.size() == 8);
    for (size_t k = 0; k < full.size(); ++k) requireSame(full[k], again[k]);
    MultiCropLoader resumed(set, mc, LoaderOptions{8, 7, 1, 2, 0});
    auto tail = epoch(resumed, 3, 5);
    REQUIRE(tail.size() == 3);
    for (size_t k = 0; k < 3; ++k) requireSame(full[5 + k], tail[k]);
    requireSame(full[6], resumed.makeBatch(3, 6));
    // Restarting an epoch mid-way discards what was prefetched for the old position.
    threaded.startEpoch(3, 0);
    auto first = threaded.next();
    threaded.startEpoch(3, 7);
    auto last = threaded.next();
    REQUIRE(last);
    requireSame(full[7], *last);
    CHECK_FALSE(threaded.next());
}

TEST_CASE("loader: stop() and destruction mid-epoch are prompt and clean", "[loader]") {
    ImageSet set = indexedSet(2048, 28);
    ViewsConfig v;
    v.num_local = 6;
    MultiCrop mc(v, 28, kNorm);
    for (int workers : {1, 2}) {
        auto t0 = std::chrono::steady_clock::now();
        {
            MultiCropLoader loader(set, mc, LoaderOptions{64, 1, workers, 4, 0});
            loader.startEpoch(0);
            REQUIRE(loader.next());
            // Destroyed here with workers busy and a full queue.
        }
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        CHECK(s < 10.0);
    }
    MultiCropLoader loader(set, mc, LoaderOptions{64, 1, 2, 2, 0});
    loader.startEpoch(0);
    REQUIRE(loader.next());
    loader.stop();
    CHECK_FALSE(loader.next());
    loader.stop();  // idempotent
    // A new epoch after stop() works again.
    loader.startEpoch(1);
    CHECK(loader.next());
}

// Not run by default: `test_data "[bench]"`. A training-like thread (matrix products on 2 intra-op
// threads) consumes batches; measures how long it waits for data and how fast its own math runs
// when the augmentation workers use 1 intra-op thread (the default) or libtorch's default count.
TEST_CASE("loader: interference of augmentation workers with the training thread", "[.][bench]") {
    at::set_num_threads(2);
    ImageSet set = indexedSet(4096, 28);
    ViewsConfig v;
    MultiCrop mc(v, 28, kNorm);
    auto a = torch::randn({512, 192}), w = torch::randn({192, 768});
    auto compute = [&] {
        for (int k = 0; k < 60; ++k) a = torch::tanh(a.mm(w)).mm(w.t()) * 0.1;
    };
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    auto t0 = Clock::now();
    for (int s = 0; s < 12; ++s) compute();
    const double alone = seconds(t0) / 12;
    std::printf("compute alone: %.1f ms/step\n", alone * 1e3);
    for (int wt : {1, 0}) {
        for (int workers : {1, 2}) {
            MultiCropLoader loader(set, mc, LoaderOptions{64, 1, workers, 2, 12, wt});
            loader.startEpoch(0);
            double wait = 0, math = 0;
            int steps = 0;
            auto start = Clock::now();
            while (true) {
                auto tw = Clock::now();
                auto b = loader.next();
                wait += seconds(tw);
                if (!b) break;
                auto tc = Clock::now();
                compute();
                math += seconds(tc);
                ++steps;
            }
            std::printf("workers %d, worker threads %s: %.1f ms/step total, compute %.1f ms, waiting %.1f ms\n",
                        workers, wt == 1 ? "1" : "default", seconds(start) / steps * 1e3, math / steps * 1e3,
                        wait / steps * 1e3);
        }
    }
}

TEST_CASE("data-parallel sampler: shards are disjoint, cover every batch and the epoch, resume at the same place",
          "[loader][distributed]") {
    // batchShard: contiguous, in rank order, the remainder on the first ranks.
    for (int64_t batch : {1, 7, 8, 64}) {
        for (int world = 1; world <= std::min<int64_t>(batch, 5); ++world) {
            int64_t next = 0;
            for (int r = 0; r < world; ++r) {
                const BatchShard s = batchShard(batch, world, r);
                CHECK(s.first == next);
                CHECK(s.count >= batch / world);
                CHECK(s.count <= batch / world + 1);
                next += s.count;
            }
            CHECK(next == batch);
        }
    }
    CHECK(batchShard(10, 3, 0).count == 4);
    CHECK(batchShard(10, 3, 2).first == 7);
    CHECK_THROWS_AS(batchShard(4, 5, 0), std::invalid_argument);
    CHECK_THROWS_AS(batchShard(4, 2, 2), std::invalid_argument);
    CHECK_THROWS_AS(batchShard(4, 0, 0), std::invalid_argument);

    // The loaders of 3 processes over an uneven batch of 8: each keeps its shard of the one-process
    // batch, views and labels alike; over the epoch the shards hold every image once.
    ImageSet set = indexedSet(50);
    ViewsConfig v;
    v.local_crop_size = 6;
    MultiCrop mc(v, 12, kNorm);
    const int world = 3;
    MultiCropLoader whole(set, mc, LoaderOptions{8, 11, 0, 2, 0});
    auto full = epoch(whole, 2);
    std::set<int64_t> seen;
    for (int r = 0; r < world; ++r) {
        const BatchShard s = batchShard(8, world, r);
        LoaderOptions o{8, 11, 1, 2, 0};
        o.shard_first = s.first;
        o.shard_count = s.count;
        MultiCropLoader part(set, mc, o);
        CHECK(part.stepsPerEpoch() == whole.stepsPerEpoch());
        auto mine = epoch(part, 2);
        REQUIRE(mine.size() == full.size());
        for (size_t k = 0; k < mine.size(); ++k) {
            CHECK(mine[k].globals.size(1) == s.count);
            REQUIRE(mine[k].labels.equal(full[k].labels.narrow(0, s.first, s.count)));
            REQUIRE(mine[k].globals.equal(full[k].globals.narrow(1, s.first, s.count)));
            REQUIRE(mine[k].locals.equal(full[k].locals.narrow(1, s.first, s.count)));
            for (int64_t i = 0; i < s.count; ++i) CHECK(seen.insert(mine[k].labels[i].item<int64_t>()).second);
        }
        // Resumed mid-epoch, a shard continues with the same images and views.
        auto resumed = epoch(part, 2, 3);
        REQUIRE(resumed.size() == mine.size() - 3);
        for (size_t k = 0; k < resumed.size(); ++k) requireSame(resumed[k], mine[k + 3]);
    }
    CHECK(seen.size() == 48u);  // 6 batches of 8: every image of the epoch once, over the shards
}
