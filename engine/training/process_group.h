// One process of a data-parallel run: torch's c10d process group (Gloo on the CPU, NCCL on CUDA where
// the libtorch has it) over a TCPStore rendezvous, as torchrun's processes use it. Only the collectives
// the trainer needs, on whole tensors; every failure is a DistributedError that names this rank, the
// collective and, where the store can tell, the rank that did not answer.
#pragma once

#include "common/distributed_env.h"
#include "data/batch_shard.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace dino {

class ProcessGroupHandle {
public:
    // Joins the group: rank 0 serves the TCPStore at master_addr:master_port, every rank connects
    // and announces itself; when a rank does not arrive within `timeout_s`, the error names it.
    // backend: "gloo" or "nccl" (resolved, see api::resolveDistBackend).
    ProcessGroupHandle(const api::DistributedEnv& env, const std::string& backend, double timeout_s);
    ~ProcessGroupHandle();
    ProcessGroupHandle(const ProcessGroupHandle&) = delete;
    ProcessGroupHandle& operator=(const ProcessGroupHandle&) = delete;

    int rank() const { return rank_; }
    int world() const { return world_; }
    int localRank() const { return local_rank_; }        // among the processes of this machine
    int localWorldSize() const { return local_world_; }  // processes on this machine
    const std::string& backend() const { return backend_; }

    // In place: the element-wise sum over the ranks. `what` names it in errors.
    void allReduceSum(torch::Tensor& t, const char* what);
    // Every rank's `t` (the same shape on all), in rank order.
    std::vector<torch::Tensor> allGather(const torch::Tensor& t, const char* what);
    // In place: rank `root`'s value on every rank.
    void broadcast(torch::Tensor& t, int root, const char* what);
    void barrier(const char* what);

    // Records this rank's progress in the store (one small write), so that a failed collective can
    // name the ranks that were behind.
    void markStep(int64_t step);
    // Seconds spent inside collectives since the last call (the all-reduce time of a step).
    double takeCollectiveSeconds();

private:
    [[noreturn]] void fail(const char* what, const std::string& cause);
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0;
    int world_ = 1;
    int local_rank_ = 0;
    int local_world_ = 1;
    std::string backend_;
    double timeout_s_ = 0;
};


}  // namespace dino
