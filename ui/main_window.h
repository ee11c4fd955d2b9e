// DINO Studio's main window: configuration on the left, panels in tabs. Training is the RunController's
// (run_controller.h: the worker thread and the state machine); this class lays out the widgets, owns the
// actions (one QAction per command, shared by menus, toolbar and buttons) and connects the panels to the
// controller. The GUI thread never waits on training or evaluation.
#pragma once

#include "api/run_directory.h"
#include "common/config.h"
#include "run_controller.h"

#include <QMainWindow>
#include <QMap>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QTabWidget;

namespace dino::ui {

class ConfigForm;
class AttentionPanel;
class EmbeddingMapPanel;
class EvaluationPanel;
class PreviewPanel;
class PseudoLabelPanel;
class RunsPanel;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ConfigForm* configForm() const { return form_; }
    PreviewPanel* previewPanel() const { return preview_; }
    TrainingPanel* trainingPanel() const { return training_; }
    EvaluationPanel* evaluationPanel() const { return evaluation_; }
    PseudoLabelPanel* pseudoLabelPanel() const { return pseudo_; }
    AttentionPanel* attentionPanel() const { return attention_; }
    EmbeddingMapPanel* embeddingMapPanel() const { return map_; }
    RunsPanel* runsPanel() const { return runs_; }
    QTabWidget* tabs() const { return tabs_; }
    RunController* runController() const { return controller_; }
    // The command's action, as in the menus: "openRun", "openConfig", "saveConfig", "preset:seed",
    // "preset:quick", "start", "pause", "stop", "continue", "evaluate", "pseudoLabels", "quit".
    QAction* action(const QString& name) const { return actions_.value(name); }

    bool isTraining() const { return controller_->isActive(); }
    QString runDir() const { return controller_->runDir(); }
    QString lastError() const { return lastError_; }
    // Folder new runs are created in (settings; $DINO_RUNS_DIR overrides the default).
    QString runsFolder() const;
    void setRunsFolder(const QString& dir);
    // Tests and scripted use: no question when closing during training.
    void setAskBeforeClosing(bool ask) { askBeforeClosing_ = ask; }
    // Shown errors go to a non-blocking message box, or only to lastError() when this is off.
    void setShowErrorDialogs(bool show) { showErrorDialogs_ = show; }

    // Non-interactive versions of the menu actions. Each returns "" or a readable error.
    QString loadConfigFile(const QString& path);
    QString saveConfigFile(const QString& path);
    QString openRun(const QString& dir);
    QString exportMetricsCsv(const QString& path);
    QString saveCheckpointAs(const QString& path, const QString& checkpoint = QString());
    // Runs off the GUI thread; emits encoderExported(path, error).
    void exportEncoder(const QString& path);
    // Removes the open run's epoch checkpoints beyond the newest `keep` (and every `every`-th) off
    // the GUI thread; emits checkpointsPruned(summary, error) and refreshes the Runs tab.
    void pruneCheckpoints(int keep, int every);
    QString exportPreviewGrid(const QString& path);
    void applyPreset(const QString& name);

Q_SIGNALS:
    void trainingFinished(bool cancelled);
    void trainingFailed(const QString& message);
    void encoderExported(const QString& path, const QString& error);
    void checkpointsPruned(const QString& summary, const QString& error);

public Q_SLOTS:
    void startTraining();
    void continueTraining();
    void togglePause();
    void stopTraining();
    void about();

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    QAction* addAction(const QString& name, const QString& icon, const QString& text, const QKeySequence& key = {});
    void createActions();
    void buildMenus();
    void restoreSettings();
    void saveSettings();
    void showError(const QString& title, const QString& text);
    void onStateChanged(RunController::State s);
    void updateStartBlocked();
    void addRecentRun(const QString& dir);
    void refreshRecentMenu();
    void reloadRunSummary();
    bool readOpenRun(api::RunSnapshot& snap);  // the open run from disk; false (after an error dialog) if unreadable
    void setLanguage(const QString& code);

    void onRunStarted(const QString& dir, const dino::RunConfig& cfg);
    void onFinished(bool cancelled);
    void onFailed(const QString& message);

    ConfigForm* form_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QSplitter* splitter_ = nullptr;
    PreviewPanel* preview_ = nullptr;
    TrainingPanel* training_ = nullptr;
    EvaluationPanel* evaluation_ = nullptr;
    PseudoLabelPanel* pseudo_ = nullptr;
    AttentionPanel* attention_ = nullptr;
    EmbeddingMapPanel* map_ = nullptr;
    RunsPanel* runs_ = nullptr;
    QComboBox* presetBox_ = nullptr;
    QLabel* statusText_ = nullptr;
    QProgressBar* statusProgress_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMap<QString, QAction*> actions_;

    RunController* controller_ = nullptr;
    QString lastError_;
    QStringList recentRuns_;
    bool askBeforeClosing_ = true;
    bool showErrorDialogs_ = true;
    bool closePending_ = false;
    bool pseudoAfterTraining_ = true;
};

}  // namespace dino::ui
