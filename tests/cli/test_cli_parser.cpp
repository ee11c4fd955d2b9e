// The CLI's argument parser in-process (app/cli/parser.h on CLI11, suggest.h): the edit distance and
// the suggestions, `--opt value` and `--opt=value`, repeated options, positionals, and each kind of
// usage error with its one line. The real binary's commands are in test_cli_options.cpp.
#include "parser.h"
#include "suggest.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

using dino::cli::Bounds;
using dino::cli::closestMatch;
using dino::cli::editDistance;
using dino::cli::Parser;

namespace {

// What parse() returned and printed.
struct Outcome {
    std::optional<int> code;
    std::string out, err;
};

// std::cout and std::cerr captured while `f` runs.
template <class F>
Outcome captured(F f) {
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    Outcome o;
    try {
        o.code = f();
    } catch (...) {
        std::cout.rdbuf(old_out);
        std::cerr.rdbuf(old_err);
        throw;
    }
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    o.out = out.str();
    o.err = err.str();
    return o;
}

// The options of a small command, as a command declares them.
struct Example {
    std::string dir, out, model = "teacher";
    std::vector<std::string> sets;
    int steps = 3;
    std::optional<int> keep;
    double rate = 0.5;
    std::vector<int64_t> images;
    bool dry = false, list = false;

    Outcome parse(const dino::cli::Args& args) {
        Parser p("example", "An example.\n");
        p.positional("DIR", dir, "the run directory")
            .text("--out", out, "FILE", "where to write it")
            .choice("--model", model, {"teacher", "student", "random-init"}, "which model")
            .configOverrides(sets, "override one field")
            .number("--steps", steps, "N", "how many steps", Bounds{1, 100})
            .number("--keep", keep, "N", "keep N", Bounds{-1, {}})
            .number("--rate", rate, "R", "a rate")
            .indices("--images", images, "I,J,...", "image indices")
            .flag("--dry-run", dry, "only pretend")
            .action("--list", list, "list instead")
            .footer("exit codes: 0 ok\n");
        return captured([&] { return p.parse(args); });
    }
};

}  // namespace

TEST_CASE("editDistance counts insertions, deletions, substitutions and adjacent swaps", "[cli][parser]") {
    CHECK(editDistance("", "") == 0);
    CHECK(editDistance("batch", "batch") == 0);
    CHECK(editDistance("", "abc") == 3);
    CHECK(editDistance("abc", "") == 3);
    CHECK(editDistance("epochz", "epochs") == 1);     // a substitution
    CHECK(editDistance("splt", "split") == 1);        // an insertion
    CHECK(editDistance("batchsize", "batch") == 4);   // four deletions
    CHECK(editDistance("srot", "sort") == 1);         // a swap of two neighbours counts once
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("ca", "abc") == 3);            // optimal string alignment, not full Damerau (2)
    CHECK(editDistance("abc", "xyz") == 3);
    CHECK(editDistance("flaw", "lawn") == editDistance("lawn", "flaw"));
}

TEST_CASE("closestMatch suggests only a reasonably close name", "[cli][parser]") {
    const std::vector<std::string> bench = {"--steps", "--warmup", "--batch", "--precision", "--threads",
                                            "--micro-batch", "--no-image-workers", "--preset", "--set", "--help"};
    CHECK(closestMatch("--batchsize", bench) == "--batch");      // the shorter name is a prefix
    CHECK(closestMatch("--bach", bench) == "--batch");
    CHECK(closestMatch("--thraeds", bench) == "--threads");
    CHECK(closestMatch("--micro_batch", bench) == "--micro-batch");  // '_' and '-' are the same
    CHECK(closestMatch("-steps", bench) == "--steps");           // the dashes do not count
    CHECK(closestMatch("--prec", bench) == "--precision");       // an abbreviation
    CHECK(closestMatch("--verbose", bench).empty());
    CHECK(closestMatch("--x", bench).empty());
    CHECK(closestMatch("--", bench).empty());
    CHECK(closestMatch("--out", {"--png", "--npy"}).empty());    // 3 edits of 3 letters: not close
    CHECK(closestMatch("--neighbors", {"--out", "--neighbours"}) == "--neighbours");
    CHECK(closestMatch("trian", {"eval", "train", "resume"}) == "train");
    CHECK(closestMatch("epochz", {"lr", "epochs", "batch_size"}) == "epochs");
    CHECK(closestMatch("anything", {}).empty());
    // The closest wins; a tie goes to the earlier candidate.
    CHECK(closestMatch("--set", {"--sets", "--seat"}) == "--sets");
}

