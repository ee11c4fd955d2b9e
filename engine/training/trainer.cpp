#include "training/trainer.h"

#include "data/dataset.h"
#include "common/fsutil.h"
#include "common/precision.h"
#include "common/retention.h"
#include "data/medmnist_registry.h"
#include "common/cancellation.h"
#include "common/metrics_schema.h"
#include "export/encoder_weights.h"
#include "model/teacher.h"
#include "training/checkpoint.h"
#include "training/drop_path.h"
#include "training/image_split.h"
#include "training/live_knn.h"
#include "training/optim_groups.h"
#include "training/plan.h"
#include "training/process_group.h"
#include "training/runtime.h"
#include "training/train_step.h"
#include "training/worker_pool.h"

#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <filesystem>
#include <cmath>
#include <sstream>

namespace dino {
namespace {

ImageSet openTrainingData(const RunConfig& cfg) {
    try {
        std::string path = resolveDatasetPath(cfg.data);
        const MedmnistDataset* info = medmnistForFile(path);
        ImageSet all = loadSplit(path, cfg.data.train_split, info ? static_cast<int>(info->class_names.size()) : 0);
        int64_t n = trainingSetSize(cfg, all.size());
        if (n == all.size()) return all;
        ImageSet sub = all;
        sub.images = all.images.narrow(0, 0, n).contiguous();
        sub.labels = all.labels.narrow(0, 0, n).contiguous();
        sub.source = all.source + " (first " + std::to_string(n) + ")";
        return sub;
    } catch (const ConfigError&) {
        throw;
    } catch (const std::exception& e) {
        throw api::DataError(e.what());
    }
}

}  // namespace

Trainer::Trainer(const RunConfig& cfg, const std::string& checkpoint_dir, std::shared_ptr<ProcessGroupHandle> dist)
    : cfg_(cfg), ckpt_dir_(checkpoint_dir), device_(torch::kCPU), dist_(std::move(dist)) {
    auto errors = validate(cfg_);
    if (!errors.empty()) throw ConfigError("config", errors);
    if (dist_ && dist_->world() <= 1) dist_.reset();
    device_ = resolveDevice(cfg_.system.device);
    if (dist_ && device_.is_cuda()) {
        // One GPU per process of this machine (torchrun's LOCAL_RANK).
        const int64_t gpus = std::max<int64_t>(1, static_cast<int64_t>(torch::cuda::device_count()));
        device_ = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(dist_->localRank() % gpus));
    }
    const PrecisionChoice precision = choosePrecision(cfg_.system.precision, precisionFeatures(device_));
    bf16_ = precision.precision == "bf16";

    data_ = openTrainingData(cfg_);
    const int64_t n = data_.size();
    if (cfg_.optim.batch_size > n)
        throw ConfigError("config", {{"optim.batch_size", "must be <= the number of training images, " + std::to_string(n) +
                                                              " in " + data_.source + " (got " +
                                                              std::to_string(cfg_.optim.batch_size) + ")"}});
    img_size_ = data_.imageSize();
    if (img_size_ % cfg_.model.patch_size != 0)
        throw ConfigError("config", {{"model.patch_size", "must divide the image size " + std::to_string(img_size_) +
                                                              " of " + data_.source + " (got " +
                                                              std::to_string(cfg_.model.patch_size) + ")"}});
    aug_ = std::make_unique<MultiCrop>(cfg_.views, img_size_, normalizationFor(cfg_, data_), data_.grey);
    LoaderOptions lo;
    lo.batch_size = cfg_.optim.batch_size;
    lo.seed = cfg_.system.seed;
    lo.workers = cfg_.system.loader_workers;
    lo.prefetch = cfg_.system.prefetch_batches;
    lo.max_steps = cfg_.optim.max_steps_per_epoch;
    if (dist_) {
        if (dist_->world() > cfg_.optim.batch_size)
            throw ConfigError("config", {{"optim.batch_size", "must be >= the number of processes, " +
                                                                  std::to_string(dist_->world()) + " (got " +
                                                                  std::to_string(cfg_.optim.batch_size) + ")"}});
        const BatchShard shard = batchShard(cfg_.optim.batch_size, dist_->world(), dist_->rank());
        shard_first_ = lo.shard_first = shard.first;
        shard_count_ = lo.shard_count = shard.count;
    }
    loader_ = std::make_unique<MultiCropLoader>(data_, *aug_, lo);

