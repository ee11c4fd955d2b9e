// DINO Studio's main window, the GUI's composition root: it creates the configuration column, the
// panels, the run controller (run_controller.h: the worker thread and the state machine), the
// actions (main_actions.h) and the dialog commands (run_commands.h), and wires them. The panels that
// show a run share RunView (run_view.h): opening a run, starting one and training being active are
// one loop over the views. The GUI thread never waits on training or evaluation.
#pragma once

#include "api/run_directory.h"
#include "common/config.h"
#include "main_actions.h"
#include "run_commands.h"
#include "run_controller.h"

#include <QMainWindow>

class QAction;
class QSplitter;
class QTabWidget;

namespace dino::ui {

class AttentionPanel;
class ConfigColumn;
class ConfigDocument;
class ConfigForm;
class EmbeddingMapPanel;
class EvaluationPanel;
class ExperimentsPanel;
class FollowedRun;
class MainActions;
class PreviewPanel;
class PseudoLabelPanel;
class RunFollowerView;
class SweepCommands;
class SweepDialog;
class SweepRunner;
class SweepProgressWidget;
class RunStatusBar;
class RunView;
class RunsPanel;
class ShownRun;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override = default;  // the controller (a child) cancels a run and waits for its thread

    ConfigForm* configForm() const { return form_; }
    ConfigDocument* configDocument() const { return doc_; }
    PreviewPanel* previewPanel() const { return preview_; }
    TrainingPanel* trainingPanel() const { return training_; }
    EvaluationPanel* evaluationPanel() const { return evaluation_; }
    PseudoLabelPanel* pseudoLabelPanel() const { return pseudo_; }
    AttentionPanel* attentionPanel() const { return attention_; }
    EmbeddingMapPanel* embeddingMapPanel() const { return map_; }
    RunsPanel* runsPanel() const { return runs_; }
    ExperimentsPanel* experimentsPanel() const { return experiments_; }
    QTabWidget* tabs() const { return tabs_; }
    RunController* runController() const { return controller_; }
    RunCommands* commands() const { return commands_; }
    // Follows the run shown while another process trains it (run_follower_view.h).
    RunFollowerView* follower() const { return follower_; }
    bool isFollowing() const;
    // The sweep started from this window (Training ▸ New sweep… / Resume sweep…), if any.
    SweepRunner* sweepRunner() const { return sweeps_; }
    SweepProgressWidget* sweepProgress() const { return sweepProgress_; }
    // Opens the sweep dialog (non-modal) on the form's configuration; returns it.
    SweepDialog* showSweepDialog();
    // `dino sweep --resume dir` (--retry-failed with retryFailed); "" or why not.
    QString resumeSweep(const QString& dir, bool retryFailed = false);
    // Training ▸ Resume sweep… once the folder is chosen: asks first where trials failed.
    void resumeSweepAsking(const QString& dir);
    // The command's action, as in the menus: "openRun", "openConfig", "saveConfig", "preset:seed",
    // "preset:quick", "start", "pause", "stop", "continue", "evaluate", "pseudoLabels", "quit".
    QAction* action(const QString& name) const { return actions_->action(name); }

    bool isTraining() const { return controller_->isActive(); }
    QString runDir() const { return controller_->runDir(); }
    QString lastError() const { return commands_->lastError(); }
    // Folder new runs are created in (settings; $DINO_RUNS_DIR overrides the default).
    QString runsFolder() const { return runsFolderSetting(); }
    void setRunsFolder(const QString& dir);
    // Tests and scripted use: no questions (stopping or closing during training, replacing unsaved
    // edits of the configuration).
    void setAskBeforeClosing(bool ask) { commands_->setAsk(ask); }
    // Shown errors go to a non-blocking message box, or only to lastError() when this is off.
    void setShowErrorDialogs(bool show) { commands_->setShowErrorDialogs(show); }

    // Non-interactive versions of the menu actions. Each returns "" or a readable error.
    QString loadConfigFile(const QString& path) { return commands_->loadConfigFile(path); }
    QString saveConfigFile(const QString& path) { return commands_->saveConfigFile(path); }
    QString openRun(const QString& dir);
    QString exportMetricsCsv(const QString& path) { return commands_->exportMetricsCsv(path); }
    QString saveCheckpointAs(const QString& path, const QString& checkpoint = QString()) {
        return commands_->saveCheckpointAs(path, checkpoint);
    }
    // Runs off the GUI thread; emits encoderExported(path, error).
    void exportEncoder(const QString& path) { commands_->exportEncoder(path); }
    // Removes the open run's epoch checkpoints beyond the newest `keep` (and every `every`-th) off
    // the GUI thread; emits checkpointsPruned(summary, error) and refreshes the Runs tab.
    void pruneCheckpoints(int keep, int every) { commands_->pruneCheckpoints(keep, every); }
    QString exportPreviewGrid(const QString& path) { return commands_->exportPreviewGrid(path); }
    void applyPreset(const QString& name) { commands_->applyPreset(name); }

Q_SIGNALS:
    void trainingFinished(bool cancelled);
    void trainingFailed(const QString& message);
    void encoderExported(const QString& path, const QString& error);
    void checkpointsPruned(const QString& summary, const QString& error);
    // The process that trained the run shown ended (status.json's status) and the window shows the run
    // as it was left.
    void followEnded(const QString& status);
    // A sweep began in dir (its runs appear there as it goes; for the Experiments tab).
    void sweepStarted(const QString& dir);
    void sweepFinished(int exitCode, const QString& message);

public Q_SLOTS:
    void startTraining();
    void continueTraining();
    void togglePause();
    // Asks first (unless setAskBeforeClosing(false)): a stray key or click must not end a run.
    void stopTraining();

protected:
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void buildTabs();
    void connectActions();
    void connectController();
    void connectPanels();
    void connectFollower();
    void connectSweeps();
    void stopFollowing();
    void restoreSettings();
    void saveSettings();

    void showStatus(const QString& text, int timeoutMs) const;

    void onStateChanged(RunController::State s);
    void onRunStarted(const QString& dir, const dino::RunConfig& cfg);
    bool runEnded(const QString& log);
    void onFinished(bool cancelled);
    void onFailed(const QString& message);
    void updateStartBlocked();
    void updateFormPlan();

    ConfigForm* form_ = nullptr;
    ConfigDocument* doc_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QSplitter* splitter_ = nullptr;
    PreviewPanel* preview_ = nullptr;
    TrainingPanel* training_ = nullptr;
    EvaluationPanel* evaluation_ = nullptr;
    PseudoLabelPanel* pseudo_ = nullptr;
    AttentionPanel* attention_ = nullptr;
    EmbeddingMapPanel* map_ = nullptr;
    RunsPanel* runs_ = nullptr;
    ExperimentsPanel* experiments_ = nullptr;
    QList<RunView*> views_;
    ShownRun* shown_ = nullptr;  // the run shown: opening, recent runs, the Runs tab's summary
    ConfigColumn* column_ = nullptr;
    RunStatusBar* statusProgress_ = nullptr;
    MainActions* actions_ = nullptr;
    RunCommands* commands_ = nullptr;
    RunController* controller_ = nullptr;
    RunFollowerView* follower_ = nullptr;
    FollowedRun* following_ = nullptr;
    SweepRunner* sweeps_ = nullptr;
    SweepProgressWidget* sweepProgress_ = nullptr;
    SweepCommands* sweepCommands_ = nullptr;

    bool closePending_ = false;
    QSize openedSize_;  // the default or restored size, until shown
};

}  // namespace dino::ui
