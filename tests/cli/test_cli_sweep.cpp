// `dino sweep` through the binary: the tiny grid of docs/sweeps/ to the end, with successive halving
// pruning on the live k-NN; the same sweep killed part-way and resumed without repeating an ended
// trial; trials interrupted after one step continued from their last.ckpt to the same results.
#include "api/run_directory.h"
#include "api/sweep.h"
#include "cli_test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

using namespace dino;
using namespace dino::test;
namespace fs = std::filesystem;

namespace {

const std::string kTinyGrid = std::string(DINO_TEST_SUPPORT_DIR) + "/../../docs/sweeps/tiny-grid.json";

bool ended(const api::SweepTrial& t) { return t.state == "finished" || t.state == "pruned" || t.state == "failed"; }

// The sweep's state, or an empty one while the file is not there yet.
api::SweepState stateOf(const std::string& dir) {
    try {
        return api::loadSweepState(dir);
    } catch (const std::exception&) {
        return {};
    }
}

// Every trial of the tiny grid ended as it should: finished ones evaluated, pruned ones stopped part-way
// with their curves kept, each marked in its run directory.
void checkEnded(const std::string& dir, const api::SweepState& s) {
    REQUIRE(s.trials.size() == 8);
    for (const auto& t : s.trials) {
        CAPTURE(t.name, t.state, t.message);
        const std::string run = dir + "/" + t.name;
        if (t.state == "finished") {
            const api::RunSnapshot snap = api::loadRun(run);
            CHECK(snap.status == "finished");
            REQUIRE(snap.eval);
            REQUIRE(t.final_value);
            CHECK(*t.final_value == snap.eval->trained.knn_accuracy);
            CHECK(t.final_source == "eval.json");
            CHECK(t.steps_done == 8);
            CHECK(t.reports.size() == 3);  // the live k-NN at steps 3, 6 and the last, 8
        } else {
            REQUIRE(t.state == "pruned");
            if (t.message == "not run: its configuration was pruned") {  // (a resumed sweep may have run a step of it)
                CHECK(t.reports.empty());
                CHECK_FALSE(t.final_value);
                continue;
            }
            // Stopped part-way ("cancelled"), or, a trial of seconds, finished before its point was read.
            const api::RunSnapshot snap = api::loadRun(run);
            CHECK((snap.status == "cancelled" || snap.status == "finished"));
            CHECK(t.pruned_at >= 3);  // the first rung
            CHECK(t.steps_done <= 8);  // (a trial of seconds may end its steps before the sweep reads the point)
            REQUIRE_FALSE(snap.knn.empty());  // its partial curve is kept
            // Its value is the live one at the step of the decision (the points after it are kept in knn.csv).
            REQUIRE(t.final_value);
            REQUIRE_FALSE(t.reports.empty());
            CHECK(t.reports.back().first == t.pruned_at);
            CHECK(*t.final_value == t.reports.back().second);
            bool found = false;
            for (const auto& p : snap.knn)
                if (p.step == t.pruned_at) {
                    found = true;
                    CHECK(p.knn_weighted == *t.final_value);
                }
            CHECK(found);
            CHECK(fs::exists(run + "/checkpoints/last.ckpt"));
        }
        CHECK(readTextFile(run + "/sweep-trial.json").find("\"state\": \"" + t.state + "\"") != std::string::npos);
    }
}

}  // namespace

