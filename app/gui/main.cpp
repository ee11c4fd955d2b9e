// dino-studio: the DINO Studio desktop application.
//   dino-studio [--open RUN_DIR] [--config FILE.json] [--start] [--screenshot OUT_DIR] [--size WxH]
// --start begins training at once; with --screenshot the panels are captured mid-run and after it.
#include "evaluation_panel.h"
#include "main_window.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"

#include "api/process.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv) {
    dino::api::tuneProcess(argc, argv);  // before anything allocates: malloc settings, BLAS kernels
    QApplication app(argc, argv);
    QApplication::setOrganizationName("DINO Studio");
    QApplication::setApplicationName("DINO Studio");
    QApplication::setApplicationVersion(DINO_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/app.svg"));
    dino::ui::registerMetaTypes();

    // Language: the saved choice, else the system's if we have it, else English.
    QSettings settings;
    QString lang = settings.value("ui/language").toString();
    if (lang.isEmpty()) lang = QLocale::system().name().startsWith("de") ? "de" : "en";
    QTranslator qtTr, appTr;
    if (lang != "en" && qtTr.load("qtbase_" + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTr);
    // English too: its file holds the plural forms ("1 image", "75 images" for "%n image(s)").
    if (appTr.load(":/i18n/dino_studio_" + lang + ".qm")) QApplication::installTranslator(&appTr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "DINO self-supervised training studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption openOpt("open", QApplication::translate("main", "Open a run folder."), "dir");
    QCommandLineOption configOpt("config", QApplication::translate("main", "Load a configuration JSON."), "file");
    QCommandLineOption shotOpt("screenshot", QApplication::translate("main", "Save a PNG of every panel into dir, then quit."), "dir");
    QCommandLineOption sizeOpt("size", QApplication::translate("main", "Window size, e.g. 1366x768."), "WxH");
    QCommandLineOption startOpt("start", QApplication::translate("main", "Start training with the configuration at once."));
    parser.addOption(startOpt);
    parser.addOption(openOpt);
    parser.addOption(configOpt);
    parser.addOption(shotOpt);
    parser.addOption(sizeOpt);
    parser.process(app);

    dino::ui::MainWindow w;
    if (parser.isSet(sizeOpt)) {
        const QStringList wh = parser.value(sizeOpt).split('x');
        if (wh.size() == 2) w.resize(wh[0].toInt(), wh[1].toInt());
    }
    int rc = 0;
    if (parser.isSet(configOpt)) {
        const QString err = w.loadConfigFile(parser.value(configOpt));
        if (!err.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(err));
            rc = 2;
        }
    }
    if (parser.isSet(openOpt)) {
        const QString err = w.openRun(parser.value(openOpt));
        if (!err.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(err));
            rc = 2;
        }
    }
    w.show();
    if (parser.isSet(startOpt)) w.startTraining();
    if (parser.isSet(shotOpt)) {
        if (rc != 0) return rc;
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
                    const QString path = QDir(parser.value(shotOpt)).filePath("studio-training-live.png");
                    QDir().mkpath(parser.value(shotOpt));
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
        files += w.takeScreenshots(parser.value(shotOpt));
        for (const QString& f : files) std::printf("%s\n", qPrintable(f));
        return files.isEmpty() ? 1 : 0;
    }
    return app.exec();
}
