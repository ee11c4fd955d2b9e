// k-nearest-neighbour classification on L2-normalised features (cosine similarity):
// the seed's 1-NN (Part V) and DINO's weighted k-NN (Caron et al. 2021, eval_knn.py): the k most
// similar training features vote for their class with weight exp(sim / T).
// The test rows are processed in chunks so that the (n_test x n_train) similarity matrix never
// exists at once (PathMNIST: 7,180 x 89,996 floats would be 2.6 GB).
#pragma once

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>

namespace dino {

struct KnnOptions {
    int k = 20;                  // neighbours that vote (clamped to n_train)
    double temperature = 0.07;   // vote weight exp(sim / T)
    int64_t chunk_rows = 0;      // test rows per similarity block; 0 = from max_chunk_bytes
    int64_t max_chunk_bytes = int64_t(256) << 20;  // budget for one similarity block
};

struct KnnResult {
    torch::Tensor nn1_pred;  // (n_test,) int64: label of the most similar training feature
    torch::Tensor knn_pred;  // (n_test,) int64: class with the largest vote
    torch::Tensor scores;    // (n_test, num_classes) float64: votes divided by their row sum
};

// Test rows per similarity block for n_train columns of float32 under the options' budget (>= 1).
int64_t knnChunkRows(const KnnOptions& opt, int64_t n_train);

// One block of queries (n, D) against the transposed bank (D, n_train): the k largest cosine
// similarities per row, sorted, and their bank rows. knnClassify votes with exactly these.
std::tuple<torch::Tensor, torch::Tensor> knnTopK(const torch::Tensor& queries, const torch::Tensor& bank_t, int64_t k);

// train_features (n_train, D), test_features (n_test, D): float, rows L2-normalised (not checked:
// un-normalised rows give dot-product neighbours). train_labels (n_train,) integer in [0, num_classes).
// Ties: 1-NN takes the first training row among equally similar ones (like torch.argmax);
// a tie in votes goes to the lowest class index. Which of several equally similar rows at the
// k-th place enters the vote is unspecified (torch.topk).
// progress(done_rows, n_test) is called after each block; cancel (may be null) is polled before each
// block and throws OperationCancelled (evaluation/cancellation.h).
KnnResult knnClassify(const torch::Tensor& train_features, const torch::Tensor& train_labels,
                      const torch::Tensor& test_features, int num_classes, const KnnOptions& opt = {},
                      const std::function<void(int64_t, int64_t)>& progress = {},
                      const std::atomic<bool>* cancel = nullptr);

}  // namespace dino
