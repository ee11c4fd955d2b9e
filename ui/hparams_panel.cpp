#include "hparams_panel.h"

#include "api/raster.h"
#include "chart_export.h"
#include "common/config_schema.h"
#include "plot_widget.h"
#include "qt_types.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <cmath>

namespace dino::ui {

namespace {

const QString kFieldPrefix = QStringLiteral("field:");
const QString kResultPrefix = QStringLiteral("result:");

int resultColumnOf(const QString& key) {
    const auto& cols = api::resultColumns();
    for (size_t i = 0; i < cols.size(); ++i)
        if (key == QLatin1String(cols[i].key)) return static_cast<int>(i);
    return -1;
}

bool isNumericField(const FieldDescriptor& d) {
    return d.type == FieldType::Int || d.type == FieldType::Int64 || d.type == FieldType::UInt64 || d.type == FieldType::Double;
}

double numberOf(const FieldDescriptor& d, const RunConfig& cfg) {
    double out = api::kNoValue;
    std::visit(
        [&](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) out = static_cast<double>(*p);
        },
        d.ref(const_cast<RunConfig&>(cfg)));
    return out;
}

// Keeps the combo's choice (by its data) across a refill; falls back to `fallback`'s data.
void refill(QComboBox* combo, const std::vector<std::pair<QString, QString>>& items, const QString& fallback) {
    const QString keep = combo->currentData().toString();
    QStringList now, want;
    for (int i = 0; i < combo->count(); ++i) now << combo->itemData(i).toString();
    for (const auto& it : items) want << it.second;
    if (now == want) return;
    const QSignalBlocker block(combo);
    combo->clear();
    for (const auto& [text, data] : items) combo->addItem(text, data);
    int i = combo->findData(keep);
    if (i < 0) i = combo->findData(fallback);
    combo->setCurrentIndex(std::max(0, i));
}

}  // namespace