TEST_CASE("Parser: --opt value and --opt=value, repeated --set, positionals, flags and their defaults", "[cli][parser]") {
    Example e;
    auto r = e.parse({"run", "--out", "a.png", "--set", "optim.lr=0.1", "--set=optim.epochs=2", "--steps=7",
                      "--keep", "-1", "--rate", "2.5", "--images", "0,5,9", "--model=student", "--dry-run"});
    INFO(r.err);
    CHECK_FALSE(r.code.has_value());
    CHECK(r.err.empty());
    CHECK(e.dir == "run");
    CHECK(e.out == "a.png");
    CHECK(e.sets == std::vector<std::string>{"optim.lr=0.1", "optim.epochs=2"});
    CHECK(e.steps == 7);
    CHECK(e.keep == -1);
    CHECK(e.rate == 2.5);
    CHECK(e.images == std::vector<int64_t>{0, 5, 9});
    CHECK(e.model == "student");
    CHECK(e.dry);
    CHECK_FALSE(e.list);

    Example d;  // nothing but the positional: the defaults stay
    r = d.parse({"run"});
    CHECK_FALSE(r.code.has_value());
    CHECK(d.steps == 3);
    CHECK_FALSE(d.keep.has_value());
    CHECK(d.model == "teacher");
    CHECK(d.images.empty());
    CHECK_FALSE(d.dry);

    Example s;  // a value of --set never swallows the positional after it; `--` ends the options
    r = s.parse({"--set", "a.b=1", "run"});
    CHECK_FALSE(r.code.has_value());
    CHECK(s.dir == "run");
    Example m;
    r = m.parse({"--", "-odd-name"});
    CHECK_FALSE(r.code.has_value());
    CHECK(m.dir == "-odd-name");
}

TEST_CASE("Parser: --help prints the generated text to stdout and returns 0", "[cli][parser]") {
    Example e;
    const auto r = e.parse({"--help"});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("usage: dino example DIR [--out FILE] [--model teacher|student|random-init]", 0) == 0);
    CHECK(r.out.find("[--set section.field=value ...]") != std::string::npos);
    CHECK(r.out.find("\nAn example.\n") != std::string::npos);
    CHECK(r.out.find("  DIR ") != std::string::npos);
    for (const char* o : {"--out FILE", "--steps N", "--keep N", "--rate R", "--images I,J,...", "--dry-run", "--list",
                          "-h, --help"})
        CHECK(r.out.find("\n  " + std::string(o)) != std::string::npos);
    CHECK(r.out.find("exit codes: 0 ok\n") != std::string::npos);
    Example h;  // --help wins over a mistake on the same line
    CHECK(h.parse({"--steps", "x", "-h"}).code == 0);
}

TEST_CASE("Parser: every usage error exits 2 with one line naming the option", "[cli][parser]") {
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"run", "--stesp", "4"}, "unknown option '--stesp'; did you mean '--steps'?"},
        {{"run", "--outt=a.png"}, "unknown option '--outt'; did you mean '--out'?"},
        {{"run", "--epochz", "5"}, "unknown option '--epochz'; did you mean '--set optim.epochs=5'?"},
        {{"run", "--optim.lr=0.1"}, "unknown option '--optim.lr'; did you mean '--set optim.lr=0.1'?"},
        {{"run", "--teacher-temp"}, "did you mean '--set optim.teacher_temp=VALUE'?"},
        {{"run", "--zzzzzz"}, "unknown option '--zzzzzz' (see dino example --help)"},
        {{"run", "other"}, "unexpected argument 'other'"},
        {{"run", "--out"}, "--out needs a value"},
        {{"run", "--out", "--steps", "2"}, "--out needs a value (--out FILE), not the option '--steps'"},
        {{"run", "--steps", "abc"}, "--steps must be an integer from 1 to 100, got 'abc'"},
        {{"run", "--steps", "2.5"}, "--steps must be an integer from 1 to 100, got '2.5'"},
        {{"run", "--steps", "101"}, "--steps must be an integer from 1 to 100, got '101'"},
        {{"run", "--keep", "-2"}, "--keep must be an integer >= -1, got '-2'"},
        {{"run", "--rate", "fast"}, "--rate must be a number, got 'fast'"},
        {{"run", "--rate", "nan"}, "--rate must be a number, got 'nan'"},
        {{"run", "--images", "0,x"}, "--images takes non-negative indices separated by commas, got 'x'"},
        {{"run", "--images", "-1"}, "--images takes non-negative indices separated by commas, got '-1'"},
        {{"run", "--model", "pupil"}, "--model must be teacher, student or random-init, got 'pupil'"},
        {{"run", "--out", "a", "--out", "b"}, "--out is given 2 times; it takes one value"},
        {{"run", "--dry-run=yes"}, "--dry-run takes no value"},
        {{}, "DIR is required"},
    };
    for (const auto& c : cases) {
        Example e;
        const auto r = e.parse(c.args);
        INFO(r.err);
        CHECK(r.code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("dino example: ", 0) == 0);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(r.err.find("(see dino example --help)\n") == r.err.size() - std::string("(see dino example --help)\n").size());
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // An action makes the required arguments optional; an unknown option comes before anything else.
    Example a;
    CHECK_FALSE(a.parse({"--list"}).code.has_value());
    CHECK(a.list);
    Example u;
    CHECK(u.parse({"--steps", "x", "--bogus", "a", "b"}).err.find("unknown option '--bogus'") != std::string::npos);
}

TEST_CASE("Parser::usageError prints the command's own check in the same form", "[cli][parser]") {
    Parser p("example", "");
    const auto r = captured([&] { return std::optional<int>(p.usageError("choose one of --a or --b")); });
    CHECK(r.code == 2);
    CHECK(r.err == "dino example: choose one of --a or --b (see dino example --help)\n");
}
