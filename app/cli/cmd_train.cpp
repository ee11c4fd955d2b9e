// `dino train` and `dino resume`: DINO training in a run directory from the command line, with the
// same config JSON and run directory as the GUI.
#include "config_args.h"
#include "interrupt.h"
#include "parser.h"
#include "progress.h"

#include "api/distributed.h"
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/local_launcher.h"
#include "api/training_run.h"
#include "common/config.h"
#include "common/config_schema.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

void printFieldHelp(std::ostream& os) { os << "\n" << configFieldsHelp(); }

const char* kTrainDescription =
    "Trains DINO (student/teacher ViT, multi-crop views, the seed's schedules) and writes the run\n"
    "directory DIR: config.json, metrics.csv (one row per step), log.txt, status.json,\n"
    "checkpoints/epoch_NNN.ckpt and last.ckpt, and eval.json / pseudo_labels.json at the end.\n";

const char* kTrainFooter =
    "Ctrl-C stops after the current step and writes checkpoints/last.ckpt; `dino resume DIR`\n"
    "continues exactly where it stopped.\n\n"
    "Several machines: start `dino train` (the same arguments) on each with the launcher variables\n"
    "WORLD_SIZE, RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT, as torchrun sets them\n"
    "(`torchrun --no-python --nnodes 2 --nproc-per-node 1 ... dino train ...`). See README.md.\n"
    "exit codes: 0 finished, 1 failure, 2 bad usage or config, 3 cancelled, 4 data error,\n"
    "            5 non-finite loss, 6 the run is being written by another process\n";

const Bounds kProcesses{1, 256};

// The command line of `dino train`.
struct TrainArgs {
    ConfigArgs config;
    std::string run;
    std::optional<int> nproc;
    bool print_config = false, help_fields = false;

    void define(Parser& p) {
        config.define(p);
        p.text("--run", run, "DIR", "the run directory (created; must be new or empty)", true)
            .action("--print-config", print_config,
                    "print the resolved configuration JSON (preset, file, --set) and exit; no --run needed")
            .number("--nproc", nproc, "N",
                    "train in N processes on this machine, each taking a share of every batch (data parallel over "
                    "torch's c10d, Gloo on the CPU; the same as --set system.processes=N). Rank 0 writes the run; "
                    "ranks 1.. log to log.rank<N>.txt",
                    kProcesses)
            .action("--help-fields", help_fields, "list every config field with its default and meaning")
            .footer(kTrainFooter);
    }

    // The same command line without --nproc, for the processes of a multi-process run.
    Args forProcesses() const {
        Args out{"--preset", config.preset, "--run", run};
        if (!config.file.empty()) out.insert(out.end(), {"--config", config.file});
        for (const auto& s : config.sets) out.insert(out.end(), {"--set", s});
        return out;
    }
};

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
    api::LocalLauncher launcher(selfExecutable("start the processes"), args, nproc, port);
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
    TrainArgs a;
    Parser p("train", kTrainDescription);
    a.define(p);
    if (auto code = p.parse(args)) return *code;
    if (a.help_fields) {
        std::cout << p.help();
        printFieldHelp(std::cout);
        return kOk;
    }
    if (a.nproc) a.config.sets.push_back("system.processes=" + std::to_string(*a.nproc));  // after the user's --set
    if (a.print_config)
        return openErrors([&] {
            std::cout << configToJson(a.config.build());
            return int(kOk);
        });
    const std::string& dir = a.run;
    return openErrors([&] {
        const api::DistributedEnv dist = launcherEnvironment();
        RunConfig cfg = a.config.build();
        if (!dist.enabled() && cfg.system.processes > 1) {
            // Checked here as well as in rank 0, so that the other ranks are not started for nothing.
            api::checkNewRunDirectory(dir);
            return launchLocal("train", a.forProcesses(), cfg.system.processes, dir);
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
    std::string dir;
    std::optional<int> nproc;
    Parser p("resume",
             "Continues the run in DIR from checkpoints/last.ckpt with the run's own config.json: the same\n"
             "schedules, data order and random streams, so the result equals an uninterrupted run.\n");
    p.positional("DIR", dir, "the run directory")
        .number("--nproc", nproc, "N",
                "continue in N processes (default: the run's system.processes); a run started in one process can "
                "continue in several and vice versa (the global batch is the same)",
                kProcesses)
        .footer("exit codes as for `dino train`.\n");
    if (auto code = p.parse(args)) return *code;
    return openErrors([&] {
        const api::DistributedEnv dist = launcherEnvironment();
        if (!dist.enabled()) {
            const int n = nproc ? *nproc : api::runProcesses(dir);
            if (n > 1) {
                api::requireNoWriter(dir);  // rank 0 would refuse, after the others had started
                return launchLocal("resume", {dir}, n, dir);
            }
        }
        CancelScope cancellable;
        checkInterrupted("start-up");
        reachPhase("data");
        auto run = api::TrainingRun::resume(dir, dist);  // opens the data and the checkpoint; writes nothing
        checkInterrupted("data loading");
        return runAndReport(*run);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("train", "train DINO from a config into a run directory", dino::cli::runTrain);
DINO_COMMAND("resume", "continue a stopped run from its last checkpoint", dino::cli::runResume);
