// `dino embed`: the teacher's features and the labels of a split as .npy files, for other tools.
#include "analysis_command.h"
#include "parser.h"

#include "api/interop.h"

#include <cstdio>

namespace dino::cli {
namespace {

int runEmbed(const Args& args) {
    std::string dir, out, split, checkpoint;
    Parser p("embed",
             "Writes the teacher encoder's features of a split (un-augmented, normalised images; each row\n"
             "L2-normalised) as a float32 .npy array (N, D), and the class labels as an int64 .npy (N,)\n"
             "beside it (FEATS.labels.npy), for numpy.load in other tools.\n");
    p.positional("DIR", dir, "the run directory")
        .text("--out", out, "FEATS.npy", "where to write the features (required)", true)
        .text("--split", split, "NAME", "train, val or test (default: eval.test_split of the run)")
        .text("--checkpoint", checkpoint, "FILE", "use this checkpoint instead of DIR/checkpoints/last.ckpt");
    if (auto code = p.parse(args)) return *code;
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line("computing features");
        const auto e = api::exportEmbeddings(dir, split, out, checkpoint,
                                             [&](int64_t d, int64_t t) {
                                                 reachPhase("evaluation");
                                                 line(d, t);
                                             },
                                             interruptFlag());
        line.done();
        std::printf("wrote %s (%lld x %d float32, rows L2-normalised; split %s)\nwrote %s (%lld int64 labels)\n",
                    e.features.c_str(), static_cast<long long>(e.n), e.dim, e.split.c_str(), e.labels.c_str(),
                    static_cast<long long>(e.n));
        return int(kOk);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("embed", "teacher features and labels of a split as .npy", dino::cli::runEmbed);
