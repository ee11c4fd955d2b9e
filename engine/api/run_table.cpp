#include "api/run_table.h"

#include "api/run_directory.h"
#include "api/run_follower.h"
#include "api/run_status.h"
#include "api/run_tags.h"
#include "common/config_schema.h"
#include "common/fsutil.h"
#include "training/plan.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace dino::api {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr int kMaxDepth = 4;

bool isRunDir(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p / "config.json", ec);
}

void collectRuns(const fs::path& dir, const fs::path& root, int depth,
                 std::vector<std::pair<std::string, std::string>>& out) {
    std::error_code ec;
    std::vector<fs::path> subdirs;
    for (const auto& e : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec))
        if (e.is_directory(ec)) subdirs.push_back(e.path());
    for (const auto& d : subdirs) {
        // Lexically: a run reached through a symbolic link is named by the link's path, not its target's.
        if (isRunDir(d)) out.emplace_back(d.string(), d.lexically_relative(root).string());
        else if (depth + 1 < kMaxDepth) collectRuns(d, root, depth + 1, out);
    }
}

// All complete rows of a per-step CSV (a torn last line is left out), parsed.
template <class Parse>
auto readRows(const std::string& path, Parse parse) {
    RunFollower::Tail tail(path);
    bool reset = false;
    std::vector<decltype(parse(std::string()))> rows;
    for (const auto& line : tail.read(reset)) {
        try {
            rows.push_back(parse(line));
        } catch (const std::exception& e) {
            throw std::runtime_error(path + ": " + e.what());
        }
    }
    return rows;
}

std::string localTime(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// log.txt's first line starts "[YYYY-MM-DD HH:MM:SS] "; else config.json's modification time.
std::string startTime(const std::string& dir) {
    std::ifstream log(runLogPath(dir));
    std::string first;
    if (log && std::getline(log, first) && first.size() > 21 && first[0] == '[' && first[20] == ']')
        return first.substr(1, 19);
    struct stat st {};
    if (::stat(runConfigPath(dir).c_str(), &st) == 0) return localTime(st.st_mtime);
    return "";
}

double median(std::vector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !std::isfinite(x); }), v.end());
    if (v.empty()) return kNoValue;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// "45s", "3m05s", "1h02m"
std::string duration(double s) {
    if (!std::isfinite(s) || s <= 0) return "";
    const auto t = static_cast<int64_t>(std::llround(s));
    char buf[32];
    if (t < 60) std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(t));
    else if (t < 3600) std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(t / 60), static_cast<long long>(t % 60));
    else std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(t / 3600), static_cast<long long>(t / 60 % 60));
    return buf;
}

std::string csvQuote(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// A field's value as a table cell: JSON text without the quotes of a string.
std::string fieldCell(const std::string& json_text) {
    if (json_text.size() >= 2 && json_text.front() == '"' && json_text.back() == '"') {
        try {
            return json::parse(json_text).get<std::string>();
        } catch (const json::exception&) {
        }
    }
    return json_text;
}

// The run's field values (key -> JSON text), or none for a run that could not be read.
std::map<std::string, std::string> fieldMap(const RunRow& r) {
    std::map<std::string, std::string> m;
    if (r.error.empty())
        for (auto& [k, v] : configFieldValues(r.config)) m.emplace(k, std::move(v));
    return m;
}

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

}  // namespace

const char* runStateName(RunState s) {
    switch (s) {
        case RunState::Created: return "created";
        case RunState::Training: return "training";
        case RunState::Finished: return "finished";
        case RunState::Stopped: return "stopped";
        case RunState::Failed: return "failed";
        case RunState::Collapsed: return "collapsed";
    }
    return "?";
}

