// The 95 % Wilson score interval of the evaluation tables against numbers computed by hand (the roots
// of (p^ - p)^2 = z^2 p (1 - p) / n, solved as a quadratic in Python), and its edge cases.
#include "api/accuracy_interval.h"

#include <catch2/catch.hpp>

using dino::api::accuracyInterval;
using dino::api::wilsonInterval;

TEST_CASE("Wilson interval: hand-computed values", "[eval][interval]") {
    struct Case {
        int64_t k, n;
        double lower, upper;
    };
    const Case cases[] = {
        {39, 75, 0.408742157728, 0.629308888573},    // 52 % of the 75 test images of the sample
        {30, 75, 0.296625156459, 0.513119612038},
        {104, 160, 0.573364138887, 0.719602002562},  // 65 % of the 160 val images
        {1, 2, 0.094531205734, 0.905468794266},
        {500, 1000, 0.469069600368, 0.530930399632},
        {0, 20, 0.0, 0.161125158053},                // no success: the lower end is 0, the upper end is not
        {20, 20, 0.838874841947, 1.0},
    };
    for (const Case& c : cases) {
        const auto i = wilsonInterval(c.k, c.n);
        CAPTURE(c.k, c.n);
        CHECK(i.lower == Approx(c.lower).margin(1e-10));
        CHECK(i.upper == Approx(c.upper).margin(1e-10));
    }
}

TEST_CASE("Wilson interval: accuracy as a fraction, no images, and the z it is given", "[eval][interval]") {
    const auto a = accuracyInterval(0.52, 75);  // 0.52 * 75 = 39 images
    CHECK(a.lower == Approx(0.408742157728).margin(1e-10));
    CHECK(a.upper == Approx(0.629308888573).margin(1e-10));
    const auto none = wilsonInterval(0, 0);
    CHECK(none.lower == 0.0);
    CHECK(none.upper == 1.0);
    // A narrower z gives a narrower interval around the same data.
    const auto z1 = wilsonInterval(39, 75, 1.0);
    CHECK(z1.lower > a.lower);
    CHECK(z1.upper < a.upper);
}
