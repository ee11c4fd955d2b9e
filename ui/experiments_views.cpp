#include "experiments_views.h"

#include "comparison_panel.h"
#include "config_diff_panel.h"
#include "experiments_panel.h"
#include "hparams_panel.h"
#include "paired_panel.h"

#include <QCoreApplication>

namespace dino::ui {

void addStandardViews(ExperimentsPanel* panel) {
    // The titles are marked for lupdate where they are written, translated here.
    auto title = [](const char* text) { return QCoreApplication::translate("dino::ui::ExperimentsViews", text); };
    auto* comparison = new ComparisonPanel(panel);
    panel->addView(title(QT_TRANSLATE_NOOP("dino::ui::ExperimentsViews", "Compare")), comparison, comparison);
    auto* diff = new ConfigDiffPanel(panel);
    panel->addView(title(QT_TRANSLATE_NOOP("dino::ui::ExperimentsViews", "Configuration diff")), diff, diff);
    auto* hparams = new HParamsPanel(panel);
    panel->addView(title(QT_TRANSLATE_NOOP("dino::ui::ExperimentsViews", "Hyperparameters")), hparams, hparams);
    auto* paired = new PairedPanel(panel);
    panel->addView(title(QT_TRANSLATE_NOOP("dino::ui::ExperimentsViews", "Paired by seed")), paired, paired);
}

}  // namespace dino::ui
