#include "comparison_panel.h"

#include "background_task.h"
#include "chart_controls.h"
#include "config_fields.h"
#include "qt_types.h"
#include "smoothing.h"

#include "api/run_directory.h"
#include "common/metrics_schema.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace dino::ui {

namespace {

double kNaN() { return std::numeric_limits<double>::quiet_NaN(); }

// Tableau 10: distinct on white, and what matplotlib and TensorBoard users know; beyond ten, hues
// spaced by the golden angle.
QColor paletteColour(int i) {
    static const QColor base[] = {QColor(31, 119, 180), QColor(255, 127, 14),  QColor(44, 160, 44),  QColor(214, 39, 40),
                                  QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127),
                                  QColor(188, 189, 34),  QColor(23, 190, 207)};
    if (i < 10) return base[i];
    return QColor::fromHsvF(std::fmod(0.61803398875 * (i - 10), 1.0), 0.75, 0.8);
}

// "optim.lr" -> "lr", "model.out_dim" -> "od", "system.seed" -> "s" (written "s0", without '='): the
// field's last part, its words' initials when it has several.
QString shortName(const std::string& key) {
    if (key == "system.seed") return QStringLiteral("s");
    QString last = qs(key).section('.', -1);
    const QStringList words = last.split('_', Qt::SkipEmptyParts);
    if (words.size() < 2) return last;
    QString initials;
    for (const QString& w : words) initials += w.at(0);
    return initials;
}

// A value in a label: short (a path by its file name).
QString labelValue(const std::string& key, const RunConfig& cfg) {
    QString v = formatFieldValue(qs(key), cfg);
    const FieldSpec* f = findField(qs(key));
    if ((f && f->kind == FieldKind::Path) || key == "data.dataset") v = QFileInfo(v).fileName();
    v.remove(' ');
    return v;
}

// A seed group's name where no other field differs: what its runs' names share ("c000-seed0",
// "c000-seed1" -> "c000"), else the first run's name.
QString commonName(const std::vector<const api::RunRow*>& rows) {
    QString prefix = qs(rows.front()->name);
    for (const auto* r : rows) {
        const QString n = qs(r->name);
        int i = 0;
        while (i < prefix.size() && i < n.size() && prefix[i] == n[i]) ++i;
        prefix.truncate(i);
    }
    static const QRegularExpression tail(QStringLiteral("[-_. ]*(seed|s)?[-_. ]*$"), QRegularExpression::CaseInsensitiveOption);
    prefix.remove(tail);
    return prefix.isEmpty() ? qs(rows.front()->name) : prefix;
}

QString csvField(const QString& s) {
    if (!s.contains(',') && !s.contains('"') && !s.contains('\n')) return s;
    QString q = s;
    q.replace('"', QStringLiteral("\"\""));
    return '"' + q + '"';
}

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 10) : QString(); }

QString metricLabel(const char* name) {
    const MetricDescriptor* d = findMetric(name);
    return d ? QCoreApplication::translate("dino::ui::Metrics", d->label) : QString::fromLatin1(name);
}

// The metric each per-step chart shows (the schedules too: metrics.csv records them).
const char* chartMetric(ComparisonPanel::Chart c) {
    switch (c) {
    case ComparisonPanel::Loss: return "loss";
    case ComparisonPanel::Entropy: return "teacher_entropy";
    case ComparisonPanel::Kl: return "kl_uniform";
    case ComparisonPanel::Lr: return "lr";
    case ComparisonPanel::Wd: return "wd";
    case ComparisonPanel::TeacherTemp: return "teacher_temp";
    case ComparisonPanel::Momentum: return "momentum";
    default: return "";
    }
}

