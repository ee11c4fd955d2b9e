// Live training through the real window and the real engine on the bundled sample, with a tiny
// model: Start trains and the charts receive points while the event loop stays responsive,
// Pause/Resume/Stop work, Evaluate fills the accuracy view, the pseudo-label histogram is
// populated, every export writes a readable file, a run folder reopens with the same curves,
// closing during training stops cleanly, and engine errors become messages.
#include "api/run_directory.h"
#include "api/training_run.h"
#include "background_task.h"
#include "config_form.h"
#include "evaluation_panel.h"
#include "main_window.h"
#include "plot_widget.h"
#include "preview_panel.h"
#include "pseudo_label_panel.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>

using namespace dino;
using namespace dino::ui;

namespace {

// The GUI thread's time waiting for a CPU so far (ns): the second field of the kernel's schedstat of this
// thread; -1 where the kernel does not say.
qint64 runQueueWaitNs() {
    QFile f("/proc/thread-self/schedstat");
    if (!f.open(QIODevice::ReadOnly)) return -1;
    const QList<QByteArray> fields = f.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields[1].toLongLong() : -1;
}

// Measures the longest gap between ticks of a 10 ms timer: the GUI thread's worst stall. A stall is the
// time the thread was unavailable because it was working or blocked; the time it only waited for a CPU
// (a busy 2-core machine: the training threads, a parallel build) is taken out, from the kernel's
// schedstat, so that the bound below tests the code and not the machine's load.
class LatencyProbe : public QObject {
public:
    LatencyProbe() {
        timer_.setInterval(10);
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            const qint64 wait = runQueueWaitNs();
            if (last_ >= 0) {
                const double gap = (now - last_) / 1e6;
                const double queued = wait >= 0 && lastWait_ >= 0 ? (wait - lastWait_) / 1e6 : 0.0;
                maxGap_ = std::max(maxGap_, gap);
                maxStall_ = std::max(maxStall_, gap - queued);
                gaps_.push_back(gap);
            }
            last_ = now;
            lastWait_ = wait;
        });
    }
    void start() {
        clock_.start();
        last_ = -1;
        maxGap_ = maxStall_ = 0;
        gaps_.clear();
        timer_.start();
    }
    void stop() { timer_.stop(); }
    double maxGapMs() const { return maxGap_; }
    // The longest stall beyond the 10 ms period, without the time spent waiting for a CPU.
    double maxDelayMs() const { return maxStall_ - 10.0; }
    double percentile(double p) const {
        if (gaps_.isEmpty()) return 0;
        QVector<double> g = gaps_;
        std::sort(g.begin(), g.end());
        return g[std::min<int>(g.size() - 1, static_cast<int>(p * g.size()))];
    }
    int ticks() const { return gaps_.size(); }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = -1, lastWait_ = -1;
    double maxGap_ = 0, maxStall_ = 0;
    QVector<double> gaps_;
};

QByteArray head(const QString& path, int n) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.read(n);
}

struct Curve {
    QVector<double> keys, values;
};
Curve curve(QCPGraph* g) {
    Curve c;
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
        c.keys.push_back(it->key);
        c.values.push_back(it->value);
    }
    return c;
}

}  // namespace

