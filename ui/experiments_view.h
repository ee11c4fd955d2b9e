// What every view of the Experiments tab implements (the comparison charts, the configuration diff, the
// hyperparameter views): the tab's runs table (experiments_panel.h) owns the rows, reads them off the GUI
// thread and fans them out in one loop, as the main window does with RunView for a single run.
//
// Both calls come on the GUI thread, whenever the table was (re)read (a timer follows runs that train) or
// the user changed the filter or the selection; a view compares what it got with what it shows and
// redraws only what changed. A view that needs more than the rows (curves from metrics.csv / knn.csv)
// reads it through a BackgroundTask, never on the GUI thread.
#pragma once

#include "api/run_table.h"

#include <QObject>
#include <QStringList>

namespace dino::ui {

class ExperimentsView {
public:
    virtual ~ExperimentsView() = default;
    // Every run the table shows now (after the text, status and hide filters; not the brushing filter),
    // with the fields differing between them and, when the table groups seeds, its groups.
    virtual void showTable(const api::RunTable& visible) { (void)visible; }
    // The selected runs (a selected seed group selects its members), in table order, with the fields that
    // differ between them and, when the table groups seeds, their groups.
    virtual void showSelection(const api::RunTable& selected) { (void)selected; }
};

// A view that filters the table (brushing on the parallel coordinates): the table shows only these runs.
// Emitted by the view's QObject; the panel connects it when the view is added.
class RunFilterSource {
public:
    virtual ~RunFilterSource() = default;
    // Implemented as a Qt signal by the QObject: void runFilterChanged(const QStringList& dirs, bool active);
    // active false: no filter (every run shows).
};

}  // namespace dino::ui
