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
    if (j.contains("dataset_size") && j.at("dataset_size").is_number_integer())
        s.dataset_size = j.at("dataset_size").get<int64_t>();
    if (j.contains("collapse") && j.at("collapse").is_object()) {
        s.collapse_state = str(j.at("collapse"), "state");
        s.collapse_explanation = str(j.at("collapse"), "explanation");
    }
    return s;
}

bool isCollapseStateName(const std::string& state) { return state == "uniform" || state == "one-hot"; }

}  // namespace dino::api
