// The Attention tab: the class token's attention of a run's model for chosen images (DINO's
// Figure 1; official visualize_attention.py). Per image a row: the image, each head's map, the head
// mean, the mean as an overlay with adjustable opacity, and the official threshold mask; optionally
// a random-init row below each. Block, checkpoint, teacher or student are chosen above; the maps are
// computed in the background with progress and cancel; the figure exports as PNG, SVG or PDF.
#pragma once

#include "run_view.h"

#include "api/inspection.h"
#include "model_source_bar.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;

namespace dino::ui {

class BackgroundTask;

// Paints the attention figure; its size follows the data.
class AttentionFigure : public QWidget {
    Q_OBJECT
public:
    explicit AttentionFigure(QWidget* parent = nullptr);
    void setMaps(std::shared_ptr<const api::AttentionMaps> maps, std::shared_ptr<const api::AttentionMaps> baseline,
                 const QString& modelLabel);
    void setOpacity(double a);
    void setFraction(double f);
    void setSharedScale(bool on);
    void clear();
    bool hasMaps() const { return bool(maps_); }
    QSize figureSize() const;
    void paintFigure(QPainter& p) const;
    // PNG, SVG or PDF by the suffix; "" or a readable error.
    QString exportTo(const QString& path) const;
    static constexpr int kTile = 96;

protected:
    void paintEvent(QPaintEvent*) override;
    QSize sizeHint() const override { return figureSize(); }

private:
    void paintRow(QPainter& p, const api::AttentionMaps& a, size_t i, int top, const QString& label,
                  float top_value) const;
    std::shared_ptr<const api::AttentionMaps> maps_, baseline_;
    QString modelLabel_;
    double opacity_ = 0.6;
    double fraction_ = 0.6;
    bool shared_ = true;
};

class AttentionPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    explicit AttentionPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void clearRun() override;
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;
    void setRunDir(const QString& dir);
    void clear();
    bool isComputing() const { return task_ != nullptr; }

    // For tests and the screenshot tool.
    ModelSourceBar* sourceBar() const { return source_; }
    AttentionFigure* figure() const { return figure_; }
    QComboBox* choiceBox() const { return choice_; }
    QLineEdit* indicesEdit() const { return indices_; }
    QComboBox* classBox() const { return classBox_; }
    QSpinBox* countSpin() const { return count_; }
    QSpinBox* blockSpin() const { return block_; }
    QCheckBox* baselineCheck() const { return baseline_; }
    QSlider* opacitySlider() const { return opacity_; }
    QSpinBox* thresholdSpin() const { return threshold_; }
    QCheckBox* sharedScaleCheck() const { return shared_; }
    QPushButton* computeButton() const { return compute_; }
    QPushButton* exportButton() const { return export_; }
    QLabel* statusLabel() const { return status_; }
    const api::AttentionMaps* maps() const { return maps_.get(); }

Q_SIGNALS:
    void computed();
    void failed(const QString& message);

public Q_SLOTS:
    void compute();
    void cancel();
    void exportFigure();

private:
    void updateControls();
    void loadClasses();
    QString runDir_;
    std::shared_ptr<const api::AttentionMaps> maps_, baselineMaps_;
    BackgroundTask* task_ = nullptr;
    BackgroundTask* classTask_ = nullptr;
    quint64 drawSeed_ = 0;
    ModelSourceBar* source_ = nullptr;
    QComboBox* choice_ = nullptr;
    QLineEdit* indices_ = nullptr;
    QComboBox* classBox_ = nullptr;
    QSpinBox* count_ = nullptr;
    QPushButton* redraw_ = nullptr;
    QSpinBox* block_ = nullptr;
    QCheckBox* baseline_ = nullptr;
    QSlider* opacity_ = nullptr;
    QSpinBox* threshold_ = nullptr;
    QCheckBox* shared_ = nullptr;
    QPushButton* compute_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QPushButton* export_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    AttentionFigure* figure_ = nullptr;
};

}  // namespace dino::ui