TEST_CASE("dino sweep: the tiny grid (2 x 2 x 2 seeds) to the end, successive halving pruning on the live k-NN", "[cli][sweep]") {
    Scratch s("sweep");
    const std::string dir = s.str() + "/sw";
    const CliResult r = runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(dir));
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const api::SweepState st = api::loadSweepState(dir);
    checkEnded(dir, st);
    int pruned = 0, finished = 0;
    for (const auto& t : st.trials) {
        CHECK(t.starts <= 1);
        pruned += t.state == "pruned";
        finished += t.state == "finished";
    }
    CHECK(pruned >= 1);
    CHECK(finished >= 2);
    const std::string log = readTextFile(dir + "/sweep-log.txt");
    CHECK(log.find(", rung 1 (step 6): ") != std::string::npos);
    CHECK(log.find("-> pruned") != std::string::npos);
    CHECK(log.find("sweep finished") != std::string::npos);

    // The result: the ranked table printed and written, the best configuration as a config file.
    CHECK(r.out.find("rank  config  knn_weighted (mean ± std over seeds)") != std::string::npos);
    const api::SweepResults res = api::sweepResults(dir);
    // Which configurations finish depends on the live k-NN, and so on the libtorch and the CPU: with two
    // or more finished the fields are listed, with one the output says why there is no list.
    const auto done = std::count_if(res.ranked.begin(), res.ranked.end(),
                                    [](const api::SweepConfigResult& c) { return c.state == "finished" && c.n > 0; });
    if (done >= 2) {
        CHECK_FALSE(res.effects.empty());
        CHECK(r.out.find("fields that mattered (the knn_weighted mean") != std::string::npos);
    } else {
        CHECK(res.effects.empty());
        CHECK(r.out.find("fields that mattered: none to compare (1 configuration finished with values;") != std::string::npos);
    }
    REQUIRE(res.ranked.front().state == "finished");
    const RunConfig best = loadConfigFile(dir + "/best-config.json");
    CHECK(configToJson(best) == configToJson(loadConfigFile(dir + "/configs/c00" + std::to_string(res.ranked.front().config) + ".json")));
    CHECK(fs::exists(dir + "/sweep-results.json"));
    CHECK(readTextFile(dir + "/sweep-results.csv").rfind("rank,config,state,n,mean,std,gain,pruned_at,optim.lr,model.out_dim,label,", 0) == 0);
    // The figures of the finished trials as Markdown: the spec ranks on val (eval.json), no other split.
    const CliResult md = runDino(s, "sweep --results " + quoted(dir) + " --markdown");
    CHECK(md.code == 0);
    // The tiny preset runs the linear probe at the end, so the table has its columns.
    CHECK(md.out.rfind("| rank | config | seeds | val 1-NN | val k-NN | val AUC | val probe | gain 1-NN | gain k-NN | gain probe |", 0) ==
          0);
    const auto results = nlohmann::json::parse(readTextFile(dir + "/sweep-results.json"));
    const auto& probe = results["ranked"][0]["figures"]["splits"]["val"]["probe"];
    CHECK(probe["n"].get<int>() == 2);
    CHECK(probe["mean"].get<double>() > 0);
    CHECK(results["ranked"][0]["figures"]["gain_probe"]["n"].get<int>() == 2);
    CHECK(md.out.find("| 1 | `optim.lr=") != std::string::npos);
    CHECK(runDino(s, "sweep " + quoted(kTinyGrid) + " --markdown").code == 2);  // --markdown goes with --results
    // `dino train --config` takes it.
    const CliResult p = runDino(s, "train --config " + quoted(dir + "/best-config.json") + " --print-config");
    CHECK(p.code == 0);
}

