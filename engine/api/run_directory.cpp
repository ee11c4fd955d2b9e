#include "api/run_directory.h"
#include "api/run_status.h"
#include "api/run_storage.h"
#include "common/retention.h"

#include "api/collapse_guard.h"

#include "common/fsutil.h"
#include "common/metrics_schema.h"
#include "data/dataset.h"
#include "training/plan.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace dino::api {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Shortest text that reads back to the same double (%.17g), "nan"/"inf" spelled as strtod reads them.
std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : line) {
        if (c == ',') {
            out.push_back(cur);
            cur.clear();
        } else if (c != '\r') {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

double parseDouble(const std::string& s, const char* column) {
    if (s.empty()) throw std::runtime_error(std::string("metrics.csv: empty value in column ") + column);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0')
        throw std::runtime_error(std::string("metrics.csv: column ") + column + " expected a number, got '" + s + "'");
    return v;
}

// JSON cannot hold NaN/inf; store them as null and read null back as NaN.
json jnum(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
double jget(const json& j, const char* key, double def = 0) {
    if (!j.contains(key)) return def;
    const auto& v = j.at(key);
    if (v.is_null()) return std::nan("");
    if (!v.is_number()) throw std::runtime_error(std::string("expected a number for '") + key + "', got " + v.dump());
    return v.get<double>();
}
template <class T>
T jval(const json& j, const char* key, T def) {
    if (!j.contains(key) || j.at(key).is_null()) return def;
    try {
        return j.at(key).get<T>();
    } catch (const json::exception&) {
        throw std::runtime_error(std::string("unexpected type for '") + key + "': " + j.at(key).dump());
    }
}

json probeToJson(const ProbeMetrics& p) {
    json grid = json::array();
    for (const auto& h : p.grid)
        grid.push_back({{"lr", h.lr},
                        {"wd", h.wd},
                        {"train_accuracy", jnum(h.train_accuracy)},
                        {"val_accuracy", jnum(h.val_accuracy)},
                        {"val_loss", jnum(h.val_loss)}});
    return {{"blocks", p.blocks},
            {"feature_dim", p.feature_dim},
            {"epochs", p.epochs},
            {"batch_size", p.batch_size},
            {"val_split", p.val_split},
            {"n_val", p.n_val},
            {"lr", p.lr},
            {"wd", p.wd},
            {"train_accuracy", jnum(p.train_accuracy)},
            {"val_accuracy", jnum(p.val_accuracy)},
            {"test_accuracy", jnum(p.test_accuracy)},
            {"test_auc", jnum(p.test_auc)},
            {"seconds", p.seconds},
            {"grid", grid}};
}

ProbeMetrics probeFromJson(const json& j) {
    if (!j.is_object()) throw std::runtime_error("linear_probe: expected a JSON object");
    ProbeMetrics p;
    p.present = true;
    p.blocks = jval<int>(j, "blocks", 1);
    p.feature_dim = jval<int64_t>(j, "feature_dim", 0);
    p.epochs = jval<int>(j, "epochs", 0);
    p.batch_size = jval<int>(j, "batch_size", 0);
    p.val_split = jval<std::string>(j, "val_split", "");
    p.n_val = jval<int64_t>(j, "n_val", 0);
    p.lr = jget(j, "lr");
    p.wd = jget(j, "wd");
    p.train_accuracy = jget(j, "train_accuracy");
    p.val_accuracy = jget(j, "val_accuracy");
    p.test_accuracy = jget(j, "test_accuracy");
    p.test_auc = jget(j, "test_auc");
    p.seconds = jget(j, "seconds", 0.0);
    if (j.contains("grid"))
        for (const auto& h : j.at("grid"))
            p.grid.push_back({jget(h, "lr"), jget(h, "wd"), jget(h, "train_accuracy"), jget(h, "val_accuracy"),
                              jget(h, "val_loss")});
    return p;
}

json metricsToJson(const EvalMetrics& m) {
    json pc = json::array();
    for (const auto& c : m.per_class) pc.push_back({{"name", c.name}, {"support", c.support}, {"accuracy", jnum(c.accuracy)}});
    json j = {{"model", m.model},
              {"nn1_accuracy", jnum(m.nn1_accuracy)},
              {"knn_accuracy", jnum(m.knn_accuracy)},
              {"auc", jnum(m.auc)},
              {"per_class", pc},
              {"confusion", m.confusion}};
    if (m.probe.present) j["linear_probe"] = probeToJson(m.probe);
    return j;
}

EvalMetrics metricsFromJson(const json& j) {
    EvalMetrics m;
    m.model = jval<std::string>(j, "model", "");
    m.nn1_accuracy = jget(j, "nn1_accuracy");
    m.knn_accuracy = jget(j, "knn_accuracy");
    m.auc = jget(j, "auc");
    if (j.contains("per_class")) {
        for (const auto& c : j.at("per_class")) {
            ClassAccuracy a;
            a.name = jval<std::string>(c, "name", "");
            a.support = jval<int64_t>(c, "support", 0);
            a.accuracy = jget(c, "accuracy");
            m.per_class.push_back(a);
        }
    }
    m.confusion = jval<std::vector<std::vector<int64_t>>>(j, "confusion", {});
    if (j.contains("linear_probe")) m.probe = probeFromJson(j.at("linear_probe"));  // older eval.json: none
    return m;
}

json parseJsonFile(const std::string& text, const std::string& what) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw std::runtime_error(what + ": not valid JSON: " + e.what());
    }
}

std::vector<std::string> listCheckpoints(const std::string& run_dir) {
    std::vector<std::string> out;
    for (const auto& f : listCheckpointFiles(run_dir))
        if (f.epoch != -2) out.push_back(f.path);  // epoch snapshots by epoch, then last.ckpt
    return out;
}

}  // namespace

