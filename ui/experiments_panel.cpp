#include "experiments_panel.h"

#include "background_task.h"
#include "qt_types.h"
#include "runs_table_model.h"

#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/run_tags.h"
#include "api/sweep.h"
#include "common/fsutil.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <set>

namespace dino::ui {
namespace {

namespace fs = std::filesystem;
using CachedRun = ExperimentsPanel::CachedRun;

const char* const kAllStates[] = {"training", "finished", "stopped", "failed", "collapsed", "created"};

QString stateLabel(const char* s) {
    const QString k = QString::fromLatin1(s);
    if (k == "training") return ExperimentsPanel::tr("training");
    if (k == "finished") return ExperimentsPanel::tr("finished");
    if (k == "stopped") return ExperimentsPanel::tr("stopped");
    if (k == "failed") return ExperimentsPanel::tr("failed");
    if (k == "collapsed") return ExperimentsPanel::tr("collapsed");
    return ExperimentsPanel::tr("created");
}

// The files whose changes make a run's row be read again, and whether its lock is held.
std::vector<int64_t> stampOf(const std::string& dir) {
    static const char* const files[] = {"config.json", "status.json", "metrics.csv", "knn.csv", "eval.json",
                                        "tags.json",   "pseudo_labels.json", "writer.json", "log.txt",
                                        "sweep-trial.json"};  // a sweep marks a pruned trial after it ended
    std::vector<int64_t> s;
    for (const char* f : files) {
        struct stat st {};
        if (::stat((fs::path(dir) / f).c_str(), &st) == 0) {
            s.push_back(static_cast<int64_t>(st.st_size));
            s.push_back(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec);
            s.push_back(static_cast<int64_t>(st.st_ino));
        } else {
            s.insert(s.end(), {-1, 0, 0});
        }
    }
    s.push_back(api::runWriterAny(dir) ? 1 : 0);
    return s;
}

// The sweep folder (holding sweep.json) above a run, up to four levels up; "" when none.
std::string sweepOf(const std::string& dir) {
    fs::path p = fs::path(dir).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    std::error_code ec;
    for (int i = 0; i < 4 && p.has_parent_path() && p.parent_path() != p; ++i) {
        p = p.parent_path();
        if (fs::is_regular_file(p / "sweep.json", ec)) return p.string();
    }
    return {};
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// What the text filter matches, lower-case: the name, status, sweep, tags and the fields' values, then
// (after a NUL) every field as key=value. A word with '=' is looked for in the second part only, any
// other word in the first, so that "keep" finds a tag rather than every run's config key.
std::string searchText(const CachedRun& c) {
    std::string s = c.row.name + "\n" + api::runStateName(c.row.state) + "\n" + fs::path(c.sweep).filename().string() + "\n";
    for (const auto& t : c.row.tags) s += t + "\n";
    std::string fields;
    if (c.row.error.empty())
        for (const auto& [k, v] : api::configFieldValues(c.row.config)) {
            const bool quoted = v.size() >= 2 && v.front() == '"' && v.back() == '"';
            const std::string value = quoted ? v.substr(1, v.size() - 2) : v;
            s += value + "\n";
            fields += k + "=" + value + "\n";
        }
    return lower(s + std::string(1, '\0') + fields);
}

bool matches(const std::string& search, const std::string& word) {
    const size_t split = search.find('\0');
    const bool field = word.find('=') != std::string::npos;
    const size_t at = search.find(word, field && split != std::string::npos ? split : 0);
    return at != std::string::npos && (field || at < split);
}

// One read of the folders: off the GUI thread, reusing the cached rows whose files did not change.
struct ReadJob {
    std::vector<std::string> folders;
    std::string runsFolder;  // not there yet (no run trained): no runs, not an error
    std::map<std::string, CachedRun> cache;  // in: the previous read; out: this one
    std::vector<std::string> order;
    QStringList errors;
    bool active = false;

    void run(const std::atomic<bool>* cancel) {
        std::map<std::string, CachedRun> out;
        std::set<std::string> sweeps;
        for (const auto& folder : folders) {
            std::vector<std::pair<std::string, std::string>> found;
            std::error_code ec;
            if (folder == runsFolder && !fs::exists(folder, ec)) continue;
            try {
                found = api::findRuns({folder});
            } catch (const std::exception& e) {
                errors << qs(e.what());
                continue;
            }
            for (const auto& [dir, name] : found) {
                if (cancel->load()) return;
                if (out.count(dir)) continue;  // listed by two folders
                std::vector<int64_t> stamp = stampOf(dir);
                auto it = cache.find(dir);
                CachedRun c;
                if (it != cache.end() && it->second.stamp == stamp && it->second.row.name == name) {
                    c = std::move(it->second);
                } else {
                    c.row = api::readRunRow(dir, name);
                    c.sweep = sweepOf(dir);
                    c.stamp = std::move(stamp);
                    c.search = searchText(c);
                }
                if (c.row.state == api::RunState::Training) active = true;
                if (!c.sweep.empty()) sweeps.insert(c.sweep);
                order.push_back(dir);
                out.emplace(dir, std::move(c));
            }
        }
        // A sweep between two trials has no run training, but will have one in a moment.
        for (const auto& s : sweeps) {
            if (active) break;
            try {
                const api::SweepState st = api::loadSweepState(s);
                for (const auto& t : st.trials)
                    if (t.state == "running") active = true;
            } catch (const std::exception&) {
                // a sweep being created, or not ours to judge: its runs say what they do
            }
        }
        cache = std::move(out);
    }
};

QString sizeText(int64_t bytes) { return qs(formatBytes(bytes)); }

}  // namespace

ExperimentsPanel::ExperimentsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("experimentsPanel");
    model_ = new RunsTableModel(this);
    proxy_ = new RunsSortProxy(this);
    proxy_->setSourceModel(model_);
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &ExperimentsPanel::refresh);
    confirm_ = [this](const QString& title, const QString& text, const QString& yes, std::function<void(bool)> answer) {
        auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, this);
        box->setObjectName("deleteRunsQuestion");
        QPushButton* ok = box->addButton(yes, QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        connect(box, &QMessageBox::finished, this, [box, ok, answer] { answer(box->clickedButton() == ok); });
        box->open();
    };
    buildUi();
    loadSettings();
    updateActions();
}

