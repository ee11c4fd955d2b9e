// `dino preview`: renders the configured multi-crop views of some training images into a PNG grid.
#include "config_args.h"
#include "parser.h"

#include "api/analysis.h"
#include "common/config.h"

#include <iostream>
#include <optional>
#include <sstream>

namespace {

int runPreview(const dino::cli::Args& args) {
    using namespace dino::cli;
    ConfigArgs config;
    std::vector<int64_t> indices = {0, 1, 2, 3};
    std::optional<uint64_t> seed_option;
    int scale = 4;
    bool verbose = false;
    std::string out;
    Parser p("preview",
             "Writes a PNG grid: one row per training image, the original first, then its global\n"
             "and local views as the configured augmentations make them (un-normalised).\n");
    config.define(p);
    p.indices("--indices", indices, "I,J,...", "the training images (0-based; default 0,1,2,3)")
        .number("--seed", seed_option, "N", "the augmentations' random seed (default: the configuration's system.seed)")
        .number("--scale", scale, "S", "pixels per image pixel in the PNG (default 4)", Bounds{1, 32})
        .flag("--verbose", verbose, "also print what was applied to every view")
        .text("--out", out, "FILE.png", "the grid", true);
    if (auto code = p.parse(args)) return *code;
    const dino::RunConfig cfg = config.build();
    const uint64_t seed = seed_option.value_or(cfg.system.seed);
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
    for (const auto& image : previews) {
        std::cout << "  #" << image.index << " label " << image.label
                  << (image.class_name.empty() ? "" : " (" + image.class_name + ")") << "\n";
        if (!verbose) continue;
        for (const auto& v : image.views) {
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
