// Comparing runs (the Experiments tab, issue 24): the selected runs' curves overlaid on shared charts,
// as W&B's run comparer and TensorBoard's scalars dashboard show them: the DINO loss (raw faint, smoothed
// strong), the live k-NN accuracy (weighted k-NN or 1-NN) with each run's random-init line (dashed, in
// the run's colour), the teacher entropy and KL to uniform, and the four schedules (the values
// metrics.csv recorded; the plan for a run without steps yet). One colour per run, kept while the run
// stays selected and reused when it comes back; legend labels from the fields that differ between the
// selected runs ("lr=0.001 od=64 s0"). One x axis for all charts (step, epoch, wall time) and the shared
// smoothing and log scale. A seed group (the table groups seeds) is drawn as its mean with a ±1 standard
// deviation band (api::averageCurves) and labelled "… (n = 3)".
//
// Curves are read off the GUI thread (BackgroundTask), one api::RunFollower per selected run, so that a
// refresh reads only the rows a training run appended; a refresh that brings nothing new redraws
// nothing. Every chart exports as PNG/SVG/PDF (chart_export.h) and its data as CSV from its context menu.
#pragma once

#include "experiments_view.h"
#include "plot_widget.h"

#include "api/run_follower.h"
#include "api/run_table.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QVector>
#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QComboBox;
class QLabel;

namespace dino::ui {

class ChartControls;

class ComparisonPanel : public QWidget, public ExperimentsView {
    Q_OBJECT
public:
    enum class XAxis { Step, Epoch, WallTime };
    enum class KnnMetric { Weighted, OneNn };
    enum Chart { Loss, Knn, Entropy, Kl, Lr, Wd, TeacherTemp, Momentum, ChartCount };

    explicit ComparisonPanel(QWidget* parent = nullptr);
    ~ComparisonPanel() override;

    // ExperimentsView
    void showSelection(const api::RunTable& selected) override;

    PlotWidget* plot(Chart c) const { return plots_[c]; }
    QList<PlotWidget*> plots() const;
    void setXAxis(XAxis x);
    XAxis xAxis() const { return x_; }
    void setKnnMetric(KnnMetric m);
    void setSmoothing(double weight);
    void setLogScale(bool on);
    ChartControls* controls() const { return controls_; }

    // The legend labels of the runs and groups shown, in table order, and a run's or group's colour
    // (key: a run's directory; a group's: "group:" + its first run's directory).
    QStringList seriesLabels() const;
    QColor colourOf(const QString& key) const { return colours_.value(key); }
    // A chart's data as CSV: series,curve,step[,epoch|elapsed_seconds],value,sd,n — one row per point
    // of every series (raw, smoothed, mean, random init), sd and n for a group's mean.
    QString chartCsv(Chart c) const;
    // How often the charts were drawn from the data (a refresh that changes nothing does not count).
    int redraws() const { return redraws_; }
    // Whether a read of the runs' files is under way (or queued).
    bool reading() const { return task_ != nullptr; }

    // One curve of a chart, as drawn and as exported.
    struct Series {
        enum class Kind { Raw, Strong, Baseline, Planned };
        QString label;  // the run's or group's legend label
        QString curve;  // "raw", "smoothed", "mean", "random init", ...
        QColor colour;
        Kind kind = Kind::Strong;
        bool band = false;  // a group's mean: sd and n are set
        QVector<double> step, x, y, sd;
        QVector<int> n;
    };

Q_SIGNALS:
    // The charts were drawn anew (a new selection, new rows, another x axis or smoothing).
    void redrawn();

private:
    struct RunCurves {
        std::shared_ptr<api::RunFollower> follower;
        std::vector<api::StepMetrics> steps;
        std::vector<api::KnnPoint> knn;
        api::RunPlan plan;  // read once for a run without recorded steps (its schedules)
        bool loaded = false, planRead = false, following = false;
        int version = 0;  // counts the changes: a chart's series of this run are rebuilt when it moved
        QString error;
    };
    // A run alone or a seed group: what one colour and one legend entry stand for.
    struct Entity {
        QString key, label;
        QColor colour;
        std::vector<const api::RunRow*> rows;
        bool group = false;
    };

    void refresh();
    void readFinished();
    void rebuildEntities();
    void assignColours();
    void redraw();
    std::vector<Series> buildChart(Chart c, const Entity& e) const;
    void drawChart(Chart c, const std::vector<Series>& series);
    void applyXAxis();

    api::RunTable selection_;
    std::vector<Entity> entities_;
    QString shown_;  // what the entities looked like at the last redraw (keys, labels, runs)
    std::map<std::string, RunCurves> runs_;  // by run directory: the selected runs
    QHash<QString, QColor> colours_;          // by entity key, kept across refreshes
    // Each run's or group's series of every chart, with what they were built from (its label, colour, the
    // runs' versions, the x axis, k-NN metric and smoothing): a redraw rebuilds only what changed, so that
    // one run that trains beside finished ones costs the new rows, not every run's curves.
    struct Built {
        QString from[ChartCount];
        std::vector<Series> charts[ChartCount];
    };
    QHash<QString, Built> built_;
    QObject* task_ = nullptr;                 // the read under way
    bool again_ = false;                      // a refresh came while reading: read once more after it
    bool dirty_ = false;                      // the charts need a redraw
    int redraws_ = 0;
    XAxis x_ = XAxis::Step;
    KnnMetric knnMetric_ = KnnMetric::Weighted;
    double smoothing_ = 0.9;
    bool log_ = false;

    PlotWidget* plots_[ChartCount] = {};
    std::vector<Series> data_[ChartCount];
    ChartControls* controls_ = nullptr;
    QComboBox* xBox_ = nullptr;
    QComboBox* knnBox_ = nullptr;
    QLabel* status_ = nullptr;
    QString summary_;  // the status line after the last redraw
};

}  // namespace dino::ui
