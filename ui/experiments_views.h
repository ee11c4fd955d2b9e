// The Experiments tab's standard views, in their tab order: the comparison charts, the configuration diff,
// the hyperparameter views and the paired-by-seed table (experiments_view.h). The main window calls this
// once; the panel itself stays open to any view (tests add their own).
#pragma once

namespace dino::ui {

class ExperimentsPanel;

void addStandardViews(ExperimentsPanel* panel);

}  // namespace dino::ui
