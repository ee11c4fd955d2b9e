#include "training_panel.h"

#include "api/analysis.h"
#include "background_task.h"
#include "chart_controls.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>
#include <iterator>

namespace dino::ui {

// A metric's label (translated: the table marks it for lupdate in context dino::ui::Metrics) with its
// unit, and "right" for a graph on the right axis: "teacher entropy (nats)", "KL to uniform (nats, right)".
static QString legendOf(const MetricDescriptor& d) {
    const QString label = QCoreApplication::translate("dino::ui::Metrics", d.label);
    const QString unit = QString::fromStdString(d.unit);
    if (d.right_axis)
        return unit.isEmpty() ? TrainingPanel::tr("%1 (right)").arg(label) : TrainingPanel::tr("%1 (%2, right)").arg(label, unit);
    return unit.isEmpty() ? label : QStringLiteral("%1 (%2)").arg(label, unit);
}

namespace {
const QColor kRaw(120, 160, 220, 110);
const QColor kSmooth(21, 76, 160);
const QColor kEntropy(198, 40, 40);
const QColor kKl(46, 125, 50);
const QColor kSchedule(94, 53, 177);
const QColor kKnn1(230, 81, 0);
const QColor kKnnW(0, 105, 92);
}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);

    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(QIcon(":/icons/start.svg"), tr("Start"), this);
    start_->setObjectName("startButton");
    start_->setToolTip(tr("Start a new training run with the configuration on the left (Ctrl+R)"));
    pause_ = new QPushButton(QIcon(":/icons/pause.svg"), tr("Pause"), this);
    pause_->setObjectName("pauseButton");
    stop_ = new QPushButton(QIcon(":/icons/stop.svg"), tr("Stop"), this);
    stop_->setObjectName("stopButton");
    stop_->setToolTip(tr("Stop after the current step and keep a checkpoint (Esc)"));
    stateLabel_ = new QLabel(this);
    stateLabel_->setObjectName("trainingState");
    buttons->addWidget(start_);
    buttons->addWidget(pause_);
    buttons->addWidget(stop_);
    buttons->addSpacing(12);
    buttons->addWidget(stateLabel_, 1);
    lay->addLayout(buttons);

    blocked_ = new QLabel(this);
    blocked_->setObjectName("startBlockedReason");
    blocked_->setWordWrap(true);
    blocked_->setStyleSheet("color:#b71c1c;");
    blocked_->hide();
    lay->addWidget(blocked_);

    // The collapse guard's banner: what state the run is in, why, and a link that applies the advice.
    banner_ = new QLabel(this);
    banner_->setObjectName("collapseBanner");
    banner_->setWordWrap(true);
    banner_->setTextFormat(Qt::RichText);
    banner_->setStyleSheet("QLabel{background:#fff3e0;border:1px solid #ef6c00;border-radius:3px;padding:6px;color:#3e2723;}");
    banner_->hide();
    lay->addWidget(banner_);
    connect(banner_, &QLabel::linkActivated, this, [this](const QString&) {
        const api::CollapseVerdict v = collapseVerdict();
        if (haveConfig_ && api::isCollapse(v.state)) Q_EMIT applyAdviceRequested(api::applyCollapseAdvice(cfg_, v));
    });

    auto* prog = new QHBoxLayout;
    progress_ = new QProgressBar(this);
    progress_->setObjectName("trainingProgress");
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progressLabel_ = new QLabel(tr("Not started"), this);
    progressLabel_->setObjectName("progressLabel");
    progressLabel_->setMinimumWidth(380);
    prog->addWidget(progress_, 1);
    prog->addWidget(progressLabel_);
    lay->addLayout(prog);

    // Charts: loss and collapse on top, the four schedules below.
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* topLay = new QGridLayout(top);
    topLay->setContentsMargins(0, 0, 0, 0);
    loss_ = new PlotWidget(tr("DINO loss"), top);
    loss_->setObjectName("lossPlot");
    loss_->addGraph();
    loss_->graph(0)->setName(tr("raw"));
    loss_->graph(0)->setPen(QPen(kRaw, 1));
    loss_->addGraph();
    loss_->graph(1)->setName(tr("smoothed"));
    loss_->graph(1)->setPen(QPen(kSmooth, 2));
    loss_->xAxis->setLabel(tr("step"));
    loss_->yAxis->setLabel(tr("loss"));
    loss_->legend->setVisible(true);
    loss_->setLegendBelow();

    collapse_ = new PlotWidget(tr("Collapse indicators"), top);
    collapse_->setObjectName("collapsePlot");
    collapse_->yAxis2->setVisible(true);
    // One graph per metric the table (common/metrics_schema.cpp) puts on this chart, named from it.
    const QColor collapseColours[] = {kEntropy, kKl, kSchedule};
    for (const MetricDescriptor& d : metricTable()) {
        if (d.chart != MetricChart::Collapse) continue;
        QCPGraph* g = collapse_->addGraph(collapse_->xAxis, d.right_axis ? collapse_->yAxis2 : collapse_->yAxis);
        g->setName(legendOf(d));
        g->setPen(QPen(collapseColours[collapseMetrics_.size() % std::size(collapseColours)], 1.5));
        collapseMetrics_.push_back(&d);
    }
    collapse_->xAxis->setLabel(tr("step"));
    collapse_->yAxis->setLabel(tr("entropy"));
    collapse_->yAxis2->setLabel(tr("KL"));
    collapse_->legend->setVisible(true);
    collapse_->setLegendBelow();
    collapse_->setToolTip(tr("DINO's two collapse modes: entropy near log(out_dim) with KL near 0 means a uniform output "
                             "(centering without enough sharpening); entropy near 0 with KL near log(out_dim) means "
                             "one pseudo-label wins for every image (sharpening without centering)."));

    knnPlot_ = new PlotWidget(tr("Live k-NN accuracy"), top);
    knnPlot_->setObjectName("knnPlot");
    const QString knnNames[4] = {tr("teacher 1-NN"), tr("teacher weighted k-NN"), tr("random init 1-NN"),
                                 tr("random init weighted k-NN")};
    const QColor knnColours[4] = {kKnn1, kKnnW, kKnn1, kKnnW};
    for (int g = 0; g < 4; ++g) {
        knnPlot_->addGraph();
        knnPlot_->graph(g)->setName(knnNames[g]);
        QPen pen(knnColours[g], g < 2 ? 2.0 : 1.2);
        if (g >= 2) pen.setStyle(Qt::DashLine);
        knnPlot_->graph(g)->setPen(pen);
        if (g < 2) knnPlot_->graph(g)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    }
    knnPlot_->xAxis->setLabel(tr("step"));
    knnPlot_->yAxis->setLabel(tr("accuracy (%)"));
    knnPlot_->legend->setVisible(true);
    // Below the chart: inside it, the legend would cover the dashed random-init lines it is compared with.
    knnPlot_->setLegendBelow();
    knnPlot_->setToolTip(tr("k-NN accuracy of the teacher's features on a fixed subset during training (eval.knn_every_steps), "
                            "beside the same classifier on a random-initialised model (dashed). Above the dashed lines, DINO "
                            "has learned something the random network did not have."));

    for (PlotWidget* p : {loss_, collapse_, knnPlot_}) PlotWidget::useIntegerTicks(p->xAxis);

    auto* lossBox = new QWidget(top);
    auto* lossLay = new QVBoxLayout(lossBox);
    lossLay->setContentsMargins(0, 0, 0, 0);
    lossLay->addWidget(loss_, 1);
    controls_ = new ChartControls(lossBox);
    lossLay->addWidget(controls_);
    topLay->addWidget(lossBox, 0, 0);
    topLay->addWidget(collapse_, 0, 1);
    topLay->addWidget(knnPlot_, 0, 2);
    topLay->setColumnStretch(0, 3);
    topLay->setColumnStretch(1, 2);
    topLay->setColumnStretch(2, 2);

    auto* bottom = new QWidget(split);
    auto* grid = new QGridLayout(bottom);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString titles[4] = {tr("Learning rate"), tr("Weight decay"), tr("Teacher temperature"), tr("EMA momentum")};
    const char* names[4] = {"lrPlot", "wdPlot", "teacherTempPlot", "momentumPlot"};
    for (int i = 0; i < 4; ++i) {
        auto* p = new PlotWidget(titles[i], bottom);
        p->setObjectName(names[i]);
        p->setMinimumSize(160, 120);
        p->addGraph();
        p->graph(0)->setPen(QPen(kSchedule, 1.5));
        p->xAxis->setLabel(tr("step"));
        p->yAxis->setNumberFormat("g");
        PlotWidget::useIntegerTicks(p->xAxis);
        tracers_[i] = new QCPItemTracer(p);
        tracers_[i]->setStyle(QCPItemTracer::tsCircle);
        tracers_[i]->setSize(8);
        tracers_[i]->setPen(QPen(Qt::red, 1.5));
        tracers_[i]->setBrush(QColor(255, 0, 0, 120));
        tracers_[i]->setVisible(false);
        schedules_[i] = p;
        grid->addWidget(p, 0, i);
    }
    split->addWidget(top);
    split->addWidget(bottom);

    log_ = new QPlainTextEdit(split);
    log_->setObjectName("trainingLog");
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(2000);
    log_->setPlaceholderText(tr("Engine messages appear here."));
    split->addWidget(log_);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    lay->addWidget(split, 1);

    connect(start_, &QPushButton::clicked, this, &TrainingPanel::startRequested);
    connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopRequested);
    connect(pause_, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(state_ != State::Paused); });
    connect(controls_, &ChartControls::smoothingChanged, this, &TrainingPanel::setSmoothing);
    connect(controls_, &ChartControls::logScaleChanged, this, &TrainingPanel::setLogScale);
    setSmoothing(controls_->smoothing());
    updateButtons();
}

