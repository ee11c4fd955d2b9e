// Trainer::step in its phases: schedules -> teacher targets -> student passes -> reduce across
// processes -> optimiser and EMA -> metrics (official DINO's train_one_epoch, one step). The one-thread
// and the worker-pool paths run the same phases: StepImages says how the images are split (one slice
// on the training thread, or one per worker), GradientSink how the gradients reach the parameters.
#include "training/train_step.h"

#include "common/metrics_schema.h"
#include "data/block_mask.h"
#include "loss/ibot_loss.h"
#include "loss/koleo.h"
#include "loss/sinkhorn.h"
#include "model/autocast.h"
#include "model/teacher.h"
#include "training/collapse_metrics.h"
#include "training/dino_loss_parts.h"
#include "training/drop_path.h"
#include "training/optim_groups.h"
#include "training/process_group.h"
#include "training/trainer.h"
#include "training/worker_pool.h"

#include <chrono>
#include <cmath>
#include <sstream>

namespace dino {

double steadySeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double PhaseClock::mark() const {
    if (sync_) torch::cuda::synchronize();
    return steadySeconds();
}

void StepImages::run(const std::function<void(int)>& task) const {
    if (pool) pool->run(task);
    else task(0);
}

torch::Tensor StepImages::rows(const torch::Tensor& v, int64_t first, int64_t n) const {
    auto part = (first == 0 && n == v.size(1)) ? v : v.narrow(1, first, n);
    return part.reshape({v.size(0) * n, v.size(2), v.size(3), v.size(4)}).to(device, /*non_blocking=*/true);
}

namespace {

// The message of a non-finite loss: the step, the value and what usually causes it with this config.
std::string nonFiniteLossMessage(const RunConfig& cfg, bool bf16, int64_t step, double loss) {
    const auto& o = cfg.optim;
    std::ostringstream os;
    os << "the loss became " << (std::isnan(loss) ? "NaN" : "infinite") << " at step " << step
       << "; training stopped and the last good checkpoint was kept. Likely causes: "
       << "temperatures too low (optim.teacher_temp_start=" << o.teacher_temp_start
       << ", optim.teacher_temp=" << o.teacher_temp << ", optim.student_temp=" << o.student_temp
       << "; the seed uses 0.04, 0.07 and 0.1), "
       << "a learning rate too high (optim.lr=" << o.lr << "; the seed uses 0.0005";
    if (o.clip_grad <= 0) os << ", and optim.clip_grad=3 bounds the updates";
    os << ")";
    if (bf16)
        os << ", or bf16 precision (system.precision=" << cfg.system.precision << " computes in bf16 here; try fp32)";
    else
        os << " (precision is fp32, so not bf16)";
    os << ".";
    return os.str();
}

// What a group of images reports besides its loss.
struct GroupExtras {
    double koleo = 0;                                          // weighted by the group's share of the batch
    double ibot = 0;                                           // the iBOT part before its weight
    double spread = std::numeric_limits<double>::quiet_NaN();  // of the first group's first global view
};

// The student on all views of a group of images: the DINO loss part of these images (a sum over
// images, so the groups' gradients add up to the batch's) plus the weighted KoLeo term, and with iBOT
// the weighted iBOT part of these images' global views (each view's term depends on its own rows only).
class StudentGroupLoss {
public:
    StudentGroupLoss(DinoModel& student, const StepImages& images, const TeacherTargets& teacher,
                     const torch::Tensor& drop_scales, const RunConfig& cfg, bool bf16)
        : student_(student), im_(images), targets_(teacher.targets), teacher_(teacher), drop_(drop_scales), cfg_(cfg), bf16_(bf16),
          same_size_(images.batch.globals.size(-1) == images.batch.locals.size(-1) &&
                     images.batch.globals.size(-2) == images.batch.locals.size(-2)) {}

