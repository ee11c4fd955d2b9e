#include "run_status_bar.h"

#include "training_panel.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

namespace dino::ui {

RunStatusBar::RunStatusBar(QStatusBar* bar, TrainingPanel* training) : QObject(bar), training_(training) {
    text_ = new QLabel(bar);
    text_->setObjectName("statusProgressText");
    text_->setMinimumWidth(60);  // a long progress line is cut, it does not widen the window
    progress_ = new QProgressBar(bar);
    progress_->setMaximumWidth(160);
    progress_->setTextVisible(false);
    progress_->hide();
    bar->addPermanentWidget(text_);
    bar->addPermanentWidget(progress_);
    connect(training_, &TrainingPanel::progressChanged, this, &RunStatusBar::showProgress);
}

void RunStatusBar::showProgress(const QString& text) {
    text_->setText(text);
    const qint64 total = training_->plannedSteps();
    if (total > 0 && training_->stepCount() > 0 && training_->state() != TrainingPanel::State::Stopping) {
        progress_->setRange(0, static_cast<int>(total));
        progress_->setValue(static_cast<int>(training_->steps().back().step + 1));
    }
}

void RunStatusBar::setFollowing(bool following) {
    following_ = following;
    progress_->setVisible(following || training_->state() != RunController::State::Idle);
    if (following) showProgress(training_->progressText());
}

void RunStatusBar::setState(RunController::State s) {
    using S = RunController::State;
    progress_->setVisible(s != S::Idle || following_);
    if (s == S::Stopping) text_->setText(tr("Stopping… writing a checkpoint"));
    progress_->setRange(0, s == S::Starting || s == S::Stopping ? 0 : 1);  // busy, or the steps to come
}

}  // namespace dino::ui
