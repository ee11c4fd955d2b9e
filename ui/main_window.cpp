#include "main_window.h"

#include "api/analysis.h"
#include "api/run_storage.h"
#include "common/fsutil.h"
#include "config_form.h"
#include "dataset_picker.h"
#include "attention_panel.h"
#include "background_task.h"
#include "embedding_map_panel.h"
#include "evaluation_panel.h"
#include "preview_panel.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"
#include "runs_panel.h"
#include "training_worker.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace dino::ui {

namespace {
constexpr int kMaxRecent = 10;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    registerMetaTypes();
    setWindowTitle(tr("DINO Studio"));
    setWindowIcon(QIcon(":/icons/app.svg"));
    setObjectName("mainWindow");

    // Left: presets, config file buttons and the validated form.
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(6, 6, 0, 6);
    auto* presetRow = new QHBoxLayout;
    presetBox_ = new QComboBox(left);
    presetBox_->setObjectName("presetBox");
    presetBox_->addItem(tr("Load a preset…"), QString());
    presetBox_->addItem(tr("Seed (15 epochs, batch 256 — a GPU job)"), "seed");
    presetBox_->addItem(tr("Quick CPU demo (a few minutes on the sample data)"), "quick");
    presetBox_->setToolTip(tr("Replace the whole configuration with a preset"));
    auto* openCfg = new QToolButton(left);
    openCfg->setIcon(QIcon(":/icons/open.svg"));
    openCfg->setToolTip(tr("Open configuration JSON…"));
    auto* saveCfg = new QToolButton(left);
    saveCfg->setIcon(QIcon(":/icons/save.svg"));
    saveCfg->setToolTip(tr("Save configuration JSON… (Ctrl+S)"));
    presetRow->addWidget(presetBox_, 1);
    presetRow->addWidget(openCfg);
    presetRow->addWidget(saveCfg);
    ll->addLayout(presetRow);
    form_ = new ConfigForm(left);
    form_->setObjectName("configForm");
    ll->addWidget(form_, 1);
    auto* validity = new QLabel(left);
    validity->setObjectName("validitySummary");
    validity->setWordWrap(true);
    ll->addWidget(validity);
    left->setMinimumWidth(330);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("tabs");
    tabs_->setDocumentMode(true);
    preview_ = new PreviewPanel(tabs_);
    training_ = new TrainingPanel(tabs_);
    evaluation_ = new EvaluationPanel(tabs_);
    pseudo_ = new PseudoLabelPanel(tabs_);
    attention_ = new AttentionPanel(tabs_);
    map_ = new EmbeddingMapPanel(tabs_);
    runs_ = new RunsPanel(tabs_);
    tabs_->addTab(preview_, QIcon(":/icons/preview.svg"), tr("Augmentation preview"));
    tabs_->addTab(training_, QIcon(":/icons/start.svg"), tr("Training"));
    tabs_->addTab(evaluation_, QIcon(":/icons/evaluate.svg"), tr("Evaluation"));
    tabs_->addTab(pseudo_, QIcon(":/icons/histogram.svg"), tr("Pseudo-labels"));
    tabs_->addTab(attention_, QIcon(":/icons/attention.svg"), tr("Attention"));
    tabs_->addTab(map_, QIcon(":/icons/map.svg"), tr("Embedding map"));
    tabs_->addTab(runs_, QIcon(":/icons/run.svg"), tr("Runs"));
    // The checkpoint lists of the inspection tabs follow the run (new epochs appear while it trains).
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (runDir_.isEmpty()) return;
        if (tabs_->currentWidget() == attention_) attention_->setRunDir(runDir_);
        if (tabs_->currentWidget() == map_) map_->setRunDir(runDir_);
    });

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(left);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({380, 980});
    splitter_->setChildrenCollapsible(false);
    setCentralWidget(splitter_);

    statusText_ = new QLabel(this);
    statusText_->setObjectName("statusProgressText");
    statusProgress_ = new QProgressBar(this);
    statusProgress_->setMaximumWidth(160);
    statusProgress_->setTextVisible(false);
    statusProgress_->hide();
    statusBar()->addPermanentWidget(statusText_);
    statusBar()->addPermanentWidget(statusProgress_);

    // The worker lives on its own thread for the whole session.
    worker_ = new TrainingWorker;
    worker_->moveToThread(&workerThread_);
    connect(&workerThread_, &QThread::finished, worker_, &QObject::deleteLater);
    workerThread_.setObjectName("dino-training");
    workerThread_.start();
    connect(worker_, &TrainingWorker::started, this, &MainWindow::onStarted, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::planReady, training_, &TrainingPanel::setPlan, Qt::QueuedConnection);
    connect(training_, &TrainingPanel::pauseAvailableChanged, this, [this] { setTrainingState(training_->state()); });
    connect(worker_, &TrainingWorker::stepsReady, training_, &TrainingPanel::appendSteps, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::evalReady, this, [this](const api::EvalReport& r) {
        evaluation_->showReport(r);
        training_->appendLog(tr("k-NN evaluation after epoch %1: 1-NN %2 %, weighted k-NN %3 % (random init %4 %)")
                                 .arg(r.epoch + 1)
                                 .arg(100 * r.trained.nn1_accuracy, 0, 'f', 1)
                                 .arg(100 * r.trained.knn_accuracy, 0, 'f', 1)
                                 .arg(100 * r.baseline.knn_accuracy, 0, 'f', 1));
    }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::knnReady, training_,
            [this](const api::KnnPoint& p) { training_->appendKnn({p}); }, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::evalProgress, evaluation_, &EvaluationPanel::setProgress, Qt::QueuedConnection);
    // Epochs are logged by the engine (log.txt and onLog); the epoch signal refreshes the run summary.
    connect(worker_, &TrainingWorker::epochDone, this, [this](const api::EpochMetrics&) { reloadRunSummary(); },
            Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::logLine, training_, &TrainingPanel::appendLog, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::finished, this, &MainWindow::onFinished, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::failed, this, &MainWindow::onFailed, Qt::QueuedConnection);
    flushTimer_ = new QTimer(this);
    flushTimer_->setInterval(250);
    connect(flushTimer_, &QTimer::timeout, this, [this] { worker_->flushSteps(); });

    // Panels.
    connect(form_, &ConfigForm::configChanged, this, [this](const QString& key) {
        if (key.isEmpty() || key.startsWith("views.") || key.startsWith("data.") || key == "system.seed")
            preview_->setConfig(form_->config());
        updateStartBlocked();
    });
    connect(form_, &ConfigForm::validityChanged, this, [this, validity](bool valid, const QString& problem) {
        validity->setText(valid ? QString() : QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                                  .arg(tr("%n problem(s) in the configuration. First: %1", "",
                                                          static_cast<int>(form_->errors().size()))
                                                           .arg(problem)
                                                           .toHtmlEscaped()));
        updateStartBlocked();
    });
    connect(form_->datasetPicker(), &DatasetPicker::inspected, preview_, &PreviewPanel::setDatasetSize);
    connect(training_, &TrainingPanel::startRequested, this, &MainWindow::startTraining);
    connect(training_, &TrainingPanel::pauseRequested, this, [this](bool) { togglePause(); });
    connect(training_, &TrainingPanel::stopRequested, this, &MainWindow::stopTraining);
    connect(training_, &TrainingPanel::applyAdviceRequested, this, [this](const RunConfig& advised) {
        // A new configuration in the form: the user looks at it and starts it (a new run directory).
        form_->setConfig(advised);
        presetBox_->setCurrentIndex(0);
        statusBar()->showMessage(tr("The collapse guard's advice is in the configuration; press Start for a new run."), 8000);
    });
    connect(training_, &TrainingPanel::progressChanged, this, [this](const QString& text) {
        statusText_->setText(text);
        const qint64 total = training_->plannedSteps();
        if (total > 0 && training_->stepCount() > 0 && training_->state() != TrainingPanel::State::Stopping) {
            statusProgress_->setRange(0, static_cast<int>(total));
            statusProgress_->setValue(static_cast<int>(training_->steps().back().step + 1));
        }
    });
    connect(evaluation_, &EvaluationPanel::evaluated, this, [this] { reloadRunSummary(); });
    connect(pseudo_, &PseudoLabelPanel::computed, this, [this] { reloadRunSummary(); });
    connect(runs_, &RunsPanel::openRequested, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Open run folder"), runsFolder());
        if (d.isEmpty()) return;
        const QString err = openRun(d);
        if (!err.isEmpty()) showError(tr("Cannot open run"), err);
    });
    connect(runs_, &RunsPanel::openRun, this, [this](const QString& d) {
        const QString err = openRun(d);
        if (!err.isEmpty()) showError(tr("Cannot open run"), err);
    });
    connect(runs_, &RunsPanel::continueRequested, this, &MainWindow::continueTraining);
    connect(runs_, &RunsPanel::runsFolderChanged, this, &MainWindow::setRunsFolder);
    connect(runs_, &RunsPanel::exportMetricsRequested, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save metrics CSV"), QDir(runsFolder()).filePath(QFileInfo(runDir_).fileName() + "-metrics.csv"),
                                                       tr("CSV (*.csv)"));
        if (p.isEmpty()) return;
        const QString err = exportMetricsCsv(p);
        if (!err.isEmpty()) showError(tr("Export failed"), err);
        else statusBar()->showMessage(tr("Saved %1").arg(p), 5000);
    });
    connect(runs_, &RunsPanel::saveCheckpointRequested, this, [this] {
        api::RunSnapshot snap;
        if (!readOpenRun(snap)) return;
        if (snap.checkpoints.empty()) {
            showError(tr("No checkpoint"), tr("This run has no checkpoint yet."));
            return;
        }
        QStringList names;
        for (auto it = snap.checkpoints.rbegin(); it != snap.checkpoints.rend(); ++it) names << qs(*it);
        bool ok = false;
        const QString src = QInputDialog::getItem(this, tr("Save checkpoint as"), tr("Checkpoint"), names, 0, false, &ok);
        if (!ok) return;
        const QString p = QFileDialog::getSaveFileName(this, tr("Save checkpoint as"), QDir::home().filePath(QFileInfo(src).fileName()),
                                                       tr("Checkpoints (*.ckpt);;All files (*)"));
        if (p.isEmpty()) return;
        const QString err = saveCheckpointAs(p, src);
        if (!err.isEmpty()) showError(tr("Save failed"), err);
        else statusBar()->showMessage(tr("Saved %1").arg(p), 5000);
    });
    connect(runs_, &RunsPanel::pruneRequested, this, [this] {
        api::RunSnapshot snap;
        if (!readOpenRun(snap)) return;
        bool ok = false;
        const int start = snap.config.system.keep_checkpoints < 0 ? 2 : snap.config.system.keep_checkpoints;
        const int keep = QInputDialog::getInt(this, tr("Prune checkpoints"),
                                              tr("Keep the newest N epoch checkpoints (last.ckpt, which training "
                                                 "continues from, is always kept):"),
                                              start, 0, 100000, 1, &ok);
        if (!ok) return;
        const int every = snap.config.system.checkpoint_every_epochs;
        api::PruneReport dry;
        try {
            dry = api::pruneRun(ss(runDir_), keep, every, true);
        } catch (const std::exception& e) {
            showError(tr("Cannot prune"), qs(e.what()));
            return;
        }
        if (dry.removed.empty()) {
            statusBar()->showMessage(tr("Nothing to remove: the run keeps only these checkpoints."), 8000);
            return;
        }
        QStringList names;
        for (const auto& p : dry.removed) names << QFileInfo(qs(p)).fileName();
        const auto answer = QMessageBox::question(
            this, tr("Prune checkpoints"),
            tr("Remove %n checkpoint(s) and free %1?", "", int(names.size())).arg(QLocale().formattedDataSize(dry.bytes_freed)) +
                "\n\n" + names.join(", "));
        if (answer == QMessageBox::Yes) pruneCheckpoints(keep, every);
    });
    connect(this, &MainWindow::checkpointsPruned, this, [this](const QString&, const QString& err) {
        if (!err.isEmpty()) showError(tr("Cannot prune"), err);
    });
    connect(runs_, &RunsPanel::exportEncoderRequested, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export encoder"), QDir::home().filePath(QFileInfo(runDir_).fileName() + "-encoder.safetensors"),
                                                       tr("safetensors (*.safetensors)"));
        if (!p.isEmpty()) exportEncoder(p);
    });
    connect(this, &MainWindow::encoderExported, this, [this](const QString& p, const QString& err) {
        if (!err.isEmpty()) showError(tr("Export failed"), err);
        else statusBar()->showMessage(tr("Encoder written to %1 (timm parameter names)").arg(p), 8000);
    });
    connect(presetBox_, &QComboBox::activated, this, [this](int i) {
        const QString name = presetBox_->itemData(i).toString();
        if (!name.isEmpty()) applyPreset(name);
    });
    connect(openCfg, &QToolButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open configuration"), runsFolder(), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = loadConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot open configuration"), err);
    });
    connect(saveCfg, &QToolButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save configuration"), QDir(runsFolder()).filePath("config.json"), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = saveConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot save configuration"), err);
    });

    buildMenus();
    restoreSettings();
    setTrainingState(TrainingPanel::State::Idle);
    updateStartBlocked();
}

