// `dino train`, `dino resume` and `dino bench` as a script sees them: exit codes, files, messages.
// Runs the real binary (DINO_CLI_PATH) on the tiny preset.
#include "api/process.h"
#include "cli_test_util.h"
#include "api/run_directory.h"
#include "common/fsutil.h"
#include "training/checkpoint.h"
#include "training/worker_pool.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace dino;

namespace {

using Result = dino::test::CliResult;
using dino::test::runDino;
using dino::test::Scratch;

const char* kTiny = "--preset tiny --set eval.eval_at_end=false";

}  // namespace

TEST_CASE("dino train and resume: exit 0, the run directory, plain progress lines", "[cli]") {
    Scratch s;
    std::string run = s / "run";
    auto r = runDino(s, std::string("train ") + kTiny + " --run '" + run + "'");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("plan: 2 epochs x 4 steps") != std::string::npos);
    CHECK(r.out.find("step 8/8") != std::string::npos);  // not a terminal: plain lines
    CHECK(r.out.find("\r") == std::string::npos);
    CHECK(r.out.find("finished") != std::string::npos);
    for (const char* f : {"config.json", "metrics.csv", "log.txt", "status.json", "checkpoints/epoch_000.ckpt",
                          "checkpoints/epoch_001.ckpt", "checkpoints/last.ckpt"})
        CHECK(fs::exists(run + "/" + f));
    auto snap = api::loadRun(run);
    CHECK(snap.steps.size() == 8);
    CHECK(snap.status == "finished");
    CHECK_FALSE(snap.config.eval.eval_at_end);

    auto again = runDino(s, "resume '" + run + "'");
    CHECK(again.code == 0);
    CHECK(runDino(s, "train " + std::string(kTiny) + " --run '" + run + "'").code == 1);  // not empty
}

TEST_CASE("dino train: a config file layered on a preset, and --set on top", "[cli]") {
    Scratch s;
    {
        std::ofstream cfg(s / "cfg.json");
        cfg << R"({"optim": {"epochs": 1, "max_steps_per_epoch": 2}, "eval": {"eval_at_end": false}})";
    }
    std::string run = s / "run";
    auto r = runDino(s, "train --preset tiny --config '" + s / "cfg.json" + "' --set optim.lr=0.001 --run '" + run + "'");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    auto snap = api::loadRun(run);
    CHECK(snap.config.optim.epochs == 1);
    CHECK(snap.config.optim.lr == 0.001);
    CHECK(snap.config.model.embed_dim == 32);  // from the tiny preset
    CHECK(snap.steps.size() == 2);
}

TEST_CASE("dino train: usage and configuration errors exit 2 and name the field", "[cli]") {
    Scratch s;
    auto r = runDino(s, std::string("train ") + kTiny + " --set views.num_global=1 --run '" + s / "a" + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("views.num_global") != std::string::npos);
    CHECK_FALSE(fs::exists(s / "a"));

    r = runDino(s, std::string("train ") + kTiny + " --set optim.no_such_field=1 --run '" + s / "b" + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("optim.no_such_field") != std::string::npos);

    r = runDino(s, std::string("train ") + kTiny + " --set optim.batch_size=1000 --run '" + s / "c" + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("optim.batch_size") != std::string::npos);

    {
        std::ofstream cfg(s / "bad.json");
        cfg << R"({"optim": {"lr": "fast"}})";
    }
    r = runDino(s, "train --config '" + s / "bad.json" + "' --run '" + s / "d" + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("optim.lr") != std::string::npos);

    CHECK(runDino(s, std::string("train ") + kTiny).code == 2);  // no --run
    CHECK(runDino(s, "resume").code == 2);
    CHECK(runDino(s, "train --preset nonsense --run '" + s / "e" + "'").code == 2);
}

