// A training step split over images between worker threads on the CPU (worker_pool.h,
// image_split.h, Trainer::imageWorkers): the workers' own intra-op thread counts, exceptions,
// the view-major join, the fixed-order gradient sum, and runs on the tiny preset that are
// reproducible bit for bit and agree with the single-thread path up to rounding.
#include "training/image_split.h"
#include "training/trainer.h"
#include "training/worker_pool.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace dino;

namespace {

// Restores the calling thread's (and the process default) intra-op thread count.
struct KeepThreads {
    int saved = at::get_num_threads();
    ~KeepThreads() { at::set_num_threads(saved); }
};

struct Steps : api::TrainObserver {
    std::vector<api::StepMetrics> steps;
    void onStep(const api::StepMetrics& m) override { steps.push_back(m); }
};

RunConfig oneEpoch(int threads) {
    RunConfig cfg = test::tinyConfig();
    cfg.optim.epochs = 1;  // 4 steps of 16 images
    cfg.system.threads = threads;
    return cfg;
}

// The largest |a - b| / (atol + rtol |b|) over the parameters of two modules (<= 1: allclose).
double closeness(torch::nn::Module& a, torch::nn::Module& b, double rtol, double atol) {
    auto pb = b.named_parameters();
    double worst = 0;
    for (auto& p : a.named_parameters()) {
        auto other = pb[p.key()];
        auto ratio = (p.value() - other).abs() / (atol + rtol * other.abs());
        worst = std::max(worst, ratio.max().item<double>());
    }
    return worst;
}

}  // namespace

TEST_CASE("image split: contiguous slices, the first ones one image larger", "[parallel]") {
    auto s = splitImages(10, 3);
    REQUIRE(s.size() == 3);
    CHECK((s[0].first == 0 && s[0].count == 4));
    CHECK((s[1].first == 4 && s[1].count == 3));
    CHECK((s[2].first == 7 && s[2].count == 3));
    auto even = splitImages(64, 2);
    CHECK((even[0].count == 32 && even[1].first == 32 && even[1].count == 32));
    CHECK(splitImages(3, 3).back().count == 1);
    CHECK_THROWS_WITH(splitImages(2, 3), Catch::Contains("parts <= batch"));
    CHECK_THROWS_WITH(splitImages(4, 0), Catch::Contains("1 <= parts"));
}

TEST_CASE("image split: view-major slice outputs join into the batch's view-major rows", "[parallel]") {
    const int V = 3;
    const int64_t B = 7, K = 2;
    // Row v * B + i of the batch holds (v, i).
    auto full = torch::empty({V * B, K});
    for (int v = 0; v < V; ++v)
        for (int64_t i = 0; i < B; ++i) {
            full[v * B + i][0] = v;
            full[v * B + i][1] = static_cast<float>(i);
        }
    // What a worker computes for images [first, first + n): view-major rows of those images.
    auto sliceOf = [&](int64_t first, int64_t n) {
        return full.reshape({V, B, K}).narrow(1, first, n).reshape({V * n, K});
    };
    std::vector<torch::Tensor> parts;
    for (const auto& s : splitImages(B, 3)) parts.push_back(sliceOf(s.first, s.count));
    CHECK(torch::equal(joinViewMajor(parts, V), full));
    CHECK(torch::equal(joinViewMajor({full}, V), full));
    CHECK_THROWS_WITH(joinViewMajor({torch::zeros({5, K})}, V), Catch::Contains("views = 3"));
}

TEST_CASE("image split: worker gradients add up in worker order into param.grad", "[parallel]") {
    auto a = torch::zeros({3}, torch::requires_grad());
    auto b = torch::zeros({2}, torch::requires_grad());
    auto c = torch::zeros({1}, torch::requires_grad());
    b.mutable_grad() = torch::full({2}, 10.0f);  // an existing gradient is added to, as backward() does
    std::vector<torch::Tensor> w0{torch::tensor({1.0f, 2.0f, 3.0f}), torch::tensor({1.0f, 1.0f}), torch::Tensor()};
    std::vector<torch::Tensor> w1{torch::tensor({0.5f, 0.5f, 0.5f}), torch::Tensor(), torch::Tensor()};
    accumulateWorkerGradients({a, b, c}, {w0, {}, w1});
    CHECK(torch::equal(a.grad(), torch::tensor({1.5f, 2.5f, 3.5f})));
    CHECK(torch::equal(b.grad(), torch::tensor({11.0f, 11.0f})));
    CHECK_FALSE(c.grad().defined());  // no worker had a gradient for it
    w0[0].fill_(100);                 // the sum owns its memory
    CHECK(torch::equal(a.grad(), torch::tensor({1.5f, 2.5f, 3.5f})));
    CHECK_THROWS_WITH(accumulateWorkerGradients({a, b}, {w0}), Catch::Contains("3 gradients for 2 parameters"));

    std::vector<torch::Tensor> acc;
    addGradients(acc, {torch::ones({2}), torch::Tensor()});
    addGradients(acc, {torch::ones({2}), torch::full({1}, 4.0f)});
    CHECK(torch::equal(acc[0], torch::full({2}, 2.0f)));
    CHECK(torch::equal(acc[1], torch::full({1}, 4.0f)));
}

