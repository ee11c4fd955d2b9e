// The pieces one training step passes between its phases (Trainer::step, train_step.cpp):
// schedules -> teacher targets -> student passes -> reduce across processes -> optimiser and EMA ->
// metrics. Internal to the training layer.
#pragma once

#include "data/loader.h"
#include "training/image_split.h"

#include <torch/torch.h>

#include <functional>
#include <limits>
#include <vector>

namespace dino {

class WorkerPool;

// Steady-clock seconds (the step's timings).
double steadySeconds();

// The schedules' values of one step.
struct StepSchedule {
    int64_t step = 0;
    int epoch = 0;
    double lr = 0, wd = 0, teacher_temp = 0, momentum = 0;
};

// This process's images of a step and how they are split. The batches are view-major: rows
// [v*B, (v+1)*B) are view v, globals first, then locals.
struct StepImages {
    const MultiCropBatch& batch;
    int globals = 0, views = 0;  // G, V
    int64_t local = 0;           // this process's images (all of them in one process)
    int64_t global = 0;          // the images of the whole batch, over all processes
    int64_t base = 0;            // this process's first image in the whole batch
    torch::Device device;
    // One slice per worker thread, or one slice of all images on the training thread (pool null).
    std::vector<ImageSlice> slices;
    WorkerPool* pool = nullptr;

    int workers() const { return static_cast<int>(slices.size()); }
    // Runs task(w) for every slice: on the pool's threads, or here.
    void run(const std::function<void(int)>& task) const;
    // Views (V, local, 3, h, w) of images [first, first + n) as (V * n, 3, h, w) on the device.
    torch::Tensor rows(const torch::Tensor& views_tensor, int64_t first, int64_t n) const;
};

// The teacher's side of a step: its outputs on the global views (the whole batch's, gathered in a
// data-parallel run), the centre they were centred with, and the targets.
struct TeacherTargets {
    torch::Tensor outputs;        // (G * B, K), fp32
    torch::Tensor center_before;  // the centre before this step's update
    torch::Tensor targets;        // (G, B, K)
    // iBOT only (optim.ibot_weight > 0), else undefined: the masks of the student's global views, the
    // teacher's patch outputs on the unmasked views and their targets, all of the whole batch.
    torch::Tensor masks;          // (G, B, P) bool
    torch::Tensor patch_outputs;  // (G * B, P, K), fp32
    torch::Tensor patch_targets;  // (G, B, P, K), fp32
};

// The student's side: this process's loss (a sum over its images) and what the groups report.
struct StudentPass {
    torch::Tensor loss;
    double koleo = 0;  // the KoLeo term, each group's weighted by its share of the batch
    double ibot = 0;   // the iBOT term before its weight (a sum over the groups, as the loss)
    double spread = std::numeric_limits<double>::quiet_NaN();  // featureSpread of the first group
};

// Where the phases' time goes (StepTiming), each lap from the previous mark; on CUDA the device is
// synchronised first when the phases are timed.
class PhaseClock {
public:
    explicit PhaseClock(bool sync) : sync_(sync), last_(mark()) {}
    double lap() {
        const double t = mark();
        const double d = t - last_;
        last_ = t;
        return d;
    }
    double last() const { return last_; }

private:
    double mark() const;
    bool sync_;
    double last_;
};

}  // namespace dino
