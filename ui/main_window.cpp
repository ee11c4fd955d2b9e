#include "main_window.h"

#include "attention_panel.h"
#include "background_task.h"
#include "chart_export.h"
#include "config_column.h"
#include "config_document.h"
#include "config_form.h"
#include "dataset_picker.h"
#include "embedding_map_panel.h"
#include "evaluation_panel.h"
#include "experiments_panel.h"
#include "experiments_views.h"
#include "followed_run.h"
#include "main_actions.h"
#include "preview_panel.h"
#include "pseudo_label_panel.h"
#include "qt_types.h"
#include "run_follower_view.h"
#include "run_status_bar.h"
#include "runs_panel.h"
#include "shown_run.h"
#include "sweep_commands.h"
#include "sweep_dialog.h"
#include "sweep_runner.h"
#include "training_panel.h"
#include "window_geometry.h"

#include <QAction>
#include <QCloseEvent>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace dino::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    registerMetaTypes();
    setWindowIcon(QIcon(":/icons/app.svg"));
    setObjectName("mainWindow");
    controller_ = new RunController(this);
    follower_ = new RunFollowerView(this);
    actions_ = new MainActions(this);
    column_ = new ConfigColumn(action("openConfig"), action("saveConfig"), this);
    form_ = column_->form();
    doc_ = column_->document();
    buildTabs();
    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(column_);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(1, 1);
    splitter_->setSizes({360, 1000});
    splitter_->setChildrenCollapsible(false);
    setCentralWidget(splitter_);
    statusProgress_ = new RunStatusBar(statusBar(), training_);
    sweeps_ = new SweepRunner(this);
    sweepProgress_ = new SweepProgressWidget(sweeps_, statusBar());
    statusBar()->addPermanentWidget(sweepProgress_);

    commands_ = new RunCommands(this, controller_, doc_, preview_);
    shown_ = new ShownRun({controller_, &views_, doc_, actions_, training_, runs_, evaluation_, pseudo_, follower_, commands_, this},
                          [this] { stopFollowing(); }, this);
    connect(shown_, &ShownRun::opened, this, [this](const QString& dir) {
        onStateChanged(RunController::State::Idle);
        showStatus(tr("Opened %1").arg(dir), 5000);
    });
    commands_->addExports(actions_, training_->plots() + evaluation_->plots() + QList<PlotWidget*>{pseudo_->histogramPlot()});
    actions_->buildMenus(tabs_);
    connectActions();
    connectController();
    connectPanels();
    connectFollower();
    connectSweeps();
    restoreSettings();
    onStateChanged(RunController::State::Idle);
    shown_->setShown({});
    updateStartBlocked();
}

// ---- building ---------------------------------------------------------------------------------

void MainWindow::buildTabs() {
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName("tabs");
    tabs_->setDocumentMode(true);
    tabs_->setUsesScrollButtons(true);
    preview_ = new PreviewPanel(tabs_);
    training_ = new TrainingPanel(tabs_);
    evaluation_ = new EvaluationPanel(tabs_);
    pseudo_ = new PseudoLabelPanel(tabs_);
    attention_ = new AttentionPanel(tabs_);
    map_ = new EmbeddingMapPanel(tabs_);
    runs_ = new RunsPanel(tabs_);
    experiments_ = new ExperimentsPanel(tabs_);
    addStandardViews(experiments_);
    const std::tuple<QWidget*, const char*, QString> pages[] = {
        {preview_, "preview", tr("Augmentation preview")}, {training_, "start", tr("Training")},
        {evaluation_, "evaluate", tr("Evaluation")},       {pseudo_, "histogram", tr("Pseudo-labels")},
        {attention_, "attention", tr("Attention")},        {map_, "map", tr("Embedding map")},
        {runs_, "run", tr("Runs")},                        {experiments_, "experiments", tr("Experiments")}};
    for (const auto& [page, icon, title] : pages) {
        scrollWhenSmall(page);  // the window fits small screens and tiles; a page too small for it scrolls
        tabs_->addTab(page, QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), title);
    }
    views_ = {training_, evaluation_, pseudo_, attention_, map_, runs_};
}

// ---- wiring -----------------------------------------------------------------------------------

