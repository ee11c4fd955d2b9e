#include "run_follower_view.h"

#include "background_task.h"

#include <QTimer>

namespace dino::ui {

RunFollowerView::RunFollowerView(QObject* parent) : QObject(parent) {
    registerMetaTypes();
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &RunFollowerView::pollNow);
    watchTimer_ = new QTimer(this);
    watchTimer_->setSingleShot(true);
    connect(watchTimer_, &QTimer::timeout, this, &RunFollowerView::checkWatched);
}

RunFollowerView::~RunFollowerView() { stop(); }

QString RunFollowerView::describe(const api::RunWriter& w) {
    if (w.pid <= 0) return tr("training in another process");  // between the lock and writer.json
    return w.host.empty() ? tr("training in another process (pid %1)").arg(w.pid)
                          : tr("training in another process (pid %1, %2)").arg(w.pid).arg(qs(w.host));
}

void RunFollowerView::follow(const QString& dir) {
    stop();
    watchDir_.clear();
    watchTimer_->stop();
    dir_ = dir;
    follower_ = std::make_shared<api::RunFollower>(ss(dir));
    active_ = true;
    polls_ = 0;
    status_.clear();
    writerText_.clear();
    ++generation_;
    // A poll of the previous run still in flight: this run's first poll follows when it returns.
    if (!inFlight_) timer_->start(0);
}

void RunFollowerView::stop() {
    watchDir_.clear();
    watchTimer_->stop();
    timer_->stop();
    if (!active_) return;
    active_ = false;
    ++generation_;  // a poll in flight is dropped
    follower_.reset();
    writerText_.clear();
}

void RunFollowerView::watch(const QString& dir) {
    stop();
    watchDir_ = dir;
    watchTimer_->start(watchMs_);
}

void RunFollowerView::checkWatched() {
    if (watchDir_.isEmpty() || watchInFlight_) return;
    watchInFlight_ = true;
    const QString dir = watchDir_;
    auto held = std::make_shared<bool>(false);
    auto* task = BackgroundTask::start(this, [dir, held](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *held = api::runWriterAny(ss(dir)).has_value();
    });
    connect(task, &BackgroundTask::finished, this, [this, dir, held](const QString& error, bool cancelled) {
        watchInFlight_ = false;
        if (cancelled || dir != watchDir_) return;  // watching ended or moved meanwhile
        if (error.isEmpty() && *held) {
            watchDir_.clear();
            Q_EMIT writerAppeared(dir);
            return;
        }
        watchTimer_->start(watchMs_);
    });
}

void RunFollowerView::pollNow() {
    if (!active_ || inFlight_) return;
    inFlight_ = true;
    const int gen = generation_;
    auto follower = follower_;  // the task keeps it alive; only one task uses it at a time
    auto update = std::make_shared<api::RunUpdate>();
    auto* task = BackgroundTask::start(this, [follower, update](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *update = follower->poll();
    });
    connect(task, &BackgroundTask::finished, this, [this, gen, follower, update](const QString& error, bool cancelled) {
        inFlight_ = false;
        if (gen != generation_ || !active_) {
            if (active_) timer_->start(0);  // another run was chosen meanwhile: its first poll now
            return;
        }
        if (cancelled) return;  // the window closes
        if (!error.isEmpty()) {
            stop();
            Q_EMIT failed(error);
            return;
        }
        const bool first = polls_++ == 0;
        apply(*update, first);
        if (gen != generation_ || !active_) return;  // a receiver stopped following
        if (!follower->writerActive()) {
            // This poll read the files after it saw the writer gone: it has the writer's last rows.
            active_ = false;
            follower_.reset();
            Q_EMIT ended(status_);
            return;
        }
        timer_->start(intervalMs_);
    });
}

void RunFollowerView::apply(api::RunUpdate& u, bool first) {
    const int gen = generation_;
    if (u.status_changed) status_ = qs(u.status);
    const QString writer = u.writer ? describe(*u.writer) : QString();
    QVector<api::StepMetrics> steps(u.steps.begin(), u.steps.end());
    QVector<api::KnnPoint> knn(u.knn.begin(), u.knn.end());
    if (first || u.metrics_reset) Q_EMIT stepsReset(steps);
    else if (!steps.isEmpty()) Q_EMIT stepsAppended(steps);
    if (gen != generation_) return;
    if (first || u.knn_reset) Q_EMIT knnReset(knn);
    else if (!knn.isEmpty()) Q_EMIT knnAppended(knn);
    if (gen != generation_) return;
    if (u.eval_changed && u.eval) Q_EMIT evalChanged(*u.eval);
    if (gen != generation_) return;
    if (first) u.metrics_reset = u.knn_reset = true;  // the rows are the whole files
    if (u.any() || first) Q_EMIT updated(u);
    if (gen != generation_) return;
    if (writer != writerText_ || first) {
        writerText_ = writer;
        Q_EMIT writerChanged(writer);
    }
}

}  // namespace dino::ui