MainWindow::~MainWindow() {
    worker_->cancel();
    workerThread_.quit();
    workerThread_.wait();
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openRunAct = file->addAction(QIcon(":/icons/open.svg"), tr("&Open run…"), this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Open run folder"), runsFolder());
        if (d.isEmpty()) return;
        const QString err = openRun(d);
        if (!err.isEmpty()) showError(tr("Cannot open run"), err);
    });
    openRunAct->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Recent runs"));
    file->addSeparator();
    file->addAction(QIcon(":/icons/open.svg"), tr("Open configuration…"), this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open configuration"), runsFolder(), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = loadConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot open configuration"), err);
    });
    QAction* saveAct = file->addAction(QIcon(":/icons/save.svg"), tr("&Save configuration…"), this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save configuration"), QDir(runsFolder()).filePath("config.json"), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = saveConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot save configuration"), err);
    });
    saveAct->setShortcut(QKeySequence::Save);
    QMenu* presets = file->addMenu(tr("Presets"));
    presets->addAction(tr("Seed (15 epochs, batch 256 — a GPU job)"), this, [this] { applyPreset("seed"); });
    presets->addAction(tr("Quick CPU demo (a few minutes on the sample data)"), this, [this] { applyPreset("quick"); });
    file->addSeparator();
    exportMenu_ = file->addMenu(QIcon(":/icons/export.svg"), tr("Export"));
    auto addChart = [this](PlotWidget* p, const QString& name) {
        exportMenu_->addAction(tr("Chart: %1…").arg(name), this, [this, p, name] { exportPlotInteractive(p, name, this); });
    };
    addChart(training_->lossPlot(), tr("loss"));
    addChart(training_->collapsePlot(), tr("collapse indicators"));
    addChart(training_->knnPlot(), tr("live k-NN accuracy"));
    addChart(training_->schedulePlot(0), tr("learning rate"));
    addChart(training_->schedulePlot(1), tr("weight decay"));
    addChart(training_->schedulePlot(2), tr("teacher temperature"));
    addChart(training_->schedulePlot(3), tr("EMA momentum"));
    addChart(evaluation_->comparisonPlot(), tr("accuracy vs random init"));
    addChart(evaluation_->confusionPlot(), tr("confusion matrix"));
    addChart(pseudo_->histogramPlot(), tr("pseudo-label histogram"));
    exportMenu_->addSeparator();
    exportMenu_->addAction(tr("Preview grid as PNG…"), this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save preview grid"), QDir::home().filePath("augmentation-preview.png"), tr("PNG (*.png)"));
        if (p.isEmpty()) return;
        const QString err = exportPreviewGrid(p);
        if (!err.isEmpty()) showError(tr("Export failed"), err);
    });
    exportMenu_->addAction(tr("Metrics CSV…"), runs_, &RunsPanel::exportMetricsRequested);
    exportMenu_->addAction(tr("Checkpoint as…"), runs_, &RunsPanel::saveCheckpointRequested);
    exportMenu_->addAction(tr("Encoder weights (safetensors for timm)…"), runs_, &RunsPanel::exportEncoderRequested);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* train = menuBar()->addMenu(tr("&Training"));
    startAction_ = train->addAction(QIcon(":/icons/start.svg"), tr("&Start"), this, &MainWindow::startTraining);
    startAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    pauseAction_ = train->addAction(QIcon(":/icons/pause.svg"), tr("&Pause / resume"), this, &MainWindow::togglePause);
    pauseAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    stopAction_ = train->addAction(QIcon(":/icons/stop.svg"), tr("S&top"), this, &MainWindow::stopTraining);
    stopAction_->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_Period)});
    continueAction_ = train->addAction(tr("&Continue run from its checkpoint"), this, &MainWindow::continueTraining);
    train->addSeparator();
    QAction* evalAct = train->addAction(QIcon(":/icons/evaluate.svg"), tr("&Evaluate"), this, [this] {
        tabs_->setCurrentWidget(evaluation_);
        evaluation_->evaluate();
    });
    evalAct->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    train->addAction(QIcon(":/icons/histogram.svg"), tr("Compute pseudo-&labels"), this, [this] {
        tabs_->setCurrentWidget(pseudo_);
        pseudo_->compute();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QString tabNames[] = {tr("Augmentation preview"), tr("Training"),      tr("Evaluation"), tr("Pseudo-labels"),
                                tr("Attention"),            tr("Embedding map"), tr("Runs")};
    for (int i = 0; i < 7; ++i) {
        QAction* a = view->addAction(tabNames[i], this, [this, i] { tabs_->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QMenu* lang = view->addMenu(tr("Language"));
    auto* group = new QActionGroup(this);
    const QString current = QSettings().value("ui/language", "en").toString();
    const std::pair<QString, QString> langs[] = {{"en", QStringLiteral("English")}, {"de", QStringLiteral("Deutsch")}};
    for (const auto& [code, name] : langs) {
        QAction* a = lang->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(QIcon(":/icons/app.svg"), tr("&About DINO Studio"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* tb = addToolBar(tr("Main"));
    tb->setObjectName("mainToolbar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(18, 18));
    tb->addAction(openRunAct);
    tb->addAction(saveAct);
    tb->addSeparator();
    tb->addAction(startAction_);
    tb->addAction(pauseAction_);
    tb->addAction(stopAction_);
    tb->addSeparator();
    tb->addAction(evalAct);
}

// ---- settings ---------------------------------------------------------------------------------

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) {
        const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1366, 768);
        resize(std::min(1500, avail.width()), std::min(920, avail.height()));
    }
    restoreState(s.value("window/state").toByteArray());
    if (s.contains("window/splitter")) splitter_->restoreState(s.value("window/splitter").toByteArray());
    recentRuns_ = s.value("runs/recent").toStringList();
    refreshRecentMenu();
    runs_->setRunsFolder(runsFolder());
    RunConfig cfg = presetConfig("quick");
    const QString last = s.value("config/last").toString();
    if (!last.isEmpty()) {
        try {
            cfg = configFromJson(ss(last), "settings");
        } catch (const std::exception&) {
            // An old or damaged saved config: start from the quick preset.
        }
    }
    form_->setConfig(cfg);
    tabs_->setCurrentIndex(std::clamp(s.value("ui/tab", 0).toInt(), 0, tabs_->count() - 1));
}

void MainWindow::saveSettings() {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/splitter", splitter_->saveState());
    s.setValue("config/last", qs(configToJson(form_->config())));
    s.setValue("runs/recent", recentRuns_);
    s.setValue("ui/tab", tabs_->currentIndex());
}

QString MainWindow::runsFolder() const {
    QSettings s;
    QString d = s.value("runs/folder").toString();
    if (d.isEmpty()) d = qEnvironmentVariable("DINO_RUNS_DIR");
    if (d.isEmpty()) d = QDir::home().filePath("dino-runs");
    return d;
}

void MainWindow::setRunsFolder(const QString& dir) {
    QSettings().setValue("runs/folder", dir);
    runs_->setRunsFolder(dir);
}

void MainWindow::addRecentRun(const QString& dir) {
    const QString d = QFileInfo(dir).absoluteFilePath();
    recentRuns_.removeAll(d);
    recentRuns_.prepend(d);
    while (recentRuns_.size() > kMaxRecent) recentRuns_.removeLast();
    QSettings().setValue("runs/recent", recentRuns_);
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu() {
    recentMenu_->clear();
    for (const QString& d : recentRuns_) {
        recentMenu_->addAction(QDir::toNativeSeparators(d), this, [this, d] {
            const QString err = openRun(d);
            if (!err.isEmpty()) showError(tr("Cannot open run"), err);
        });
    }
    if (recentRuns_.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    else {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear list"), this, [this] {
            recentRuns_.clear();
            QSettings().setValue("runs/recent", recentRuns_);
            refreshRecentMenu();
        });
    }
    runs_->setRecent(recentRuns_);
}

void MainWindow::setLanguage(const QString& code) {
    QSettings().setValue("ui/language", code);
    QMessageBox box(this);
    box.setWindowTitle(tr("Language"));
    box.setText(tr("The language changes when DINO Studio starts again. Restart now?"));
    QPushButton* now = box.addButton(tr("Restart now"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == now && !isTraining()) {
        saveSettings();
        QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1));
        close();
    }
}

// ---- config -----------------------------------------------------------------------------------

void MainWindow::applyPreset(const QString& name) {
    try {
        form_->setConfig(presetConfig(ss(name)));
        statusBar()->showMessage(tr("Preset applied: %1").arg(name), 4000);
    } catch (const std::exception& e) {
        showError(tr("Preset"), qs(e.what()));
    }
}

QString MainWindow::loadConfigFile(const QString& path) {
    try {
        // Parse without rejecting invalid values: the form shows them in red instead.
        const RunConfig cfg = configFromJson(readTextFile(ss(path)), ss(path));
        form_->setConfig(cfg);
        presetBox_->setCurrentIndex(0);
        statusBar()->showMessage(tr("Loaded %1").arg(path), 4000);
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString MainWindow::saveConfigFile(const QString& path) {
    try {
        dino::saveConfigFile(form_->config(), ss(path));
        statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

void MainWindow::updateStartBlocked() {
    QString reason;
    if (!form_->isValid()) reason = form_->firstProblem();
    training_->setStartBlocked(reason);
    startAction_->setEnabled(reason.isEmpty() && !isTraining());
}

// ---- training ---------------------------------------------------------------------------------

bool MainWindow::isTraining() const { return training_->state() != TrainingPanel::State::Idle; }

void MainWindow::setTrainingState(TrainingPanel::State s) {
    training_->setState(s);
    const bool idle = s == TrainingPanel::State::Idle;
    startAction_->setEnabled(idle && form_->isValid());
    pauseAction_->setEnabled((s == TrainingPanel::State::Running || s == TrainingPanel::State::Paused) &&
                             training_->canPause());
    pauseAction_->setText(s == TrainingPanel::State::Paused ? tr("&Resume") : tr("&Pause"));
    stopAction_->setEnabled(!idle && s != TrainingPanel::State::Stopping);
    continueAction_->setEnabled(idle && !runDir_.isEmpty());
    evaluation_->setBusyElsewhere(!idle);
    pseudo_->setBusyElsewhere(!idle);
    runs_->setTrainingActive(!idle);
    statusProgress_->setVisible(!idle);
    if (idle) flushTimer_->stop();
    else if (!flushTimer_->isActive()) flushTimer_->start();
    if (s == TrainingPanel::State::Stopping) statusText_->setText(tr("Stopping… writing a checkpoint"));
    if (s == TrainingPanel::State::Starting || s == TrainingPanel::State::Stopping) statusProgress_->setRange(0, 0);
    else statusProgress_->setRange(0, 1);
}

void MainWindow::startTraining() {
    if (isTraining()) return;
    if (!form_->isValid()) {
        showError(tr("Cannot start"), form_->firstProblem());
        return;
    }
    const RunConfig cfg = form_->config();
    const QString base = runsFolder();
    if (!QDir().mkpath(base)) {
        showError(tr("Cannot start"), tr("Cannot create the runs folder %1.").arg(base));
        return;
    }
    QString dir = QDir(base).filePath(QDateTime::currentDateTime().toString("'run-'yyyyMMdd-HHmmss"));
    for (int i = 2; QFileInfo::exists(dir); ++i)
        dir = QDir(base).filePath(QDateTime::currentDateTime().toString("'run-'yyyyMMdd-HHmmss") + QString("-%1").arg(i));
    training_->clear();
    evaluation_->clear();
    pseudo_->clear();
    attention_->clear();
    map_->clear();
    runs_->clearRun();
    tabs_->setCurrentWidget(training_);
    setTrainingState(TrainingPanel::State::Starting);
    training_->appendLog(tr("Starting a run in %1").arg(QDir::toNativeSeparators(dir)));
    TrainingWorker* w = worker_;
    QMetaObject::invokeMethod(worker_, [w, cfg, dir] { w->startNew(cfg, dir); }, Qt::QueuedConnection);
}

void MainWindow::continueTraining() {
    if (isTraining() || runDir_.isEmpty()) return;
    const QString dir = runDir_;
    tabs_->setCurrentWidget(training_);
    setTrainingState(TrainingPanel::State::Starting);
    training_->appendLog(tr("Continuing %1 from its last checkpoint").arg(QDir::toNativeSeparators(dir)));
    TrainingWorker* w = worker_;
    QMetaObject::invokeMethod(worker_, [w, dir] { w->resume(dir); }, Qt::QueuedConnection);
}

void MainWindow::togglePause() {
    if (!training_->canPause()) return;
    const auto s = training_->state();
    if (s == TrainingPanel::State::Running) {
        worker_->setPaused(true);
        worker_->flushSteps();
        setTrainingState(TrainingPanel::State::Paused);
        statusBar()->showMessage(tr("Paused after the current step"), 4000);
    } else if (s == TrainingPanel::State::Paused) {
        worker_->setPaused(false);
        setTrainingState(TrainingPanel::State::Running);
    }
}

void MainWindow::stopTraining() {
    const auto s = training_->state();
    if (s == TrainingPanel::State::Idle || s == TrainingPanel::State::Stopping) return;
    worker_->cancel();
    setTrainingState(TrainingPanel::State::Stopping);
}

void MainWindow::onStarted(const QString& dir, const RunConfig& cfg) {
    runDir_ = dir;
    training_->setRunConfig(cfg);
    evaluation_->setRunDir(dir);
    pseudo_->setRunDir(dir);
    attention_->clear();
    attention_->setRunDir(dir);
    map_->clear();
    map_->setRunDir(dir);
    addRecentRun(dir);
    setWindowTitle(tr("DINO Studio — %1").arg(QFileInfo(dir).fileName()));
    if (training_->state() == TrainingPanel::State::Starting) setTrainingState(TrainingPanel::State::Running);
    reloadRunSummary();
}

void MainWindow::onFinished(bool cancelled) {
    worker_->setPaused(false);
    setTrainingState(TrainingPanel::State::Idle);
    reloadRunSummary();
    training_->appendLog(cancelled ? tr("Stopped; the last checkpoint is kept. Continue it from the Runs tab.")
                                   : tr("Training finished."));
    statusBar()->showMessage(cancelled ? tr("Training stopped") : tr("Training finished"), 8000);
    Q_EMIT trainingFinished(cancelled);
    if (closePending_) {
        close();
        return;
    }
    // The engine writes eval.json and pseudo_labels.json at the end of a run; show what is on disk.
    try {
        const api::RunSnapshot snap = api::loadRun(ss(runDir_));
        if (snap.eval && !evaluation_->hasReport()) evaluation_->showReport(*snap.eval);
        if (snap.pseudo_labels) pseudo_->showReport(*snap.pseudo_labels);
        else if (!cancelled && pseudoAfterTraining_) pseudo_->compute();
    } catch (const std::exception&) {
        // reloadRunSummary has already reported it
    }
}

void MainWindow::onFailed(const QString& message) {
    worker_->setPaused(false);
    setTrainingState(TrainingPanel::State::Idle);
    training_->appendLog(tr("Error: %1").arg(message));
    reloadRunSummary();
    Q_EMIT trainingFailed(message);
    if (closePending_) {
        close();
        return;
    }
    showError(tr("Training stopped"), message);
}

bool MainWindow::readOpenRun(api::RunSnapshot& snap) {
    try {
        snap = api::loadRun(ss(runDir_));
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot read run"), qs(e.what()));
        return false;
    }
}

void MainWindow::reloadRunSummary() {
    if (runDir_.isEmpty()) return;
    try {
        runs_->showSnapshot(api::loadRun(ss(runDir_)));
    } catch (const std::exception& e) {
        runs_->clearRun();
        training_->appendLog(tr("Cannot read the run folder: %1").arg(qs(e.what())));
    }
    continueAction_->setEnabled(!isTraining());
}

// ---- runs and exports -------------------------------------------------------------------------

QString MainWindow::openRun(const QString& dir) {
    if (isTraining()) return tr("Stop the current training before opening another run.");
    api::RunSnapshot snap;
    try {
        snap = api::loadRun(ss(dir));
    } catch (const std::exception& e) {
        return qs(e.what());
    }
    runDir_ = QFileInfo(dir).absoluteFilePath();
    training_->clear();
    training_->setPlan(snap.plan);
    training_->setRunConfig(snap.config);
    QVector<api::StepMetrics> steps(snap.steps.begin(), snap.steps.end());
    training_->appendSteps(steps);
    training_->appendKnn(QVector<api::KnnPoint>(snap.knn.begin(), snap.knn.end()));
    evaluation_->clear();
    evaluation_->setRunDir(runDir_);
    if (snap.eval) evaluation_->showReport(*snap.eval);
    pseudo_->clear();
    pseudo_->setRunDir(runDir_);
    if (snap.pseudo_labels) pseudo_->showReport(*snap.pseudo_labels);
    attention_->clear();
    attention_->setRunDir(runDir_);
    map_->clear();
    map_->setRunDir(runDir_);
    form_->setConfig(snap.config);
    presetBox_->setCurrentIndex(0);
    runs_->showSnapshot(snap);
    addRecentRun(runDir_);
    training_->appendLog(tr("Opened %1: %2 steps, status %3").arg(QDir::toNativeSeparators(runDir_)).arg(snap.steps.size()).arg(qs(snap.status)));
    setWindowTitle(tr("DINO Studio — %1").arg(QFileInfo(runDir_).fileName()));
    setTrainingState(TrainingPanel::State::Idle);
    statusBar()->showMessage(tr("Opened %1").arg(runDir_), 5000);
    return {};
}

QString MainWindow::exportMetricsCsv(const QString& path) {
    if (runDir_.isEmpty()) return tr("No run is open.");
    const QString src = QDir(runDir_).filePath("metrics.csv");
    if (!QFileInfo::exists(src)) return tr("%1 does not exist yet.").arg(src);
    if (QFileInfo::exists(path) && !QFile::remove(path)) return tr("Cannot replace %1.").arg(path);
    if (!QFile::copy(src, path)) return tr("Cannot copy %1 to %2.").arg(src, path);
    return {};
}

QString MainWindow::saveCheckpointAs(const QString& path, const QString& checkpoint) {
    if (runDir_.isEmpty()) return tr("No run is open.");
    QString src = checkpoint;
    if (src.isEmpty()) {
        try {
            const auto snap = api::loadRun(ss(runDir_));
            if (snap.checkpoints.empty()) return tr("This run has no checkpoint yet.");
            src = qs(snap.checkpoints.back());
        } catch (const std::exception& e) {
            return qs(e.what());
        }
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) return tr("Cannot replace %1.").arg(path);
    if (!QFile::copy(src, path)) return tr("Cannot copy %1 to %2.").arg(src, path);
    return {};
}

void MainWindow::pruneCheckpoints(int keep, int every) {
    if (runDir_.isEmpty() || isTraining()) {
        Q_EMIT checkpointsPruned({}, runDir_.isEmpty() ? tr("No run is open.") : tr("Stop training first."));
        return;
    }
    const std::string dir = ss(runDir_);
    auto summary = std::make_shared<QString>();
    auto* task = BackgroundTask::start(this, [dir, keep, every, summary](const std::atomic<bool>*,
                                                                        const BackgroundTask::ProgressFn&) {
        const auto rep = api::pruneRun(dir, keep, every);
        *summary = tr("Removed %n checkpoint(s), freed %1.", "", int(rep.removed.size()))
                       .arg(QLocale().formattedDataSize(rep.bytes_freed));
    });
    connect(task, &BackgroundTask::finished, this, [this, summary](const QString& error, bool) {
        reloadRunSummary();
        if (error.isEmpty()) statusBar()->showMessage(*summary, 8000);
        Q_EMIT checkpointsPruned(error.isEmpty() ? *summary : QString(), error);
    });
}

void MainWindow::exportEncoder(const QString& path) {
    if (runDir_.isEmpty()) {
        Q_EMIT encoderExported(path, tr("No run is open."));
        return;
    }
    const std::string dir = ss(runDir_), out = ss(path);
    statusBar()->showMessage(tr("Exporting the encoder…"));
    auto* task = BackgroundTask::start(this, [dir, out](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        api::exportSafetensors(dir, out);
    });
    connect(task, &BackgroundTask::finished, this, [this, path](const QString& error, bool) {
        Q_EMIT encoderExported(path, error);
    });
}

QString MainWindow::exportPreviewGrid(const QString& path) {
    if (preview_->rows() == 0) return tr("The preview is empty.");
    const QImage img = preview_->gridImage();
    if (img.isNull() || !img.save(path, "PNG")) return tr("Cannot write %1.").arg(path);
    return {};
}

// ---- misc -------------------------------------------------------------------------------------

void MainWindow::showError(const QString& title, const QString& text) {
    lastError_ = text;
    statusBar()->showMessage(title + ": " + text.section('\n', 0, 0), 10000);
    if (!showErrorDialogs_) return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MainWindow::about() {
    QString versions;
    versions += QStringLiteral("<tr><td>Qt</td><td>%1 (built with %2)</td></tr>").arg(qVersion(), QT_VERSION_STR);
    versions += QStringLiteral("<tr><td>QCustomPlot</td><td>%1</td></tr>").arg(QCUSTOMPLOT_VERSION_STR);
    try {
        for (const auto& [k, v] : api::systemInfo())
            versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(qs(k).toHtmlEscaped(), qs(v).toHtmlEscaped());
    } catch (const std::exception& e) {
        versions += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(qs(e.what()).toHtmlEscaped());
    }
    QDialog dlg(this);
    dlg.setWindowTitle(tr("About DINO Studio"));
    auto* lay = new QVBoxLayout(&dlg);
    auto* text = new QTextBrowser(&dlg);
    text->setOpenExternalLinks(true);
    text->setHtml(tr("<h2>DINO Studio %1</h2><p>Self-supervised DINO training (self-distillation with no labels, "
                     "Caron et al. 2021) of a Vision Transformer on MedMNIST's PathMNIST.</p>")
                      .arg(DINO_VERSION) +
                  QStringLiteral("<table cellspacing=3>%1</table>").arg(versions) +
                  QStringLiteral("<p>%1</p>").arg(datasetCitation().toHtmlEscaped()) +
                  tr("<p>The bundled sample holds 1,294 real PathMNIST images; see resources/data/SOURCE.md, "
                     "shown below.</p>"));
    QFile src(":/data/SOURCE.md");
    if (src.open(QIODevice::ReadOnly)) {
        auto* md = new QTextBrowser(&dlg);
        md->setMarkdown(QString::fromUtf8(src.readAll()));
        lay->addWidget(text, 1);
        lay->addWidget(md, 2);
    } else {
        lay->addWidget(text);
    }
    auto* bb = new QDialogButtonBox(QDialogButtonBox::Close, &dlg);
    connect(bb, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
    lay->addWidget(bb);
    dlg.resize(720, 640);
    dlg.exec();
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (isTraining()) {
        e->ignore();
        if (closePending_) return;  // already stopping; the window closes when the checkpoint is written
        if (askBeforeClosing_) {
            const auto answer = QMessageBox::question(
                this, tr("Training is running"),
                tr("Stop training, keep a checkpoint of the run and quit?\n\nYou can continue the run later from the "
                   "Runs tab."),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) return;
        }
        closePending_ = true;
        stopTraining();
        return;
    }
    saveSettings();
    BackgroundTask::cancelAll();  // every panel's computation, download and export: cancelled and waited for
    e->accept();
}

QStringList MainWindow::takeScreenshots(const QString& dir) {
    QDir().mkpath(dir);
    QStringList written;
    auto settle = [](int ms) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(10);
        }
    };
    const char* names[] = {"preview", "training", "evaluation", "pseudo-labels", "attention", "embedding-map", "runs"};
    for (int i = 0; i < tabs_->count() && i < 7; ++i) {
        tabs_->setCurrentIndex(i);
        if (i == 0) {
            QElapsedTimer t;
            t.start();
            settle(PreviewPanel::kDebounceMs + 100);
            while (preview_->busy() && t.elapsed() < 60000) settle(50);
        }
        // The inspection tabs of an open run: computed first (off the GUI thread), a point shown on the map.
        if (!runDir_.isEmpty() && tabs_->currentWidget() == attention_ && !attention_->figure()->hasMaps()) {
            attention_->compute();
            QElapsedTimer t;
            t.start();
            while (attention_->isComputing() && t.elapsed() < 120000) settle(50);
        }
        if (!runDir_.isEmpty() && tabs_->currentWidget() == map_ && !map_->map()) {
            map_->compute();
            QElapsedTimer t;
            t.start();
            while (map_->isComputing() && t.elapsed() < 120000) settle(50);
            if (map_->map()) map_->showPoint(0);
        }
        settle(400);
        for (auto* p : findChildren<QCustomPlot*>()) p->replot();
        settle(100);
        const QString path = QDir(dir).filePath(QStringLiteral("studio-%1.png").arg(names[i]));
        if (grab().save(path)) written << path;
    }
    return written;
}

}  // namespace dino::ui