    plan_ = makeRunPlan(cfg_, n);
    if (loader_->stepsPerEpoch() != plan_.steps_per_epoch)
        throw std::logic_error("loader and plan disagree on steps per epoch (" + std::to_string(loader_->stepsPerEpoch()) +
                               " vs " + std::to_string(plan_.steps_per_epoch) + ")");

    // Seeded initialisation: the same seed gives the same student, hence the same teacher.
    torch::manual_seed(cfg_.system.seed);
    ibot_ = cfg_.optim.ibot_weight > 0;
    if (cfg_.model.drop_path_rate > 0) drop_rates_ = dropPathRates(cfg_.model.drop_path_rate, cfg_.model.depth);
    student_ = DinoModel(cfg_.model, img_size_, ibot_);
    if (!cfg_.model.init_weights.empty()) {
        try {
            loadEncoderWeights(student_->encoder, expandHome(cfg_.model.init_weights));
        } catch (const std::exception& e) {
            throw std::runtime_error(std::string("model.init_weights: ") + e.what());
        }
    }
    teacher_ = makeTeacher(student_);
    student_->to(device_);
    teacher_->to(device_);
    loss_ = DinoLoss(cfg_.model.out_dim, cfg_.views.num_global, cfg_.views.num_local, cfg_.optim.student_temp,
                     cfg_.optim.center_momentum);
    if (ibot_) loss_->enablePatchCenter();
    loss_->to(device_);
    if (dist_) broadcastInitialWeights();
    optimizer_ = makeAdamW(splitWeightDecayGroups(*student_, cfg_.optim.no_wd_bias_norm));

    plan_.trainable_parameters = countParameters(*student_, true);
    plan_.device = device_.str();
    threads_ = cfg_.system.threads > 0 ? cfg_.system.threads : physicalCores();
    plan_.threads = threads_;
    plan_.precision = precision.precision;
    plan_.precision_reason = precision.reason;
    if (dist_) {
        plan_.processes = dist_->world();
        plan_.dist_backend = dist_->backend();
    }
}

Trainer::~Trainer() {
    pool_.reset();
    if (loader_) loader_->stop();
}

int Trainer::localSize() const { return aug_->localSize(); }

bool Trainer::isWriter() const { return !dist_ || dist_->rank() == 0; }

void Trainer::broadcastInitialWeights() {
    // The same seed gives every rank the same initialisation already; the broadcast makes it so
    // whatever produced rank 0's weights (model.init_weights read on rank 0's machine).
    torch::NoGradGuard no_grad;
    for (auto* m : {&student_, &teacher_}) {
        for (auto& p : (*m)->parameters()) {
            auto d = p.data();
            dist_->broadcast(d, 0, "broadcasting the initial weights");
        }
        for (auto& b : (*m)->buffers()) {
            auto d = b.data();
            dist_->broadcast(d, 0, "broadcasting the initial weights");
        }
    }
}

torch::Tensor Trainer::gatherTeacherOutputs(const torch::Tensor& local, int views) {
    // Gloo gathers equal shapes: each shard is padded to the largest (rank 0's), then cut back.
    const int64_t B = cfg_.optim.batch_size, K = local.size(1);
    const int world = dist_->world();
    const std::vector<ImageSlice> shards = splitImages(B, world);
    const int64_t most = shards.front().count;
    auto v = local.reshape({views, shard_count_, K});
    if (shard_count_ < most) v = torch::cat({v, torch::zeros({views, most - shard_count_, K}, v.options())}, 1);
    auto all = dist_->allGather(v.contiguous(), "gathering the teacher outputs");
    std::vector<torch::Tensor> parts;
    for (int r = 0; r < world; ++r) {
        const int64_t n = shards[static_cast<size_t>(r)].count;
        parts.push_back(all[static_cast<size_t>(r)].narrow(1, 0, n).reshape({views * n, K}));
    }
    return joinViewMajor(parts, views);
}

