// kNN classification: the seed's 1-NN and DINO's weighted vote on hand-made features whose answers
// are known exactly, tie rules, and chunked == unchunked.
#include "common/cancellation.h"
#include "evaluation/knn.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

using dino::KnnOptions;

namespace {

torch::Tensor rows(std::vector<std::vector<float>> v) {
    auto t = torch::empty({int64_t(v.size()), int64_t(v[0].size())});
    for (size_t i = 0; i < v.size(); ++i)
        for (size_t j = 0; j < v[i].size(); ++j) t[i][j] = v[i][j];
    return t;
}

torch::Tensor labels(std::vector<int64_t> v) { return torch::tensor(v, torch::kLong); }

KnnOptions opts(int k, double T, int64_t chunk = 0) {
    KnnOptions o;
    o.k = k;
    o.temperature = T;
    o.chunk_rows = chunk;
    return o;
}

}  // namespace

TEST_CASE("1-NN takes the label of the most similar training feature", "[eval][knn]") {
    // Unit vectors at 0, 90, 180, 270 degrees.
    const auto train = rows({{1, 0}, {0, 1}, {-1, 0}, {0, -1}});
    const auto train_l = labels({0, 1, 2, 1});
    const float c = std::cos(0.2f), s = std::sin(0.2f);  // ~11.5 degrees off each axis
    const auto test = rows({{c, s}, {-s, c}, {-c, -s}, {s, -c}, {c, -s}});
    const auto r = dino::knnClassify(train, train_l, test, 3, opts(1, 0.07));
    CHECK(r.nn1_pred.equal(labels({0, 1, 2, 1, 0})));
    CHECK(r.knn_pred.equal(r.nn1_pred));  // k = 1: the vote is the nearest neighbour
    CHECK(r.scores.sum(1).allclose(torch::ones({5}, torch::kDouble)));
}

TEST_CASE("1-NN tie goes to the first training row, like torch.argmax", "[eval][knn]") {
    const float h = 1.0f / std::sqrt(2.0f);
    const auto train = rows({{0, 1}, {1, 0}});  // both exactly h from the test point
    const auto r = dino::knnClassify(train, labels({1, 0}), rows({{h, h}}), 2, opts(1, 0.07));
    CHECK(r.nn1_pred.item<int64_t>() == 1);
}

TEST_CASE("weighted kNN sums exp(sim/T) per class over the k nearest", "[eval][knn]") {
    const auto train = rows({{1, 0}, {0.8f, 0.6f}, {0.6f, 0.8f}, {0, 1}, {-1, 0}});
    const auto train_l = labels({0, 1, 1, 2, 0});
    const auto test = rows({{1, 0}});
    // Similarities 1, 0.8, 0.6 | 0, -1: k = 3 keeps rows 0..2.
    const double s0 = 1.0, s1 = double(0.8f), s2 = double(0.6f);

    SECTION("T = 1: two moderately similar neighbours outvote the nearest one") {
        const auto r = dino::knnClassify(train, train_l, test, 3, opts(3, 1.0));
        const double w0 = std::exp(s0), w1 = std::exp(s1) + std::exp(s2);
        CHECK(r.nn1_pred.item<int64_t>() == 0);
        CHECK(r.knn_pred.item<int64_t>() == 1);
        CHECK(r.scores[0][0].item<double>() == Approx(w0 / (w0 + w1)).epsilon(1e-6));
        CHECK(r.scores[0][1].item<double>() == Approx(w1 / (w0 + w1)).epsilon(1e-6));
        CHECK(r.scores[0][2].item<double>() == 0.0);  // class 2 is not among the 3 nearest
    }
    SECTION("T = 0.07 (DINO): the nearest neighbour dominates") {
        const auto r = dino::knnClassify(train, train_l, test, 3, opts(3, 0.07));
        const double w0 = std::exp(s0 / 0.07), w1 = std::exp(s1 / 0.07) + std::exp(s2 / 0.07);
        CHECK(r.knn_pred.item<int64_t>() == 0);
        CHECK(r.scores[0][0].item<double>() == Approx(w0 / (w0 + w1)).epsilon(1e-6));
    }
    SECTION("k larger than the memory bank uses every row") {
        const auto r = dino::knnClassify(train, train_l, test, 3, opts(20, 1.0));
        double total = 0, w2 = std::exp(0.0);
        for (double s : {s0, s1, s2, 0.0, -1.0}) total += std::exp(s);
        CHECK(r.scores[0][2].item<double>() == Approx(w2 / total).epsilon(1e-6));
    }
}