const std::vector<ResultColumn>& resultColumns() {
    static const std::vector<ResultColumn> cols = {
        {"nn1", "1-NN", 4, [](const RunRow& r) { return r.nn1; }},
        {"knn", "k-NN", 4, [](const RunRow& r) { return r.knn; }},
        {"auc", "AUC", 4, [](const RunRow& r) { return r.auc; }},
        {"baseline_nn1", "init 1-NN", 4, [](const RunRow& r) { return r.baseline_nn1; }},
        {"baseline_knn", "init k-NN", 4, [](const RunRow& r) { return r.baseline_knn; }},
        {"baseline_auc", "init AUC", 4, [](const RunRow& r) { return r.baseline_auc; }},
        {"probe", "probe", 4, [](const RunRow& r) { return r.probe; }},
        {"baseline_probe", "init probe", 4, [](const RunRow& r) { return r.baseline_probe; }},
        {"best_live_knn", "best live k-NN", 4, [](const RunRow& r) { return r.best_live_knn; }},
        {"best_live_knn_step", "at step", 0,
         [](const RunRow& r) { return r.best_live_knn_step >= 0 ? double(r.best_live_knn_step) : kNoValue; }},
        {"teacher_entropy", "entropy", 3, [](const RunRow& r) { return r.teacher_entropy; }},
        {"pseudo_labels_used", "labels used", 0, [](const RunRow& r) { return r.pseudo_labels_used; }},
    };
    return cols;
}

std::vector<std::pair<std::string, std::string>> findRuns(const std::vector<std::string>& folders) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : folders) {
        std::error_code ec;
        if (!fs::is_directory(f, ec)) throw std::runtime_error("runs folder " + f + " does not exist");
        const fs::path root(f);
        if (isRunDir(root)) {
            fs::path name = root.lexically_normal().filename();
            if (name.empty()) name = root.lexically_normal().parent_path().filename();
            out.emplace_back(root.string(), name.string());
            continue;
        }
        std::vector<std::pair<std::string, std::string>> found;
        collectRuns(root, root, 0, found);
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// A sweep's trial that its early-stopping rule stopped (sweep-trial.json, written by the sweep): "pruned at
// step N", else "".
static std::string prunedBySweep(const std::string& dir) {
    std::error_code ec;
    const fs::path marker = fs::path(dir) / "sweep-trial.json";
    if (!fs::exists(marker, ec)) return "";
    try {
        const auto j = nlohmann::json::parse(readTextFile(marker.string()));
        if (j.value("state", "") != "pruned") return "";
        return j.contains("pruned_at") ? "pruned at step " + std::to_string(j["pruned_at"].get<int64_t>()) : "pruned";
    } catch (const std::exception&) {
        return "";
    }
}

RunRow readRunRow(const std::string& dir, const std::string& name) {
    RunRow r;
    r.dir = dir;
    r.name = name.empty() ? fs::path(dir).lexically_normal().filename().string() : name;
    try {
        r.config = loadConfigFile(runConfigPath(dir));
        const RunStatusFile st = readRunStatus(dir);
        r.writer = runWriterAny(dir);
        r.collapse = st.collapse_state;
        r.started = startTime(dir);

        const auto steps = readRows(runMetricsPath(dir), parseMetricsCsvRow);
        std::vector<double> speeds;
        double segment = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            // elapsed_seconds restarts in every process that continued the run
            if (i > 0 && steps[i].elapsed_seconds < steps[i - 1].elapsed_seconds) {
                r.wall_seconds += segment;
                segment = 0;
            }
            segment = steps[i].elapsed_seconds;
            speeds.push_back(steps[i].images_per_s);
        }
        r.wall_seconds += segment;
        if (!steps.empty()) {
            r.steps = steps.back().step + 1;
            r.teacher_entropy = steps.back().teacher_entropy;
        }
        r.images_per_s = median(speeds);
        if (st.dataset_size > 0) r.total_steps = makeRunPlan(r.config, st.dataset_size).total_steps;

        for (const auto& p : readRows(runKnnPath(dir), parseKnnCsvRow))
            if (std::isfinite(p.knn_weighted) && !(p.knn_weighted <= r.best_live_knn)) {
                r.best_live_knn = p.knn_weighted;
                r.best_live_knn_step = p.step;
            }
        std::error_code ec;
        if (fs::exists(runEvalPath(dir), ec)) {
            const EvalReport e = evalReportFromJson(readTextFile(runEvalPath(dir)));
            r.nn1 = e.trained.nn1_accuracy;
            r.knn = e.trained.knn_accuracy;
            r.auc = e.trained.auc;
            r.baseline_nn1 = e.baseline.nn1_accuracy;
            r.baseline_knn = e.baseline.knn_accuracy;
            r.baseline_auc = e.baseline.auc;
            if (e.trained.probe.present) r.probe = e.trained.probe.test_accuracy;
            if (e.baseline.probe.present) r.baseline_probe = e.baseline.probe.test_accuracy;
        }
        if (fs::exists(runPseudoLabelsPath(dir), ec)) {
            const PseudoLabelReport p = pseudoLabelsFromJson(readTextFile(runPseudoLabelsPath(dir)));
            r.pseudo_labels_used = p.used;
            r.pseudo_labels_total = static_cast<int>(p.counts.size());
        }
        const RunTags tags = readRunTags(dir);
        r.tags = tags.tags;
        r.hidden = tags.hidden;

        if (r.writer) {
            r.state = RunState::Training;
        } else if (st.state == "failed") {
            r.state = RunState::Failed;
            r.detail = st.message;
        } else if (st.state == "finished" || st.state == "cancelled" || st.state == "running") {
            r.state = st.state == "finished" ? RunState::Finished : RunState::Stopped;
            if (st.state == "running") r.detail = "killed";  // its writer is gone without a word
            if (st.state == "cancelled") r.detail = prunedBySweep(dir);
            if (isCollapseStateName(st.collapse_state)) r.state = RunState::Collapsed;
        } else {
            r.state = RunState::Created;
        }
    } catch (const std::exception& e) {
        r.error = e.what();
        r.state = RunState::Failed;
    }
    return r;
}

