// The uncertainty of an accuracy measured on n images: a 95 % Wilson score interval (Wilson 1927) of the
// binomial proportion. Chosen over the textbook normal ("Wald") interval, which shrinks to nothing at
// 0 % and 100 % and covers less than it claims at the few hundred images of a validation split, and over
// Clopper-Pearson, which covers more than it claims. Torch-free: the GUI's evaluation tables use it.
#pragma once

#include <cstdint>

namespace dino::api {

struct Interval {
    double lower = 0, upper = 1;
};

constexpr double kZ95 = 1.959963984540054;  // the standard normal's 97.5 % quantile

// Wilson score interval of `successes` out of `n` trials at quantile z; [0, 1] when n <= 0.
Interval wilsonInterval(int64_t successes, int64_t n, double z = kZ95);
// The interval of an accuracy reported as a fraction of n images (successes = round(accuracy * n)).
Interval accuracyInterval(double accuracy, int64_t n, double z = kZ95);

}  // namespace dino::api
