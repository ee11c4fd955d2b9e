// What a user says about a run, kept in the run directory (the directory stays the truth): free-text
// tags and a hidden flag in <run>/tags.json, {"tags": ["baseline", "lr sweep"], "hidden": false},
// written atomically; and deleting a run directory, refused while a process trains it. The GUI's runs
// table and `dino runs` (--tag, --hidden) read them. Torch-free.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dino::api {

struct RunTags {
    std::vector<std::string> tags;  // trimmed, non-empty, unique, in the order they were added
    bool hidden = false;            // left out of tables unless asked for (`dino runs --hidden`, "Show hidden")
};

std::string runTagsPath(const std::string& run_dir);  // <run>/tags.json

// A tag as stored: trimmed. Throws std::invalid_argument naming the tag when it is empty or holds a
// comma or a line break (tags are listed comma-separated in text and CSV).
std::string normalizeTag(const std::string& tag);

// The run's tags; none (and not hidden) when tags.json does not exist. Throws std::runtime_error naming
// the file when it is not valid (not JSON, "tags" not a list of strings, "hidden" not a boolean).
RunTags readRunTags(const std::string& run_dir);
// Writes tags.json atomically (temp file + rename); normalizes and de-duplicates the tags. Throws
// std::runtime_error naming the file when it cannot be written.
void writeRunTags(const std::string& run_dir, const RunTags& tags);
// Reads, adds `add` (at the end, when not there yet), removes `remove`, writes; returns the result.
RunTags editRunTags(const std::string& run_dir, const std::vector<std::string>& add,
                    const std::vector<std::string>& remove);
// Sets the hidden flag, keeping the tags.
void setRunHidden(const std::string& run_dir, bool hidden);

// The bytes of the files under dir (not following links).
int64_t directorySize(const std::string& dir);

// Deletes the run directory `dir` and everything in it. Refuses (throws, deleting nothing) when dir
// is not a run directory (no config.json; a symbolic link) and, with RunLockedError (run_lock.h) naming
// the pid and host, when a process, this one included, holds the run's lock. While it deletes, it holds
// the lock itself, so that no writer can start in the directory meanwhile.
void deleteRun(const std::string& dir);

}  // namespace dino::api
