#include "api/run_storage.h"

#include "api/run_directory.h"
#include "api/run_lock.h"
#include "common/config.h"
#include "common/fsutil.h"
#include "common/retention.h"

#include <filesystem>
#include <stdexcept>

namespace dino::api {

namespace fs = std::filesystem;

RunDiskUsage runDiskUsage(const std::string& run_dir) {
    RunDiskUsage u;
    std::error_code ec;
    if (!fs::is_directory(run_dir, ec)) return u;
    for (auto it = fs::recursive_directory_iterator(run_dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        u.total_bytes += static_cast<int64_t>(it->file_size(ec));
    }
    for (const auto& f : listCheckpointFiles(run_dir)) {
        u.checkpoint_bytes += f.bytes;
        ++u.checkpoint_files;
    }
    return u;
}

PruneReport pruneRun(const std::string& run_dir, int keep_newest, int every, bool dry_run) {
    if (!fs::exists(runConfigPath(run_dir)))
        throw std::runtime_error(run_dir + " is not a run directory (no config.json)");
    if (keep_newest < -1) throw std::invalid_argument("keep must be >= -1 (-1 = all), got " + std::to_string(keep_newest));
    if (every < 0) throw std::invalid_argument("every must be >= 0 (0 = none), got " + std::to_string(every));
    if (!dry_run) requireNoWriter(run_dir);  // the writer prunes by its own policy; two would race
    PruneResult r = pruneCheckpoints(run_dir, RetentionPolicy{keep_newest, every}, dry_run);
    PruneReport out;
    out.removed = r.removed;
    out.bytes_freed = r.bytes_freed;
    for (const auto& f : listCheckpointFiles(run_dir)) {
        bool gone = false;
        for (const auto& p : r.removed) gone = gone || p == f.path;
        if (!gone) out.kept.push_back(f.path);
    }
    return out;
}

PruneReport pruneRun(const std::string& run_dir, bool dry_run) {
    RunConfig cfg = loadConfigFile(runConfigPath(run_dir));
    return pruneRun(run_dir, cfg.system.keep_checkpoints, cfg.system.checkpoint_every_epochs, dry_run);
}

void exportRunMetrics(const std::string& run_dir, const std::string& dest) {
    const std::string src = runMetricsPath(run_dir);
    if (!fs::exists(src)) throw std::runtime_error(src + " does not exist yet (the run has no step)");
    writeFileAtomic(dest, readTextFile(src));
}

void exportCheckpoint(const std::string& run_dir, const std::string& checkpoint, const std::string& dest) {
    std::string src = checkpoint;
    if (src.empty()) {
        const auto all = listCheckpointFiles(run_dir);
        if (all.empty()) throw std::runtime_error(run_dir + " has no checkpoint yet");
        src = all.back().path;  // last.ckpt last
    }
    if (!fs::exists(src)) throw std::runtime_error(src + " does not exist");
    writeFileAtomic(dest, readTextFile(src));
}

}  // namespace dino::api
