// The Training tab: Start / Pause / Resume / Stop, progress with epoch, step, images/s and ETA,
// and live charts (loss raw + smoothed, the four schedules in full with a marker at the current
// step, collapse indicators). Pure view: the main window owns the worker.
#pragma once

#include "run_view.h"

#include "qt_types.h"
#include "plot_widget.h"
#include "run_controller.h"
#include "smoothing.h"

#include "api/collapse_guard.h"
#include "common/metrics_schema.h"

#include <memory>
#include <vector>

#include <QVector>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace dino::ui {

class ChartControls;

class TrainingPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    using State = RunController::State;  // the controller's state, shown
    explicit TrainingPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void clearRun() override;
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;

    void clear();
    void setPlan(const api::RunPlan& plan);
    void appendSteps(const QVector<api::StepMetrics>& steps);
    // The run's configuration (for the collapse guard's out_dim, warm-up and advice), before its steps.
    void setRunConfig(const RunConfig& cfg);
    // Points of the live k-NN curve (eval.knn_every_steps), in step order.
    void appendKnn(const QVector<api::KnnPoint>& points);
    const QVector<api::KnnPoint>& knnPoints() const { return knn_; }
    // The run's rows again (a followed run's file was replaced, or its first read): the charts are redrawn
    // from them.
    void replaceSteps(const QVector<api::StepMetrics>& steps);
    void replaceKnn(const QVector<api::KnnPoint>& points);
    // Another process trains the run shown (run_follower_view.h): who ("training in another process (pid
    // 4242, gpu-box)"), shown in the progress line with speed and ETA as for a run trained here; "" when it
    // ended (the progress then says finished or stopped).
    void setFollowing(const QString& who);
    QString following() const { return following_; }
    // The collapse guard's verdict on the steps so far (Warmup before any).
    api::CollapseVerdict collapseVerdict() const;
    QLabel* collapseBanner() const { return banner_; }
    PlotWidget* knnPlot() const { return knnPlot_; }
    void setState(State s);
    State state() const { return state_; }
    // false for a run in several processes (a paused rank would stall the others).
    bool canPause() const;
    void setStartBlocked(const QString& reason);  // "" = allowed
    void appendLog(const QString& line);
    QString logText() const;  // the log pane's text
    // "Epoch 2/3 · step 13/24 · 54 img/s · ETA 0:42", also shown in the status bar.
    QString progressText() const { return progressText_; }

    QList<PlotWidget*> plots() const;
    PlotWidget* lossPlot() const { return loss_; }
    PlotWidget* collapsePlot() const { return collapse_; }
    PlotWidget* schedulePlot(int i) const { return schedules_[i]; }
    int stepCount() const { return steps_.size(); }
    qint64 plannedSteps() const { return plan_.total_steps; }
    const QVector<api::StepMetrics>& steps() const { return steps_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    void setSmoothing(double weight);
    void setLogScale(bool on);

Q_SIGNALS:
    void pauseAvailableChanged(bool available);
    void startRequested();
    void pauseRequested(bool pause);
    void stopRequested();
    void progressChanged(const QString& text);
    // The banner's link: a new configuration with the collapse guard's advice applied.
    void applyAdviceRequested(const dino::RunConfig& advised);

private:
    void rebuildSmoothed();
    void updateProgress();
    void updateButtons();
    void updateBanner();
    void rebuildGuard();  // the guard for cfg_ and the plan, fed the steps so far
    void countKnnQueries();
    void updateKnnTitle();

    State state_ = State::Idle;
    QString blockedReason_;
    api::RunPlan plan_;
    QVector<api::StepMetrics> steps_;
    QVector<api::KnnPoint> knn_;
    RunConfig cfg_;
    bool haveConfig_ = false;
    qint64 knnQueries_ = 0;  // images the live k-NN classifies; 0 = not known (yet)
    int knnGeneration_ = 0;
    std::unique_ptr<api::CollapseGuard> guard_;
    EmaSmoother smoother_;
    double smoothing_ = 0.9;
    QString progressText_;
    QString following_;

    QPushButton* start_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* stop_ = nullptr;
    QLabel* stateLabel_ = nullptr;
    QLabel* blocked_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    ChartControls* controls_ = nullptr;  // smoothing and log scale of the loss chart
    PlotWidget* loss_ = nullptr;
    PlotWidget* collapse_ = nullptr;
    std::vector<const MetricDescriptor*> collapseMetrics_;  // the collapse chart's graphs, in order
    PlotWidget* knnPlot_ = nullptr;
    QLabel* banner_ = nullptr;
    PlotWidget* schedules_[4] = {nullptr, nullptr, nullptr, nullptr};
    QCPItemTracer* tracers_[4] = {nullptr, nullptr, nullptr, nullptr};
    QPlainTextEdit* log_ = nullptr;
};

}  // namespace dino::ui
