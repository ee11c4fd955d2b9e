// The Pseudo-labels tab (seed Part VI): histogram of the teacher's argmax pseudo-labels over a
// split, sorted or in label order, with entropy, used labels and a note on why it is not uniform.
#pragma once

#include "run_view.h"

#include "qt_types.h"
#include "plot_widget.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace dino::ui {

class PseudoLabelPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    explicit PseudoLabelPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void clearRun() override;
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;
    void setTrainingActive(bool active) override;

    void setRunDir(const QString& dir);
    void setBusyElsewhere(bool busy);
    void showReport(const api::PseudoLabelReport& r);
    void clear();
    bool hasReport() const { return has_; }
    bool isComputing() const { return computing_; }
    const api::PseudoLabelReport& report() const { return report_; }
    PlotWidget* histogramPlot() const { return plot_; }
    QCPBars* bars() const { return bars_; }
    QPushButton* computeButton() const { return compute_; }
    void setSorted(bool sorted);
    // The note under the histogram, which explains it for the run's teacher targets (centring or Sinkhorn).
    QLabel* explainer() const { return note_; }
    // Its text for optim.centering ("ema" or "sinkhorn").
    static QString explainerText(const QString& centering);

Q_SIGNALS:
    void computed(const dino::api::PseudoLabelReport& r);
    void failed(const QString& message);

public Q_SLOTS:
    void compute();

private:
    void redraw();
    void updateButtons();

    QString runDir_;
    bool busyElsewhere_ = false;
    bool computing_ = false;
    bool has_ = false;
    api::PseudoLabelReport report_;
    QPushButton* compute_ = nullptr;
    QComboBox* split_ = nullptr;
    QCheckBox* sorted_ = nullptr;
    QLabel* stats_ = nullptr;
    QLabel* note_ = nullptr;
    PlotWidget* plot_ = nullptr;
    QCPBars* bars_ = nullptr;
};

}  // namespace dino::ui