void Trainer::setMicroBatch(int64_t images) { micro_batch_ = images; }

int64_t Trainer::microBatch(int64_t batch) const {
    int64_t n = micro_batch_;
    if (n <= 0) {
        // Automatic: groups of about kAutoTokens student tokens (all views of an image counted), so
        // the activations kept for the backward pass stay near 2 GB for the seed's ViT-tiny
        // whatever the batch size (measured: 3.1 GB peak RSS at batch 256, 11 GB in one group).
        const int64_t p = cfg_.model.patch_size;
        const int64_t tokens_global = (img_size_ / p) * (img_size_ / p) + 1;
        const int64_t tokens_local = (localSize() / p) * (localSize() / p) + 1;
        const int64_t per_image = cfg_.views.num_global * tokens_global + cfg_.views.num_local * tokens_local;
        const int64_t width = cfg_.model.embed_dim;
        n = std::max<int64_t>(1, kAutoGroupFloats / (per_image * width));
    }
    return std::min(n, batch);
}

int Trainer::imageWorkers(int64_t batch) const {
    if (!image_workers_enabled_ || !device_.is_cpu() || threads_ < 2 || batch < threads_ || !perThreadIntraOpThreads())
        return 1;
    return threads_;
}

WorkerPool& Trainer::workerPool(int workers) {
    // Created on the training thread, which keeps its threads_ intra-op threads.
    if (!pool_ || pool_->size() != workers) {
        pool_.reset();
        pool_ = std::make_unique<WorkerPool>(workers, threads_);
    }
    return *pool_;
}

std::string Trainer::lastCheckpoint() const { return ckpt_dir_.empty() ? std::string() : lastCheckpointPath(ckpt_dir_); }

api::RunPlan Trainer::plan() const {
    api::RunPlan p = plan_;
    p.start_step = step_;
    return p;
}

void Trainer::restore(const std::string& path) {
    TrainingState s{student_, teacher_, *optimizer_, loss_, {}};
    CheckpointInfo info = loadCheckpoint(s, path, device_);
    if (info.img_size != img_size_)
        throw std::runtime_error("checkpoint " + path + " was trained on " + std::to_string(info.img_size) +
                                 " px images, the data has " + std::to_string(img_size_));
    if (info.step < 0 || info.step > plan_.total_steps)
        throw std::runtime_error("checkpoint " + path + " is at step " + std::to_string(info.step) + " but the run has " +
                                 std::to_string(plan_.total_steps) + " steps");
    step_ = info.step;
    saved_step_ = info.step;
}

void Trainer::cancel() {
    cancel_.store(true);
    std::lock_guard<std::mutex> lock(pause_mutex_);
    pause_cv_.notify_all();
}

void Trainer::setPaused(bool p) {
    // A paused rank would leave the others waiting in their next collective until the timeout.
    if (dist_) return;
    std::lock_guard<std::mutex> lock(pause_mutex_);
    paused_ = p;
    pause_cv_.notify_all();
}

bool Trainer::paused() const {
    std::lock_guard<std::mutex> lock(pause_mutex_);
    return paused_;
}

void Trainer::waitWhilePaused(api::TrainObserver& obs) {
    std::unique_lock<std::mutex> lock(pause_mutex_);
    if (!paused_ || cancel_.load()) return;
    // Said when the step loop really stops (the step in flight is done and recorded): the log and the
    // front ends know from here on that no step comes until resumed.
    lock.unlock();
    obs.onLog("paused after " + std::to_string(step_) + " steps");
    lock.lock();
    pause_cv_.wait(lock, [&] { return !paused_ || cancel_.load(); });
    const bool cancelled = cancel_.load();
    lock.unlock();
    if (!cancelled) obs.onLog("resumed at step " + std::to_string(step_ + 1));
}