QList<PlotWidget*> TrainingPanel::plots() const {
    return {loss_, collapse_, knnPlot_, schedules_[0], schedules_[1], schedules_[2], schedules_[3]};
}

void TrainingPanel::clear() {
    steps_.clear();
    knn_.clear();
    guard_.reset();
    haveConfig_ = false;
    banner_->hide();
    plan_ = api::RunPlan{};
    for (auto* p : plots())
        for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->clear();
    for (auto* t : tracers_) {
        t->setGraph(nullptr);
        t->setVisible(false);
    }
    smoother_.reset(smoothing_);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progressText_.clear();
    following_.clear();
    progressLabel_->setText(tr("Not started"));
    log_->clear();
    knnQueries_ = 0;
    ++knnGeneration_;
    for (auto* p : plots()) {
        p->setKeyRange(0, 0);
        p->setAutoRescale(true);
        p->requestReplot();
    }
}

void TrainingPanel::setPlan(const api::RunPlan& plan) {
    plan_ = plan;
    // A resumed run restarts at its checkpoint: drop points recorded after it, they are redone.
    if (plan.start_step > 0 && !steps_.isEmpty() && steps_.back().step >= plan.start_step) {
        QVector<api::StepMetrics> kept;
        for (const auto& m : steps_)
            if (m.step < plan.start_step) kept.push_back(m);
        steps_.clear();
        for (auto* p : {loss_, collapse_})
            for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->clear();
        smoother_.reset(smoothing_);
        appendSteps(kept);
        QVector<api::KnnPoint> keptKnn;
        for (const auto& p : knn_)
            if (p.step <= plan.start_step) keptKnn.push_back(p);
        knn_.clear();
        for (int g = 0; g < knnPlot_->graphCount(); ++g) knnPlot_->graph(g)->data()->clear();
        appendKnn(keptKnn);
    }
    rebuildGuard();
    const std::vector<double>* series[4] = {&plan.lr, &plan.wd, &plan.teacher_temp, &plan.momentum};
    for (int i = 0; i < 4; ++i) {
        QVector<double> x, y;
        x.reserve(static_cast<int>(series[i]->size()));
        for (size_t s = 0; s < series[i]->size(); ++s) {
            x.push_back(static_cast<double>(s));
            y.push_back((*series[i])[s]);
        }
        schedules_[i]->graph(0)->setData(x, y, true);
        schedules_[i]->requestReplot();
    }
    progress_->setRange(0, static_cast<int>(std::max<int64_t>(1, plan.total_steps)));
    // Every step chart shows the planned run, like the schedules: the curves line up with them and
    // show how far the run has come. A new plan (a start, a continued or an opened run) is followed
    // again even where the user had zoomed.
    const double last = static_cast<double>(std::max<int64_t>(1, plan.total_steps - 1));
    for (PlotWidget* p : plots()) {
        p->setKeyRange(0, p == knnPlot_ ? last + 1 : last);
        p->setAutoRescale(true);
        p->requestReplot();
    }
    updateProgress();
    updateButtons();
    Q_EMIT pauseAvailableChanged(canPause());
}

