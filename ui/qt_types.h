// Engine plain-data types as Qt metatypes, and small conversions between engine and Qt types.
// Only torch-free engine headers may be included anywhere in ui/.
#pragma once

#include "api/run_directory.h"
#include "api/types.h"
#include "common/config.h"

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QVector>

Q_DECLARE_METATYPE(dino::api::RunPlan)
Q_DECLARE_METATYPE(dino::api::StepMetrics)
Q_DECLARE_METATYPE(dino::api::KnnPoint)
Q_DECLARE_METATYPE(dino::api::EpochMetrics)
Q_DECLARE_METATYPE(dino::api::EvalReport)
Q_DECLARE_METATYPE(dino::api::PseudoLabelReport)
Q_DECLARE_METATYPE(dino::RunConfig)
Q_DECLARE_METATYPE(QVector<dino::api::StepMetrics>)

namespace dino::ui {

// Registers the types above for queued connections; idempotent.
void registerMetaTypes();

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

// Deep copy of an 8-bit RGB engine image into a QImage.
QImage toQImage(const api::RgbImage& img);

// The bundled sample's and MedMNIST's citation, for the About box and the evaluation panel.
QString datasetCitation();

}  // namespace dino::ui