TEST_CASE("dino train: missing data exits 4, a non-finite loss exits 5 with the causes", "[cli]") {
    Scratch s;
    auto r = runDino(s, std::string("train ") + kTiny + " --set data.dataset='" + s / "none.npz" + "' --run '" + s / "a" + "'");
    CHECK(r.code == 4);
    CHECK(r.err.find("none.npz") != std::string::npos);

    r = runDino(s, std::string("train ") + kTiny + " --set optim.lr=1e30 --run '" + s / "b" + "'");
    CHECK(r.code == 5);
    CHECK(r.err.find("learning rate too high") != std::string::npos);
    auto status = nlohmann::json::parse(readTextFile(s / "b/status.json"));
    CHECK(status["state"] == "failed");
}

TEST_CASE("dino train: SIGINT cancels after the step, keeps last.ckpt, exits 3, resume continues", "[cli][signal]") {
    Scratch s;
    std::string run = s / "run";
    std::string out = s / "out.txt";
    // Long enough (400 epochs x 4 steps) that the signal arrives mid-run.
    const pid_t pid = dino::test::startDino(std::string("train ") + kTiny + " --set optim.epochs=400 --run '" + run + "'", out);
    REQUIRE(pid >= 0);
    // Wait for a few rows of metrics.csv, then interrupt.
    bool started = false;
    for (int i = 0; i < 600 && !started; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ifstream in(api::runMetricsPath(run));
        std::string line;
        int n = 0;
        while (std::getline(in, line)) ++n;
        started = n >= 4;
    }
    REQUIRE(started);
    ::kill(pid, SIGINT);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO(readTextFile(out));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);
    auto info = readCheckpointInfo(lastCheckpointPath(run));
    CHECK(info.step >= 3);
    auto snap = api::loadRun(run);
    CHECK(snap.status == "cancelled");
    CHECK(static_cast<int64_t>(snap.steps.size()) == info.step);  // every step done is in metrics.csv
}

TEST_CASE("dino --help works for train, resume and bench, bench prints its figures", "[cli]") {
    Scratch s;
    for (const char* c : {"train --help", "resume --help", "bench --help"}) {
        auto r = runDino(s, c);
        INFO(c);
        CHECK(r.code == 0);
        CHECK(r.out.find("usage: dino") != std::string::npos);
    }
    auto fields = runDino(s, "train --help-fields");
    CHECK(fields.out.find("optim.teacher_temp = 0.07") != std::string::npos);

    auto b = runDino(s, "bench --preset tiny --steps 2 --warmup 1 --batch 16");
    INFO(b.out << b.err);
    REQUIRE(b.code == 0);
    for (const char* k : {"images/s", "data wait", "teacher fwd", "student fwd+bwd", "optimizer+EMA", "achieved GFLOP/s",
                          "peak RSS"})
        CHECK(b.out.find(k) != std::string::npos);
    CHECK(runDino(s, "bench --steps zero").code == 2);

    // Two threads on a CPU: the step splits its images between two workers, unless told not to.
    auto split = runDino(s, "bench --preset tiny --steps 1 --warmup 0 --batch 16 --threads 2");
    INFO(split.out << split.err);
    REQUIRE(split.code == 0);
    CHECK((split.out.find("split over 2 image workers") != std::string::npos) == perThreadIntraOpThreads());
    auto intra = runDino(s, "bench --preset tiny --steps 1 --warmup 0 --batch 16 --threads 2 --no-image-workers");
    REQUIRE(intra.code == 0);
    CHECK(intra.out.find("image workers") == std::string::npos);
    CHECK(intra.out.find("2 threads") != std::string::npos);
}

