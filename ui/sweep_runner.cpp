#include "sweep_runner.h"

#include "background_task.h"
#include "qt_types.h"

#include "api/sweep.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <array>
#include <csignal>
#include <memory>

namespace dino::ui {

namespace {
constexpr int kOutputLines = 200;
}

SweepRunner::SweepRunner(QObject* parent) : QObject(parent) {
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &SweepRunner::poll);
}

SweepRunner::~SweepRunner() {
    if (!process_) return;
    disconnect(process_, nullptr, this, nullptr);
    if (!stopping_) ::kill(static_cast<pid_t>(process_->processId()), SIGINT);
    // A killed `dino sweep` would leave its trials running without it: give it time to stop them.
    if (!process_->waitForFinished(120000)) process_->kill();
}

QString SweepRunner::dinoExecutable() {
    const QByteArray env = qgetenv("DINO_CLI");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("dino"));
}

QString SweepRunner::start(const QString& specPath, const QString& dir) {
    return launch({QStringLiteral("sweep"), specPath, QStringLiteral("--out"), dir}, dir);
}

QString SweepRunner::resume(const QString& dir, bool retryFailed) {
    if (!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("sweep-state.json"))))
        return tr("%1 is not a sweep folder (it has no sweep-state.json).").arg(QDir::toNativeSeparators(dir));
    QStringList args{QStringLiteral("sweep"), QStringLiteral("--resume"), dir};
    if (retryFailed) args << QStringLiteral("--retry-failed");
    return launch(args, dir);
}

QString SweepRunner::launch(const QStringList& args, const QString& dir) {
    if (process_) return tr("A sweep is already running (%1); stop it first.").arg(QDir::toNativeSeparators(dir_));
    const QString exe = dinoExecutable();
    if (!QFileInfo(exe).isExecutable())
        return tr("The dino command-line program was not found at %1; it runs the sweep's trials. Build it "
                  "(ninja dino) or set DINO_CLI to its path.")
            .arg(QDir::toNativeSeparators(exe));
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    connect(process_, &QProcess::readyRead, this, [this] {
        while (process_ && process_->canReadLine()) {
            output_ << QString::fromLocal8Bit(process_->readLine()).trimmed();
            if (output_.size() > kOutputLines) output_.removeFirst();
        }
    });
    connect(process_, &QProcess::finished, this, &SweepRunner::onFinished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) onFinished(-1, QProcess::CrashExit);
    });
    dir_ = QFileInfo(dir).absoluteFilePath();
    output_.clear();
    ended_ = total_ = running_ = 0;
    stopping_ = false;
    ++generation_;
    process_->start(exe, args);
    Q_EMIT started(dir_);
    timer_->start(0);
    return {};
}

void SweepRunner::stop() {
    if (!process_ || stopping_) return;
    stopping_ = true;
    ::kill(static_cast<pid_t>(process_->processId()), SIGINT);
    Q_EMIT progressChanged(ended_, total_, running_);
}

bool SweepRunner::waitForEnd(int ms) { return !process_ || process_->waitForFinished(ms); }

void SweepRunner::poll() {
    if (!process_ || polling_) return;
    polling_ = true;
    const int gen = generation_;
    const std::string dir = ss(dir_);
    auto counts = std::make_shared<std::array<int, 3>>();
    auto* task = BackgroundTask::start(this, [dir, counts](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        if (!QFileInfo::exists(QString::fromStdString(dir + "/sweep-state.json"))) return;  // not created yet
        const api::SweepState s = api::loadSweepState(dir);
        (*counts)[1] = static_cast<int>(s.trials.size());
        for (const auto& t : s.trials) {
            if (t.state == "running") ++(*counts)[2];
            else if (t.state != "pending") ++(*counts)[0];
        }
    });
    connect(task, &BackgroundTask::finished, this, [this, gen, counts](const QString& error, bool cancelled) {
        polling_ = false;
        if (cancelled || gen != generation_) return;
        if (error.isEmpty() && (*counts)[1] > 0) {
            ended_ = (*counts)[0];
            total_ = (*counts)[1];
            running_ = (*counts)[2];
            Q_EMIT progressChanged(ended_, total_, running_);
        }
        if (process_) timer_->start(pollMs_);
    });
}

