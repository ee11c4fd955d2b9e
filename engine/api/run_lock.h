// One writer per run directory. A training process (the GUI's worker, `dino train`, `dino resume`, rank 0
// of a multi-process run) holds an OS lock on <run>/.lock for as long as it writes the run, and writes who
// it is (pid, host, start time) to <run>/writer.json beside it. The lock is an open-file-description lock
// (fcntl F_OFD_SETLK): the kernel releases it when the process ends in any way, `kill -9` included, so a
// dead writer never leaves a stale lock; it also conflicts between two holders in one process (the GUI
// continuing a run it is already training). Reading a run needs no lock. Torch-free.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace dino::api {

// Who writes a run: the contents of <run>/writer.json.
struct RunWriter {
    int64_t pid = 0;
    std::string host;
    std::string started;  // UTC, ISO 8601 ("2026-12-06T18:30:05Z")
    std::string command;  // what holds it: "train", "resume", "gui", "prune", ...
};

// "pid 1234 on host-a (train, since 2026-12-06T18:30:05Z)"
std::string describeWriter(const RunWriter& w);

// A second writer was refused: the run is held by `holder`. what() is one line naming its pid and host.
class RunLockedError : public std::runtime_error {
public:
    RunLockedError(const std::string& run_dir, const RunWriter& holder);
    const RunWriter& holder() const { return holder_; }

private:
    RunWriter holder_;
};

std::string runLockPath(const std::string& run_dir);    // <run>/.lock
std::string runWriterPath(const std::string& run_dir);  // <run>/writer.json
// True for the names of the two files above (a directory holding only them counts as empty).
bool isRunLockFile(const std::string& file_name);

// The writer's lock, held from acquire() until destruction, which removes writer.json and .lock.
class RunLock {
public:
    // Takes the lock of run_dir (which must exist) and writes writer.json (atomically). Throws
    // RunLockedError when another holder has it, std::runtime_error naming the file on any other failure.
    static std::unique_ptr<RunLock> acquire(const std::string& run_dir, const std::string& command);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    const std::string& runDir() const { return dir_; }

private:
    RunLock(std::string dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
    std::string dir_;
    int fd_ = -1;
};

// The writer of run_dir if its lock is held right now by another process (on this machine, or on another
// one sharing the directory over a file system with locking), else nothing. Takes no lock itself, so a
// front end may poll it. The pid, host and time come from writer.json; in the instant between the lock
// being taken and writer.json being written they can be empty (pid 0).
std::optional<RunWriter> runWriter(const std::string& run_dir);
// The same, including a holder in this process (the GUI training the run itself).
std::optional<RunWriter> runWriterAny(const std::string& run_dir);

// Throws RunLockedError when a process (this one included) holds the lock of run_dir.
void requireNoWriter(const std::string& run_dir);

// This machine's host name.
std::string hostName();

}  // namespace dino::api
