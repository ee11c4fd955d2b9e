// One background computation of a panel (the QGIS QgsTask pattern): the work runs on Qt's thread
// pool with a cancel flag and a progress callback; progress and the end are delivered on the GUI
// thread. Every task registers itself, so that the main window can cancel and wait for all of them
// on close. Every background computation of the GUI runs through it: evaluation, pseudo-labels, the
// augmentation preview, dataset inspection and download, checkpoint pruning, encoder export, and the
// Attention and Embedding map tabs. (Training has its own worker thread, training_worker.h.)
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QProgressBar;

namespace dino::ui {

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using ProgressFn = std::function<void(qint64 done, qint64 total)>;
    // Runs on a pool thread; reports through progress; polls cancel; throws to fail.
    using Work = std::function<void(const std::atomic<bool>* cancel, const ProgressFn& progress)>;

    // Starts `work`; the task deletes itself after finished() has been emitted.
    static BackgroundTask* start(QObject* owner, Work work);

    // Shows the task on bar: busy until the first report, then done/total; at the end full when it
    // succeeded, empty when it failed or was cancelled.
    void showProgressOn(QProgressBar* bar);

    void cancel() { cancel_->store(true); }
    bool isCancelled() const { return cancel_->load(); }

    // Cancels every task still running and waits for each to end (main window close).
    static void cancelAll(bool wait = true);
    static int running();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // error: empty on success; cancelled: the work stopped on the cancel flag.
    void finished(const QString& error, bool cancelled);

private:
    explicit BackgroundTask(QObject* owner);
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<void> watcher_;
    QString error_;
    bool cancelled_ = false;
};

}  // namespace dino::ui
