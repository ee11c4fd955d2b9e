#include "training/process_group.h"

#include <torch/version.h>

#if defined(DINO_HAVE_C10D_GLOO) || defined(DINO_HAVE_C10D_NCCL)
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#ifdef DINO_HAVE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef DINO_HAVE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace dino {

namespace {
double now() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

#if defined(DINO_HAVE_C10D_GLOO) || defined(DINO_HAVE_C10D_NCCL)

// libtorch 2 split the collectives' implementations (Backend) from the ProcessGroup front; 1.13's
// ProcessGroupGloo is a ProcessGroup. Both have the same collective calls.
#if TORCH_VERSION_MAJOR >= 2
using CollectiveBackend = c10d::Backend;
#else
using CollectiveBackend = c10d::ProcessGroup;
#endif

struct ProcessGroupHandle::Impl {
    std::string address;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<CollectiveBackend> group;
    double collective_seconds = 0;
};

ProcessGroupHandle::ProcessGroupHandle(const api::DistributedEnv& env, const std::string& backend, double timeout_s)
    : impl_(std::make_unique<Impl>()), rank_(env.rank), world_(env.world_size), local_rank_(env.local_rank),
      local_world_(env.local_world_size), backend_(backend), timeout_s_(timeout_s) {
    const auto timeout = std::chrono::milliseconds(static_cast<int64_t>(timeout_s * 1000));
    impl_->address = env.master_addr + ":" + std::to_string(env.master_port);
    c10d::TCPStoreOptions opts;
    opts.port = static_cast<std::uint16_t>(env.master_port);
    opts.isServer = env.rank == 0;
    opts.numWorkers = static_cast<std::size_t>(env.world_size);
    opts.waitWorkers = false;  // the join below names the ranks that do not come
    opts.timeout = timeout;
    try {
        impl_->store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, opts);
    } catch (const std::exception& e) {
        fail("rendezvous", env.rank == 0 ? "cannot serve the rendezvous at " + impl_->address + ": " + e.what()
                                         : "cannot reach the rendezvous at " + impl_->address +
                                               " that rank 0 serves within " + std::to_string(int(timeout_s)) +
                                               " s: " + e.what());
    }
    std::vector<std::string> joined;
    for (int r = 0; r < world_; ++r) joined.push_back("dino/joined/" + std::to_string(r));
    try {
        impl_->store->set(joined[static_cast<size_t>(rank_)], std::vector<uint8_t>{'1'});
        impl_->store->wait(joined, timeout);
    } catch (const std::exception& e) {
        std::string missing;
        for (int r = 0; r < world_; ++r) {
            try {
                if (!impl_->store->check({joined[static_cast<size_t>(r)]}))
                    missing += (missing.empty() ? "" : ", ") + std::to_string(r);
            } catch (const std::exception&) {
            }
        }
        fail("rendezvous", (missing.empty() ? std::string("not every rank joined") : "rank " + missing + " did not join") +
                               " within " + std::to_string(int(timeout_s)) + " s at " + impl_->address + " (" +
                               e.what() + ")");
    }
    auto prefixed = c10::make_intrusive<c10d::PrefixStore>(backend, impl_->store);
    try {
        if (backend == "gloo") {
#ifdef DINO_HAVE_C10D_GLOO
            auto o = c10d::ProcessGroupGloo::Options::create(timeout);
            const char* ifname = std::getenv("GLOO_SOCKET_IFNAME");
            if (ifname && *ifname)
                o->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
            else if (env.master_addr == "127.0.0.1" || env.master_addr == "localhost")
                o->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                o->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            o->threads = 1;  // one collective at a time: the training step waits for each
            impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed, rank_, world_, o);
#endif
        } else if (backend == "nccl") {
#ifdef DINO_HAVE_C10D_NCCL
            auto o = c10d::ProcessGroupNCCL::Options::create();
            o->timeout = timeout;
            impl_->group = c10::make_intrusive<c10d::ProcessGroupNCCL>(prefixed, rank_, world_, o);
#endif
        }
    } catch (const std::exception& e) {
        fail("connecting the processes", e.what());
    }
    if (!impl_->group)
        fail("connecting the processes", "backend '" + backend + "' is not in this build");
}

ProcessGroupHandle::~ProcessGroupHandle() = default;

void ProcessGroupHandle::allReduceSum(torch::Tensor& t, const char* what) {
    const double t0 = now();
    try {
        std::vector<at::Tensor> v{t};
        impl_->group->allreduce(v, c10d::AllreduceOptions())->wait();
    } catch (const std::exception& e) {
        fail(what, e.what());
    }
    impl_->collective_seconds += now() - t0;
}

