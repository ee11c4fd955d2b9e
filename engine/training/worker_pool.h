// A few persistent threads for data parallelism over the images of one training step on the CPU.
// On a small CPU, libtorch's intra-op threads scale poorly on a small ViT's many small operations
// (measured on a 2-core Zen3: 1.6x with 2 threads), while T threads that each run ONE intra-op
// thread on their own images scale almost linearly. Each worker sets its intra-op thread count to 1
// once; the thread that creates the pool keeps its own count (the optimizer step, the EMA update
// and the evaluation still use all the threads).
//
// libtorch 1.13 with OpenMP: at::set_num_threads(n) sets the calling thread's OpenMP thread count
// AND a process-wide default that each thread reads the first time it runs a parallel operation.
// The pool therefore has each worker read the default first, then set its own count to 1, and
// restores the default to the creator's count once all workers are ready.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dino {

// Whether this libtorch can give threads different intra-op thread counts (its OpenMP backend
// can; the native thread pool has one count for the whole process).
bool perThreadIntraOpThreads();

class WorkerPool {
public:
    // Starts `workers` (>= 1) threads with one intra-op thread each, waits until they are ready,
    // then sets `caller_threads` intra-op threads for the calling thread and as the process default.
    WorkerPool(int workers, int caller_threads);
    ~WorkerPool();  // joins the workers (a task in progress finishes first)
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int size() const { return static_cast<int>(threads_.size()); }

    // Runs task(w) on worker w for every worker and waits for all of them. When tasks throw, rethrows
    // the exception of the lowest-numbered worker that threw (after all have finished).
    // Not reentrant: call from one thread at a time, never from inside a task.
    void run(const std::function<void(int worker)>& task);

private:
    void loop(int worker);

    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable start_cv_, done_cv_;
    const std::function<void(int)>* task_ = nullptr;
    uint64_t generation_ = 0;  // incremented for every run()
    int pending_ = 0;          // workers still running the current task
    int ready_ = 0;            // workers that finished their set-up
    bool stop_ = false;
    std::vector<std::exception_ptr> errors_;
};

}  // namespace dino
