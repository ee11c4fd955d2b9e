#include "config_column.h"

#include "api/run_plan.h"
#include "config_document.h"
#include "config_form.h"
#include "dataset_picker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace dino::ui {

ConfigColumn::ConfigColumn(QAction* openConfig, QAction* saveConfig, QWidget* parent) : QWidget(parent) {
    auto* ll = new QVBoxLayout(this);
    ll->setContentsMargins(6, 6, 0, 6);
    auto* presetRow = new QHBoxLayout;
    presetBox_ = new QComboBox(this);
    presetBox_->setObjectName("presetBox");
    presetBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    presetBox_->setMinimumContentsLength(16);
    presetBox_->addItem(tr("Custom configuration"), QString());
    for (const PresetInfo& p : guiPresets()) presetBox_->addItem(presetDetails(p.name), QString::fromLatin1(p.name));
    presetBox_->setToolTip(tr("The preset the configuration comes from; choosing one replaces the whole configuration"));
    presetRow->addWidget(presetBox_, 1);
    for (QAction* a : {openConfig, saveConfig}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        presetRow->addWidget(b);
    }
    ll->addLayout(presetRow);
    lockNote_ = new QLabel(tr("The run trains with the configuration it started with; the form is locked until "
                              "it stops."),
                           this);
    lockNote_->setObjectName("configLockedNote");
    lockNote_->setWordWrap(true);
    lockNote_->setStyleSheet("background:#fff8e1; border:1px solid #ffcc80; padding:4px;");
    lockNote_->hide();
    ll->addWidget(lockNote_);
    form_ = new ConfigForm(this);
    form_->setObjectName("configForm");
    ll->addWidget(form_, 1);
    validity_ = new QLabel(this);
    validity_->setObjectName("validitySummary");
    validity_->setWordWrap(true);
    ll->addWidget(validity_);
    setMinimumWidth(300);
    doc_ = new ConfigDocument(form_, this);

    connect(form_, &ConfigForm::validityChanged, this, [this](bool valid, const QString& problem) {
        const int n = static_cast<int>(form_->errors().size());
        validity_->setText(valid ? QString()
                                 : QStringLiteral("<span style='color:#b71c1c'>%1</span>")
                                       .arg(tr("%n problem(s) in the configuration. First: %1", "", n).arg(problem).toHtmlEscaped()));
    });
    connect(doc_, &ConfigDocument::changed, this, &ConfigColumn::showSource);
    connect(presetBox_, &QComboBox::activated, this, [this](int i) {
        const QString name = presetBox_->itemData(i).toString();
        showSource();  // until the preset is applied (the user may be asked about unsaved edits first)
        if (!name.isEmpty()) Q_EMIT presetChosen(name);
    });
}

void ConfigColumn::setLocked(bool locked) {
    presetBox_->setEnabled(!locked);
    form_->setReadOnly(locked);
    lockNote_->setVisible(locked);
}

std::optional<api::RunPlan> ConfigColumn::formPlan() const {
    const qint64 images = form_->datasetPicker()->trainSize();
    if (!form_->isValid() || images <= 0) return std::nullopt;
    try {
        return api::planRun(form_->config(), images);
    } catch (const std::exception&) {
        return std::nullopt;  // a configuration the engine cannot plan: the form says what is wrong
    }
}

// The preset the configuration comes from, or where else it comes from.
void ConfigColumn::showSource() {
    using Source = ConfigDocument::Source;
    presetBox_->setItemText(0, doc_->source() == Source::File  ? tr("From %1").arg(doc_->displayName())
                               : doc_->source() == Source::Run ? tr("From run %1").arg(doc_->displayName())
                                                                : tr("Custom configuration"));
    presetBox_->setCurrentIndex(std::max(0, presetBox_->findData(doc_->preset())));
}

}  // namespace dino::ui
