#include "model/teacher.h"

#include <stdexcept>
#include <string>

namespace dino {

namespace {

// The two models' parameters side by side, checked to correspond name by name and shape by shape.
void checkSameLayout(const torch::OrderedDict<std::string, torch::Tensor>& t,
                     const torch::OrderedDict<std::string, torch::Tensor>& s) {
    if (t.size() != s.size())
        throw std::invalid_argument("teacher/student parameter count differs (" + std::to_string(t.size()) +
                                    " vs " + std::to_string(s.size()) + ")");
    for (size_t i = 0; i < t.size(); ++i) {
        if (t[i].key() != s[i].key() || !t[i].value().sizes().equals(s[i].value().sizes()))
            throw std::invalid_argument("teacher/student parameter mismatch at '" + t[i].key() + "' vs '" +
                                        s[i].key() + "'");
    }
}

}  // namespace

DinoModel makeTeacher(const DinoModel& student) {
    DinoModel teacher(student->config, student->img_size, student->ibot);
    torch::NoGradGuard no_grad;
    auto tp = teacher->named_parameters(true);
    auto sp = student->named_parameters(true);
    checkSameLayout(tp, sp);
    for (size_t i = 0; i < tp.size(); ++i) {
        auto t = tp[i].value();
        t.set_data(sp[i].value().detach().clone());  // own storage, the student's device and dtype
        t.requires_grad_(false);
    }
    auto tb = teacher->named_buffers(true);
    auto sb = student->named_buffers(true);
    checkSameLayout(tb, sb);
    for (size_t i = 0; i < tb.size(); ++i)
        tb[i].value().set_data(sb[i].value().detach().clone());
    teacher->train(student->is_training());
    return teacher;
}

void emaUpdate(DinoModel& teacher, const DinoModel& student, double momentum) {
    if (!(momentum >= 0.0 && momentum <= 1.0))
        throw std::invalid_argument("emaUpdate: momentum must be in [0, 1] (got " + std::to_string(momentum) + ")");
    torch::NoGradGuard no_grad;
    auto tp = teacher->named_parameters(true);
    auto sp = student->named_parameters(true);
    checkSameLayout(tp, sp);
    std::vector<torch::Tensor> ema_t, ema_s;
    ema_t.reserve(tp.size());
    ema_s.reserve(tp.size());
    for (size_t i = 0; i < tp.size(); ++i) {
        auto t = tp[i].value();
        const auto& s = sp[i].value();
        if (t.scalar_type() != s.scalar_type() || t.device() != s.device())
            throw std::invalid_argument("emaUpdate: '" + tp[i].key() + "' differs in dtype or device between teacher and student");
        if (s.requires_grad()) {
            ema_t.push_back(t);
            ema_s.push_back(s);
        } else {
            // Frozen in the student (the head's weight_g): its EMA fixed point is the student's value;
            // copying avoids rounding drift of m*1 + (1-m)*1 away from 1.
            t.copy_(s);
        }
    }
    if (ema_t.empty())
        return;
    // teacher = m * teacher + (1 - m) * student, one fused pass per tensor list.
    torch::_foreach_mul_(ema_t, momentum);
    torch::_foreach_add_(ema_t, ema_s, 1.0 - momentum);
}

}  // namespace dino