TEST_CASE("worker pool: one intra-op thread per worker, the creator keeps its count", "[parallel][pool]") {
    if (!perThreadIntraOpThreads()) {
        SUCCEED("this libtorch has one intra-op thread count per process: the trainer does not split images");
        return;
    }
    KeepThreads keep;
    at::set_num_threads(3);
    WorkerPool pool(2, 3);
    CHECK(pool.size() == 2);
    std::vector<int> counts(2, 0);
    std::vector<std::thread::id> ids(2);
    for (int round = 0; round < 3; ++round) {  // the same persistent threads every time
        std::vector<std::thread::id> now(2);
        pool.run([&](int w) {
            counts[w] = at::get_num_threads();
            now[w] = std::this_thread::get_id();
        });
        CHECK(counts == std::vector<int>{1, 1});
        if (round == 0) ids = now;
        CHECK(now == ids);
    }
    CHECK(ids[0] != ids[1]);
    CHECK(ids[0] != std::this_thread::get_id());
    CHECK(at::get_num_threads() == 3);
    // A thread started later (a loader, say) gets the creator's count as the default, not the workers'.
    int later = 0;
    std::thread([&] { later = at::get_num_threads(); }).join();
    CHECK(later == 3);
    // The workers' math really runs there with one thread: a parallel reduction still works.
    std::vector<double> sums(2);
    pool.run([&](int w) { sums[w] = torch::arange(100000, torch::kDouble).sum().item<double>(); });
    CHECK(sums[0] == 4999950000.0);
    CHECK(sums[1] == 4999950000.0);
}

TEST_CASE("worker pool: a worker's exception reaches the caller, the pool keeps working", "[parallel][pool]") {
    KeepThreads keep;
    WorkerPool pool(3, keep.saved);
    std::atomic<int> ran{0};
    CHECK_THROWS_WITH(pool.run([&](int w) {
                          ++ran;
                          if (w >= 1) throw std::runtime_error("worker " + std::to_string(w) + " failed");
                      }),
                      "worker 1 failed");  // the lowest-numbered failure, after all of them ran
    CHECK(ran == 3);
    std::vector<int> seen(3, 0);
    pool.run([&](int w) { seen[w] = w + 1; });
    CHECK(seen == std::vector<int>{1, 2, 3});
    CHECK_THROWS_AS(WorkerPool(0, 1), std::invalid_argument);
}

TEST_CASE("the step splits its images between threads only on a multi-thread CPU run", "[parallel][trainer]") {
    KeepThreads keep;
    Trainer one(oneEpoch(1), "");
    CHECK(one.imageWorkers(16) == 1);
    Trainer two(oneEpoch(2), "");
    CHECK(two.imageWorkers(16) == (perThreadIntraOpThreads() ? 2 : 1));
    CHECK(two.imageWorkers(2) == (perThreadIntraOpThreads() ? 2 : 1));
    CHECK(two.imageWorkers(1) == 1);  // fewer images than threads
}

