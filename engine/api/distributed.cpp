#include "api/distributed.h"

#include "common/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace dino::api {
namespace {

int intVariable(const std::map<std::string, std::string>& vars, const std::string& name, int fallback, int lo,
                int hi) {
    auto it = vars.find(name);
    if (it == vars.end() || it->second.empty()) return fallback;
    const std::string& s = it->second;
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(s.c_str(), &end, 10);
    if (errno != 0 || end == s.c_str() || *end != '\0' || v < lo || v > hi)
        throw std::invalid_argument("environment variable " + name + " must be an integer from " + std::to_string(lo) +
                                    " to " + std::to_string(hi) + " (got '" + s + "')");
    return static_cast<int>(v);
}

}  // namespace

DistributedEnv distributedFromVariables(const std::map<std::string, std::string>& vars) {
    DistributedEnv env;
    env.world_size = intVariable(vars, "WORLD_SIZE", 1, 1, 65536);
    if (env.world_size == 1) return env;
    if (vars.find("RANK") == vars.end())
        throw std::invalid_argument("environment variable RANK is not set although WORLD_SIZE is " +
                                    std::to_string(env.world_size) +
                                    " (a launcher such as torchrun or `dino train --nproc N` sets both)");
    env.rank = intVariable(vars, "RANK", 0, 0, env.world_size - 1);
    env.local_rank = intVariable(vars, "LOCAL_RANK", env.rank, 0, env.world_size - 1);
    env.local_world_size = intVariable(vars, "LOCAL_WORLD_SIZE", 1, 1, env.world_size);
    env.master_port = intVariable(vars, "MASTER_PORT", 29500, 1, 65535);
    auto addr = vars.find("MASTER_ADDR");
    if (addr != vars.end() && !addr->second.empty()) env.master_addr = addr->second;
    return env;
}

DistributedEnv distributedFromEnvironment() {
    std::map<std::string, std::string> vars;
    for (const char* name : {"WORLD_SIZE", "RANK", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT"})
        if (const char* v = std::getenv(name)) vars[name] = v;
    return distributedFromVariables(vars);
}

std::map<std::string, std::string> localLauncherVariables(int world, int rank, int port) {
    return {{"WORLD_SIZE", std::to_string(world)},     {"RANK", std::to_string(rank)},
            {"LOCAL_RANK", std::to_string(rank)},      {"LOCAL_WORLD_SIZE", std::to_string(world)},
            {"MASTER_ADDR", "127.0.0.1"},              {"MASTER_PORT", std::to_string(port)}};
}

std::vector<std::string> availableDistBackends() {
    std::vector<std::string> out;
#ifdef DINO_HAVE_C10D_GLOO
    out.push_back("gloo");
#endif
#ifdef DINO_HAVE_C10D_NCCL
    out.push_back("nccl");
#endif
    return out;
}

std::string resolveDistBackend(const std::string& configured, const std::string& device) {
    const auto have = availableDistBackends();
    auto has = [&](const std::string& b) { return std::find(have.begin(), have.end(), b) != have.end(); };
    std::string built;
    for (const auto& b : have) built += (built.empty() ? "" : ", ") + b;
    if (built.empty()) built = "none";
    std::string pick = configured;
    if (pick == "auto") pick = (device == "cuda" && has("nccl")) ? "nccl" : "gloo";
    if (!has(pick))
        throw std::runtime_error("system.dist_backend: '" + pick +
                                 "' is not in this build (backends built: " + built +
                                 "; Gloo needs libgloo-dev at build time, NCCL a CUDA libtorch)");
    if (pick == "nccl" && device != "cuda")
        throw std::runtime_error("system.dist_backend: 'nccl' needs system.device=cuda (the run is on " + device +
                                 "); use 'gloo' or 'auto'");
    return pick;
}

void requireDistributedBackend(int processes) {
    if (processes > 1 && availableDistBackends().empty())
        throw ConfigError("configuration", {{"system.processes", "this build has no distributed backend: install "
                                                                 "libgloo-dev and build again, or set it to 1 (got " +
                                                                     std::to_string(processes) + ")"}});
}

}  // namespace dino::api
