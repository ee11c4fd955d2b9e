#include "api/run_status.h"

#include "api/run_directory.h"
#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <stdexcept>

namespace dino::api {

RunStatusFile readRunStatus(const std::string& run_dir) {
    RunStatusFile s;
    const std::string path = runStatusPath(run_dir);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        s.status = "created";
        return s;
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readTextFile(path));
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(path + ": not valid JSON: " + e.what());
    }
    if (!j.is_object()) throw std::runtime_error(path + ": expected a JSON object");
    auto str = [](const nlohmann::json& o, const char* key) {
        return o.contains(key) && o.at(key).is_string() ? o.at(key).get<std::string>() : std::string();
    };
    s.exists = true;
    s.state = str(j, "state");
    s.message = str(j, "message");
    s.status = s.state == "failed" && !s.message.empty() ? "failed: " + s.message : s.state;
    auto integer = [&j](const char* key, int64_t otherwise) {
        return j.contains(key) && j.at(key).is_number_integer() ? j.at(key).get<int64_t>() : otherwise;
    };
    s.dataset_size = integer("dataset_size", 0);
    s.trainable_parameters = integer("trainable_parameters", 0);
    s.threads = static_cast<int>(integer("threads", 0));
    s.processes = static_cast<int>(integer("processes", 1));
    s.device = str(j, "device");
    s.precision = str(j, "precision");
    s.precision_reason = str(j, "precision_reason");
    s.dist_backend = str(j, "dist_backend");
    if (j.contains("collapse") && j.at("collapse").is_object()) {
        s.collapse_state = str(j.at("collapse"), "state");
        s.collapse_explanation = str(j.at("collapse"), "explanation");
    }
    return s;
}

bool isCollapseStateName(const std::string& state) { return state == "uniform" || state == "one-hot"; }

}  // namespace dino::api
