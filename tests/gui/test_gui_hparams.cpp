// The hyperparameter views of the Experiments tab (issue 24 item 6): the parallel coordinates' axes, scales
// and vertex positions against hand-computed numbers, brushing by a mouse drag (the runs inside emitted for
// the table's filter, clearing), the scatter's points, and seed groups drawn at their means.
//
// Fixture: a 2 x 2 grid of optim.lr in {1e-4, 3e-3} (a 30x spread: a log axis) and model.out_dim in {16, 64}
// (an integer field with two values: categories), weighted k-NN results chosen per run.
#include "hparams_panel.h"
#include "paired_panel.h"
#include "parallel_coordinates.h"
#include "plot_widget.h"

#include "../support/run_fixture.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include <cmath>

using namespace dino;
using namespace dino::ui;

namespace {

struct GridRun {
    double lr;
    int out_dim;
    uint64_t seed;
    double knn;
};

// Results: (1e-4, 16) 0.60 / 0.64, (1e-4, 64) 0.70 / 0.72, (3e-3, 16) 0.65 / 0.61, (3e-3, 64) 0.80 / 0.84.
const std::vector<GridRun> kGrid = {
    {1e-4, 16, 0, 0.60}, {1e-4, 64, 0, 0.70}, {3e-3, 16, 0, 0.65}, {3e-3, 64, 0, 0.80},
    {1e-4, 16, 1, 0.64}, {1e-4, 64, 1, 0.72}, {3e-3, 16, 1, 0.61}, {3e-3, 64, 1, 0.84},
};

api::RunTable gridTableOf(const QString& root, const std::vector<size_t>& which, bool group) {
    std::vector<api::RunRow> rows;
    for (size_t i : which) {
        const GridRun& g = kGrid[i];
        test::FixtureRun f;
        f.config.optim.lr = g.lr;
        f.config.model.out_dim = g.out_dim;
        f.config.system.seed = g.seed;
        f.knn = g.knn;
        const std::string name = "lr" + std::to_string(g.lr) + "-d" + std::to_string(g.out_dim) + "-s" + std::to_string(g.seed);
        const std::string dir = (root + "/").toStdString() + name;
        test::writeFixtureRun(dir, f);
        rows.push_back(api::readRunRow(dir, name));
    }
    api::RunTableOptions o;
    o.group_seeds = group;
    return api::makeRunTable(std::move(rows), o);
}

// A mouse move without a button (QTest::mouseMove only moves the cursor then, which the offscreen platform
// does not turn into events).
void hover(QWidget* w, QPoint pos) {
    QMouseEvent me(QEvent::MouseMove, QPointF(pos), QPointF(w->mapToGlobal(pos)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(w, &me);
}

api::RunTable gridTable(const QString& root, size_t n, bool group) {
    std::vector<size_t> which;
    for (size_t i = 0; i < n; ++i) which.push_back(i);
    return gridTableOf(root, which, group);
}

QStringList dirsOf(const api::RunTable& t, double lr) {
    QStringList out;
    for (const auto& r : t.rows)
        if (r.config.optim.lr == lr) out << QString::fromStdString(r.dir);
    return out;
}

}  // namespace

class TestGuiHParams : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    // The paired view: every seed group against a reference, seed by seed, against hand-computed differences
    // of the grid's k-NN results (the random-init k-NN is the fixture's 0.35 in every run, so the k-NN gain
    // differs as the k-NN does).
    void pairedBySeed() {
        const api::RunTable t = gridTable(tmp_.filePath("paired"), 8, true);
        QCOMPARE(t.groups.size(), size_t(4));  // (1e-4, 16), (1e-4, 64), (3e-3, 16), (3e-3, 64); seeds 0 and 1
        PairedPanel panel;
        panel.resize(1200, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTable(t);
        QTableWidget* cells = panel.table();
        QCOMPARE(panel.referenceCombo()->count(), 4);
        QCOMPARE(panel.referenceCombo()->currentIndex(), 0);  // the first group by default
        QCOMPARE(cells->rowCount(), 3);
        // The same table again (the timer's re-read while nothing changed): the cells are kept, not rebuilt.
        QTableWidgetItem* before = cells->item(0, 0);
        panel.showTable(t);
        QCOMPARE(cells->item(0, 0), before);
        auto cell = [&](const QString& nameStart, const QString& header) -> QTableWidgetItem* {
            int col = -1;
            for (int c = 0; c < cells->columnCount(); ++c)
                if (cells->horizontalHeaderItem(c)->text() == header) col = c;
            for (int r = 0; r < cells->rowCount(); ++r)
                if (cells->item(r, 0)->text().startsWith(nameStart)) return cells->item(r, col);
            return nullptr;
        };
        // (1e-4, 64) against (1e-4, 16): 0.70 - 0.60 and 0.72 - 0.64 = +10 and +8 points: mean +9.0,
        // sd sqrt((1² + 1²) / 1) = 1.4, ahead on both seeds: green.
        QTableWidgetItem* c = cell(QStringLiteral("lr0.000100-d64"), QStringLiteral("Δ k-NN"));
        QVERIFY(c);
        QCOMPARE(c->text(), QStringLiteral("+9.0 ± 1.4 (2/2)"));
        QCOMPARE(c->background().color(), QColor(0xc8e6c9));
        QCOMPARE(cell(QStringLiteral("lr0.000100-d64"), QStringLiteral("Δ gain k-NN"))->text(), QStringLiteral("+9.0 ± 1.4 (2/2)"));
        QVERIFY(c->toolTip().contains(QStringLiteral("seed 0: +10.0 (70.0 against 60.0)")));
        // Its 95 % interval: +9.0 ± t(0.975; 1) · 1.414 / √2 = +9.0 ± 12.706 = -3.7 … +21.7 points.
        QVERIFY(c->toolTip().contains(QStringLiteral("95 % interval of the mean difference")));
        QVERIFY(c->toolTip().contains(QStringLiteral("−3.7 … +21.7 points")));
        // (3e-3, 16): +5 and -3 points: mean +1.0, sd sqrt((4² + 4²) / 1) = 5.7, one seed ahead: no tint.
        c = cell(QStringLiteral("lr0.003000-d16"), QStringLiteral("Δ k-NN"));
        QCOMPARE(c->text(), QStringLiteral("+1.0 ± 5.7 (1/2)"));
        QCOMPARE(c->background().style(), Qt::NoBrush);
        QCOMPARE(cell(QStringLiteral("lr0.003000-d16"), QStringLiteral("Seeds paired"))->text(), QStringLiteral("0,1"));
        // No probe in the fixture: the probe cells are empty.
        QVERIFY(cell(QStringLiteral("lr0.003000-d16"), QStringLiteral("Δ probe"))->text().isEmpty());

        // Against (3e-3, 64), chosen in the combo: (1e-4, 16) is 20 points behind on both seeds: red.
        panel.referenceCombo()->setCurrentIndex(3);
        c = cell(QStringLiteral("lr0.000100-d16"), QStringLiteral("Δ k-NN"));
        QVERIFY(c);
        QCOMPARE(c->text(), QStringLiteral("−20.0 ± 0.0 (0/2)"));
        QCOMPARE(c->background().color(), QColor(0xffcdd2));
        // The choice is kept when the table is read again.
        panel.showTable(t);
        QCOMPARE(panel.referenceCombo()->currentIndex(), 3);
        QVERIFY(panel.referenceDir().endsWith(QStringLiteral("lr0.003000-d64-s0")));
        // Sorting by a difference sorts by its number: ascending puts -20 first.
        int col = -1;
        for (int k = 0; k < cells->columnCount(); ++k)
            if (cells->horizontalHeaderItem(k)->text() == QStringLiteral("Δ k-NN")) col = k;
        cells->sortItems(col, Qt::AscendingOrder);
        QVERIFY(cells->item(0, 0)->text().startsWith(QStringLiteral("lr0.000100-d16")));

        // Not grouped: nothing to pair, and the message says what to do.
        panel.showTable(gridTable(tmp_.filePath("paired-flat"), 8, false));
        QCOMPARE(cells->rowCount(), 0);
        QVERIFY(panel.message()->text().contains(QStringLiteral("Group seeds")));
        // One configuration: nothing to pair either.
        panel.showTable(gridTableOf(tmp_.filePath("paired-one"), {0, 4}, true));
        QCOMPARE(cells->rowCount(), 0);
        QVERIFY(panel.message()->text().contains(QStringLiteral("One configuration")));
    }

    void axesAndVertices() {
        const api::RunTable t = gridTable(tmp_.filePath("grid"), 4, false);
        QCOMPARE(t.fields, (std::vector<std::string>{"model.out_dim", "optim.lr"}));
        HParamsPanel panel;
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTable(t);
        ParallelCoordinates* pc = panel.parallel();
        const PcData& d = pc->data();
        QCOMPARE(d.axes.size(), size_t(3));
        QCOMPARE(d.axes[0].key, QStringLiteral("model.out_dim"));
        QCOMPARE(d.axes[1].key, QStringLiteral("optim.lr"));
        QCOMPARE(d.axes[2].key, QStringLiteral("knn"));  // the weighted k-NN by default
        QVERIFY(d.axes[2].result);
        QCOMPARE(d.axes[0].scale, PcAxis::Scale::Categories);
        QCOMPARE(d.axes[0].categories, (QStringList{"16", "64"}));
        QCOMPARE(d.axes[1].scale, PcAxis::Scale::Log);
        QCOMPARE(d.axes[2].scale, PcAxis::Scale::Linear);
        QCOMPARE(d.lines.size(), size_t(4));

        // Axes evenly spaced, left to right.
        const double x0 = pc->axisX(0), x1 = pc->axisX(1), x2 = pc->axisX(2);
        QVERIFY(x0 > 0 && x1 > x0 && x2 > x1);
        QCOMPARE(x2 - x1, x1 - x0);
        QVERIFY(x2 - x1 >= ParallelCoordinates::kMinAxisSpacing);
        const double top = pc->plotTop(), bottom = pc->plotBottom(), h = bottom - top;
        QVERIFY(h > 100);
        // Each run's vertices: out_dim 16 at the bottom, 64 at the top; lr 1e-4 at the bottom, 3e-3 at the top;
        // the k-NN over [0.60, 0.80]: 0.70 at half, 0.65 at a quarter.
        const double knnPos[4] = {0.0, 0.5, 0.25, 1.0};
        for (int i = 0; i < 4; ++i) {
            const GridRun& g = kGrid[size_t(i)];
            const QPointF a = pc->vertex(i, 0), b = pc->vertex(i, 1), c = pc->vertex(i, 2);
            QCOMPARE(a.x(), x0);
            QCOMPARE(b.x(), x1);
            QCOMPARE(c.x(), x2);
            QVERIFY(std::abs(a.y() - (g.out_dim == 16 ? bottom : top)) < 1e-9);
            QVERIFY(std::abs(b.y() - (g.lr == 1e-4 ? bottom : top)) < 1e-9);
            QVERIFY2(std::abs(c.y() - (bottom - knnPos[i] * h)) < 1e-9, qPrintable(QString::number(c.y())));
        }
        // The log scale between the ends: 1e-3 at ln(10) / ln(30) = 0.676992 of the axis, the geometric mean
        // sqrt(1e-4 * 3e-3) at half.
        QVERIFY(std::abs(pc->valueY(1, 1e-3) - (bottom - 0.676992 * h)) < 1e-4 * h);
        QVERIFY(std::abs(pc->valueY(1, std::sqrt(1e-4 * 3e-3)) - (bottom - 0.5 * h)) < 1e-9);
        // A missing result: grey at the n/a mark under the axis.
        QVERIFY(pc->valueY(2, api::kNoValue) > bottom);
        QCOMPARE(pc->valueY(2, api::kNoValue), pc->naY());

        // Hovering a line highlights it and names the run, its values and its result.
        // (a quarter of the way from the first axis: line 1 crosses line 2 half-way)
        const QPointF on = (3 * pc->vertex(2, 0) + pc->vertex(2, 1)) / 4;
        hover(pc, on.toPoint());
        QTRY_COMPARE(pc->hoveredLine(), 2);
        QTRY_VERIFY(QToolTip::text().contains(QString::fromStdString(t.rows[2].name)));
        QVERIFY(QToolTip::text().contains("0.6500"));

        // Exports: CSV with a row per run, SVG and PNG files.
        const QString csv = tmp_.filePath("pc.csv");
        QCOMPARE(pc->exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith("name,dirs,model.out_dim,optim.lr,knn"));
        QVERIFY(lines[4].contains(",64,0.003,0.8000,"));
        QCOMPARE(pc->exportSvg(tmp_.filePath("pc.svg")), QString());
        QFile svg(tmp_.filePath("pc.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QCOMPARE(pc->exportPng(tmp_.filePath("pc.png")), QString());
        QVERIFY(QImage(tmp_.filePath("pc.png")).width() >= 2 * 400);
    }

    void brushingByDrag() {
        const api::RunTable t = gridTable(tmp_.filePath("grid"), 4, false);
        HParamsPanel panel;
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showTable(t);
        ParallelCoordinates* pc = panel.parallel();
        QSignalSpy spy(&panel, &HParamsPanel::runFilterChanged);

        // Drag along the lr axis around 3e-3 (its top): exactly the two runs with lr 3e-3.
        const int x = qRound(pc->axisX(1));
        const int y = qRound(pc->valueY(1, 3e-3));
        QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(x, y + 25));
        QTest::mouseMove(pc, QPoint(x + 1, y + 5));
        QTest::mouseMove(pc, QPoint(x + 1, y - 8));
        QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(x + 1, y - 8));
        QTRY_VERIFY(!spy.isEmpty());
        QList<QVariant> last = spy.takeLast();
        QStringList dirs = last.at(0).toStringList();
        dirs.sort();
        QStringList want = dirsOf(t, 3e-3);
        want.sort();
        QCOMPARE(dirs, want);
        QCOMPARE(last.at(1).toBool(), true);
        QVERIFY(pc->brush(1).has_value());
        QVERIFY(pc->lineInside(2) && pc->lineInside(3) && !pc->lineInside(0) && !pc->lineInside(1));

        // A second brush on the result axis, from its top (0.805) to 0.78: AND with the first, one run.
        spy.clear();
        const int xr = qRound(pc->axisX(2));
        QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(xr, qRound(pc->valueY(2, 0.805))));
        QTest::mouseMove(pc, QPoint(xr, qRound(pc->valueY(2, 0.80))));
        QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(xr, qRound(pc->valueY(2, 0.78))));
        QTRY_VERIFY(!spy.isEmpty());
        last = spy.takeLast();
        QCOMPARE(last.at(0).toStringList(), QStringList{QString::fromStdString(t.rows[3].dir)});
        QCOMPARE(last.at(1).toBool(), true);

        // A click on the result axis outside its brush clears that axis only: back to the lr brush.
        spy.clear();
        QTest::mouseClick(pc, Qt::LeftButton, {}, QPoint(xr, qRound(pc->valueY(2, 0.62))));
        QTRY_VERIFY(!spy.isEmpty());
        dirs = spy.takeLast().at(0).toStringList();
        dirs.sort();
        QCOMPARE(dirs, want);
        QVERIFY(!pc->brush(2).has_value());

        // The table re-read (same runs, a new result arrives): the brush is kept in values.
        spy.clear();
        panel.showTable(t);
        QVERIFY(pc->brush(1).has_value());
        QVERIFY(spy.isEmpty());  // nothing changed: no new filter

        // A new run arrives (seed 1 of lr 3e-3, out_dim 16): system.seed becomes an axis, the lr brush stays
        // and the new run, inside it, joins the filter.
        const api::RunTable t5 = gridTableOf(tmp_.filePath("grid"), {0, 1, 2, 3, 6}, false);
        panel.showTable(t5);
        QCOMPARE(pc->data().axes.size(), size_t(4));
        QTRY_VERIFY(!spy.isEmpty());
        dirs = spy.takeLast().at(0).toStringList();
        dirs.sort();
        want = dirsOf(t5, 3e-3);
        want.sort();
        QCOMPARE(want.size(), 3);
        QCOMPARE(dirs, want);

        // "Clear brushes": no filter.
        QVERIFY(panel.clearButton()->isEnabled());
        QTest::mouseClick(panel.clearButton(), Qt::LeftButton);
        QTRY_VERIFY(!spy.isEmpty());
        QCOMPARE(spy.takeLast().at(1).toBool(), false);
        QVERIFY(!pc->hasBrushes());

        // A double-click on an axis clears its brush.
        pc->setBrush(0, 0.9, 1.1);  // out_dim 64
        QCOMPARE(pc->dirsInside().size(), 2);
        spy.clear();
        // (on the brush: its clicks alone keep it)
        QTest::mouseDClick(pc, Qt::LeftButton, {}, QPoint(qRound(pc->axisX(0)), qRound(pc->valueY(0, 1))));
        QTRY_VERIFY(!spy.isEmpty());
        QCOMPARE(spy.takeLast().at(1).toBool(), false);
    }

