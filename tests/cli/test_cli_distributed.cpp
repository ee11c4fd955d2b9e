// Data-parallel training over c10d Gloo on loopback (`dino train --nproc 2`): the same losses and
// weights as one process with the same global batch, checkpoints that resume across process counts,
// a killed rank named by the launcher with last.ckpt kept, and Ctrl-C stopping every rank.
#include "api/distributed.h"
#include "api/run_directory.h"
#include "cli_test_util.h"
#include "common/config.h"
#include "training/checkpoint.h"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

namespace fs = std::filesystem;
using namespace dino;
using dino::test::quoted;
using dino::test::runDino;
using dino::test::startDino;
using dino::test::Scratch;

namespace {

// 3 epochs of 2 steps of 16 images in fp32 (the tiny preset), full epoch snapshots for the resume
// checks, no evaluation.
const char* kArgs =
    "--preset tiny --set eval.eval_at_end=false --set optim.epochs=3 --set optim.max_steps_per_epoch=2"
    " --set system.epoch_checkpoints=full --set system.keep_checkpoints=-1";

std::vector<double> losses(const std::string& run) {
    std::vector<double> out;
    for (const auto& m : api::loadRun(run).steps) out.push_back(m.loss);
    return out;
}

// The largest absolute difference between two checkpoints' student and teacher weights.
double weightDifference(const std::string& a, const std::string& b) {
    const RunConfig cfg = loadConfigFile((fs::path(a).parent_path().parent_path() / "config.json").string());
    double worst = 0;
    for (const char* which : {"student", "teacher"}) {
        auto ma = loadModelFromCheckpoint(a, cfg.model, 28, which);
        auto mb = loadModelFromCheckpoint(b, cfg.model, 28, which);
        auto pa = ma->parameters(), pb = mb->parameters();
        REQUIRE(pa.size() == pb.size());
        for (size_t i = 0; i < pa.size(); ++i) worst = std::max(worst, (pa[i] - pb[i]).abs().max().item<double>());
    }
    return worst;
}

void requireClose(const std::vector<double>& a, const std::vector<double>& b, double tol) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        INFO("step " << i << ": " << a[i] << " vs " << b[i]);
        CHECK(std::abs(a[i] - b[i]) <= tol);
    }
}

// A copy of `run` whose last.ckpt is its epoch-0 snapshot (after 2 steps): a run stopped there.
std::string stoppedAfterEpoch0(const Scratch& s, const std::string& run, const std::string& name) {
    const std::string copy = s / name;
    fs::copy(run, copy, fs::copy_options::recursive);
    fs::copy_file(fs::path(copy) / "checkpoints/epoch_000.ckpt", fs::path(copy) / "checkpoints/last.ckpt",
                  fs::copy_options::overwrite_existing);
    return copy;
}

bool haveGloo() {
    auto b = api::availableDistBackends();
    return std::find(b.begin(), b.end(), "gloo") != b.end();
}

