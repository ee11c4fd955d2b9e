#include "paired_panel.h"

#include "config_fields.h"
#include "qt_types.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace dino::ui {

namespace {

// Sorts by its number (Qt::UserRole; an empty cell last), not by its text.
class NumberItem : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override {
        const double a = data(Qt::UserRole).toDouble(), b = other.data(Qt::UserRole).toDouble();
        if (std::isnan(a) || std::isnan(b)) return !std::isnan(a) && std::isnan(b);
        return a < b;
    }
};

QString headerOf(const api::PairedColumn& c) {
    const std::string k = c.key;
    if (k == "gain_knn") return PairedPanel::tr("Δ gain k-NN");
    if (k == "gain_probe") return PairedPanel::tr("Δ gain probe");
    if (k == "knn") return PairedPanel::tr("Δ k-NN");
    if (k == "probe") return PairedPanel::tr("Δ probe");
    if (k == "nn1") return PairedPanel::tr("Δ 1-NN");
    if (k == "auc") return PairedPanel::tr("Δ AUC");
    return QString::fromUtf8(c.header);
}

QString tipOf(const api::PairedColumn& c) {
    const std::string k = c.key;
    if (k == "gain_knn")
        return PairedPanel::tr("Weighted k-NN accuracy minus the random-init model's (the same seed's), against the "
                               "reference's, in points");
    if (k == "gain_probe")
        return PairedPanel::tr("Linear-probe accuracy minus the random-init model's, against the reference's, in points");
    if (k == "auc") return PairedPanel::tr("AUC × 100 against the reference's");
    return PairedPanel::tr("The teacher's accuracy against the reference's, in points");
}

// The engine's numbers (api::signedPoints, api::pairedText, api::pairedIntervalText) with typographic minus signs.
QString withMinus(const std::string& text) { return qs(text).replace(QLatin1Char('-'), QStringLiteral("−")); }

// "num_global=4 momentum=0.95": the table's differing fields by the last part of their keys.
QString fieldsText(const api::RunTable& t, const api::RunGroup& g) {
    QStringList parts;
    const auto values = api::configFieldValues(t.rows[g.members.front()].config);
    for (const auto& f : t.fields)
        for (const auto& [k, v] : values)
            if (k == f) {
                QString value = qs(v);
                if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
                    value = value.mid(1, value.size() - 2);
                parts << qs(f.substr(f.find('.') + 1)) + QLatin1Char('=') + value;
            }
    return parts.join(QLatin1Char(' '));
}

}  // namespace

PairedPanel::PairedPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("pairedPanel"));
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("Against:"), this);
    combo_ = new QComboBox(this);
    combo_->setObjectName(QStringLiteral("pairedReference"));
    combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo_->setToolTip(tr("The configuration every other one is compared with, seed by seed"));
    label->setBuddy(combo_);
    bar->addWidget(label);
    bar->addWidget(combo_, 1);
    lay->addLayout(bar);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("pairedMessage"));
    message_->setWordWrap(true);
    lay->addWidget(message_);
    cells_ = new QTableWidget(this);
    cells_->setObjectName(QStringLiteral("pairedTable"));
    cells_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    cells_->setSelectionBehavior(QAbstractItemView::SelectRows);
    cells_->verticalHeader()->hide();
    cells_->setSortingEnabled(true);
    lay->addWidget(cells_, 1);
    connect(combo_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0) return;
        referenceDir_ = combo_->itemData(i).toString();
        rebuild();
    });
    rebuild();
}

void PairedPanel::setReference(const QString& runDir) {
    referenceDir_ = runDir;
    rebuild();
}

void PairedPanel::showTable(const api::RunTable& visible) {
    // What the cells are made of: the groups, their runs' seeds and figures, the fields shown. The timer re-reads
    // the table every few seconds while runs train; unchanged, the cells (and the user's scroll and selection)
    // stay as they are.
    QString key = QString::number(visible.rows.size()) + QLatin1Char('|');
    for (const auto& f : visible.fields) key += qs(f) + QLatin1Char(',');
    for (const auto& g : visible.groups) {
        key += QLatin1Char('|');
        for (size_t k = 0; k < g.members.size(); ++k) {
            const api::RunRow& r = visible.rows[g.members[k]];
            key += qs(r.dir) + QLatin1Char(':') + QString::number(g.seeds[k]);
            for (const auto& c : api::pairedColumns()) key += QLatin1Char(':') + QString::number(c.get(r), 'g', 17);
            key += QLatin1Char(';');
        }
    }
    if (hasTable_ && key == shown_) return;
    hasTable_ = true;
    shown_ = key;
    table_ = visible;
    rebuild();
}

