// Every command's command line through the real binary: each --help lists each of the command's
// options and exits 0; a misspelt option exits 2 naming it and the closest valid one; an option
// without its value, a value that is not a number and an extra argument exit 2 naming them. All of
// them fail (or answer) before any work, so no fixture is needed.
#include "cli_test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using dino::test::runDino;
using dino::test::Scratch;

namespace {

// Each command's options, as its documentation names them.
const std::map<std::string, std::vector<std::string>>& commandOptions() {
    static const std::map<std::string, std::vector<std::string>> options = {
        {"train", {"--config", "--preset", "--set", "--run", "--print-config", "--nproc", "--help-fields"}},
        {"resume", {"--nproc"}},
        {"eval", {"--checkpoint", "--split"}},
        {"histogram", {"--split", "--checkpoint", "--csv", "--all", "--sort"}},
        {"embed", {"--out", "--split", "--checkpoint"}},
        {"export", {"--format", "--out", "--checkpoint"}},
        {"import", {"--config", "--preset", "--set", "--out"}},
        {"fetch", {"--size", "--cache", "--url", "--md5", "--list"}},
        {"convert-idx", {"--out", "--fashion-mnist", "--dir", "--train-images", "--train-labels", "--test-images",
                         "--test-labels", "--val"}},
        {"preview", {"--config", "--preset", "--set", "--indices", "--seed", "--scale", "--verbose", "--out"}},
        {"prune", {"--keep", "--every", "--dry-run"}},
        {"runs", {"--json", "--csv", "--all-fields", "--group", "--no-group"}},
        {"sweep", {"--out", "--resume", "--results", "--stop-after", "--dry-run"}},
        {"info", {}},
        {"bench", {"--steps", "--warmup", "--batch", "--precision", "--threads", "--micro-batch", "--no-image-workers",
                   "--config", "--preset", "--set"}},
        {"bench-data", {"--config", "--preset", "--set", "--batch", "--threads", "--workers", "--seconds"}},
        {"attention", {"--images", "--class", "--count", "--random", "--split", "--block", "--model", "--checkpoint",
                       "--baseline", "--threshold", "--opacity", "--scale", "--per-map-scale", "--npy", "--out", "--seed"}},
        {"map", {"--split", "--model", "--checkpoint", "--method", "--perplexity", "--iterations", "--out", "--png",
                 "--projector", "--neighbours"}},
    };
    return options;
}

// The command names `dino --help` lists.
std::set<std::string> listedCommands(const std::string& help) {
    std::set<std::string> names;
    std::istringstream in(help.substr(help.find("commands:\n") + 10));
    for (std::string line; std::getline(in, line) && line.rfind("  ", 0) == 0;) names.insert(line.substr(2, line.find(' ', 2) - 2));
    return names;
}

void requireUsageError(const dino::test::CliResult& r, const std::string& command, const std::string& message) {
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.code == 2);
    CHECK(r.err.rfind("dino " + command + ": ", 0) == 0);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(r.err.find("(see dino " + command + " --help)") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
}

}  // namespace

TEST_CASE("dino <command> --help lists each of the command's options and exits 0 to stdout", "[cli][options]") {
    Scratch s;
    const auto top = runDino(s, "--help");
    REQUIRE(top.code == 0);
    std::set<std::string> known;
    for (const auto& [c, options] : commandOptions()) known.insert(c);
    CHECK(listedCommands(top.out) == known);  // a new command needs its row above
    for (const auto& [command, options] : commandOptions()) {
        // -h is the same flag as --help (checked for one command: each run costs half a second).
        for (const char* help : {" --help", " -h"}) {
            if (std::string(help) == " -h" && command != "prune") continue;
            const auto r = runDino(s, command + help);
            INFO("dino " << command << help << "\n" << r.out << r.err);
            CHECK(r.code == 0);
            CHECK(r.err.empty());
            const std::string usage = "usage: dino " + command;
            CHECK(r.out.rfind(usage, 0) == 0);
            CHECK((r.out[usage.size()] == ' ' || r.out[usage.size()] == '\n'));
            CHECK(r.out.find("\n  -h, --help ") != std::string::npos);
            for (const auto& o : options) {
                INFO(o);
                CHECK((r.out.find("\n  " + o + " ") != std::string::npos || r.out.find("\n  " + o + "\n") != std::string::npos));
            }
        }
    }
}

