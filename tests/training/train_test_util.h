// Helpers shared by the trainer / run-directory tests: temporary run directories, the tiny preset,
// exact tensor comparison of two modules.
#pragma once

#include "api/training_run.h"
#include "common/config.h"
#include "training/checkpoint.h"
#include "training/trainer.h"
#include "test_util.h"

#include <torch/torch.h>

#include <atomic>
#include <functional>
#include <memory>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace dino::test {

// The tiny preset (2-block 32-wide ViT, 64 images, batch 16 -> 4 steps/epoch, 2 epochs, 1 thread),
// without the end-of-run evaluation unless asked.
inline RunConfig tinyConfig(bool eval_at_end = false) {
    RunConfig c = presetConfig("tiny");
    c.eval.eval_at_end = eval_at_end;
    return c;
}

// Every parameter and buffer of a and b, by name, bit-identical (same dtype, shape, values).
inline std::string firstDifference(torch::nn::Module& a, torch::nn::Module& b) {
    auto pa = a.named_parameters(), pb = b.named_parameters();
    if (pa.size() != pb.size()) return "parameter count differs";
    for (const auto& item : pa) {
        const torch::Tensor* other = pb.find(item.key());
        if (!other) return "missing " + item.key();
        if (!torch::equal(item.value(), *other)) return item.key();
    }
    auto ba = a.named_buffers(), bb = b.named_buffers();
    for (const auto& item : ba) {
        const torch::Tensor* other = bb.find(item.key());
        if (!other) return "missing buffer " + item.key();
        if (!torch::equal(item.value(), *other)) return "buffer " + item.key();
    }
    return "";
}

// The two runs of trainWholeAndResumed, each restored from its last checkpoint into a Trainer of the config.
struct WholeAndResumed {
    std::unique_ptr<Trainer> whole, resumed;
};

// Trains cfg twice: into `full` without a break, and into `part` cancelled after step `stop_step` and then
// resumed to the end (api::TrainingRun, as `dino train` and `dino resume` do); returns both ends restored.
inline WholeAndResumed trainWholeAndResumed(const RunConfig& cfg, const std::string& full, const std::string& part,
                                            int64_t stop_step) {
    struct Observer : api::TrainObserver {
        std::function<void(const api::StepMetrics&)> on_step;
        void onStep(const api::StepMetrics& m) override {
            if (on_step) on_step(m);
        }
    };
    {
        Observer rec;
        if (api::TrainingRun::create(cfg, full)->run(rec) != api::RunOutcome::Finished)
            throw std::runtime_error("trainWholeAndResumed: the uninterrupted run did not finish");
    }
    {
        auto run = api::TrainingRun::create(cfg, part);
        Observer rec;
        rec.on_step = [&](const api::StepMetrics& m) {
            if (m.step == stop_step) run->cancel();
        };
        if (run->run(rec) != api::RunOutcome::Cancelled)
            throw std::runtime_error("trainWholeAndResumed: the run was not cancelled at step " + std::to_string(stop_step));
    }
    {
        Observer rec;
        if (api::TrainingRun::resume(part)->run(rec) != api::RunOutcome::Finished)
            throw std::runtime_error("trainWholeAndResumed: the resumed run did not finish");
    }
    WholeAndResumed r{std::make_unique<Trainer>(cfg, ""), std::make_unique<Trainer>(cfg, "")};
    r.whole->restore(lastCheckpointPath(full));
    r.resumed->restore(lastCheckpointPath(part));
    return r;
}

}  // namespace dino::test