bool smoothedChart(ComparisonPanel::Chart c) {
    return c == ComparisonPanel::Loss || c == ComparisonPanel::Entropy || c == ComparisonPanel::Kl;
}

}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("comparisonPanel");
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);

    auto* bar = new QHBoxLayout;
    xBox_ = new QComboBox(this);
    xBox_->setObjectName("comparisonXAxis");
    xBox_->addItem(tr("step"), int(XAxis::Step));
    xBox_->addItem(tr("epoch"), int(XAxis::Epoch));
    xBox_->addItem(tr("wall time"), int(XAxis::WallTime));
    xBox_->setToolTip(tr("The x axis of every chart: the step, the epoch (fractional), or the training time since the "
                         "run started (metrics.csv's elapsed_seconds)"));
    knnBox_ = new QComboBox(this);
    knnBox_->setObjectName("comparisonKnnMetric");
    knnBox_->addItem(tr("weighted k-NN"), int(KnnMetric::Weighted));
    knnBox_->addItem(tr("1-NN"), int(KnnMetric::OneNn));
    knnBox_->setToolTip(tr("Which live k-NN accuracy the k-NN chart shows (knn.csv)"));
    controls_ = new ChartControls(this);
    status_ = new QLabel(this);
    status_->setObjectName("comparisonStatus");
    bar->addWidget(new QLabel(tr("X axis"), this));
    bar->addWidget(xBox_);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Live k-NN"), this));
    bar->addWidget(knnBox_);
    bar->addSpacing(8);
    bar->addWidget(controls_, 1);
    bar->addSpacing(8);
    bar->addWidget(status_, 1);
    lay->addLayout(bar);

    // The charts: loss and live k-NN, the two collapse indicators, the four schedules; scrolled when the
    // tab is small rather than squeezed until the legends do not fit.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* charts = new QWidget(scroll);
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    const QString titles[ChartCount] = {tr("DINO loss"),     tr("Live k-NN accuracy"), metricLabel("teacher_entropy"),
                                        metricLabel("kl_uniform"), tr("Learning rate"),  tr("Weight decay"),
                                        tr("Teacher temperature"), tr("EMA momentum")};
    const char* names[ChartCount] = {"compareLoss", "compareKnn", "compareEntropy", "compareKl",
                                     "compareLr",   "compareWd",  "compareTeacherTemp", "compareMomentum"};
    for (int c = 0; c < ChartCount; ++c) {
        auto* p = new PlotWidget(titles[c], charts);
        p->setObjectName(names[c]);
        p->legend->setVisible(true);
        p->setLegendBelow();
        p->yAxis->setNumberFormat("g");
        const Chart chart = static_cast<Chart>(c);
        p->setCsvSource([this, chart] { return chartCsv(chart); });
        plots_[c] = p;
        // Two columns: wide enough for the legends of several runs in a row or two.
        p->setMinimumSize(240, c < Lr ? 250 : 200);
        grid->addWidget(p, c / 2, c % 2);
    }
    plots_[Loss]->yAxis->setLabel(tr("loss"));
    plots_[Knn]->yAxis->setLabel(tr("accuracy (%)"));
    for (Chart c : {Entropy, Kl}) plots_[c]->yAxis->setLabel(qs(findMetric(chartMetric(c))->unit));
    plots_[Loss]->setToolTip(tr("The DINO loss of each run: faint the raw steps, strong the smoothed curve; a seed group "
                                "draws its mean with a band of ±1 standard deviation."));
    plots_[Knn]->setToolTip(tr("The live k-NN accuracy of each run's teacher (eval.knn_every_steps); dashed in the same "
                               "colour, the same classifier on the run's random-initialised model."));
    for (int r = 0; r < ChartCount / 2; ++r) grid->setRowStretch(r, r < 2 ? 3 : 2);
    scroll->setWidget(charts);
    lay->addWidget(scroll, 1);

    connect(xBox_, &QComboBox::currentIndexChanged, this,
            [this](int) { setXAxis(static_cast<XAxis>(xBox_->currentData().toInt())); });
    connect(knnBox_, &QComboBox::currentIndexChanged, this,
            [this](int) { setKnnMetric(static_cast<KnnMetric>(knnBox_->currentData().toInt())); });
    connect(controls_, &ChartControls::smoothingChanged, this, &ComparisonPanel::setSmoothing);
    connect(controls_, &ChartControls::logScaleChanged, this, &ComparisonPanel::setLogScale);
    smoothing_ = controls_->smoothing();
    applyXAxis();
    rebuildEntities();
}

ComparisonPanel::~ComparisonPanel() {
    if (auto* t = qobject_cast<BackgroundTask*>(task_)) t->cancel();
}

QList<PlotWidget*> ComparisonPanel::plots() const {
    QList<PlotWidget*> out;
    for (PlotWidget* p : plots_) out << p;
    return out;
}

QStringList ComparisonPanel::seriesLabels() const {
    QStringList out;
    for (const Entity& e : entities_) out << e.label;
    return out;
}

