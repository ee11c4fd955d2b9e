// Disk use of a run directory and pruning of its epoch checkpoints (system.keep_checkpoints,
// system.checkpoint_every_epochs). Torch-free, for the GUI's Runs tab and `dino prune`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino::api {

struct RunDiskUsage {
    int64_t total_bytes = 0;       // every file below the run directory
    int64_t checkpoint_bytes = 0;  // checkpoints/*.ckpt (and stray temp files)
    int checkpoint_files = 0;
};
RunDiskUsage runDiskUsage(const std::string& run_dir);

struct PruneReport {
    std::vector<std::string> removed;  // paths removed (or that would be, for a dry run)
    int64_t bytes_freed = 0;
    std::vector<std::string> kept;     // checkpoint paths left, oldest first (last.ckpt last)
};

// Keeps last.ckpt, the newest keep_newest epoch checkpoints (-1 = all) and every every-th epoch's
// (0 = none); removes the other epoch checkpoints and temp files of writes that never finished.
// Throws naming the run when it is not a run directory, or the file that cannot be removed;
// RunLockedError (api/run_lock.h) while a training process writes the run (not for a dry run).
PruneReport pruneRun(const std::string& run_dir, int keep_newest, int every, bool dry_run = false);
// The same with the run's own policy from its config.json.
PruneReport pruneRun(const std::string& run_dir, bool dry_run = false);

// Copies of a run's files for the GUI's exports, each written atomically (temp file + rename, as every
// file the engine writes): the run's metrics.csv, and a checkpoint (empty = the run's newest, last.ckpt
// when there is one). Throw naming the file that is missing, or the one that cannot be written.
void exportRunMetrics(const std::string& run_dir, const std::string& dest);
void exportCheckpoint(const std::string& run_dir, const std::string& checkpoint, const std::string& dest);

}  // namespace dino::api