void PairedPanel::rebuild() {
    const api::RunTable& t = table_;
    // The reference: the group holding the chosen run, else the first group.
    std::optional<size_t> ref;
    if (!referenceDir_.isEmpty()) ref = api::groupOfRun(t, referenceDir_.toStdString());
    if (!ref && !t.groups.empty()) ref = 0;
    {
        const QSignalBlocker block(combo_);
        combo_->clear();
        for (const auto& g : t.groups) {
            const QString fields = fieldsText(t, g);
            combo_->addItem(fields.isEmpty() ? qs(api::groupName(t, g)) : tr("%1 · %2").arg(qs(api::groupName(t, g)), fields),
                            qs(t.rows[g.members.front()].dir));
        }
        if (ref) combo_->setCurrentIndex(static_cast<int>(*ref));
        combo_->setEnabled(t.groups.size() > 1);
    }
    if (ref) referenceDir_ = qs(t.rows[t.groups[*ref].members.front()].dir);

    const auto& cols = api::pairedColumns();
    const bool sorting = cells_->isSortingEnabled();
    cells_->setSortingEnabled(false);
    cells_->clear();
    cells_->setRowCount(0);
    // The figures before the fields, so that they stay in view on a narrow window.
    QStringList header = {tr("Configuration"), tr("Seeds paired")};
    for (const auto& c : cols) header << headerOf(c);
    header << tr("Differs in");
    cells_->setColumnCount(header.size());
    cells_->setHorizontalHeaderLabels(header);
    for (size_t k = 0; k < cols.size(); ++k)
        cells_->horizontalHeaderItem(2 + static_cast<int>(k))->setToolTip(tipOf(cols[k]));

    if (t.groups.empty()) {
        message_->setText(t.rows.empty() ? tr("No runs listed.")
                                         : tr("Turn on “Group seeds” in the table above: pairing compares seed groups."));
        cells_->setSortingEnabled(sorting);
        return;
    }
    if (t.groups.size() < 2) {
        message_->setText(tr("One configuration listed: run another with the same seeds to compare them seed by seed."));
        cells_->setSortingEnabled(sorting);
        return;
    }
    message_->setText(tr("Each cell: this configuration minus the reference, on each seed both ran (the same random "
                         "init and data order), in points: the mean ± sd over those seeds, and (seeds ahead / seeds "
                         "paired). Green: ahead on every seed; red: behind on every seed. Hover a cell for each seed and the "
                         "95 % interval of the mean difference."));

    const auto paired = api::pairGroups(t, *ref);
    std::vector<std::map<uint64_t, double>> refValues;
    for (const auto& c : cols) refValues.push_back(api::groupValuesBySeed(t, t.groups[*ref], c.get));
    for (size_t g = 0; g < t.groups.size(); ++g) {
        if (g == *ref) continue;
        const int row = cells_->rowCount();
        cells_->insertRow(row);
        auto* name = new QTableWidgetItem(qs(api::groupName(t, t.groups[g])));
        name->setData(Qt::UserRole, qs(t.rows[t.groups[g].members.front()].dir));
        name->setToolTip(qs(t.rows[t.groups[g].members.front()].dir));
        cells_->setItem(row, 0, name);
        cells_->setItem(row, 2 + static_cast<int>(cols.size()), new QTableWidgetItem(fieldsText(t, t.groups[g])));
        const std::vector<uint64_t> shared = api::sharedSeeds(t.groups[g], t.groups[*ref]);
        QStringList seedText;
        for (uint64_t s : shared) seedText << QString::number(s);
        cells_->setItem(row, 1, new QTableWidgetItem(shared.empty() ? tr("none") : seedText.join(QLatin1Char(','))));
        for (size_t k = 0; k < cols.size(); ++k) {
            const api::Paired& p = paired[g][k];
            auto* item = new NumberItem;
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setData(Qt::UserRole, p.diff.n > 0 ? p.diff.mean : std::nan(""));
            if (p.diff.n > 0) {
                item->setText(withMinus(api::pairedText(p)));
                // Each seed's difference, for the tooltip and the tint.
                const auto mine = api::groupValuesBySeed(t, t.groups[g], cols[k].get);
                QStringList tip;
                int behind = 0;
                for (uint64_t s : shared) {
                    const auto a = mine.find(s);
                    const auto b = refValues[k].find(s);
                    if (a == mine.end() || b == refValues[k].end()) continue;
                    behind += a->second - b->second < -1e-9;
                    tip << tr("seed %1: %2 (%3 against %4)")
                               .arg(s)
                               .arg(withMinus(api::signedPoints(a->second - b->second)))
                               .arg(100.0 * a->second, 0, 'f', 1)
                               .arg(100.0 * b->second, 0, 'f', 1);
                }
                if (p.hasInterval())
                    tip << tr("95 % interval of the mean difference (Student's t, %n degree(s) of freedom): %1 points; "
                              "one that spans 0 is no evidence either way", "", p.diff.n - 1)
                               .arg(withMinus(api::pairedIntervalText(p)));
                item->setToolTip(tip.join(QLatin1Char('\n')));
                // Light tints, with dark text so that a dark palette stays readable.
                const bool allAhead = p.diff.n >= 2 && p.ahead == p.diff.n, allBehind = p.diff.n >= 2 && behind == p.diff.n;
                if (allAhead || allBehind) {
                    item->setBackground(QColor(allAhead ? 0xc8e6c9 : 0xffcdd2));
                    item->setForeground(QColor(0x1b1b1b));
                }
            }
            cells_->setItem(row, 2 + static_cast<int>(k), item);
        }
    }
    cells_->setSortingEnabled(sorting);
    cells_->resizeColumnsToContents();
}

}  // namespace dino::ui
