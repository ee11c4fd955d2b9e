#include "pseudo_label_panel.h"

#include "api/analysis.h"
#include "api/run_directory.h"
#include "background_task.h"
#include "qt_types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace dino::ui {

PseudoLabelPanel::PseudoLabelPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    compute_ = new QPushButton(QIcon(":/icons/histogram.svg"), tr("Compute pseudo-labels"), this);
    compute_->setObjectName("computePseudoLabels");
    split_ = new QComboBox(this);
    split_->setObjectName("pseudoSplit");
    split_->addItem(tr("evaluation test split"), QString());
    split_->addItem("train", "train");
    split_->addItem("val", "val");
    split_->addItem("test", "test");
    sorted_ = new QCheckBox(tr("Sorted by count"), this);
    sorted_->setObjectName("sortedToggle");
    sorted_->setChecked(true);
    top->addWidget(compute_);
    top->addWidget(new QLabel(tr("Split"), this));
    top->addWidget(split_);
    top->addWidget(sorted_);
    top->addStretch(1);
    lay->addLayout(top);

    stats_ = new QLabel(tr("No pseudo-labels computed yet."), this);
    stats_->setObjectName("pseudoStats");
    stats_->setWordWrap(true);
    lay->addWidget(stats_);

    plot_ = new PlotWidget(tr("Teacher pseudo-label assignments"), this);
    plot_->setObjectName("histogramPlot");
    bars_ = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars_->setName(tr("images"));
    bars_->setBrush(QColor(21, 101, 192));
    bars_->setPen(Qt::NoPen);
    bars_->setWidth(0.9);
    plot_->xAxis->setLabel(tr("pseudo-label"));
    plot_->yAxis->setLabel(tr("images"));
    PlotWidget::useIntegerTicks(plot_->xAxis);
    lay->addWidget(plot_, 1);

    note_ = new QLabel(this);
    note_->setObjectName("pseudoNote");
    note_->setWordWrap(true);
    note_->setTextFormat(Qt::RichText);
    note_->setText(explainerText(QStringLiteral("ema")));
    note_->setStyleSheet("background:palette(alternate-base); padding:6px; border-radius:4px;");
    lay->addWidget(note_);

    connect(compute_, &QPushButton::clicked, this, &PseudoLabelPanel::compute);
    connect(sorted_, &QCheckBox::toggled, this, [this] { redraw(); });
    updateButtons();
}

void PseudoLabelPanel::setRunDir(const QString& dir) {
    runDir_ = dir;
    QString centering = QStringLiteral("ema");
    if (!dir.isEmpty()) {
        try {
            centering = qs(loadConfigFile(api::runConfigPath(ss(dir))).optim.centering);
        } catch (const std::exception&) {
            // no readable config.json: the seed's centring
        }
    }
    note_->setText(explainerText(centering));
    updateButtons();
}

QString PseudoLabelPanel::explainerText(const QString& centering) {
    const QString what = tr(
        "<b>What you are looking at.</b> Each image is given the index of the teacher head's largest output "
        "(argmax over out_dim pseudo-labels); the bars count how many images got each index. ");
    const QString end = tr(
        "PathMNIST has 9 tissue classes of unequal size and visually similar images share labels, so a few labels "
        "collect many images and most of the out_dim labels stay rare or unused. A histogram with a single bar, or a "
        "flat one with an entropy near log(out_dim), would mean collapse.");
    if (centering == QLatin1String("sinkhorn"))
        return what + tr(
            "<b>Why it is not uniform:</b> this run makes the teacher's targets with Sinkhorn-Knopp "
            "(optim.centering = sinkhorn, DINOv2's remedy): a few rounds of normalisation spread each batch's images "
            "evenly over the labels, which stops one label from winning for every image, and the low teacher "
            "temperature makes each image pick one label confidently. The histogram counts the head's raw argmax over "
            "a whole split, without that balancing, so it shows how much of the balance the head has learned. ") + end;
    return what + tr(
        "<b>Why it is not uniform:</b> nothing in DINO asks for equally sized groups. Centering subtracts a running mean "
        "of the teacher outputs, which stops one label from winning for every image, and sharpening (a low teacher "
        "temperature) makes each image pick one label confidently; between the two the teacher settles on as many "
        "labels as the data supports. ") + end;
}

