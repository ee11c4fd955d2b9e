#include "evaluation_panel.h"

#include "api/accuracy_interval.h"
#include "api/analysis.h"
#include "api/probe_grid.h"
#include "api/run_directory.h"
#include "background_task.h"
#include "qt_types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QToolTip>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMetaObject>
#include <QFontMetrics>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace dino::ui {

namespace {
QTableWidgetItem* item(const QString& text, bool number = false) {
    auto* it = new QTableWidgetItem(text);
    it->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number) it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}
QString pct(double v) { return QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1); }
// "52.0 % (40.9–62.9)": the accuracy on n images and its 95 % Wilson score interval.
QString pctWithInterval(double v, int64_t n) {
    const api::Interval i = api::accuracyInterval(v, n);
    return QStringLiteral("%1 (%2–%3)").arg(pct(v)).arg(100.0 * i.lower, 0, 'f', 1).arg(100.0 * i.upper, 0, 'f', 1);
}
const QColor kBelowText(183, 28, 28);
const QColor kBelowBackground(253, 236, 234);
}  // namespace

EvaluationPanel::EvaluationPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    evaluate_ = new QPushButton(QIcon(":/icons/evaluate.svg"), tr("Evaluate"), this);
    evaluate_->setObjectName("evaluateButton");
    evaluate_->setToolTip(tr("k-NN evaluation of the run's last checkpoint and of a random-init baseline"));
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setObjectName("evalProgress");
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("not evaluated"));
    progress_->setMinimumWidth(170);  // room for "12345 / 12345 images" on one line
    progress_->setMaximumWidth(260);
    info_ = new QLabel(tr("Open or train a run, then press Evaluate."), this);
    info_->setObjectName("evalInfo");
    info_->setWordWrap(true);
    split_ = new QComboBox(this);
    split_->setObjectName("evalSplit");
    split_->addItem(tr("test split"), QStringLiteral("test"));
    split_->addItem(tr("val split"), QStringLiteral("val"));
    split_->setToolTip(tr("The images the k-NN classifier is measured on (the memory bank is the training split). "
                          "Keep the test split for the figure you report; compare settings on val."));
    auto* splitLabel = new QLabel(tr("Classify"), this);
    splitLabel->setBuddy(split_);
    top->addWidget(splitLabel);
    top->addWidget(split_);
    top->addWidget(evaluate_);
    top->addWidget(cancelButton_);
    top->addWidget(progress_);
    top->addWidget(info_, 1);
    lay->addLayout(top);
    warning_ = new QLabel(this);
    warning_->setObjectName("evalWarning");
    warning_->setWordWrap(true);
    warning_->setStyleSheet("QLabel{background:#fdecea;border:1px solid #d32f2f;border-radius:3px;padding:4px;color:#3e2723;}");
    warning_->hide();
    lay->addWidget(warning_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    summary_ = new QTableWidget(6, 2, left);
    summary_->setObjectName("summaryTable");
    summary_->setHorizontalHeaderLabels({tr("DINO teacher"), tr("Random init")});
    summary_->setVerticalHeaderLabels({tr("1-NN accuracy"), tr("Weighted k-NN accuracy"), tr("AUC (macro, one-vs-rest)"),
                                       tr("Linear probe accuracy"), tr("Linear probe accuracy"), tr("Probe: chosen lr / wd")});
    summary_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    summary_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    summary_->setToolTip(tr("Accuracy on the split's images, with its 95 % Wilson score interval in brackets: the "
                            "range that holds the accuracy on unlimited images of the same kind 95 times in 100. "
                            "AUC has no interval here."));
    {
        // Both column titles and a cell with its interval stay readable in every language: the splitter
        // may not squeeze them.
        const QFontMetrics fm(summary_->horizontalHeader()->font());
        const int col = std::max({fm.horizontalAdvance(tr("DINO teacher")), fm.horizontalAdvance(tr("Random init")),
                                  fm.horizontalAdvance(QStringLiteral("100.0 % (100.0–100.0)"))}) + 16;
        summary_->horizontalHeader()->setMinimumSectionSize(col);
        summary_->setMinimumWidth(summary_->verticalHeader()->sizeHint().width() + 2 * col + 8);
    }
    summary_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    fitSummary(false);
    ll->addWidget(summary_);

    bars_ = new PlotWidget(tr("DINO vs random init"), left);
    bars_->setObjectName("comparisonPlot");
    bars_->setMinimumHeight(170);
    bars_->setLegendBelow();
    ll->addWidget(bars_, 1);

    classes_ = new QTableWidget(0, 4, left);
    classes_->setObjectName("classTable");
    classes_->setHorizontalHeaderLabels({tr("Class"), tr("Images"), tr("DINO k-NN"), tr("Random init")});
    classes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    classes_->verticalHeader()->setVisible(false);
    classes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    classes_->setSortingEnabled(false);
    ll->addWidget(classes_, 1);
    split->addWidget(left);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    confusion_ = new PlotWidget(tr("Confusion matrix (weighted k-NN, DINO teacher)"), right);
    confusion_->setObjectName("confusionPlot");
    confusion_->setInteractions({});
    confusion_->setAutoRescale(false);
    map_ = new QCPColorMap(confusion_->xAxis, confusion_->yAxis);
    scale_ = new QCPColorScale(confusion_);
    confusion_->plotLayout()->addElement(1, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    map_->setColorScale(scale_);
    // Lightness falls monotonically with the count (white -> dark blue, like matplotlib's "Blues"),
    // so a darker cell always means more images.
    QCPColorGradient grad;
    grad.clearColorStops();
    grad.setColorStopAt(0.0, QColor(247, 251, 255));
    grad.setColorStopAt(0.25, QColor(198, 219, 239));
    grad.setColorStopAt(0.5, QColor(107, 174, 214));
    grad.setColorStopAt(0.75, QColor(33, 113, 181));
    grad.setColorStopAt(1.0, QColor(8, 48, 107));
    map_->setGradient(grad);
    map_->setInterpolate(false);
    auto* group = new QCPMarginGroup(confusion_);
    confusion_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    confusion_->xAxis->setLabel(tr("predicted"));
    confusion_->yAxis->setLabel(tr("true"));
    confusion_->yAxis->setRangeReversed(true);
    confusion_->xAxis->setTickLabelRotation(40);
    // A cell's classes and count under the mouse: the tick labels may be shortened.
    confusion_->setMouseTracking(true);
    connect(confusion_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const auto& cm = report_.trained.confusion;
        const int n = static_cast<int>(cm.size());
        const int p = static_cast<int>(std::lround(confusion_->xAxis->pixelToCoord(e->pos().x())));
        const int t = static_cast<int>(std::lround(confusion_->yAxis->pixelToCoord(e->pos().y())));
        if (!has_ || n == 0 || p < 0 || t < 0 || p >= n || t >= n || !confusion_->axisRect()->rect().contains(e->pos())) {
            QToolTip::hideText();
            return;
        }
        auto name = [this](int i) {
            return i < static_cast<int>(report_.class_names.size()) ? qs(report_.class_names[i]) : QString::number(i);
        };
        QToolTip::showText(e->globalPosition().toPoint(),
                           tr("true %1, predicted %2: %n image(s)", "", static_cast<int>(cm[t][p])).arg(name(t), name(p)),
                           confusion_);
    });
    rl->addWidget(confusion_, 1);
    normalise_ = new QCheckBox(tr("Normalise rows (recall per class)"), right);
    normalise_->setObjectName("normaliseConfusion");
    rl->addWidget(normalise_);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    lay->addWidget(split, 1);

    connect(evaluate_, &QPushButton::clicked, this, &EvaluationPanel::evaluate);
    connect(cancelButton_, &QPushButton::clicked, this, &EvaluationPanel::cancel);
    connect(normalise_, &QCheckBox::toggled, this, [this] { drawConfusion(); });
    connect(split_, &QComboBox::currentIndexChanged, this, [this] { showSavedReport(); });
    updateButtons();
}

