#include "training/worker_pool.h"

#include <ATen/Config.h>
#include <ATen/Parallel.h>

#include <stdexcept>
#include <string>

namespace dino {

bool perThreadIntraOpThreads() {
#if AT_PARALLEL_OPENMP
    return true;
#else
    return false;
#endif
}

WorkerPool::WorkerPool(int workers, int caller_threads) {
    if (workers < 1) throw std::invalid_argument("WorkerPool: workers must be >= 1 (got " + std::to_string(workers) + ")");
    if (caller_threads < 1)
        throw std::invalid_argument("WorkerPool: caller_threads must be >= 1 (got " + std::to_string(caller_threads) + ")");
    // The caller's own lazy initialisation happens now, with its current count, not later with the
    // default that the workers change for a moment.
    at::get_num_threads();
    errors_.resize(static_cast<size_t>(workers));
    try {
        for (int w = 0; w < workers; ++w) threads_.emplace_back([this, w] { loop(w); });
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        start_cv_.notify_all();
        for (auto& t : threads_) t.join();
        throw;
    }
    std::exception_ptr setup_error;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        done_cv_.wait(lock, [&] { return ready_ == workers; });
        for (auto& e : errors_)
            if (e && !setup_error) setup_error = e;
        for (auto& e : errors_) e = nullptr;
    }
    at::set_num_threads(caller_threads);
    if (setup_error) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        start_cv_.notify_all();
        for (auto& t : threads_) t.join();
        std::rethrow_exception(setup_error);
    }
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    start_cv_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
}

void WorkerPool::loop(int worker) {
    std::exception_ptr setup_error;
    try {
        at::get_num_threads();   // this thread's lazy initialisation, from the process default
        at::set_num_threads(1);  // then one intra-op thread for this thread (and, briefly, the default)
    } catch (...) {
        setup_error = std::current_exception();
    }
    uint64_t seen = 0;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        errors_[static_cast<size_t>(worker)] = setup_error;
        ++ready_;
        seen = generation_;
    }
    done_cv_.notify_all();
    for (;;) {
        const std::function<void(int)>* task = nullptr;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            task = task_;
        }
        std::exception_ptr error;
        try {
            (*task)(worker);
        } catch (...) {
            error = std::current_exception();
        }
        bool last = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            errors_[static_cast<size_t>(worker)] = error;
            last = --pending_ == 0;
        }
        if (last) done_cv_.notify_all();
    }
}

void WorkerPool::run(const std::function<void(int worker)>& task) {
    std::exception_ptr first_error;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        task_ = &task;
        pending_ = size();
        ++generation_;
        start_cv_.notify_all();
        done_cv_.wait(lock, [&] { return pending_ == 0; });
        task_ = nullptr;
        for (auto& e : errors_) {
            if (e && !first_error) first_error = e;
            e = nullptr;
        }
    }
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace dino
