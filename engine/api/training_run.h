// Runs DINO training in a run directory. Torch-free facade (pimpl) for the GUI worker and the CLI.
// run() blocks: call it on a worker thread. cancel()/setPaused() are thread-safe and take effect
// within one step. Errors (bad data, non-finite loss, ...) are thrown as std::runtime_error with a
// readable message, after the last good checkpoint has been kept.
#pragma once

#include "api/distributed.h"
#include "api/types.h"
#include "common/config.h"

#include <memory>
#include <string>

namespace dino::api {

// Throws std::runtime_error (saying how to continue it instead) when run_dir exists and is not an
// empty directory: a new run needs a new or empty directory. RunLockedError (api/run_lock.h) when
// another process trains there. The training process (rank 0) holds the run's lock from create() or
// resume() until the TrainingRun is destroyed; a second writer gets RunLockedError.
void checkNewRunDirectory(const std::string& run_dir);

class TrainingRun {
public:
    // New run: writes config.json into run_dir (created; must be empty or not exist).
    // dist (world_size > 1): this process is one rank of a data-parallel run; it joins the others
    // (rendezvous at dist.master_addr:master_port) before it returns. Rank 0 writes the run
    // directory as one process does; every other rank writes only log.rank<N>.txt there.
    static std::unique_ptr<TrainingRun> create(const RunConfig& cfg, const std::string& run_dir,
                                               const DistributedEnv& dist = {});
    // Continues from run_dir/checkpoints/last.ckpt with the run's own config.json (on every rank:
    // across machines the run directory must be shared or copied).
    static std::unique_ptr<TrainingRun> resume(const std::string& run_dir, const DistributedEnv& dist = {});
    // create/resume with cfg.system.processes processes on this machine (the GUI's way): this
    // process is rank 0, and ranks 1.. are started as `dino_exe train --config <cfg> --run DIR` (or
    // `dino_exe resume DIR`) with the launcher variables. run() then also waits for them, and a
    // failure of one is reported with its rank. With processes = 1, plain create/resume.
    static std::unique_ptr<TrainingRun> createLocal(const RunConfig& cfg, const std::string& run_dir,
                                                    const std::string& dino_exe);
    static std::unique_ptr<TrainingRun> resumeLocal(const std::string& run_dir, const std::string& dino_exe);
    ~TrainingRun();

    RunPlan plan() const;
    const RunConfig& config() const;
    const std::string& runDir() const;
    int rank() const;  // 0 in one process
    RunOutcome run(TrainObserver& observer);
    void cancel();
    void setPaused(bool paused);
    bool paused() const;

private:
    TrainingRun();
    RunOutcome runHere(TrainObserver& observer);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dino::api
