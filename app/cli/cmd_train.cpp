// `dino train` and `dino resume`: DINO training in a run directory from the command line, with the
// same config JSON and run directory as the GUI.
#include "command.h"
#include "interrupt.h"
#include "progress.h"

#include "api/distributed.h"
#include "api/run_directory.h"
#include "api/local_launcher.h"
#include "api/training_run.h"
#include "common/config.h"
#include "common/config_schema.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace dino::cli {
namespace {

void printFieldHelp(std::ostream& os) { os << "\n" << configFieldsHelp(); }

void trainUsage(std::ostream& os, bool fields) {
    os << "usage: dino train [--config cfg.json] [--preset NAME] [--set section.field=value ...] --run DIR\n\n"
          "Trains DINO (student/teacher ViT, multi-crop views, the seed's schedules) and writes the run\n"
          "directory DIR: config.json, metrics.csv (one row per step), log.txt, status.json,\n"
          "checkpoints/epoch_NNN.ckpt and last.ckpt, and eval.json / pseudo_labels.json at the end.\n\n"
          "options:\n"
          "  --config FILE   configuration JSON (fields left out keep their default or preset value)\n"
          "  --preset NAME   start from a preset: seed (default; the notebook's run), quick (minutes on\n"
          "                  a CPU), tiny (seconds; for checks). --config and --set apply on top.\n"
          "  --set K=V       override one field, e.g. --set optim.lr=0.001 --set system.precision=bf16\n"
          "  --run DIR       the run directory (created; must be new or empty)\n"
          "  --print-config  print the resolved configuration JSON (preset, file, --set) and exit;\n"
          "                  no --run needed\n"
          "  --nproc N       train in N processes on this machine, each taking a share of every batch\n"
          "                  (data parallel over torch's c10d, Gloo on the CPU; the same as --set\n"
          "                  system.processes=N). Rank 0 writes the run; ranks 1.. log to log.rank<N>.txt\n"
          "  --help-fields   list every config field with its default and meaning\n\n"
          "Ctrl-C stops after the current step and writes checkpoints/last.ckpt; `dino resume DIR`\n"
          "continues exactly where it stopped.\n\n"
          "Several machines: start `dino train` (the same arguments) on each with the launcher variables\n"
          "WORLD_SIZE, RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT, as torchrun sets them\n"
          "(`torchrun --no-python --nnodes 2 --nproc-per-node 1 ... dino train ...`). See README.md.\n"
          "exit codes: 0 finished, 1 failure, 2 bad usage or config, 3 cancelled, 4 data error,\n"
          "            5 non-finite loss\n";
    if (fields) printFieldHelp(os);
}

// Preset, then the config file's fields, then --set overrides; validated.
RunConfig buildConfig(const Args& a) {
    std::string preset = option(a, "--preset", "seed");
    RunConfig base = presetConfig(preset);
    std::string file = option(a, "--config");
    RunConfig cfg = base;
    if (!file.empty()) {
        std::string text = readTextFile(file);
        nlohmann::json patch;
        try {
            patch = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            throw ConfigError(file, {{"(file)", std::string("not valid JSON: ") + e.what()}});
        }
        if (!patch.is_object()) throw ConfigError(file, {{"(file)", "expected a JSON object with sections"}});
        auto merged = nlohmann::json::parse(configToJson(base));
        merged.merge_patch(patch);
        cfg = configFromJson(merged.dump(), file);  // unknown fields and wrong types are named here
    }
    for (const auto& s : options(a, "--set")) applyOverride(cfg, s);
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError(file.empty() ? "configuration" : file, errors);
    return cfg;
}

// "rank N: " before the messages of a process of a multi-process run other than rank 0.
std::string rankPrefix(int rank, const std::string& message) {
    if (rank == 0 || message.rfind("rank ", 0) == 0) return "";
    return "rank " + std::to_string(rank) + ": ";
}

int runAndReport(api::TrainingRun& run) {
    ConsoleProgress progress(stdoutIsTerminal());
    InterruptToCancel interrupt(run);
    auto error = [&](const char* kind, const std::exception& e) {
        progress.finish();
        std::cerr << kind << rankPrefix(run.rank(), e.what()) << e.what() << "\n";
    };
    try {
        api::RunOutcome outcome = run.run(progress);
        progress.finish();
        if (outcome == api::RunOutcome::Cancelled) {
            if (run.rank() == 0) std::cout << "cancelled; checkpoint kept in " << run.runDir() << "/checkpoints/last.ckpt\n";
            return kCancelled;
        }
        if (run.rank() == 0) std::cout << "finished: " << run.runDir() << "\n";
        return kOk;
    } catch (const api::NonFiniteLossError& e) {
        error("error: ", e);
        return kNonFinite;
    } catch (const api::DataError& e) {
        error("data error: ", e);
        return kDataError;
    } catch (const ConfigError& e) {
        error("error: ", e);
        return kUsage;
    } catch (const std::exception& e) {
        error("error: ", e);
        return kFailure;
    }
}

// The launcher environment of this process (torchrun's variables); exits 2 on a bad value.
api::DistributedEnv launcherEnvironment() {
    try {
        return api::distributedFromEnvironment();
    } catch (const std::invalid_argument& e) {
        throw ConfigError("environment", {{"(launcher)", e.what()}});
    }
}

std::string selfExecutable() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) throw std::runtime_error("cannot find the dino executable (/proc/self/exe) to start the processes");
    return std::string(buf, static_cast<size_t>(n));
}

