#include "common/fsutil.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/statvfs.h>
#include <unistd.h>

namespace dino {

namespace fs = std::filesystem;

std::string readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void ensureDir(const std::string& path) {
    if (path.empty()) return;
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) throw std::runtime_error("cannot create directory " + path + ": " + ec.message());
}

bool WriteError::diskFull() const { return code_ == ENOSPC || code_ == EDQUOT; }

namespace {

// DINO_TEST_FAIL_WRITES="ENOSPC:part": the errno to simulate for this path, or 0.
int injectedWriteFault(const std::string& path) {
    const char* v = std::getenv("DINO_TEST_FAIL_WRITES");
    if (!v || !*v) return 0;
    std::string spec(v);
    auto colon = spec.find(':');
    std::string name = spec.substr(0, colon);
    std::string part = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    if (!part.empty() && path.find(part) == std::string::npos) return 0;
    if (name == "ENOSPC") return ENOSPC;
    if (name == "EROFS") return EROFS;
    if (name == "EDQUOT") return EDQUOT;
    return EIO;
}

}  // namespace

namespace {

// Temp files being written, in fixed slots a signal handler can read: state 0 free, 1 filling, 2 set.
constexpr int kTempSlots = 16;
constexpr size_t kTempPathMax = 4096;
struct TempSlot {
    std::atomic<int> state{0};
    char path[kTempPathMax];
};
TempSlot g_temp[kTempSlots];
static_assert(std::atomic<int>::is_always_lock_free, "signal handlers need lock-free atomics");

class TempRegistration {
public:
    explicit TempRegistration(const std::string& tmp) {
        if (tmp.size() >= kTempPathMax) return;
        for (int i = 0; i < kTempSlots; ++i) {
            int expected = 0;
            if (g_temp[i].state.compare_exchange_strong(expected, 1)) {
                std::memcpy(g_temp[i].path, tmp.c_str(), tmp.size() + 1);
                g_temp[i].state.store(2);
                slot_ = i;
                return;
            }
        }
    }
    ~TempRegistration() {
        if (slot_ >= 0) g_temp[slot_].state.store(0);
    }
    TempRegistration(const TempRegistration&) = delete;
    TempRegistration& operator=(const TempRegistration&) = delete;

private:
    int slot_ = -1;
};

}  // namespace

void removeTempFilesInProgress() noexcept {
    for (auto& slot : g_temp)
        if (slot.state.load() == 2) ::unlink(slot.path);
}

void writeFileAtomic(const std::string& path, const std::string& bytes) {
    fs::path p(path);
    if (p.has_parent_path()) {
        try {
            ensureDir(p.parent_path().string());
        } catch (const std::runtime_error& e) {
            throw WriteError(std::string("cannot write ") + path + ": " + e.what(), EIO);
        }
    }
    const int fault = injectedWriteFault(path);
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    TempRegistration registered(tmp);
    {
        FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) {
            int err = errno;
            throw WriteError("cannot write " + path + ": " + std::strerror(err), err);
        }
        size_t want = fault ? bytes.size() / 2 : bytes.size();
        size_t n = std::fwrite(bytes.data(), 1, want, f);
        bool ok = n == want && std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
        int err = ok ? 0 : errno;
        if (std::fclose(f) != 0 && ok) {  // NFS and some FUSE file systems report errors only here
            ok = false;
            err = errno;
        }
        if (ok && fault) {
            ok = false;
            err = fault;
        }
        if (!ok) {
            std::remove(tmp.c_str());
            if (err == 0) err = EIO;
            throw WriteError("cannot write " + path + ": " + std::strerror(err) + " (" + formatBytes(static_cast<int64_t>(bytes.size())) +
                                 " to write)",
                             err);
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw WriteError("cannot rename " + tmp + " to " + path + ": " + ec.message(), ec.value());
    }
}

int64_t freeBytes(const std::string& path) {
    std::error_code ec;
    fs::path p = path.empty() ? fs::path(".") : fs::path(path);
    while (!p.empty() && !fs::exists(p, ec)) {
        fs::path parent = p.parent_path();
        if (parent == p) break;
        p = parent;
    }
    if (p.empty()) p = ".";
    struct statvfs st {};
    if (::statvfs(p.c_str(), &st) != 0) return -1;
    return static_cast<int64_t>(st.f_bavail) * static_cast<int64_t>(st.f_frsize);
}

std::string formatBytes(int64_t bytes) {
    char buf[32];
    if (bytes < 1000) std::snprintf(buf, sizeof buf, "%lld bytes", static_cast<long long>(bytes));
    else if (bytes < 1000 * 1000) std::snprintf(buf, sizeof buf, "%.0f kB", bytes / 1e3);
    else if (bytes < 1000LL * 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    else std::snprintf(buf, sizeof buf, "%.2f GB", bytes / 1e9);
    return buf;
}

std::string expandHome(const std::string& path) {
    if (path.rfind("~/", 0) == 0) {
        const char* home = std::getenv("HOME");
        if (home) return std::string(home) + path.substr(1);
    }
    return path;
}

}  // namespace dino