TEST_CASE("dino sweep --resume: a killed sweep continues without repeating an ended trial", "[cli][sweep]") {
    Scratch s("sweep-kill");
    const std::string dir = s.str() + "/sw";
    const pid_t pid = startDino("sweep " + quoted(kTinyGrid) + " --out " + quoted(dir), s.str() + "/first.txt");
    // Kill it (SIGKILL: no clean-up) once three trials have ended.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    api::SweepState before;
    for (;;) {
        before = stateOf(dir);
        if (std::count_if(before.trials.begin(), before.trials.end(), ended) >= 3) break;
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    before = api::loadSweepState(dir);
    std::map<std::string, std::string> metrics_before;  // of the ended trials: must not change
    for (const auto& t : before.trials)
        if (ended(t) && t.starts > 0) metrics_before[t.name] = readTextFile(dir + "/" + t.name + "/metrics.csv");

    const CliResult r = runDino(s, "sweep --resume " + quoted(dir));
    INFO(readTextFile(s.str() + "/first.txt") << r.out << r.err);
    REQUIRE(r.code == 0);
    const api::SweepState after = api::loadSweepState(dir);
    checkEnded(dir, after);
    for (size_t i = 0; i < after.trials.size(); ++i) {
        const auto& b = before.trials[i];
        const auto& a = after.trials[i];
        CAPTURE(a.name, b.state, a.state);
        if (ended(b)) {
            CHECK(a.state == b.state);
            CHECK(a.starts == b.starts);  // not run again
            if (b.starts > 0) CHECK(readTextFile(dir + "/" + a.name + "/metrics.csv") == metrics_before[a.name]);
        } else if (b.state == "running") {
            // Continued (from last.ckpt when it had written one) or started again; or found finished, when
            // it ended just as the sweep was killed.
            CHECK((a.starts == 2 || (a.starts == 1 && a.state == "finished")));
        } else if (a.state != "pruned" || a.starts > 0) {
            CHECK(a.starts == 1);
        }
    }
    CHECK(readTextFile(dir + "/sweep-log.txt").find("resuming: ") != std::string::npos);
}

TEST_CASE("dino sweep --resume: trials interrupted after a step continue from last.ckpt to an uninterrupted sweep's results",
          "[cli][sweep]") {
    Scratch s("sweep-ckpt");
    // Each trial stops itself after its first step or two (the CLI's test hook), keeping last.ckpt: nothing
    // is pruned yet (the first live k-NN point is at step 3) and every trial is left half-done. (Not at a
    // live k-NN step: a run cancelled at one computes that point neither then nor when it resumes.)
    const std::string dir = s.str() + "/sw";
    const CliResult first = runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(dir), "DINO_TEST_INTERRUPT_AT=training ");
    INFO(first.out << first.err);
    REQUIRE(first.code == 0);
    for (const auto& t : api::loadSweepState(dir).trials) {
        CAPTURE(t.name);
        CHECK(t.state == "pending");
        CHECK(t.starts == 1);
        CHECK(fs::exists(dir + "/" + t.name + "/checkpoints/last.ckpt"));
    }
    const CliResult r = runDino(s, "sweep --resume " + quoted(dir));
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const api::SweepState resumed = api::loadSweepState(dir);
    checkEnded(dir, resumed);
    const std::string log = readTextFile(dir + "/sweep-log.txt");
    CHECK(log.find("c000-seed0: resumed from last.ckpt") != std::string::npos);

    // The same sweep without interruptions: the same decisions and the same values.
    const std::string plain = s.str() + "/plain";
    REQUIRE(runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(plain)).code == 0);
    const api::SweepState ref = api::loadSweepState(plain);
    for (size_t i = 0; i < ref.trials.size(); ++i) {
        CAPTURE(ref.trials[i].name);
        CHECK(resumed.trials[i].state == ref.trials[i].state);
        CHECK(resumed.trials[i].reports == ref.trials[i].reports);
        CHECK(resumed.trials[i].final_value == ref.trials[i].final_value);
    }
}

TEST_CASE("dino sweep --resume --retry-failed: failed trials run again and the others are kept", "[cli][sweep]") {
    Scratch s("sweep-retry");
    const std::string dir = s.str() + "/sw";
    // The first two trials (c000-seed0, c001-seed0) cannot write their run's config.json: each fails at its
    // start, and the sweep stops after those two.
    const CliResult first = runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(dir) + " --stop-after 2",
                                    "DINO_TEST_FAIL_WRITES=ENOSPC:-seed0/config.json ");
    INFO(first.out << first.err);
    REQUIRE(first.code == 0);
    const api::SweepState before = api::loadSweepState(dir);
    for (size_t i = 0; i < before.trials.size(); ++i) {
        CAPTURE(before.trials[i].name);
        CHECK(before.trials[i].state == (i < 2 ? "failed" : "pending"));
    }
    CHECK(before.trials[0].message.find("exit code") == 0);

    // --resume alone keeps them failed (it runs the rest: --stop-after 1 keeps this short).
    REQUIRE(runDino(s, "sweep --resume " + quoted(dir) + " --stop-after 1").code == 0);
    const api::SweepState kept = api::loadSweepState(dir);
    CHECK(kept.trials[0].state == "failed");
    CHECK(kept.trials[0].starts == 1);
    CHECK(kept.trials[1].state == "failed");

    const CliResult r = runDino(s, "sweep --resume " + quoted(dir) + " --retry-failed");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const api::SweepState after = api::loadSweepState(dir);
    checkEnded(dir, after);  // every trial finished or pruned, none failed
    CHECK(after.trials[0].starts == 2);
    CHECK(after.trials[0].message.find("exit code") == std::string::npos);
    CHECK(after.trials[2].starts == kept.trials[2].starts);  // ended before: not run again
    const std::string log = readTextFile(dir + "/sweep-log.txt");
    CHECK(log.find("c000-seed0: failed before (exit code") != std::string::npos);
    CHECK(log.find("c001-seed0: failed before (exit code") != std::string::npos);
    CHECK(runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(s.str() + "/x") + " --retry-failed").code == 2);
}

