// Following a run that another process writes (issue 24, item 2): the main window opens a run whose
// lock someone else holds and its charts, progress, Runs tab and Evaluation tab follow the files as they
// grow, until the writer ends. First against files the test writes while holding the run's lock (every
// row known), then against a real `dino train` started as a process.
#include "evaluation_panel.h"
#include "main_window.h"
#include "plot_widget.h"
#include "run_follower_view.h"
#include "runs_panel.h"
#include "training_panel.h"

#include "../support/run_fixture.h"

#include "api/run_lock.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <fstream>
#include <memory>

using namespace dino;
using namespace dino::ui;

namespace {

void appendText(const std::string& path, const std::string& text) {
    std::ofstream f(path, std::ios::app | std::ios::binary);
    f << text;
}

api::StepMetrics stepRow(int64_t step, double loss) {
    api::StepMetrics m;
    m.step = step;
    m.loss = loss;
    m.images_per_s = 100;
    m.step_seconds = 0.5;
    m.elapsed_seconds = 0.5 * double(step + 1);
    m.teacher_entropy = 4.0;
    return m;
}

int lossPoints(const MainWindow& w) { return w.trainingPanel()->lossPlot()->graph(0)->dataCount(); }
QString runsDetails(const MainWindow& w) { return w.runsPanel()->findChild<QTextBrowser*>("runDetails")->toPlainText(); }

}  // namespace

class TestGuiFollow : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    void followsRowsAnotherWriterAppends() {
        const std::string dir = tmp_.filePath("held").toStdString();
        test::FixtureRun f;
        f.state = "running";
        f.steps = 4;
        f.eval = false;
        f.live_knn = {{2, 0.40}};
        test::writeFixtureRun(dir, f);
        auto lock = api::RunLock::acquire(dir, "test");  // the test is the other process

        MainWindow w;
        w.setShowErrorDialogs(false);
        w.setAskBeforeClosing(false);
        w.follower()->setInterval(20);
        w.follower()->setWatchInterval(20);
        QCOMPARE(w.openRun(QString::fromStdString(dir)), QString());
        QVERIFY(w.isFollowing());
        QTRY_VERIFY(w.follower()->polls() >= 1);
        QCOMPARE(lossPoints(w), 4);
        QCOMPARE(w.trainingPanel()->knnPlot()->graph(1)->dataCount(), 1);
        const QString who = QStringLiteral("training in another process (pid %1, %2)")
                                .arg(QCoreApplication::applicationPid())
                                .arg(QString::fromStdString(api::hostName()));
        QTRY_VERIFY2(w.trainingPanel()->progressText().contains(who), qPrintable(w.trainingPanel()->progressText()));
        QVERIFY(runsDetails(w).contains(who));
        QVERIFY(!w.action("continue")->isEnabled());

        // Rows appended by the writer appear, in order and with their values; a torn last line waits.
        appendText(api::runMetricsPath(dir), api::metricsCsvRow(stepRow(4, 4.25)) + "\n" +
                                                 api::metricsCsvRow(stepRow(5, 4.0)) + "\n");
        const std::string torn = api::metricsCsvRow(stepRow(6, 3.5));
        appendText(api::runMetricsPath(dir), torn.substr(0, torn.size() / 2));
        api::KnnPoint p;
        p.step = 5;
        p.knn_1nn = 0.45;
        p.knn_weighted = 0.5;
        p.baseline_1nn = p.baseline_weighted = 0.3;
        appendText(api::runKnnPath(dir), api::knnCsvRow(p) + "\n");
        QTRY_COMPARE(lossPoints(w), 6);
        QTRY_COMPARE(w.trainingPanel()->knnPlot()->graph(1)->dataCount(), 2);
        const auto* loss = w.trainingPanel()->lossPlot()->graph(0)->data().data();
        QCOMPARE(loss->at(5)->key, 5.0);
        QCOMPARE(loss->at(5)->value, 4.0);
        QCOMPARE(w.trainingPanel()->knnPlot()->graph(1)->data()->at(1)->value, 50.0);
        QVERIFY(w.trainingPanel()->progressText().contains(QStringLiteral("step 6/8")));
        QVERIFY(w.trainingPanel()->progressText().contains(who));
        const int polls = w.follower()->polls();
        QTRY_VERIFY(w.follower()->polls() >= polls + 2);
        QCOMPARE(lossPoints(w), 6);  // the half line is not a row
        appendText(api::runMetricsPath(dir), torn.substr(torn.size() / 2) + "\n");
        QTRY_COMPARE(lossPoints(w), 7);
        QTRY_VERIFY(runsDetails(w).contains(QStringLiteral("3.5000 at step 7")));

