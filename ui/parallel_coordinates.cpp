#include "parallel_coordinates.h"

#include "api/raster.h"
#include "common/config_schema.h"
#include "qt_types.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QImage>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <type_traits>

namespace dino::ui {

namespace {

constexpr double kNaPosition = -0.12;  // the "n/a" mark, in axis positions (0 bottom, 1 top)
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kMaxIntegerCategories = 6;  // integer fields with at most this many values: categories

QString trp(const char* s) { return QCoreApplication::translate("dino::ui::ParallelCoordinates", s); }

// A config value as a number (NaN when it is not one) and as text.
struct FieldValue {
    double number = api::kNoValue;
    QString text;
};

FieldValue fieldValue(const FieldDescriptor& d, const RunConfig& cfg) {
    FieldValue out;
    std::visit(
        [&](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_same_v<T, bool>) {
                out.text = *p ? QStringLiteral("true") : QStringLiteral("false");
            } else if constexpr (std::is_same_v<T, std::string>) {
                out.text = qs(*p);
            } else if constexpr (std::is_same_v<T, std::vector<double>>) {
                QStringList parts;
                for (double v : *p) parts << QString::number(v, 'g', 6);
                out.text = QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
            } else if constexpr (std::is_same_v<T, double>) {
                out.number = *p;
                out.text = QString::number(*p, 'g', 6);
            } else {
                out.number = static_cast<double>(*p);
                if constexpr (std::is_signed_v<T>) out.text = QString::number(static_cast<qlonglong>(*p));
                else out.text = QString::number(static_cast<qulonglong>(*p));
            }
        },
        d.ref(const_cast<RunConfig&>(cfg)));
    return out;
}

bool isIntegerType(FieldType t) { return t == FieldType::Int || t == FieldType::Int64 || t == FieldType::UInt64; }
bool isNumberType(FieldType t) { return isIntegerType(t) || t == FieldType::Double; }

// Nice ticks (1, 2, 5 times a power of ten) inside [lo, hi], about `count` of them.
std::vector<double> niceTicks(double lo, double hi, int count) {
    std::vector<double> out;
    if (!(hi > lo) || count < 1) return out;
    const double raw = (hi - lo) / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double m = raw / mag;
    const double step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * mag;
    for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
        out.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return out;
}

QString tickText(double v) { return QString::number(v, 'g', 4); }

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n'))) return s;
    QString q = s;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QColor viridisColour(double t) {
    uint8_t c[3];
    api::viridis(std::clamp(t, 0.0, 1.0), c);
    return QColor(c[0], c[1], c[2]);
}

}  // namespace

QString resultLabel(const char* key, const char* header) {
    const QString k = QLatin1String(key);
    if (k == QLatin1String("nn1")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "1-NN accuracy"));
    if (k == QLatin1String("knn")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "weighted k-NN accuracy"));
    if (k == QLatin1String("auc")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "AUC"));
    if (k == QLatin1String("baseline_nn1")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "random-init 1-NN"));
    if (k == QLatin1String("baseline_knn")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "random-init k-NN"));
    if (k == QLatin1String("baseline_auc")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "random-init AUC"));
    if (k == QLatin1String("best_live_knn")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "best live k-NN"));
    if (k == QLatin1String("best_live_knn_step")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "step of the best live k-NN"));
    if (k == QLatin1String("teacher_entropy")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "teacher entropy"));
    if (k == QLatin1String("pseudo_labels_used")) return trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "pseudo-labels used"));
    return QString::fromUtf8(header);
}

