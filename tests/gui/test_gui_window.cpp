// The main window as a whole (issues 22 and 23): Stop asks first whichever way it is triggered and
// Escape does not stop; the form is locked while a run trains and linked to its source (title with a
// modified marker, the preset box, a question before unsaved edits are replaced, the schedules drawn
// from the form before Start); the window fits 1280 x 720; exports default to the run's folder and
// name, are disabled without a run, and scale their text with the figure.
#include "chart_export.h"
#include "config_document.h"
#include "config_form.h"
#include "dataset_picker.h"
#include "last_run.h"
#include "main_window.h"
#include "plot_widget.h"
#include "run_controller.h"
#include "runs_panel.h"
#include "training_panel.h"
#include "window_geometry.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace dino;
using namespace dino::ui;

namespace {

// The visible question box of this name, or nullptr.
QMessageBox* openQuestion(const QWidget* w, const char* name) {
    for (QMessageBox* b : w->findChildren<QMessageBox*>(name))
        if (b->isVisible()) return b;
    return nullptr;
}

QAbstractButton* buttonWithText(QMessageBox* box, const QString& text) {
    for (QAbstractButton* b : box->buttons())
        if (b->text() == text) return b;
    return nullptr;
}

// The share of dark pixels (text, ticks, lines) in an image.
double inkShare(const QImage& image) {
    qint64 dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 128) ++dark;
    return double(dark) / (double(image.width()) * image.height());
}

}  // namespace