        // A checkpoint and the end evaluation appear in the Runs and Evaluation tabs.
        ensureDir(dir + "/checkpoints");
        writeFileAtomic(dir + "/checkpoints/epoch_0001.ckpt", "x");
        QTRY_VERIFY(runsDetails(w).contains(QStringLiteral("epoch_0001.ckpt")));
        QVERIFY(!w.evaluationPanel()->hasReport());
        api::EvalReport r;
        r.trained.knn_accuracy = 0.625;
        r.baseline.knn_accuracy = 0.25;
        writeFileAtomic(api::runEvalPath(dir), api::evalReportToJson(r));
        QTRY_VERIFY(w.evaluationPanel()->hasReport());
        QTRY_VERIFY(runsDetails(w).contains(QStringLiteral("62.5 %")));

        // A resume rewrites metrics.csv without the steps it redoes: the chart is redrawn from the file.
        std::string csv = api::metricsCsvHeader() + "\n";
        for (int s = 0; s < 3; ++s) csv += api::metricsCsvRow(stepRow(s, 5.0 - 0.5 * s)) + "\n";
        writeFileAtomic(api::runMetricsPath(dir), csv);
        QTRY_COMPARE(lossPoints(w), 3);
        QCOMPARE(w.trainingPanel()->steps().back().loss, 4.0);
        appendText(api::runMetricsPath(dir), api::metricsCsvRow(stepRow(3, 3.75)) + "\n");
        QTRY_COMPARE(lossPoints(w), 4);

        // The writer ends (its last rows, then the lock): one more poll reads them, then the run is stopped.
        QSignalSpy ended(&w, &MainWindow::followEnded);
        appendText(api::runMetricsPath(dir), api::metricsCsvRow(stepRow(4, 3.5)) + "\n");
        api::writeRunStatus(dir, "cancelled", "", api::RunPlan{});
        lock.reset();
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(ended.first().first().toString(), QStringLiteral("cancelled"));
        QVERIFY(!w.isFollowing());
        QCOMPARE(lossPoints(w), 5);
        QVERIFY2(!w.trainingPanel()->progressText().contains(QStringLiteral("another process")),
                 qPrintable(w.trainingPanel()->progressText()));
        QVERIFY2(w.trainingPanel()->progressText().contains(QStringLiteral("stopped")),
                 qPrintable(w.trainingPanel()->progressText()));
        QVERIFY(!runsDetails(w).contains(QStringLiteral("another process")));
        QVERIFY(runsDetails(w).contains(QStringLiteral("cancelled")));
        QVERIFY(w.action("continue")->isEnabled());
        // No more polls once the writer is gone.
        const int last = w.follower()->polls();
        QTest::qWait(100);
        QCOMPARE(w.follower()->polls(), last);

