#include "common/retention.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace dino {

namespace fs = std::filesystem;

bool RetentionPolicy::keeps(int epoch, int newest_epoch) const {
    if (keep_newest < 0) return true;
    if (every > 0 && (epoch + 1) % every == 0) return true;
    return epoch > newest_epoch - keep_newest;
}

std::vector<int> epochsToDelete(std::vector<int> present, const RetentionPolicy& policy) {
    std::sort(present.begin(), present.end());
    present.erase(std::unique(present.begin(), present.end()), present.end());
    std::vector<int> out;
    if (present.empty() || policy.keep_newest < 0) return out;
    // "Newest" counts the snapshots that exist, so that a gap (a run resumed with other settings)
    // never deletes more than the policy says.
    const int n = static_cast<int>(present.size());
    for (int i = 0; i < n; ++i) {
        const int e = present[static_cast<size_t>(i)];
        const bool periodic = policy.every > 0 && (e + 1) % policy.every == 0;
        const bool newest = i >= n - policy.keep_newest;
        if (!periodic && !newest) out.push_back(e);
    }
    return out;
}

int epochOfCheckpointName(const std::string& name) {
    std::string base = fs::path(name).filename().string();
    const std::string prefix = "epoch_", suffix = ".ckpt";
    if (base.size() <= prefix.size() + suffix.size() || base.rfind(prefix, 0) != 0 ||
        base.compare(base.size() - suffix.size(), suffix.size(), suffix) != 0)
        return -1;
    std::string digits = base.substr(prefix.size(), base.size() - prefix.size() - suffix.size());
    if (digits.empty() || digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return -1;
    return std::atoi(digits.c_str());
}

std::vector<CheckpointFile> listCheckpointFiles(const std::string& run_dir) {
    std::vector<CheckpointFile> out;
    fs::path dir = fs::path(run_dir) / "checkpoints";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    CheckpointFile last;
    bool have_last = false;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        const std::string name = e.path().filename().string();
        CheckpointFile f;
        f.path = e.path().string();
        f.bytes = static_cast<int64_t>(e.file_size(ec));
        if (name == "last.ckpt") {
            last = f;
            have_last = true;
            continue;
        }
        auto tmp = name.find(".ckpt.tmp-");
        if (tmp != std::string::npos) {
            // A temp file of a write that never finished, unless its writer is still alive.
            long pid = std::atol(name.c_str() + tmp + 10);
            if (pid <= 0 || (pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) f.epoch = -2;
            else continue;
        } else {
            f.epoch = epochOfCheckpointName(name);
        }
        if (f.epoch == -1) continue;  // not ours
        out.push_back(f);
    }
    std::sort(out.begin(), out.end(), [](const CheckpointFile& a, const CheckpointFile& b) {
        return a.epoch != b.epoch ? a.epoch < b.epoch : a.path < b.path;
    });
    if (have_last) out.push_back(last);
    return out;
}

PruneResult pruneCheckpoints(const std::string& run_dir, const RetentionPolicy& policy, bool dry_run,
                             int upcoming_epoch) {
    auto files = listCheckpointFiles(run_dir);
    std::vector<int> epochs;
    for (const auto& f : files)
        if (f.epoch >= 0) epochs.push_back(f.epoch);
    if (upcoming_epoch >= 0) epochs.push_back(upcoming_epoch);
    auto doomed = epochsToDelete(epochs, policy);
    PruneResult r;
    for (const auto& f : files) {
        const bool stray_temp = f.epoch == -2;
        const bool unkept = f.epoch >= 0 && f.epoch != upcoming_epoch &&
                            std::binary_search(doomed.begin(), doomed.end(), f.epoch);
        if (!stray_temp && !unkept) continue;
        if (!dry_run) {
            std::error_code ec;
            fs::remove(f.path, ec);
            if (ec) throw std::runtime_error("cannot remove " + f.path + ": " + ec.message());
        }
        r.removed.push_back(f.path);
        r.bytes_freed += f.bytes;
    }
    return r;
}

}  // namespace dino
