// QCustomPlot with the app's look, a right-click "Export…" menu and coalesced replots: callers
// append data and call requestReplot(); the plot redraws at most every kReplotMs.
#pragma once

#include "chart_export.h"

#include <qcustomplot.h>

#include <QTimer>

namespace dino::ui {

class PlotWidget : public QCustomPlot {
    Q_OBJECT
public:
    explicit PlotWidget(const QString& title, QWidget* parent = nullptr);

    static constexpr int kReplotMs = 100;
    void requestReplot();
    // Rescales axes (unless the user zoomed) before each coalesced replot.
    void setAutoRescale(bool on) { autoRescale_ = on; }
    QString title() const { return title_; }
    QCPTextElement* titleElement() const { return titleElement_; }
    void setTitle(const QString& t);
    int replotCount() const { return replots_; }

Q_SIGNALS:
    void exportRequested();

private:
    void doReplot();
    QTimer timer_;
    QString title_;
    QCPTextElement* titleElement_ = nullptr;
    bool autoRescale_ = true;
    int replots_ = 0;
};

}  // namespace dino::ui