void PseudoLabelPanel::setBusyElsewhere(bool busy) {
    busyElsewhere_ = busy;
    updateButtons();
}

void PseudoLabelPanel::updateButtons() {
    compute_->setEnabled(!runDir_.isEmpty() && !computing_ && !busyElsewhere_);
}

void PseudoLabelPanel::setSorted(bool s) { sorted_->setChecked(s); }

void PseudoLabelPanel::compute() {
    if (runDir_.isEmpty() || computing_) return;
    computing_ = true;
    updateButtons();
    stats_->setText(tr("Running the teacher over the split…"));
    const std::string dir = ss(runDir_);
    const std::string split = ss(split_->currentData().toString());
    auto report = std::make_shared<api::PseudoLabelReport>();
    auto* task = BackgroundTask::start(this, [dir, split, report](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        *report = api::pseudoLabels(dir, split);
    });
    connect(task, &BackgroundTask::finished, this, [this, report](const QString& error, bool) {
        computing_ = false;
        updateButtons();
        if (!error.isEmpty()) {
            stats_->setText(QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                .arg(tr("Could not compute pseudo-labels: %1").arg(error).toHtmlEscaped()));
            Q_EMIT failed(error);
            return;
        }
        showReport(*report);
        Q_EMIT computed(*report);
    });
}

void PseudoLabelPanel::clear() {
    has_ = false;
    report_ = api::PseudoLabelReport{};
    bars_->data()->clear();
    stats_->setText(tr("No pseudo-labels computed yet."));
    plot_->requestReplot();
}

void PseudoLabelPanel::showReport(const api::PseudoLabelReport& r) {
    report_ = r;
    has_ = true;
    const double perplexity = std::exp(r.entropy);
    stats_->setText(tr("%1 images of the %2 split · %3 of %4 pseudo-labels used · entropy %5 nats of at most %6 "
                       "(about %7 equally used labels)")
                        .arg(r.n_images)
                        .arg(qs(r.split))
                        .arg(r.used)
                        .arg(r.counts.size())
                        .arg(r.entropy, 0, 'f', 3)
                        .arg(r.max_entropy, 0, 'f', 3)
                        .arg(perplexity, 0, 'f', 1));
    redraw();
}

void PseudoLabelPanel::redraw() {
    if (!has_) return;
    const int n = static_cast<int>(report_.counts.size());
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    const bool sorted = sorted_->isChecked();
    if (sorted)
        std::stable_sort(order.begin(), order.end(),
                         [this](int a, int b) { return report_.counts[a] > report_.counts[b]; });
    QVector<double> x(n), y(n);
    for (int i = 0; i < n; ++i) {
        x[i] = i;
        y[i] = static_cast<double>(report_.counts[order[i]]);
    }
    bars_->setData(x, y, true);
    plot_->xAxis->setLabel(sorted ? tr("pseudo-labels, most used first (rank)") : tr("pseudo-label index"));
    // Sorted: show the used labels and a few empty ones rather than hundreds of empty ranks.
    const int shown = sorted ? std::min(n, std::max(report_.used + 8, 24)) : n;
    plot_->xAxis->setRange(-1, shown);
    double maxv = 1;
    for (double v : y) maxv = std::max(maxv, v);
    plot_->yAxis->setRange(0, maxv * 1.05);
    plot_->setAutoRescale(false);
    plot_->requestReplot();
}

// ---- RunView ----------------------------------------------------------------------------------

void PseudoLabelPanel::clearRun() { clear(); }

void PseudoLabelPanel::showRun(const api::RunSnapshot& snap) {
    clear();
    setRunDir(qs(snap.dir));
    if (snap.pseudo_labels) showReport(*snap.pseudo_labels);
}

void PseudoLabelPanel::startRun(const QString& dir, const RunConfig&) { setRunDir(dir); }

void PseudoLabelPanel::setTrainingActive(bool active) { setBusyElsewhere(active); }

}  // namespace dino::ui