std::string runConfigPath(const std::string& d) { return (fs::path(d) / "config.json").string(); }
std::string runMetricsPath(const std::string& d) { return (fs::path(d) / "metrics.csv").string(); }
std::string runLogPath(const std::string& d) { return (fs::path(d) / "log.txt").string(); }
std::string runStatusPath(const std::string& d) { return (fs::path(d) / "status.json").string(); }
std::string runKnnPath(const std::string& d) { return (fs::path(d) / "knn.csv").string(); }
std::string runSplitEvalPath(const std::string& d, const std::string& split) {
    return (fs::path(d) / ("eval_" + split + ".json")).string();
}
std::string rankLogPath(const std::string& d, int rank) {
    return (fs::path(d) / ("log.rank" + std::to_string(rank) + ".txt")).string();
}

int runProcesses(const std::string& run_dir) {
    std::error_code ec;
    const std::string path = runConfigPath(run_dir);
    return fs::exists(path, ec) ? loadConfigFile(path).system.processes : 1;
}
std::string runEvalPath(const std::string& d) { return (fs::path(d) / "eval.json").string(); }
std::string runPseudoLabelsPath(const std::string& d) { return (fs::path(d) / "pseudo_labels.json").string(); }

std::string metricsCsvHeader() {
    std::string h;
    for (const auto& d : metricTable()) h += (h.empty() ? "" : ",") + d.name;
    return h;
}

std::string metricsCsvRow(const StepMetrics& m) {
    std::string row;
    for (const auto& d : metricTable()) {
        if (!row.empty()) row += ',';
        row += d.integer ? std::to_string(static_cast<int64_t>(d.get(m))) : num(d.get(m));
    }
    return row;
}

MetricsCsvColumns::MetricsCsvColumns(const std::string& header) {
    const std::vector<std::string> names = splitCsv(header);
    for (const auto& d : metricTable()) {
        const auto it = std::find(names.begin(), names.end(), d.name);
        if (it == names.end() && d.required)
            throw std::runtime_error("metrics.csv: the header has no column " + d.name + " ('" + header + "')");
        index_.push_back(it == names.end() ? -1 : static_cast<int>(it - names.begin()));
    }
    count_ = names.size();
}

MetricsCsvColumns MetricsCsvColumns::current() {
    static const MetricsCsvColumns columns(metricsCsvHeader());
    return columns;
}

StepMetrics MetricsCsvColumns::parse(const std::string& line) const {
    const auto f = splitCsv(line);
    if (f.size() != count_)
        throw std::runtime_error("metrics.csv: expected " + std::to_string(count_) + " columns as in its header, got " +
                                 std::to_string(f.size()) + " in '" + line + "'");
    StepMetrics m;
    const auto& table = metricTable();
    for (size_t i = 0; i < table.size(); ++i) {
        const MetricDescriptor& d = table[i];
        d.set(m, index_[i] < 0 ? d.missing : parseDouble(f[static_cast<size_t>(index_[i])], d.name.c_str()));
    }
    return m;
}

StepMetrics parseMetricsCsvRow(const std::string& line) {
    // Without a header: the first n columns of the table (older runs wrote a prefix of today's columns).
    const auto& table = metricTable();
    size_t required = 0;
    for (const auto& d : table) required += d.required ? 1 : 0;
    const size_t n = splitCsv(line).size();
    if (n < required || n > table.size())
        throw std::runtime_error("metrics.csv: expected " + std::to_string(table.size()) + " columns (or " +
                                 std::to_string(required) + " to " + std::to_string(table.size() - 1) +
                                 " in older runs), got " + std::to_string(n) + " in '" + line + "'");
    std::string header;
    for (size_t i = 0; i < n; ++i) header += (i ? "," : "") + table[i].name;
    return MetricsCsvColumns(header).parse(line);
}

