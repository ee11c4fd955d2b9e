// Exports of charts and files: where they go by default and how a chart is rendered at its export size.
//
// Every export of a window's run defaults to the run's folder with the run's name in the file name
// (<run folder>/<run>-loss.png), so that a figure can be traced back to its run; without an open run,
// the folder of the last export. The main window says which run it shows (setExportRun).
#pragma once

#include <QString>

class QCustomPlot;
class QWidget;

namespace dino::ui {

// The run whose exports the window of `widget` makes ("" for none).
void setExportRun(QWidget* widget, const QString& runDir);
QString exportRun(const QWidget* widget);
// "<run folder>/<run>-<what>.<ext>" for the window's run, else "<last export folder>/<what>.<ext>";
// `what` is made file-name safe.
QString suggestedExportPath(const QWidget* widget, const QString& what, const QString& ext);
// Remembers the folder of a file the user chose for an export (the default when no run is open).
void rememberExportFolder(const QString& path);

// The scale a chart is drawn at for an export of width x height pixels: 1 up to the reference size,
// then in proportion, so that fonts, lines and margins keep their share of the figure instead of
// staying at screen size (9 px text on a 1200 x 800 figure).
double exportScale(int width, int height);
// Writes the plot to path at width x height (pixels; points for PDF); the format comes from the
// suffix (.png, .jpg, .pdf, .svg). Returns "" or a readable error.
QString exportPlot(QCustomPlot* plot, const QString& path, int width, int height);
// Asks for format, size and file name (suggestedExportPath), then exports; returns the file written or "".
QString exportPlotInteractive(QCustomPlot* plot, const QString& baseName, QWidget* parent);

}  // namespace dino::ui
