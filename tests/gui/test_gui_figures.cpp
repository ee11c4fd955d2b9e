// What the charts and evaluation figures show (issue 23): legends beside the data, never over it (also
// in German); integer step ticks without overlapping labels, a sensible range for a single point, no
// range kept from the last run, the current-step marker drawn whole; the evaluation table naming its
// split and n with 95 % Wilson intervals, a teacher below its random init flagged, class names on the
// confusion matrix; the pseudo-label note for Sinkhorn runs; and, through the real window and engine,
// the collapse chart that keeps growing across Stop -> Continue (with status.json's verdict), the
// progress line after Stop, and the evaluation on the val split.
#include "api/run_directory.h"
#include "evaluation_panel.h"
#include "main_window.h"
#include "config_form.h"
#include "plot_widget.h"
#include "pseudo_label_panel.h"
#include "training_panel.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <memory>

using namespace dino;
using namespace dino::ui;

namespace {

// A planned run of `total` steps with simple schedules, as the engine announces one.
api::RunPlan plan(int64_t total) {
    api::RunPlan p;
    p.total_steps = total;
    p.epochs = 10;
    p.steps_per_epoch = total / 10;
    p.dataset_size = 1059;
    for (int64_t s = 0; s < total; ++s) {
        p.lr.push_back(1e-3 * std::min(1.0, (s + 1) / 16.0) * (0.2 + 0.8 * (1 - double(s) / total)));
        p.wd.push_back(0.04 + 0.36 * double(s) / total);
        p.teacher_temp.push_back(0.02);
        p.momentum.push_back(0.99 + 0.01 * double(s) / total);
    }
    return p;
}

QVector<api::StepMetrics> steps(int64_t from, int64_t to, double loss0 = 4.2) {
    QVector<api::StepMetrics> v;
    for (int64_t s = from; s < to; ++s) {
        api::StepMetrics m;
        m.step = s;
        m.epoch = static_cast<int>(s / 16);
        m.loss = loss0 - 0.005 * s;
        m.teacher_entropy = 4.1 - 0.01 * s;
        m.kl_uniform = 0.05 + 0.004 * s;
        m.student_std = 0.6;
        m.step_seconds = 1.0;
        m.images_per_s = 64;
        v.push_back(m);
    }
    return v;
}

// Waits for the coalesced replot that follows new data.
void settle(PlotWidget* p) {
    const int before = p->replotCount();
    p->requestReplot();
    QTRY_VERIFY(p->replotCount() > before);
    QCoreApplication::processEvents();
}

// The legend lies outside the axes rectangle, so that no data point can be under it.
void checkLegendBesideTheData(PlotWidget* p) {
    QVERIFY2(p->legend->visible(), qPrintable(p->objectName()));
    const QRect legend = p->legend->outerRect();
    const QRect axes = p->axisRect()->rect();
    QVERIFY2(!legend.intersects(axes), qPrintable(p->objectName()));
    for (int g = 0; g < p->graphCount(); ++g)
        for (auto it = p->graph(g)->data()->constBegin(); it != p->graph(g)->data()->constEnd(); ++it) {
            const QPointF px = p->graph(g)->coordsToPixels(it->key, it->value);
            QVERIFY2(!legend.contains(px.toPoint()), qPrintable(p->objectName()));
        }
    // And whole: inside the widget, as wide as its entries need.
    QVERIFY2(p->rect().contains(legend), qPrintable(p->objectName()));
    QVERIFY2(p->legend->minimumOuterSizeHint().width() <= legend.width(), qPrintable(p->objectName()));
}

// No two tick labels of an axis overlap (labels as drawn, with the axis' font).
void checkTickLabelsApart(QCPAxis* axis, const QString& what) {
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    if (!axis->visible() || !axis->tickLabels() || labels.size() != ticks.size()) return;
    const QFontMetrics fm(axis->tickLabelFont());
    QVector<QPair<double, double>> spans;  // pixel extent along the axis
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i])) continue;
        const double c = axis->coordToPixel(ticks[i]);
        const double half = axis->orientation() == Qt::Horizontal ? fm.horizontalAdvance(labels[i]) / 2.0 : fm.height() / 2.0;
        spans.push_back({c - half, c + half});
    }
    std::sort(spans.begin(), spans.end());
    for (int i = 1; i < spans.size(); ++i)
        QVERIFY2(spans[i].first >= spans[i - 1].second, qPrintable(what + ": tick labels overlap"));
}

