// The commands on the window's run and configuration that talk to the user through dialogs: open a
// run or a configuration file, save the configuration, save a checkpoint, prune checkpoints, and the
// exports. Each has a non-interactive form (returns "" or a readable error; tests and scripts use
// those) and a dialog form that asks for a file, calls it and shows the error or a status message,
// written once (saveTo / openFrom).
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace dino::ui {

class ConfigDocument;
class MainActions;
class PlotWidget;
class PreviewPanel;
class RunsPanel;
class RunController;

// The folder new runs are created in (settings; $DINO_RUNS_DIR overrides the default ~/dino-runs).
QString runsFolderSetting();

class RunCommands : public QObject {
    Q_OBJECT
public:
    RunCommands(QWidget* window, RunController* controller, ConfigDocument* config, PreviewPanel* preview);

    // An error: in the status bar and lastError(), and in a non-blocking message box unless off.
    void showError(const QString& title, const QString& text);
    QString lastError() const { return lastError_; }
    void setShowErrorDialogs(bool show) { showErrorDialogs_ = show; }
    // Questions, window-modal and not blocking; with asking off (tests, scripts) then() runs at once.
    void setAsk(bool ask) { ask_ = ask; }
    void confirm(const QString& title, const QString& text, const QString& yes, const std::function<void()>& then);
    // Two answers besides Cancel: then(true) for `yes` (the default button), then(false) for `other`; nothing on
    // Cancel. With asking off, then(false): the answer that changes nothing. `name` is the box's object name.
    void choose(const QString& title, const QString& text, const QString& yes, const QString& other,
                const std::function<void(bool)>& then, const QString& name);
    // Runs then() once the configuration's edits may be replaced: unmodified, saved, or discarded.
    void whenEditsMayGo(const std::function<void()>& then);

    // Non-interactive.
    void applyPreset(const QString& name);  // an error is shown
    QString loadConfigFile(const QString& path);
    QString saveConfigFile(const QString& path);
    QString exportMetricsCsv(const QString& path);
    QString saveCheckpointAs(const QString& path, const QString& checkpoint = QString());
    // Off the GUI thread; emits encoderExported(path, error).
    void exportEncoder(const QString& path);
    // Off the GUI thread; emits checkpointsPruned(summary, error).
    void pruneCheckpoints(int keep, int every);
    QString exportPreviewGrid(const QString& path);

    // With dialogs.
    // The Runs tab's buttons (metrics, checkpoint, encoder, prune) open these commands' dialogs.
    void attach(RunsPanel* runs);
    // The Export menu's entries: the charts, the preview grid and the run's files (those need a run).
    void addExports(MainActions* actions, const QList<PlotWidget*>& charts);
    void chooseRun();  // emits runChosen(dir)
    void openConfigDialog();
    bool saveConfigDialog();  // false when cancelled or failed
    void saveCheckpointDialog();
    void pruneDialog();
    void exportMetricsDialog();
    void exportEncoderDialog();
    void exportPreviewDialog();

    // Asks for a file to write (starting at suggested), calls write(path) ("" or an error) and shows
    // the error or done.arg(path). True when written.
    bool saveTo(const QString& title, const QString& suggested, const QString& filter,
                const std::function<QString(const QString&)>& write, const QString& done);
    // Asks for a file to read and calls read(path); shows its error.
    void openFrom(const QString& title, const QString& dir, const QString& filter,
                  const std::function<QString(const QString&)>& read);

Q_SIGNALS:
    void runChosen(const QString& dir);
    void encoderExported(const QString& path, const QString& error);
    void checkpointsPruned(const QString& summary, const QString& error);
    // For the window: a status-bar message, the run on disk changed.
    void statusMessage(const QString& text, int timeoutMs);
    void runChanged();

private:
    QString runDir() const;
    QMessageBox* question(const QString& title, const QString& text, const QString& name);  // shown by open()

    QWidget* window_;
    RunController* controller_;
    ConfigDocument* config_;
    PreviewPanel* preview_;
    bool ask_ = true;
    bool showErrorDialogs_ = true;
    QString lastError_;
};

}  // namespace dino::ui
