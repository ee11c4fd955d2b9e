#include "data/loader.h"

#include "common/splitmix.h"

#include <dlfcn.h>

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace dino {

torch::Tensor epochPermutation(int64_t n, uint64_t seed, int64_t epoch) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(splitmix64(seed ^ splitmix64(static_cast<uint64_t>(epoch) + 1)));
    return torch::randperm(n, gen, torch::kInt64);
}

uint64_t batchSeed(uint64_t seed, int64_t epoch, int64_t step) {
    uint64_t h = splitmix64(seed + 0x5851F42D4C957F2Dull);
    h = splitmix64(h ^ static_cast<uint64_t>(epoch));
    return splitmix64(h ^ (static_cast<uint64_t>(step) * 0x2545F4914F6CDD1Dull));
}

bool limitIntraOpThreadsOfThisThread(int n) {
    // at::parallel_for initialises a thread's OpenMP thread count lazily from the global setting;
    // trigger that first so that it does not undo what follows.
    (void)at::get_num_threads();
    using SetFn = void (*)(int);
    static SetFn set = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (!set) return false;
    set(n);  // an OpenMP ICV of this thread only; the training thread keeps its own
    return true;
}

struct MultiCropLoader::Impl {
    ImageSet data;
    MultiCrop aug;
    LoaderOptions opt;
    int64_t steps = 0;

    std::mutex mu;
    std::condition_variable cv;
    bool stopped = false, active = false;
    uint64_t generation = 0;
    int64_t epoch = 0, next_claim = 0, next_deliver = 0;
    torch::Tensor perm;
    struct Result {
        MultiCropBatch batch;
        std::exception_ptr error;
    };
    std::map<int64_t, Result> ready;
    std::vector<std::thread> threads;

    Impl(const ImageSet& d, const MultiCrop& a, LoaderOptions o) : data(d), aug(a), opt(o) {}

    int64_t capacity() const { return std::max(1, opt.prefetch) + std::max(1, opt.workers) - 1; }

    MultiCropBatch make(int64_t ep, int64_t step, const torch::Tensor& order) const {
        torch::NoGradGuard no_grad;
        auto idx = order.narrow(0, step * opt.batch_size, opt.batch_size);
        auto images = data.images.index_select(0, idx);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(batchSeed(opt.seed, ep, step));
        MultiCropBatch b = aug(images, gen);
        b.labels = data.labels.index_select(0, idx);
        if (opt.shard_count > 0 && opt.shard_count < opt.batch_size) {
            b.globals = b.globals.narrow(1, opt.shard_first, opt.shard_count).contiguous();
            b.locals = b.locals.narrow(1, opt.shard_first, opt.shard_count).contiguous();
            b.labels = b.labels.narrow(0, opt.shard_first, opt.shard_count).contiguous();
            for (auto& view : b.ops)
                if (!view.empty())
                    view = std::vector<AppliedOps>(view.begin() + opt.shard_first,
                                                   view.begin() + opt.shard_first + opt.shard_count);
        }
        return b;
    }

    void worker() {
        if (opt.worker_threads > 0) limitIntraOpThreadsOfThisThread(opt.worker_threads);
        std::unique_lock<std::mutex> lock(mu);
        while (true) {
            cv.wait(lock, [&] {
                return stopped || (active && next_claim < steps && next_claim - next_deliver < capacity());
            });
            if (stopped) return;
            const int64_t s = next_claim++;
            const uint64_t g = generation;
            const int64_t ep = epoch;
            torch::Tensor order = perm;
            lock.unlock();
            Result r;
            try {
                r.batch = make(ep, s, order);
            } catch (...) {
                r.error = std::current_exception();
            }
            lock.lock();
            if (g == generation && !stopped) {
                ready.emplace(s, std::move(r));
                cv.notify_all();
            }
        }
    }

    void startThreads() {
        stopped = false;
        for (int k = 0; k < opt.workers; ++k) threads.emplace_back([this] { worker(); });
    }

    void stopThreads() {
        {
            std::lock_guard<std::mutex> lock(mu);
            stopped = true;
            ready.clear();
        }
        cv.notify_all();
        for (auto& t : threads)
            if (t.joinable()) t.join();
        threads.clear();
    }
};

MultiCropLoader::MultiCropLoader(const ImageSet& data, const MultiCrop& aug, LoaderOptions opt)
    : impl_(std::make_unique<Impl>(data, aug, opt)) {
    if (opt.batch_size <= 0) throw std::invalid_argument("batch size must be positive");
    if (opt.workers < 0) throw std::invalid_argument("system.loader_workers must be >= 0");
    if (data.size() < opt.batch_size)
        throw std::invalid_argument("optim.batch_size " + std::to_string(opt.batch_size) + " is larger than the " +
                                    std::to_string(data.size()) + " images of " + data.source +
                                    " (batches are full, the last partial one is dropped)");
    impl_->steps = data.size() / opt.batch_size;
    if (opt.max_steps > 0) impl_->steps = std::min(impl_->steps, opt.max_steps);
    impl_->startThreads();
}

MultiCropLoader::~MultiCropLoader() { stop(); }

int64_t MultiCropLoader::stepsPerEpoch() const { return impl_->steps; }

void MultiCropLoader::startEpoch(int64_t epoch, int64_t first_step) {
    if (first_step < 0 || first_step > impl_->steps)
        throw std::invalid_argument("startEpoch: first step " + std::to_string(first_step) + " outside 0.." +
                                    std::to_string(impl_->steps));
    auto perm = epochPermutation(impl_->data.size(), impl_->opt.seed, epoch);
    bool restart = false;
    {
        std::lock_guard<std::mutex> lock(impl_->mu);
        restart = impl_->stopped;
    }
    if (restart) impl_->startThreads();
    {
        std::lock_guard<std::mutex> lock(impl_->mu);
        ++impl_->generation;
        impl_->epoch = epoch;
        impl_->perm = perm;
        impl_->next_claim = impl_->next_deliver = first_step;
        impl_->ready.clear();
        impl_->active = true;
    }
    impl_->cv.notify_all();
}

std::optional<MultiCropBatch> MultiCropLoader::next() {
    auto& m = *impl_;
    std::unique_lock<std::mutex> lock(m.mu);
    if (m.stopped || !m.active || m.next_deliver >= m.steps) return std::nullopt;
    if (m.opt.workers == 0) {
        const int64_t s = m.next_deliver++;
        torch::Tensor order = m.perm;
        const int64_t ep = m.epoch;
        lock.unlock();
        return m.make(ep, s, order);
    }
    const int64_t s = m.next_deliver;
    m.cv.wait(lock, [&] { return m.stopped || m.ready.count(s) > 0; });
    if (m.stopped) return std::nullopt;
    auto node = m.ready.extract(s);
    ++m.next_deliver;
    lock.unlock();
    m.cv.notify_all();
    if (node.mapped().error) std::rethrow_exception(node.mapped().error);
    return std::move(node.mapped().batch);
}

void MultiCropLoader::stop() {
    if (impl_) impl_->stopThreads();
}

MultiCropBatch MultiCropLoader::makeBatch(int64_t epoch, int64_t step) const {
    if (step < 0 || step >= impl_->steps) throw std::out_of_range("makeBatch: step outside the epoch");
    return impl_->make(epoch, step, epochPermutation(impl_->data.size(), impl_->opt.seed, epoch));
}

}  // namespace dino