    void scatterPoints() {
        const api::RunTable t = gridTable(tmp_.filePath("grid"), 4, false);
        HParamsPanel panel;
        panel.resize(1200, 500);
        panel.show();
        panel.showTable(t);
        // x: the numeric fields that differ, then the results; y: the results, the k-NN by default.
        QCOMPARE(panel.scatterXCombo()->itemData(0).toString(), QStringLiteral("field:model.out_dim"));
        QCOMPARE(panel.scatterXCombo()->itemData(1).toString(), QStringLiteral("field:optim.lr"));
        QCOMPARE(panel.scatterYCombo()->currentData().toString(), QStringLiteral("result:knn"));
        panel.scatterXCombo()->setCurrentIndex(1);
        QVERIFY(panel.scatterLogX());  // lr spans more than a decade
        const auto& pts = panel.scatterPoints();
        QCOMPARE(pts.size(), size_t(4));
        for (size_t i = 0; i < 4; ++i) {
            QCOMPARE(pts[i].x, kGrid[i].lr);
            QCOMPARE(pts[i].y, kGrid[i].knn);
        }
        QCOMPARE(panel.scatter()->graph(0)->dataCount(), 4);
        // The points at the ends of the log axis drawn whole: at least 7 px (a disc's radius) inside the axis.
        panel.tabs()->setCurrentWidget(panel.scatter()->parentWidget());
        panel.scatter()->requestReplot();
        QCPAxis* xa = panel.scatter()->xAxis;
        QTRY_VERIFY(xa->axisRect()->width() > 500 && xa->range().lower < 1e-4);
        QTRY_VERIFY(xa->coordToPixel(1e-4) - xa->coordToPixel(xa->range().lower) >= 6.5);
        QVERIFY(xa->coordToPixel(xa->range().upper) - xa->coordToPixel(3e-3) >= 6.5);
        // Hovering a point names its run.
        panel.scatter()->replot();
        const QPoint at(qRound(xa->coordToPixel(3e-3)), qRound(panel.scatter()->yAxis->coordToPixel(0.80)));
        hover(panel.scatter(), at);
        QTRY_VERIFY(QToolTip::text().contains(QString::fromStdString(t.rows[3].name)));
        // The table's selection: ringed on the scatter, outlined on the parallel coordinates.
        api::RunTable sel;
        sel.rows = {t.rows[1], t.rows[3]};
        panel.showSelection(sel);
        QCOMPARE(panel.scatter()->graph(1)->dataCount(), 2);
        QVERIFY(!panel.parallel()->lineSelected(0) && panel.parallel()->lineSelected(1) && panel.parallel()->lineSelected(3));
        // out_dim on a linear axis (4x).
        panel.scatterXCombo()->setCurrentIndex(0);
        QVERIFY(!panel.scatterLogX());
        QCOMPARE(panel.scatterPoints()[3].x, 64.0);
        // A result against a result: the 1-NN of every fixture run is 0.5.
        panel.scatterXCombo()->setCurrentIndex(panel.scatterXCombo()->findData("result:nn1"));
        QCOMPARE(panel.scatterPoints().size(), size_t(4));
        QCOMPARE(panel.scatterPoints()[0].x, 0.5);
    }

