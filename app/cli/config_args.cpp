#include "config_args.h"

#include "common/fsutil.h"

#include <nlohmann/json.hpp>

namespace dino::cli {

void ConfigArgs::define(Parser& p) {
    p.text("--config", file, "FILE", "configuration JSON (fields left out keep their default or preset value)")
        .text("--preset", preset, "NAME",
              "start from a preset: seed (default; the notebook's run), quick (minutes on a CPU, the sample), "
              "cpu-hour (a full MedMNIST-size set in about an hour on a CPU), tiny (seconds; for checks). --config "
              "and --set apply on top.")
        .configOverrides(sets, "override one field, e.g. --set optim.lr=0.001 --set system.precision=bf16; repeatable");
}

RunConfig ConfigArgs::build() const {
    const RunConfig base = presetConfig(preset);
    RunConfig cfg = base;
    if (!file.empty()) {
        const std::string text = readTextFile(file);
        nlohmann::json patch;
        try {
            patch = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            throw ConfigError(file, {{"(file)", std::string("not valid JSON: ") + e.what()}});
        }
        if (!patch.is_object()) throw ConfigError(file, {{"(file)", "expected a JSON object with sections"}});
        auto merged = nlohmann::json::parse(configToJson(base));
        merged.merge_patch(patch);
        cfg = configFromJson(merged.dump(), file);  // unknown fields and wrong types are named here
    }
    for (const auto& s : sets) applyOverride(cfg, s);
    const auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError(file.empty() ? "configuration" : file, errors);
    return cfg;
}

}  // namespace dino::cli