PcData buildParallelData(const api::RunTable& table, int resultColumn) {
    PcData out;
    const auto& cols = api::resultColumns();
    resultColumn = std::clamp(resultColumn, 0, static_cast<int>(cols.size()) - 1);
    const api::ResultColumn& col = cols[static_cast<size_t>(resultColumn)];
    out.grouped = !table.groups.empty();

    std::vector<const FieldDescriptor*> fields;
    for (const auto& key : table.fields) {
        if (out.grouped && key == "system.seed") continue;
        if (const FieldDescriptor* d = findConfigField(key)) fields.push_back(d);
    }

    // One entry per line: the row its settings come from, the result (and sd), the directories.
    struct Source {
        size_t row;
        double result, sd;
        int n;
        QStringList dirs;
    };
    std::vector<Source> sources;
    if (out.grouped) {
        for (const auto& g : table.groups) {
            if (g.members.empty() || !table.rows[g.members.front()].error.empty()) continue;
            Source s{g.members.front(), g.results[static_cast<size_t>(resultColumn)].mean,
                     g.results[static_cast<size_t>(resultColumn)].sd, static_cast<int>(g.members.size()), {}};
            for (size_t m : g.members) s.dirs << qs(table.rows[m].dir);
            sources.push_back(std::move(s));
        }
    } else {
        for (size_t i = 0; i < table.rows.size(); ++i) {
            if (!table.rows[i].error.empty()) continue;
            sources.push_back({i, col.get(table.rows[i]), api::kNoValue, 1, {qs(table.rows[i].dir)}});
        }
    }

    // Field axes.
    std::vector<std::vector<FieldValue>> values(fields.size());
    for (size_t f = 0; f < fields.size(); ++f) {
        const FieldDescriptor& d = *fields[f];
        PcAxis axis;
        axis.key = qs(d.key);
        axis.title = QCoreApplication::translate("dino::ui::ConfigFields", d.label);
        for (const auto& s : sources) values[f].push_back(fieldValue(d, table.rows[s.row].config));
        std::set<double> distinct;
        for (const auto& v : values[f])
            if (std::isfinite(v.number)) distinct.insert(v.number);
        if (isNumberType(d.type) && !distinct.empty()) {
            const double lo = *distinct.begin(), hi = *distinct.rbegin();
            if (lo > 0 && hi / lo > 10) {
                axis.scale = PcAxis::Scale::Log;
            } else if (isIntegerType(d.type) && static_cast<int>(distinct.size()) <= kMaxIntegerCategories) {
                axis.scale = PcAxis::Scale::Categories;
                for (double v : distinct) {
                    for (const auto& fv : values[f])
                        if (fv.number == v) {
                            axis.categories << fv.text;
                            break;
                        }
                }
            } else {
                axis.scale = PcAxis::Scale::Linear;
            }
            axis.lo = lo;
            axis.hi = hi;
        } else {
            axis.scale = PcAxis::Scale::Categories;
            std::set<QString> texts;
            for (const auto& v : values[f]) texts.insert(v.text);
            for (const auto& t : texts) axis.categories << t;
        }
        out.axes.push_back(std::move(axis));
    }
    // The result axis.
    PcAxis result;
    result.key = QLatin1String(col.key);
    result.title = resultLabel(col.key, col.header);
    result.result = true;
    result.scale = PcAxis::Scale::Linear;
    double lo = kInf, hi = -kInf;
    for (const auto& s : sources)
        if (std::isfinite(s.result)) {
            lo = std::min(lo, s.result);
            hi = std::max(hi, s.result);
        }
    if (lo > hi) lo = hi = 0;
    result.lo = lo;
    result.hi = hi;
    out.axes.push_back(result);

    for (size_t i = 0; i < sources.size(); ++i) {
        const Source& s = sources[i];
        const api::RunRow& row = table.rows[s.row];
        PcLine line;
        line.name = s.n > 1 ? trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "%1 (mean of %2 seeds)"))
                                  .arg(qs(row.name))
                                  .arg(s.n)
                            : qs(row.name);
        line.dirs = s.dirs;
        line.n = s.n;
        line.sd = s.sd;
        for (size_t f = 0; f < fields.size(); ++f) {
            const FieldValue& v = values[f][i];
            const PcAxis& axis = out.axes[f];
            line.texts.push_back(v.text);
            line.values.push_back(axis.scale == PcAxis::Scale::Categories
                                      ? static_cast<double>(axis.categories.indexOf(v.text))
                                      : v.number);
        }
        line.values.push_back(s.result);
        line.texts.push_back(std::isfinite(s.result) ? QString::number(s.result, 'f', col.decimals)
                                                     : trp(QT_TRANSLATE_NOOP("dino::ui::ParallelCoordinates", "n/a")));
        out.lines.push_back(std::move(line));
    }
    return out;
}

