// Starts the processes of a data-parallel run on this machine, as torchrun does for one node: each
// is `exe args...` with WORLD_SIZE, RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1 and
// MASTER_PORT set. Used by `dino train --nproc N` (every rank a child) and by the GUI (rank 0 in the
// app, the other ranks children). POSIX; torch-free.
//
// The children run in their own process group, so that a terminal's Ctrl-C reaches the launcher
// alone, which passes one SIGINT on to each (every rank then stops after the same step); each child
// gets SIGINT too if the launcher dies. When a child fails, the launcher stops the others and says
// which rank failed and how.
#pragma once

#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace dino::api {

class LocalLauncher {
public:
    // Starts ranks first_rank .. world-1. The stdout of ranks other than 0 goes to /dev/null (they
    // log to log.rank<N>.txt); every rank's stderr stays the launcher's. Throws std::runtime_error
    // when a process cannot be started.
    LocalLauncher(const std::string& exe, const std::vector<std::string>& args, int world, int port, int first_rank = 0);
    ~LocalLauncher();  // interrupts and reaps the children still running
    LocalLauncher(const LocalLauncher&) = delete;
    LocalLauncher& operator=(const LocalLauncher&) = delete;

    // Sends SIGINT once to every child still running (a cancel: they stop after the current step).
    void interruptAll();

    // Kills every child still running (SIGKILL) and reaps them: for a run that could not start.
    void terminate();

    // Reaps children that have exited, without blocking. Returns true when none is running.
    bool poll();

    // After poll() returned true or the first failure: the exit code of the run, and for a failure
    // a sentence naming the first rank that failed ("rank 1 (pid 123) was killed by signal 9").
    // Exit codes: 0 when every rank exited 0; else the first failing rank's code (a signal: 1);
    // a cancel (every rank 3) gives 3.
    int exitCode() const;
    std::string failure() const;
    bool failed() const { return !failure_.empty(); }

    // Blocks until every child exited. A failure of one rank interrupts the others at once, and
    // those still running grace_s later are killed. `interrupted` (may be empty) is polled: when it
    // returns true, interruptAll() is called. Returns exitCode().
    int wait(double grace_s, const std::function<bool()>& interrupted = {});

    // A TCP port on 127.0.0.1 that is free now (for MASTER_PORT).
    static int freePort();

private:
    struct Child {
        int rank = 0;
        pid_t pid = -1;
        bool running = false;
        int status = 0;
    };
    void record(Child& c, int status);
    void killAll();
    std::vector<Child> children_;
    std::string failure_;
    int failure_code_ = 0;
    bool interrupted_ = false;
};

}  // namespace dino::api

