// Window sizes that fit the screen: small screens (1280 x 720, 1366 x 768) and windows side by side.
#pragma once

#include <QSize>

class QWidget;

namespace dino::ui {

// The size a main window opens at on its screen when no size was saved: preferred, less what the
// screen's available area lacks, less a typical window frame until the real one is known.
QSize defaultWindowSize(const QWidget* window, QSize preferred = QSize(1500, 920));
// Moves and shrinks a shown top-level window so that it and its frame lie in the screen's available area.
void fitToScreen(QWidget* window);

// Puts a widget's contents into a scroll area inside it, so that the widget can be made smaller than
// its layout's minimum (scroll bars appear then) while it stays the same widget (a tab page, a
// findChild root). The layout and its widgets move into the scroll area; the widget gets a new layout.
void scrollWhenSmall(QWidget* widget);

}  // namespace dino::ui