bool samePcData(const PcData& a, const PcData& b) {
    auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    if (a.grouped != b.grouped || a.axes.size() != b.axes.size() || a.lines.size() != b.lines.size()) return false;
    for (size_t i = 0; i < a.axes.size(); ++i) {
        const PcAxis &x = a.axes[i], &y = b.axes[i];
        if (x.key != y.key || x.title != y.title || x.scale != y.scale || x.categories != y.categories || !same(x.lo, y.lo) ||
            !same(x.hi, y.hi))
            return false;
    }
    for (size_t i = 0; i < a.lines.size(); ++i) {
        const PcLine &x = a.lines[i], &y = b.lines[i];
        if (x.name != y.name || x.dirs != y.dirs || x.texts != y.texts || x.n != y.n || !same(x.sd, y.sd)) return false;
        for (size_t k = 0; k < x.values.size(); ++k)
            if (!same(x.values[k], y.values[k])) return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------------

ParallelCoordinates::ParallelCoordinates(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize ParallelCoordinates::sizeHint() const { return {720, 380}; }

QSize ParallelCoordinates::minimumSizeHint() const {
    const int n = std::max(1, static_cast<int>(data_.axes.size()));
    return {static_cast<int>(layoutFor({0, 0}).left) + (n - 1) * kMinAxisSpacing + 70, 240};
}

void ParallelCoordinates::setData(PcData data) {
    // Brushes are kept by axis key in values; a brush on an axis that went away is dropped, and one on a
    // categorical axis keeps only the categories that are still there.
    std::map<QString, ValueBrush> kept;
    for (auto& [key, b] : brushes_) {
        auto it = std::find_if(data.axes.begin(), data.axes.end(), [&](const PcAxis& a) { return a.key == key; });
        if (it == data.axes.end()) continue;
        // An axis that turned from categories to numbers or back (a seventh value came): the brush's
        // values no longer apply.
        if ((it->scale == PcAxis::Scale::Categories) != (b.scale == PcAxis::Scale::Categories)) continue;
        b.scale = it->scale;
        if (it->scale == PcAxis::Scale::Categories) {
            QStringList cats;
            for (const auto& c : b.categories)
                if (it->categories.contains(c)) cats << c;
            if (cats.isEmpty() && !b.na) continue;
            b.categories = cats;
        }
        kept.emplace(key, b);
    }
    data_ = std::move(data);
    brushes_ = std::move(kept);
    if (hover_ >= static_cast<int>(data_.lines.size())) hover_ = -1;
    updateGeometry();
    update();
    emitIfChanged(false);
}

ParallelCoordinates::Layout ParallelCoordinates::layoutFor(QSize size) const {
    const QFontMetrics fm(font());
    Layout l{};
    l.left = 12 + fm.horizontalAdvance(QStringLiteral("0.00000")) + 8;
    l.right = 12 + 14 + 10 + 6;  // the colour bar beside the result axis
    const int n = static_cast<int>(data_.axes.size());
    const double width = std::max(0, size.width()) - l.left - l.right;
    l.spacing = n > 1 ? std::max<double>(kMinAxisSpacing, width / (n - 1)) : 0;
    // Titles on one row when they fit between the axes, else staggered over two.
    int widest = 0;
    for (const auto& a : data_.axes) widest = std::max(widest, fm.horizontalAdvance(a.title));
    l.rows = 1;
    while (n > l.rows && l.rows < 3 && widest > l.rows * l.spacing - 8) ++l.rows;
    l.top = 10 + l.rows * (fm.height() + 2) + fm.height() / 2 + 6;
    const double naRoom = fm.height() * 1.6 + 10;
    const double h = std::max(0, size.height()) - l.top;
    l.bottom = l.top + std::max(40.0, (h - naRoom) / (1 - kNaPosition + 0.02));
    l.na = l.bottom - kNaPosition * (l.bottom - l.top);
    return l;
}

double ParallelCoordinates::axisXIn(const Layout& l, int axis) const {
    const int n = static_cast<int>(data_.axes.size());
    if (n <= 1) return l.left + 40;
    return l.left + axis * l.spacing;
}

double ParallelCoordinates::yIn(const Layout& l, double position) const {
    return l.bottom - position * (l.bottom - l.top);
}

double ParallelCoordinates::axisX(int axis) const { return axisXIn(layoutFor(size()), axis); }
double ParallelCoordinates::plotTop() const { return layoutFor(size()).top; }
double ParallelCoordinates::plotBottom() const { return layoutFor(size()).bottom; }
double ParallelCoordinates::naY() const { return layoutFor(size()).na; }

double ParallelCoordinates::position(int axis, double value) const {
    if (axis < 0 || axis >= static_cast<int>(data_.axes.size()) || !std::isfinite(value)) return kNaPosition;
    const PcAxis& a = data_.axes[static_cast<size_t>(axis)];
    switch (a.scale) {
    case PcAxis::Scale::Categories: {
        const int n = static_cast<int>(a.categories.size());
        if (value < 0) return kNaPosition;
        return n <= 1 ? 0.5 : value / (n - 1);
    }
    case PcAxis::Scale::Log:
        if (value <= 0) return kNaPosition;
        return a.hi > a.lo ? (std::log(value) - std::log(a.lo)) / (std::log(a.hi) - std::log(a.lo)) : 0.5;
    case PcAxis::Scale::Linear:
        return a.hi > a.lo ? (value - a.lo) / (a.hi - a.lo) : 0.5;
    }
    return 0.5;
}

double ParallelCoordinates::valueY(int axis, double value) const { return yIn(layoutFor(size()), position(axis, value)); }

QPointF ParallelCoordinates::vertex(int line, int axis) const {
    const Layout l = layoutFor(size());
    return {axisXIn(l, axis), yIn(l, position(axis, data_.lines[static_cast<size_t>(line)].values[static_cast<size_t>(axis)]))};
}

double ParallelCoordinates::positionAt(double y) const {
    const Layout l = layoutFor(size());
    const double p = (l.bottom - y) / (l.bottom - l.top);
    return std::clamp(p, kNaPosition - 0.06, 1.04);
}

// ---- brushes --------------------------------------------------------------------------------------------

ParallelCoordinates::ValueBrush ParallelCoordinates::toValueBrush(int axis, double lo, double hi) const {
    const PcAxis& a = data_.axes[static_cast<size_t>(axis)];
    ValueBrush b;
    b.scale = a.scale;
    b.lo = lo;
    b.hi = hi;
    b.na = lo <= kNaPosition + 0.02 && hi >= kNaPosition - 0.02;
    if (a.scale == PcAxis::Scale::Categories) {
        for (int i = 0; i < a.categories.size(); ++i) {
            const double p = position(axis, i);
            if (p >= lo && p <= hi) b.categories << a.categories[i];
        }
        b.empty = b.categories.isEmpty() && !b.na;
        return b;
    }
    if (hi < 0 || lo > 1) {  // only the n/a mark, or nothing
        b.vlo = kInf;
        b.vhi = -kInf;
        b.empty = !b.na;
        return b;
    }
    // A brush that reaches an end of the axis stays open there (a later value beyond the range is inside).
    auto inverse = [&](double p) {
        if (a.hi <= a.lo) return a.lo;
        if (a.scale == PcAxis::Scale::Log) return std::exp(std::log(a.lo) + p * (std::log(a.hi) - std::log(a.lo)));
        return a.lo + p * (a.hi - a.lo);
    };
    if (a.hi <= a.lo) {  // one value, at 0.5
        const bool in = lo <= 0.5 && hi >= 0.5;
        b.vlo = in ? -kInf : kInf;
        b.vhi = in ? kInf : -kInf;
    } else {
        b.vlo = lo <= 0 ? -kInf : inverse(lo);
        b.vhi = hi >= 1 ? kInf : inverse(hi);
    }
    return b;
}

std::optional<ParallelCoordinates::Brush> ParallelCoordinates::fromValueBrush(int axis, const ValueBrush& b) const {
    const PcAxis& a = data_.axes[static_cast<size_t>(axis)];
    Brush out{b.lo, b.hi};
    if (a.scale == PcAxis::Scale::Categories) {
        // Around the categories inside (their positions move when categories come or go).
        double lo = kInf, hi = -kInf;
        for (const auto& c : b.categories) {
            const double p = position(axis, a.categories.indexOf(c));
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        }
        if (b.na) lo = std::min(lo, kNaPosition), hi = std::max(hi, kNaPosition);
        if (lo > hi) return out;
        const double pad = 0.03;
        out.lo = std::min(b.lo, lo - pad);
        out.hi = std::max(b.hi, hi + pad);
        // Not beyond the neighbours that are outside.
        for (int i = 0; i < a.categories.size(); ++i) {
            if (b.categories.contains(a.categories[i])) continue;
            const double p = position(axis, i);
            if (p > hi && p - 0.01 < out.hi) out.hi = (p + hi) / 2;
            if (p < lo && p + 0.01 > out.lo) out.lo = (p + lo) / 2;
        }
        return out;
    }
    if (std::isfinite(b.vlo)) out.lo = position(axis, b.vlo);
    if (std::isfinite(b.vhi)) out.hi = position(axis, b.vhi);
    return out;
}

std::optional<ParallelCoordinates::Brush> ParallelCoordinates::brush(int axis) const {
    if (axis < 0 || axis >= static_cast<int>(data_.axes.size())) return std::nullopt;
    auto it = brushes_.find(data_.axes[static_cast<size_t>(axis)].key);
    if (it == brushes_.end()) return std::nullopt;
    return fromValueBrush(axis, it->second);
}

void ParallelCoordinates::storeBrush(int axis, double lo, double hi) {
    if (lo > hi) std::swap(lo, hi);
    brushes_[data_.axes[static_cast<size_t>(axis)].key] = toValueBrush(axis, lo, hi);
    update();
}

void ParallelCoordinates::setBrush(int axis, double lo, double hi) {
    if (axis < 0 || axis >= static_cast<int>(data_.axes.size())) return;
    storeBrush(axis, lo, hi);
    emitIfChanged(false);
}

void ParallelCoordinates::clearBrush(int axis) {
    if (axis < 0 || axis >= static_cast<int>(data_.axes.size())) return;
    if (brushes_.erase(data_.axes[static_cast<size_t>(axis)].key) == 0) return;
    update();
    emitIfChanged(false);
}

void ParallelCoordinates::clearBrushes() {
    brushes_.clear();
    update();
    emitIfChanged(true);
}

bool ParallelCoordinates::lineInside(int line) const {
    const PcLine& l = data_.lines[static_cast<size_t>(line)];
    for (size_t a = 0; a < data_.axes.size(); ++a) {
        auto it = brushes_.find(data_.axes[a].key);
        if (it == brushes_.end()) continue;
        const ValueBrush& b = it->second;
        const double v = l.values[a];
        const bool missing = !std::isfinite(v) || (data_.axes[a].scale == PcAxis::Scale::Categories && v < 0);
        if (missing) {
            if (!b.na) return false;
            continue;
        }
        if (data_.axes[a].scale == PcAxis::Scale::Categories) {
            if (!b.categories.contains(data_.axes[a].categories[static_cast<int>(v)])) return false;
        } else if (!(v >= b.vlo && v <= b.vhi)) {
            // Compared with a relative tolerance: the bounds went through log/exp.
            const double tol = 1e-9 * std::max({1.0, std::abs(b.vlo) < kInf ? std::abs(b.vlo) : 0.0,
                                                std::abs(b.vhi) < kInf ? std::abs(b.vhi) : 0.0});
            if (!(v >= b.vlo - tol && v <= b.vhi + tol)) return false;
        }
    }
    return true;
}

QStringList ParallelCoordinates::dirsInside() const {
    QStringList out;
    for (size_t i = 0; i < data_.lines.size(); ++i)
        if (lineInside(static_cast<int>(i))) out << data_.lines[i].dirs;
    return out;
}

void ParallelCoordinates::emitIfChanged(bool force) {
    const bool active = !brushes_.empty();
    const QStringList dirs = dirsInside();
    if (!force && active == lastActive_ && (!active || dirs == lastDirs_)) return;
    lastActive_ = active;
    lastDirs_ = dirs;
    Q_EMIT brushChanged(dirs, active);
}

void ParallelCoordinates::setSelectedDirs(const QStringList& dirs) {
    if (dirs == selected_) return;
    selected_ = dirs;
    update();
}

bool ParallelCoordinates::lineSelected(int line) const {
    for (const auto& d : data_.lines[static_cast<size_t>(line)].dirs)
        if (selected_.contains(d)) return true;
    return false;
}

// ---- mouse ----------------------------------------------------------------------------------------------

int ParallelCoordinates::axisAt(const QPoint& pos) const {
    const Layout l = layoutFor(size());
    if (pos.y() < l.top - 16 || pos.y() > l.na + 12) return -1;
    for (int a = 0; a < static_cast<int>(data_.axes.size()); ++a)
        if (std::abs(pos.x() - axisXIn(l, a)) <= 12) return a;
    return -1;
}

int ParallelCoordinates::lineAt(const QPoint& pos) const {
    const Layout l = layoutFor(size());
    const int n = static_cast<int>(data_.axes.size());
    if (n < 2) return -1;
    int best = -1;
    double bestD = 5.0;
    const QPointF p(pos);
    for (int i = 0; i < static_cast<int>(data_.lines.size()); ++i) {
        // Lines inside the brushes win over dimmed ones at the same distance.
        const double penalty = lineInside(i) ? 0 : 2;
        for (int a = 0; a + 1 < n; ++a) {
            const double x0 = axisXIn(l, a), x1 = axisXIn(l, a + 1);
            if (p.x() < x0 - 5 || p.x() > x1 + 5) continue;
            const QPointF u(x0, yIn(l, position(a, data_.lines[static_cast<size_t>(i)].values[static_cast<size_t>(a)])));
            const QPointF v(x1, yIn(l, position(a + 1, data_.lines[static_cast<size_t>(i)].values[static_cast<size_t>(a + 1)])));
            const QPointF d = v - u;
            const double len2 = QPointF::dotProduct(d, d);
            const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - u, d) / len2, 0.0, 1.0) : 0.0;
            const QPointF q = u + t * d;
            const double dist = std::hypot(p.x() - q.x(), p.y() - q.y());
            const double score = dist + penalty;
            if (score < bestD) {
                bestD = score;
                best = i;
            }
        }
    }
    return best;
}

void ParallelCoordinates::mousePressEvent(QMouseEvent* event) {
    pressPos_ = event->pos();
    dragMoved_ = false;
    dragAxis_ = event->button() == Qt::LeftButton ? axisAt(event->pos()) : -1;
    if (dragAxis_ >= 0) dragFrom_ = positionAt(event->position().y());
    event->accept();
}

void ParallelCoordinates::mouseMoveEvent(QMouseEvent* event) {
    if (dragAxis_ >= 0 && (event->buttons() & Qt::LeftButton)) {
        if (!dragMoved_ && std::abs(event->pos().y() - pressPos_.y()) < 3) return;
        dragMoved_ = true;
        storeBrush(dragAxis_, dragFrom_, positionAt(event->position().y()));
        return;
    }
    const int h = event->buttons() == Qt::NoButton ? lineAt(event->pos()) : -1;
    if (h != hover_) {
        hover_ = h;
        update();
    }
    if (hover_ >= 0) QToolTip::showText(event->globalPosition().toPoint(), lineTooltip(hover_), this);
    else if (axisAt(event->pos()) < 0) QToolTip::hideText();
}

void ParallelCoordinates::mouseReleaseEvent(QMouseEvent* event) {
    if (dragAxis_ >= 0 && event->button() == Qt::LeftButton) {
        if (dragMoved_ || std::abs(event->pos().y() - pressPos_.y()) >= 3) {
            storeBrush(dragAxis_, dragFrom_, positionAt(event->position().y()));
        } else if (const auto b = brush(dragAxis_)) {
            // A click outside the axis's brush clears it (as in d3's brushes); inside keeps it.
            if (dragFrom_ < b->lo || dragFrom_ > b->hi) brushes_.erase(data_.axes[static_cast<size_t>(dragAxis_)].key);
            update();
        }
        emitIfChanged(false);
    }
    dragAxis_ = -1;
    dragMoved_ = false;
}

void ParallelCoordinates::mouseDoubleClickEvent(QMouseEvent* event) {
    const int a = axisAt(event->pos());
    if (a >= 0) clearBrush(a);
    dragAxis_ = -1;
}

void ParallelCoordinates::leaveEvent(QEvent* event) {
    if (hover_ >= 0) {
        hover_ = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

bool ParallelCoordinates::event(QEvent* event) {
    // Axis titles: the full label and the field's key.
    if (event->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(event);
        const Layout l = layoutFor(size());
        if (he->pos().y() < l.top - 4 && !data_.axes.empty()) {
            int best = -1;
            double bestD = kInf;
            for (int a = 0; a < static_cast<int>(data_.axes.size()); ++a) {
                const double d = std::abs(he->pos().x() - axisXIn(l, a));
                if (d < bestD) bestD = d, best = a;
            }
            if (best >= 0 && bestD < std::max(30.0, l.spacing / 2)) {
                const PcAxis& a = data_.axes[static_cast<size_t>(best)];
                QString scale = a.scale == PcAxis::Scale::Log          ? tr("log scale")
                                : a.scale == PcAxis::Scale::Categories ? tr("categories")
                                                                       : tr("linear scale");
                QToolTip::showText(he->globalPos(),
                                   a.result ? tr("%1 (result; %2). Drag along the axis to brush.").arg(a.title, scale)
                                            : tr("%1\n%2 (%3). Drag along the axis to brush.").arg(a.title, a.key, scale),
                                   this);
                return true;
            }
        }
        if (hover_ < 0) QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QString ParallelCoordinates::lineTooltip(int line) const {
    const PcLine& l = data_.lines[static_cast<size_t>(line)];
    QString s = QStringLiteral("<b>%1</b>").arg(l.name.toHtmlEscaped());
    for (size_t a = 0; a < data_.axes.size(); ++a) {
        const PcAxis& ax = data_.axes[a];
        QString v = l.texts[a];
        if (ax.result && l.n > 1 && std::isfinite(l.sd)) v += QStringLiteral(" ± ") + QString::number(l.sd, 'f', 4);
        s += QStringLiteral("<br>%1: %2").arg(ax.title.toHtmlEscaped(), v.toHtmlEscaped());
        if (ax.result) s = s.replace(QStringLiteral("<br>%1:").arg(ax.title.toHtmlEscaped()),
                                     QStringLiteral("<br><b>%1</b>:").arg(ax.title.toHtmlEscaped()));
    }
    return s;
}

// ---- painting -------------------------------------------------------------------------------------------

void ParallelCoordinates::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, size());
}

void ParallelCoordinates::render(QPainter& p, QSize size) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    p.setFont(font());
    const QFontMetrics fm(font());
    const Layout l = layoutFor(size);
    const int n = static_cast<int>(data_.axes.size());
    const QColor text = QColor(40, 40, 40);
    if (data_.lines.empty() || n == 0) {
        p.setPen(QColor(110, 110, 110));
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No runs to compare: the hyperparameter views show the runs the table lists."));
        p.restore();
        return;
    }
    const int ra = data_.resultAxis();
    const PcAxis& res = data_.axes[static_cast<size_t>(ra)];
    auto px = [&](int a, double value) { return yIn(l, position(a, value)); };
    auto colourOf = [&](const PcLine& line) {
        const double r = line.values[static_cast<size_t>(ra)];
        if (!std::isfinite(r)) return QColor(150, 150, 150);
        return viridisColour(res.hi > res.lo ? (r - res.lo) / (res.hi - res.lo) : 0.5);
    };

    // Axes' "n/a" band label.
    p.setPen(QColor(150, 150, 150));
    p.drawText(QRectF(2, l.na - fm.height() / 2.0, l.left - 10, fm.height()), Qt::AlignRight | Qt::AlignVCenter, tr("n/a"));

    // Brushes, under the lines.
    for (int a = 0; a < n; ++a) {
        const auto b = brush(a);
        if (!b) continue;
        const double x = axisXIn(l, a);
        const double y0 = yIn(l, b->hi), y1 = yIn(l, b->lo);
        p.setPen(QPen(QColor(30, 90, 200), 1));
        p.setBrush(QColor(30, 90, 200, 45));
        p.drawRect(QRectF(x - 8, y0, 16, std::max(2.0, y1 - y0)));
    }

    // Lines: dimmed first, then inside (worst result first, so that the best are on top), then the hovered.
    std::vector<int> order(data_.lines.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::vector<char> inside(data_.lines.size());
    for (size_t i = 0; i < inside.size(); ++i) inside[i] = lineInside(static_cast<int>(i));
    auto resultOf = [&](int i) {
        const double r = data_.lines[static_cast<size_t>(i)].values[static_cast<size_t>(ra)];
        return std::isfinite(r) ? r : -kInf;
    };
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        if (inside[static_cast<size_t>(x)] != inside[static_cast<size_t>(y)]) return inside[static_cast<size_t>(x)] < inside[static_cast<size_t>(y)];
        return resultOf(x) < resultOf(y);
    });
    auto pathOf = [&](int i) {
        QPainterPath path;
        const PcLine& line = data_.lines[static_cast<size_t>(i)];
        for (int a = 0; a < n; ++a) {
            const QPointF pt(axisXIn(l, a), px(a, line.values[static_cast<size_t>(a)]));
            if (a == 0) path.moveTo(pt);
            else path.lineTo(pt);
        }
        return path;
    };
    p.setBrush(Qt::NoBrush);
    const double widthIn = data_.lines.size() > 60 ? 1.2 : 1.8;
    for (int i : order) {
        const PcLine& line = data_.lines[static_cast<size_t>(i)];
        QColor c = colourOf(line);
        if (!inside[static_cast<size_t>(i)]) c = QColor(205, 205, 205, 140);
        else c.setAlpha(215);
        p.setPen(QPen(c, widthIn, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (n == 1) p.drawEllipse(QPointF(axisXIn(l, 0), px(0, line.values[0])), 3, 3);
        else p.drawPath(pathOf(i));
    }
    // The table's selection on top, outlined in black.
    for (int i : order) {
        if (selected_.isEmpty() || !lineSelected(i) || n == 1) continue;
        const PcLine& line = data_.lines[static_cast<size_t>(i)];
        p.setPen(QPen(QColor(20, 20, 20), 4.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(pathOf(i));
        QColor c = colourOf(line);
        if (!inside[static_cast<size_t>(i)]) c = QColor(225, 225, 225);
        p.setPen(QPen(c, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(pathOf(i));
    }
    if (hover_ >= 0 && hover_ < static_cast<int>(data_.lines.size())) {
        const PcLine& line = data_.lines[static_cast<size_t>(hover_)];
        p.setPen(QPen(QColor(255, 255, 255, 230), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(pathOf(hover_));
        p.setPen(QPen(colourOf(line).darker(115), 3.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPath(pathOf(hover_));
        p.setBrush(colourOf(line).darker(115));
        for (int a = 0; a < n; ++a) p.drawEllipse(QPointF(axisXIn(l, a), px(a, line.values[static_cast<size_t>(a)])), 3.5, 3.5);
        p.setBrush(Qt::NoBrush);
    }

    // Axes, ticks and titles.
    QFont small = font();
    small.setPointSizeF(std::max(7.0, font().pointSizeF() - 1));
    const QFontMetrics sfm(small);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    for (int a = 0; a < n; ++a) {
        const PcAxis& ax = data_.axes[static_cast<size_t>(a)];
        const double x = axisXIn(l, a);
        p.setPen(QPen(text, ax.result ? 1.6 : 1.1));
        p.drawLine(QPointF(x, l.top), QPointF(x, l.bottom));
        p.setPen(QPen(QColor(170, 170, 170), 1, Qt::DotLine));
        p.drawLine(QPointF(x, l.bottom + 3), QPointF(x, l.na + 4));
        // Ticks: the values themselves when there are a few, else nice numbers (powers of ten on a log axis).
        std::vector<std::pair<double, QString>> ticks;
        if (ax.scale == PcAxis::Scale::Categories) {
            for (int i = 0; i < ax.categories.size(); ++i) ticks.emplace_back(i, ax.categories[i]);
        } else {
            std::set<double> distinct;
            for (const auto& line : data_.lines)
                if (std::isfinite(line.values[static_cast<size_t>(a)])) distinct.insert(line.values[static_cast<size_t>(a)]);
            if (!ax.result && distinct.size() <= 6) {
                for (double v : distinct) ticks.emplace_back(v, tickText(v));
            } else if (ax.scale == PcAxis::Scale::Log) {
                const int e0 = static_cast<int>(std::ceil(std::log10(ax.lo) - 1e-9));
                const int e1 = static_cast<int>(std::floor(std::log10(ax.hi) + 1e-9));
                for (int e = e0; e <= e1; ++e) {
                    for (double m : {1.0, 2.0, 5.0}) {
                        if (m != 1.0 && e1 - e0 > 2) continue;
                        const double v = m * std::pow(10.0, e);
                        if (v >= ax.lo * (1 - 1e-9) && v <= ax.hi * (1 + 1e-9)) ticks.emplace_back(v, tickText(v));
                    }
                }
                ticks.emplace_back(ax.lo, tickText(ax.lo));
                ticks.emplace_back(ax.hi, tickText(ax.hi));
            } else if (ax.hi > ax.lo) {
                const int count = std::clamp(static_cast<int>((l.bottom - l.top) / (2.5 * sfm.height())), 2, 6);
                for (double v : niceTicks(ax.lo, ax.hi, count)) ticks.emplace_back(v, tickText(v));
            } else if (!distinct.empty()) {
                ticks.emplace_back(ax.lo, tickText(ax.lo));
            }
        }
        // Drawn from the ends inwards, dropping labels that would overlap a drawn one.
        std::vector<double> drawn;
        std::sort(ticks.begin(), ticks.end(), [&](const auto& u, const auto& v) {
            const double pu = position(a, u.first), pv = position(a, v.first);
            const double eu = std::min(pu, 1 - pu), ev = std::min(pv, 1 - pv);
            return eu < ev;
        });
        p.setFont(small);
        const double labelWidth = (a == 0 ? l.left - 14 : l.spacing - 16);
        for (const auto& [v, label] : ticks) {
            const double y = px(a, v);
            if (std::any_of(drawn.begin(), drawn.end(), [&](double d) { return std::abs(d - y) < sfm.height() * 0.95; })) continue;
            drawn.push_back(y);
            p.setPen(QPen(text, 1));
            p.drawLine(QPointF(x - 4, y), QPointF(x, y));
            const QString t = sfm.elidedText(label, Qt::ElideMiddle, static_cast<int>(std::max(20.0, labelWidth)));
            // On a white halo: lines pass under the labels.
            const double tw = sfm.horizontalAdvance(t);
            p.fillRect(QRectF(x - 7 - tw, y - sfm.height() / 2.0 + 1, tw + 2, sfm.height() - 2), QColor(255, 255, 255, 210));
            p.setPen(QColor(70, 70, 70));
            p.drawText(QRectF(x - 6 - labelWidth, y - sfm.height() / 2.0, labelWidth, sfm.height()),
                       Qt::AlignRight | Qt::AlignVCenter, t);
        }
        p.setFont(font());
        // Title: centred over the axis; staggered rows when they do not fit side by side.
        const int row = a % l.rows;
        const double room = l.rows > 1 ? l.rows * l.spacing - 10 : std::max(60.0, l.spacing - 6);
        // (the first and last titles may leave their axis's centre to stay inside the plot)
        const double maxW = std::min(room, size.width() - 4.0);
        const QFontMetrics& tfm = ax.result ? bfm : fm;
        const QString title = tfm.elidedText(ax.title, Qt::ElideRight, static_cast<int>(maxW));
        const double tw = tfm.horizontalAdvance(title);
        const double ty = 8 + row * (fm.height() + 2);
        p.setFont(ax.result ? bold : font());
        p.setPen(text);
        double tx = x - tw / 2;
        tx = std::clamp(tx, 2.0, size.width() - tw - 2);
        p.drawText(QRectF(tx, ty, tw + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, title);
        if (l.rows > 1) {
            p.setPen(QPen(QColor(200, 200, 200), 1));
            p.drawLine(QPointF(x, ty + fm.height()), QPointF(x, l.top - 4));
        }
        p.setFont(font());
    }

    // The colour bar beside the result axis.
    const double cx = axisXIn(l, ra) + 14;
    QLinearGradient g(QPointF(0, l.bottom), QPointF(0, l.top));
    for (int i = 0; i <= 10; ++i) g.setColorAt(i / 10.0, viridisColour(i / 10.0));
    p.setPen(Qt::NoPen);
    p.setBrush(g);
    p.drawRect(QRectF(cx, l.top, 10, l.bottom - l.top));
    p.setBrush(QColor(150, 150, 150));
    p.drawRect(QRectF(cx, l.na - 4, 10, 8));
    p.setBrush(Qt::NoBrush);
    p.restore();
}

// ---- exports --------------------------------------------------------------------------------------------

QString ParallelCoordinates::exportPng(const QString& path) const {
    const QSize s = size().expandedTo(QSize(minimumSizeHint().width(), 360));
    const int scale = 2;  // a figure, not a screen grab
    QImage img(s * scale, QImage::Format_ARGB32);
    img.setDevicePixelRatio(scale);
    img.fill(Qt::white);
    {
        QPainter p(&img);
        render(p, s);
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !img.save(&f, "PNG") || !f.commit())
        return tr("Could not write %1: %2").arg(path, f.errorString());
    return {};
}

QString ParallelCoordinates::exportSvg(const QString& path) const {
    const QSize s = size().expandedTo(QSize(minimumSizeHint().width(), 360));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return tr("Could not write %1: %2").arg(path, f.errorString());
    {
        QSvgGenerator gen;
        gen.setOutputDevice(&f);
        gen.setSize(s);
        gen.setViewBox(QRect(QPoint(0, 0), s));
        gen.setTitle(tr("Hyperparameters against %1").arg(data_.axes.empty() ? QString() : data_.axes.back().title));
        QPainter p(&gen);
        render(p, s);
    }
    if (!f.commit()) return tr("Could not write %1: %2").arg(path, f.errorString());
    return {};
}

QString ParallelCoordinates::csvText() const {
    QStringList header{QStringLiteral("name"), QStringLiteral("dirs")};
    for (const auto& a : data_.axes) header << a.key;
    if (data_.grouped) header << (data_.axes.empty() ? QString() : data_.axes.back().key + QStringLiteral("_sd")) << QStringLiteral("n");
    header << QStringLiteral("inside_brushes");
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (size_t i = 0; i < data_.lines.size(); ++i) {
        const PcLine& l = data_.lines[i];
        QStringList row{csvField(l.name), csvField(l.dirs.join(QLatin1Char(';')))};
        for (size_t a = 0; a < data_.axes.size(); ++a) {
            const bool missing = data_.axes[a].result && !std::isfinite(l.values[a]);
            row << csvField(missing ? QString() : l.texts[a]);
        }
        if (data_.grouped) row << (std::isfinite(l.sd) ? QString::number(l.sd, 'g', 6) : QString()) << QString::number(l.n);
        row << (lineInside(static_cast<int>(i)) ? QStringLiteral("1") : QStringLiteral("0"));
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QString ParallelCoordinates::exportCsv(const QString& path) const {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csvText().toUtf8()) < 0 || !f.commit())
        return tr("Could not write %1: %2").arg(path, f.errorString());
    return {};
}

}  // namespace dino::ui
