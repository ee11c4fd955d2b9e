// The teacher: an independent deep copy of the student (never shared storage), with no gradients,
// updated as an exponential moving average of the student's parameters.
#pragma once

#include "model/dino_model.h"

namespace dino {

// A new model with the student's configuration and a copy of all its parameters and buffers;
// every parameter has requires_grad = false.
DinoModel makeTeacher(const DinoModel& student);

// teacher = m * teacher + (1 - m) * student, for every parameter, in place, under no_grad.
// Parameters the student does not train (requires_grad false: the head's weight_g) are copied
// instead, their EMA fixed point, so that weight_g stays exactly 1 without rounding drift.
// Freeze layers by cancelling gradients, not by requires_grad, or they stop being averaged.
void emaUpdate(DinoModel& teacher, const DinoModel& student, double momentum);

}  // namespace dino