HParamsPanel::HParamsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("hparamsPanel"));
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Result:"), this));
    resultCombo_ = new QComboBox(this);
    resultCombo_->setToolTip(tr("The result on the right-hand axis, and the lines' colour"));
    bar->addWidget(resultCombo_);
    clear_ = new QPushButton(tr("Clear brushes"), this);
    clear_->setToolTip(tr("Remove every axis's brush: the table shows all runs again"));
    bar->addWidget(clear_);
    colourBar_ = new QLabel(this);
    colourBar_->setToolTip(tr("The lines' colour: the result on viridis (dark low, yellow high); grey: no result"));
    bar->addWidget(colourBar_);
    status_ = new QLabel(this);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wrapped, so that the hint never widens the Experiments tab beyond the window.
    status_->setWordWrap(true);
    status_->setMinimumWidth(120);
    bar->addWidget(status_, 1);
    export_ = new QToolButton(this);
    export_->setText(tr("Export"));
    export_->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(export_);
    menu->addAction(tr("Parallel coordinates as PNG…"), this, [this] { exportParallel(QStringLiteral("png")); });
    menu->addAction(tr("Parallel coordinates as SVG…"), this, [this] { exportParallel(QStringLiteral("svg")); });
    menu->addAction(tr("Parallel coordinates data as CSV…"), this, [this] { exportParallel(QStringLiteral("csv")); });
    menu->addAction(tr("Scatter chart…"), this, [this] { exportPlotInteractive(scatter_, QStringLiteral("hparams-scatter"), this); });
    menu->addAction(tr("Fields that mattered…"), this, [this] { exportPlotInteractive(effectsPlot_, QStringLiteral("fields-that-mattered"), this); });
    export_->setMenu(menu);
    bar->addWidget(export_);
    lay->addLayout(bar);

    // Two views in tabs, as TensorBoard's HParams dashboard has them: both get the whole width and height
    // (many fields make many axes, and the tab shares the window with the runs table).
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    parallel_ = new ParallelCoordinates;
    parallel_->setObjectName(QStringLiteral("parallelCoordinates"));
    parallel_->setToolTip(QString());
    scroll_ = new QScrollArea(tabs_);
    scroll_->setWidget(parallel_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    tabs_->addTab(scroll_, tr("Parallel coordinates"));

    auto* side = new QWidget(tabs_);
    auto* sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    auto* axes = new QHBoxLayout;
    axes->addWidget(new QLabel(tr("x:"), side));
    xCombo_ = new QComboBox(side);
    xCombo_->setToolTip(tr("A numeric configuration field that differs between the runs, or a result"));
    xCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    xCombo_->setMinimumContentsLength(12);
    axes->addWidget(xCombo_, 1);
    axes->addWidget(new QLabel(tr("y:"), side));
    yCombo_ = new QComboBox(side);
    yCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    yCombo_->setMinimumContentsLength(10);
    axes->addWidget(yCombo_, 1);
    sl->addLayout(axes);
    scatter_ = new PlotWidget(tr("Field against result"), side);
    scatter_->setObjectName(QStringLiteral("hparamsScatter"));
    points_graph_ = scatter_->addGraph();
    points_graph_->setLineStyle(QCPGraph::lsNone);
    points_graph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(33, 113, 181), QColor(33, 113, 181), 8));
    points_graph_->setName(tr("runs"));
    errors_ = new QCPErrorBars(scatter_->xAxis, scatter_->yAxis);
    errors_->setDataPlottable(points_graph_);
    errors_->setPen(QPen(QColor(33, 113, 181), 1.2));
    errors_->removeFromLegend();
    selectedGraph_ = scatter_->addGraph();
    selectedGraph_->setLineStyle(QCPGraph::lsNone);
    selectedGraph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(20, 20, 20), 2), Qt::NoBrush, 13));
    selectedGraph_->setName(tr("selected in the table"));
    scatter_->setMouseTracking(true);
    sl->addWidget(scatter_, 1);
    tabs_->addTab(side, tr("Scatter"));

    // Which fields mattered: one horizontal bar per field, the spread of the result's means over its values.
    effectsPlot_ = new PlotWidget(tr("Which fields mattered"), tabs_);
    effectsPlot_->setObjectName(QStringLiteral("hparamsEffects"));
    effectsPlot_->setAutoRescale(false);  // bars along y: rebuildEffects sets the ranges
    effectsPlot_->setInteractions({});
    effectBars_ = new QCPBars(effectsPlot_->yAxis, effectsPlot_->xAxis);
    effectBars_->setWidth(0.6);
    effectBars_->setPen(Qt::NoPen);
    effectBars_->setBrush(QColor(33, 113, 181));
    effectBars_->setName(tr("spread"));
    effectsPlot_->yAxis->setRangeReversed(true);
    effectsPlot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    effectsPlot_->yAxis->grid()->setVisible(false);
    effectsPlot_->setMouseTracking(true);
    effectsPlot_->setToolTip(tr("Per field that differs: the mean result at each of its values (numbers with more "
                                "than 5 values in thirds), over the runs or seed groups shown; the bar is the spread "
                                "(max - min) of these means, as `dino sweep` reports it. Hover a bar for the means."));
    tabs_->addTab(effectsPlot_, tr("Fields that mattered"));
    connect(effectsPlot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const int i = static_cast<int>(std::lround(effectsPlot_->yAxis->pixelToCoord(e->position().y()))) - 1;
        if (e->buttons() != Qt::NoButton || i < 0 || i >= static_cast<int>(effects_.size()) ||
            !effectsPlot_->axisRect()->rect().contains(e->pos()))
            return;
        const api::FieldEffect& f = effects_[static_cast<size_t>(i)];
        QString text = QStringLiteral("<b>%1</b> (%2)<br>").arg(effectsPlot_->yAxis->tickVectorLabels().value(i).toHtmlEscaped(),
                                                             qs(f.field).toHtmlEscaped());
        for (size_t k = 0; k < f.levels.size(); ++k)
            text += tr("%1: mean %2 (n = %3)").arg(qs(f.levels[k]).toHtmlEscaped()).arg(f.means[k], 0, 'f', 4).arg(f.counts[k]) +
                    QStringLiteral("<br>");
        text += tr("spread %1").arg(f.spread, 0, 'f', 4);
        QToolTip::showText(e->globalPosition().toPoint(), text, effectsPlot_);
    });
    lay->addWidget(tabs_, 1);

    for (size_t i = 0; i < api::resultColumns().size(); ++i) {
        const auto& c = api::resultColumns()[i];
        resultCombo_->addItem(resultLabel(c.key, c.header), QString::fromLatin1(c.key));
    }
    resultCombo_->setCurrentIndex(std::max(0, resultColumnOf(QStringLiteral("knn"))));

    connect(resultCombo_, &QComboBox::activated, this, [this] { resultChosen_ = true; });
    connect(resultCombo_, &QComboBox::currentIndexChanged, this, [this] {
        if (!yChosen_) {
            const QSignalBlocker b(yCombo_);
            const int i = yCombo_->findData(resultCombo_->currentData());
            if (i >= 0) yCombo_->setCurrentIndex(i);
        }
        rebuildParallel();
        rebuildScatter();
        rebuildEffects();
    });
    connect(yCombo_, &QComboBox::activated, this, [this] { yChosen_ = true; });
    connect(xCombo_, &QComboBox::currentIndexChanged, this, [this] { rebuildScatter(); });
    connect(yCombo_, &QComboBox::currentIndexChanged, this, [this] { rebuildScatter(); });
    connect(clear_, &QPushButton::clicked, parallel_, &ParallelCoordinates::clearBrushes);
    connect(parallel_, &ParallelCoordinates::brushChanged, this, [this](const QStringList& dirs, bool active) {
        updateStatus(dirs, active);
        Q_EMIT runFilterChanged(dirs, active);
    });
    connect(scatter_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (e->buttons() != Qt::NoButton) return;
        int best = -1;
        double bestD = 9;
        for (size_t i = 0; i < points_.size(); ++i) {
            const double px = scatter_->xAxis->coordToPixel(points_[i].x), py = scatter_->yAxis->coordToPixel(points_[i].y);
            const double d = std::hypot(px - e->position().x(), py - e->position().y());
            if (d < bestD) bestD = d, best = static_cast<int>(i);
        }
        if (best < 0) {
            QToolTip::hideText();
            return;
        }
        const ScatterPoint& p = points_[static_cast<size_t>(best)];
        QString y = QString::number(p.y, 'f', 4);
        if (p.n > 1 && std::isfinite(p.sd)) y += QStringLiteral(" ± ") + QString::number(p.sd, 'f', 4) + tr(" (n = %1)").arg(p.n);
        QToolTip::showText(e->globalPosition().toPoint(),
                           QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
                               .arg(p.name.toHtmlEscaped(), xCombo_->currentText().toHtmlEscaped(),
                                    QString::number(p.x, 'g', 6), yCombo_->currentText().toHtmlEscaped(), y),
                           scatter_);
    });
    updateStatus({}, false);
}