std::vector<std::pair<std::string, std::string>> configFieldValues(const RunConfig& cfg) {
    std::vector<std::pair<std::string, std::string>> out;
    forEachField(cfg, [&](const FieldDescriptor& d, const auto& value) { out.emplace_back(d.key, json(value).dump()); });
    return out;
}

std::vector<std::string> differingFields(const std::vector<RunRow>& rows, const std::vector<std::string>& ignore) {
    std::vector<std::vector<std::pair<std::string, std::string>>> values;
    for (const auto& r : rows)
        if (r.error.empty()) values.push_back(configFieldValues(r.config));
    std::vector<std::string> out;
    if (values.empty()) return out;
    for (size_t f = 0; f < values[0].size(); ++f) {
        const std::string& key = values[0][f].first;
        if (std::find(ignore.begin(), ignore.end(), key) != ignore.end()) continue;
        for (const auto& v : values)
            if (v[f].second != values[0][f].second) {
                out.push_back(key);
                break;
            }
    }
    return out;
}

Stat summarize(const std::vector<double>& values) {
    Stat s;
    double sum = 0;
    for (double v : values)
        if (std::isfinite(v)) {
            sum += v;
            ++s.n;
        }
    if (s.n == 0) return s;
    s.mean = sum / s.n;
    if (s.n < 2) return s;
    double ss = 0;
    for (double v : values)
        if (std::isfinite(v)) ss += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(ss / (s.n - 1));
    return s;
}

std::vector<RunGroup> groupBySeed(const std::vector<RunRow>& rows) {
    std::vector<RunGroup> groups;
    std::map<std::string, size_t> byKey;
    for (size_t i = 0; i < rows.size(); ++i) {
        std::string key;
        if (!rows[i].error.empty()) {
            key = "\x01" + std::to_string(i);  // unreadable: alone
        } else {
            for (const auto& [k, v] : configFieldValues(rows[i].config))
                if (k != "system.seed") key += k + "=" + v + "\n";
        }
        auto [it, fresh] = byKey.emplace(key, groups.size());
        if (fresh) groups.emplace_back();
        RunGroup& g = groups[it->second];
        g.members.push_back(i);
        g.seeds.push_back(rows[i].config.system.seed);
    }
    for (auto& g : groups)
        for (const auto& col : resultColumns()) {
            std::vector<double> v;
            for (size_t i : g.members) v.push_back(col.get(rows[i]));
            g.results.push_back(summarize(v));
        }
    return groups;
}

std::vector<BandPoint> averageCurves(const std::vector<Curve>& curves) {
    std::map<int64_t, std::vector<double>> at;
    for (const auto& c : curves)
        for (const auto& p : c) at[p.step].push_back(p.value);
    std::vector<BandPoint> out;
    for (const auto& [step, values] : at) {
        const Stat s = summarize(values);
        if (s.n == 0) continue;
        out.push_back({step, s.mean, s.sd, s.n});
    }
    return out;
}