void MainWindow::connectActions() {
    auto on = [this](const QString& name, auto fn) { connect(action(name), &QAction::triggered, this, fn); };
    on("openRun", [this] { commands_->whenEditsMayGo([this] { commands_->chooseRun(); }); });
    on("openConfig", [this] { commands_->whenEditsMayGo([this] { commands_->openConfigDialog(); }); });
    on("saveConfig", [this] { commands_->saveConfigDialog(); });
    for (const PresetInfo& p : guiPresets())
        on(QStringLiteral("preset:%1").arg(p.name), [this, name = QString::fromLatin1(p.name)] {
            commands_->whenEditsMayGo([this, name] { applyPreset(name); });
        });
    on("quit", [this] { close(); });
    on("start", [this] { startTraining(); });
    on("pause", [this] { togglePause(); });
    on("stop", [this] { stopTraining(); });
    on("continue", [this] { continueTraining(); });
    on("evaluate", [this] {
        tabs_->setCurrentWidget(evaluation_);
        evaluation_->evaluate();
    });
    on("pseudoLabels", [this] {
        tabs_->setCurrentWidget(pseudo_);
        pseudo_->compute();
    });
    connect(column_, &ConfigColumn::presetChosen, this, [this](const QString& name) { action("preset:" + name)->trigger(); });
    connect(commands_, &RunCommands::runChosen, shown_, &ShownRun::openShowingError);
    connect(commands_, &RunCommands::statusMessage, this, &MainWindow::showStatus);
    connect(commands_, &RunCommands::runChanged, shown_, &ShownRun::reloadSummary);
    connect(commands_, &RunCommands::encoderExported, this, &MainWindow::encoderExported);
    connect(commands_, &RunCommands::checkpointsPruned, this, &MainWindow::checkpointsPruned);
}

// The panels observe the run controller.
void MainWindow::connectController() {
    connect(controller_, &RunController::stateChanged, this, &MainWindow::onStateChanged);
    connect(controller_, &RunController::stateChanged, statusProgress_, &RunStatusBar::setState);
    connect(controller_, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(controller_, &RunController::planReady, training_, &TrainingPanel::setPlan);
    // The plan says how many processes the run has: the pause action follows (the controller knows it now).
    connect(controller_, &RunController::planReady, this, [this] { onStateChanged(controller_->state()); });
    connect(controller_, &RunController::stepsReady, training_, &TrainingPanel::appendSteps);
    connect(controller_, &RunController::evalReady, evaluation_, &EvaluationPanel::showReport);
    connect(controller_, &RunController::knnReady, training_, [this](const api::KnnPoint& p) { training_->appendKnn({p}); });
    connect(controller_, &RunController::evalProgress, evaluation_, &EvaluationPanel::setProgress);
    // Epochs are logged by the engine (log.txt and onLog); the epoch signal refreshes the run summary.
    connect(controller_, &RunController::epochDone, this, [this] { shown_->reloadSummary(); });
    connect(controller_, &RunController::logLine, training_, &TrainingPanel::appendLog);
    connect(controller_, &RunController::finished, this, &MainWindow::onFinished);
    connect(controller_, &RunController::failed, this, &MainWindow::onFailed);
}

void MainWindow::connectPanels() {
    connect(form_, &ConfigForm::configChanged, this, [this](const QString& key) {
        if (key.isEmpty() || key.startsWith("views.") || key.startsWith("data.") || key == "system.seed")
            preview_->setConfig(form_->config());
        updateStartBlocked();
        updateFormPlan();
    });
    connect(form_, &ConfigForm::validityChanged, this, &MainWindow::updateStartBlocked);
    connect(doc_, &ConfigDocument::changed, shown_, &ShownRun::updateTitle);
    connect(form_->datasetPicker(), &DatasetPicker::inspected, preview_, &PreviewPanel::setDatasetSize);
    connect(form_->datasetPicker(), &DatasetPicker::inspected, this, &MainWindow::updateFormPlan);
    connect(training_, &TrainingPanel::startRequested, this, &MainWindow::startTraining);
    connect(training_, &TrainingPanel::pauseRequested, this, [this] { togglePause(); });
    connect(training_, &TrainingPanel::stopRequested, this, &MainWindow::stopTraining);
    connect(training_, &TrainingPanel::applyAdviceRequested, this, [this](const RunConfig& advised) {
        form_->setConfig(advised);  // modified, unsaved: the user looks at it and starts it
        showStatus(tr("The collapse guard's advice is in the configuration; press Start for a new run."), 8000);
    });
    connect(evaluation_, &EvaluationPanel::evaluated, shown_, &ShownRun::reloadSummary);
    connect(pseudo_, &PseudoLabelPanel::computed, shown_, &ShownRun::reloadSummary);
    // The checkpoint lists of the inspection tabs follow the run (new epochs appear while it trains).
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        if (runDir().isEmpty()) return;
        if (tabs_->currentWidget() == attention_) attention_->setRunDir(runDir());
        if (tabs_->currentWidget() == map_) map_->setRunDir(runDir());
    });
    connect(runs_, &RunsPanel::openRequested, action("openRun"), &QAction::trigger);
    connect(runs_, &RunsPanel::openRun, shown_, &ShownRun::openAsking);
    connect(runs_, &RunsPanel::continueRequested, action("continue"), &QAction::trigger);
    connect(runs_, &RunsPanel::runsFolderChanged, this, &MainWindow::setRunsFolder);
    connect(experiments_, &ExperimentsPanel::openRun, shown_, &ShownRun::openAsking);
    commands_->attach(runs_);
    connect(actions_, &MainActions::recentChosen, shown_, &ShownRun::openAsking);
    connect(actions_, &MainActions::recentRunsChanged, runs_, &RunsPanel::setRecent);
}

