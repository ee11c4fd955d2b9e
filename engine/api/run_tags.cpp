#include "api/run_tags.h"

#include "api/run_directory.h"
#include "api/run_lock.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace dino::api {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::vector<std::string> uniqueTags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        std::string n = normalizeTag(t);
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(std::move(n));
    }
    return out;
}

}  // namespace

std::string runTagsPath(const std::string& run_dir) { return (fs::path(run_dir) / "tags.json").string(); }

std::string normalizeTag(const std::string& tag) {
    const auto first = tag.find_first_not_of(" \t");
    const auto last = tag.find_last_not_of(" \t");
    const std::string t = first == std::string::npos ? std::string() : tag.substr(first, last - first + 1);
    if (t.empty()) throw std::invalid_argument("a tag must not be empty");
    if (t.find_first_of(",\n\r") != std::string::npos)
        throw std::invalid_argument("tag \"" + t + "\" holds a comma or a line break; tags are listed comma-separated");
    return t;
}

RunTags readRunTags(const std::string& run_dir) {
    const std::string path = runTagsPath(run_dir);
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    RunTags out;
    try {
        const json j = json::parse(readTextFile(path));
        if (!j.is_object()) throw std::runtime_error("not a JSON object");
        if (j.contains("tags")) {
            if (!j["tags"].is_array()) throw std::runtime_error("\"tags\" must be a list of strings");
            std::vector<std::string> tags;
            for (const auto& t : j["tags"]) {
                if (!t.is_string()) throw std::runtime_error("\"tags\" must be a list of strings");
                tags.push_back(t.get<std::string>());
            }
            out.tags = uniqueTags(tags);
        }
        if (j.contains("hidden")) {
            if (!j["hidden"].is_boolean()) throw std::runtime_error("\"hidden\" must be true or false");
            out.hidden = j["hidden"].get<bool>();
        }
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
    return out;
}

void writeRunTags(const std::string& run_dir, const RunTags& tags) {
    const json j = {{"tags", uniqueTags(tags.tags)}, {"hidden", tags.hidden}};
    writeFileAtomic(runTagsPath(run_dir), j.dump(2) + "\n");
}

RunTags editRunTags(const std::string& run_dir, const std::vector<std::string>& add,
                    const std::vector<std::string>& remove) {
    RunTags t = readRunTags(run_dir);
    const std::vector<std::string> gone = uniqueTags(remove);
    t.tags.erase(std::remove_if(t.tags.begin(), t.tags.end(),
                                [&](const std::string& s) { return std::find(gone.begin(), gone.end(), s) != gone.end(); }),
                 t.tags.end());
    for (auto& a : uniqueTags(add))
        if (std::find(t.tags.begin(), t.tags.end(), a) == t.tags.end()) t.tags.push_back(a);
    writeRunTags(run_dir, t);
    return t;
}

void setRunHidden(const std::string& run_dir, bool hidden) {
    RunTags t = readRunTags(run_dir);
    t.hidden = hidden;
    writeRunTags(run_dir, t);
}

int64_t directorySize(const std::string& dir) {
    int64_t total = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        std::error_code e2;
        if (it->is_regular_file(e2) && !it->is_symlink(e2)) {
            const auto n = it->file_size(e2);
            if (!e2) total += static_cast<int64_t>(n);
        }
    }
    return total;
}

void deleteRun(const std::string& dir) {
    std::error_code ec;
    if (fs::is_symlink(dir, ec))
        throw std::runtime_error("not deleting " + dir + ": it is a symbolic link, not a run directory");
    if (!fs::is_directory(dir, ec)) throw std::runtime_error("not deleting " + dir + ": no such directory");
    if (!fs::is_regular_file(runConfigPath(dir), ec))
        throw std::runtime_error("not deleting " + dir + ": not a run directory (it has no config.json)");
    {
        // Held while deleting: a writer starting now is refused instead of writing into a half-deleted run.
        // Throws RunLockedError when a process trains the run.
        const auto lock = RunLock::acquire(dir, "delete");
        std::vector<fs::path> entries;
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (!isRunLockFile(e.path().filename().string())) entries.push_back(e.path());
        if (ec) throw std::runtime_error("cannot list " + dir + ": " + ec.message());
        for (const auto& p : entries) {
            fs::remove_all(p, ec);  // a link is removed, not followed
            if (ec) throw std::runtime_error("cannot delete " + p.string() + ": " + ec.message());
        }
    }  // the lock's files go with it
    if (!fs::remove(dir, ec) || ec)
        throw std::runtime_error("cannot delete " + dir + (ec ? ": " + ec.message() : std::string(": not empty")));
}

}  // namespace dino::api
