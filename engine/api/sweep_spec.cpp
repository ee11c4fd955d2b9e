// The sweep spec: parsing, its checks, and the configurations it spans.
#include "api/sweep.h"

#include "common/config_schema.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <random>
#include <set>

namespace dino::api {
namespace {

using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& file, const std::string& key, const std::string& message) {
    throw ConfigError(file, {{key, message}});
}

void allowOnly(const ojson& obj, const std::string& file, const std::string& where, const std::set<std::string>& keys) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!keys.count(it.key())) {
            std::string list;
            for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
            fail(file, where + it.key(), "unknown key (expected one of " + list + ")");
        }
}

bool isNumberField(const FieldDescriptor& d) {
    return d.type == FieldType::Int || d.type == FieldType::Int64 || d.type == FieldType::UInt64 || d.type == FieldType::Double;
}

// A two-number range [a, b] of a range dimension.
std::pair<double, double> range(const ojson& v, const std::string& file, const std::string& key) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
        fail(file, key, "expected [low, high], two numbers, got " + v.dump());
    const double a = v[0].get<double>(), b = v[1].get<double>();
    if (!(a < b)) fail(file, key, "low must be below high, got " + v.dump());
    return {a, b};
}

SweepDimension parseDimension(const std::string& field, const ojson& v, const std::string& file) {
    const std::string key = "space." + field;
    const FieldDescriptor* d = findConfigField(field);
    if (!d) fail(file, key, "unknown config field (dino train --help-fields lists them)");
    if (field == "system.seed") fail(file, key, "seeds are swept with \"seeds\", not in the space");
    SweepDimension dim;
    dim.field = field;
    if (v.is_array()) {
        if (v.empty()) fail(file, key, "an empty list of values");
        dim.kind = SweepDimension::Kind::Grid;
        for (const auto& e : v) dim.values.push_back(e.dump());
        return dim;
    }
    if (!v.is_object() || v.size() != 1)
        fail(file, key,
             "expected a list of values (a grid) or one of {\"uniform\": [a, b]}, {\"log_uniform\": [a, b]}, {\"int\": [a, b]}, "
             "{\"choice\": [...]}, got " + v.dump());
    const std::string kind = v.begin().key();
    const ojson& arg = v.begin().value();
    const std::string sub = key + "." + kind;
    if (kind == "choice") {
        if (!arg.is_array() || arg.empty()) fail(file, sub, "expected a non-empty list of values");
        dim.kind = SweepDimension::Kind::Choice;
        for (const auto& e : arg) dim.values.push_back(e.dump());
        return dim;
    }
    if (kind != "uniform" && kind != "log_uniform" && kind != "int")
        fail(file, key, "unknown distribution '" + kind + "' (expected uniform, log_uniform, int or choice)");
    if (!isNumberField(*d)) fail(file, sub, "a range needs a numeric field; use a list or {\"choice\": [...]}");
    std::tie(dim.low, dim.high) = range(arg, file, sub);
    if (kind == "int") {
        if (dim.low != std::floor(dim.low) || dim.high != std::floor(dim.high))
            fail(file, sub, "expected two integers, got " + arg.dump());
        dim.kind = SweepDimension::Kind::Int;
    } else if (kind == "log_uniform") {
        if (dim.low <= 0) fail(file, sub, "log_uniform needs low > 0, got " + arg.dump());
        dim.kind = SweepDimension::Kind::LogUniform;
    } else {
        dim.kind = SweepDimension::Kind::Uniform;
    }
    return dim;
}

int64_t positiveInt(const ojson& v, const std::string& file, const std::string& key, int64_t min) {
    if (!v.is_number_integer() || v.get<int64_t>() < min)
        fail(file, key, "expected an integer >= " + std::to_string(min) + ", got " + v.dump());
    return v.get<int64_t>();
}

