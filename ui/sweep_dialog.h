// Run ▸ New sweep…: builds a sweep spec (docs/sweeps.md) and starts `dino sweep SPEC --out DIR`
// through the window's SweepRunner. The base is the form's configuration (written into the sweep
// folder as base-config.json) or a preset; the fields to sweep come from the config field table
// (every field, by label, grouped by section), each with a list of values (a grid axis), a range
// (uniform, log-uniform, integer), a choice list, or one value fixed for every trial. Every value is
// checked at once by the field rules against the base (dino::validate): a bad one is marked with the
// rule's message and Start is disabled. Seeds, budget, early stopping, trials side by side and the
// output folder complete the spec; its JSON and the number of trials are previewed live.
#pragma once

#include "common/config.h"

#include <QDialog>
#include <QString>
#include <QStringList>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace dino::ui {

class SweepRunner;

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // How a field is swept (the spec's forms): a grid axis, a random range, a random choice, or fixed.
    enum class Kind { List, Uniform, LogUniform, Int, Choice, Fixed };

    SweepDialog(const RunConfig& formConfig, const QString& runsFolder, SweepRunner* runner, QWidget* parent = nullptr);

    // The base: "" = the form's configuration, else a preset name.
    void setBase(const QString& preset);
    // Adds a row for a config field (e.g. "optim.lr"); returns its row, or -1 for an unknown key.
    int addField(const QString& key, Kind kind = Kind::List, const QString& values = QString());
    void setFieldKind(int row, Kind kind);
    void setFieldValues(int row, const QString& text);
    void removeField(int row);
    int fieldCount() const;
    // The problem of a row's values ("" when they are fine), as shown beside them.
    QString fieldProblem(int row) const;
    void setSeeds(const QString& text);           // "0, 1"
    void setBudget(int trials, double wallMinutes);  // 0 = none
    // rule: "" (none), "median", "successive_halving", "hyperband".
    void setEarlyStopping(const QString& rule, int minSteps = 0, int eta = 3, int brackets = 3, int warmupSteps = 0,
                          int minTrials = 1);
    void setParallel(int k);
    void setOutputDir(const QString& dir);
    QString outputDir() const;

    // The spec's JSON; baseRef: what its "base" says ("base-config.json" for the form's configuration,
    // relative to the spec's folder; a preset name as it is).
    QString specJson() const;
    // The first problem that keeps Start disabled, or "".
    QString problem() const { return problem_; }
    int configurationCount() const { return configs_; }
    int trialCount() const { return trials_; }
    QPushButton* startButton() const { return start_; }
    // Writes the spec (and the base config) into the output folder and starts the sweep; "" or why not.
    QString start();
    // Writes the spec to path (and, for the form's configuration, its base config beside it).
    QString saveSpec(const QString& path) const;

Q_SIGNALS:
    void sweepStarted(const QString& dir);

private:
    struct Row {
        QString key;
        QComboBox* kind = nullptr;
        QLineEdit* values = nullptr;
        QLabel* status = nullptr;
        QStringList json;  // the values as JSON text (List, Choice, Fixed) or [low, high] (ranges)
        QString problem;
    };
    RunConfig baseConfig() const;
    QString baseRef() const;
    void refresh();  // every row checked, the counts, the preview, Start
    void checkRow(Row& r, const RunConfig& base) const;
    QString valueJson(const QString& key, const QString& text, QString& error) const;
    QString spaceJson(const Row& r) const;

    RunConfig form_;
    SweepRunner* runner_;
    std::vector<Row> rows_;
    QComboBox* base_ = nullptr;
    QComboBox* fieldPicker_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLineEdit* seeds_ = nullptr;
    QSpinBox* trialsBudget_ = nullptr;
    QDoubleSpinBox* wallBudget_ = nullptr;
    QSpinBox* samplerSeed_ = nullptr;
    QComboBox* metric_ = nullptr;
    QComboBox* rule_ = nullptr;
    QSpinBox* warmup_ = nullptr;
    QSpinBox* minTrials_ = nullptr;
    QSpinBox* minSteps_ = nullptr;
    QSpinBox* eta_ = nullptr;
    QSpinBox* brackets_ = nullptr;
    QSpinBox* parallel_ = nullptr;
    QFormLayout* stopForm_ = nullptr;
    QLineEdit* out_ = nullptr;
    QPlainTextEdit* preview_ = nullptr;
    QLabel* count_ = nullptr;
    QLabel* problemLabel_ = nullptr;
    QPushButton* start_ = nullptr;
    QString problem_;
    int configs_ = 0, trials_ = 0;
    QStringList seedList_;
    bool refreshing_ = false;
};

}  // namespace dino::ui
