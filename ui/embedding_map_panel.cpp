#include "embedding_map_panel.h"

#include "background_task.h"
#include "chart_export.h"
#include "qt_types.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace dino::ui {

namespace {
constexpr int kThumb = 56;

QColor classColour(int label) {
    uint8_t c[3];
    api::colourOfClass(label, c);
    return QColor(c[0], c[1], c[2]);
}

QIcon thumbnail(const api::RgbImage& img, int side) {
    return QIcon(QPixmap::fromImage(toQImage(img).scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation)));
}
}  // namespace

EmbeddingMapPanel::EmbeddingMapPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    source_ = new ModelSourceBar(true, this);
    top->addWidget(source_);
    method_ = new QComboBox(this);
    method_->setObjectName("mapMethod");
    method_->addItem(tr("PCA"), "pca");
    method_->addItem(tr("t-SNE"), "tsne");
    method_->setToolTip(tr("PCA: exact and deterministic, axes and distances mean something. t-SNE (exact, from the "
                           "PCA layout): shows neighbourhoods and clusters better; distances between clusters mean "
                           "little. O(N²): minutes for thousands of images."));
    perplexity_ = new QDoubleSpinBox(this);
    perplexity_->setObjectName("mapPerplexity");
    perplexity_->setRange(2, 100);
    perplexity_->setDecimals(0);
    perplexity_->setValue(30);
    perplexity_->setPrefix(tr("perplexity "));
    perplexity_->setToolTip(tr("t-SNE's effective number of neighbours (at most a third of the images)"));
    top->addWidget(method_);
    top->addWidget(perplexity_);
    compute_ = new QPushButton(QIcon(":/icons/evaluate.svg"), tr("Compute map"), this);
    compute_->setObjectName("computeMap");
    compute_->setToolTip(tr("Features of every image of the split and of the memory bank, then PCA to 2-D"));
    cancel_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setMaximumWidth(200);
    top->addWidget(compute_);
    top->addWidget(cancel_);
    top->addWidget(progress_);
    top->addStretch(1);
    lay->addLayout(top);

    auto* tools = new QHBoxLayout;
    select_ = new QToolButton(this);
    select_->setObjectName("selectArea");
    select_->setText(tr("Select area"));
    select_->setCheckable(true);
    select_->setToolTip(tr("Drag a rectangle to see the images inside it (off: drag pans, the wheel zooms)"));
    exportPlot_ = new QPushButton(tr("Export plot…"), this);
    exportCsv_ = new QPushButton(tr("CSV…"), this);
    exportCsv_->setToolTip(tr("Export the coordinates as CSV: index,split,label,x,y"));
    exportProjector_ = new QPushButton(tr("Projector…"), this);
    exportProjector_->setToolTip(tr("Export for the TensorBoard Projector: tensors.tsv, metadata.tsv, sprite.png and "
                                    "projector_config.pbtxt in a folder"));
    status_ = new QLabel(tr("Open or train a run, then press Compute map."), this);
    status_->setObjectName("mapStatus");
    status_->setWordWrap(true);
    tools->addWidget(select_);
    tools->addWidget(status_, 1);
    tools->addWidget(exportPlot_);
    tools->addWidget(exportCsv_);
    tools->addWidget(exportProjector_);
    lay->addLayout(tools);

    auto* split = new QSplitter(Qt::Horizontal, this);
    plot_ = new PlotWidget(tr("Embedding map (PCA of the features)"), split);
    plot_->setObjectName("mapPlot");
    plot_->legend->setVisible(true);
    // The legend below the points rather than over them, two classes a row (long names stay whole).
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(2, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(2, 0.001);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setMargins(QMargins(4, 2, 4, 2));
    plot_->setAutoRescale(false);
    highlight_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    highlight_->setLineStyle(QCPCurve::lsNone);
    highlight_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2.5), Qt::NoBrush, 16));
    highlight_->removeFromLegend();
    selection_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    selection_->setLineStyle(QCPCurve::lsNone);
    selection_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.2), Qt::NoBrush, 10));
    selection_->removeFromLegend();
    // The highlight and selection rings above the class points (QCustomPlot's own top layer).
    highlight_->setLayer("overlay");
    selection_->setLayer("overlay");
    split->addWidget(plot_);

    auto* side = new QWidget(split);
    auto* sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    auto* head = new QHBoxLayout;
    image_ = new QLabel(side);
    image_->setObjectName("pointImage");
    image_->setFixedSize(112, 112);
    image_->setFrameShape(QFrame::Box);
    image_->setAlignment(Qt::AlignCenter);
    detail_ = new QLabel(tr("Click a point to see its image and its nearest neighbours."), side);
    detail_->setObjectName("pointDetail");
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    head->addWidget(image_);
    head->addWidget(detail_, 1);
    sl->addLayout(head);
    listTitle_ = new QLabel(side);
    listTitle_->setWordWrap(true);
    sl->addWidget(listTitle_);
    list_ = new QListWidget(side);
    list_->setObjectName("neighbourList");
    list_->setViewMode(QListView::IconMode);
    list_->setIconSize(QSize(kThumb, kThumb));
    list_->setGridSize(QSize(kThumb + 40, kThumb + 40));
    list_->setResizeMode(QListView::Adjust);
    list_->setMovement(QListView::Static);
    list_->setWordWrap(true);
    sl->addWidget(list_, 1);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 360});
    lay->addWidget(split, 1);

    connect(compute_, &QPushButton::clicked, this, &EmbeddingMapPanel::compute);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] { updateControls(); });
    connect(cancel_, &QPushButton::clicked, this, &EmbeddingMapPanel::cancel);
    connect(select_, &QToolButton::toggled, this, [this](bool on) {
        plot_->setSelectionRectMode(on ? QCP::srmCustom : QCP::srmNone);
    });
    connect(plot_->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect& r, QMouseEvent*) {
        const double x0 = plot_->xAxis->pixelToCoord(r.left()), x1 = plot_->xAxis->pixelToCoord(r.right());
        const double y0 = plot_->yAxis->pixelToCoord(r.bottom()), y1 = plot_->yAxis->pixelToCoord(r.top());
        selectInRect(QRectF(QPointF(std::min(x0, x1), std::min(y0, y1)), QPointF(std::max(x0, x1), std::max(y0, y1))));
    });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressPos_ = e->pos(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) {
        if (select_->isChecked() || e->button() != Qt::LeftButton) return;
        if ((e->pos() - pressPos_).manhattanLength() > 4) return;  // a pan, not a click
        const int i = pointAt(e->pos());
        if (i >= 0) showPoint(i);
    });
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (!map_ || e->buttons() != Qt::NoButton) return;
        const int i = pointAt(e->pos());
        if (i < 0) {
            QToolTip::hideText();
            return;
        }
        const int l = map_->labels[size_t(i)];
        QToolTip::showText(plot_->mapToGlobal(e->pos()), tr("#%1 %2 (click for its neighbours)").arg(i).arg(className(l)),
                           plot_);
    });
    connect(exportPlot_, &QPushButton::clicked, this, [this] { exportPlotInteractive(plot_, "embedding_map", this); });
    connect(exportCsv_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export map coordinates"),
                                                          suggestedExportPath(this, "map", "csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        rememberExportFolder(path);
        const QString err = exportCsv(path);
        if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
    });
    connect(exportProjector_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the Projector files"),
                                                              QFileInfo(suggestedExportPath(this, "projector", "tsv")).absolutePath());
        if (dir.isEmpty()) return;
        rememberExportFolder(QDir(dir).filePath("projector.tsv"));
        const QString err = exportProjector(dir);
        if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
        else status_->setText(tr("Wrote the Projector files to %1.").arg(QDir::toNativeSeparators(dir)));
    });
    updateControls();
}