int HParamsPanel::resultIndex() const { return std::max(0, resultColumnOf(resultCombo_->currentData().toString())); }

// The weighted k-NN of eval.json; where no run has one yet (a sweep's runs that train), the best live k-NN.
int HParamsPanel::defaultResult() const {
    const auto& cols = api::resultColumns();
    for (const char* key : {"knn", "best_live_knn"}) {
        const int c = resultColumnOf(QLatin1String(key));
        if (c < 0) continue;
        for (const auto& r : table_.rows)
            if (std::isfinite(cols[static_cast<size_t>(c)].get(r))) return c;
    }
    return std::max(0, resultColumnOf(QStringLiteral("knn")));
}

bool HParamsPanel::scatterLogX() const { return scatter_->xAxis->scaleType() == QCPAxis::stLogarithmic; }

void HParamsPanel::showTable(const api::RunTable& visible) {
    table_ = visible;
    hasTable_ = true;
    if (!resultChosen_) {
        const QSignalBlocker b(resultCombo_);
        resultCombo_->setCurrentIndex(defaultResult());
    }
    fillCombos();
    rebuildParallel();
    rebuildScatter();
    rebuildEffects();
}

void HParamsPanel::rebuildEffects() {
    // The parallel coordinates' lines with a result, each with its field axes' values as JSON text.
    const PcData& d = parallel_->data();
    std::map<QString, const api::RunRow*> byDir;
    for (const auto& r : table_.rows) byDir[qs(r.dir)] = &r;
    std::vector<std::pair<api::FieldValues, double>> configs;
    for (const auto& line : d.lines) {
        const double result = line.values.empty() ? api::kNoValue : line.values.back();
        auto it = line.dirs.isEmpty() ? byDir.end() : byDir.find(line.dirs.front());
        if (!std::isfinite(result) || it == byDir.end()) continue;
        api::FieldValues values;
        const auto all = api::configFieldValues(it->second->config);
        for (size_t a = 0; a + 1 < d.axes.size(); ++a) {
            const std::string key = ss(d.axes[a].key);
            for (const auto& kv : all)
                if (kv.first == key) values.push_back(kv);
        }
        configs.emplace_back(std::move(values), result);
    }
    effects_ = api::fieldEffects(configs);
    QVector<double> keys, spreads;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (size_t i = 0; i < effects_.size(); ++i) {
        keys << double(i + 1);
        spreads << effects_[i].spread;
        top = std::max(top, effects_[i].spread);
        const FieldDescriptor* f = findConfigField(effects_[i].field);
        ticker->addTick(double(i + 1), f ? QCoreApplication::translate("dino::ui::ConfigFields", f->label) : qs(effects_[i].field));
    }
    effectBars_->setData(keys, spreads, true);
    effectsPlot_->yAxis->setTicker(ticker);
    effectsPlot_->yAxis->setRange(0.4, std::max<double>(1, effects_.size()) + 0.6);
    effectsPlot_->xAxis->setRange(0, top > 0 ? top * 1.08 : 1);
    effectsPlot_->xAxis->setLabel(tr("spread of the mean %1 over the field's values").arg(resultCombo_->currentText()));
    effectsPlot_->setTitle(effects_.empty() ? tr("Which fields mattered: needs two runs with the result and a field that differs")
                                            : tr("Which fields mattered"));
    effectsPlot_->requestReplot();
}

