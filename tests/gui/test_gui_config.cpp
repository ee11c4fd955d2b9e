// The configuration panel: filling the form, validation marking a bad field and blocking Start with
// the reason, presets, and config files round-tripping through the window.
#include "api/analysis.h"
#include "config_form.h"
#include "dataset_picker.h"
#include "main_window.h"
#include "qt_types.h"
#include "training_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyleOption>
#include <QTemporaryDir>
#include <QtTest>

using namespace dino;
using namespace dino::ui;

class TestGuiConfig : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_config");
        QVERIFY(tmp_.isValid());
    }

    void typingFillsTheConfig() {
        ConfigForm form;
        form.setConfig(presetConfig("quick"));
        QVERIFY(form.isValid());
        auto* lr = qobject_cast<QLineEdit*>(form.editor("optim.lr"));
        QVERIFY(lr);
        lr->selectAll();
        QTest::keyClicks(lr, "0.002");
        QCOMPARE(form.config().optim.lr, 0.002);
        auto* depth = qobject_cast<QSpinBox*>(form.editor("model.depth"));
        QVERIFY(depth);
        depth->setValue(2);
        QCOMPARE(form.config().model.depth, 2);
        auto* prec = qobject_cast<QComboBox*>(form.editor("system.precision"));
        prec->setCurrentText("bf16");
        QCOMPARE(form.config().system.precision, std::string("bf16"));
        auto* nowd = qobject_cast<QCheckBox*>(form.editor("optim.no_wd_bias_norm"));
        nowd->setChecked(true);
        QVERIFY(form.config().optim.no_wd_bias_norm);
        form.setFieldText("views.mean", "0.7, 0.5, 0.7");
        QCOMPARE(form.config().views.mean.size(), size_t(3));
        QVERIFY(form.isValid());
        // Tooltips explain every field in one sentence.
        for (const auto& f : configFields())
            QVERIFY2(form.editor(f.key)->toolTip().contains(fieldHelpText(f.key).toHtmlEscaped()),
                     qPrintable(f.key));
    }

    void badValueIsMarkedAndBlocksStart() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.configForm()->setConfig(presetConfig("quick"));
        QPushButton* start = w.trainingPanel()->startButton();
        QVERIFY(start->isEnabled());

        // A relation the engine checks: heads must divide the width.
        w.configForm()->setFieldText("model.embed_dim", "32");
        w.configForm()->setFieldText("model.num_heads", "5");
        QVERIFY(!w.configForm()->isValid());
        QVERIFY(!start->isEnabled());
        auto* err = w.configForm()->findChild<QLabel*>("error_model.num_heads");
        QVERIFY(err);
        QVERIFY(!err->isHidden());
        QVERIFY(err->text().contains("divide"));
        QVERIFY(w.configForm()->editor("model.num_heads")->property("invalid").toBool());
        auto* reason = w.trainingPanel()->findChild<QLabel*>("startBlockedReason");
        // Named as the form shows them: by the labels beside the fields, not by JSON keys.
        QVERIFY(reason->text().contains(fieldLabel("model.num_heads")));
        QVERIFY(start->toolTip().contains(fieldLabel("model.num_heads")));
        QVERIFY(!reason->text().contains("model."));
        QVERIFY2(err->text().contains(fieldLabel("model.embed_dim")), qPrintable(err->text()));
        // Start through the shortcut path is refused too.
        w.startTraining();
        QVERIFY(!w.isTraining());

        w.configForm()->setFieldText("model.num_heads", "2");
        QVERIFY(w.configForm()->isValid());
        QVERIFY(start->isEnabled());
        QVERIFY(err->isHidden());

        // Text that is not a number at all.
        w.configForm()->setFieldText("optim.lr", "fast");
        QVERIFY(!start->isEnabled());
        QVERIFY(w.configForm()->firstProblem().contains(fieldLabel("optim.lr")));
        w.configForm()->setFieldText("optim.lr", "-1");
        QVERIFY(w.configForm()->firstProblem().contains("must be > 0"));
        w.configForm()->setFieldText("optim.lr", "5e-4");
        QVERIFY(start->isEnabled());

        // Range checks: a probability above 1.
        w.configForm()->setFieldText("views.solarize_p", "1.5");
        QVERIFY(!start->isEnabled());
        w.configForm()->setFieldText("views.solarize_p", "0.2");
        QVERIFY(start->isEnabled());
    }

    void batchLargerThanTheDatasetIsRejected() {
        ConfigForm form;
        RunConfig c = presetConfig("quick");
        c.data.subset = 32;
        c.optim.batch_size = 64;
        form.setConfig(c);
        // The picker reads the sample's size off the GUI thread.
        QTRY_VERIFY_WITH_TIMEOUT(form.datasetPicker()->trainSize() == 1059, 10000);
        QVERIFY(!form.isValid());
        QVERIFY(form.firstProblem().contains(fieldLabel("optim.batch_size")));
        form.setFieldText("optim.batch_size", "16");
        QVERIFY(form.isValid());
    }

    void presetsApply() {
        MainWindow w;
        w.applyPreset("seed");
        QCOMPARE(QString::fromStdString(configToJson(w.configForm()->config())),
                 QString::fromStdString(configToJson(presetConfig("seed"))));
        auto* box = w.findChild<QComboBox*>("presetBox");
        QVERIFY(box);
        QVERIFY(box->itemText(1).contains("GPU"));
        QVERIFY(box->itemText(2).contains("CPU"));
        box->setCurrentIndex(2);
        Q_EMIT box->activated(2);
        QCOMPARE(QString::fromStdString(configToJson(w.configForm()->config())),
                 QString::fromStdString(configToJson(presetConfig("quick"))));
    }

    void configFilesRoundTrip() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        RunConfig c = presetConfig("quick");
        c.optim.epochs = 7;
        c.views.num_local = 4;
        w.configForm()->setConfig(c);
        const QString path = tmp_.filePath("cfg.json");
        QCOMPARE(w.saveConfigFile(path), QString());
        w.applyPreset("seed");
        QCOMPARE(w.loadConfigFile(path), QString());
        QCOMPARE(w.configForm()->config().optim.epochs, 7);
        QCOMPARE(w.configForm()->config().views.num_local, 4);
        // A broken file gives a readable error naming the file and the field.
        QFile bad(tmp_.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"optim": {"lr": "high"}})");
        bad.close();
        const QString err = w.loadConfigFile(bad.fileName());
        QVERIFY(err.contains("optim.lr"));
        QVERIFY(err.contains("bad.json"));
        QCOMPARE(w.configForm()->config().optim.epochs, 7);
    }

    void datasetPickerModes() {
        ConfigForm form;
        form.setConfig(presetConfig("quick"));
        DatasetPicker* p = form.datasetPicker();
        QCOMPARE(p->dataset(), QString("sample"));
        form.setFieldText("data.dataset", "/nonexistent/file.npz");
        QCOMPARE(QString::fromStdString(form.config().data.dataset), QString("/nonexistent/file.npz"));
        auto* status = p->findChild<QLabel*>("datasetStatus");
        QTRY_VERIFY(status->text().contains("file.npz"));
        form.setFieldText("data.dataset", "sample");
        QCOMPARE(QString::fromStdString(form.config().data.dataset), QString("sample"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("1059"), 10000);
        QVERIFY2(status->text().contains("9 classes"), qPrintable(status->text()));
        // A file of another name (no MedMNIST flag, so no class names): its sizes, and no "0 classes".
        QTemporaryDir dir;
        const QString mine = dir.filePath("mine.npz");
        QVERIFY(QFile::copy(qs(api::resolveDataset(form.config().data)), mine));
        form.setFieldText("data.dataset", mine);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains("1059"), 10000);
        QVERIFY2(status->text().startsWith("npz — 28 px; train 1059"), qPrintable(status->text()));
        QVERIFY(!status->text().contains("classes"));
    }

    // Issue 23: a bad value flags its own field only, at the field the user changed, keeps a spin box's
    // arrows, and a MedMNIST dataset not yet downloaded points at the Download button.
    void badValuesFlagTheRightFieldOnly() {
        ConfigForm form;
        form.setConfig(presetConfig("quick"));
        auto flagged = [&form](const QString& key) { return form.editor(key)->property("invalid").toBool(); };
        // Batch size 0: the batch size, not also Processes (which must be <= the batch size).
        form.setFieldText("optim.batch_size", "0");
        QVERIFY(flagged("optim.batch_size"));
        QVERIFY(!flagged("system.processes"));
        form.setFieldText("optim.batch_size", "64");
        QVERIFY(form.isValid());
        // Crop scale min raised above max: min is the field in error, named against max by its label.
        form.setFieldText("views.crop_scale_min", "0.9");
        QVERIFY(flagged("views.crop_scale_min"));
        QVERIFY(!flagged("views.crop_scale_max"));
        auto* err = form.findChild<QLabel*>("error_views.crop_scale_min");
        QVERIFY2(err->text().contains(fieldLabel("views.crop_scale_max")), qPrintable(err->text()));
        QVERIFY(!err->text().contains("views."));
        form.setFieldText("views.crop_scale_min", "0.25");
        QVERIFY(form.isValid());
        // Max lowered below min: max is the field in error.
        form.setFieldText("views.crop_scale_max", "0.1");
        QVERIFY(flagged("views.crop_scale_max"));
        QVERIFY(!flagged("views.crop_scale_min"));
        form.setFieldText("views.crop_scale_max", "0.6");
        QVERIFY(form.isValid());
    }

    void anInvalidSpinBoxKeepsItsArrows() {
        ConfigForm form;
        form.setConfig(presetConfig("quick"));
        form.show();
        auto* sb = qobject_cast<QSpinBox*>(form.editor("optim.batch_size"));
        QVERIFY(sb);
        const QColor normal = sb->palette().color(QPalette::Base);
        form.setFieldText("optim.batch_size", "0");
        QVERIFY(sb->property("invalid").toBool());
        // Marked by its base colour; a style sheet would replace the native frame and its arrows.
        QVERIFY(sb->styleSheet().isEmpty());
        QVERIFY(sb->palette().color(QPalette::Base) != normal);
        QStyleOptionSpinBox opt;
        opt.initFrom(sb);
        opt.subControls = QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown | QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField;
        opt.buttonSymbols = sb->buttonSymbols();
        QVERIFY(!sb->style()->subControlRect(QStyle::CC_SpinBox, &opt, QStyle::SC_SpinBoxUp, sb).isEmpty());
        form.setFieldText("optim.batch_size", "64");
        QCOMPARE(sb->palette().color(QPalette::Base), normal);
    }

    void aMedmnistDatasetNotDownloadedPointsAtTheDownloadButton() {
        ConfigForm form;
        RunConfig c = presetConfig("quick");
        c.data.dataset = "pathmnist";
        c.data.cache_dir = tmp_.filePath("empty-cache").toStdString();
        form.setConfig(c);
        auto* status = form.datasetPicker()->findChild<QLabel*>("datasetStatus");
        QTRY_VERIFY(status->text().contains("Download"));
        QVERIFY(!status->text().contains("dino fetch"));
    }
};

QTEST_MAIN(TestGuiConfig)
#include "test_gui_config.moc"