void EmbeddingMapPanel::setRunDir(const QString& dir) {
    if (dir == runDir_) {
        source_->refreshCheckpoints();
        return;
    }
    runDir_ = dir;
    source_->setRunDir(dir);
    updateControls();
}

void EmbeddingMapPanel::clear() {
    map_.reset();
    shown_ = -1;
    draw();
    clearDetails();
    status_->setText(tr("Open or train a run, then press Compute map."));
    updateControls();
}

void EmbeddingMapPanel::clearDetails() {
    list_->clear();
    image_->clear();
    listTitle_->clear();
    detail_->setText(tr("Click a point to see its image and its nearest neighbours."));
}

void EmbeddingMapPanel::updateControls() {
    const bool busy = task_ != nullptr;
    compute_->setEnabled(!runDir_.isEmpty() && !busy);
    cancel_->setVisible(busy);
    perplexity_->setEnabled(method_->currentData().toString() == "tsne");
    for (auto* b : {exportPlot_, exportCsv_, exportProjector_}) b->setEnabled(bool(map_));
}

QString EmbeddingMapPanel::className(int label) const {
    if (map_ && label >= 0 && label < int(map_->class_names.size())) return qs(map_->class_names[size_t(label)]);
    return QString::number(label);
}

void EmbeddingMapPanel::compute() {
    if (runDir_.isEmpty() || task_) return;
    const std::string dir = ss(runDir_), split = ss(source_->split());
    const api::ModelSource src = source_->source();
    api::MapOptions mo;
    mo.method = ss(method_->currentData().toString());
    mo.perplexity = perplexity_->value();
    auto out = std::make_shared<api::EmbeddingMap>();
    status_->setText(tr("Computing features…"));
    task_ = BackgroundTask::start(this, [=](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn& progress) {
        *out = api::computeEmbeddingMap(dir, split, src, progress, cancel, mo);
    });
    task_->showProgressOn(progress_);
    const QString label = source_->describe();
    connect(task_, &BackgroundTask::finished, this, [this, out, label](const QString& error, bool cancelled) {
        task_ = nullptr;
        if (cancelled) {
            status_->setText(tr("Cancelled."));
        } else if (!error.isEmpty()) {
            status_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                 .arg(tr("Could not compute the map: %1").arg(error).toHtmlEscaped()));
            Q_EMIT failed(error);
        } else {
            map_ = out;
            mapLabel_ = label;
            shown_ = -1;
            draw();
            clearDetails();
            QString text = tr("%1: %n image(s) of the %2 split, %3-dimensional features; PC1 and PC2 explain %4 % "
                              "and %5 % of the variance.",
                              "", int(out->n))
                               .arg(label, qs(out->split))
                               .arg(out->dim)
                               .arg(100 * out->explained[0], 0, 'f', 1)
                               .arg(100 * out->explained[1], 0, 'f', 1);
            if (out->method == "tsne")
                text += " " + tr("t-SNE: perplexity %1, KL(P‖Q) = %2.").arg(out->perplexity, 0, 'f', 1).arg(out->tsne_kl, 0, 'f', 3);
            status_->setText(text);
            Q_EMIT computed();
        }
        updateControls();
    });
    updateControls();
}