PrunerSettings parseEarlyStopping(const ojson& e, const std::string& file, std::string& metric) {
    const std::string k = "early_stopping";
    if (!e.is_object()) fail(file, k, "expected an object with \"rule\", got " + e.dump());
    allowOnly(e, file, k + ".", {"rule", "metric", "warmup_steps", "min_trials", "min_steps", "eta", "brackets"});
    if (!e.contains("rule") || !e["rule"].is_string())
        fail(file, k + ".rule", "missing: successive_halving, hyperband or median");
    PrunerSettings s;
    s.rule = e["rule"].get<std::string>();
    if (e.contains("metric")) {
        if (!e["metric"].is_string()) fail(file, k + ".metric", "expected knn_weighted or knn_1nn");
        metric = e["metric"].get<std::string>();
    }
    const bool halving = s.rule == "successive_halving" || s.rule == "hyperband";
    if (s.rule != "median" && !halving)
        fail(file, k + ".rule", "unknown rule '" + s.rule + "' (expected successive_halving, hyperband or median)");
    auto only = [&](const char* key, bool allowed) {
        if (e.contains(key) && !allowed) fail(file, k + "." + key, "not a parameter of the " + s.rule + " rule");
    };
    only("warmup_steps", !halving);
    only("min_trials", !halving);
    only("min_steps", halving);
    only("eta", halving);
    only("brackets", s.rule == "hyperband");
    if (e.contains("warmup_steps")) s.warmup_steps = positiveInt(e["warmup_steps"], file, k + ".warmup_steps", 0);
    if (e.contains("min_trials")) s.min_trials = static_cast<int>(positiveInt(e["min_trials"], file, k + ".min_trials", 1));
    if (halving) {
        if (!e.contains("min_steps")) fail(file, k + ".min_steps", "missing: the step of the first rung (> 0)");
        s.min_steps = positiveInt(e["min_steps"], file, k + ".min_steps", 1);
        if (e.contains("eta")) s.eta = static_cast<int>(positiveInt(e["eta"], file, k + ".eta", 2));
        if (s.rule == "hyperband") s.brackets = e.contains("brackets") ? static_cast<int>(positiveInt(e["brackets"], file, k + ".brackets", 1)) : 3;
    }
    return s;
}

}  // namespace

