// Augmentation preview: rows = dataset images, columns = the original, then the global and local
// views, labelled. Views are computed by the engine's real augmentation pipeline off the GUI thread;
// the grid refreshes ~300 ms after an augmentation field stops changing. Click a view to enlarge it
// with the list of operations applied to it.
#pragma once

#include "qt_types.h"
#include "common/config.h"

#include <QLabel>
#include <QTimer>
#include <QWidget>

#include <vector>

class QGridLayout;
class QSpinBox;
class QPushButton;

namespace dino::ui {

// One clickable tile of the grid.
class ViewTile : public QLabel {
    Q_OBJECT
public:
    ViewTile(const QImage& image, const QString& title, const QString& operations, int side, QWidget* parent);
    const QImage& image() const { return image_; }
    QString operations() const { return operations_; }
    QString title() const { return title_; }

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* e) override;

private:
    QImage image_;
    QString title_, operations_;
};

class PreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPanel(QWidget* parent = nullptr);

    static constexpr int kDebounceMs = 300;
    // Schedules a refresh with this config (debounced).
    void setConfig(const RunConfig& cfg);
    // Refreshes now (still computed off the GUI thread).
    void refresh();
    void setDatasetSize(qint64 n);

    int rows() const { return static_cast<int>(images_.size()); }
    int viewCount() const;                  // augmented views shown (without the originals)
    QList<ViewTile*> tiles() const;
    bool busy() const { return busy_ || debounce_.isActive(); }
    // The whole grid as one image (for "Export preview grid as PNG").
    QImage gridImage() const;
    QWidget* gridWidget() const { return grid_; }
    QString lastError() const { return error_; }
    void setSeed(quint64 seed);
    void setImageCount(int n);

Q_SIGNALS:
    void updated();

public Q_SLOTS:
    void reroll();
    void showEnlarged(ViewTile* tile);

private:
    void launch();
    void rebuildGrid();

    RunConfig cfg_;
    bool haveConfig_ = false;
    qint64 datasetSize_ = 0;
    QTimer debounce_;
    bool busy_ = false;
    bool again_ = false;
    std::vector<api::PreviewImage> images_;
    QString error_;
    QSpinBox* seed_ = nullptr;
    QSpinBox* count_ = nullptr;
    QPushButton* reroll_ = nullptr;
    QLabel* status_ = nullptr;
    QWidget* grid_ = nullptr;
    QGridLayout* gridLay_ = nullptr;
};

}  // namespace dino::ui
