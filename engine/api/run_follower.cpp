#include "api/run_follower.h"

#include "api/run_directory.h"
#include "api/run_status.h"
#include "common/fsutil.h"
#include "common/retention.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace dino::api {

// A file's identity and version: replaced (atomic rename: a new inode) or rewritten (mtime, size).
struct RunFollower::Stamp {
    bool exists = false;
    uint64_t dev = 0, ino = 0;
    int64_t size = 0, mtime_ns = 0;
    static Stamp of(const std::string& path) {
        Stamp s;
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) return s;
        s.exists = true;
        s.dev = st.st_dev;
        s.ino = st.st_ino;
        s.size = st.st_size;
        s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
        return s;
    }
    bool operator!=(const Stamp& o) const {
        return exists != o.exists || dev != o.dev || ino != o.ino || size != o.size || mtime_ns != o.mtime_ns;
    }
};

std::vector<std::string> RunFollower::Tail::read(bool& reset) {
    reset = false;
    std::vector<std::string> lines;
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (offset_ > 0 || header_done_) {  // removed: start again when it reappears
            reset = true;
            offset_ = 0;
            header_done_ = false;
            dev_ = ino_ = 0;
        }
        return lines;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return lines;
    }
    const bool replaced = (dev_ || ino_) && (st.st_dev != dev_ || st.st_ino != ino_);
    if (replaced || st.st_size < offset_) {
        reset = offset_ > 0 || header_done_;
        offset_ = 0;
        header_done_ = false;
    }
    dev_ = st.st_dev;
    ino_ = st.st_ino;
    std::string chunk;
    if (st.st_size > offset_) {
        chunk.resize(static_cast<size_t>(st.st_size - offset_));
        size_t got = 0;
        while (got < chunk.size()) {
            const ssize_t n = ::pread(fd, chunk.data() + got, chunk.size() - got, offset_ + static_cast<off_t>(got));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;  // the file shrank meanwhile: what was read is used, the rest next time
            got += static_cast<size_t>(n);
        }
        chunk.resize(got);
    }
    ::close(fd);
    const size_t end = chunk.rfind('\n');
    if (end == std::string::npos) return lines;  // no complete line yet
    size_t pos = 0;
    while (pos <= end) {
        const size_t nl = chunk.find('\n', pos);
        std::string line = chunk.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        pos = nl + 1;
        if (!header_done_) {
            header_done_ = true;
            continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
    }
    offset_ += static_cast<int64_t>(end + 1);
    return lines;
}

RunFollower::RunFollower(std::string run_dir)
    : dir_(std::move(run_dir)), metrics_(runMetricsPath(dir_)), knn_(runKnnPath(dir_)),
      status_stamp_(std::make_unique<Stamp>()), eval_stamp_(std::make_unique<Stamp>()) {}

RunFollower::~RunFollower() = default;

namespace {

template <class Parse>
auto parseRows(const std::vector<std::string>& lines, const std::string& path, Parse parse) {
    std::vector<decltype(parse(std::string()))> rows;
    rows.reserve(lines.size());
    for (const auto& l : lines) {
        try {
            rows.push_back(parse(l));
        } catch (const std::exception& e) {
            throw std::runtime_error(path + ": " + e.what());
        }
    }
    return rows;
}

}  // namespace

RunUpdate RunFollower::poll() {
    RunUpdate u;
    // The writer first: rows it appends after this are read by the next poll, so its last rows are never
    // missed by a follower that stops once it sees no writer.
    u.writer = runWriterAny(dir_);
    writer_active_ = u.writer.has_value();

    u.steps = parseRows(metrics_.read(u.metrics_reset), runMetricsPath(dir_), parseMetricsCsvRow);
    u.knn = parseRows(knn_.read(u.knn_reset), runKnnPath(dir_), parseKnnCsvRow);

    const Stamp status = Stamp::of(runStatusPath(dir_));
    if (first_ || status != *status_stamp_) {
        *status_stamp_ = status;
        const RunStatusFile s = readRunStatus(dir_);
        u.status_changed = true;
        u.status = s.status;
        u.collapse_state = s.collapse_state;
        u.collapse_explanation = s.collapse_explanation;
    }
    const Stamp eval = Stamp::of(runEvalPath(dir_));
    if (eval != *eval_stamp_) {
        *eval_stamp_ = eval;
        u.eval_changed = true;
        if (eval.exists) u.eval = evalReportFromJson(readTextFile(runEvalPath(dir_)));
    }
    std::vector<std::string> ckpts;
    for (const auto& f : listCheckpointFiles(dir_))
        if (f.epoch != -2) ckpts.push_back(f.path);
    if (first_ || ckpts != checkpoints_) {
        checkpoints_ = ckpts;
        u.checkpoints_changed = true;
        u.checkpoints = std::move(ckpts);
    }
    first_ = false;
    return u;
}

}  // namespace dino::api
