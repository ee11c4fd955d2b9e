// One process's place in a data-parallel run (torchrun's variables) and the error a collective ends
// with. Torch-free; on the ground floor so that the trainer's process group and the facade
// (api/distributed.h, which re-exports them as dino::api::...) share them.
#pragma once

#include <stdexcept>
#include <string>

namespace dino::api {

// A collective or the rendezvous failed: the message names this rank, the operation and, where it
// can be told, the rank that did not answer. The run's last good checkpoint is kept.
class DistributedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DistributedEnv {
    int world_size = 1;
    int rank = 0;
    int local_rank = 0;
    int local_world_size = 1;  // processes on this machine (LOCAL_WORLD_SIZE; sets the threads of each)
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
    bool enabled() const { return world_size > 1; }
};

}  // namespace dino::api