std::vector<torch::Tensor> ProcessGroupHandle::allGather(const torch::Tensor& t, const char* what) {
    const double t0 = now();
    std::vector<std::vector<at::Tensor>> out(1);
    try {
        for (int r = 0; r < world_; ++r) out[0].push_back(torch::empty_like(t));
        std::vector<at::Tensor> in{t.contiguous()};
        impl_->group->allgather(out, in, c10d::AllgatherOptions())->wait();
    } catch (const std::exception& e) {
        fail(what, e.what());
    }
    impl_->collective_seconds += now() - t0;
    return out[0];
}

void ProcessGroupHandle::broadcast(torch::Tensor& t, int root, const char* what) {
    const double t0 = now();
    try {
        c10d::BroadcastOptions o;
        o.rootRank = root;
        std::vector<at::Tensor> v{t};
        impl_->group->broadcast(v, o)->wait();
    } catch (const std::exception& e) {
        fail(what, e.what());
    }
    impl_->collective_seconds += now() - t0;
}

void ProcessGroupHandle::barrier(const char* what) {
    try {
        impl_->group->barrier(c10d::BarrierOptions())->wait();
    } catch (const std::exception& e) {
        fail(what, e.what());
    }
}

void ProcessGroupHandle::markStep(int64_t step) {
    try {
        const std::string s = std::to_string(step);
        impl_->store->set("dino/step/" + std::to_string(rank_), std::vector<uint8_t>(s.begin(), s.end()));
    } catch (const std::exception&) {
        // The store is gone (rank 0 stopped): the next collective reports it.
    }
}

double ProcessGroupHandle::takeCollectiveSeconds() {
    double s = impl_->collective_seconds;
    impl_->collective_seconds = 0;
    return s;
}

void ProcessGroupHandle::fail(const char* what, const std::string& cause) {
    std::ostringstream os;
    os << "rank " << rank_ << " of " << world_ << ": " << what << " failed: " << cause;
    // Where the store still answers, name the ranks that were behind this one.
    if (impl_ && impl_->store && world_ > 1 && std::string(what) != "rendezvous") {
        try {
            impl_->store->setTimeout(std::chrono::milliseconds(2000));
            auto stepOf = [&](int r) -> int64_t {
                const std::string key = "dino/step/" + std::to_string(r);
                if (!impl_->store->check({key})) return -1;
                auto v = impl_->store->get(key);
                return std::stoll(std::string(v.begin(), v.end()));
            };
            const int64_t mine = stepOf(rank_);
            std::string behind;
            for (int r = 0; r < world_; ++r) {
                if (r == rank_) continue;
                const int64_t s = stepOf(r);
                if (s < mine)
                    behind += (behind.empty() ? "" : ", ") + std::to_string(r) +
                              (s < 0 ? " (no step started)" : " (at step " + std::to_string(s) + ")");
            }
            if (!behind.empty())
                os << ". Did not answer: rank " << behind << "; this rank was at step " << mine;
        } catch (const std::exception&) {
            os << ". The rendezvous store at " << impl_->address << " is gone too: rank 0 has stopped";
        }
    }
    if (cause.find("imed out") != std::string::npos || cause.find("imeout") != std::string::npos)
        os << " (the timeout is system.dist_timeout_s = " << static_cast<int>(timeout_s_) << " s)";
    throw api::DistributedError(os.str());
}

#else  // no c10d backend in this build

struct ProcessGroupHandle::Impl {};

ProcessGroupHandle::ProcessGroupHandle(const api::DistributedEnv& env, const std::string& backend, double)
    : rank_(env.rank), world_(env.world_size), backend_(backend) {
    fail("connecting the processes",
         "this build has no distributed backend (Gloo needs libgloo-dev when DINO Studio is built)");
}
ProcessGroupHandle::~ProcessGroupHandle() = default;
void ProcessGroupHandle::allReduceSum(torch::Tensor&, const char* what) { fail(what, "no backend"); }
std::vector<torch::Tensor> ProcessGroupHandle::allGather(const torch::Tensor&, const char* what) { fail(what, "no backend"); }
void ProcessGroupHandle::broadcast(torch::Tensor&, int, const char* what) { fail(what, "no backend"); }
void ProcessGroupHandle::barrier(const char* what) { fail(what, "no backend"); }
void ProcessGroupHandle::markStep(int64_t) {}
double ProcessGroupHandle::takeCollectiveSeconds() { return 0; }
void ProcessGroupHandle::fail(const char* what, const std::string& cause) {
    throw api::DistributedError("rank " + std::to_string(rank_) + " of " + std::to_string(world_) + ": " + what +
                                " failed: " + cause);
}

#endif

}  // namespace dino