SweepSpec parseSweepSpec(const std::string& text, const std::string& file) {
    ojson j;
    try {
        j = ojson::parse(text);
    } catch (const ojson::exception& e) {
        fail(file, "(file)", std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object()) fail(file, "(file)", "expected a JSON object with \"base\" and \"space\"");
    allowOnly(j, file, "", {"base", "set", "variants", "space", "sampler_seed", "seeds", "budget", "metric", "early_stopping", "parallel", "evaluate", "comment"});
    SweepSpec s;
    s.file = file;
    if (j.contains("base")) {
        const auto presets = presetNames();
        std::string names;  // "seed, quick, ..."
        for (const std::string& p : presets) names += (names.empty() ? "" : ", ") + p;
        if (!j["base"].is_string() || j["base"].get<std::string>().empty())
            fail(file, "base", "expected a preset name (" + names + ") or a config file path");
        s.base = j["base"].get<std::string>();
        if (std::find(presets.begin(), presets.end(), s.base) == presets.end()) {
            fs::path p = expandHome(s.base);
            if (p.is_relative()) p = fs::absolute(fs::path(file).parent_path() / p);  // relative to the spec
            std::error_code ec;
            if (!fs::is_regular_file(p, ec))
                fail(file, "base", "'" + s.base + "' is neither a preset (" + names + ") nor a config file (looked for " +
                                       p.lexically_normal().string() + ")");
            s.base = p.lexically_normal().string();
        }
    }
    if (j.contains("set")) {
        if (!j["set"].is_object()) fail(file, "set", "expected an object of config fields, e.g. {\"eval.knn_every_steps\": 4}");
        for (auto it = j["set"].begin(); it != j["set"].end(); ++it) {
            if (!findConfigField(it.key())) fail(file, "set." + it.key(), "unknown config field (dino train --help-fields lists them)");
            s.set.emplace_back(it.key(), it.value().dump());
        }
    }
    auto fixedIn = [&](const std::string& field) -> std::string {
        for (const auto& [k, v] : s.set)
            if (k == field) return "\"set\"";
        for (const auto& [name, fields] : s.variants)
            for (const auto& [k, v] : fields)
                if (k == field) return "variant '" + name + "'";
        return "";
    };
    if (j.contains("variants")) {
        const auto& v = j["variants"];
        if (!v.is_object() || v.empty())
            fail(file, "variants", "expected an object of named variants, e.g. {\"bs32\": {\"optim.batch_size\": 32}}");
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string key = "variants." + it.key();
            if (!it.value().is_object()) fail(file, key, "expected an object of config fields, got " + it.value().dump());
            FieldValues fields;
            for (auto f = it.value().begin(); f != it.value().end(); ++f) {
                if (!findConfigField(f.key())) fail(file, key + "." + f.key(), "unknown config field (dino train --help-fields lists them)");
                const std::string where = fixedIn(f.key());
                if (where == "\"set\"") fail(file, key + "." + f.key(), "also fixed in \"set\"");
                fields.emplace_back(f.key(), f.value().dump());
            }
            s.variants.emplace_back(it.key(), std::move(fields));
        }
    }
    if (j.contains("space")) {
        if (!j["space"].is_object()) fail(file, "space", "expected an object of config fields and their values, e.g. {\"optim.lr\": [0.001, 0.002]}");
        for (auto it = j["space"].begin(); it != j["space"].end(); ++it) {
            const std::string where = fixedIn(it.key());
            if (!where.empty()) fail(file, "space." + it.key(), "also fixed in " + where);
            s.space.push_back(parseDimension(it.key(), it.value(), file));
        }
    }
    if (s.space.empty() && s.variants.empty())
        fail(file, "space", "missing: an object of config fields and their values, e.g. {\"optim.lr\": [0.001, 0.002]} (or \"variants\")");
    if (j.contains("sampler_seed")) {
        if (!j["sampler_seed"].is_number_unsigned()) fail(file, "sampler_seed", "expected an integer >= 0, got " + j["sampler_seed"].dump());
        s.sampler_seed = j["sampler_seed"].get<uint64_t>();
    }
    if (j.contains("seeds")) {
        const auto& v = j["seeds"];
        if (!v.is_array() || v.empty()) fail(file, "seeds", "expected a non-empty list of system.seed values, got " + v.dump());
        s.seeds.clear();
        for (const auto& e : v) {
            if (!e.is_number_unsigned()) fail(file, "seeds", "expected integers >= 0, got " + e.dump());
            if (std::find(s.seeds.begin(), s.seeds.end(), e.get<uint64_t>()) != s.seeds.end())
                fail(file, "seeds", "seed " + e.dump() + " is listed twice");
            s.seeds.push_back(e.get<uint64_t>());
        }
    }
    if (j.contains("budget")) {
        const auto& b = j["budget"];
        if (!b.is_object()) fail(file, "budget", "expected {\"trials\": N, \"wall_minutes\": M}");
        allowOnly(b, file, "budget.", {"trials", "wall_minutes"});
        if (b.contains("trials")) s.trials = static_cast<int>(positiveInt(b["trials"], file, "budget.trials", 1));
        if (b.contains("wall_minutes")) {
            if (!b["wall_minutes"].is_number() || !(b["wall_minutes"].get<double>() > 0))
                fail(file, "budget.wall_minutes", "expected a number > 0, got " + b["wall_minutes"].dump());
            s.wall_minutes = b["wall_minutes"].get<double>();
        }
    }
    if (j.contains("metric")) {
        if (!j["metric"].is_string()) fail(file, "metric", "expected knn_weighted or knn_1nn");
        s.metric = j["metric"].get<std::string>();
    }
    if (j.contains("early_stopping")) {
        std::string metric = s.metric;
        s.early_stopping = parseEarlyStopping(j["early_stopping"], file, metric);
        if (j.contains("metric") && metric != s.metric)
            fail(file, "early_stopping.metric", "differs from \"metric\" (" + s.metric + "): a sweep ranks and stops on one metric");
        s.metric = metric;
    }
    if (s.metric != "knn_weighted" && s.metric != "knn_1nn")
        fail(file, j.contains("early_stopping") && j["early_stopping"].contains("metric") ? "early_stopping.metric" : "metric",
             "unknown metric '" + s.metric + "' (expected knn_weighted or knn_1nn)");
    if (j.contains("parallel")) s.parallel = static_cast<int>(positiveInt(j["parallel"], file, "parallel", 1));
    if (j.contains("evaluate")) {
        const auto& v = j["evaluate"];
        if (!v.is_array()) fail(file, "evaluate", "expected a list of splits to evaluate each finished trial on, e.g. [\"test\"], got " + v.dump());
        for (const auto& e : v) {
            const std::string split = e.is_string() ? e.get<std::string>() : "";
            if (split != "train" && split != "val" && split != "test")
                fail(file, "evaluate", "expected the splits train, val or test, got " + e.dump());
            if (std::find(s.evaluate.begin(), s.evaluate.end(), split) != s.evaluate.end())
                fail(file, "evaluate", "split '" + split + "' is listed twice");
            s.evaluate.push_back(split);
        }
    }
    const bool random = std::any_of(s.space.begin(), s.space.end(), [](const SweepDimension& d) {
        return d.kind != SweepDimension::Kind::Grid;
    });
    if (random && s.trials == 0)
        fail(file, "budget.trials", "missing: the number of configurations to draw from the random dimensions");
    return s;
}

