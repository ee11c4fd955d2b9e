#include "training/runtime.h"

#include "common/precision.h"

#include <dlfcn.h>
#include <link.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace dino {

int applyThreads(int requested) {
    int n = requested > 0 ? requested : physicalCores();
    torch::set_num_threads(n);
    return n;
}

torch::Device resolveDevice(const std::string& requested) {
    if (requested == "cpu") return torch::kCPU;
    bool cuda = torch::cuda::is_available();
    if (requested == "cuda") {
        if (!cuda)
            throw std::runtime_error(
                "system.device is 'cuda' but no CUDA device is available (this libtorch build: " +
                std::string(TORCH_VERSION) + "); use 'cpu' or 'auto'");
        return torch::Device(torch::kCUDA, 0);
    }
    return cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

PrecisionFeatures precisionFeatures(torch::Device device) {
    PrecisionFeatures f;
    f.cuda = device.is_cuda();
    // libtorch has no device-properties call without the CUDA headers; GPUs that autocast supports
    // in bf16 at speed are Ampere (8.0) and newer, which is what a CUDA build targets.
    f.cuda_bf16 = f.cuda;
    f.avx512_bf16 = cpuHasFlag("avx512_bf16");
    f.amx_bf16 = cpuHasFlag("amx_bf16");
    return f;
}

namespace {
int findBlas(struct dl_phdr_info* info, size_t, void* data) {
    std::string name = info->dlpi_name ? info->dlpi_name : "";
    const std::string file = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (file.rfind("libcublas", 0) == 0) return 0;  // the GPU's BLAS (a CUDA build of libtorch), not the CPU's
    if (name.find("blas") != std::string::npos || name.find("mkl") != std::string::npos) {
        auto* out = static_cast<std::string*>(data);
        if (!out->empty()) *out += ", ";
        *out += name;
    }
    return 0;
}
}  // namespace

std::string blasDescription() {
    std::string libs;
    dl_iterate_phdr(findBlas, &libs);
    std::ostringstream os;
    using ConfigFn = char* (*)();
    auto config = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    auto core = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (config) {
        os << config();
        if (core) os << ", kernels " << core();
    } else if (!libs.empty()) {
        os << "reference BLAS (slow: install libopenblas0-openmp)";
    } else {
        os << "none found";
    }
    if (!libs.empty()) os << " [" << libs << "]";
    return os.str();
}

}  // namespace dino