void EmbeddingMapPanel::cancel() {
    if (task_) task_->cancel();
}

void EmbeddingMapPanel::draw() {
    // Remove the class curves, keep the highlight and selection overlays.
    for (int i = plot_->plottableCount() - 1; i >= 0; --i) {
        auto* p = plot_->plottable(i);
        if (p != highlight_ && p != selection_) plot_->removePlottable(p);
    }
    highlight_->data()->clear();
    selection_->data()->clear();
    if (!map_) {
        plot_->replot();
        return;
    }
    const auto& m = *map_;
    for (size_t c = 0; c < m.class_names.size(); ++c) {
        QVector<double> t, x, y;
        for (int64_t i = 0; i < m.n; ++i)
            if (m.labels[size_t(i)] == int(c)) {
                t << double(t.size());
                x << m.x[size_t(i)];
                y << m.y[size_t(i)];
            }
        if (x.isEmpty()) continue;
        auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
        curve->setName(qs(m.class_names[c]));
        curve->setLineStyle(QCPCurve::lsNone);
        const QColor col = classColour(int(c));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, col, col, 7));
        curve->setData(t, x, y);
        curve->setSelectable(QCP::stNone);
    }
    if (m.method == "tsne") {
        plot_->xAxis->setLabel(tr("t-SNE 1"));
        plot_->yAxis->setLabel(tr("t-SNE 2"));
        plot_->setTitle(tr("t-SNE map of the %1 split: %2").arg(qs(m.split), mapLabel_));
    } else {
        plot_->xAxis->setLabel(tr("PC1 (%1 % of the variance)").arg(100 * m.explained[0], 0, 'f', 1));
        plot_->yAxis->setLabel(tr("PC2 (%1 % of the variance)").arg(100 * m.explained[1], 0, 'f', 1));
        plot_->setTitle(tr("Embedding map of the %1 split: %2").arg(qs(m.split), mapLabel_));
    }
    plot_->rescaleAxes();
    for (QCPAxis* a : {plot_->xAxis, plot_->yAxis}) a->scaleRange(1.08, a->range().center());
    plot_->replot();
}

int EmbeddingMapPanel::pointAt(const QPoint& pos, double radius) const {
    if (!map_) return -1;
    int best = -1;
    double best_d = radius * radius;
    for (int64_t i = 0; i < map_->n; ++i) {
        const double px = plot_->xAxis->coordToPixel(map_->x[size_t(i)]);
        const double py = plot_->yAxis->coordToPixel(map_->y[size_t(i)]);
        const double d = (px - pos.x()) * (px - pos.x()) + (py - pos.y()) * (py - pos.y());
        if (d <= best_d) {
            best_d = d;
            best = int(i);
        }
    }
    return best;
}