SweepSpec loadSweepSpec(const std::string& path) { return parseSweepSpec(readTextFile(path), path); }

namespace {

// A number in [0, 1) from 53 bits of the generator: the same draws on every platform (the standard
// distributions are implementation-defined).
double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

bool isIntegerField(const FieldDescriptor& d) { return isNumberField(d) && d.type != FieldType::Double; }

std::string draw(const SweepDimension& d, std::mt19937_64& g) {
    const FieldDescriptor& f = *findConfigField(d.field);
    switch (d.kind) {
    case SweepDimension::Kind::Choice: return d.values[std::min(d.values.size() - 1, static_cast<size_t>(unit(g) * d.values.size()))];
    case SweepDimension::Kind::Int: {
        const double n = d.high - d.low + 1;
        return nlohmann::json(static_cast<int64_t>(d.low + std::min(n - 1, std::floor(unit(g) * n)))).dump();
    }
    case SweepDimension::Kind::Uniform:
    case SweepDimension::Kind::LogUniform: {
        const double u = unit(g);
        const double v = d.kind == SweepDimension::Kind::Uniform ? d.low + u * (d.high - d.low)
                                                                  : std::exp(std::log(d.low) + u * (std::log(d.high) - std::log(d.low)));
        if (isIntegerField(f)) return nlohmann::json(static_cast<int64_t>(std::llround(v))).dump();
        return nlohmann::json(v).dump();
    }
    case SweepDimension::Kind::Grid: break;
    }
    throw std::logic_error("draw: a grid dimension");
}

// Sets a field from JSON text; a bad value or type is named as "<where>.<field>" of the spec file.
void setField(RunConfig& cfg, const std::string& field, const std::string& value, const std::string& file, const std::string& where) {
    try {
        applyOverride(cfg, field + "=" + value);
    } catch (const ConfigError& e) {
        fail(file, where + field, e.fields().empty() ? e.what() : e.fields().front().message);
    }
}

// Validates a configuration; each error is named by the spec key that made the value: "space.<field>",
// "variants.<name>.<field>", "set.<field>" or, for a value of the base, "base: <field>".
void check(const RunConfig& cfg, const SweepSpec& spec, const FieldValues& values, const std::string& variant,
           const std::string& what) {
    const auto errors = validate(cfg);
    if (errors.empty()) return;
    std::vector<FieldError> named;
    for (const auto& e : errors) {
        std::string key = "base: " + e.field;
        for (const auto& [f, v] : spec.set)
            if (f == e.field) key = "set." + f;
        for (const auto& [name, fields] : spec.variants)
            if (name == variant)
                for (const auto& [f, v] : fields)
                    if (f == e.field) key = "variants." + name + "." + f;
        for (const auto& [f, v] : values)
            if (f == e.field) key = "space." + f;
        named.push_back({key, e.message + " in " + what});
    }
    throw ConfigError(spec.file, named);
}

std::string describe(const FieldValues& values) {
    std::string s;
    for (const auto& [f, v] : values) s += (s.empty() ? "" : ", ") + f + "=" + v;
    return s;
}

}  // namespace

RunConfig sweepBaseConfig(const SweepSpec& spec) {
    RunConfig base;
    const auto presets = presetNames();
    if (std::find(presets.begin(), presets.end(), spec.base) != presets.end()) base = presetConfig(spec.base);
    else {
        try {
            base = loadConfigFile(spec.base);
        } catch (const ConfigError& e) {
            fail(spec.file, "base", e.what());
        }
    }
    for (const auto& [f, v] : spec.set) setField(base, f, v, spec.file, "set.");
    if (!spec.seeds.empty()) base.system.seed = spec.seeds.front();
    check(base, spec, {}, "", "the base with \"set\"");
    return base;
}

