#include "plot_widget.h"

#include <QApplication>
#include <QComboBox>

#include <algorithm>
#include <cmath>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QSpinBox>
#include <QSvgGenerator>

namespace dino::ui {

namespace {

// Ticks on whole numbers (steps, indices): 1, 2 or 5 times a power of ten, never below 1, no decimals.
class IntegerTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override {
        const double exact = range.size() / (mTickCount + 1e-10);
        if (!(exact > 1)) return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(exact)));
        const double m = exact / magnitude;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * magnitude;
    }
    int getSubTickCount(double tickStep) override {
        // Minor ticks on whole steps where there are a few (a step of 2 or 5), none otherwise.
        return tickStep <= 5 ? std::max(0, static_cast<int>(std::lround(tickStep)) - 1) : 0;
    }
    QString getTickLabel(double tick, const QLocale& locale, QChar, int) override {
        return locale.toString(static_cast<qlonglong>(std::llround(tick)));
    }
};

// Pixels kept free at each end of an axis, so that a marker at the edge (the current-step tracer,
// a scatter disc) is drawn whole.
constexpr int kEdgePx = 7;

}  // namespace

PlotWidget::PlotWidget(const QString& title, QWidget* parent) : QCustomPlot(parent), title_(title) {
    setObjectName(title);
    setMinimumSize(220, 160);
    setNoAntialiasingOnDrag(true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plotLayout()->insertRow(0);
    titleElement_ = new QCPTextElement(this, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, titleElement_);
    legend->setFont(QFont(font().family(), qMax(7, font().pointSize() - 1)));
    legend->setBrush(QColor(255, 255, 255, 200));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    timer_.setSingleShot(true);
    timer_.setInterval(kReplotMs);
    connect(&timer_, &QTimer::timeout, this, &PlotWidget::doReplot);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        // An empty chart (no run yet) has nothing to export.
        menu.addAction(tr("Export chart…"), this, [this] { exportPlotInteractive(this, title_, this); })
            ->setEnabled(hasData());
        if (csv_) {
            menu.addAction(tr("Export data as CSV…"), this, [this] {
                const QString path = QFileDialog::getSaveFileName(this, tr("Export data as CSV"),
                                                                  suggestedExportPath(this, title_, "csv"), tr("CSV (*.csv)"));
                if (path.isEmpty()) return;
                rememberExportFolder(path);
                if (const QString err = exportCsv(path); !err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
            })->setEnabled(hasData());
        }
        menu.addAction(tr("Reset zoom"), this, [this] { resetZoom(); });
        menu.exec(mapToGlobal(pos));
    });
    // Zooming or dragging the view stops following the data; a click (to focus, or by accident) does not:
    // a chart clicked once would otherwise stay frozen at the steps it showed then.
    connect(this, &QCustomPlot::mouseWheel, this, [this] {
        if (interactions().testFlag(QCP::iRangeZoom)) autoRescale_ = false;
    });
    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressPos_ = e->pos(); });
    connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (interactions().testFlag(QCP::iRangeDrag) && (e->buttons() & Qt::LeftButton) &&
            (e->pos() - pressPos_).manhattanLength() >= QApplication::startDragDistance())
            autoRescale_ = false;
    });
}

void PlotWidget::setTitle(const QString& t) {
    title_ = t;
    titleElement_->setText(t);
}

void PlotWidget::setKeyRange(double lower, double upper) { keyHint_ = QCPRange(lower, upper); }

void PlotWidget::useIntegerTicks(QCPAxis* axis) {
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new IntegerTicker));
}

void PlotWidget::useLogScale(QCPAxis* axis, bool on) {
    if (on) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        axis->setNumberFormat("gb");
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setNumberFormat("g");
    }
}

QString PlotWidget::exportCsv(const QString& path) const {
    if (!csv_) return tr("This chart has no data export.");
    QSaveFile file(path);  // a temporary file renamed over path on commit: never half a file
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csv_().toUtf8()) < 0 || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void PlotWidget::setLegendBelow() {
    if (legendBelow_) return;
    legendBelow_ = true;
    axisRect()->insetLayout()->take(legend);
    const int row = plotLayout()->rowCount();
    plotLayout()->addElement(row, 0, legend);
    plotLayout()->setRowStretchFactor(row, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(4, 0, 4, 2));
    legend->setRowSpacing(0);
    fitLegend();
}

// As many columns as fit the width (one entry a row on a narrow chart): nothing is clipped.
void PlotWidget::fitLegend() {
    if (!legendBelow_) return;
    const int available = width() - 8;
    const int n = legend->itemCount();
    for (int cols = std::max(1, n); cols >= 1; --cols) {
        legend->setWrap(cols);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        if (cols == 1 || legend->minimumOuterSizeHint().width() <= available) break;
    }
}

void PlotWidget::resizeEvent(QResizeEvent* event) {
    fitLegend();
    QCustomPlot::resizeEvent(event);
    requestReplot();  // the tick counts follow the size
}

void PlotWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    QCustomPlot::mouseDoubleClickEvent(event);
    if (interactions().testFlag(QCP::iRangeDrag) || interactions().testFlag(QCP::iRangeZoom)) resetZoom();
}

void PlotWidget::resetZoom() {
    autoRescale_ = true;
    doReplot();
}

