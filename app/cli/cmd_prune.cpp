// `dino prune`: removes the epoch checkpoints a run's retention policy (or the one given) does not
// keep, and shows the run's disk use.
#include "command.h"

#include "api/run_storage.h"
#include "common/fsutil.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace dino::cli {
namespace {

const char* kPruneUsage =
    "usage: dino prune DIR [--keep N] [--every K] [--dry-run]\n\n"
    "Removes epoch checkpoints (checkpoints/epoch_NNN.ckpt) of the run in DIR that the retention\n"
    "policy does not keep, and temp files of writes that never finished. checkpoints/last.ckpt, the\n"
    "one `dino resume` continues from, is never removed. Without options the run's own policy is used\n"
    "(system.keep_checkpoints, system.checkpoint_every_epochs in its config.json).\n\n"
    "options:\n"
    "  --keep N    keep the newest N epoch checkpoints (-1 = all, 0 = none)\n"
    "  --every K   also keep every K-th epoch's (epochs K, 2K, ...; 0 = none)\n"
    "  --dry-run   only list what would be removed\n\n"
    "exit codes: 0 ok, 1 failure (a file that cannot be removed), 2 bad usage\n";

int parseInt(const std::string& s, const char* what, int& out) {
    try {
        size_t used = 0;
        out = std::stoi(s, &used);
        if (used != s.size()) throw std::invalid_argument(s);
    } catch (const std::exception&) {
        std::cerr << "error: " << what << " expects an integer, got '" << s << "'\n" << kPruneUsage;
        return kUsage;
    }
    return kOk;
}

int runPrune(const Args& a) {
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << kPruneUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--keep", "--every"});
    if (pos.size() != 1) {
        std::cerr << "error: expected one run directory\n" << kPruneUsage;
        return kUsage;
    }
    const std::string dir = pos[0];
    if (!std::filesystem::exists(std::filesystem::path(dir) / "config.json")) {
        std::cerr << "error: " << dir << " is not a run directory (no config.json)\n";
        return kUsage;
    }
    const bool dry = hasFlag(a, "--dry-run");
    const std::string keep_s = option(a, "--keep"), every_s = option(a, "--every");
    api::PruneReport r;
    if (keep_s.empty() && every_s.empty()) {
        r = api::pruneRun(dir, dry);
    } else {
        int keep = -1, every = 0;
        if (!keep_s.empty() && parseInt(keep_s, "--keep", keep) != kOk) return kUsage;
        if (!every_s.empty() && parseInt(every_s, "--every", every) != kOk) return kUsage;
        if (keep < -1 || every < 0) {
            std::cerr << "error: --keep must be >= -1 and --every >= 0\n";
            return kUsage;
        }
        r = api::pruneRun(dir, keep, every, dry);
    }
    for (const auto& p : r.removed) std::printf("%s %s\n", dry ? "would remove" : "removed", p.c_str());
    std::printf("%s %s in %zu files; kept %zu checkpoints\n", dry ? "would free" : "freed", formatBytes(r.bytes_freed).c_str(),
                r.removed.size(), r.kept.size());
    const auto u = api::runDiskUsage(dir);
    std::printf("run directory: %s (checkpoints %s)\n", formatBytes(u.total_bytes).c_str(),
                formatBytes(u.checkpoint_bytes).c_str());
    return kOk;
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("prune", "remove epoch checkpoints a run's retention policy does not keep", dino::cli::runPrune);
