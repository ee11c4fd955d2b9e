// A table of runs (`dino runs`, the GUI's runs table, sweeps): one row per run directory with its state,
// timing, results and configuration; the configuration fields that differ between the listed runs
// (from the config field table, so every field is covered); runs that differ only in system.seed
// grouped with mean ± sample standard deviation; curves averaged over a group. Torch-free.
#pragma once

#include "api/mean_interval.h"
#include "api/run_lock.h"
#include "api/types.h"
#include "common/config.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dino::api {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// A run's state in the table. Training: a process holds the run's lock right now. Stopped: cancelled, or
// a writer that died (status.json still says "running" and nobody holds the lock). Collapsed: ended
// (finished or stopped) with the collapse guard's verdict a collapse.
enum class RunState { Created, Training, Finished, Stopped, Failed, Collapsed };
const char* runStateName(RunState s);  // "created", "training", "finished", "stopped", "failed", "collapsed"

struct RunRow {
    std::string dir;
    std::string name;  // the directory's path below the listed folder
    RunState state = RunState::Created;
    std::string detail;  // the failure message; "killed" for a writer that died
    std::optional<RunWriter> writer;
    std::string started;  // local time "YYYY-MM-DD HH:MM:SS" (log.txt's first line, else config.json's mtime)
    double wall_seconds = 0;  // training time: the last elapsed_seconds of each process that trained it, summed
    int64_t steps = 0;        // steps done
    int64_t total_steps = 0;  // planned (from the config and status.json's dataset size; 0 when unknown)
    double images_per_s = kNoValue;  // median over the steps
    RunConfig config;
    std::string collapse;  // the collapse guard's verdict: "healthy", "uniform", "one-hot", "warmup", or ""
    // Results (kNoValue where the run has none): eval.json's teacher and random-init figures (k-NN and the
    // linear probe's test accuracy), the best point
    // of the live k-NN curve (weighted k-NN), the last teacher entropy, the pseudo-labels used.
    double nn1 = kNoValue, knn = kNoValue, auc = kNoValue;
    double baseline_nn1 = kNoValue, baseline_knn = kNoValue, baseline_auc = kNoValue;
    double probe = kNoValue, baseline_probe = kNoValue;  // linear probe's test accuracy (eval.json)
    double best_live_knn = kNoValue;
    int64_t best_live_knn_step = -1;
    double teacher_entropy = kNoValue;
    double pseudo_labels_used = kNoValue;
    int pseudo_labels_total = 0;
    std::vector<std::string> tags;  // tags.json (run_tags.h): the user's tags
    bool hidden = false;            // tags.json: hidden from tables unless asked for
    std::string error;  // the run could not be read (a broken config.json): the message; the rest is empty
};

// The result columns, described once: the text table, CSV, JSON and the group statistics come from it.
struct ResultColumn {
    const char* key;     // JSON/CSV name: "nn1", "knn", "auc", "baseline_nn1", ...
    const char* header;  // the text table's header: "1-NN", "k-NN", "AUC", ...
    int decimals;        // in the text table
    double (*get)(const RunRow&);
};
const std::vector<ResultColumn>& resultColumns();

// The run directories in folders: a folder that is a run (has config.json) is itself listed; otherwise
// the runs below it (up to 4 levels, not inside a run). Sorted by name. Throws naming a folder that does
// not exist.
std::vector<std::pair<std::string, std::string>> findRuns(const std::vector<std::string>& folders);  // (dir, name)

// Reads one run's row; a run that cannot be read gets `error` instead of throwing.
RunRow readRunRow(const std::string& dir, const std::string& name = "");

// Every config field of cfg as (key, JSON text of its value), in the field table's order.
std::vector<std::pair<std::string, std::string>> configFieldValues(const RunConfig& cfg);
// The keys of the fields whose values are not the same in all rows (rows with an error are left out),
// in table order, without those in `ignore`.
std::vector<std::string> differingFields(const std::vector<RunRow>& rows, const std::vector<std::string>& ignore = {});

// Mean, sample standard deviation (n - 1 in the denominator; NaN for n < 2) and n of the finite values.
struct Stat {
    double mean = kNoValue, sd = kNoValue;
    int n = 0;
};
Stat summarize(const std::vector<double>& values);

// Runs whose configurations are equal in every field but system.seed: one group each, in the order of
// their first run; a run alone is a group of one. Rows with an error are a group of their own.
struct RunGroup {
    std::vector<size_t> members;  // indices into the rows
    std::vector<uint64_t> seeds;
    std::vector<Stat> results;    // one per resultColumns()
};
std::vector<RunGroup> groupBySeed(const std::vector<RunRow>& rows);

