#include "sweep_commands.h"

#include "background_task.h"
#include "experiments_panel.h"
#include "run_commands.h"
#include "sweep_dialog.h"
#include "sweep_runner.h"
#include "training_panel.h"

#include "api/sweep.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>

#include <memory>

namespace dino::ui {

SweepCommands::SweepCommands(QWidget* window, SweepRunner* runner, RunCommands* commands, TrainingPanel* log,
                             ExperimentsPanel* experiments, std::function<QString()> runsFolder,
                             std::function<RunConfig()> formConfig)
    : QObject(window), window_(window), runner_(runner), commands_(commands), log_(log), experiments_(experiments),
      runsFolder_(std::move(runsFolder)), formConfig_(std::move(formConfig)) {
    connect(runner_, &SweepRunner::started, this, [this](const QString& dir) {
        Q_EMIT message(tr("Sweep started in %1").arg(QDir::toNativeSeparators(dir)), 5000);
        log_->appendLog(tr("Sweep started in %1 (dino sweep; its log: sweep-log.txt)").arg(QDir::toNativeSeparators(dir)));
        // Its runs show in the Experiments table: a sweep outside the runs folder is listed as a folder of its own.
        if (QDir(runsFolder_()).relativeFilePath(dir).startsWith(QLatin1String(".."))) experiments_->addFolder(dir);
        Q_EMIT started(dir);
    });
    connect(runner_, &SweepRunner::finished, this, [this](int code, const QString& text) {
        log_->appendLog(text);
        Q_EMIT message(text, 15000);
        Q_EMIT finished(code, text);
        if (code != 0 && code != 3 && !closePending_) commands_->showError(tr("Sweep"), text);
        if (closePending_) Q_EMIT closeNow();
    });
}

void SweepCommands::connectActions(QAction* newSweep, QAction* resumeSweep) {
    connect(newSweep, &QAction::triggered, this, [this] { showDialog(); });
    connect(resumeSweep, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(window_, tr("Resume a sweep: its folder"), runsFolder_());
        if (dir.isEmpty()) return;
        resumeAsking(dir);
    });
}

void SweepCommands::resumeAsking(const QString& dir) {
    // The sweep's failed trials, read off the GUI thread (as the runner reads its state).
    struct Failed {
        int count = 0;
        QString first;  // "name: reason" of the first
    };
    auto failed = std::make_shared<Failed>();
    const std::string path = dir.toStdString();
    auto* task = BackgroundTask::start(this, [path, failed](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        for (const auto& t : api::loadSweepState(path).trials)
            if (t.state == "failed" && failed->count++ == 0) failed->first = QString::fromStdString(t.name + ": " + t.message);
    });
    connect(task, &BackgroundTask::finished, this, [this, dir, failed](const QString&, bool) {
        // A folder that is no sweep, or a damaged state file, reads as no failed trials: resume() says which.
        auto go = [this, dir](bool retry) {
            const QString err = resume(dir, retry);
            if (!err.isEmpty()) commands_->showError(tr("Cannot resume the sweep"), err);
        };
        if (failed->count == 0) {
            go(false);
            return;
        }
        commands_->choose(tr("Failed trials"),
                          tr("Trials of this sweep that failed before: %1 (%2). Run them again, from their last "
                             "checkpoint where they wrote one, or keep them failed and continue the others?")
                              .arg(failed->count)
                              .arg(failed->first),
                          tr("Run them again"), tr("Keep them failed"), go, QStringLiteral("retryFailedQuestion"));
    });
}

SweepDialog* SweepCommands::showDialog() {
    auto* d = new SweepDialog(formConfig_(), runsFolder_(), runner_, window_);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->show();
    return d;
}

QString SweepCommands::resume(const QString& dir, bool retryFailed) { return runner_->resume(dir, retryFailed); }

bool SweepCommands::holdClose() {
    // A sweep runs as a child process: it is stopped as Ctrl-C stops it (resumable), and the window
    // closes when it has ended.
    if (!runner_->isRunning()) return false;
    if (closePending_) return true;
    commands_->confirm(tr("A sweep is running"),
                       tr("Stop the sweep and quit? Its running trials stop after their current step and keep a "
                          "checkpoint; Training ▸ Resume sweep… continues it later."),
                       tr("Stop sweep and quit"), [this] {
                           closePending_ = true;
                           runner_->stop();
                       });
    return true;
}

}  // namespace dino::ui
