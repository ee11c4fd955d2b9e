// Student's t interval of a mean over seeds (what `dino runs --against` and the Paired view print beside a
// paired difference), against independent numbers: the closed forms of the t distribution with 1, 2 and 4
// degrees of freedom (Cauchy: tan(π(p − ½)); ν = 2: (2p − 1) / √(2p(1 − p)); ν = 4's CDF), and quantiles
// found in Python by Simpson's rule on the density and bisection (no library; values to 1e-9), which agree
// with the published tables (2.306 for ν = 8, 2.042 for ν = 30).
#include "api/mean_interval.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace dino::api;

TEST_CASE("Student's t: CDF and quantiles against closed forms and numerical integration", "[interval][t]") {
    const double pi = std::acos(-1.0);
    CHECK(studentTQuantile(0.975, 1) == Approx(std::tan(0.475 * pi)).epsilon(1e-10));  // 12.7062047
    CHECK(studentTQuantile(0.975, 2) == Approx(0.95 / std::sqrt(2 * 0.975 * 0.025)).epsilon(1e-10));  // 4.3026527
    CHECK(studentTCdf(1.5, 4) == Approx(0.896).epsilon(1e-12));  // ½ + t/(2√(4+t²))·(1 + 2/(4+t²))
    CHECK(studentTCdf(0.3, 7) == Approx(0.613554974799).epsilon(1e-9));
    struct Case {
        double p, df, t;
    };
    const Case cases[] = {{0.975, 3, 3.182446305}, {0.975, 8, 2.306004135}, {0.975, 30, 2.042272456},
                          {0.9, 5, 1.475884049},   {0.995, 8, 3.355387331}};
    for (const Case& c : cases) {
        CAPTURE(c.p, c.df);
        CHECK(studentTQuantile(c.p, c.df) == Approx(c.t).epsilon(1e-8));
        CHECK(studentTCdf(c.t, c.df) == Approx(c.p).epsilon(1e-8));
        CHECK(studentTQuantile(1 - c.p, c.df) == Approx(-c.t).epsilon(1e-8));  // symmetric
    }
    // Many degrees of freedom: the normal's 1.959964.
    CHECK(studentTQuantile(0.975, 1e6) == Approx(1.959964).epsilon(1e-5));
    CHECK(studentTQuantile(0.5, 3) == 0.0);
    CHECK(studentTCdf(0, 5) == Approx(0.5));
    CHECK(std::isnan(studentTQuantile(1.0, 3)));
    CHECK(std::isnan(studentTQuantile(0.0, 3)));
    CHECK(std::isnan(studentTQuantile(0.9, 0)));
    CHECK(std::isnan(studentTCdf(1, -1)));
}

TEST_CASE("mean interval: mean ± t · sd / √n, none below two values", "[interval][t]") {
    // Nine seeds, mean +5.2, sd 4.1 points: ± 2.306004 · 4.1 / 3 = ± 3.151539.
    const auto nine = meanInterval(5.2, 4.1, 9);
    CHECK(nine.lower == Approx(5.2 - 3.151539).epsilon(1e-6));
    CHECK(nine.upper == Approx(5.2 + 3.151539).epsilon(1e-6));
    // Three seeds: t(0.975; 2) = 4.302653, so ± 2.484 sd.
    const auto three = meanInterval(1.0, 2.0, 3);
    CHECK(three.upper - 1.0 == Approx(4.302652730 * 2.0 / std::sqrt(3.0)).epsilon(1e-8));
    CHECK(three.lower == Approx(2.0 - three.upper).epsilon(1e-12));
    // 90 %: narrower.
    const auto ninety = meanInterval(1.0, 2.0, 3, 0.9);
    CHECK(ninety.upper < three.upper);
    CHECK(ninety.lower > three.lower);
    // One value, no sd, or a bad level: no interval.
    CHECK(std::isnan(meanInterval(1.0, 0.5, 1).lower));
    CHECK(std::isnan(meanInterval(1.0, std::nan(""), 4).upper));
    CHECK(std::isnan(meanInterval(1.0, 0.5, 4, 1.0).upper));
    // Zero spread: the interval is the mean itself.
    const auto flat = meanInterval(0.3, 0.0, 5);
    CHECK(flat.lower == 0.3);
    CHECK(flat.upper == 0.3);
}