api::EvalReport report(double teacher1nn, double base1nn) {
    api::EvalReport r;
    r.epoch = 9;
    r.step = 160;
    r.train_split = "train";
    r.test_split = "test";
    r.n_train = 1059;
    r.n_test = 75;
    r.trained.nn1_accuracy = teacher1nn;
    r.trained.knn_accuracy = 0.52;
    r.trained.auc = 0.9;
    r.baseline.nn1_accuracy = base1nn;
    r.baseline.knn_accuracy = 0.48;
    r.baseline.auc = 0.88;
    r.class_names = {"adipose", "background", "debris", "lymphocytes", "mucus", "smooth muscle", "normal colon mucosa",
                     "cancer-associated stroma", "colorectal adenocarcinoma epithelium"};
    for (int i = 0; i < 9; ++i) {
        r.trained.per_class.push_back({r.class_names[i], 8, 0.5});
        r.baseline.per_class.push_back({r.class_names[i], 8, 0.5});
        r.trained.confusion.push_back(std::vector<int64_t>(9, 1));
    }
    return r;
}

nlohmann::json statusJson(const QString& dir) {
    QFile f(dir + "/status.json");
    if (!f.open(QIODevice::ReadOnly)) return nlohmann::json::object();
    const auto j = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

}  // namespace

