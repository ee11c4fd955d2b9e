#include "runs_table_model.h"

#include "config_fields.h"
#include "qt_types.h"

#include "common/config_schema.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFont>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>

namespace dino::ui {
namespace {

using Kind = RunsTableModel::Kind;

bool numeric(Kind k) {
    return k == Kind::Wall || k == Kind::Steps || k == Kind::Speed || k == Kind::N || k == Kind::Result;
}

QString fixedText(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString();
}

// A config field's JSON text as a cell: a string without its quotes, numbers and booleans as written.
QString fieldText(const std::string& json) {
    if (json.size() >= 2 && json.front() == '"' && json.back() == '"') {
        const QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString("[" + json + "]"));
        if (d.isArray() && !d.array().isEmpty()) return d.array().at(0).toString();
    }
    return qs(json);
}

// A number for sorting: a JSON number's value, else NaN (then the text sorts).
QVariant fieldSortValue(const std::string& json) {
    bool ok = false;
    const double v = QString::fromStdString(json).toDouble(&ok);
    if (ok) return v;
    if (json == "true") return 1.0;
    if (json == "false") return 0.0;
    return fieldText(json);
}

const std::string* valueOf(const std::vector<std::pair<std::string, std::string>>& values, const std::string& key) {
    for (const auto& [k, v] : values)
        if (k == key) return &v;
    return nullptr;
}

// A translated header and tooltip of each result column (api::resultColumns' keys).
QString resultHeader(const api::ResultColumn& c) {
    const std::string k = c.key;
    if (k == "nn1") return RunsTableModel::tr("1-NN acc.");
    if (k == "knn") return RunsTableModel::tr("k-NN acc.");
    if (k == "auc") return RunsTableModel::tr("AUC");
    if (k == "baseline_nn1") return RunsTableModel::tr("init 1-NN");
    if (k == "baseline_knn") return RunsTableModel::tr("init k-NN");
    if (k == "baseline_auc") return RunsTableModel::tr("init AUC");
    if (k == "best_live_knn") return RunsTableModel::tr("best live k-NN");
    if (k == "best_live_knn_step") return RunsTableModel::tr("at step");
    if (k == "teacher_entropy") return RunsTableModel::tr("entropy (nats)");
    if (k == "pseudo_labels_used") return RunsTableModel::tr("labels used");
    return QString::fromUtf8(c.header);
}

QString resultTip(const api::ResultColumn& c) {
    const std::string k = c.key;
    if (k == "nn1") return RunsTableModel::tr("1-nearest-neighbour accuracy of the trained teacher (eval.json), 0 to 1");
    if (k == "knn") return RunsTableModel::tr("Weighted k-NN accuracy of the trained teacher (eval.json), 0 to 1");
    if (k == "auc") return RunsTableModel::tr("Macro one-vs-rest ROC AUC of the k-NN scores (eval.json)");
    if (k == "baseline_nn1") return RunsTableModel::tr("1-NN accuracy of the random-init model, the floor to beat");
    if (k == "baseline_knn") return RunsTableModel::tr("Weighted k-NN accuracy of the random-init model");
    if (k == "baseline_auc") return RunsTableModel::tr("AUC of the random-init model");
    if (k == "best_live_knn") return RunsTableModel::tr("Highest weighted k-NN accuracy of the live curve (knn.csv)");
    if (k == "best_live_knn_step") return RunsTableModel::tr("The step of the best live k-NN point");
    if (k == "teacher_entropy") return RunsTableModel::tr("Teacher entropy of the last step, in nats (low: one-hot collapse)");
    if (k == "pseudo_labels_used") return RunsTableModel::tr("Pseudo-labels (prototypes) used (pseudo_labels.json)");
    return {};
}

QString stateText(api::RunState s) {
    switch (s) {
        case api::RunState::Created: return RunsTableModel::tr("created");
        case api::RunState::Training: return RunsTableModel::tr("training");
        case api::RunState::Finished: return RunsTableModel::tr("finished");
        case api::RunState::Stopped: return RunsTableModel::tr("stopped");
        case api::RunState::Failed: return RunsTableModel::tr("failed");
        case api::RunState::Collapsed: return RunsTableModel::tr("collapsed");
    }
    return {};
}

QVariant stateColor(api::RunState s) {
    switch (s) {
        case api::RunState::Training: return QBrush(QColor(0x1565c0));
        case api::RunState::Failed: return QBrush(QColor(0xc62828));
        case api::RunState::Collapsed: return QBrush(QColor(0xb35c00));
        default: return {};
    }
}

// A long header on two lines (broken at the space nearest its middle), so that columns stay narrow and
// their headers whole.
QString twoLines(const QString& h) {
    if (h.size() <= 12) return h;
    int best = -1;
    for (int i = 0; i < h.size(); ++i)
        if (h[i] == QLatin1Char(' ') && (best < 0 || std::abs(i - h.size() / 2) < std::abs(best - h.size() / 2))) best = i;
    if (best < 0) return h;
    QString out = h;
    out[best] = QLatin1Char('\n');
    return out;
}

QString groupKey(const std::vector<std::pair<std::string, std::string>>& values) {
    QString key = QStringLiteral("group:");
    for (const auto& [k, v] : values)
        if (k != "system.seed") key += qs(k) + QLatin1Char('=') + qs(v) + QLatin1Char('\n');
    return key;
}

}  // namespace

