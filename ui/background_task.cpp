#include "background_task.h"


#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QProgressBar>
#include <QtConcurrent>

#include <stdexcept>

namespace dino::ui {

namespace {
QList<QPointer<BackgroundTask>>& registry() {
    static QList<QPointer<BackgroundTask>> tasks;
    return tasks;
}
}  // namespace

BackgroundTask::BackgroundTask(QObject* owner) : QObject(owner) {}

BackgroundTask* BackgroundTask::start(QObject* owner, Work work) {
    auto* t = new BackgroundTask(owner);
    registry().append(t);
    QPointer<BackgroundTask> self(t);
    auto cancel = t->cancel_;
    auto error = std::make_shared<QString>();
    auto cancelled = std::make_shared<bool>(false);
    connect(&t->watcher_, &QFutureWatcher<void>::finished, t, [t, error, cancelled] {
        registry().removeAll(QPointer<BackgroundTask>(t));
        Q_EMIT t->finished(*error, *cancelled || t->isCancelled());
        t->deleteLater();
    });
    t->watcher_.setFuture(QtConcurrent::run([work = std::move(work), cancel, self, error, cancelled] {
        const ProgressFn progress = [self](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                self.data(), [self, done, total] { if (self) Q_EMIT self->progress(done, total); },
                Qt::QueuedConnection);
        };
        try {
            work(cancel.get(), progress);
        } catch (const std::exception& e) {
            if (cancel->load()) *cancelled = true;
            else *error = QString::fromStdString(e.what());
        } catch (...) {
            *error = QStringLiteral("unknown error");
        }
    }));
    return t;
}

void BackgroundTask::showProgressOn(QProgressBar* bar) {
    bar->setRange(0, 0);
    connect(this, &BackgroundTask::progress, bar, [bar](qint64 done, qint64 total) {
        bar->setRange(0, int(total));
        bar->setValue(int(done));
    });
    connect(this, &BackgroundTask::finished, bar, [bar](const QString& error, bool cancelled) {
        bar->setRange(0, 1);
        bar->setValue(error.isEmpty() && !cancelled ? 1 : 0);
    });
}

void BackgroundTask::cancelAll(bool wait) {
    const auto tasks = registry();
    for (const auto& t : tasks)
        if (t) t->cancel();
    if (!wait) return;
    for (const auto& t : tasks)
        if (t) t->watcher_.waitForFinished();
}

int BackgroundTask::running() { return int(registry().size()); }

}  // namespace dino::ui
