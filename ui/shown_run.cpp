#include "shown_run.h"

#include "chart_export.h"
#include "config_document.h"
#include "evaluation_panel.h"
#include "main_actions.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"
#include "run_commands.h"
#include "run_controller.h"
#include "run_follower_view.h"
#include "run_view.h"
#include "runs_panel.h"
#include "training_panel.h"

#include "api/run_directory.h"
#include "api/run_lock.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QWidget>

namespace dino::ui {

ShownRun::ShownRun(const Parts& parts, std::function<void()> stopFollowing, QObject* parent)
    : QObject(parent), p_(parts), stopFollowing_(std::move(stopFollowing)) {}

QString ShownRun::open(const QString& dir) {
    if (p_.controller->isActive()) return tr("Stop the current training before opening another run.");
    api::RunSnapshot snap;
    try {
        snap = api::loadRun(ss(dir));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    stopFollowing_();
    p_.controller->setRunDir(dir);
    const QString runDir = p_.controller->runDir();
    snap.dir = ss(runDir);  // absolute
    for (RunView* v : std::as_const(*p_.views)) v->showRun(snap);
    p_.doc->adoptRun(runDir, snap.config);
    setShown(runDir);
    p_.training->appendLog(tr("Opened %1: %2 steps, status %3")
                               .arg(QDir::toNativeSeparators(runDir))
                               .arg(snap.steps.size())
                               .arg(qs(snap.status)));
    // Another process trains it (a `dino train`, a sweep's trial, a mounted run of another machine):
    // the window follows it until that process ends.
    if (const auto writer = api::runWriterAny(snap.dir)) {
        p_.follower->follow(runDir);
        p_.training->appendLog(tr("Following it while it trains: %1").arg(RunFollowerView::describe(*writer)));
    } else {
        p_.follower->watch(runDir);  // followed if a process starts writing it
    }
    Q_EMIT opened(runDir);
    return {};
}

void ShownRun::openShowingError(const QString& dir) {
    const QString err = open(dir);
    if (!err.isEmpty()) p_.commands->showError(tr("Cannot open run"), err);
}

void ShownRun::openAsking(const QString& dir) {
    p_.commands->whenEditsMayGo([this, dir] { openShowingError(dir); });
}

void ShownRun::setShown(const QString& dir) {
    if (!dir.isEmpty()) p_.actions->addRecentRun(dir);
    setExportRun(p_.window, dir);
    p_.actions->setRunOpen(!dir.isEmpty());
    updateTitle();
}

void ShownRun::reloadSummary() {
    const QString runDir = p_.controller->runDir();
    if (runDir.isEmpty()) return;
    try {
        p_.runs->showSnapshot(api::loadRun(ss(runDir)));
    } catch (const std::exception& e) {
        p_.runs->clearRun();
        p_.training->appendLog(tr("Cannot read the run folder: %1").arg(qs(e.what())));
    }
    p_.actions->action(QStringLiteral("continue"))->setEnabled(!p_.controller->isActive() && !p_.follower->isFollowing());
}

void ShownRun::started(const QString& dir, const RunConfig& cfg, const RunConfig& form) {
    for (RunView* v : std::as_const(*p_.views)) v->startRun(dir, cfg);
    // A run started from the form keeps the form's configuration in its folder: the saved copy.
    if (configToJson(form) == configToJson(cfg)) p_.doc->adoptRun(dir, cfg);
    setShown(dir);
    reloadSummary();
}

void ShownRun::showEnd(bool cancelled) {
    try {
        const api::RunSnapshot snap = api::loadRun(ss(p_.controller->runDir()));
        if (snap.eval && !p_.evaluation->hasReport()) p_.evaluation->showReport(*snap.eval);
        if (snap.pseudo_labels) p_.pseudo->showReport(*snap.pseudo_labels);
        else if (!cancelled) p_.pseudo->compute();
    } catch (const std::exception&) {
        // reloadSummary has already reported it
    }
}

void ShownRun::updateTitle() {
    const QString runDir = p_.controller->runDir();
    const QString run = runDir.isEmpty() ? QString() : QFileInfo(runDir).fileName();
    QString title = p_.doc->displayName() + QStringLiteral("[*]");
    if (!run.isEmpty() && run != p_.doc->displayName()) title += QStringLiteral(" · ") + run;
    p_.window->setWindowTitle(tr("%1 — DINO Studio").arg(title));
    p_.window->setWindowModified(p_.doc->isModified());
}

}  // namespace dino::ui
