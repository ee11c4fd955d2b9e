#include "runs_panel.h"

#include "qt_types.h"

#include "api/run_lock.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dino::ui {

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
    auto* lay = new QHBoxLayout(this);

    auto* left = new QVBoxLayout;
    auto* current = new QGroupBox(tr("Run in this window"), this);
    auto* cl = new QVBoxLayout(current);
    title_ = new QLabel(tr("No run open."), current);
    title_->setObjectName("runTitle");
    title_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(title_);
    details_ = new QTextBrowser(current);
    details_->setObjectName("runDetails");
    details_->setOpenExternalLinks(false);
    cl->addWidget(details_, 1);
    auto* actions = new QGridLayout;
    continue_ = new QPushButton(QIcon(":/icons/start.svg"), tr("Continue training"), current);
    continue_->setObjectName("continueButton");
    continue_->setToolTip(tr("Resume from the last checkpoint with the run's own configuration"));
    metrics_ = new QPushButton(QIcon(":/icons/export.svg"), tr("Save metrics CSV as…"), current);
    checkpoint_ = new QPushButton(QIcon(":/icons/export.svg"), tr("Save checkpoint as…"), current);
    encoder_ = new QPushButton(QIcon(":/icons/export.svg"), tr("Export encoder (safetensors for timm)…"), current);
    actions->addWidget(continue_, 0, 0);
    actions->addWidget(metrics_, 0, 1);
    actions->addWidget(checkpoint_, 1, 0);
    actions->addWidget(encoder_, 1, 1);
    prune_ = new QPushButton(QIcon(":/icons/stop.svg"), tr("Prune checkpoints…"), current);
    prune_->setObjectName("pruneButton");
    prune_->setToolTip(tr("Remove old epoch checkpoints to free disk space; last.ckpt, which training continues from, is kept"));
    actions->addWidget(prune_, 2, 0);
    cl->addLayout(actions);
    left->addWidget(current, 1);
    lay->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    auto* recentBox = new QGroupBox(tr("Recent runs"), this);
    auto* rl = new QVBoxLayout(recentBox);
    recent_ = new QListWidget(recentBox);
    recent_->setObjectName("recentRuns");
    rl->addWidget(recent_, 1);
    auto* open = new QPushButton(QIcon(":/icons/open.svg"), tr("Open run folder…"), recentBox);
    open->setObjectName("openRunButton");
    rl->addWidget(open);
    right->addWidget(recentBox, 1);

    auto* folderBox = new QGroupBox(tr("New runs are written to"), this);
    auto* fl = new QHBoxLayout(folderBox);
    folder_ = new QLineEdit(folderBox);
    folder_->setObjectName("runsFolder");
    auto* browse = new QPushButton(tr("Browse…"), folderBox);
    fl->addWidget(folder_, 1);
    fl->addWidget(browse);
    right->addWidget(folderBox);
    lay->addLayout(right, 2);

    connect(open, &QPushButton::clicked, this, &RunsPanel::openRequested);
    connect(recent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* it) { Q_EMIT openRun(it->data(Qt::UserRole).toString()); });
    connect(continue_, &QPushButton::clicked, this, &RunsPanel::continueRequested);
    connect(metrics_, &QPushButton::clicked, this, &RunsPanel::exportMetricsRequested);
    connect(checkpoint_, &QPushButton::clicked, this, &RunsPanel::saveCheckpointRequested);
    connect(encoder_, &QPushButton::clicked, this, &RunsPanel::exportEncoderRequested);
    connect(prune_, &QPushButton::clicked, this, &RunsPanel::pruneRequested);
    connect(folder_, &QLineEdit::editingFinished, this, [this] { Q_EMIT runsFolderChanged(runsFolder()); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Folder for new runs"), runsFolder());
        if (d.isEmpty()) return;
        folder_->setText(d);
        Q_EMIT runsFolderChanged(d);
    });
    updateButtons();
}

void RunsPanel::showSnapshot(const api::RunSnapshot& s) {
    haveRun_ = true;
    resumable_ = !s.checkpoints.empty() && s.status != "finished";
    writer_ = api::runWriter(s.dir);  // trained by another process (`dino train`, another window)
    snap_ = s;
    render();
}

void RunsPanel::applyUpdate(const api::RunUpdate& u) {
    if (!haveRun_) return;
    if (u.metrics_reset) snap_.steps.clear();
    snap_.steps.insert(snap_.steps.end(), u.steps.begin(), u.steps.end());
    if (u.knn_reset) snap_.knn.clear();
    snap_.knn.insert(snap_.knn.end(), u.knn.begin(), u.knn.end());
    if (u.status_changed) {
        snap_.status = u.status;
        snap_.collapse_state = u.collapse_state;
        snap_.collapse_explanation = u.collapse_explanation;
    }
    if (u.checkpoints_changed) snap_.checkpoints = u.checkpoints;
    if (u.eval_changed) snap_.eval = u.eval;
    writer_ = u.writer;
    resumable_ = !snap_.checkpoints.empty() && snap_.status != "finished";
    render();
}

