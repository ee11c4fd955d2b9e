// The Experiments tab's table of runs (issue 24, items 3 and 5) on fixture runs written by the engine's
// own writers (tests/support/run_fixture.h): the rows and the differing-field columns, the text and status
// filters, seeds grouped with mean ± sd against hand-computed numbers, NaN sorted last, tags written to
// tags.json and read back, hiding, deleting (asks first; refused while a writer holds the run's lock), the
// selection delivered to a view as a RunTable, a view's brushing filter, and a run whose metrics.csv grows
// followed live with the selection kept.
#include "comparison_panel.h"
#include "experiments_panel.h"
#include "hparams_panel.h"
#include "experiments_view.h"
#include "runs_table_model.h"

#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/run_tags.h"
#include "config_fields.h"
#include "qt_types.h"
#include "run_fixture.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

using namespace dino;
using namespace dino::ui;
using Kind = RunsTableModel::Kind;

namespace {

// A view that records what the table gives it.
struct RecordingView : ExperimentsView {
    api::RunTable table, selection;
    int tables = 0, selections = 0;
    void showTable(const api::RunTable& t) override {
        table = t;
        ++tables;
    }
    void showSelection(const api::RunTable& t) override {
        selection = t;
        ++selections;
    }
};

}  // namespace

// A view widget that filters the table, as the parallel coordinates do by brushing.
class BrushingView : public QWidget, public RunFilterSource {
    Q_OBJECT
public:
    using QWidget::QWidget;
Q_SIGNALS:
    void runFilterChanged(const QStringList& dirs, bool active);
};

