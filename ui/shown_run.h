// The run the main window shows: opening one (read off disk, every RunView shown it, the configuration
// adopted, followed when another process trains it), the recent runs, the exports' folder, and the Runs
// tab's summary read again when the run changes, and the window's title. Wired by the main window, kept out of it.
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "common/config.h"

#include <functional>

class QWidget;

namespace dino::ui {

class ConfigDocument;
class EvaluationPanel;
class PseudoLabelPanel;
class MainActions;
class RunCommands;
class RunController;
class RunFollowerView;
class RunView;
class RunsPanel;
class TrainingPanel;

class ShownRun : public QObject {
    Q_OBJECT
public:
    struct Parts {
        RunController* controller = nullptr;
        const QList<RunView*>* views = nullptr;
        ConfigDocument* doc = nullptr;
        MainActions* actions = nullptr;
        TrainingPanel* training = nullptr;
        RunsPanel* runs = nullptr;
        EvaluationPanel* evaluation = nullptr;
        PseudoLabelPanel* pseudo = nullptr;
        RunFollowerView* follower = nullptr;
        RunCommands* commands = nullptr;
        QWidget* window = nullptr;  // its title, and its exports go to the run's folder
    };
    // stopFollowing: the window stops following the run it showed before.
    ShownRun(const Parts& parts, std::function<void()> stopFollowing, QObject* parent);

    // Opens a run folder; "" or a readable error (training in this window, an unreadable folder).
    QString open(const QString& dir);
    void openShowingError(const QString& dir);
    void openAsking(const QString& dir);  // asks about unsaved edits first
    // The run shown is dir (opened or trained; "" for none): the recent runs, the exports' folder.
    void setShown(const QString& dir);
    // The Runs tab's summary of the run shown, read again.
    void reloadSummary();
    // This window started training dir with cfg (form: the form's configuration then).
    void started(const QString& dir, const RunConfig& cfg, const RunConfig& form);
    // The run this window trained ended: what the engine wrote at its end (eval.json, pseudo_labels.json),
    // shown; the pseudo-labels computed when a finished run has none.
    void showEnd(bool cancelled);

    // The window's title names the configuration ("quick.json[*]": modified) and the run shown.
    void updateTitle();

Q_SIGNALS:
    void opened(const QString& dir);  // the window's buttons and status bar
private:
    Parts p_;
    std::function<void()> stopFollowing_;
};

}  // namespace dino::ui