bool TrainingPanel::canPause() const { return plan_.processes <= 1; }

void TrainingPanel::appendSteps(const QVector<api::StepMetrics>& steps) {
    if (steps.isEmpty()) return;
    QVector<double> x, raw, sm;
    std::vector<QVector<double>> collapse(collapseMetrics_.size());
    for (const auto& m : steps) {
        // A resumed run repeats nothing, but guard against out-of-order or duplicate steps.
        if (!steps_.isEmpty() && m.step <= steps_.back().step) continue;
        steps_.push_back(m);
        x.push_back(static_cast<double>(m.step));
        raw.push_back(m.loss);
        sm.push_back(smoother_.add(m.loss));
        for (size_t i = 0; i < collapseMetrics_.size(); ++i) collapse[i].push_back(collapseMetrics_[i]->get(m));
        if (guard_) guard_->observe(m);
    }
    if (x.isEmpty()) return;
    loss_->graph(0)->addData(x, raw, true);
    loss_->graph(1)->addData(x, sm, true);
    for (size_t i = 0; i < collapse.size(); ++i) collapse_->graph(static_cast<int>(i))->addData(x, collapse[i], true);
    const double cur = x.back();
    for (int i = 0; i < 4; ++i) {
        // Attached only once the plan is drawn: a tracer on an empty graph complains on every replot.
        QCPGraph* g = schedules_[i]->graph(0);
        tracers_[i]->setGraph(g->dataCount() > 0 ? g : nullptr);
        tracers_[i]->setGraphKey(cur);
        tracers_[i]->setVisible(g->dataCount() > 0);
    }
    loss_->requestReplot();
    collapse_->requestReplot();
    for (auto* p : schedules_) p->requestReplot();
    updateProgress();
    updateBanner();
}