Curve lossCurve(const std::vector<StepMetrics>& steps) {
    Curve c;
    for (const auto& m : steps) c.push_back({m.step, m.loss});
    return c;
}

Curve liveKnnCurve(const std::vector<KnnPoint>& points, bool weighted) {
    Curve c;
    for (const auto& p : points) c.push_back({p.step, weighted ? p.knn_weighted : p.knn_1nn});
    return c;
}

RunTable makeRunTable(std::vector<RunRow> rows, const RunTableOptions& options) {
    RunTable t;
    t.rows = std::move(rows);
    if (options.group_seeds) t.groups = groupBySeed(t.rows);
    if (options.all_fields) {
        for (const auto& [key, value] : configFieldValues(RunConfig{})) t.fields.push_back(key);
    } else {
        // Grouped, the seeds have a column of their own.
        t.fields = differingFields(t.rows, options.group_seeds ? std::vector<std::string>{"system.seed"}
                                                               : std::vector<std::string>{});
    }
    return t;
}

namespace {

// The table as cells: the header, then one line per run or group. For a group, a result cell is
// "mean ± sd" in text; in CSV the mean, and the sd in the column after it.
struct Cells {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> lines;
};

std::string statusText(const RunRow& r) {
    std::string s = runStateName(r.state);
    if (r.writer) s += " (" + describeWriter(*r.writer) + ")";
    else if (!r.error.empty()) s += ": " + r.error;
    else if (!r.detail.empty()) s += ": " + r.detail;
    return s;
}

std::string joinTags(const std::vector<std::string>& tags) {
    std::string s;
    for (const auto& t : tags) s += (s.empty() ? "" : ",") + t;
    return s;
}

std::string stepsText(const RunRow& r) {
    return std::to_string(r.steps) + (r.total_steps > 0 && r.total_steps != r.steps ? "/" + std::to_string(r.total_steps) : "");
}

Cells makeCells(const RunTable& t, bool csv) {
    Cells c;
    const bool grouped = !t.groups.empty();
    c.header = {"name", "status", "started", csv ? "wall_s" : "wall", "steps", "images/s"};
    if (grouped) c.header.insert(c.header.begin() + 1, {"seeds", "n"});
    for (const auto& f : t.fields) c.header.push_back(f);
    for (const auto& col : resultColumns()) {
        c.header.push_back(csv ? col.key : col.header);
        if (csv && grouped) c.header.push_back(std::string(col.key) + "_sd");
    }
    c.header.push_back("collapse");
    c.header.push_back("tags");

    auto wall = [&](double s) { return csv ? fixed(s, 1) : duration(s); };
    if (!grouped) {
        for (const auto& r : t.rows) {
            std::vector<std::string> l = {r.name, statusText(r), r.started, wall(r.wall_seconds), stepsText(r),
                                          fixed(r.images_per_s, 1)};
            const auto values = fieldMap(r);
            for (const auto& f : t.fields) l.push_back(values.count(f) ? fieldCell(values.at(f)) : "");
            for (const auto& col : resultColumns()) l.push_back(fixed(col.get(r), col.decimals));
            l.push_back(r.collapse);
            l.push_back(joinTags(r.tags));
            c.lines.push_back(std::move(l));
        }
        return c;
    }
    for (const auto& g : t.groups) {
        const RunRow& first = t.rows[g.members.front()];
        std::map<std::string, int> states;
        std::vector<double> walls, speeds;
        std::string seeds, collapse;
        std::vector<std::string> collapses, tags;
        for (size_t k = 0; k < g.members.size(); ++k) {
            const RunRow& r = t.rows[g.members[k]];
            for (const auto& tag : r.tags)
                if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
            ++states[g.members.size() == 1 ? statusText(r) : runStateName(r.state)];
            walls.push_back(r.wall_seconds);
            speeds.push_back(r.images_per_s);
            seeds += (k ? "," : "") + std::to_string(g.seeds[k]);
            if (std::find(collapses.begin(), collapses.end(), r.collapse) == collapses.end()) collapses.push_back(r.collapse);
        }
        std::string status;
        for (const auto& [s, n] : states)
            status += (status.empty() ? "" : ", ") + (states.size() == 1 ? s : std::to_string(n) + " " + s);
        for (const auto& s : collapses) collapse += (collapse.empty() ? "" : ",") + s;
        std::vector<std::string> l = {groupName(t, g), seeds, std::to_string(g.members.size()), status, first.started,
                                      wall(summarize(walls).mean),
                                      g.members.size() == 1 ? stepsText(first) : std::to_string(first.steps),
                                      fixed(summarize(speeds).mean, 1)};
        const auto values = fieldMap(first);
        for (const auto& f : t.fields) l.push_back(values.count(f) ? fieldCell(values.at(f)) : "");
        for (size_t k = 0; k < resultColumns().size(); ++k) {
            const Stat& s = g.results[k];
            const int d = resultColumns()[k].decimals + (resultColumns()[k].decimals == 0 && s.n > 1 ? 1 : 0);
            if (csv) {
                l.push_back(fixed(s.mean, d + 2));
                l.push_back(fixed(s.sd, d + 2));
            } else {
                l.push_back(fixed(s.mean, d) + (std::isfinite(s.sd) ? " ± " + fixed(s.sd, d) : ""));
            }
        }
        l.push_back(collapse);
        l.push_back(joinTags(tags));
        c.lines.push_back(std::move(l));
    }
    return c;
}

// Display width of UTF-8 text (one column per code point: the table's texts have no wide characters).
size_t width(const std::string& s) {
    size_t n = 0;
    for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
    return n;
}

// Cells as aligned text: each column as wide as its widest cell, two spaces between, no trailing blanks.
std::string alignedText(const Cells& c) {
    std::vector<size_t> w(c.header.size(), 0);
    for (size_t i = 0; i < c.header.size(); ++i) w[i] = width(c.header[i]);
    for (const auto& l : c.lines)
        for (size_t i = 0; i < l.size(); ++i) w[i] = std::max(w[i], width(l[i]));
    std::ostringstream os;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string s;
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) s += "  ";
            s += cells[i] + std::string(w[i] - width(cells[i]), ' ');
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        os << s << '\n';
    };
    line(c.header);
    for (const auto& l : c.lines) line(l);
    return os.str();
}

}  // namespace

