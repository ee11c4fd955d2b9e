// The 2D MedMNIST datasets: official download addresses, MD5 sums, class names, split sizes.
#pragma once

#include <string>
#include <vector>

namespace dino {

struct MedmnistDataset {
    std::string flag;          // "pathmnist"
    std::string task;          // "multi-class", "binary-class", "multi-label", "ordinal-regression"
    int channels = 3;
    std::vector<std::string> class_names;
    int64_t n_train = 0, n_val = 0, n_test = 0;
    std::string url28, md5_28;  // the 28x28 file
    std::vector<double> mean, std;  // known normalisation (PathMNIST), else empty
    std::string fileName(int size) const;  // pathmnist.npz, pathmnist_64.npz, ...
};

const std::vector<MedmnistDataset>& medmnistDatasets();
const MedmnistDataset* findMedmnist(const std::string& flag);  // nullptr if unknown
// The dataset a file belongs to, from its name (pathmnist_sample.npz -> pathmnist); nullptr if unknown.
const MedmnistDataset* medmnistForFile(const std::string& path);

}  // namespace dino