// `dino train|resume ... --nproc N` (or system.processes = N): starts N processes of this command
// on this machine, each with the launcher variables, waits for all, and reports the first failure.
int launchLocal(const std::string& command, const Args& child_args, int nproc, const std::string& run_dir) {
    api::requireDistributedBackend(nproc);
    CancelScope cancellable;
    const int port = api::LocalLauncher::freePort();
    std::cout << "dino: " << nproc << " training processes on this machine (127.0.0.1:" << port
              << "); rank 0 reports here, "
              << (nproc == 2 ? std::string("rank 1 logs to ") + run_dir + "/log.rank1.txt"
                             : "ranks 1-" + std::to_string(nproc - 1) + " log to " + run_dir + "/log.rank<N>.txt")
              << std::endl;
    Args args{command};
    args.insert(args.end(), child_args.begin(), child_args.end());
    api::LocalLauncher launcher(selfExecutable(), args, nproc, port);
    const int code = launcher.wait(30.0, [] { return interrupted(); });
    if (launcher.failed()) {
        const auto ckpt = std::filesystem::path(run_dir) / "checkpoints" / "last.ckpt";
        std::error_code ec;
        std::cerr << "error: " << launcher.failure() << "; the other processes were stopped. "
                  << (std::filesystem::exists(ckpt, ec) ? "The run keeps " + ckpt.string() + "; continue with `dino resume " + run_dir + "`"
                                                        : std::string("No checkpoint was written yet"))
                  << "\n";
    }
    return code;
}

// The arguments without --nproc N (or --nproc=N), and N (0 when absent).
Args withoutNproc(const Args& a, int& nproc) {
    Args out;
    nproc = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        std::string v;
        if (a[i] == "--nproc" && i + 1 < a.size()) v = a[++i];
        else if (a[i].rfind("--nproc=", 0) == 0) v = a[i].substr(8);
        else {
            out.push_back(a[i]);
            continue;
        }
        char* end = nullptr;
        long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || n < 1 || n > 256)
            throw ConfigError("command line", {{"--nproc", "must be an integer from 1 to 256 (got '" + v + "')"}});
        nproc = static_cast<int>(n);
    }
    return out;
}

// withoutNproc for `dino <command>`; false (after saying why) for a bad --nproc.
bool splitNproc(const char* command, const Args& args, Args& rest, int& nproc) {
    try {
        rest = withoutNproc(args, nproc);
        return true;
    } catch (const ConfigError& e) {
        std::cerr << "dino " << command << ": " << e.what() << "\n";
        return false;
    }
}

