#include "common/fsutil.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
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

void writeFileAtomic(const std::string& path, const std::string& bytes) {
    fs::path p(path);
    if (p.has_parent_path()) ensureDir(p.parent_path().string());
    std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
        size_t n = std::fwrite(bytes.data(), 1, bytes.size(), f);
        bool ok = n == bytes.size() && std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
        int err = errno;
        std::fclose(f);
        if (!ok) {
            std::remove(tmp.c_str());
            throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(err));
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        throw std::runtime_error("cannot rename " + tmp + " to " + path + ": " + ec.message());
    }
}

std::string expandHome(const std::string& path) {
    if (path.rfind("~/", 0) == 0) {
        const char* home = std::getenv("HOME");
        if (home) return std::string(home) + path.substr(1);
    }
    return path;
}

}  // namespace dino
