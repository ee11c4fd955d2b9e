#include "run_commands.h"

#include "api/analysis.h"
#include "api/run_storage.h"
#include "background_task.h"
#include "chart_export.h"
#include "config_document.h"
#include "main_actions.h"
#include "plot_widget.h"
#include "preview_panel.h"
#include "qt_types.h"
#include "run_controller.h"
#include "runs_panel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

#include <memory>

namespace dino::ui {

QString runsFolderSetting() {
    QString d = QSettings().value("runs/folder").toString();
    if (d.isEmpty()) d = qEnvironmentVariable("DINO_RUNS_DIR");
    if (d.isEmpty()) d = QDir::home().filePath("dino-runs");
    return d;
}

RunCommands::RunCommands(QWidget* window, RunController* controller, ConfigDocument* config, PreviewPanel* preview)
    : QObject(window), window_(window), controller_(controller), config_(config), preview_(preview) {
    connect(this, &RunCommands::encoderExported, this, [this](const QString& path, const QString& error) {
        if (!error.isEmpty()) showError(tr("Export failed"), error);
        else Q_EMIT statusMessage(tr("Encoder written to %1 (timm parameter names)").arg(path), 8000);
    });
    connect(this, &RunCommands::checkpointsPruned, this, [this](const QString& summary, const QString& error) {
        if (!error.isEmpty()) showError(tr("Cannot prune"), error);
        else Q_EMIT statusMessage(summary, 8000);
    });
}

QString RunCommands::runDir() const { return controller_->runDir(); }

// ---- the two patterns -------------------------------------------------------------------------

bool RunCommands::saveTo(const QString& title, const QString& suggested, const QString& filter,
                         const std::function<QString(const QString&)>& write, const QString& done) {
    const QString path = QFileDialog::getSaveFileName(window_, title, suggested, filter);
    if (path.isEmpty()) return false;
    const QString err = write(path);
    if (!err.isEmpty()) {
        showError(title, err);
        return false;
    }
    if (!done.isEmpty()) Q_EMIT statusMessage(done.arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

void RunCommands::openFrom(const QString& title, const QString& dir, const QString& filter,
                           const std::function<QString(const QString&)>& read) {
    const QString path = QFileDialog::getOpenFileName(window_, title, dir, filter);
    if (path.isEmpty()) return;
    const QString err = read(path);
    if (!err.isEmpty()) showError(title, err);
}

// ---- messages and questions -------------------------------------------------------------------

void RunCommands::showError(const QString& title, const QString& text) {
    lastError_ = text;
    Q_EMIT statusMessage(title + ": " + text.section('\n', 0, 0), 10000);
    if (!showErrorDialogs_) return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, window_);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

QMessageBox* RunCommands::question(const QString& title, const QString& text, const QString& name) {
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, window_);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

void RunCommands::choose(const QString& title, const QString& text, const QString& yes, const QString& other,
                         const std::function<void(bool)>& then, const QString& name) {
    if (!ask_) {
        then(false);
        return;
    }
    QMessageBox* box = question(title, text, name);
    QPushButton* first = box->addButton(yes, QMessageBox::AcceptRole);
    QPushButton* second = box->addButton(other, QMessageBox::RejectRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(first);
    connect(box, &QMessageBox::finished, this, [box, first, second, then] {
        if (box->clickedButton() == first) then(true);
        else if (box->clickedButton() == second) then(false);
    });
    box->open();
}

void RunCommands::confirm(const QString& title, const QString& text, const QString& yes,
                          const std::function<void()>& then) {
    if (!ask_) {
        then();
        return;
    }
    QMessageBox* box = question(title, text, QStringLiteral("confirmQuestion"));
    QPushButton* ok = box->addButton(yes, QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));  // Enter and Escape keep things as they are
    connect(box, &QMessageBox::finished, this, [box, ok, then] {
        if (box->clickedButton() == ok) then();
    });
    box->open();
}

void RunCommands::whenEditsMayGo(const std::function<void()>& then) {
    if (!ask_ || !config_->isModified()) {
        then();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved configuration"),
                                tr("The configuration (%1) has edits that are not saved. Save them before it is "
                                   "replaced?")
                                    .arg(config_->displayName()),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, window_);
    box->setObjectName("unsavedEditsQuestion");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Save);
    connect(box, &QMessageBox::finished, this, [this, then](int answer) {
        if (answer == QMessageBox::Discard || (answer == QMessageBox::Save && saveConfigDialog())) then();
    });
    box->open();
}

// ---- configuration and runs -------------------------------------------------------------------

void RunCommands::chooseRun() {
    const QString d = QFileDialog::getExistingDirectory(window_, tr("Open run folder"), runsFolderSetting());
    if (!d.isEmpty()) Q_EMIT runChosen(d);
}

void RunCommands::applyPreset(const QString& name) {
    const QString err = config_->applyPreset(name);
    if (!err.isEmpty()) showError(tr("Preset"), err);
    else Q_EMIT statusMessage(tr("Preset applied: %1").arg(presetTitle(name)), 4000);
}

QString RunCommands::loadConfigFile(const QString& path) {
    const QString err = config_->load(path);
    if (err.isEmpty()) Q_EMIT statusMessage(tr("Loaded %1").arg(path), 4000);
    return err;
}

QString RunCommands::saveConfigFile(const QString& path) {
    const QString err = config_->save(path);
    if (err.isEmpty()) Q_EMIT statusMessage(tr("Saved %1").arg(path), 4000);
    return err;
}

void RunCommands::openConfigDialog() {
    openFrom(tr("Open configuration"), runsFolderSetting(), tr("JSON (*.json)"),
             [this](const QString& p) { return loadConfigFile(p); });
}

bool RunCommands::saveConfigDialog() {
    const QString suggested = config_->source() == ConfigDocument::Source::File
                                  ? config_->sourcePath()
                                  : QDir(runsFolderSetting()).filePath("config.json");
    return saveTo(tr("Save configuration"), suggested, tr("JSON (*.json)"),
                  [this](const QString& p) { return saveConfigFile(p); }, QString());
}

// ---- run files --------------------------------------------------------------------------------

QString RunCommands::exportMetricsCsv(const QString& path) {
    if (runDir().isEmpty()) return tr("No run is open.");
    try {
        api::exportRunMetrics(ss(runDir()), ss(path));
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString RunCommands::saveCheckpointAs(const QString& path, const QString& checkpoint) {
    if (runDir().isEmpty()) return tr("No run is open.");
    try {
        api::exportCheckpoint(ss(runDir()), ss(checkpoint), ss(path));
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString RunCommands::exportPreviewGrid(const QString& path) {
    if (preview_->rows() == 0) return tr("The preview is empty.");
    const QImage img = preview_->gridImage();
    if (img.isNull() || !img.save(path, "PNG")) return tr("Cannot write %1.").arg(path);
    return {};
}

void RunCommands::exportEncoder(const QString& path) {
    if (runDir().isEmpty()) {
        Q_EMIT encoderExported(path, tr("No run is open."));
        return;
    }
    const std::string dir = ss(runDir()), out = ss(path);
    Q_EMIT statusMessage(tr("Exporting the encoder…"), 0);
    auto* task = BackgroundTask::start(this, [dir, out](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        api::exportSafetensors(dir, out);
    });
    connect(task, &BackgroundTask::finished, this,
            [this, path](const QString& error, bool) { Q_EMIT encoderExported(path, error); });
}

void RunCommands::pruneCheckpoints(int keep, int every) {
    if (runDir().isEmpty() || controller_->isActive()) {
        Q_EMIT checkpointsPruned({}, runDir().isEmpty() ? tr("No run is open.") : tr("Stop training first."));
        return;
    }
    const std::string dir = ss(runDir());
    auto summary = std::make_shared<QString>();
    auto* task = BackgroundTask::start(this, [dir, keep, every, summary](const std::atomic<bool>*,
                                                                        const BackgroundTask::ProgressFn&) {
        const auto rep = api::pruneRun(dir, keep, every);
        *summary = tr("Removed %n checkpoint(s), freed %1.", "", int(rep.removed.size()))
                       .arg(QLocale().formattedDataSize(rep.bytes_freed));
    });
    connect(task, &BackgroundTask::finished, this, [this, summary](const QString& error, bool) {
        Q_EMIT runChanged();
        Q_EMIT checkpointsPruned(error.isEmpty() ? *summary : QString(), error);
    });
}

// ---- run files, with dialogs ------------------------------------------------------------------

void RunCommands::attach(RunsPanel* runs) {
    connect(runs, &RunsPanel::exportMetricsRequested, this, &RunCommands::exportMetricsDialog);
    connect(runs, &RunsPanel::saveCheckpointRequested, this, &RunCommands::saveCheckpointDialog);
    connect(runs, &RunsPanel::exportEncoderRequested, this, &RunCommands::exportEncoderDialog);
    connect(runs, &RunsPanel::pruneRequested, this, &RunCommands::pruneDialog);
}

void RunCommands::addExports(MainActions* actions, const QList<PlotWidget*>& charts) {
    for (PlotWidget* p : charts)
        connect(actions->addExport(tr("Chart: %1…").arg(p->title()), true), &QAction::triggered, this,
                [this, p] { exportPlotInteractive(p, p->title(), window_); });
    actions->addExport({}, false);
    connect(actions->addExport(tr("Preview grid as PNG…"), false), &QAction::triggered, this,
            &RunCommands::exportPreviewDialog);
    connect(actions->addExport(tr("Metrics CSV…"), true), &QAction::triggered, this, &RunCommands::exportMetricsDialog);
    connect(actions->addExport(tr("Checkpoint as…"), true), &QAction::triggered, this, &RunCommands::saveCheckpointDialog);
    connect(actions->addExport(tr("Encoder weights (safetensors for timm)…"), true), &QAction::triggered, this,
            &RunCommands::exportEncoderDialog);
}

void RunCommands::exportMetricsDialog() {
    saveTo(tr("Save metrics CSV"), suggestedExportPath(window_, "metrics", "csv"), tr("CSV (*.csv)"),
           [this](const QString& p) { return exportMetricsCsv(p); }, tr("Saved %1"));
}

void RunCommands::exportEncoderDialog() {
    const QString p = QFileDialog::getSaveFileName(window_, tr("Export encoder"),
                                                   suggestedExportPath(window_, "encoder", "safetensors"),
                                                   tr("safetensors (*.safetensors)"));
    if (!p.isEmpty()) exportEncoder(p);
}

void RunCommands::exportPreviewDialog() {
    saveTo(tr("Save preview grid"), suggestedExportPath(window_, "augmentation-preview", "png"), tr("PNG (*.png)"),
           [this](const QString& p) { return exportPreviewGrid(p); }, tr("Saved %1"));
}

void RunCommands::saveCheckpointDialog() {
    api::RunSnapshot snap;
    try {
        snap = api::loadRun(ss(runDir()));
    } catch (const std::exception& e) {
        showError(tr("Cannot read run"), qs(e.what()));
        return;
    }
    if (snap.checkpoints.empty()) {
        showError(tr("No checkpoint"), tr("This run has no checkpoint yet."));
        return;
    }
    QStringList names;
    for (auto it = snap.checkpoints.rbegin(); it != snap.checkpoints.rend(); ++it) names << qs(*it);
    bool ok = false;
    const QString src = QInputDialog::getItem(window_, tr("Save checkpoint as"), tr("Checkpoint"), names, 0, false, &ok);
    if (!ok) return;
    saveTo(tr("Save checkpoint as"), suggestedExportPath(window_, QFileInfo(src).completeBaseName(), "ckpt"),
           tr("Checkpoints (*.ckpt);;All files (*)"), [this, src](const QString& p) { return saveCheckpointAs(p, src); },
           tr("Saved %1"));
}

void RunCommands::pruneDialog() {
    api::RunSnapshot snap;
    api::PruneReport dry;
    int keep = 0;
    try {
        snap = api::loadRun(ss(runDir()));
        bool ok = false;
        const int start = snap.config.system.keep_checkpoints < 0 ? 2 : snap.config.system.keep_checkpoints;
        keep = QInputDialog::getInt(window_, tr("Prune checkpoints"),
                                    tr("Keep the newest N epoch checkpoints (last.ckpt, which training "
                                       "continues from, is always kept):"),
                                    start, 0, 100000, 1, &ok);
        if (!ok) return;
        dry = api::pruneRun(ss(runDir()), keep, snap.config.system.checkpoint_every_epochs, true);
    } catch (const std::exception& e) {
        showError(tr("Cannot prune"), qs(e.what()));
        return;
    }
    if (dry.removed.empty()) {
        Q_EMIT statusMessage(tr("Nothing to remove: the run keeps only these checkpoints."), 8000);
        return;
    }
    QStringList names;
    for (const auto& p : dry.removed) names << QFileInfo(qs(p)).fileName();
    const auto answer = QMessageBox::question(
        window_, tr("Prune checkpoints"),
        tr("Remove %n checkpoint(s) and free %1?", "", int(names.size())).arg(QLocale().formattedDataSize(dry.bytes_freed)) +
            "\n\n" + names.join(", "));
    if (answer == QMessageBox::Yes) pruneCheckpoints(keep, snap.config.system.checkpoint_every_epochs);
}

}  // namespace dino::ui
