// The charts' display controls shared by the Training tab and the comparison of runs: the smoothing
// slider (the EMA weight of smoothing.h, 0 to 0.99, with its value beside it) and the "log scale" box.
// One row of widgets; the owner connects the signals to its charts.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QSlider;

namespace dino::ui {

class ChartControls : public QWidget {
    Q_OBJECT
public:
    explicit ChartControls(QWidget* parent = nullptr);
    double smoothing() const { return smoothing_; }
    bool logScale() const;
    // Clamped to [0, 0.99]; emits smoothingChanged when the value changes.
    void setSmoothing(double weight);
    void setLogScale(bool on);
    QSlider* slider() const { return slider_; }
    QCheckBox* logBox() const { return log_; }

Q_SIGNALS:
    void smoothingChanged(double weight);
    void logScaleChanged(bool on);

private:
    double smoothing_ = -1;
    QSlider* slider_ = nullptr;
    QLabel* value_ = nullptr;
    QCheckBox* log_ = nullptr;
};

}  // namespace dino::ui
