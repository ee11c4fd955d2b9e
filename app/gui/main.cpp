// dino-studio: the DINO Studio desktop application.
//   dino-studio [--open RUN_DIR] [--config FILE.json] [--screenshot OUT_DIR] [--size WxH]
#include "main_window.h"
#include "qt_types.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char** argv) {
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
    if (lang != "en") {
        if (qtTr.load("qtbase_" + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTr);
        if (appTr.load(":/i18n/dino_studio_" + lang + ".qm")) QApplication::installTranslator(&appTr);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "DINO self-supervised training studio"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption openOpt("open", QApplication::translate("main", "Open a run folder."), "dir");
    QCommandLineOption configOpt("config", QApplication::translate("main", "Load a configuration JSON."), "file");
    QCommandLineOption shotOpt("screenshot", QApplication::translate("main", "Save a PNG of every panel into dir, then quit."), "dir");
    QCommandLineOption sizeOpt("size", QApplication::translate("main", "Window size, e.g. 1366x768."), "WxH");
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
    if (parser.isSet(shotOpt)) {
        if (rc != 0) return rc;
        w.setAskBeforeClosing(false);
        const QStringList files = w.takeScreenshots(parser.value(shotOpt));
        for (const QString& f : files) std::printf("%s\n", qPrintable(f));
        return files.isEmpty() ? 1 : 0;
    }
    return app.exec();
}