bool PlotWidget::hasData() const {
    for (QCPAbstractPlottable* p : mPlottables) {
        if (const QCPPlottableInterface1D* d = p->interface1D(); d && d->dataCount() > 0) return true;
        if (auto* map = qobject_cast<QCPColorMap*>(p); map && map->data()->keySize() > 0) return true;
    }
    return false;
}

void PlotWidget::requestReplot() {
    if (!timer_.isActive()) timer_.start();
}

void PlotWidget::doReplot() {
    // The axis rectangle at its size now (the legend may have grown, the widget been laid out since the
    // last replot): the edge room and tick counts below are computed from it.
    fitLegend();
    updateLayout();
    if (autoRescale_) {
        fitAxes();
    } else {
        // Axes the owner ranges itself (bar charts, heat maps, a zoom) always have numbers: fitAxes may
        // have hidden them while the chart was empty.
        for (QCPAxis* axis : {xAxis, yAxis, yAxis2}) axis->setTickLabels(true);
    }
    fitLegend();
    fitTicks();
    ++replots_;
    replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::fitAxes() {
    for (QCPAxis* axis : {xAxis, yAxis, yAxis2}) {
        if (!axis->visible()) continue;
        const bool key = axis->orientation() == Qt::Horizontal;
        const bool log = axis->scaleType() == QCPAxis::stLogarithmic;
        const QCP::SignDomain domain = log ? QCP::sdPositive : QCP::sdBoth;
        bool any = false;
        QCPRange data;
        for (QCPAbstractPlottable* p : axis->plottables()) {
            if (!p->realVisibility()) continue;
            bool found = false;
            const QCPRange r = key ? p->getKeyRange(found, domain) : p->getValueRange(found, domain);
            if (!found) continue;
            data = any ? QCPRange(std::min(data.lower, r.lower), std::max(data.upper, r.upper)) : r;
            any = true;
        }
        const bool hint = key && keyHint_.upper > keyHint_.lower;
        // No data yet: no numbers (a range kept from the last run would be read as this one's).
        axis->setTickLabels(any || hint);
        if (!any && !hint) {
            axis->setRange(log ? QCPRange(1, 10) : QCPRange(0, 1));
            continue;
        }
        QCPRange r = any ? data : keyHint_;
        if (hint) r = QCPRange(std::min(r.lower, keyHint_.lower), std::max(r.upper, keyHint_.upper));
        if (log) {
            if (r.lower == r.upper) r = QCPRange(r.lower / 2, r.upper * 2);
            // The same room as on a linear axis, in log space: a marker at an end of the data (a scatter's
            // point at the smallest learning rate) is drawn whole.
            const int length = key ? axisRect()->width() : axisRect()->height();
            const double span = std::log(r.upper / r.lower);
            const double px = length > 4 * kEdgePx ? span * kEdgePx / (length - 2.0 * kEdgePx) : 0.02 * span;
            const double pad = std::max(key ? 0.0 : 0.06 * span, px);
            axis->setRange(r.lower * std::exp(-pad), r.upper * std::exp(pad));
            continue;
        }
        // A single point or a flat series (a constant schedule): one step either side of a step, +-5 % of a value.
        if (r.size() <= 1e-12 * std::max(1.0, std::abs(r.center()))) {
            const double half = key ? 1.0 : std::max(1e-9, 0.05 * std::abs(r.center()));
            r = QCPRange(r.lower - half, r.upper + half);
            if (key && data.lower >= 0 && r.lower < 0) r = QCPRange(0, r.upper - r.lower);
        }
        // Room at both ends: 6 % of a value axis, and at least the pixels a marker at the edge needs.
        const int length = key ? axisRect()->width() : axisRect()->height();
        const double px = length > 4 * kEdgePx ? r.size() * kEdgePx / (length - 2.0 * kEdgePx) : 0.02 * r.size();
        const double pad = std::max(key ? 0.0 : 0.06 * r.size(), px);
        axis->setRange(r.lower - pad, r.upper + pad);
    }
}

// As many ticks as there is room for labels: none run together or overlap.
void PlotWidget::fitTicks() {
    for (QCPAxis* axis : {xAxis, yAxis, yAxis2}) {
        if (!axis->visible() || axis->scaleType() != QCPAxis::stLinear) continue;
        const QFontMetrics fm(axis->tickLabelFont());
        const bool horizontal = axis->orientation() == Qt::Horizontal;
        const int length = horizontal ? axisRect()->width() : axisRect()->height();
        if (length <= 0) continue;
        int per = 0;
        if (horizontal) {
            const QCPRange r = axis->range();
            const QChar f = axis->numberFormat().isEmpty() ? QChar('g') : axis->numberFormat().at(0);
            int w = 0;
            for (double v : {r.lower, r.center(), r.upper})
                w = std::max(w, fm.horizontalAdvance(QLocale().toString(v, f.toLatin1(), axis->numberPrecision())));
            per = w + 2 * fm.horizontalAdvance(QLatin1Char('0')) + 8;
        } else {
            per = 2 * fm.height() + 4;
        }
        axis->ticker()->setTickCount(std::clamp(length / std::max(1, per), 2, 6));
    }
}

}  // namespace dino::ui