std::string Trainer::checkpointBytes(int epoch, bool weights_only) {
    TrainingState s{student_, teacher_, *optimizer_, loss_, {}};
    s.info.epoch = epoch;
    s.info.step = step_;
    s.info.img_size = img_size_;
    s.info.config_json = configToJson(cfg_);
    return serializeCheckpoint(s, weights_only);
}

std::string Trainer::saveCheckpoints(int epoch, bool epoch_end) {
    const std::string dir = (std::filesystem::path(ckpt_dir_) / "checkpoints").string();
    const std::string last = lastCheckpointPath(ckpt_dir_);
    const RetentionPolicy policy{cfg_.system.keep_checkpoints, cfg_.system.checkpoint_every_epochs};
    const bool snapshot = epoch_end && policy.keeps(epoch, epoch);
    const std::string full = checkpointBytes(epoch);
    const std::string snap = snapshot && cfg_.system.epoch_checkpoints == "weights" ? checkpointBytes(epoch, true) : std::string();
    const std::string& snap_bytes = snap.empty() ? full : snap;

    auto kept = [&] {
        return saved_step_ >= 0 ? "the previous " + last + " (after " + std::to_string(saved_step_) + " steps) is kept"
                                : std::string("no checkpoint was written yet");
    };
    // Snapshots the policy drops once this epoch's is written go first, to make room.
    // Temp files that a killed run left behind go too.
    if (epoch_end) pruneCheckpoints(ckpt_dir_, policy, false, snapshot ? epoch : -1);
    // The new file is written beside the old one before the rename: the space for both is needed.
    const int64_t need = static_cast<int64_t>(full.size() + (snapshot ? snap_bytes.size() : 0)) + (4 << 20);
    ensureDir(dir);
    const int64_t avail = freeBytes(dir);
    if (avail >= 0 && avail < need)
        throw StorageError("not enough disk space for the checkpoint in " + dir + ": it needs " + formatBytes(need) +
                           ", " + formatBytes(avail) + " are free; " + kept() +
                           ". Free some space (`dino prune` removes old epoch checkpoints) and continue with `dino resume " +
                           ckpt_dir_ + "`");
    std::string snap_path;
    try {
        if (snapshot) {
            snap_path = epochCheckpointPath(ckpt_dir_, epoch);
            writeCheckpointBytes(snap_bytes, snap_path);
        }
        writeCheckpointBytes(full, last);
    } catch (const WriteError& e) {
        std::string why = e.diskFull() ? "the disk is full" : e.errorCode() == EROFS ? "the file system is read-only" : "the write failed";
        throw StorageError("cannot save the checkpoint in " + dir + ": " + why + " (" + e.what() + "; " +
                           formatBytes(need) + " needed); " + kept() + ". Continue with `dino resume " + ckpt_dir_ +
                           "` once it can be written");
    }
    saved_step_ = step_;
    return snap_path;
}

