#include "last_run.h"

#include "config_document.h"
#include "main_window.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace dino::ui {

QString reopenLastRun(MainWindow& w) {
    const QStringList recent = QSettings().value("runs/recent").toStringList();
    if (recent.isEmpty() || w.isTraining()) return {};
    const QString dir = recent.front();
    if (!QFileInfo::exists(QDir(dir).filePath("config.json"))) return {};
    if (w.configDocument()->isModified()) {
        w.statusBar()->showMessage(
            MainWindow::tr("Your unsaved settings were kept; the last run, %1, is in the Runs tab.")
                .arg(QDir::toNativeSeparators(dir)),
            10000);
        return {};
    }
    return w.openRun(dir).isEmpty() ? w.runDir() : QString();
}

}  // namespace dino::ui
