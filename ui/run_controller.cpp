#include "run_controller.h"

#include "training_worker.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace dino::ui {

RunController::RunController(QObject* parent) : QObject(parent) {
    registerMetaTypes();
    // The worker lives on its own thread for the whole session.
    worker_ = new TrainingWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName("dino-training");
    thread_.start();

    connect(worker_, &TrainingWorker::started, this, [this](const QString& dir, const RunConfig& cfg) {
        runDir_ = dir;
        processes_ = cfg.system.processes;
        if (state_ == State::Starting) setState(State::Running);
        Q_EMIT runStarted(dir, cfg);
    }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::planReady, this, [this](const api::RunPlan& plan) {
        processes_ = plan.processes;
        Q_EMIT planReady(plan);
    }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::stepsReady, this, &RunController::stepsReady, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::epochDone, this, &RunController::epochDone, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::evalReady, this, &RunController::evalReady, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::evalReady, this, [this](const api::EvalReport& r) {
        Q_EMIT logLine(tr("k-NN evaluation after epoch %1: 1-NN %2 %, weighted k-NN %3 % (random init %4 %)")
                           .arg(r.epoch + 1)
                           .arg(100 * r.trained.nn1_accuracy, 0, 'f', 1)
                           .arg(100 * r.trained.knn_accuracy, 0, 'f', 1)
                           .arg(100 * r.baseline.knn_accuracy, 0, 'f', 1));
    }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::knnReady, this, &RunController::knnReady, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::evalProgress, this, &RunController::evalProgress, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::logLine, this, &RunController::logLine, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::finished, this, [this](bool cancelled) {
        worker_->setPaused(false);
        setState(State::Idle);
        Q_EMIT finished(cancelled);
    }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& message) {
        worker_->setPaused(false);
        setState(State::Idle);
        Q_EMIT failed(message);
    }, Qt::QueuedConnection);

    // Steps are coalesced by the worker; a slow timer flushes the newest one while a run is active.
    flushTimer_ = new QTimer(this);
    flushTimer_->setInterval(250);
    connect(flushTimer_, &QTimer::timeout, this, [this] { worker_->flushSteps(); });
}

RunController::~RunController() {
    worker_->cancel();
    thread_.quit();
    thread_.wait();
}

void RunController::setState(State s) {
    if (s == state_) return;
    state_ = s;
    if (s == State::Idle) flushTimer_->stop();
    else if (!flushTimer_->isActive()) flushTimer_->start();
    Q_EMIT stateChanged(s);
}

QString RunController::newRunDirectory(const QString& runsFolder) {
    const QString stamp = QDateTime::currentDateTime().toString("'run-'yyyyMMdd-HHmmss");
    QString dir = QDir(runsFolder).filePath(stamp);
    for (int i = 2; QFileInfo::exists(dir); ++i) dir = QDir(runsFolder).filePath(stamp + QString("-%1").arg(i));
    return dir;
}

QString RunController::start(const RunConfig& cfg, const QString& runsFolder) {
    if (isActive()) return tr("A run is already active.");
    const auto errors = validate(cfg);
    if (!errors.empty())
        return QString::fromStdString(errors.front().field + ": " + errors.front().message);
    if (!QDir().mkpath(runsFolder)) return tr("Cannot create the runs folder %1.").arg(runsFolder);
    const QString dir = newRunDirectory(runsFolder);
    processes_ = cfg.system.processes;
    setState(State::Starting);
    TrainingWorker* w = worker_;
    QMetaObject::invokeMethod(worker_, [w, cfg, dir] { w->startNew(cfg, dir); }, Qt::QueuedConnection);
    Q_EMIT logLine(tr("Starting a run in %1").arg(QDir::toNativeSeparators(dir)));
    return {};
}

QString RunController::resume() {
    if (isActive()) return tr("A run is already active.");
    if (runDir_.isEmpty()) return tr("No run is open.");
    const QString dir = runDir_;
    setState(State::Starting);
    TrainingWorker* w = worker_;
    QMetaObject::invokeMethod(worker_, [w, dir] { w->resume(dir); }, Qt::QueuedConnection);
    Q_EMIT logLine(tr("Continuing %1 from its last checkpoint").arg(QDir::toNativeSeparators(dir)));
    return {};
}

bool RunController::togglePause() {
    if (!canPause()) return false;
    if (state_ == State::Running) {
        worker_->setPaused(true);
        worker_->flushSteps();
        setState(State::Paused);
        return true;
    }
    if (state_ == State::Paused) {
        worker_->setPaused(false);
        setState(State::Running);
        return true;
    }
    return false;
}

void RunController::stop() {
    if (state_ == State::Idle || state_ == State::Stopping) return;
    worker_->cancel();
    setState(State::Stopping);
}

bool RunController::setRunDir(const QString& dir) {
    if (isActive()) return false;
    runDir_ = QFileInfo(dir).absoluteFilePath();
    processes_ = 1;
    return true;
}

}  // namespace dino::ui