ExperimentsPanel::~ExperimentsPanel() {
    if (task_) task_->cancel();
}

// ---- building ---------------------------------------------------------------------------------

void ExperimentsPanel::buildUi() {
    // Row 1: where the runs come from, and the summary.
    foldersButton_ = new QToolButton(this);
    foldersButton_->setObjectName("foldersButton");
    foldersButton_->setText(tr("Folders"));
    foldersButton_->setToolTip(tr("The folders whose runs are listed: the runs folder, and folders you add"));
    foldersButton_->setPopupMode(QToolButton::InstantPopup);
    auto* foldersMenu = new QMenu(foldersButton_);
    foldersButton_->setMenu(foldersMenu);
    connect(foldersMenu, &QMenu::aboutToShow, this, [this, foldersMenu] {
        foldersMenu->clear();
        if (!runsFolder_.isEmpty()) {
            QAction* a = foldersMenu->addAction(tr("%1 (the runs folder)").arg(QDir::toNativeSeparators(runsFolder_)));
            a->setEnabled(false);
        }
        for (const QString& f : std::as_const(extraFolders_))
            foldersMenu->addAction(tr("Remove %1").arg(QDir::toNativeSeparators(f)), this, [this, f] { removeFolder(f); });
        foldersMenu->addSeparator();
        foldersMenu->addAction(tr("Add folder…"), this, [this] {
            auto* d = new QFileDialog(this, tr("Add a folder of runs"), runsFolder_);
            d->setFileMode(QFileDialog::Directory);
            d->setOption(QFileDialog::ShowDirsOnly);
            d->setAttribute(Qt::WA_DeleteOnClose);
            connect(d, &QFileDialog::fileSelected, this, [this](const QString& dir) { addFolder(dir); });
            d->open();
        });
    });
    foldersLabel_ = new QLabel(this);
    foldersLabel_->setObjectName("foldersLabel");
    foldersLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    foldersLabel_->setMinimumWidth(100);
    foldersLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    summary_ = new QLabel(this);
    summary_->setObjectName("runsSummary");
    refresh_ = new QPushButton(tr("Refresh"), this);
    refresh_->setToolTip(tr("Read the runs again now (the table also follows them by itself)"));
    connect(refresh_, &QPushButton::clicked, this, &ExperimentsPanel::refresh);
    auto* row1 = new QHBoxLayout;
    row1->addWidget(foldersButton_);
    row1->addWidget(foldersLabel_, 1);
    row1->addWidget(summary_);
    row1->addWidget(refresh_);

    // Row 2: filters and table options, then the actions.
    filter_ = new QLineEdit(this);
    filter_->setObjectName("runsFilter");
    filter_->setClearButtonEnabled(true);
    filter_->setPlaceholderText(tr("Filter: name, tag, sweep, lr=0.001 …"));
    filter_->setToolTip(tr("Shows the runs whose name, tags, sweep, status or a setting (as key=value, e.g. "
                           "optim.lr=0.001) contain every word typed"));
    filter_->setMinimumWidth(140);
    connect(filter_, &QLineEdit::textChanged, this, &ExperimentsPanel::setTextFilter);
    statusButton_ = new QToolButton(this);
    statusButton_->setObjectName("statusFilter");
    statusButton_->setPopupMode(QToolButton::InstantPopup);
    auto* statusMenu = new QMenu(statusButton_);
    for (const char* s : kAllStates) {
        QAction* a = statusMenu->addAction(stateLabel(s));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(QString::fromLatin1(s));
        connect(a, &QAction::toggled, this, [this, statusMenu] {
            QStringList on;
            for (QAction* x : statusMenu->actions())
                if (x->isChecked()) on << x->data().toString();
            setStatusFilter(on.size() == int(std::size(kAllStates)) ? QStringList() : on);
        });
    }
    statusButton_->setMenu(statusMenu);
    group_ = new QCheckBox(tr("Group seeds"), this);
    group_->setObjectName("groupSeeds");
    group_->setToolTip(tr("One row per group of runs that differ only in system.seed: results as mean ± sample "
                          "standard deviation, and n"));
    hidden_ = new QCheckBox(tr("Show hidden"), this);
    hidden_->setObjectName("showHidden");
    allFields_ = new QCheckBox(tr("All fields"), this);
    allFields_->setObjectName("allFields");
    allFields_->setToolTip(tr("Every configuration field as a column, not only those that differ between the runs shown"));
    for (QCheckBox* b : {group_, hidden_, allFields_})
        connect(b, &QCheckBox::toggled, this, [this] {
            saveSettings();
            rebuild();
        });

    open_ = new QPushButton(QIcon(":/icons/open.svg"), tr("Open"), this);
    open_->setToolTip(tr("Open the run in the window (double-click does the same)"));
    connect(open_, &QPushButton::clicked, this, &ExperimentsPanel::openSelected);
    tag_ = new QPushButton(tr("Tag…"), this);
    tag_->setToolTip(tr("Add or remove tags of the selected runs (kept in each run's tags.json)"));
    connect(tag_, &QPushButton::clicked, this, &ExperimentsPanel::tagDialog);
    hide_ = new QPushButton(tr("Hide"), this);
    hide_->setToolTip(tr("Hide the selected runs from the table (Show hidden brings them back)"));
    connect(hide_, &QPushButton::clicked, this, [this] {
        const QStringList dirs = selectedDirs();
        bool allHidden = !dirs.isEmpty();
        for (const QString& d : dirs) allHidden = allHidden && cache_.count(ss(d)) && cache_.at(ss(d)).row.hidden;
        setRunsHidden(dirs, !allHidden);
    });
    delete_ = new QPushButton(tr("Delete…"), this);
    delete_->setToolTip(tr("Delete the selected run folders from disk (asks first)"));
    connect(delete_, &QPushButton::clicked, this, [this] { deleteRuns(selectedDirs()); });

    auto* row2 = new QHBoxLayout;
    row2->addWidget(filter_, 2);
    row2->addWidget(statusButton_);
    row2->addWidget(group_);
    row2->addWidget(allFields_);
    row2->addWidget(hidden_);
    row2->addSpacing(12);
    row2->addWidget(open_);
    row2->addWidget(tag_);
    row2->addWidget(hide_);
    row2->addWidget(delete_);

    // The brushing filter of a view.
    filterBar_ = new QWidget(this);
    filterBar_->setObjectName("runFilterBar");
    filterLabel_ = new QLabel(filterBar_);
    auto* clear = new QPushButton(tr("Clear"), filterBar_);
    connect(clear, &QPushButton::clicked, this, [this] { onRunFilterChanged({}, false); });
    auto* fb = new QHBoxLayout(filterBar_);
    fb->setContentsMargins(0, 0, 0, 0);
    fb->addWidget(filterLabel_);
    fb->addWidget(clear);
    fb->addStretch(1);
    filterBar_->hide();

    table_ = new QTableView(this);
    table_->setObjectName("runsTable");
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);  // run names differ at their ends (…-seed0, …-seed1)
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setTextElideMode(Qt::ElideRight);  // a long field label: its tooltip has it all
    table_->horizontalHeader()->setHighlightSections(false);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->sortByColumn(-1, Qt::AscendingOrder);
    connect(table_, &QTableView::customContextMenuRequested, this, &ExperimentsPanel::showContextMenu);
    // Keys on the table: Enter opens the run, Delete asks to delete the selection.
    auto* openKey = new QAction(table_);
    openKey->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    openKey->setShortcutContext(Qt::WidgetShortcut);
    connect(openKey, &QAction::triggered, this, &ExperimentsPanel::openSelected);
    auto* deleteKey = new QAction(table_);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, [this] { deleteRuns(selectedDirs()); });
    table_->addActions({openKey, deleteKey});
    connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& i) {
        const QStringList dirs = i.data(RunsTableModel::DirsRole).toStringList();
        if (!dirs.isEmpty()) Q_EMIT openRun(dirs.front());
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        fanOutSelection();
    });

    buildFrozenColumn();

    views_ = new QTabWidget(this);
    views_->setObjectName("experimentViews");
    views_->setDocumentMode(true);
    views_->hide();  // until a view is added

    auto* top = new QWidget(this);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(filterBar_);
    tl->addWidget(table_);
    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->addWidget(top);
    splitter_->addWidget(views_);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    splitter_->setChildrenCollapsible(false);

    auto* lay = new QVBoxLayout(this);
    lay->addLayout(row1);
    lay->addLayout(row2);
    lay->addWidget(splitter_, 1);
}

