// The Embedding map tab: the L2-normalised features of a split projected to 2-D (PCA, or exact
// t-SNE initialised from it), a point per image coloured by class, with zoom and pan. Clicking (or
// hovering) a point shows its image, label and the k nearest memory-bank images the weighted k-NN
// votes with; "Select area" shows the images inside a rectangle. Any checkpoint, teacher, student or
// random init; computed in the background; exports as PNG/SVG/PDF, CSV and a Projector bundle.
#pragma once

#include "run_view.h"

#include "api/inspection.h"
#include "model_source_bar.h"
#include "plot_widget.h"

#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace dino::ui {

class BackgroundTask;

class EmbeddingMapPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    explicit EmbeddingMapPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void clearRun() override;
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;
    void setRunDir(const QString& dir);
    void clear();
    bool isComputing() const { return task_ != nullptr; }
    const api::EmbeddingMap* map() const { return map_.get(); }

    // The point nearest to a widget position within `radius` pixels, or -1.
    int pointAt(const QPoint& pos, double radius = 8) const;
    // Shows a point's image, label, vote and neighbours (what a click does).
    void showPoint(int index);
    // Shows the points inside a rectangle in plot coordinates (what "Select area" does); returns them.
    QVector<int> selectInRect(const QRectF& plotRect);
    QString exportCsv(const QString& path) const;        // "" or an error
    QString exportProjector(const QString& dir) const;   // "" or an error

    ModelSourceBar* sourceBar() const { return source_; }
    PlotWidget* plot() const { return plot_; }
    QPushButton* computeButton() const { return compute_; }
    QComboBox* methodBox() const { return method_; }
    QDoubleSpinBox* perplexitySpin() const { return perplexity_; }
    QToolButton* selectButton() const { return select_; }
    QListWidget* imageList() const { return list_; }
    QLabel* detailLabel() const { return detail_; }
    QLabel* statusLabel() const { return status_; }
    int shownPoint() const { return shown_; }

Q_SIGNALS:
    void computed();
    void failed(const QString& message);

public Q_SLOTS:
    void compute();
    void cancel();

private:
    void draw();
    void clearDetails();  // the side panel back to "click a point"
    void updateControls();
    QString className(int label) const;
    QString exportWith(const std::function<void(const api::EmbeddingMap&)>& write) const;  // "" or the error
    QString runDir_;
    std::shared_ptr<const api::EmbeddingMap> map_;
    QString mapLabel_;
    BackgroundTask* task_ = nullptr;
    int shown_ = -1;
    QPoint pressPos_;
    ModelSourceBar* source_ = nullptr;
    QComboBox* method_ = nullptr;
    QDoubleSpinBox* perplexity_ = nullptr;
    QPushButton* compute_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QToolButton* select_ = nullptr;
    QPushButton* exportPlot_ = nullptr;
    QPushButton* exportCsv_ = nullptr;
    QPushButton* exportProjector_ = nullptr;
    PlotWidget* plot_ = nullptr;
    QCPCurve* highlight_ = nullptr;
    QCPCurve* selection_ = nullptr;
    QLabel* image_ = nullptr;
    QLabel* detail_ = nullptr;
    QLabel* listTitle_ = nullptr;
    QListWidget* list_ = nullptr;
};

}  // namespace dino::ui
