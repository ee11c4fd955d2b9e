// Reading a run directory back (config.json, metrics.csv, eval.json, pseudo_labels.json), so that
// everything the GUI shows can be reproduced from disk. Torch-free.
#pragma once

#include "api/types.h"
#include "common/config.h"

#include <optional>
#include <string>
#include <vector>

namespace dino::api {

struct RunSnapshot {
    std::string dir;
    RunConfig config;
    RunPlan plan;                       // recomputed from the config (schedules)
    std::vector<StepMetrics> steps;     // metrics.csv
    std::vector<KnnPoint> knn;          // knn.csv (the live k-NN curve), empty without one
    std::string collapse_state;         // status.json's collapse guard verdict ("healthy", ...), or ""
    std::string collapse_explanation;
    std::optional<EvalReport> eval;     // eval.json
    std::optional<PseudoLabelReport> pseudo_labels;
    std::vector<std::string> checkpoints;  // paths, oldest first
    int64_t disk_bytes = 0;             // the whole run directory
    int64_t checkpoint_bytes = 0;       // checkpoints/
    std::string status;                 // "finished", "cancelled", "failed: ...", "running"
};

RunSnapshot loadRun(const std::string& run_dir);

// metrics.csv: the header and one row; used by the trainer and by loadRun.
std::string metricsCsvHeader();
std::string metricsCsvRow(const StepMetrics& m);
StepMetrics parseMetricsCsvRow(const std::string& line);

// knn.csv: step,knn_1nn,knn_weighted,baseline_1nn,baseline_weighted,seconds
std::string knnCsvHeader();
std::string knnCsvRow(const KnnPoint& p);
KnnPoint parseKnnCsvRow(const std::string& line);

// eval.json / pseudo_labels.json <-> structs.
std::string evalReportToJson(const EvalReport& r);
EvalReport evalReportFromJson(const std::string& text);
std::string pseudoLabelsToJson(const PseudoLabelReport& r);
PseudoLabelReport pseudoLabelsFromJson(const std::string& text);

}  // namespace dino::api

namespace dino::api {

// status.json: the run's state ("running", "finished", "cancelled", "failed"), a message (why it
// failed), and the parts of the plan that need the data set or the model to know (dataset size,
// trainable parameters, device, threads), so that loadRun can redraw the plan without the data.
// With a collapse guard verdict, its state, explanation and advice are written too ("collapse").
struct CollapseVerdict;
void writeRunStatus(const std::string& run_dir, const std::string& state, const std::string& message,
                    const RunPlan& plan, const CollapseVerdict* collapse = nullptr);

// Files of a run directory.
std::string runConfigPath(const std::string& run_dir);   // config.json
std::string runMetricsPath(const std::string& run_dir);  // metrics.csv
std::string runLogPath(const std::string& run_dir);      // log.txt
std::string runStatusPath(const std::string& run_dir);   // status.json
std::string runEvalPath(const std::string& run_dir);     // eval.json
std::string runPseudoLabelsPath(const std::string& run_dir);  // pseudo_labels.json
std::string runKnnPath(const std::string& run_dir);      // knn.csv
std::string rankLogPath(const std::string& run_dir, int rank);  // log.rank<N>.txt of a data-parallel rank > 0
// system.processes of the run's config.json (1 when the run has none yet).
int runProcesses(const std::string& run_dir);

}  // namespace dino::api
