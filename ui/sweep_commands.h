// The window's sweep commands (Training ▸ New sweep… / Resume sweep…): the dialog on the form's configuration,
// `dino sweep` run by the SweepRunner, its start and end in the log and status bar, its runs listed in the
// Experiments table, and a close of the window while it runs (asks, stops it as Ctrl-C does, closes when it
// ended). Wired by the main window, kept out of it.
#pragma once

#include "common/config.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace dino::ui {

class ExperimentsPanel;
class RunCommands;
class SweepDialog;
class SweepRunner;
class TrainingPanel;

class SweepCommands : public QObject {
    Q_OBJECT
public:
    SweepCommands(QWidget* window, SweepRunner* runner, RunCommands* commands, TrainingPanel* log,
                  ExperimentsPanel* experiments, std::function<QString()> runsFolder, std::function<RunConfig()> formConfig);
    // Connects the menu's actions.
    void connectActions(QAction* newSweep, QAction* resumeSweep);

    SweepDialog* showDialog();                // non-modal, on the form's configuration
    // `dino sweep --resume dir` (--retry-failed with retryFailed); "" or why not.
    QString resume(const QString& dir, bool retryFailed = false);
    // Training ▸ Resume sweep… on a chosen folder: reads its state off the GUI thread, then, where trials
    // failed before, asks whether they run again (with asking off they stay failed, as `dino sweep
    // --resume` keeps them) and resumes.
    void resumeAsking(const QString& dir);
    // The window is closing: true when a sweep runs and the close must wait (the user is asked; on yes the
    // sweep stops and closeNow() follows when it has ended).
    bool holdClose();

Q_SIGNALS:
    void message(const QString& text, int ms);  // for the status bar
    void started(const QString& dir);
    void finished(int exitCode, const QString& message);
    void closeNow();

private:
    QWidget* window_;
    SweepRunner* runner_;
    RunCommands* commands_;
    TrainingPanel* log_;
    ExperimentsPanel* experiments_;
    std::function<QString()> runsFolder_;
    std::function<RunConfig()> formConfig_;
    bool closePending_ = false;
};

}  // namespace dino::ui
