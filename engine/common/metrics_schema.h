// One description per training metric: the table every use of a reported value is derived from, as
// config_schema.h is for the config fields.
//
// A metric is described once, in metrics_schema.cpp: its name (the api::StepMetrics member, the
// metrics.csv column and the status.json key), unit, English label and help text, how it is reduced
// over an epoch's steps and across the processes of a data-parallel run, whether and where the GUI
// plots it, and the value an older metrics.csv without the column reads as. From that table come
//   - metrics.csv's header, writer and name-based reader (api/run_directory.cpp),
//   - the all-reduce of the trainer (the metrics reduced by Sum across processes),
//   - the epoch summary (summarizeSteps: EpochMetrics::mean_loss, the comparison views),
//   - status.json's "metrics" (the last step),
//   - the GUI's chart series and legends (ui/training_panel.cpp).
// Adding a metric: a member of api::StepMetrics (common/run_types.h), one entry in the table, its
// computation in the trainer (training/train_step.cpp), and the German texts. Torch-free and Qt-free.
#pragma once

#include "common/run_types.h"

#include <string>
#include <vector>

namespace dino {

// How the steps of an epoch (or any span of steps) are summarised.
enum class EpochReduce {
    Mean,  // the mean of the finite values (NaN when there are none)
    Last,  // the last step's value (schedules, elapsed time, the step itself)
    Sum,   // the total (seconds spent)
};

// Where a data-parallel run's value comes from.
enum class RankReduce {
    Same,    // computed from gathered or all-reduced tensors, or a schedule: equal on every process
    Sum,     // each process's part, summed by the step's all-reduce (the loss is a sum over images)
    Writer,  // the reporting process's own measurement (rank 0: timings, its shard's feature spread)
};

// The GUI chart that shows a metric.
enum class MetricChart { None, Loss, Collapse };

struct MetricDescriptor {
    std::string name;  // "loss": the StepMetrics member, metrics.csv column and status.json key
    // English texts, marked for Qt's lupdate in metrics_schema.cpp; the GUI translates them in the contexts
    // "dino::ui::Metrics" (label) and "dino::MetricHelp" (help).
    const char* label = "";
    const char* help = "";
    std::string unit;  // "nats", "s", "images/s", or empty
    EpochReduce epoch = EpochReduce::Mean;
    RankReduce ranks = RankReduce::Same;
    MetricChart chart = MetricChart::None;
    bool right_axis = false;  // on the chart's second (right) axis
    bool integer = false;     // written without a fraction (step, epoch)
    // An older metrics.csv without this column: an error when required, else this value.
    bool required = false;
    double missing = 0;
    double (*get)(const api::StepMetrics&) = nullptr;
    void (*set)(api::StepMetrics&, double) = nullptr;
};

// Every metric, in metrics.csv's column order (new ones are appended).
const std::vector<MetricDescriptor>& metricTable();
// nullptr for an unknown name.
const MetricDescriptor* findMetric(const std::string& name);

// The steps summarised metric by metric (EpochReduce); an empty span gives NaN values.
api::StepMetrics summarizeSteps(const std::vector<api::StepMetrics>& steps);

}  // namespace dino
