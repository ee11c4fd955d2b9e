// The training's progress in the window's status bar ("Epoch 2/3 · step 13/24 · …" and a bar),
// following the training panel and the run controller's state.
#pragma once

#include "run_controller.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace dino::ui {

class TrainingPanel;

class RunStatusBar : public QObject {
    Q_OBJECT
public:
    RunStatusBar(QStatusBar* bar, TrainingPanel* training);
    void setState(RunController::State s);
    // Another process trains the run shown: the bar shows its progress as for a run trained here.
    void setFollowing(bool following);

private:
    void showProgress(const QString& text);

    TrainingPanel* training_;
    QLabel* text_ = nullptr;
    QProgressBar* progress_ = nullptr;
    bool following_ = false;
};

}  // namespace dino::ui
