// The Attention and Embedding map tabs through the real window on a tiny trained run: the maps are
// computed off the GUI thread and shown, the display controls redraw without recomputing, the
// figure exports as PNG/SVG/PDF, a click on the map shows the k-NN's neighbours, a rectangle shows
// the images inside, the CSV and Projector exports write their files, and BackgroundTask cancels
// and waits.
#include "api/training_run.h"
#include "attention_panel.h"
#include "background_task.h"
#include "embedding_map_panel.h"
#include "main_window.h"
#include "model_source_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <atomic>
#include <memory>
#include <set>
#include <thread>

using namespace dino;
using namespace dino::ui;

namespace {
int lineCount(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return -1;
    int n = 0;
    while (!f.atEnd()) {
        f.readLine();
        ++n;
    }
    return n;
}
}  // namespace

class TestGuiInspect : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString run_;
    std::unique_ptr<MainWindow> w_;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DINO Studio Tests");
        QCoreApplication::setApplicationName("test_gui_inspect");
        QVERIFY(tmp_.isValid());
        // A tiny run trained by the engine: 2 one-step epochs, every checkpoint kept.
        RunConfig cfg = presetConfig("tiny");
        cfg.optim.epochs = 2;
        cfg.optim.max_steps_per_epoch = 1;
        cfg.eval.eval_at_end = false;
        cfg.system.keep_checkpoints = -1;
        run_ = tmp_.filePath("run");
        api::TrainObserver quiet;
        auto run = api::TrainingRun::create(cfg, run_.toStdString());
        QCOMPARE(int(run->run(quiet)), int(api::RunOutcome::Finished));
        w_ = std::make_unique<MainWindow>();
        w_->setAskBeforeClosing(false);
        w_->setShowErrorDialogs(false);
        w_->resize(1366, 768);
        w_->show();
        QVERIFY(QTest::qWaitForWindowExposed(w_.get()));
        QCOMPARE(w_->openRun(run_), QString());
    }

    void attentionTab() {
        AttentionPanel* a = w_->attentionPanel();
        w_->tabs()->setCurrentWidget(a);
        // The checkpoint list: last first, then the epochs, newest first.
        QComboBox* ck = a->sourceBar()->checkpointBox();
        QCOMPARE(ck->count(), 3);
        QCOMPARE(ck->itemText(0), QString("last"));
        QCOMPARE(ck->itemText(1), QString("epoch 2"));
        QCOMPARE(ck->itemText(2), QString("epoch 1"));
        QCOMPARE(a->blockSpin()->maximum(), 2);  // the tiny model's 2 blocks (0 = "last")

        a->indicesEdit()->setText("0, 3, 7");
        a->baselineCheck()->setChecked(true);
        QSignalSpy done(a, &AttentionPanel::computed);
        QTest::mouseClick(a->computeButton(), Qt::LeftButton);
        QVERIFY(a->isComputing() || done.count() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(!a->isComputing(), 60000);
        QCOMPARE(done.count(), 1);
        QVERIFY(a->figure()->hasMaps());
        const api::AttentionMaps* m = a->maps();
        QVERIFY(m);
        QCOMPARE(m->indices, (std::vector<int64_t>{0, 3, 7}));
        QCOMPARE(m->heads, 2);
        QCOMPARE(m->block, 1);
        QVERIFY(a->statusLabel()->text().contains("block 2 of 2"));
        // Image, 2 heads, mean, overlay, mask; 3 images with a random-init row each.
        const QSize fig = a->figure()->figureSize();
        QCOMPARE(fig.width(), 150 + 6 * (AttentionFigure::kTile + 6) + 6);
        QVERIFY(fig.height() > 6 * AttentionFigure::kTile);

        // Opacity and threshold redraw the figure; nothing is recomputed.
        a->opacitySlider()->setValue(20);
        a->thresholdSpin()->setValue(80);
        QCOMPARE(a->maps(), m);
        QVERIFY(!a->isComputing());

        // Exports: PNG, SVG and PDF that read back.
        const QString png = tmp_.filePath("att.png"), svg = tmp_.filePath("att.svg"), pdf = tmp_.filePath("att.pdf");
        QCOMPARE(a->figure()->exportTo(png), QString());
        QImage img(png);
        QCOMPARE(img.size(), fig * 2);
        QCOMPARE(a->figure()->exportTo(svg), QString());
        QVERIFY(QSvgRenderer(svg).isValid());
        QCOMPARE(a->figure()->exportTo(pdf), QString());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QVERIFY(!a->figure()->exportTo(tmp_.filePath("att.bmp")).isEmpty());

        // Block 1 of the student, of the first epoch's checkpoint, by class.
        a->choiceBox()->setCurrentIndex(a->choiceBox()->findData("class"));
        QTRY_VERIFY_WITH_TIMEOUT(a->classBox()->count() == 9, 30000);
        a->classBox()->setCurrentIndex(0);
        a->countSpin()->setValue(2);
        a->blockSpin()->setValue(1);
        a->sourceBar()->modelBox()->setCurrentIndex(a->sourceBar()->modelBox()->findData("student"));
        ck->setCurrentIndex(2);
        a->baselineCheck()->setChecked(false);
        a->compute();
        QTRY_VERIFY_WITH_TIMEOUT(!a->isComputing(), 60000);
        QCOMPARE(done.count(), 2);
        QCOMPARE(a->maps()->model, std::string("student"));
        QCOMPARE(a->maps()->epoch, 0);
        QCOMPARE(a->maps()->block, 0);
        QCOMPARE(a->maps()->indices.size(), size_t(2));
        for (int l : a->maps()->labels) QCOMPARE(l, 0);

        // A bad index is refused before anything runs.
        a->choiceBox()->setCurrentIndex(a->choiceBox()->findData("indices"));
        a->indicesEdit()->setText("1, x");
        a->compute();
        QVERIFY(!a->isComputing());
        QVERIFY(a->statusLabel()->text().contains("is not an image index"));
        // An index beyond the split: the engine's message.
        QSignalSpy failed(a, &AttentionPanel::failed);
        a->indicesEdit()->setText("99999");
        a->compute();
        QTRY_VERIFY_WITH_TIMEOUT(!a->isComputing(), 60000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("99999"));
    }

    void embeddingMapTab() {
        EmbeddingMapPanel* p = w_->embeddingMapPanel();
        w_->tabs()->setCurrentWidget(p);
        p->sourceBar()->setSplit("val");
        QSignalSpy done(p, &EmbeddingMapPanel::computed);
        QTest::mouseClick(p->computeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!p->isComputing(), 60000);
        QCOMPARE(done.count(), 1);
        const api::EmbeddingMap* m = p->map();
        QVERIFY(m);
        QCOMPARE(m->n, int64_t(160));
        QVERIFY(p->statusLabel()->text().contains("PC1 and PC2 explain"));
        // One curve per class present, plus the highlight and selection overlays; a legend entry each.
        std::set<int> classes(m->labels.begin(), m->labels.end());
        QCOMPARE(p->plot()->plottableCount(), int(classes.size()) + 2);
        int entries = 0;  // the legend is a grid of two columns: count the filled cells
        for (int i = 0; i < p->plot()->legend->itemCount(); ++i) entries += p->plot()->legend->item(i) != nullptr;
        QCOMPARE(entries, int(classes.size()));

        // A click on point 5 shows it and its k-NN neighbours, in the k-NN's order.
        p->plot()->replot();
        const QPoint at(int(p->plot()->xAxis->coordToPixel(m->x[5])), int(p->plot()->yAxis->coordToPixel(m->y[5])));
        const int hit = p->pointAt(at);
        QVERIFY(hit >= 0);
        QTest::mouseClick(p->plot(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(p->shownPoint(), hit);
        QCOMPARE(p->imageList()->count(), m->knn_k);
        for (int k = 0; k < m->knn_k; ++k)
            QCOMPARE(p->imageList()->item(k)->data(Qt::UserRole).toLongLong(),
                     qlonglong(m->neighbour_index[size_t(hit) * size_t(m->knn_k) + size_t(k)]));
        QVERIFY(p->detailLabel()->text().contains("weighted 20-NN vote"));
        QCOMPARE(p->pointAt(QPoint(-100, -100)), -1);

        // Select area: the rectangle's accepted signal selects the points inside; all of them here.
        p->selectButton()->setChecked(true);
        QCOMPARE(p->plot()->selectionRectMode(), QCP::srmCustom);
        const QRect all(QPoint(int(p->plot()->xAxis->coordToPixel(*std::min_element(m->x.begin(), m->x.end()))) - 5,
                               int(p->plot()->yAxis->coordToPixel(*std::max_element(m->y.begin(), m->y.end()))) - 5),
                        QPoint(int(p->plot()->xAxis->coordToPixel(*std::max_element(m->x.begin(), m->x.end()))) + 5,
                               int(p->plot()->yAxis->coordToPixel(*std::min_element(m->y.begin(), m->y.end()))) + 5));
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(all.bottomRight()), QPointF(all.bottomRight()),
                            Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        Q_EMIT p->plot()->selectionRect()->accepted(all, &release);
        QCOMPARE(p->imageList()->count(), 160);
        QVERIFY(p->detailLabel()->text().contains("160 image"));
        const QVector<int> none = p->selectInRect(QRectF(1e6, 1e6, 1, 1));
        QVERIFY(none.isEmpty());
        QCOMPARE(p->imageList()->count(), 0);
        p->selectButton()->setChecked(false);
        QCOMPARE(p->plot()->selectionRectMode(), QCP::srmNone);

        // Exports.
        const QString csv = tmp_.filePath("map.csv"), proj = tmp_.filePath("projector");
        QCOMPARE(p->exportCsv(csv), QString());
        QCOMPARE(lineCount(csv), 161);
        QCOMPARE(p->exportProjector(proj), QString());
        QCOMPARE(lineCount(proj + "/tensors.tsv"), 160);
        QCOMPARE(lineCount(proj + "/metadata.tsv"), 161);
        QVERIFY(!QImage(proj + "/sprite.png").isNull());

        const std::vector<double> pca_x = m->x;
        // t-SNE: the layout changes, the neighbours do not; the axes say what they are.
        const std::vector<int64_t> pca_neighbours = m->neighbour_index;
        QVERIFY(!p->perplexitySpin()->isEnabled());
        p->methodBox()->setCurrentIndex(p->methodBox()->findData("tsne"));
        QVERIFY(p->perplexitySpin()->isEnabled());
        p->perplexitySpin()->setValue(20);
        p->compute();
        QTRY_VERIFY_WITH_TIMEOUT(!p->isComputing(), 60000);
        QCOMPARE(p->map()->method, std::string("tsne"));
        QCOMPARE(p->map()->perplexity, 20.0);
        QCOMPARE(p->map()->neighbour_index, pca_neighbours);
        QCOMPARE(p->plot()->xAxis->label(), QString("t-SNE 1"));
        QVERIFY(p->statusLabel()->text().contains("t-SNE: perplexity 20.0"));
        p->methodBox()->setCurrentIndex(p->methodBox()->findData("pca"));

        // Random init: another map of the same images.
        const std::vector<double> trained_x = pca_x;
        p->sourceBar()->modelBox()->setCurrentIndex(p->sourceBar()->modelBox()->findData("random-init"));
        QVERIFY(!p->sourceBar()->checkpointBox()->isEnabled());
        p->compute();
        QTRY_VERIFY_WITH_TIMEOUT(!p->isComputing(), 60000);
        QCOMPARE(p->map()->model, std::string("random-init"));
        QVERIFY(p->map()->x != trained_x);
    }

    void backgroundTaskCancelsAndWaits() {
        std::atomic<bool> started{false}, saw_cancel{false};
        BackgroundTask* t = BackgroundTask::start(this, [&](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn& progress) {
            started = true;
            progress(1, 2);
            while (!cancel->load()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            saw_cancel = true;
            throw std::runtime_error("stopped");
        });
        QSignalSpy finished(t, &BackgroundTask::finished);
        QSignalSpy progress(t, &BackgroundTask::progress);
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), 10000);
        QCOMPARE(BackgroundTask::running(), 1);
        BackgroundTask::cancelAll(/*wait=*/true);  // what the main window does on close
        QVERIFY(saw_cancel.load());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().at(0).toString(), QString());  // cancelled, not an error
        QCOMPARE(finished.first().at(1).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, 10000);
        QCOMPARE(BackgroundTask::running(), 0);

        // An error is delivered as the message.
        BackgroundTask* e = BackgroundTask::start(this, [](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
            throw std::runtime_error("no such file");
        });
        QSignalSpy failed(e, &BackgroundTask::finished);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.first().at(0).toString(), QString("no such file"));
        QCOMPARE(failed.first().at(1).toBool(), false);
    }

    void cleanupTestCase() { w_.reset(); }
};

QTEST_MAIN(TestGuiInspect)
#include "test_gui_inspect.moc"