        // The run stays watched: a process that takes its lock again (a `dino resume` in a terminal) is
        // followed from then on, from the whole file.
        QVERIFY(w.follower()->isWatching());
        lock = api::RunLock::acquire(dir, "resume");
        appendText(api::runMetricsPath(dir), api::metricsCsvRow(stepRow(5, 3.25)) + "\n");
        QTRY_VERIFY(w.isFollowing());
        QTRY_COMPARE(lossPoints(w), 6);
        QTRY_VERIFY(w.trainingPanel()->progressText().contains(who));
        QVERIFY(!w.action("continue")->isEnabled());
        lock.reset();
        QTRY_COMPARE(ended.count(), 2);
        QVERIFY(!w.isFollowing());
    }

    void openingAnotherRunStopsFollowing() {
        const std::string held = tmp_.filePath("held2").toStdString(), other = tmp_.filePath("other").toStdString();
        test::FixtureRun f;
        f.state = "running";
        test::writeFixtureRun(held, f);
        f.state = "finished";
        test::writeFixtureRun(other, f);
        auto lock = api::RunLock::acquire(held, "test");
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.follower()->setInterval(20);
        QCOMPARE(w.openRun(QString::fromStdString(held)), QString());
        QVERIFY(w.isFollowing());
        QTRY_VERIFY(w.follower()->polls() >= 1);
        QCOMPARE(w.openRun(QString::fromStdString(other)), QString());
        QVERIFY(!w.isFollowing());  // a finished run nobody writes is read once, and watched
        QVERIFY(w.follower()->isWatching());
        QCOMPARE(lossPoints(w), 8);
        appendText(api::runMetricsPath(held), api::metricsCsvRow(stepRow(8, 1.0)) + "\n");
        QTest::qWait(150);
        QCOMPARE(lossPoints(w), 8);
        QVERIFY(w.trainingPanel()->following().isEmpty());
        // Closing the window stops following too.
        QCOMPARE(w.openRun(QString::fromStdString(held)), QString());
        QVERIFY(w.isFollowing());
        w.close();
        QVERIFY(!w.isFollowing());
        QVERIFY(!w.follower()->isWatching());
    }

    // A real `dino train` in another process: the window's curves grow while it trains and it shows the
    // run finished when the process ends.
    void followsARealDinoTrain() {
        const QString run = tmp_.filePath("real");
        QProcess dino;
        dino.setProcessChannelMode(QProcess::MergedChannels);
        dino.start(QStringLiteral(DINO_CLI_PATH),
                   {"train", "--preset", "tiny", "--run", run, "--set", "optim.epochs=30", "--set", "eval.knn_every_steps=8"});
        QVERIFY(dino.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(api::runWriterAny(run.toStdString()) && QFileInfo::exists(run + "/config.json"), 120000);
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.setAskBeforeClosing(false);
        QSignalSpy ended(&w, &MainWindow::followEnded);
        QCOMPARE(w.openRun(run), QString());
        QVERIFY2(w.isFollowing() || ended.count() > 0 || dino.state() == QProcess::NotRunning, "not followed");
        QTRY_VERIFY_WITH_TIMEOUT(lossPoints(w) >= 4 || dino.state() == QProcess::NotRunning, 120000);
        const int seen = lossPoints(w);
        qInfo("loss points while training: %d", seen);
        QTRY_VERIFY_WITH_TIMEOUT(lossPoints(w) > seen || dino.state() == QProcess::NotRunning, 120000);
        QVERIFY2(seen < 120, "the run ended before the window saw it train; nothing was followed");
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 300000);
        QTRY_COMPARE_WITH_TIMEOUT(dino.state(), QProcess::NotRunning, 60000);
        QCOMPARE(dino.exitCode(), 0);
        QCOMPARE(ended.first().first().toString(), QStringLiteral("finished"));
        QCOMPARE(lossPoints(w), 120);  // 30 epochs x 4 steps: every row, the last ones read by the final poll
        QVERIFY(w.trainingPanel()->knnPlot()->graph(1)->dataCount() >= 10);
        QVERIFY2(w.trainingPanel()->progressText().contains(QStringLiteral("finished")),
                 qPrintable(w.trainingPanel()->progressText()));
        QVERIFY(w.evaluationPanel()->hasReport());
        QVERIFY(runsDetails(w).contains(QStringLiteral("finished")));
        QVERIFY(!w.isFollowing());
    }
};

QTEST_MAIN(TestGuiFollow)
#include "test_gui_follow.moc"