void TrainingPanel::setRunConfig(const RunConfig& cfg) {
    cfg_ = cfg;
    haveConfig_ = true;
    rebuildGuard();
    countKnnQueries();
}

// The live k-NN classifies the first eval.knn_live_max images of eval.knn_live_split: their number,
// from the dataset's header (off the GUI thread), for the chart's title.
void TrainingPanel::countKnnQueries() {
    knnQueries_ = 0;
    const int gen = ++knnGeneration_;
    if (cfg_.eval.knn_every_steps <= 0) return;
    const RunConfig cfg = cfg_;
    auto n = std::make_shared<qint64>(0);
    auto* task = BackgroundTask::start(this, [cfg, n](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        const api::DatasetSummary d = api::inspectDataset(api::resolveDataset(cfg.data));
        for (size_t i = 0; i < d.splits.size() && i < d.sizes.size(); ++i)
            if (d.splits[i] == cfg.eval.knn_live_split) *n = std::min<qint64>(d.sizes[i], cfg.eval.knn_live_max);
    });
    connect(task, &BackgroundTask::finished, this, [this, gen, n](const QString& error, bool) {
        if (gen != knnGeneration_ || !error.isEmpty()) return;  // without the number the title names the split
        knnQueries_ = *n;
        updateKnnTitle();
    });
}

