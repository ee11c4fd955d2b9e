#include "qt_types.h"

#include <QObject>

#include <cstring>

namespace dino::ui {

void registerMetaTypes() {
    static bool done = false;
    if (done) return;
    done = true;
    qRegisterMetaType<api::RunPlan>();
    qRegisterMetaType<api::StepMetrics>();
    qRegisterMetaType<api::KnnPoint>();
    qRegisterMetaType<api::EpochMetrics>();
    qRegisterMetaType<api::EvalReport>();
    qRegisterMetaType<api::PseudoLabelReport>();
    qRegisterMetaType<RunConfig>();
    qRegisterMetaType<QVector<api::StepMetrics>>();
}

QImage toQImage(const api::RgbImage& img) {
    if (img.width <= 0 || img.height <= 0 ||
        img.pixels.size() < static_cast<size_t>(img.width) * static_cast<size_t>(img.height) * 3)
        return {};
    QImage out(img.width, img.height, QImage::Format_RGB888);
    for (int y = 0; y < img.height; ++y)
        std::memcpy(out.scanLine(y), img.pixels.data() + static_cast<size_t>(y) * img.width * 3,
                    static_cast<size_t>(img.width) * 3);
    return out;
}

QString datasetCitation() {
    return QObject::tr(
        "Data: MedMNIST v2 — Yang, J. et al. \"MedMNIST v2: A large-scale lightweight benchmark for 2D and 3D "
        "biomedical image classification\", Scientific Data 10, 41 (2023), CC BY 4.0. PathMNIST derives from "
        "NCT-CRC-HE-100K and CRC-VAL-HE-7K: Kather, J. N. et al. \"Predicting survival from colorectal cancer "
        "histology slides using deep learning\", PLOS Medicine 16(1), e1002730 (2019).");
}

}  // namespace dino::ui