void EmbeddingMapPanel::showPoint(int index) {
    if (!map_ || index < 0 || index >= map_->n) return;
    const auto& m = *map_;
    shown_ = index;
    const size_t i = size_t(index);
    highlight_->setData(QVector<double>{0}, QVector<double>{m.x[i]}, QVector<double>{m.y[i]});
    selection_->data()->clear();
    plot_->replot();
    image_->setPixmap(QPixmap::fromImage(toQImage(m.images[i]).scaled(108, 108, Qt::KeepAspectRatio, Qt::FastTransformation)));
    const int l = m.labels[i], vote = m.knn_prediction[i];
    const QColor ok = vote == l ? QColor(27, 94, 32) : QColor(183, 28, 28);
    detail_->setText(tr("<b>#%1</b> of the %2 split<br>label: <b>%3</b><br>weighted %4-NN vote: "
                        "<span style='color:%5'><b>%6</b></span><br>map position (%7, %8)")
                         .arg(index)
                         .arg(qs(m.split).toHtmlEscaped(), className(l).toHtmlEscaped())
                         .arg(m.knn_k)
                         .arg(ok.name(), className(vote).toHtmlEscaped())
                         .arg(m.x[i], 0, 'f', 3)
                         .arg(m.y[i], 0, 'f', 3));
    listTitle_->setText(tr("The %1 nearest neighbours in the memory bank (%2 split), most similar first: the images "
                           "the weighted k-NN votes with.")
                            .arg(m.knn_k)
                            .arg(qs(m.bank_split)));
    list_->clear();
    for (int k = 0; k < m.knn_k; ++k) {
        const size_t j = i * size_t(m.knn_k) + size_t(k);
        const int64_t row = m.neighbour_index[j];
        const int bl = m.bank_labels[size_t(row)];
        const api::RgbImage* img = m.bankImage(row);
        auto* item = new QListWidgetItem(img ? thumbnail(*img, kThumb) : QIcon(),
                                         tr("%1\n%2").arg(m.neighbour_similarity[j], 0, 'f', 3).arg(className(bl)));
        item->setToolTip(tr("%1 image #%2, %3, cosine similarity %4")
                             .arg(qs(m.bank_split))
                             .arg(row)
                             .arg(className(bl))
                             .arg(m.neighbour_similarity[j], 0, 'f', 4));
        item->setForeground(classColour(bl).darker(130));
        item->setData(Qt::UserRole, qlonglong(row));
        list_->addItem(item);
    }
}

QVector<int> EmbeddingMapPanel::selectInRect(const QRectF& r) {
    QVector<int> inside;
    if (!map_) return inside;
    const auto& m = *map_;
    QVector<double> t, x, y;
    for (int64_t i = 0; i < m.n; ++i)
        if (r.contains(QPointF(m.x[size_t(i)], m.y[size_t(i)]))) {
            inside << int(i);
            t << double(t.size());
            x << m.x[size_t(i)];
            y << m.y[size_t(i)];
        }
    selection_->setData(t, x, y);
    highlight_->data()->clear();
    plot_->replot();
    shown_ = -1;
    image_->clear();
    QMap<int, int> per_class;
    for (int i : inside) ++per_class[m.labels[size_t(i)]];
    QStringList counts;
    for (auto it = per_class.cbegin(); it != per_class.cend(); ++it)
        counts << tr("%1: %2").arg(className(it.key())).arg(it.value());
    detail_->setText(tr("%n image(s) in the selection", "", int(inside.size())) +
                     (counts.isEmpty() ? QString() : "<br>" + counts.join(", ").toHtmlEscaped()));
    listTitle_->setText(tr("The images inside the rectangle (%1 split). Click a point to see its neighbours.")
                            .arg(qs(m.split)));
    list_->clear();
    for (int i : inside) {
        const int l = m.labels[size_t(i)];
        auto* item = new QListWidgetItem(thumbnail(m.images[size_t(i)], kThumb), tr("#%1\n%2").arg(i).arg(className(l)));
        item->setForeground(classColour(l).darker(130));
        item->setData(Qt::UserRole, i);
        list_->addItem(item);
    }
    return inside;
}

QString EmbeddingMapPanel::exportWith(const std::function<void(const api::EmbeddingMap&)>& write) const {
    if (!map_) return tr("Nothing to export: compute the map first.");
    try {
        write(*map_);
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    return {};
}

QString EmbeddingMapPanel::exportCsv(const QString& path) const {
    return exportWith([&](const api::EmbeddingMap& m) { api::writeMapCsv(m, ss(path)); });
}

QString EmbeddingMapPanel::exportProjector(const QString& dir) const {
    return exportWith([&](const api::EmbeddingMap& m) { api::writeProjector(m, ss(dir)); });
}

// ---- RunView ----------------------------------------------------------------------------------

void EmbeddingMapPanel::clearRun() { clear(); }

void EmbeddingMapPanel::showRun(const api::RunSnapshot& snap) { startRun(qs(snap.dir), snap.config); }

void EmbeddingMapPanel::startRun(const QString& dir, const RunConfig&) {
    clear();
    setRunDir(dir);
}

}  // namespace dino::ui
