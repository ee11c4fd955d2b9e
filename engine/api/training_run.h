// Runs DINO training in a run directory. Torch-free facade (pimpl) for the GUI worker and the CLI.
// run() blocks: call it on a worker thread. cancel()/setPaused() are thread-safe and take effect
// within one step. Errors (bad data, non-finite loss, ...) are thrown as std::runtime_error with a
// readable message, after the last good checkpoint has been kept.
#pragma once

#include "api/types.h"
#include "common/config.h"

#include <memory>
#include <stdexcept>
#include <string>

namespace dino::api {

// The loss became NaN or infinite: the run stopped, the last good checkpoint was kept, and the
// message names the likely causes (temperatures, learning rate, precision).
class NonFiniteLossError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The training data could not be opened or does not fit the configuration (missing file, bad npz).
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class TrainObserver {
public:
    virtual ~TrainObserver() = default;
    virtual void onPlan(const RunPlan&) {}
    virtual void onStep(const StepMetrics&) {}
    virtual void onEpoch(const EpochMetrics&) {}
    virtual void onEval(const EvalReport&) {}
    virtual void onKnn(const KnnPoint&) {}  // a point of the live k-NN curve (eval.knn_every_steps)
    virtual void onLog(const std::string&) {}
    // Called while evaluation computes features: done/total images.
    virtual void onEvalProgress(int64_t, int64_t) {}
};

enum class RunOutcome { Finished, Cancelled };

class TrainingRun {
public:
    // New run: writes config.json into run_dir (created; must be empty or not exist).
    static std::unique_ptr<TrainingRun> create(const RunConfig& cfg, const std::string& run_dir);
    // Continues from run_dir/checkpoints/last.ckpt with the run's own config.json.
    static std::unique_ptr<TrainingRun> resume(const std::string& run_dir);
    ~TrainingRun();

    RunPlan plan() const;
    const RunConfig& config() const;
    const std::string& runDir() const;
    RunOutcome run(TrainObserver& observer);
    void cancel();
    void setPaused(bool paused);
    bool paused() const;

private:
    TrainingRun();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dino::api