TEST_CASE("a run split over image workers is reproducible bit for bit and matches one thread up to rounding",
          "[parallel][trainer]") {
    KeepThreads keep;
    RunConfig cfg = oneEpoch(2);
    cfg.optim.clip_grad = 0.5;  // per-parameter clipping and no decay on biases/norms see the summed gradients
    cfg.optim.no_wd_bias_norm = true;
    Trainer a(cfg, ""), b(cfg, "");
    Steps ra, rb;
    REQUIRE(a.run(ra) == api::RunOutcome::Finished);
    CHECK(at::get_num_threads() == 2);  // the training thread kept its threads for the optimizer and EMA
    REQUIRE(b.run(rb) == api::RunOutcome::Finished);
    REQUIRE(ra.steps.size() == 4);
    REQUIRE(rb.steps.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(ra.steps[i].loss == rb.steps[i].loss);
        CHECK(ra.steps[i].center_norm == rb.steps[i].center_norm);
    }
    CHECK(test::firstDifference(*a.student(), *b.student()) == "");
    CHECK(test::firstDifference(*a.teacher(), *b.teacher()) == "");

    RunConfig single_cfg = cfg;
    single_cfg.system.threads = 1;
    Trainer single(single_cfg, "");
    Steps rs;
    REQUIRE(single.run(rs) == api::RunOutcome::Finished);
    REQUIRE(rs.steps.size() == 4);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(ra.steps[i].loss == Approx(rs.steps[i].loss).epsilon(1e-5));
        CHECK(ra.steps[i].center_norm == Approx(rs.steps[i].center_norm).epsilon(1e-5));
    }
    // Up to rounding, amplified by 4 AdamW steps: within (1e-5 relative + 1e-6) with Debian's
    // libtorch 1.13; libtorch 2.15 (MKL products, torch::linear) reached 1.03 of that, so 2e-6.
    CHECK(closeness(*a.teacher(), *single.teacher(), 1e-5, 2e-6) <= 1.0);
    CHECK(closeness(*a.student(), *single.student(), 1e-5, 2e-6) <= 1.0);
}

TEST_CASE("image workers in smaller groups, with separate local crops, and with a frozen last layer", "[parallel][trainer]") {
    KeepThreads keep;
    for (int variant = 0; variant < 3; ++variant) {
        DYNAMIC_SECTION("variant " << variant) {
            RunConfig cfg = oneEpoch(2);
            cfg.optim.max_steps_per_epoch = 2;
            if (variant == 1) cfg.views.local_crop_size = 12;  // globals and locals through the student separately
            if (variant == 2) cfg.optim.freeze_last_layer_epochs = 1;
            Trainer split(cfg, "");
            if (variant == 0) split.setMicroBatch(5);  // 2 images per worker group: 8 = 2 + 2 + 2 + 2
            RunConfig single_cfg = cfg;
            single_cfg.system.threads = 1;
            Trainer single(single_cfg, "");
            Steps rp, rs;
            REQUIRE(split.run(rp) == api::RunOutcome::Finished);
            REQUIRE(single.run(rs) == api::RunOutcome::Finished);
            REQUIRE(rp.steps.size() == 2);
            REQUIRE(rs.steps.size() == 2);
            for (size_t i = 0; i < 2; ++i) CHECK(rp.steps[i].loss == Approx(rs.steps[i].loss).epsilon(1e-5));
            // Different row counts per product sum in a different order; AdamW divides by sqrt(v), so
            // a rounding-level gradient difference moves a parameter by a few 1e-6 at most here.
            CHECK(closeness(*split.student(), *single.student(), 1e-5, 3e-6) <= 1.0);
            if (variant == 2) {
                auto init = Trainer(cfg, "").student()->named_parameters();
                for (auto& p : split.student()->named_parameters())
                    if (p.key().find("last_layer") != std::string::npos) {
                        INFO(p.key());
                        CHECK(torch::equal(p.value(), init[p.key()]));
                    }
            }
        }
    }
}

TEST_CASE("bf16 autocast is on in the image workers", "[parallel][trainer][bf16]") {
    KeepThreads keep;
    RunConfig cfg = oneEpoch(2);
    cfg.optim.max_steps_per_epoch = 2;
    Trainer fp32(cfg, "");
    cfg.system.precision = "bf16";
    Trainer bf16(cfg, "");
    REQUIRE(bf16.imageWorkers(16) == (perThreadIntraOpThreads() ? 2 : 1));
    Steps a, b;
    REQUIRE(fp32.run(a) == api::RunOutcome::Finished);
    REQUIRE(bf16.run(b) == api::RunOutcome::Finished);
    REQUIRE(b.steps.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(std::isfinite(b.steps[i].loss));
        CHECK(b.steps[i].loss == Approx(a.steps[i].loss).epsilon(0.02));
    }
    CHECK(b.steps[0].loss != a.steps[0].loss);  // the workers' forward passes really ran in bf16
}