    void fieldsThatMattered() {
        // Per field, the mean k-NN at each value and their spread: out_dim 16 (0.60, 0.65) -> 0.625,
        // 64 (0.70, 0.80) -> 0.75, spread 0.125; lr 1e-4 (0.60, 0.70) -> 0.65, 3e-3 (0.65, 0.80) -> 0.725,
        // spread 0.075. Largest first.
        const api::RunTable t = gridTable(tmp_.filePath("grid"), 4, false);
        HParamsPanel panel;
        panel.resize(1000, 400);
        panel.show();
        panel.showTable(t);
        const auto& e = panel.effects();
        QCOMPARE(e.size(), size_t(2));
        QCOMPARE(e[0].field, std::string("model.out_dim"));
        QCOMPARE(e[0].levels, (std::vector<std::string>{"16", "64"}));
        QVERIFY(std::abs(e[0].means[0] - 0.625) < 1e-12 && std::abs(e[0].means[1] - 0.75) < 1e-12);
        QVERIFY(std::abs(e[0].spread - 0.125) < 1e-12);
        QCOMPARE(e[1].field, std::string("optim.lr"));
        QVERIFY(std::abs(e[1].spread - 0.075) < 1e-12);
        QCOMPARE(panel.effectsPlot()->plottable(0)->interface1D()->dataCount(), 2);
        // Seed groups count once each, at their means: out_dim 16 (0.62, 0.63), 64 (0.71, 0.82) -> 0.14.
        panel.showTable(gridTable(tmp_.filePath("seeds"), 8, true));
        QCOMPARE(panel.effects().size(), size_t(2));
        QCOMPARE(panel.effects()[0].field, std::string("model.out_dim"));
        QVERIFY(std::abs(panel.effects()[0].spread - 0.14) < 1e-12);
    }

