// The seed's DINOTrainer (Part IV) in C++: per-step schedules (lr, weight decay, teacher temperature,
// EMA momentum), student on all views, teacher (no grad) on the global views, DINO loss, AdamW, EMA
// teacher update; plus official DINO's optional gradient clipping, last-layer freezing and bias/norm
// weight-decay exclusion. Writes checkpoints (epoch_NNN.ckpt, last.ckpt) when given a directory;
// every other run-directory file is the caller's (api::TrainingRun).
#pragma once

#include "common/run_types.h"
#include "common/config.h"
#include "data/loader.h"
#include "loss/dino_loss.h"
#include "model/dino_model.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

namespace dino {

class WorkerPool;
class ProcessGroupHandle;
struct StepSchedule;
struct StepImages;
struct TeacherTargets;
struct StudentPass;

// Where one step's time went (seconds). Filled only when TrainerHooks::time_phases is set, because
// on CUDA it synchronises the device between phases.
struct StepTiming {
    double data = 0;            // waiting for the loader
    double student = 0;         // student forward + loss + backward
    double teacher = 0;         // teacher forward
    double optimizer = 0;       // clip/freeze, AdamW step, EMA update
    double collectives = 0;     // data parallel: gathering the teacher outputs, all-reducing the gradients
    double total = 0;
};

// Extras for the API layer, the benchmark and tests.
class LiveKnn;

struct TrainerHooks {
    // After each epoch's checkpoint was written (epoch 0-based; last = the final epoch of the run).
    std::function<void(int epoch, const std::string& checkpoint, bool last)> after_epoch;
    bool time_phases = false;
    std::function<void(int64_t step, const StepTiming&)> on_timing;
    // Tests: may replace the loss value of a step (e.g. with NaN) before the non-finite check.
    std::function<void(int64_t step, torch::Tensor& loss)> loss_override;
    // Tests: sees the student with this step's gradients (all-reduced, before clipping and freezing).
    std::function<void(int64_t step, DinoModel& student)> before_clip;
    // The run's live k-NN curve lacks the point of the step it starts at: a run cancelled while that point
    // was being computed (or during its step) kept a checkpoint after the step but no point. The trainer
    // computes it before the first step, when the step is one the curve is due at.
    bool live_knn_at_start = false;
};

// A checkpoint could not be written (disk full, read-only file system, no space to begin with).
// The previous last.ckpt is intact; the message names the directory and what it needs.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Trainer {
public:
    // A new run from step 0 (seeded initialisation). Checkpoints go to <run_dir>/checkpoints/;
    // run_dir empty = no checkpoints (bench).
    // Opens the data (api::DataError when it cannot); throws ConfigError naming the field for a batch larger than the data set,
    // an image size the patch size does not divide, ...
    //
    // Data parallel (dist set, world > 1): this process takes its shard of every global batch
    // (batchShard); the teacher outputs are gathered so that the targets, the centre and the collapse
    // metrics are the whole batch's; the gradients, the loss and the cancel request are all-reduced
    // before clipping and the optimizer step, so every process makes the same update as one process
    // with the same global batch. Rank 0's initial weights are broadcast. Only a process given a
    // run_dir writes checkpoints (rank 0); restore() reads the same checkpoint on every rank.
    Trainer(const RunConfig& cfg, const std::string& run_dir, std::shared_ptr<ProcessGroupHandle> dist = nullptr);
    ~Trainer();

    // Continues from a checkpoint written by this class (same config).
    void restore(const std::string& checkpoint_path);

    api::RunPlan plan() const;  // start_step reflects restore()
    const RunConfig& config() const { return cfg_; }

    // Runs the remaining steps. Returns Cancelled when cancel() was called (last.ckpt written first
    // when there is a checkpoint directory). Throws api::NonFiniteLossError (no checkpoint is written for
    // the bad state) and other std::exceptions. Call on the thread that should do the math: sets
    // that thread's intra-op thread count.
    api::RunOutcome run(api::TrainObserver& observer, const TrainerHooks& hooks = {});

    void cancel();
    void setPaused(bool paused);  // no effect in a data-parallel run (the other ranks would time out)
    bool paused() const;
    bool cancelled() const { return cancel_.load(); }
    const std::atomic<bool>* cancelFlag() const { return &cancel_; }

    // Images per student forward/backward group (the gradient is the same for any group size;
    // smaller groups keep fewer activations alive). 0 = automatic (see microBatch).
    void setMicroBatch(int64_t images);
    int64_t microBatch(int64_t batch) const;

    // Threads a step of `batch` images splits its images between on the CPU (see worker_pool.h): each
    // runs the teacher forward and the student forward + loss + backward of its own slice with one
    // intra-op thread, the groups of microBatch(batch) images being shared among them; their gradients
    // are added in a fixed order, so a run stays reproducible. 1 = no split: the training thread does
    // all the math with system.threads intra-op threads (CUDA, one thread, a batch smaller than the
    // thread count, or a libtorch without per-thread thread counts).
    int imageWorkers(int64_t batch) const;
    // false: never split (imageWorkers = 1), e.g. to compare both ways in `dino bench`. Default true.
    void setImageWorkersEnabled(bool enabled) { image_workers_enabled_ = enabled; }

