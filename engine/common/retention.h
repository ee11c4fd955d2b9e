// Which per-epoch checkpoints a run keeps. last.ckpt (the full state a resume needs) is always
// kept; of the snapshots epoch_NNN.ckpt, the newest `keep_newest` (-1 = all, 0 = none) and every
// `every`-th epoch (1-based: epochs every, 2*every, ...; 0 = none), as official DINO keeps
// checkpoint.pth plus one every saveckp_freq epochs. Torch-free.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino {

struct RetentionPolicy {
    int keep_newest = 2;
    int every = 0;
    bool keeps(int epoch, int newest_epoch) const;  // is epoch's snapshot kept once newest_epoch is written?
};

// Of the epochs whose snapshots exist (any order, 0-based), those to delete, ascending.
std::vector<int> epochsToDelete(std::vector<int> present, const RetentionPolicy& policy);

// The epoch of "epoch_NNN.ckpt" (file name or path), or -1 for any other name.
int epochOfCheckpointName(const std::string& name);

struct CheckpointFile {
    std::string path;
    int epoch = -1;  // -1 for last.ckpt
    int64_t bytes = 0;
};

// The checkpoints in <run>/checkpoints: epoch snapshots by epoch, then last.ckpt. Stray temp files
// of an interrupted write ("*.tmp-<pid>") are listed with epoch -2.
std::vector<CheckpointFile> listCheckpointFiles(const std::string& run_dir);

struct PruneResult {
    std::vector<std::string> removed;  // paths (or, for a dry run, those that would be removed)
    int64_t bytes_freed = 0;
};

// Deletes the epoch snapshots (and stray temp files) the policy does not keep. last.ckpt is never
// touched. `upcoming_epoch` (>= 0) counts as present: the trainer prunes before it writes that
// epoch's snapshot, to make room. Throws naming the file when one cannot be removed.
PruneResult pruneCheckpoints(const std::string& run_dir, const RetentionPolicy& policy, bool dry_run = false,
                             int upcoming_epoch = -1);

}  // namespace dino
