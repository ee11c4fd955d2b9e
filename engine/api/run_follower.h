// Following a run that another process writes (a `dino train` in a terminal, a run on a bigger machine
// whose run folder is mounted here): each poll() reads only what was appended to metrics.csv and knn.csv
// since the last one (complete lines only: a half-written last line waits for the next poll), re-reads
// status.json and eval.json only when they changed, and lists the checkpoints. No full re-parse per tick;
// cheap enough to call from a timer, but it does file I/O, so a GUI calls it off its GUI thread.
// Torch-free.
#pragma once

#include "api/run_lock.h"
#include "api/types.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dino::api {

// What changed since the previous poll (the first poll returns everything there is).
struct RunUpdate {
    // metrics.csv / knn.csv were replaced (a resume rewrites them without the steps it redoes): the rows
    // below are the whole file again, and the reader drops the rows it had.
    bool metrics_reset = false, knn_reset = false;
    std::vector<StepMetrics> steps;  // new rows of metrics.csv, in order
    std::vector<KnnPoint> knn;       // new rows of knn.csv
    bool status_changed = false;     // then status, collapse_* hold status.json's new contents
    std::string status;              // "created", "running", "finished", "cancelled", "failed: ..."
    std::string collapse_state, collapse_explanation;
    bool checkpoints_changed = false;
    std::vector<std::string> checkpoints;  // then: the paths, oldest first (last.ckpt last)
    bool eval_changed = false;
    std::optional<EvalReport> eval;        // then: eval.json's new contents
    std::optional<RunWriter> writer;       // the process training the run now (every poll), if any
    bool any() const {
        return metrics_reset || knn_reset || !steps.empty() || !knn.empty() || status_changed || checkpoints_changed ||
               eval_changed;
    }
};

class RunFollower {
public:
    explicit RunFollower(std::string run_dir);
    ~RunFollower();
    RunFollower(const RunFollower&) = delete;
    RunFollower& operator=(const RunFollower&) = delete;

    // Reads what is new. Throws std::runtime_error naming the file and line for a malformed complete row
    // (a torn last line is not one) or an unreadable status.json / eval.json.
    RunUpdate poll();
    // Whether a writer held the run at the last poll; a follower stops polling once it is gone (after one
    // more poll, which reads the writer's last rows).
    bool writerActive() const { return writer_active_; }
    const std::string& runDir() const { return dir_; }

    // One append-only CSV read incrementally: the complete lines after the header, from the byte offset
    // of the last poll. Public for its tests.
    class Tail {
    public:
        explicit Tail(std::string path) : path_(std::move(path)) {}
        // New complete lines (without '\n'); reset is set when the file was replaced or shrank.
        std::vector<std::string> read(bool& reset);

    private:
        std::string path_;
        int64_t offset_ = 0;          // bytes consumed (complete lines)
        uint64_t dev_ = 0, ino_ = 0;  // the file read so far
        bool header_done_ = false;
    };

private:
    std::string dir_;
    Tail metrics_, knn_;
    struct Stamp;
    std::unique_ptr<Stamp> status_stamp_, eval_stamp_;
    std::vector<std::string> checkpoints_;
    bool first_ = true;
    bool writer_active_ = false;
};

}  // namespace dino::api
