#include "config_diff_panel.h"

#include "chart_export.h"
#include "config_fields.h"
#include "qt_types.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dino::ui {

namespace {
QString csvField(const QString& s) {
    if (!s.contains(',') && !s.contains('"') && !s.contains('\n')) return s;
    QString q = s;
    q.replace('"', QStringLiteral("\"\""));
    return '"' + q + '"';
}
}  // namespace

ConfigDiffPanel::ConfigDiffPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("configDiffPanel");
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    diffOnly_ = new QCheckBox(tr("Differences only"), this);
    diffOnly_->setObjectName("differencesOnly");
    diffOnly_->setChecked(true);
    diffOnly_->setToolTip(tr("Show only the fields whose values are not the same in every selected run"));
    copy_ = new QPushButton(tr("Copy as CSV"), this);
    copy_->setObjectName("copyDiffCsv");
    copy_->setToolTip(tr("Copy the table to the clipboard as CSV (one column per run)"));
    export_ = new QPushButton(QIcon(":/icons/export.svg"), tr("Export CSV…"), this);
    export_->setObjectName("exportDiffCsv");
    note_ = new QLabel(this);
    note_->setObjectName("diffNote");
    bar->addWidget(diffOnly_);
    bar->addSpacing(12);
    bar->addWidget(note_, 1);
    bar->addWidget(copy_);
    bar->addWidget(export_);
    lay->addLayout(bar);
    table_ = new QTableWidget(this);
    table_->setObjectName("configDiffTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    lay->addWidget(table_, 1);

    connect(diffOnly_, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(csv()); });
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export configuration diff"),
                                                          suggestedExportPath(this, "config-diff", "csv"), tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        rememberExportFolder(path);
        if (const QString err = exportCsv(path); !err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
    });
    rebuild();
}

void ConfigDiffPanel::showSelection(const api::RunTable& selected) {
    std::vector<api::RunRow> rows;
    QString shown;
    for (const auto& r : selected.rows) {
        if (!r.error.empty()) continue;
        rows.push_back(r);
        shown += qs(r.dir) + '|' + qs(r.name) + '\n';
        for (const auto& [k, v] : api::configFieldValues(r.config)) shown += qs(k) + '=' + qs(v) + '\n';
    }
    if (shown == shown_) return;  // the same runs with the same configurations: nothing to redraw
    shown_ = shown;
    rows_ = std::move(rows);
    differing_ = api::differingFields(rows_);
    rebuild();
}

QStringList ConfigDiffPanel::shownFields() const {
    QStringList out;
    for (int r = 0; r < table_->rowCount(); ++r) out << table_->verticalHeaderItem(r)->data(Qt::UserRole).toString();
    return out;
}

void ConfigDiffPanel::rebuild() {
    std::vector<std::string> keys;
    if (diffOnly_->isChecked()) {
        keys = differing_;
    } else if (!rows_.empty()) {
        for (const auto& [k, v] : api::configFieldValues(rows_.front().config)) keys.push_back(k);
    }
    table_->clear();
    table_->setColumnCount(static_cast<int>(rows_.size()));
    table_->setRowCount(static_cast<int>(keys.size()));
    for (size_t c = 0; c < rows_.size(); ++c) {
        auto* h = new QTableWidgetItem(qs(rows_[c].name.empty() ? rows_[c].dir : rows_[c].name));
        h->setToolTip(qs(rows_[c].dir));
        table_->setHorizontalHeaderItem(static_cast<int>(c), h);
    }
    QFont bold = table_->font();
    bold.setBold(true);
    for (size_t r = 0; r < keys.size(); ++r) {
        const QString key = qs(keys[r]);
        const bool differs = std::find(differing_.begin(), differing_.end(), keys[r]) != differing_.end();
        auto* h = new QTableWidgetItem(fieldLabel(key));
        h->setData(Qt::UserRole, key);
        const QString help = fieldHelpText(key);
        h->setToolTip(help.isEmpty() ? key : QStringLiteral("%1\n%2").arg(key, help));
        if (differs && !diffOnly_->isChecked()) h->setFont(bold);
        table_->setVerticalHeaderItem(static_cast<int>(r), h);
        for (size_t c = 0; c < rows_.size(); ++c) {
            auto* item = new QTableWidgetItem(formatFieldValue(key, rows_[c].config));
            item->setToolTip(item->text());
            if (differs && !diffOnly_->isChecked()) {
                item->setFont(bold);
                item->setBackground(QColor(255, 243, 205));
            }
            table_->setItem(static_cast<int>(r), static_cast<int>(c), item);
        }
    }
    table_->resizeColumnsToContents();
    for (int c = 0; c < table_->columnCount(); ++c) table_->setColumnWidth(c, std::min(table_->columnWidth(c), 260));
    if (rows_.empty()) note_->setText(tr("Select runs in the table to compare their configurations."));
    else if (rows_.size() == 1) note_->setText(tr("One run selected: select more to see what differs."));
    else if (differing_.empty()) note_->setText(tr("The %1 selected runs have the same configuration.").arg(rows_.size()));
    else note_->setText(tr("Fields that differ between the %1 runs: %2 of %3.")
                            .arg(rows_.size())
                            .arg(differing_.size())
                            .arg(api::configFieldValues(rows_.front().config).size()));
    copy_->setEnabled(table_->rowCount() > 0);
    export_->setEnabled(table_->rowCount() > 0);
}

QString ConfigDiffPanel::csv() const {
    QString out = QStringLiteral("field,label");
    for (int c = 0; c < table_->columnCount(); ++c) out += ',' + csvField(table_->horizontalHeaderItem(c)->text());
    out += '\n';
    for (int r = 0; r < table_->rowCount(); ++r) {
        const QTableWidgetItem* h = table_->verticalHeaderItem(r);
        out += csvField(h->data(Qt::UserRole).toString()) + ',' + csvField(h->text());
        for (int c = 0; c < table_->columnCount(); ++c) out += ',' + csvField(table_->item(r, c)->text());
        out += '\n';
    }
    return out;
}

QString ConfigDiffPanel::exportCsv(const QString& path) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(csv().toUtf8()) < 0 || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

}  // namespace dino::ui
