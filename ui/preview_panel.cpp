#include "preview_panel.h"

#include "api/analysis.h"
#include "background_task.h"
#include "qt_types.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <random>

namespace dino::ui {

namespace {
constexpr int kTile = 84;

// Distinct indices drawn from the seed, so that "re-roll" shows other images too.
std::vector<int64_t> pickIndices(quint64 seed, int count, qint64 datasetSize) {
    std::vector<int64_t> idx;
    if (datasetSize <= 0) {
        for (int i = 0; i < count; ++i) idx.push_back(i);
        return idx;
    }
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + 17);
    while (static_cast<int>(idx.size()) < std::min<qint64>(count, datasetSize)) {
        const int64_t i = static_cast<int64_t>(rng() % static_cast<uint64_t>(datasetSize));
        if (std::find(idx.begin(), idx.end(), i) == idx.end()) idx.push_back(i);
    }
    return idx;
}
}  // namespace

ViewTile::ViewTile(const QImage& image, const QString& title, const QString& operations, int side, QWidget* parent)
    : QLabel(parent), image_(image), title_(title), operations_(operations) {
    setFixedSize(side, side);
    setAlignment(Qt::AlignCenter);
    setPixmap(QPixmap::fromImage(image.scaled(side - 4, side - 4, Qt::KeepAspectRatio, Qt::FastTransformation)));
    setFrameShape(QFrame::Box);
    setCursor(Qt::PointingHandCursor);
    setToolTip(operations.isEmpty() ? title : title + "\n" + operations);
}

void ViewTile::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) Q_EMIT clicked();
    QLabel::mouseReleaseEvent(e);
}

PreviewPanel::PreviewPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    reroll_ = new QPushButton(QIcon(":/icons/dice.svg"), tr("Re-roll"), this);
    reroll_->setObjectName("rerollButton");
    reroll_->setToolTip(tr("Draw new images and new random augmentations"));
    seed_ = new QSpinBox(this);
    seed_->setObjectName("previewSeed");
    seed_->setRange(0, 999999);
    seed_->setValue(0);
    count_ = new QSpinBox(this);
    count_->setObjectName("previewCount");
    count_->setRange(1, 12);
    count_->setValue(4);
    status_ = new QLabel(this);
    status_->setObjectName("previewStatus");
    status_->setWordWrap(true);
    top->addWidget(reroll_);
    top->addWidget(new QLabel(tr("Seed"), this));
    top->addWidget(seed_);
    top->addWidget(new QLabel(tr("Images"), this));
    top->addWidget(count_);
    top->addWidget(status_, 1);
    lay->addLayout(top);

    auto* note = new QLabel(tr("Real augmented views from the training pipeline (un-normalised). Global views go to the "
                               "teacher and the student, local views to the student only. Click a view to enlarge it."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet("color:palette(mid);");
    lay->addWidget(note);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    grid_ = new QWidget(scroll);
    grid_->setObjectName("previewGrid");
    gridLay_ = new QGridLayout(grid_);
    gridLay_->setSpacing(4);
    gridLay_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(grid_);
    lay->addWidget(scroll, 1);

    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &PreviewPanel::launch);
    connect(reroll_, &QPushButton::clicked, this, &PreviewPanel::reroll);
    connect(seed_, &QSpinBox::valueChanged, this, [this] { debounce_.start(); });
    connect(count_, &QSpinBox::valueChanged, this, [this] { debounce_.start(); });
}

void PreviewPanel::setConfig(const RunConfig& cfg) {
    cfg_ = cfg;
    haveConfig_ = true;
    debounce_.start();
}

void PreviewPanel::setDatasetSize(qint64 n) {
    if (n == datasetSize_) return;
    datasetSize_ = n;
    if (haveConfig_) debounce_.start();
}

void PreviewPanel::setSeed(quint64 seed) { seed_->setValue(static_cast<int>(seed % 1000000)); }
void PreviewPanel::setImageCount(int n) { count_->setValue(n); }

void PreviewPanel::refresh() {
    debounce_.stop();
    launch();
}

void PreviewPanel::reroll() { seed_->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1000000))); }

