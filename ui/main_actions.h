// The main window's commands as actions (one QAction per command, shared by the menus, the toolbar
// and the buttons, so that a command has one text, icon, shortcut and enabled state), and the menus
// and toolbar built from them. What a command does is connected by the main window.
//
// Shortcuts follow the platform's conventions: Ctrl+O/S/Q, Ctrl+R start (Run), Ctrl+Shift+P pause
// (Ctrl+P is Print everywhere else), Ctrl+. stop (Escape does not stop a run: Escape closes popups
// and cancels edits in every Qt app, and a stray press must not end hours of training). Stop asks
// before it stops (MainWindow::stopTraining).
#pragma once

#include <QKeySequence>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;
class QWidget;

namespace dino::ui {

class MainActions : public QObject {
    Q_OBJECT
public:
    // Creates the actions (children of window): "openRun", "openConfig", "saveConfig", "preset:<name>",
    // "quit", "start", "pause", "stop", "continue", "evaluate", "pseudoLabels", "about", "newSweep",
    // "resumeSweep".
    explicit MainActions(QMainWindow* window);

    QAction* action(const QString& name) const { return actions_.value(name); }
    // A further action (an export) for the Export menu (a separator for an empty text); runOnly:
    // enabled only while a run is open.
    QAction* addExport(const QString& text, bool runOnly);
    // Enables the exports that need a run.
    void setRunOpen(bool open);
    // The File menu's recent runs (newest first, at most kMaxRecent, kept in the settings): choosing one
    // emits recentChosen; every change emits recentRunsChanged.
    static constexpr int kMaxRecent = 10;
    void setRecentRuns(const QStringList& dirs);
    void addRecentRun(const QString& dir);
    QStringList recentRuns() const { return recent_; }
    // The menu bar and the toolbar; tabs: the View menu's entries (Alt+1..).
    void buildMenus(QTabWidget* tabs);

Q_SIGNALS:
    void recentChosen(const QString& dir);
    void recentRunsChanged(const QStringList& dirs);

private:
    QAction* add(const QString& name, const QString& icon, const QString& text, const QKeySequence& key = {});
    void buildLanguageMenu(QMenu* view);
    void chooseLanguage(const QString& code);

    QMainWindow* window_;
    QMap<QString, QAction*> actions_;
    QList<QAction*> exports_;
    QList<QAction*> runExports_;
    QMenu* recentMenu_ = nullptr;
    QStringList recent_;
};

}  // namespace dino::ui
