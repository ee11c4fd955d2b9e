#include "api/run_storage.h"

#include "api/run_directory.h"
#include "common/config.h"
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

}  // namespace dino::api