TEST_CASE("dino info names the libtorch, BLAS, CPU features and the speed-ups in effect", "[cli]") {
    Scratch s;
    auto r = runDino(s, "info");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    // The build: "CPU only" for Debian's libtorch, "CUDA 13.2, cuDNN ..., NCCL" for the torch wheel's.
    const auto build = r.out.find("libtorch build:");
    REQUIRE(build != std::string::npos);
    const std::string build_line = r.out.substr(build, r.out.find('\n', build) - build);
    CHECK((build_line.find("CPU only") != std::string::npos || build_line.find("CUDA 1") != std::string::npos));
    for (const char* k : {"libtorch:", "device:", "threads:", "BLAS:", "CPU features:", "bf16 on CPU:",
                          "CPU training step:", "fused attention:", "oneDNN sgemm:", "bf16 matmul:", "GELU:", "malloc tuning:", "data parallel:"})
        CHECK(r.out.find(k) != std::string::npos);
    // The switches are read from the environment.
    std::string cmd_env = "DINO_FUSED_ATTENTION=0 DINO_MALLOC_TUNING=0 DINO_ONEDNN=0 DINO_FAST_GELU=0 ";
    std::string out = s / "env.txt";
    REQUIRE(std::system((cmd_env + "'" + DINO_CLI_PATH + "' info >'" + out + "'").c_str()) == 0);
    const std::string text = readTextFile(out);
    CHECK(text.find("fused attention:   off (DINO_FUSED_ATTENTION=0)") != std::string::npos);
    CHECK(text.find("malloc tuning:     off (DINO_MALLOC_TUNING=0)") != std::string::npos);
    CHECK(text.find("GELU:              off (DINO_FAST_GELU=0)") != std::string::npos);
    CHECK((text.find("oneDNN sgemm:      off (DINO_ONEDNN=0)") != std::string::npos ||
           text.find("oneDNN sgemm:      off (no separate oneDNN") != std::string::npos));
}

TEST_CASE("the OpenBLAS re-exec happens only on AVX-512 CPUs whose OpenBLAS chose older kernels", "[cli][process]") {
    using api::openblasCoretypeFor;
    // The brief's case: OpenBLAS 0.3.21 picks Prescott on a newer AVX-512 CPU.
    CHECK(std::string(openblasCoretypeFor(false, true, true, "Prescott")) == "SKYLAKEX");
    CHECK(std::string(openblasCoretypeFor(false, true, true, "Haswell")) == "SKYLAKEX");
    CHECK(std::string(openblasCoretypeFor(false, true, true, nullptr)) == "SKYLAKEX");
    // Already on AVX-512 kernels (any spelling), no AVX-512, not OpenBLAS, or the user chose: nothing.
    for (const char* core : {"SkylakeX", "SKYLAKEX", "Cooperlake", "SapphireRapids"})
        CHECK(std::string(openblasCoretypeFor(false, true, true, core)).empty());
    CHECK(std::string(openblasCoretypeFor(false, true, false, "Zen")).empty());
    CHECK(std::string(openblasCoretypeFor(false, false, true, nullptr)).empty());
    CHECK(std::string(openblasCoretypeFor(true, true, true, "Prescott")).empty());
    // The live decision reads OPENBLAS_CORETYPE from the environment: a user's choice always wins.
    const char* before = std::getenv("OPENBLAS_CORETYPE");
    const std::string saved = before ? before : "";
    setenv("OPENBLAS_CORETYPE", "HASWELL", 1);
    CHECK(std::string(api::preferredOpenblasCoretype()).empty());
    if (before) setenv("OPENBLAS_CORETYPE", saved.c_str(), 1);
    else unsetenv("OPENBLAS_CORETYPE");
}

TEST_CASE("dino train: the collapse guard warns once on a collapsing run and writes its verdict", "[cli][collapse]") {
    // The tiny preset with the seed's recipe stays where DINO starts: its class tokens coincide and the
    // teacher's targets are near uniform (the seed preset on the sample does the same; see
    // docs/learning-on-small-data.md). 24 steps, a few seconds.
    Scratch s;
    std::string run = s / "run";
    auto r = runDino(s, std::string("train ") + kTiny + " --set optim.epochs=6 --run '" + run + "'");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const auto first = r.out.find("warning: collapse guard at step");
    REQUIRE(first != std::string::npos);
    CHECK(r.out.find("Try optim.centering=\"sinkhorn\"") != std::string::npos);
    auto status = nlohmann::json::parse(readTextFile(run + "/status.json"));
    REQUIRE(status.contains("collapse"));
    const std::string state = status["collapse"]["state"];
    CHECK((state == "uniform" || state == "one-hot"));
    CHECK(status["collapse"]["advice"].contains("optim.centering"));
    CHECK(readTextFile(run + "/log.txt").find("warning: collapse guard") != std::string::npos);
}

