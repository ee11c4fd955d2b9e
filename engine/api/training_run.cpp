#include "api/training_run.h"

#include "api/analysis.h"
#include "api/collapse_guard.h"
#include "api/run_directory.h"
#include "common/fsutil.h"
#include "evaluation/cancellation.h"
#include "training/checkpoint.h"
#include "training/trainer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

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

// metrics.csv with the rows of steps before `keep_before` (a resumed run drops the rows of steps it
// will redo, and any half-written line a kill left behind), then opened for appending.
// Opens a per-step CSV of the run for appending, keeping the rows of steps before keep_before (a
// resume) and dropping later ones (steps that will be run again).
template <class Parse>
std::ofstream openStepCsv(const std::string& path, const std::string& header, int64_t keep_before, Parse parse) {
    std::string kept = header + "\n";
    if (keep_before > 0 && fs::exists(path)) {
        std::ifstream in(path, std::ios::binary);
        std::string line;
        bool header = true;
        while (std::getline(in, line)) {
            if (header) {
                header = false;
                continue;
            }
            if (line.empty()) continue;
            try {
                if (parse(line) < keep_before) kept += line + "\n";
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
    return openStepCsv(runMetricsPath(run_dir), metricsCsvHeader(), keep_before,
                       [](const std::string& l) { return parseMetricsCsvRow(l).step; });
}

std::ofstream openKnn(const std::string& run_dir, int64_t keep_before) {
    // A point's step counts steps done: the point of step s belongs to the steps before s.
    return openStepCsv(runKnnPath(run_dir), knnCsvHeader(), keep_before + 1,
                       [](const std::string& l) { return parseKnnCsvRow(l).step; });
}

class Recorder : public TrainObserver {
public:
    Recorder(const std::string& run_dir, TrainObserver& inner, int64_t start_step, const RunConfig& cfg,
             const RunPlan& plan)
        : dir_(run_dir), inner_(inner), metrics_(openMetrics(run_dir, start_step)),
          log_(runLogPath(run_dir), std::ios::app), guard_(cfg, plan.total_steps), plan_(plan) {
        if (!log_) throw std::runtime_error("cannot append to " + runLogPath(run_dir));
        if (cfg.eval.knn_every_steps > 0) knn_ = openKnn(run_dir, start_step);
    }
    void onPlan(const RunPlan& p) override { inner_.onPlan(p); }
    void onStep(const StepMetrics& m) override {
        metrics_ << metricsCsvRow(m) << '\n';
        metrics_.flush();
        if (!metrics_) failedAppend(runMetricsPath(dir_));
        const CollapseVerdict& v = guard_.observe(m);
        if (v.state != last_state_) {
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
            writeRunStatus(dir_, "running", "", plan_, &v);
        }
        inner_.onStep(m);
    }
    void onKnn(const KnnPoint& p) override {
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
        std::ostringstream os;
        os << "epoch " << e.epoch << " done: mean loss " << e.mean_loss;
        if (!e.checkpoint.empty()) os << ", checkpoint " << e.checkpoint;
        log(os.str());
        inner_.onEpoch(e);
    }
    void onEval(const EvalReport& r) override { inner_.onEval(r); }
    void onLog(const std::string& s) override { log(s); }
    void onEvalProgress(int64_t done, int64_t total) override { inner_.onEvalProgress(done, total); }
    void log(const std::string& s) {
        logFileOnly(s);
        inner_.onLog(s);
    }
    void logFileOnly(const std::string& s) {
        log_ << '[' << timestamp() << "] " << s << '\n';
        log_.flush();
    }

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
    CollapseGuard guard_;
    CollapseState last_state_ = CollapseState::Warmup;
    bool warned_[4] = {false, false, false, false};  // one warning line per kind of collapse
    RunPlan plan_;
};

bool directoryIsEmptyOrMissing(const std::string& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) return true;
    if (!fs::is_directory(dir, ec)) return false;
    return fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

std::string describePlan(const RunPlan& p, const RunConfig& c) {
    std::ostringstream os;
    os << p.epochs << " epochs x " << p.steps_per_epoch << " steps (" << p.total_steps << " steps) of batch "
       << c.optim.batch_size << " on " << p.dataset_size << " images; " << p.trainable_parameters
       << " trainable parameters; " << p.device << ", " << p.threads << " threads, " << p.precision << " ("
       << p.precision_reason << ")";
    return os.str();
}

}  // namespace

struct TrainingRun::Impl {
    std::string dir;
    RunConfig cfg;
    std::unique_ptr<Trainer> trainer;
    bool resumed = false;
};

TrainingRun::TrainingRun() : impl_(std::make_unique<Impl>()) {}
TrainingRun::~TrainingRun() = default;

std::unique_ptr<TrainingRun> TrainingRun::create(const RunConfig& cfg, const std::string& run_dir) {
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError("config", errors);
    if (!directoryIsEmptyOrMissing(run_dir))
        throw std::runtime_error("run directory " + run_dir +
                                 " already exists and is not empty; continue it with `dino resume " + run_dir +
                                 "` or choose a new directory");
    std::unique_ptr<TrainingRun> run(new TrainingRun());
    run->impl_->dir = run_dir;
    run->impl_->cfg = cfg;
    // Open the data and build the models first, so that a bad config leaves no directory behind.
    run->impl_->trainer = std::make_unique<Trainer>(cfg, run_dir);
    ensureDir(run_dir);
    saveConfigFile(cfg, runConfigPath(run_dir));
    writeRunStatus(run_dir, "created", "", run->impl_->trainer->plan());
    return run;
}

std::unique_ptr<TrainingRun> TrainingRun::resume(const std::string& run_dir) {
    if (!fs::is_directory(run_dir)) throw std::runtime_error("run directory " + run_dir + " does not exist");
    RunConfig cfg = loadConfigFile(runConfigPath(run_dir));
    std::string ckpt = lastCheckpointPath(run_dir);
    if (!fs::exists(ckpt))
        throw std::runtime_error("nothing to resume in " + run_dir + ": no checkpoint yet (" + ckpt +
                                 "); start it again with `dino train`");
    std::unique_ptr<TrainingRun> run(new TrainingRun());
    run->impl_->dir = run_dir;
    run->impl_->cfg = cfg;
    run->impl_->resumed = true;
    run->impl_->trainer = std::make_unique<Trainer>(cfg, run_dir);
    run->impl_->trainer->restore(ckpt);
    return run;
}

RunPlan TrainingRun::plan() const { return impl_->trainer->plan(); }
const RunConfig& TrainingRun::config() const { return impl_->cfg; }
const std::string& TrainingRun::runDir() const { return impl_->dir; }
void TrainingRun::cancel() { impl_->trainer->cancel(); }
void TrainingRun::setPaused(bool p) { impl_->trainer->setPaused(p); }
bool TrainingRun::paused() const { return impl_->trainer->paused(); }

RunOutcome TrainingRun::run(TrainObserver& observer) {
    Impl& im = *impl_;
    Trainer& tr = *im.trainer;
    const RunPlan plan = tr.plan();
    Recorder rec(im.dir, observer, plan.start_step, im.cfg, plan);
    writeRunStatus(im.dir, "running", "", plan);
    if (im.resumed)
        rec.log("resumed from " + lastCheckpointPath(im.dir) + " after " + std::to_string(plan.start_step) + " of " +
                std::to_string(plan.total_steps) + " steps");
    else
        rec.logFileOnly("started: " + describePlan(plan, im.cfg));  // front ends show the plan from onPlan

    TrainerHooks hooks;
    hooks.after_epoch = [&](int epoch, const std::string& ckpt, bool last) {
        const auto& ev = im.cfg.eval;
        bool periodic = ev.eval_every_epochs > 0 && (epoch + 1) % ev.eval_every_epochs == 0;
        bool final = last && ev.eval_at_end;
        if (!periodic && !final) return;
        try {
            rec.log("evaluating the teacher of epoch " + std::to_string(epoch) + " (k-NN on " + ev.test_split + ")");
            EvalReport report = evaluateRun(
                im.dir, ckpt, [&](int64_t done, int64_t total) { rec.onEvalProgress(done, total); }, tr.cancelFlag());
            std::ostringstream os;
            os << "eval epoch " << epoch << ": 1-NN " << report.trained.nn1_accuracy << ", " << report.knn_k
               << "-NN " << report.trained.knn_accuracy << ", AUC " << report.trained.auc << " (random init: 1-NN "
               << report.baseline.nn1_accuracy << ", " << report.knn_k << "-NN " << report.baseline.knn_accuracy << ")";
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
            writeRunStatus(im.dir, "failed", msg, tr.plan(), &rec.verdict());
        } catch (const std::exception&) {
        }
        throw;
    }
    if (outcome == RunOutcome::Cancelled) {
        writeRunStatus(im.dir, "cancelled", "", tr.plan(), &rec.verdict());
        rec.log("cancelled after " + std::to_string(tr.nextStep()) + " steps; continue with `dino resume " + im.dir + "`");
    } else if (tr.cancelled()) {
        // Training is complete; the evaluation at its end was stopped (cancel during evaluation).
        writeRunStatus(im.dir, "finished", "evaluation cancelled", tr.plan(), &rec.verdict());
        rec.log("finished after " + std::to_string(tr.nextStep()) + " steps; the evaluation was cancelled (`dino eval " +
                im.dir + "` repeats it)");
        outcome = RunOutcome::Cancelled;
    } else {
        writeRunStatus(im.dir, "finished", "", tr.plan(), &rec.verdict());
        rec.log("finished after " + std::to_string(tr.nextStep()) + " steps");
    }
    return outcome;
}

}  // namespace dino::api