    // Training time before this session (a resume: the elapsed time at its checkpoint), so that the
    // steps' elapsed_seconds go on from there.
    void setElapsedBefore(double seconds) { elapsed_before_ = seconds; }

    int64_t nextStep() const { return step_; }
    DinoModel& student() { return student_; }
    DinoModel& teacher() { return teacher_; }
    DinoLoss& loss() { return loss_; }
    int imageSize() const { return img_size_; }
    int localSize() const;
    torch::Device device() const { return device_; }
    std::string lastCheckpoint() const;

private:
    // One step in its phases (train_step.cpp), each on one screen.
    void step(api::TrainObserver& obs, const TrainerHooks& hooks, MultiCropBatch& batch, double data_seconds,
              int epoch);
    StepSchedule applySchedules(int epoch);                                      // lr, wd, temperature, momentum
    StepImages stepImages(const MultiCropBatch& batch);                          // this process's images, their split
    // iBOT: the block masks of the step's global views, (G, B, P) bool of the whole batch; undefined when off.
    torch::Tensor ibotMasks(const StepImages& images, int64_t step) const;
    // forward, gather, targets (and iBOT's patch targets of the views `masks` masks)
    TeacherTargets teacherPhase(const StepImages& images, double teacher_temp, const torch::Tensor& masks);
    // Stochastic depth: the student's branch scales of the step's views, (depth, 2, V, B) of the whole batch
    // (drop_path.h); undefined when model.drop_path_rate is 0.
    torch::Tensor dropScales(const StepImages& images, int64_t step) const;
    // forward, loss, gradients
    StudentPass studentPhase(const StepImages& images, const TeacherTargets& teacher, const torch::Tensor& drop_scales);
    void reducePhase(api::StepMetrics& m, StepTiming& timing);                   // data parallel: all-reduce
    double optimizerPhase(const StepSchedule& s, const TrainerHooks& hooks);     // grad norm, clip, AdamW, EMA
    void collapsePhase(api::StepMetrics& m, const StepImages& images, const TeacherTargets& teacher);
    std::string checkpointBytes(int epoch, bool weights_only = false);
    // last.ckpt (and, at the end of an epoch, the epoch snapshot the retention policy keeps, after
    // pruning the ones it no longer keeps); checks the free space first. Returns the snapshot's path
    // or "". Throws StorageError naming the directory, the space needed and the checkpoint kept.
    std::string saveCheckpoints(int epoch, bool epoch_end);
    void waitWhilePaused(api::TrainObserver& obs);  // logs "paused after N steps" when it waits
    WorkerPool& workerPool(int workers);
    void liveKnn(api::TrainObserver& obs);  // one point of the live k-NN curve (eval.knn_every_steps)
    // Data parallel: the whole batch's view-major teacher outputs from every rank's shard.
    torch::Tensor gatherTeacherOutputs(const torch::Tensor& local, int views);
    // Data parallel: sums the gradients, the metrics the table sums across processes (loss, KoLeo) and
    // the cancel request over the ranks (one all-reduce).
    void allReduceStep(api::StepMetrics& m);
    void broadcastInitialWeights();
    bool isWriter() const;  // the process that reports and writes (the only one, or rank 0)

    RunConfig cfg_;
    std::string ckpt_dir_;  // the run directory (checkpoints/ below it), or empty
    torch::Device device_;
    bool bf16_ = false;
    bool ibot_ = false;  // optim.ibot_weight > 0
    std::vector<double> drop_rates_;  // stochastic depth's per-block rates; empty when off
    int threads_ = 1;
    int64_t saved_step_ = -1;  // the step of the newest last.ckpt (-1: none written or restored)

    ImageSet data_;
    std::unique_ptr<MultiCrop> aug_;
    std::unique_ptr<MultiCropLoader> loader_;
    int img_size_ = 0;

    DinoModel student_{nullptr}, teacher_{nullptr};
    DinoLoss loss_{nullptr};
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    api::RunPlan plan_;

    int64_t micro_batch_ = 0;
    // Automatic groups: about this many (tokens x embed_dim) floats of student input per group,
    // i.e. 64 images of the seed config (64 images x 200 tokens x 192).
    static constexpr int64_t kAutoGroupFloats = int64_t(64) * 200 * 192;

    int64_t step_ = 0;        // next global step
    int64_t start_step_ = 0;  // where run() began
    double run_start_ = 0;    // steady clock seconds at run() start
    double elapsed_before_ = 0;  // training time before this session (setElapsedBefore)

    std::atomic<bool> cancel_{false};
    mutable std::mutex pause_mutex_;
    std::condition_variable pause_cv_;
    bool paused_ = false;

    bool image_workers_enabled_ = true;
    std::unique_ptr<WorkerPool> pool_;  // created by the first step split over images
    std::unique_ptr<LiveKnn> live_knn_;  // created at the first live k-NN point
    bool live_knn_failed_ = false;

    std::shared_ptr<ProcessGroupHandle> dist_;  // null: one process
    int64_t shard_first_ = 0, shard_count_ = 0;  // this process's images of every global batch
    bool stop_agreed_ = false;                   // a rank asked to cancel during the last step
    double comm_seconds_epoch_ = 0;              // collectives of this epoch's steps
};

}  // namespace dino
