#include "suggest.h"

#include <algorithm>
#include <climits>

namespace dino::cli {

int editDistance(const std::string& a, const std::string& b) {
    const size_t n = a.size(), m = b.size();
    // d[i][j]: the distance between the first i characters of a and the first j of b.
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = 0; i <= n; ++i) d[i][0] = int(i);
    for (size_t j = 0; j <= m; ++j) d[0][j] = int(j);
    for (size_t i = 1; i <= n; ++i)
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

namespace {

std::string normalised(const std::string& name) {
    std::string s = name.substr(std::min(name.find_first_not_of('-'), name.size()));
    std::replace(s.begin(), s.end(), '-', '_');
    return s;
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string w = normalised(word);
    if (w.empty()) return "";
    std::string best;
    int best_distance = INT_MAX;
    for (const auto& candidate : candidates) {
        const std::string c = normalised(candidate);
        if (c.empty()) continue;
        const int d = editDistance(w, c);
        const size_t shorter = std::min(w.size(), c.size());
        const int limit = std::clamp(int(shorter / 3), 1, 3);
        const bool prefix = shorter >= 3 && (startsWith(w, c) || startsWith(c, w));
        if ((d <= limit || prefix) && d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace dino::cli
