#include "attention_panel.h"

#include "api/run_directory.h"
#include "background_task.h"
#include "common/config.h"
#include "chart_export.h"
#include "qt_types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>

namespace dino::ui {

namespace {
constexpr int kLabelWidth = 150;
constexpr int kGap = 6;
constexpr int kHeader = 22;
constexpr int kCaption = 40;

// A grid x grid map as a viridis image, scaled as api::colourScaled (the PNG writer's scaling).
QImage heatImage(const float* map, int grid, float shared_max) {
    const std::vector<float> t = api::colourScaled(map, grid * grid, shared_max);
    QImage img(grid, grid, QImage::Format_RGB888);
    for (int y = 0; y < grid; ++y)
        for (int x = 0; x < grid; ++x) {
            uint8_t c[3];
            api::viridis(t[size_t(y * grid + x)], c);
            img.setPixel(x, y, qRgb(c[0], c[1], c[2]));
        }
    return img;
}

// Nearest-neighbour scaling: each patch becomes a block of pixels, as the official upsampling.
void drawNearest(QPainter& p, const QRect& r, const QImage& img) {
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(r, img);
    p.restore();
}
}  // namespace

// ---------------------------------------------------------------------------------- figure

AttentionFigure::AttentionFigure(QWidget* parent) : QWidget(parent) {
    setObjectName("attentionFigure");
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void AttentionFigure::setMaps(std::shared_ptr<const api::AttentionMaps> maps,
                              std::shared_ptr<const api::AttentionMaps> baseline, const QString& modelLabel) {
    maps_ = std::move(maps);
    baseline_ = std::move(baseline);
    modelLabel_ = modelLabel;
    resize(figureSize());
    updateGeometry();
    update();
}

void AttentionFigure::setOpacity(double a) {
    opacity_ = a;
    update();
}

void AttentionFigure::setFraction(double f) {
    fraction_ = f;
    update();
}

void AttentionFigure::setSharedScale(bool on) {
    shared_ = on;
    update();
}

void AttentionFigure::clear() { setMaps(nullptr, nullptr, {}); }

QSize AttentionFigure::figureSize() const {
    if (!maps_) return {400, 120};
    const int cols = maps_->heads + 4;
    const int rows = int(maps_->indices.size()) * (baseline_ ? 2 : 1);
    return {kLabelWidth + cols * (kTile + kGap) + kGap, kHeader + rows * (kTile + kGap) + kCaption};
}

void AttentionFigure::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!maps_) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Choose images and press Compute to see where the class token looks."));
        return;
    }
    paintFigure(p);
}

void AttentionFigure::paintRow(QPainter& p, const api::AttentionMaps& a, size_t i, int top, const QString& label,
                               float top_value) const {
    const QImage image = toQImage(a.images[i]);
    const int g = a.grid;
    int x = kLabelWidth;
    p.setPen(Qt::black);
    p.drawText(QRect(4, top, kLabelWidth - 8, kTile), Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, label);
    drawNearest(p, QRect(x, top, kTile, kTile), image);
    x += kTile + kGap;
    for (int h = 0; h < a.heads; ++h, x += kTile + kGap) drawNearest(p, QRect(x, top, kTile, kTile), heatImage(a.map(i, h), g, top_value));
    const std::vector<float> mean = a.meanMap(i);
    const QImage meanImg = heatImage(mean.data(), g, top_value);
    drawNearest(p, QRect(x, top, kTile, kTile), meanImg);
    x += kTile + kGap;
    drawNearest(p, QRect(x, top, kTile, kTile), image);
    p.setOpacity(opacity_);
    drawNearest(p, QRect(x, top, kTile, kTile), meanImg);
    p.setOpacity(1.0);
    x += kTile + kGap;
    drawNearest(p, QRect(x, top, kTile, kTile), image);
    const auto keep = api::attentionMask(mean.data(), g * g, fraction_);
    const double cell = double(kTile) / g;
    for (int j = 0; j < g * g; ++j)
        if (!keep[size_t(j)])
            p.fillRect(QRectF(x + (j % g) * cell, top + (j / g) * cell, cell, cell), QColor(0, 0, 0, 190));
}