std::string runTableText(const RunTable& t) {
    return alignedText(makeCells(t, false));
}

std::string runTableCsv(const RunTable& t) {
    const Cells c = makeCells(t, true);
    std::ostringstream os;
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) os << (i ? "," : "") << csvQuote(cells[i]);
        os << "\r\n";
    };
    line(c.header);
    for (const auto& l : c.lines) line(l);
    return os.str();
}

namespace {

// The paired table as JSON (runTableJson's "paired").
json pairedJson(const RunTable& t, size_t reference) {
    const auto paired = pairGroups(t, reference);
    json groups = json::array();
    for (size_t g = 0; g < t.groups.size(); ++g) {
        if (g == reference) continue;
        json j = {{"name", groupName(t, t.groups[g])}, {"seeds", sharedSeeds(t.groups[g], t.groups[reference])}};
        for (size_t k = 0; k < pairedColumns().size(); ++k) {
            const Paired& p = paired[g][k];
            j[pairedColumns()[k].key] = p.diff.n == 0 ? json(nullptr)
                                                     : json{{"mean", number(p.diff.mean)},
                                                            {"sd", number(p.diff.sd)},
                                                            {"n", p.diff.n},
                                                            {"ahead", p.ahead},
                                                            {"ci95", p.hasInterval() ? json::array({p.ci95.lower, p.ci95.upper})
                                                                                     : json(nullptr)}};
        }
        groups.push_back(j);
    }
    return {{"against", groupName(t, t.groups[reference])}, {"groups", groups}};
}

}  // namespace

