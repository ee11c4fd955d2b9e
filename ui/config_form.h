// The configuration panel: one validated form per group of the run config, generated from
// config_fields. Every edit re-runs dino::validate; bad fields turn red with the reason under them.
#pragma once

#include "common/config.h"
#include "config_fields.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QToolBox;

namespace dino::ui {

class DatasetPicker;

class ConfigForm : public QWidget {
    Q_OBJECT
public:
    explicit ConfigForm(QWidget* parent = nullptr);

    void setConfig(const RunConfig& cfg);
    // The config as currently entered (fields that do not parse keep their last good value).
    RunConfig config() const { return cfg_; }
    // Parse problems and dino::validate's, one per field.
    std::vector<FieldError> errors() const { return errors_; }
    bool isValid() const { return errors_.empty(); }
    // "Attention heads: must be >= 1 and divide Embedding width 32 (got 5)" for the first problem, or "":
    // fields named by their labels.
    QString firstProblem() const;
    // An engine message with the JSON keys in it replaced by the labels of the fields.
    static QString readableMessage(QString message);

    // The editor widget of a field ("optim.lr"), for tests and focus.
    QWidget* editor(const QString& key) const { return editors_.value(key); }
    DatasetPicker* datasetPicker() const { return picker_; }
    // Sets one field from its text form, as a user typing it would.
    void setFieldText(const QString& key, const QString& text);
    // Read-only (while a run trains on the configuration): every editor is disabled; the groups
    // still open and scroll, so that the configuration can be read.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return readOnly_; }

Q_SIGNALS:
    // key is the field that changed ("" after setConfig).
    void configChanged(const QString& key);
    void validityChanged(bool valid, const QString& firstProblem);

private:
    QWidget* buildEditor(const FieldSpec& f);
    void readField(const FieldSpec& f);
    void writeField(const FieldSpec& f);
    void revalidate();

    RunConfig cfg_;
    std::vector<FieldError> errors_;
    QMap<QString, QString> parseErrors_;
    QMap<QString, QWidget*> editors_;
    QMap<QString, QLabel*> errorLabels_;
    QMap<QString, int> pageOf_;
    QToolBox* toolbox_ = nullptr;
    DatasetPicker* picker_ = nullptr;
    QString lastEdited_;  // the field the user changed last
    bool loading_ = false;
    bool lastValid_ = true;
    bool readOnly_ = false;
};

}  // namespace dino::ui
