#include "chart_export.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImage>
#include <QMessageBox>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace dino::ui {

namespace {
constexpr char kRunProperty[] = "dinoExportRun";
// The size a chart is laid out at before it is scaled up: about a chart on screen.
constexpr double kReferenceWidth = 640, kReferenceHeight = 420;

// Draws the plot laid out at (width, height) / scale onto device, scaled to fill width x height.
bool renderScaled(QCustomPlot* plot, QPaintDevice* device, int width, int height) {
    const double s = exportScale(width, height);
    QCPPainter painter;
    if (!painter.begin(device)) return false;
    painter.setMode(QCPPainter::pmNoCaching);
    if (s > 1) painter.setMode(QCPPainter::pmNonCosmetic);  // lines get thicker with the text
    painter.scale(s, s);
    plot->toPainter(&painter, static_cast<int>(std::ceil(width / s)), static_cast<int>(std::ceil(height / s)));
    painter.end();
    plot->replot(QCustomPlot::rpQueuedReplot);  // the widget's own layout back at its size
    return true;
}
}  // namespace

void setExportRun(QWidget* widget, const QString& runDir) { widget->window()->setProperty(kRunProperty, runDir); }

QString exportRun(const QWidget* widget) { return widget->window()->property(kRunProperty).toString(); }

QString suggestedExportPath(const QWidget* widget, const QString& what, const QString& ext) {
    QString name = what;
    name.replace(QRegularExpression("[^A-Za-z0-9_.-]+"), "-");
    const QString run = exportRun(widget);
    if (!run.isEmpty()) return QDir(run).filePath(QStringLiteral("%1-%2.%3").arg(QFileInfo(run).fileName(), name, ext));
    const QString dir = QSettings().value("export/dir", QDir::homePath()).toString();
    return QDir(dir).filePath(name + "." + ext);
}

void rememberExportFolder(const QString& path) { QSettings().setValue("export/dir", QFileInfo(path).absolutePath()); }

double exportScale(int width, int height) {
    return std::max(1.0, std::min(width / kReferenceWidth, height / kReferenceHeight));
}

QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == "png" || suffix == "jpg" || suffix == "jpeg") {
        QImage image(width, height, QImage::Format_ARGB32);
        image.fill(Qt::white);
        const int dotsPerMeter = qRound(150 / 0.0254);  // 150 dpi
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        ok = renderScaled(plot, &image, width, height) &&
             (suffix == "png" ? image.save(path, "PNG") : image.convertToFormat(QImage::Format_RGB32).save(path, "JPG", 92));
    } else if (suffix == "pdf") {
        QPdfWriter pdf(path);
        pdf.setResolution(72);  // a pixel of the requested size is a point of the page
        pdf.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("DINO Studio"));
        pdf.setTitle(plot->objectName());
        ok = renderScaled(plot, &pdf, width, height);
    } else if (suffix == "svg") {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(QSize(width, height));
        gen.setViewBox(QRect(0, 0, width, height));
        gen.setTitle(plot->objectName());
        gen.setDescription(QStringLiteral("DINO Studio chart"));
        ok = renderScaled(plot, &gen, width, height);
    } else {
        return QObject::tr("Unknown image format \"%1\" (use png, jpg, pdf or svg).").arg(suffix);
    }
    ok = ok && QFileInfo(path).size() > 0;
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
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export chart"), suggestedExportPath(parent, baseName, ext),
                                                      QStringLiteral("%1 (*.%2)").arg(format->currentText(), ext));
    if (path.isEmpty()) return {};
    rememberExportFolder(path);
    const QString err = exportPlot(plot, path, w->value(), h->value());
    if (!err.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export failed"), err);
        return {};
    }
    return path;
}

}  // namespace dino::ui
