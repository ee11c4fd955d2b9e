// Parallel coordinates of hyperparameters against a result (TensorBoard's HParams tab, W&B's parallel
// coordinates plot), painted with QPainter: one vertical axis per configuration field that differs
// between the runs plus one result axis on the right; one polyline per run (or seed group, at its mean)
// coloured by the result on viridis.
//
// Axes: numbers on a linear scale over the values' range, or a log scale when every value is positive and
// they span more than a decade (optim.lr, optim.weight_decay); booleans, strings, lists and integer fields
// with a few values (num_local_crops 0, 2, 6) as evenly spaced categories. A run without the result sits
// grey at an "n/a" mark under the result axis.
//
// Brushing: a drag along an axis selects an interval of it (in the axis's values, so that it survives a
// re-read of the table); brushes on several axes combine with AND; lines outside are dimmed and
// brushChanged() says which runs are inside. A click outside the brush or a double-click on the axis clears
// that axis. Hovering a line highlights it and names the run.
#pragma once

#include "api/run_table.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <map>
#include <optional>
#include <vector>

class QPainter;

namespace dino::ui {

struct PcAxis {
    enum class Scale { Linear, Log, Categories };
    QString key;    // "optim.lr", or the result's key ("knn")
    QString title;  // the field's label ("Learning rate"), or the result's name
    bool result = false;
    Scale scale = Scale::Linear;
    QStringList categories;  // Categories: the values in order (numbers ascending, else as first seen)
    double lo = 0, hi = 1;   // Linear/Log: the values' range (raw values; lo == hi for a single value)
};

struct PcLine {
    QString name;       // the run's name, or "first run (n seeds)" for a group
    QStringList dirs;   // the run's directory, or the group's members'
    std::vector<double> values;  // one per axis: the raw number, or the category's index; NaN: none (n/a)
    std::vector<QString> texts;  // one per axis: the value as text (tooltip, CSV)
    double sd = api::kNoValue;   // a group's standard deviation of the result
    int n = 1;                   // runs in the line
};

struct PcData {
    std::vector<PcAxis> axes;  // the differing fields in table order, then the result
    std::vector<PcLine> lines;
    bool grouped = false;
    int resultAxis() const { return static_cast<int>(axes.size()) - 1; }
};

// The axes and lines of a table for one result (an index into api::resultColumns()): the table's differing
// fields (system.seed left out when the table groups seeds) and one line per run, or per seed group at
// the group's mean. Rows that could not be read are left out.
PcData buildParallelData(const api::RunTable& table, int resultColumn);
// Whether two data sets draw the same (the table is re-read every few seconds: redraw only on a change).
bool samePcData(const PcData& a, const PcData& b);
// The result's name as the views show it (translated), from its key.
QString resultLabel(const char* key, const char* header);

class ParallelCoordinates : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget* parent = nullptr);

    // New data: brushes on axes that still exist are kept (in values), the others dropped.
    void setData(PcData data);
    const PcData& data() const { return data_; }

    // Geometry (widget pixels), for the tests and the exports.
    static constexpr int kMinAxisSpacing = 64;
    double axisX(int axis) const;
    double plotTop() const;
    double plotBottom() const;
    double naY() const;  // the "n/a" mark under the axes
    // Where a value (raw number, or category index; NaN: n/a) sits on an axis: 0 at the bottom, 1 at the top.
    double position(int axis, double value) const;
    double valueY(int axis, double value) const;
    QPointF vertex(int line, int axis) const;

    // Brushes: an interval of positions [0, 1] per axis (n/a below 0); empty: none.
    struct Brush {
        double lo = 0, hi = 0;  // positions
    };
    bool hasBrushes() const { return !brushes_.empty(); }
    std::optional<Brush> brush(int axis) const;
    void setBrush(int axis, double lo, double hi);
    void clearBrush(int axis);
    void clearBrushes();
    bool lineInside(int line) const;
    QStringList dirsInside() const;
    int hoveredLine() const { return hover_; }
    // The runs selected in the table: their lines drawn on top, outlined (a group's line when any member is).
    void setSelectedDirs(const QStringList& dirs);
    bool lineSelected(int line) const;

    // Renders the plot at size (the widget's own painting, the PNG and the SVG).
    void render(QPainter& p, QSize size) const;
    // Exports: "" or an error naming the file.
    QString exportPng(const QString& path) const;
    QString exportSvg(const QString& path) const;
    QString exportCsv(const QString& path) const;
    QString csvText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The brushes changed (by the user or by new data): the runs inside them; active false: no brush.
    void brushChanged(const QStringList& dirs, bool active);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Layout {
        double left, right, top, bottom, na, spacing;
        int rows;  // title rows: staggered over up to three when the titles do not fit one
    };
    Layout layoutFor(QSize size) const;
    double axisXIn(const Layout& l, int axis) const;
    double yIn(const Layout& l, double position) const;
    double positionAt(double y) const;
    int axisAt(const QPoint& pos) const;  // the axis within reach of a point, or -1
    int lineAt(const QPoint& pos) const;  // the line nearest to a point (a few pixels), or -1
    QString lineTooltip(int line) const;
    void emitIfChanged(bool force);
    void storeBrush(int axis, double lo, double hi);
    // The brush of an axis in values, kept across setData: numbers (raw), category names, n/a.
    struct ValueBrush {
        double lo = 0, hi = 0;  // positions at the time it was made (for the same axis range)
        double vlo = 0, vhi = 0;  // numbers (Linear/Log)
        QStringList categories;  // Categories
        bool na = false;         // includes the n/a mark
        bool empty = false;      // covers no value at all
        PcAxis::Scale scale = PcAxis::Scale::Linear;  // of the axis it was made on
    };
    ValueBrush toValueBrush(int axis, double lo, double hi) const;
    std::optional<Brush> fromValueBrush(int axis, const ValueBrush& b) const;

    PcData data_;
    std::map<QString, ValueBrush> brushes_;  // by axis key
    QStringList selected_;
    int hover_ = -1;
    int dragAxis_ = -1;
    double dragFrom_ = 0;
    bool dragMoved_ = false;
    QPoint pressPos_;
    QStringList lastDirs_;
    bool lastActive_ = false;
};

}  // namespace dino::ui
