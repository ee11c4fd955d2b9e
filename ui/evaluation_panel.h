// The Evaluation tab: k-NN evaluation of the run's teacher beside a random-init baseline
// (1-NN and weighted k-NN accuracy, AUC), per-class accuracy with class names, and the confusion
// matrix as a heat map. "Evaluate" runs the engine off the GUI thread with progress and cancel.
#pragma once

#include "run_view.h"

#include "qt_types.h"
#include "plot_widget.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QCheckBox;

namespace dino::ui {

class BackgroundTask;

class EvaluationPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    explicit EvaluationPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void clearRun() override;
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;
    void setTrainingActive(bool active) override;

    void setRunDir(const QString& dir);
    void setBusyElsewhere(bool busy);   // training running: evaluation of a live run waits
    void showReport(const api::EvalReport& r);
    void clear();
    bool hasReport() const { return has_; }
    bool isEvaluating() const { return evaluating_; }
    const api::EvalReport& report() const { return report_; }

    QTableWidget* summaryTable() const { return summary_; }
    QTableWidget* classTable() const { return classes_; }
    PlotWidget* confusionPlot() const { return confusion_; }
    PlotWidget* comparisonPlot() const { return bars_; }
    QList<PlotWidget*> plots() const { return {bars_, confusion_}; }
    QPushButton* evaluateButton() const { return evaluate_; }

Q_SIGNALS:
    void evaluated(const dino::api::EvalReport& r);
    void failed(const QString& message);

public Q_SLOTS:
    void evaluate();
    void cancel();
    void setProgress(qint64 done, qint64 total);

private:
    void updateButtons();
    void drawConfusion();

    QString runDir_;
    bool busyElsewhere_ = false;
    bool evaluating_ = false;
    bool has_ = false;
    api::EvalReport report_;
    BackgroundTask* task_ = nullptr;  // the evaluation running, if any
    QPushButton* evaluate_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* info_ = nullptr;
    QTableWidget* summary_ = nullptr;
    QTableWidget* classes_ = nullptr;
    PlotWidget* bars_ = nullptr;
    PlotWidget* confusion_ = nullptr;
    QCheckBox* normalise_ = nullptr;
    QCPColorMap* map_ = nullptr;
    QCPColorScale* scale_ = nullptr;
};

}  // namespace dino::ui
