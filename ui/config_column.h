// The window's left column: the preset box (showing where the configuration comes from), the
// configuration file buttons, the validated form with its problems summarised under it, and the note
// that the form is locked while a run trains on it.
#pragma once

#include "api/types.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;

namespace dino::ui {

class ConfigDocument;
class ConfigForm;

class ConfigColumn : public QWidget {
    Q_OBJECT
public:
    // openConfig and saveConfig: the actions of the buttons beside the preset box.
    ConfigColumn(QAction* openConfig, QAction* saveConfig, QWidget* parent = nullptr);

    ConfigForm* form() const { return form_; }
    ConfigDocument* document() const { return doc_; }
    // A run trains on the configuration: the form is read-only and says why; presets can't be chosen.
    void setLocked(bool locked);
    // The plan the form's configuration would train (the schedules), once the data set's size is known
    // and the configuration is valid.
    std::optional<api::RunPlan> formPlan() const;

Q_SIGNALS:
    // The user chose a preset in the box (the box keeps showing the document's source until it is applied).
    void presetChosen(const QString& name);

private:
    void showSource();

    QComboBox* presetBox_ = nullptr;
    QLabel* lockNote_ = nullptr;
    QLabel* validity_ = nullptr;
    ConfigForm* form_ = nullptr;
    ConfigDocument* doc_ = nullptr;
};

}  // namespace dino::ui