class TestGuiExperiments : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int folders_ = 0;

    // Three runs: lr 1e-3 with seeds 0 and 1 (finished), lr 2e-3 seed 0 (cancelled, no eval.json).
    QString writeRuns() {
        const std::string root = ss(tmp_.path()) + "/runs" + std::to_string(folders_++);
        for (int seed = 0; seed < 2; ++seed) {
            test::FixtureRun f;
            f.config.optim.lr = 1e-3;
            f.config.system.seed = static_cast<uint64_t>(seed);
            f.knn = seed == 0 ? 0.6 : 0.7;
            f.nn1 = seed == 0 ? 0.5 : 0.56;
            f.images_per_s = seed == 0 ? 100 : 300;
            test::writeFixtureRun(root + "/lr1e-3-s" + std::to_string(seed), f);
        }
        test::FixtureRun b;
        b.config.optim.lr = 2e-3;
        b.state = "cancelled";
        b.eval = false;
        test::writeFixtureRun(root + "/lr2e-3-s0", b);
        return qs(root);
    }

    std::unique_ptr<ExperimentsPanel> panelOn(const QString& folder, bool grouped) {
        auto p = std::make_unique<ExperimentsPanel>();
        p->setShowDialogs(false);
        p->setGroupSeeds(grouped);
        p->setShowHidden(false);
        p->setAllFields(false);
        p->setPollIntervals(40, 80);
        p->resize(1100, 700);
        p->setRunsFolder(folder);
        p->show();
        const int reads = p->readsDone();
        [&] { QTRY_VERIFY(p->readsDone() > reads); }();
        return p;
    }

    static QString cell(ExperimentsPanel* p, const QString& dir, int column) {
        const int row = p->model()->rowOfDir(dir);
        if (row < 0 || column < 0) return QStringLiteral("<none>");
        return p->model()->index(row, column).data().toString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(tmp_.isValid()); }

    void rowsAndDifferingFieldColumns() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        RunsTableModel* m = p->model();
        QCOMPARE(m->rowCount(), 3);
        const int lr = m->columnOf(Kind::Field, "optim.lr");
        const int seed = m->columnOf(Kind::Field, "system.seed");
        QVERIFY(lr >= 0);
        QVERIFY(seed >= 0);
        QCOMPARE(m->columnOf(Kind::Field, "model.out_dim"), -1);  // the same in every run: not a column
        QCOMPARE(m->headerData(lr, Qt::Horizontal, RunsTableModel::HeaderTextRole).toString(), fieldLabel("optim.lr"));
        QCOMPARE(m->headerData(lr, Qt::Horizontal).toString().replace('\n', ' '), fieldLabel("optim.lr"));
        QVERIFY(m->headerData(lr, Qt::Horizontal, Qt::ToolTipRole).toString().startsWith("optim.lr\n"));
        const QString s0 = root + "/lr1e-3-s0", b = root + "/lr2e-3-s0";
        QCOMPARE(cell(p.get(), s0, lr), QString("0.001"));
        QCOMPARE(cell(p.get(), b, lr), QString("0.002"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Status)), QString("finished"));
        QCOMPARE(cell(p.get(), b, m->columnOf(Kind::Status)), QString("stopped"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Wall)), QString("4s"));  // 8 steps of 0.5 s
        QVERIFY(cell(p.get(), s0, m->columnOf(Kind::Steps)).startsWith("8"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Speed)), QString("100"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Result, "knn")), QString("0.6000"));
        QCOMPARE(cell(p.get(), b, m->columnOf(Kind::Result, "knn")), QString());
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Collapse)), QString("healthy"));
        QVERIFY(m->columnOf(Kind::Tags) >= 0);
        QVERIFY(m->columnOf(Kind::Sweep) >= 0);
        QCOMPARE(p->visibleTable().rows.size(), size_t(3));
        // The names stay in view when the table scrolls sideways: a view of the first column over the table's.
        const auto* names = p->findChild<QTableView*>("runsTableNames");
        QVERIFY(names && names->isVisible());
        QVERIFY(!names->isColumnHidden(0));
        QVERIFY(names->isColumnHidden(1));
        QCOMPARE(names->columnWidth(0), p->tableView()->columnWidth(0));
        QCOMPARE(names->selectionModel(), p->tableView()->selectionModel());

        // All fields: every field of the config field table is a column. The model is reset (other columns),
        // and the selection and the sorted column are put back by run and by key.
        p->selectDirs({s0});
        p->tableView()->sortByColumn(m->columnOf(Kind::Result, "knn"), Qt::DescendingOrder);
        p->setAllFields(true);
        QCOMPARE(p->selectedDirs(), QStringList{s0});
        QCOMPARE(p->tableView()->horizontalHeader()->sortIndicatorSection(), m->columnOf(Kind::Result, "knn"));
        QCOMPARE(p->tableView()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(p->model()->columnOf(Kind::Field, "model.out_dim") >= 0, true);
        QCOMPARE(p->visibleTable().fields.size(), api::configFieldValues(RunConfig{}).size());
        p->setAllFields(false);

        // Numbers sort as numbers, and a run without the result is last in both directions.
        QTableView* v = p->tableView();
        const int knn = m->columnOf(Kind::Result, "knn");
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            v->sortByColumn(knn, order);
            QCOMPARE(p->proxy()->index(2, 0).data(RunsTableModel::DirsRole).toStringList(), QStringList{b});
            QCOMPARE(p->proxy()->index(0, knn).data().toString(), order == Qt::AscendingOrder ? QString("0.6000") : QString("0.7000"));
        }
    }

    void textAndStatusFilters() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        p->setTextFilter("lr2e-3");
        QCOMPARE(p->model()->rowCount(), 1);
        p->setTextFilter("optim.lr=0.001");  // a setting, as key=value
        QCOMPARE(p->model()->rowCount(), 2);
        p->setTextFilter("LR1E-3 s1");  // every word, any case
        QCOMPARE(p->model()->rowCount(), 1);
        p->setTextFilter("no-such-run");
        QCOMPARE(p->model()->rowCount(), 0);
        QCOMPARE(p->visibleTable().rows.size(), size_t(0));
        p->setTextFilter("");
        QCOMPARE(p->model()->rowCount(), 3);
        p->setStatusFilter({"stopped"});
        QCOMPARE(p->model()->rowCount(), 1);
        QCOMPARE(p->model()->dirs(0), QStringList{root + "/lr2e-3-s0"});
        p->setStatusFilter({"finished", "training"});
        QCOMPARE(p->model()->rowCount(), 2);
        p->setStatusFilter({});
        QCOMPARE(p->model()->rowCount(), 3);
    }

    void seedsGroupedWithMeanAndSd() {
        const QString root = writeRuns();
        auto p = panelOn(root, true);
        RunsTableModel* m = p->model();
        QCOMPARE(m->rowCount(), 2);  // the two seeds of lr 1e-3, and lr 2e-3
        QCOMPARE(m->columnOf(Kind::Field, "system.seed"), -1);
        const QString s0 = root + "/lr1e-3-s0";
        const int row = m->rowOfDir(s0);
        QCOMPARE(m->dirs(row), (QStringList{s0, root + "/lr1e-3-s1"}));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Name)), QString("lr1e-3-s0 +1"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::N)), QString("2"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Seeds)), QString("0, 1"));
        // By hand: k-NN 0.6, 0.7: mean 0.65, sd |0.7 - 0.6| / sqrt(2) = 0.070711; 1-NN 0.5, 0.56: mean 0.53,
        // sd 0.06 / sqrt(2) = 0.042426; images/s 100, 300: mean 200.
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Result, "knn")), QString("0.6500 ± 0.0707"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Result, "nn1")), QString("0.5300 ± 0.0424"));
        QCOMPARE(cell(p.get(), s0, m->columnOf(Kind::Speed)), QString("200"));
        const QModelIndex knn = m->index(row, m->columnOf(Kind::Result, "knn"));
        QVERIFY(std::abs(knn.data(RunsTableModel::SortRole).toDouble() - 0.65) < 1e-12);
        QVERIFY(m->headerData(knn.column(), Qt::Horizontal, Qt::ToolTipRole).toString().contains("mean ± sample standard deviation"));
        // A group of one has no ±.
        QCOMPARE(cell(p.get(), root + "/lr2e-3-s0", m->columnOf(Kind::Result, "auc")), QString());
        QCOMPARE(cell(p.get(), root + "/lr2e-3-s0", m->columnOf(Kind::N)), QString("1"));

        // Selecting the group selects its members for the views.
        RecordingView view;
        auto* w = new QWidget;
        p->addView("recorder", w, &view);
        p->selectDirs({s0});
        QTRY_COMPARE(view.selection.rows.size(), size_t(2));
        QCOMPARE(view.selection.groups.size(), size_t(1));
        QCOMPARE(view.selection.groups[0].members.size(), size_t(2));
        QCOMPARE(view.table.rows.size(), size_t(3));
        QCOMPARE(view.table.groups.size(), size_t(2));
    }

    void tagsWrittenToDiskAndHidden() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        const QString s1 = root + "/lr1e-3-s1";
        QSignalSpy done(p.get(), &ExperimentsPanel::done);
        p->tagRuns({s1}, {"best", " keep "}, {});
        QTRY_COMPARE(cell(p.get(), s1, p->model()->columnOf(Kind::Tags)), QString("best, keep"));
        QCOMPARE(api::readRunTags(ss(s1)).tags, (std::vector<std::string>{"best", "keep"}));  // on disk
        p->tagRuns({s1}, {}, {"best"});
        QTRY_COMPARE(cell(p.get(), s1, p->model()->columnOf(Kind::Tags)), QString("keep"));
        p->setTextFilter("keep");  // the filter matches tags
        QCOMPARE(p->model()->rowCount(), 1);
        p->setTextFilter("");

        p->setRunsHidden({s1}, true);
        QTRY_COMPARE(p->model()->rowCount(), 2);
        QVERIFY(api::readRunTags(ss(s1)).hidden);
        QCOMPARE(api::readRunTags(ss(s1)).tags, std::vector<std::string>{"keep"});
        p->setShowHidden(true);
        QCOMPARE(p->model()->rowCount(), 3);
        QVERIFY(p->model()->index(p->model()->rowOfDir(s1), 0).data(Qt::FontRole).value<QFont>().italic());
        p->setRunsHidden({s1}, false);
        QTRY_VERIFY(!api::readRunTags(ss(s1)).hidden);
        p->setShowHidden(false);
        QTRY_COMPARE(p->model()->rowCount(), 3);

        p->tagRuns({s1}, {"a,b"}, {});  // refused, with the reason
        QVERIFY(p->lastMessage().contains("comma"));
    }

    void deleteAsksFirstAndRemoves() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        const QString b = root + "/lr2e-3-s0";
        QString question;
        bool answer = false;
        int asked = 0;
        p->setConfirm([&](const QString&, const QString& text, const QString&, std::function<void(bool)> reply) {
            question = text;
            ++asked;
            reply(answer);
        });
        QSignalSpy done(p.get(), &ExperimentsPanel::done);
        p->deleteRuns({b});
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(asked, 1);
        QVERIFY2(question.contains("lr2e-3-s0"), qPrintable(question));
        QVERIFY2(question.contains(qs(formatBytes(api::directorySize(ss(b))))), qPrintable(question));
        QVERIFY(QFileInfo::exists(b));  // answered no

        answer = true;
        p->deleteRuns({b, b + "/../lr2e-3-s0", root + "/not-listed"});
        QTRY_COMPARE(done.count(), 2);
        QCOMPARE(asked, 2);
        QVERIFY(!QFileInfo::exists(b));
        QVERIFY(QFileInfo::exists(root + "/lr1e-3-s0/config.json"));
        QTRY_COMPARE(p->model()->rowCount(), 2);
        QVERIFY2(p->lastMessage().contains("1 run"), qPrintable(p->lastMessage()));  // "1 run deleted"
    }

    void deleteRefusedWhileATrainerHoldsTheLock() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        const QString s0 = root + "/lr1e-3-s0";
        int asked = 0;
        p->setConfirm([&](const QString&, const QString&, const QString&, std::function<void(bool)> reply) {
            ++asked;
            reply(true);
        });
        auto lock = api::RunLock::acquire(ss(s0), "test trainer");
        p->refresh();
        QTRY_VERIFY(cell(p.get(), s0, p->model()->columnOf(Kind::Status)).startsWith(
            QStringLiteral("training (pid %1, %2)").arg(::getpid()).arg(qs(api::hostName()))));
        QSignalSpy done(p.get(), &ExperimentsPanel::done);
        p->deleteRuns({s0});
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(asked, 0);  // nothing to ask: the only run trains
        QVERIFY(p->lastMessage().contains(QStringLiteral("pid %1 on %2").arg(::getpid()).arg(qs(api::hostName()))));
        QVERIFY(QFileInfo::exists(s0 + "/config.json"));
        lock.reset();
        QTRY_COMPARE(cell(p.get(), s0, p->model()->columnOf(Kind::Status)), QString("finished"));
    }

    void selectionGoesToTheViewsAndABrushFiltersTheTable() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        RecordingView view;
        auto* brush = new BrushingView;
        p->addView("Brush", brush, &view);
        QCOMPARE(view.table.rows.size(), size_t(3));
        const QString s0 = root + "/lr1e-3-s0", s1 = root + "/lr1e-3-s1", b = root + "/lr2e-3-s0";
        p->selectDirs({s0, b});
        QTRY_COMPARE(view.selection.rows.size(), size_t(2));
        QStringList got;
        for (const auto& r : view.selection.rows) got << qs(r.dir);
        got.sort();
        QCOMPARE(got, (QStringList{s0, b}));
        QCOMPARE(view.selection.fields, (std::vector<std::string>{"optim.lr"}));  // what differs between the two
        QVERIFY(view.selection.groups.empty());

        Q_EMIT brush->runFilterChanged({s1}, true);
        QCOMPARE(p->proxy()->rowCount(), 1);
        QVERIFY(p->findChild<QWidget*>("runFilterBar")->isVisible());
        QVERIFY(p->findChild<QWidget*>("runFilterBar")->findChild<QLabel*>()->text().contains("Filtered by Brush: 1 run"));
        QCOMPARE(view.table.rows.size(), size_t(3));  // the views keep the whole visible table
        Q_EMIT brush->runFilterChanged({}, false);
        QCOMPARE(p->proxy()->rowCount(), 3);
        QVERIFY(!p->findChild<QWidget*>("runFilterBar")->isVisible());
    }

    // The whole path a user takes: two rows clicked (the second with Ctrl) in the table, and the real
    // comparison view draws one loss curve per run; the parallel coordinates get every visible run.
    void twoRowsClickedGiveTwoCurvesOnTheComparison() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        auto* comparison = new ComparisonPanel;
        auto* hparams = new HParamsPanel;
        p->addView("Compare", comparison, comparison);
        p->addView("Hyperparameters", hparams, hparams);
        const QString s0 = root + "/lr1e-3-s0", b = root + "/lr2e-3-s0";
        QTableView* table = p->tableView();
        auto click = [&](const QString& dir, Qt::KeyboardModifiers mods) {
            const QModelIndex src = p->model()->index(p->model()->rowOfDir(dir), p->model()->columnOf(Kind::Status));
            const QModelIndex at = p->proxy()->mapFromSource(src);
            QVERIFY(at.isValid());
            table->scrollTo(at);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, mods, table->visualRect(at).center());
        };
        click(s0, Qt::NoModifier);
        click(b, Qt::ControlModifier);
        QTRY_COMPARE(p->selectedDirs().size(), 2);
        PlotWidget* loss = comparison->plot(ComparisonPanel::Loss);
        // One smoothed curve per run in the legend, each with its run's 8 steps.
        QTRY_COMPARE(comparison->seriesLabels().size(), 2);
        QTRY_COMPARE(loss->legend->itemCount(), 2);
        int curves = 0;
        for (int i = 0; i < loss->graphCount(); ++i)
            if (loss->graph(i)->visible() && loss->graph(i)->dataCount() == 8 && !loss->graph(i)->name().contains("raw")) ++curves;
        QCOMPARE(curves, 2);
        // Deselecting one leaves one.
        click(b, Qt::ControlModifier);
        QTRY_COMPARE(comparison->seriesLabels().size(), 1);
    }

    void aGrowingRunIsFollowedAndTheSelectionKept() {
        const QString root = writeRuns();
        auto p = panelOn(root, false);
        const QString s1 = root + "/lr1e-3-s1";
        p->selectDirs({s1});
        const int steps = p->model()->columnOf(Kind::Steps);
        QVERIFY(cell(p.get(), s1, steps).startsWith("8"));
        const int rowsBefore = p->model()->rowCount();
        {
            std::ofstream out(api::runMetricsPath(ss(s1)), std::ios::app);
            for (int s = 8; s < 11; ++s) {
                api::StepMetrics m;
                m.step = s;
                m.loss = 4.0;
                m.images_per_s = 300;
                m.elapsed_seconds = 0.5 * (s + 1);
                m.teacher_entropy = 3.0;
                out << api::metricsCsvRow(m) << "\n";
            }
        }
        QTRY_VERIFY(cell(p.get(), s1, steps).startsWith("11"));
        QCOMPARE(p->model()->rowCount(), rowsBefore);
        QCOMPARE(p->selectedDirs(), QStringList{s1});  // updated in place: the selection stayed
        QCOMPARE(cell(p.get(), s1, p->model()->columnOf(Kind::Wall)), QString("6s"));

        // A new run appears by itself, and the selection stays.
        test::FixtureRun c;
        c.config.optim.lr = 3e-3;
        test::writeFixtureRun(ss(root) + "/lr3e-3-s0", c);
        QTRY_COMPARE(p->model()->rowCount(), rowsBefore + 1);
        QCOMPARE(p->selectedDirs(), QStringList{s1});
    }

    void aSweepIsNamed() {
        const std::string sweep = ss(tmp_.path()) + "/sweeps/grid";
        test::writeFixtureRun(sweep + "/c000-seed0", test::FixtureRun{});
        writeFileAtomic(sweep + "/sweep.json", "{}");
        auto p = panelOn(qs(sweep), false);
        QCOMPARE(cell(p.get(), qs(sweep + "/c000-seed0"), p->model()->columnOf(Kind::Sweep)), QString("grid"));
        p->setTextFilter("grid");
        QCOMPARE(p->model()->rowCount(), 1);
    }

    // A seed group of a sweep whose rule stopped one seed: the group's status counts it as pruned.
    void aGroupCountsItsPrunedTrials() {
        const std::string sweep = ss(tmp_.path()) + "/sweeps/pruned";
        test::FixtureRun done;
        done.config.system.seed = 0;
        test::writeFixtureRun(sweep + "/c000-seed0", done);
        test::FixtureRun stopped = done;
        stopped.config.system.seed = 1;
        stopped.state = "cancelled";
        test::writeFixtureRun(sweep + "/c000-seed1", stopped);
        writeFileAtomic(sweep + "/c000-seed1/sweep-trial.json", R"({"sweep": "x", "config": 0, "seed": 1, "state": "pruned", "pruned_at": 4})");
        writeFileAtomic(sweep + "/sweep.json", "{}");
        auto p = panelOn(qs(sweep), true);
        QCOMPARE(p->model()->rowCount(), 1);
        QCOMPARE(p->model()->index(0, p->model()->columnOf(Kind::Status)).data().toString(), QString("1 finished, 1 pruned"));
        p->setGroupSeeds(false);
        QTRY_COMPARE(cell(p.get(), qs(sweep + "/c000-seed1"), p->model()->columnOf(Kind::Status)),
                     QString("stopped (pruned at step 4)"));
    }
};

QTEST_MAIN(TestGuiExperiments)
#include "test_gui_experiments.moc"
