// The run-config fields the form edits, grouped as the configuration panel shows them, each with a
// getter and setter on RunConfig. All of it is derived from the engine's one field table
// (common/config_schema.h): keys, groups, choices, labels and help. Validation stays in the engine
// (dino::validate); this only maps fields to widgets.
#pragma once

#include "common/config.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <vector>

namespace dino::ui {

enum class FieldKind { Int, Double, Bool, Text, Choice, IntChoice, DoubleList, UInt64, Path };

struct FieldSpec {
    QString key;      // "optim.lr", as in config.json and dino::fieldHelp
    QString group;    // "views", "model", "optim", "schedules", "eval", "system", "data"
    FieldKind kind = FieldKind::Double;
    QStringList choices;  // Choice / IntChoice
    std::function<QVariant(const RunConfig&)> get;
    std::function<void(RunConfig&, const QVariant&)> set;
};

// Every field except data.dataset (which has its own picker), in panel order.
const std::vector<FieldSpec>& configFields();
const FieldSpec* findField(const QString& key);

// Group ids in panel order and their (translated) titles.
QStringList fieldGroups();
QString groupTitle(const QString& group);
// Short (translated) label of a field, e.g. "Peak learning rate".
QString fieldLabel(const QString& key);
// One-sentence help of a field (dino::fieldHelp), translated: the text of its tooltips.
// Empty for an unknown key.
QString fieldHelpText(const QString& key);

// "1, 2, 3" <-> {1, 2, 3}; returns false on a malformed list.
bool parseDoubleList(const QString& text, std::vector<double>& out);
QString formatDoubleList(const std::vector<double>& v);
QString formatDouble(double v);
// A field's value of cfg as the form shows it ("0.0005", "ema", "64", "automatic" for an empty list,
// "yes"/"no"); a field the form does not edit (data.dataset) as its config.json value. Empty for an
// unknown key.
QString formatFieldValue(const QString& key, const RunConfig& cfg);

}  // namespace dino::ui
