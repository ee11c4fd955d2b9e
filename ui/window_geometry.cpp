#include "window_geometry.h"

#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>

namespace dino::ui {

QSize defaultWindowSize(const QWidget* window, QSize preferred) {
    const QSize frameAllowance(16, 40);  // borders and a title bar
    const QRect avail = window->screen() ? window->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    return preferred.boundedTo(avail.size() - frameAllowance);
}

void fitToScreen(QWidget* window) {
    if (!window->screen() || window->isMaximized() || window->isFullScreen()) return;
    const QRect avail = window->screen()->availableGeometry();
    const QSize frame = window->frameGeometry().size() - window->size();
    const QSize fits = window->size().boundedTo(avail.size() - frame).expandedTo(window->minimumSizeHint());
    if (fits != window->size()) window->resize(fits);
    const QSize outer = fits + frame;
    const QPoint at(std::clamp(window->x(), avail.left(), std::max(avail.left(), avail.right() + 1 - outer.width())),
                    std::clamp(window->y(), avail.top(), std::max(avail.top(), avail.bottom() + 1 - outer.height())));
    if (at != window->pos()) window->move(at);
}

void scrollWhenSmall(QWidget* widget) {
    auto* contents = new QWidget;
    contents->setObjectName(widget->objectName() + "Contents");
    contents->setLayout(widget->layout());  // takes the layout and reparents its widgets
    auto* scroll = new QScrollArea(widget);
    scroll->setObjectName(widget->objectName() + "Scroll");
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(contents);
    auto* lay = new QVBoxLayout(widget);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(scroll);
}

}  // namespace dino::ui
