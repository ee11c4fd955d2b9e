// The Runs tab: the run shown in the window (folder, status, steps, checkpoints), actions on it
// (continue training, exports), the folder new runs go to, and the recent runs.
#pragma once

#include "run_view.h"

#include "api/run_directory.h"
#include "api/run_follower.h"
#include "api/run_lock.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace dino::ui {

class RunsPanel : public QWidget, public RunView {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget* parent = nullptr);
    // RunView (run_view.h)
    void showRun(const api::RunSnapshot& snap) override;
    void startRun(const QString& dir, const RunConfig& cfg) override;

    void showSnapshot(const api::RunSnapshot& snap);
    // What a poll of the run shown found while another process writes it (run_follower_view.h): new
    // steps, status and collapse verdict, checkpoints, eval.json, the writer. No file is read.
    void applyUpdate(const api::RunUpdate& u);
    void clearRun() override;
    void setRecent(const QStringList& dirs);
    void setRunsFolder(const QString& dir);
    QString runsFolder() const;
    void setTrainingActive(bool active) override;
    QListWidget* recentList() const { return recent_; }

Q_SIGNALS:
    void openRequested();
    void openRun(const QString& dir);
    void continueRequested();
    void exportMetricsRequested();
    void saveCheckpointRequested();
    void exportEncoderRequested();
    void pruneRequested();
    void runsFolderChanged(const QString& dir);

private:
    QLabel* title_ = nullptr;
    QTextBrowser* details_ = nullptr;
    QListWidget* recent_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QPushButton* continue_ = nullptr;
    QPushButton* metrics_ = nullptr;
    QPushButton* checkpoint_ = nullptr;
    QPushButton* encoder_ = nullptr;
    QPushButton* prune_ = nullptr;
    bool haveRun_ = false;
    bool resumable_ = false;
    bool training_ = false;
    std::optional<api::RunWriter> writer_;  // another process holds the run's lock
    api::RunSnapshot snap_;  // the run shown, as last read from its folder
    void render();           // snap_ as the summary; while training, what goes on changing says so
    void updateButtons();
};

}  // namespace dino::ui
