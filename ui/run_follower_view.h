// Following a run that another process writes (a `dino train` in a terminal, a sweep's trial, a run
// on a bigger machine whose folder is mounted here): while a writer holds the run's lock, an
// api::RunFollower is polled about once a second on a BackgroundTask (never two polls in flight, no
// file I/O on the GUI thread), and what each poll found is delivered as signals that feed the same
// views in-process training feeds (the main window connects them). When a poll finds the writer gone,
// that poll has read the writer's last rows (RunFollower reads the writer before the files): ended()
// follows and polling stops. Opening another run, starting training here or closing the window calls
// stop().
#pragma once

#include "qt_types.h"

#include "api/run_follower.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

class QTimer;

namespace dino::ui {

class RunFollowerView : public QObject {
    Q_OBJECT
public:
    explicit RunFollowerView(QObject* parent = nullptr);
    ~RunFollowerView() override;

    // Follows dir (absolute) from now on, replacing a run followed before; the first poll starts at once
    // and returns everything the files hold (delivered as a reset, so that views drop what they had).
    void follow(const QString& dir);
    // Stops following (and watching); a poll in flight is dropped when it returns.
    void stop();
    // Watches dir, a run shown that nobody writes now: every few seconds a background task asks whether
    // a process took its lock (a `dino resume` in a terminal, a sweep resuming its trial); writerAppeared
    // then says so (the main window follows it). follow() and stop() end watching.
    void watch(const QString& dir);
    bool isWatching() const { return !watchDir_.isEmpty(); }
    void setWatchInterval(int ms) { watchMs_ = ms; }
    bool isFollowing() const { return active_; }
    QString runDir() const { return dir_; }
    // The poll interval (default 1000 ms), for tests.
    void setInterval(int ms) { intervalMs_ = ms; }
    // Polls done for the run followed now, for tests.
    int polls() const { return polls_; }
    // "training in another process (pid 4242, gpu-box)", or "" when no writer was seen at the last poll.
    QString writerText() const { return writerText_; }
    static QString describe(const api::RunWriter& w);

Q_SIGNALS:
    // New rows of metrics.csv / knn.csv, in order.
    void stepsAppended(const QVector<dino::api::StepMetrics>& steps);
    void knnAppended(const QVector<dino::api::KnnPoint>& points);
    // The whole file again (the first poll, or the writer replaced the file: a resume drops the steps it
    // redoes): views replace the rows they had.
    void stepsReset(const QVector<dino::api::StepMetrics>& steps);
    void knnReset(const QVector<dino::api::KnnPoint>& points);
    void evalChanged(const dino::api::EvalReport& report);
    // Every poll that changed something, for the Runs tab's summary (status, collapse, checkpoints).
    void updated(const dino::api::RunUpdate& update);
    // The writer seen by a poll changed: its description (writerText()), "" when it is gone.
    void writerChanged(const QString& text);
    // The writer is gone and its last rows were delivered: status.json's status ("finished",
    // "cancelled", "failed: ...").
    void ended(const QString& status);
    // A poll failed (a malformed row, an unreadable status.json): following stops.
    void failed(const QString& message);
    // A process took the lock of the run watched (watch()); watching stops.
    void writerAppeared(const QString& dir);

private:
    void pollNow();
    void checkWatched();
    void apply(api::RunUpdate& u, bool first);

    QTimer* timer_ = nullptr;
    QTimer* watchTimer_ = nullptr;
    QString watchDir_;
    int watchMs_ = 3000;
    bool watchInFlight_ = false;
    std::shared_ptr<api::RunFollower> follower_;
    QString dir_;
    QString writerText_;
    QString status_;
    int intervalMs_ = 1000;
    int generation_ = 0;
    int polls_ = 0;
    bool active_ = false;
    bool inFlight_ = false;
};

}  // namespace dino::ui
