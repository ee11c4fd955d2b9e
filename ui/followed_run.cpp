#include "followed_run.h"

#include "attention_panel.h"
#include "background_task.h"
#include "embedding_map_panel.h"
#include "evaluation_panel.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"
#include "run_follower_view.h"
#include "run_status_bar.h"
#include "runs_panel.h"
#include "training_panel.h"

#include "api/run_directory.h"

#include <QDir>
#include <QTabWidget>

#include <memory>

namespace dino::ui {

FollowedRun::FollowedRun(RunFollowerView* follower, const Views& views, std::function<QString()> runDir,
                         std::function<bool()> training, QObject* parent)
    : QObject(parent), follower_(follower), v_(views), runDir_(std::move(runDir)), training_(std::move(training)) {
    connect(follower_, &RunFollowerView::stepsReset, v_.training, &TrainingPanel::replaceSteps);
    connect(follower_, &RunFollowerView::stepsAppended, v_.training, &TrainingPanel::appendSteps);
    connect(follower_, &RunFollowerView::knnReset, v_.training, &TrainingPanel::replaceKnn);
    connect(follower_, &RunFollowerView::knnAppended, v_.training, &TrainingPanel::appendKnn);
    connect(follower_, &RunFollowerView::evalChanged, v_.evaluation, &EvaluationPanel::showReport);
    connect(follower_, &RunFollowerView::updated, v_.runs, &RunsPanel::applyUpdate);
    connect(follower_, &RunFollowerView::updated, this, [this](const api::RunUpdate& u) {
        // The inspection tabs list the checkpoints: new epochs appear as the other process writes them.
        const QString dir = runDir_();
        if (!u.checkpoints_changed || dir.isEmpty()) return;
        if (v_.tabs->currentWidget() == v_.attention) v_.attention->setRunDir(dir);
        if (v_.tabs->currentWidget() == v_.map) v_.map->setRunDir(dir);
    });
    connect(follower_, &RunFollowerView::writerChanged, this, [this](const QString& who) {
        v_.training->setFollowing(who);
        v_.status->setFollowing(!who.isEmpty());
    });
    connect(follower_, &RunFollowerView::ended, this, &FollowedRun::onEnded);
    // A run shown that a process starts writing (a `dino resume` in a terminal, a sweep resuming it):
    // the window follows it from then on.
    connect(follower_, &RunFollowerView::writerAppeared, this, [this](const QString& dir) {
        if (training_() || dir != runDir_()) return;
        follower_->follow(dir);
        v_.training->appendLog(tr("Another process started training %1; following it.").arg(QDir::toNativeSeparators(dir)));
        Q_EMIT stateChanged();
    });
    connect(follower_, &RunFollowerView::failed, this, [this](const QString& text) {
        clearFollowing();
        v_.training->appendLog(tr("Stopped following the run: %1").arg(text));
        Q_EMIT message(tr("Stopped following the run: %1").arg(text), 10000);
        Q_EMIT stateChanged();
    });
}

void FollowedRun::clearFollowing() {
    v_.training->setFollowing({});
    v_.status->setFollowing(false);
}

void FollowedRun::stop() {
    const bool following = follower_->isFollowing();
    follower_->stop();  // also ends watching
    if (following) clearFollowing();
}

// The other process ended: the run as it left it (the whole folder, read off the GUI thread: disk use,
// pseudo-labels written at the end) replaces the followed summary.
void FollowedRun::onEnded(const QString& status) {
    clearFollowing();
    const QString dir = runDir_();
    v_.training->appendLog(tr("The process training %1 ended (status %2).")
                               .arg(QDir::toNativeSeparators(dir), status.isEmpty() ? tr("unknown") : status));
    Q_EMIT message(tr("The other process ended: %1").arg(status), 8000);
    Q_EMIT stateChanged();
    auto snap = std::make_shared<api::RunSnapshot>();
    auto* task = BackgroundTask::start(this, [dir, snap](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *snap = api::loadRun(ss(dir));
    });
    connect(task, &BackgroundTask::finished, this, [this, dir, snap, status](const QString& error, bool cancelled) {
        if (cancelled || dir != runDir_() || training_() || follower_->isFollowing()) return;
        if (!error.isEmpty()) {
            v_.training->appendLog(tr("Cannot read the run folder: %1").arg(error));
        } else {
            snap->dir = ss(dir);
            v_.runs->showSnapshot(*snap);
            if (snap->eval && !v_.evaluation->hasReport()) v_.evaluation->showReport(*snap->eval);
            if (snap->pseudo_labels) v_.pseudo->showReport(*snap->pseudo_labels);
        }
        follower_->watch(dir);  // a later resume by another process is followed again
        Q_EMIT ended(status);
    });
}

}  // namespace dino::ui
