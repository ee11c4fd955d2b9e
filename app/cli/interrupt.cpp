#include "interrupt.h"

#include "common/fsutil.h"

#include <csignal>
#include <cstdlib>
#include <cstring>
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
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
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
        if (!fired.exchange(true)) std::raise(SIGINT);
    }
}

void checkInterrupted(const char* phase) {
    reachPhase(phase);
    if (interrupted()) throw Interrupted(phase);
}

}  // namespace dino::cli
