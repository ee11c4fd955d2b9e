// --preset, --config and --set, for the commands that build a run configuration (train, bench,
// bench-data, preview, import), layered as everywhere: the preset, then the file's fields, then each
// --set line in order; validated.
#pragma once

#include "parser.h"

#include "common/config.h"

#include <string>
#include <vector>

namespace dino::cli {

struct ConfigArgs {
    std::string preset = "seed", file;
    std::vector<std::string> sets;

    // Declares the three options on `p`.
    void define(Parser& p);
    // The configuration they describe; throws ConfigError naming the field (exit 2).
    RunConfig build() const;
};

}  // namespace dino::cli
