// Console reporting of a training run for `dino train` / `dino resume`: a one-line progress bar with
// loss, images/s and ETA on a terminal, plain lines otherwise (logs, pipes, CI). Also the SIGINT
// handling that turns Ctrl-C into a clean cancel (checkpoint kept) and a second Ctrl-C into an abort.
#pragma once

#include "api/training_run.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

namespace dino::cli {

class ConsoleProgress : public api::TrainObserver {
public:
    explicit ConsoleProgress(bool terminal, std::FILE* out = stdout);
    void onPlan(const api::RunPlan& p) override;
    void onStep(const api::StepMetrics& m) override;
    void onEpoch(const api::EpochMetrics& e) override;
    void onEval(const api::EvalReport& r) override;
    void onLog(const std::string& s) override;
    void onKnn(const api::KnnPoint& p) override;
    void onEvalProgress(int64_t done, int64_t total) override;
    void finish();  // ends the progress line

private:
    void clearLine();
    std::string eta(int64_t step) const;
    bool terminal_;
    std::FILE* out_;
    api::RunPlan plan_;
    bool bar_shown_ = false;
    double mean_step_s_ = 0;  // running mean of step seconds, for the ETA
    int64_t steps_seen_ = 0;
    int64_t print_every_ = 1;
};

// While alive: the first SIGINT/SIGTERM (see interrupt.h; inside a CancelScope) calls run.cancel()
// from a watcher thread, so that the run stops after the current step and keeps last.ckpt.
class InterruptToCancel {
public:
    explicit InterruptToCancel(api::TrainingRun& run);
    ~InterruptToCancel();
    bool interrupted() const;

private:
    api::TrainingRun& run_;
    std::atomic<bool> stop_{false};
    std::thread watcher_;
};

std::string formatDuration(double seconds);  // "1h02m", "3m12s", "45s"

}  // namespace dino::cli