void TrainingPanel::updateKnnTitle() {
    const bool on = haveConfig_ && (cfg_.eval.knn_every_steps > 0 || !knn_.isEmpty());
    const QString split = qs(cfg_.eval.knn_live_split);
    knnPlot_->setTitle(!on              ? tr("Live k-NN: off")
                       : knnQueries_ > 0 ? tr("Live k-NN on %1 (n = %2)").arg(split).arg(knnQueries_)
                                         : tr("Live k-NN on %1").arg(split));
    knnPlot_->legend->setVisible(on);
    knnPlot_->requestReplot();
}

void TrainingPanel::rebuildGuard() {
    if (!haveConfig_) return;
    updateKnnTitle();
    guard_ = std::make_unique<api::CollapseGuard>(cfg_, std::max<int64_t>(1, plan_.total_steps));
    for (const auto& m : steps_) guard_->observe(m);
    updateBanner();
}

api::CollapseVerdict TrainingPanel::collapseVerdict() const { return guard_ ? guard_->verdict() : api::CollapseVerdict{}; }

void TrainingPanel::updateBanner() {
    const api::CollapseVerdict v = collapseVerdict();
    if (!api::isCollapse(v.state)) {
        banner_->hide();
        return;
    }
    QStringList advice;
    for (const auto& [field, value] : v.advice)
        advice << QStringLiteral("<code>%1 = %2</code>").arg(qs(field).toHtmlEscaped(), qs(value).toHtmlEscaped());
    // The engine's explanation names the kind of collapse first ("Uniform collapse: ...").
    QString html = QStringLiteral("<b>%1</b> (%2) %3")
                       .arg(tr("Collapse guard"), tr("step %1").arg(v.step + 1), qs(v.explanation).toHtmlEscaped());
    if (!advice.isEmpty())
        html += QStringLiteral("<br>") + tr("Try: %1. <a href=\"apply\">Apply this advice to a new configuration</a>")
                                             .arg(advice.join(QStringLiteral(", ")));
    banner_->setText(html);
    banner_->show();
}

void TrainingPanel::appendKnn(const QVector<api::KnnPoint>& points) {
    for (const auto& p : points) {
        if (!knn_.isEmpty() && p.step <= knn_.back().step) continue;
        knn_.push_back(p);
        const double x = static_cast<double>(p.step);
        knnPlot_->graph(0)->addData(x, 100 * p.knn_1nn);
        knnPlot_->graph(1)->addData(x, 100 * p.knn_weighted);
        // The baselines are flat lines across the planned run.
        for (int g = 2; g < 4; ++g) {
            const double y = 100 * (g == 2 ? p.baseline_1nn : p.baseline_weighted);
            knnPlot_->graph(g)->setData(QVector<double>{0, static_cast<double>(std::max<int64_t>(plan_.total_steps, p.step))},
                                        QVector<double>{y, y}, true);
        }
    }
    knnPlot_->requestReplot();
}

void TrainingPanel::replaceSteps(const QVector<api::StepMetrics>& steps) {
    steps_.clear();
    for (auto* p : {loss_, collapse_})
        for (int g = 0; g < p->graphCount(); ++g) p->graph(g)->data()->clear();
    smoother_.reset(smoothing_);
    if (haveConfig_) guard_ = std::make_unique<api::CollapseGuard>(cfg_, std::max<int64_t>(1, plan_.total_steps));
    appendSteps(steps);
    updateBanner();
    loss_->requestReplot();
    collapse_->requestReplot();
}

