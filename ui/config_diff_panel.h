// The configuration diff of the selected runs (the Experiments tab, issue 24), as MLflow's "compare
// runs" shows it: the config fields as rows (their form labels; the key and help as tooltip), the runs
// as columns, values as the configuration form shows them. "Differences only" (on by default) keeps the
// fields whose values are not the same in every selected run; off, every field, the differing ones
// marked. Copy as CSV (the clipboard) or export a CSV file.
#pragma once

#include "experiments_view.h"

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace dino::ui {

class ConfigDiffPanel : public QWidget, public ExperimentsView {
    Q_OBJECT
public:
    explicit ConfigDiffPanel(QWidget* parent = nullptr);

    // ExperimentsView
    void showSelection(const api::RunTable& selected) override;

    QTableWidget* table() const { return table_; }
    QCheckBox* differencesOnly() const { return diffOnly_; }
    // The keys of the rows shown, in order.
    QStringList shownFields() const;
    // The table as CSV: field,label,<one column per run, by its name>.
    QString csv() const;
    // Writes csv() to path atomically; "" or a readable error.
    QString exportCsv(const QString& path) const;

private:
    void rebuild();

    std::vector<api::RunRow> rows_;  // the selected runs that could be read
    std::vector<std::string> differing_;
    QString shown_;  // what the table was built from (directories and configurations)
    QCheckBox* diffOnly_ = nullptr;
    QPushButton* copy_ = nullptr;
    QPushButton* export_ = nullptr;
    QLabel* note_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace dino::ui
