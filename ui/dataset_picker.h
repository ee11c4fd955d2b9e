// Picks the training data: the bundled PathMNIST sample, a MedMNIST dataset downloaded into the
// cache (with a progress dialog, MD5 check and cancel), or any local MedMNIST .npz file.
#pragma once

#include "common/config.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace dino::ui {

class DatasetPicker : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPicker(QWidget* parent = nullptr);

    // The value of data.dataset: "sample", a MedMNIST flag, or a path ending in .npz.
    QString dataset() const;
    void setDataset(const QString& dataset);
    // Size and cache folder decide where a downloaded flag lives.
    void setContext(const DataConfig& data);
    // Number of training images found by the last inspection (0 if unknown).
    qint64 trainSize() const { return trainSize_; }

Q_SIGNALS:
    void datasetChanged(const QString& dataset);
    void inspected(qint64 trainSize);

public Q_SLOTS:
    void download();

private:
    void onModeChanged();
    void refreshStatus();
    void browse();

    QComboBox* mode_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QComboBox* flag_ = nullptr;
    QPushButton* downloadButton_ = nullptr;
    QLineEdit* file_ = nullptr;
    QLabel* status_ = nullptr;
    DataConfig data_;
    qint64 trainSize_ = 0;
    int generation_ = 0;
    bool updating_ = false;
};

}  // namespace dino::ui
