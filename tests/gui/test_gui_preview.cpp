// The augmentation preview: the grid has one row per image and one tile per view, it refreshes by
// itself after an augmentation field changes, and a click enlarges a view with its operations.
#include "config_form.h"
#include "main_window.h"
#include "preview_panel.h"

#include <QDialog>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace dino;
using namespace dino::ui;

class TestGuiPreview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_preview");
    }

    void gridHasOneTilePerView() {
        PreviewPanel panel;
        panel.resize(900, 600);
        panel.show();
        RunConfig c = presetConfig("quick");
        c.views.num_global = 2;
        c.views.num_local = 3;
        c.views.local_crop_size = 0;  // every tile at the image size (the quick preset's locals are 12 px)
        panel.setImageCount(3);
        QSignalSpy spy(&panel, &PreviewPanel::updated);
        panel.setConfig(c);
        QVERIFY(spy.wait(30000));
        QCOMPARE(panel.lastError(), QString());
        QCOMPARE(panel.rows(), 3);
        QCOMPARE(panel.viewCount(), 3 * 5);
        int views = 0, originals = 0;
        for (ViewTile* t : panel.tiles()) {
            if (t->objectName() == "viewTile") ++views;
            if (t->objectName() == "originalTile") ++originals;
            QVERIFY(!t->image().isNull());
            QCOMPARE(t->image().width(), 28);
        }
        QCOMPARE(views, 15);
        QCOMPARE(originals, 3);
        // Column headers: Global 1, Global 2, Local 1..3 in this order.
        QStringList headers;
        for (QLabel* l : panel.gridWidget()->findChildren<QLabel*>())
            if (!qobject_cast<ViewTile*>(l) && l->text().startsWith("<b>")) headers << l->text();
        QVERIFY(headers.join(",").contains("Global 2"));
        QVERIFY(headers.join(",").contains("Local 3"));
        const QImage grid = panel.gridImage();
        QVERIFY(grid.width() > 5 * 28 && grid.height() > 3 * 28);
    }

    void formEditRefreshesWithinAMoment() {
        MainWindow w;
        w.setShowErrorDialogs(false);
        w.configForm()->setConfig(presetConfig("quick"));
        w.previewPanel()->setImageCount(2);
        QSignalSpy spy(w.previewPanel(), &PreviewPanel::updated);
        QVERIFY(spy.wait(30000));
        while (w.previewPanel()->busy()) QVERIFY(spy.wait(30000));
        const int before = w.previewPanel()->viewCount();
        QCOMPARE(before, 2 * (2 + presetConfig("quick").views.num_local));
        spy.clear();
        QElapsedTimer t;
        t.start();
        w.configForm()->setFieldText("views.num_local", "4");
        w.configForm()->setFieldText("views.num_local", "5");  // rapid edits are debounced into one refresh
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.count(), 1);
        QVERIFY(t.elapsed() >= PreviewPanel::kDebounceMs - 20);
        QCOMPARE(w.previewPanel()->viewCount(), 2 * (2 + 5));
        qInfo("preview refresh after an edit: %lld ms", static_cast<long long>(t.elapsed()));
    }

    void clickEnlargesWithOperations() {
        PreviewPanel panel;
        panel.show();
        QSignalSpy spy(&panel, &PreviewPanel::updated);
        RunConfig c = presetConfig("quick");
        c.views.jitter_p = 1.0;
        panel.setConfig(c);
        QVERIFY(spy.wait(30000));
        ViewTile* tile = nullptr;
        for (ViewTile* t : panel.tiles())
            if (t->objectName() == "viewTile") tile = t;
        QVERIFY(tile);
        QVERIFY(!tile->operations().isEmpty());
        QTest::mouseClick(tile, Qt::LeftButton);
        auto* dlg = panel.findChild<QDialog*>("enlargedView");
        QVERIFY(dlg);
        QVERIFY(dlg->isVisible());
        auto* ops = dlg->findChild<QPlainTextEdit*>("operations");
        QCOMPARE(ops->toPlainText(), tile->operations());
        dlg->close();
    }

    void rerollChangesTheViews() {
        PreviewPanel panel;
        QSignalSpy spy(&panel, &PreviewPanel::updated);
        panel.setSeed(1);
        panel.setConfig(presetConfig("quick"));
        QVERIFY(spy.wait(30000));
        while (panel.busy()) QVERIFY(spy.wait(30000));
        const QImage first = panel.tiles().last()->image();
        spy.clear();
        panel.setSeed(2);
        QVERIFY(spy.wait(30000));
        while (panel.busy()) QVERIFY(spy.wait(30000));
        QVERIFY(panel.tiles().last()->image() != first);
    }
};

QTEST_MAIN(TestGuiPreview)
#include "test_gui_preview.moc"
