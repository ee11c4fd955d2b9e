// Part VI: the pseudo-label histogram (torch.bincount of the head's argmax), its entropy and used bins.
#include "evaluation/pseudo_label_histogram.h"

#include <catch2/catch.hpp>

#include <cmath>

TEST_CASE("pseudo-label histogram of known logits", "[eval][pseudo]") {
    const auto logits = torch::tensor({0.1f, 0.2f, 0.9f, 0.0f,    //
                                       -1.f, 0.0f, 3.0f, 2.0f,    //
                                       5.0f, 1.0f, 1.0f, 1.0f,    //
                                       0.3f, 0.3f, 0.4f, 0.3f,    //
                                       0.0f, 0.0f, 0.0f, 0.5f})
                            .view({5, 4});
    const auto a = dino::pseudoLabelAssignments(logits);
    CHECK(a.equal(torch::tensor({2, 2, 0, 2, 3}, torch::kLong)));
    const auto h = dino::labelHistogram(a, 4);
    CHECK(h.counts == std::vector<int64_t>{1, 0, 3, 1});
    CHECK(h.used == 3);
    CHECK(h.total == 5);
    // -(0.2 ln 0.2 + 0.6 ln 0.6 + 0.2 ln 0.2)
    CHECK(h.entropy == Approx(-(0.4 * std::log(0.2) + 0.6 * std::log(0.6))).epsilon(1e-12));
    CHECK(h.entropy == Approx(0.9502705392332347).epsilon(1e-12));
    CHECK(h.max_entropy == Approx(std::log(4.0)));
}

TEST_CASE("histogram edge cases: ties, uniform, collapse, bad labels", "[eval][pseudo]") {
    // argmax ties go to the first bin, as torch.argmax.
    CHECK(dino::pseudoLabelAssignments(torch::zeros({2, 3})).equal(torch::zeros({2}, torch::kLong)));
    const auto uniform = dino::labelHistogram(torch::arange(8, torch::kLong), 8);
    CHECK(uniform.entropy == Approx(std::log(8.0)));
    CHECK(uniform.used == 8);
    const auto collapsed = dino::labelHistogram(torch::full({10}, 5, torch::kLong), 8);
    CHECK(collapsed.entropy == 0.0);
    CHECK(collapsed.used == 1);
    CHECK(collapsed.counts[5] == 10);
    const auto empty = dino::labelHistogram(torch::empty({0}, torch::kLong), 3);
    CHECK(empty.used == 0);
    CHECK(empty.entropy == 0.0);
    CHECK_THROWS_WITH(dino::labelHistogram(torch::tensor({0, 9}, torch::kLong), 8), Catch::Contains("9 outside [0, 8)"));
    CHECK_THROWS(dino::labelHistogram(torch::zeros({3}), 8));  // floats are not labels
}
