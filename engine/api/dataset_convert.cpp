// `dino convert-idx`: MNIST-style IDX files into the MedMNIST .npz layout, so that any grey 28 px set
// (Fashion-MNIST from Debian's dataset-fashion-mnist, MNIST, KMNIST) trains and evaluates like a
// MedMNIST file.
#include "api/analysis.h"
#include "common/run_types.h"  // api::DataError

#include "data/idx.h"
#include "export/npz_writer.h"

#include <stdexcept>
#include <tuple>

namespace dino::api {

namespace {

// Images (N,H,W) and labels (N,) of one split, checked against each other; names the files.
std::pair<torch::Tensor, torch::Tensor> readPair(const std::string& images_path, const std::string& labels_path) {
    auto images = readIdx(images_path);
    auto labels = readIdx(labels_path);
    if (images.dim() != 3 || images.size(1) != images.size(2))
        throw std::runtime_error(images_path + ": shape " + c10::str(images.sizes()) +
                                 ", expected square images (N, H, W)");
    if (labels.dim() != 1)
        throw std::runtime_error(labels_path + ": shape " + c10::str(labels.sizes()) + ", expected labels (N,)");
    if (labels.size(0) != images.size(0))
        throw std::runtime_error(labels_path + ": " + std::to_string(labels.size(0)) + " labels but " + images_path +
                                 " holds " + std::to_string(images.size(0)) + " images");
    return {images, labels};
}

}  // namespace

DatasetSummary convertIdxDataset(const IdxConversion& c) {
    if (c.out.empty()) throw std::invalid_argument("no output file given (--out)");
    torch::Tensor train_x, train_y, test_x, test_y;
    try {  // what is wrong with the input files is a data error (exit code 4); the output's, a failure
        std::tie(train_x, train_y) = readPair(c.train_images, c.train_labels);
        std::tie(test_x, test_y) = readPair(c.test_images, c.test_labels);
    } catch (const std::exception& e) {
        throw DataError(e.what());
    }
    if (test_x.size(1) != train_x.size(1))
        throw DataError(c.test_images + ": " + std::to_string(test_x.size(1)) + " px images, but the training images are " +
                        std::to_string(train_x.size(1)) + " px");
    const int64_t n = train_x.size(0);
    if (c.val_count < 0 || c.val_count >= n)
        throw std::invalid_argument("--val " + std::to_string(c.val_count) + " must be in 0.." +
                                    std::to_string(n - 1) + " (the training files hold " + std::to_string(n) + " images)");
    const int64_t n_train = n - c.val_count;
    std::vector<std::pair<std::string, torch::Tensor>> arrays = {
        {"train_images", train_x.narrow(0, 0, n_train)}, {"train_labels", train_y.narrow(0, 0, n_train).unsqueeze(1)}};
    if (c.val_count > 0) {
        arrays.push_back({"val_images", train_x.narrow(0, n_train, c.val_count)});
        arrays.push_back({"val_labels", train_y.narrow(0, n_train, c.val_count).unsqueeze(1)});
    }
    arrays.push_back({"test_images", test_x});
    arrays.push_back({"test_labels", test_y.unsqueeze(1)});
    writeNpz(c.out, arrays);
    return inspectDataset(c.out);
}

std::string debianFashionMnistDir() { return "/usr/share/datasets/fashion-mnist"; }

IdxConversion fashionMnistConversion(const std::string& dir, const std::string& out) {
    IdxConversion c;
    c.train_images = dir + "/train-images-idx3-ubyte.gz";
    c.train_labels = dir + "/train-labels-idx1-ubyte.gz";
    c.test_images = dir + "/t10k-images-idx3-ubyte.gz";
    c.test_labels = dir + "/t10k-labels-idx1-ubyte.gz";
    c.val_count = 6000;  // issue 25's split: train = the first 54,000, val = the last 6,000
    c.out = out;
    return c;
}

}  // namespace dino::api