void ComparisonPanel::setXAxis(XAxis x) {
    if (xBox_->currentData().toInt() != int(x)) xBox_->setCurrentIndex(xBox_->findData(int(x)));
    if (x == x_) return;
    x_ = x;
    applyXAxis();
    for (PlotWidget* p : plots_) p->setAutoRescale(true);  // another unit: a zoom in the old one means nothing
    dirty_ = true;
    redraw();
}

void ComparisonPanel::setKnnMetric(KnnMetric m) {
    if (knnBox_->currentData().toInt() != int(m)) knnBox_->setCurrentIndex(knnBox_->findData(int(m)));
    if (m == knnMetric_) return;
    knnMetric_ = m;
    dirty_ = true;
    redraw();
}

void ComparisonPanel::setSmoothing(double weight) {
    controls_->setSmoothing(weight);
    if (controls_->smoothing() == smoothing_) return;
    smoothing_ = controls_->smoothing();
    dirty_ = true;
    redraw();
}

void ComparisonPanel::setLogScale(bool on) {
    controls_->setLogScale(on);
    if (on == log_) return;
    log_ = on;
    for (PlotWidget* p : plots_) {
        PlotWidget::useLogScale(p->yAxis, on);
        p->requestReplot();
    }
}

void ComparisonPanel::applyXAxis() {
    const QString label = x_ == XAxis::Step ? tr("step") : x_ == XAxis::Epoch ? tr("epoch") : tr("wall time (h:mm:ss)");
    for (PlotWidget* p : plots_) {
        p->xAxis->setLabel(label);
        if (x_ == XAxis::Step) {
            PlotWidget::useIntegerTicks(p->xAxis);
        } else if (x_ == XAxis::Epoch) {
            p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        } else {
            auto t = QSharedPointer<QCPAxisTickerTime>(new QCPAxisTickerTime);
            t->setTimeFormat(QStringLiteral("%h:%m:%s"));
            p->xAxis->setTicker(t);
        }
    }
}

// ---- the selection and its data ----------------------------------------------------------------

void ComparisonPanel::showSelection(const api::RunTable& selected) {
    selection_ = selected;
    // Runs that left the selection: their followers and curves go (their graphs with the next redraw).
    std::set<std::string> dirs;
    for (const auto& r : selection_.rows)
        if (r.error.empty()) dirs.insert(r.dir);
    for (auto it = runs_.begin(); it != runs_.end();) it = dirs.count(it->first) ? std::next(it) : runs_.erase(it);
    rebuildEntities();
    // Another selection, grouping or label shows at once with the curves already read (a run that left
    // goes now, not after the next read); the new runs' curves follow when read.
    if (dirty_) redraw();
    refresh();
}

