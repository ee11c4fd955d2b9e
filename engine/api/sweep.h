// Hyperparameter sweeps: a spec (base configuration, search space, seeds, budget, early stopping,
// parallelism), its trials run as ordinary run directories under one sweep folder, and the ranked
// result. Torch-free facade; `dino sweep` is its command line (docs/sweeps.md).
//
// The sweep folder DIR holds
//   sweep.json          the spec as given (its base made absolute)
//   sweep-state.json    the configurations, the trials and their states, written atomically after
//                       every change: pending, running, finished, pruned, failed
//   sweep-log.txt       what happened: starts, the early-stopping rule's decisions, ends
//   configs/cNNN.json   configuration NNN (what `dino train --config` takes)
//   cNNN-seedS/         the run of configuration NNN with system.seed = S (a normal run directory)
//   logs/cNNN-seedS.txt its process's output
//   sweep-results.json, sweep-results.csv, best-config.json   the result
//
// Each trial is a `dino train` process (`dino resume` for a half-done one): torch's default random
// generator and its thread count are process-wide (checkpoints save and restore that generator), so
// trials side by side in one process would neither reproduce nor resume exactly. The sweep follows
// each trial's live k-NN curve (knn.csv) as it grows and, when the rule prunes it, interrupts it like
// Ctrl-C: it stops after the current step and keeps its curves and last.ckpt.
#pragma once

#include "api/run_table.h"
#include "api/sweep_pruner.h"
#include "common/config.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dino::api {

// A config field's value as JSON text ("0.001", "64", "\"sinkhorn\"").
using FieldValues = std::vector<std::pair<std::string, std::string>>;

struct SweepDimension {
    enum class Kind { Grid, Uniform, LogUniform, Int, Choice };
    std::string field;                // "optim.lr"
    Kind kind = Kind::Grid;
    std::vector<std::string> values;  // Grid and Choice: the values (JSON text)
    double low = 0, high = 0;         // Uniform, LogUniform, Int: [low, high]
};

struct SweepSpec {
    std::string file;                 // where it was read from (named in messages)
    std::string base = "seed";        // a preset name, or a config file (absolute after parsing)
    FieldValues set;                  // fields fixed for every trial
    // Named variants of the base (e.g. the one-setting-at-a-time rows of a recipe search), each a set of
    // fields; every variant is combined with every point of the space. Empty: the base alone.
    std::vector<std::pair<std::string, FieldValues>> variants;
    std::vector<SweepDimension> space;
    uint64_t sampler_seed = 0;
    std::vector<uint64_t> seeds{0};   // system.seed of each configuration's runs
    int trials = 0;                   // budget: configurations; 0 = all the grid's (times the variants)
    double wall_minutes = 0;          // budget: no trial starts after this much sweep time; 0 = none
    std::string metric = "knn_weighted";  // knn_weighted | knn_1nn
    std::optional<PrunerSettings> early_stopping;
    int parallel = 1;                 // trials side by side, each with 1/parallel of the cores
    // Splits each finished trial is also evaluated on (`dino eval RUN --split S`, eval_S.json) besides its
    // own eval.test_split, e.g. ["test"] when the sweep ranks on val: the result table reports both. A
    // split equal to the trial's own eval.test_split is left out (eval.json has it).
    std::vector<std::string> evaluate;
};

// Parses and checks a spec (everything but the configurations it spans: see sweepConfigurations).
// Throws ConfigError(file, {{"<spec key>", "<problem>"}}): one message naming the file and the key.
SweepSpec parseSweepSpec(const std::string& json_text, const std::string& file);
SweepSpec loadSweepSpec(const std::string& path);

struct SweepConfiguration {
    int index = 0;
    // The swept fields' values, in the order of the space; with variants, first ("variant", its name).
    FieldValues values;
    RunConfig config;    // base + set + values, validated; system.seed = the first seed
};