class TestGuiFigures : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

    // A panel with a planned run of 160 steps, 100 of them done and 4 live k-NN points.
    static void fillTrainingPanel(TrainingPanel& tp) {
        RunConfig cfg = presetConfig("quick");
        tp.setRunConfig(cfg);
        tp.setPlan(plan(160));
        tp.appendSteps(steps(0, 100));
        QVector<api::KnnPoint> knn;
        for (int s : {32, 64, 96}) knn.push_back({s, 0.55 + 0.02 * s / 32, 0.5 + 0.02 * s / 32, 0.47, 0.46, 1.0});
        tp.appendKnn(knn);
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_figures");
        QVERIFY(tmp_.isValid());
    }

    void legendsAreBesideTheDataInEnglishAndGerman() {
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("de")}) {
            QTranslator tr;
            if (lang == "de") {
                QVERIFY(tr.load(":/i18n/dino_studio_de.qm"));
                QVERIFY(QCoreApplication::installTranslator(&tr));
            }
            TrainingPanel tp;
            tp.resize(970, 700);  // the panel's share of a 1366x768 window
            tp.show();
            QVERIFY(QTest::qWaitForWindowExposed(&tp));
            fillTrainingPanel(tp);
            for (PlotWidget* p : {tp.lossPlot(), tp.collapsePlot(), tp.knnPlot()}) {
                settle(p);
                checkLegendBesideTheData(p);
            }
            EvaluationPanel ep;
            ep.resize(970, 700);
            ep.show();
            QVERIFY(QTest::qWaitForWindowExposed(&ep));
            ep.showReport(report(0.6, 0.5));
            settle(ep.comparisonPlot());
            QVERIFY(!ep.comparisonPlot()->legend->outerRect().intersects(ep.comparisonPlot()->axisRect()->rect()));
            if (lang == "de") QCoreApplication::removeTranslator(&tr);
        }
    }

    void stepAxesHaveIntegerTicksApartAndTheMarkerWhole() {
        TrainingPanel tp;
        tp.resize(970, 700);
        tp.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tp));
        tp.setRunConfig(presetConfig("quick"));
        tp.setPlan(plan(160));
        tp.appendSteps(steps(0, 160));  // the marker at the last step, at the right edge
        for (PlotWidget* p : tp.plots()) {
            settle(p);
            for (double t : p->xAxis->tickVector()) QCOMPARE(t, std::round(t));
            checkTickLabelsApart(p->xAxis, p->objectName() + " x");
            checkTickLabelsApart(p->yAxis, p->objectName() + " y");
        }
        // Every step chart shows the planned run: the axes line up.
        for (PlotWidget* p : tp.plots()) {
            QVERIFY(p->xAxis->range().lower <= 0);
            QVERIFY(p->xAxis->range().upper >= 159);
        }
        for (int i = 0; i < 4; ++i) {
            PlotWidget* p = tp.schedulePlot(i);
            auto* tracer = qobject_cast<QCPItemTracer*>(p->item(0));
            QVERIFY(tracer && tracer->visible());
            const QPointF c = tracer->position->pixelPosition();
            const QRect r = p->axisRect()->rect();
            const double half = tracer->size() / 2;
            QVERIFY2(c.x() + half <= r.right() + 1 && c.x() - half >= r.left() - 1, qPrintable(p->objectName()));
            QVERIFY2(c.y() + half <= r.bottom() + 1 && c.y() - half >= r.top() - 1, qPrintable(p->objectName()));
        }
    }

    void aSinglePointAndAnEmptyChartHaveSensibleAxes() {
        PlotWidget p("single");
        p.resize(300, 200);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        PlotWidget::useIntegerTicks(p.xAxis);
        p.addGraph();
        p.graph(0)->addData(32, 0.6);
        settle(&p);
        // One step either side, not -30..30; the value +-5 %.
        QVERIFY(p.xAxis->range().lower >= 30 && p.xAxis->range().upper <= 34);
        QVERIFY(p.xAxis->range().contains(32));
        QVERIFY(p.yAxis->range().lower > 0.5 && p.yAxis->range().upper < 0.7);
        for (double t : p.xAxis->tickVector()) QCOMPARE(t, std::round(t));

        // A run's values, then a new run before its first point: no numbers from the last run.
        TrainingPanel tp;
        tp.resize(970, 700);
        tp.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tp));
        fillTrainingPanel(tp);
        settle(tp.lossPlot());
        QVERIFY(tp.lossPlot()->yAxis->range().upper > 4);
        tp.clear();
        settle(tp.lossPlot());
        QVERIFY(!tp.lossPlot()->yAxis->tickLabels());
        QVERIFY(!tp.collapsePlot()->yAxis->tickLabels());
        tp.setPlan(plan(160));
        tp.appendSteps(steps(0, 1, 2.0));
        settle(tp.lossPlot());
        QVERIFY(tp.lossPlot()->yAxis->tickLabels());
        QVERIFY(tp.lossPlot()->yAxis->range().contains(2.0));
        QVERIFY(tp.lossPlot()->yAxis->range().upper < 2.5);
    }

    void aClickDoesNotFreezeAChartButADragDoes() {
        PlotWidget p("click");
        p.resize(300, 200);
        p.show();
        QVERIFY(QTest::qWaitForWindowExposed(&p));
        p.addGraph();
        p.graph(0)->addData(QVector<double>{0, 1, 2}, QVector<double>{1, 2, 3});
        settle(&p);
        const QPoint mid = p.axisRect()->rect().center();
        QTest::mouseClick(&p, Qt::LeftButton, {}, mid);
        QVERIFY(p.followsData());
        p.graph(0)->addData(50, 4);
        settle(&p);
        QVERIFY(p.xAxis->range().contains(50));
        // A drag (the left button held, moved further than a click's jitter) stops following.
        QTest::mousePress(&p, Qt::LeftButton, {}, mid);
        const QPointF to(mid + QPoint(60, 0));
        QMouseEvent drag(QEvent::MouseMove, to, p.mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&p, &drag);
        QTest::mouseRelease(&p, Qt::LeftButton, {}, to.toPoint());
        QVERIFY(!p.followsData());
        QTest::mouseDClick(&p, Qt::LeftButton, {}, mid);
        QVERIFY(p.followsData());
    }

    void evaluationShowsTheLinearProbeBesideKnn() {
        EvaluationPanel ep;
        ep.resize(970, 700);
        ep.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ep));
        api::EvalReport r = report(0.5, 0.45);
        ep.showReport(r);  // no probe in the report (an older eval.json): its rows are hidden
        QTableWidget* t = ep.summaryTable();
        QVERIFY(t->isRowHidden(3) && t->isRowHidden(4) && t->isRowHidden(5));
        for (auto* m : {&r.trained, &r.baseline}) {
            m->probe.present = true;
            m->probe.val_split = "val";
            m->probe.n_val = 160;
            m->probe.blocks = 4;
            m->probe.epochs = 100;
            m->probe.lr = 3;
            m->probe.wd = 1e-4;
        }
        r.trained.probe.val_accuracy = 0.6;    // 96 of 160: Wilson [0.5225, 0.6729]
        r.trained.probe.test_accuracy = 0.52;  // 39 of 75: [0.408742, 0.629309]
        r.baseline.probe.val_accuracy = 0.5;
        r.baseline.probe.test_accuracy = 0.56;  // above the teacher: flagged
        ep.showReport(r);
        QVERIFY(!t->isRowHidden(3) && !t->isRowHidden(4) && !t->isRowHidden(5));
        QVERIFY(t->verticalHeaderItem(3)->text().contains("val, n = 160"));
        QVERIFY(t->verticalHeaderItem(4)->text().contains("test, n = 75"));
        QVERIFY(t->verticalHeaderItem(5)->text().contains("last 4 block"));  // "blocks" with the English plural of the .qm
        QCOMPARE(t->item(3, 0)->text(), QString::fromUtf8("60.0 % (52.3–67.3)"));
        QCOMPARE(t->item(4, 0)->text(), QString::fromUtf8("52.0 % (40.9–62.9)"));
        QCOMPARE(t->item(5, 1)->text(), QString("3 / 0.0001"));
        QVERIFY(t->item(4, 0)->toolTip().contains("random-init"));
        // A chosen learning rate on the edge of the grid is marked: the figure is a lower bound.
        r.trained.probe.grid = {{0.3, 0, 0.5, 0.5, 1}, {1, 0, 0.5, 0.55, 1}, {3, 0, 0.6, 0.6, 1}};
        r.baseline.probe.grid = r.trained.probe.grid;
        r.baseline.probe.lr = 1;
        ep.showReport(r);
        QCOMPARE(t->item(5, 0)->text(), QString("3 / 0.0001 (edge of the grid)"));
        QVERIFY(t->item(5, 0)->toolTip().contains("largest learning rate"));
        QCOMPARE(t->item(5, 1)->text(), QString("1 / 0.0001"));
        QVERIFY(t->item(5, 1)->toolTip().isEmpty());
        settle(ep.comparisonPlot());
        QVERIFY(ep.comparisonPlot()->xAxis->tickVectorLabels().contains("linear probe"));
    }

    void evaluationTableNamesSplitAndNWithWilsonIntervals() {
        EvaluationPanel ep;
        ep.resize(970, 700);
        ep.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ep));
        ep.clear();  // an empty chart first: it shows no numbers until a report is there
        settle(ep.comparisonPlot());
        QVERIFY(!ep.comparisonPlot()->yAxis->tickLabels());
        ep.showReport(report(0.40, 30.0 / 75 + 5.0 / 75));  // 1-NN: teacher 30/75 below random init 35/75
        QTableWidget* t = ep.summaryTable();
        for (int row = 0; row < 3; ++row) {
            const QString label = t->verticalHeaderItem(row)->text();
            QVERIFY2(label.contains("test") && label.contains("n = 75"), qPrintable(label));
        }
        // 30 of 75: Wilson 95 % interval [0.296625, 0.513120] (by hand, tests/training/test_eval_interval.cpp).
        QCOMPARE(t->item(0, 0)->text(), QString::fromUtf8("40.0 % (29.7–51.3)"));
        // 39 of 75 (weighted k-NN 0.52): [0.408742, 0.629309].
        QCOMPARE(t->item(1, 0)->text(), QString::fromUtf8("52.0 % (40.9–62.9)"));
        QVERIFY(t->toolTip().contains("Wilson"));
        // The teacher below its random init is flagged, at the cell and in a warning that says the gap is within noise.
        QVERIFY(!ep.warningLabel()->isHidden());
        QVERIFY(ep.warningLabel()->text().contains("below its random init"));
        QVERIFY(ep.warningLabel()->text().contains("overlap"));
        QVERIFY(t->item(0, 0)->toolTip().contains("random-init"));
        QVERIFY(t->item(1, 0)->toolTip().isEmpty());  // 52 % against 48 %: not below
        QVERIFY(ep.classTable()->horizontalHeaderItem(1)->text().contains("test"));
        QVERIFY(ep.comparisonPlot()->title().contains("n = 75"));
        // The bar chart keeps its numbers and category names, although it was empty (no numbers) before.
        settle(ep.comparisonPlot());
        QVERIFY(ep.comparisonPlot()->yAxis->tickLabels());
        QVERIFY(ep.comparisonPlot()->xAxis->tickLabels());
        QVERIFY(ep.comparisonPlot()->xAxis->tickVectorLabels().contains("1-NN"));
        // Class names on the confusion matrix's axes (long ones shortened).
        settle(ep.confusionPlot());
        const QVector<QString> x = ep.confusionPlot()->xAxis->tickVectorLabels();
        const QVector<QString> y = ep.confusionPlot()->yAxis->tickVectorLabels();
        QVERIFY(x.contains("adipose") && y.contains("adipose") && y.contains("smooth muscle"));
        QVERIFY(std::any_of(y.begin(), y.end(), [](const QString& s) { return s.startsWith("colorectal"); }));
        // A teacher at or above its random init: no warning.
        ep.showReport(report(0.6, 0.5));
        QVERIFY(ep.warningLabel()->isHidden());
        // The split box offers val and test and names the split of the report shown.
        QVERIFY(ep.splitBox()->findData("val") >= 0);
        QCOMPARE(ep.split(), QString("test"));
    }

    void pseudoLabelNoteDescribesTheRunsTargets() {
        const QString ema = PseudoLabelPanel::explainerText("ema");
        const QString sk = PseudoLabelPanel::explainerText("sinkhorn");
        QVERIFY(ema.contains("Centering subtracts"));
        QVERIFY(!ema.contains("Sinkhorn"));
        QVERIFY(sk.contains("Sinkhorn-Knopp"));
        QVERIFY(!sk.contains("Centering subtracts"));
    }

    // Through the real window and engine: a tiny run clicked on its collapse chart, stopped and continued.
    void collapseSeriesKeepsGrowingAcrossStopAndContinue() {
        MainWindow w;
        w.setAskBeforeClosing(false);
        w.setShowErrorDialogs(false);
        w.setRunsFolder(tmp_.filePath("runs"));
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ConfigForm* f = w.configForm();
        f->setConfig(presetConfig("quick"));
        for (const auto& [k, v] : {std::pair{"model.embed_dim", "32"}, {"model.depth", "2"}, {"model.num_heads", "2"},
                                   {"model.out_dim", "16"}, {"optim.batch_size", "16"}, {"optim.epochs", "40"},
                                   {"optim.max_steps_per_epoch", "5"}, {"data.subset", "128"}, {"system.threads", "1"},
                                   {"system.precision", "fp32"}, {"eval.batch_size", "128"}, {"eval.knn_every_steps", "0"}})
            f->setFieldText(k, v);
        QVERIFY2(f->isValid(), qPrintable(f->firstProblem()));
        TrainingPanel* tp = w.trainingPanel();
        w.tabs()->setCurrentWidget(tp);
        QSignalSpy finished(&w, &MainWindow::trainingFinished);
        w.startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() >= 3, 120000);
        // The user clicks the collapse chart (focus, or before pressing a key), then stops.
        QTest::mouseClick(tp->collapsePlot(), Qt::LeftButton, {}, tp->collapsePlot()->axisRect()->rect().center());
        w.stopTraining();
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.takeFirst().first().toBool());  // cancelled
        const int stopped = tp->stepCount();
        // After Stop: no speed or ETA left standing, but where the run is.
        QVERIFY2(!tp->progressText().contains("ETA"), qPrintable(tp->progressText()));
        QVERIFY2(tp->progressText().contains("stopped"), qPrintable(tp->progressText()));

        w.continueTraining();
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() >= stopped + 4, 120000);
        // status.json follows the continued run's verdict, not the one of its first step.
        const QString dir = w.runDir();
        QTRY_VERIFY_WITH_TIMEOUT(statusJson(dir).value("collapse", nlohmann::json::object()).value("step", -1) >= stopped + 3,
                                 60000);
        w.stopTraining();
        QVERIFY(finished.wait(120000));
        // Every step is in the collapse chart, and in view.
        QCOMPARE(tp->collapsePlot()->graph(0)->dataCount(), tp->stepCount());
        QCOMPARE(tp->collapsePlot()->graph(1)->dataCount(), tp->stepCount());
        QVERIFY(tp->stepCount() > stopped);
        settle(tp->collapsePlot());
        QVERIFY(tp->collapsePlot()->xAxis->range().contains(tp->steps().back().step));
        const auto snap = api::loadRun(dir.toStdString());
        QCOMPARE(static_cast<int>(snap.steps.size()), tp->stepCount());
        QCOMPARE(statusJson(dir)["collapse"]["step"].get<int>(), static_cast<int>(tp->steps().back().step));

        // The pseudo-label note describes this (Sinkhorn) run's targets.
        QVERIFY(w.pseudoLabelPanel()->explainer()->text().contains("Sinkhorn"));

        // Evaluation on the val split: its own report, naming val and its 160 images.
        EvaluationPanel* ep = w.evaluationPanel();
        ep->setSplit("val");
        QSignalSpy done(ep, &EvaluationPanel::evaluated);
        QTest::mouseClick(ep->evaluateButton(), Qt::LeftButton);
        QVERIFY(done.wait(300000));
        QCOMPARE(QString::fromStdString(ep->report().test_split), QString("val"));
        QCOMPARE(ep->report().n_test, int64_t(160));
        QVERIFY(ep->summaryTable()->verticalHeaderItem(0)->text().contains("val, n = 160"));
        QVERIFY(QFileInfo::exists(dir + "/eval_val.json"));
        // Back to test: not evaluated there yet (no eval.json: the run was stopped before its end).
        ep->setSplit("test");
        QVERIFY(!ep->hasReport());
        QVERIFY(ep->findChild<QLabel*>("evalInfo")->text().contains("test"));
        ep->setSplit("val");  // the saved val report again
        QVERIFY(ep->hasReport());
        QCOMPARE(ep->report().n_test, int64_t(160));
    }
};

QTEST_MAIN(TestGuiFigures)
#include "test_gui_figures.moc"