void SweepRunner::onFinished(int code, QProcess::ExitStatus status) {
    if (!process_) return;
    if (process_->bytesAvailable() > 0) output_ << QString::fromLocal8Bit(process_->readAll()).trimmed();
    const QString why = process_->error() == QProcess::FailedToStart ? process_->errorString() : QString();
    process_->deleteLater();
    process_ = nullptr;
    timer_->stop();
    ++generation_;
    QString message;
    if (status == QProcess::CrashExit && !why.isEmpty()) {
        message = tr("The sweep did not start: %1").arg(why);
        code = -1;
    } else if (status == QProcess::CrashExit) {
        message = tr("The sweep process ended abnormally (%1).").arg(output_.value(output_.size() - 1));
        code = -1;
    } else if (code == 0) {
        message = tr("Sweep finished: %1 (results in sweep-results.json)").arg(QDir::toNativeSeparators(dir_));
    } else if (code == 3) {
        message = tr("Sweep stopped; Training ▸ Resume sweep… continues it (%1)").arg(QDir::toNativeSeparators(dir_));
    } else {
        QStringList tail = output_.mid(std::max<qsizetype>(0, output_.size() - 4));
        tail.removeAll(QString());
        message = tr("The sweep failed (exit code %1): %2").arg(code).arg(tail.join(QStringLiteral(" / ")));
    }
    stopping_ = false;
    // The state as the sweep left it (read off the GUI thread), then the end.
    const std::string dir = ss(dir_);
    auto counts = std::make_shared<std::array<int, 3>>();
    auto* task = BackgroundTask::start(this, [dir, counts](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        if (!QFileInfo::exists(QString::fromStdString(dir + "/sweep-state.json"))) return;
        const api::SweepState s = api::loadSweepState(dir);
        (*counts)[1] = static_cast<int>(s.trials.size());
        for (const auto& t : s.trials) {
            if (t.state == "running") ++(*counts)[2];
            else if (t.state != "pending") ++(*counts)[0];
        }
    });
    connect(task, &BackgroundTask::finished, this, [this, counts, code, message](const QString& error, bool) {
        if (error.isEmpty() && (*counts)[1] > 0) {
            ended_ = (*counts)[0];
            total_ = (*counts)[1];
            running_ = (*counts)[2];
        }
        Q_EMIT progressChanged(ended_, total_, running_);
        Q_EMIT finished(code, message);
    });
}

// ---- the status bar's view ---------------------------------------------------------------------

SweepProgressWidget::SweepProgressWidget(SweepRunner* runner, QWidget* parent) : QWidget(parent), runner_(runner) {
    setObjectName("sweepProgress");
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    label_ = new QLabel(this);
    label_->setObjectName("sweepProgressText");
    bar_ = new QProgressBar(this);
    bar_->setMaximumWidth(120);
    bar_->setTextVisible(false);
    stop_ = new QToolButton(this);
    stop_->setObjectName("sweepStopButton");
    stop_->setIcon(QIcon(QStringLiteral(":/icons/stop.svg")));
    stop_->setToolTip(tr("Stop the sweep as Ctrl-C does: its trials stop after their current step and keep a "
                         "checkpoint; Training ▸ Resume sweep… continues it"));
    lay->addWidget(label_);
    lay->addWidget(bar_);
    lay->addWidget(stop_);
    hide();
    connect(stop_, &QToolButton::clicked, runner_, &SweepRunner::stop);
    connect(runner_, &SweepRunner::started, this, [this] {
        update(0, 0, 0);
        show();
    });
    connect(runner_, &SweepRunner::progressChanged, this, &SweepProgressWidget::update);
    connect(runner_, &SweepRunner::finished, this, [this] { hide(); });
}

QString SweepProgressWidget::text() const { return label_->text(); }

void SweepProgressWidget::update(int ended, int total, int running) {
    const QString name = QFileInfo(runner_->sweepDir()).fileName();
    QString t = total > 0 ? tr("Sweep %1: %2/%3 trials ended, %4 running").arg(name).arg(ended).arg(total).arg(running)
                          : tr("Sweep %1: starting…").arg(name);
    if (runner_->isStopping()) t += tr(" · stopping…");
    label_->setText(t);
    label_->setToolTip(QDir::toNativeSeparators(runner_->sweepDir()));
    bar_->setRange(0, std::max(1, total));
    bar_->setValue(ended);
    if (total == 0) bar_->setRange(0, 0);
    stop_->setEnabled(!runner_->isStopping());
}

}  // namespace dino::ui