// A run another process trains, followed (followed_run.h): its rows go to the views in-process training feeds.
void MainWindow::connectFollower() {
    following_ = new FollowedRun(follower_, {training_, evaluation_, runs_, pseudo_, attention_, map_, tabs_, statusProgress_},
                                 [this] { return runDir(); }, [this] { return isTraining(); }, this);
    connect(following_, &FollowedRun::stateChanged, this, [this] { onStateChanged(controller_->state()); });
    connect(following_, &FollowedRun::message, this, [this](const QString& text, int ms) { showStatus(text, ms); });
    connect(following_, &FollowedRun::ended, this, &MainWindow::followEnded);
}

bool MainWindow::isFollowing() const { return follower_->isFollowing(); }

void MainWindow::stopFollowing() { following_->stop(); }

// Sweeps (sweep_commands.h): the dialog builds the spec, the runner runs `dino sweep` as a child process.
void MainWindow::connectSweeps() {
    sweepCommands_ = new SweepCommands(this, sweeps_, commands_, training_, experiments_, [this] { return runsFolder(); },
                                       [this] { return form_->config(); });
    sweepCommands_->connectActions(action("newSweep"), action("resumeSweep"));
    connect(sweepCommands_, &SweepCommands::message, this, [this](const QString& text, int ms) { showStatus(text, ms); });
    connect(sweepCommands_, &SweepCommands::started, this, &MainWindow::sweepStarted);
    connect(sweepCommands_, &SweepCommands::finished, this, &MainWindow::sweepFinished);
    connect(sweepCommands_, &SweepCommands::closeNow, this, &MainWindow::close);
}

SweepDialog* MainWindow::showSweepDialog() { return sweepCommands_->showDialog(); }

QString MainWindow::resumeSweep(const QString& dir, bool retryFailed) { return sweepCommands_->resume(dir, retryFailed); }
void MainWindow::resumeSweepAsking(const QString& dir) { sweepCommands_->resumeAsking(dir); }

// ---- settings ---------------------------------------------------------------------------------

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value("window/geometry").toByteArray())) resize(defaultWindowSize(this));
    openedSize_ = size();
    restoreState(s.value("window/state").toByteArray());
    if (s.contains("window/splitter")) splitter_->restoreState(s.value("window/splitter").toByteArray());
    actions_->setRecentRuns(s.value("runs/recent").toStringList());
    runs_->setRunsFolder(runsFolder());
    experiments_->setRunsFolder(runsFolder());
    doc_->restoreState();
    tabs_->setCurrentIndex(std::clamp(s.value("ui/tab", 0).toInt(), 0, tabs_->count() - 1));
}

void MainWindow::saveSettings() {
    QSettings s;
    s.setValue("window/geometry", saveGeometry());
    s.setValue("window/state", saveState());
    s.setValue("window/splitter", splitter_->saveState());
    s.setValue("ui/tab", tabs_->currentIndex());
    doc_->saveState();
}

void MainWindow::setRunsFolder(const QString& dir) {
    QSettings().setValue("runs/folder", dir);
    runs_->setRunsFolder(dir);
    experiments_->setRunsFolder(dir);
}

// A window shown at its default or restored size fits the screen with its frame (known once shown);
// a size the program set is kept.
void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    if (openedSize_ == size()) QTimer::singleShot(0, this, [this] { fitToScreen(this); });
    openedSize_ = {};
}

// ---- configuration ----------------------------------------------------------------------------

void MainWindow::updateStartBlocked() {
    const QString reason = form_->isValid() ? QString() : form_->firstProblem();
    training_->setStartBlocked(reason);
    action("start")->setEnabled(reason.isEmpty() && !isTraining());
}

// Before Start, the schedule charts show the plan of the form (a warm-up being edited can be seen);
// an opened run unchanged in the form keeps its own plan.
void MainWindow::updateFormPlan() {
    if (isTraining() || (doc_->source() == ConfigDocument::Source::Run && !doc_->isModified())) return;
    if (const auto plan = column_->formPlan()) training_->setPlan(*plan);
}

// ---- training ---------------------------------------------------------------------------------

