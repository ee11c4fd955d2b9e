// Exponential moving average for the loss chart, with TensorBoard's debiasing so the first points
// are not pulled towards zero. Pure functions, tested in tests/gui.
#pragma once

#include <QVector>

namespace dino::ui {

class EmaSmoother {
public:
    explicit EmaSmoother(double weight = 0.9) : weight_(weight) {}
    void reset(double weight) {
        weight_ = weight;
        acc_ = 0;
        n_ = 0;
        power_ = 1;
    }
    // Next smoothed value; weight 0 returns x unchanged.
    double add(double x);

private:
    double weight_;
    double acc_ = 0;
    long n_ = 0;
    double power_ = 1;  // weight^n, kept as a product (no pow() per point on curves of 20 000 steps)
};

QVector<double> emaSmooth(const QVector<double>& values, double weight);

// "1:02:03" / "4:05" from seconds; "—" when unknown or not finite.
QString formatDuration(double seconds);

}  // namespace dino::ui