void HParamsPanel::showSelection(const api::RunTable& selected) {
    QStringList dirs;
    for (const auto& r : selected.rows) dirs << qs(r.dir);
    if (dirs == selected_) return;
    selected_ = dirs;
    parallel_->setSelectedDirs(dirs);
    rebuildScatter();
}

void HParamsPanel::fillCombos() {
    const auto& cols = api::resultColumns();
    std::vector<std::pair<QString, QString>> xs, ys;
    for (const auto& key : table_.fields) {
        const FieldDescriptor* d = findConfigField(key);
        if (!d || !isNumericField(*d) || (!table_.groups.empty() && key == "system.seed")) continue;
        xs.emplace_back(QCoreApplication::translate("dino::ui::ConfigFields", d->label), kFieldPrefix + qs(key));
    }
    for (const auto& c : cols) {
        const QString label = resultLabel(c.key, c.header);
        xs.emplace_back(tr("result: %1").arg(label), kResultPrefix + QLatin1String(c.key));
        ys.emplace_back(label, kResultPrefix + QLatin1String(c.key));
    }
    refill(xCombo_, xs, xs.front().second);
    refill(yCombo_, ys, kResultPrefix + resultCombo_->currentData().toString());
    if (!yChosen_) {
        const QSignalBlocker b(yCombo_);
        const int i = yCombo_->findData(kResultPrefix + resultCombo_->currentData().toString());
        if (i >= 0) yCombo_->setCurrentIndex(i);
    }
}

void HParamsPanel::rebuildParallel() {
    if (!hasTable_) return;
    PcData d = buildParallelData(table_, resultIndex());
    // Redraw only what changed: the table is re-read every few seconds while runs train.
    if (samePcData(d, parallel_->data()) && !parallel_->data().axes.empty()) return;
    parallel_->setData(std::move(d));
    // The colour scale, always in sight (the result axis and its colour bar may be scrolled out of view).
    const PcAxis& r = parallel_->data().axes.back();
    const bool any = std::any_of(parallel_->data().lines.begin(), parallel_->data().lines.end(),
                                 [](const PcLine& l) { return std::isfinite(l.values.back()); });
    if (any) {
        const QFontMetrics fm(colourBar_->font());
        const QString lo = QString::number(r.lo, 'g', 4), hi = QString::number(r.hi, 'g', 4);
        const int gw = 90, w = fm.horizontalAdvance(lo) + fm.horizontalAdvance(hi) + gw + 12, h = fm.height() + 2;
        const qreal dpr = colourBar_->devicePixelRatioF();
        QPixmap pm(QSize(w, h) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setFont(colourBar_->font());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, 0, fm.horizontalAdvance(lo), h), Qt::AlignVCenter, lo);
        const int gx = fm.horizontalAdvance(lo) + 6;
        QLinearGradient g(gx, 0, gx + gw, 0);
        for (int i = 0; i <= 10; ++i) {
            uint8_t c[3];
            api::viridis(i / 10.0, c);
            g.setColorAt(i / 10.0, QColor(c[0], c[1], c[2]));
        }
        p.fillRect(QRect(gx, 3, gw, h - 6), g);
        p.drawText(QRect(gx + gw + 6, 0, fm.horizontalAdvance(hi) + 2, h), Qt::AlignVCenter, hi);
        p.end();
        colourBar_->setPixmap(pm);
    } else {
        colourBar_->setPixmap({});
        colourBar_->setText(parallel_->data().lines.empty() ? QString() : tr("no run has this result yet"));
    }
    if (!parallel_->hasBrushes()) updateStatus(parallel_->dirsInside(), false);
}

