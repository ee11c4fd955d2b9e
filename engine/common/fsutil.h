// Small file helpers shared by every layer. Errors name the file and what went wrong.
#pragma once

#include <string>

namespace dino {

// Whole file as text; throws std::runtime_error("cannot read <path>: <reason>").
std::string readTextFile(const std::string& path);

// Writes to "<path>.tmp-<pid>", flushes, then renames over path, so a crash or kill never leaves
// a half-written file behind. Creates the parent directory if needed.
void writeFileAtomic(const std::string& path, const std::string& bytes);

// Creates a directory and its parents; throws with the path on failure.
void ensureDir(const std::string& path);

// Expands a leading "~/" with $HOME.
std::string expandHome(const std::string& path);

}  // namespace dino
