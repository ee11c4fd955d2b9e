// The "which images, which model" controls the Attention and Embedding map tabs share: the split,
// the checkpoint (last.ckpt or any epoch snapshot the run kept) and teacher, student or random init.
#pragma once

#include "api/inspection.h"

#include <QWidget>

class QComboBox;

namespace dino::ui {

class ModelSourceBar : public QWidget {
    Q_OBJECT
public:
    // withRandomInit: random init is one of the model choices (the map compares it that way; the
    // attention tab shows it as a second row instead).
    explicit ModelSourceBar(bool withRandomInit, QWidget* parent = nullptr);

    void setRunDir(const QString& dir);  // re-reads the run's checkpoints
    void refreshCheckpoints();           // keeps the selection where it still exists
    QString split() const;
    void setSplit(const QString& split);
    api::ModelSource source() const;
    QString describe() const;  // "teacher, epoch 9 (last.ckpt)" for titles
    QComboBox* splitBox() const { return split_; }
    QComboBox* checkpointBox() const { return checkpoint_; }
    QComboBox* modelBox() const { return model_; }

Q_SIGNALS:
    void changed();

private:
    QString runDir_;
    QComboBox* split_ = nullptr;
    QComboBox* checkpoint_ = nullptr;
    QComboBox* model_ = nullptr;
};

}  // namespace dino::ui