// The run names stay at the left while the many columns scroll sideways (as W&B pins the name): a second
// view over the same model and selection, showing only the first column, laid over the table's.
void ExperimentsPanel::buildFrozenColumn() {
    frozen_ = new QTableView(table_);
    frozen_->setObjectName("runsTableNames");
    frozen_->setModel(proxy_);
    frozen_->setSelectionModel(table_->selectionModel());
    frozen_->setFocusPolicy(Qt::NoFocus);
    frozen_->setSelectionBehavior(QAbstractItemView::SelectRows);
    frozen_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    frozen_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    frozen_->setAlternatingRowColors(true);
    frozen_->setWordWrap(false);
    frozen_->setTextElideMode(Qt::ElideMiddle);
    frozen_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    frozen_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    frozen_->setVerticalScrollMode(table_->verticalScrollMode());
    frozen_->verticalHeader()->hide();
    frozen_->verticalHeader()->setDefaultSectionSize(table_->verticalHeader()->defaultSectionSize());
    frozen_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    frozen_->horizontalHeader()->setSortIndicatorShown(true);
    frozen_->horizontalHeader()->setHighlightSections(false);
    frozen_->setFrameShape(QFrame::NoFrame);
    frozen_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->viewport()->stackUnder(frozen_);
    // Sorting by name from its header; the indicators of both headers agree.
    connect(frozen_->horizontalHeader(), &QHeaderView::sectionClicked, this, [this] {
        QHeaderView* h = table_->horizontalHeader();
        const bool ascending = h->sortIndicatorSection() != 0 || h->sortIndicatorOrder() == Qt::DescendingOrder;
        table_->sortByColumn(0, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    });
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section, Qt::SortOrder order) {
        frozen_->horizontalHeader()->setSortIndicator(section == 0 ? 0 : -1, order);
    });
    connect(frozen_->verticalScrollBar(), &QScrollBar::valueChanged, table_->verticalScrollBar(), &QScrollBar::setValue);
    connect(table_->verticalScrollBar(), &QScrollBar::valueChanged, frozen_->verticalScrollBar(), &QScrollBar::setValue);
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical == 0) updateFrozenColumn();
    });
    connect(table_->horizontalHeader(), &QHeaderView::geometriesChanged, this, &ExperimentsPanel::updateFrozenColumn);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ExperimentsPanel::updateFrozenColumn);
    connect(frozen_, &QTableView::doubleClicked, table_, &QTableView::doubleClicked);
    connect(frozen_, &QTableView::customContextMenuRequested, this,
            [this](const QPoint& pos) { showContextMenu(table_->viewport()->mapFromGlobal(frozen_->viewport()->mapToGlobal(pos))); });
    table_->installEventFilter(this);
    updateFrozenColumn();
}

