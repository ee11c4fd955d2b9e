// The Experiments tab's paired comparison: the runs table's seed groups against one of them, seed by seed
// (api::pairGroups; `dino runs --against RUN` prints the same table). A seed fixes the random init and the
// order of the data, so the difference between two configurations on one seed cancels most of that seed's
// luck: with three to six seeds, a recipe ahead on every seed is told apart from one whose mean a single
// lucky seed moved.
//
// One row per other group: its name, the seeds paired, for each figure (the gains over random init in
// weighted k-NN and linear probe, then the k-NN, probe, 1-NN and AUC) the mean difference in points ± its sd
// over the seeds with seeds ahead / seeds paired, and last the configuration fields that differ. A cell ahead
// on every paired seed (two or more) is tinted green, one behind on every seed red; its tooltip lists each
// seed's difference. The reference is chosen in a combo box and kept, by its runs, across re-reads.
// Follows the table: showTable() on every re-read.
#pragma once

#include "api/run_table.h"
#include "experiments_view.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace dino::ui {

class PairedPanel : public QWidget, public ExperimentsView {
    Q_OBJECT
public:
    explicit PairedPanel(QWidget* parent = nullptr);

    void showTable(const api::RunTable& visible) override;

    // The reference: the seed group holding this run directory (kept while the group is listed).
    void setReference(const QString& runDir);
    QString referenceDir() const { return referenceDir_; }

    QComboBox* referenceCombo() const { return combo_; }
    QTableWidget* table() const { return cells_; }
    // Why nothing is paired (no seed groups, one configuration), or the line explaining the cells.
    QLabel* message() const { return message_; }

private:
    void rebuild();

    api::RunTable table_;
    bool hasTable_ = false;
    QString shown_;         // what the last table shown was made of (showTable skips an unchanged one)
    QString referenceDir_;  // the first run of the chosen reference group
    QComboBox* combo_ = nullptr;
    QLabel* message_ = nullptr;
    QTableWidget* cells_ = nullptr;
};

}  // namespace dino::ui