void EvaluationPanel::setRunDir(const QString& dir) {
    runDir_ = dir;
    // The run's own evaluation (eval.json) is on its eval.test_split; another split's goes to eval_<split>.json.
    runTestSplit_ = QStringLiteral("test");
    if (!dir.isEmpty()) {
        try {
            runTestSplit_ = qs(loadConfigFile(api::runConfigPath(ss(dir))).eval.test_split);
        } catch (const std::exception&) {
            // no readable config.json (yet): the default
        }
    }
    if (split_->findData(runTestSplit_) < 0) split_->addItem(tr("%1 split").arg(runTestSplit_), runTestSplit_);
    updateButtons();
}

QString EvaluationPanel::split() const { return split_->currentData().toString(); }

void EvaluationPanel::setSplit(const QString& split) {
    int i = split_->findData(split);
    if (i < 0) {
        split_->addItem(tr("%1 split").arg(split), split);
        i = split_->count() - 1;
    }
    split_->setCurrentIndex(i);
}

QString EvaluationPanel::reportPath(const QString& split) const {
    return split == runTestSplit_ ? qs(api::runEvalPath(ss(runDir_)))
                                  : QDir(runDir_).filePath(QStringLiteral("eval_%1.json").arg(split));
}

void EvaluationPanel::showSavedReport() {
    if (evaluating_ || runDir_.isEmpty() || (has_ && qs(report_.test_split) == split())) return;
    QFile f(reportPath(split()));
    if (f.open(QIODevice::ReadOnly)) {
        try {
            showReport(api::evalReportFromJson(f.readAll().toStdString()));
            return;
        } catch (const std::exception&) {
            // a damaged file: as if not evaluated
        }
    }
    const QString s = split();
    clear();
    info_->setText(tr("Not evaluated on the %1 split yet: press Evaluate.").arg(s));
}