class TestGuiTraining : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<MainWindow> w_;
    QString firstRun_;
    Curve liveLoss_, liveEntropy_, liveLr_;

    // The form filled as a user would for a plumbing run: a 2-block, 32-wide ViT.
    void fillTinyConfig(int epochs, int stepsPerEpoch) {
        ConfigForm* f = w_->configForm();
        f->setConfig(presetConfig("quick"));
        f->setFieldText("model.embed_dim", "32");
        f->setFieldText("model.depth", "2");
        f->setFieldText("model.num_heads", "2");
        f->setFieldText("model.out_dim", "16");
        f->setFieldText("optim.batch_size", "16");
        f->setFieldText("optim.epochs", QString::number(epochs));
        f->setFieldText("optim.max_steps_per_epoch", QString::number(stepsPerEpoch));
        f->setFieldText("data.subset", "128");
        f->setFieldText("system.threads", "1");
        f->setFieldText("system.precision", "fp32");  // the same numbers on every CPU
        f->setFieldText("eval.batch_size", "128");
        QVERIFY2(f->isValid(), qPrintable(f->firstProblem()));
        w_->tabs()->setCurrentWidget(w_->trainingPanel());
    }

    // The finished 6-step run that the later tests open, with the curves seen live. The first test trains it;
    // a test run on its own (test_gui_training evaluateFillsTheAccuracyView) trains it here, so that no test
    // depends on another having run before it.
    void keepFirstRun() {
        firstRun_ = w_->runDir();
        TrainingPanel* tp = w_->trainingPanel();
        liveLoss_ = curve(tp->lossPlot()->graph(0));
        liveEntropy_ = curve(tp->collapsePlot()->graph(0));
        liveLr_ = curve(tp->schedulePlot(0)->graph(0));
    }
    void trainFirstRun() {
        fillTinyConfig(2, 3);
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        w_->startTraining();
        QVERIFY(finished.wait(600000));
        QCOMPARE(finished.first().first().toBool(), false);
        QTRY_VERIFY_WITH_TIMEOUT(w_->pseudoLabelPanel()->hasReport(), 60000);
        keepFirstRun();
    }
