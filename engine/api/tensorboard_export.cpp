// `dino export --format tensorboard` (api/interop.h): a run directory's files as one TensorBoard event file.
#include "api/interop.h"
#include "api/run_directory.h"

#include "common/config_schema.h"
#include "common/fsutil.h"
#include "export/tensorboard_events.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace dino::api {
namespace {

namespace fs = std::filesystem;
namespace tb = dino::tensorboard;

double fileTime(const std::string& path) {
    std::error_code ec;
    const auto t = fs::last_write_time(path, ec);
    if (ec) return 0;
    const auto sys = std::chrono::time_point_cast<std::chrono::milliseconds>(
        t - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    return static_cast<double>(sys.time_since_epoch().count()) / 1000.0;
}

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    return out;
}

// Every numeric column of a CSV with a "step" column as scalars "<prefix>/<column>"; the wall time of a
// row is start + its elapsed_seconds where the file has that column (metrics.csv), else end_time.
// Returns the last step seen.
int64_t csvScalars(const std::string& path, const std::string& prefix, double start, double end_time,
                   tb::EventFile& events, std::set<std::string>& tags) {
    if (!fs::exists(path)) return 0;
    std::stringstream in(readTextFile(path));
    std::string line;
    if (!std::getline(in, line)) return 0;
    const std::vector<std::string> header = splitCsv(line);
    int step_col = -1, elapsed_col = -1;
    for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "step") step_col = int(i);
        if (header[i] == "elapsed_seconds") elapsed_col = int(i);
    }
    if (step_col < 0) throw std::runtime_error(path + ": no 'step' column in its header");
    int64_t last = 0;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = splitCsv(line);
        if (cells.size() != header.size()) continue;  // a row still being written by a training process
        const int64_t step = std::stoll(cells[size_t(step_col)]);
        double wall = end_time;
        if (elapsed_col >= 0) wall = start + std::strtod(cells[size_t(elapsed_col)].c_str(), nullptr);
        for (size_t i = 0; i < cells.size(); ++i) {
            if (int(i) == step_col || header[i] == "epoch") continue;
            char* end = nullptr;
            const double v = std::strtod(cells[i].c_str(), &end);
            if (end == cells[i].c_str() || !std::isfinite(v)) continue;  // empty or not measured (NaN)
            const std::string tag = prefix + "/" + header[i];
            events.scalar(tag, step, wall, static_cast<float>(v));
            tags.insert(tag);
        }
        last = std::max(last, step);
    }
    return last;
}

std::vector<tb::HParam> configHParams(const RunConfig& cfg) {
    std::vector<tb::HParam> out;
    forEachField(cfg, [&](const FieldDescriptor& d, const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) out.push_back({d.key, v});
        else if constexpr (std::is_same_v<T, std::string>) out.push_back({d.key, v});
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
            std::string text;
            for (double x : v) text += (text.empty() ? "" : ",") + formatNumber(x);
            out.push_back({d.key, text});
        } else out.push_back({d.key, static_cast<double>(v)});
    });
    return out;
}

tb::SessionStatus sessionStatus(const std::string& status) {
    if (status == "finished") return tb::SessionStatus::Success;
    if (status.rfind("failed", 0) == 0) return tb::SessionStatus::Failure;
    if (status == "running") return tb::SessionStatus::Running;
    return tb::SessionStatus::Unknown;  // cancelled (stopped by the user), or no status.json
}

}  // namespace

TensorBoardExport exportTensorBoard(const std::string& run_dir, const std::string& logdir) {
    const RunSnapshot run = loadRun(run_dir);
    const double start = fileTime(runConfigPath(run_dir));
    double end = start;
    if (!run.steps.empty()) end = start + run.steps.back().elapsed_seconds;

    tb::EventFile events(start);
    std::set<std::string> tags;
    const std::vector<tb::HParam> hparams = configHParams(run.config);
    events.sessionStart(hparams, start);
    const int64_t last_metrics = csvScalars(runMetricsPath(run_dir), "train", start, end, events, tags);
    const int64_t last_knn = csvScalars(runKnnPath(run_dir), "knn", start, end, events, tags);
    const int64_t last_step = std::max(last_metrics, last_knn);
    auto result = [&](const std::string& tag, double v) {
        if (!std::isfinite(v)) return;
        events.scalar(tag, last_step, end, static_cast<float>(v));
        tags.insert(tag);
    };
    if (run.eval) {
        for (const EvalMetrics* m : {&run.eval->trained, &run.eval->baseline}) {
            const std::string who = m == &run.eval->trained ? "teacher" : "random_init";
            result("eval/" + who + "_1nn", m->nn1_accuracy);
            result("eval/" + who + "_knn_weighted", m->knn_accuracy);
            result("eval/" + who + "_auc", m->auc);
        }
    }
    if (run.pseudo_labels) {
        result("pseudo_labels/used", run.pseudo_labels->used);
        result("pseudo_labels/entropy", run.pseudo_labels->entropy);
    }
    events.sessionEnd(sessionStatus(run.status), end);

    TensorBoardExport out;
    fs::path name = fs::absolute(run_dir).lexically_normal();
    if (name.filename().empty()) name = name.parent_path();  // "runs/demo/"
    out.file = events.write((fs::path(logdir) / name.filename()).string());
    out.scalars = events.scalars();
    out.tags = int(tags.size());
    out.hparams = int(hparams.size());
    return out;
}

}  // namespace dino::api
