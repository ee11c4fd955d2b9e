#include "main_window.h"
#include "about_dialog.h"

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
#include "training_panel.h"

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
    controller_ = new RunController(this);
    createActions();

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
    openCfg->setDefaultAction(action("openConfig"));
    openCfg->setToolButtonStyle(Qt::ToolButtonIconOnly);
    auto* saveCfg = new QToolButton(left);
    saveCfg->setDefaultAction(action("saveConfig"));
    saveCfg->setToolButtonStyle(Qt::ToolButtonIconOnly);
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
        if (runDir().isEmpty()) return;
        if (tabs_->currentWidget() == attention_) attention_->setRunDir(runDir());
        if (tabs_->currentWidget() == map_) map_->setRunDir(runDir());
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

    // The panels observe the run controller.
    connect(controller_, &RunController::stateChanged, this, &MainWindow::onStateChanged);
    connect(controller_, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(controller_, &RunController::planReady, training_, &TrainingPanel::setPlan);
    // The plan says how many processes the run has: the pause action follows (the controller knows it now).
    connect(controller_, &RunController::planReady, this, [this] { onStateChanged(controller_->state()); });
    connect(controller_, &RunController::stepsReady, training_, &TrainingPanel::appendSteps);
    connect(controller_, &RunController::evalReady, this, [this](const api::EvalReport& r) {
        evaluation_->showReport(r);
        training_->appendLog(tr("k-NN evaluation after epoch %1: 1-NN %2 %, weighted k-NN %3 % (random init %4 %)")
                                 .arg(r.epoch + 1)
                                 .arg(100 * r.trained.nn1_accuracy, 0, 'f', 1)
                                 .arg(100 * r.trained.knn_accuracy, 0, 'f', 1)
                                 .arg(100 * r.baseline.knn_accuracy, 0, 'f', 1));
    });
    connect(controller_, &RunController::knnReady, training_, [this](const api::KnnPoint& p) { training_->appendKnn({p}); });
    connect(controller_, &RunController::evalProgress, evaluation_, &EvaluationPanel::setProgress);
    // Epochs are logged by the engine (log.txt and onLog); the epoch signal refreshes the run summary.
    connect(controller_, &RunController::epochDone, this, [this](const api::EpochMetrics&) { reloadRunSummary(); });
    connect(controller_, &RunController::logLine, training_, &TrainingPanel::appendLog);
    connect(controller_, &RunController::finished, this, &MainWindow::onFinished);
    connect(controller_, &RunController::failed, this, &MainWindow::onFailed);

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
    connect(runs_, &RunsPanel::openRequested, action("openRun"), &QAction::trigger);
    connect(runs_, &RunsPanel::openRun, this, [this](const QString& d) {
        const QString err = openRun(d);
        if (!err.isEmpty()) showError(tr("Cannot open run"), err);
    });
    connect(runs_, &RunsPanel::continueRequested, action("continue"), &QAction::trigger);
    connect(runs_, &RunsPanel::runsFolderChanged, this, &MainWindow::setRunsFolder);
    connect(runs_, &RunsPanel::exportMetricsRequested, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save metrics CSV"), QDir(runsFolder()).filePath(QFileInfo(runDir()).fileName() + "-metrics.csv"),
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
            dry = api::pruneRun(ss(runDir()), keep, every, true);
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
        const QString p = QFileDialog::getSaveFileName(this, tr("Export encoder"), QDir::home().filePath(QFileInfo(runDir()).fileName() + "-encoder.safetensors"),
                                                       tr("safetensors (*.safetensors)"));
        if (!p.isEmpty()) exportEncoder(p);
    });
    connect(this, &MainWindow::encoderExported, this, [this](const QString& p, const QString& err) {
        if (!err.isEmpty()) showError(tr("Export failed"), err);
        else statusBar()->showMessage(tr("Encoder written to %1 (timm parameter names)").arg(p), 8000);
    });
    connect(presetBox_, &QComboBox::activated, this, [this](int i) {
        const QString name = presetBox_->itemData(i).toString();
        if (QAction* a = action("preset:" + name)) a->trigger();
    });

    buildMenus();
    restoreSettings();
    onStateChanged(RunController::State::Idle);
    updateStartBlocked();
}

MainWindow::~MainWindow() = default;  // the controller (a child) cancels a run and waits for its thread

QAction* MainWindow::addAction(const QString& name, const QString& icon, const QString& text, const QKeySequence& key) {
    auto* a = new QAction(icon.isEmpty() ? QIcon() : QIcon(icon), text, this);
    a->setObjectName(name + "Action");
    if (!key.isEmpty()) a->setShortcut(key);
    actions_.insert(name, a);
    return a;
}