void AttentionFigure::paintFigure(QPainter& p) const {
    if (!maps_) return;
    const auto& a = *maps_;
    p.fillRect(QRect(QPoint(0, 0), figureSize()), Qt::white);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(Qt::black);
    QStringList heads{tr("Image")};
    for (int h = 0; h < a.heads; ++h) heads << tr("Head %1").arg(h + 1);
    heads << tr("Head mean") << tr("Overlay") << tr("Mask %1 %").arg(qRound(fraction_ * 100));
    for (int c = 0; c < heads.size(); ++c)
        p.drawText(QRect(kLabelWidth + c * (kTile + kGap), 0, kTile, kHeader), Qt::AlignCenter, heads[c]);
    p.setFont(QFont(bold.family(), bold.pointSize()));
    const float scale_max = api::attentionScaleMax(a, baseline_.get());
    const float top_value = shared_ ? scale_max : 0.f;
    int top = kHeader;
    for (size_t i = 0; i < a.indices.size(); ++i) {
        const int l = a.labels[i];
        const QString cls = l >= 0 && l < int(a.class_names.size()) ? qs(a.class_names[size_t(l)]) : QString::number(l);
        paintRow(p, a, i, top, tr("#%1 %2\n%3").arg(a.indices[i]).arg(cls, modelLabel_), top_value);
        top += kTile + kGap;
        if (baseline_) {
            paintRow(p, *baseline_, i, top, tr("#%1 %2\nrandom init").arg(a.indices[i]).arg(cls), top_value);
            top += kTile + kGap;
        }
    }
    p.setPen(QColor(90, 90, 90));
    p.drawText(QRect(4, top, figureSize().width() - 8, kCaption), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               tr("Class-token attention of block %1 of %2 (%3 split), renormalised over the %4 patches (uniform: "
                  "%5 each); %6 (viridis: dark low, yellow high), upsampled nearest-neighbour. Mask: the patches "
                  "holding %7 % of the head mean's attention.")
                   .arg(a.block + 1)
                   .arg(a.depth)
                   .arg(qs(a.split))
                   .arg(a.grid * a.grid)
                   .arg(1.0 / (a.grid * a.grid), 0, 'f', 3)
                   .arg(shared_ ? tr("one colour scale for every map, 0 to %1").arg(scale_max, 0, 'f', 3)
                                : tr("each map scaled to its own range"))
                   .arg(qRound(fraction_ * 100)));
}

QString AttentionFigure::exportTo(const QString& path) const {
    if (!maps_) return tr("Nothing to export: compute the maps first.");
    const QSize size = figureSize();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") {
        QImage img(size * 2, QImage::Format_RGB32);
        img.setDevicePixelRatio(2.0);
        img.fill(Qt::white);
        QPainter p(&img);
        paintFigure(p);
        p.end();
        return img.save(path) ? QString() : tr("Could not write %1.").arg(path);
    }
    if (suffix == "svg") {
        QSvgGenerator gen;
        gen.setFileName(path);
        gen.setSize(size);
        gen.setViewBox(QRect(QPoint(0, 0), size));
        gen.setTitle(tr("Attention maps"));
        QPainter p;
        if (!p.begin(&gen)) return tr("Could not write %1.").arg(path);
        paintFigure(p);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : tr("Could not write %1.").arg(path);
    }
    if (suffix == "pdf") {
        QPdfWriter pdf(path);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / 96, size.height() * 72.0 / 96), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(tr("Attention maps"));
        pdf.setCreator(QStringLiteral("DINO Studio"));
        QPainter p;
        if (!p.begin(&pdf)) return tr("Could not write %1.").arg(path);
        paintFigure(p);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : tr("Could not write %1.").arg(path);
    }
    return tr("Unknown image format \"%1\" (use png, svg or pdf).").arg(suffix);
}

// ---------------------------------------------------------------------------------- panel