void RunsPanel::render() {
    if (!haveRun_) return;
    const api::RunSnapshot& s = snap_;
    title_->setText(QStringLiteral("<b>%1</b>").arg(QDir::toNativeSeparators(qs(s.dir)).toHtmlEscaped()));
    QString html;
    html += QStringLiteral("<table cellspacing=4>");
    auto row = [&html](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    // A run in training changes under this summary (it is read at Start, Continue and the end): the
    // figures that go stale say when they were read rather than pass for the present.
    if (writer_)
        row(tr("Status"), tr("training in another process (pid %1, %2)").arg(writer_->pid).arg(qs(writer_->host)));
    else
        row(tr("Status"), training_ ? tr("training (the Training tab shows its progress)") : qs(s.status));
    row(tr("Dataset"), qs(s.config.data.dataset));
    row(tr("Model"), tr("ViT %1 wide, %2 blocks, %3 heads, patch %4; %5 pseudo-labels")
                         .arg(s.config.model.embed_dim)
                         .arg(s.config.model.depth)
                         .arg(s.config.model.num_heads)
                         .arg(s.config.model.patch_size)
                         .arg(s.config.model.out_dim));
    row(tr("Schedule"), tr("%1 epochs × %2 steps, batch %3").arg(s.plan.epochs).arg(s.plan.steps_per_epoch).arg(s.config.optim.batch_size));
    row(tr("Steps recorded"), training_ ? tr("%1 when training started").arg(s.steps.size()) : QString::number(s.steps.size()));
    if (!s.steps.empty() && !training_)
        row(tr("Last loss"), tr("%1 at step %2").arg(s.steps.back().loss, 0, 'f', 4).arg(s.steps.back().step + 1));
    if (!s.collapse_state.empty()) {
        QString verdict = qs(s.collapse_state);
        if (!s.collapse_explanation.empty()) verdict += QStringLiteral(": ") + qs(s.collapse_explanation);
        row(tr("Collapse guard"), verdict);
    }
    if (s.eval)
        row(tr("k-NN accuracy"), tr("%1 % (random init %2 %)")
                                     .arg(100 * s.eval->trained.knn_accuracy, 0, 'f', 1)
                                     .arg(100 * s.eval->baseline.knn_accuracy, 0, 'f', 1));
    QStringList ck;
    for (const auto& c : s.checkpoints) ck << QFileInfo(qs(c)).fileName();
    row(tr("Checkpoints"), ck.isEmpty() ? tr("none") : ck.join(", "));
    const QLocale loc;
    row(tr("Disk use"), tr("%1, of which checkpoints %2 (keeps the newest %3 epoch checkpoints%4)")
                            .arg(loc.formattedDataSize(s.disk_bytes), loc.formattedDataSize(s.checkpoint_bytes))
                            .arg(s.config.system.keep_checkpoints < 0 ? tr("all") : QString::number(s.config.system.keep_checkpoints))
                            .arg(s.config.system.checkpoint_every_epochs > 0
                                     ? tr(", plus one every %1 epochs").arg(s.config.system.checkpoint_every_epochs)
                                     : QString()));
    html += QStringLiteral("</table>");
    details_->setHtml(html);
    updateButtons();
}

void RunsPanel::clearRun() {
    haveRun_ = false;
    snap_ = api::RunSnapshot{};
    resumable_ = false;
    writer_.reset();
    title_->setText(tr("No run open."));
    details_->clear();
    updateButtons();
}

void RunsPanel::setRecent(const QStringList& dirs) {
    recent_->clear();
    for (const QString& d : dirs) {
        auto* it = new QListWidgetItem(QFileInfo(d).fileName() + "\n" + QDir::toNativeSeparators(QFileInfo(d).absolutePath()),
                                       recent_);
        it->setData(Qt::UserRole, d);
        it->setToolTip(d);
        it->setIcon(QIcon(":/icons/run.svg"));
    }
}

void RunsPanel::setRunsFolder(const QString& dir) { folder_->setText(QDir::toNativeSeparators(dir)); }
QString RunsPanel::runsFolder() const { return QDir::fromNativeSeparators(folder_->text().trimmed()); }

void RunsPanel::setTrainingActive(bool active) {
    training_ = active;
    render();
    updateButtons();
}

void RunsPanel::updateButtons() {
    continue_->setEnabled(haveRun_ && resumable_ && !training_ && !writer_);
    metrics_->setEnabled(haveRun_);
    checkpoint_->setEnabled(haveRun_);
    encoder_->setEnabled(haveRun_ && !training_);
    prune_->setEnabled(haveRun_ && !training_ && !writer_);
}

// ---- RunView ----------------------------------------------------------------------------------

void RunsPanel::showRun(const api::RunSnapshot& snap) { showSnapshot(snap); }

// The summary of a starting run is read from disk once the engine has written it (the main window's
// reloadRunSummary).
void RunsPanel::startRun(const QString&, const RunConfig&) {}

}  // namespace dino::ui
