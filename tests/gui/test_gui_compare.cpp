// Comparing runs (issue 24, items 4 and 5): the comparison charts and the configuration diff of the
// Experiments tab, fed a RunTable of fixture runs as the runs table feeds them: two runs overlaid with
// their point counts and random-init lines, a seed group drawn as mean ± sd against hand-computed
// numbers, the wall-time axis from elapsed_seconds, stable colours, runs leaving the selection, a run
// whose metrics.csv grows, a refresh that changes nothing, the diff's "differences only", and the
// CSV and image exports.
#include "chart_controls.h"
#include "chart_export.h"
#include "comparison_panel.h"
#include "config_diff_panel.h"
#include "plot_widget.h"

#include "api/run_table.h"
#include "run_fixture.h"

#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace dino;
using namespace dino::ui;

namespace {

RunConfig tinyWith(double lr, uint64_t seed = 0) {
    RunConfig c = presetConfig("tiny");
    c.optim.lr = lr;
    c.system.seed = seed;
    return c;
}

QString writeRun(const QTemporaryDir& root, const QString& name, const test::FixtureRun& f) {
    const QString dir = root.filePath(name);
    test::writeFixtureRun(dir.toStdString(), f);
    return dir;
}

api::RunTable table(const QStringList& dirs, bool groupSeeds) {
    std::vector<api::RunRow> rows;
    for (const QString& d : dirs) rows.push_back(api::readRunRow(d.toStdString()));
    api::RunTableOptions o;
    o.group_seeds = groupSeeds;
    return api::makeRunTable(std::move(rows), o);
}

QCPGraph* graphNamed(PlotWidget* p, const QString& name) {
    for (int i = 0; i < p->graphCount(); ++i)
        if (p->graph(i)->name() == name) return p->graph(i);
    return nullptr;
}

QStringList graphNames(PlotWidget* p) {
    QStringList out;
    for (int i = 0; i < p->graphCount(); ++i) out << p->graph(i)->name();
    return out;
}

int legendEntries(PlotWidget* p) { return p->legend->itemCount(); }

// The value of graph g at key x (exact key).
double valueAt(QCPGraph* g, double x) {
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
        if (std::abs(it->key - x) < 1e-9) return it->value;
    return std::nan("");
}

// Shown and read: no read under way and the charts drawn.
void settle(ComparisonPanel& panel) {
    QTRY_VERIFY(!panel.reading());
    QTRY_VERIFY(panel.redraws() > 0);
}

}  // namespace

class TestGuiCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoRunsOverlaid();
    void seedGroupMeanAndBand();
    void wallTimeAxisUsesElapsedSeconds();
    void coloursStayAndRunsLeave();
    void growingRunGrowsItsCurve();
    void chartCsvAndImages();
    void configDiffDifferencesOnly();
};

