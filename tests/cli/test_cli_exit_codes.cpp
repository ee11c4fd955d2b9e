// Every documented exit code of every command (README, "Exit codes"), each produced for real: 0 ok,
// 1 failure, 2 usage or config error, 3 cancelled (Ctrl-C, at every phase), 4 data error,
// 5 non-finite loss. Ctrl-C is sent by the process itself at a named phase
// (DINO_TEST_INTERRUPT_AT, see app/cli/interrupt.h), and afterwards nothing is half-written: no
// temp file anywhere, no output file of the interrupted command.
#include "api/run_directory.h"
#include "cli_test_util.h"
#include "common/fsutil.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace dino;
using dino::test::quoted;
using dino::test::tempFiles;
using dino::test::runDino;
using dino::test::Scratch;

namespace {

struct Case {
    std::string args;
    int code;
    std::string env = "";            // e.g. "DINO_TEST_INTERRUPT_AT=training "
    std::string must_not_exist = "";  // a file the command must not leave behind
};


std::string interruptAt(const char* phase) { return std::string("DINO_TEST_INTERRUPT_AT=") + phase + " "; }

}  // namespace

TEST_CASE("exit codes: every documented code of every command, Ctrl-C at every phase", "[cli][exit-codes]") {
    Scratch s("exit");
    const std::string tiny = "--preset tiny --set eval.eval_at_end=false";
    // Fixtures: a trained run, a run whose data file is gone, a run without checkpoints.
    const std::string run = s / "run", gone = s / "gone", empty = s / "empty";
    REQUIRE(runDino(s, "train " + tiny + " --run " + quoted(run)).code == 0);
    const char* env = std::getenv("DINO_SAMPLE");
    fs::copy_file(env && *env ? std::string(env) : std::string(DINO_SAMPLE_NPZ), s / "copy.npz");
    REQUIRE(runDino(s, "train " + tiny + " --set data.dataset=" + quoted(s / "copy.npz") + " --run " + quoted(gone)).code == 0);
    fs::remove(s / "copy.npz");
    REQUIRE(runDino(s, "train " + tiny + " --set optim.epochs=1 --run " + quoted(empty)).code == 0);
    fs::remove_all(fs::path(empty) / "checkpoints");
    // A run to resume, stopped mid-way; and one whose config now makes the loss diverge.
    const std::string half = s / "half", diverge = s / "diverge";
    REQUIRE(runDino(s, "train " + tiny + " --set optim.epochs=3 --run " + quoted(half), interruptAt("training")).code == 3);
    fs::copy(half, diverge, fs::copy_options::recursive);
    {
        auto cfg = nlohmann::json::parse(readTextFile(api::runConfigPath(diverge)));
        cfg["optim"]["lr"] = 1e30;
        std::ofstream(api::runConfigPath(diverge)) << cfg.dump(2);
    }
    std::ofstream(s / "garbage.safetensors") << "not a safetensors file";
    // IDX files for convert-idx: 3 images of 4x4 and their labels, and a truncated image file.
    auto idx = [&](const std::string& name, std::vector<uint32_t> shape, size_t values) {
        std::string b = {0, 0, 8, static_cast<char>(shape.size())};
        for (uint32_t n : shape)
            for (int sh = 24; sh >= 0; sh -= 8) b.push_back(static_cast<char>((n >> sh) & 0xff));
        b.append(values, '\x01');
        std::ofstream(s / name, std::ios::binary) << b;
        return quoted(s / name);
    };
    const std::string idx_files = "--train-images " + idx("ti", {3, 4, 4}, 48) + " --train-labels " +
                                  idx("tl", {3}, 3) + " --test-images " + idx("si", {3, 4, 4}, 48) +
                                  " --test-labels " + idx("sl", {3}, 3);
    const std::string idx_truncated = "--train-images " + idx("tt", {3, 4, 4}, 40) + " --train-labels " +
                                      quoted(s / "tl") + " --test-images " + quoted(s / "si") + " --test-labels " +
                                      quoted(s / "sl");
    const std::string none = quoted(s / "none.npz"), fresh = s / "fresh";

    const std::vector<Case> cases = {
        // info
        {"info", 0},
        {"info extra", 2},
        {"info", 3, interruptAt("launch")},
        // train
        {"train " + tiny + " --run " + quoted(s / "t0"), 0},
        {"train " + tiny + " --run " + quoted(run), 1},  // not empty
        {"train " + tiny + " --set optim.lr=-1 --run " + quoted(s / "t2"), 2},
        {"train --preset nosuch --run " + quoted(s / "t2"), 2},
        {"train " + tiny + " --run " + quoted(fresh), 3, interruptAt("start-up"), fresh},
        {"train " + tiny + " --run " + quoted(fresh), 3, interruptAt("data"), fresh},
        {"train " + tiny + " --run " + quoted(s / "t3"), 3, interruptAt("training")},
        {"train --preset tiny --run " + quoted(s / "t4"), 3, interruptAt("evaluation"), s / "t4/eval.json"},
        {"train " + tiny + " --set data.dataset=" + none + " --run " + quoted(s / "t5"), 4},
        {"train " + tiny + " --set optim.lr=1e30 --run " + quoted(s / "t6"), 5},
        // resume
        {"resume " + quoted(half), 3, interruptAt("start-up")},
        {"resume " + quoted(half), 3, interruptAt("data")},
        {"resume " + quoted(half), 3, interruptAt("training")},
        {"resume " + quoted(half), 0},
        {"resume " + quoted(empty), 1},  // nothing to resume
        {"resume", 2},
        {"resume " + quoted(gone), 4},
        {"resume " + quoted(diverge), 5},
        // eval
        {"eval " + quoted(run), 3, interruptAt("start-up"), run + "/eval.json"},
        {"eval " + quoted(run), 3, interruptAt("evaluation"), run + "/eval.json"},
        {"eval " + quoted(run), 0},
        {"eval " + quoted(empty), 1},
        {"eval", 2},
        {"eval " + quoted(gone), 4},
        // histogram
        {"histogram " + quoted(run) + " --csv " + quoted(s / "h.csv"), 3, interruptAt("start-up"), s / "h.csv"},
        {"histogram " + quoted(run) + " --csv " + quoted(s / "h.csv"), 3, interruptAt("evaluation"), s / "h.csv"},
        {"histogram " + quoted(run), 0},
        {"histogram " + quoted(empty), 1},
        {"histogram", 2},
        {"histogram " + quoted(gone), 4},
        // embed
        {"embed " + quoted(run) + " --out " + quoted(s / "f.npy"), 3, interruptAt("start-up"), s / "f.npy"},
        {"embed " + quoted(run) + " --out " + quoted(s / "f.npy"), 3, interruptAt("evaluation"), s / "f.npy"},
        {"embed " + quoted(run) + " --out " + quoted(s / "f.npy"), 0},
        {"embed " + quoted(empty) + " --out " + quoted(s / "g.npy"), 1},
        {"embed " + quoted(run), 2},  // no --out
        {"embed " + quoted(gone) + " --out " + quoted(s / "g.npy"), 4},
        // attention
        {"attention " + quoted(run) + " --images 0 --out " + quoted(s / "a.png"), 3, interruptAt("start-up"), s / "a.png"},
        {"attention " + quoted(run) + " --images 0 --out " + quoted(s / "a.png"), 3, interruptAt("evaluation"), s / "a.png"},
        {"attention " + quoted(run) + " --images 0 --out " + quoted(s / "a.png"), 3, interruptAt("export"), s / "a.png"},
        {"attention " + quoted(run) + " --images 0 --out " + quoted(s / "a.png"), 0},
        {"attention " + quoted(empty) + " --images 0 --out " + quoted(s / "b.png"), 1},
        {"attention " + quoted(run) + " --images 0", 2},  // no --out
        {"attention " + quoted(run) + " --images 0 --block 99 --out " + quoted(s / "b.png"), 2},
        {"attention " + quoted(gone) + " --images 0 --out " + quoted(s / "b.png"), 4},
        // map
        {"map " + quoted(run) + " --out " + quoted(s / "m.csv"), 3, interruptAt("start-up"), s / "m.csv"},
        {"map " + quoted(run) + " --out " + quoted(s / "m.csv"), 3, interruptAt("evaluation"), s / "m.csv"},
        {"map " + quoted(run) + " --out " + quoted(s / "m.csv"), 3, interruptAt("export"), s / "m.csv"},
        {"map " + quoted(run) + " --out " + quoted(s / "m.csv"), 0},
        {"map " + quoted(empty) + " --out " + quoted(s / "n.csv"), 1},
        {"map " + quoted(run), 2},  // nothing to write
        {"map " + quoted(gone) + " --out " + quoted(s / "n.csv"), 4},
        // export
        {"export " + quoted(run) + " --out " + quoted(s / "e.safetensors"), 3, interruptAt("start-up"), s / "e.safetensors"},
        {"export " + quoted(run) + " --out " + quoted(s / "e.safetensors"), 3, interruptAt("export"), s / "e.safetensors"},
        {"export " + quoted(run) + " --out " + quoted(s / "e.safetensors"), 0},
        {"export " + quoted(empty), 1},
        {"export " + quoted(run) + " --format onnx", 2},
        // import
        {"import " + quoted(s / "e.safetensors") + " --preset tiny", 0},
        {"import " + quoted(s / "garbage.safetensors"), 1},
        {"import", 2},
        {"import " + quoted(s / "e.safetensors"), 3, interruptAt("launch")},
        // preview
        {"preview --set data.subset=8 --indices 0 --out " + quoted(s / "p.png"), 0},
        {"preview --indices 0 --out " + quoted(s / "no/such/dir/\x01/p.png"), 0},  // directories are created
        {"preview --indices 0 --out /proc/p.png", 1},
        {"preview --indices 0", 2},
        {"preview --indices 0 --out " + quoted(s / "q.png"), 3, interruptAt("launch"), s / "q.png"},
        {"preview --set data.dataset=" + none + " --indices 0 --out " + quoted(s / "q.png"), 4},
        // fetch (downloads are tested against a local server in test_cli_data)
        {"fetch --list", 0},
        {"fetch pathmnist --url http://127.0.0.1:9/none.npz --cache " + quoted(s / "cache"), 1},
        {"fetch nosuchmnist", 2},
        {"fetch pathmnist --cache " + quoted(s / "cache"), 3, interruptAt("launch")},
        // convert-idx
        {"convert-idx " + idx_files + " --val 1 --out " + quoted(s / "c.npz"), 0},
        {"convert-idx " + idx_files + " --out /proc/c.npz", 1},
        {"convert-idx " + idx_files, 2},
        {"convert-idx " + idx_files + " --val 3 --out " + quoted(s / "c2.npz"), 2, "", s / "c2.npz"},
        {"convert-idx " + idx_files + " --out " + quoted(s / "c3.npz"), 3, interruptAt("launch"), s / "c3.npz"},
        {"convert-idx " + idx_truncated + " --out " + quoted(s / "c4.npz"), 4, "", s / "c4.npz"},
        // bench, bench-data
        {"bench --preset tiny --steps 1 --warmup 0 --batch 8", 0},
        {"bench --batch x", 2},
        {"bench --preset tiny", 3, interruptAt("launch")},
        {"bench --preset tiny --set data.dataset=" + none, 4},
        {"bench-data --preset tiny --seconds 0.2", 0},
        {"bench-data --batch x", 2},
        {"bench-data --preset tiny", 3, interruptAt("launch")},
        {"bench-data --preset tiny --set data.dataset=" + none, 4},
        // prune (a checkpoint that cannot be removed, exit 1, is in test_cli_storage)
        {"prune " + quoted(run), 0},
        {"prune", 2},
        {"prune " + quoted(run), 3, interruptAt("launch")},
        // the front door
        {"", 2},
        {"nosuchcommand", 2},
        {"--help", 0},
    };
    for (const auto& c : cases) {
        auto r = runDino(s, c.args, c.env);
        INFO(c.env << "dino " << c.args << "\nstdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.code == c.code);
        if (!c.must_not_exist.empty()) CHECK_FALSE(fs::exists(c.must_not_exist));
        CHECK(tempFiles(s.str()).empty());
        if (c.code == 3) CHECK(r.err.find("interrupted") != std::string::npos);
        if (c.code == 2 || c.code == 1 || c.code == 4 || c.code == 5) CHECK_FALSE(r.err.empty());
    }
    // A run interrupted in training keeps a checkpoint that resumes; one interrupted in its final
    // evaluation finished training and says so.
    CHECK(api::loadRun(s / "t3").status == "cancelled");
    auto t4 = nlohmann::json::parse(readTextFile(api::runStatusPath(s / "t4")));
    CHECK(t4["state"] == "finished");
    CHECK(t4["message"] == "evaluation cancelled");
}
