// Checkpoint retention (which epoch snapshots a run keeps), pruning, and the file helpers' failure
// paths (disk full, read-only) that the trainer's error messages build on.
#include "common/fsutil.h"
#include "common/retention.h"
#include "env_var.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace dino;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        static std::atomic<int> n{0};
        path_ = fs::temp_directory_path() / ("dino-retention-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path_);
        fs::create_directories(path_ / "checkpoints");
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    std::string str() const { return path_.string(); }
    fs::path ckpt(const std::string& name) const { return path_ / "checkpoints" / name; }
    void touch(const std::string& name, size_t bytes) const { std::ofstream(ckpt(name)) << std::string(bytes, 'x'); }

private:
    fs::path path_;
};

std::vector<int> range(int n) {
    std::vector<int> v;
    for (int i = 0; i < n; ++i) v.push_back(i);
    return v;
}

}  // namespace

TEST_CASE("retention: the newest N epoch snapshots plus every K-th", "[retention]") {
    // Default: the newest 2.
    CHECK(epochsToDelete(range(5), {2, 0}) == std::vector<int>{0, 1, 2});
    // Unordered input, duplicates: same answer.
    CHECK(epochsToDelete({4, 0, 3, 1, 2, 2}, {2, 0}) == std::vector<int>{0, 1, 2});
    // -1 keeps all; 0 keeps none but the periodic ones.
    CHECK(epochsToDelete(range(5), {-1, 0}).empty());
    CHECK(epochsToDelete(range(5), {0, 0}) == range(5));
    // Every 20th (1-based epochs 20, 40 = 0-based 19, 39) as official DINO's saveckp_freq, plus the newest 2.
    auto del = epochsToDelete(range(45), {2, 20});
    CHECK(del.size() == 45u - 4u);
    for (int kept : {19, 39, 43, 44}) CHECK(std::find(del.begin(), del.end(), kept) == del.end());
    // Gaps (a run resumed with other settings) count the snapshots that exist.
    CHECK(epochsToDelete({3, 7, 11}, {2, 0}) == std::vector<int>{3});
    CHECK(epochsToDelete({}, {2, 0}).empty());
    // Whether the epoch just finished gets a snapshot at all.
    RetentionPolicy none{0, 5};
    CHECK_FALSE(none.keeps(3, 3));
    CHECK(none.keeps(4, 4));
    CHECK(RetentionPolicy{2, 0}.keeps(7, 7));
    CHECK(RetentionPolicy{2, 0}.keeps(6, 7));
    CHECK_FALSE(RetentionPolicy{2, 0}.keeps(5, 7));
    CHECK(RetentionPolicy{-1, 0}.keeps(0, 100));
}

TEST_CASE("retention: checkpoint names", "[retention]") {
    CHECK(epochOfCheckpointName("epoch_000.ckpt") == 0);
    CHECK(epochOfCheckpointName("/x/y/epoch_123.ckpt") == 123);
    CHECK(epochOfCheckpointName("epoch_1000.ckpt") == 1000);
    CHECK(epochOfCheckpointName("last.ckpt") == -1);
    CHECK(epochOfCheckpointName("epoch_.ckpt") == -1);
    CHECK(epochOfCheckpointName("epoch_01a.ckpt") == -1);
    CHECK(epochOfCheckpointName("epoch_001.ckpt.tmp-12") == -1);
    CHECK(epochOfCheckpointName("notes_001.ckpt") == -1);
}

