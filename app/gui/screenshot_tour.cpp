// The README's screenshots (`dino-studio --screenshot DIR`): a tour of the panels of a running or opened
// run, outside the product's classes. It drives the window only through its public API.
#include "screenshot_tour.h"

#include "attention_panel.h"
#include "embedding_map_panel.h"
#include "evaluation_panel.h"
#include "experiments_panel.h"
#include "paired_panel.h"
#include "main_window.h"
#include "preview_panel.h"
#include "pseudo_label_panel.h"
#include "training_panel.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTabWidget>
#include <QThread>
#include <QTimer>

#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>

namespace dino::ui {

// Grabs every panel into dir as PNG; returns the files written.
static QStringList capturePanels(MainWindow& w, const QString& dir) {
    QDir().mkpath(dir);
    QStringList written;
    auto settle = [](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(10);
        }
    };
    const char* names[] = {"preview", "training", "evaluation", "pseudo-labels", "attention", "embedding-map", "runs"};
    for (int i = 0; i < w.tabs()->count() && i < 7; ++i) {
        w.tabs()->setCurrentIndex(i);
        if (i == 0) {
            QElapsedTimer t;
            t.start();
            settle(PreviewPanel::kDebounceMs + 100);
            while (w.previewPanel()->busy() && t.elapsed() < 60000) settle(50);
        }
        // The inspection tabs of an open run: computed first (off the GUI thread), a point shown on the map.
        if (!w.runDir().isEmpty() && w.tabs()->currentWidget() == w.attentionPanel() && !w.attentionPanel()->figure()->hasMaps()) {
            w.attentionPanel()->compute();
            QElapsedTimer t;
            t.start();
            while (w.attentionPanel()->isComputing() && t.elapsed() < 120000) settle(50);
        }
        if (!w.runDir().isEmpty() && w.tabs()->currentWidget() == w.embeddingMapPanel() && !w.embeddingMapPanel()->map()) {
            w.embeddingMapPanel()->compute();
            QElapsedTimer t;
            t.start();
            while (w.embeddingMapPanel()->isComputing() && t.elapsed() < 120000) settle(50);
            if (w.embeddingMapPanel()->map()) w.embeddingMapPanel()->showPoint(0);
        }
        settle(400);
        for (auto* p : w.findChildren<QCustomPlot*>()) p->replot();
        settle(100);
        const QString path = QDir(dir).filePath(QStringLiteral("studio-%1.png").arg(names[i]));
        if (w.grab().save(path)) written << path;
    }
    // The Experiments tab: the runs of the runs folder grouped by seeds, all of them selected, each view.
    if (auto* e = w.experimentsPanel()) {
        w.tabs()->setCurrentWidget(e);
        e->setGroupSeeds(true);
        const int reads = e->readsDone();
        e->refresh();
        QElapsedTimer t;
        t.start();
        while ((e->readsDone() <= reads || e->isReading()) && t.elapsed() < 60000) settle(50);
        QStringList all;
        for (const auto& r : e->visibleTable().rows) all << QString::fromStdString(r.dir);
        e->selectDirs(all);
        // The paired view against the opened run's configuration (the first group otherwise).
        if (auto* paired = e->findChild<dino::ui::PairedPanel*>(); paired && !w.runDir().isEmpty())
            paired->setReference(w.runDir());
        const char* views[] = {"experiments", "experiments-diff", "experiments-hparams", "experiments-paired"};
        for (int v = 0; v < e->viewTabs()->count() && v < 4; ++v) {
            e->viewTabs()->setCurrentIndex(v);
            settle(v == 0 ? 6000 : 800);  // the comparison reads the runs' curves off the GUI thread
            for (auto* p : w.findChildren<QCustomPlot*>()) p->replot();
            settle(100);
            const QString path = QDir(dir).filePath(QStringLiteral("studio-%1.png").arg(views[v]));
            if (w.grab().save(path)) written << path;
        }
    }
    return written;
}

QStringList screenshotTour(MainWindow& w, const QString& dir) {
    w.setAskBeforeClosing(false);
    w.setShowErrorDialogs(false);
    QStringList files;
    if (w.isTraining()) {
        // Capture the live charts halfway, then wait for the end (and the engine's evaluation).
        QEventLoop loop;
        bool live = false;
        QObject::connect(&w, &dino::ui::MainWindow::trainingFinished, &loop, &QEventLoop::quit);
        QObject::connect(&w, &dino::ui::MainWindow::trainingFailed, &loop, &QEventLoop::quit);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &w, [&] {
            auto* tp = w.trainingPanel();
            if (!live && tp->plannedSteps() > 0 && tp->stepCount() >= std::max<qint64>(2, tp->plannedSteps() / 2)) {
                live = true;
                const QString path = QDir(dir).filePath("studio-training-live.png");
                QDir().mkpath(dir);
                if (w.grab().save(path)) files << path;
            }
        });
        poll.start(500);
        loop.exec();
        if (!w.lastError().isEmpty()) std::fprintf(stderr, "%s\n", qPrintable(w.lastError()));
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 3000) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    // An opened run without results: evaluate it and compute its pseudo-labels first, off the GUI thread.
    auto waitFor = [](auto* sender, auto okSignal, auto failSignal) {
        QEventLoop loop;
        QObject::connect(sender, okSignal, &loop, &QEventLoop::quit);
        QObject::connect(sender, failSignal, &loop, &QEventLoop::quit);
        loop.exec();
    };
    if (!w.runDir().isEmpty() && !w.evaluationPanel()->hasReport()) {
        w.evaluationPanel()->evaluate();
        if (w.evaluationPanel()->isEvaluating())
            waitFor(w.evaluationPanel(), &dino::ui::EvaluationPanel::evaluated, &dino::ui::EvaluationPanel::failed);
    }
    if (!w.runDir().isEmpty() && !w.pseudoLabelPanel()->hasReport()) {
        w.pseudoLabelPanel()->compute();
        if (w.pseudoLabelPanel()->isComputing())
            waitFor(w.pseudoLabelPanel(), &dino::ui::PseudoLabelPanel::computed, &dino::ui::PseudoLabelPanel::failed);
    }
    files += capturePanels(w, dir);
    return files;
}

}  // namespace dino::ui
