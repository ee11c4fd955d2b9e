// status.json of a run as loadRun, the run table and the follower read it: the state the writer left, the
// collapse guard's verdict and the plan's resolved facts. Torch-free.
#pragma once

#include <cstdint>
#include <string>

namespace dino::api {

struct RunStatusFile {
    bool exists = false;
    std::string state;    // "created", "running", "finished", "cancelled", "failed" ("" without the file)
    std::string message;  // why it failed; "evaluation cancelled" for a finished run
    std::string status;   // as RunSnapshot::status: state, or "failed: <message>"; "created" without the file
    std::string collapse_state;  // "warmup", "healthy", "uniform", "one-hot", or ""
    std::string collapse_explanation;
    int64_t dataset_size = 0;  // training images (the plan's dataset_size) as the writer resolved it; 0: unknown
    // The rest of the plan as the writer resolved it (RunPlan's fields of the same names); precision is "" when
    // the file does not say.
    int64_t trainable_parameters = 0;
    std::string device, precision, precision_reason, dist_backend;
    int threads = 0;
    int processes = 1;
};

// Throws std::runtime_error naming the file when status.json exists but is not valid JSON.
RunStatusFile readRunStatus(const std::string& run_dir);

// Whether a collapse guard state is a collapse ("uniform", "one-hot").
bool isCollapseStateName(const std::string& state);

}  // namespace dino::api
