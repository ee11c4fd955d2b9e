// The About box: the version, the libraries and the data's citation, short; the sample's provenance
// (resources/data/SOURCE.md, a long document) is a link that opens it in a window of its own.
#pragma once

class QWidget;

namespace dino::ui {

void showAboutDialog(QWidget* parent);
// The data-provenance document in a window of its own (the About box's link).
void showProvenanceDialog(QWidget* parent);

}  // namespace dino::ui