TEST_CASE("a tie in votes goes to the lowest class index", "[eval][knn]") {
    const float h = 1.0f / std::sqrt(2.0f);
    const auto train = rows({{1, 0}, {0, 1}});  // equally similar to the test point
    const auto r = dino::knnClassify(train, labels({2, 1}), rows({{h, h}}), 3, opts(2, 0.07));
    CHECK(r.knn_pred.item<int64_t>() == 1);
    CHECK(r.scores[0][1].item<double>() == 0.5);
    CHECK(r.scores[0][2].item<double>() == 0.5);
}

TEST_CASE("chunked kNN equals the whole similarity matrix at once", "[eval][knn]") {
    torch::manual_seed(7);
    const auto train = torch::nn::functional::normalize(torch::randn({300, 16}),
                                                        torch::nn::functional::NormalizeFuncOptions().dim(1));
    const auto test = torch::nn::functional::normalize(torch::randn({57, 16}),
                                                       torch::nn::functional::NormalizeFuncOptions().dim(1));
    const auto train_l = torch::randint(0, 5, {300}, torch::kLong);
    const auto whole = dino::knnClassify(train, train_l, test, 5, opts(20, 0.07, 57));
    // Independent 1-NN on the full matrix.
    CHECK(whole.nn1_pred.equal(train_l.index_select(0, test.matmul(train.t()).argmax(1))));
    std::vector<int64_t> seen;
    for (int64_t chunk : {1, 7, 56}) {
        const auto r = dino::knnClassify(train, train_l, test, 5, opts(20, 0.07, chunk),
                                         [&](int64_t done, int64_t total) {
                                             CHECK(total == 57);
                                             seen.push_back(done);
                                         });
        CHECK(r.nn1_pred.equal(whole.nn1_pred));
        CHECK(r.knn_pred.equal(whole.knn_pred));
        // float32 similarities of a 1-row block (gemv) and of a 57-row block (gemm) round differently,
        // by ~1e-7, which exp(sim / 0.07) turns into ~1e-6 relative.
        CHECK(r.scores.allclose(whole.scores, 1e-5, 1e-7));
        CHECK(seen.back() == 57);
    }
    SECTION("the byte budget sets the block height") {
        KnnOptions o;
        o.max_chunk_bytes = 300 * 4 * 10;  // ten rows of 300 floats
        const auto r = dino::knnClassify(train, train_l, test, 5, o);
        CHECK(dino::knnChunkRows(o, 300) == 10);
        CHECK(r.knn_pred.equal(whole.knn_pred));
    }
}

TEST_CASE("the default block for PathMNIST stays far below 2.5 GB", "[eval][knn]") {
    const KnnOptions o;
    const int64_t rows_per_block = dino::knnChunkRows(o, 89996);
    CHECK(rows_per_block >= 1);
    CHECK(rows_per_block * 89996 * 4 <= (int64_t(256) << 20));
    CHECK(rows_per_block < 7180);  // the test split is really split up
}

TEST_CASE("kNN rejects bad inputs and can be cancelled", "[eval][knn]") {
    const auto train = rows({{1, 0}, {0, 1}});
    CHECK_THROWS_WITH(dino::knnClassify(train, labels({0, 3}), train, 3), Catch::Contains("[0, 3)"));
    CHECK_THROWS_WITH(dino::knnClassify(train, labels({0}), train, 3), Catch::Contains("train labels"));
    CHECK_THROWS_WITH(dino::knnClassify(train, labels({0, 1}), rows({{1, 0, 0}}), 3), Catch::Contains("test features"));
    CHECK_THROWS_WITH(dino::knnClassify(train, labels({0, 1}), train, 3, opts(0, 0.07)), Catch::Contains("k must be"));
    CHECK_THROWS_WITH(dino::knnClassify(train, labels({0, 1}), train, 3, opts(1, 0.0)), Catch::Contains("temperature"));
    std::atomic<bool> cancel{true};
    CHECK_THROWS_AS(dino::knnClassify(train, labels({0, 1}), train, 3, {}, {}, &cancel), dino::OperationCancelled);
}

// Not run by default (hidden tag): kNN at PathMNIST's full size, for timing and peak memory, e.g.
//   /usr/bin/time -v build/tests/test_training "[.knn-bench]"
TEST_CASE("kNN at PathMNIST size (89,996 x 7,180, D = 192)", "[.knn-bench]") {
    torch::manual_seed(0);
    const auto opt = torch::nn::functional::NormalizeFuncOptions().dim(1);
    const auto train = torch::nn::functional::normalize(torch::randn({89996, 192}), opt);
    const auto test = torch::nn::functional::normalize(torch::randn({7180, 192}), opt);
    const auto labels = torch::randint(0, 9, {89996}, torch::kLong);
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = dino::knnClassify(train, labels, test, 9);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    WARN("kNN " << s << " s, " << dino::knnChunkRows({}, 89996) << " test rows per block");
    CHECK(r.scores.size(0) == 7180);
}
