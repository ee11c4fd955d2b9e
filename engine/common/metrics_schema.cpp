// The table of training metrics (metrics_schema.h): one entry per api::StepMetrics member, in
// metrics.csv's column order.
#include "common/metrics_schema.h"

#include <cmath>
#include <limits>

// Marked for Qt's lupdate (ui/CMakeLists.txt scans this file), plain English text in the engine.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace dino {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Builds one descriptor; every setter returns the builder so that an entry reads as one expression.
struct Metric {
    MetricDescriptor d;

    Metric& label(const char* s) { d.label = s; return *this; }
    Metric& help(const char* s) { d.help = s; return *this; }
    Metric& unit(const char* u) { d.unit = u; return *this; }
    Metric& epoch(EpochReduce r) { d.epoch = r; return *this; }
    Metric& ranks(RankReduce r) { d.ranks = r; return *this; }
    Metric& chart(MetricChart c, bool right_axis = false) { d.chart = c; d.right_axis = right_axis; return *this; }
    Metric& integer() { d.integer = true; return *this; }
    Metric& required() { d.required = true; return *this; }
    Metric& missing(double v) { d.missing = v; return *this; }
    operator MetricDescriptor() const { return d; }
};

// The name is spelled from the member, so that the column and StepMetrics::member cannot drift apart.
#define DINO_METRIC(member)                                                                             \
    Metric {                                                                                            \
        MetricDescriptor {                                                                              \
            #member, "", "", "", EpochReduce::Mean, RankReduce::Same, MetricChart::None, false, false,  \
                false, 0, [](const api::StepMetrics& m) { return static_cast<double>(m.member); },     \
                [](api::StepMetrics& m, double v) { m.member = static_cast<decltype(m.member)>(v); }    \
        }                                                                                               \
    }

std::vector<MetricDescriptor> makeTable() {
    using E = EpochReduce;
    using R = RankReduce;
    return {
        DINO_METRIC(step).integer().required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "step"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The global step, counted from 0.")),
        DINO_METRIC(epoch).integer().required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "epoch"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The epoch of the step, counted from 0.")),
        DINO_METRIC(loss).required().ranks(R::Sum).chart(MetricChart::Loss)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "loss"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The DINO loss of the whole batch (cross-entropy of the student's views against the teacher's targets), plus the weighted KoLeo and iBOT terms.")),
        DINO_METRIC(lr).required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "learning rate"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The learning rate of the step (the schedule).")),
        DINO_METRIC(wd).required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "weight decay"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The weight decay of the step (the schedule).")),
        DINO_METRIC(teacher_temp).required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "teacher temperature"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The teacher's softmax temperature of the step (the schedule).")),
        DINO_METRIC(momentum).required().epoch(E::Last)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "EMA momentum"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The teacher's EMA momentum of the step (the schedule).")),
        DINO_METRIC(images_per_s).required().unit("images/s").ranks(R::Writer)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "throughput"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Images of the batch (each with all its views) per second of the step, data waiting included.")),
        DINO_METRIC(teacher_entropy).required().unit("nats").chart(MetricChart::Collapse)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "teacher entropy"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Mean entropy of the teacher's sharpened softmax; near 0 when one pseudo-label wins for every image.")),
        DINO_METRIC(kl_uniform).required().unit("nats").chart(MetricChart::Collapse, /*right_axis=*/true)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "KL to uniform"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "KL divergence of the batch's mean teacher distribution from the uniform one; near log(out_dim) when every image gets the same label.")),
        DINO_METRIC(center_norm).required()
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "centre norm"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "L2 norm of the teacher's centre after the step (0 with Sinkhorn-Knopp centering).")),
        DINO_METRIC(step_seconds).required().unit("s").epoch(E::Sum).ranks(R::Writer)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "step time"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Seconds the step took, waiting for the data included.")),
        DINO_METRIC(data_seconds).required().unit("s").epoch(E::Sum).ranks(R::Writer)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "data wait"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Seconds the step waited for the data loader.")),
        DINO_METRIC(elapsed_seconds).required().unit("s").epoch(E::Last).ranks(R::Writer)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "elapsed"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Training time since the run started; a resumed run goes on from its checkpoint's.")),
        DINO_METRIC(student_std).ranks(R::Writer).missing(kNaN)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "student feature spread"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Per-dimension standard deviation of the student's L2-normalised class tokens over the images, times sqrt(embed_dim): about 1 when spread over the sphere, 0 when every image gets the same feature.")),
        DINO_METRIC(koleo).ranks(R::Sum).missing(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "KoLeo"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "The KoLeo term before its weight (optim.koleo_weight); 0 when the weight is 0.")),
        DINO_METRIC(grad_norm).missing(kNaN)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "gradient norm"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "Total L2 norm of the student's gradients before clipping (optim.clip_grad), as official DINO reports it; of the all-reduced gradients in a data-parallel run.")),
        DINO_METRIC(ibot_loss).ranks(R::Sum).missing(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::Metrics", "iBOT loss"))
            .help(QT_TRANSLATE_NOOP("dino::MetricHelp", "iBOT's masked-patch loss before its weight (optim.ibot_weight): the cross-entropy of the student's masked patch tokens against the teacher's, averaged over each view's masked patches and over the global views; 0 when the weight is 0.")),
    };
}

#undef DINO_METRIC

}  // namespace

const std::vector<MetricDescriptor>& metricTable() {
    static const std::vector<MetricDescriptor> table = makeTable();
    return table;
}

const MetricDescriptor* findMetric(const std::string& name) {
    for (const auto& d : metricTable())
        if (d.name == name) return &d;
    return nullptr;
}

api::StepMetrics summarizeSteps(const std::vector<api::StepMetrics>& steps) {
    api::StepMetrics out;
    for (const auto& d : metricTable()) {
        double v = kNaN;
        if (!steps.empty()) {
            switch (d.epoch) {
            case EpochReduce::Last: v = d.get(steps.back()); break;
            case EpochReduce::Sum:
                v = 0;
                for (const auto& s : steps) v += d.get(s);
                break;
            case EpochReduce::Mean: {
                double sum = 0;
                int64_t n = 0;
                for (const auto& s : steps) {
                    const double x = d.get(s);
                    if (!std::isfinite(x)) continue;
                    sum += x;
                    ++n;
                }
                if (n > 0) v = sum / static_cast<double>(n);
                break;
            }
            }
        }
        if (d.integer && !std::isfinite(v)) v = 0;  // an integer column cannot hold NaN
        d.set(out, v);
    }
    return out;
}

}  // namespace dino