void TestGuiCompare::twoRunsOverlaid() {
    QTemporaryDir root;
    test::FixtureRun a, b;
    a.config = tinyWith(0.001);
    a.steps = 8;
    a.live_knn = {{0, 0.30}, {4, 0.50}, {8, 0.60}};
    b.config = tinyWith(0.002);
    b.steps = 6;
    b.live_knn = {{0, 0.31}, {3, 0.45}, {6, 0.55}};
    b.live_baseline = 0.25;
    const QString da = writeRun(root, "a", a), db = writeRun(root, "b", b);

    ComparisonPanel panel;
    panel.resize(1200, 900);
    panel.show();
    panel.showSelection(table({da, db}, false));
    settle(panel);
    QCOMPARE(panel.seriesLabels(), (QStringList{"lr=0.001", "lr=0.002"}));

    // Loss: one smoothed curve per run in the legend, with the run's point count, and its raw curve.
    PlotWidget* loss = panel.plot(ComparisonPanel::Loss);
    QCOMPARE(legendEntries(loss), 2);
    QVERIFY2(graphNamed(loss, "lr=0.001"), qPrintable(graphNames(loss).join(" | ")));
    QCOMPARE(graphNamed(loss, "lr=0.001")->dataCount(), 8);
    QCOMPARE(graphNamed(loss, "lr=0.002")->dataCount(), 6);
    QCOMPARE(graphNamed(loss, "lr=0.001 · raw")->dataCount(), 8);
    QVERIFY(!graphNamed(loss, "lr=0.001 · raw")->visible() || graphNamed(loss, "lr=0.001 · raw")->pen().color().alpha() < 255);
    // Raw: the fixture's loss 5 - 0.1 s; smoothed: the debiased EMA at 0.9, (0.9 * 0.1 * 5 + 0.1 * 4.9) / (1 - 0.9²)
    // at step 1.
    QCOMPARE(valueAt(graphNamed(loss, "lr=0.001 · raw"), 3), 4.7);
    QVERIFY(std::abs(valueAt(graphNamed(loss, "lr=0.001"), 1) - (0.09 * 5.0 + 0.1 * 4.9) / 0.19) < 1e-9);

    // k-NN: two curves (percent) and two random-init lines, dashed in the run's colour.
    PlotWidget* knn = panel.plot(ComparisonPanel::Knn);
    QCOMPARE(legendEntries(knn), 2);
    QCOMPARE(graphNamed(knn, "lr=0.001")->dataCount(), 3);
    QCOMPARE(graphNamed(knn, "lr=0.002")->dataCount(), 3);
    QCOMPARE(valueAt(graphNamed(knn, "lr=0.002"), 3), 45.0);
    QCPGraph* initA = graphNamed(knn, "lr=0.001 · random init");
    QCPGraph* initB = graphNamed(knn, "lr=0.002 · random init");
    QVERIFY(initA && initB);
    QVERIFY(initA->pen().style() != Qt::SolidLine);  // dashed, the dashes of two runs interleaved
    QCOMPARE(initA->pen().dashPattern(), initB->pen().dashPattern());
    QVERIFY(initA->pen().dashOffset() != initB->pen().dashOffset());
    QCOMPARE(initA->pen().color(), graphNamed(knn, "lr=0.001")->pen().color());
    QCOMPARE(valueAt(initB, 0), 25.0);
    QCOMPARE(valueAt(initB, 6), 25.0);
    QVERIFY(graphNamed(knn, "lr=0.001")->pen().color() != graphNamed(knn, "lr=0.002")->pen().color());

    // 1-NN instead: the fixture's 1-NN is the weighted value - 0.01.
    panel.setKnnMetric(ComparisonPanel::KnnMetric::OneNn);
    QVERIFY(std::abs(valueAt(graphNamed(knn, "lr=0.002"), 3) - 44.0) < 1e-9);

    // The collapse indicators and the schedules have one curve per run too.
    QCOMPARE(legendEntries(panel.plot(ComparisonPanel::Entropy)), 2);
    QCOMPARE(legendEntries(panel.plot(ComparisonPanel::Kl)), 2);
    QCOMPARE(graphNamed(panel.plot(ComparisonPanel::Lr), "lr=0.002")->dataCount(), 6);

    // The log scale is shared by all charts.
    panel.controls()->setLogScale(true);
    for (PlotWidget* p : panel.plots()) QCOMPARE(p->yAxis->scaleType(), QCPAxis::stLogarithmic);
}

