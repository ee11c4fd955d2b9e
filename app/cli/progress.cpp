#include "progress.h"

#include "interrupt.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unistd.h>

namespace dino::cli {

std::string formatDuration(double s) {
    if (!std::isfinite(s) || s < 0) return "?";
    long t = std::lround(s);
    char buf[32];
    if (t >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t % 3600) / 60);
    else if (t >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
    else std::snprintf(buf, sizeof buf, "%lds", t);
    return buf;
}

ConsoleProgress::ConsoleProgress(bool terminal, std::FILE* out) : terminal_(terminal), out_(out) {}

void ConsoleProgress::clearLine() {
    if (terminal_ && bar_shown_) {
        std::fprintf(out_, "\r\033[K");
        bar_shown_ = false;
    }
}

void ConsoleProgress::finish() {
    if (terminal_ && bar_shown_) {
        std::fprintf(out_, "\n");
        bar_shown_ = false;
    }
    std::fflush(out_);
}

std::string ConsoleProgress::eta(int64_t step) const {
    if (steps_seen_ == 0) return "?";
    return formatDuration(mean_step_s_ * static_cast<double>(plan_.total_steps - step - 1));
}

void ConsoleProgress::onPlan(const api::RunPlan& p) {
    plan_ = p;
    // Plain output: about 100 lines per run, plus every epoch boundary.
    print_every_ = std::max<int64_t>(1, p.total_steps / 100);
    std::fprintf(out_, "plan: %d epochs x %lld steps = %lld steps on %lld images, %lld trainable parameters, %s, %d threads, %s%s\n",
                 p.epochs, static_cast<long long>(p.steps_per_epoch), static_cast<long long>(p.total_steps),
                 static_cast<long long>(p.dataset_size), static_cast<long long>(p.trainable_parameters),
                 p.device.c_str(), p.threads, p.precision.c_str(),
                 p.start_step > 0 ? (", resuming after " + std::to_string(p.start_step) + " steps done").c_str() : "");
    std::fflush(out_);
}

void ConsoleProgress::onStep(const api::StepMetrics& m) {
    ++steps_seen_;
    reachPhase("training");
    // Running mean, skipping the first (warm-up) step once there are others.
    if (steps_seen_ == 1) mean_step_s_ = m.step_seconds;
    else if (steps_seen_ == 2) mean_step_s_ = m.step_seconds;
    else mean_step_s_ += (m.step_seconds - mean_step_s_) / static_cast<double>(steps_seen_ - 1);
    const int64_t done = m.step + 1;
    if (terminal_) {
        const int width = 24;
        int filled = plan_.total_steps > 0 ? static_cast<int>(width * done / plan_.total_steps) : 0;
        std::string bar(static_cast<size_t>(filled), '#');
        bar.resize(width, '.');
        std::fprintf(out_, "\r\033[Kepoch %d/%d [%s] %lld/%lld  loss %.4f  %.1f img/s  ETA %s", m.epoch + 1, plan_.epochs,
                     bar.c_str(), static_cast<long long>(done), static_cast<long long>(plan_.total_steps), m.loss,
                     m.images_per_s, eta(m.step).c_str());
        bar_shown_ = true;
        std::fflush(out_);
        return;
    }
    bool epoch_end = plan_.steps_per_epoch > 0 && done % plan_.steps_per_epoch == 0;
    if (done % print_every_ != 0 && !epoch_end && done != plan_.total_steps && steps_seen_ != 1) return;
    std::fprintf(out_,
                 "step %lld/%lld epoch %d loss %.4f lr %.3g wd %.3g teacher_temp %.3g momentum %.5f img/s %.1f "
                 "entropy %.3f kl_uniform %.3f eta %s\n",
                 static_cast<long long>(done), static_cast<long long>(plan_.total_steps), m.epoch, m.loss, m.lr, m.wd,
                 m.teacher_temp, m.momentum, m.images_per_s, m.teacher_entropy, m.kl_uniform, eta(m.step).c_str());
    std::fflush(out_);
}

void ConsoleProgress::onEpoch(const api::EpochMetrics&) {
    // The epoch summary arrives as a log line (written to log.txt as well).
}

void ConsoleProgress::onEval(const api::EvalReport&) {
    // Summarised by the evaluation's log line.
}

void ConsoleProgress::onLog(const std::string& s) {
    clearLine();
    std::fprintf(out_, "%s\n", s.c_str());
    std::fflush(out_);
}

void ConsoleProgress::onKnn(const api::KnnPoint& p) {
    clearLine();
    std::fprintf(out_, "live k-NN after %lld steps: 1-NN %.1f %%, weighted %.1f %% (random init %.1f %%, %.1f %%)\n",
                 static_cast<long long>(p.step), 100 * p.knn_1nn, 100 * p.knn_weighted, 100 * p.baseline_1nn,
                 100 * p.baseline_weighted);
    std::fflush(out_);
}

void ConsoleProgress::onEvalProgress(int64_t done, int64_t total) {
    reachPhase("evaluation");
    if (!terminal_) return;
    std::fprintf(out_, "\r\033[Kevaluating: %lld/%lld images", static_cast<long long>(done), static_cast<long long>(total));
    bar_shown_ = true;
    std::fflush(out_);
}

InterruptToCancel::InterruptToCancel(api::TrainingRun& run) : run_(run) {
    watcher_ = std::thread([this] {
        while (!stop_.load()) {
            if (cli::interrupted()) {
                run_.cancel();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
}

InterruptToCancel::~InterruptToCancel() {
    stop_.store(true);
    if (watcher_.joinable()) watcher_.join();
}

bool InterruptToCancel::interrupted() const { return cli::interrupted(); }

}  // namespace dino::cli
