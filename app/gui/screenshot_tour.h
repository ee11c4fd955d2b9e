// `dino-studio --screenshot DIR`: the README's screenshots, taken by driving the main window like a user.
#pragma once

#include <QString>
#include <QStringList>

namespace dino::ui {

class MainWindow;

// With a run in progress: the live charts halfway, then after the end; then every panel (an opened run
// is evaluated and its pseudo-labels computed first, off the GUI thread). Returns the files written.
QStringList screenshotTour(MainWindow& w, const QString& dir);

}  // namespace dino::ui
