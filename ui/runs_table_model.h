// The Experiments tab's table of runs as a Qt model: one row per run (or per seed group), over an
// api::RunTable (engine/api/run_table.h) that the panel (experiments_panel.h) makes from the runs it read
// off the GUI thread. Columns: name, status (live: "training (pid N, host)"), started, wall time, steps,
// images/s, [grouped: seeds, n], the configuration fields shown (those that differ, or all), the result
// columns of api::resultColumns() (grouped: mean ± sd), collapse verdict, tags, sweep.
//
// setTable() updates the model in place when the columns stay the same: rows are keyed (a run by its
// directory, a seed group by its configuration without the seed), so a refresh removes and inserts only
// the rows that went and came and emits dataChanged for the rest; selection, sort and scroll position
// survive. Numeric columns have a numeric SortRole (NaN for none: RunsSortProxy puts it last).
#pragma once

#include "api/run_table.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QSet>
#include <QStringList>

#include <string>
#include <vector>

namespace dino::ui {

class RunsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1,  // a double for numeric columns (NaN: none), else text
        DirsRole,                     // QStringList: the run directories of the row (a group: its members)
        KeyRole,                      // QString: the column's key ("name", "optim.lr", "result:knn", ...)
        HeaderTextRole,               // the header on one line (DisplayRole breaks a long one in two)
    };
    enum class Kind { Name, Status, Started, Wall, Steps, Speed, Seeds, N, Field, Result, Collapse, Tags, Sweep };
    struct Column {
        Kind kind = Kind::Name;
        std::string key;  // the config field's key (Field), the result's key (Result)
        int result = -1;  // index into api::resultColumns()
        bool operator==(const Column& o) const { return kind == o.kind && key == o.key; }
    };

    explicit RunsTableModel(QObject* parent = nullptr);

    // The table shown and, for each of its rows, the name of the sweep the run belongs to ("" for none).
    // Returns true when the columns changed (the model was reset).
    bool setTable(const api::RunTable& table, const std::vector<QString>& sweeps);
    const api::RunTable& table() const { return table_; }
    bool grouped() const { return !table_.groups.empty(); }

    // Indices into table().rows of a model row (a group row: its members, in table order).
    std::vector<size_t> members(int row) const;
    QStringList dirs(int row) const;
    const std::vector<Column>& columns() const { return columns_; }
    int columnOf(Kind kind, const std::string& key = {}) const;  // -1 when not shown
    int rowOfDir(const QString& dir) const;                      // the row holding the run, -1 when none

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Texts of the cells, shared with tests: "3m05s", "0.6500 ± 0.0707".
    static QString durationText(double seconds);
    static QString meanSdText(const api::Stat& s, int decimals);
    QString statusText(const api::RunRow& r) const;

private:
    struct Item {
        QString key;
        std::vector<size_t> members;
        int group = -1;  // index into table_.groups, -1 when not grouped
    };
    std::vector<Column> makeColumns(const api::RunTable& t) const;
    std::vector<Item> makeItems(const api::RunTable& t) const;
    QVariant cell(const Item& item, const Column& c, int role) const;

    api::RunTable table_;
    std::vector<QString> sweeps_;
    std::vector<std::vector<std::pair<std::string, std::string>>> values_;  // per table row: config fields (JSON text)
    std::vector<Column> columns_;
    std::vector<Item> items_;
};

// Sorting by SortRole with runs that have no value (NaN, empty) last in both directions, and the
// brushing filter of a view (only the rows that hold one of the given runs).
class RunsSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsSortProxy(QObject* parent = nullptr);
    void setRunFilter(const QStringList& dirs, bool active);
    bool runFilterActive() const { return filterActive_; }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QSet<QString> filter_;
    bool filterActive_ = false;
};

}  // namespace dino::ui
