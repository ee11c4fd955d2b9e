#include "plot_widget.h"

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
#include <QSettings>
#include <QSpinBox>
#include <QSvgGenerator>

namespace dino::ui {

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
        menu.addAction(tr("Export chart…"), this, [this] { exportPlotInteractive(this, title_, this); });
        menu.addAction(tr("Reset zoom"), this, [this] {
            autoRescale_ = true;
            rescaleAxes();
            replot();
        });
        menu.exec(mapToGlobal(pos));
    });
    connect(this, &QCustomPlot::mouseWheel, this, [this] { autoRescale_ = false; });
    connect(this, &QCustomPlot::mousePress, this, [this] { autoRescale_ = false; });
}

void PlotWidget::setTitle(const QString& t) {
    title_ = t;
    titleElement_->setText(t);
}

void PlotWidget::requestReplot() {
    if (!timer_.isActive()) timer_.start();
}

void PlotWidget::doReplot() {
    if (autoRescale_) {
        rescaleAxes(true);
        // A little room above and below, so that markers at the extremes are not cut in half.
        for (QCPAxis* axis : {yAxis, yAxis2}) {
            if (!axis->visible() || axis->scaleType() != QCPAxis::stLinear) continue;
            QCPRange r = axis->range();
            // A flat series (a constant schedule) leaves QCustomPlot's range at its old size around the
            // value: centre the value in +-5 % of itself instead.
            bool any = false;
            QCPRange data;
            for (QCPGraph* g : axis->graphs()) {
                bool found = false;
                const QCPRange gr = g->getValueRange(found);
                if (!found) continue;
                data = any ? QCPRange(std::min(data.lower, gr.lower), std::max(data.upper, gr.upper)) : gr;
                any = true;
            }
            if (any && data.size() <= 1e-12 * std::max(1.0, std::abs(data.center()))) r = data;
            const double pad = r.size() > 0 ? 0.06 * r.size() : std::max(1e-9, 0.05 * std::abs(r.center()));
            axis->setRange(r.lower - pad, r.upper + pad);
        }
    }
    ++replots_;
    replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dino::ui
