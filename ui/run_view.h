// What every panel that shows a run implements, so that the main window fans a run out in one loop
// ("open a run", "a run starts", "training is active") instead of one call per panel and event.
#pragma once

#include "api/run_directory.h"
#include "common/config.h"

#include <QString>

namespace dino::ui {

class RunView {
public:
    virtual ~RunView() = default;
    // No run: the view empties (also before a new run starts).
    virtual void clearRun() = 0;
    // A run read from disk (snap.dir is absolute): the view shows what the run holds.
    virtual void showRun(const api::RunSnapshot& snap) = 0;
    // A run (new, or continued from its checkpoint) begins training in dir with cfg; its progress
    // follows through the run controller's signals.
    virtual void startRun(const QString& dir, const RunConfig& cfg) = 0;
    // A run trains in this process: heavy work of the view on the same run waits.
    virtual void setTrainingActive(bool) {}
};

}  // namespace dino::ui
