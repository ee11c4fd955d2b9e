// Pure pieces of the GUI: smoothing, duration text, the config field table, embedded resources
// (icons, presets, translations).
#include "config_fields.h"
#include "qt_types.h"
#include "plot_widget.h"
#include "smoothing.h"

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTranslator>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace dino;
using namespace dino::ui;

class TestGuiUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emaMatchesHandComputedValues() {
        // w = 0.5: acc1 = 0.5*2 = 1 -> /0.5 = 2; acc2 = 0.5*1 + 0.5*4 = 2.5 -> /0.75 = 3.3333
        const QVector<double> s = emaSmooth({2.0, 4.0, 4.0}, 0.5);
        QCOMPARE(s.size(), 3);
        QVERIFY(qAbs(s[0] - 2.0) < 1e-12);
        QVERIFY(qAbs(s[1] - 2.5 / 0.75) < 1e-12);
        // acc3 = 0.5*2.5 + 0.5*4 = 3.25 -> /0.875
        QVERIFY(qAbs(s[2] - 3.25 / 0.875) < 1e-12);
        // weight 0 is the identity; a constant series stays constant (debiasing).
        QCOMPARE(emaSmooth({1, 5, 3}, 0.0), QVector<double>({1, 5, 3}));
        for (double v : emaSmooth({7, 7, 7, 7}, 0.99)) QVERIFY(qAbs(v - 7) < 1e-9);
    }

    void anEmptyChartHasNothingToExport() {
        PlotWidget plot("Loss");
        QVERIFY(!plot.hasData());
        QCPGraph* g = plot.addGraph();
        QVERIFY(!plot.hasData());  // a series without points is still empty
        g->addData(0, 1.0);
        QVERIFY(plot.hasData());
        plot.clearPlottables();
        QVERIFY(!plot.hasData());
    }

    void durationText() {
        QCOMPARE(formatDuration(0), QString("0:00"));
        QCOMPARE(formatDuration(65), QString("1:05"));
        QCOMPARE(formatDuration(3723), QString("1:02:03"));
        QCOMPARE(formatDuration(-1), QString::fromUtf8("—"));
        QCOMPARE(formatDuration(std::nan("")), QString::fromUtf8("—"));
    }

    void everyConfigFieldIsInTheFormOnce() {
        // All keys that config.json holds, minus data.dataset (its own picker), appear exactly once.
        const auto j = nlohmann::json::parse(configToJson(RunConfig{}));
        QSet<QString> jsonKeys;
        for (auto s = j.begin(); s != j.end(); ++s)
            for (auto f = s.value().begin(); f != s.value().end(); ++f)
                jsonKeys.insert(QString::fromStdString(s.key() + "." + f.key()));
        QSet<QString> formKeys;
        for (const auto& f : configFields()) {
            QVERIFY2(!formKeys.contains(f.key), qPrintable(f.key));
            formKeys.insert(f.key);
            QVERIFY2(!QString::fromStdString(fieldHelp(f.key.toStdString())).isEmpty(), qPrintable(f.key));
            QVERIFY2(fieldLabel(f.key) != f.key, qPrintable("no label for " + f.key));
        }
        formKeys.insert("data.dataset");
        QCOMPARE(formKeys, jsonKeys);
    }

    void getterAndSetterTouchOnlyTheirField() {
        const RunConfig base;
        const auto baseJson = nlohmann::json::parse(configToJson(base));
        for (const auto& f : configFields()) {
            RunConfig c = base;
            QVariant v;
            switch (f.kind) {
            case FieldKind::Int: v = f.get(c).toInt() + 3; break;
            case FieldKind::Double: v = f.get(c).toDouble() + 0.125; break;
            case FieldKind::Bool: v = !f.get(c).toBool(); break;
            case FieldKind::UInt64: v = QVariant::fromValue<qulonglong>(f.get(c).toULongLong() + 7); break;
            case FieldKind::DoubleList: v = QString("0.1, 0.2, 0.3"); break;
            case FieldKind::Text:
            case FieldKind::Path: v = QString("x.safetensors"); break;
            case FieldKind::Choice: v = f.choices.last(); break;
            case FieldKind::IntChoice: v = f.choices.last().toInt(); break;
            }
            f.set(c, v);
            QCOMPARE(f.get(c).toString(), v.toString());
            const auto j = nlohmann::json::parse(configToJson(c));
            const auto dot = f.key.indexOf('.');
            const std::string sec = f.key.left(dot).toStdString(), name = f.key.mid(dot + 1).toStdString();
            int changed = 0;
            for (auto s = j.begin(); s != j.end(); ++s)
                for (auto it = s.value().begin(); it != s.value().end(); ++it)
                    if (it.value() != baseJson[s.key()][it.key()]) {
                        ++changed;
                        QVERIFY2(s.key() == sec && it.key() == name, qPrintable(f.key + " changed " +
                                                                                QString::fromStdString(s.key() + "." + it.key())));
                    }
            if (f.kind != FieldKind::Choice || f.choices.last() != f.get(base).toString()) QCOMPARE(changed, 1);
        }
    }

    void doubleLists() {
        std::vector<double> v;
        QVERIFY(parseDoubleList(" 0.5, 1e-3 ,2", v));
        QCOMPARE(v.size(), size_t(3));
        QCOMPARE(v[1], 1e-3);
        QVERIFY(parseDoubleList("", v));
        QVERIFY(v.empty());
        QVERIFY(!parseDoubleList("1, x", v));
        QCOMPARE(formatDoubleList({0.25, 2}), QString("0.25, 2"));
    }

    void rgbImageConversion() {
        api::RgbImage img;
        img.width = 2;
        img.height = 1;
        img.pixels = {255, 0, 0, 0, 0, 255};
        const QImage q = toQImage(img);
        QCOMPARE(q.size(), QSize(2, 1));
        QCOMPARE(q.pixelColor(0, 0), QColor(255, 0, 0));
        QCOMPARE(q.pixelColor(1, 0), QColor(0, 0, 255));
        img.pixels.pop_back();
        QVERIFY(toQImage(img).isNull());
    }

    void iconsRenderFromResources() {
        const QStringList names{"app", "start", "pause", "stop", "open", "save", "export", "evaluate",
                                "histogram", "preview", "run", "dice"};
        for (const QString& n : names) {
            QSvgRenderer r(QStringLiteral(":/icons/%1.svg").arg(n));
            QVERIFY2(r.isValid(), qPrintable(n));
            QImage img(24, 24, QImage::Format_ARGB32);
            img.fill(Qt::transparent);
            QPainter p(&img);
            r.render(&p);
            p.end();
            int opaque = 0;
            for (int y = 0; y < 24; ++y)
                for (int x = 0; x < 24; ++x) opaque += qAlpha(img.pixel(x, y)) > 0;
            QVERIFY2(opaque > 20, qPrintable(n + " draws nothing"));
        }
    }

    void presetFilesMatchTheEnginePresets() {
        for (const char* name : {"seed", "quick", "cpu-hour"}) {
            QFile f(QStringLiteral(":/presets/%1.json").arg(name));
            QVERIFY2(f.open(QIODevice::ReadOnly), name);
            const RunConfig fromFile = configFromJson(f.readAll().toStdString(), name);
            QCOMPARE(QString::fromStdString(configToJson(fromFile)), QString::fromStdString(configToJson(presetConfig(name))));
        }
    }

    void germanTranslationIsEmbedded() {
        QTranslator de;
        QVERIFY(de.load(":/i18n/dino_studio_de.qm"));
        QCOMPARE(de.translate("dino::ui::MainWindow", "Evaluation"), QString("Auswertung"));
        QCOMPARE(de.translate("dino::ui::TrainingPanel", "Pause"), QString("Pausieren"));
        QTranslator en;
        QVERIFY(en.load(":/i18n/dino_studio_en.qm"));
    }

    void everyFieldHelpIsTranslatedToGerman() {
        // The tooltips come from the engine's English dino::fieldHelp, translated in context
        // "dino::FieldHelp" (lupdate scans engine/common/config.cpp). Every key config.json holds needs
        // its own German text, so a new field without a translation fails here.
        QTranslator de;
        QVERIFY(de.load(":/i18n/dino_studio_de.qm"));
        QCOMPARE(de.translate("dino::FieldHelp", fieldHelp("optim.lr").c_str()),
                 QString("Maximale Lernrate, erreicht nach der Aufwärmphase."));
        const auto j = nlohmann::json::parse(configToJson(RunConfig{}));
        int keys = 0;
        for (auto s = j.begin(); s != j.end(); ++s)
            for (auto f = s.value().begin(); f != s.value().end(); ++f) {
                const std::string key = s.key() + "." + f.key();
                const std::string english = fieldHelp(key);
                QVERIFY2(!english.empty(), key.c_str());
                const QString german = de.translate("dino::FieldHelp", english.c_str());
                QVERIFY2(!german.isEmpty(), qPrintable("no German help for " + QString::fromStdString(key)));
                QVERIFY2(german != QString::fromStdString(english), qPrintable("help of " + QString::fromStdString(key) + " is untranslated"));
                ++keys;
            }
        QVERIFY(keys > 60);

        // fieldHelpText (the tooltips' text) goes through the installed translator; English without one.
        QCOMPARE(fieldHelpText("optim.lr"), QString::fromStdString(fieldHelp("optim.lr")));
        QVERIFY(QCoreApplication::installTranslator(&de));
        QCOMPARE(fieldHelpText("optim.lr"), QString("Maximale Lernrate, erreicht nach der Aufwärmphase."));
        QCOMPARE(fieldHelpText("data.dataset"), de.translate("dino::FieldHelp", fieldHelp("data.dataset").c_str()));
        QVERIFY(fieldHelpText("no.such_field").isEmpty());
        QCoreApplication::removeTranslator(&de);
        QCOMPARE(fieldHelpText("optim.lr"), QString::fromStdString(fieldHelp("optim.lr")));
    }

    void citationNamesBothSources() {
        const QString c = datasetCitation();
        QVERIFY(c.contains("MedMNIST v2"));
        QVERIFY(c.contains("Kather"));
        QFile src(":/data/SOURCE.md");
        QVERIFY(src.open(QIODevice::ReadOnly));
        QVERIFY(src.readAll().contains("Kather"));
    }
};

QTEST_MAIN(TestGuiUnits)
#include "test_gui_units.moc"