std::string runTableJson(const RunTable& t, std::optional<size_t> paired_against) {
    json runs = json::array();
    for (const auto& r : t.rows) {
        json j = {{"name", r.name},
                  {"dir", r.dir},
                  {"status", runStateName(r.state)},
                  {"detail", r.error.empty() ? r.detail : r.error},
                  {"started", r.started},
                  {"wall_seconds", number(r.wall_seconds)},
                  {"steps", r.steps},
                  {"total_steps", r.total_steps},
                  {"images_per_s", number(r.images_per_s)},
                  {"collapse", r.collapse},
                  {"tags", r.tags},
                  {"hidden", r.hidden}};
        j["writer"] = r.writer ? json{{"pid", r.writer->pid},
                                      {"host", r.writer->host},
                                      {"started", r.writer->started},
                                      {"command", r.writer->command}}
                               : json(nullptr);
        json cfg = json::object();
        const auto values = fieldMap(r);
        for (const auto& f : t.fields)
            if (values.count(f)) cfg[f] = json::parse(values.at(f));
        j["config"] = cfg;
        json res = json::object();
        for (const auto& col : resultColumns()) res[col.key] = number(col.get(r));
        res["pseudo_labels_total"] = r.pseudo_labels_total;
        j["results"] = res;
        runs.push_back(j);
    }
    json groups = json::array();
    for (const auto& g : t.groups) {
        json members = json::array();
        for (size_t i : g.members) members.push_back(t.rows[i].name);
        json res = json::object();
        for (size_t k = 0; k < resultColumns().size(); ++k)
            res[resultColumns()[k].key] = {{"mean", number(g.results[k].mean)},
                                           {"sd", number(g.results[k].sd)},
                                           {"n", g.results[k].n}};
        groups.push_back({{"runs", members}, {"seeds", g.seeds}, {"n", g.members.size()}, {"results", res}});
    }
    json out = {{"fields", t.fields}, {"runs", runs}, {"groups", groups}};
    if (paired_against) out["paired"] = pairedJson(t, *paired_against);
    return out.dump(2) + "\n";
}

Paired pairBySeed(const std::map<uint64_t, double>& mine, const std::map<uint64_t, double>& ref) {
    std::vector<double> d;
    for (const auto& [seed, v] : mine)
        if (const auto it = ref.find(seed); it != ref.end() && std::isfinite(v) && std::isfinite(it->second))
            d.push_back(v - it->second);
    Paired p;
    p.diff = summarize(d);
    p.ahead = static_cast<int>(std::count_if(d.begin(), d.end(), [](double x) { return x > 1e-9; }));
    p.ci95 = meanInterval(p.diff.mean, p.diff.sd, p.diff.n);
    return p;
}

const std::vector<PairedColumn>& pairedColumns() {
    static const std::vector<PairedColumn> cols = {
        {"gain_knn", "gain k-NN", [](const RunRow& r) { return r.knn - r.baseline_knn; }},
        {"gain_probe", "gain probe", [](const RunRow& r) { return r.probe - r.baseline_probe; }},
        {"knn", "k-NN", [](const RunRow& r) { return r.knn; }},
        {"probe", "probe", [](const RunRow& r) { return r.probe; }},
        {"nn1", "1-NN", [](const RunRow& r) { return r.nn1; }},
        {"auc", "AUC", [](const RunRow& r) { return r.auc; }},
    };
    return cols;
}

std::string groupName(const RunTable& t, const RunGroup& g) {
    const RunRow& first = t.rows[g.members.front()];
    return g.members.size() == 1 ? first.name : first.name + " +" + std::to_string(g.members.size() - 1);
}

std::map<uint64_t, double> groupValuesBySeed(const RunTable& t, const RunGroup& g, double (*get)(const RunRow&)) {
    std::map<uint64_t, double> out;
    for (size_t k = 0; k < g.members.size(); ++k) {
        const double v = get(t.rows[g.members[k]]);
        if (std::isfinite(v)) out.emplace(g.seeds[k], v);
    }
    return out;
}

std::vector<uint64_t> sharedSeeds(const RunGroup& a, const RunGroup& b) {
    std::vector<uint64_t> x(a.seeds), y(b.seeds), out;
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    x.erase(std::unique(x.begin(), x.end()), x.end());
    y.erase(std::unique(y.begin(), y.end()), y.end());
    std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
    return out;
}

std::string signedPoints(double fraction) {
    const std::string s = fixed(100.0 * fraction, 1);
    return s == "-0.0" ? "0.0" : fraction > 0 && s != "0.0" ? "+" + s : s;
}