void ExperimentsPanel::updateFrozenColumn() {
    if (!frozen_) return;
    for (int c = 1; c < proxy_->columnCount(); ++c) frozen_->setColumnHidden(c, true);
    if (proxy_->columnCount() == 0) {
        frozen_->hide();
        return;
    }
    frozen_->setColumnHidden(0, false);
    frozen_->setColumnWidth(0, table_->columnWidth(0));
    frozen_->horizontalHeader()->setFixedHeight(table_->horizontalHeader()->height());
    frozen_->setGeometry(table_->verticalHeader()->width() + table_->frameWidth(), table_->frameWidth(),
                         table_->columnWidth(0), table_->viewport()->height() + table_->horizontalHeader()->height());
    frozen_->verticalScrollBar()->setValue(table_->verticalScrollBar()->value());
    frozen_->show();
}

bool ExperimentsPanel::eventFilter(QObject* watched, QEvent* e) {
    if (watched == table_ && (e->type() == QEvent::Resize || e->type() == QEvent::LayoutRequest)) updateFrozenColumn();
    return QWidget::eventFilter(watched, e);
}

void ExperimentsPanel::loadSettings() {
    QSettings s;
    extraFolders_ = s.value("experiments/folders").toStringList();
    const QSignalBlocker b1(group_), b2(hidden_), b3(allFields_);
    group_->setChecked(s.value("experiments/groupSeeds", true).toBool());
    hidden_->setChecked(s.value("experiments/showHidden", false).toBool());
    allFields_->setChecked(s.value("experiments/allFields", false).toBool());
    setStatusFilter({});
    updateFolderLabel();
}

void ExperimentsPanel::saveSettings() const {
    QSettings s;
    s.setValue("experiments/folders", extraFolders_);
    s.setValue("experiments/groupSeeds", group_->isChecked());
    s.setValue("experiments/showHidden", hidden_->isChecked());
    s.setValue("experiments/allFields", allFields_->isChecked());
}

void ExperimentsPanel::addView(const QString& title, QWidget* w, ExperimentsView* v) {
    views_->addTab(w, title);
    views_->show();
    viewList_ << v;
    w->setProperty("experimentsViewTitle", title);
    if (w->metaObject()->indexOfSignal("runFilterChanged(QStringList,bool)") >= 0)
        connect(w, SIGNAL(runFilterChanged(QStringList, bool)), this, SLOT(onRunFilterChanged(QStringList, bool)));
    v->showTable(visible_);
    v->showSelection(selectedTable());
}

// ---- folders ----------------------------------------------------------------------------------

