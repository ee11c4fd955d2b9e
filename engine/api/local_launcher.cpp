#include "api/local_launcher.h"

#include "api/distributed.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace dino::api {
namespace {

// A child's environment: the launcher's, with the launcher variables replaced.
std::vector<std::string> childEnvironment(const std::map<std::string, std::string>& vars) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        std::string kv = *e;
        const std::string key = kv.substr(0, kv.find('='));
        if (vars.count(key) == 0) env.push_back(kv);
    }
    for (const auto& [k, v] : vars) env.push_back(k + "=" + v);
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> p;
    for (auto& s : strings) p.push_back(s.data());
    p.push_back(nullptr);
    return p;
}

}  // namespace

LocalLauncher::LocalLauncher(const std::string& exe, const std::vector<std::string>& args, int world, int port,
                             int first_rank) {
    for (int rank = first_rank; rank < world; ++rank) {
        std::vector<std::string> argv_s{exe};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        std::vector<std::string> env_s = childEnvironment(localLauncherVariables(world, rank, port));
        auto argv = pointers(argv_s);
        auto envp = pointers(env_s);
        const pid_t parent = getpid();
        const pid_t pid = fork();
        if (pid < 0) {
            const int err = errno;
            killAll();
            throw std::runtime_error("cannot start training process of rank " + std::to_string(rank) + ": " +
                                     std::strerror(err));
        }
        if (pid == 0) {
            // Only async-signal-safe calls from here to exec.
            setpgid(0, 0);
            prctl(PR_SET_PDEATHSIG, SIGINT);
            if (getppid() != parent) raise(SIGINT);  // the launcher is already gone
            if (rank != 0) {
                int null = open("/dev/null", O_WRONLY);
                if (null >= 0) dup2(null, STDOUT_FILENO);
            }
            execve(argv[0], argv.data(), envp.data());
            static const char msg[] = "dino: cannot execute the training process\n";
            ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
            (void)ignored;
            _exit(127);
        }
        setpgid(pid, pid);  // also here, so that it holds before the parent relies on it
        children_.push_back({rank, pid, true, 0});
    }
}

LocalLauncher::~LocalLauncher() {
    if (poll()) return;
    interruptAll();
    wait(5.0);  // kills those still running after 5 s
}

void LocalLauncher::interruptAll() {
    interrupted_ = true;
    for (auto& c : children_)
        if (c.running) kill(-c.pid, SIGINT);  // its process group: the rank and anything it started
}

void LocalLauncher::terminate() {
    killAll();
    while (!poll()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

void LocalLauncher::killAll() {
    for (auto& c : children_)
        if (c.running) kill(-c.pid, SIGKILL);
}

void LocalLauncher::record(Child& c, int status) {
    c.running = false;
    c.status = status;
    const bool ok = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3);
    if (ok || !failure_.empty()) return;
    std::string how;
    if (WIFSIGNALED(status)) {
        how = "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
        failure_code_ = 1;
    } else {
        how = "exited with code " + std::to_string(WEXITSTATUS(status));
        failure_code_ = WEXITSTATUS(status);
    }
    failure_ = "rank " + std::to_string(c.rank) + " (pid " + std::to_string(c.pid) + ") " + how;
}

bool LocalLauncher::poll() {
    bool running = false;
    // Of the ranks that ended since the last look, one killed by a signal is the cause, the others'
    // errors its consequence: it is recorded first.
    std::vector<std::pair<Child*, int>> ended;
    for (auto& c : children_) {
        if (!c.running) continue;
        int status = 0;
        const pid_t r = waitpid(c.pid, &status, WNOHANG);
        if (r == c.pid) ended.emplace_back(&c, status);
        else if (r < 0 && errno == ECHILD) c.running = false;
        else running = true;
    }
    for (int pass = 0; pass < 2; ++pass)
        for (auto& [c, status] : ended)
            if ((pass == 0) == static_cast<bool>(WIFSIGNALED(status))) record(*c, status);
    return !running;
}

int LocalLauncher::exitCode() const {
    if (!failure_.empty()) return failure_code_;  // never 0 or 3: those are not failures
    bool cancelled = false;
    for (const auto& c : children_)
        if (WIFEXITED(c.status) && WEXITSTATUS(c.status) == 3) cancelled = true;
    return cancelled ? 3 : 0;
}

std::string LocalLauncher::failure() const { return failure_; }

int LocalLauncher::wait(double grace_s, const std::function<bool()>& interrupted) {
    using clock = std::chrono::steady_clock;
    auto after = [](double s) { return clock::now() + std::chrono::milliseconds(static_cast<int64_t>(s * 1000)); };
    clock::time_point interrupt_at{}, kill_at{};
    bool stopping = false;
    while (!poll()) {
        if (!interrupted_ && interrupted && interrupted()) interruptAll();
        if ((failed() || interrupted_) && !stopping) {
            // After a failure the others usually stop by themselves within a moment (their next
            // collective fails); those that do not are interrupted, and killed after grace_s.
            stopping = true;
            interrupt_at = after(std::min(3.0, grace_s));
            kill_at = after(grace_s);
        }
        if (stopping && !interrupted_ && clock::now() > interrupt_at) interruptAll();
        if (stopping && clock::now() > kill_at) killAll();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return exitCode();
}

int LocalLauncher::freePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error(std::string("cannot open a socket for MASTER_PORT: ") + std::strerror(errno));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    socklen_t len = sizeof a;
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
        const int err = errno;
        close(fd);
        throw std::runtime_error(std::string("cannot find a free port for MASTER_PORT: ") + std::strerror(err));
    }
    close(fd);
    return ntohs(a.sin_port);
}

}  // namespace dino::api
