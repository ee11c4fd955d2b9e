// Ctrl-C and SIGTERM for every `dino` command, installed once in main() before a command runs.
//
// Inside a CancelScope (commands that can stop cleanly: train, resume, eval, embed, histogram,
// export, fetch) the first signal only sets a flag: training stops after the current step and keeps
// last.ckpt, evaluation between batches, the others before they write; the command exits 3. Outside
// a scope, or at a second signal, the process ends at once with exit code 3, after removing the temp
// files of writes in progress (every file is written to a temp name and renamed, so nothing
// half-written is left under a real name).
//
// Test hook: DINO_TEST_INTERRUPT_AT=<phase> makes the process send itself SIGINT when it reaches
// that phase (start-up, data, training, evaluation, export), so that the tests can interrupt every
// phase at a known point.
#pragma once

#include <atomic>
#include <stdexcept>
#include <string>

namespace dino::cli {

void installInterruptHandler();
bool interrupted();
const std::atomic<bool>* interruptFlag();

// While alive, the first signal is deferred (a flag) instead of ending the process.
class CancelScope {
public:
    CancelScope();
    ~CancelScope();
    CancelScope(const CancelScope&) = delete;
    CancelScope& operator=(const CancelScope&) = delete;
};

// Thrown by checkInterrupted; main() and the commands turn it into exit code 3.
class Interrupted : public std::runtime_error {
public:
    explicit Interrupted(const std::string& phase);
};

// Marks that the command reached `phase` (the test hook may raise SIGINT here).
void reachPhase(const char* phase);
// reachPhase, then throws Interrupted when a signal arrived.
void checkInterrupted(const char* phase);

}  // namespace dino::cli
