// A run directory written by the engine's own writers (config.json, metrics.csv, knn.csv, eval.json,
// pseudo_labels.json, status.json) with chosen results, for the tests of the run table and `dino runs`.
#pragma once

#include "api/collapse_guard.h"
#include "api/run_directory.h"
#include "common/config.h"
#include "common/fsutil.h"

#include <cmath>
#include <string>
#include <vector>

namespace dino::test {

struct FixtureRun {
    RunConfig config = presetConfig("tiny");
    std::string state = "finished";  // status.json's state; "" writes no status.json
    std::string message;             // a failure's message
    api::CollapseState collapse = api::CollapseState::Healthy;
    int steps = 8;
    double seconds_per_step = 0.5;
    double images_per_s = 100;
    double last_entropy = 3.5;                // the teacher entropy of the last step
    std::vector<std::pair<int64_t, double>> live_knn;  // (step, weighted k-NN)
    bool eval = true;
    double nn1 = 0.5, knn = 0.6, auc = 0.9, base_nn1 = 0.3, base_knn = 0.35, base_auc = 0.8;
    double probe = -1, base_probe = -1;  // linear probe test accuracies; -1: eval.json without a probe
    int pseudo_used = -1;  // -1: no pseudo_labels.json
    // The loss of step s: loss0 - loss_slope * s; epochs of steps_per_epoch steps (0: all in epoch 0);
    // the live k-NN's random-init accuracy.
    double loss0 = 5.0, loss_slope = 0.1;
    int steps_per_epoch = 0;
    double live_baseline = 0.3;
};

// metrics.csv's row of step s of f.
inline api::StepMetrics fixtureStep(const FixtureRun& f, int s) {
    api::StepMetrics m;
    m.step = s;
    m.epoch = f.steps_per_epoch > 0 ? s / f.steps_per_epoch : 0;
    m.loss = f.loss0 - f.loss_slope * s;
    m.images_per_s = f.images_per_s;
    m.elapsed_seconds = f.seconds_per_step * (s + 1);
    m.teacher_entropy = s + 1 == f.steps ? f.last_entropy : 4.0;
    return m;
}

inline void writeFixtureRun(const std::string& dir, const FixtureRun& f) {
    ensureDir(dir);
    saveConfigFile(f.config, api::runConfigPath(dir));
    std::string metrics = api::metricsCsvHeader() + "\n";
    for (int s = 0; s < f.steps; ++s) metrics += api::metricsCsvRow(fixtureStep(f, s)) + "\n";
    writeFileAtomic(api::runMetricsPath(dir), metrics);
    if (!f.live_knn.empty()) {
        std::string knn = api::knnCsvHeader() + "\n";
        for (const auto& [step, v] : f.live_knn) {
            api::KnnPoint p;
            p.step = step;
            p.knn_weighted = v;
            p.knn_1nn = v - 0.01;
            p.baseline_1nn = p.baseline_weighted = f.live_baseline;
            knn += api::knnCsvRow(p) + "\n";
        }
        writeFileAtomic(api::runKnnPath(dir), knn);
    }
    if (f.eval) {
        api::EvalReport r;
        r.trained.nn1_accuracy = f.nn1;
        r.trained.knn_accuracy = f.knn;
        r.trained.auc = f.auc;
        r.baseline.nn1_accuracy = f.base_nn1;
        r.baseline.knn_accuracy = f.base_knn;
        r.baseline.auc = f.base_auc;
        if (f.probe >= 0) {
            r.trained.probe.present = true;
            r.trained.probe.test_accuracy = f.probe;
        }
        if (f.base_probe >= 0) {
            r.baseline.probe.present = true;
            r.baseline.probe.test_accuracy = f.base_probe;
        }
        writeFileAtomic(api::runEvalPath(dir), api::evalReportToJson(r));
    }
    if (f.pseudo_used >= 0) {
        api::PseudoLabelReport p;
        p.counts.assign(static_cast<size_t>(f.config.model.out_dim), 0);
        for (int i = 0; i < f.pseudo_used; ++i) p.counts[static_cast<size_t>(i)] = 3;
        p.used = f.pseudo_used;
        writeFileAtomic(api::runPseudoLabelsPath(dir), api::pseudoLabelsToJson(p));
    }
    if (!f.state.empty()) {
        api::RunPlan plan;
        plan.dataset_size = 64;
        api::CollapseVerdict v;
        v.state = f.collapse;
        api::writeRunStatus(dir, f.state, f.message, plan, &v);
    }
}

}  // namespace dino::test