// The configurations the spec spans: each variant (in the spec's order) with each point of the
// space. The points are the grid (the product of the list dimensions, the first dimension slowest)
// or, with random dimensions, points that each take the next grid point (cycling) and fresh draws
// from a generator seeded with sampler_seed, as many as `trials` needs. The list is cut to its first
// `trials` configurations. Each configuration is validated by the config field rules: an invalid
// value throws ConfigError naming the spec file and the key ("space.optim.lr", "variants.bs32...").
std::vector<SweepConfiguration> sweepConfigurations(const SweepSpec& spec);
// The spec's base: the preset or configuration file with "set" applied (and the first seed).
RunConfig sweepBaseConfig(const SweepSpec& spec);

// Early stopping compares trials at equal progress, measured in steps of the base's batch size: a
// trial's step s at batch b is step round(s * b / b_base) to the rule, so a batch-32 trial at its step 64
// has seen as many images as a batch-64 trial at its step 32, and is compared with that (warmup_steps
// and min_steps are in these units too). Trials of the base's batch size report their own steps.
int64_t sweepRuleStep(int64_t step, int batch_size, int base_batch_size);

struct SweepTrial {
    int id = 0;
    int config = 0;
    uint64_t seed = 0;
    std::string name;               // "c002-seed1": its run directory and log under the sweep folder
    std::string state = "pending";  // pending | running | finished | pruned | failed
    int starts = 0;                 // processes started for it (a resume of a half-done trial adds one)
    std::vector<std::pair<int64_t, double>> reports;  // (step, value) of the live metric seen so far
    std::optional<double> final_value;  // finished: the end evaluation's metric (else its last live value)
    std::optional<double> baseline_value;  // the same metric of the random-init model, same seed and split
    std::string final_source;       // "eval.json" or "live k-NN"
    int64_t pruned_at = -1;         // the step of the decision
    int64_t steps_done = 0, steps_planned = 0;
    std::string message;            // a failure's reason
    long pid = 0;                   // of the running process
};

struct SweepState {
    std::vector<SweepConfiguration> configs;
    std::vector<SweepTrial> trials;  // seed-major: every configuration's first seed, then the second, ...
    double seconds = 0;              // sweep time spent (all invocations), for budget.wall_minutes
    int threads_per_trial = 0;       // system.threads set for each trial (0: the configuration's own)
};

SweepState loadSweepState(const std::string& dir);
void saveSweepState(const std::string& dir, const SweepState& state);

// "c007": configuration 7's name (configs/c007.json, the runs c007-seedS).
std::string sweepConfigName(int index);

// A new sweep in `dir` (created; must be new or empty): sweep.json, configs/, sweep-state.json with
// every trial pending. Throws ConfigError for a bad spec.
void createSweep(const std::string& spec_path, const std::string& dir);

struct SweepOptions {
    std::string dino_exe;                    // the `dino` binary that runs the trials
    int stop_after = 0;                      // > 0: return after this many trials ended in this call
    bool retry_failed = false;               // failed trials run again (from last.ckpt where they wrote one)
    std::function<bool()> cancelled;         // polled; true stops the sweep (trials keep last.ckpt)
    std::function<void(const std::string&)> log;  // each line of sweep-log.txt as it is written
};

enum class SweepOutcome { Finished, Stopped, BudgetSpent };

// Runs (or continues) the sweep in dir until every trial ended, the budget is spent, stop_after
// trials ended, or `cancelled`. A trial left running by a killed sweep continues from its
// last.ckpt (`dino resume`), or starts again when it had none; finished, pruned and failed trials
// are not run again, except failed ones with retry_failed (the same way: from last.ckpt, or anew).
SweepOutcome runSweep(const std::string& dir, const SweepOptions& options);

