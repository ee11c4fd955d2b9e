#include "api/accuracy_interval.h"

#include <algorithm>
#include <cmath>

namespace dino::api {

Interval wilsonInterval(int64_t successes, int64_t n, double z) {
    if (n <= 0) return {0, 1};
    const double nn = static_cast<double>(n);
    const double p = std::clamp(static_cast<double>(successes) / nn, 0.0, 1.0);
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
    const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval accuracyInterval(double accuracy, int64_t n, double z) {
    return wilsonInterval(static_cast<int64_t>(std::llround(accuracy * static_cast<double>(n))), n, z);
}

}  // namespace dino::api
