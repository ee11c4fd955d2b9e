#include "about_dialog.h"

#include "api/analysis.h"
#include "qt_types.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace dino::ui {

namespace {
QDialog* closableDialog(QWidget* parent, const QString& title, QWidget* content, QSize size) {
    auto* dlg = new QDialog(parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(title);
    auto* lay = new QVBoxLayout(dlg);
    content->setParent(dlg);
    lay->addWidget(content, 1);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Close, dlg);
    QObject::connect(bb, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    lay->addWidget(bb);
    dlg->resize(size);
    return dlg;
}
}  // namespace

void showAboutDialog(QWidget* parent) {
    QString versions;
    versions += QStringLiteral("<tr><td>Qt</td><td>%1 (built with %2)</td></tr>").arg(qVersion(), QT_VERSION_STR);
    versions += QStringLiteral("<tr><td>QCustomPlot</td><td>%1</td></tr>").arg(QCUSTOMPLOT_VERSION_STR);
    try {
        for (const auto& [k, v] : api::systemInfo())
            versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(qs(k).toHtmlEscaped(), qs(v).toHtmlEscaped());
    } catch (const std::exception& e) {
        versions += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(qs(e.what()).toHtmlEscaped());
    }
    auto* text = new QTextBrowser;
    text->setObjectName("aboutText");
    text->setOpenLinks(false);
    text->setHtml(QCoreApplication::translate("dino::ui::AboutDialog", "<h2>DINO Studio %1</h2><p>Self-supervised DINO training (self-distillation with no labels, "
                              "Caron et al. 2021) of a Vision Transformer on MedMNIST's PathMNIST.</p>")
                      .arg(DINO_VERSION) +
                  QStringLiteral("<table cellspacing=3>%1</table>").arg(versions) +
                  QStringLiteral("<p>%1</p>").arg(datasetCitation().toHtmlEscaped()) +
                  QCoreApplication::translate("dino::ui::AboutDialog", "<p>The bundled sample holds 1,294 real PathMNIST images. <a href=\"provenance\">Where they "
                              "come from and how they were checked</a>.</p>"));
    QDialog* dlg = closableDialog(parent, QCoreApplication::translate("dino::ui::AboutDialog", "About DINO Studio"), text, QSize(620, 460));
    QObject::connect(text, &QTextBrowser::anchorClicked, dlg, [dlg](const QUrl& url) {
        if (url.scheme().isEmpty() && url.path() == QLatin1String("provenance")) showProvenanceDialog(dlg);
        else QDesktopServices::openUrl(url);
    });
    dlg->exec();
}

void showProvenanceDialog(QWidget* parent) {
    auto* md = new QTextBrowser;
    md->setObjectName("provenanceText");
    md->setOpenExternalLinks(true);
    QFile src(QStringLiteral(":/data/SOURCE.md"));
    md->setMarkdown(src.open(QIODevice::ReadOnly) ? QString::fromUtf8(src.readAll())
                                                  : QCoreApplication::translate("dino::ui::AboutDialog", "The provenance document is missing from this build."));
    closableDialog(parent, QCoreApplication::translate("dino::ui::AboutDialog", "Bundled sample: data provenance"), md, QSize(760, 640))->open();
}

}  // namespace dino::ui
