// The Experiments tab: a live table of every run under the listed folders (the window's runs folder and
// folders the user adds), and under it the views of the selection (comparison charts, configuration diff,
// hyperparameters: experiments_view.h), added by the main window with addView().
//
// The runs are read off the GUI thread (BackgroundTask) and re-read on a timer while the tab is visible
// (fast while a run trains or a sweep runs, slower otherwise; never two reads at once), re-reading only
// the runs whose files changed: each run's row is cached with the sizes and modification times of its
// files and whether its lock is held. Filtering (text, status, hidden), grouping seeds and the columns
// shown are made on the GUI thread from the cached rows, without file I/O. The visible table goes to every
// view's showTable, the selection (a group row selects its members) to showSelection, after every change.
//
// Actions on the selected runs: Open, Tag…, Hide/Unhide, Delete… (asks first, naming the runs and their
// size on disk; refuses a run that a process trains). Tags and the hidden flag are written to the run's
// tags.json (api/run_tags.h), deleting goes through api::deleteRun; both off the GUI thread.
#pragma once

#include "api/run_table.h"
#include "background_task.h"
#include "experiments_view.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace dino::ui {

class RunsSortProxy;
class RunsTableModel;

class ExperimentsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentsPanel(QWidget* parent = nullptr);
    ~ExperimentsPanel() override;

    // A view of the runs, as a tab under the table. If w has the signal
    // runFilterChanged(QStringList dirs, bool active) (RunFilterSource), it filters the table.
    void addView(const QString& title, QWidget* w, ExperimentsView* v);
    QTabWidget* viewTabs() const { return views_; }

    // The folders listed: the window's runs folder (always) and those the user added (settings).
    void setRunsFolder(const QString& dir);
    QStringList folders() const;
    void addFolder(const QString& dir);
    void removeFolder(const QString& dir);

    // Reads the runs now (after the read in flight, if one is).
    void refresh();
    int readsDone() const { return reads_; }
    bool isReading() const { return task_ != nullptr; }
    // The timer's intervals: while a run trains or a sweep runs, and otherwise (ms).
    void setPollIntervals(int activeMs, int idleMs);

    // Filters and table options (also the toolbar's controls).
    void setTextFilter(const QString& text);
    // State names (api::runStateName) shown; all when empty.
    void setStatusFilter(const QStringList& states);
    QStringList statusFilter() const;
    void setGroupSeeds(bool on);
    void setShowHidden(bool on);
    void setAllFields(bool on);

    QTableView* tableView() const { return table_; }
    RunsTableModel* model() const { return model_; }
    RunsSortProxy* proxy() const { return proxy_; }
    // What the views got last.
    const api::RunTable& visibleTable() const { return visible_; }
    api::RunTable selectedTable() const;
    // The selected runs' directories (a group row: its members), in table order.
    QStringList selectedDirs() const;
    void selectDirs(const QStringList& dirs);  // selects the rows holding these runs

    // The actions, non-interactive: each writes off the GUI thread, then re-reads; done() follows.
    void tagRuns(const QStringList& dirs, const QStringList& add, const QStringList& remove);
    void setRunsHidden(const QStringList& dirs, bool hidden);
    // Asks first (confirm function), then deletes the runs that no process trains.
    void deleteRuns(const QStringList& dirs);

    // The question before deleting: answer(true) deletes. By default a window-modal message box.
    using ConfirmFn = std::function<void(const QString& title, const QString& text, const QString& yes,
                                         std::function<void(bool)> answer)>;
    void setConfirm(ConfirmFn fn) { confirm_ = std::move(fn); }
    // Messages (refusals, errors) in non-blocking message boxes, or only in lastMessage() when off.
    void setShowDialogs(bool on) { showDialogs_ = on; }
    QString lastMessage() const { return lastMessage_; }

Q_SIGNALS:
    void openRun(const QString& dir);
    void refreshed();               // a read was applied to the table
    void done(const QString& message);  // an action (tag, hide, delete) ended; message: what happened

protected:
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* e) override;

private Q_SLOTS:
    void onRunFilterChanged(const QStringList& dirs, bool active);

public:
    // One run as cached between reads (public for the reading code in the .cpp).
    struct CachedRun {
        api::RunRow row;
        std::string sweep;            // the sweep folder above the run ("" when none)
        std::string search;           // lower-case text the filter matches
        std::vector<int64_t> stamp;   // sizes and mtimes of its files, and whether its lock is held
    };

private:
    void buildUi();
    void buildFrozenColumn();
    void updateFrozenColumn();
    void loadSettings();
    void saveSettings() const;
    void applyRead(const std::vector<std::string>& order, std::map<std::string, CachedRun> cache,
                   const QStringList& errors, bool active);
    void rebuild();  // filters -> table -> model -> views
    void fanOutSelection();
    void updateActions();
    void updateFolderLabel();
    void updateFilterBar();
    void scheduleNext();
    void resizeColumns();
    void message(const QString& text);
    void afterWrite(BackgroundTask* task, const QString& doneText);
    void openSelected();
    void tagDialog();
    void showContextMenu(const QPoint& pos);

    // Controls.
    QToolButton* foldersButton_ = nullptr;
    QLabel* foldersLabel_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QToolButton* statusButton_ = nullptr;
    QCheckBox* group_ = nullptr;
    QCheckBox* hidden_ = nullptr;
    QCheckBox* allFields_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QPushButton* open_ = nullptr;
    QPushButton* tag_ = nullptr;
    QPushButton* hide_ = nullptr;
    QPushButton* delete_ = nullptr;
    QLabel* summary_ = nullptr;
    QWidget* filterBar_ = nullptr;
    QLabel* filterLabel_ = nullptr;
    QTableView* table_ = nullptr;
    QTableView* frozen_ = nullptr;  // the name column, kept in view when the table scrolls sideways
    QSplitter* splitter_ = nullptr;
    QTabWidget* views_ = nullptr;
    RunsTableModel* model_ = nullptr;
    RunsSortProxy* proxy_ = nullptr;
    QTimer* timer_ = nullptr;

    // State.
    QString runsFolder_;
    QStringList extraFolders_;
    QStringList states_;  // shown states; empty: all
    QString text_;
    std::vector<std::string> order_;        // the runs found, in findRuns order
    std::map<std::string, CachedRun> cache_;  // by directory
    QStringList folderErrors_;
    bool active_ = false;  // a run trains or a sweep runs: poll fast
    int activeMs_ = 2000, idleMs_ = 10000;
    QPointer<BackgroundTask> task_;
    bool again_ = false;
    int reads_ = 0;
    bool firstTable_ = true;
    api::RunTable visible_;
    QList<ExperimentsView*> viewList_;
    QString filterSource_;  // the view that filters the table
    ConfirmFn confirm_;
    bool showDialogs_ = true;
    QString lastMessage_;
    int writes_ = 0;  // actions in flight
};

}  // namespace dino::ui
