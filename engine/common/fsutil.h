// Small file helpers shared by every layer. Errors name the file and what went wrong.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace dino {

// Whole file as text; throws std::runtime_error("cannot read <path>: <reason>").
std::string readTextFile(const std::string& path);

// Writes to "<path>.tmp-<pid>", flushes, then renames over path, so a crash or kill never leaves
// a half-written file behind. Creates the parent directory if needed. On failure (disk full,
// read-only file system, ...) the temp file is removed, the old file at path is untouched, and a
// WriteError names the file and the reason.
void writeFileAtomic(const std::string& path, const std::string& bytes);

// A failed write; errorCode() is the errno (ENOSPC, EROFS, EDQUOT, ...).
class WriteError : public std::runtime_error {
public:
    WriteError(const std::string& what, int error_code) : std::runtime_error(what), code_(error_code) {}
    int errorCode() const { return code_; }
    bool diskFull() const;  // ENOSPC or EDQUOT

private:
    int code_;
};

// Bytes available to this user on the file system holding path (or its nearest existing parent);
// -1 when it cannot be told.
int64_t freeBytes(const std::string& path);

// "92.4 MB", "712 kB", "3 bytes".
std::string formatBytes(int64_t bytes);

// Test hook for the write-failure paths, read at each write: DINO_TEST_FAIL_WRITES="ENOSPC:part"
// (or EROFS:part, EIO:part) makes writeFileAtomic fail with that error, after writing half of the
// temp file, for every path that contains `part`.

// Removes the temp files of writeFileAtomic calls still in progress. Async-signal-safe: for a
// signal handler that ends the process at once (Ctrl-C twice), so that no half-written temp file
// is left behind.
void removeTempFilesInProgress() noexcept;

// Creates a directory and its parents; throws with the path on failure.
void ensureDir(const std::string& path);

// Expands a leading "~/" with $HOME.
std::string expandHome(const std::string& path);

}  // namespace dino
