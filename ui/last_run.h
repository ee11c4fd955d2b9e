// At launch, the window shows the run it showed when it was closed: the newest of the recent runs (the
// window adds every run it shows to the front of that list). Not over unsaved edits that the form kept
// from the last session, which stay (the run is one click away in the Runs tab's recent list).
#pragma once

#include <QString>

namespace dino::ui {

class MainWindow;

// Opens the last run in w if there is one, it still exists and the form holds no unsaved edits. Returns the
// run opened, or "" (with the reason on the status bar when a run was there but not opened).
QString reopenLastRun(MainWindow& w);

}  // namespace dino::ui
