// `dino runs`: a table of the runs under one or more folders, with the configuration fields that differ
// between them, their results, and runs that differ only in system.seed averaged.
#include "parser.h"

#include "api/run_table.h"
#include "api/run_tags.h"
#include "common/fsutil.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace dino::cli {
namespace {

// The folder the GUI creates runs in by default: $DINO_RUNS_DIR, else ~/dino-runs.
std::string defaultRunsFolder() {
    const char* env = std::getenv("DINO_RUNS_DIR");
    return env && *env ? std::string(env) : expandHome("~/dino-runs");
}

int runRuns(const Args& args) {
    std::vector<std::string> folders, want_tags;
    bool as_json = false, as_csv = false, all_fields = false, no_group = false, show_hidden = false;
    std::string group = "seeds", against;
    Parser p("runs",
             "Lists every run under the folders (a folder that is a run lists itself), one row each: name,\n"
             "status (training while a process holds the run's lock, with its pid and host; finished; stopped;\n"
             "failed; collapsed), start time, training wall time, steps, images/s (median over the steps), the\n"
             "configuration fields that differ between the listed runs, eval.json's results (1-NN, weighted\n"
             "k-NN, AUC, and the random-init model's), the best point of the live k-NN curve and its step, the\n"
             "last teacher entropy, the pseudo-labels used, the collapse guard's verdict, and the run's tags.\n"
             "Runs that differ only in system.seed are one row with the results as mean ± sample standard\n"
             "deviation (n - 1) and n; --no-group lists every run.\n"
             "Tags and the hidden flag live in each run's tags.json (the GUI's Experiments tab sets them):\n"
             "hidden runs are left out unless --hidden; --tag T lists only the runs tagged T.\n"
             "--against RUN compares every seed group with RUN's group seed by seed (a run's seed fixes its\n"
             "random init and data order, so pairing cancels most of a seed's luck): for each figure (the gains\n"
             "over random init in k-NN and probe, the k-NN, probe, 1-NN and AUC) the difference in points for\n"
             "each seed both groups ran, its mean ± sd over those seeds, and in how many seeds the group is\n"
             "ahead; printed after the table (with --json, as the \"paired\" object).\n");
    p.positionals("FOLDER", folders, "folders of runs, or run directories (default: $DINO_RUNS_DIR, else ~/dino-runs)")
        .flag("--json", as_json, "print JSON: the fields shown, every run, and the seed groups")
        .flag("--csv", as_csv, "print CSV (grouped: a <result>_sd column beside each mean)")
        .flag("--all-fields", all_fields, "show every configuration field, not only those that differ")
        .choice("--group", group, {"seeds", "none"}, "group runs that differ only in system.seed (default seeds)")
        .flag("--no-group", no_group, "one row per run (the same as --group none)")
        .repeated("--tag", want_tags, "T", "only runs tagged T (repeated: runs with every tag given)")
        .flag("--hidden", show_hidden, "also list the runs hidden in the GUI (tags.json \"hidden\": true)")
        .text("--against", against, "RUN", "pair every seed group with the group of this run (its name or directory)")
        .footer("exit codes: 0 ok, 1 a folder that does not exist, 2 bad usage (a bad --tag included)\n");
    if (auto code = p.parse(args)) return *code;
    if (as_json && as_csv) {
        std::cerr << "dino runs: --json and --csv exclude each other (see dino runs --help)\n";
        return kUsage;
    }
    if (!against.empty() && (as_csv || group == "none" || no_group)) {
        std::cerr << "dino runs: --against pairs seed groups: not with --csv or --no-group (see dino runs --help)\n";
        return kUsage;
    }
    if (folders.empty()) folders.push_back(defaultRunsFolder());
    std::vector<api::RunRow> rows;
    for (auto& t : want_tags) {
        try {
            t = api::normalizeTag(t);
        } catch (const std::invalid_argument& e) {
            std::cerr << "dino runs: --tag: " << e.what() << "\n";
            return kUsage;
        }
    }
    for (const auto& [dir, name] : api::findRuns(folders)) {
        api::RunRow r = api::readRunRow(dir, name);
        if (r.hidden && !show_hidden) continue;
        const bool tagged = std::all_of(want_tags.begin(), want_tags.end(), [&](const std::string& t) {
            return std::find(r.tags.begin(), r.tags.end(), t) != r.tags.end();
        });
        if (tagged) rows.push_back(std::move(r));
    }
    api::RunTableOptions options;
    options.all_fields = all_fields;
    options.group_seeds = group == "seeds" && !no_group;
    const api::RunTable table = api::makeRunTable(std::move(rows), options);
    std::optional<size_t> reference;
    if (!against.empty()) {
        reference = api::groupOfRun(table, against);
        if (!reference) {
            std::cerr << "dino runs: --against " << against << ": no such run among those listed (give its name as the table"
                      << " shows it, or its directory)\n";
            return kUsage;
        }
    }
    if (as_json) std::cout << api::runTableJson(table, reference);
    else if (as_csv) std::cout << api::runTableCsv(table);
    else if (table.rows.empty()) std::cout << "no runs in " << folders.front() << (folders.size() > 1 ? " ..." : "") << "\n";
    else std::cout << api::runTableText(table);
    if (reference && !as_json) std::cout << "\n" << api::pairedTableText(table, *reference);
    return kOk;
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("runs", "a table of runs: status, differing settings, results, seeds averaged", dino::cli::runRuns);
