#include "interrupt.h"

#include "common/fsutil.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace dino::cli {
namespace {

std::atomic<bool> g_flag{false};
std::atomic<int> g_scopes{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

void say(const char* msg) {
    ssize_t ignored = ::write(STDERR_FILENO, msg, std::strlen(msg));
    (void)ignored;
}

extern "C" void onSignal(int) {
    const bool again = g_flag.exchange(true);
    if (!again && g_scopes.load() > 0) {
        say("\ninterrupted: stopping cleanly (Ctrl-C again to stop at once)\n");
        return;
    }
    removeTempFilesInProgress();
    say("\ninterrupted\n");
    ::_exit(3);  // kCancelled
}

}  // namespace

void installInterruptHandler() {
    // SIGINT and SIGTERM are blocked in every thread (the threads libtorch, OpenMP and oneDNN start
    // later inherit the mask) and taken by one thread of their own with sigwait. Delivered to a
    // thread inside oneDNN's sgemm, a signal corrupted the heap in about 1 of 15 interrupted runs.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
        for (;;) {
            int sig = 0;
            if (sigwait(&set, &sig) == 0) onSignal(sig);
        }
    }).detach();
}

bool interrupted() { return g_flag.load(); }
const std::atomic<bool>* interruptFlag() { return &g_flag; }

CancelScope::CancelScope() { g_scopes.fetch_add(1); }
CancelScope::~CancelScope() { g_scopes.fetch_sub(1); }

Interrupted::Interrupted(const std::string& phase) : std::runtime_error("cancelled (interrupted during " + phase + ")") {}

void reachPhase(const char* phase) {
    const char* at = std::getenv("DINO_TEST_INTERRUPT_AT");
    if (at && std::strcmp(at, phase) == 0) {
        static std::atomic<bool> fired{false};
        if (!fired.exchange(true)) {
            ::kill(::getpid(), SIGINT);  // to the process: the signal thread takes it
            // As raise() did: return only once the signal has been handled (outside a CancelScope
            // the process ends meanwhile).
            for (int i = 0; i < 2000 && !g_flag.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
}

void checkInterrupted(const char* phase) {
    reachPhase(phase);
    if (interrupted()) throw Interrupted(phase);
}

}  // namespace dino::cli
