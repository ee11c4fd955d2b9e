// The Experiments tab's hyperparameter views (TensorBoard's HParams tab, W&B's parallel coordinates and
// scatter plots), as tabs: the parallel coordinates of the differing configuration fields against a
// result, whose brushes filter the runs table; a scatter of any numeric field (or result) against any
// result, one point per run or per seed group (mean ± sd); and which fields mattered (api::fieldEffects,
// as `dino sweep` reports it). All follow the table: showTable() on every re-read.
#pragma once

#include "api/sweep.h"
#include "experiments_view.h"
#include "parallel_coordinates.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QToolButton;
class QCPErrorBars;
class QCPGraph;
class QCPBars;

namespace dino::ui {

class PlotWidget;

class HParamsPanel : public QWidget, public ExperimentsView, public RunFilterSource {
    Q_OBJECT
public:
    explicit HParamsPanel(QWidget* parent = nullptr);

    void showTable(const api::RunTable& visible) override;
    // The table's selected runs: outlined on the parallel coordinates, ringed on the scatter.
    void showSelection(const api::RunTable& selected) override;

    ParallelCoordinates* parallel() const { return parallel_; }
    PlotWidget* scatter() const { return scatter_; }
    QComboBox* resultCombo() const { return resultCombo_; }
    QComboBox* scatterXCombo() const { return xCombo_; }
    QComboBox* scatterYCombo() const { return yCombo_; }
    QPushButton* clearButton() const { return clear_; }
    QTabWidget* tabs() const { return tabs_; }

    // The scatter's points as drawn: one per run, or per seed group at its mean with the sd.
    struct ScatterPoint {
        QString name;
        QStringList dirs;
        double x = 0, y = 0, sd = 0;
        int n = 1;
    };
    const std::vector<ScatterPoint>& scatterPoints() const { return points_; }
    bool scatterLogX() const;
    // Which fields mattered (api::fieldEffects over the lines of the parallel coordinates: runs, or seed
    // groups at their means, with the chosen result), largest spread first; drawn as bars.
    const std::vector<api::FieldEffect>& effects() const { return effects_; }
    PlotWidget* effectsPlot() const { return effectsPlot_; }

Q_SIGNALS:
    void runFilterChanged(const QStringList& dirs, bool active);

private:
    void fillCombos();
    void rebuildParallel();
    void rebuildScatter();
    void rebuildEffects();
    void updateStatus(const QStringList& dirs, bool active);
    void exportParallel(const QString& format);
    int resultIndex() const;
    int defaultResult() const;

    api::RunTable table_;
    bool hasTable_ = false;
    bool resultChosen_ = false, yChosen_ = false;
    ParallelCoordinates* parallel_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    PlotWidget* scatter_ = nullptr;
    QCPGraph* points_graph_ = nullptr;
    QCPErrorBars* errors_ = nullptr;
    QCPGraph* selectedGraph_ = nullptr;
    QStringList selected_;
    QComboBox* resultCombo_ = nullptr;
    QComboBox* xCombo_ = nullptr;
    QComboBox* yCombo_ = nullptr;
    QPushButton* clear_ = nullptr;
    QToolButton* export_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* colourBar_ = nullptr;
    std::vector<ScatterPoint> points_;
    PlotWidget* effectsPlot_ = nullptr;
    QCPBars* effectBars_ = nullptr;
    std::vector<api::FieldEffect> effects_;
};

}  // namespace dino::ui
