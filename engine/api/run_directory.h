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

// metrics.csv: one column per entry of the metric table (common/metrics_schema.h), in its order.
std::string metricsCsvHeader();
std::string metricsCsvRow(const StepMetrics& m);
// Reads rows by the column names of a header: an older run's file with fewer columns reads, a missing
// column giving its table's `missing` value (NaN for a value that was not measured); a column the table
// requires that the header lacks is an error naming it.
class MetricsCsvColumns {
public:
    explicit MetricsCsvColumns(const std::string& header);
    static MetricsCsvColumns current();  // today's header
    // Throws naming the column of a bad value, or the count when the row does not match the header.
    StepMetrics parse(const std::string& line) const;

private:
    std::vector<int> index_;  // per table entry: its column in the header, or -1
    size_t count_ = 0;
};
// A row without its header: the first n columns of the table (the layouts older runs wrote).
StepMetrics parseMetricsCsvRow(const std::string& line);
// The rows of a metrics.csv after its header (none when absent); a torn last line is dropped, any other
// bad row is an error naming the file and line.
std::vector<StepMetrics> readMetricsCsv(const std::string& path);

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
// With a collapse guard verdict, its state, explanation and advice are written too ("collapse"); with
// the last step, its value of every metric of the table ("metrics", by metrics.csv's column names).
struct CollapseVerdict;
void writeRunStatus(const std::string& run_dir, const std::string& state, const std::string& message,
                    const RunPlan& plan, const CollapseVerdict* collapse = nullptr, const StepMetrics* last = nullptr);

// Files of a run directory.
std::string runConfigPath(const std::string& run_dir);   // config.json
std::string runMetricsPath(const std::string& run_dir);  // metrics.csv
std::string runLogPath(const std::string& run_dir);      // log.txt
std::string runStatusPath(const std::string& run_dir);   // status.json
std::string runEvalPath(const std::string& run_dir);     // eval.json
std::string runPseudoLabelsPath(const std::string& run_dir);  // pseudo_labels.json
std::string runKnnPath(const std::string& run_dir);      // knn.csv
// eval_<split>.json: `dino eval RUN --split S` for another split than the run's eval.test_split.
std::string runSplitEvalPath(const std::string& run_dir, const std::string& split);
std::string rankLogPath(const std::string& run_dir, int rank);  // log.rank<N>.txt of a data-parallel rank > 0
// system.processes of the run's config.json (1 when the run has none yet).
int runProcesses(const std::string& run_dir);

}  // namespace dino::api
