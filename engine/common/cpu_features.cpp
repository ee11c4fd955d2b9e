#include "common/cpu_features.h"

#include <algorithm>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <utility>

namespace dino {
namespace {

struct CpuInfo {
    std::set<std::string> flags;
    int cores = 0;
};

const CpuInfo& cpuInfo() {
    static const CpuInfo info = [] {
        CpuInfo c;
        std::ifstream in("/proc/cpuinfo");
        std::set<std::pair<int, int>> cores;
        std::string line;
        int phys = 0;
        bool flags_read = false;
        while (std::getline(in, line)) {
            const auto colon = line.find(':');
            if (colon == std::string::npos || colon == 0) continue;
            const std::string key = line.substr(0, line.find_last_not_of(" \t", colon - 1) + 1);
            if (key == "physical id") phys = std::atoi(line.c_str() + colon + 1);
            else if (key == "core id") cores.insert({phys, std::atoi(line.c_str() + colon + 1)});
            else if (key == "flags" && !flags_read) {
                std::istringstream words(line.substr(colon + 1));
                for (std::string w; words >> w;) c.flags.insert(w);
                flags_read = true;
            }
        }
        c.cores = static_cast<int>(cores.size());
        if (c.cores <= 0) c.cores = static_cast<int>(std::thread::hardware_concurrency());
        if (c.cores <= 0) c.cores = 1;
        return c;
    }();
    return info;
}

}  // namespace

bool cpuHasFlag(const std::string& flag) { return cpuInfo().flags.count(flag) > 0; }

int physicalCores() { return cpuInfo().cores; }

bool cpuHasNativeBf16() { return cpuHasFlag("avx512_bf16") || cpuHasFlag("amx_bf16"); }

int threadsPerProcess(int configured_threads, int physical_cores, int local_world_size) {
    if (configured_threads > 0) return configured_threads;
    return std::max(1, physical_cores / std::max(1, local_world_size));
}

}  // namespace dino
