#include "main_actions.h"
#include "about_dialog.h"

#include "api/analysis.h"
#include "config_document.h"
#include "dataset_picker.h"
#include "qt_types.h"

#include <qcustomplot.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace dino::ui {

MainActions::MainActions(QMainWindow* window) : QObject(window), window_(window) {
    add("openRun", ":/icons/open.svg", tr("&Open run…"), QKeySequence::Open);
    add("openConfig", ":/icons/open.svg", tr("Open configuration…"))->setToolTip(tr("Open configuration JSON…"));
    add("saveConfig", ":/icons/save.svg", tr("&Save configuration…"), QKeySequence::Save)
        ->setToolTip(tr("Save configuration JSON… (Ctrl+S)"));
    for (const PresetInfo& p : guiPresets()) add(QStringLiteral("preset:%1").arg(p.name), {}, presetDetails(p.name));
    add("quit", {}, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q))->setMenuRole(QAction::QuitRole);
    add("start", ":/icons/start.svg", tr("&Start"), QKeySequence(Qt::CTRL | Qt::Key_R));
    add("pause", ":/icons/pause.svg", tr("&Pause / resume"))
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), QKeySequence(Qt::Key_Pause)});
    add("stop", ":/icons/stop.svg", tr("S&top…"), QKeySequence(Qt::CTRL | Qt::Key_Period));
    add("continue", {}, tr("&Continue run from its checkpoint"));
    add("newSweep", ":/icons/start.svg", tr("New s&weep…"))
        ->setToolTip(tr("Train many configurations over seeds, stop the hopeless ones early and rank the rest (dino sweep)"));
    add("resumeSweep", {}, tr("Resu&me sweep…"))->setToolTip(tr("Continue a stopped or killed sweep without redoing its finished trials"));
    add("evaluate", ":/icons/evaluate.svg", tr("&Evaluate"), QKeySequence(Qt::CTRL | Qt::Key_E));
    add("pseudoLabels", ":/icons/histogram.svg", tr("Compute pseudo-&labels"));
    connect(add("about", ":/icons/app.svg", tr("&About DINO Studio")), &QAction::triggered, this,
            [this] { showAboutDialog(window_); });
}

QAction* MainActions::add(const QString& name, const QString& icon, const QString& text, const QKeySequence& key) {
    auto* a = new QAction(icon.isEmpty() ? QIcon() : QIcon(icon), text, window_);
    a->setObjectName(name + "Action");
    if (!key.isEmpty()) a->setShortcut(key);
    actions_.insert(name, a);
    return a;
}

QAction* MainActions::addExport(const QString& text, bool runOnly) {
    auto* a = new QAction(text, window_);
    a->setSeparator(text.isEmpty());
    exports_ << a;
    if (runOnly) runExports_ << a;
    return a;
}

void MainActions::setRunOpen(bool open) {
    for (QAction* a : std::as_const(runExports_)) a->setEnabled(open);
}

void MainActions::setRecentRuns(const QStringList& dirs) {
    recent_ = dirs.mid(0, kMaxRecent);
    QSettings().setValue("runs/recent", recent_);
    if (recentMenu_) {
        recentMenu_->clear();
        for (const QString& d : std::as_const(recent_))
            recentMenu_->addAction(QDir::toNativeSeparators(d), this, [this, d] { Q_EMIT recentChosen(d); });
        if (recent_.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
        else {
            recentMenu_->addSeparator();
            recentMenu_->addAction(tr("Clear list"), this, [this] { setRecentRuns({}); });
        }
    }
    Q_EMIT recentRunsChanged(recent_);
}

void MainActions::addRecentRun(const QString& dir) {
    const QString d = QFileInfo(dir).absoluteFilePath();
    QStringList dirs = recent_;
    dirs.removeAll(d);
    dirs.prepend(d);
    setRecentRuns(dirs);
}

void MainActions::buildMenus(QTabWidget* tabs) {
    QMenuBar* bar = window_->menuBar();
    QMenu* file = bar->addMenu(tr("&File"));
    file->addAction(action("openRun"));
    recentMenu_ = file->addMenu(tr("Recent runs"));
    file->addSeparator();
    file->addAction(action("openConfig"));
    file->addAction(action("saveConfig"));
    QMenu* presets = file->addMenu(tr("Presets"));
    for (const PresetInfo& p : guiPresets()) presets->addAction(action(QStringLiteral("preset:%1").arg(p.name)));
    file->addSeparator();
    QMenu* exports = file->addMenu(QIcon(":/icons/export.svg"), tr("Export"));
    exports->addActions(exports_);
    file->addSeparator();
    file->addAction(action("quit"));

    QMenu* train = bar->addMenu(tr("&Training"));
    for (const char* name : {"start", "pause", "stop", "continue"}) train->addAction(action(name));
    train->addSeparator();
    train->addAction(action("newSweep"));
    train->addAction(action("resumeSweep"));
    train->addSeparator();
    train->addAction(action("evaluate"));
    train->addAction(action("pseudoLabels"));

    QMenu* view = bar->addMenu(tr("&View"));
    for (int i = 0; i < tabs->count(); ++i) {
        QAction* a = view->addAction(tabs->tabText(i), tabs, [tabs, i] { tabs->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    buildLanguageMenu(view);

    QMenu* help = bar->addMenu(tr("&Help"));
    help->addAction(action("about"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar* tb = window_->addToolBar(tr("Main"));
    tb->setObjectName("mainToolbar");
    tb->setMovable(false);
    tb->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tb->setIconSize(QSize(18, 18));
    for (const char* name : {"openRun", "saveConfig", "", "start", "pause", "stop", "", "evaluate"}) {
        if (*name) tb->addAction(action(name));
        else tb->addSeparator();
    }
}

void MainActions::buildLanguageMenu(QMenu* view) {
    QMenu* lang = view->addMenu(tr("Language"));
    auto* group = new QActionGroup(lang);
    const QString current = QSettings().value("ui/language", "en").toString();
    const std::pair<QString, QString> langs[] = {{"en", QStringLiteral("English")}, {"de", QStringLiteral("Deutsch")}};
    for (const auto& [code, name] : langs) {
        QAction* a = lang->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { chooseLanguage(code); });
    }
}

void MainActions::chooseLanguage(const QString& code) {
    QSettings().setValue("ui/language", code);
    QMessageBox box(window_);
    box.setWindowTitle(tr("Language"));
    box.setText(tr("The language changes when DINO Studio starts again. Restart now?"));
    QPushButton* now = box.addButton(tr("Restart now"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.exec();
    // close() is refused while a run trains and the user keeps it: then no second instance starts.
    if (box.clickedButton() == now && window_->close())
        QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1));
}

}  // namespace dino::ui