std::string pairedText(const Paired& p) {
    if (p.diff.n == 0) return "";
    std::string cell = signedPoints(p.diff.mean);
    if (p.diff.n > 1) cell += " ± " + fixed(100.0 * p.diff.sd, 1);
    return cell + " (" + std::to_string(p.ahead) + "/" + std::to_string(p.diff.n) + ")";
}

std::string pairedIntervalText(const Paired& p) {
    if (!p.hasInterval()) return "";
    return signedPoints(p.ci95.lower) + " … " + signedPoints(p.ci95.upper);
}

std::vector<std::vector<Paired>> pairGroups(const RunTable& t, size_t reference) {
    if (reference >= t.groups.size())
        throw std::out_of_range("pairGroups: group " + std::to_string(reference) + " of " + std::to_string(t.groups.size()));
    std::vector<std::map<uint64_t, double>> ref;
    for (const auto& col : pairedColumns()) ref.push_back(groupValuesBySeed(t, t.groups[reference], col.get));
    std::vector<std::vector<Paired>> out(t.groups.size());
    for (size_t g = 0; g < t.groups.size(); ++g) {
        for (size_t k = 0; k < pairedColumns().size(); ++k)
            out[g].push_back(g == reference ? Paired{} : pairBySeed(groupValuesBySeed(t, t.groups[g], pairedColumns()[k].get), ref[k]));
    }
    return out;
}

std::optional<size_t> groupOfRun(const RunTable& t, const std::string& run) {
    std::error_code ec;
    const fs::path want = fs::weakly_canonical(run, ec);
    for (size_t g = 0; g < t.groups.size(); ++g)
        for (size_t i : t.groups[g].members) {
            const RunRow& r = t.rows[i];
            if (r.name == run || r.dir == run) return g;
            std::error_code ec2;
            if (!ec && fs::weakly_canonical(r.dir, ec2) == want && !ec2) return g;
        }
    return std::nullopt;
}

std::string pairedTableText(const RunTable& t, size_t reference) {
    const auto paired = pairGroups(t, reference);
    std::vector<std::string> header = {"name", "seeds paired"};
    for (const auto& f : t.fields) header.push_back(f);
    for (const auto& col : pairedColumns()) header.push_back(std::string("Δ ") + col.header);
    std::vector<std::vector<std::string>> lines;
    for (size_t g = 0; g < t.groups.size(); ++g) {
        if (g == reference) continue;
        std::string seeds;
        for (uint64_t s : sharedSeeds(t.groups[g], t.groups[reference])) seeds += (seeds.empty() ? "" : ",") + std::to_string(s);
        std::vector<std::string> l = {groupName(t, t.groups[g]), seeds.empty() ? "none" : seeds};
        const auto values = fieldMap(t.rows[t.groups[g].members.front()]);
        for (const auto& f : t.fields) l.push_back(values.count(f) ? fieldCell(values.at(f)) : "");
        for (const auto& p : paired[g]) l.push_back(pairedText(p));
        lines.push_back(std::move(l));
        std::vector<std::string> ci = {"  95 % interval", ""};
        for (size_t f = 0; f < t.fields.size(); ++f) ci.push_back("");
        bool any = false;
        for (const auto& p : paired[g]) {
            ci.push_back(pairedIntervalText(p));
            any = any || !ci.back().empty();
        }
        if (any) lines.push_back(std::move(ci));
    }
    std::ostringstream os;
    os << "Paired by seed against " << groupName(t, t.groups[reference]) << " (seeds ";
    for (size_t k = 0; k < t.groups[reference].seeds.size(); ++k) os << (k ? "," : "") << t.groups[reference].seeds[k];
    os << "): the difference in points for each seed both ran, mean ± sd over those seeds, (seeds ahead/seeds);\n"
          "under it the 95 % interval of the mean difference (Student's t over the seeds): one that spans 0 is no "
          "evidence either way\n";
    const bool none = lines.empty();
    os << alignedText(Cells{std::move(header), std::move(lines)});
    if (none) os << "(no other group to pair)\n";
    return os.str();
}

}  // namespace dino::api
