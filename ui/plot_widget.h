// QCustomPlot with the app's look, a right-click "Export…" menu and coalesced replots: callers
// append data and call requestReplot(); the plot redraws at most every kReplotMs.
//
// While it follows its data (until the user drags or zooms; a click does not count, a double-click
// or "Reset zoom" follows again) each replot fits the axes: the data's range, a key range hint (a
// step chart shows the planned run), room for markers at the edges, no stale range on an empty axis,
// and as many ticks as the axis has room for.
#pragma once

#include "chart_export.h"

#include <qcustomplot.h>

#include <QTimer>

#include <functional>

namespace dino::ui {

class PlotWidget : public QCustomPlot {
    Q_OBJECT
public:
    explicit PlotWidget(const QString& title, QWidget* parent = nullptr);

    static constexpr int kReplotMs = 100;
    void requestReplot();
    // Whether any plottable holds data (the context menu's Export is disabled on an empty chart).
    bool hasData() const;
    // Rescales axes (unless the user zoomed) before each coalesced replot.
    void setAutoRescale(bool on) { autoRescale_ = on; }
    bool followsData() const { return autoRescale_; }
    // The key (x) range shown while following the data, widened to the data: a step chart shows the
    // planned run. An empty range (lower >= upper) clears the hint: the data's range.
    void setKeyRange(double lower, double upper);
    // An axis of whole numbers (steps, indices): ticks and labels on integers only.
    static void useIntegerTicks(QCPAxis* axis);
    // A logarithmic value axis (powers of ten labelled as such) or back to a linear one.
    static void useLogScale(QCPAxis* axis, bool on);
    // The chart's data as CSV text: with one set, the context menu offers "Export data as CSV…" beside
    // "Export chart…", saved to a file the user picks (atomically). Returns "" or a readable error.
    using CsvSource = std::function<QString()>;
    void setCsvSource(CsvSource source) { csv_ = std::move(source); }
    bool hasCsvSource() const { return static_cast<bool>(csv_); }
    QString exportCsv(const QString& path) const;
    // The legend in a row of its own under the axes, never over the data, in as many columns as fit.
    void setLegendBelow();
    QString title() const { return title_; }
    QCPTextElement* titleElement() const { return titleElement_; }
    void setTitle(const QString& t);
    int replotCount() const { return replots_; }

Q_SIGNALS:
    void exportRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void doReplot();
    void fitAxes();
    void fitTicks();
    void fitLegend();
    void resetZoom();
    QTimer timer_;
    CsvSource csv_;
    QString title_;
    QCPTextElement* titleElement_ = nullptr;
    bool autoRescale_ = true;
    bool legendBelow_ = false;
    QCPRange keyHint_{0, 0};
    QPoint pressPos_;
    int replots_ = 0;
};

}  // namespace dino::ui
