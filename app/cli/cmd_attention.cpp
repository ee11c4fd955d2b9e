// `dino attention`: the class token's attention maps of a run's model for chosen images (official
// DINO's visualize_attention.py), as a PNG grid and as raw .npy maps.
#include "analysis_command.h"

#include "api/inspection.h"

#include <cstdio>
#include <sstream>

namespace dino::cli {
namespace {

const char* kAttentionUsage =
    "usage: dino attention DIR (--images I,J,... | --class C [--count N] | --random N) --out FILE.png\n"
    "                      [--split NAME] [--block B] [--model teacher|student|random-init]\n"
    "                      [--checkpoint FILE] [--baseline] [--threshold F] [--opacity A] [--scale S]\n"
    "                      [--npy FILE.npy] [--seed N] [--per-map-scale]\n\n"
    "The last block's (or block B's) attention of the class token to each patch, per head, for the\n"
    "chosen images of a split: the softmax row of the class-token query over the patch keys,\n"
    "renormalised over the patches (each head's map sums to 1), as official DINO's\n"
    "visualize_attention.py shows it. The PNG has a row per image: the image, each head's map, the head\n"
    "mean, the mean over the image, and the image outside the threshold mask darkened (the patches\n"
    "holding F of the mean's attention, as the official --threshold). Maps are upsampled\n"
    "nearest-neighbour by the patch size. Colours are viridis on one scale for the whole figure, from 0\n"
    "to its largest value, so a near-uniform map (random init) looks flat; --per-map-scale scales each\n"
    "map to its own range as the official script does (tiny differences then look like structure).\n\n"
    "options:\n"
    "  --images I,J,...   image indices in the split (0-based)\n"
    "  --class C          images of class C (index or name); --count N of them (default 4)\n"
    "  --random N         N images drawn from the split (with --seed, default 0)\n"
    "  --split NAME       train, val or test (default: the run's eval.test_split)\n"
    "  --block B          0-based block (default: the last; -1 = the last)\n"
    "  --model M          teacher (default), student, or random-init (the run's seed, untrained)\n"
    "  --checkpoint FILE  this checkpoint instead of DIR/checkpoints/last.ckpt (any epoch_NNN.ckpt)\n"
    "  --baseline         a second row per image: the random-init model with the run's seed\n"
    "  --threshold F      attention mass the mask keeps, in (0, 1] (default 0.6)\n"
    "  --opacity A        heat-map opacity of the overlay, in [0, 1] (default 0.6)\n"
    "  --scale S          pixels per image pixel in the PNG (default 4)\n"
    "  --per-map-scale    colour each map by its own min and max instead of one shared scale\n"
    "  --npy FILE.npy     also write the raw maps, float32 (N, heads, grid, grid)\n"
    "  --out FILE.png     the figure (required unless --npy is given)\n\n"
    "exit codes: 0 ok, 1 failure, 2 bad usage, 3 cancelled (Ctrl-C), 4 data error\n";

}  // namespace

int runAttention(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kAttentionUsage;
        return kOk;
    }
    const std::vector<std::string> with_value = {"--images", "--class", "--count", "--random", "--split",
                                                 "--block",  "--model", "--checkpoint", "--threshold", "--opacity",
                                                 "--scale",  "--npy",   "--out",   "--seed"};
    const auto pos = positionals(a, with_value);
    if (pos.size() != 1) return usageError("expected one run directory", kAttentionUsage);
    const std::string out = option(a, "--out"), npy = option(a, "--npy");
    if (out.empty() && npy.empty()) return usageError("--out FILE.png (or --npy FILE.npy) is required", kAttentionUsage);
    const std::string images = option(a, "--images"), cls = option(a, "--class"), random = option(a, "--random");
    if (int(!images.empty()) + int(!cls.empty()) + int(!random.empty()) != 1)
        return usageError("choose the images with exactly one of --images, --class or --random", kAttentionUsage);
    long long block = -1, count = 4, seed = 0, scale = 4;
    double threshold = 0.6, opacity = 0.6;
    if (!option(a, "--block").empty() && !parseInt(option(a, "--block"), block))
        return usageError("--block must be an integer, got '" + option(a, "--block") + "'", kAttentionUsage);
    if (!option(a, "--count").empty() && (!parseInt(option(a, "--count"), count) || count < 1))
        return usageError("--count must be a positive integer, got '" + option(a, "--count") + "'", kAttentionUsage);
    if (!random.empty() && (!parseInt(random, count) || count < 1))
        return usageError("--random must be a positive integer, got '" + random + "'", kAttentionUsage);
    if (!option(a, "--seed").empty() && !parseInt(option(a, "--seed"), seed))
        return usageError("--seed must be an integer, got '" + option(a, "--seed") + "'", kAttentionUsage);
    if (!option(a, "--scale").empty() && (!parseInt(option(a, "--scale"), scale) || scale < 1 || scale > 64))
        return usageError("--scale must be an integer in [1, 64], got '" + option(a, "--scale") + "'", kAttentionUsage);
    if (!option(a, "--threshold").empty() &&
        (!parseDouble(option(a, "--threshold"), threshold) || !(threshold > 0 && threshold <= 1)))
        return usageError("--threshold must be in (0, 1], got '" + option(a, "--threshold") + "'", kAttentionUsage);
    if (!option(a, "--opacity").empty() &&
        (!parseDouble(option(a, "--opacity"), opacity) || !(opacity >= 0 && opacity <= 1)))
        return usageError("--opacity must be in [0, 1], got '" + option(a, "--opacity") + "'", kAttentionUsage);
    std::vector<int64_t> indices;
    if (!images.empty()) {
        std::stringstream in(images);
        std::string item;
        while (std::getline(in, item, ',')) {
            long long v = 0;
            if (!parseInt(item, v) || v < 0)
                return usageError("--images takes non-negative indices separated by commas, got '" + item + "'",
                                  kAttentionUsage);
            indices.push_back(v);
        }
    }
    api::ModelSource source;
    source.checkpoint = option(a, "--checkpoint");
    source.model = option(a, "--model", "teacher");
    if (source.model != "teacher" && source.model != "student" && source.model != "random-init")
        return usageError("--model must be teacher, student or random-init, got '" + source.model + "'",
                          kAttentionUsage);
    return guardedWithUsage([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        const std::string split = option(a, "--split");
        if (indices.empty()) {
            int label = -1;
            if (!cls.empty()) {
                const api::SplitLabels s = api::splitLabels(pos[0], split);
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
            indices = api::pickImages(pos[0], split, label, int(count), uint64_t(seed));
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
            api::computeAttentionMaps(pos[0], split, indices, int(block), source, progress, interruptFlag());
        api::AttentionMaps baseline;
        if (hasFlag(a, "--baseline")) {
            api::ModelSource rnd = source;
            rnd.model = "random-init";
            baseline = api::computeAttentionMaps(pos[0], split, indices, int(block), rnd, progress, interruptFlag());
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
            o.shared_scale = !hasFlag(a, "--per-map-scale");
            api::writeAttentionPng(maps, out, o, hasFlag(a, "--baseline") ? &baseline : nullptr);
            std::printf("wrote %s: a row per image%s; columns: image, head 1..%d, head mean, overlay (opacity %.2f), "
                        "mask (%.0f %% of the attention); colours %s\n",
                        out.c_str(), hasFlag(a, "--baseline") ? " and one below it for random init" : "", maps.heads,
                        opacity, 100 * threshold,
                        o.shared_scale ? ("0 to " + std::to_string(api::attentionScaleMax(
                                                         maps, hasFlag(a, "--baseline") ? &baseline : nullptr)) +
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