std::string knnCsvHeader() { return "step,knn_1nn,knn_weighted,baseline_1nn,baseline_weighted,seconds"; }

std::string knnCsvRow(const KnnPoint& p) {
    std::ostringstream os;
    os << p.step;
    for (double v : {p.knn_1nn, p.knn_weighted, p.baseline_1nn, p.baseline_weighted, p.seconds}) os << ',' << num(v);
    return os.str();
}

KnnPoint parseKnnCsvRow(const std::string& line) {
    auto f = splitCsv(line);
    if (f.size() != 6) throw std::runtime_error("knn.csv: expected 6 columns, got " + std::to_string(f.size()) + " in '" + line + "'");
    KnnPoint p;
    p.step = static_cast<int64_t>(parseDouble(f[0], "step"));
    p.knn_1nn = parseDouble(f[1], "knn_1nn");
    p.knn_weighted = parseDouble(f[2], "knn_weighted");
    p.baseline_1nn = parseDouble(f[3], "baseline_1nn");
    p.baseline_weighted = parseDouble(f[4], "baseline_weighted");
    p.seconds = parseDouble(f[5], "seconds");
    return p;
}

std::string evalReportToJson(const EvalReport& r) {
    json j = {{"epoch", r.epoch},
              {"step", r.step},
              {"knn_k", r.knn_k},
              {"knn_temperature", r.knn_temperature},
              {"train_split", r.train_split},
              {"test_split", r.test_split},
              {"n_train", r.n_train},
              {"n_test", r.n_test},
              {"class_names", r.class_names},
              {"trained", metricsToJson(r.trained)},
              {"baseline", metricsToJson(r.baseline)},
              {"precision", r.precision},
              {"images_per_s", r.images_per_s}};
    return j.dump(2) + "\n";
}

EvalReport evalReportFromJson(const std::string& text) {
    json j = parseJsonFile(text, "eval.json");
    if (!j.is_object()) throw std::runtime_error("eval.json: expected a JSON object");
    try {
        EvalReport r;
        r.epoch = jval<int>(j, "epoch", -1);
        r.step = jval<int64_t>(j, "step", 0);
        r.knn_k = jval<int>(j, "knn_k", 20);
        r.knn_temperature = jget(j, "knn_temperature", 0.07);
        r.train_split = jval<std::string>(j, "train_split", "");
        r.test_split = jval<std::string>(j, "test_split", "");
        r.n_train = jval<int64_t>(j, "n_train", 0);
        r.n_test = jval<int64_t>(j, "n_test", 0);
        r.class_names = jval<std::vector<std::string>>(j, "class_names", {});
        if (j.contains("trained")) r.trained = metricsFromJson(j.at("trained"));
        if (j.contains("baseline")) r.baseline = metricsFromJson(j.at("baseline"));
        r.precision = jval<std::string>(j, "precision", "fp32");  // older eval.json: fp32 was the only one
        r.images_per_s = jget(j, "images_per_s", 0.0);
        return r;
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("eval.json: ") + e.what());
    }
}

std::string pseudoLabelsToJson(const PseudoLabelReport& r) {
    json j = {{"split", r.split},         {"counts", r.counts},  {"entropy", jnum(r.entropy)},
              {"max_entropy", jnum(r.max_entropy)}, {"used", r.used}, {"n_images", r.n_images}};
    return j.dump(2) + "\n";
}

PseudoLabelReport pseudoLabelsFromJson(const std::string& text) {
    json j = parseJsonFile(text, "pseudo_labels.json");
    if (!j.is_object()) throw std::runtime_error("pseudo_labels.json: expected a JSON object");
    try {
        PseudoLabelReport r;
        r.split = jval<std::string>(j, "split", "");
        r.counts = jval<std::vector<int64_t>>(j, "counts", {});
        r.entropy = jget(j, "entropy");
        r.max_entropy = jget(j, "max_entropy");
        r.used = jval<int>(j, "used", 0);
        r.n_images = jval<int64_t>(j, "n_images", 0);
        return r;
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("pseudo_labels.json: ") + e.what());
    }
}