// One QAction per command: the menus, the toolbar, the configuration buttons, the preset box and the
// Runs tab's buttons trigger these, so a command has one text, icon, shortcut and enabled state.
void MainWindow::createActions() {
    connect(addAction("openRun", ":/icons/open.svg", tr("&Open run…"), QKeySequence::Open), &QAction::triggered, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Open run folder"), runsFolder());
        if (d.isEmpty()) return;
        const QString err = openRun(d);
        if (!err.isEmpty()) showError(tr("Cannot open run"), err);
    });
    QAction* openCfg = addAction("openConfig", ":/icons/open.svg", tr("Open configuration…"));
    openCfg->setToolTip(tr("Open configuration JSON…"));
    connect(openCfg, &QAction::triggered, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Open configuration"), runsFolder(), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = loadConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot open configuration"), err);
    });
    QAction* saveCfg = addAction("saveConfig", ":/icons/save.svg", tr("&Save configuration…"), QKeySequence::Save);
    saveCfg->setToolTip(tr("Save configuration JSON… (Ctrl+S)"));
    connect(saveCfg, &QAction::triggered, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Save configuration"), QDir(runsFolder()).filePath("config.json"), tr("JSON (*.json)"));
        if (p.isEmpty()) return;
        const QString err = saveConfigFile(p);
        if (!err.isEmpty()) showError(tr("Cannot save configuration"), err);
    });
    connect(addAction("preset:seed", {}, tr("Seed (15 epochs, batch 256 — a GPU job)")), &QAction::triggered, this,
            [this] { applyPreset("seed"); });
    connect(addAction("preset:quick", {}, tr("Quick CPU demo (a few minutes on the sample data)")), &QAction::triggered,
            this, [this] { applyPreset("quick"); });
    QAction* quit = addAction("quit", {}, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    connect(addAction("start", ":/icons/start.svg", tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_R)), &QAction::triggered,
            this, &MainWindow::startTraining);
    connect(addAction("pause", ":/icons/pause.svg", tr("&Pause / resume"), QKeySequence(Qt::CTRL | Qt::Key_P)),
            &QAction::triggered, this, &MainWindow::togglePause);
    QAction* stop = addAction("stop", ":/icons/stop.svg", tr("S&top"));
    stop->setShortcuts({QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_Period)});
    connect(stop, &QAction::triggered, this, &MainWindow::stopTraining);
    connect(addAction("continue", {}, tr("&Continue run from its checkpoint")), &QAction::triggered, this,
            &MainWindow::continueTraining);
    connect(addAction("evaluate", ":/icons/evaluate.svg", tr("&Evaluate"), QKeySequence(Qt::CTRL | Qt::Key_E)),
            &QAction::triggered, this, [this] {
                tabs_->setCurrentWidget(evaluation_);
                evaluation_->evaluate();
            });
    connect(addAction("pseudoLabels", ":/icons/histogram.svg", tr("Compute pseudo-&labels")), &QAction::triggered, this,
            [this] {
                tabs_->setCurrentWidget(pseudo_);
                pseudo_->compute();
            });
    QAction* about = addAction("about", ":/icons/app.svg", tr("&About DINO Studio"));
    connect(about, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action("openRun"));
    recentMenu_ = file->addMenu(tr("Recent runs"));
    file->addSeparator();
    file->addAction(action("openConfig"));
    file->addAction(action("saveConfig"));
    QMenu* presets = file->addMenu(tr("Presets"));
    presets->addAction(action("preset:seed"));
    presets->addAction(action("preset:quick"));
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
    file->addAction(action("quit"));

    QMenu* train = menuBar()->addMenu(tr("&Training"));
    train->addAction(action("start"));
    train->addAction(action("pause"));
    train->addAction(action("stop"));
    train->addAction(action("continue"));
    train->addSeparator();
    train->addAction(action("evaluate"));
    train->addAction(action("pseudoLabels"));

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
    help->addAction(action("about"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* tb = addToolBar(tr("Main"));
    tb->setObjectName("mainToolbar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(18, 18));
    tb->addAction(action("openRun"));
    tb->addAction(action("saveConfig"));
    tb->addSeparator();
    tb->addAction(action("start"));
    tb->addAction(action("pause"));
    tb->addAction(action("stop"));
    tb->addSeparator();
    tb->addAction(action("evaluate"));
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
    action("start")->setEnabled(reason.isEmpty() && !isTraining());
}

// ---- training ---------------------------------------------------------------------------------

// The controller's state, shown: the panels' buttons, the actions, the status bar.
void MainWindow::onStateChanged(RunController::State s) {
    using S = RunController::State;
    training_->setState(s);
    const bool idle = s == S::Idle;
    action("start")->setEnabled(idle && form_->isValid());
    action("pause")->setEnabled((s == S::Running || s == S::Paused) && controller_->canPause());
    action("pause")->setText(s == S::Paused ? tr("&Resume") : tr("&Pause"));
    action("stop")->setEnabled(!idle && s != S::Stopping);
    action("continue")->setEnabled(idle && !runDir().isEmpty());
    evaluation_->setBusyElsewhere(!idle);
    pseudo_->setBusyElsewhere(!idle);
    runs_->setTrainingActive(!idle);
    statusProgress_->setVisible(!idle);
    if (s == S::Stopping) statusText_->setText(tr("Stopping… writing a checkpoint"));
    if (s == S::Starting || s == S::Stopping) statusProgress_->setRange(0, 0);
    else statusProgress_->setRange(0, 1);
}

void MainWindow::startTraining() {
    if (isTraining()) return;
    if (!form_->isValid()) {
        showError(tr("Cannot start"), form_->firstProblem());
        return;
    }
    training_->clear();
    evaluation_->clear();
    pseudo_->clear();
    attention_->clear();
    map_->clear();
    runs_->clearRun();
    tabs_->setCurrentWidget(training_);
    const QString err = controller_->start(form_->config(), runsFolder());
    if (!err.isEmpty()) showError(tr("Cannot start"), err);
}

void MainWindow::continueTraining() {
    if (isTraining() || runDir().isEmpty()) return;
    tabs_->setCurrentWidget(training_);
    const QString err = controller_->resume();
    if (!err.isEmpty()) showError(tr("Cannot continue"), err);
}

void MainWindow::togglePause() {
    const bool pausing = controller_->state() == RunController::State::Running;
    if (controller_->togglePause() && pausing) statusBar()->showMessage(tr("Paused after the current step"), 4000);
}

void MainWindow::stopTraining() { controller_->stop(); }

void MainWindow::onRunStarted(const QString& dir, const RunConfig& cfg) {
    training_->setRunConfig(cfg);
    evaluation_->setRunDir(dir);
    pseudo_->setRunDir(dir);
    attention_->clear();
    attention_->setRunDir(dir);
    map_->clear();
    map_->setRunDir(dir);
    addRecentRun(dir);
    setWindowTitle(tr("DINO Studio — %1").arg(QFileInfo(dir).fileName()));
    reloadRunSummary();
}

void MainWindow::onFinished(bool cancelled) {
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
        const api::RunSnapshot snap = api::loadRun(ss(runDir()));
        if (snap.eval && !evaluation_->hasReport()) evaluation_->showReport(*snap.eval);
        if (snap.pseudo_labels) pseudo_->showReport(*snap.pseudo_labels);
        else if (!cancelled && pseudoAfterTraining_) pseudo_->compute();
    } catch (const std::exception&) {
        // reloadRunSummary has already reported it
    }
}

void MainWindow::onFailed(const QString& message) {
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
        snap = api::loadRun(ss(runDir()));
        return true;
    } catch (const std::exception& e) {
        showError(tr("Cannot read run"), qs(e.what()));
        return false;
    }
}