    void seedGroupsAtTheirMeans() {
        const api::RunTable t = gridTable(tmp_.filePath("seeds"), 8, true);
        QCOMPARE(t.groups.size(), size_t(4));
        HParamsPanel panel;
        panel.resize(1200, 500);
        panel.show();
        panel.showTable(t);
        const PcData& d = panel.parallel()->data();
        QVERIFY(d.grouped);
        QCOMPARE(d.axes.size(), size_t(3));  // system.seed is not an axis of groups
        QCOMPARE(d.lines.size(), size_t(4));
        // Means: 0.62, 0.71, 0.63, 0.82; sample sds: 0.04 / sqrt(2), 0.02 / sqrt(2), 0.04 / sqrt(2), 0.04 / sqrt(2).
        const double means[4] = {0.62, 0.71, 0.63, 0.82};
        const double sds[4] = {0.0282842712, 0.0141421356, 0.0282842712, 0.0282842712};
        for (size_t i = 0; i < 4; ++i) {
            QVERIFY(std::abs(d.lines[i].values[2] - means[i]) < 1e-12);
            QVERIFY(std::abs(d.lines[i].sd - sds[i]) < 1e-9);
            QCOMPARE(d.lines[i].dirs.size(), 2);
            QCOMPARE(d.lines[i].n, 2);
        }
        // The result axis over the means [0.62, 0.82]: 0.71 at 0.45.
        ParallelCoordinates* pc = panel.parallel();
        const double h = pc->plotBottom() - pc->plotTop();
        QVERIFY(std::abs(pc->vertex(1, 2).y() - (pc->plotBottom() - 0.45 * h)) < 1e-9);
        // A brush on lr selects both seeds of each group inside.
        pc->setBrush(1, 0.9, 1.1);
        QStringList dirs = pc->dirsInside();
        dirs.sort();
        QStringList want = dirsOf(t, 3e-3);
        want.sort();
        QCOMPARE(dirs, want);
        QCOMPARE(dirs.size(), 4);
        // The scatter: one point per group at the mean, with the sd.
        panel.scatterXCombo()->setCurrentIndex(panel.scatterXCombo()->findData("field:optim.lr"));
        QCOMPARE(panel.scatterPoints().size(), size_t(4));
        for (size_t i = 0; i < 4; ++i) {
            QVERIFY(std::abs(panel.scatterPoints()[i].y - means[i]) < 1e-12);
            QVERIFY(std::abs(panel.scatterPoints()[i].sd - sds[i]) < 1e-9);
        }
    }