std::vector<SweepConfiguration> sweepConfigurations(const SweepSpec& spec) {
    const RunConfig base = sweepBaseConfig(spec);

    std::vector<std::pair<std::string, RunConfig>> variants;  // each variant's base
    for (const auto& [name, fields] : spec.variants) {
        RunConfig c = base;
        for (const auto& [f, v] : fields) setField(c, f, v, spec.file, "variants." + name + ".");
        check(c, spec, {}, name, "variant '" + name + "'");
        variants.emplace_back(name, c);
    }
    if (variants.empty()) variants.emplace_back("", base);
    // Every value of the space, and both ends of each range, on its own against the base (each variant):
    // a bad value is named before any configuration is built.
    for (const auto& d : spec.space) {
        std::vector<std::string> probes = d.values;
        if (d.kind == SweepDimension::Kind::Uniform || d.kind == SweepDimension::Kind::LogUniform ||
            d.kind == SweepDimension::Kind::Int) {
            const bool integer = isIntegerField(*findConfigField(d.field)) || d.kind == SweepDimension::Kind::Int;
            probes = {integer ? nlohmann::json(static_cast<int64_t>(std::llround(d.low))).dump() : nlohmann::json(d.low).dump(),
                      integer ? nlohmann::json(static_cast<int64_t>(std::llround(d.high))).dump() : nlohmann::json(d.high).dump()};
        }
        for (const auto& [variant, variant_config] : variants)
            for (const auto& v : probes) {
                RunConfig c = variant_config;
                setField(c, d.field, v, spec.file, "space.");
                check(c, spec, {{d.field, v}}, variant, d.field + "=" + v + (variant.empty() ? "" : " of variant '" + variant + "'"));
            }
    }

    std::vector<const SweepDimension*> grid, random;
    for (const auto& d : spec.space) (d.kind == SweepDimension::Kind::Grid ? grid : random).push_back(&d);
    size_t grid_size = 1;
    for (const auto* d : grid) {
        grid_size *= d->values.size();
        if (grid_size > 100000) fail(spec.file, "space", "the grid has more than 100000 points");
    }
    const size_t nv = variants.size();
    const size_t points = random.empty() ? grid_size : (static_cast<size_t>(spec.trials) + nv - 1) / nv;
    const size_t count = spec.trials > 0 ? std::min(points * nv, static_cast<size_t>(spec.trials)) : points * nv;
    std::mt19937_64 gen(spec.sampler_seed);
    // The points of the space, drawn once: every variant meets the same ones.
    std::vector<FieldValues> space_points;
    for (size_t i = 0; i < points; ++i) {
        // Grid point i % grid_size, the first dimension slowest.
        std::vector<std::string> grid_values(grid.size());
        size_t rest = i % grid_size;
        for (size_t k = grid.size(); k-- > 0;) {
            grid_values[k] = grid[k]->values[rest % grid[k]->values.size()];
            rest /= grid[k]->values.size();
        }
        FieldValues values;
        size_t gi = 0;
        for (const auto& d : spec.space)
            values.emplace_back(d.field, d.kind == SweepDimension::Kind::Grid ? grid_values[gi++] : draw(d, gen));
        space_points.push_back(std::move(values));
    }
    std::vector<SweepConfiguration> out;
    for (size_t i = 0; i < count; ++i) {
        const auto& [variant, variant_config] = variants[i / points];
        const FieldValues& point = space_points[i % points];
        SweepConfiguration c;
        c.index = static_cast<int>(i);
        if (!variant.empty()) c.values.emplace_back("variant", nlohmann::json(variant).dump());
        c.values.insert(c.values.end(), point.begin(), point.end());
        c.config = variant_config;
        for (const auto& [f, v] : point) setField(c.config, f, v, spec.file, "space.");
        check(c.config, spec, point, variant, "configuration " + std::to_string(i) + " (" + describe(c.values) + ")");
        if (spec.early_stopping && c.config.eval.knn_every_steps <= 0)
            fail(spec.file, "early_stopping",
                 "stops on the live k-NN curve, which configuration " + std::to_string(i) +
                     " does not compute: set eval.knn_every_steps > 0 (in \"set\" or the base)");
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace dino::api
