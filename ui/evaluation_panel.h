// The Evaluation tab: k-NN evaluation of the run's teacher beside a random-init baseline
// (1-NN and weighted k-NN accuracy with 95 % Wilson score intervals, AUC), on the split chosen
// (test or val), per-class accuracy with class names, and the confusion matrix as a heat map with
// class names. Every figure names its split and number of images; a teacher below its random init is
// flagged. With a linear probe in the report, its val and test accuracy (Wilson intervals) and the chosen
// lr / wd are rows of the same table and a third pair of bars. "Evaluate" runs the engine off the GUI thread with progress and cancel.
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
class QComboBox;

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
    // The split whose images are classified ("test", "val"): what Evaluate computes, and whose saved
    // report (eval.json, eval_<split>.json) is shown.
    QComboBox* splitBox() const { return split_; }
    QString split() const;
    void setSplit(const QString& split);
    // The warning shown when the teacher is below its random init (hidden otherwise).
    QLabel* warningLabel() const { return warning_; }

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
    void fitSummary(bool probe);  // shows the probe's rows or not; the table's height fits its rows
    static constexpr int kProbeValRow = 3, kProbeTestRow = 4, kProbeChoiceRow = 5;
    void showSavedReport();  // the split's report on disk, if any
    QString reportPath(const QString& split) const;

    QString runDir_;
    QString runTestSplit_ = QStringLiteral("test");  // the run's eval.test_split: its report is eval.json
    bool busyElsewhere_ = false;
    bool evaluating_ = false;
    bool has_ = false;
    api::EvalReport report_;
    BackgroundTask* task_ = nullptr;  // the evaluation running, if any
    QPushButton* evaluate_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* info_ = nullptr;
    QLabel* warning_ = nullptr;
    QComboBox* split_ = nullptr;
    QTableWidget* summary_ = nullptr;
    QTableWidget* classes_ = nullptr;
    PlotWidget* bars_ = nullptr;
    PlotWidget* confusion_ = nullptr;
    QCheckBox* normalise_ = nullptr;
    QCPColorMap* map_ = nullptr;
    QCPColorScale* scale_ = nullptr;
};

}  // namespace dino::ui
