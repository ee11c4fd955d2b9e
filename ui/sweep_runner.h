// A sweep run from the GUI: `dino sweep SPEC --out DIR` (or `dino sweep --resume DIR`) as a child
// process of the window, never waited on. Its progress (trials ended / total, running) is read from
// DIR/sweep-state.json about once a second on a BackgroundTask (no file I/O on the GUI thread). stop()
// sends SIGINT, as Ctrl-C in a terminal: the sweep stops its running trials after their current step
// (each keeps last.ckpt) and exits 3; `dino sweep --resume DIR` (resume()) continues it. One sweep at a
// time per window. SweepProgressWidget shows it in the status bar with a Stop button.
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace dino::ui {

class SweepRunner : public QObject {
    Q_OBJECT
public:
    explicit SweepRunner(QObject* parent = nullptr);
    // A sweep still running is interrupted (SIGINT) and waited for (its trials write their checkpoints).
    ~SweepRunner() override;

    // The `dino` program that runs sweeps: $DINO_CLI, else the one beside this program.
    static QString dinoExecutable();

    // Starts `dino sweep spec --out dir`; "" or why not (nothing started then).
    QString start(const QString& specPath, const QString& dir);
    // Starts `dino sweep --resume dir` (with --retry-failed: its failed trials run again); "" or why not.
    QString resume(const QString& dir, bool retryFailed = false);
    // SIGINT to the sweep (a no-op when none runs).
    void stop();
    bool isRunning() const { return process_ != nullptr; }
    bool isStopping() const { return stopping_; }
    QString sweepDir() const { return dir_; }
    int trialsEnded() const { return ended_; }
    int trialsTotal() const { return total_; }
    int trialsRunning() const { return running_; }
    // The sweep's output (what `dino sweep` prints), its last lines.
    QString output() const { return output_.join('\n'); }
    void setPollInterval(int ms) { pollMs_ = ms; }
    // Waits (blocking, up to ms) for a stopped sweep to end: only for the window's last moments.
    bool waitForEnd(int ms);

Q_SIGNALS:
    void started(const QString& dir);
    void progressChanged(int ended, int total, int running);
    // exitCode: 0 the sweep ended (every trial or its budget), 3 stopped (resumable), else it failed;
    // message: one line (the last lines of its output for a failure).
    void finished(int exitCode, const QString& message);

private:
    QString launch(const QStringList& args, const QString& dir);
    void poll();
    void onFinished(int code, QProcess::ExitStatus status);

    QProcess* process_ = nullptr;
    QTimer* timer_ = nullptr;
    QString dir_;
    QStringList output_;
    int ended_ = 0, total_ = 0, running_ = 0;
    int pollMs_ = 1000;
    int generation_ = 0;
    bool polling_ = false;
    bool stopping_ = false;
};

// "Sweep sw-1: 3/8 trials ended, 1 running" with a bar and Stop, for the status bar; hidden when no
// sweep runs.
class SweepProgressWidget : public QWidget {
    Q_OBJECT
public:
    SweepProgressWidget(SweepRunner* runner, QWidget* parent = nullptr);
    QString text() const;

private:
    void update(int ended, int total, int running);
    SweepRunner* runner_;
    QLabel* label_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QToolButton* stop_ = nullptr;
};

}  // namespace dino::ui