void ExperimentsPanel::setRunsFolder(const QString& dir) {
    const QString clean = dir.isEmpty() ? QString() : QDir::cleanPath(dir);
    if (clean == runsFolder_) return;
    runsFolder_ = clean;
    updateFolderLabel();
    if (isVisible()) refresh();  // else when the tab is shown
}

QStringList ExperimentsPanel::folders() const {
    QStringList f;
    if (!runsFolder_.isEmpty()) f << runsFolder_;
    for (const QString& e : extraFolders_)
        if (!f.contains(e)) f << e;
    return f;
}

void ExperimentsPanel::addFolder(const QString& dir) {
    const QString clean = QDir::cleanPath(dir);
    if (clean.isEmpty() || folders().contains(clean)) return;
    extraFolders_ << clean;
    saveSettings();
    updateFolderLabel();
    if (isVisible()) refresh();
}

void ExperimentsPanel::removeFolder(const QString& dir) {
    if (!extraFolders_.removeAll(QDir::cleanPath(dir))) return;
    saveSettings();
    updateFolderLabel();
    if (isVisible()) refresh();
}

void ExperimentsPanel::updateFolderLabel() {
    QStringList shown;
    for (const QString& f : folders()) shown << QDir::toNativeSeparators(f);
    const QString text = shown.isEmpty() ? tr("no folder") : shown.join(QStringLiteral("; "));
    foldersLabel_->setText(text);
    foldersLabel_->setToolTip(shown.join(QLatin1Char('\n')));
}

// ---- reading ----------------------------------------------------------------------------------

void ExperimentsPanel::setPollIntervals(int activeMs, int idleMs) {
    activeMs_ = activeMs;
    idleMs_ = idleMs;
    scheduleNext();
}

void ExperimentsPanel::refresh() {
    if (task_) {
        again_ = true;
        return;
    }
    timer_->stop();
    auto job = std::make_shared<ReadJob>();
    for (const QString& f : folders()) job->folders.push_back(ss(f));
    job->cache = cache_;
    job->runsFolder = ss(runsFolder_);
    task_ = BackgroundTask::start(this, [job](const std::atomic<bool>* cancel, const BackgroundTask::ProgressFn&) {
        job->run(cancel);
    });
    connect(task_, &BackgroundTask::finished, this, [this, job](const QString& error, bool cancelled) {
        task_ = nullptr;
        if (!cancelled) {
            if (!error.isEmpty()) job->errors << error;
            applyRead(job->order, std::move(job->cache), job->errors, job->active);
        }
        if (again_) {
            again_ = false;
            refresh();
        } else {
            scheduleNext();
        }
    });
}

void ExperimentsPanel::scheduleNext() {
    if (task_ || !isVisible()) return;
    timer_->start(active_ ? activeMs_ : idleMs_);
}

void ExperimentsPanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    refresh();
}

void ExperimentsPanel::hideEvent(QHideEvent* e) {
    QWidget::hideEvent(e);
    timer_->stop();
}

void ExperimentsPanel::applyRead(const std::vector<std::string>& order, std::map<std::string, CachedRun> cache,
                                 const QStringList& errors, bool active) {
    order_ = order;
    cache_ = std::move(cache);
    folderErrors_ = errors;
    active_ = active;
    ++reads_;
    rebuild();
    Q_EMIT refreshed();
}

// ---- the table --------------------------------------------------------------------------------

void ExperimentsPanel::setTextFilter(const QString& text) {
    if (filter_->text() != text) {
        const QSignalBlocker b(filter_);
        filter_->setText(text);
    }
    text_ = text;
    rebuild();
}

void ExperimentsPanel::setStatusFilter(const QStringList& states) {
    states_ = states;
    for (QAction* a : statusButton_->menu()->actions()) {
        const QSignalBlocker b(a);
        a->setChecked(states.isEmpty() || states.contains(a->data().toString()));
    }
    statusButton_->setText(states.isEmpty() ? tr("Status: all") : tr("Status: %1 of %2").arg(states.size()).arg(std::size(kAllStates)));
    rebuild();
}

QStringList ExperimentsPanel::statusFilter() const { return states_; }

void ExperimentsPanel::setGroupSeeds(bool on) { group_->setChecked(on); }
void ExperimentsPanel::setShowHidden(bool on) { hidden_->setChecked(on); }
void ExperimentsPanel::setAllFields(bool on) { allFields_->setChecked(on); }

