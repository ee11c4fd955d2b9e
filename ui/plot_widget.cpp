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

QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == "png") {
        ok = plot->savePng(path, width, height, 1.0, -1, 150);
    } else if (suffix == "jpg" || suffix == "jpeg") {
        ok = plot->saveJpg(path, width, height, 1.0, 92, 150);
    } else if (suffix == "pdf") {
        ok = plot->savePdf(path, width, height, QCP::epAllowCosmetic, QStringLiteral("DINO Studio"), plot->objectName());
    } else if (suffix == "svg") {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(QSize(width, height));
        gen.setViewBox(QRect(0, 0, width, height));
        gen.setTitle(plot->objectName());
        gen.setDescription(QStringLiteral("DINO Studio chart"));
        QCPPainter painter;
        if (painter.begin(&gen)) {
            plot->toPainter(&painter, width, height);
            painter.end();
            ok = QFileInfo(path).size() > 0;
        }
    } else {
        return QObject::tr("Unknown image format \"%1\" (use png, jpg, pdf or svg).").arg(suffix);
    }
    return ok ? QString() : QObject::tr("Could not write %1.").arg(path);
}

QString exportPlotInteractive(QCustomPlot* plot, const QString& baseName, QWidget* parent) {
    QDialog dlg(parent);
    dlg.setWindowTitle(QObject::tr("Export chart"));
    auto* form = new QFormLayout(&dlg);
    auto* format = new QComboBox(&dlg);
    format->addItems({"PNG", "PDF", "SVG", "JPG"});
    auto* w = new QSpinBox(&dlg);
    auto* h = new QSpinBox(&dlg);
    w->setRange(100, 10000);
    h->setRange(100, 10000);
    QSettings settings;
    w->setValue(settings.value("export/width", 1200).toInt());
    h->setValue(settings.value("export/height", 800).toInt());
    format->setCurrentText(settings.value("export/format", "PNG").toString());
    form->addRow(QObject::tr("Format"), format);
    form->addRow(QObject::tr("Width (px)"), w);
    form->addRow(QObject::tr("Height (px)"), h);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dlg, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    if (dlg.exec() != QDialog::Accepted) return {};
    settings.setValue("export/width", w->value());
    settings.setValue("export/height", h->value());
    settings.setValue("export/format", format->currentText());
    const QString ext = format->currentText().toLower();
    QString name = baseName;
    name.replace(QRegularExpression("[^A-Za-z0-9_-]+"), "_");
    const QString dir = settings.value("export/dir", QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export chart"),
                                                      QDir(dir).filePath(name + "." + ext),
                                                      QStringLiteral("%1 (*.%2)").arg(format->currentText(), ext));
    if (path.isEmpty()) return {};
    settings.setValue("export/dir", QFileInfo(path).absolutePath());
    const QString err = exportPlot(plot, path, w->value(), h->value());
    if (!err.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export failed"), err);
        return {};
    }
    return path;
}

}  // namespace dino::ui
