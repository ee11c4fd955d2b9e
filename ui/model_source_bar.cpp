#include "model_source_bar.h"

#include "common/retention.h"
#include "qt_types.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>

namespace dino::ui {

ModelSourceBar::ModelSourceBar(bool withRandomInit, QWidget* parent) : QWidget(parent) {
    auto* lay = new QHBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    split_ = new QComboBox(this);
    split_->setObjectName("splitBox");
    split_->addItem(tr("test"), "test");
    split_->addItem(tr("validation"), "val");
    split_->addItem(tr("train"), "train");
    split_->setToolTip(tr("The split whose images are shown"));
    checkpoint_ = new QComboBox(this);
    checkpoint_->setObjectName("checkpointBox");
    checkpoint_->setToolTip(tr("Any checkpoint the run kept: watch the model form epoch by epoch"));
    checkpoint_->setMinimumContentsLength(10);
    model_ = new QComboBox(this);
    model_->setObjectName("modelBox");
    model_->addItem(tr("Teacher"), "teacher");
    model_->addItem(tr("Student"), "student");
    if (withRandomInit) model_->addItem(tr("Random init"), "random-init");
    model_->setToolTip(tr("The teacher (EMA of the student, what evaluation uses), the student, or the untrained "
                          "model with the run's seed"));
    lay->addWidget(new QLabel(tr("Split"), this));
    lay->addWidget(split_);
    lay->addWidget(new QLabel(tr("Checkpoint"), this));
    lay->addWidget(checkpoint_);
    lay->addWidget(new QLabel(tr("Model"), this));
    lay->addWidget(model_);
    connect(split_, &QComboBox::currentIndexChanged, this, &ModelSourceBar::changed);
    connect(checkpoint_, &QComboBox::currentIndexChanged, this, &ModelSourceBar::changed);
    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        checkpoint_->setEnabled(model_->currentData().toString() != "random-init");
        Q_EMIT changed();
    });
}

void ModelSourceBar::setRunDir(const QString& dir) {
    runDir_ = dir;
    checkpoint_->blockSignals(true);
    checkpoint_->clear();
    checkpoint_->blockSignals(false);
    refreshCheckpoints();
}

void ModelSourceBar::refreshCheckpoints() {
    const QString current = checkpoint_->currentData().toString();
    checkpoint_->blockSignals(true);
    checkpoint_->clear();
    if (!runDir_.isEmpty()) {
        std::vector<CheckpointFile> files;
        try {
            files = listCheckpointFiles(ss(runDir_));
        } catch (const std::exception&) {
        }
        // last.ckpt first (the default), then the epochs, newest first.
        for (auto it = files.rbegin(); it != files.rend(); ++it) {
            if (it->epoch < -1) continue;  // a temp file of a write in progress
            const QString path = qs(it->path);
            const QString label = it->epoch < 0 ? tr("last") : tr("epoch %1").arg(it->epoch + 1);
            if (it->epoch < 0) checkpoint_->insertItem(0, label, path);
            else checkpoint_->addItem(label, path);
        }
    }
    const int keep = checkpoint_->findData(current);
    checkpoint_->setCurrentIndex(keep >= 0 ? keep : 0);
    checkpoint_->blockSignals(false);
}

QString ModelSourceBar::split() const { return split_->currentData().toString(); }

void ModelSourceBar::setSplit(const QString& split) {
    const int i = split_->findData(split);
    if (i >= 0) split_->setCurrentIndex(i);
}

api::ModelSource ModelSourceBar::source() const {
    api::ModelSource s;
    s.model = ss(model_->currentData().toString());
    if (s.model != "random-init") s.checkpoint = ss(checkpoint_->currentData().toString());
    return s;
}

QString ModelSourceBar::describe() const {
    if (model_->currentData().toString() == "random-init") return tr("random init");
    return tr("%1, %2").arg(model_->currentText(), checkpoint_->currentText());
}

}  // namespace dino::ui
