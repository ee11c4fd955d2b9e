// Helpers for the tests that run the real `dino` binary (DINO_CLI_PATH) as a script would: a scratch
// directory removed afterwards, and a run with stdout, stderr and the exit code captured.
#pragma once

#include "common/fsutil.h"
#include "test_util.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace dino::test {

struct CliResult {
    int code = -1;  // the exit code, or 128 + the signal that ended it
    std::string out, err;
};

// A fresh directory under the system temp dir (test_util.h's TempDir), created, removed afterwards.
class Scratch : public TempDir {
public:
    explicit Scratch(const std::string& tag = "cli") : TempDir(tag) { std::filesystem::create_directories(path()); }
    const std::string& str() const { return path(); }
};

// Runs `<env> dino <args>` through the shell; `env` is a prefix such as "DINO_X=1 ". The output
// goes through files in `dir`.
inline CliResult runDino(const std::string& dir, const std::string& args, const std::string& env = "") {
    const std::string out = dir + "/stdout.txt", err = dir + "/stderr.txt";
    const std::string cmd = env + "'" + DINO_CLI_PATH + "' " + args + " >'" + out + "' 2>'" + err + "'";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readTextFile(out);
    r.err = readTextFile(err);
    return r;
}
inline CliResult runDino(const Scratch& s, const std::string& args, const std::string& env = "") {
    return runDino(s.str(), args, env);
}

inline std::string quoted(const std::string& path) { return "'" + path + "'"; }

// Starts `dino <args>` in the background (stdout and stderr to out_file) and returns its pid, for
// the tests that signal or kill it; wait for it with waitpid.
inline pid_t startDino(const std::string& args, const std::string& out_file) {
    const std::string cmd = "exec '" + std::string(DINO_CLI_PATH) + "' " + args + " >" + quoted(out_file) + " 2>&1";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

// The file names in <run>/checkpoints.
inline std::set<std::string> checkpointNames(const std::string& run) {
    std::set<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(run) / "checkpoints", ec))
        out.insert(e.path().filename().string());
    return out;
}

// Temp files of atomic writes ("*.tmp-<pid>") anywhere below dir: none may be left behind.
inline std::vector<std::string> tempFiles(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); it != std::filesystem::recursive_directory_iterator();
         it.increment(ec))
        if (it->path().filename().string().find(".tmp-") != std::string::npos) out.push_back(it->path().string());
    return out;
}

}  // namespace dino::test
