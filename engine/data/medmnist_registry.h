// The 2D MedMNIST datasets: official download addresses, MD5 sums, class names, split sizes.
#pragma once

#include <cstdint>
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
    // Added: the other sizes of MedMNIST v3 (64, 128, 224). Empty string for an unknown size.
    std::string md5_64, md5_128, md5_224;
    std::string license;
    std::string url(int size) const;  // official address of the file of that size ("" if not a MedMNIST size)
    std::string md5(int size) const;  // its MD5 ("" if unknown)
    int64_t splitSize(const std::string& split) const;  // 0 if unknown
    bool multiLabel() const { return task.find("multi-label") != std::string::npos; }
};

const std::vector<MedmnistDataset>& medmnistDatasets();
const MedmnistDataset* findMedmnist(const std::string& flag);  // nullptr if unknown
// The dataset a file belongs to, from its name (pathmnist_sample.npz -> pathmnist); nullptr if unknown.
const MedmnistDataset* medmnistForFile(const std::string& path);
// The sizes MedMNIST+ publishes: 28, 64, 128, 224.
bool isMedmnistSize(int size);

}  // namespace dino