void EvaluationPanel::fitSummary(bool probe) {
    for (int row = kProbeValRow; row <= kProbeChoiceRow; ++row) summary_->setRowHidden(row, !probe);
    // Room for the row titles' second line (split and n).
    const int rows = probe ? 6 : 3;
    summary_->setFixedHeight(rows * (2 * summary_->fontMetrics().lineSpacing() + 8) +
                             summary_->horizontalHeader()->sizeHint().height() + 6);
}

void EvaluationPanel::setBusyElsewhere(bool busy) {
    busyElsewhere_ = busy;
    updateButtons();
}

void EvaluationPanel::updateButtons() {
    evaluate_->setEnabled(!runDir_.isEmpty() && !evaluating_ && !busyElsewhere_);
    evaluate_->setToolTip(runDir_.isEmpty() ? tr("Open or train a run first")
                          : busyElsewhere_  ? tr("Wait until training has finished or stop it")
                                            : tr("k-NN evaluation and linear probe of the run's last checkpoint and of a random-init baseline"));
    cancelButton_->setVisible(evaluating_);
    split_->setEnabled(!evaluating_);
}

void EvaluationPanel::evaluate() {
    if (runDir_.isEmpty() || evaluating_) return;
    evaluating_ = true;
    info_->setText(tr("Computing features of the teacher and of a random-init model on the %1 split…").arg(split()));
    updateButtons();
    const std::string dir = ss(runDir_);
    const std::string query = ss(split());
    auto report = std::make_shared<api::EvalReport>();
    task_ = BackgroundTask::start(this, [dir, query, report](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn& progress) {
        *report = api::evaluateRun(dir, "", [&](int64_t done, int64_t total) { progress(done, total); }, cancel, query);
        if (cancel->load()) throw std::runtime_error("cancelled");
    });
    task_->showProgressOn(progress_);
    connect(task_, &BackgroundTask::finished, this, [this, report](const QString& error, bool cancelled) {
        task_ = nullptr;
        evaluating_ = false;
        updateButtons();
        if (cancelled) {
            info_->setText(tr("Evaluation cancelled."));
        } else if (!error.isEmpty()) {
            info_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                               .arg(tr("Evaluation failed: %1").arg(error).toHtmlEscaped()));
            Q_EMIT failed(error);
        } else {
            showReport(*report);
            Q_EMIT evaluated(*report);
        }
    });
}

void EvaluationPanel::cancel() {
    if (task_) task_->cancel();
}

void EvaluationPanel::setProgress(qint64 done, qint64 total) {
    if (total <= 0) return;
    progress_->setRange(0, 1000);
    progress_->setValue(static_cast<int>(1000 * done / total));
    progress_->setFormat(tr("%1 / %2 images").arg(done).arg(total));
}

void EvaluationPanel::clear() {
    has_ = false;
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("not evaluated"));
    report_ = api::EvalReport{};
    for (int r = 0; r < summary_->rowCount(); ++r)
        for (int c = 0; c < summary_->columnCount(); ++c) summary_->setItem(r, c, item(QString()));
    summary_->setVerticalHeaderLabels({tr("1-NN accuracy"), tr("Weighted k-NN accuracy"), tr("AUC (macro, one-vs-rest)"),
                                       tr("Linear probe accuracy"), tr("Linear probe accuracy"), tr("Probe: chosen lr / wd")});
    fitSummary(false);
    classes_->setHorizontalHeaderLabels({tr("Class"), tr("Images"), tr("DINO k-NN"), tr("Random init")});
    warning_->hide();
    classes_->setRowCount(0);
    bars_->clearPlottables();
    bars_->setTitle(tr("DINO vs random init"));
    map_->data()->clear();
    map_->data()->setSize(0, 0);
    bars_->requestReplot();
    confusion_->requestReplot();
    info_->setText(runDir_.isEmpty() ? tr("Open or train a run, then press Evaluate.") : tr("Not evaluated yet."));
}

