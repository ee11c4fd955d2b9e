#include "dataset_picker.h"

#include "api/analysis.h"
#include "background_task.h"
#include "config_fields.h"
#include "qt_types.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>
#include <memory>

namespace dino::ui {

namespace {
struct Inspection {
    int generation = 0;
    QString text;
    qint64 trainSize = 0;
    bool ok = false;
};
}  // namespace

DatasetPicker::DatasetPicker(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    mode_ = new QComboBox(this);
    mode_->setObjectName("datasetMode");
    mode_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mode_->setMinimumContentsLength(14);
    mode_->addItem(tr("Bundled PathMNIST sample (1,294 images)"), "sample");
    mode_->addItem(tr("Downloaded MedMNIST dataset"), "flag");
    mode_->addItem(tr("Local MedMNIST .npz file"), "file");
    mode_->setToolTip(fieldHelpText("data.dataset"));
    lay->addWidget(mode_);

    stack_ = new QStackedWidget(this);
    stack_->addWidget(new QWidget(stack_));
    auto* flagPage = new QWidget(stack_);
    auto* fl = new QHBoxLayout(flagPage);
    fl->setContentsMargins(0, 0, 0, 0);
    flag_ = new QComboBox(flagPage);
    flag_->setObjectName("datasetFlag");
    flag_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    flag_->setMinimumContentsLength(8);
    try {
        for (const auto& f : api::medmnistFlags()) flag_->addItem(qs(f));
    } catch (const std::exception&) {
        flag_->addItem("pathmnist");
    }
    downloadButton_ = new QPushButton(tr("Download…"), flagPage);
    downloadButton_->setObjectName("downloadButton");
    fl->addWidget(flag_, 1);
    fl->addWidget(downloadButton_);
    stack_->addWidget(flagPage);
    auto* filePage = new QWidget(stack_);
    auto* ff = new QHBoxLayout(filePage);
    ff->setContentsMargins(0, 0, 0, 0);
    file_ = new QLineEdit(filePage);
    file_->setObjectName("datasetFile");
    file_->setPlaceholderText(tr("path/to/dataset.npz"));
    auto* browse = new QPushButton(tr("Browse…"), filePage);
    ff->addWidget(file_, 1);
    ff->addWidget(browse);
    stack_->addWidget(filePage);
    stack_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    lay->addWidget(stack_);

    status_ = new QLabel(this);
    status_->setObjectName("datasetStatus");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lay->addWidget(status_);

    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { onModeChanged(); });
    connect(flag_, &QComboBox::currentIndexChanged, this, [this] {
        if (!updating_) Q_EMIT datasetChanged(dataset());
        refreshStatus();
    });
    connect(file_, &QLineEdit::editingFinished, this, [this] {
        if (!updating_) Q_EMIT datasetChanged(dataset());
        refreshStatus();
    });
    connect(browse, &QPushButton::clicked, this, &DatasetPicker::browse);
    connect(downloadButton_, &QPushButton::clicked, this, &DatasetPicker::download);
    onModeChanged();
}

QString DatasetPicker::dataset() const {
    const QString m = mode_->currentData().toString();
    if (m == "flag") return flag_->currentText();
    if (m == "file") return file_->text().trimmed();
    return "sample";
}

void DatasetPicker::setDataset(const QString& d) {
    if (d == dataset()) return;
    updating_ = true;
    if (d == "sample" || d.isEmpty()) {
        mode_->setCurrentIndex(0);
    } else if (d.endsWith(".npz", Qt::CaseInsensitive) || d.contains('/')) {
        file_->setText(d);
        mode_->setCurrentIndex(2);
    } else {
        int i = flag_->findText(d);
        if (i < 0) {
            flag_->addItem(d);
            i = flag_->count() - 1;
        }
        flag_->setCurrentIndex(i);
        mode_->setCurrentIndex(1);
    }
    stack_->setCurrentIndex(mode_->currentIndex());
    updating_ = false;
    Q_EMIT datasetChanged(dataset());
    refreshStatus();
}

void DatasetPicker::setContext(const DataConfig& data) {
    const bool changed = data.size != data_.size || data.cache_dir != data_.cache_dir;
    data_ = data;
    if (changed) refreshStatus();
}

void DatasetPicker::onModeChanged() {
    stack_->setCurrentIndex(mode_->currentIndex());
    if (!updating_) Q_EMIT datasetChanged(dataset());
    refreshStatus();
}

void DatasetPicker::browse() {
    const QString f = QFileDialog::getOpenFileName(this, tr("Open MedMNIST .npz"), file_->text(),
                                                   tr("NumPy archives (*.npz);;All files (*)"));
    if (f.isEmpty()) return;
    file_->setText(f);
    Q_EMIT datasetChanged(dataset());
    refreshStatus();
}