// The controller's state, shown: the panels' buttons, the actions, the form's lock.
void MainWindow::onStateChanged(RunController::State s) {
    using S = RunController::State;
    training_->setState(s);
    const bool idle = s == S::Idle;
    action("start")->setEnabled(idle && form_->isValid());
    action("pause")->setEnabled((s == S::Running || s == S::Paused) && controller_->canPause());
    action("pause")->setText(s == S::Paused ? tr("&Resume") : tr("&Pause"));
    action("stop")->setEnabled(!idle && s != S::Stopping);
    action("continue")->setEnabled(idle && !runDir().isEmpty() && !follower_->isFollowing());
    for (const char* name : {"openRun", "openConfig"}) action(name)->setEnabled(idle);
    for (const PresetInfo& p : guiPresets()) action(QStringLiteral("preset:%1").arg(p.name))->setEnabled(idle);
    column_->setLocked(!idle);
    for (RunView* v : std::as_const(views_)) v->setTrainingActive(!idle);
}

void MainWindow::startTraining() {
    if (isTraining()) return;
    if (!form_->isValid()) {
        commands_->showError(tr("Cannot start"), form_->firstProblem());
        return;
    }
    stopFollowing();
    for (RunView* v : std::as_const(views_)) v->clearRun();
    tabs_->setCurrentWidget(training_);
    const QString err = controller_->start(form_->config(), runsFolder());
    if (!err.isEmpty()) commands_->showError(tr("Cannot start"), err);
}

void MainWindow::continueTraining() {
    if (isTraining() || runDir().isEmpty()) return;
    if (follower_->isFollowing()) {
        commands_->showError(tr("Cannot continue"), tr("Another process is training this run (%1); it has one writer at a time.")
                                                        .arg(follower_->writerText()));
        return;
    }
    stopFollowing();  // the window's own writer is no other process to watch for
    tabs_->setCurrentWidget(training_);
    const QString err = controller_->resume();
    if (!err.isEmpty()) commands_->showError(tr("Cannot continue"), err);
}

void MainWindow::togglePause() {
    const bool pausing = controller_->state() == RunController::State::Running;
    if (controller_->togglePause() && pausing) showStatus(tr("Paused after the current step"), 4000);
}

void MainWindow::stopTraining() {
    using S = RunController::State;
    if (controller_->state() != S::Running && controller_->state() != S::Paused && controller_->state() != S::Starting)
        return;
    commands_->confirm(tr("Stop training?"),
                       tr("The run stops after the current step and keeps a checkpoint; you can continue it later "
                          "from the Runs tab."),
                       tr("Stop training"), [this] { controller_->stop(); });
}

void MainWindow::onRunStarted(const QString& dir, const RunConfig& cfg) { shown_->started(dir, cfg, form_->config()); }

// A run ended: the summary and the log follow; true when the window waits for it to close.
bool MainWindow::runEnded(const QString& log) {
    shown_->reloadSummary();
    training_->appendLog(log);
    return closePending_;
}

void MainWindow::onFinished(bool cancelled) {
    const bool closing = runEnded(cancelled ? tr("Stopped; the last checkpoint is kept. Continue it from the Runs tab.")
                                            : tr("Training finished."));
    showStatus(cancelled ? tr("Training stopped") : tr("Training finished"), 8000);
    Q_EMIT trainingFinished(cancelled);
    if (!(closing && close())) shown_->showEnd(cancelled);
}

void MainWindow::onFailed(const QString& message) {
    const bool closing = runEnded(tr("Error: %1").arg(message));
    Q_EMIT trainingFailed(message);
    if (!(closing && close())) commands_->showError(tr("Training stopped"), message);
}

// ---- runs -------------------------------------------------------------------------------------

QString MainWindow::openRun(const QString& dir) { return shown_->open(dir); }

// ---- closing ----------------------------------------------------------------------------------

void MainWindow::showStatus(const QString& text, int timeoutMs) const { statusBar()->showMessage(text, timeoutMs); }

void MainWindow::closeEvent(QCloseEvent* e) {
    if (sweepCommands_->holdClose()) {  // a sweep runs: asked, then stopped; the window closes when it ended
        e->ignore();
        return;
    }
    if (!isTraining()) {
        saveSettings();
        follower_->stop();
        BackgroundTask::cancelAll();  // every panel's computation, download and export: cancelled and waited for
        e->accept();
        return;
    }
    e->ignore();
    if (closePending_) return;  // already stopping; the window closes when the checkpoint is written
    commands_->confirm(tr("Training is running"),
                       tr("Stop training, keep a checkpoint of the run and quit?\n\nYou can continue the run later "
                          "from the Runs tab."),
                       tr("Stop and quit"), [this] {
                           closePending_ = true;
                           controller_->stop();
                       });
}

}  // namespace dino::ui