void ComparisonPanel::refresh() {
    if (task_) {
        again_ = true;
        return;
    }
    struct Job {
        std::string dir;
        std::shared_ptr<api::RunFollower> follower;
        bool needPlan = false;
        api::RunUpdate update;
        std::optional<api::RunPlan> plan;
        std::string error;
    };
    auto jobs = std::make_shared<std::vector<Job>>();
    for (const auto& row : selection_.rows) {
        if (!row.error.empty()) continue;
        RunCurves& rc = runs_[row.dir];
        if (!rc.follower) rc.follower = std::make_shared<api::RunFollower>(row.dir);
        const int64_t have = rc.steps.empty() ? 0 : rc.steps.back().step + 1;
        // A finished run whose rows are all here is not read again; one that trains, or whose table row
        // counts more steps than the curves have, is.
        const bool read = !rc.loaded || rc.following || row.state == api::RunState::Training ||
                          row.state == api::RunState::Created || have < row.steps;
        if (!read) continue;
        Job j;
        j.dir = row.dir;
        j.follower = rc.follower;
        j.needPlan = !rc.planRead && rc.steps.empty();
        jobs->push_back(std::move(j));
    }
    if (jobs->empty()) {
        if (dirty_) redraw();
        return;
    }
    status_->setText(tr("Reading %1 runs…").arg(jobs->size()));
    auto* task = BackgroundTask::start(this, [jobs](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn&) {
        for (Job& j : *jobs) {
            if (cancel->load()) return;
            try {
                j.update = j.follower->poll();
                // The schedules of a run without steps yet come from its plan (config and status.json).
                if (j.needPlan && j.update.steps.empty()) j.plan = api::loadRun(j.dir).plan;
            } catch (const std::exception& e) {
                j.error = e.what();
            }
        }
    });
    task_ = task;
    connect(task, &BackgroundTask::finished, this, [this, jobs](const QString& error, bool cancelled) {
        task_ = nullptr;
        if (cancelled) return;
        for (Job& j : *jobs) {
            auto it = runs_.find(j.dir);
            if (it == runs_.end()) continue;  // left the selection meanwhile
            RunCurves& rc = it->second;
            const bool first = !rc.loaded;
            rc.loaded = true;
            if (!error.isEmpty() || !j.error.empty()) {
                const QString e = !j.error.empty() ? qs(j.error) : error;
                if (rc.error != e) {
                    dirty_ = true;
                    ++rc.version;
                }
                rc.error = e;
                rc.following = false;
                continue;
            }
            rc.error.clear();
            api::RunUpdate& u = j.update;
            bool changed = first || u.metrics_reset || u.knn_reset;
            if (u.metrics_reset) rc.steps.clear();
            for (const auto& m : u.steps) {
                if (!rc.steps.empty() && m.step <= rc.steps.back().step) continue;  // never twice, never backwards
                rc.steps.push_back(m);
                changed = true;
            }
            if (u.knn_reset) rc.knn.clear();
            for (const auto& p : u.knn) {
                if (!rc.knn.empty() && p.step <= rc.knn.back().step) continue;
                rc.knn.push_back(p);
                changed = true;
            }
            if (j.plan) {
                rc.plan = *j.plan;
                rc.planRead = true;
                changed = true;
            }
            rc.following = u.writer.has_value() || !u.steps.empty() || !u.knn.empty();
            if (changed) ++rc.version;
            dirty_ = dirty_ || changed;
        }
        if (dirty_) redraw();
        else status_->setText(summary_);
        if (again_) {
            again_ = false;
            refresh();
        }
    });
}

// The legend labels: the values of the fields that differ between the selected runs ("lr=0.001 od=64
// s0"; a group without its seeds, "… (n = 3)"); the run's name where nothing differs or two labels
// would be the same.
void ComparisonPanel::rebuildEntities() {
    std::vector<api::RunRow> ok;
    for (const auto& r : selection_.rows)
        if (r.error.empty()) ok.push_back(r);
    const std::vector<std::string> fields = api::differingFields(ok);
    // Short names, the field's whole last part where two short names would be the same.
    std::map<std::string, QString> names;
    std::map<QString, int> uses;
    for (const auto& k : fields) ++uses[shortName(k)];
    for (const auto& k : fields) names[k] = uses[shortName(k)] > 1 ? qs(k).section('.', -1) : shortName(k);
    auto label = [&](const api::RunRow& r, bool group) {
        QStringList parts;
        for (const auto& k : fields) {
            if (k == "system.seed") {
                if (!group) parts << names[k] + labelValue(k, r.config);
                continue;
            }
            parts << names[k] + '=' + labelValue(k, r.config);
        }
        return parts.join(' ');
    };

    std::vector<Entity> next;
    auto addRun = [&](const api::RunRow& r) {
        if (!r.error.empty()) return;
        Entity e;
        e.key = qs(r.dir);
        e.label = label(r, false);
        if (e.label.isEmpty()) e.label = qs(r.name.empty() ? r.dir : r.name);
        e.rows = {&r};
        next.push_back(std::move(e));
    };
    if (selection_.groups.empty()) {
        for (const auto& r : selection_.rows) addRun(r);
    } else {
        for (const api::RunGroup& g : selection_.groups) {
            if (g.members.size() < 2) {
                for (size_t i : g.members) addRun(selection_.rows[i]);
                continue;
            }
            Entity e;
            e.group = true;
            for (size_t i : g.members)
                if (selection_.rows[i].error.empty()) e.rows.push_back(&selection_.rows[i]);
            if (e.rows.empty()) continue;
            e.key = QStringLiteral("group:") + qs(e.rows.front()->dir);
            QString base = label(*e.rows.front(), true);
            if (base.isEmpty()) base = commonName(e.rows);
            e.label = tr("%1 (n = %2)").arg(base).arg(e.rows.size());
            next.push_back(std::move(e));
        }
    }
    // Two entries with one label (the same configuration twice): the run's name tells them apart.
    std::map<QString, int> seen;
    for (const Entity& e : next) ++seen[e.label];
    for (Entity& e : next)
        if (seen[e.label] > 1 && !e.group) e.label += QStringLiteral(" · ") + qs(e.rows.front()->name);
    entities_ = std::move(next);
    assignColours();

    QString shown;
    for (const Entity& e : entities_) {
        shown += e.key + '|' + e.label + '|' + e.colour.name();
        for (const auto* r : e.rows) shown += '|' + qs(r->dir);
        shown += '\n';
    }
    if (shown != shown_) {
        shown_ = shown;
        dirty_ = true;
    }
}

