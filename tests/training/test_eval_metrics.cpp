// Accuracy, confusion matrix, per-class accuracy and ROC AUC (ties by average ranks), against
// values computed by hand and independently in Python.
#include "evaluation/classification_metrics.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {
torch::Tensor longs(std::vector<int64_t> v) { return torch::tensor(v, torch::kLong); }
torch::Tensor doubles(std::vector<double> v) { return torch::tensor(v, torch::kDouble); }
}  // namespace

TEST_CASE("confusion matrix, accuracy and per-class accuracy", "[eval][metrics]") {
    const auto truth = longs({0, 0, 1, 1, 1, 2});
    const auto pred = longs({0, 1, 1, 1, 0, 2});
    CHECK(dino::accuracy(truth, pred) == Approx(4.0 / 6.0));
    const auto m = dino::confusionMatrix(truth, pred, 4);
    const std::vector<std::vector<int64_t>> expected = {{1, 1, 0, 0}, {1, 2, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}};
    CHECK(m == expected);
    const auto pc = dino::perClassAccuracy(m);
    REQUIRE(pc.size() == 4);
    CHECK(pc[0].support == 2);
    CHECK(pc[0].accuracy == Approx(0.5));
    CHECK(pc[1].support == 3);
    CHECK(pc[1].accuracy == Approx(2.0 / 3.0));
    CHECK(pc[2].accuracy == Approx(1.0));
    CHECK(pc[3].support == 0);
    CHECK(std::isnan(pc[3].accuracy));
    CHECK_THROWS_WITH(dino::confusionMatrix(truth, longs({0, 1, 1, 1, 0, 4}), 4), Catch::Contains("label 4 outside"));
    CHECK_THROWS_WITH(dino::accuracy(truth, longs({0})), Catch::Contains("differ in length"));
}

// Reference values computed independently with numpy (no sklearn here), by the pairwise
// Mann-Whitney definition (a tie between a positive and a negative counts 1/2):
//   /usr/bin/python3 -c "import numpy as np
//   def auc(s, y):
//       s, y = np.asarray(s, float), np.asarray(y); p, n = s[y == 1], s[y == 0]
//       return ((p[:, None] > n).sum() + 0.5 * (p[:, None] == n).sum()) / (len(p) * len(n))
//   print(auc([0.5,0.5,0.2,0.9,0.5,0.1,0.7,0.5], [1,0,0,1,0,1,1,0]))"
// and confirmed by integrating the ROC curve with np.trapz over the (fpr, tpr) points at each distinct
// threshold, which is what sklearn.metrics.roc_auc_score computes.
TEST_CASE("ROC AUC matches the pairwise definition, with ties", "[eval][metrics][auc]") {
    // sklearn's documentation example.
    CHECK(dino::rocAuc(doubles({0.1, 0.4, 0.35, 0.8}), longs({0, 0, 1, 1})) == Approx(0.75).epsilon(1e-12));
    // Ties across classes: 0.65625.
    CHECK(dino::rocAuc(doubles({0.5, 0.5, 0.2, 0.9, 0.5, 0.1, 0.7, 0.5}), longs({1, 0, 0, 1, 0, 1, 1, 0})) ==
          Approx(0.65625).epsilon(1e-12));
    // Perfect, inverted and all-equal scores.
    CHECK(dino::rocAuc(doubles({0.1, 0.2, 0.3}), longs({0, 1, 1})) == 1.0);
    CHECK(dino::rocAuc(doubles({0.3, 0.2, 0.1}), longs({0, 1, 1})) == 0.0);
    CHECK(dino::rocAuc(doubles({0.4, 0.4, 0.4, 0.4}), longs({0, 1, 0, 1})) == 0.5);
    // Only one class present: undefined.
    CHECK(std::isnan(dino::rocAuc(doubles({0.1, 0.2}), longs({1, 1}))));
    CHECK_THROWS_WITH(dino::rocAuc(doubles({0.1, NAN}), longs({0, 1})), Catch::Contains("NaN"));
}

TEST_CASE("macro one-vs-rest AUC averages the per-class AUCs", "[eval][metrics][auc]") {
    const auto scores = torch::tensor({0.7, 0.2, 0.1, 0.5, 0.5, 0.0, 0.2, 0.3, 0.5, 0.1, 0.8, 0.1, 0.4, 0.4, 0.2,
                                       0.3, 0.3, 0.4, 0.6, 0.1, 0.3, 0.2, 0.5, 0.3, 0.0, 0.0, 1.0, 0.5, 0.25, 0.25},
                                      torch::kDouble)
                            .view({10, 3});
    const auto truth = longs({0, 1, 2, 1, 0, 2, 0, 2, 2, 1});
    // Python (pairwise definition per column): [0.9047619047619048, 0.7857142857142857, 0.9791666666666666],
    // mean 0.8898809523809524.
    CHECK(dino::rocAuc(scores.select(1, 0), truth.eq(0)) == Approx(0.9047619047619048).epsilon(1e-12));
    CHECK(dino::rocAuc(scores.select(1, 1), truth.eq(1)) == Approx(0.7857142857142857).epsilon(1e-12));
    CHECK(dino::rocAuc(scores.select(1, 2), truth.eq(2)) == Approx(0.9791666666666666).epsilon(1e-12));
    CHECK(dino::macroAucOvr(scores, truth) == Approx(0.8898809523809524).epsilon(1e-12));

    SECTION("a class absent from the labels is left out of the mean") {
        const auto four = torch::cat({scores, torch::zeros({10, 1}, torch::kDouble)}, 1);
        CHECK(dino::macroAucOvr(four, truth) == Approx(0.8898809523809524).epsilon(1e-12));
    }
}