#define NEED_FIRST_RUN()                             \
    do {                                             \
        if (firstRun_.isEmpty()) trainFirstRun();    \
        if (QTest::currentTestFailed()) return;      \
        QCOMPARE(w_->openRun(firstRun_), QString()); \
    } while (0)

    // The number N of the engine's "paused after N steps" among the controller's log lines, or -1.
    static int pausedAfter(const QSignalSpy& logs) {
        static const QRegularExpression re("^paused after (\\d+) steps$");
        for (const auto& args : logs) {
            const auto m = re.match(args.first().toString());
            if (m.hasMatch()) return m.captured(1).toInt();
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_training");
        QVERIFY(tmp_.isValid());
        w_ = std::make_unique<MainWindow>();
        w_->setAskBeforeClosing(false);
        w_->setShowErrorDialogs(false);
        w_->setRunsFolder(tmp_.filePath("runs"));
        w_->resize(1366, 768);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
    }

    void startTrainsAndChartsReceivePoints() {
        fillTinyConfig(2, 3);
        QVERIFY(w_->configForm()->config().eval.eval_at_end);
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        LatencyProbe probe;
        probe.start();
        QElapsedTimer t;
        t.start();
        QTest::mouseClick(w_->trainingPanel()->startButton(), Qt::LeftButton);
        QVERIFY(w_->isTraining());
        QVERIFY(!w_->trainingPanel()->startButton()->isEnabled());
        QVERIFY(finished.wait(600000));
        probe.stop();
        QCOMPARE(finished.first().first().toBool(), false);  // not cancelled
        QVERIFY2(w_->lastError().isEmpty(), qPrintable(w_->lastError()));

        TrainingPanel* tp = w_->trainingPanel();
        QCOMPARE(tp->stepCount(), 6);
        QCOMPARE(tp->lossPlot()->graph(0)->dataCount(), 6);
        QCOMPARE(tp->lossPlot()->graph(1)->dataCount(), 6);
        QCOMPARE(tp->collapsePlot()->graph(0)->dataCount(), 6);
        QCOMPARE(tp->collapsePlot()->graph(1)->dataCount(), 6);
        for (int i = 0; i < 4; ++i) QCOMPARE(tp->schedulePlot(i)->graph(0)->dataCount(), 6);  // the whole plan
        for (const auto& m : tp->steps()) {
            QVERIFY(std::isfinite(m.loss) && m.loss > 0);
            QVERIFY(m.teacher_entropy >= 0);
        }
        QVERIFY(tp->progressText().contains("2/2"));
        QVERIFY(tp->progressText().contains("6/6"));
        QVERIFY(w_->findChild<QLabel*>("statusProgressText")->text().contains("6/6"));
        QCOMPARE(tp->state(), TrainingPanel::State::Idle);
        QVERIFY(tp->startButton()->isEnabled());
        // Replots are coalesced: never more than one per kReplotMs (+ the final ones).
        QVERIFY(tp->lossPlot()->replotCount() <= t.elapsed() / PlotWidget::kReplotMs + 2);
        // The evaluation at the end of training reached the evaluation panel.
        QTRY_VERIFY_WITH_TIMEOUT(w_->evaluationPanel()->hasReport(), 10000);
        // And the engine's pseudo-labels of the end of training the histogram.
        QTRY_VERIFY_WITH_TIMEOUT(w_->pseudoLabelPanel()->hasReport(), 60000);

        qInfo("training 6 tiny steps + eval took %lld ms; event loop: %d ticks, max gap %.1f ms (%.1f ms without "
              "waiting for a CPU), p99 %.1f ms",
              static_cast<long long>(t.elapsed()), probe.ticks(), probe.maxGapMs(), probe.maxDelayMs() + 10,
              probe.percentile(0.99));
        QVERIFY2(probe.maxDelayMs() < 100.0, qPrintable(QString("GUI thread stalled %1 ms").arg(probe.maxDelayMs())));
        keepFirstRun();
        QVERIFY(QFileInfo::exists(firstRun_ + "/metrics.csv"));
    }

    void pauseResumeAndStop() {
        fillTinyConfig(40, 5);
        TrainingPanel* tp = w_->trainingPanel();
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        QTest::mouseClick(tp->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() >= 2, 120000);
        QCOMPARE(tp->state(), TrainingPanel::State::Running);

        QSignalSpy logs(w_->runController(), &RunController::logLine);
        QTest::mouseClick(tp->pauseButton(), Qt::LeftButton);
        QCOMPARE(tp->state(), TrainingPanel::State::Paused);
        QCOMPARE(tp->pauseButton()->text(), QString("Resume"));
        QVERIFY(!w_->action("start")->isEnabled());
        QCOMPARE(w_->action("pause")->text(), QString("&Resume"));
        // The engine says when its step loop has stopped, after the step in flight: from then on no
        // step can come, so the panel holds exactly those steps once they are flushed.
        QTRY_VERIFY_WITH_TIMEOUT(pausedAfter(logs) >= 2, 60000);
        const int paused = pausedAfter(logs);
        QTRY_COMPARE_WITH_TIMEOUT(tp->stepCount(), paused, 10000);
        QCoreApplication::processEvents();
        QCOMPARE(tp->stepCount(), paused);  // no step while paused
        QVERIFY(tp->logText().contains(QString("paused after %1 steps").arg(paused)));

        QTest::mouseClick(tp->pauseButton(), Qt::LeftButton);
        QCOMPARE(tp->state(), TrainingPanel::State::Running);
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() > paused, 60000);
        QVERIFY(tp->logText().contains(QString("resumed at step %1").arg(paused + 1)));

        QTest::mouseClick(tp->stopButton(), Qt::LeftButton);
        QCOMPARE(tp->state(), TrainingPanel::State::Stopping);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);  // cancelled
        QCOMPARE(tp->state(), TrainingPanel::State::Idle);
        QVERIFY(tp->stepCount() < 40 * 5);
        const auto snap = api::loadRun(w_->runDir().toStdString());
        QCOMPARE(QString::fromStdString(snap.status), QString("cancelled"));
        QVERIFY(!snap.checkpoints.empty());
        QCOMPARE(static_cast<int>(snap.steps.size()), tp->stepCount());
        QVERIFY(w_->runsPanel()->findChild<QPushButton*>("continueButton")->isEnabled());
    }

    void twoProcessesCannotPauseAndStopTogether() {
        // System -> Processes = 2: this process is rank 0, the dino CLI rank 1 (DINO_CLI points to
        // the one of this build).
        qputenv("DINO_CLI", DINO_CLI_PATH);
        fillTinyConfig(40, 5);
        w_->configForm()->setFieldText("system.processes", "2");
        QVERIFY2(w_->configForm()->isValid(), qPrintable(w_->configForm()->firstProblem()));
        TrainingPanel* tp = w_->trainingPanel();
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        QTest::mouseClick(tp->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() >= 2, 120000);
        QVERIFY(!tp->canPause());
        QVERIFY(!tp->pauseButton()->isEnabled());
        QVERIFY(tp->pauseButton()->toolTip().contains("2 processes"));
        QTest::mouseClick(tp->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);  // cancelled, by both ranks
        QVERIFY2(w_->lastError().isEmpty(), qPrintable(w_->lastError()));
        const QString dir = w_->runDir();
        QVERIFY(QFileInfo::exists(dir + "/log.rank1.txt"));
        QFile rank1(dir + "/log.rank1.txt");
        QVERIFY(rank1.open(QIODevice::ReadOnly));
        const auto snap = api::loadRun(dir.toStdString());
        QCOMPARE(QString::fromStdString(snap.status), QString("cancelled"));
        QCOMPARE(snap.plan.processes, 2);
        QVERIFY(QString::fromUtf8(rank1.readAll()).contains(QString("cancelled after %1 steps").arg(snap.steps.size())));
        // Back to one process for the tests after this one.
        w_->configForm()->setFieldText("system.processes", "1");
    }

    void evaluateFillsTheAccuracyView() {
        NEED_FIRST_RUN();
        EvaluationPanel* ep = w_->evaluationPanel();
        w_->tabs()->setCurrentWidget(ep);
        ep->clear();
        QVERIFY(!ep->hasReport());
        QVERIFY(ep->evaluateButton()->isEnabled());
        QSignalSpy done(ep, &EvaluationPanel::evaluated);
        LatencyProbe probe;
        probe.start();
        QTest::mouseClick(ep->evaluateButton(), Qt::LeftButton);
        QVERIFY(ep->isEvaluating());
        QVERIFY(done.wait(300000));
        probe.stop();
        const api::EvalReport& r = ep->report();
        // The accuracy, then its 95 % interval in brackets (test_gui_figures checks those numbers).
        QVERIFY(ep->summaryTable()->item(0, 0)->text().startsWith(QString("%1 % (").arg(100 * r.trained.nn1_accuracy, 0, 'f', 1)));
        QVERIFY(ep->summaryTable()->item(1, 1)->text().startsWith(QString("%1 % (").arg(100 * r.baseline.knn_accuracy, 0, 'f', 1)));
        QVERIFY(!ep->summaryTable()->item(2, 0)->text().isEmpty());
        QCOMPARE(ep->classTable()->rowCount(), 9);
        QVERIFY(ep->classTable()->item(0, 0)->text().contains("adipose"));
        int64_t cells = 0;
        for (const auto& row : r.trained.confusion)
            for (int64_t v : row) cells += v;
        QCOMPARE(cells, r.n_test);
        auto* map = qobject_cast<QCPColorMap*>(ep->confusionPlot()->plottable(0));
        QVERIFY(map);
        QCOMPARE(map->data()->keySize(), 9);
        QCOMPARE(ep->comparisonPlot()->plottableCount(), 4);  // teacher and random init, each with its interval bars
        qInfo("evaluation: event loop max gap %.1f ms", probe.maxGapMs());
        QVERIFY(probe.maxDelayMs() < 100.0);
    }

    void everyBackgroundComputationIsCancelledOnClose() {
        // Evaluation and pseudo-labels run as BackgroundTasks: the registry the main window cancels
        // and waits for on close holds them.
        NEED_FIRST_RUN();
        EvaluationPanel* ep = w_->evaluationPanel();
        QSignalSpy evalFailed(ep, &EvaluationPanel::failed);
        QTest::mouseClick(ep->evaluateButton(), Qt::LeftButton);
        QTest::mouseClick(w_->pseudoLabelPanel()->computeButton(), Qt::LeftButton);
        QVERIFY(BackgroundTask::running() >= 2);
        BackgroundTask::cancelAll(/*wait=*/true);  // returns when the work has stopped on every pool thread
        // Their ends are delivered on this thread, through the event loop.
        QTRY_COMPARE_WITH_TIMEOUT(BackgroundTask::running(), 0, 10000);
        QVERIFY(!ep->isEvaluating());
        QVERIFY(ep->evaluateButton()->isEnabled());
        QCOMPARE(evalFailed.count(), 0);  // a cancel is not a failure
    }

    void histogramIsPopulated() {
        NEED_FIRST_RUN();
        PseudoLabelPanel* pp = w_->pseudoLabelPanel();
        w_->tabs()->setCurrentWidget(pp);
        pp->clear();
        QSignalSpy done(pp, &PseudoLabelPanel::computed);
        QTest::mouseClick(pp->computeButton(), Qt::LeftButton);
        QVERIFY(done.wait(300000));
        const auto& r = pp->report();
        QCOMPARE(static_cast<int>(r.counts.size()), 16);
        QCOMPARE(pp->bars()->dataCount(), 16);
        int64_t sum = 0;
        for (int64_t c : r.counts) sum += c;
        QCOMPARE(sum, r.n_images);
        QVERIFY(r.used >= 1);
        pp->setSorted(true);
        const int64_t maxCount = *std::max_element(r.counts.begin(), r.counts.end());
        QCOMPARE(pp->bars()->data()->at(0)->value, static_cast<double>(maxCount));
        pp->setSorted(false);
        for (int i = 0; i < 16; ++i) QCOMPARE(pp->bars()->data()->at(i)->value, static_cast<double>(r.counts[i]));
        QVERIFY(pp->findChild<QLabel*>("pseudoStats")->text().contains(QString::number(r.used)));
        QVERIFY(pp->findChild<QLabel*>("pseudoNote")->text().contains("uniform"));
    }

    void everyExportWritesAReadableFile() {
        NEED_FIRST_RUN();
        const QString out = tmp_.filePath("exports");
        QDir().mkpath(out);
        QList<PlotWidget*> plots = w_->trainingPanel()->plots();
        plots += w_->evaluationPanel()->plots();
        plots << w_->pseudoLabelPanel()->histogramPlot();
        int n = 0;
        for (PlotWidget* p : plots) {
            const QString base = QDir(out).filePath(QString("chart%1").arg(n++));
            QCOMPARE(exportPlot(p, base + ".png", 800, 500), QString());
            QCOMPARE(exportPlot(p, base + ".jpg", 800, 500), QString());
            QCOMPARE(exportPlot(p, base + ".pdf", 800, 500), QString());
            QCOMPARE(exportPlot(p, base + ".svg", 800, 500), QString());
            QCOMPARE(head(base + ".png", 8), QByteArray("\x89PNG\r\n\x1a\n", 8));
            QCOMPARE(head(base + ".jpg", 3), QByteArray("\xff\xd8\xff", 3));
            QCOMPARE(head(base + ".pdf", 5), QByteArray("%PDF-"));
            QImage png(base + ".png"), jpg(base + ".jpg");
            QCOMPARE(png.size(), QSize(800, 500));
            QCOMPARE(jpg.size(), QSize(800, 500));
            QSvgRenderer svg(base + ".svg");
            QVERIFY(svg.isValid());
            QCOMPARE(svg.viewBox(), QRect(0, 0, 800, 500));  // the size is in mm; the view box in pixels
            const QByteArray svgText = head(base + ".svg", 1 << 22);
            QVERIFY(svgText.contains("<svg"));
            QVERIFY(svgText.contains("<polyline") || svgText.contains("<path"));
            QVERIFY(svgText.contains("<text"));
        }
        QVERIFY(exportPlot(plots.first(), QDir(out).filePath("x.bmpx"), 10, 10).contains("bmpx"));

        // Metrics CSV: the run's rows under the engine's header.
        const QString csv = QDir(out).filePath("metrics.csv");
        QCOMPARE(w_->exportMetricsCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QString::fromStdString(api::metricsCsvHeader()));
        QCOMPARE(lines.size(), 1 + 6);

        // Checkpoint "save as": a byte copy of the newest checkpoint.
        const auto snap = api::loadRun(firstRun_.toStdString());
        const QString ck = QDir(out).filePath("copy.ckpt");
        QCOMPARE(w_->saveCheckpointAs(ck), QString());
        QCOMPARE(QFileInfo(ck).size(), QFileInfo(QString::fromStdString(snap.checkpoints.back())).size());

        // Encoder as safetensors: 8-byte little-endian header length, then a JSON header.
        const QString st = QDir(out).filePath("encoder.safetensors");
        QSignalSpy exported(w_.get(), &MainWindow::encoderExported);
        w_->exportEncoder(st);
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        const QByteArray bytes = head(st, 1 << 20);
        QVERIFY(bytes.size() > 8);
        quint64 len = 0;
        for (int i = 7; i >= 0; --i) len = (len << 8) | static_cast<unsigned char>(bytes[i]);
        QVERIFY(len > 2 && static_cast<qint64>(len) + 8 <= QFileInfo(st).size());
        const auto header = nlohmann::json::parse(bytes.mid(8, static_cast<int>(len)).toStdString());
        QVERIFY(header.contains("cls_token"));
        QVERIFY(header.contains("__metadata__"));

        // Preview grid as PNG.
        w_->tabs()->setCurrentWidget(w_->previewPanel());
        w_->previewPanel()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!w_->previewPanel()->busy() && w_->previewPanel()->rows() > 0, 60000);
        const QString grid = QDir(out).filePath("grid.png");
        QCOMPARE(w_->exportPreviewGrid(grid), QString());
        QImage g(grid);
        QVERIFY(!g.isNull());
        QVERIFY(g.width() > 100);
    }

    void runFolderReopensWithTheSameCurves() {
        NEED_FIRST_RUN();
        MainWindow w2;
        w2.setShowErrorDialogs(false);
        QCOMPARE(w2.openRun(firstRun_), QString());
        const Curve loss = curve(w2.trainingPanel()->lossPlot()->graph(0));
        const Curve ent = curve(w2.trainingPanel()->collapsePlot()->graph(0));
        const Curve lr = curve(w2.trainingPanel()->schedulePlot(0)->graph(0));
        QCOMPARE(loss.keys, liveLoss_.keys);
        QCOMPARE(ent.keys, liveEntropy_.keys);
        QCOMPARE(lr.keys, liveLr_.keys);
        for (int i = 0; i < loss.values.size(); ++i) {
            QVERIFY(qAbs(loss.values[i] - liveLoss_.values[i]) <= 1e-6 * qAbs(liveLoss_.values[i]));
            QVERIFY(qAbs(ent.values[i] - liveEntropy_.values[i]) <= 1e-6 * qMax(1.0, qAbs(liveEntropy_.values[i])));
        }
        for (int i = 0; i < lr.values.size(); ++i) QVERIFY(qAbs(lr.values[i] - liveLr_.values[i]) <= 1e-9);
        QVERIFY(w2.evaluationPanel()->hasReport());
        QVERIFY(w2.pseudoLabelPanel()->hasReport());
        QCOMPARE(w2.configForm()->config().model.embed_dim, 32);
        QVERIFY(w2.runDir().endsWith(QFileInfo(firstRun_).fileName()));
        QCOMPARE(w2.openRun(tmp_.filePath("no-such-run")).isEmpty(), false);
    }

    void runsTabShowsDiskUseAndPrunes() {
        // A run of its own (4 epochs, every epoch snapshot kept), made through the engine facade.
        RunConfig cfg = presetConfig("tiny");
        cfg.eval.eval_at_end = false;
        cfg.optim.epochs = 4;
        cfg.system.keep_checkpoints = -1;
        const QString dir = tmp_.filePath("prune-run");
        {
            auto run = api::TrainingRun::create(cfg, dir.toStdString());
            api::TrainObserver quiet;
            QVERIFY(run->run(quiet) == api::RunOutcome::Finished);
        }
        MainWindow w2;
        w2.setShowErrorDialogs(false);
        QCOMPARE(w2.openRun(dir), QString());
        auto* details = w2.findChild<QTextBrowser*>("runDetails");
        QVERIFY(details);
        QVERIFY(details->toPlainText().contains("Disk use"));
        QVERIFY(details->toPlainText().contains("epoch_000.ckpt"));
        auto* prune = w2.findChild<QPushButton*>("pruneButton");
        QVERIFY(prune && prune->isEnabled());
        const auto before = api::loadRun(dir.toStdString());
        QCOMPARE(before.checkpoints.size(), size_t(5));

        QSignalSpy pruned(&w2, &MainWindow::checkpointsPruned);
        w2.pruneCheckpoints(1, 0);
        QVERIFY(pruned.wait(30000));
        QCOMPARE(pruned.first().at(1).toString(), QString());
        QVERIFY(pruned.first().at(0).toString().contains("3"));  // "Removed 3 checkpoints, freed ..."
        const auto after = api::loadRun(dir.toStdString());
        QCOMPARE(after.checkpoints.size(), size_t(2));  // epoch_003 and last.ckpt
        QVERIFY(after.checkpoint_bytes < before.checkpoint_bytes);
        QVERIFY(!details->toPlainText().contains("epoch_000.ckpt"));  // the tab was refreshed
        QVERIFY(details->toPlainText().contains("epoch_003.ckpt"));
    }

    void runControllerDrivesARunWithoutWidgets() {
        // The state machine alone: no window, no panel.
        RunController rc;
        QSignalSpy states(&rc, &RunController::stateChanged);
        QSignalSpy started(&rc, &RunController::runStarted);
        QSignalSpy steps(&rc, &RunController::stepsReady);
        QSignalSpy finished(&rc, &RunController::finished);
        QCOMPARE(rc.state(), RunController::State::Idle);
        QVERIFY(!rc.resume().isEmpty());  // no run yet
        RunConfig cfg = presetConfig("tiny");
        cfg.optim.epochs = 1;
        cfg.optim.max_steps_per_epoch = 2;
        cfg.eval.eval_at_end = false;
        RunConfig bad = cfg;
        bad.optim.lr = -1;
        QVERIFY(rc.start(bad, tmp_.filePath("controller")).contains("optim.lr"));
        QCOMPARE(rc.state(), RunController::State::Idle);
        QCOMPARE(rc.start(cfg, tmp_.filePath("controller")), QString());
        QCOMPARE(rc.state(), RunController::State::Starting);
        QVERIFY(!rc.start(cfg, tmp_.filePath("controller")).isEmpty());  // one run at a time
        QVERIFY(!rc.setRunDir(firstRun_));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(rc.state(), RunController::State::Idle);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toString(), rc.runDir());
        QVERIFY(rc.runDir().startsWith(tmp_.filePath("controller") + "/run-"));
        int n = 0;
        for (const auto& a : steps) n += a.first().value<QVector<api::StepMetrics>>().size();
        QCOMPARE(n, 2);
        QList<RunController::State> seen;
        for (const auto& a : states) seen << a.first().value<RunController::State>();
        QCOMPARE(seen, (QList<RunController::State>{RunController::State::Starting, RunController::State::Running,
                                                    RunController::State::Idle}));
        // Stop: Stopping until the engine has written its checkpoint, then Idle and finished(cancelled).
        cfg.optim.epochs = 40;
        finished.clear();
        steps.clear();
        QCOMPARE(rc.start(cfg, tmp_.filePath("controller")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!steps.isEmpty(), 120000);
        QVERIFY(rc.togglePause());
        QCOMPARE(rc.state(), RunController::State::Paused);
        rc.stop();  // a paused run stops too
        QCOMPARE(rc.state(), RunController::State::Stopping);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(rc.state(), RunController::State::Idle);
        rc.stop();  // idle: nothing to stop
        QCOMPARE(rc.state(), RunController::State::Idle);
        QVERIFY(rc.setRunDir(firstRun_.isEmpty() ? rc.runDir() : firstRun_));
    }

    void oneActionPerCommandInMenusToolbarAndButtons() {
        QToolBar* tb = w_->findChild<QToolBar*>("mainToolbar");
        QVERIFY(tb);
        for (const char* name : {"openRun", "saveConfig", "start", "pause", "stop", "evaluate"}) {
            QAction* a = w_->action(name);
            QVERIFY2(a, name);
            QVERIFY2(tb->actions().contains(a), name);
            bool inMenu = false;
            for (QAction* top : w_->menuBar()->actions())
                if (top->menu() && top->menu()->actions().contains(a)) inMenu = true;
            QVERIFY2(inMenu, name);
        }
        // The configuration buttons beside the preset box are the menu's actions.
        QSet<QAction*> buttons;
        for (auto* b : w_->findChildren<QToolButton*>())
            if (b->defaultAction()) buttons.insert(b->defaultAction());
        QVERIFY(buttons.contains(w_->action("openConfig")));
        QVERIFY(buttons.contains(w_->action("saveConfig")));
        // The preset box triggers the preset's action.
        QSignalSpy seed(w_->action("preset:seed"), &QAction::triggered);
        auto* box = w_->findChild<QComboBox*>("presetBox");
        const int i = box->findData("seed");
        QVERIFY(i > 0);
        box->setCurrentIndex(i);
        Q_EMIT box->activated(i);
        QCOMPARE(seed.count(), 1);
        QCOMPARE(w_->configForm()->config().optim.batch_size, 256);  // the seed preset is in the form
        // One state for all views of a command: disabled while idle.
        QVERIFY(!w_->action("stop")->isEnabled());
        QVERIFY(!w_->action("pause")->isEnabled());
    }

    void engineErrorsBecomeMessages() {
        fillTinyConfig(1, 1);
        w_->configForm()->setFieldText("data.dataset", tmp_.filePath("missing.npz"));
        QVERIFY(w_->configForm()->isValid());
        QSignalSpy failed(w_.get(), &MainWindow::trainingFailed);
        w_->startTraining();
        QVERIFY(failed.wait(60000));
        QVERIFY(failed.first().first().toString().contains("missing.npz"));
        QVERIFY(w_->lastError().contains("missing.npz"));
        QCOMPARE(w_->trainingPanel()->state(), TrainingPanel::State::Idle);
    }

    void closingDuringTrainingStopsCleanly() {
        fillTinyConfig(40, 5);
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        w_->startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(w_->trainingPanel()->stepCount() >= 1, 120000);
        const QString dir = w_->runDir();
        w_->close();
        QVERIFY(w_->isVisible());  // still up, showing "Stopping…"
        QCOMPARE(w_->trainingPanel()->state(), TrainingPanel::State::Stopping);
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY(!w_->isVisible());
        const auto snap = api::loadRun(dir.toStdString());
        QCOMPARE(QString::fromStdString(snap.status), QString("cancelled"));
        QVERIFY(!snap.checkpoints.empty());
    }

    void cleanupTestCase() { w_.reset(); }
};

QTEST_MAIN(TestGuiTraining)
#include "test_gui_training.moc"