// A run keeps its colour while it stays selected, and gets it back when it returns unless another has
// taken it meanwhile; a new run takes the first colour no shown run has (a group the colour of its first
// run, so that grouping seeds does not repaint it).
void ComparisonPanel::assignColours() {
    std::set<QRgb> used;
    std::vector<Entity*> fresh;
    for (Entity& e : entities_) {
        QColor c = colours_.value(e.key);
        if (!c.isValid() && e.group) c = colours_.value(qs(e.rows.front()->dir));
        if (!c.isValid() && !e.group) c = colours_.value(QStringLiteral("group:") + qs(e.rows.front()->dir));
        if (c.isValid() && !used.count(c.rgb())) {
            e.colour = c;
            used.insert(c.rgb());
        } else {
            fresh.push_back(&e);
        }
    }
    for (Entity* e : fresh) {
        int i = 0;
        while (used.count(paletteColour(i).rgb())) ++i;
        e->colour = paletteColour(i);
        used.insert(e->colour.rgb());
    }
    for (const Entity& e : entities_) colours_[e.key] = e.colour;
}

// ---- the charts ---------------------------------------------------------------------------------

namespace {

struct RunAxis {
    const std::vector<api::StepMetrics>* steps = nullptr;
    double stepsPerEpoch = 0;
};

// The x of a step (metrics.csv's rows: the step's index) or, with done, of a k-NN point (knn.csv's
// step: the steps done; on the wall-time axis, the time at the end of step `step - 1`).
double xOfStep(ComparisonPanel::XAxis x, const RunAxis& a, double step, bool done = false) {
    switch (x) {
    case ComparisonPanel::XAxis::Step: return step;
    case ComparisonPanel::XAxis::Epoch: return a.stepsPerEpoch > 0 ? step / a.stepsPerEpoch : kNaN();
    case ComparisonPanel::XAxis::WallTime: {
        // elapsed_seconds of the row of that step (the last row at or before it).
        const auto& s = *a.steps;
        if (done) {
            if (step <= 0) return 0.0;
            step -= 1;
        }
        auto it = std::upper_bound(s.begin(), s.end(), step, [](double v, const api::StepMetrics& m) { return v < m.step; });
        if (it == s.begin()) return step <= 0 ? 0.0 : kNaN();
        return std::prev(it)->elapsed_seconds;
    }
    }
    return step;
}

}  // namespace