void ExperimentsPanel::rebuild() {
    if (!model_ || !group_) return;
    // The rows that pass the filters, in the order found.
    QStringList words;
    for (const QString& w : text_.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) words << w;
    std::vector<api::RunRow> rows;
    std::vector<QString> sweeps;
    int training = 0;
    for (const auto& dir : order_) {
        const CachedRun& c = cache_.at(dir);
        if (c.row.state == api::RunState::Training) ++training;
        if (c.row.hidden && !hidden_->isChecked()) continue;
        if (!states_.isEmpty() && !states_.contains(QString::fromLatin1(api::runStateName(c.row.state)))) continue;
        bool match = true;
        for (const QString& w : words) match = match && matches(c.search, ss(w));
        if (!match) continue;
        rows.push_back(c.row);
        sweeps.push_back(qs(c.sweep));
    }
    api::RunTableOptions opt;
    opt.group_seeds = group_->isChecked();
    opt.all_fields = allFields_->isChecked();
    api::RunTable t = api::makeRunTable(std::move(rows), opt);

    // The model is updated in place when its columns stay; otherwise it is reset, and the selection and
    // the sorted column are put back by run and by key.
    const QStringList selected = selectedDirs();
    const int sortSection = table_->horizontalHeader()->sortIndicatorSection();
    const Qt::SortOrder order = table_->horizontalHeader()->sortIndicatorOrder();
    const QString sortKey = sortSection >= 0 ? model_->headerData(sortSection, Qt::Horizontal, RunsTableModel::KeyRole).toString()
                                             : QString();
    const bool reset = model_->setTable(t, sweeps);
    if (reset) {
        int section = -1;
        for (int c = 0; c < model_->columnCount(); ++c)
            if (!sortKey.isEmpty() && model_->headerData(c, Qt::Horizontal, RunsTableModel::KeyRole).toString() == sortKey)
                section = c;
        if (firstTable_ && model_->columnCount() > 0) {  // newest first
            section = model_->columnOf(RunsTableModel::Kind::Started);
            firstTable_ = false;
            table_->sortByColumn(section, Qt::DescendingOrder);
        } else {
            table_->sortByColumn(section, section >= 0 ? order : Qt::AscendingOrder);
        }
        resizeColumns();
        if (!selected.isEmpty()) selectDirs(selected);
    }
    visible_ = std::move(t);

    const int runs = static_cast<int>(order_.size());
    QString summary = tr("%n run(s)", "", runs);
    if (static_cast<int>(visible_.rows.size()) != runs) summary = tr("%1 of %2 runs shown").arg(visible_.rows.size()).arg(runs);
    if (training) summary += tr(" · %n training", "", training);
    if (!folderErrors_.isEmpty()) summary += QStringLiteral(" · ") + folderErrors_.join(QStringLiteral("; "));
    summary_->setText(summary);
    summary_->setStyleSheet(folderErrors_.isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    updateFilterBar();
    updateActions();
    for (ExperimentsView* v : std::as_const(viewList_)) v->showTable(visible_);
    fanOutSelection();
}

void ExperimentsPanel::resizeColumns() {
    table_->resizeColumnsToContents();
    QHeaderView* h = table_->horizontalHeader();
    const int em = table_->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int c = 0; c < model_->columnCount(); ++c) {
        const auto kind = model_->columns()[static_cast<size_t>(c)].kind;
        const int cap = kind == RunsTableModel::Kind::Name     ? 22 * em
                        : kind == RunsTableModel::Kind::Status ? 18 * em
                        : kind == RunsTableModel::Kind::Field  ? 11 * em
                                                               : 14 * em;
        if (h->sectionSize(c) > cap) h->resizeSection(c, cap);
    }
    updateFrozenColumn();
}

QStringList ExperimentsPanel::selectedDirs() const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList dirs;
    for (const QModelIndex& i : rows) dirs << i.data(RunsTableModel::DirsRole).toStringList();
    return dirs;
}

