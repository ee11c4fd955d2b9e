// Validation of a RunConfig: each field's rule from the table (config_schema.cpp), in table order, then the
// field's relations with other fields (its `check`).
#include "common/config.h"
#include "common/config_schema.h"

#include <algorithm>
#include <cmath>

namespace dino {
namespace {

std::string num(double v) { return formatNumber(v); }

template <class T>
std::string shown(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) return "\"" + v + "\"";
    else if constexpr (std::is_floating_point_v<T>) return num(v);
    else if constexpr (std::is_arithmetic_v<T>) return std::to_string(v);
    else return std::to_string(v.size()) + " numbers";
}

// "must be ema or sinkhorn", "must be auto, cpu or cuda", "must be one of 28, 64, 128, 224".
std::string choiceMessage(const FieldDescriptor& d) {
    std::string list;
    if (d.type != FieldType::String) {
        for (const auto& c : d.choices) list += (list.empty() ? "" : ", ") + c;
        return "must be one of " + list;
    }
    for (size_t i = 0; i < d.choices.size(); ++i)
        list += (i == 0 ? "" : i + 1 == d.choices.size() ? " or " : ", ") + d.choices[i];
    return "must be " + list;
}

std::string rangeMessage(const FieldDescriptor& d) {
    if (!d.message.empty()) return d.message;
    std::string m = d.probability            ? "must be a probability in [0, 1]"
                    : std::isfinite(d.max)   ? "must be in " + fieldRuleText(d)
                                             : "must be " + fieldRuleText(d);
    if (!d.note.empty()) m += " (" + d.note + ")";
    return m;
}

double numberOf(const RunConfig& c, const std::string& key) {
    double out = 0;
    const FieldDescriptor* d = findConfigField(key);
    std::visit(
        [&](auto* p) {
            using T = std::remove_pointer_t<decltype(p)>;
            if constexpr (std::is_arithmetic_v<T>) out = static_cast<double>(*p);
        },
        d->ref(const_cast<RunConfig&>(c)));
    return out;
}

bool inRange(const FieldDescriptor& d, const RunConfig& c, double v, bool floating) {
    if (floating && !std::isfinite(v)) return false;
    const double lo = d.min_field.empty() ? d.min : numberOf(c, d.min_field);
    const bool above = d.min_open && d.min_field.empty() ? v > lo : v >= lo;
    const bool below = d.max_open ? v < d.max : v <= d.max;
    return above && below;
}

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): what JSON can hold.
bool validUtf8(const std::string& s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

}  // namespace

ConfigError::ConfigError(const std::string& where, std::vector<FieldError> errors)
    : std::runtime_error([&] {
          std::string msg = where + ": invalid configuration";
          for (const auto& e : errors) msg += "\n  " + e.field + ": " + e.message;
          return msg;
      }()),
      errors_(std::move(errors)) {}

std::vector<FieldError> validate(const RunConfig& c) {
    std::vector<FieldError> e;
    forEachField(c, [&](const FieldDescriptor& d, const auto& v) {
        using T = std::decay_t<decltype(v)>;
        auto fail = [&](const std::string& message) { e.push_back({d.key, message + " (got " + shown(v) + ")"}); };
        if constexpr (std::is_same_v<T, std::string>) {
            // Found by fuzz_config: a --set value with bytes that are not UTF-8 passed validation and then
            // failed deep inside the JSON writer. Paths and names must be text that config.json can hold.
            if (!validUtf8(v)) e.push_back({d.key, "must be valid UTF-8 text (got bytes that are not)"});
            else if (!d.non_empty.empty() && v.empty()) fail(d.non_empty);
            else if (!d.choices.empty() && !d.choices_open &&
                     std::find(d.choices.begin(), d.choices.end(), v) == d.choices.end())
                fail(choiceMessage(d));
        } else if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
            if (!d.choices.empty() && !d.choices_open) {
                if (std::find(d.choices.begin(), d.choices.end(), shown(v)) == d.choices.end()) fail(choiceMessage(d));
            } else if (d.hasRange() && !inRange(d, c, static_cast<double>(v), std::is_floating_point_v<T>)) {
                fail(rangeMessage(d));
            }
        }
        if (d.check) d.check(c, e);
    });
    return e;
}

}  // namespace dino