int openErrors(const std::function<int()>& fn) {
    try {
        return fn();
    } catch (const Interrupted& e) {
        std::cerr << e.what() << "; nothing was trained\n";
        return kCancelled;
    } catch (const ConfigError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kUsage;
    } catch (const api::DataError& e) {
        std::cerr << "data error: " << e.what() << "\n";
        return kDataError;
    }
}

int runTrain(const Args& args) {
    if (hasFlag(args, "--help") || hasFlag(args, "-h") || hasFlag(args, "--help-fields")) {
        trainUsage(std::cout, hasFlag(args, "--help-fields"));
        return kOk;
    }
    int nproc = 0;
    Args a;
    if (!splitNproc("train", args, a, nproc)) return kUsage;
    if (nproc > 0) a.push_back("--set=system.processes=" + std::to_string(nproc));
    std::string dir = option(a, "--run");
    auto extra = positionals(a, {"--config", "--preset", "--set", "--run"});
    if (hasFlag(a, "--print-config") && extra.empty())
        return openErrors([&] {
            std::cout << configToJson(buildConfig(a));
            return int(kOk);
        });
    if (dir.empty() || !extra.empty()) {
        if (!extra.empty()) std::cerr << "dino train: unexpected argument '" << extra[0] << "'\n";
        else std::cerr << "dino train: --run DIR is required\n";
        trainUsage(std::cerr, false);
        return kUsage;
    }
    return openErrors([&] {
        const api::DistributedEnv dist = launcherEnvironment();
        RunConfig cfg = buildConfig(a);
        if (!dist.enabled() && cfg.system.processes > 1) {
            // Checked here as well as in rank 0, so that the other ranks are not started for nothing.
            api::checkNewRunDirectory(dir);
            return launchLocal("train", a, cfg.system.processes, dir);
        }
        CancelScope cancellable;
        checkInterrupted("start-up");
        std::error_code ec;
        const bool existed = std::filesystem::exists(dir, ec);
        reachPhase("data");
        auto run = api::TrainingRun::create(cfg, dir, dist);  // opens the data; writes config.json and status.json
        if (interrupted()) {
            // Stopped before the first step: leave no run directory behind, so the same command works again.
            run.reset();
            for (const char* f : {"config.json", "status.json"}) std::filesystem::remove(std::filesystem::path(dir) / f, ec);
            if (!existed) std::filesystem::remove(dir, ec);  // only when empty
            throw Interrupted("data loading");
        }
        return runAndReport(*run);
    });
}

int runResume(const Args& args) {
    if (hasFlag(args, "--help") || hasFlag(args, "-h")) {
        std::cout << "usage: dino resume DIR [--nproc N]\n\n"
                     "Continues the run in DIR from checkpoints/last.ckpt with the run's own config.json: the same\n"
                     "schedules, data order and random streams, so the result equals an uninterrupted run.\n"
                     "--nproc N continues it in N processes (default: the run's system.processes); a run\n"
                     "started in one process can continue in several and vice versa (the global batch is\n"
                     "the same). exit codes as for `dino train`.\n";
        return kOk;
    }
    int nproc = 0;
    Args a;
    if (!splitNproc("resume", args, a, nproc)) return kUsage;
    auto pos = positionals(a, {});
    if (pos.size() != 1) {
        std::cerr << "usage: dino resume DIR [--nproc N]\n";
        return kUsage;
    }
    return openErrors([&] {
        const api::DistributedEnv dist = launcherEnvironment();
        if (!dist.enabled()) {
            const int n = nproc > 0 ? nproc : api::runProcesses(pos[0]);
            if (n > 1) return launchLocal("resume", {pos[0]}, n, pos[0]);
        }
        CancelScope cancellable;
        checkInterrupted("start-up");
        reachPhase("data");
        auto run = api::TrainingRun::resume(pos[0], dist);  // opens the data and the checkpoint; writes nothing
        checkInterrupted("data loading");
        return runAndReport(*run);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("train", "train DINO from a config into a run directory", dino::cli::runTrain);
DINO_COMMAND("resume", "continue a stopped run from its last checkpoint", dino::cli::runResume);