void ExperimentsPanel::selectDirs(const QStringList& dirs) {
    QItemSelection sel;
    for (int r = 0; r < proxy_->rowCount(); ++r) {
        const QStringList d = proxy_->index(r, 0).data(RunsTableModel::DirsRole).toStringList();
        if (std::any_of(d.begin(), d.end(), [&](const QString& x) { return dirs.contains(x); }))
            sel.select(proxy_->index(r, 0), proxy_->index(r, proxy_->columnCount() - 1));
    }
    table_->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

api::RunTable ExperimentsPanel::selectedTable() const {
    std::vector<api::RunRow> rows;
    for (const QString& d : selectedDirs()) {
        auto it = cache_.find(ss(d));
        if (it != cache_.end()) rows.push_back(it->second.row);
    }
    api::RunTableOptions opt;
    opt.group_seeds = group_->isChecked();
    opt.all_fields = allFields_->isChecked();
    return api::makeRunTable(std::move(rows), opt);
}

void ExperimentsPanel::fanOutSelection() {
    if (viewList_.isEmpty()) return;
    const api::RunTable sel = selectedTable();
    for (ExperimentsView* v : std::as_const(viewList_)) v->showSelection(sel);
}

void ExperimentsPanel::onRunFilterChanged(const QStringList& dirs, bool active) {
    filterSource_ = active && sender() ? sender()->property("experimentsViewTitle").toString() : QString();
    proxy_->setRunFilter(dirs, active);
    updateFilterBar();
}

void ExperimentsPanel::updateFilterBar() {
    const bool on = proxy_->runFilterActive();
    filterBar_->setVisible(on);
    if (!on) return;
    int runs = 0;
    for (int r = 0; r < proxy_->rowCount(); ++r) runs += proxy_->index(r, 0).data(RunsTableModel::DirsRole).toStringList().size();
    filterLabel_->setText(tr("Filtered by %1: %n run(s) —", "", runs).arg(filterSource_.isEmpty() ? tr("a view") : filterSource_));
}

void ExperimentsPanel::updateActions() {
    const QStringList dirs = selectedDirs();
    const bool any = !dirs.isEmpty();
    open_->setEnabled(any);
    tag_->setEnabled(any);
    hide_->setEnabled(any);
    delete_->setEnabled(any);
    bool allHidden = any;
    for (const QString& d : dirs) allHidden = allHidden && cache_.count(ss(d)) && cache_.at(ss(d)).row.hidden;
    hide_->setText(allHidden ? tr("Unhide") : tr("Hide"));
}

// ---- actions ----------------------------------------------------------------------------------

void ExperimentsPanel::message(const QString& text) {
    lastMessage_ = text;
    if (!showDialogs_) return;
    auto* box = new QMessageBox(QMessageBox::Information, tr("Runs"), text, QMessageBox::Ok, this);
    box->setObjectName("experimentsMessage");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->open();
}

void ExperimentsPanel::openSelected() {
    const QStringList dirs = selectedDirs();
    if (!dirs.isEmpty()) Q_EMIT openRun(dirs.front());
}

// A write finished: what went wrong is said, the table is read again, done() follows.
void ExperimentsPanel::afterWrite(BackgroundTask* task, const QString& doneText) {
    ++writes_;
    connect(task, &BackgroundTask::finished, this, [this, doneText](const QString& error, bool) {
        --writes_;
        if (!error.isEmpty()) message(error);
        else lastMessage_ = doneText;
        refresh();
        Q_EMIT done(error.isEmpty() ? doneText : error);
    });
}

void ExperimentsPanel::tagRuns(const QStringList& dirs, const QStringList& add, const QStringList& remove) {
    if (dirs.isEmpty()) return;
    std::vector<std::string> a, r, d;
    try {
        for (const QString& t : add) a.push_back(api::normalizeTag(ss(t)));
        for (const QString& t : remove) r.push_back(ss(t));
    } catch (const std::exception& e) {
        message(qs(e.what()));
        Q_EMIT done(qs(e.what()));
        return;
    }
    for (const QString& x : dirs) d.push_back(ss(x));
    afterWrite(BackgroundTask::start(this, [a, r, d](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
                   for (const auto& dir : d) api::editRunTags(dir, a, r);
               }),
               tr("Tags of %n run(s) changed", "", dirs.size()));
}

void ExperimentsPanel::setRunsHidden(const QStringList& dirs, bool hidden) {
    if (dirs.isEmpty()) return;
    std::vector<std::string> d;
    for (const QString& x : dirs) d.push_back(ss(x));
    afterWrite(BackgroundTask::start(this, [d, hidden](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
                   for (const auto& dir : d) api::setRunHidden(dir, hidden);
               }),
               hidden ? tr("%n run(s) hidden", "", dirs.size()) : tr("%n run(s) shown again", "", dirs.size()));
}

void ExperimentsPanel::deleteRuns(const QStringList& dirs) {
    // Only runs the table listed, each once.
    struct Target {
        std::string dir, name;
        int64_t bytes = 0;
        std::optional<api::RunWriter> writer;
    };
    auto targets = std::make_shared<std::vector<Target>>();
    for (const QString& d : dirs) {
        auto it = cache_.find(ss(d));
        if (it == cache_.end()) continue;
        if (std::any_of(targets->begin(), targets->end(), [&](const Target& t) { return t.dir == it->first; })) continue;
        targets->push_back({it->first, it->second.row.name, 0, std::nullopt});
    }
    if (targets->empty()) return;
    // Their sizes and writers, off the GUI thread; then the question.
    auto* sizing = BackgroundTask::start(this, [targets](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
        for (auto& t : *targets) {
            t.bytes = api::directorySize(t.dir);
            t.writer = api::runWriterAny(t.dir);
        }
    });
    connect(sizing, &BackgroundTask::finished, this, [this, targets](const QString& error, bool cancelled) {
        if (cancelled) return;
        if (!error.isEmpty()) {
            message(error);
            Q_EMIT done(error);
            return;
        }
        QStringList refused, listed;
        std::vector<std::string> go;
        int64_t total = 0;
        for (const auto& t : *targets) {
            if (t.writer) {
                refused << tr("%1 is being trained by pid %2 on %3").arg(qs(t.name)).arg(t.writer->pid).arg(qs(t.writer->host));
                continue;
            }
            go.push_back(t.dir);
            total += t.bytes;
            if (listed.size() < 12) listed << QStringLiteral("%1 (%2)").arg(qs(t.name), sizeText(t.bytes));
        }
        if (go.empty()) {
            const QString text = tr("Not deleted: a run that trains cannot be deleted; stop it first.\n\n%1").arg(refused.join(QLatin1Char('\n')));
            message(text);
            Q_EMIT done(text);
            return;
        }
        if (static_cast<int>(go.size()) > listed.size()) listed << tr("… and %n more", "", static_cast<int>(go.size()) - listed.size());
        QString text = tr("Delete %n run folder(s) from disk, %1 in all? This cannot be undone.\n\n%2", "", static_cast<int>(go.size()))
                           .arg(sizeText(total), listed.join(QLatin1Char('\n')));
        if (!refused.isEmpty()) text += tr("\n\nNot deleted, because they train:\n%1").arg(refused.join(QLatin1Char('\n')));
        confirm_(tr("Delete runs?"), text, tr("Delete"), [this, go, refused](bool yes) {
            if (!yes) {
                lastMessage_ = tr("Nothing deleted");
                Q_EMIT done(lastMessage_);
                return;
            }
            auto failures = std::make_shared<QStringList>();
            auto mutex = std::make_shared<std::mutex>();
            auto* del = BackgroundTask::start(this, [go, failures, mutex](const std::atomic<bool>*, const BackgroundTask::ProgressFn&) {
                for (const auto& dir : go) {
                    try {
                        api::deleteRun(dir);  // refuses a run whose lock a process took meanwhile
                    } catch (const std::exception& e) {
                        const std::lock_guard<std::mutex> l(*mutex);
                        *failures << qs(e.what());
                    }
                }
            });
            ++writes_;
            connect(del, &BackgroundTask::finished, this, [this, go, refused, failures, mutex](const QString& error, bool) {
                --writes_;
                QStringList problems;
                {
                    const std::lock_guard<std::mutex> l(*mutex);
                    problems = *failures;
                }
                if (!error.isEmpty()) problems << error;
                const int deleted = static_cast<int>(go.size()) - problems.size();
                QString text = tr("%n run(s) deleted", "", deleted);
                if (!problems.isEmpty() || !refused.isEmpty()) {
                    text += QStringLiteral("\n\n") + (problems + refused).join(QLatin1Char('\n'));
                    message(text);
                } else {
                    lastMessage_ = text;
                }
                refresh();
                Q_EMIT done(text);
            });
        });
    });
}

// Tags of the selection: a check box per tag (checked: every selected run has it; partly: some do);
// unchecking removes it from all, checking adds it to all; new tags are typed comma-separated.
void ExperimentsPanel::tagDialog() {
    const QStringList dirs = selectedDirs();
    if (dirs.isEmpty()) return;
    QStringList tags;
    std::map<QString, int> count;
    for (const QString& d : dirs) {
        auto it = cache_.find(ss(d));
        if (it == cache_.end()) continue;
        for (const auto& t : it->second.row.tags) {
            if (!count[qs(t)]++) tags << qs(t);
        }
    }
    auto* dlg = new QDialog(this);
    dlg->setObjectName("tagDialog");
    dlg->setWindowTitle(tr("Tags of %n run(s)", "", dirs.size()));
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    auto* list = new QListWidget(dlg);
    for (const QString& t : tags) {
        auto* item = new QListWidgetItem(t, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool all = count[t] == dirs.size();
        if (!all) item->setFlags(item->flags() | Qt::ItemIsUserTristate);
        item->setCheckState(all ? Qt::Checked : Qt::PartiallyChecked);
    }
    auto* add = new QLineEdit(dlg);
    add->setPlaceholderText(tr("new tags, comma-separated"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dlg);
    auto* lay = new QVBoxLayout(dlg);
    lay->addWidget(new QLabel(tags.isEmpty() ? tr("The selected runs have no tags yet.")
                                             : tr("Uncheck a tag to remove it from the selected runs:"),
                              dlg));
    if (!tags.isEmpty()) lay->addWidget(list);
    else list->hide();
    lay->addWidget(new QLabel(tr("Add:"), dlg));
    lay->addWidget(add);
    lay->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dlg, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dlg, [this, dlg, list, add, dirs] {
        QStringList plus, minus;
        for (int i = 0; i < list->count(); ++i) {
            const auto* item = list->item(i);
            if (item->checkState() == Qt::Unchecked) minus << item->text();
            if (item->checkState() == Qt::Checked) plus << item->text();
        }
        for (const QString& t : add->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!t.trimmed().isEmpty()) plus << t.trimmed();
        dlg->accept();
        tagRuns(dirs, plus, minus);
    });
    dlg->setWindowModality(Qt::WindowModal);
    dlg->open();
}

void ExperimentsPanel::showContextMenu(const QPoint& pos) {
    if (!table_->indexAt(pos).isValid()) return;
    QMenu menu(this);
    menu.addAction(open_->icon(), tr("Open"), this, &ExperimentsPanel::openSelected);
    menu.addAction(tr("Tag…"), this, &ExperimentsPanel::tagDialog);
    menu.addAction(hide_->text(), hide_, &QPushButton::click);
    menu.addSeparator();
    menu.addAction(tr("Copy folder path"), this, [this] {
        QStringList d;
        for (const QString& x : selectedDirs()) d << QDir::toNativeSeparators(x);
        QApplication::clipboard()->setText(d.join(QLatin1Char('\n')));
    });
    menu.addSeparator();
    menu.addAction(tr("Delete…"), delete_, &QPushButton::click);
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

}  // namespace dino::ui
