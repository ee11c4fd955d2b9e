// "Did you mean ...?" for the CLI: the closest of a few known names (a command's options, the commands,
// the config fields) to a misspelt one. CLI11 2.1 has no such feature.
#pragma once

#include <string>
#include <vector>

namespace dino::cli {

// The optimal-string-alignment (restricted Damerau-Levenshtein) distance: the fewest insertions,
// deletions, substitutions and swaps of two adjacent characters that turn `a` into `b`.
int editDistance(const std::string& a, const std::string& b);

// The candidate closest to `word`, or "" when none is reasonably close: within an edit distance of
// a third of the shorter name (at least 1, at most 3), or one a prefix of the other ("batchsize" ->
// "batch", "check" -> "checkpoint") where the prefix has 3 characters or more. Leading dashes are
// ignored and '-' counts as '_' ("--batch-size" is "batch_size"). Ties go to the earlier candidate.
std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace dino::cli