void writeRunStatus(const std::string& run_dir, const std::string& state, const std::string& message,
                    const RunPlan& plan, const CollapseVerdict* collapse, const StepMetrics* last) {
    json j = {{"state", state},
              {"message", message},
              {"dataset_size", plan.dataset_size},
              {"trainable_parameters", plan.trainable_parameters},
              {"device", plan.device},
              {"threads", plan.threads},
              {"precision", plan.precision},
              {"precision_reason", plan.precision_reason},
              {"processes", plan.processes},
              {"dist_backend", plan.dist_backend}};
    if (collapse) {
        json advice = json::object();
        for (const auto& [field, value] : collapse->advice) advice[field] = json::parse(value);
        auto finite = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
        j["collapse"] = {{"state", collapseStateName(collapse->state)},
                         {"step", collapse->step},
                         {"entropy_fraction", finite(collapse->entropy_fraction)},
                         {"spread_fraction", finite(collapse->spread_fraction)},
                         {"student_std", finite(collapse->student_std)},
                         {"explanation", collapse->explanation},
                         {"advice", advice}};
    }
    if (last) {
        json metrics = json::object();
        for (const auto& d : metricTable()) metrics[d.name] = jnum(d.get(*last));
        j["metrics"] = metrics;
    }
    writeFileAtomic(runStatusPath(run_dir), j.dump(2) + "\n");
}

// The rows of a per-step CSV (metrics.csv, knn.csv) after its header; none if the file is absent. A kill
// can leave a half-written last line, which is dropped; any other malformed row is an error naming the
// file and line.
template <class Row, class MakeParse>
std::vector<Row> readStepCsv(const std::string& path, MakeParse makeParse) {
    std::vector<Row> rows;
    if (!fs::exists(path)) return rows;
    const std::string text = readTextFile(path);
    const bool last_complete = !text.empty() && text.back() == '\n';
    std::istringstream in(text);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    if (lines.empty()) return rows;
    std::function<Row(const std::string&)> parse;
    try {
        parse = makeParse(lines[0]);  // the header names the columns
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ":1: " + e.what());
    }
    for (size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        try {
            rows.push_back(parse(lines[i]));
        } catch (const std::exception& e) {
            if (i + 1 == lines.size() && !last_complete) break;
            throw std::runtime_error(path + ":" + std::to_string(i + 1) + ": " + e.what());
        }
    }
    return rows;
}

std::vector<StepMetrics> readMetricsCsv(const std::string& path) {
    return readStepCsv<StepMetrics>(path, [](const std::string& header) {
        const MetricsCsvColumns columns(header);
        return [columns](const std::string& line) { return columns.parse(line); };
    });
}

RunSnapshot loadRun(const std::string& run_dir) {
    RunSnapshot s;
    s.dir = run_dir;
    if (!fs::is_directory(run_dir)) throw std::runtime_error("run directory " + run_dir + " does not exist");
    s.config = loadConfigFile(runConfigPath(run_dir));

    // Status and the facts of the plan that were resolved when the run started.
    const RunStatusFile status = readRunStatus(run_dir);
    s.status = status.status;
    s.collapse_state = status.collapse_state;
    s.collapse_explanation = status.collapse_explanation;
    int64_t dataset_size = status.dataset_size;
    if (dataset_size <= 0) {
        // Never started: size the plan from the data file if it is there.
        try {
            auto summary = inspectNpz(resolveDatasetPath(s.config.data));
            for (size_t i = 0; i < summary.splits.size(); ++i)
                if (summary.splits[i] == s.config.data.train_split) dataset_size = trainingSetSize(s.config, summary.sizes[i]);
        } catch (const std::exception&) {
            dataset_size = 0;  // data not available: the plan has no steps
        }
    }
    s.plan = makeRunPlan(s.config, dataset_size);
    if (status.exists) {
        s.plan.trainable_parameters = status.trainable_parameters;
        s.plan.device = status.device;
        s.plan.threads = status.threads;
        s.plan.precision = status.precision.empty() ? s.config.system.precision : status.precision;
        s.plan.precision_reason = status.precision_reason;
        s.plan.processes = status.processes;
        s.plan.dist_backend = status.dist_backend;
    }

    s.steps = readMetricsCsv(runMetricsPath(run_dir));
    s.knn = readStepCsv<KnnPoint>(runKnnPath(run_dir), [](const std::string&) { return parseKnnCsvRow; });

    std::string ep = runEvalPath(run_dir);
    if (fs::exists(ep)) s.eval = evalReportFromJson(readTextFile(ep));
    std::string pp = runPseudoLabelsPath(run_dir);
    if (fs::exists(pp)) s.pseudo_labels = pseudoLabelsFromJson(readTextFile(pp));
    s.checkpoints = listCheckpoints(run_dir);
    const RunDiskUsage usage = runDiskUsage(run_dir);
    s.disk_bytes = usage.total_bytes;
    s.checkpoint_bytes = usage.checkpoint_bytes;
    return s;
}

}  // namespace dino::api
