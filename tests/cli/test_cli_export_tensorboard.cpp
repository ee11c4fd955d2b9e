// `dino export --format tensorboard` as a script sees it: one run or a folder of runs (each a real tiny
// run), one event file per run under OUT/<run name>/, and the mistakes (exit 1 or 2 naming them).
#include "cli_test_util.h"

#include <catch2/catch.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using dino::test::quoted;
using dino::test::runDino;
using dino::test::Scratch;

namespace {

std::vector<std::string> eventFiles(const fs::path& dir) {
    std::vector<std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename().string().rfind("events.out.tfevents.", 0) == 0) out.push_back(e.path().string());
    return out;
}

}  // namespace

TEST_CASE("dino export --format tensorboard: a run, a folder of runs, and the mistakes", "[cli][export][tensorboard]") {
    Scratch s("export-tb");
    const std::string runs = s / "runs";
    for (const char* name : {"lr-a", "lr-b"}) {
        const auto r = runDino(s, std::string("train --preset tiny --set eval.eval_at_end=false --set optim.epochs=1 "
                                              "--set optim.max_steps_per_epoch=2 --set eval.knn_every_steps=1 --run ") +
                                      quoted(runs + "/" + name));
        REQUIRE(r.code == 0);
    }

    // One run: its default log folder is RUN/tensorboard.
    auto r = runDino(s, "export " + quoted(runs + "/lr-a") + " --format tensorboard");
    CHECK(r.code == 0);
    CHECK(r.out.find("tensorboard --logdir") != std::string::npos);
    CHECK(eventFiles(runs + "/lr-a/tensorboard/lr-a").size() == 1);

    // A folder: one file per run, under OUT/<run name>/.
    r = runDino(s, "export " + quoted(runs) + " --format tensorboard --out " + quoted(s / "logs"));
    CHECK(r.code == 0);
    CHECK(eventFiles(s / "logs/lr-a").size() == 1);
    CHECK(eventFiles(s / "logs/lr-b").size() == 1);
    CHECK(r.out.find("hparams") != std::string::npos);

    // Neither a run nor a folder of runs: exit 1 naming it; --checkpoint belongs to safetensors: exit 2.
    fs::create_directories(s / "empty");
    r = runDino(s, "export " + quoted(s / "empty") + " --format tensorboard");
    CHECK(r.code == 1);
    CHECK(r.err.find(s / "empty") != std::string::npos);
    r = runDino(s, "export " + quoted(runs + "/lr-a") + " --format tensorboard --checkpoint x.ckpt");
    CHECK(r.code == 2);
    CHECK(r.err.find("--checkpoint") != std::string::npos);
}
