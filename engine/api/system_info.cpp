#include "api/analysis.h"
#include "api/distributed.h"
#include "common/precision.h"
#include "api/process.h"
#include "model/fast_gelu.h"
#include "model/fused_attention.h"
#include "model/onednn_gemm.h"
#include "training/runtime.h"
#include "training/worker_pool.h"

#include <ATen/Version.h>

#include <cstdlib>

namespace dino::api {

namespace {

// A KEY=value field of libtorch's build configuration (at::show_config(), torch.__config__.show()),
// "" when absent.
std::string buildField(const std::string& config, const std::string& key) {
    size_t at = 0;
    while ((at = config.find(key + "=", at)) != std::string::npos) {
        if (at == 0 || config[at - 1] == ' ' || config[at - 1] == ',') {
            const size_t begin = at + key.size() + 1;
            const size_t end = config.find_first_of(",\n", begin);
            return config.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        }
        at += key.size();
    }
    return "";
}

// "CUDA 13.2, cuDNN 9.26.0, NCCL" for a CUDA build of libtorch, "CPU only" otherwise.
std::string libtorchBuild() {
    const std::string c = at::show_config();
    const std::string use_cuda = buildField(c, "USE_CUDA");
    if (use_cuda != "1" && use_cuda != "ON") return "CPU only";
    std::string s = "CUDA " + buildField(c, "CUDA_VERSION");
    const std::string cudnn = buildField(c, "CUDNN_VERSION");
    if (!cudnn.empty()) s += ", cuDNN " + cudnn;
    const std::string nccl = buildField(c, "USE_NCCL");
    if (nccl == "1" || nccl == "ON") s += ", NCCL";
    return s;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> systemInfo() {
    std::vector<std::pair<std::string, std::string>> info;
    info.push_back({"DINO Studio", DINO_VERSION});
    info.push_back({"libtorch", TORCH_VERSION});
    info.push_back({"libtorch build", libtorchBuild()});
    bool cuda = torch::cuda::is_available();
    info.push_back({"device", cuda ? "cuda (" + std::to_string(torch::cuda::device_count()) + " GPU), auto picks cuda"
                                   : std::string("cpu (no CUDA device), auto picks cpu")});
    info.push_back({"threads", std::to_string(physicalCores()) + " physical cores (default); libtorch started with " +
                                   std::to_string(torch::get_num_threads())});
    info.push_back({"BLAS", blasDescription()});
    const char* ct = std::getenv("OPENBLAS_CORETYPE");
    info.push_back({"OPENBLAS_CORETYPE", ct ? ct : "(not set)"});
    std::string features;
    for (const char* f : {"avx2", "fma", "avx512f", "avx512_bf16", "amx_bf16"})
        if (cpuHasFlag(f)) features += std::string(features.empty() ? "" : " ") + f;
    info.push_back({"CPU features", features.empty() ? "(none of avx2 fma avx512f avx512_bf16 amx_bf16)" : features});
    const bool native_bf16 = cpuHasFlag("avx512_bf16") || cpuHasFlag("amx_bf16");
    info.push_back({"bf16 on CPU", std::string(at::globalContext().userEnabledMkldnn() ? "oneDNN enabled" : "oneDNN disabled") +
                                       (native_bf16 ? ", native bf16" : ", no native bf16 (emulated: much slower than fp32)")});
    {
        const PrecisionChoice auto_choice = choosePrecision("auto", precisionFeatures(resolveDevice("auto")));
        info.push_back({"precision (auto)", auto_choice.reason});
    }
    info.push_back({"CPU training step", perThreadIntraOpThreads()
                                             ? "with threads > 1: images split over one worker per thread (1 intra-op thread each)"
                                             : "intra-op threads only (this libtorch has no OpenMP)"});
    info.push_back({"fused attention", !fusedAttentionBuilt()      ? "off (built without BLAS)"
                                       : fusedAttentionEnabled() ? "on (CPU fp32/fp64 and bf16 autocast, system BLAS)"
                                                                 : "off (DINO_FUSED_ATTENTION=0)"});
    info.push_back({"oneDNN sgemm", !onednnBuilt()    ? "off (no separate oneDNN library at build time: libtorch's own products)"
                                    : onednnEnabled() ? "on (ViT Linear layers and attention products, CPU fp32)"
                                                      : "off (DINO_ONEDNN=0)"});
    info.push_back({"bf16 matmul",
                    onednnBf16Active() ? "on (oneDNN, ViT Linear layers under bf16 autocast)"
                    : !onednnAvailable() ? "off (no oneDNN sgemm)"
                    : onednnBf16Mode() == OnednnBf16Mode::Off ? "off (DINO_ONEDNN_BF16=0)"
                                                      : "off (no native bf16 here: libtorch's autocast products)"});
    info.push_back({"GELU", fastGeluEnabled() ? std::string("on (exact-erf kernel, CPU fp32 and bf16, ") + fastGeluIsa() + ")"
                                                       : std::string("off (DINO_FAST_GELU=0)")});
    info.push_back({"malloc tuning", mallocTuningEnabled() ? "on (glibc kept off mmap)" : "off (DINO_MALLOC_TUNING=0)"});
    std::string backends;
    for (const auto& b : availableDistBackends()) backends += (backends.empty() ? "" : ", ") + b;
    info.push_back({"data parallel", backends.empty() ? "off (built without Gloo headers: install libgloo-dev)"
                                                      : "c10d " + backends + " (dino train --nproc N, or torchrun's variables)"});
    return info;
}

}  // namespace dino::api