TEST_CASE("dino train --print-config prints the resolved configuration and trains nothing", "[cli]") {
    Scratch s;
    auto r = runDino(s, "train --preset quick --set optim.lr=0.002 --print-config");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const RunConfig c = configFromJson(r.out);
    CHECK(c.optim.lr == 0.002);
    CHECK(c.optim.centering == "sinkhorn");
    CHECK(runDino(s, "train --set optim.centering=sk --print-config").code == 2);
}

TEST_CASE("dino eval --split val writes eval_val.json beside eval.json", "[cli][eval]") {
    Scratch s;
    std::string run = s / "run";
    REQUIRE(runDino(s, std::string("train ") + kTiny + " --set optim.epochs=1 --set eval.batch_size=128 --run '" + run + "'").code == 0);
    auto r = runDino(s, "eval '" + run + "' --split val");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("eval_val.json") != std::string::npos);
    auto j = nlohmann::json::parse(readTextFile(run + "/eval_val.json"));
    CHECK(j["test_split"] == "val");
    CHECK(j["n_test"] == 160);
    CHECK_FALSE(fs::exists(run + "/eval.json"));
    // The linear probe, printed and saved for both models (the tiny ViT's 2 blocks).
    CHECK(r.out.find("linear probe: class tokens of the last 2 blocks (64-d)") != std::string::npos);
    CHECK(r.out.find("chosen lr / wd") != std::string::npos);
    CHECK(j["trained"]["linear_probe"]["val_split"] == "val");
    CHECK(j["baseline"]["linear_probe"]["test_accuracy"].is_number());

    // The run's own evaluation feeds the runs table's probe columns.
    REQUIRE(runDino(s, "eval '" + run + "'").code == 0);
    r = runDino(s, "runs '" + run + "' --json --no-group");
    INFO(r.out);
    REQUIRE(r.code == 0);
    const auto runs = nlohmann::json::parse(r.out);
    const auto e = nlohmann::json::parse(readTextFile(run + "/eval.json"));
    CHECK(runs["runs"][0]["results"]["probe"] == e["trained"]["linear_probe"]["test_accuracy"]);
    CHECK(runs["runs"][0]["results"]["baseline_probe"] == e["baseline"]["linear_probe"]["test_accuracy"]);
}

TEST_CASE("system.precision = auto: the choice and its reason in log.txt, status.json and dino info", "[cli][precision]") {
    Scratch s;
    auto r = runDino(s, std::string("train ") + kTiny + " --set system.precision=auto --set optim.epochs=1 --run '" + s / "run" + "'");
    REQUIRE(r.code == 0);
    auto status = nlohmann::json::parse(readTextFile(s / "run/status.json"));
    const std::string precision = status["precision"], reason = status["precision_reason"];
    CHECK((precision == "fp32" || precision == "bf16"));
    CHECK(reason.rfind("auto: " + precision, 0) == 0);  // "auto: bf16 autocast, the CPU has AMX-BF16"
    CHECK(readTextFile(s / "run/log.txt").find(reason) != std::string::npos);
    auto info = runDino(s, "info");
    CHECK(info.out.find("precision (auto):  " + reason) != std::string::npos);
    // Pinned fp32 (the tiny preset) says so.
    r = runDino(s, std::string("train ") + kTiny + " --set optim.epochs=1 --run '" + s / "pinned" + "'");
    REQUIRE(r.code == 0);
    CHECK(nlohmann::json::parse(readTextFile(s / "pinned/status.json"))["precision_reason"] == "fp32, as set in system.precision");
}
