// `dino attention`: the class token's attention maps of a run's model for chosen images (official
// DINO's visualize_attention.py), as a PNG grid and as raw .npy maps.
#include "analysis_command.h"
#include "parser.h"

#include "api/inspection.h"

#include <cstdio>
#include <optional>

namespace dino::cli {
namespace {

const char* kAttentionDescription =
    "The last block's (or block B's) attention of the class token to each patch, per head, for the\n"
    "chosen images of a split: the softmax row of the class-token query over the patch keys,\n"
    "renormalised over the patches (each head's map sums to 1), as official DINO's\n"
    "visualize_attention.py shows it. The PNG has a row per image: the image, each head's map, the head\n"
    "mean, the mean over the image, and the image outside the threshold mask darkened (the patches\n"
    "holding F of the mean's attention, as the official --threshold). Maps are upsampled\n"
    "nearest-neighbour by the patch size. Colours are viridis on one scale for the whole figure, from 0\n"
    "to its largest value, so a near-uniform map (random init) looks flat; --per-map-scale scales each\n"
    "map to its own range as the official script does (tiny differences then look like structure).\n\n"
    "Choose the images with exactly one of --images, --class (with --count) or --random; give --out,\n"
    "--npy or both.\n";

}  // namespace

int runAttention(const Args& args) {
    std::string dir, cls, split, checkpoint, out, npy;
    std::vector<int64_t> indices;
    std::optional<int> random;
    int count = 4, block = -1, scale = 4;
    uint64_t seed = 0;
    double threshold = 0.6, opacity = 0.6;
    bool with_baseline = false, per_map_scale = false;
    api::ModelSource source;  // its defaults are the options' defaults
    Parser p("attention", kAttentionDescription);
    p.positional("DIR", dir, "the run directory")
        .indices("--images", indices, "I,J,...", "image indices in the split (0-based)")
        .text("--class", cls, "C", "images of class C (index or name); --count N of them (default 4)")
        .number("--count", count, "N", "how many images of --class (default 4)", Bounds{1, {}})
        .number("--random", random, "N", "N images drawn from the split (with --seed, default 0)", Bounds{1, {}})
        .text("--split", split, "NAME", "train, val or test (default: the run's eval.test_split)")
        .number("--block", block, "B", "0-based block (default: the last; -1 = the last)");
    modelOptions(p, source)
        .flag("--baseline", with_baseline, "a second row per image: the random-init model with the run's seed")
        .number("--threshold", threshold, "F", "attention mass the mask keeps, in (0, 1] (default 0.6)")
        .number("--opacity", opacity, "A", "heat-map opacity of the overlay, in [0, 1] (default 0.6)", Bounds{0, 1})
        .number("--scale", scale, "S", "pixels per image pixel in the PNG (default 4)", Bounds{1, 64})
        .flag("--per-map-scale", per_map_scale, "colour each map by its own min and max instead of one shared scale")
        .text("--npy", npy, "FILE.npy", "also write the raw maps, float32 (N, heads, grid, grid)")
        .text("--out", out, "FILE.png", "the figure (required unless --npy is given)")
        .number("--seed", seed, "N", "the seed of --random (default 0)")
        .footer("exit codes: 0 ok, 1 failure, 2 bad usage, 3 cancelled (Ctrl-C), 4 data error\n");
    if (auto code = p.parse(args)) return *code;
    if (out.empty() && npy.empty()) return p.usageError("--out FILE.png (or --npy FILE.npy) is required");
    if (int(!indices.empty()) + int(!cls.empty()) + int(random.has_value()) != 1)
        return p.usageError("choose the images with exactly one of --images, --class or --random");
    if (random) count = *random;
    if (!(threshold > 0 && threshold <= 1))
        return p.usageError("--threshold must be in (0, 1], got " + formatNumber(threshold));
    return guardedWithUsage([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        if (indices.empty()) {
            int label = -1;
            if (!cls.empty()) {
                const api::SplitLabels s = api::splitLabels(dir, split);
                long long v = -1;
                if (parseInt(cls, v)) {
                    label = int(v);
                } else {
                    for (size_t c = 0; c < s.class_names.size(); ++c)
                        if (s.class_names[c] == cls) label = int(c);
                }
                if (label < 0 || label >= int(s.class_names.size())) {
                    std::string known;
                    for (size_t c = 0; c < s.class_names.size(); ++c)
                        known += "\n  " + std::to_string(c) + "  " + s.class_names[c];
                    std::cerr << "error: --class '" << cls << "' is not a class of the data set; its classes:" << known
                              << "\n";
                    return int(kUsage);
                }
            }
            indices = api::pickImages(dir, split, label, int(count), uint64_t(seed));
            if (indices.empty()) {
                std::cerr << "error: the split has no images of class " << cls << "\n";
                return int(kDataError);
            }
        }
        PercentLine line("computing attention");
        auto progress = [&](int64_t d, int64_t t) {
            reachPhase("evaluation");
            line(d, t);
        };
        const api::AttentionMaps maps =
            api::computeAttentionMaps(dir, split, indices, int(block), source, progress, interruptFlag());
        api::AttentionMaps baseline;
        if (with_baseline) {
            api::ModelSource rnd = source;
            rnd.model = "random-init";
            baseline = api::computeAttentionMaps(dir, split, indices, int(block), rnd, progress, interruptFlag());
        }
        line.done();
        checkInterrupted("export");
        std::printf("%s of %s, block %d (0-based) of %d, %d heads of %dx%d patches; %s split, images", maps.model.c_str(),
                    maps.model == "random-init" ? "the run's seed" : maps.checkpoint.c_str(), maps.block,
                    maps.depth, maps.heads, maps.grid, maps.grid, maps.split.c_str());
        for (int64_t i : maps.indices) std::printf(" %lld", static_cast<long long>(i));
        std::printf("\n");
        for (size_t i = 0; i < maps.indices.size(); ++i) {
            const int l = maps.labels[i];
            std::printf("  image %lld: label %d (%s); class token's own share per head:",
                        static_cast<long long>(maps.indices[i]), l,
                        l >= 0 && l < int(maps.class_names.size()) ? maps.class_names[size_t(l)].c_str() : "?");
            for (int h = 0; h < maps.heads; ++h) std::printf(" %.3f", maps.self_share[i * size_t(maps.heads) + size_t(h)]);
            std::printf("\n");
        }
        if (!out.empty()) {
            api::AttentionFigureOptions o;
            o.fraction = threshold;
            o.opacity = opacity;
            o.scale = int(scale);
            o.shared_scale = !per_map_scale;
            api::writeAttentionPng(maps, out, o, with_baseline ? &baseline : nullptr);
            std::printf("wrote %s: a row per image%s; columns: image, head 1..%d, head mean, overlay (opacity %.2f), "
                        "mask (%.0f %% of the attention); colours %s\n",
                        out.c_str(), with_baseline ? " and one below it for random init" : "", maps.heads,
                        opacity, 100 * threshold,
                        o.shared_scale ? ("0 to " + std::to_string(api::attentionScaleMax(
                                                         maps, with_baseline ? &baseline : nullptr)) +
                                          " for every map (uniform: " + std::to_string(1.0 / (maps.grid * maps.grid)) + ")")
                                             .c_str()
                                       : "scaled per map");
        }
        if (!npy.empty()) {
            api::writeAttentionNpy(maps, npy);
            std::printf("wrote %s (%zu x %d x %d x %d float32)\n", npy.c_str(), maps.indices.size(), maps.heads,
                        maps.grid, maps.grid);
        }
        return int(kOk);
    });
}

}  // namespace dino::cli

DINO_COMMAND("attention", "the class token's attention maps of chosen images (PNG grid, .npy)", dino::cli::runAttention);