// Curves averaged over runs (a seed group): at every step that any curve has, the mean, sample standard
// deviation (n - 1; NaN for n < 2) and n of the curves that have a finite value at that step.
struct CurvePoint {
    int64_t step = 0;
    double value = 0;
};
using Curve = std::vector<CurvePoint>;
struct BandPoint {
    int64_t step = 0;
    double mean = 0, sd = 0;
    int n = 0;
};
std::vector<BandPoint> averageCurves(const std::vector<Curve>& curves);
Curve lossCurve(const std::vector<StepMetrics>& steps);
Curve liveKnnCurve(const std::vector<KnnPoint>& points, bool weighted = true);  // weighted k-NN, or 1-NN

// The table as `dino runs` prints it. Columns: name, status, started, wall, steps, images/s, the differing
// fields (or all with all_fields), the results, collapse, tags; grouped: one row per seed group with "seeds" and
// "n" columns and the results as mean ± sd.
struct RunTableOptions {
    bool all_fields = false;
    bool group_seeds = true;
};
struct RunTable {
    std::vector<RunRow> rows;
    std::vector<std::string> fields;  // the config fields shown
    std::vector<RunGroup> groups;     // empty when not grouped
};
RunTable makeRunTable(std::vector<RunRow> rows, const RunTableOptions& options);

// One configuration against another, seed by seed (runs of one seed start from the same random init and see
// the data in the same order, so most of the seed's luck cancels): `mine` minus `ref` for each seed both have,
// the differences' mean ± sd, and in how many seeds `mine` is ahead (a tie, the same number of images right,
// is not; 1e-9 absorbs the rounding of two equal differences of fractions). Sweeps (sweep.h) and the runs
// table pair the same way.
struct Paired {
    Stat diff;
    int ahead = 0;
    Interval ci95{kNoValue, kNoValue};  // Student's t 95 % interval of diff.mean (mean_interval.h); NaN for n < 2
    bool hasInterval() const { return std::isfinite(ci95.lower) && std::isfinite(ci95.upper); }
};
Paired pairBySeed(const std::map<uint64_t, double>& mine, const std::map<uint64_t, double>& ref);

// A seed group's name as the tables show it: its first run's name, with "+N" for the N others.
std::string groupName(const RunTable& t, const RunGroup& g);
// A group's values of one column by seed: its first run of each seed with a finite value (what pairGroups pairs).
std::map<uint64_t, double> groupValuesBySeed(const RunTable& t, const RunGroup& g, double (*get)(const RunRow&));
// The seeds both groups ran, ascending, each once.
std::vector<uint64_t> sharedSeeds(const RunGroup& a, const RunGroup& b);

// The figures a paired comparison of runs shows, each higher-is-better: the gains over the random-init model
// of the same run (weighted k-NN, linear probe), then the teacher's weighted k-NN, linear probe, 1-NN and AUC.
struct PairedColumn {
    const char* key;     // JSON name: "gain_knn", "gain_probe", "knn", ...
    const char* header;  // "gain k-NN", ...
    double (*get)(const RunRow&);
};
const std::vector<PairedColumn>& pairedColumns();

// Every seed group of a grouped table paired seed by seed with t.groups[reference]: [group][pairedColumns()].
// A seed's value is its group's first run of that seed with a finite value. The reference's own entries,
// and groups with no seed in common with it, have n 0. Throws std::out_of_range for a bad reference.
std::vector<std::vector<Paired>> pairGroups(const RunTable& t, size_t reference);
// The group holding the run whose name or directory is `run` (as `dino runs` lists it), or nullopt.
std::optional<size_t> groupOfRun(const RunTable& t, const std::string& run);
// The paired table as `dino runs --against RUN` prints it: one line per other group (name, the seeds paired,
// the differing fields), each pairedColumns() figure as "+2.1 ± 1.3 (5/6)": the mean difference in points
// (percentage points; AUC × 100), its sd over the seeds, and seeds ahead / seeds paired; under each group a
// line "95 % interval" with each figure's Student's t interval of the mean difference (two seeds or more).
std::string pairedTableText(const RunTable& t, size_t reference);
// A fraction as signed points with one decimal: "+1.5", "-0.3", "0.0" (never "+0.0" or "-0.0").
std::string signedPoints(double fraction);
// A paired figure as the tables show it: "+1.5 ± 3.5 (1/2)" (no ± for one seed); "" where no seed pairs.
std::string pairedText(const Paired& p);
// Its 95 % interval as the tables show it: "-0.4 … +3.4" (points); "" below two seeds.
std::string pairedIntervalText(const Paired& p);

std::string runTableText(const RunTable& t);  // aligned columns, one line per row
std::string runTableCsv(const RunTable& t);   // RFC 4180; grouped: <result>_sd columns beside the means
// {"fields": [...], "runs": [...], "groups": [...]}; with paired_against (a group of a grouped table) also
// "paired": {"against": NAME, "groups": [{"name", "seeds": [...], "gain_knn": {"mean", "sd", "n", "ahead", "ci95"}, ...}]},
// pairGroups' differences as fractions (as the runs table holds them), null where no seed pairs.
std::string runTableJson(const RunTable& t, std::optional<size_t> paired_against = std::nullopt);

}  // namespace dino::api