    torch::Tensor operator()(int64_t first, int64_t n, GroupExtras& extras) const {
        torch::Tensor cls, student_out, masks, patch_out;
        // Stochastic depth: these images' rows of the step's draw, for views [v, v + count) (view-major,
        // as the rows of g, l and their concatenation); undefined when off.
        const torch::Tensor drop = drop_.defined() ? drop_.narrow(3, im_.base + first, n) : torch::Tensor();
        auto dropOf = [&](int v, int count) {
            return drop.defined() ? drop.narrow(2, v, count).reshape({drop.size(0), 2, count * n}) : torch::Tensor();
        };
        const int locals = im_.views - im_.globals;
        {
            AutocastScope amp(im_.device, bf16_);
            auto g = im_.rows(im_.batch.globals, first, n), l = im_.rows(im_.batch.locals, first, n);
            if (teacher_.masks.defined()) {
                // iBOT: the global views masked and in full (their patch tokens), the local ones as always.
                masks = teacher_.masks.narrow(1, im_.base + first, n).reshape({im_.globals * n, -1});
                const VitTokens t = student_->encoder->forwardWithPatches(g, masks, dropOf(0, im_.globals));
                cls = torch::cat({t.cls, student_->encoder->forward(l, dropOf(im_.globals, locals))}, 0);
                // Always through the head, an empty batch of masked patches too: every process and worker
                // then has a gradient for each parameter of the patch head (zeros where nothing is masked).
                // Padded with zero rows to one of a few row counts (ibotHeadRows: oneDNN 2.6 crashes when
                // workers keep making new shapes), whose outputs are dropped.
                masks = masks.to(t.patches.device());
                auto rows = t.patches.index({masks});
                const int64_t masked = rows.size(0), padded = ibotHeadRows(masked, masks.numel());
                if (padded > masked)
                    rows = torch::cat({rows, torch::zeros({padded - masked, rows.size(1)}, rows.options())}, 0);
                patch_out = student_->patchHead()->forward(rows).narrow(0, 0, masked);
            } else if (same_size_) {
                cls = student_->encoder->forward(torch::cat({g, l}, 0), dropOf(0, im_.views));
            } else {
                cls = torch::cat({student_->encoder->forward(g, dropOf(0, im_.globals)),
                                  student_->encoder->forward(l, dropOf(im_.globals, locals))},
                                 0);
            }
            student_out = student_->head->forward(cls);
        }
        // The loss in fp32, whatever the precision of the forward pass.
        auto part = dinoLossPart(student_out.to(torch::kFloat), targets_, im_.base + first, n, im_.globals, im_.views,
                                 cfg_.optim.student_temp, im_.global);
        if (patch_out.defined()) {
            const int64_t P = masks.size(1);
            auto targets = teacher_.patch_targets.narrow(1, im_.base + first, n).reshape({im_.globals * n, P, -1});
            auto ibot = ibotLossPart(patch_out, targets, masks, cfg_.optim.student_temp,
                                     static_cast<int64_t>(im_.globals) * im_.global);
            extras.ibot += ibot.item<double>();
            part = part + cfg_.optim.ibot_weight * ibot;
        }
        if (std::isnan(extras.spread)) extras.spread = featureSpread(cls.narrow(0, 0, n));
        const double weight = cfg_.optim.koleo_weight;
        if (weight > 0 && n >= 2) {
            // DINOv2: KoLeo of each global view's class tokens over the images together, summed over
            // the views; here over the images of this group, weighted by its share of the batch (the
            // whole batch when it is one group, as DINOv2's per-GPU batch).
            torch::Tensor k;
            for (int v = 0; v < im_.globals; ++v) {
                auto kv = koleoLoss(cls.narrow(0, v * n, n));
                k = v == 0 ? kv : k + kv;
            }
            k = k * (static_cast<double>(n) / static_cast<double>(im_.global));
            extras.koleo += k.item<double>();
            part = part + weight * k;
        }
        return part;
    }

private:
    DinoModel& student_;
    const StepImages& im_;
    const torch::Tensor& targets_;
    const TeacherTargets& teacher_;
    const torch::Tensor& drop_;  // (depth, 2, V, B) of the whole batch, or undefined
    const RunConfig& cfg_;
    bool bf16_;
    bool same_size_;
};

// How the groups' gradients reach the parameters' grad. On the training thread: backward(), which
// adds into grad. Split among workers: each worker keeps its own sums (autograd::grad returns them
// instead of adding into the shared grad), added in worker order at the end, so a run is reproducible.
class GradientSink {
public:
    GradientSink(DinoModel& student, int workers) {
        if (workers <= 1) return;
        for (auto& p : student->parameters())
            if (p.requires_grad()) params_.push_back(p);
        grads_.resize(static_cast<size_t>(workers));
    }
    void add(int worker, const torch::Tensor& part) {
        if (grads_.empty()) {
            part.backward();
            return;
        }
        addGradients(grads_[static_cast<size_t>(worker)],
                     torch::autograd::grad({part}, params_, /*grad_outputs=*/{}, /*retain_graph=*/false,
                                           /*create_graph=*/false, /*allow_unused=*/true));
    }
    void finish() {
        if (!grads_.empty()) accumulateWorkerGradients(params_, grads_);
    }

private:
    std::vector<torch::Tensor> params_;
    std::vector<std::vector<torch::Tensor>> grads_;  // per worker; empty on the training thread
};

}  // namespace

void Trainer::step(api::TrainObserver& obs, const TrainerHooks& hooks, MultiCropBatch& batch, double data_s, int epoch) {
    const double t_start = steadySeconds();
    const StepSchedule sched = applySchedules(epoch);
    if (dist_) dist_->markStep(sched.step);
    const StepImages images = stepImages(batch);
    StepTiming t;
    t.data = data_s;
    PhaseClock clock(hooks.time_phases && device_.is_cuda());

    const TeacherTargets teacher = teacherPhase(images, sched.teacher_temp, ibotMasks(images, sched.step));
    t.teacher = clock.lap();

    StudentPass student = studentPhase(images, teacher, dropScales(images, sched.step));
    if (hooks.loss_override) hooks.loss_override(sched.step, student.loss);
    api::StepMetrics m;
    m.loss = student.loss.item<double>();
    m.koleo = student.koleo;
    m.ibot_loss = student.ibot;
    m.student_std = student.spread;
    reducePhase(m, t);
    if (!std::isfinite(m.loss)) throw api::NonFiniteLossError(nonFiniteLossMessage(cfg_, bf16_, sched.step, m.loss));
    if (cfg_.optim.centering != "sinkhorn") {
        updateCenter(loss_->center, teacher.outputs, cfg_.optim.center_momentum);
        // iBOT's patch centre: the mean of the teacher's outputs over every patch of the batch's global views
        // (iBOT's center2; it has its own momentum there, 0.9 as the class token's, so one field serves both).
        if (teacher.patch_outputs.defined())
            updateCenter(loss_->patch_center, teacher.patch_outputs.reshape({-1, teacher.patch_outputs.size(2)}),
                         cfg_.optim.center_momentum);
    }
    t.student = clock.lap();

    m.grad_norm = optimizerPhase(sched, hooks);
    t.optimizer = clock.lap();
    t.total = clock.last() - t_start + data_s;

    m.step = sched.step;
    m.epoch = sched.epoch;
    m.lr = sched.lr;
    m.wd = sched.wd;
    m.teacher_temp = sched.teacher_temp;
    m.momentum = sched.momentum;
    collapsePhase(m, images, teacher);
    m.data_seconds = data_s;
    m.step_seconds = steadySeconds() - t_start + data_s;
    m.images_per_s = m.step_seconds > 0 ? static_cast<double>(images.global) / m.step_seconds : 0;
    m.elapsed_seconds = elapsed_before_ + (steadySeconds() - run_start_);
    ++step_;
    if (hooks.on_timing) hooks.on_timing(sched.step, t);
    obs.onStep(m);
}

StepSchedule Trainer::applySchedules(int epoch) {
    const int64_t s = step_;
    const StepSchedule sched{s, epoch, plan_.lr[s], plan_.wd[s], plan_.teacher_temp[s], plan_.momentum[s]};
    applyOptimizerSchedule(*optimizer_, sched.lr, sched.wd);
    return sched;
}

StepImages Trainer::stepImages(const MultiCropBatch& batch) {
    StepImages im{batch, cfg_.views.num_global, cfg_.views.num_global + cfg_.views.num_local, 0, 0, 0, device_, {}, nullptr};
    // B: the images of the (global) batch; Bl of them are this process's, from image `base` on (all
    // of them, from 0, in one process).
    im.local = batch.globals.size(1);
    im.global = dist_ ? cfg_.optim.batch_size : im.local;
    im.base = dist_ ? shard_first_ : 0;
    // On a multi-core CPU the images are split between worker threads (imageWorkers); each runs the
    // same math on its slice with its own autocast state (thread-local) and grad mode.
    const int workers = imageWorkers(im.local);
    im.slices = splitImages(im.local, workers);
    im.pool = workers > 1 ? &workerPool(workers) : nullptr;
    return im;
}

torch::Tensor Trainer::ibotMasks(const StepImages& im, int64_t step) const {
    if (!ibot_) return {};
    // The whole batch's masks on every process and worker, from (seed, step) alone (block_mask.h).
    ViewMaskOptions o;
    o.grid.height = o.grid.width = img_size_ / cfg_.model.patch_size;
    o.ratio_min = cfg_.optim.ibot_mask_ratio_min;
    o.ratio_max = cfg_.optim.ibot_mask_ratio_max;
    o.probability = cfg_.optim.ibot_mask_probability;
    MaskRng rng(maskSeed(cfg_.system.seed, step));
    return viewMasks(o, im.globals * im.global, rng).reshape({im.globals, im.global, -1});
}

torch::Tensor Trainer::dropScales(const StepImages& im, int64_t step) const {
    if (drop_rates_.empty()) return {};
    // The whole batch's draw on every process and worker, from (seed, step) alone (drop_path.h).
    const auto s = dropPathScales(drop_rates_, im.views * im.global, dropPathSeed(cfg_.system.seed, step));
    return s.view({s.size(0), 2, im.views, im.global}).to(device_);
}

TeacherTargets Trainer::teacherPhase(const StepImages& im, double temp, const torch::Tensor& masks) {
    // The teacher sees the global views only, unmasked, without gradients.
    std::vector<torch::Tensor> parts(static_cast<size_t>(im.workers())), patch_parts(parts.size());
    im.run([&](int w) {
        torch::NoGradGuard no_grad;
        AutocastScope amp(device_, bf16_);
        const ImageSlice& slice = im.slices[static_cast<size_t>(w)];
        auto x = im.rows(im.batch.globals, slice.first, slice.count);
        if (!masks.defined()) {
            parts[static_cast<size_t>(w)] = teacher_->forward(x).to(torch::kFloat);
            return;
        }
        // iBOT: every token in full; the patch tokens through the patch head, as (views * count, P * K).
        const VitTokens tokens = teacher_->encoder->forwardWithPatches(x);
        parts[static_cast<size_t>(w)] = teacher_->head->forward(tokens.cls).to(torch::kFloat);
        patch_parts[static_cast<size_t>(w)] =
            teacher_->patchHead()->forward(tokens.patches).to(torch::kFloat).flatten(1);
    });
    TeacherTargets t;
    t.outputs = joinViewMajor(parts, im.globals);  // view-major over the whole batch, as one forward gives
    if (dist_) t.outputs = gatherTeacherOutputs(t.outputs, im.globals);
    if (masks.defined()) {
        // Data parallel: the whole batch's patch outputs on every process (the same gather as the class
        // token's), so that the centre and the Sinkhorn-Knopp targets are the whole batch's.
        auto patches = joinViewMajor(patch_parts, im.globals);
        if (dist_) patches = gatherTeacherOutputs(patches, im.globals);
        const int64_t P = masks.size(2);
        t.masks = masks;
        t.patch_outputs = patches.reshape({im.globals * im.global, P, -1});
        const auto view_masks = masks.reshape({im.globals * im.global, P}).to(device_);
        auto targets = cfg_.optim.centering == "sinkhorn"
                           ? ibotSinkhornTargets(t.patch_outputs, view_masks, temp, cfg_.optim.sinkhorn_iterations)
                           : ibotTeacherTargets(t.patch_outputs, loss_->patch_center, temp);
        t.patch_targets = targets.reshape({im.globals, im.global, P, -1});
    }
    t.center_before = loss_->center.detach().clone();
    if (cfg_.optim.centering == "sinkhorn")  // DINOv2: balanced over the batch's global views together, in fp32; no centre
        t.targets = sinkhornKnoppTargets(t.outputs, temp, cfg_.optim.sinkhorn_iterations)
                        .reshape({im.globals, im.global, t.outputs.size(1)});
    else
        t.targets = teacherTargets(t.outputs, t.center_before, temp, im.globals);
    return t;
}

StudentPass Trainer::studentPhase(const StepImages& im, const TeacherTargets& teacher, const torch::Tensor& drop_scales) {
    // The student on all views, a group of images at a time, so that only one group's activations are
    // alive. Each worker takes its slice in groups of group / workers images (the same activations
    // alive in all as one group of `group` images).
    optimizer_->zero_grad();
    const int workers = im.workers();
    const int64_t group = std::max<int64_t>(1, microBatch(im.local) / workers);
    const StudentGroupLoss groupLoss(student_, im, teacher, drop_scales, cfg_, bf16_);
    GradientSink sink(student_, workers);
    std::vector<torch::Tensor> losses(static_cast<size_t>(workers));
    std::vector<GroupExtras> extras(static_cast<size_t>(workers));
    im.run([&](int w) {
        const ImageSlice& slice = im.slices[static_cast<size_t>(w)];
        torch::Tensor& loss = losses[static_cast<size_t>(w)];
        for (int64_t first = slice.first; first < slice.first + slice.count; first += group) {
            const int64_t n = std::min(group, slice.first + slice.count - first);
            auto part = groupLoss(first, n, extras[static_cast<size_t>(w)]);
            sink.add(w, part);
            loss = loss.defined() ? loss + part.detach() : part.detach();
        }
    });
    sink.finish();
    StudentPass out;
    for (const auto& l : losses) out.loss = out.loss.defined() ? out.loss + l : l;  // in worker order
    out.spread = extras.front().spread;
    for (const auto& e : extras) {
        out.koleo += e.koleo;
        out.ibot += e.ibot;
    }
    return out;
}

void Trainer::reducePhase(api::StepMetrics& m, StepTiming& t) {
    if (!dist_) return;
    allReduceStep(m);
    t.collectives = dist_->takeCollectiveSeconds();
    comm_seconds_epoch_ += t.collectives;
}

void Trainer::allReduceStep(api::StepMetrics& m) {
    // One flat buffer: every gradient, then the metrics the table sums across processes (the loss of a
    // batch is a sum over its images, dinoLossPart's 1/B being the global batch's, so the sum over the
    // ranks is the one-process value) and the cancel request.
    std::vector<torch::Tensor> grads;
    for (auto& p : student_->parameters())
        if (p.requires_grad() && p.grad().defined()) grads.push_back(p.grad());
    std::vector<const MetricDescriptor*> summed;
    std::vector<double> extra;
    for (const auto& d : metricTable())
        if (d.ranks == RankReduce::Sum) {
            summed.push_back(&d);
            extra.push_back(d.get(m));
        }
    extra.push_back(cancel_.load() ? 1.0 : 0.0);
    std::vector<torch::Tensor> flat;
    flat.reserve(grads.size() + 1);
    for (auto& g : grads) flat.push_back(g.reshape({-1}).to(torch::kFloat));
    flat.push_back(torch::tensor(extra, torch::TensorOptions().dtype(torch::kDouble)).to(torch::kFloat).to(device_));
    auto buffer = torch::cat(flat);
    dist_->allReduceSum(buffer, "all-reducing the gradients");
    int64_t offset = 0;
    for (auto& g : grads) {
        const int64_t n = g.numel();
        g.copy_(buffer.narrow(0, offset, n).view_as(g));
        offset += n;
    }
    auto sums = buffer.narrow(0, offset, static_cast<int64_t>(extra.size())).to(torch::kCPU, torch::kDouble);
    for (size_t i = 0; i < summed.size(); ++i) summed[i]->set(m, sums[static_cast<int64_t>(i)].item<double>());
    stop_agreed_ = sums[static_cast<int64_t>(summed.size())].item<double>() > 0;
}

double Trainer::optimizerPhase(const StepSchedule& s, const TrainerHooks& hooks) {
    if (hooks.before_clip) hooks.before_clip(s.step, student_);
    const double grad_norm = gradientNorm(*student_);  // before clipping, as official DINO reports it
    if (cfg_.optim.clip_grad > 0) clipGradientsPerParameter(*student_, cfg_.optim.clip_grad);
    if (s.epoch < cfg_.optim.freeze_last_layer_epochs || s.step < cfg_.optim.freeze_last_layer_steps)
        cancelLastLayerGradients(*student_);
    optimizer_->step();
    emaUpdate(teacher_, student_, s.momentum);
    return grad_norm;
}

void Trainer::collapsePhase(api::StepMetrics& m, const StepImages& im, const TeacherTargets& t) {
    const CollapseMetrics cm =
        cfg_.optim.centering == "sinkhorn"
            ? collapseMetricsOfTargets(t.targets.reshape({im.globals * im.global, t.outputs.size(1)}))
            : teacherCollapseMetrics(t.outputs, t.center_before, m.teacher_temp);
    m.teacher_entropy = cm.teacher_entropy;
    m.kl_uniform = cm.kl_uniform;
    m.center_norm = loss_->center.norm().item<double>();
}

}  // namespace dino
