// One description per config field: the table every other use of a field is derived from.
//
// A field is described once, in config_schema.cpp: its key (the JSON section and name, the --set key), the
// RunConfig member it lives in, the values it allows, its unit, its English label and help text, and the
// group of the configuration form that shows it. From that table come
//   - config.json read/write, unknown-field errors and `--set` (config_json.cpp),
//   - validation and its messages (config_validate.cpp; relations between fields are a field's `check`),
//   - `dino train --help-fields` and the help texts (fieldHelp, configFieldsHelp),
//   - the GUI's form: editor kind, choices, label, tooltip and group (ui/config_fields.cpp).
// The defaults are the member initialisers of the structs in config.h (the seed's values), read from a
// default RunConfig rather than written a second time. Torch-free and Qt-free.
#pragma once

#include "common/config.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace dino {

// A typed pointer to one field of a RunConfig.
using FieldRef = std::variant<bool*, int*, int64_t*, uint64_t*, double*, std::string*, std::vector<double>*>;

// The C++ type of a field, in the order of FieldRef's alternatives.
enum class FieldType { Bool, Int, Int64, UInt64, Double, String, DoubleList };

struct FieldDescriptor {
    std::string key;    // "optim.lr"
    std::string group;  // the form's group: data, views, model, optim, schedules, eval, system
    // English texts, marked for Qt's lupdate in config_schema.cpp; the GUI translates them in the contexts
    // "dino::ui::ConfigFields" (label) and "dino::FieldHelp" (help), the CLI prints them as they are.
    const char* label = "";
    const char* help = "";
    std::string unit;  // "px", "s", "steps", "epochs", or empty

    // Allowed values. Numbers: [min, max], either end open, the lower end optionally another field's value.
    // Generated messages read "must be >= 1", "must be in (0, 1]", "must be a probability in [0, 1]", ...
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_open = false, max_open = false;
    std::string min_field;  // the lower bound is this field's value
    bool probability = false;
    std::string note;     // appended to the generated message in parentheses
    std::string message;  // replaces the generated message
    // Choices (strings, or integers written as text). Enforced by validation unless choices_open, in which
    // case the form offers them and validation only requires a value (non_empty's message).
    std::vector<std::string> choices;
    bool choices_open = false;
    std::string non_empty;  // a string field that must not be empty: the message
    // Rules that involve other fields (a multiple of the patch size, <= optim.batch_size, ...).
    std::function<void(const RunConfig&, std::vector<FieldError>&)> check;
    bool path = false;     // a file or folder: the form adds a chooser
    bool in_form = true;   // false: not in the generic form (data.dataset has its own picker)

    std::function<FieldRef(RunConfig&)> ref;
    FieldType type = FieldType::Bool;  // the member's C++ type (set with ref)

    std::string section() const { return key.substr(0, key.find('.')); }
    std::string name() const { return key.substr(key.find('.') + 1); }
    bool hasRange() const;
};

// Every field, in the order the form shows them (JSON output is sorted by key regardless).
const std::vector<FieldDescriptor>& configFieldTable();
// nullptr for an unknown key.
const FieldDescriptor* findConfigField(const std::string& key);
// The sections of config.json, in table order: data, views, model, optim, eval, system.
std::vector<std::string> configSections();

// What a field allows, in words: "> 0", "[0, 1]", "ema | sinkhorn", ">= views.crop_scale_min"; empty
// for a field without a rule.
std::string fieldRuleText(const FieldDescriptor& d);
// The field's value in a default RunConfig (the seed), as JSON text.
std::string fieldDefaultText(const FieldDescriptor& d);
// A number as the rules and messages (and the CLI's) write it: 0.5, 1e-09, 600 (the stream's default).
std::string formatNumber(double v);
// `dino train --help-fields`: every field with its default, unit, allowed values and help, by group.
std::string configFieldsHelp();

// Calls f(descriptor, field) for every field of cfg in table order; field is T& (or const T& for a
// const config) with T one of FieldRef's pointee types.
template <class C, class F>
void forEachField(C& cfg, F&& f) {
    static_assert(std::is_same_v<std::remove_const_t<C>, RunConfig>);
    for (const FieldDescriptor& d : configFieldTable()) {
        std::visit(
            [&](auto* p) {
                if constexpr (std::is_const_v<C>) f(d, static_cast<const std::remove_pointer_t<decltype(p)>&>(*p));
                else f(d, *p);
            },
            d.ref(const_cast<RunConfig&>(cfg)));
    }
}

}  // namespace dino