std::vector<ComparisonPanel::Series> ComparisonPanel::buildChart(Chart c, const Entity& e) const {
    std::vector<Series> out;
    const MetricDescriptor* metric = c == Knn ? nullptr : findMetric(chartMetric(c));
    const bool smoothed = smoothedChart(c);
    // Each member's axis and curves.
    struct Member {
        RunAxis axis;
        api::Curve raw, smooth;
        double baseline = kNaN();
        const RunCurves* rc = nullptr;
    };
    std::vector<Member> members;
    for (const api::RunRow* r : e.rows) {
        auto it = runs_.find(r->dir);
        if (it == runs_.end() || !it->second.loaded) continue;
        Member m;
        m.rc = &it->second;
        m.axis.steps = &it->second.steps;
        // Steps per epoch: the planned run's (table row), else the plan read for it, else counted.
        if (r->total_steps > 0 && r->config.optim.epochs > 0)
            m.axis.stepsPerEpoch = static_cast<double>(r->total_steps) / r->config.optim.epochs;
        else if (it->second.plan.steps_per_epoch > 0)
            m.axis.stepsPerEpoch = static_cast<double>(it->second.plan.steps_per_epoch);
        else
            for (const auto& s : it->second.steps)
                if (s.epoch > 0) {
                    m.axis.stepsPerEpoch = static_cast<double>(s.step) / s.epoch;
                    break;
                }
        if (c == Knn) {
            m.raw = api::liveKnnCurve(it->second.knn, knnMetric_ == KnnMetric::Weighted);
            for (auto& p : m.raw) p.value *= 100;
            if (!it->second.knn.empty()) {
                const auto& last = it->second.knn.back();
                m.baseline = 100 * (knnMetric_ == KnnMetric::Weighted ? last.baseline_weighted : last.baseline_1nn);
            }
        } else if (!it->second.steps.empty()) {
            for (const auto& s : it->second.steps) m.raw.push_back({s.step, metric->get(s)});
        } else if (!smoothed && c != Knn && x_ != XAxis::WallTime) {
            // No recorded steps: the planned schedule (no wall time for steps not run).
            const std::vector<double>* plan[] = {&it->second.plan.lr, &it->second.plan.wd, &it->second.plan.teacher_temp,
                                                 &it->second.plan.momentum};
            const auto& v = *plan[c - Lr];
            for (size_t s = 0; s < v.size(); ++s) m.raw.push_back({static_cast<int64_t>(s), v[s]});
        }
        if (smoothed) {
            EmaSmoother sm(smoothing_);
            m.smooth = m.raw;
            for (auto& p : m.smooth) p.value = sm.add(p.value);
        }
        members.push_back(std::move(m));
    }
    if (members.empty()) return out;
    const bool planned = c >= Lr && members.front().rc->steps.empty();

    auto seriesOf = [&](const QString& curve, Series::Kind kind) {
        Series s;
        s.label = e.label;
        s.curve = curve;
        s.colour = e.colour;
        s.kind = kind;
        return s;
    };
    auto fromCurve = [&](Series& s, const Member& m, const api::Curve& curve) {
        const int n = static_cast<int>(curve.size());
        s.step.reserve(n);
        s.x.reserve(n);
        s.y.reserve(n);
        s.n.reserve(n);
        s.sd.reserve(n);
        for (const auto& p : curve) {
            const double x = xOfStep(x_, m.axis, static_cast<double>(p.step), c == Knn);
            if (!std::isfinite(x)) continue;
            s.step << static_cast<double>(p.step);
            s.x << x;
            s.y << p.value;
            s.n << 1;
            s.sd << kNaN();
        }
    };
    // A group's mean at each step, its x the members' mean x at that step.
    auto fromCurves = [&](Series& s, const std::vector<api::Curve>& curves, bool band) {
        std::map<int64_t, std::pair<double, int>> xs;
        for (size_t i = 0; i < members.size(); ++i)
            for (const auto& p : curves[i]) {
                const double x = xOfStep(x_, members[i].axis, static_cast<double>(p.step), c == Knn);
                if (!std::isfinite(x)) continue;
                auto& [sum, n] = xs[p.step];
                sum += x;
                ++n;
            }
        for (const api::BandPoint& b : api::averageCurves(curves)) {
            auto it = xs.find(b.step);
            if (it == xs.end() || b.n == 0) continue;
            s.step << static_cast<double>(b.step);
            s.x << it->second.first / it->second.second;
            s.y << b.mean;
            s.sd << b.sd;
            s.n << b.n;
        }
        s.band = band;
    };

    const QString strongName = c == Knn ? (knnMetric_ == KnnMetric::Weighted ? tr("weighted k-NN") : tr("1-NN"))
                               : smoothed ? tr("smoothed")
                               : planned  ? tr("planned")
                                          : tr("recorded");
    if (!e.group) {
        const Member& m = members.front();
        if (smoothed) {
            Series raw = seriesOf(tr("raw"), Series::Kind::Raw);
            fromCurve(raw, m, m.raw);
            out.push_back(std::move(raw));
        }
        Series strong = seriesOf(strongName, planned ? Series::Kind::Planned : Series::Kind::Strong);
        fromCurve(strong, m, smoothed ? m.smooth : m.raw);
        out.push_back(std::move(strong));
        if (c == Knn && std::isfinite(m.baseline) && !m.raw.empty()) {
            // Flat across the run's curve, from its start.
            Series base = seriesOf(tr("random init"), Series::Kind::Baseline);
            const double x0 = xOfStep(x_, m.axis, 0), x1 = out.back().x.isEmpty() ? x0 : out.back().x.back();
            base.step = {0, static_cast<double>(m.raw.back().step)};
            base.x = {std::isfinite(x0) ? x0 : 0.0, x1};
            base.y = {m.baseline, m.baseline};
            base.sd = {kNaN(), kNaN()};
            base.n = {1, 1};
            out.push_back(std::move(base));
        }
        return out;
    }
    std::vector<api::Curve> raws, smooths;
    for (const Member& m : members) {
        raws.push_back(m.raw);
        smooths.push_back(m.smooth);
    }
    if (smoothed) {
        Series raw = seriesOf(tr("raw mean"), Series::Kind::Raw);
        fromCurves(raw, raws, false);
        out.push_back(std::move(raw));
    }
    // The mean with its band; the schedules of a seed group are the same in every run: no band.
    Series mean = seriesOf(tr("%1 mean").arg(strongName), planned ? Series::Kind::Planned : Series::Kind::Strong);
    fromCurves(mean, smoothed ? smooths : raws, c == Loss || c == Knn || c == Entropy || c == Kl);
    out.push_back(std::move(mean));
    if (c == Knn) {
        std::vector<double> bs;
        for (const Member& m : members) bs.push_back(m.baseline);
        const api::Stat st = api::summarize(bs);
        const Series& line = out.back();
        if (st.n > 0 && !line.x.isEmpty()) {
            Series base = seriesOf(tr("random init mean"), Series::Kind::Baseline);
            base.step = {0, line.step.back()};
            base.x = {line.x.front() < 0 ? line.x.front() : 0.0, line.x.back()};
            base.y = {st.mean, st.mean};
            base.sd = {st.sd, st.sd};
            base.n = {st.n, st.n};
            out.push_back(std::move(base));
        }
    }
    return out;
}

