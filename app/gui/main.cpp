// dino-studio: the DINO Studio desktop application.
//   dino-studio [--open RUN_DIR] [--config FILE.json] [--start] [--screenshot OUT_DIR] [--size WxH]
// --start begins training at once; with --screenshot the panels are captured mid-run and after it. With none
// of these, the window opens the run it showed when it was last closed (ui/last_run.h).
#include "evaluation_panel.h"
#include "last_run.h"
#include "main_window.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"
#include "screenshot_tour.h"

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
    // Nothing asked for on the command line: the run the window showed when it was last closed.
    if (!parser.isSet(openOpt) && !parser.isSet(configOpt) && !parser.isSet(shotOpt) && !parser.isSet(startOpt))
        dino::ui::reopenLastRun(w);
    w.show();
    if (parser.isSet(startOpt)) w.startTraining();
    if (parser.isSet(shotOpt)) {
        if (rc != 0) return rc;
        const QStringList files = dino::ui::screenshotTour(w, parser.value(shotOpt));
        for (const QString& f : files) std::printf("%s\n", qPrintable(f));
        return files.isEmpty() ? 1 : 0;
    }
    return app.exec();
}
