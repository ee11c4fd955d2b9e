// One writer per run directory and `dino runs`, through the real binary: a second writer refused with
// exit 6 naming the holder's pid and host, the lock gone after kill -9 of its holder, read-only commands
// while a run trains; the runs table of fixture runs as text, CSV and JSON.
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "api/run_tags.h"
#include "cli_test_util.h"
#include "run_fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;
using namespace dino;
using dino::test::quoted;
using dino::test::runDino;
using dino::test::Scratch;

namespace {

const char* kTiny = "--preset tiny --set eval.eval_at_end=false";

template <class Pred>
bool eventually(Pred pred) {
    for (int i = 0; i < 1200; ++i) {
        if (pred()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return pred();
}

// A child process that takes the lock of dir and waits; returns its pid once it holds the lock.
pid_t forkLockHolder(const std::string& dir) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        char ok = 'n';
        try {
            auto lock = api::RunLock::acquire(dir, "test holder");
            ok = 'y';
            if (::write(fds[1], &ok, 1) != 1) ::_exit(1);
            for (;;) ::pause();
        } catch (...) {
            if (::write(fds[1], &ok, 1) != 1) ::_exit(1);
        }
        ::_exit(1);
    }
    ::close(fds[1]);
    char ok = 0;
    const bool read_one = ::read(fds[0], &ok, 1) == 1;
    ::close(fds[0]);
    REQUIRE(read_one);
    REQUIRE(ok == 'y');
    return pid;
}

}  // namespace

TEST_CASE("run lock: a second writer is refused with exit 6, and kill -9 of the holder frees the lock", "[cli][lock]") {
    Scratch s;
    const std::string run = s / "run";
    REQUIRE(runDino(s, std::string("train ") + kTiny + " --set optim.epochs=1 --run " + quoted(run)).code == 0);

    const pid_t holder = forkLockHolder(run);
    const auto w = api::runWriter(run);
    REQUIRE(w);
    CHECK(w->pid == holder);
    CHECK(w->host == api::hostName());
    CHECK(w->command == "test holder");
    CHECK_FALSE(w->started.empty());
    CHECK_THROWS_AS(api::RunLock::acquire(run, "second"), api::RunLockedError);

    const std::string who = "pid " + std::to_string(holder) + " on " + api::hostName();
    auto r = runDino(s, "resume " + quoted(run));
    CHECK(r.code == 6);
    CHECK(r.err.find(who) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
    r = runDino(s, std::string("train ") + kTiny + " --run " + quoted(run));
    CHECK(r.code == 6);
    CHECK(r.err.find(who) != std::string::npos);
    r = runDino(s, "prune " + quoted(run));
    CHECK(r.code == 6);
    CHECK(runDino(s, "prune --dry-run " + quoted(run)).code == 0);

    REQUIRE(::kill(holder, SIGKILL) == 0);
    int status = 0;
    ::waitpid(holder, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK_FALSE(api::runWriter(run));  // the kernel released it; the files it left do not count
    CHECK(fs::exists(api::runLockPath(run)));
    {
        auto lock = api::RunLock::acquire(run, "after");
        CHECK(api::runWriterAny(run)->command == "after");
    }
    CHECK_FALSE(fs::exists(api::runLockPath(run)));  // a clean release removes its files
    CHECK_FALSE(fs::exists(api::runWriterPath(run)));
    r = runDino(s, "resume " + quoted(run));  // nothing left to train, but allowed
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(dino::test::tempFiles(run).empty());
}

TEST_CASE("run lock: while dino train runs, a second writer is refused and read-only commands work", "[cli][lock]") {
    Scratch s;
    const std::string run = s / "runs/live";
    const std::string out = s / "train.txt";
    const pid_t pid = dino::test::startDino(std::string("train ") + kTiny + " --set optim.epochs=5000 --run " + quoted(run), out);
    REQUIRE(pid > 0);
    REQUIRE(eventually([&] { return fs::exists(run + "/checkpoints/last.ckpt") && api::runWriter(run).has_value(); }));
    const auto w = api::runWriter(run);
    CHECK(w->pid == pid);
    CHECK(w->command == "dino train");

    auto r = runDino(s, "resume " + quoted(run));
    CHECK(r.code == 6);
    CHECK(r.err.find("pid " + std::to_string(pid)) != std::string::npos);

    // Reading commands stay allowed.
    r = runDino(s, "eval " + quoted(run));
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("is being trained by pid " + std::to_string(pid)) != std::string::npos);
    CHECK(fs::exists(api::runEvalPath(run)));
    CHECK(runDino(s, "export " + quoted(run) + " --format safetensors --out " + quoted(s / "enc.safetensors")).code == 0);
    CHECK(runDino(s, "attention " + quoted(run) + " --images 0 --out " + quoted(s / "att.png")).code == 0);

    r = runDino(s, "runs " + quoted(s / "runs") + " --json");
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["status"] == "training");
    CHECK(j["runs"][0]["writer"]["pid"] == pid);

    // kill -9 of the trainer: no stale lock, the run is "stopped" (killed) and can be continued.
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK_FALSE(api::runWriter(run));
    r = runDino(s, "runs " + quoted(s / "runs") + " --json --no-group");
    REQUIRE(r.code == 0);
    const auto k = nlohmann::json::parse(r.out);
    // "stopped", or "collapsed" when the tiny run's collapse guard said so; killed either way.
    CHECK((k["runs"][0]["status"] == "stopped" || k["runs"][0]["status"] == "collapsed"));
    CHECK(k["runs"][0]["detail"] == "killed");
    CHECK_NOTHROW(api::RunLock::acquire(run, "next writer"));
}