void ComparisonPanel::drawChart(Chart c, const std::vector<Series>& series) {
    PlotWidget* p = plots_[c];
    p->clearGraphs();
    p->legend->clearItems();
    auto sorted = [](const Series& s, const QVector<double>& y) {
        // QCustomPlot keeps a graph sorted by key; a mean x can step back where a run drops out.
        auto data = QSharedPointer<QCPGraphDataContainer>::create();
        QVector<QCPGraphData> points;
        points.reserve(s.x.size());
        bool ordered = true;
        for (int i = 0; i < s.x.size(); ++i) {
            points.push_back(QCPGraphData(s.x[i], y[i]));
            ordered = ordered && (i == 0 || s.x[i - 1] <= s.x[i]);
        }
        data->set(points, ordered);
        return data;
    };
    const int baselines = static_cast<int>(
        std::count_if(series.begin(), series.end(), [](const Series& s) { return s.kind == Series::Kind::Baseline; }));
    int baseline = 0;
    // Bands and faint raw curves first, so that the strong lines are drawn over every band.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Series& s : series) {
            if (pass == 0 && s.band) {
                QVector<double> lo(s.y.size()), hi(s.y.size());
                for (int i = 0; i < s.y.size(); ++i) {
                    const double sd = std::isfinite(s.sd[i]) ? s.sd[i] : 0.0;  // one run at this step: no width
                    lo[i] = s.y[i] - sd;
                    hi[i] = s.y[i] + sd;
                }
                QCPGraph* upper = p->addGraph();
                upper->setName(tr("%1 · mean + sd").arg(s.label));
                upper->setData(sorted(s, hi));
                QCPGraph* lower = p->addGraph();
                lower->setName(tr("%1 · mean − sd").arg(s.label));
                lower->setData(sorted(s, lo));
                QColor fill = s.colour;
                fill.setAlpha(55);
                for (QCPGraph* g : {upper, lower}) {
                    g->setPen(Qt::NoPen);
                    g->removeFromLegend();
                    g->setProperty("band", true);
                }
                lower->setBrush(fill);
                lower->setChannelFillGraph(upper);
            }
            if ((pass == 0) != (s.kind == Series::Kind::Raw)) continue;
            QCPGraph* g = p->addGraph();
            g->setData(sorted(s, s.y));
            QPen pen(s.colour, 2.0);
            switch (s.kind) {
            case Series::Kind::Raw: {
                QColor faint = s.colour;
                faint.setAlpha(70);
                pen = QPen(faint, 1.0);
                g->setName(tr("%1 · raw").arg(s.label));
                break;
            }
            case Series::Kind::Strong: g->setName(s.label); break;
            case Series::Kind::Planned:
                pen.setStyle(Qt::DotLine);
                g->setName(s.label);
                break;
            case Series::Kind::Baseline: {
                // Runs with one random-init model (same seed and architecture) have one line: the dashes of
                // up to four runs interleave, so that every colour shows where they lie on each other.
                pen = QPen(s.colour, 1.3, Qt::DashLine);
                const int k = std::min(baselines, 4);
                if (k > 1) {
                    pen.setDashPattern({4.0, 4.0 * (k - 1)});
                    pen.setDashOffset(4.0 * (baseline % k));
                }
                ++baseline;
                g->setName(tr("%1 · random init").arg(s.label));
                break;
            }
            }
            g->setPen(pen);
            if (c == Knn && s.kind == Series::Kind::Strong) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
            if (s.kind != Series::Kind::Strong && s.kind != Series::Kind::Planned) g->removeFromLegend();
        }
    }
    p->legend->setVisible(p->legend->itemCount() > 0);
    p->setKeyRange(0, 0);
    p->requestReplot();
}