void TrainingPanel::replaceKnn(const QVector<api::KnnPoint>& points) {
    knn_.clear();
    for (int g = 0; g < knnPlot_->graphCount(); ++g) knnPlot_->graph(g)->data()->clear();
    appendKnn(points);
    updateKnnTitle();
}

void TrainingPanel::setFollowing(const QString& who) {
    following_ = who;
    if (state_ == State::Idle) stateLabel_->setText(who.isEmpty() ? QString() : tr("Following: %1").arg(who));
    updateProgress();
}

void TrainingPanel::setSmoothing(double weight) {
    const double before = controls_->smoothing();
    controls_->setSmoothing(weight);  // clamps; a changed value comes back here through its signal
    if (controls_->smoothing() != before) return;
    smoothing_ = controls_->smoothing();
    rebuildSmoothed();
}

void TrainingPanel::rebuildSmoothed() {
    smoother_.reset(smoothing_);
    QVector<double> x, y;
    x.reserve(steps_.size());
    y.reserve(steps_.size());
    for (const auto& m : steps_) {
        x.push_back(static_cast<double>(m.step));
        y.push_back(smoother_.add(m.loss));
    }
    loss_->graph(1)->setData(x, y, true);
    loss_->requestReplot();
}

void TrainingPanel::setLogScale(bool on) {
    controls_->setLogScale(on);
    PlotWidget::useLogScale(loss_->yAxis, on);
    loss_->requestReplot();
}

void TrainingPanel::updateProgress() {
    if (steps_.isEmpty()) {
        if (plan_.total_steps > 0) {
            progressText_ = tr("Planned: %1 epochs × %2 steps = %3 steps on %4 images (%5, %6 threads, %7)")
                                .arg(plan_.epochs)
                                .arg(plan_.steps_per_epoch)
                                .arg(plan_.total_steps)
                                .arg(plan_.dataset_size)
                                .arg(QString::fromStdString(plan_.device))
                                .arg(plan_.threads)
                                .arg(QString::fromStdString(plan_.precision));
            if (plan_.processes > 1)
                progressText_ += tr(", %1 processes (%2)").arg(plan_.processes).arg(QString::fromStdString(plan_.dist_backend));
            if (!following_.isEmpty()) progressText_ += QStringLiteral(" · ") + following_;
            progressLabel_->setText(progressText_);
            progressLabel_->setToolTip(QString::fromStdString(plan_.precision_reason));
            Q_EMIT progressChanged(progressText_);
        }
        return;
    }
    const auto& m = steps_.back();
    const int64_t total = std::max<int64_t>(plan_.total_steps, m.step + 1);
    progress_->setRange(0, static_cast<int>(total));
    progress_->setValue(static_cast<int>(m.step + 1));
    // Throughput and ETA from the recent steps (robust to a slow first step).
    const int n = std::min<int>(steps_.size(), 20);
    double secs = 0, imgs = 0;
    for (int i = steps_.size() - n; i < steps_.size(); ++i) {
        secs += steps_[i].step_seconds;
        if (steps_[i].images_per_s > 0) imgs += steps_[i].images_per_s * steps_[i].step_seconds;
    }
    const double perStep = n > 0 ? secs / n : 0;
    const double ips = secs > 0 ? imgs / secs : m.images_per_s;
    const double eta = perStep * static_cast<double>(total - m.step - 1);
    const int epochs = plan_.epochs > 0 ? plan_.epochs : m.epoch + 1;
    const int64_t spe = std::max<int64_t>(1, plan_.steps_per_epoch);
    if (state_ == State::Idle && following_.isEmpty()) {
        // Nothing runs: no speed and no ETA, which would read as a run still going.
        progressText_ = (m.step + 1 >= total ? tr("Epoch %1/%2 · step %3/%4 · loss %5 · finished")
                                             : tr("Epoch %1/%2 · step %3/%4 · loss %5 · stopped (Continue resumes it)"))
                            .arg(m.epoch + 1)
                            .arg(epochs)
                            .arg(m.step + 1)
                            .arg(total)
                            .arg(m.loss, 0, 'f', 4);
        progressLabel_->setText(progressText_);
        Q_EMIT progressChanged(progressText_);
        return;
    }
    progressText_ = tr("Epoch %1/%2 · step %3/%4 (%5 in epoch) · %6 img/s · loss %7 · ETA %8")
                        .arg(m.epoch + 1)
                        .arg(epochs)
                        .arg(m.step + 1)
                        .arg(total)
                        .arg(m.step % spe + 1)
                        .arg(ips, 0, 'f', 1)
                        .arg(m.loss, 0, 'f', 4)
                        .arg(formatDuration(eta));
    if (!following_.isEmpty()) progressText_ += QStringLiteral(" · ") + following_;
    progressLabel_->setText(progressText_);
    Q_EMIT progressChanged(progressText_);
}

