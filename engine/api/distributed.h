// Data-parallel training over several processes: the launcher environment (torchrun's variables),
// the backend choice and what this build supports. Torch-free, for the CLI and the GUI.
#pragma once

#include "common/cpu_features.h"
#include "common/distributed_env.h"

#include <map>
#include <string>
#include <vector>

namespace dino::api {

// WORLD_SIZE, RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT as torchrun sets them, read
// through `get` (the process environment by default). No WORLD_SIZE, or WORLD_SIZE=1: one process.
// Throws std::invalid_argument naming the variable for a value out of range or not a number, or
// RANK missing when WORLD_SIZE > 1.
DistributedEnv distributedFromEnvironment();
DistributedEnv distributedFromVariables(const std::map<std::string, std::string>& vars);

// The variables of local process `rank` of `world` started by `dino train --nproc`.
std::map<std::string, std::string> localLauncherVariables(int world, int rank, int port);

// Backends this build has: "gloo" (c10d with Gloo), "nccl" (a CUDA libtorch with NCCL).
std::vector<std::string> availableDistBackends();

// system.dist_backend resolved for a device ("cpu" or "cuda"): auto = nccl on CUDA where built, else
// gloo. Throws std::runtime_error saying what this build has when the choice is not available.
std::string resolveDistBackend(const std::string& configured, const std::string& device);

// The intra-op threads of each process: system.threads when set, else the physical cores shared by
// the processes of this machine (at least 1). Defined in common/ because the trainer uses it too.
using ::dino::threadsPerProcess;

// Throws ConfigError naming system.processes when this build has no distributed backend, so that
// a multi-process run is refused before any process starts.
void requireDistributedBackend(int processes);

}  // namespace dino::api
