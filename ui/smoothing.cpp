#include "smoothing.h"

#include <QString>

#include <cmath>

namespace dino::ui {

double EmaSmoother::add(double x) {
    if (!std::isfinite(x)) return x;
    ++n_;
    acc_ = weight_ * acc_ + (1.0 - weight_) * x;
    power_ *= weight_;
    const double debias = 1.0 - power_;
    return debias > 0 ? acc_ / debias : x;
}

QVector<double> emaSmooth(const QVector<double>& values, double weight) {
    EmaSmoother s(weight);
    QVector<double> out;
    out.reserve(values.size());
    for (double v : values) out.push_back(s.add(v));
    return out;
}

QString formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("—");
    const long s = std::lround(seconds);
    const long h = s / 3600, m = (s % 3600) / 60, r = s % 60;
    if (h > 0) return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(r, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(r, 2, 10, QLatin1Char('0'));
}

}  // namespace dino::ui
