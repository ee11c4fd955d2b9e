// The GUI's training state machine, without widgets (issue 13): the worker thread, the current run,
// start / pause / stop / continue, and the engine's progress as queued Qt signals. Panels and the main
// window observe it; nothing here waits on training (the QgsTask and Mandelbrot-example rule: work on
// another thread, results delivered on the GUI thread).
//
//   Idle --start/resume--> Starting --runStarted--> Running <--togglePause--> Paused
//     ^                        |                       |                        |
//     +------ finished/failed -+---------- stop -----> Stopping ----------------+
#pragma once

#include "api/run_directory.h"
#include "common/config.h"
#include "qt_types.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QVector>

class QTimer;

namespace dino::ui {

class TrainingWorker;

class RunController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;  // cancels a run and waits for the worker thread

    State state() const { return state_; }
    bool isActive() const { return state_ != State::Idle; }
    // The run being trained, or the one last opened or trained; empty before any.
    QString runDir() const { return runDir_; }
    // A run in several processes cannot pause (a paused rank would stall the others).
    bool canPause() const { return processes_ <= 1; }

    // A new run in a new directory run-<date>-<time> under runsFolder. "" or why it could not start
    // (nothing started then). The directory is announced by runStarted once the engine created it.
    QString start(const RunConfig& cfg, const QString& runsFolder);
    // Continues runDir() from its last checkpoint. "" or why not.
    QString resume();
    // Running <-> Paused (after the step in flight); false when not possible now.
    bool togglePause();
    // Stops after the current step; the engine writes last.ckpt. No-op when idle or already stopping.
    void stop();
    // Makes an opened run the current one; refused (false) while a run is active.
    bool setRunDir(const QString& dir);

    // The name start() gives a run started now in runsFolder (never an existing directory).
    static QString newRunDirectory(const QString& runsFolder);

Q_SIGNALS:
    void stateChanged(dino::ui::RunController::State state);
    void runStarted(const QString& runDir, const dino::RunConfig& cfg);
    void planReady(const dino::api::RunPlan& plan);
    void stepsReady(const QVector<dino::api::StepMetrics>& steps);
    void epochDone(const dino::api::EpochMetrics& epoch);
    void evalReady(const dino::api::EvalReport& report);
    void knnReady(const dino::api::KnnPoint& point);
    void evalProgress(qint64 done, qint64 total);
    void logLine(const QString& line);
    // cancelled: stopped by stop(); the last checkpoint is kept. Emitted after the state is Idle.
    void finished(bool cancelled);
    void failed(const QString& message);

private:
    void setState(State s);

    QThread thread_;
    TrainingWorker* worker_ = nullptr;
    QTimer* flushTimer_ = nullptr;
    State state_ = State::Idle;
    QString runDir_;
    int processes_ = 1;
};

}  // namespace dino::ui