void DatasetPicker::refreshStatus() {
    DataConfig d = data_;
    d.dataset = ss(dataset());
    const int gen = ++generation_;
    downloadButton_->setEnabled(true);
    std::string path;
    try {
        path = api::resolveDataset(d);
    } catch (const std::exception& e) {
        QString why = qs(e.what());
        // A MedMNIST flag not downloaded yet: the button beside this line does it (the engine's message
        // names the CLI's `dino fetch`).
        if (mode_->currentData().toString() == "flag" && api::isMedmnistFlag(d.dataset) && api::isMedmnistSize(d.size)) {
            const QString cache = d.cache_dir.empty() ? qs(api::defaultCacheDirectory()) : qs(d.cache_dir);
            if (!QFileInfo::exists(QDir(cache).filePath(qs(api::medmnistFileName(d.dataset, d.size)))))
                why = tr("%1 (%2 px) is not downloaded yet: press Download… to fetch it into %3 (MD5-checked).")
                          .arg(qs(d.dataset))
                          .arg(d.size)
                          .arg(QDir::toNativeSeparators(cache));
        }
        status_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(why.toHtmlEscaped()));
        trainSize_ = 0;
        Q_EMIT inspected(0);
        return;
    }
    if (mode_->currentData().toString() == "flag") downloadButton_->setText(tr("Download again…"));
    else downloadButton_->setText(tr("Download…"));
    status_->setText(tr("Reading %1 …").arg(qs(path)));
    const std::string split = d.train_split;
    auto r = std::make_shared<Inspection>();
    r->generation = gen;
    auto* task = BackgroundTask::start(this, [path, split, r](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        const api::DatasetSummary s = api::inspectDataset(path);
        QStringList parts;
        for (size_t i = 0; i < s.splits.size() && i < s.sizes.size(); ++i) {
            parts << QStringLiteral("%1 %2").arg(qs(s.splits[i])).arg(s.sizes[i]);
            if (s.splits[i] == split) r->trainSize = s.sizes[i];
        }
        // The class count is known for MedMNIST sets; a file of another name (e.g. from dino convert-idx) says
        // nothing rather than "0 classes".
        const QString flag = qs(s.flag.empty() ? std::string("npz") : s.flag);
        r->text = s.class_names.empty()
                      ? DatasetPicker::tr("%1 — %2 px; %3").arg(flag).arg(s.image_size).arg(parts.join(", "))
                      : DatasetPicker::tr("%1 — %2 px, %3 classes; %4")
                            .arg(flag)
                            .arg(s.image_size)
                            .arg(s.class_names.size())
                            .arg(parts.join(", "));
        r->ok = true;
    });
    connect(task, &BackgroundTask::finished, this, [this, r](const QString& error, bool) {
        if (r->generation != generation_) return;
        status_->setText(error.isEmpty() ? r->text
                                         : QStringLiteral("<span style='color:#b71c1c'>%1</span>").arg(error.toHtmlEscaped()));
        trainSize_ = error.isEmpty() ? r->trainSize : 0;
        Q_EMIT inspected(trainSize_);
    });
}

void DatasetPicker::download() {
    if (mode_->currentData().toString() != "flag") {
        mode_->setCurrentIndex(1);
    }
    const std::string flag = ss(flag_->currentText());
    const int size = data_.size;
    const std::string cache = data_.cache_dir;

    struct Shared {
        std::atomic<qint64> done{0}, total{0};
        std::atomic<bool> cancel{false};
    };
    auto shared = std::make_shared<Shared>();
    auto* dlg = new QProgressDialog(tr("Downloading %1 (%2 px) and checking its MD5 …").arg(qs(flag)).arg(size),
                                    tr("Cancel"), 0, 1000, this);
    dlg->setObjectName("downloadDialog");
    dlg->setWindowTitle(tr("Download MedMNIST"));
    dlg->setWindowModality(Qt::WindowModal);
    dlg->setMinimumDuration(0);
    dlg->setAutoClose(false);
    dlg->setAutoReset(false);
    dlg->setValue(0);
    connect(dlg, &QProgressDialog::canceled, this, [shared] { shared->cancel = true; });
    auto* poll = new QTimer(dlg);
    connect(poll, &QTimer::timeout, dlg, [dlg, shared] {
        const qint64 total = shared->total, done = shared->done;
        if (total > 0) {
            dlg->setValue(static_cast<int>(1000 * done / total));
            dlg->setLabelText(tr("Downloaded %1 of %2 MB").arg(done / 1e6, 0, 'f', 1).arg(total / 1e6, 0, 'f', 1));
        }
    });
    poll->start(100);

    // The task's cancel flag is the dialog's: the download stops between chunks.
    auto* task = BackgroundTask::start(this, [flag, size, cache, shared](const std::atomic<bool>* cancel,
                                                                         const BackgroundTask::ProgressFn&) {
        api::downloadDataset(flag, size, cache, [shared, cancel](int64_t done, int64_t total) {
            shared->done = done;
            shared->total = total;
            return !shared->cancel.load() && !cancel->load();
        });
    });
    connect(task, &BackgroundTask::finished, this, [this, dlg, shared](const QString& error, bool cancelled) {
        dlg->close();
        dlg->deleteLater();
        if (!error.isEmpty() && !cancelled && !shared->cancel) QMessageBox::warning(this, tr("Download failed"), error);
        refreshStatus();
        Q_EMIT datasetChanged(dataset());
    });
}

}  // namespace dino::ui