void HParamsPanel::rebuildScatter() {
    if (!hasTable_) return;
    const QString xKey = xCombo_->currentData().toString(), yKey = yCombo_->currentData().toString();
    const auto& cols = api::resultColumns();
    const int yc = resultColumnOf(yKey.mid(kResultPrefix.size()));
    const bool xResult = xKey.startsWith(kResultPrefix);
    const int xc = xResult ? resultColumnOf(xKey.mid(kResultPrefix.size())) : -1;
    const FieldDescriptor* xf = xResult ? nullptr : findConfigField(ss(xKey.mid(kFieldPrefix.size())));
    std::vector<ScatterPoint> pts;
    if (yc >= 0 && (xc >= 0 || xf)) {
        auto add = [&](const api::RunRow& first, const QString& name, QStringList dirs, double x, double y, double sd, int n) {
            (void)first;
            if (std::isfinite(x) && std::isfinite(y)) pts.push_back({name, std::move(dirs), x, y, sd, n});
        };
        if (!table_.groups.empty()) {
            for (const auto& g : table_.groups) {
                if (g.members.empty()) continue;
                const api::RunRow& r = table_.rows[g.members.front()];
                if (!r.error.empty()) continue;
                QStringList dirs;
                for (size_t m : g.members) dirs << qs(table_.rows[m].dir);
                const double x = xf ? numberOf(*xf, r.config) : g.results[static_cast<size_t>(xc)].mean;
                const api::Stat& s = g.results[static_cast<size_t>(yc)];
                const int n = static_cast<int>(g.members.size());
                const QString name = n > 1 ? tr("%1 (mean of %2 seeds)").arg(qs(r.name)).arg(n) : qs(r.name);
                add(r, name, dirs, x, s.mean, s.n > 1 ? s.sd : 0.0, n);
            }
        } else {
            for (const auto& r : table_.rows) {
                if (!r.error.empty()) continue;
                const double x = xf ? numberOf(*xf, r.config) : cols[static_cast<size_t>(xc)].get(r);
                add(r, qs(r.name), {qs(r.dir)}, x, cols[static_cast<size_t>(yc)].get(r), 0.0, 1);
            }
        }
    }
    // A field spread over more than a decade (learning rates, weight decays) on a log x axis.
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& p : pts) lo = std::min(lo, p.x), hi = std::max(hi, p.x);
    const bool logX = xf && !pts.empty() && lo > 0 && hi / lo > 10;
    if (logX != scatterLogX()) {
        scatter_->xAxis->setScaleType(logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (logX) scatter_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else scatter_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    points_ = pts;
    QVector<double> xs, ys, sds;
    std::vector<size_t> order(pts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pts[a].x < pts[b].x; });
    bool anySd = false;
    for (size_t i : order) {
        xs << pts[i].x;
        ys << pts[i].y;
        sds << (std::isfinite(pts[i].sd) ? pts[i].sd : 0.0);
        anySd |= pts[i].n > 1;
    }
    points_graph_->setData(xs, ys, true);
    QVector<double> sx, sy;
    for (size_t i : order) {
        const bool sel = std::any_of(pts[i].dirs.begin(), pts[i].dirs.end(), [&](const QString& d) { return selected_.contains(d); });
        if (!sel) continue;
        sx << pts[i].x;
        sy << pts[i].y;
    }
    selectedGraph_->setData(sx, sy, true);
    errors_->setData(sds);
    errors_->setVisible(anySd);
    scatter_->xAxis->setLabel(xCombo_->currentText());
    scatter_->yAxis->setLabel(yCombo_->currentText());
    scatter_->setTitle(tr("%1 against %2").arg(yCombo_->currentText(), xResult ? xCombo_->currentText().section(QLatin1String(": "), 1) : xCombo_->currentText()));
    scatter_->requestReplot();
}

void HParamsPanel::updateStatus(const QStringList& dirs, bool active) {
    int total = 0;
    for (const auto& l : parallel_->data().lines) total += static_cast<int>(l.dirs.size());
    clear_->setEnabled(active);
    if (active) status_->setText(tr("%1 of %2 runs inside the brushes; the table shows only them.").arg(dirs.size()).arg(total));
    else if (total == 0) status_->setText(tr("No runs."));
    else status_->setText(tr("%1 runs. Drag along an axis to filter the table; double-click an axis to clear it.").arg(total));
}

void HParamsPanel::exportParallel(const QString& format) {
    const QString what = format == QLatin1String("csv") ? QStringLiteral("hparams") : QStringLiteral("parallel-coordinates");
    const QString filter = format == QLatin1String("png")   ? tr("PNG image (*.png)")
                           : format == QLatin1String("svg") ? tr("SVG image (*.svg)")
                                                            : tr("CSV (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the parallel coordinates"),
                                                      suggestedExportPath(this, what, format), filter);
    if (path.isEmpty()) return;
    rememberExportFolder(path);
    const QString err = format == QLatin1String("png")   ? parallel_->exportPng(path)
                        : format == QLatin1String("svg") ? parallel_->exportSvg(path)
                                                         : parallel_->exportCsv(path);
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
}

}  // namespace dino::ui