TEST_CASE("dino runs: fixture runs as a table, CSV and JSON, seeds grouped", "[cli][runs]") {
    Scratch s;
    const std::string runs = s / "runs";
    for (int seed = 0; seed < 2; ++seed) {
        test::FixtureRun f;
        f.config.optim.lr = 1e-3;
        f.config.system.seed = static_cast<uint64_t>(seed);
        f.knn = seed == 0 ? 0.6 : 0.7;
        f.live_knn = {{4, 0.5 + 0.1 * seed}};
        test::writeFixtureRun(runs + "/lr1e-3-s" + std::to_string(seed), f);
    }
    test::FixtureRun b;
    b.config.optim.lr = 2e-3;
    b.state = "cancelled";
    test::writeFixtureRun(runs + "/lr2e-3-s0", b);

    auto r = runDino(s, "runs " + quoted(runs));
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("optim.lr") != std::string::npos);
    CHECK(r.out.find("system.seed") == std::string::npos);  // grouped: the seeds have their own column
    CHECK(r.out.find("0.6500 ± 0.0707") != std::string::npos);
    CHECK(r.out.find("stopped") != std::string::npos);

    r = runDino(s, "runs " + quoted(runs) + " --no-group --csv");
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("name,status,started,wall_s,steps,images/s,optim.lr,system.seed,nn1,knn,", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 4);

    // Two folders (a run directory lists itself), --all-fields.
    r = runDino(s, "runs " + quoted(runs + "/lr1e-3-s0") + " " + quoted(runs + "/lr2e-3-s0") + " --json --all-fields");
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["runs"].size() == 2);
    CHECK(j["runs"][1]["status"] == "stopped");
    CHECK(j["runs"][0]["config"]["optim.lr"].get<double>() == 1e-3);
    CHECK(j["runs"][0]["config"].size() == j["fields"].size());
    CHECK(j["runs"][0]["results"]["best_live_knn"].get<double>() == Approx(0.5));

    CHECK(runDino(s, "runs " + quoted(s / "missing")).code == 1);
    CHECK(runDino(s, "runs --json --csv " + quoted(runs)).code == 2);
    r = runDino(s, "runs " + quoted(runs), "DINO_RUNS_DIR=" + quoted(runs) + " ");
    CHECK(r.code == 0);
    r = runDino(s, "runs", "DINO_RUNS_DIR=" + quoted(runs) + " ");
    CHECK(r.out.find("lr2e-3-s0") != std::string::npos);

    // --against: lr 2e-3's one seed (0, k-NN 0.6 as in the fixture's default) paired with lr 1e-3's seed 0
    // (0.6): a tie, 0.0 points, not ahead; the table first, then the paired one.
    r = runDino(s, "runs " + quoted(runs) + " --against lr1e-3-s1");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    const auto at = r.out.find("Paired by seed against lr1e-3-s0 +1 (seeds 0,1)");
    REQUIRE(at != std::string::npos);
    CHECK(r.out.find("0.0 (0/1)", at) != std::string::npos);
    // The heading explains the interval; one seed paired has none, so no interval line follows the row.
    CHECK(r.out.find("95 % interval of the mean difference (Student's t over the seeds)", at) != std::string::npos);
    CHECK(r.out.find("\n  95 % interval", at) == std::string::npos);
    r = runDino(s, "runs " + quoted(runs) + " --against " + quoted(runs + "/lr2e-3-s0") + " --json");
    REQUIRE(r.code == 0);
    const auto pj = nlohmann::json::parse(r.out)["paired"];
    CHECK(pj["against"] == "lr2e-3-s0");
    CHECK(pj["groups"][0]["knn"]["n"] == 1);
    CHECK(pj["groups"][0]["knn"]["mean"].get<double>() == Approx(0.0).margin(1e-12));
    CHECK(pj["groups"][0]["knn"]["ci95"].is_null());
    r = runDino(s, "runs " + quoted(runs) + " --against nosuchrun");
    CHECK(r.code == 2);
    CHECK(r.err.find("--against nosuchrun: no such run") != std::string::npos);
    CHECK(runDino(s, "runs " + quoted(runs) + " --against lr2e-3-s0 --no-group").code == 2);
}

