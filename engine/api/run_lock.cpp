#include "api/run_lock.h"

#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace dino::api {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string utcNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

struct flock wholeFile(short type) {
    struct flock fl {};
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;  // to the end, however long
    fl.l_pid = 0;  // required for OFD locks
    return fl;
}

std::optional<RunWriter> readWriterFile(const std::string& run_dir) {
    RunWriter w;
    try {
        const json j = json::parse(readTextFile(runWriterPath(run_dir)));
        w.pid = j.value("pid", int64_t{0});
        w.host = j.value("host", std::string());
        w.started = j.value("started", std::string());
        w.command = j.value("command", std::string());
    } catch (const std::exception&) {
        // Not written yet (the instant after the lock was taken) or unreadable: the lock still counts.
    }
    return w;
}

// Whether the lock of run_dir is held by an open file description other than ours; F_OFD_GETLK takes
// no lock, so polling it never makes a writer's acquire fail.
bool lockHeld(const std::string& run_dir) {
    const int fd = ::open(runLockPath(run_dir).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;  // no lock file: nobody writes (a holder creates it before locking)
    struct flock fl = wholeFile(F_WRLCK);
    const bool held = ::fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

}  // namespace

std::string describeWriter(const RunWriter& w) {
    std::string s = w.pid > 0 ? "pid " + std::to_string(w.pid) : std::string("a process");
    s += " on " + (w.host.empty() ? std::string("an unknown host") : w.host);
    std::string detail = w.command;
    if (!w.started.empty()) detail += (detail.empty() ? "since " : ", since ") + w.started;
    if (!detail.empty()) s += " (" + detail + ")";
    return s;
}

RunLockedError::RunLockedError(const std::string& run_dir, const RunWriter& holder)
    : std::runtime_error("run directory " + run_dir + " is being written by " + describeWriter(holder) +
                         "; a run has one writer at a time: wait for it to end or stop it first"),
      holder_(holder) {}

std::string runLockPath(const std::string& run_dir) { return (fs::path(run_dir) / ".lock").string(); }
std::string runWriterPath(const std::string& run_dir) { return (fs::path(run_dir) / "writer.json").string(); }
bool isRunLockFile(const std::string& name) {
    return name == ".lock" || name == "writer.json" || name.rfind("writer.json.tmp-", 0) == 0;
}

std::string hostName() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "";
    return buf;
}

std::unique_ptr<RunLock> RunLock::acquire(const std::string& run_dir, const std::string& command) {
    const std::string path = runLockPath(run_dir);
    // The holder removes the lock file when it lets go. Whoever opened the old file just before that
    // and then locked it holds a lock on a file no longer at `path`: it checks and tries again.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) throw std::runtime_error("cannot create the lock file " + path + ": " + std::strerror(errno));
        struct flock fl = wholeFile(F_WRLCK);
        if (::fcntl(fd, F_OFD_SETLK, &fl) != 0) {
            const int err = errno;
            ::close(fd);
            if (err == EAGAIN || err == EACCES) throw RunLockedError(run_dir, *readWriterFile(run_dir));
            throw std::runtime_error("cannot lock " + path + ": " + std::strerror(err));
        }
        struct stat held {}, now {};
        if (::fstat(fd, &held) != 0 || ::stat(path.c_str(), &now) != 0 || held.st_ino != now.st_ino ||
            held.st_dev != now.st_dev) {
            ::close(fd);  // the file was replaced or removed between open and lock
            continue;
        }
        std::unique_ptr<RunLock> lock(new RunLock(run_dir, fd));
        const json j = {{"pid", static_cast<int64_t>(::getpid())}, {"host", hostName()}, {"started", utcNow()},
                        {"command", command}};
        writeFileAtomic(runWriterPath(run_dir), j.dump(2) + "\n");  // on failure the lock is released again
        return lock;
    }
    throw std::runtime_error("cannot lock " + path + ": it keeps being replaced");
}

RunLock::~RunLock() {
    // Remove the files while still holding the lock, so that nobody reads a writer.json of a later holder
    // as ours, then let go.
    std::error_code ec;
    fs::remove(runWriterPath(dir_), ec);
    fs::remove(runLockPath(dir_), ec);
    if (fd_ >= 0) ::close(fd_);
}

std::optional<RunWriter> runWriterAny(const std::string& run_dir) {
    if (!lockHeld(run_dir)) return std::nullopt;
    return readWriterFile(run_dir);
}

void requireNoWriter(const std::string& run_dir) {
    if (auto w = runWriterAny(run_dir)) throw RunLockedError(run_dir, *w);
}

std::optional<RunWriter> runWriter(const std::string& run_dir) {
    auto w = runWriterAny(run_dir);
    if (w && w->pid == static_cast<int64_t>(::getpid()) && w->host == hostName()) return std::nullopt;
    return w;
}

}  // namespace dino::api