void EvaluationPanel::showReport(const api::EvalReport& r) {
    report_ = r;
    has_ = true;
    {
        const QSignalBlocker block(split_);  // the box names the split of the report shown
        setSplit(qs(r.test_split));
    }
    progress_->setRange(0, 1);
    progress_->setValue(1);
    progress_->setFormat(tr("evaluated"));
    const QString split = qs(r.test_split);
    const api::EvalMetrics* m[2] = {&r.trained, &r.baseline};
    // Every figure says what it is: the split and the number of images it was measured on.
    const api::ProbeMetrics& probe = r.trained.probe;
    summary_->setVerticalHeaderLabels(
        {tr("1-NN accuracy\n%1, n = %2").arg(split).arg(r.n_test),
         tr("Weighted k-NN accuracy\n%1, n = %2").arg(split).arg(r.n_test),
         tr("AUC (macro, one-vs-rest)\n%1, n = %2").arg(split).arg(r.n_test),
         tr("Linear probe accuracy\n%1, n = %2").arg(qs(probe.val_split)).arg(probe.n_val),
         tr("Linear probe accuracy\n%1, n = %2").arg(split).arg(r.n_test),
         tr("Probe: chosen lr / wd\nlast %n block(s), %1 epochs", nullptr, probe.blocks).arg(probe.epochs)});
    for (int c = 0; c < 2; ++c) {
        summary_->setItem(0, c, item(pctWithInterval(m[c]->nn1_accuracy, r.n_test), true));
        summary_->setItem(1, c, item(pctWithInterval(m[c]->knn_accuracy, r.n_test), true));
        summary_->setItem(2, c, item(QString::number(m[c]->auc, 'f', 3), true));
        const api::ProbeMetrics& p = m[c]->probe;
        summary_->setItem(kProbeValRow, c, item(p.present ? pctWithInterval(p.val_accuracy, p.n_val) : QStringLiteral("—"), true));
        summary_->setItem(kProbeTestRow, c, item(p.present ? pctWithInterval(p.test_accuracy, r.n_test) : QStringLiteral("—"), true));
        const api::GridEdge edge = api::probeLrEdge(p);
        QString choice = p.present ? QStringLiteral("%1 / %2").arg(p.lr, 0, 'g', 4).arg(p.wd, 0, 'g', 4) : QStringLiteral("—");
        if (edge != api::GridEdge::Inside) choice = tr("%1 (edge of the grid)").arg(choice);
        summary_->setItem(kProbeChoiceRow, c, item(choice, true));
        if (edge == api::GridEdge::Largest)
            summary_->item(kProbeChoiceRow, c)
                ->setToolTip(tr("The best head has the largest learning rate of eval.probe_lrs: a larger one may do "
                                "better, so this probe accuracy is a lower bound. Add larger values to eval.probe_lrs."));
        else if (edge == api::GridEdge::Smallest)
            summary_->item(kProbeChoiceRow, c)
                ->setToolTip(tr("The best head has the smallest learning rate of eval.probe_lrs: a smaller one may do "
                                "better, so this probe accuracy is a lower bound. Add smaller values to eval.probe_lrs."));
        if (p.present)
            summary_->item(kProbeTestRow, c)
                ->setToolTip(tr("%1 heads (lr × wd) trained on %2 %3 images for %4 epochs in %5 s; the one with the best "
                                "%6 accuracy is reported. Test macro AUC %7.")
                                 .arg(p.grid.size())
                                 .arg(r.n_train)
                                 .arg(qs(r.train_split))
                                 .arg(p.epochs)
                                 .arg(p.seconds, 0, 'f', 1)
                                 .arg(qs(p.val_split))
                                 .arg(p.test_auc, 0, 'f', 3));
    }
    fitSummary(probe.present);
    if (QTableWidgetItem* h = summary_->verticalHeaderItem(kProbeValRow))
        h->setToolTip(tr("The split on which the best head of the probe's grid is chosen (eval.probe_val_split)"));
    if (probe.present && r.baseline.probe.present && probe.test_accuracy < r.baseline.probe.test_accuracy) {
        QTableWidgetItem* cell = summary_->item(kProbeTestRow, 0);
        cell->setForeground(kBelowText);
        cell->setBackground(kBelowBackground);
        cell->setToolTip(tr("Below the random-init model (%1)").arg(pct(r.baseline.probe.test_accuracy)));
    }
    // A teacher below its random init has learned features worse than none: flagged, not left to be noticed.
    QStringList below;
    const double acc[2][2] = {{r.trained.nn1_accuracy, r.baseline.nn1_accuracy}, {r.trained.knn_accuracy, r.baseline.knn_accuracy}};
    const QString what[2] = {tr("1-NN"), tr("weighted k-NN")};
    bool overlap = true;
    for (int row = 0; row < 2; ++row) {
        if (acc[row][0] >= acc[row][1]) continue;
        below << tr("%1 %2 against %3").arg(what[row], pct(acc[row][0]), pct(acc[row][1]));
        QTableWidgetItem* cell = summary_->item(row, 0);
        cell->setForeground(kBelowText);
        cell->setBackground(kBelowBackground);
        cell->setToolTip(tr("Below the random-init model (%1)").arg(pct(acc[row][1])));
        overlap = overlap && api::accuracyInterval(acc[row][0], r.n_test).upper >= api::accuracyInterval(acc[row][1], r.n_test).lower;
    }
    warning_->setVisible(!below.isEmpty());
    if (!below.isEmpty())
        warning_->setText(tr("<b>The teacher is below its random init</b> on %1: training made the features worse for "
                             "k-NN. Usual causes are a learning rate too high for the batch or a collapse (see the "
                             "collapse indicators on the Training tab).")
                              .arg(below.join(tr(" and "))) +
                          (overlap ? QStringLiteral(" ") + tr("The 95 % intervals overlap: on %1 images the gap may be chance.").arg(r.n_test)
                                   : QString()));
    info_->setText(tr("Checkpoint of epoch %1 (step %2). k-NN on the %3 split: %4 images classified against a memory "
                      "bank of %5 %6 images; k = %7, T = %8. In brackets: 95 % Wilson score intervals.")
                       .arg(r.epoch + 1)
                       .arg(r.step)
                       .arg(split)
                       .arg(r.n_test)
                       .arg(r.n_train)
                       .arg(qs(r.train_split))
                       .arg(r.knn_k)
                       .arg(r.knn_temperature));

    // Grouped bars: 1-NN, k-NN for teacher and baseline, each with its interval.
    bars_->clearPlottables();
    bars_->setTitle(tr("DINO vs random init (%1, n = %2)").arg(split).arg(r.n_test));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTick(1, tr("1-NN"));
    ticker->addTick(2, tr("weighted k-NN"));
    const bool probeBars = r.trained.probe.present && r.baseline.probe.present;
    if (probeBars) ticker->addTick(3, tr("linear probe"));
    bars_->xAxis->setTicker(ticker);
    bars_->xAxis->setRange(0.4, probeBars ? 3.6 : 2.6);
    bars_->yAxis->setRange(0, 100);
    bars_->yAxis->setLabel(tr("accuracy (%)"));
    auto* group = new QCPBarsGroup(bars_);
    const QColor colors[2] = {QColor(21, 101, 192), QColor(158, 158, 158)};
    const QString names[2] = {tr("DINO teacher"), tr("random init")};
    for (int c = 0; c < 2; ++c) {
        auto* b = new QCPBars(bars_->xAxis, bars_->yAxis);
        b->setName(names[c]);
        b->setWidth(0.35);
        b->setBrush(colors[c]);
        b->setPen(Qt::NoPen);
        b->setBarsGroup(group);
        QVector<double> keys{1, 2}, values{100 * m[c]->nn1_accuracy, 100 * m[c]->knn_accuracy};
        QVector<double> accs{m[c]->nn1_accuracy, m[c]->knn_accuracy};
        if (probeBars) {
            keys << 3;
            values << 100 * m[c]->probe.test_accuracy;
            accs << m[c]->probe.test_accuracy;
        }
        b->setData(keys, values);
        auto* err = new QCPErrorBars(bars_->xAxis, bars_->yAxis);
        err->removeFromLegend();
        err->setDataPlottable(b);
        err->setPen(QPen(QColor(33, 33, 33), 1.2));
        QVector<double> lo, hi;
        for (double a : accs) {
            const api::Interval i = api::accuracyInterval(a, r.n_test);
            lo << 100 * (a - i.lower);
            hi << 100 * (i.upper - a);
        }
        err->setData(lo, hi);
    }
    bars_->legend->setVisible(true);
    bars_->setAutoRescale(false);
    bars_->requestReplot();

    // Per-class table.
    classes_->setHorizontalHeaderLabels({tr("Class"), tr("%1 images").arg(split), tr("DINO k-NN"), tr("Random init")});
    const int n = static_cast<int>(r.trained.per_class.size());
    classes_->setRowCount(n);
    for (int i = 0; i < n; ++i) {
        const auto& pc = r.trained.per_class[i];
        const double base = i < static_cast<int>(r.baseline.per_class.size()) ? r.baseline.per_class[i].accuracy : 0;
        QString name = qs(pc.name);
        if (name.isEmpty() && i < static_cast<int>(r.class_names.size())) name = qs(r.class_names[i]);
        classes_->setItem(i, 0, item(QStringLiteral("%1 %2").arg(i).arg(name)));
        classes_->setItem(i, 1, item(QString::number(pc.support), true));
        classes_->setItem(i, 2, item(pc.support > 0 ? pct(pc.accuracy) : QStringLiteral("—"), true));
        classes_->setItem(i, 3, item(pc.support > 0 ? pct(base) : QStringLiteral("—"), true));
    }
    classes_->resizeColumnsToContents();
    classes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    drawConfusion();
}