int waitExit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits (at most ~60 s) until `pred` holds.
template <class Pred>
bool eventually(Pred pred) {
    for (int i = 0; i < 1200; ++i) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace

TEST_CASE("2 processes over Gloo: the losses and weights of one process with the same global batch, and "
          "checkpoints that resume across process counts",
          "[cli][distributed]") {
    if (!haveGloo()) {
        WARN("this build has no Gloo (libgloo-dev missing at build time): skipped");
        return;
    }
    // iBOT too: its patch outputs are gathered like the class token's, its term summed with the loss; and
    // stochastic depth, whose draw covers the whole batch so that each process takes its images' rows.
    const std::string variant = GENERATE(std::string("ema"), std::string("sinkhorn"), std::string("ema ibot droppath"),
                                         std::string("sinkhorn ibot"));
    INFO("optim.centering, iBOT and stochastic depth: " << variant);
    const std::string centering = variant.substr(0, variant.find(' '));
    Scratch s;
    std::string args = std::string(kArgs) + " --set optim.centering=" + centering;
    if (variant.find("ibot") != std::string::npos) args += " --set optim.ibot_weight=1";
    if (variant.find("droppath") != std::string::npos) args += " --set model.drop_path_rate=0.2";
    const std::string one = s / "one", two = s / "two";
    auto r1 = runDino(s, "train " + args + " --run " + quoted(one));
    REQUIRE(r1.code == 0);
    auto r2 = runDino(s, "train " + args + " --nproc 2 --run " + quoted(two));
    INFO(r2.out << r2.err);
    REQUIRE(r2.code == 0);
    CHECK(r2.out.find("2 training processes") != std::string::npos);

    // Rank 0 wrote the run as one process does; rank 1 only its log.
    CHECK(fs::exists(fs::path(two) / "metrics.csv"));
    CHECK(fs::exists(fs::path(two) / "log.rank1.txt"));
    CHECK_FALSE(fs::exists(fs::path(two) / "log.rank0.txt"));
    const std::string rank1 = readTextFile((fs::path(two) / "log.rank1.txt").string());
    CHECK(rank1.find("finished after 6 steps") != std::string::npos);
    const std::string log0 = readTextFile((fs::path(two) / "log.txt").string());
    CHECK(log0.find("2 processes (gloo)") != std::string::npos);
    CHECK(log0.find("collectives (teacher outputs, gradients) took") != std::string::npos);
    CHECK(api::loadRun(two).plan.processes == 2);
    CHECK(loadConfigFile(two + "/config.json").system.processes == 2);

    // The same math: the losses of every step and the final weights to 1e-4 (fp32).
    requireClose(losses(one), losses(two), 1e-4);
    CHECK(losses(two).size() == 6u);
    CHECK(weightDifference(one + "/checkpoints/last.ckpt", two + "/checkpoints/last.ckpt") < 1e-4);

    // Rank 0's checkpoint after epoch 0 continues in one process, and one process's in two; both
    // end where the uninterrupted runs ended.
    const std::string two_to_one = stoppedAfterEpoch0(s, two, "two_to_one");
    auto r = runDino(s, "resume " + quoted(two_to_one) + " --nproc 1");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(weightDifference(two_to_one + "/checkpoints/last.ckpt", one + "/checkpoints/last.ckpt") < 1e-4);
    requireClose(losses(two_to_one), losses(one), 1e-4);

    const std::string one_to_two = stoppedAfterEpoch0(s, one, "one_to_two");
    r = runDino(s, "resume " + quoted(one_to_two) + " --nproc 2");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(weightDifference(one_to_two + "/checkpoints/last.ckpt", two + "/checkpoints/last.ckpt") < 1e-4);
    CHECK(fs::exists(fs::path(one_to_two) / "log.rank1.txt"));
}

TEST_CASE("2 processes: a killed rank is named and last.ckpt kept, Ctrl-C stops every rank after the same step",
          "[cli][distributed]") {
    if (!haveGloo()) {
        WARN("this build has no Gloo: skipped");
        return;
    }
    Scratch s;
    const std::string args = "train --preset tiny --set eval.eval_at_end=false --set optim.epochs=400"
                             " --set optim.max_steps_per_epoch=1 --nproc 2 --run ";
    auto rank1Pid = [&](const std::string& run) -> pid_t {
        std::smatch m;
        const std::string log = readTextFile((fs::path(run) / "log.rank1.txt").string());
        static const std::regex re("rank 1 \\(pid ([0-9]+)\\)");
        return std::regex_search(log, m, re) ? static_cast<pid_t>(std::stol(m[1])) : 0;
    };

    SECTION("a rank killed mid-run") {
        const std::string run = s / "killed";
        const pid_t launcher = startDino(args + quoted(run), s / "killed.txt");
        REQUIRE(eventually([&] { return fs::exists(lastCheckpointPath(run)) && rank1Pid(run) > 0; }));
        REQUIRE(::kill(rank1Pid(run), SIGKILL) == 0);
        const int code = waitExit(launcher);
        const std::string out = readTextFile(s / "killed.txt");
        INFO(out);
        CHECK(code == 1);
        CHECK(out.find("rank 1 (pid " + std::to_string(rank1Pid(run)) + ") was killed by signal 9") != std::string::npos);
        CHECK(out.find("The run keeps") != std::string::npos);
        CHECK(readCheckpointInfo(lastCheckpointPath(run)).step >= 1);  // intact and readable
        // The survivor said why it stopped.
        CHECK(out.find("rank 0 of 2") != std::string::npos);
    }
    SECTION("Ctrl-C on the launcher, then resume in 2 processes") {
        const std::string run = s / "cancelled";
        const pid_t launcher = startDino(args + quoted(run), s / "cancelled.txt");
        REQUIRE(eventually([&] { return fs::exists(lastCheckpointPath(run)) && rank1Pid(run) > 0; }));
        REQUIRE(::kill(launcher, SIGINT) == 0);
        const int code = waitExit(launcher);
        const std::string out = readTextFile(s / "cancelled.txt");
        INFO(out);
        CHECK(code == 3);
        const int64_t stopped = readCheckpointInfo(lastCheckpointPath(run)).step;
        CHECK(stopped >= 1);
        const std::string rank1 = readTextFile((fs::path(run) / "log.rank1.txt").string());
        CHECK(rank1.find("cancelled after " + std::to_string(stopped) + " steps") != std::string::npos);
        CHECK(api::loadRun(run).status == "cancelled");
    }
}

TEST_CASE("dino train --nproc and the launcher variables: bad values exit 2 naming them", "[cli][distributed]") {
    Scratch s;
    auto r = runDino(s, "train --preset tiny --nproc 0 --run " + quoted(s / "r"));
    CHECK(r.code == 2);
    CHECK(r.err.find("--nproc") != std::string::npos);
    r = runDino(s, "train --preset tiny --nproc 17 --run " + quoted(s / "r"));  // the tiny batch is 16
    CHECK(r.code == 2);
    CHECK(r.err.find("system.processes") != std::string::npos);
    r = runDino(s, "train --preset tiny --run " + quoted(s / "r"), "WORLD_SIZE=2 ");
    CHECK(r.code == 2);
    CHECK(r.err.find("RANK") != std::string::npos);
    r = runDino(s, "train --preset tiny --run " + quoted(s / "r"), "WORLD_SIZE=2 RANK=5 ");
    CHECK(r.code == 2);
    CHECK(r.err.find("RANK") != std::string::npos);
    CHECK_FALSE(fs::exists(s / "r"));
}