// The figures of a configuration's finished trials, read from their run directories and averaged over
// the seeds (what the recipe tables of docs/learning-on-small-data.md show): the teacher and the random-init
// model on each evaluated split (eval.json's split first, then the spec's "evaluate" splits), the gains over
// random init averaged over the splits, and the run's end state.
struct SweepSplitFigures {
    std::string split;
    Stat nn1, knn, auc, base_nn1, base_knn, base_auc;
    Stat probe, base_probe;  // the linear probe's accuracy on this split (trials whose eval has one)
    // Per seed on this split alone, trained minus random init (the sd is the seeds' spread of the gain,
    // smaller than the two accuracies' spreads where a seed moves both).
    Stat gain_knn, gain_probe;
    std::map<uint64_t, double> seed_gain_knn, seed_gain_probe;  // the same gains by system.seed
    // Against the reference configuration (SweepResults::paired_reference), seed by seed: this configuration's
    // gain minus the reference's for each seed both finished (the same random init and data order), the
    // differences' mean ± sd, and in how many seeds it is ahead. Empty (n 0) for the reference itself.
    // (api::pairBySeed, as the runs table pairs its seed groups).
    Paired paired_knn, paired_probe;
};
struct SweepFigures {
    int n = 0;                              // finished trials read
    std::vector<SweepSplitFigures> splits;
    Stat gain_nn1, gain_knn;                // per seed: the mean over the splits of teacher - random init
    Stat gain_probe;                        // the same for the linear probe, over the splits that have both probes
    Stat labels_used;                       // pseudo-labels used (of labels_total = model.out_dim)
    int labels_total = 0;
    Stat teacher_entropy, student_std;      // the last step's
    Stat wall_seconds;                      // training time per run
    std::string guard;                      // the collapse guard's verdicts, "/"-joined when they differ
};

struct SweepConfigResult {
    int config = 0;
    FieldValues values;
    std::string state;             // finished (every seed), pruned (any seed), failed, incomplete
    std::vector<double> seed_values;  // one per seed with a value
    int n = 0;                     // seed_values.size()
    double mean = 0, std = 0;      // over seeds (sample standard deviation; 0 for one seed)
    std::optional<double> gain;    // mean over seeds of (value - the random-init model's), where known
    int64_t pruned_at = -1;        // the earliest pruning step of its runs
    SweepFigures figures;          // of its finished trials
    std::string label;             // its variant's name, else "field=value ..." of its values
};

struct FieldEffect {
    std::string field;
    std::vector<std::string> levels;  // a value, or a range "[a, b]" for a continuous field in thirds
    std::vector<double> means;        // the mean over the finished configurations at each level
    std::vector<int> counts;
    double spread = 0;                // max - min of the means
};

struct SweepResults {
    std::string metric;
    std::vector<SweepConfigResult> ranked;  // finished by mean (best first), then pruned, failed, incomplete
    std::vector<FieldEffect> effects;       // by spread, largest first (finished configurations only)
    int trials = 0, finished = 0, pruned = 0, failed = 0, pending = 0;
    int64_t steps_done = 0, steps_all = 0;  // steps trained, and what running every trial to the end takes
    // The configuration the others are paired with seed by seed (SweepSplitFigures::paired_knn): the spec's
    // first, where it has finished trials; its label, empty where there is none.
    std::string paired_reference;
};

// Which fields mattered, over configurations with one result each (a mean over seeds): for every field of
// the configurations' values (the same keys in the same order in each), the mean result at each of its
// levels (its distinct values; a numeric field with more than 5 values in thirds of the configurations),
// and the spread of those means; fields with a single level left out; largest spread first. Fewer than
// two configurations: none. sweepResults() uses it over the finished configurations, the GUI's
// hyperparameter view over the runs (or seed groups) it shows.
std::vector<FieldEffect> fieldEffects(const std::vector<std::pair<FieldValues, double>>& configs);

SweepResults sweepResults(const std::string& dir);
// sweep-results.json, sweep-results.csv and (when a configuration finished) best-config.json, with
// system.seed = the first seed.
void writeSweepResults(const std::string& dir, const SweepResults& results);
// The ranked table, the fields that mattered and the steps saved, as `dino sweep` prints them.
std::string formatSweepResults(const SweepResults& results);
// The ranked configurations as a Markdown table, one row per configuration: seeds, per split 1-NN, k-NN
// (random init in brackets), AUC and, where the trials ran one, the linear probe; the gains, labels used,
// teacher entropy, spread, guard and wall time (`dino sweep --results DIR --markdown`; the tables of
// docs/learning-on-small-data.md).
std::string sweepResultsMarkdown(const SweepResults& results);

}  // namespace dino::api