void TestGuiCompare::seedGroupMeanAndBand() {
    QTemporaryDir root;
    // Three seeds of one configuration, their losses 5.0, 5.3 and 5.9 at step 0 (all falling 0.1 a step),
    // their live k-NN 50, 60 and 70 % at step 4; and one run with another learning rate.
    QStringList dirs;
    const double loss0[3] = {5.0, 5.3, 5.9};
    const double knn4[3] = {0.5, 0.6, 0.7};
    for (int s = 0; s < 3; ++s) {
        test::FixtureRun f;
        f.config = tinyWith(0.001, s);
        f.loss0 = loss0[s];
        f.live_knn = {{0, 0.3}, {4, knn4[s]}};
        f.live_baseline = 0.2 + 0.1 * s;
        dirs << writeRun(root, QStringLiteral("c000-seed%1").arg(s), f);
    }
    test::FixtureRun other;
    other.config = tinyWith(0.003);
    other.live_knn = {{0, 0.3}, {4, 0.4}};
    dirs << writeRun(root, "c001-seed0", other);

    ComparisonPanel panel;
    panel.resize(1200, 900);
    panel.show();
    panel.setSmoothing(0);  // the smoothed mean is the mean of the raw curves
    panel.showSelection(table(dirs, true));
    settle(panel);
    // The lone run keeps its seed in its label: one seed, not a mean.
    QCOMPARE(panel.seriesLabels(), (QStringList{"lr=0.001 (n = 3)", "lr=0.003 s0"}));

    // Hand-computed: at step s the mean is 5.4 - 0.1 s, the sample sd sqrt((0.4² + 0.1² + 0.5²) / 2) = sqrt(0.21).
    PlotWidget* loss = panel.plot(ComparisonPanel::Loss);
    QCOMPARE(legendEntries(loss), 2);
    QCPGraph* mean = graphNamed(loss, "lr=0.001 (n = 3)");
    QCPGraph* upper = graphNamed(loss, "lr=0.001 (n = 3) · mean + sd");
    QCPGraph* lower = graphNamed(loss, "lr=0.001 (n = 3) · mean − sd");
    QVERIFY2(mean && upper && lower, qPrintable(graphNames(loss).join(" | ")));
    QCOMPARE(mean->dataCount(), 8);
    const double sd = std::sqrt(0.21);
    for (int step : {0, 3, 7}) {
        QVERIFY(std::abs(valueAt(mean, step) - (5.4 - 0.1 * step)) < 1e-9);
        QVERIFY(std::abs(valueAt(upper, step) - (5.4 - 0.1 * step + sd)) < 1e-9);
        QVERIFY(std::abs(valueAt(lower, step) - (5.4 - 0.1 * step - sd)) < 1e-9);
    }
    // The band is the channel between the two, filled in the group's colour; the lone run is a plain line.
    QCOMPARE(lower->channelFillGraph(), upper);
    QCOMPARE(lower->brush().color().rgb(), mean->pen().color().rgb());
    QVERIFY(graphNamed(loss, "lr=0.003 s0"));
    QVERIFY(!graphNamed(loss, "lr=0.003 s0 · mean + sd"));

    // The live k-NN: mean 60 %, sd 10 % at step 4; the random-init line at the members' mean, 30 %.
    PlotWidget* knn = panel.plot(ComparisonPanel::Knn);
    QVERIFY(std::abs(valueAt(graphNamed(knn, "lr=0.001 (n = 3)"), 4) - 60.0) < 1e-9);
    QVERIFY(std::abs(valueAt(graphNamed(knn, "lr=0.001 (n = 3) · mean + sd"), 4) - 70.0) < 1e-9);
    QVERIFY(std::abs(valueAt(graphNamed(knn, "lr=0.001 (n = 3) · mean − sd"), 4) - 50.0) < 1e-9);
    QVERIFY(std::abs(valueAt(graphNamed(knn, "lr=0.001 (n = 3) · random init"), 4) - 30.0) < 1e-9);

    // The CSV carries the mean, its sd and n.
    const QString csv = panel.chartCsv(ComparisonPanel::Knn);
    QVERIFY2(csv.contains("lr=0.001 (n = 3),weighted k-NN mean,4,60,10,3\n"), qPrintable(csv));

    // Ungrouped, the three seeds are three lines again, labelled with their seeds.
    panel.showSelection(table(dirs, false));
    settle(panel);
    QCOMPARE(panel.seriesLabels(), (QStringList{"lr=0.001 s0", "lr=0.001 s1", "lr=0.001 s2", "lr=0.003 s0"}));
    QCOMPARE(legendEntries(loss), 4);
}