void ComparisonPanel::redraw() {
    dirty_ = false;
    ++redraws_;
    QHash<QString, Built> built;
    for (int c = 0; c < ChartCount; ++c) data_[c].clear();
    for (const Entity& e : entities_) {
        QString from = QStringLiteral("%1|%2|%3").arg(e.label, e.colour.name()).arg(int(x_));
        for (const api::RunRow* r : e.rows) {
            auto it = runs_.find(r->dir);
            from += QStringLiteral("|%1:%2:%3").arg(qs(r->dir)).arg(it == runs_.end() ? -1 : it->second.version).arg(r->total_steps);
        }
        Built b = built_.value(e.key);
        for (int c = 0; c < ChartCount; ++c) {
            // What else the chart's series depend on: the k-NN metric, the smoothing.
            const Chart chart = static_cast<Chart>(c);
            const QString chartFrom = from + (chart == Knn                ? QStringLiteral("|knn%1").arg(int(knnMetric_))
                                              : smoothedChart(chart) ? QStringLiteral("|ema%1").arg(smoothing_)
                                                                     : QString());
            if (b.from[c] == chartFrom) continue;
            b.from[c] = chartFrom;
            b.charts[c] = buildChart(chart, e);
        }
        for (int c = 0; c < ChartCount; ++c) data_[c].insert(data_[c].end(), b.charts[c].begin(), b.charts[c].end());
        built.insert(e.key, std::move(b));
    }
    built_ = std::move(built);
    for (int c = 0; c < ChartCount; ++c) drawChart(static_cast<Chart>(c), data_[c]);
    // What is shown, and what could not be read.
    QStringList errors;
    for (const auto& [dir, rc] : runs_)
        if (!rc.error.isEmpty()) errors << rc.error;
    int groups = 0, runs = 0;
    for (const Entity& e : entities_) (e.group ? groups : runs) += 1;
    QString text;
    if (entities_.empty()) text = tr("Select runs in the table to compare them.");
    else if (groups > 0 && runs > 0) text = tr("Runs: %1 · seed groups: %2 (mean ± 1 sd)").arg(runs).arg(groups);
    else if (groups > 0) text = tr("Seed groups: %1 (mean ± 1 sd)").arg(groups);
    else text = tr("Runs: %1").arg(runs);
    if (!errors.isEmpty()) text += QStringLiteral(" · ") + tr("could not read: %1").arg(errors.join(QStringLiteral("; ")));
    summary_ = text;
    status_->setText(text);
    status_->setToolTip(errors.join('\n'));
    Q_EMIT redrawn();
}

QString ComparisonPanel::chartCsv(Chart c) const {
    const QString xName = x_ == XAxis::Epoch ? QStringLiteral("epoch") : x_ == XAxis::WallTime ? QStringLiteral("elapsed_seconds") : QString();
    QString out = QStringLiteral("series,curve,step");
    if (!xName.isEmpty()) out += ',' + xName;
    out += QStringLiteral(",value,sd,n\n");
    for (const Series& s : data_[c]) {
        for (int i = 0; i < s.x.size(); ++i) {
            out += csvField(s.label) + ',' + csvField(s.curve) + ',' + number(s.step[i]);
            if (!xName.isEmpty()) out += ',' + number(s.x[i]);
            out += ',' + number(s.y[i]) + ',' + number(s.sd[i]) + ',' + QString::number(s.n[i]) + '\n';
        }
    }
    return out;
}

}  // namespace dino::ui