class TestGuiWindow : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<MainWindow> w_;
    QString run_;  // the run the stop test trains

    // A tiny model on 128 sample images in batches of 16 (8 steps an epoch), put into the form.
    void fillTinyConfig(int epochs) {
        RunConfig c = presetConfig("quick");
        c.model.embed_dim = 32, c.model.depth = 2, c.model.num_heads = 2, c.model.out_dim = 16;
        c.optim.batch_size = 16, c.optim.epochs = epochs, c.optim.max_steps_per_epoch = 0;
        c.data.subset = 128;
        c.system.threads = 1, c.system.precision = "fp32";
        c.eval.batch_size = 128, c.eval.knn_every_steps = 0;
        w_->configForm()->setConfig(c);
        QVERIFY2(w_->configForm()->isValid(), qPrintable(w_->configForm()->firstProblem()));
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_window");
        QVERIFY(tmp_.isValid());
        QSettings().clear();
        w_ = std::make_unique<MainWindow>();
        w_->setShowErrorDialogs(false);
        w_->setRunsFolder(tmp_.filePath("runs"));
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
    }

    void cleanupTestCase() {
        w_->setAskBeforeClosing(false);
        w_->close();
        QTRY_VERIFY_WITH_TIMEOUT(!w_->isTraining(), 120000);
        w_.reset();
    }

    void windowFitsSmallScreens() {
        // The smallest size the layouts allow (pages too small for their panel scroll) fits 1280 x 720
        // with room for a frame, and two windows tile side by side on a 1920 pixel wide screen.
        const QSize min = w_->minimumSizeHint().expandedTo(w_->minimumSize());
        qInfo("minimum window size: %d x %d", min.width(), min.height());
        QVERIFY2(min.width() <= 900 && min.height() <= 600, qPrintable(QString("%1 x %2").arg(min.width()).arg(min.height())));
        // Opened at its default size, the window and its frame lie in the screen's available area.
        const QRect avail = w_->screen()->availableGeometry();
        QTRY_VERIFY2(avail.contains(w_->frameGeometry()),
                     qPrintable(QString("frame %1 x %2 at %3,%4 in %5 x %6")
                                    .arg(w_->frameGeometry().width()).arg(w_->frameGeometry().height())
                                    .arg(w_->frameGeometry().x()).arg(w_->frameGeometry().y())
                                    .arg(avail.width()).arg(avail.height())));
        // A default size asked for a screen smaller than the preferred size leaves room for a frame.
        const QSize def = defaultWindowSize(w_.get(), QSize(5000, 5000));
        QVERIFY(def.width() < avail.width() && def.height() < avail.height());
    }

    void shortcutsDoNotStopOrPrint() {
        const QList<QKeySequence> stop = w_->action("stop")->shortcuts();
        QVERIFY(!stop.isEmpty());
        QVERIFY(!stop.contains(QKeySequence(Qt::Key_Escape)));
        const QList<QKeySequence> pause = w_->action("pause")->shortcuts();
        QVERIFY(!pause.isEmpty());
        QVERIFY(!pause.contains(QKeySequence(QKeySequence::Print)));
        QVERIFY(!pause.contains(QKeySequence(Qt::CTRL | Qt::Key_P)));
    }

    void schedulesFollowTheFormBeforeStart() {
        fillTinyConfig(3);
        w_->configForm()->setFieldText("optim.lr_warmup_pct", "0.5");
        // 128 images in batches of 16: 8 steps per epoch, 24 in 3 epochs.
        QTRY_VERIFY_WITH_TIMEOUT(w_->configForm()->datasetPicker()->trainSize() > 0, 20000);
        PlotWidget* lr = w_->trainingPanel()->schedulePlot(0);
        QTRY_COMPARE(lr->graph(0)->data()->size(), 24);
        auto peakStep = [lr] {
            double best = -1, at = -1;
            for (auto it = lr->graph(0)->data()->constBegin(); it != lr->graph(0)->data()->constEnd(); ++it)
                if (it->value > best) best = it->value, at = it->key;
            return at;
        };
        QVERIFY2(std::abs(peakStep() - 12) <= 1, qPrintable(QString::number(peakStep())));  // the warm-up ends halfway
        w_->configForm()->setFieldText("optim.lr_warmup_pct", "0.25");
        QTRY_VERIFY(std::abs(peakStep() - 6) <= 1);
        w_->configForm()->setFieldText("optim.epochs", "2");
        QTRY_COMPARE(lr->graph(0)->data()->size(), 16);
    }

    void titleAndPresetBoxShowTheSource() {
        w_->setAskBeforeClosing(false);
        w_->applyPreset("quick");
        auto* box = w_->findChild<QComboBox*>("presetBox");
        QCOMPARE(box->currentData().toString(), QString("quick"));
        QVERIFY(!w_->isWindowModified());
        QVERIFY(w_->windowTitle().contains(presetTitle("quick")));
        w_->configForm()->setFieldText("optim.epochs", "9");
        QVERIFY(w_->isWindowModified());
        QVERIFY(w_->windowTitle().contains("[*]"));
        const QString path = tmp_.filePath("mine.json");
        QCOMPARE(w_->saveConfigFile(path), QString());
        QVERIFY(!w_->isWindowModified());
        QVERIFY(w_->windowTitle().contains("mine.json"));
        QCOMPARE(box->currentIndex(), 0);
        QVERIFY(box->currentText().contains("mine.json"));
        w_->configForm()->setFieldText("optim.epochs", "3");
        QVERIFY(w_->isWindowModified());
        w_->configForm()->setFieldText("optim.epochs", "9");  // back to what the file holds
        QVERIFY(!w_->isWindowModified());
        QCOMPARE(w_->loadConfigFile(path), QString());
        QCOMPARE(w_->configDocument()->source(), ConfigDocument::Source::File);
        w_->setAskBeforeClosing(true);
    }

    void unsavedEditsAreNotReplacedWithoutAsking() {
        w_->applyPreset("quick");
        w_->configForm()->setFieldText("optim.epochs", "7");
        QVERIFY(w_->isWindowModified());
        // Cancel keeps the edits.
        w_->action("preset:seed")->trigger();
        QMessageBox* q = openQuestion(w_.get(), "unsavedEditsQuestion");
        QVERIFY(q);
        QCOMPARE(w_->configForm()->config().optim.epochs, 7);
        QTest::mouseClick(q->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!openQuestion(w_.get(), "unsavedEditsQuestion"));
        QCOMPARE(w_->configForm()->config().optim.epochs, 7);
        QCOMPARE(w_->findChild<QComboBox*>("presetBox")->currentData().toString(), QString("quick"));
        // Discard replaces them.
        w_->action("preset:seed")->trigger();
        q = openQuestion(w_.get(), "unsavedEditsQuestion");
        QVERIFY(q);
        QTest::mouseClick(q->button(QMessageBox::Discard), Qt::LeftButton);
        QTRY_COMPARE(w_->configForm()->config().optim.batch_size, 256);
        QVERIFY(!w_->isWindowModified());
        QCOMPARE(w_->findChild<QComboBox*>("presetBox")->currentData().toString(), QString("seed"));
    }

    void stopAsksFirstAndTheFormIsLockedWhileTraining() {
        w_->setAskBeforeClosing(false);
        fillTinyConfig(40);
        w_->setAskBeforeClosing(true);
        TrainingPanel* tp = w_->trainingPanel();
        QSignalSpy finished(w_.get(), &MainWindow::trainingFinished);
        w_->startTraining();
        QTRY_VERIFY_WITH_TIMEOUT(tp->stepCount() >= 2, 120000);
        QCOMPARE(w_->runController()->state(), RunController::State::Running);
        run_ = w_->runDir();

        // The form can be read, not edited; a note says why.
        QVERIFY(w_->configForm()->isReadOnly());
        QVERIFY(!w_->configForm()->editor("optim.lr")->isEnabled());
        QVERIFY(w_->findChild<QLabel*>("configLockedNote")->isVisible());
        QVERIFY(!w_->findChild<QComboBox*>("presetBox")->isEnabled());

        // Escape in the window (a chart has the focus) does nothing.
        tp->lossPlot()->setFocus();
        QTest::keyClick(tp->lossPlot(), Qt::Key_Escape);
        QCoreApplication::processEvents();
        QVERIFY(!openQuestion(w_.get(), "confirmQuestion"));
        QCOMPARE(w_->runController()->state(), RunController::State::Running);

        // The stop shortcut asks; "keep training" (also Escape) keeps it running.
        w_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w_.get()));
        QTest::keyClick(w_.get(), Qt::Key_Period, Qt::ControlModifier);
        QTRY_VERIFY(openQuestion(w_.get(), "confirmQuestion"));
        QCOMPARE(w_->runController()->state(), RunController::State::Running);
        QTest::keyClick(openQuestion(w_.get(), "confirmQuestion"), Qt::Key_Escape);
        QTRY_VERIFY(!openQuestion(w_.get(), "confirmQuestion"));
        QCOMPARE(w_->runController()->state(), RunController::State::Running);

        // The panel's Stop button asks too; "Stop training" stops after the current step.
        QTest::mouseClick(tp->stopButton(), Qt::LeftButton);
        QMessageBox* q = openQuestion(w_.get(), "confirmQuestion");
        QVERIFY(q);
        QCOMPARE(w_->runController()->state(), RunController::State::Running);
        QAbstractButton* yes = buttonWithText(q, MainWindow::tr("Stop training"));
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QCOMPARE(w_->runController()->state(), RunController::State::Stopping);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!w_->configForm()->isReadOnly());
        QVERIFY(w_->configForm()->editor("optim.lr")->isEnabled());
        QVERIFY(!w_->findChild<QLabel*>("configLockedNote")->isVisible());
        // The run started from the form holds its configuration: the form is the run's, unmodified.
        QVERIFY(!w_->isWindowModified());
        QVERIFY(w_->windowTitle().contains(QFileInfo(run_).fileName()));
    }

    void openingARunOverEditsAsks() {
        if (run_.isEmpty()) QSKIP("needs the run of stopAsksFirstAndTheFormIsLockedWhileTraining");
        w_->applyPreset("quick");
        w_->configForm()->setFieldText("optim.epochs", "5");
        Q_EMIT w_->runsPanel()->openRun(run_);
        QMessageBox* q = openQuestion(w_.get(), "unsavedEditsQuestion");
        QVERIFY(q);
        QCOMPARE(w_->configForm()->config().optim.epochs, 5);
        QTest::mouseClick(q->button(QMessageBox::Discard), Qt::LeftButton);
        QTRY_COMPARE(w_->configForm()->config().optim.epochs, 40);
        QCOMPARE(w_->configDocument()->source(), ConfigDocument::Source::Run);
        QVERIFY(!w_->isWindowModified());
    }

    void exportsFollowTheRun() {
        if (run_.isEmpty()) QSKIP("needs the run of stopAsksFirstAndTheFormIsLockedWhileTraining");
        // Without a run the run's exports are disabled; the preview grid is not a run's.
        MainWindow fresh;
        QMenu* exportMenu = nullptr;
        for (QAction* top : fresh.menuBar()->actions())
            for (QAction* a : top->menu() ? top->menu()->actions() : QList<QAction*>())
                if (a->menu() && a->menu()->title() == MainWindow::tr("Export")) exportMenu = a->menu();
        QVERIFY(exportMenu);
        int disabled = 0;
        for (QAction* a : exportMenu->actions()) {
            if (a->isSeparator()) continue;
            if (a->text().contains(MainWindow::tr("Preview grid"))) QVERIFY(a->isEnabled());
            else if (!a->isEnabled()) ++disabled;
        }
        QVERIFY(disabled >= 10);
        QCOMPARE(suggestedExportPath(&fresh, "loss", "png").endsWith("/loss.png"), true);
        fresh.setShowErrorDialogs(false);
        QCOMPARE(fresh.openRun(run_), QString());
        for (QAction* a : exportMenu->actions()) QVERIFY(a->isSeparator() || a->isEnabled());
        // The default file: in the run's folder, named after the run.
        const QString name = QFileInfo(run_).fileName();
        QCOMPARE(suggestedExportPath(fresh.trainingPanel()->lossPlot(), "loss", "png"),
                 QDir(fresh.runDir()).filePath(name + "-loss.png"));
    }

    void theLastRunReopensAtLaunch() {
        if (run_.isEmpty()) QSKIP("needs the run of stopAsksFirstAndTheFormIsLockedWhileTraining");
        // The window put the run it showed at the front of the recent runs: a new window opens it, unless
        // its form holds unsaved edits, which are kept.
        QCOMPARE(QSettings().value("runs/recent").toStringList().value(0), QFileInfo(run_).absoluteFilePath());
        MainWindow fresh;
        fresh.setShowErrorDialogs(false);
        fresh.applyPreset("quick");
        QCOMPARE(reopenLastRun(fresh), QFileInfo(run_).absoluteFilePath());
        QCOMPARE(fresh.runDir(), QFileInfo(run_).absoluteFilePath());
        MainWindow edited;
        edited.setShowErrorDialogs(false);
        edited.applyPreset("quick");
        edited.configForm()->setFieldText("optim.epochs", "7");
        QVERIFY(edited.isWindowModified());
        QCOMPARE(reopenLastRun(edited), QString());
        QVERIFY(edited.runDir().isEmpty());
        QCOMPARE(edited.configForm()->config().optim.epochs, 7);
    }

    void exportedFiguresScaleTheirText() {
        // The same chart at 600 x 400 and at 1200 x 800: text and lines keep their share of the figure
        // (at screen size they would cover about a quarter of the share at twice the size).
        PlotWidget plot("Loss");
        plot.resize(500, 300);
        plot.addGraph();
        QVector<double> x, y;
        for (int i = 0; i < 50; ++i) x << i, y << std::exp(-i / 10.0);
        plot.graph(0)->setData(x, y);
        plot.xAxis->setLabel("step");
        plot.yAxis->setLabel("loss");
        plot.rescaleAxes();
        QCOMPARE(exportScale(600, 400), 1.0);
        QVERIFY(std::abs(exportScale(1280, 840) - 2.0) < 1e-12);
        const QString small = tmp_.filePath("small.png"), large = tmp_.filePath("large.png");
        QCOMPARE(exportPlot(&plot, small, 600, 400), QString());
        QCOMPARE(exportPlot(&plot, large, 1200, 800), QString());
        QCOMPARE(QImage(large).size(), QSize(1200, 800));
        const double a = inkShare(QImage(small)), b = inkShare(QImage(large));
        qInfo("ink share: %.4f at 600x400, %.4f at 1200x800", a, b);
        QVERIFY2(b > 0.7 * a, qPrintable(QString("%1 vs %2").arg(b).arg(a)));
    }
};

QTEST_MAIN(TestGuiWindow)
#include "test_gui_window.moc"
