// `dino train` and `dino resume`: DINO training in a run directory from the command line, with the
// same config JSON and run directory as the GUI.
#include "command.h"
#include "interrupt.h"
#include "progress.h"

#include "api/training_run.h"
#include "common/config.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace dino::cli {
namespace {

void printFieldHelp(std::ostream& os) {
    auto j = nlohmann::json::parse(configToJson(RunConfig{}));
    os << "\nconfig fields (section.field = seed default: meaning):\n";
    for (auto& [section, fields] : j.items())
        for (auto& [name, value] : fields.items()) {
            std::string key = section + "." + name;
            os << "  " << key << " = " << value.dump() << ": " << fieldHelp(key) << "\n";
        }
}

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
          "  --help-fields   list every config field with its default and meaning\n\n"
          "Ctrl-C stops after the current step and writes checkpoints/last.ckpt; `dino resume DIR`\n"
          "continues exactly where it stopped.\n"
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

int runAndReport(api::TrainingRun& run) {
    ConsoleProgress progress(stdoutIsTerminal());
    InterruptToCancel interrupt(run);
    try {
        api::RunOutcome outcome = run.run(progress);
        progress.finish();
        if (outcome == api::RunOutcome::Cancelled) {
            std::cout << "cancelled; checkpoint kept in " << run.runDir() << "/checkpoints/last.ckpt\n";
            return kCancelled;
        }
        std::cout << "finished: " << run.runDir() << "\n";
        return kOk;
    } catch (const api::NonFiniteLossError& e) {
        progress.finish();
        std::cerr << "error: " << e.what() << "\n";
        return kNonFinite;
    } catch (const api::DataError& e) {
        progress.finish();
        std::cerr << "data error: " << e.what() << "\n";
        return kDataError;
    } catch (const ConfigError& e) {
        progress.finish();
        std::cerr << "error: " << e.what() << "\n";
        return kUsage;
    } catch (const std::exception& e) {
        progress.finish();
        std::cerr << "error: " << e.what() << "\n";
        return kFailure;
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

int runTrain(const Args& a) {
    if (hasFlag(a, "--help") || hasFlag(a, "-h") || hasFlag(a, "--help-fields")) {
        trainUsage(std::cout, hasFlag(a, "--help-fields"));
        return kOk;
    }
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
        CancelScope cancellable;
        checkInterrupted("start-up");
        RunConfig cfg = buildConfig(a);
        std::error_code ec;
        const bool existed = std::filesystem::exists(dir, ec);
        reachPhase("data");
        auto run = api::TrainingRun::create(cfg, dir);  // opens the data; writes config.json and status.json
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

int runResume(const Args& a) {
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << "usage: dino resume DIR\n\n"
                     "Continues the run in DIR from checkpoints/last.ckpt with the run's own config.json: the same\n"
                     "schedules, data order and random streams, so the result equals an uninterrupted run.\n"
                     "exit codes as for `dino train`.\n";
        return kOk;
    }
    auto pos = positionals(a, {});
    if (pos.size() != 1) {
        std::cerr << "usage: dino resume DIR\n";
        return kUsage;
    }
    return openErrors([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        reachPhase("data");
        auto run = api::TrainingRun::resume(pos[0]);  // opens the data and the checkpoint; writes nothing
        checkInterrupted("data loading");
        return runAndReport(*run);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("train", "train DINO from a config into a run directory", dino::cli::runTrain);
DINO_COMMAND("resume", "continue a stopped run from its last checkpoint", dino::cli::runResume);