TEST_CASE("dino sweep: usage and spec errors exit 2 with one message, and --dry-run lists the configurations", "[cli][sweep]") {
    Scratch s("sweep-usage");
    const CliResult none = runDino(s, "sweep");
    CHECK(none.code == 2);
    CHECK(none.err.find("give one of SPEC (with --out DIR), --resume DIR or --results DIR") != std::string::npos);
    CHECK(runDino(s, "sweep " + quoted(kTinyGrid)).code == 2);  // no --out
    writeFileAtomic(s.str() + "/bad.json", R"({"base": "tiny", "space": {"optim.lr": [0.001, 0]}})");
    const CliResult bad = runDino(s, "sweep " + quoted(s.str() + "/bad.json") + " --out " + quoted(s.str() + "/sw"));
    CHECK(bad.code == 2);
    CHECK(bad.err.find("bad.json: invalid configuration") != std::string::npos);
    CHECK(bad.err.find("space.optim.lr: must be > 0 (got 0)") != std::string::npos);
    CHECK_FALSE(fs::exists(s.str() + "/sw"));  // nothing written for a bad spec
    const CliResult dry = runDino(s, "sweep " + quoted(kTinyGrid) + " --dry-run");
    CHECK(dry.code == 0);
    CHECK(dry.out.find("4 configuration(s) x 2 seed(s) = 8 trials, 1 at a time; early stopping: successive_halving on knn_weighted") !=
          std::string::npos);
    CHECK(dry.out.find("c003: optim.lr=0.003 model.out_dim=64") != std::string::npos);
    // --stop-after: a sweep in instalments.
    const CliResult part = runDino(s, "sweep " + quoted(kTinyGrid) + " --out " + quoted(s.str() + "/part") + " --stop-after 1");
    CHECK(part.code == 0);
    const api::SweepState st = api::loadSweepState(s.str() + "/part");
    CHECK(std::count_if(st.trials.begin(), st.trials.end(), [](const api::SweepTrial& t) { return t.state == "pending"; }) == 7);
    CHECK(st.trials[0].state == "finished");
    CHECK(part.out.find("stopped after 1 trial(s) (--stop-after)") != std::string::npos);
    const CliResult resume = runDino(s, "sweep --resume " + quoted(s.str()));
    CHECK(resume.code == 1);
    CHECK(resume.err.find("is not a sweep folder (no sweep-state.json)") != std::string::npos);
}

TEST_CASE("dino sweep: early stopping compares trials of other batch sizes at equal images seen", "[cli][sweep]") {
    // The second recipe search pruned its batch-32 variants at their step 64 against batch-64 trials at step
    // 64, which had seen twice the images. The rule now counts steps of the base's batch size.
    CHECK(api::sweepRuleStep(64, 32, 64) == 32);
    CHECK(api::sweepRuleStep(32, 128, 64) == 64);
    CHECK(api::sweepRuleStep(96, 64, 64) == 96);
    CHECK(api::sweepRuleStep(10, 48, 64) == 8);  // 7.5 rounds away from zero
    CHECK(api::sweepRuleStep(5, 0, 64) == 5);    // no batch known: the trial's own step

    Scratch s("sweep-batch");
    const std::string dir = s.str() + "/sw";
    fs::create_directories(dir);
    // The tiny preset (64 images): batch 16 is 4 steps an epoch, batch 8 is 8; two epochs; the live k-NN every
    // 4 steps. The batch-8 trial's steps 4, 8, 12, 16 are the rule's 2, 4, 6, 8.
    std::ofstream(dir + "/spec.json") << R"({
      "base": "tiny", "set": {"eval.knn_every_steps": 4, "eval.test_split": "val", "eval.eval_at_end": false},
      "variants": {"b16": {}, "b8": {"optim.batch_size": 8}},
      "seeds": [0],
      "early_stopping": {"rule": "median", "metric": "knn_weighted", "warmup_steps": 4, "min_trials": 1}
    })";
    const CliResult r = runDino(s, "sweep " + quoted(dir + "/spec.json") + " --out " + quoted(dir + "/out"));
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const std::string log = readTextFile(dir + "/out/sweep-log.txt");
    INFO(log);
    // The batch-16 trial runs first and reports steps 4 and 8; the batch-8 trial is compared at the rule's
    // step 4 (its own step 8): no decision at its own step 4, which is the rule's 2, below the warm-up.
    CHECK(log.find("c001-seed0 step 4: ") != std::string::npos);
    CHECK(log.find("(its own step 8 at batch 8)") != std::string::npos);
    CHECK(log.find("c001-seed0 step 2: ") == std::string::npos);
    CHECK(log.find("(its own step 4 at batch 8)") == std::string::npos);
}