TEST_CASE("dino <command> with a misspelt option exits 2 naming it and the closest valid option", "[cli][options]") {
    Scratch s;
    struct Case {
        std::string command, args, wrong, right;
    };
    const std::vector<Case> cases = {
        {"train", "--presett tiny --run r", "--presett", "--preset"},
        {"resume", "r --nprc 2", "--nprc", "--nproc"},
        {"eval", "r --chekpoint c.ckpt", "--chekpoint", "--checkpoint"},
        {"histogram", "r --srot", "--srot", "--sort"},
        {"embed", "r --spilt test --out f.npy", "--spilt", "--split"},
        {"export", "r --fromat safetensors", "--fromat", "--format"},
        {"import", "w.safetensors --confg c.json", "--confg", "--config"},
        {"fetch", "pathmnist --sizes 64", "--sizes", "--size"},
        {"convert-idx", "--fashion-mnst --out f.npz", "--fashion-mnst", "--fashion-mnist"},
        {"preview", "--indice 0 --out p.png", "--indice", "--indices"},
        {"prune", "r --dryrun", "--dryrun", "--dry-run"},
        {"runs", "r --jsno", "--jsno", "--json"},
        {"info", "--hlep", "--hlep", "--help"},
        {"bench", "--stpes 2", "--stpes", "--steps"},
        {"bench-data", "--worker 2", "--worker", "--workers"},
        {"attention", "r --images 0 --thresold 0.5 --out a.png", "--thresold", "--threshold"},
        {"map", "r --neighbors 3", "--neighbors", "--neighbours"},
        {"sweep", "spec.json --out d --stop-afer 1", "--stop-afer", "--stop-after"},
    };
    std::set<std::string> covered;
    for (const auto& c : cases) {
        covered.insert(c.command);
        const auto r = runDino(s, c.command + " " + c.args);
        requireUsageError(r, c.command, "unknown option '" + c.wrong + "'; did you mean '" + c.right + "'?");
    }
    for (const auto& [command, options] : commandOptions()) CHECK(covered.count(command) == 1);
    // Nothing close: the option alone.
    const auto far = runDino(s, "info --verbose");
    requireUsageError(far, "info", "unknown option '--verbose' (see");
    CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("dino bench --batchsize 8 and dino train --epochz 5 say what was meant", "[cli][options]") {
    Scratch s;
    auto r = runDino(s, "bench --batchsize 8");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "dino bench: unknown option '--batchsize'; did you mean '--batch'? (see dino bench --help)\n");
    // train has no option near --epochz; the config field is what the user meant.
    r = runDino(s, "train --epochz 5");
    CHECK(r.code == 2);
    CHECK(r.err == "dino train: unknown option '--epochz'; did you mean '--set optim.epochs=5'? (see dino train --help)\n");
    r = runDino(s, "train --preset tiny --epochz=5 --run " + s / "r");
    CHECK(r.code == 2);
    CHECK(r.err.find("did you mean '--set optim.epochs=5'?") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(s / "r"));
}

TEST_CASE("dino <command> with an option missing its value exits 2 naming the option", "[cli][options]") {
    Scratch s;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"train", "--preset tiny --run"},   {"resume", "r --nproc"},       {"eval", "r --split"},
        {"histogram", "r --csv"},           {"embed", "r --out"},          {"export", "r --out"},
        {"import", "w.safetensors --out"},  {"fetch", "pathmnist --size"}, {"preview", "--out"},
        {"prune", "r --keep"},              {"runs", "r --group"},         {"bench", "--steps"},          {"bench-data", "--seconds"},
        {"attention", "r --images 0 --out"}, {"map", "r --iterations"},
    };
    for (const auto& [command, args] : cases) {
        const std::string option = args.substr(args.rfind(' ') + 1);
        requireUsageError(runDino(s, command + " " + args), command, option + " needs a value");
    }
    // Followed by another option instead of its value.
    requireUsageError(runDino(s, "train --run --preset tiny"), "train", "--run needs a value (--run DIR), not the option '--preset'");
}