void TestGuiCompare::wallTimeAxisUsesElapsedSeconds() {
    QTemporaryDir root;
    test::FixtureRun fast, slow;
    fast.config = tinyWith(0.001);
    fast.seconds_per_step = 0.5;
    fast.steps_per_epoch = 4;
    fast.live_knn = {{0, 0.3}, {4, 0.5}};
    slow.config = tinyWith(0.002);
    slow.seconds_per_step = 2.0;
    slow.steps_per_epoch = 4;
    const QString df = writeRun(root, "fast", fast), ds = writeRun(root, "slow", slow);
    ComparisonPanel panel;
    panel.resize(1200, 900);
    panel.show();
    panel.showSelection(table({df, ds}, false));
    settle(panel);
    panel.setXAxis(ComparisonPanel::XAxis::WallTime);
    PlotWidget* loss = panel.plot(ComparisonPanel::Loss);
    // elapsed_seconds of step s is seconds_per_step * (s + 1).
    QCPGraph* f = graphNamed(loss, "lr=0.001 · raw");
    QCPGraph* s = graphNamed(loss, "lr=0.002 · raw");
    QCOMPARE(f->data()->constBegin()->key, 0.5);
    QCOMPARE((f->data()->constEnd() - 1)->key, 4.0);
    QCOMPARE((s->data()->constEnd() - 1)->key, 16.0);
    QCOMPARE(valueAt(s, 4.0), 4.9);  // step 1 of the slow run
    // The k-NN point after 4 steps sits at the 4th step's elapsed time, 2 s.
    QCOMPARE(valueAt(graphNamed(panel.plot(ComparisonPanel::Knn), "lr=0.001"), 2.0), 50.0);
    QVERIFY(loss->xAxis->label().contains("wall time"));
    QVERIFY(panel.chartCsv(ComparisonPanel::Loss).startsWith("series,curve,step,elapsed_seconds,value,sd,n\n"));

    // By epoch (4 steps an epoch in the fixture, 2 planned epochs of the tiny preset's... as counted).
    panel.setXAxis(ComparisonPanel::XAxis::Epoch);
    QCPGraph* fe = graphNamed(loss, "lr=0.001 · raw");
    QCOMPARE((fe->data()->constEnd() - 1)->key, 7.0 / 4.0);
    QVERIFY(panel.chartCsv(ComparisonPanel::Loss).startsWith("series,curve,step,epoch,value,sd,n\n"));
}

void TestGuiCompare::coloursStayAndRunsLeave() {
    QTemporaryDir root;
    QStringList dirs;
    for (int i = 0; i < 3; ++i) {
        test::FixtureRun f;
        f.config = tinyWith(0.001 * (i + 1));
        dirs << writeRun(root, QStringLiteral("r%1").arg(i), f);
    }
    ComparisonPanel panel;
    panel.show();
    panel.showSelection(table({dirs[0], dirs[1]}, false));
    settle(panel);
    const QColor c0 = panel.colourOf(dirs[0]), c1 = panel.colourOf(dirs[1]);
    QVERIFY(c0.isValid() && c1.isValid() && c0 != c1);
    // A third run joins: the first two keep their colours.
    panel.showSelection(table(dirs, false));
    settle(panel);
    QCOMPARE(panel.colourOf(dirs[0]), c0);
    QCOMPARE(panel.colourOf(dirs[1]), c1);
    QVERIFY(panel.colourOf(dirs[2]) != c0 && panel.colourOf(dirs[2]) != c1);
    QCOMPARE(legendEntries(panel.plot(ComparisonPanel::Loss)), 3);
    // The first leaves: its graphs go, the others keep their colours.
    panel.showSelection(table({dirs[1], dirs[2]}, false));
    QTRY_COMPARE(legendEntries(panel.plot(ComparisonPanel::Loss)), 2);
    QCOMPARE(panel.colourOf(dirs[1]), c1);
    QCOMPARE(graphNamed(panel.plot(ComparisonPanel::Loss), "lr=0.002")->pen().color(), c1);
    // Nothing selected: empty charts.
    panel.showSelection(api::RunTable{});
    QTRY_COMPARE(panel.plot(ComparisonPanel::Loss)->graphCount(), 0);
}

void TestGuiCompare::growingRunGrowsItsCurve() {
    QTemporaryDir root;
    test::FixtureRun f;
    f.config = tinyWith(0.001);
    f.steps = 4;
    test::FixtureRun g = f;
    g.config = tinyWith(0.002);
    const QString d = writeRun(root, "growing", f), other = writeRun(root, "other", g);
    ComparisonPanel panel;
    panel.show();
    panel.showSelection(table({d, other}, false));
    settle(panel);
    PlotWidget* loss = panel.plot(ComparisonPanel::Loss);
    QCOMPARE(graphNamed(loss, "lr=0.001")->dataCount(), 4);

    // The table is re-read with nothing new: no read of finished runs, no redraw.
    const int redraws = panel.redraws();
    panel.showSelection(table({d, other}, false));
    QTRY_VERIFY(!panel.reading());
    QCOMPARE(panel.redraws(), redraws);

    // The run grows by three rows (as a training process appends them); the table's next read sees it.
    {
        std::ofstream out(api::runMetricsPath(d.toStdString()), std::ios::app);
        f.steps = 7;
        for (int s = 4; s < 7; ++s) out << api::metricsCsvRow(test::fixtureStep(f, s)) << "\n";
    }
    panel.showSelection(table({d, other}, false));
    QTRY_COMPARE(graphNamed(loss, "lr=0.001")->dataCount(), 7);
    QCOMPARE(graphNamed(loss, "lr=0.002")->dataCount(), 4);
    QCOMPARE(valueAt(graphNamed(loss, "lr=0.001 · raw"), 6), 5.0 - 0.6);
}

