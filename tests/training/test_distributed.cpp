// The pieces of data-parallel training that need no second process: the launcher variables, the
// backend choice, the threads of each process, and the local launcher's handling of its children
// (exit codes, a killed rank named, interruption), with /bin/sh standing in for `dino`.
#include "api/distributed.h"
#include "api/local_launcher.h"
#include "api/run_directory.h"
#include "api/training_run.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

using namespace dino::api;

TEST_CASE("launcher variables: torchrun's names, defaults, and errors naming the variable", "[distributed]") {
    DistributedEnv one = distributedFromVariables({});
    CHECK_FALSE(one.enabled());
    CHECK(one.world_size == 1);
    CHECK(one.rank == 0);
    CHECK_FALSE(distributedFromVariables({{"WORLD_SIZE", "1"}}).enabled());

    DistributedEnv e = distributedFromVariables({{"WORLD_SIZE", "4"}, {"RANK", "3"}, {"LOCAL_RANK", "1"},
                                                 {"LOCAL_WORLD_SIZE", "2"}, {"MASTER_ADDR", "10.1.2.3"},
                                                 {"MASTER_PORT", "29411"}});
    CHECK(e.enabled());
    CHECK(e.world_size == 4);
    CHECK(e.rank == 3);
    CHECK(e.local_rank == 1);
    CHECK(e.local_world_size == 2);
    CHECK(e.master_addr == "10.1.2.3");
    CHECK(e.master_port == 29411);
    // LOCAL_RANK defaults to RANK, the address to loopback, the port to torch's 29500.
    DistributedEnv d = distributedFromVariables({{"WORLD_SIZE", "2"}, {"RANK", "1"}});
    CHECK(d.local_rank == 1);
    CHECK(d.master_addr == "127.0.0.1");
    CHECK(d.master_port == 29500);

    auto message = [](const std::map<std::string, std::string>& v) {
        try {
            distributedFromVariables(v);
        } catch (const std::invalid_argument& ex) {
            return std::string(ex.what());
        }
        return std::string();
    };
    CHECK_THAT(message({{"WORLD_SIZE", "2"}}), Catch::Contains("RANK is not set"));
    CHECK_THAT(message({{"WORLD_SIZE", "2"}, {"RANK", "2"}}), Catch::Contains("RANK must be an integer from 0 to 1"));
    CHECK_THAT(message({{"WORLD_SIZE", "two"}}), Catch::Contains("WORLD_SIZE"));
    CHECK_THAT(message({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"MASTER_PORT", "70000"}}), Catch::Contains("MASTER_PORT"));
    CHECK_THAT(message({{"WORLD_SIZE", "2"}, {"RANK", "0"}, {"LOCAL_WORLD_SIZE", "3"}}),
               Catch::Contains("LOCAL_WORLD_SIZE"));

    auto vars = localLauncherVariables(3, 2, 1234);
    DistributedEnv l = distributedFromVariables(vars);
    CHECK(l.world_size == 3);
    CHECK(l.rank == 2);
    CHECK(l.local_rank == 2);
    CHECK(l.local_world_size == 3);
    CHECK(l.master_port == 1234);
}

TEST_CASE("backend choice and threads per process", "[distributed]") {
    const auto have = availableDistBackends();
    auto has = [&](const char* b) { return std::find(have.begin(), have.end(), b) != have.end(); };
    CHECK_NOTHROW(requireDistributedBackend(1));
    if (have.empty()) CHECK_THROWS_WITH(requireDistributedBackend(2), Catch::Contains("system.processes"));
    else CHECK_NOTHROW(requireDistributedBackend(2));
    if (has("gloo")) {
        CHECK(resolveDistBackend("auto", "cpu") == "gloo");
        CHECK(resolveDistBackend("gloo", "cpu") == "gloo");
        CHECK(resolveDistBackend("auto", "cuda") == (has("nccl") ? "nccl" : "gloo"));
    } else {
        CHECK_THROWS_WITH(resolveDistBackend("auto", "cpu"), Catch::Contains("libgloo-dev"));
    }
    if (has("nccl")) {
        CHECK_THROWS_WITH(resolveDistBackend("nccl", "cpu"), Catch::Contains("system.device=cuda"));
    } else {
        CHECK_THROWS_WITH(resolveDistBackend("nccl", "cuda"), Catch::Contains("not in this build"));
    }
    // The cores are shared by the processes of a machine; a configured count is kept.
    CHECK(threadsPerProcess(0, 2, 1) == 2);
    CHECK(threadsPerProcess(0, 2, 2) == 1);
    CHECK(threadsPerProcess(0, 2, 4) == 1);
    CHECK(threadsPerProcess(0, 16, 4) == 4);
    CHECK(threadsPerProcess(3, 16, 4) == 3);
    CHECK(rankLogPath("/runs/r", 3) == "/runs/r/log.rank3.txt");
}

