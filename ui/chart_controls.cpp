#include "chart_controls.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace dino::ui {

ChartControls::ChartControls(QWidget* parent) : QWidget(parent) {
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName("smoothingSlider");
    slider_->setRange(0, 99);
    slider_->setToolTip(tr("Exponential moving-average weight of the smoothed curves (0: no smoothing)"));
    value_ = new QLabel(this);
    value_->setMinimumWidth(value_->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    log_ = new QCheckBox(tr("log scale"), this);
    log_->setObjectName("logScale");
    log_->setToolTip(tr("Logarithmic value axis"));
    lay->addWidget(new QLabel(tr("Smoothing"), this));
    lay->addWidget(slider_, 1);
    lay->addWidget(value_);
    lay->addWidget(log_);
    connect(slider_, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    connect(log_, &QCheckBox::toggled, this, &ChartControls::logScaleChanged);
    setSmoothing(0.9);
}

bool ChartControls::logScale() const { return log_->isChecked(); }

void ChartControls::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, 0.99);
    if (slider_->value() != qRound(weight * 100)) {
        const QSignalBlocker block(slider_);
        slider_->setValue(qRound(weight * 100));
    }
    value_->setText(QString::number(weight, 'f', 2));
    if (weight == smoothing_) return;
    smoothing_ = weight;
    Q_EMIT smoothingChanged(weight);
}

void ChartControls::setLogScale(bool on) { log_->setChecked(on); }

}  // namespace dino::ui
