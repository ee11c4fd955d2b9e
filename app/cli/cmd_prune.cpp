// `dino prune`: removes the epoch checkpoints a run's retention policy (or the one given) does not
// keep, and shows the run's disk use.
#include "parser.h"

#include "api/run_lock.h"
#include "api/run_storage.h"
#include "common/fsutil.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

int runPrune(const Args& args) {
    std::string dir;
    std::optional<int> keep, every;
    bool dry = false;
    Parser p("prune",
             "Removes epoch checkpoints (checkpoints/epoch_NNN.ckpt) of the run in DIR that the retention\n"
             "policy does not keep, and temp files of writes that never finished. checkpoints/last.ckpt, the\n"
             "one `dino resume` continues from, is never removed. Without options the run's own policy is used\n"
             "(system.keep_checkpoints, system.checkpoint_every_epochs in its config.json).\n");
    p.positional("DIR", dir, "the run directory")
        .number("--keep", keep, "N", "keep the newest N epoch checkpoints (-1 = all, 0 = none)", Bounds{-1, {}})
        .number("--every", every, "K", "also keep every K-th epoch's (epochs K, 2K, ...; 0 = none)", Bounds{0, {}})
        .flag("--dry-run", dry, "only list what would be removed")
        .footer("exit codes: 0 ok, 1 failure (a file that cannot be removed), 2 bad usage, 6 the run is being\n"
                "written by another process (its own retention prunes it)\n");
    if (auto code = p.parse(args)) return *code;
    if (!std::filesystem::exists(std::filesystem::path(dir) / "config.json")) {
        std::cerr << "error: " << dir << " is not a run directory (no config.json)\n";
        return kUsage;
    }
    const api::PruneReport r = keep || every ? api::pruneRun(dir, keep.value_or(-1), every.value_or(0), dry)
                                             : api::pruneRun(dir, dry);
    for (const auto& f : r.removed) std::printf("%s %s\n", dry ? "would remove" : "removed", f.c_str());
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
