// The uncertainty of a mean over a few seeds: Student's t interval (Student 1908) of the mean of n values
// with sample standard deviation sd, mean ± t(1 − α/2; n − 1) · sd / √n. What a paired comparison of runs
// seed by seed needs: with 3 seeds the 95 % interval is ±2.48 sd, with 9 seeds ±0.77 sd, so "ahead by 1.7
// points" over 3 seeds and over 9 are different claims. Torch-free: the runs table and the GUI use it.
#pragma once

#include "api/accuracy_interval.h"

namespace dino::api {

// Student's t distribution with df > 0 degrees of freedom: P(T <= t), through the regularised incomplete
// beta function (continued fraction).
double studentTCdf(double t, double df);
// Its quantile: the t with P(T <= t) = p, for p in (0, 1); NaN outside.
double studentTQuantile(double p, double df);
// The two-sided interval of a mean at `level` (0.95: 95 %) from n values' mean and sample sd (n - 1);
// NaN bounds when n < 2 or sd is not finite.
Interval meanInterval(double mean, double sd, int n, double level = 0.95);

}  // namespace dino::api
