// `dino preview`: renders the configured multi-crop views of some training images into a PNG grid.
#include "command.h"

#include "api/analysis.h"
#include "common/config.h"

#include <iostream>
#include <sstream>

namespace {

std::vector<int64_t> parseIndices(const std::string& s) {
    std::vector<int64_t> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        size_t used = 0;
        long long v = std::stoll(item, &used);
        if (used != item.size() || v < 0) throw std::invalid_argument(item);
        out.push_back(v);
    }
    return out;
}

int runPreview(const dino::cli::Args& a) {
    using namespace dino::cli;
    if (hasFlag(a, "--help") || hasFlag(a, "-h")) {
        std::cout << "usage: dino preview [--config cfg.json] [--set section.field=value]... [--indices 0,1,2,3]\n"
                     "                    [--seed N] [--scale 4] [--verbose] --out grid.png\n\n"
                     "Writes a PNG grid: one row per training image, the original first, then its global\n"
                     "and local views as the configured augmentations make them (un-normalised).\n"
                     "--verbose also prints what was applied to every view.\n";
        return kOk;
    }
    const std::string out = option(a, "--out");
    if (out.empty()) {
        std::cerr << "error: --out grid.png is required (see dino preview --help)\n";
        return kUsage;
    }
    const std::string cfg_path = option(a, "--config");
    dino::RunConfig cfg = cfg_path.empty() ? dino::RunConfig{} : dino::loadConfigFile(cfg_path);
    for (const auto& s : options(a, "--set")) dino::applyOverride(cfg, s);
    auto errors = dino::validate(cfg);
    if (!errors.empty()) throw dino::ConfigError(cfg_path.empty() ? "--set" : cfg_path, errors);

    std::vector<int64_t> indices;
    uint64_t seed = cfg.system.seed;
    int scale = 4;
    try {
        indices = parseIndices(option(a, "--indices", "0,1,2,3"));
        seed = std::stoull(option(a, "--seed", std::to_string(cfg.system.seed)));
        scale = std::stoi(option(a, "--scale", "4"));
    } catch (const std::exception&) {
        std::cerr << "error: --indices expects a comma-separated list of image numbers, --seed and --scale numbers\n";
        return kUsage;
    }
    if (indices.empty() || scale < 1 || scale > 32) {
        std::cerr << "error: give at least one index and a --scale of 1..32\n";
        return kUsage;
    }
    std::vector<dino::api::PreviewImage> previews;
    try {
        previews = dino::api::previewViews(cfg, indices, seed);
    } catch (const std::out_of_range& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kUsage;
    } catch (const std::runtime_error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kDataError;
    }
    const dino::api::RgbImage grid = dino::api::previewGrid(previews, scale);
    dino::api::writePng(out, grid);
    std::cout << "wrote " << out << " (" << grid.width << "x" << grid.height << "): " << previews.size()
              << " images x (original + " << previews.front().views.size() << " views), seed " << seed << "\n";
    for (const auto& p : previews) {
        std::cout << "  #" << p.index << " label " << p.label << (p.class_name.empty() ? "" : " (" + p.class_name + ")")
                  << "\n";
        if (!hasFlag(a, "--verbose")) continue;
        for (const auto& v : p.views) {
            std::cout << "    " << v.label << ":\n";
            std::stringstream ops(v.operations);
            std::string line;
            while (std::getline(ops, line)) std::cout << "      " << line << "\n";
        }
    }
    return kOk;
}

}  // namespace

DINO_COMMAND("preview", "render augmented views of training images into a PNG grid", runPreview);
