#include "api/collapse_guard.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace dino::api {

const char* collapseStateName(CollapseState s) {
    switch (s) {
        case CollapseState::Warmup: return "warmup";
        case CollapseState::Healthy: return "healthy";
        case CollapseState::Uniform: return "uniform";
        case CollapseState::OneHot: return "one-hot";
    }
    return "?";
}

bool isCollapse(CollapseState s) { return s == CollapseState::Uniform || s == CollapseState::OneHot; }

CollapseGuard::CollapseGuard(const RunConfig& cfg, int64_t total_steps) : cfg_(cfg) {
    const double warm = std::max(cfg.optim.lr_warmup_pct, cfg.optim.teacher_temp_warmup_pct);
    grace_steps_ = std::max<int64_t>(10, static_cast<int64_t>(std::ceil(warm * static_cast<double>(total_steps))));
    // Short runs would never leave their warmup: look at least at their second half.
    grace_steps_ = std::min<int64_t>(grace_steps_, std::max<int64_t>(1, total_steps / 2));
    window_ = static_cast<size_t>(std::clamp<int64_t>(total_steps / 10, 5, 20));
    confirm_ = static_cast<int>(std::clamp<size_t>(window_ / 3, 2, 5));
}

const CollapseVerdict& CollapseGuard::observe(const StepMetrics& m) {
    recent_.push_back(m);
    while (recent_.size() > window_) recent_.pop_front();
    CollapseVerdict v;
    v.step = m.step;
    const double log_k = std::log(static_cast<double>(std::max(2, cfg_.model.out_dim)));
    double h = 0, kl = 0, sd = 0;
    int n_sd = 0;
    for (const auto& r : recent_) {
        h += r.teacher_entropy;
        kl += r.kl_uniform;
        if (std::isfinite(r.student_std)) {
            sd += r.student_std;
            ++n_sd;
        }
    }
    const double n = static_cast<double>(recent_.size());
    v.entropy_fraction = h / n / log_k;
    v.spread_fraction = std::max(0.0, 1.0 - kl / n / log_k);
    v.student_std = n_sd ? sd / n_sd : std::nan("");
    const size_t half = recent_.size() / 2;
    if (half > 0) {
        double early = 0, late = 0;
        for (size_t i = 0; i < half; ++i) {
            early += recent_[i].teacher_entropy;
            late += recent_[recent_.size() - 1 - i].teacher_entropy;
        }
        v.entropy_fall = (early - late) / static_cast<double>(half) / log_k;
    }

    // What the window says, before hysteresis.
    const bool was_uniform = verdict_.state == CollapseState::Uniform;
    const bool feature_collapse = n_sd && v.student_std < kMinStudentStd;
    const bool stuck_uniform = v.entropy_fraction > (was_uniform ? kUniformExit : kUniformEntropy) && v.entropy_fall < kMinFall;
    CollapseState raw = CollapseState::Healthy;
    if (m.step + 1 < grace_steps_) raw = CollapseState::Warmup;
    else if (v.spread_fraction < kOneHotSpread) raw = CollapseState::OneHot;
    else if (stuck_uniform || feature_collapse) raw = CollapseState::Uniform;
    // Hysteresis: the end of the warm-up into a healthy run is said at once; a collapse, its end or another
    // kind of collapse only once the last confirm_ steps all point to it.
    if (raw == CollapseState::Warmup || raw == verdict_.state ||
        (verdict_.state == CollapseState::Warmup && raw == CollapseState::Healthy)) {
        v.state = raw;
        candidate_steps_ = 0;
    } else {
        candidate_steps_ = raw == candidate_ ? candidate_steps_ + 1 : 1;
        candidate_ = raw;
        v.state = candidate_steps_ >= confirm_ ? raw : verdict_.state;
        if (v.state == raw) candidate_steps_ = 0;
    }

    std::ostringstream os;
    os.precision(2);
    os << std::fixed;
    if (v.state == CollapseState::Warmup) {
        os << "The first " << grace_steps_ << " steps are DINO's warm-up; the guard judges from then on.";
    } else if (v.state == CollapseState::OneHot) {
        os << "One-label collapse: the teacher assigns the batch to a few of its " << cfg_.model.out_dim
           << " labels (entropy of the mean assignment " << v.spread_fraction * 100
           << " % of log K), so every image gets the same target and the features stop telling images apart.";
        if (cfg_.optim.centering != "sinkhorn") v.advice.push_back({"optim.centering", "\"sinkhorn\""});
        if (cfg_.optim.koleo_weight <= 0) v.advice.push_back({"optim.koleo_weight", "0.1"});
        if (cfg_.optim.centering != "sinkhorn" && cfg_.optim.center_momentum > 0.9)
            v.advice.push_back({"optim.center_momentum", "0.9"});
        if (cfg_.optim.centering != "sinkhorn" && cfg_.optim.teacher_temp < 0.04) {
            v.advice.push_back({"optim.teacher_temp_start", "0.04"});
            v.advice.push_back({"optim.teacher_temp", "0.04"});
        }
    } else if (v.state == CollapseState::Uniform) {
        if (!feature_collapse)
            os << "Uniform collapse: the teacher's targets are nearly uniform (entropy " << v.entropy_fraction * 100
               << " % of log " << cfg_.model.out_dim << "), so the student is taught nothing.";
        else
            os << "Feature collapse: the student's class tokens all but coincide (spread " << v.student_std
               << " of about 1 for spread-out features).";
        os << " This is where DINO starts; a short run, soft teacher targets or strong augmentations keep it there.";
        if (cfg_.optim.centering != "sinkhorn") v.advice.push_back({"optim.centering", "\"sinkhorn\""});
        if (cfg_.optim.koleo_weight <= 0) v.advice.push_back({"optim.koleo_weight", "0.1"});
        if (cfg_.optim.teacher_temp > 0.02 || cfg_.optim.teacher_temp_start > 0.02) {
            v.advice.push_back({"optim.teacher_temp_start", "0.02"});
            v.advice.push_back({"optim.teacher_temp", "0.02"});
        }
        if (cfg_.optim.momentum > 0.99) v.advice.push_back({"optim.momentum", "0.99"});
    } else if (v.entropy_fraction > kUniformEntropy) {
        os << "Healthy: the teacher's targets are leaving the uniform start (entropy " << v.entropy_fraction * 100
           << " % of log K, falling " << v.entropy_fall * 100 << " points across the last " << recent_.size()
           << " steps) and spread over the labels (" << v.spread_fraction * 100 << " % of log K).";
    } else {
        os << "Healthy: sharp teacher targets (entropy " << v.entropy_fraction * 100 << " % of log K) spread over "
           << "the labels (" << v.spread_fraction * 100 << " % of log K).";
    }
    v.explanation = os.str();
    verdict_ = v;
    return verdict_;
}

RunConfig applyCollapseAdvice(const RunConfig& cfg, const CollapseVerdict& v) {
    RunConfig c = cfg;
    for (const auto& [field, value] : v.advice) applyOverride(c, field + "=" + value);
    return c;
}

}  // namespace dino::api
