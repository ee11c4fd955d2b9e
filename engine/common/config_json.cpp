// config.json and `--set`: reading and writing a RunConfig through the field table (config_schema.h).
#include "common/config.h"
#include "common/config_schema.h"

#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <algorithm>

namespace dino {
namespace {

using json = nlohmann::json;

template <class T>
const char* typeName() {
    if constexpr (std::is_same_v<T, bool>) return "true or false";
    else if constexpr (std::is_integral_v<T>) return "an integer";
    else if constexpr (std::is_floating_point_v<T>) return "a number";
    else if constexpr (std::is_same_v<T, std::string>) return "a string";
    else return "a list of numbers";
}

// Reads one JSON value into a field with strict types; returns an error message or "".
template <class T>
std::string readValue(const json& v, T& out) {
    if constexpr (std::is_same_v<T, bool>) {
        if (!v.is_boolean()) return std::string("expected ") + typeName<T>();
        out = v.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        // Out-of-range values are errors, not silently wrapped or (for floats) undefined casts.
        const auto range = [] {
            return "expected an integer from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
                   std::to_string(std::numeric_limits<T>::max());
        };
        if (v.is_number_unsigned()) {
            const uint64_t u = v.get<uint64_t>();
            if (u > static_cast<uint64_t>(std::numeric_limits<T>::max())) return range();
            out = static_cast<T>(u);
        } else if (v.is_number_integer()) {
            const int64_t i = v.get<int64_t>();
            if constexpr (std::is_unsigned_v<T>) {
                if (i < 0) return "expected a non-negative integer";
                if (static_cast<uint64_t>(i) > static_cast<uint64_t>(std::numeric_limits<T>::max())) return range();
            } else {
                if (i < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
                    i > static_cast<int64_t>(std::numeric_limits<T>::max()))
                    return range();
            }
            out = static_cast<T>(i);
        } else if (v.is_number_float() && std::isfinite(v.get<double>()) && std::floor(v.get<double>()) == v.get<double>()) {
            const double d = v.get<double>();
            // Both bounds as doubles; max() + 1 is a power of two, exactly representable.
            const double lo = static_cast<double>(std::numeric_limits<T>::min());
            const double hi = 2.0 * static_cast<double>(std::numeric_limits<T>::max() / 2 + 1);
            if (d < lo || d >= hi) return range();
            out = static_cast<T>(d);
        } else {
            return std::string("expected ") + typeName<T>();
        }
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!v.is_number()) return std::string("expected ") + typeName<T>();
        out = v.get<T>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string()) return std::string("expected ") + typeName<T>();
        out = v.get<std::string>();
    } else {
        if (!v.is_array()) return std::string("expected ") + typeName<T>();
        T tmp;
        for (const auto& e : v) {
            if (!e.is_number()) return std::string("expected ") + typeName<T>();
            tmp.push_back(e.get<double>());
        }
        out = tmp;
    }
    return "";
}

// "data, views, model, optim, eval or system"
std::string sectionList(const char* last_joint) {
    const auto s = configSections();
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) out += (i == 0 ? "" : i + 1 == s.size() ? last_joint : ", ") + s[i];
    return out;
}

}  // namespace

RunConfig configFromJson(const std::string& text, const std::string& where) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& ex) {
        throw ConfigError(where, {{"(file)", std::string("not valid JSON: ") + ex.what()}});
    }
    if (!j.is_object()) throw ConfigError(where, {{"(file)", "expected a JSON object with sections " + sectionList(", ")}});

    RunConfig cfg;
    std::vector<FieldError> errors;
    forEachField(cfg, [&](const FieldDescriptor& d, auto& field) {
        const std::string sec = d.section(), name = d.name();
        if (!j.contains(sec) || !j[sec].is_object() || !j[sec].contains(name)) return;
        std::string err = readValue(j[sec][name], field);
        if (!err.empty()) errors.push_back({d.key, err + ", got " + j[sec][name].dump()});
    });
    const auto sections = configSections();
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (std::find(sections.begin(), sections.end(), it.key()) == sections.end()) {
            errors.push_back({it.key(), "unknown section (expected " + sectionList(" or ") + ")"});
            continue;
        }
        if (!it.value().is_object()) {
            errors.push_back({it.key(), "expected an object"});
            continue;
        }
        for (auto f = it.value().begin(); f != it.value().end(); ++f)
            if (!findConfigField(it.key() + "." + f.key())) errors.push_back({it.key() + "." + f.key(), "unknown field"});
    }
    if (!errors.empty()) throw ConfigError(where, errors);
    return cfg;
}

std::string configToJson(const RunConfig& cfg) {
    json j = json::object();
    forEachField(cfg, [&](const FieldDescriptor& d, const auto& field) {
        j[d.section()][d.name()] = field;
    });
    return j.dump(2) + "\n";
}

RunConfig loadConfigFile(const std::string& path) {
    std::string text = readTextFile(path);
    RunConfig cfg = configFromJson(text, path);
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError(path, errors);
    return cfg;
}

void saveConfigFile(const RunConfig& cfg, const std::string& path) { writeFileAtomic(path, configToJson(cfg)); }

void applyOverride(RunConfig& cfg, const std::string& assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("--set", {{assignment, "expected section.field=value, e.g. optim.lr=0.001"}});
    std::string key = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    json value;
    try {
        value = json::parse(text);
    } catch (...) {
        value = text;  // bare strings: device=cpu
    }
    const FieldDescriptor* d = findConfigField(key);
    if (!d) throw ConfigError("--set", {{key, "unknown field"}});
    std::string err;
    std::visit(
        [&](auto* field) {
            using T = std::remove_pointer_t<decltype(field)>;
            if constexpr (std::is_same_v<T, std::string>) {
                if (!value.is_string()) value = text;
            }
            err = readValue(value, *field);
        },
        d->ref(cfg));
    if (!err.empty()) throw ConfigError("--set", {{key, err + ", got " + text}});
}

}  // namespace dino