TEST_CASE("local launcher: every rank's variables, exit codes, the failing rank named, interruption",
          "[distributed]") {
    SECTION("all ranks exit 0; each saw its own RANK") {
        LocalLauncher l("/bin/sh", {"-c", "test \"$WORLD_SIZE\" = 3 && test \"$LOCAL_RANK\" = \"$RANK\" && "
                                          "test \"$MASTER_ADDR\" = 127.0.0.1 && test \"$MASTER_PORT\" = 4321"},
                        3, 4321);
        CHECK(l.wait(5.0) == 0);
        CHECK_FALSE(l.failed());
    }
    SECTION("a rank killed by a signal is named; the others are interrupted") {
        const auto t0 = std::chrono::steady_clock::now();
        LocalLauncher l("/bin/sh", {"-c", "if [ \"$RANK\" = 1 ]; then kill -9 $$; fi; sleep 30"}, 2, 4321);
        CHECK(l.wait(5.0) == 1);
        REQUIRE(l.failed());
        CHECK_THAT(l.failure(), Catch::StartsWith("rank 1 (pid "));
        CHECK_THAT(l.failure(), Catch::Contains("killed by signal 9"));
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));  // rank 0 did not sleep on
    }
    SECTION("a rank's exit code is the run's") {
        LocalLauncher l("/bin/sh", {"-c", "if [ \"$RANK\" = 0 ]; then exit 4; fi; exit 0"}, 2, 4321);
        CHECK(l.wait(5.0) == 4);
        CHECK_THAT(l.failure(), Catch::Contains("rank 0"));
        CHECK_THAT(l.failure(), Catch::Contains("exited with code 4"));
    }
    SECTION("interrupted: every rank gets SIGINT once; a cancel (3) is not a failure") {
        LocalLauncher l("/bin/sh", {"-c", "trap 'exit 3' INT; while :; do sleep 0.05; done"}, 2, 4321);
        int polls = 0;
        CHECK(l.wait(5.0, [&] { return ++polls > 4; }) == 3);
        CHECK_FALSE(l.failed());
    }
    SECTION("ranks from 1 on only (the GUI runs rank 0 itself)") {
        LocalLauncher l("/bin/sh", {"-c", "test \"$RANK\" != 0"}, 3, 4321, 1);
        CHECK(l.wait(5.0) == 0);
    }
    CHECK(LocalLauncher::freePort() > 0);
}

TEST_CASE("createLocal (the GUI's way): rank 0 in this process, rank 1 through the dino CLI, the one-process losses",
          "[distributed]") {
    if (availableDistBackends().empty()) {
        WARN("this build has no distributed backend: skipped");
        return;
    }
    dino::test::TempDir dir("local2");
    dino::RunConfig cfg = dino::test::tinyConfig();
    cfg.optim.max_steps_per_epoch = 2;

    struct Losses : TrainObserver {
        std::vector<double> loss;
        RunPlan plan;
        void onPlan(const RunPlan& p) override { plan = p; }
        void onStep(const StepMetrics& m) override { loss.push_back(m.loss); }
    };
    Losses one, two;
    auto single = TrainingRun::createLocal(cfg, dir / "one", DINO_CLI_PATH);  // processes = 1: a plain run
    REQUIRE(single->run(one) == RunOutcome::Finished);
    cfg.system.processes = 2;
    auto run = TrainingRun::createLocal(cfg, dir / "two", DINO_CLI_PATH);
    REQUIRE(run->run(two) == RunOutcome::Finished);
    CHECK(two.plan.processes == 2);
    CHECK(two.plan.dist_backend == "gloo");
    REQUIRE(two.loss.size() == one.loss.size());
    for (size_t i = 0; i < one.loss.size(); ++i) CHECK(std::abs(two.loss[i] - one.loss[i]) < 1e-4);
    CHECK(std::filesystem::exists(dir / "two/log.rank1.txt"));
    // A run directory in use is refused before any helper starts: `run` still holds its lock.
    CHECK_THROWS_WITH(TrainingRun::createLocal(cfg, dir / "two", DINO_CLI_PATH), Catch::Contains("is being written by"));
    run.reset();
    CHECK_THROWS_WITH(TrainingRun::createLocal(cfg, dir / "two", DINO_CLI_PATH), Catch::Contains("not empty"));
    // No CLI beside the program: a message saying what is missing.
    CHECK_THROWS_WITH(TrainingRun::createLocal(cfg, dir / "three", "/nonexistent/dino"),
                      Catch::Contains("/nonexistent/dino"));
}