TEST_CASE("dino runs: tags as a column in text, CSV and JSON, --tag filters, hidden runs only with --hidden", "[cli][runs]") {
    Scratch s;
    const std::string runs = s / "runs";
    for (const char* name : {"a", "b", "c"}) {
        test::FixtureRun f;
        f.config.optim.lr = name[0] == 'a' ? 1e-3 : name[0] == 'b' ? 2e-3 : 3e-3;
        test::writeFixtureRun(runs + "/" + name, f);
    }
    api::editRunTags(runs + "/a", {"baseline", "keep"}, {});
    api::editRunTags(runs + "/b", {"keep"}, {});
    api::setRunHidden(runs + "/c", true);

    auto r = runDino(s, "runs " + quoted(runs));
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("tags") != std::string::npos);
    CHECK(r.out.find("baseline,keep") != std::string::npos);
    CHECK(r.out.find("\nc ") == std::string::npos);  // hidden
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 3);

    r = runDino(s, "runs " + quoted(runs) + " --hidden --csv");
    REQUIRE(r.code == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 4);
    CHECK(r.out.find(",collapse,tags\r\n") != std::string::npos);
    CHECK(r.out.find(",\"baseline,keep\"\r\n") != std::string::npos);

    r = runDino(s, "runs " + quoted(runs) + " --tag keep --json");
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["runs"].size() == 2);
    CHECK(j["runs"][0]["tags"] == nlohmann::json({"baseline", "keep"}));
    CHECK(j["runs"][1]["tags"] == nlohmann::json({"keep"}));
    CHECK(j["runs"][1]["hidden"] == false);

    r = runDino(s, "runs " + quoted(runs) + " --tag keep --tag baseline --json");
    j = nlohmann::json::parse(r.out);
    REQUIRE(j["runs"].size() == 1);
    CHECK(j["runs"][0]["name"] == "a");

    r = runDino(s, "runs " + quoted(runs) + " --hidden --json");
    j = nlohmann::json::parse(r.out);
    REQUIRE(j["runs"].size() == 3);
    CHECK(j["runs"][2]["hidden"] == true);

    r = runDino(s, "runs " + quoted(runs) + " --tag ' , '");
    CHECK(r.code == 2);
    CHECK(r.err.find("--tag") != std::string::npos);
    CHECK(runDino(s, "runs --help").out.find("--hidden") != std::string::npos);
}
