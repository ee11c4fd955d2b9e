// Runs that never fill the disk or lose work, as a script sees them: checkpoint retention over
// many epochs, `dino prune`, a disk that fills up (a real small tmpfs where the sandbox allows one,
// else an injected ENOSPC), a read-only file system, and a soak test that kills a run at random
// moments and checks that the resumed result equals an uninterrupted run bit for bit.
#include "api/run_directory.h"
#include "cli_test_util.h"
#include "common/fsutil.h"
#include "common/retention.h"
#include "training/checkpoint.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace dino;
using dino::test::quoted;
using dino::test::checkpointNames;
using dino::test::runDino;
using dino::test::Scratch;

namespace {

const char* kTiny = "--preset tiny --set eval.eval_at_end=false";


// Whether this sandbox lets us mount a tmpfs in a private mount namespace (as root, or as an
// unprivileged user through a user namespace).
bool canMountTmpfs(const Scratch& s) {
    const std::string probe = s / "probe";
    fs::create_directories(probe);
    const std::string cmd = "unshare -rm sh -c 'mount -t tmpfs -o size=1m tmpfs " + quoted(probe) + "' >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

// Runs `script` (sh) inside a private mount namespace where `mnt` is a fresh tmpfs of `bytes`.
// Returns the script's exit code; what it prints goes to s/"ns.txt".
int inTmpfs(const Scratch& s, const std::string& mnt, int64_t bytes, const std::string& script) {
    fs::create_directories(mnt);
    const std::string file = s / "ns.sh";
    std::ofstream(file) << "set -u\nmount -t tmpfs -o size=" << bytes << " tmpfs " << quoted(mnt) << " || exit 99\n"
                        << script << "\n";
    const std::string cmd = "unshare -rm sh " + quoted(file) + " >" + quoted(s / "ns.txt") + " 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string dinoCmd() { return quoted(DINO_CLI_PATH); }

// The loss and teacher-entropy columns of metrics.csv, one string per step.
std::vector<std::string> lossColumns(const std::string& run) {
    std::vector<std::string> out;
    for (const auto& m : api::loadRun(run).steps) {
        std::ostringstream os;
        os.precision(17);
        os << m.step << ' ' << m.loss << ' ' << m.teacher_entropy << ' ' << m.center_norm;
        out.push_back(os.str());
    }
    return out;
}

}  // namespace

TEST_CASE("retention: a 200-epoch run keeps last.ckpt, the newest 2 and every 50th epoch", "[cli][storage]") {
    Scratch s;
    const std::string run = s / "run";
    auto r = runDino(s, std::string("train ") + kTiny +
                            " --set optim.epochs=200 --set optim.max_steps_per_epoch=1 --set system.checkpoint_every_epochs=50"
                            " --run " + quoted(run));
    REQUIRE(r.code == 0);
    CHECK(checkpointNames(run) == std::set<std::string>{"epoch_049.ckpt", "epoch_099.ckpt", "epoch_149.ckpt",
                                                        "epoch_198.ckpt", "epoch_199.ckpt", "last.ckpt"});
    // Epoch snapshots hold the weights only: about half of last.ckpt, and they evaluate.
    const auto snap = fs::file_size(fs::path(run) / "checkpoints/epoch_099.ckpt");
    const auto last = fs::file_size(fs::path(run) / "checkpoints/last.ckpt");
    CHECK(snap < last * 6 / 10);
    CHECK(readCheckpointInfo(run + "/checkpoints/epoch_099.ckpt").weights_only);
    CHECK_FALSE(readCheckpointInfo(run + "/checkpoints/last.ckpt").weights_only);
    CHECK(readCheckpointInfo(run + "/checkpoints/epoch_099.ckpt").step == 100);
    r = runDino(s, "eval " + quoted(run) + " --checkpoint " + quoted(run + "/checkpoints/epoch_099.ckpt"));
    CHECK(r.code == 0);
    // The disk use the Runs tab shows.
    auto loaded = api::loadRun(run);
    CHECK(loaded.checkpoints.size() == 6u);
    CHECK(loaded.checkpoint_bytes > static_cast<int64_t>(last));
    CHECK(loaded.disk_bytes > loaded.checkpoint_bytes);

    SECTION("dino prune: dry run, a policy of its own, bad arguments") {
        r = runDino(s, "prune " + quoted(run) + " --keep 0 --dry-run");
        REQUIRE(r.code == 0);
        CHECK(r.out.find("would remove") != std::string::npos);
        CHECK(checkpointNames(run).size() == 6u);
        r = runDino(s, "prune " + quoted(run) + " --keep 1 --every 100");
        REQUIRE(r.code == 0);
        CHECK(r.out.find("freed") != std::string::npos);
        CHECK(checkpointNames(run) == std::set<std::string>{"epoch_099.ckpt", "epoch_199.ckpt", "last.ckpt"});
        r = runDino(s, "prune " + quoted(run));  // the run's own policy keeps these
        CHECK(r.code == 0);
        CHECK(checkpointNames(run).size() == 3u);
        CHECK(runDino(s, "prune " + quoted(run) + " --keep x").code == 2);
        CHECK(runDino(s, "prune " + quoted(s / "nothing")).code == 2);
        CHECK(runDino(s, "prune").code == 2);
    }
    SECTION("full epoch snapshots when asked, none with keep 0") {
        const std::string run2 = s / "run2";
        r = runDino(s, std::string("train ") + kTiny +
                           " --set optim.epochs=5 --set system.epoch_checkpoints=full --set system.keep_checkpoints=-1 --run " +
                           quoted(run2));
        REQUIRE(r.code == 0);
        CHECK(checkpointNames(run2).size() == 6u);
        CHECK_FALSE(readCheckpointInfo(run2 + "/checkpoints/epoch_002.ckpt").weights_only);
        const std::string run3 = s / "run3";
        r = runDino(s, std::string("train ") + kTiny + " --set optim.epochs=3 --set system.keep_checkpoints=0 --run " + quoted(run3));
        REQUIRE(r.code == 0);
        CHECK(checkpointNames(run3) == std::set<std::string>{"last.ckpt"});
    }
}

TEST_CASE("disk full: the run stops with exit 1 naming the directory and the space, last.ckpt intact", "[cli][storage]") {
    Scratch s;
    if (!canMountTmpfs(s)) {
        WARN("this sandbox cannot mount a tmpfs (no user namespaces); the injected-ENOSPC test below covers the path");
        return;
    }
    // Learn the checkpoint size of the tiny model, then size a tmpfs so that the first epoch's
    // checkpoints fit and the second's do not (4 MiB are kept free for logs and metrics).
    const std::string probe = s / "probe_run";
    REQUIRE(runDino(s, std::string("train ") + kTiny + " --set optim.epochs=1 --set system.epoch_checkpoints=full --run " +
                           quoted(probe)).code == 0);
    const int64_t ckpt = static_cast<int64_t>(fs::file_size(probe + "/checkpoints/last.ckpt"));
    const int64_t size = (4 << 20) + 3 * ckpt;
    const std::string mnt = s / "mnt", run = mnt + "/run", out = s / "copy";
    const int rc = inTmpfs(s, mnt, size,
                           dinoCmd() + " train " + kTiny +
                               " --set optim.epochs=4 --set system.epoch_checkpoints=full --set system.keep_checkpoints=-1"
                               " --run " + quoted(run) + "\nrc=$?\ncp -a " + quoted(run) + " " + quoted(out) + "\nexit $rc");
    const std::string text = readTextFile(s / "ns.txt");
    INFO(text);
    REQUIRE(rc != 99);
    CHECK(rc == 1);
    CHECK(text.find("not enough disk space for the checkpoint in " + run + "/checkpoints") != std::string::npos);
    CHECK(text.find("it needs") != std::string::npos);
    CHECK(text.find("are free") != std::string::npos);
    CHECK(text.find("(after 4 steps) is kept") != std::string::npos);
    // The last good checkpoint (epoch 0) is whole: the copy resumes to the end elsewhere.
    CHECK(checkpointNames(out) == std::set<std::string>{"epoch_000.ckpt", "last.ckpt"});
    CHECK(readCheckpointInfo(out + "/checkpoints/last.ckpt").step == 4);
    auto status = nlohmann::json::parse(readTextFile(out + "/status.json"));
    CHECK(status["state"] == "failed");
    auto r = runDino(s, "resume " + quoted(out));
    CHECK(r.code == 0);
    CHECK(api::loadRun(out).steps.size() == 16u);
}

TEST_CASE("a write that fails mid-checkpoint (ENOSPC, EROFS) keeps the previous last.ckpt", "[cli][storage]") {
    Scratch s;
    const std::string run = s / "run";
    // A run stopped after a few steps, so that last.ckpt holds a known state.
    auto r = runDino(s, std::string("train ") + kTiny + " --set optim.epochs=3 --run " + quoted(run),
                     "DINO_TEST_INTERRUPT_AT=training ");
    REQUIRE(r.code == 3);
    const std::string last = lastCheckpointPath(run);
    const std::string before = readTextFile(last);
    const int64_t step = readCheckpointInfo(last).step;
    for (const char* fault : {"ENOSPC", "EROFS"}) {
        r = runDino(s, "resume " + quoted(run), std::string("DINO_TEST_FAIL_WRITES=") + fault + ":last.ckpt ");
        INFO(r.err);
        CHECK(r.code == 1);
        CHECK(r.err.find("cannot save the checkpoint in " + run + "/checkpoints") != std::string::npos);
        CHECK(r.err.find(std::string(fault) == "ENOSPC" ? "the disk is full" : "the file system is read-only") !=
              std::string::npos);
        CHECK(r.err.find("(after " + std::to_string(step) + " steps) is kept") != std::string::npos);
        CHECK(readTextFile(last) == before);
        for (const auto& name : checkpointNames(run)) CHECK(name.find(".tmp-") == std::string::npos);
        CHECK(nlohmann::json::parse(readTextFile(api::runStatusPath(run)))["state"] == "failed");
    }
    r = runDino(s, "resume " + quoted(run));
    CHECK(r.code == 0);
    CHECK(api::loadRun(run).status == "finished");
}

TEST_CASE("read-only file system: resume fails with exit 1 naming the file, nothing is lost", "[cli][storage]") {
    Scratch s;
    if (!canMountTmpfs(s)) {
        WARN("this sandbox cannot mount a tmpfs; the injected-EROFS test covers the checkpoint path");
        return;
    }
    const std::string mnt = s / "mnt", run = mnt + "/run", out = s / "copy";
    const int rc = inTmpfs(s, mnt, 64 << 20,
                           "DINO_TEST_INTERRUPT_AT=training " + dinoCmd() + " train " + kTiny + " --set optim.epochs=3 --run " +
                               quoted(run) + " >/dev/null 2>&1\n" + dinoCmd() + " train " + kTiny + " --run " +
                               quoted(mnt + "/done") + " >/dev/null 2>&1\nmount -o remount,ro " + quoted(mnt) +
                               " || exit 98\n" + dinoCmd() + " prune " + quoted(mnt + "/done") +
                               " --keep 0\necho prune-exit=$?\nmd5sum " + quoted(run + "/checkpoints/last.ckpt") + "\n" + dinoCmd() +
                               " resume " + quoted(run) + "\nrc=$?\nmd5sum " + quoted(run + "/checkpoints/last.ckpt") +
                               "\ncp -a " + quoted(run) + " " + quoted(out) + "\nexit $rc");
    const std::string text = readTextFile(s / "ns.txt");
    INFO(text);
    REQUIRE(rc != 99);
    if (rc == 98) {
        WARN("this sandbox mounts a tmpfs but cannot remount it read-only; the injected-EROFS test covers the path");
        return;
    }
    CHECK(rc == 1);
    CHECK(text.find("Read-only file system") != std::string::npos);
    // dino prune cannot remove a checkpoint there: exit 1 naming it.
    CHECK(text.find("prune-exit=1") != std::string::npos);
    CHECK(text.find("cannot remove " + mnt + "/done/checkpoints/epoch_000.ckpt") != std::string::npos);
    CHECK(text.find(run + "/") != std::string::npos);
    // The checkpoint's digest before and after is the same line twice.
    std::istringstream lines(text);
    std::string line;
    std::vector<std::string> sums;
    while (std::getline(lines, line))
        if (line.find("last.ckpt") != std::string::npos && line.size() > 32 && line[32] == ' ') sums.push_back(line);
    REQUIRE(sums.size() == 2u);
    CHECK(sums[0] == sums[1]);
    CHECK(runDino(s, "resume " + quoted(out)).code == 0);
}

TEST_CASE("soak: killed at random moments and resumed, a run ends bit-identical to an uninterrupted one",
          "[cli][storage][soak]") {
    Scratch s;
    const std::string args = std::string(kTiny) +
                             " --set optim.epochs=40 --set optim.max_steps_per_epoch=2 --set system.checkpoint_every_epochs=10";
    const std::string ref = s / "ref", run = s / "run";
    REQUIRE(runDino(s, "train " + args + " --run " + quoted(ref)).code == 0);

    std::mt19937 rng(1234);
    std::uniform_int_distribution<int> delay_ms(30, 400);
    int kills = 0;
    bool first = true;
    for (int attempt = 0; attempt < 40 && kills < 8; ++attempt) {
        const pid_t pid = dino::test::startDino(first ? "train " + args + " --run " + quoted(run) : "resume " + quoted(run),
                                                s / "soak.txt");
        REQUIRE(pid >= 0);
        // The first kill only once a checkpoint exists, so that there is always something to resume.
        if (first)
            for (int i = 0; i < 400 && !fs::exists(lastCheckpointPath(run)); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            INFO(readTextFile(s / "soak.txt"));
            REQUIRE(WIFEXITED(status));
            REQUIRE(WEXITSTATUS(status) == 0);
            break;  // finished before the kill
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        first = false;
        ++kills;
    }
    INFO("kills: " << kills);
    CHECK(kills >= 3);
    if (api::loadRun(run).status != "finished") REQUIRE(runDino(s, "resume " + quoted(run)).code == 0);

    // Same losses at every step, same final teacher bytes, and only what retention keeps.
    CHECK(lossColumns(run) == lossColumns(ref));
    REQUIRE(runDino(s, "export " + quoted(ref) + " --out " + quoted(s / "ref.safetensors")).code == 0);
    REQUIRE(runDino(s, "export " + quoted(run) + " --out " + quoted(s / "run.safetensors")).code == 0);
    // The tensor bytes after the JSON header (whose metadata names the source path).
    auto tensorBytes = [](const std::string& path) {
        const std::string b = readTextFile(path);
        uint64_t header = 0;
        REQUIRE(b.size() >= 8);
        std::memcpy(&header, b.data(), 8);
        REQUIRE(b.size() >= 8 + header);
        return b.substr(8 + header);
    };
    const std::string ref_tensors = tensorBytes(s / "ref.safetensors");
    CHECK(ref_tensors.size() > 10000u);
    const bool same_teacher = tensorBytes(s / "run.safetensors") == ref_tensors;
    CHECK(same_teacher);
    CHECK(checkpointNames(run) == checkpointNames(ref));
    CHECK(checkpointNames(ref) == std::set<std::string>{"epoch_009.ckpt", "epoch_019.ckpt", "epoch_029.ckpt",
                                                        "epoch_038.ckpt", "epoch_039.ckpt", "last.ckpt"});
}