void PreviewPanel::launch() {
    if (!haveConfig_) return;
    if (busy_) {  // one computation at a time; run once more with the newest settings when it ends
        again_ = true;
        return;
    }
    busy_ = true;
    status_->setText(tr("Computing views…"));
    const RunConfig cfg = cfg_;
    const quint64 seed = static_cast<quint64>(seed_->value());
    const std::vector<int64_t> idx = pickIndices(seed, count_->value(), datasetSize_);
    auto images = std::make_shared<std::vector<api::PreviewImage>>();
    auto* task = BackgroundTask::start(this, [cfg, idx, seed, images](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *images = api::previewViews(cfg, idx, seed);
    });
    connect(task, &BackgroundTask::finished, this, [this, images](const QString& error, bool) {
        busy_ = false;
        if (again_) {
            again_ = false;
            launch();
            return;
        }
        error_ = error;
        if (error.isEmpty()) {
            images_ = std::move(*images);
            status_->setText(tr("%n image(s), %1 views each", "", static_cast<int>(images_.size()))
                                 .arg(images_.empty() ? 0 : images_.front().views.size()));
            status_->setStyleSheet(QString());
        } else {
            images_.clear();
            status_->setText(tr("Preview not available: %1").arg(error));
            status_->setStyleSheet("color:#b71c1c;");
        }
        rebuildGrid();
        Q_EMIT updated();
    });
}

int PreviewPanel::viewCount() const {
    int n = 0;
    for (const auto& im : images_) n += static_cast<int>(im.views.size());
    return n;
}

QList<ViewTile*> PreviewPanel::tiles() const { return grid_->findChildren<ViewTile*>(); }

void PreviewPanel::rebuildGrid() {
    while (QLayoutItem* item = gridLay_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (images_.empty()) return;
    // Header row.
    auto header = [this](const QString& t, int col) {
        auto* l = new QLabel(QStringLiteral("<b>%1</b>").arg(t.toHtmlEscaped()), grid_);
        l->setAlignment(Qt::AlignCenter);
        gridLay_->addWidget(l, 0, col);
    };
    header(tr("Image"), 0);
    header(tr("Original"), 1);
    const auto& first = images_.front();
    for (size_t v = 0; v < first.views.size(); ++v) {
        QString label = qs(first.views[v].label);
        // Engine labels are English ("Global 1", "Local 2"); show them translated.
        if (label.startsWith("Global ")) label = tr("Global %1").arg(label.mid(7));
        else if (label.startsWith("Local ")) label = tr("Local %1").arg(label.mid(6));
        header(label, static_cast<int>(v) + 2);
    }
    int row = 1;
    for (const auto& im : images_) {
        auto* info = new QLabel(tr("#%1\n%2").arg(im.index).arg(qs(im.class_name)), grid_);
        info->setWordWrap(true);
        info->setFixedWidth(110);
        gridLay_->addWidget(info, row, 0);
        auto* orig = new ViewTile(toQImage(im.original), tr("Original #%1 (%2)").arg(im.index).arg(qs(im.class_name)),
                                  QString(), kTile, grid_);
        orig->setObjectName("originalTile");
        connect(orig, &ViewTile::clicked, this, [this, orig] { showEnlarged(orig); });
        gridLay_->addWidget(orig, row, 1);
        int col = 2;
        for (const auto& v : im.views) {
            auto* t = new ViewTile(toQImage(v.image), tr("%1 of image #%2").arg(qs(v.label)).arg(im.index),
                                   qs(v.operations), kTile, grid_);
            t->setObjectName("viewTile");
            connect(t, &ViewTile::clicked, this, [this, t] { showEnlarged(t); });
            gridLay_->addWidget(t, row, col++);
        }
        ++row;
    }
}

QImage PreviewPanel::gridImage() const { return grid_->grab().toImage(); }

void PreviewPanel::showEnlarged(ViewTile* tile) {
    auto* dlg = new QDialog(this);
    dlg->setObjectName("enlargedView");
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tile->title());
    auto* lay = new QHBoxLayout(dlg);
    auto* img = new QLabel(dlg);
    const int side = 320;
    img->setPixmap(QPixmap::fromImage(tile->image().scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation)));
    lay->addWidget(img);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tile->title().toHtmlEscaped()), dlg));
    auto* ops = new QPlainTextEdit(dlg);
    ops->setObjectName("operations");
    ops->setReadOnly(true);
    ops->setPlainText(tile->operations().isEmpty() ? tr("(the image as stored, no augmentation)") : tile->operations());
    right->addWidget(ops, 1);
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Close, dlg);
    connect(bb, &QDialogButtonBox::rejected, dlg, &QDialog::close);
    right->addWidget(bb);
    lay->addLayout(right, 1);
    dlg->resize(640, 360);
    dlg->show();
}

}  // namespace dino::ui