    void missingResultsAndOtherResult() {
        // Two runs without eval.json: the k-NN is n/a for them, drawn at the n/a mark.
        std::vector<api::RunRow> rows;
        for (int i = 0; i < 3; ++i) {
            test::FixtureRun f;
            f.config.optim.lr = 1e-4 * (i + 1);
            f.eval = i == 0;
            f.knn = 0.7;
            const std::string dir = tmp_.filePath("missing/r" + QString::number(i)).toStdString();
            test::writeFixtureRun(dir, f);
            rows.push_back(api::readRunRow(dir));
        }
        api::RunTableOptions o;
        o.group_seeds = false;
        const api::RunTable t = api::makeRunTable(std::move(rows), o);
        HParamsPanel panel;
        panel.resize(900, 400);
        panel.show();
        panel.showTable(t);
        ParallelCoordinates* pc = panel.parallel();
        QCOMPARE(pc->data().axes.size(), size_t(2));
        QCOMPARE(pc->data().axes[0].scale, PcAxis::Scale::Linear);  // 1e-4 .. 3e-4: within a decade
        QCOMPARE(pc->vertex(0, 0).y(), pc->plotBottom());
        QCOMPARE(pc->vertex(2, 0).y(), pc->plotTop());
        QVERIFY(std::abs(pc->vertex(1, 0).y() - (pc->plotTop() + pc->plotBottom()) / 2) < 1e-9);
        QCOMPARE(pc->vertex(1, 1).y(), pc->naY());
        QCOMPARE(pc->vertex(2, 1).y(), pc->naY());
        QCOMPARE(pc->data().lines[1].texts[1], QStringLiteral("n/a"));
        // A brush over the n/a mark selects the runs without the result.
        pc->setBrush(1, -0.2, -0.05);
        QCOMPARE(pc->dirsInside().size(), 2);
        // Another result on the right-hand axis: the 1-NN.
        panel.resultCombo()->setCurrentIndex(panel.resultCombo()->findData("nn1"));
        QCOMPARE(pc->data().axes.back().key, QStringLiteral("nn1"));
    }
};

QTEST_MAIN(TestGuiHParams)
#include "test_gui_hparams.moc"
