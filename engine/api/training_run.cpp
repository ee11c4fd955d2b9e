#include "api/training_run.h"

#include "api/analysis.h"
#include "api/collapse_guard.h"
#include "api/local_launcher.h"
#include "api/probe_grid.h"
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "common/fsutil.h"
#include "common/cancellation.h"
#include "training/checkpoint.h"
#include "training/process_group.h"
#include "training/runtime.h"
#include "training/trainer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <cmath>
#include <fstream>
#include <functional>
#include <iomanip>
#include <optional>
#include <utility>
#include <sstream>
#include <unistd.h>

namespace dino::api {
namespace {

namespace fs = std::filesystem;

std::string timestamp() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// One line of log.txt or log.rank<N>.txt: "[YYYY-MM-DD HH:MM:SS] text", flushed.
void writeLogLine(std::ofstream& out, const std::string& s) {
    out << '[' << timestamp() << "] " << s << '\n';
    out.flush();
}

// "epoch 3 done: mean loss 4.01[, checkpoint DIR/checkpoints/epoch_003.ckpt]" (log.txt, log.rank<N>.txt).
std::string epochLine(const EpochMetrics& e) {
    std::ostringstream os;
    os << "epoch " << e.epoch << " done: mean loss " << e.mean_loss;
    if (!e.checkpoint.empty()) os << ", checkpoint " << e.checkpoint;
    return os.str();
}

// Opens a per-step CSV of the run for appending, keeping the rows of steps before keep_before (a
// resume) and dropping later ones (steps that will be run again) and any half-written line a kill left
// behind. rowsOf(old_header) gives the function that turns one of the file's rows into its step and the
// row as today's header writes it (an older metrics.csv gains the columns added since, as NaN or 0).
template <class RowsOf>
std::ofstream openStepCsv(const std::string& path, const std::string& header, int64_t keep_before, RowsOf rowsOf,
                          int64_t* last_kept = nullptr) {
    std::string kept = header + "\n";
    if (last_kept) *last_kept = -1;
    if (keep_before > 0 && fs::exists(path)) {
        std::ifstream in(path, std::ios::binary);
        std::string line;
        std::function<std::pair<int64_t, std::string>(const std::string&)> row;
        if (std::getline(in, line)) row = rowsOf(line);
        while (row && std::getline(in, line)) {
            if (line.empty()) continue;
            try {
                auto [step, text] = row(line);
                if (step < keep_before) {
                    kept += text + "\n";
                    if (last_kept) *last_kept = std::max(*last_kept, step);
                }
            } catch (const std::exception&) {
                // a torn line from a kill: dropped
            }
        }
    }
    writeFileAtomic(path, kept);
    std::ofstream out(path, std::ios::binary | std::ios::app);
    if (!out) throw std::runtime_error("cannot append to " + path);
    return out;
}

// Writes metrics.csv and log.txt, then forwards everything to the front end's observer.
std::ofstream openMetrics(const std::string& run_dir, int64_t keep_before) {
    return openStepCsv(runMetricsPath(run_dir), metricsCsvHeader(), keep_before, [](const std::string& old_header) {
        const MetricsCsvColumns columns(old_header);
        return [columns](const std::string& l) {
            const StepMetrics m = columns.parse(l);
            return std::make_pair(m.step, metricsCsvRow(m));
        };
    });
}

std::ofstream openKnn(const std::string& run_dir, int64_t keep_before, int64_t* last_kept) {
    // A point's step counts steps done: the point of step s belongs to the steps before s.
    return openStepCsv(
        runKnnPath(run_dir), knnCsvHeader(), keep_before + 1,
        [](const std::string&) { return [](const std::string& l) { return std::make_pair(parseKnnCsvRow(l).step, l); }; },
        last_kept);
}

// Training time up to a checkpoint after `steps` steps: the elapsed time of the last of those steps in
// metrics.csv (0 when there is none), so that a resumed run's elapsed_seconds go on from there.
double elapsedBefore(const std::string& run_dir, int64_t steps) {
    double elapsed = 0;
    try {
        for (const StepMetrics& m : readMetricsCsv(runMetricsPath(run_dir)))
            if (m.step < steps && std::isfinite(m.elapsed_seconds)) elapsed = m.elapsed_seconds;
    } catch (const std::exception&) {
        // A damaged metrics.csv is rewritten by the Recorder; the clock then starts at 0.
    }
    return elapsed;
}

class Recorder : public TrainObserver {
public:
    Recorder(const std::string& run_dir, TrainObserver& inner, int64_t start_step, const RunConfig& cfg,
             const RunPlan& plan)
        : dir_(run_dir), inner_(inner), metrics_(openMetrics(run_dir, start_step)),
          log_(runLogPath(run_dir), std::ios::app), guard_(cfg, plan.total_steps), plan_(plan) {
        if (!log_) throw std::runtime_error("cannot append to " + runLogPath(run_dir));
        if (cfg.eval.knn_every_steps > 0) knn_ = openKnn(run_dir, start_step, &knn_last_kept_);
        if (start_step > 0) {
            // A resumed run: the guard sees the steps before the checkpoint again (the rows metrics.csv
            // kept), so that its window and verdict go on where they were, and a collapse it had already
            // warned of is not announced a second time.
            std::ifstream in(runMetricsPath(run_dir), std::ios::binary);
            std::string line;
            std::getline(in, line);  // the header
            while (std::getline(in, line))
                if (!line.empty()) guard_.observe(parseMetricsCsvRow(line));
            last_state_ = guard_.verdict().state;
            if (isCollapse(last_state_)) warned_[static_cast<int>(last_state_)] = true;
        }
    }
    void onPlan(const RunPlan& p) override { inner_.onPlan(p); }
    void onStep(const StepMetrics& m) override {
        metrics_ << metricsCsvRow(m) << '\n';
        metrics_.flush();
        if (!metrics_) failedAppend(runMetricsPath(dir_));
        const CollapseVerdict& v = guard_.observe(m);
        const bool changed = v.state != last_state_;
        if (changed) {
            // One line when the verdict changes; status.json always holds the current one.
            if (isCollapse(v.state) && !warned_[static_cast<int>(v.state)]) {
                warned_[static_cast<int>(v.state)] = true;
                std::string advice;
                for (const auto& [f, val] : v.advice) advice += (advice.empty() ? "" : ", ") + f + "=" + val;
                log("warning: collapse guard at step " + std::to_string(m.step) + ": " + v.explanation +
                    (advice.empty() ? "" : " Try " + advice + "."));
            } else if (isCollapse(last_state_) && v.state == CollapseState::Healthy) {
                log("collapse guard at step " + std::to_string(m.step) + ": " + v.explanation);
            }
            last_state_ = v.state;
        }
        // status.json holds the current verdict: written when it changes, and otherwise at most once a
        // second (a small atomic write; fast steps do not each pay for one).
        const auto now = std::chrono::steady_clock::now();
        if (changed || now - last_status_ >= std::chrono::seconds(1)) {
            writeRunStatus(dir_, "running", "", plan_, &v, &m);
            last_status_ = now;
        }
        last_step_ = m;
        inner_.onStep(m);
    }
    // The last step recorded in this session, or null before the first.
    const StepMetrics* lastStep() const { return last_step_ ? &*last_step_ : nullptr; }
    // Whether knn.csv has the point of this step (kept from before a resume).
    bool hasKnnPoint(int64_t step) const { return knn_last_kept_ >= step; }
    void onKnn(const KnnPoint& p) override {
        if (p.step <= knn_last_kept_) return;  // a point the file already has
        if (knn_.is_open()) {
            knn_ << knnCsvRow(p) << '\n';
            knn_.flush();
            if (!knn_) failedAppend(runKnnPath(dir_));
        }
        std::ostringstream os;
        os.precision(4);
        os << "live k-NN after " << p.step << " steps: 1-NN " << p.knn_1nn << ", weighted " << p.knn_weighted
           << " (random init " << p.baseline_1nn << ", " << p.baseline_weighted << "; " << p.seconds << " s)";
        logFileOnly(os.str());
        inner_.onKnn(p);
    }
    const CollapseVerdict& verdict() const { return guard_.verdict(); }
    void onEpoch(const EpochMetrics& e) override {
        log(epochLine(e));
        inner_.onEpoch(e);
    }
    void onEval(const EvalReport& r) override { inner_.onEval(r); }
    void onLog(const std::string& s) override { log(s); }
    void onEvalProgress(int64_t done, int64_t total) override { inner_.onEvalProgress(done, total); }
    void log(const std::string& s) {
        logFileOnly(s);
        inner_.onLog(s);
    }
    void logFileOnly(const std::string& s) { writeLogLine(log_, s); }

private:
    [[noreturn]] void failedAppend(const std::string& path) {
        const int err = errno;
        throw std::runtime_error("cannot append to " + path + ": " + (err ? std::strerror(err) : "write failed") +
                                 " (free space on " + formatBytes(freeBytes(dir_)) +
                                 "); the last checkpoint is kept and `dino resume " + dir_ + "` redoes the steps after it");
    }
    std::string dir_;
    TrainObserver& inner_;
    std::ofstream metrics_;
    std::ofstream log_;
    std::ofstream knn_;
    int64_t knn_last_kept_ = -1;  // the last step of the points knn.csv kept from before a resume
    CollapseGuard guard_;
    CollapseState last_state_ = CollapseState::Warmup;
    std::chrono::steady_clock::time_point last_status_{};
    bool warned_[4] = {false, false, false, false};  // one warning line per kind of collapse
    RunPlan plan_;
    std::optional<StepMetrics> last_step_;
};

// What a rank other than 0 writes: its own log, log.rank<N>.txt; everything else goes to the front
// end's observer (which for these ranks prints nothing but errors).
class RankLog : public TrainObserver {
public:
    RankLog(const std::string& run_dir, int rank, TrainObserver& inner) : inner_(inner) {
        ensureDir(run_dir);
        const std::string path = rankLogPath(run_dir, rank);
        log_.open(path, std::ios::app);
        if (!log_) throw std::runtime_error("cannot append to " + path);
    }
    void onPlan(const RunPlan& p) override { inner_.onPlan(p); }
    void onStep(const StepMetrics& m) override { inner_.onStep(m); }
    void onEpoch(const EpochMetrics& e) override {
        log(epochLine(e));
        inner_.onEpoch(e);
    }
    void onLog(const std::string& s) override {
        log(s);
        inner_.onLog(s);
    }
    void log(const std::string& s) { writeLogLine(log_, s); }

private:
    TrainObserver& inner_;
    std::ofstream log_;
};

std::shared_ptr<ProcessGroupHandle> joinProcesses(const RunConfig& cfg, const DistributedEnv& dist) {
    if (!dist.enabled()) return nullptr;
    const std::string device = resolveDevice(cfg.system.device).is_cuda() ? "cuda" : "cpu";
    const std::string backend = resolveDistBackend(cfg.system.dist_backend, device);
    return std::make_shared<ProcessGroupHandle>(dist, backend, cfg.system.dist_timeout_s);
}

bool directoryIsEmptyOrMissing(const std::string& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return true;
    if (!fs::is_directory(dir, ec)) return false;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (!isRunLockFile(e.path().filename().string())) return false;  // left by a killed writer: not content
    return true;
}

std::string describePlan(const RunPlan& p, const RunConfig& c) {
    std::ostringstream os;
    os << p.epochs << " epochs x " << p.steps_per_epoch << " steps (" << p.total_steps << " steps) of batch "
       << c.optim.batch_size << " on " << p.dataset_size << " images; " << p.trainable_parameters
       << " trainable parameters; " << p.device << ", " << p.threads << " threads, " << p.precision << " ("
       << p.precision_reason << ")";
    if (p.processes > 1) os << "; " << p.processes << " processes (" << p.dist_backend << "), each a share of every batch";
    return os.str();
}

}  // namespace

// The lock of a run this process writes (rank 0), taken as "dino train", "dino-studio resume", ...
static std::runtime_error notEmpty(const std::string& run_dir) {
    return std::runtime_error("run directory " + run_dir + " already exists and is not empty; continue it with `dino resume " +
                              run_dir + "` or choose a new directory");
}

static std::unique_ptr<RunLock> lockRun(const std::string& run_dir, const char* what) {
    return RunLock::acquire(run_dir, std::string(program_invocation_short_name) + " " + what);
}

void checkNewRunDirectory(const std::string& run_dir) {
    requireNoWriter(run_dir);
    if (!directoryIsEmptyOrMissing(run_dir)) throw notEmpty(run_dir);
}

struct TrainingRun::Impl {
    std::unique_ptr<RunLock> lock;  // rank 0's writer lock; first, so that it is released last
    std::string dir;
    RunConfig cfg;
    std::unique_ptr<Trainer> trainer;
    bool resumed = false;
    int rank = 0;
    std::unique_ptr<LocalLauncher> helpers;  // ranks 1.. of createLocal/resumeLocal
    std::string helper_config;               // the config file they read (removed at the end)
    ~Impl() {
        trainer.reset();  // leaves the process group first, so that the helpers see it go
        helpers.reset();  // interrupts and reaps any still running
        std::error_code ec;
        if (!helper_config.empty()) fs::remove(helper_config, ec);
    }
};

TrainingRun::TrainingRun() : impl_(std::make_unique<Impl>()) {}
TrainingRun::~TrainingRun() = default;

namespace {

// Starts ranks 1..n-1 of a local run and returns rank 0's launcher environment.
DistributedEnv startHelpers(std::unique_ptr<LocalLauncher>& helpers, const std::string& exe,
                            const std::vector<std::string>& args, int n) {
    std::error_code ec;
    if (!fs::exists(exe, ec))
        throw std::runtime_error("system.processes: training in " + std::to_string(n) + " processes needs the dino " +
                                 "command-line program (" + exe + "), which is missing");
    requireDistributedBackend(n);
    const int port = LocalLauncher::freePort();
    helpers = std::make_unique<LocalLauncher>(exe, args, n, port, 1);
    return distributedFromVariables(localLauncherVariables(n, 0, port));
}

}  // namespace

std::unique_ptr<TrainingRun> TrainingRun::createLocal(const RunConfig& cfg, const std::string& run_dir,
                                                      const std::string& dino_exe) {
    if (cfg.system.processes <= 1) return create(cfg, run_dir);
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError("config", errors);
    checkNewRunDirectory(run_dir);
    static std::atomic<int> counter{0};
    const std::string config = (fs::temp_directory_path() / ("dino-helpers-" + std::to_string(::getpid()) + "-" +
                                                              std::to_string(counter++) + ".json"))
                                   .string();
    writeFileAtomic(config, configToJson(cfg));
    std::unique_ptr<LocalLauncher> helpers;
    std::unique_ptr<TrainingRun> run;
    try {
        const DistributedEnv env = startHelpers(helpers, dino_exe, {"train", "--config", config, "--run", run_dir},
                                                cfg.system.processes);
        run = create(cfg, run_dir, env);
    } catch (...) {
        if (helpers) helpers->terminate();
        std::error_code ec;
        fs::remove(config, ec);
        throw;
    }
    run->impl_->helpers = std::move(helpers);
    run->impl_->helper_config = config;
    return run;
}

std::unique_ptr<TrainingRun> TrainingRun::resumeLocal(const std::string& run_dir, const std::string& dino_exe) {
    const int n = runProcesses(run_dir);
    if (n <= 1) return resume(run_dir);
    requireNoWriter(run_dir);  // before the helpers start
    std::unique_ptr<LocalLauncher> helpers;
    try {
        const DistributedEnv env = startHelpers(helpers, dino_exe, {"resume", run_dir}, n);
        auto run = resume(run_dir, env);
        run->impl_->helpers = std::move(helpers);
        return run;
    } catch (...) {
        if (helpers) helpers->terminate();
        throw;
    }
}

std::unique_ptr<TrainingRun> TrainingRun::create(const RunConfig& cfg, const std::string& run_dir,
                                                 const DistributedEnv& dist) {
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError("config", errors);
    // Rank 0 checks before the others write their logs there (they do so only after joining it).
    if (dist.rank == 0) checkNewRunDirectory(run_dir);
    std::unique_ptr<TrainingRun> run(new TrainingRun());
    run->impl_->dir = run_dir;
    run->impl_->cfg = cfg;
    run->impl_->rank = dist.rank;
    // Open the data and build the models first, so that a bad config leaves no directory behind.
    run->impl_->trainer = std::make_unique<Trainer>(cfg, dist.rank == 0 ? run_dir : std::string(), joinProcesses(cfg, dist));
    if (dist.rank != 0) return run;
    ensureDir(run_dir);
    run->impl_->lock = lockRun(run_dir, "train");
    // Again under the lock: another process may have started a run there meanwhile (its config.json is
    // the first file it writes; the other ranks of this run may have written their logs already).
    if (fs::exists(runConfigPath(run_dir))) throw notEmpty(run_dir);
    saveConfigFile(cfg, runConfigPath(run_dir));
    writeRunStatus(run_dir, "created", "", run->impl_->trainer->plan());
    return run;
}

std::unique_ptr<TrainingRun> TrainingRun::resume(const std::string& run_dir, const DistributedEnv& dist) {
    if (!fs::is_directory(run_dir)) throw std::runtime_error("run directory " + run_dir + " does not exist");
    std::unique_ptr<RunLock> lock = dist.rank == 0 ? lockRun(run_dir, "resume") : nullptr;
    RunConfig cfg = loadConfigFile(runConfigPath(run_dir));
    std::string ckpt = lastCheckpointPath(run_dir);
    if (!fs::exists(ckpt))
        throw std::runtime_error("nothing to resume in " + run_dir + ": no checkpoint yet (" + ckpt +
                                 "); start it again with `dino train`");
    std::unique_ptr<TrainingRun> run(new TrainingRun());
    run->impl_->lock = std::move(lock);
    run->impl_->dir = run_dir;
    run->impl_->cfg = cfg;
    run->impl_->resumed = true;
    run->impl_->rank = dist.rank;
    run->impl_->trainer = std::make_unique<Trainer>(cfg, dist.rank == 0 ? run_dir : std::string(), joinProcesses(cfg, dist));
    run->impl_->trainer->restore(ckpt);
    if (dist.rank == 0) run->impl_->trainer->setElapsedBefore(elapsedBefore(run_dir, run->impl_->trainer->nextStep()));
    return run;
}

RunPlan TrainingRun::plan() const { return impl_->trainer->plan(); }
const RunConfig& TrainingRun::config() const { return impl_->cfg; }
const std::string& TrainingRun::runDir() const { return impl_->dir; }
int TrainingRun::rank() const { return impl_->rank; }
void TrainingRun::cancel() { impl_->trainer->cancel(); }
void TrainingRun::setPaused(bool p) { impl_->trainer->setPaused(p); }
bool TrainingRun::paused() const { return impl_->trainer->paused(); }

RunOutcome TrainingRun::run(TrainObserver& observer) {
    if (!impl_->helpers) return runHere(observer);
    // Rank 0 here, the other ranks in helper processes: a failure of one is reported with its rank.
    RunOutcome outcome;
    try {
        outcome = runHere(observer);
    } catch (const DistributedError& e) {
        // Rank 0 lost the others: say which one failed first and how.
        impl_->helpers->wait(30.0);
        if (impl_->helpers->failed()) throw DistributedError(std::string(e.what()) + "; " + impl_->helpers->failure());
        throw;
    } catch (...) {
        // The others stop with the same error (a non-finite loss) or lose rank 0.
        impl_->helpers->wait(30.0);
        throw;
    }
    impl_->helpers->wait(30.0);
    if (impl_->helpers->failed())
        throw DistributedError("training finished here, but " + impl_->helpers->failure());
    return outcome;
}

RunOutcome TrainingRun::runHere(TrainObserver& observer) {
    Impl& im = *impl_;
    Trainer& tr = *im.trainer;
    const RunPlan plan = tr.plan();
    if (im.rank != 0) {
        // A rank other than 0: trains its share, evaluates nothing, writes only its log.
        RankLog log(im.dir, im.rank, observer);
        log.log("rank " + std::to_string(im.rank) + " (pid " + std::to_string(::getpid()) + ")" +
                (im.resumed ? ": resumed at step " : ": started at step ") +
                std::to_string(plan.start_step) + ": " + describePlan(plan, im.cfg));
        try {
            RunOutcome outcome = tr.run(log, {});
            log.log(outcome == RunOutcome::Cancelled ? "cancelled after " + std::to_string(tr.nextStep()) + " steps"
                                                     : "finished after " + std::to_string(tr.nextStep()) + " steps");
            return outcome;
        } catch (const std::exception& e) {
            log.log(std::string("failed: ") + e.what());
            throw;
        }
    }
    Recorder rec(im.dir, observer, plan.start_step, im.cfg, plan);
    writeRunStatus(im.dir, "running", "", plan, rec.verdict().step >= 0 ? &rec.verdict() : nullptr);
    if (im.resumed)
        rec.log("resumed from " + lastCheckpointPath(im.dir) + " after " + std::to_string(plan.start_step) + " of " +
                std::to_string(plan.total_steps) + " steps");
    else
        rec.logFileOnly("started: " + describePlan(plan, im.cfg));  // front ends show the plan from onPlan

    TrainerHooks hooks;
    // A run cancelled while its live k-NN point was being computed resumes at that step without the point.
    hooks.live_knn_at_start = plan.start_step > 0 && im.cfg.eval.knn_every_steps > 0 && !rec.hasKnnPoint(plan.start_step);
    hooks.after_epoch = [&](int epoch, const std::string& ckpt, bool last) {
        const auto& ev = im.cfg.eval;
        bool periodic = ev.eval_every_epochs > 0 && (epoch + 1) % ev.eval_every_epochs == 0;
        bool final = last && ev.eval_at_end;
        if (!periodic && !final) return;
        try {
            rec.log("evaluating the teacher of epoch " + std::to_string(epoch) + " (k-NN" +
                    (ev.linear_probe ? " and linear probe" : "") + " on " + ev.test_split + ")");
            EvalReport report = evaluateRun(
                im.dir, ckpt, [&](int64_t done, int64_t total) { rec.onEvalProgress(done, total); }, tr.cancelFlag());
            std::ostringstream os;
            os << "eval epoch " << epoch << ": 1-NN " << report.trained.nn1_accuracy << ", " << report.knn_k
               << "-NN " << report.trained.knn_accuracy << ", AUC " << report.trained.auc << " (random init: 1-NN "
               << report.baseline.nn1_accuracy << ", " << report.knn_k << "-NN " << report.baseline.knn_accuracy << ")";
            const ProbeMetrics &pt = report.trained.probe, &pb = report.baseline.probe;
            if (pt.present)
                os << "; linear probe " << pt.val_split << " " << pt.val_accuracy << ", " << report.test_split << " "
                   << pt.test_accuracy << " (lr " << pt.lr << ", wd " << pt.wd << ", " << pt.seconds << " s; random init: "
                   << pb.val_accuracy << ", " << pb.test_accuracy << ")";
            if (const std::string note = probeGridEdgeNote(pt); !note.empty()) os << "; note: " << note;
            rec.log(os.str());
            rec.onEval(report);
            if (final) {
                PseudoLabelReport pl = pseudoLabels(im.dir, "", ckpt);
                std::ostringstream ps;
                ps << "pseudo-labels on " << pl.split << ": " << pl.used << " of " << pl.counts.size()
                   << " used, entropy " << pl.entropy << " of " << pl.max_entropy << " nats";
                rec.log(ps.str());
            }
        } catch (const OperationCancelled&) {
            rec.log("evaluation cancelled");
        } catch (const std::exception& e) {
            // Training itself is fine; the evaluation can be repeated with `dino eval`.
            rec.log(std::string("evaluation failed: ") + e.what());
        }
    };

    RunOutcome outcome;
    try {
        outcome = tr.run(rec, hooks);
    } catch (const std::exception& e) {
        std::string msg = e.what();
        // On a full or read-only disk these writes fail too; the error that stopped the run is the one to report.
        try {
            rec.log("failed: " + msg);
            writeRunStatus(im.dir, "failed", msg, tr.plan(), &rec.verdict(), rec.lastStep());
        } catch (const std::exception&) {
        }
        throw;
    }
    if (outcome == RunOutcome::Cancelled) {
        writeRunStatus(im.dir, "cancelled", "", tr.plan(), &rec.verdict(), rec.lastStep());
        rec.log("cancelled after " + std::to_string(tr.nextStep()) + " steps; continue with `dino resume " + im.dir + "`");
    } else if (tr.cancelled()) {
        // Training is complete; the evaluation at its end was stopped (cancel during evaluation).
        writeRunStatus(im.dir, "finished", "evaluation cancelled", tr.plan(), &rec.verdict(), rec.lastStep());
        rec.log("finished after " + std::to_string(tr.nextStep()) + " steps; the evaluation was cancelled (`dino eval " +
                im.dir + "` repeats it)");
        outcome = RunOutcome::Cancelled;
    } else {
        writeRunStatus(im.dir, "finished", "", tr.plan(), &rec.verdict(), rec.lastStep());
        rec.log("finished after " + std::to_string(tr.nextStep()) + " steps");
    }
    return outcome;
}

}  // namespace dino::api
