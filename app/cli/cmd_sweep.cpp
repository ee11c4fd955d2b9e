// `dino sweep`: a hyperparameter sweep with early stopping on the live k-NN curve; every trial is a
// normal run directory under the sweep folder (engine/api/sweep.h, docs/sweeps.md).
#include "interrupt.h"
#include "parser.h"

#include "api/sweep.h"

#include <filesystem>
#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

const char* kSweepDescription =
    "Runs the trials of a sweep spec (a base config, a search space of config fields, seeds, a budget,\n"
    "early stopping on the live k-NN curve, trials side by side) as `dino train` processes, each a\n"
    "normal run directory under DIR, and ranks the configurations by the mean over seeds.\n"
    "DIR gets sweep.json, sweep-state.json, sweep-log.txt, configs/, logs/ and, at the end,\n"
    "sweep-results.json, sweep-results.csv and best-config.json (for `dino train --config`).\n"
    "The spec's format: docs/sweeps.md; an example: docs/sweeps/tiny-grid.json.\n";

const char* kSweepFooter =
    "Ctrl-C stops the running trials after their current step (each keeps last.ckpt); `dino sweep\n"
    "--resume DIR` continues the sweep, also after a kill, without repeating an ended trial\n"
    "(--retry-failed runs the failed ones again).\n"
    "exit codes: 0 the sweep ended (or --stop-after trials ended), 1 failure, 2 bad usage or spec,\n"
    "            3 cancelled\n";

int printResults(const std::string& dir, bool markdown = false) {
    const api::SweepResults r = api::sweepResults(dir);
    api::writeSweepResults(dir, r);
    if (markdown) {
        std::cout << api::sweepResultsMarkdown(r);
        return kOk;
    }
    std::cout << "\n" << api::formatSweepResults(r);
    namespace fs = std::filesystem;
    std::cout << "\nwritten: " << (fs::path(dir) / "sweep-results.json").string() << ", sweep-results.csv";
    if (fs::exists(fs::path(dir) / "best-config.json")) std::cout << ", best-config.json (dino train --config)";
    std::cout << "\n";
    return kOk;
}

int dryRun(const std::string& spec_path) {
    const api::SweepSpec spec = api::loadSweepSpec(spec_path);
    const auto configs = api::sweepConfigurations(spec);
    std::cout << configs.size() << " configuration(s) x " << spec.seeds.size() << " seed(s) = " << configs.size() * spec.seeds.size()
              << " trials, " << spec.parallel << " at a time";
    if (spec.early_stopping) std::cout << "; early stopping: " << spec.early_stopping->rule << " on " << spec.metric;
    std::cout << "\n";
    for (const auto& c : configs) {
        std::cout << "  " << api::sweepConfigName(c.index) << ":";
        for (const auto& [f, v] : c.values) std::cout << " " << f << "=" << v;
        std::cout << "\n";
    }
    return kOk;
}

int runSweepCommand(const Args& args) {
    std::string spec, out, resume, results;
    std::optional<int> stop_after;
    bool dry = false, markdown = false, retry_failed = false;
    Parser p("sweep", kSweepDescription);
    p.positional("SPEC", spec, "the sweep spec (JSON)", false)
        .text("--out", out, "DIR", "the sweep folder (created; must be new or empty)")
        .text("--resume", resume, "DIR", "continue the sweep in DIR: ended trials are kept, a half-done one continues from its last.ckpt")
        .text("--results", results, "DIR", "print and write the result of the sweep in DIR as it stands, running nothing")
        .flag("--retry-failed", retry_failed,
              "with --resume: run failed trials again, from their last.ckpt where they wrote one, else anew")
        .number("--stop-after", stop_after, "N", "stop once N trials have ended in this call (the sweep in instalments; --resume continues)",
                Bounds{1, {}})
        .flag("--markdown", markdown,
              "with --results: print the ranked configurations as a Markdown table (per split 1-NN, k-NN with random "
              "init in brackets, AUC; gains, pseudo-labels used, teacher entropy, spread, guard, wall time), then the "
              "gains per split with their spread over the seeds, and each configuration paired seed by seed with the "
              "spec's first")
        .flag("--dry-run", dry, "check the spec and list its configurations; nothing is run or written")
        .footer(kSweepFooter);
    if (auto code = p.parse(args)) return *code;
    const int modes = !spec.empty() + !resume.empty() + !results.empty();
    if (modes != 1) return p.usageError("give one of SPEC (with --out DIR), --resume DIR or --results DIR");
    if (markdown && results.empty()) return p.usageError("--markdown goes with --results DIR");
    if (retry_failed && resume.empty()) return p.usageError("--retry-failed goes with --resume DIR");
    if (!results.empty()) return printResults(results, markdown);
    if (!spec.empty() && dry) return dryRun(spec);
    if (dry) return p.usageError("--dry-run checks a SPEC");
    if (!spec.empty() && out.empty()) return p.usageError("SPEC needs --out DIR, the sweep folder");
    if (spec.empty() && !out.empty()) return p.usageError("--out goes with SPEC; --resume DIR continues in DIR itself");

    const std::string dir = spec.empty() ? resume : out;
    if (!spec.empty()) {
        api::createSweep(spec, dir);  // a bad spec: ConfigError naming the file and the key (exit 2)
        std::cout << "sweep " << dir << ": " << api::loadSweepState(dir).trials.size() << " trials; log in " << dir
                  << "/sweep-log.txt\n";
    }
    CancelScope cancellable;
    api::SweepOptions opt;
    opt.dino_exe = selfExecutable("run the trials");
    opt.stop_after = stop_after.value_or(0);
    opt.retry_failed = retry_failed;
    opt.cancelled = [] { return interrupted(); };
    opt.log = [](const std::string& line) { std::cout << line << std::endl; };
    const api::SweepOutcome outcome = api::runSweep(dir, opt);
    printResults(dir);
    if (outcome == api::SweepOutcome::Stopped && interrupted()) {
        std::cout << "cancelled; `dino sweep --resume " << dir << "` continues\n";
        return kCancelled;
    }
    if (outcome == api::SweepOutcome::BudgetSpent)
        std::cout << "the wall-time budget is spent; trials not started stay pending\n";
    return kOk;
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("sweep", "run a hyperparameter sweep with early stopping; ranked results", dino::cli::runSweepCommand);
