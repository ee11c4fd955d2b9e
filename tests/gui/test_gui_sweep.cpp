// The sweep dialog (issue 24, item 7): the spec it builds from field selections reads back through the
// engine's parser with the same configurations, a value the field rules refuse is marked with the rule's
// message and keeps Start disabled, and a tiny sweep started from it runs `dino sweep` to the end; a
// stopped sweep resumes without redoing its finished trial.
#include "main_window.h"
#include "sweep_dialog.h"
#include "sweep_runner.h"

#include "api/sweep.h"
#include "common/config.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace dino;
using namespace dino::ui;

using Kind = SweepDialog::Kind;

namespace {
// With DINO_TEST_SHOTS=DIR, a picture of the widget for a person to look at (not compared).
void shot(QWidget* w, const char* name) {
    const QString dir = qEnvironmentVariable("DINO_TEST_SHOTS");
    if (dir.isEmpty()) return;
    w->grab().save(QDir(dir).filePath(QString::fromLatin1(name) + ".png"));
}
}  // namespace

class TestGuiSweep : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    void initTestCase() { qputenv("DINO_CLI", DINO_CLI_PATH); }

    void theSpecReadsBackThroughTheParser() {
        SweepRunner runner;
        SweepDialog d(presetConfig("tiny"), tmp_.path(), &runner);
        d.setBase("tiny");
        QCOMPARE(d.addField("optim.lr", Kind::List, "0.0001, 3e-3"), 0);
        d.addField("model.out_dim", Kind::Choice, "16, 64");
        d.addField("optim.wd", Kind::LogUniform, "0.01, 0.1");
        d.addField("views.num_local", Kind::Int, "2, 6");
        d.addField("eval.knn_every_steps", Kind::Fixed, "3");
        d.addField("data.dataset", Kind::Fixed, "sample");
        d.setSeeds("0, 1, 2");
        QVERIFY(d.problem().contains("number of configurations"));  // random dimensions need a budget
        QVERIFY(!d.startButton()->isEnabled());
        d.setBudget(5, 30);
        d.setEarlyStopping("successive_halving", 3, 2);
        d.setParallel(2);
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));
        QVERIFY(d.startButton()->isEnabled());
        QCOMPARE(d.configurationCount(), 5);
        QCOMPARE(d.trialCount(), 15);

        d.resize(1180, 700);
        shot(&d, "sweep-dialog-random");
        const api::SweepSpec spec = api::parseSweepSpec(d.specJson().toStdString(), "dialog.json");
        QCOMPARE(QString::fromStdString(spec.base), QStringLiteral("tiny"));
        QCOMPARE(spec.set.size(), size_t(2));
        QCOMPARE(spec.set[0].first, std::string("eval.knn_every_steps"));
        QCOMPARE(spec.set[0].second, std::string("3"));
        QCOMPARE(spec.set[1].second, std::string("\"sample\""));
        QCOMPARE(spec.space.size(), size_t(4));
        QCOMPARE(spec.space[0].field, std::string("optim.lr"));
        QVERIFY(spec.space[0].kind == api::SweepDimension::Kind::Grid);
        QCOMPARE(spec.space[0].values, (std::vector<std::string>{"0.0001", "0.003"}));
        QVERIFY(d.specJson().contains("\"optim.lr\": [0.0001, 0.003]"));
        QVERIFY(spec.space[1].kind == api::SweepDimension::Kind::Choice);
        QCOMPARE(spec.space[1].values, (std::vector<std::string>{"16", "64"}));
        QVERIFY(spec.space[2].kind == api::SweepDimension::Kind::LogUniform);
        QCOMPARE(spec.space[2].low, 0.01);
        QCOMPARE(spec.space[2].high, 0.1);
        QVERIFY(spec.space[3].kind == api::SweepDimension::Kind::Int);
        QCOMPARE(spec.seeds, (std::vector<uint64_t>{0, 1, 2}));
        QCOMPARE(spec.trials, 5);
        QCOMPARE(spec.wall_minutes, 30.0);
        QCOMPARE(spec.parallel, 2);
        QVERIFY(spec.early_stopping);
        QCOMPARE(spec.early_stopping->rule, std::string("successive_halving"));
        QCOMPARE(spec.early_stopping->min_steps, int64_t(3));
        QCOMPARE(spec.early_stopping->eta, 2);
        const auto configs = api::sweepConfigurations(spec);
        QCOMPARE(int(configs.size()), d.configurationCount());
        for (const auto& c : configs) {
            QCOMPARE(c.config.eval.knn_every_steps, int64_t(3));
            QVERIFY(c.config.optim.wd >= 0.01 && c.config.optim.wd <= 0.1);
        }

        // Save spec…: with the form's configuration as the base, the base is saved beside the spec and the
        // spec names it; the pair reads back as the same configurations.
        RunConfig form = presetConfig("tiny");
        form.optim.wd = 0.03125;
        SweepDialog f(form, tmp_.path(), &runner);
        f.setBase("");
        f.addField("optim.lr", Kind::List, "0.001, 0.002");
        const QString saved = tmp_.filePath("saved/my-sweep.json");
        QDir().mkpath(tmp_.filePath("saved"));
        QCOMPARE(f.saveSpec(saved), QString());
        QVERIFY(QFileInfo::exists(tmp_.filePath("saved/my-sweep-base.json")));
        const auto savedConfigs = api::sweepConfigurations(api::loadSweepSpec(saved.toStdString()));
        QCOMPARE(savedConfigs.size(), size_t(2));
        QCOMPARE(savedConfigs[1].config.optim.wd, 0.03125);
        QCOMPARE(savedConfigs[1].config.optim.lr, 0.002);

        // A pure grid: the product of its lists, cut by the budget when there is one.
        SweepDialog g(presetConfig("tiny"), tmp_.path(), &runner);
        g.setBase("tiny");
        g.addField("optim.lr", Kind::List, "0.001, 0.002, 0.003");
        g.addField("model.out_dim", Kind::List, "16; 32");  // ';' is not a separator here: one bad value
        QVERIFY(!g.fieldProblem(1).isEmpty());
        g.setFieldValues(1, "16, 32");
        QVERIFY2(g.problem().isEmpty(), qPrintable(g.problem()));
        QCOMPARE(g.configurationCount(), 6);
        QCOMPARE(int(api::sweepConfigurations(api::parseSweepSpec(g.specJson().toStdString(), "g.json")).size()), 6);
        g.setBudget(4, 0);
        QCOMPARE(g.configurationCount(), 4);
        QCOMPARE(int(api::sweepConfigurations(api::parseSweepSpec(g.specJson().toStdString(), "g.json")).size()), 4);
    }

    void aValueTheRulesRefuseIsMarked() {
        SweepRunner runner;
        SweepDialog d(presetConfig("tiny"), tmp_.path(), &runner);
        d.setBase("tiny");
        const int lr = d.addField("optim.lr", Kind::List, "0.001, 0");
        QVERIFY2(d.fieldProblem(lr).contains("must be > 0"), qPrintable(d.fieldProblem(lr)));
        QVERIFY(d.problem().contains("optim.lr"));
        QVERIFY(!d.startButton()->isEnabled());
        auto* status = qobject_cast<QLabel*>(d.findChild<QTableWidget*>("sweepFields")->cellWidget(lr, 3));
        QVERIFY(status && status->text().contains("must be > 0"));
        d.setFieldValues(lr, "0.001, abc");
        QVERIFY(d.fieldProblem(lr).contains("expected a number"));
        d.setFieldValues(lr, "0.001, 0.002");
        QVERIFY(d.fieldProblem(lr).isEmpty());
        QVERIFY(d.startButton()->isEnabled());
        // A rule relating two fields: the heads must divide the width of the base (32).
        const int heads = d.addField("model.num_heads", Kind::List, "2, 5");
        QVERIFY2(d.fieldProblem(heads).startsWith("5:"), qPrintable(d.fieldProblem(heads)));
        d.addField("optim.teacher_temp", Kind::List, "0.04, -0.1");
        d.resize(1180, 700);
        shot(&d, "sweep-dialog-invalid");
        d.removeField(2);
        QVERIFY(!d.startButton()->isEnabled());
        d.removeField(heads);
        QVERIFY(d.startButton()->isEnabled());
        // A range: low below high, both ends allowed; log-uniform from > 0.
        const int wd = d.addField("optim.wd", Kind::LogUniform, "0, 0.1");
        QVERIFY(d.fieldProblem(wd).contains("low > 0"));
        d.setFieldKind(wd, Kind::Uniform);
        QVERIFY2(d.fieldProblem(wd).isEmpty(), qPrintable(d.fieldProblem(wd)));
        d.setFieldValues(wd, "0.1, 0.01");
        QVERIFY(d.fieldProblem(wd).contains("below"));
        d.removeField(wd);
        // Early stopping needs the live k-NN curve (off in the tiny preset).
        d.setEarlyStopping("median");
        QVERIFY(d.problem().contains("knn_every_steps"));
        d.addField("eval.knn_every_steps", Kind::Fixed, "2");
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));
        // A folder in use is refused.
        QDir().mkpath(tmp_.filePath("used"));
        QFile f(tmp_.filePath("used/x.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        d.setOutputDir(tmp_.filePath("used"));
        QVERIFY(d.problem().contains("not empty"));
        QVERIFY(!d.startButton()->isEnabled());
    }

    // The form's configuration as the base, a 1 x 2 grid x 1 seed, started from the dialog.
    void aTinySweepRunsToTheEnd() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.setAskBeforeClosing(false);
        w.sweepRunner()->setPollInterval(100);
        RunConfig form = presetConfig("tiny");
        form.optim.wd = 0.0625;
        SweepDialog d(form, tmp_.path(), w.sweepRunner(), &w);
        d.setBase("");
        d.addField("optim.lr", Kind::List, "0.0005, 0.002");
        d.addField("eval.test_split", Kind::Fixed, "val");
        d.setSeeds("0");
        const QString dir = tmp_.filePath("sw");
        d.setOutputDir(dir);
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));
        QSignalSpy started(&w, &MainWindow::sweepStarted);
        QSignalSpy finished(&w, &MainWindow::sweepFinished);
        QTest::mouseClick(d.startButton(), Qt::LeftButton);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toString(), QFileInfo(dir).absoluteFilePath());
        QVERIFY(w.sweepRunner()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(w.sweepProgress()->text().contains("trials ended"), 120000);
        w.resize(1366, 768);
        shot(&w, "sweep-progress-window");
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dir + "/sweep-results.json"), 600000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(w.sweepRunner()->trialsEnded(), 2);
        QCOMPARE(w.sweepRunner()->trialsTotal(), 2);
        const api::SweepState s = api::loadSweepState(dir.toStdString());
        QCOMPARE(s.trials.size(), size_t(2));
        for (const auto& t : s.trials) QCOMPARE(QString::fromStdString(t.state), QStringLiteral("finished"));
        // The form's configuration is the base, saved in the folder.
        QVERIFY(QFileInfo::exists(dir + "/base-config.json"));
        QCOMPARE(loadConfigFile((dir + "/configs/c001.json").toStdString()).optim.wd, 0.0625);
        QCOMPARE(loadConfigFile((dir + "/configs/c001.json").toStdString()).optim.lr, 0.002);
    }

    // Stop (SIGINT) in the middle of the first trial, then Resume: the sweep ends with every trial
    // finished, the interrupted one continued from its checkpoint (a second process), the other run once.
    void aStoppedSweepResumes() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.setAskBeforeClosing(false);
        w.sweepRunner()->setPollInterval(100);
        SweepDialog d(presetConfig("tiny"), tmp_.path(), w.sweepRunner(), &w);
        d.setBase("tiny");
        d.addField("optim.lr", Kind::List, "0.0005, 0.002");
        d.addField("optim.epochs", Kind::Fixed, "12");
        const QString dir = tmp_.filePath("sw-stop");
        d.setOutputDir(dir);
        QSignalSpy finished(&w, &MainWindow::sweepFinished);
        QCOMPARE(d.start(), QString());
        // The first trial has written a checkpoint (after epoch 1): stop the sweep there.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(dir + "/c000-seed0/checkpoints/last.ckpt"), 300000);
        QVERIFY(w.sweepProgress()->isVisible() || !w.isVisible());
        QVERIFY(w.sweepProgress()->text().contains("sw-stop"));
        w.sweepRunner()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const int code = finished.first().first().toInt();
        if (code == 0) QSKIP("the sweep ended before the stop reached it");
        QCOMPARE(code, 3);
        api::SweepState s = api::loadSweepState(dir.toStdString());
        QVERIFY(s.trials[0].state != "finished");
        QCOMPARE(w.resumeSweep(dir), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 600000);
        QCOMPARE(finished.last().first().toInt(), 0);
        s = api::loadSweepState(dir.toStdString());
        QCOMPARE(s.trials[0].state, std::string("finished"));
        QCOMPARE(s.trials[1].state, std::string("finished"));
        QCOMPARE(s.trials[0].starts, 2);  // continued with `dino resume`
        QCOMPARE(s.trials[1].starts, 1);
        QVERIFY(QFileInfo::exists(dir + "/sweep-results.json"));
        QVERIFY(w.resumeSweep(tmp_.path()).contains("not a sweep folder"));
    }

    // A trial that failed (its first write refused) stays failed; Resume sweep… asks about it, and "Run them
    // again" runs it anew while the finished one is kept.
    void failedTrialsRunAgainWhenAsked() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.sweepRunner()->setPollInterval(100);
        SweepDialog d(presetConfig("tiny"), tmp_.path(), w.sweepRunner(), &w);
        d.setBase("tiny");
        d.addField("optim.lr", Kind::List, "0.0005, 0.002");
        const QString dir = tmp_.filePath("sw-retry");
        d.setOutputDir(dir);
        QSignalSpy finished(&w, &MainWindow::sweepFinished);
        qputenv("DINO_TEST_FAIL_WRITES", "ENOSPC:c000-seed0/config.json");
        QCOMPARE(d.start(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        qunsetenv("DINO_TEST_FAIL_WRITES");
        api::SweepState s = api::loadSweepState(dir.toStdString());
        QCOMPARE(s.trials[0].state, std::string("failed"));
        QCOMPARE(s.trials[1].state, std::string("finished"));

        w.resumeSweepAsking(dir);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox*>("retryFailedQuestion")) != nullptr);
        QVERIFY(box->text().contains("failed before: 1 (c000-seed0: exit code"));
        QCOMPARE(box->buttons().size(), 3);  // run again, keep failed, cancel
        QTRY_VERIFY(box->isVisible());
        shot(box, "retry-failed-question");
        QAbstractButton* again = nullptr;
        for (QAbstractButton* b : box->buttons())
            if (b->text() == "Run them again") again = b;
        QVERIFY(again);
        again->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 300000);
        QCOMPARE(finished.last().first().toInt(), 0);
        s = api::loadSweepState(dir.toStdString());
        QCOMPARE(s.trials[0].state, std::string("finished"));
        QCOMPARE(s.trials[0].starts, 2);
        QCOMPARE(s.trials[1].starts, 1);  // kept
    }
};

QTEST_MAIN(TestGuiSweep)
#include "test_gui_sweep.moc"
