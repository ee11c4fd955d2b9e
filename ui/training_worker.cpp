#include "training_worker.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace dino::ui {

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) { registerMetaTypes(); }

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::cancel() {
    cancelRequested_ = true;
    QMutexLocker lock(&mutex_);
    if (run_) {
        run_->setPaused(false);
        run_->cancel();
    }
}

void TrainingWorker::setPaused(bool paused) {
    pauseRequested_ = paused;
    QMutexLocker lock(&mutex_);
    if (run_) run_->setPaused(paused);
}

namespace {
// The `dino` CLI that runs ranks 1.. of a run with system.processes > 1: the one beside this
// program, or DINO_CLI where it is elsewhere.
std::string dinoCli() {
    const QByteArray env = qgetenv("DINO_CLI");
    if (!env.isEmpty()) return env.toStdString();
    return ss(QCoreApplication::applicationDirPath() + QStringLiteral("/dino"));
}
}  // namespace

void TrainingWorker::startNew(const RunConfig& cfg, const QString& runDir) {
    execute([](const RunConfig* c, const std::string& dir) { return api::TrainingRun::createLocal(*c, dir, dinoCli()); },
            &cfg, runDir);
}

void TrainingWorker::resume(const QString& runDir) {
    execute([](const RunConfig*, const std::string& dir) { return api::TrainingRun::resumeLocal(dir, dinoCli()); },
            nullptr, runDir);
}

void TrainingWorker::execute(std::unique_ptr<api::TrainingRun> (*make)(const RunConfig*, const std::string&),
                             const RunConfig* cfg, const QString& runDir) {
    running_ = true;
    {
        QMutexLocker lock(&pendingMutex_);
        pending_.clear();
        sinceEmit_.start();
    }
    sinceEvalProgress_.start();
    std::unique_ptr<api::TrainingRun> run;
    try {
        run = make(cfg, ss(runDir));
        {
            QMutexLocker lock(&mutex_);
            run_ = run.get();
            run_->setPaused(pauseRequested_);
            if (cancelRequested_) run_->cancel();
        }
        Q_EMIT started(qs(run->runDir()), run->config());
        const api::RunOutcome outcome = run->run(*this);
        flushSteps();
        {
            QMutexLocker lock(&mutex_);
            run_ = nullptr;
        }
        run.reset();  // releases the run's lock before anyone hears that it ended
        running_ = false;
        cancelRequested_ = false;
        Q_EMIT finished(outcome == api::RunOutcome::Cancelled);
    } catch (const std::exception& e) {
        flushSteps();
        {
            QMutexLocker lock(&mutex_);
            run_ = nullptr;
        }
        run.reset();
        running_ = false;
        cancelRequested_ = false;
        Q_EMIT failed(qs(e.what()));
    } catch (...) {
        {
            QMutexLocker lock(&mutex_);
            run_ = nullptr;
        }
        running_ = false;
        cancelRequested_ = false;
        Q_EMIT failed(tr("Training stopped with an unknown error."));
    }
}

void TrainingWorker::flushSteps() {
    // Emitted under the lock so that batches from the worker and from the GUI thread are queued in
    // step order (receivers connect with Qt::QueuedConnection).
    QMutexLocker lock(&pendingMutex_);
    if (pending_.isEmpty()) return;
    QVector<api::StepMetrics> batch;
    batch.swap(pending_);
    sinceEmit_.restart();
    Q_EMIT stepsReady(batch);
}

void TrainingWorker::onPlan(const api::RunPlan& plan) { Q_EMIT planReady(plan); }

void TrainingWorker::onStep(const api::StepMetrics& m) {
    bool due = false;
    {
        QMutexLocker lock(&pendingMutex_);
        pending_.push_back(m);
        // Coalesce: a signal at most every kEmitIntervalMs; a slow step is sent at once.
        due = sinceEmit_.elapsed() >= kEmitIntervalMs;
    }
    if (due) flushSteps();
}

void TrainingWorker::onEpoch(const api::EpochMetrics& e) {
    flushSteps();
    Q_EMIT epochDone(e);
}

void TrainingWorker::onKnn(const api::KnnPoint& p) {
    flushSteps();  // the curve's point belongs after the steps before it
    Q_EMIT knnReady(p);
}

void TrainingWorker::onEval(const api::EvalReport& r) {
    flushSteps();
    Q_EMIT evalReady(r);
}

void TrainingWorker::onLog(const std::string& line) {
    flushSteps();
    Q_EMIT logLine(qs(line));
}

void TrainingWorker::onEvalProgress(int64_t done, int64_t total) {
    if (done == total || sinceEvalProgress_.elapsed() >= kEmitIntervalMs) {
        sinceEvalProgress_.restart();
        Q_EMIT evalProgress(done, total);
    }
}

}  // namespace dino::ui