void TestGuiCompare::chartCsvAndImages() {
    QTemporaryDir root;
    test::FixtureRun a, b;
    a.config = tinyWith(0.001);
    b.config = tinyWith(0.002);
    const QString da = writeRun(root, "a", a), db = writeRun(root, "b", b);
    ComparisonPanel panel;
    panel.resize(1200, 900);
    panel.show();
    panel.setSmoothing(0);
    panel.showSelection(table({da, db}, false));
    settle(panel);
    PlotWidget* loss = panel.plot(ComparisonPanel::Loss);
    QVERIFY(loss->hasCsvSource());
    const QString path = root.filePath("loss.csv");
    QCOMPARE(loss->exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.front(), QString("series,curve,step,value,sd,n"));
    QVERIFY2(lines.contains("lr=0.001,raw,3,4.7,,1"), qPrintable(lines.mid(0, 5).join('\n')));
    QVERIFY(lines.contains("lr=0.002,smoothed,0,5,,1"));
    QCOMPARE(lines.size(), 1 + 2 * 2 * 8);  // raw and smoothed of two runs of 8 steps
    // The images go through the charts' export path.
    for (const QString ext : {"png", "svg", "pdf"}) {
        const QString img = root.filePath("loss." + ext);
        QCOMPARE(exportPlot(loss, img, 900, 600), QString());
        QVERIFY(QFileInfo(img).size() > 1000);
    }
}

void TestGuiCompare::configDiffDifferencesOnly() {
    QTemporaryDir root;
    test::FixtureRun a, b;
    a.config = tinyWith(0.001);
    b.config = tinyWith(0.0025);
    const QString da = writeRun(root, "a", a), db = writeRun(root, "b", b);
    ConfigDiffPanel diff;
    diff.show();
    QVERIFY(diff.differencesOnly()->isChecked());
    diff.showSelection(table({da, db}, false));
    QCOMPARE(diff.shownFields(), QStringList{"optim.lr"});
    QCOMPARE(diff.table()->columnCount(), 2);
    QCOMPARE(diff.table()->horizontalHeaderItem(1)->text(), QString("b"));
    QCOMPARE(diff.table()->item(0, 0)->text(), QString("0.001"));
    QCOMPARE(diff.table()->item(0, 1)->text(), QString("0.0025"));
    QVERIFY(diff.table()->verticalHeaderItem(0)->toolTip().startsWith("optim.lr"));
    QVERIFY(diff.table()->verticalHeaderItem(0)->text() != "optim.lr");  // the form's label

    const QStringList lines = diff.csv().split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QString("field,label,a,b"));
    QVERIFY2(lines[1].startsWith("optim.lr,") && lines[1].endsWith(",0.001,0.0025"), qPrintable(lines[1]));
    const QString path = root.filePath("diff.csv");
    QCOMPARE(diff.exportCsv(path), QString());
    QVERIFY(QFileInfo(path).size() > 0);

    // Unchecked: every field of the config, the differing one marked.
    diff.differencesOnly()->setChecked(false);
    QCOMPARE(diff.table()->rowCount(), static_cast<int>(api::configFieldValues(a.config).size()));
    const int lr = diff.shownFields().indexOf("optim.lr");
    QVERIFY(lr >= 0);
    QVERIFY(diff.table()->item(lr, 0)->font().bold());
    QVERIFY(!diff.table()->item(lr == 0 ? 1 : 0, 0)->font().bold());
    QCOMPARE(diff.csv().split('\n', Qt::SkipEmptyParts).size(), diff.table()->rowCount() + 1);
}

QTEST_MAIN(TestGuiCompare)
#include "test_gui_compare.moc"