RunsTableModel::RunsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString RunsTableModel::durationText(double s) {
    if (!std::isfinite(s) || s <= 0) return {};
    const auto t = static_cast<qint64>(std::llround(s));
    if (t < 60) return QStringLiteral("%1s").arg(t);
    if (t < 3600) return QStringLiteral("%1m%2s").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(t / 3600).arg(t / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString RunsTableModel::meanSdText(const api::Stat& s, int decimals) {
    if (s.n == 0) return {};
    QString t = fixedText(s.mean, decimals);
    if (std::isfinite(s.sd)) t += QStringLiteral(" ± ") + fixedText(s.sd, decimals);
    return t;
}

QString RunsTableModel::statusText(const api::RunRow& r) const {
    if (!r.error.empty()) return tr("unreadable");
    if (r.writer) return tr("training (pid %1, %2)").arg(r.writer->pid).arg(qs(r.writer->host));
    if (r.state == api::RunState::Stopped && r.detail == "killed") return tr("stopped (killed)");
    if (r.state == api::RunState::Stopped && r.detail.rfind("pruned", 0) == 0)  // by its sweep's early stopping
        return tr("stopped (%1)").arg(qs(r.detail));
    if (r.state == api::RunState::Failed && !r.detail.empty()) return tr("failed: %1").arg(qs(r.detail));
    return stateText(r.state);
}

std::vector<RunsTableModel::Column> RunsTableModel::makeColumns(const api::RunTable& t) const {
    std::vector<Column> c = {{Kind::Name, "name"}, {Kind::Status, "status"}};
    if (!t.groups.empty()) c.insert(c.end(), {{Kind::Seeds, "seeds"}, {Kind::N, "n"}});
    c.insert(c.end(), {{Kind::Started, "started"}, {Kind::Wall, "wall"}, {Kind::Steps, "steps"}, {Kind::Speed, "images_per_s"}});
    for (const auto& f : t.fields) c.push_back({Kind::Field, f});
    for (size_t i = 0; i < api::resultColumns().size(); ++i)
        c.push_back({Kind::Result, api::resultColumns()[i].key, static_cast<int>(i)});
    c.insert(c.end(), {{Kind::Collapse, "collapse"}, {Kind::Tags, "tags"}, {Kind::Sweep, "sweep"}});
    return c;
}

std::vector<RunsTableModel::Item> RunsTableModel::makeItems(const api::RunTable& t) const {
    std::vector<Item> items;
    if (t.groups.empty()) {
        for (size_t i = 0; i < t.rows.size(); ++i) items.push_back({qs(t.rows[i].dir), {i}, -1});
        return items;
    }
    for (size_t g = 0; g < t.groups.size(); ++g) {
        const auto& first = t.rows[t.groups[g].members.front()];
        // A group is known by its configuration without the seed, so that a seed joining it keeps the row.
        const QString key = first.error.empty() ? groupKey(values_[t.groups[g].members.front()]) : qs(first.dir);
        items.push_back({key, t.groups[g].members, static_cast<int>(g)});
    }
    return items;
}

bool RunsTableModel::setTable(const api::RunTable& table, const std::vector<QString>& sweeps) {
    std::vector<std::vector<std::pair<std::string, std::string>>> values;
    values.reserve(table.rows.size());
    for (const auto& r : table.rows)
        values.push_back(r.error.empty() ? api::configFieldValues(r.config) : decltype(values)::value_type{});
    const std::vector<Column> columns = makeColumns(table);
    if (columns != columns_) {
        beginResetModel();
        table_ = table;
        sweeps_ = sweeps;
        values_ = std::move(values);
        columns_ = columns;
        items_ = makeItems(table_);
        endResetModel();
        return true;
    }
    // Same columns: rows that went are removed, rows that stayed are updated, new rows are appended
    // (the proxy sorts them), so that the views keep their selection.
    std::swap(values_, values);
    std::vector<Item> fresh = makeItems(table);
    std::swap(values_, values);
    std::map<QString, size_t> freshIndex;
    for (size_t i = 0; i < fresh.size(); ++i) freshIndex.emplace(fresh[i].key, i);
    for (int i = static_cast<int>(items_.size()) - 1; i >= 0; --i) {
        if (freshIndex.count(items_[static_cast<size_t>(i)].key)) continue;
        beginRemoveRows({}, i, i);
        items_.erase(items_.begin() + i);
        endRemoveRows();
    }
    table_ = table;
    sweeps_ = sweeps;
    values_ = std::move(values);
    std::vector<bool> kept(fresh.size(), false);
    for (auto& item : items_) {
        const size_t f = freshIndex.at(item.key);
        item = fresh[f];
        kept[f] = true;
    }
    std::vector<Item> added;
    for (size_t i = 0; i < fresh.size(); ++i)
        if (!kept[i]) added.push_back(fresh[i]);
    if (!added.empty()) {
        const int first = static_cast<int>(items_.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        items_.insert(items_.end(), added.begin(), added.end());
        endInsertRows();
    }
    if (!items_.empty()) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return false;
}

std::vector<size_t> RunsTableModel::members(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return items_[static_cast<size_t>(row)].members;
}

QStringList RunsTableModel::dirs(int row) const {
    QStringList out;
    for (size_t i : members(row)) out << qs(table_.rows[i].dir);
    return out;
}

int RunsTableModel::columnOf(Kind kind, const std::string& key) const {
    for (size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].kind == kind && (key.empty() || columns_[i].key == key)) return static_cast<int>(i);
    return -1;
}

int RunsTableModel::rowOfDir(const QString& dir) const {
    for (int r = 0; r < rowCount(); ++r)
        if (dirs(r).contains(dir)) return r;
    return -1;
}

int RunsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

int RunsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const Column& c = columns_[static_cast<size_t>(section)];
    if (role == KeyRole) return c.kind == Kind::Result ? QStringLiteral("result:") + qs(c.key) : qs(c.key);
    if (role == Qt::DisplayRole) return twoLines(headerData(section, orientation, HeaderTextRole).toString());
    if (role == HeaderTextRole) {
        switch (c.kind) {
            case Kind::Name: return tr("Run");
            case Kind::Status: return tr("Status");
            case Kind::Started: return tr("Started");
            case Kind::Wall: return tr("Wall time");
            case Kind::Steps: return tr("Steps (done/total)");
            case Kind::Speed: return tr("images/s");
            case Kind::Seeds: return tr("Seeds");
            case Kind::N: return tr("n");
            case Kind::Field: {
                const FieldDescriptor* d = findConfigField(c.key);
                const QString label = fieldLabel(qs(c.key));
                // The unit, unless the label names it already ("Use first N images (0 = all)").
                return d && !d->unit.empty() && !label.contains(qs(d->unit)) ? tr("%1 (%2)").arg(label, qs(d->unit)) : label;
            }
            case Kind::Result: {
                // Grouped, the cells say "mean ± sd" themselves; the tooltip explains it.
                return resultHeader(api::resultColumns()[static_cast<size_t>(c.result)]);
            }
            case Kind::Collapse: return tr("Collapse");
            case Kind::Tags: return tr("Tags");
            case Kind::Sweep: return tr("Sweep");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (c.kind) {
            case Kind::Name: return tr("The run's folder below the listed folder");
            case Kind::Status:
                return tr("training (a process holds the run's lock: its pid and host), finished, stopped, failed, "
                          "collapsed (ended with a collapse verdict) or created");
            case Kind::Started: return tr("When training started (local time)");
            case Kind::Wall: return tr("Training time, summed over the processes that trained the run");
            case Kind::Steps: return tr("Optimizer steps done / planned");
            case Kind::Speed: return tr("Training throughput: the median images per second over the steps");
            case Kind::Seeds: return tr("The seeds (system.seed) of the group's runs");
            case Kind::N: return tr("Runs in the group");
            case Kind::Field: {
                const QString help = fieldHelpText(qs(c.key));
                return help.isEmpty() ? qs(c.key) : QStringLiteral("%1\n%2").arg(qs(c.key), help);
            }
            case Kind::Result: {
                QString tip = resultTip(api::resultColumns()[static_cast<size_t>(c.result)]);
                if (grouped()) tip += tr("\nGroups: mean ± sample standard deviation over the seeds (n − 1).");
                return tip;
            }
            case Kind::Collapse: return tr("The collapse guard's verdict (status.json)");
            case Kind::Tags: return tr("Your tags (tags.json in the run folder)");
            case Kind::Sweep: return tr("The sweep the run belongs to (a folder with sweep.json above it)");
        }
    }
    return {};
}

QVariant RunsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const Item& item = items_[static_cast<size_t>(index.row())];
    for (size_t i : item.members)
        if (i >= table_.rows.size()) return {};
    if (role == DirsRole) return dirs(index.row());
    if (role == Qt::FontRole) {  // a hidden run, shown by "Show hidden": in italics
        bool hidden = true;
        for (size_t i : item.members) hidden = hidden && table_.rows[i].hidden;
        if (!hidden) return {};
        QFont f;
        f.setItalic(true);
        return f;
    }
    return cell(item, columns_[static_cast<size_t>(index.column())], role);
}

QVariant RunsTableModel::cell(const Item& item, const Column& c, int role) const {
    const api::RunRow& first = table_.rows[item.members.front()];
    const bool group = item.group >= 0 && item.members.size() > 1;
    if (role == Qt::TextAlignmentRole)
        return numeric(c.kind) || c.kind == Kind::Field ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                        : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    const double nan = api::kNoValue;
    auto meanOf = [&](auto get) {
        std::vector<double> v;
        for (size_t i : item.members) v.push_back(get(table_.rows[i]));
        return api::summarize(v).mean;
    };

    switch (c.kind) {
        case Kind::Name: {
            const QString name = group ? tr("%1 +%2").arg(qs(first.name)).arg(item.members.size() - 1) : qs(first.name);
            if (role == Qt::DisplayRole || role == SortRole) return name;
            if (role == Qt::ToolTipRole) {
                QStringList d;
                for (size_t i : item.members)
                    d << QDir::toNativeSeparators(qs(table_.rows[i].dir)) + (table_.rows[i].hidden ? tr(" (hidden)") : QString());
                return d.join(QLatin1Char('\n'));
            }
            return {};
        }
        case Kind::Status: {
            if (!group) {
                if (role == Qt::DisplayRole) return statusText(first);
                if (role == SortRole) return qs(api::runStateName(first.state));
                if (role == Qt::ForegroundRole) return stateColor(first.state);
                if (role == Qt::ToolTipRole) {
                    if (!first.error.empty()) return qs(first.error);
                    if (first.writer) return qs(api::describeWriter(*first.writer));
                    return first.detail.empty() ? QVariant() : QVariant(qs(first.detail));
                }
                return {};
            }
            std::map<int, int> counts;
            for (size_t i : item.members) ++counts[static_cast<int>(table_.rows[i].state)];
            if (role == Qt::DisplayRole) {
                // Counted by state; a sweep's trials its early-stopping rule stopped count as "pruned".
                std::map<int, std::pair<QString, int>> shown;
                for (size_t i : item.members) {
                    const api::RunRow& r = table_.rows[i];
                    const bool pruned = r.state == api::RunState::Stopped && r.detail.rfind("pruned", 0) == 0;
                    auto& e = shown[2 * static_cast<int>(r.state) + (pruned ? 1 : 0)];
                    e.first = pruned ? tr("pruned") : stateText(r.state);
                    ++e.second;
                }
                if (shown.size() == 1) return shown.begin()->second.first;
                QStringList parts;
                for (const auto& [k, e] : shown) parts << QStringLiteral("%1 %2").arg(e.second).arg(e.first);
                return parts.join(QStringLiteral(", "));
            }
            if (role == SortRole) return qs(api::runStateName(api::RunState(counts.begin()->first)));
            if (role == Qt::ForegroundRole)
                return counts.count(int(api::RunState::Training)) ? stateColor(api::RunState::Training)
                       : counts.size() == 1                       ? stateColor(first.state)
                                                                  : QVariant();
            if (role == Qt::ToolTipRole) {
                QStringList lines;
                for (size_t i : item.members) lines << QStringLiteral("%1: %2").arg(qs(table_.rows[i].name), statusText(table_.rows[i]));
                return lines.join(QLatin1Char('\n'));
            }
            return {};
        }
        case Kind::Started: {
            QString s = qs(first.started);
            for (size_t i : item.members)
                if (!table_.rows[i].started.empty() && (s.isEmpty() || qs(table_.rows[i].started) < s)) s = qs(table_.rows[i].started);
            return role == Qt::DisplayRole || role == SortRole ? QVariant(s) : QVariant();
        }
        case Kind::Wall: {
            const double w = meanOf([](const api::RunRow& r) { return r.wall_seconds > 0 ? r.wall_seconds : api::kNoValue; });
            if (role == Qt::DisplayRole) return durationText(w);
            if (role == SortRole) return std::isfinite(w) ? w : nan;
            if (role == Qt::ToolTipRole && group) return tr("Mean over the group's runs");
            return {};
        }
        case Kind::Steps: {
            if (role == SortRole) return double(first.steps);
            if (role != Qt::DisplayRole) return {};
            if (group) {
                QStringList parts;
                bool same = true;
                for (size_t i : item.members) same = same && table_.rows[i].steps == first.steps && table_.rows[i].total_steps == first.total_steps;
                if (!same) {
                    for (size_t i : item.members) parts << QString::number(table_.rows[i].steps);
                    return parts.join(QStringLiteral(", "));
                }
            }
            return first.total_steps > 0 ? QStringLiteral("%1/%2").arg(first.steps).arg(first.total_steps)
                                         : QString::number(first.steps);
        }
        case Kind::Speed: {
            const double v = meanOf([](const api::RunRow& r) { return r.images_per_s; });
            if (role == Qt::DisplayRole) return fixedText(v, v >= 100 ? 0 : 1);
            if (role == SortRole) return v;
            return {};
        }
        case Kind::Seeds: {
            QStringList s;
            for (size_t i : item.members) s << QString::number(table_.rows[i].config.system.seed);
            if (role == Qt::DisplayRole) return s.join(QStringLiteral(", "));
            if (role == SortRole) return double(first.config.system.seed);
            return {};
        }
        case Kind::N:
            return role == Qt::DisplayRole || role == SortRole ? QVariant(int(item.members.size())) : QVariant();
        case Kind::Field: {
            const std::string* v = valueOf(values_[item.members.front()], c.key);
            if (!v) return {};
            if (role == Qt::DisplayRole) return fieldText(*v);
            if (role == SortRole) return fieldSortValue(*v);
            if (role == Qt::ToolTipRole) return QStringLiteral("%1 = %2").arg(qs(c.key), qs(*v));
            return {};
        }
        case Kind::Result: {
            const auto& rc = api::resultColumns()[static_cast<size_t>(c.result)];
            if (item.group >= 0) {
                const api::Stat& s = table_.groups[static_cast<size_t>(item.group)].results[static_cast<size_t>(c.result)];
                if (role == SortRole) return s.n ? s.mean : nan;
                if (role == Qt::DisplayRole) {
                    QString t = meanSdText(s, rc.decimals + (rc.decimals == 0 && s.n > 1 ? 1 : 0));
                    if (s.n > 0 && s.n < int(item.members.size())) t += tr(" (n=%1)").arg(s.n);
                    return t;
                }
                if (role == Qt::ToolTipRole && s.n > 0) {
                    QStringList v;
                    for (size_t i : item.members) {
                        const double x = rc.get(table_.rows[i]);
                        v << QStringLiteral("%1: %2").arg(qs(table_.rows[i].name), std::isfinite(x) ? fixedText(x, rc.decimals + 2) : tr("none"));
                    }
                    return tr("mean %1, sd %2, n %3\n%4")
                        .arg(fixedText(s.mean, rc.decimals + 2), std::isfinite(s.sd) ? fixedText(s.sd, rc.decimals + 2) : tr("—"))
                        .arg(s.n)
                        .arg(v.join(QLatin1Char('\n')));
                }
                return {};
            }
            const double v = rc.get(first);
            if (role == Qt::DisplayRole) return fixedText(v, rc.decimals);
            if (role == SortRole) return v;
            return {};
        }
        case Kind::Collapse: {
            QStringList s;
            for (size_t i : item.members)
                if (!table_.rows[i].collapse.empty() && !s.contains(qs(table_.rows[i].collapse))) s << qs(table_.rows[i].collapse);
            return role == Qt::DisplayRole || role == SortRole ? QVariant(s.join(QStringLiteral(", "))) : QVariant();
        }
        case Kind::Tags: {
            QStringList s;
            for (size_t i : item.members)
                for (const auto& t : table_.rows[i].tags)
                    if (!s.contains(qs(t))) s << qs(t);
            return role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole ? QVariant(s.join(QStringLiteral(", ")))
                                                                                          : QVariant();
        }
        case Kind::Sweep: {
            const QString s = item.members.front() < sweeps_.size() ? sweeps_[item.members.front()] : QString();
            if (role == Qt::DisplayRole || role == SortRole) return QFileInfo(s).fileName();
            if (role == Qt::ToolTipRole) return QDir::toNativeSeparators(s);
            return {};
        }
    }
    return {};
}

// ---- sorting and the brushing filter ---------------------------------------------------------------

RunsSortProxy::RunsSortProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(RunsTableModel::SortRole);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void RunsSortProxy::setRunFilter(const QStringList& dirs, bool active) {
    filter_ = QSet<QString>(dirs.begin(), dirs.end());
    filterActive_ = active;
    invalidateFilter();
}

bool RunsSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!filterActive_) return true;
    const QStringList dirs = sourceModel()->index(sourceRow, 0, sourceParent).data(RunsTableModel::DirsRole).toStringList();
    return std::any_of(dirs.begin(), dirs.end(), [&](const QString& d) { return filter_.contains(d); });
}

bool RunsSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant l = left.data(sortRole()), r = right.data(sortRole());
    auto missing = [](const QVariant& v) {
        if (!v.isValid()) return true;
        if (v.typeId() == QMetaType::Double) return !std::isfinite(v.toDouble());
        if (v.typeId() == QMetaType::QString) return v.toString().isEmpty();
        return false;
    };
    const bool lm = missing(l), rm = missing(r);
    // Missing values last whichever way the column is sorted: Qt reverses lessThan for a descending sort.
    if (lm || rm) {
        if (lm && rm) return false;
        return sortOrder() == Qt::AscendingOrder ? rm : lm;
    }
    const bool ln = l.typeId() == QMetaType::Double || l.typeId() == QMetaType::Int;
    const bool rn = r.typeId() == QMetaType::Double || r.typeId() == QMetaType::Int;
    if (ln && rn) return l.toDouble() < r.toDouble();
    if (ln != rn) return ln;  // numbers before texts in a mixed column
    return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace dino::ui