AttentionPanel::AttentionPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);

    auto* row1 = new QHBoxLayout;
    choice_ = new QComboBox(this);
    choice_->setObjectName("imageChoice");
    choice_->addItem(tr("Images by index"), "indices");
    choice_->addItem(tr("Images of a class"), "class");
    choice_->addItem(tr("Random images"), "random");
    indices_ = new QLineEdit("0, 5, 9", this);
    indices_->setObjectName("imageIndices");
    indices_->setToolTip(tr("Image indices in the split, 0-based, separated by commas"));
    indices_->setMaximumWidth(120);
    classBox_ = new QComboBox(this);
    classBox_->setObjectName("classBox");
    classBox_->setMinimumContentsLength(18);
    count_ = new QSpinBox(this);
    count_->setObjectName("imageCount");
    count_->setRange(1, 16);
    count_->setValue(4);
    count_->setToolTip(tr("How many images"));
    redraw_ = new QPushButton(QIcon(":/icons/dice.svg"), tr("New draw"), this);
    redraw_->setToolTip(tr("Draw other images and compute"));
    row1->addWidget(choice_);
    row1->addWidget(indices_);
    row1->addWidget(classBox_);
    row1->addWidget(count_);
    row1->addWidget(redraw_);
    row1->addSpacing(12);
    source_ = new ModelSourceBar(false, this);
    row1->addWidget(source_);
    row1->addWidget(new QLabel(tr("Block"), this));
    block_ = new QSpinBox(this);
    block_->setObjectName("blockSpin");
    block_->setRange(0, 12);
    block_->setSpecialValueText(tr("last"));
    block_->setToolTip(tr("The transformer block whose attention is shown (1 = the first; \"last\" by default, as in "
                          "the DINO paper)"));
    row1->addWidget(block_);
    baseline_ = new QCheckBox(tr("Random init beside"), this);
    baseline_->setObjectName("baselineCheck");
    baseline_->setChecked(true);
    baseline_->setToolTip(tr("A second row per image: the same images through the untrained model with the run's seed"));
    row1->addWidget(baseline_);
    row1->addStretch(1);
    lay->addLayout(row1);

    auto* row2 = new QHBoxLayout;
    compute_ = new QPushButton(QIcon(":/icons/evaluate.svg"), tr("Compute"), this);
    compute_->setObjectName("computeAttention");
    cancel_ = new QPushButton(tr("Cancel"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setMaximumWidth(140);
    row2->addWidget(compute_);
    row2->addWidget(cancel_);
    row2->addWidget(progress_);
    row2->addSpacing(12);
    row2->addWidget(new QLabel(tr("Overlay opacity"), this));
    opacity_ = new QSlider(Qt::Horizontal, this);
    opacity_->setObjectName("opacitySlider");
    opacity_->setRange(0, 100);
    opacity_->setValue(60);
    opacity_->setMaximumWidth(140);
    row2->addWidget(opacity_);
    auto* maskLabel = new QLabel(tr("Mask keeps"), this);
    maskLabel->setToolTip(tr("The share of the attention the threshold mask keeps, largest patches first"));
    row2->addWidget(maskLabel);
    threshold_ = new QSpinBox(this);
    threshold_->setObjectName("thresholdSpin");
    threshold_->setRange(5, 100);
    threshold_->setValue(60);
    threshold_->setSuffix(QStringLiteral(" %"));
    threshold_->setToolTip(tr("The official script's --threshold: keep the patches that hold this share of the "
                              "attention, largest first"));
    row2->addWidget(threshold_);
    shared_ = new QCheckBox(tr("Shared colour scale"), this);
    shared_->setObjectName("sharedScale");
    shared_->setChecked(true);
    shared_->setToolTip(tr("One colour scale for every map, so that a near-uniform map (random init) looks flat. Off: "
                           "each map scaled to its own range, as the official script does"));
    row2->addWidget(shared_);
    export_ = new QPushButton(tr("Export figure…"), this);
    export_->setObjectName("exportAttention");
    row2->addWidget(export_);
    status_ = new QLabel(tr("Open or train a run, then press Compute."), this);
    status_->setObjectName("attentionStatus");
    status_->setWordWrap(true);
    row2->addStretch(1);
    lay->addLayout(row2);
    lay->addWidget(status_);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(false);
    scroll->setBackgroundRole(QPalette::Base);
    figure_ = new AttentionFigure(scroll);
    figure_->resize(figure_->figureSize());
    scroll->setWidget(figure_);
    lay->addWidget(scroll, 1);

    connect(compute_, &QPushButton::clicked, this, &AttentionPanel::compute);
    connect(cancel_, &QPushButton::clicked, this, &AttentionPanel::cancel);
    connect(export_, &QPushButton::clicked, this, &AttentionPanel::exportFigure);
    connect(redraw_, &QPushButton::clicked, this, [this] {
        ++drawSeed_;
        compute();
    });
    connect(choice_, &QComboBox::currentIndexChanged, this, [this] { updateControls(); });
    connect(source_->splitBox(), &QComboBox::currentIndexChanged, this, [this] { loadClasses(); });
    connect(opacity_, &QSlider::valueChanged, this, [this](int v) { figure_->setOpacity(v / 100.0); });
    connect(shared_, &QCheckBox::toggled, figure_, &AttentionFigure::setSharedScale);
    connect(threshold_, &QSpinBox::valueChanged, this, [this](int v) {
        figure_->setFraction(v / 100.0);
        figure_->resize(figure_->figureSize());
    });
    updateControls();
}

void AttentionPanel::setRunDir(const QString& dir) {
    if (dir == runDir_) {
        source_->refreshCheckpoints();
        return;
    }
    runDir_ = dir;
    source_->setRunDir(dir);
    int depth = 12;
    try {
        depth = loadConfigFile(api::runConfigPath(ss(dir))).model.depth;
    } catch (const std::exception&) {
    }
    block_->setRange(0, depth);  // 0 shows "last"; 1..depth are the blocks
    block_->setValue(0);
    loadClasses();
    updateControls();
}

void AttentionPanel::clear() {
    maps_.reset();
    baselineMaps_.reset();
    figure_->clear();
    status_->setText(tr("Open or train a run, then press Compute."));
}

void AttentionPanel::updateControls() {
    const QString mode = choice_->currentData().toString();
    indices_->setVisible(mode == "indices");
    classBox_->setVisible(mode == "class");
    count_->setVisible(mode != "indices");
    redraw_->setVisible(mode != "indices");
    const bool busy = task_ != nullptr;
    compute_->setEnabled(!runDir_.isEmpty() && !busy);
    redraw_->setEnabled(!runDir_.isEmpty() && !busy);
    cancel_->setVisible(busy);
    export_->setEnabled(figure_->hasMaps());
}

void AttentionPanel::loadClasses() {
    if (runDir_.isEmpty()) return;
    const std::string dir = ss(runDir_), split = ss(source_->split());
    auto result = std::make_shared<api::SplitLabels>();
    if (classTask_) classTask_->cancel();
    classTask_ = BackgroundTask::start(this, [dir, split, result](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *result = api::splitLabels(dir, split);
    });
    BackgroundTask* mine = classTask_;
    connect(classTask_, &BackgroundTask::finished, this, [this, mine, result](const QString& error, bool) {
        if (classTask_ == mine) classTask_ = nullptr;
        if (!error.isEmpty()) return;
        const int keep = classBox_->currentIndex();
        classBox_->clear();
        for (size_t c = 0; c < result->class_names.size(); ++c) {
            const auto n = std::count(result->labels.begin(), result->labels.end(), int(c));
            classBox_->addItem(tr("%1 (%2 images)").arg(qs(result->class_names[c])).arg(n), int(c));
        }
        classBox_->setCurrentIndex(keep >= 0 && keep < classBox_->count() ? keep : 0);
    });
}

void AttentionPanel::compute() {
    if (runDir_.isEmpty() || task_) return;
    const QString mode = choice_->currentData().toString();
    std::vector<int64_t> idx;
    if (mode == "indices") {
        for (const QString& part : indices_->text().split(',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const qlonglong v = part.trimmed().toLongLong(&ok);
            if (!ok || v < 0) {
                status_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                     .arg(tr("\"%1\" is not an image index (use numbers from 0, separated by commas).")
                                              .arg(part.trimmed())
                                              .toHtmlEscaped()));
                return;
            }
            idx.push_back(v);
        }
        if (idx.empty()) {
            status_->setText(tr("Enter at least one image index."));
            return;
        }
    }
    const std::string dir = ss(runDir_), split = ss(source_->split());
    const api::ModelSource src = source_->source();
    const int block = block_->value() - 1;  // 0 ("last") -> -1
    const int label = mode == "class" ? classBox_->currentData().toInt() : -1;
    const int count = count_->value();
    const quint64 seed = drawSeed_;
    const bool withBaseline = baseline_->isChecked();
    auto out = std::make_shared<api::AttentionMaps>();
    auto base = std::make_shared<api::AttentionMaps>();
    status_->setText(tr("Computing attention maps…"));
    task_ = BackgroundTask::start(this, [=](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn& progress) {
        std::vector<int64_t> images = idx;
        if (images.empty()) images = api::pickImages(dir, split, label, count, seed);
        if (images.empty()) throw std::runtime_error("the split has no images of this class");
        const int64_t n = int64_t(images.size()) * (withBaseline ? 2 : 1);
        *out = api::computeAttentionMaps(dir, split, images, block, src,
                                         [&](int64_t d, int64_t) { progress(d, n); }, cancel);
        if (withBaseline) {
            api::ModelSource rnd;
            rnd.model = "random-init";
            *base = api::computeAttentionMaps(dir, split, images, block, rnd,
                                              [&](int64_t d, int64_t) { progress(int64_t(images.size()) + d, n); },
                                              cancel);
        }
    });
    task_->showProgressOn(progress_);
    const QString label_text = source_->describe();
    connect(task_, &BackgroundTask::finished, this, [this, out, base, withBaseline, label_text](const QString& error,
                                                                                                bool cancelled) {
        task_ = nullptr;
        if (cancelled) {
            status_->setText(tr("Cancelled."));
        } else if (!error.isEmpty()) {
            status_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                 .arg(tr("Could not compute the maps: %1").arg(error).toHtmlEscaped()));
            Q_EMIT failed(error);
        } else {
            maps_ = out;
            baselineMaps_ = withBaseline ? base : nullptr;
            figure_->setFraction(threshold_->value() / 100.0);
            figure_->setOpacity(opacity_->value() / 100.0);
            figure_->setSharedScale(shared_->isChecked());
            figure_->setMaps(maps_, baselineMaps_, label_text);
            const QString when = out->model == "random-init" ? tr("random init")
                                                              : tr("epoch %1, step %2").arg(out->epoch + 1).arg(out->step);
            status_->setText(tr("%n image(s) of the %1 split; block %2 of %3, %4 heads; %5.", "", int(out->indices.size()))
                                 .arg(qs(out->split))
                                 .arg(out->block + 1)
                                 .arg(out->depth)
                                 .arg(out->heads)
                                 .arg(when));
            Q_EMIT computed();
        }
        updateControls();
    });
    updateControls();
}

void AttentionPanel::cancel() {
    if (task_) task_->cancel();
}

void AttentionPanel::exportFigure() {
    if (!figure_->hasMaps()) return;
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export attention figure"),
                                                      suggestedExportPath(this, "attention", "png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                                                      &selected);
    if (path.isEmpty()) return;
    rememberExportFolder(path);
    const QString err = figure_->exportTo(path);
    if (!err.isEmpty()) QMessageBox::warning(this, tr("Export failed"), err);
}

// ---- RunView ----------------------------------------------------------------------------------

void AttentionPanel::clearRun() { clear(); }

void AttentionPanel::showRun(const api::RunSnapshot& snap) { startRun(qs(snap.dir), snap.config); }

void AttentionPanel::startRun(const QString& dir, const RunConfig&) {
    clear();
    setRunDir(dir);
}

}  // namespace dino::ui