api::RunOutcome Trainer::run(api::TrainObserver& obs, const TrainerHooks& hooks) {
    // The cores of this machine are shared by its processes (LOCAL_WORLD_SIZE).
    threads_ = applyThreads(threadsPerProcess(cfg_.system.threads, physicalCores(), dist_ ? dist_->localWorldSize() : 1));
    plan_.threads = threads_;
    start_step_ = step_;
    obs.onPlan(plan());
    if (bf16_ && !device_.is_cuda() && !cpuHasNativeBf16())
        obs.onLog("warning: system.precision is bf16 but this CPU has no native bf16 (avx512_bf16 or amx_bf16): "
                  "bf16 matrix products are emulated and much slower than fp32 here; fp32 is recommended");
    student_->train();
    teacher_->train();
    run_start_ = steadySeconds();

    const int64_t spe = plan_.steps_per_epoch;
    const int64_t total = plan_.total_steps;
    if (hooks.live_knn_at_start && LiveKnn::due(cfg_, step_, total) && isWriter()) liveKnn(obs);
    while (step_ < total) {
        const int epoch = static_cast<int>(step_ / spe);
        int64_t in_epoch = step_ % spe;
        loader_->startEpoch(epoch, in_epoch);
        std::vector<api::StepMetrics> epoch_steps;  // this session's steps of the epoch
        for (; in_epoch < spe; ++in_epoch) {
            waitWhilePaused(obs);
            // Data parallel: every rank stops at the same step, the one after a rank asked to.
            if (dist_ ? stop_agreed_ : cancel_.load()) {
                loader_->stop();
                std::string where;
                if (!ckpt_dir_.empty() && saved_step_ != step_) {
                    int last_epoch = step_ > 0 ? static_cast<int>((step_ - 1) / spe) : -1;
                    saveCheckpoints(last_epoch, false);
                }
                if (!ckpt_dir_.empty()) where = ", checkpoint " + lastCheckpointPath(ckpt_dir_);
                obs.onLog("cancelled after " + std::to_string(step_) + " steps" + where);
                return api::RunOutcome::Cancelled;
            }
            double t0 = steadySeconds();
            auto batch = loader_->next();
            double data_s = steadySeconds() - t0;
            if (!batch) throw std::runtime_error("the data loader ended epoch " + std::to_string(epoch) + " early at step " +
                                                 std::to_string(in_epoch) + " of " + std::to_string(spe));
            {
                // step() reports through the observer; the epoch's steps are kept for its summary.
                struct Tap : api::TrainObserver {
                    api::TrainObserver& inner;
                    std::vector<api::StepMetrics>& steps;
                    Tap(api::TrainObserver& i, std::vector<api::StepMetrics>& s) : inner(i), steps(s) {}
                    void onStep(const api::StepMetrics& m) override {
                        steps.push_back(m);
                        inner.onStep(m);
                    }
                    void onLog(const std::string& s) override { inner.onLog(s); }
                } tap(obs, epoch_steps);
                step(tap, hooks, *batch, data_s, epoch);
            }
            if (LiveKnn::due(cfg_, step_, total) && isWriter()) liveKnn(obs);
        }
        const auto loss_count = static_cast<int64_t>(epoch_steps.size());
        if (dist_ && loss_count > 0) {
            std::ostringstream os;
            os.precision(3);
            os << "epoch " << epoch << ": collectives (teacher outputs, gradients) took "
               << 1000.0 * comm_seconds_epoch_ / static_cast<double>(loss_count) << " ms per step over "
               << dist_->world() << " processes (" << dist_->backend() << ")";
            obs.onLog(os.str());
            comm_seconds_epoch_ = 0;
        }
        api::EpochMetrics em;
        em.epoch = epoch;
        em.mean_loss = summarizeSteps(epoch_steps).loss;  // NaN when no step ran
        if (!ckpt_dir_.empty()) {
            em.checkpoint = saveCheckpoints(epoch, true);
            if (em.checkpoint.empty()) em.checkpoint = lastCheckpointPath(ckpt_dir_);
        }
        obs.onEpoch(em);
        if (hooks.after_epoch) hooks.after_epoch(epoch, em.checkpoint, step_ >= total);
    }
    return api::RunOutcome::Finished;
}

void Trainer::liveKnn(api::TrainObserver& obs) {
    if (live_knn_failed_) return;
    try {
        if (!live_knn_) {
            live_knn_ = std::make_unique<LiveKnn>(cfg_, aug_->normalization(), device_);
            obs.onLog("live k-NN every " + std::to_string(cfg_.eval.knn_every_steps) + " steps: " +
                      std::to_string(live_knn_->bankSize()) + " " + cfg_.eval.train_split + " images classify " +
                      std::to_string(live_knn_->querySize()) + " " + cfg_.eval.knn_live_split + " images");
        }
        // The teacher is what evaluation measures; it stays in training mode for the next step.
        obs.onKnn(live_knn_->evaluate(teacher_->encoder, step_, &cancel_));
    } catch (const OperationCancelled&) {
        // The step loop sees the cancel flag next.
    } catch (const std::exception& e) {
        live_knn_failed_ = true;
        obs.onLog(std::string("warning: live k-NN switched off: ") + e.what());
    }
}

}  // namespace dino