void MainWindow::reloadRunSummary() {
    if (runDir().isEmpty()) return;
    try {
        runs_->showSnapshot(api::loadRun(ss(runDir())));
    } catch (const std::exception& e) {
        runs_->clearRun();
        training_->appendLog(tr("Cannot read the run folder: %1").arg(qs(e.what())));
    }
    action("continue")->setEnabled(!isTraining());
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
    controller_->setRunDir(dir);
    const QString abs = runDir();  // absolute
    training_->clear();
    training_->setPlan(snap.plan);
    training_->setRunConfig(snap.config);
    QVector<api::StepMetrics> steps(snap.steps.begin(), snap.steps.end());
    training_->appendSteps(steps);
    training_->appendKnn(QVector<api::KnnPoint>(snap.knn.begin(), snap.knn.end()));
    evaluation_->clear();
    evaluation_->setRunDir(abs);
    if (snap.eval) evaluation_->showReport(*snap.eval);
    pseudo_->clear();
    pseudo_->setRunDir(abs);
    if (snap.pseudo_labels) pseudo_->showReport(*snap.pseudo_labels);
    attention_->clear();
    attention_->setRunDir(abs);
    map_->clear();
    map_->setRunDir(abs);
    form_->setConfig(snap.config);
    presetBox_->setCurrentIndex(0);
    runs_->showSnapshot(snap);
    addRecentRun(abs);
    training_->appendLog(tr("Opened %1: %2 steps, status %3").arg(QDir::toNativeSeparators(abs)).arg(snap.steps.size()).arg(qs(snap.status)));
    setWindowTitle(tr("DINO Studio — %1").arg(QFileInfo(abs).fileName()));
    onStateChanged(RunController::State::Idle);
    statusBar()->showMessage(tr("Opened %1").arg(abs), 5000);
    return {};
}

QString MainWindow::exportMetricsCsv(const QString& path) {
    if (runDir().isEmpty()) return tr("No run is open.");
    try {
        api::exportRunMetrics(ss(runDir()), ss(path));
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString MainWindow::saveCheckpointAs(const QString& path, const QString& checkpoint) {
    if (runDir().isEmpty()) return tr("No run is open.");
    try {
        api::exportCheckpoint(ss(runDir()), ss(checkpoint), ss(path));
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

void MainWindow::pruneCheckpoints(int keep, int every) {
    if (runDir().isEmpty() || isTraining()) {
        Q_EMIT checkpointsPruned({}, runDir().isEmpty() ? tr("No run is open.") : tr("Stop training first."));
        return;
    }
    const std::string dir = ss(runDir());
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
    if (runDir().isEmpty()) {
        Q_EMIT encoderExported(path, tr("No run is open."));
        return;
    }
    const std::string dir = ss(runDir()), out = ss(path);
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

void MainWindow::about() { showAboutDialog(this); }

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

}  // namespace dino::ui