TEST_CASE("dino <command> with a non-numeric value exits 2 naming the option and the value", "[cli][options]") {
    Scratch s;
    struct Case {
        std::string command, args, option;
    };
    const std::vector<Case> cases = {
        {"train", "--preset tiny --nproc x --run r", "--nproc"},
        {"resume", "r --nproc x", "--nproc"},
        {"fetch", "pathmnist --size x", "--size"},
        {"preview", "--scale x --out p.png", "--scale"},
        {"prune", "r --keep x", "--keep"},
        {"bench", "--steps x", "--steps"},
        {"bench-data", "--workers x", "--workers"},
        {"attention", "r --images 0 --count x --out a.png", "--count"},
        {"map", "r --iterations x", "--iterations"},
    };
    for (const auto& c : cases) {
        const auto r = runDino(s, c.command + " " + c.args);
        requireUsageError(r, c.command, c.option + " must be an integer");
        CHECK(r.err.find(", got 'x'") != std::string::npos);
    }
    requireUsageError(runDino(s, "bench --batch abc"), "bench", "--batch must be an integer >= 1, got 'abc'");
    requireUsageError(runDino(s, "attention r --images 0 --opacity dark --out a.png"), "attention",
                      "--opacity must be a number from 0 to 1, got 'dark'");
}

TEST_CASE("dino <command> with an extra argument exits 2 naming it", "[cli][options]") {
    Scratch s;
    const std::map<std::string, std::string> cases = {
        {"train", "--preset tiny --run r"}, {"resume", "r"},    {"eval", "r"},       {"histogram", "r"},
        {"embed", "r --out f.npy"},         {"export", "r"},    {"import", "w.safetensors"},
        {"fetch", "pathmnist"},             {"preview", "--out p.png"}, {"prune", "r"}, {"info", ""},
        {"bench", ""},                      {"bench-data", ""}, {"attention", "r --images 0 --out a.png"},
        {"map", "r --out m.csv"},           {"sweep", "spec.json --out d"}, {"convert-idx", "--fashion-mnist --out f.npz"},
    };
    // `dino runs` takes any number of folders: an extra argument is one more.
    for (const auto& [command, options] : commandOptions()) CHECK((cases.count(command) == 1 || command == "runs"));
    for (const auto& [command, args] : cases)
        requireUsageError(runDino(s, command + " " + args + " extra"), command, "unexpected argument 'extra'");
    CHECK_FALSE(std::filesystem::exists(s / "r"));
}

TEST_CASE("dino: no command is a usage error on stderr, an unknown one names the closest command", "[cli][options]") {
    Scratch s;
    auto r = runDino(s, "");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("usage: dino <command>") != std::string::npos);
    r = runDino(s, "trian --preset tiny");
    CHECK(r.code == 2);
    CHECK(r.err == "dino: unknown command 'trian'; did you mean 'train'? (see dino --help)\n");
    r = runDino(s, "frobnicate");
    CHECK(r.code == 2);
    CHECK(r.err == "dino: unknown command 'frobnicate' (see dino --help)\n");
    r = runDino(s, "fetch pathmnst");
    CHECK(r.code == 2);
    CHECK(r.err.find("unknown dataset 'pathmnst'; did you mean 'pathmnist'?") != std::string::npos);
}

TEST_CASE("dino train: --opt=value, repeated --set and --print-config through the parser", "[cli][options]") {
    Scratch s;
    const auto r = runDino(s, "train --preset=tiny --set optim.lr=0.002 --set=optim.epochs=3 --nproc=1 --print-config");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto cfg = nlohmann::json::parse(r.out);
    CHECK(cfg["optim"]["lr"] == 0.002);
    CHECK(cfg["optim"]["epochs"] == 3);
    CHECK(cfg["system"]["processes"] == 1);
    CHECK(cfg["model"]["embed_dim"] == 32);  // the tiny preset's
    // --help-fields needs no --run either.
    const auto f = runDino(s, "train --help-fields");
    CHECK(f.code == 0);
    CHECK(f.out.find("config fields (section.field") != std::string::npos);
}