void EvaluationPanel::drawConfusion() {
    const auto& cm = report_.trained.confusion;
    const int n = static_cast<int>(cm.size());
    if (n == 0) return;
    map_->data()->setSize(n, n);
    map_->data()->setRange(QCPRange(0, n - 1), QCPRange(0, n - 1));
    double maxv = 0;
    for (int t = 0; t < n; ++t) {
        double rowSum = 0;
        for (int p = 0; p < n && p < static_cast<int>(cm[t].size()); ++p) rowSum += static_cast<double>(cm[t][p]);
        for (int p = 0; p < n && p < static_cast<int>(cm[t].size()); ++p) {
            double v = static_cast<double>(cm[t][p]);
            if (normalise_->isChecked()) v = rowSum > 0 ? v / rowSum : 0;
            map_->data()->setCell(p, t, v);
            maxv = std::max(maxv, v);
        }
    }
    map_->setDataRange(QCPRange(0, maxv > 0 ? maxv : 1));
    scale_->axis()->setLabel(normalise_->isChecked() ? tr("fraction of the true class") : tr("images"));
    // Cell values as text.
    confusion_->clearItems();
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n && p < static_cast<int>(cm[t].size()); ++p) {
            auto* text = new QCPItemText(confusion_);
            text->position->setCoords(p, t);
            const double v = map_->data()->cell(p, t);
            text->setText(normalise_->isChecked() ? QString::number(v, 'f', 2) : QString::number(cm[t][p]));
            text->setFont(QFont(font().family(), qMax(6, font().pointSize() - 2)));
            text->setColor(v > 0.45 * maxv ? Qt::white : Qt::black);  // readable on the dark cells
        }
    // Class names on both axes, long ones shortened (the tooltip of a cell and the table have them whole).
    const QFontMetrics fm(confusion_->xAxis->tickLabelFont());
    const int room = fm.horizontalAdvance(QStringLiteral("smooth muscle…"));
    QSharedPointer<QCPAxisTickerText> tk(new QCPAxisTickerText);
    for (int i = 0; i < n; ++i) {
        const QString name = i < static_cast<int>(report_.class_names.size()) ? qs(report_.class_names[i]) : QString();
        tk->addTick(i, name.isEmpty() ? QString::number(i) : fm.elidedText(name, Qt::ElideRight, room));
    }
    confusion_->xAxis->setTicker(tk);
    confusion_->yAxis->setTicker(tk);
    confusion_->xAxis->setRange(-0.5, n - 0.5);
    confusion_->yAxis->setRange(-0.5, n - 0.5);
    confusion_->requestReplot();
}

// ---- RunView ----------------------------------------------------------------------------------

void EvaluationPanel::clearRun() { clear(); }

void EvaluationPanel::showRun(const api::RunSnapshot& snap) {
    clear();
    setRunDir(qs(snap.dir));
    if (snap.eval) showReport(*snap.eval);
}

void EvaluationPanel::startRun(const QString& dir, const RunConfig&) { setRunDir(dir); }

void EvaluationPanel::setTrainingActive(bool active) { setBusyElsewhere(active); }

}  // namespace dino::ui
