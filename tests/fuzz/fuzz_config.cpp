// A run configuration as JSON, then `--set` overrides, then validation: the first line of the input
// is the JSON text, every further line one "section.field=value" override. Any input gives a
// configuration or a ConfigError / invalid_argument naming the field; a valid one round-trips.
#include "common/config.h"

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto nl = text.find('\n');
    const std::string json = text.substr(0, nl);
    dino::RunConfig cfg;
    try {
        cfg = dino::configFromJson(json, "fuzz.json");
    } catch (const dino::ConfigError&) {
    }
    if (nl != std::string::npos) {
        std::istringstream rest(text.substr(nl + 1));
        std::string line;
        while (std::getline(rest, line)) {
            try {
                dino::applyOverride(cfg, line);
            } catch (const dino::ConfigError&) {
            } catch (const std::invalid_argument&) {
            }
        }
    }
    if (dino::validate(cfg).empty()) {
        // What validates is written and read back to the same configuration.
        const std::string out = dino::configToJson(cfg);
        if (dino::configToJson(dino::configFromJson(out, "round trip")) != out) __builtin_trap();
    }
    return 0;
}
