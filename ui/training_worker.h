// Owns the engine's TrainingRun on a worker QThread and turns observer callbacks into queued,
// plain-data Qt signals. Step metrics are batched so that the GUI receives at most ~20 signals/s
// however fast the steps are. cancel()/setPaused() are thread-safe and never wait for a step.
#pragma once

#include "api/training_run.h"
#include "qt_types.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QVector>

#include <atomic>
#include <memory>

namespace dino::ui {

class TrainingWorker : public QObject, public api::TrainObserver {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject* parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe, callable from the GUI thread while run() blocks the worker thread.
    void cancel();
    void setPaused(bool paused);
    bool isRunning() const { return running_; }
    // Emits stepsReady with any steps still held back by the coalescing (thread-safe); the GUI calls
    // it on pause and from a slow timer so that the newest step is never left unshown.
    void flushSteps();

    // Minimum interval between two stepsReady signals.
    static constexpr int kEmitIntervalMs = 50;

public Q_SLOTS:
    // Runs to the end (or cancel) on the thread this object lives on; emits finished/failed.
    void startNew(const dino::RunConfig& cfg, const QString& runDir);
    void resume(const QString& runDir);

Q_SIGNALS:
    void started(const QString& runDir, const dino::RunConfig& cfg);
    void planReady(const dino::api::RunPlan& plan);
    void stepsReady(const QVector<dino::api::StepMetrics>& steps);
    void epochDone(const dino::api::EpochMetrics& epoch);
    void evalReady(const dino::api::EvalReport& report);
    void knnReady(const dino::api::KnnPoint& point);
    void evalProgress(qint64 done, qint64 total);
    void logLine(const QString& line);
    // cancelled: stopped by cancel(); the last checkpoint is kept.
    void finished(bool cancelled);
    void failed(const QString& message);

private:
    void execute(std::unique_ptr<api::TrainingRun> (*make)(const RunConfig*, const std::string&),
                 const RunConfig* cfg, const QString& runDir);

    // TrainObserver (called on the worker thread).
    void onPlan(const api::RunPlan& plan) override;
    void onStep(const api::StepMetrics& m) override;
    void onEpoch(const api::EpochMetrics& e) override;
    void onEval(const api::EvalReport& r) override;
    void onKnn(const api::KnnPoint& p) override;
    void onLog(const std::string& line) override;
    void onEvalProgress(int64_t done, int64_t total) override;

    QMutex mutex_;                       // guards run_ against cancel()/setPaused() from the GUI
    api::TrainingRun* run_ = nullptr;
    std::atomic<bool> cancelRequested_{false};
    std::atomic<bool> pauseRequested_{false};
    std::atomic<bool> running_{false};
    QMutex pendingMutex_;                // guards pending_ and sinceEmit_
    QVector<api::StepMetrics> pending_;
    QElapsedTimer sinceEmit_;
    QElapsedTimer sinceEvalProgress_;
};

}  // namespace dino::ui
