// The window's side of following a run that another process trains (run_follower_view.h reads its files):
// the new rows go to the views that in-process training feeds, the progress says who trains it, a run that
// a process starts writing later is followed from then on, and when that process ends the run is read once
// more (off the GUI thread) and shown as it was left. Wired by the main window, kept out of it.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTabWidget;

namespace dino::ui {

class AttentionPanel;
class EmbeddingMapPanel;
class EvaluationPanel;
class PseudoLabelPanel;
class RunFollowerView;
class RunStatusBar;
class RunsPanel;
class TrainingPanel;

class FollowedRun : public QObject {
    Q_OBJECT
public:
    struct Views {
        TrainingPanel* training = nullptr;
        EvaluationPanel* evaluation = nullptr;
        RunsPanel* runs = nullptr;
        PseudoLabelPanel* pseudo = nullptr;
        AttentionPanel* attention = nullptr;
        EmbeddingMapPanel* map = nullptr;
        QTabWidget* tabs = nullptr;
        RunStatusBar* status = nullptr;
    };
    // runDir: the run the window shows; training: whether the window trains one itself.
    FollowedRun(RunFollowerView* follower, const Views& views, std::function<QString()> runDir,
                std::function<bool()> training, QObject* parent);

    // Stops following (and watching for a writer); the views no longer say another process trains the run.
    void stop();

Q_SIGNALS:
    void stateChanged();                        // following began or ended: the window's buttons and title
    void message(const QString& text, int ms);  // for the status bar
    void ended(const QString& status);          // the other process ended; the run shows as it was left

private:
    void onEnded(const QString& status);
    void clearFollowing();
    RunFollowerView* follower_;
    Views v_;
    std::function<QString()> runDir_;
    std::function<bool()> training_;
};

}  // namespace dino::ui
