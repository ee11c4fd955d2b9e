#include "api/analysis.h"
#include "training/runtime.h"

#include <cstdlib>

namespace dino::api {

std::vector<std::pair<std::string, std::string>> systemInfo() {
    std::vector<std::pair<std::string, std::string>> info;
    info.push_back({"DINO Studio", DINO_VERSION});
    info.push_back({"libtorch", TORCH_VERSION});
    bool cuda = torch::cuda::is_available();
    info.push_back({"device", cuda ? "cuda (" + std::to_string(torch::cuda::device_count()) + " GPU), auto picks cuda"
                                   : std::string("cpu (no CUDA device), auto picks cpu")});
    info.push_back({"threads", std::to_string(physicalCores()) + " physical cores (default); libtorch started with " +
                                   std::to_string(torch::get_num_threads())});
    info.push_back({"BLAS", blasDescription()});
    const char* ct = std::getenv("OPENBLAS_CORETYPE");
    info.push_back({"OPENBLAS_CORETYPE", ct ? ct : "(not set)"});
    info.push_back({"bf16 on CPU", at::globalContext().userEnabledMkldnn() ? "oneDNN enabled" : "oneDNN disabled"});
    return info;
}

}  // namespace dino::api
