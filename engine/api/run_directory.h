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
    std::optional<EvalReport> eval;     // eval.json
    std::optional<PseudoLabelReport> pseudo_labels;
    std::vector<std::string> checkpoints;  // paths, oldest first
    std::string status;                 // "finished", "cancelled", "failed: ...", "running"
};

RunSnapshot loadRun(const std::string& run_dir);

// metrics.csv: the header and one row; used by the trainer and by loadRun.
std::string metricsCsvHeader();
std::string metricsCsvRow(const StepMetrics& m);
StepMetrics parseMetricsCsvRow(const std::string& line);

// eval.json / pseudo_labels.json <-> structs.
std::string evalReportToJson(const EvalReport& r);
EvalReport evalReportFromJson(const std::string& text);
std::string pseudoLabelsToJson(const PseudoLabelReport& r);
PseudoLabelReport pseudoLabelsFromJson(const std::string& text);

}  // namespace dino::api