QString TrainingPanel::logText() const { return log_->toPlainText(); }

void TrainingPanel::setState(State s) {
    state_ = s;
    switch (s) {
    case State::Idle: stateLabel_->setText(following_.isEmpty() ? QString() : tr("Following: %1").arg(following_)); break;
    case State::Starting: stateLabel_->setText(tr("Loading data and building the model…")); break;
    case State::Running: stateLabel_->setText(tr("Training")); break;
    case State::Paused: stateLabel_->setText(tr("Paused")); break;
    case State::Stopping: stateLabel_->setText(tr("Stopping… (finishing the step and writing a checkpoint)")); break;
    }
    updateButtons();
    if (!steps_.isEmpty()) updateProgress();
}

void TrainingPanel::setStartBlocked(const QString& reason) {
    blockedReason_ = reason;
    blocked_->setText(reason.isEmpty() ? QString() : tr("Cannot start: %1").arg(reason));
    blocked_->setVisible(!reason.isEmpty() && state_ == State::Idle);
    updateButtons();
}

void TrainingPanel::updateButtons() {
    const bool idle = state_ == State::Idle;
    start_->setEnabled(idle && blockedReason_.isEmpty());
    start_->setToolTip(blockedReason_.isEmpty() ? tr("Start a new training run with the configuration on the left (Ctrl+R)")
                                                : tr("Cannot start: %1").arg(blockedReason_));
    blocked_->setVisible(!blockedReason_.isEmpty() && idle);
    // A paused process would leave the others of a multi-process run waiting until their timeout.
    const bool parallel = !canPause() && !idle;
    pause_->setEnabled((state_ == State::Running || state_ == State::Paused) && !parallel);
    pause_->setToolTip(parallel ? tr("A run in %1 processes cannot pause; Stop keeps the last checkpoint and Resume continues it")
                                      .arg(plan_.processes)
                                : QString());
    pause_->setText(state_ == State::Paused ? tr("Resume") : tr("Pause"));
    pause_->setIcon(QIcon(state_ == State::Paused ? ":/icons/start.svg" : ":/icons/pause.svg"));
    stop_->setEnabled(state_ == State::Running || state_ == State::Paused || state_ == State::Starting);
}

void TrainingPanel::appendLog(const QString& line) { log_->appendPlainText(line); }

// ---- RunView ----------------------------------------------------------------------------------

void TrainingPanel::clearRun() { clear(); }

void TrainingPanel::showRun(const api::RunSnapshot& snap) {
    clear();
    setPlan(snap.plan);
    setRunConfig(snap.config);
    appendSteps(QVector<api::StepMetrics>(snap.steps.begin(), snap.steps.end()));
    appendKnn(QVector<api::KnnPoint>(snap.knn.begin(), snap.knn.end()));
}

void TrainingPanel::startRun(const QString&, const RunConfig& cfg) { setRunConfig(cfg); }

}  // namespace dino::ui
