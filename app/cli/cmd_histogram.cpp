// `dino histogram`: the teacher's pseudo-label histogram over a split, with its entropy (Part VI of
// the seed), written to pseudo_labels.json.
#include "analysis_command.h"
#include "parser.h"

#include "api/analysis.h"
#include "common/fsutil.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

int runHistogram(const Args& args) {
    std::string dir, split, checkpoint, csv;
    bool all = false, sort = false;
    Parser p("histogram",
             "Part VI of the seed: the teacher's pseudo-label (argmax of its head) for every image of a split,\n"
             "counted per label (torch.bincount over model.out_dim bins), with the entropy of that histogram\n"
             "and the number of labels in use. Writes DIR/pseudo_labels.json.\n");
    p.positional("DIR", dir, "the run directory")
        .text("--split", split, "NAME", "train, val or test (default: eval.test_split of the run)")
        .text("--checkpoint", checkpoint, "FILE", "use this checkpoint instead of DIR/checkpoints/last.ckpt")
        .text("--csv", csv, "OUT.csv", "also write pseudo_label,count for every bin")
        .flag("--all", all, "show empty bins too")
        .flag("--sort", sort, "largest bins first");
    if (auto code = p.parse(args)) return *code;
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        const auto r = api::pseudoLabels(dir, split, checkpoint);
        checkInterrupted("evaluation");  // pseudo_labels.json is written; the CSV is not
        std::vector<size_t> order;
        for (size_t i = 0; i < r.counts.size(); ++i)
            if (r.counts[i] > 0 || all) order.push_back(i);
        if (sort)
            std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return r.counts[x] > r.counts[y]; });
        const int64_t top = r.counts.empty() ? 0 : *std::max_element(r.counts.begin(), r.counts.end());
        const int width = 50;
        std::printf("teacher pseudo-labels on %s: %lld images, %zu bins\n\n%6s  %-*s %s\n", r.split.c_str(),
                    static_cast<long long>(r.n_images), r.counts.size(), "label", width, "", "count");
        for (size_t i : order) {
            const int len = top > 0 ? int(std::lround(double(width) * double(r.counts[i]) / double(top))) : 0;
            std::printf("%6zu  %-*s %lld\n", i, width, std::string(size_t(std::max(len, r.counts[i] > 0 ? 1 : 0)), '#').c_str(),
                        static_cast<long long>(r.counts[i]));
        }
        if (!all && r.used < int(r.counts.size()))
            std::printf("(%zu empty bins not shown; --all shows them)\n", r.counts.size() - size_t(r.used));
        std::printf("\nentropy %.4f nats of %.4f possible (%.1f%%); %d of %zu pseudo-labels used\n", r.entropy,
                    r.max_entropy, r.max_entropy > 0 ? 100.0 * r.entropy / r.max_entropy : 0.0, r.used,
                    r.counts.size());
        if (!csv.empty()) {
            std::string text = "pseudo_label,count\n";
            for (size_t i = 0; i < r.counts.size(); ++i) text += std::to_string(i) + "," + std::to_string(r.counts[i]) + "\n";
            writeFileAtomic(csv, text);
            std::printf("wrote %s\n", csv.c_str());
        }
        std::printf("wrote %s\n", (fs::path(dir) / "pseudo_labels.json").string().c_str());
        return int(kOk);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("histogram", "the teacher's pseudo-label histogram over a split, with its entropy", dino::cli::runHistogram);