TEST_CASE("pruning keeps last.ckpt and what the policy keeps, removes dead temp files only", "[retention]") {
    TempDir d;
    for (int e = 0; e < 6; ++e) {
        char name[32];
        std::snprintf(name, sizeof name, "epoch_%03d.ckpt", e);
        d.touch(name, 100);
    }
    d.touch("last.ckpt", 200);
    d.touch("notes.txt", 5);  // not ours: never touched
    // A temp file of a writer that no longer exists (a child that exited), and one of a live one (us).
    pid_t child = fork();
    if (child == 0) _exit(0);
    int st = 0;
    ::waitpid(child, &st, 0);
    d.touch("last.ckpt.tmp-" + std::to_string(child), 50);
    d.touch("epoch_006.ckpt.tmp-" + std::to_string(::getpid()), 50);

    auto files = listCheckpointFiles(d.str());
    REQUIRE(files.size() == 8u);  // 6 snapshots, the dead temp file, last.ckpt (the live temp is not listed)
    CHECK(files.front().epoch == -2);
    CHECK(files.back().epoch == -1);
    CHECK(fs::path(files.back().path).filename() == "last.ckpt");

    auto dry = pruneCheckpoints(d.str(), {2, 3}, true);
    CHECK(dry.removed.size() == 4u);  // epochs 0, 1, 3 and the dead temp file; 2 (3rd) and 4, 5 stay
    CHECK(dry.bytes_freed == 350);
    CHECK(fs::exists(d.ckpt("epoch_000.ckpt")));  // a dry run removes nothing

    auto r = pruneCheckpoints(d.str(), {2, 3});
    CHECK(r.bytes_freed == 350);
    CHECK_FALSE(fs::exists(d.ckpt("epoch_000.ckpt")));
    CHECK_FALSE(fs::exists(d.ckpt("epoch_001.ckpt")));
    CHECK(fs::exists(d.ckpt("epoch_002.ckpt")));
    CHECK_FALSE(fs::exists(d.ckpt("epoch_003.ckpt")));
    CHECK(fs::exists(d.ckpt("epoch_004.ckpt")));
    CHECK(fs::exists(d.ckpt("epoch_005.ckpt")));
    CHECK(fs::exists(d.ckpt("last.ckpt")));
    CHECK(fs::exists(d.ckpt("notes.txt")));
    CHECK(fs::exists(d.ckpt("epoch_006.ckpt.tmp-" + std::to_string(::getpid()))));
    CHECK_FALSE(fs::exists(d.ckpt("last.ckpt.tmp-" + std::to_string(child))));
    // Pruning to none keeps last.ckpt.
    pruneCheckpoints(d.str(), {0, 0});
    CHECK(listCheckpointFiles(d.str()).size() == 1u);
}

TEST_CASE("writeFileAtomic: a failed write leaves the old file and no temp file, and says why", "[fsutil]") {
    TempDir d;
    const std::string path = d.ckpt("last.ckpt").string();
    writeFileAtomic(path, "old contents");
    for (const char* kind : {"ENOSPC", "EROFS", "EIO"}) {
        dino::test::EnvVar fault("DINO_TEST_FAIL_WRITES", (std::string(kind) + ":last.ckpt").c_str());
        try {
            writeFileAtomic(path, std::string(500, 'n'));
            FAIL("no error");
        } catch (const WriteError& e) {
            const std::string what = e.what();
            CHECK(what.find(path) != std::string::npos);
            CHECK(what.find("500 bytes") != std::string::npos);
            if (std::string(kind) == "ENOSPC") {
                CHECK(e.diskFull());
                CHECK(e.errorCode() == ENOSPC);
                CHECK(what.find("No space left on device") != std::string::npos);
            } else if (std::string(kind) == "EROFS") {
                CHECK_FALSE(e.diskFull());
                CHECK(what.find("Read-only file system") != std::string::npos);
            }
        }
        CHECK(readTextFile(path) == "old contents");
        CHECK(listCheckpointFiles(d.str()).size() == 1u);  // no temp file
    }
    {
        // Only paths containing the part fail.
        dino::test::EnvVar fault("DINO_TEST_FAIL_WRITES", "ENOSPC:other.bin");
        writeFileAtomic(path, "new");
        CHECK(readTextFile(path) == "new");
    }
}

TEST_CASE("free space and byte counts", "[fsutil]") {
    TempDir d;
    CHECK(freeBytes(d.str()) > 0);
    CHECK(freeBytes(d.str() + "/not/yet/made") == freeBytes(d.str()));  // the nearest existing parent
    CHECK(formatBytes(3) == "3 bytes");
    CHECK(formatBytes(712964) == "713 kB");
    CHECK(formatBytes(92400000) == "92.4 MB");
    CHECK(formatBytes(1400000000) == "1.40 GB");
}
