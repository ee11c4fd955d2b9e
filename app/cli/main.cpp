// `dino`: the headless front door to the DINO Studio engine (same config JSON, same run directory
// as the GUI).
#include "command.h"
#include "interrupt.h"
#include "suggest.h"

#include "api/process.h"
#include "api/run_lock.h"
#include "api/training_run.h"
#include "common/config.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace dino::cli {

std::vector<Command>& commands() {
    static std::vector<Command> list;
    return list;
}

bool stdoutIsTerminal() { return ::isatty(STDOUT_FILENO) != 0; }

std::string selfExecutable(const std::string& purpose) {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) throw std::runtime_error("cannot find the dino executable (/proc/self/exe) to " + purpose);
    return std::string(buf, static_cast<size_t>(n));
}

}  // namespace dino::cli

static void usage(std::FILE* out) {
    auto cmds = dino::cli::commands();
    std::sort(cmds.begin(), cmds.end(), [](auto& a, auto& b) { return a.name < b.name; });
    std::fprintf(out, "dino %s - DINO self-supervised training on MedMNIST (headless)\n\n"
                      "usage: dino <command> [options]      dino <command> --help\n\ncommands:\n",
                 DINO_VERSION);
    for (const auto& c : cmds) std::fprintf(out, "  %-12s %s\n", c.name.c_str(), c.summary.c_str());
    std::fprintf(out, "\nexit codes: 0 ok, 1 failure, 2 usage, 3 cancelled, 4 data error, 5 non-finite loss,\n"
                      "            6 the run is being written by another process\n");
}

int main(int argc, char** argv) {
    dino::api::tuneProcess(argc, argv);  // malloc settings; may re-exec once with faster BLAS kernels
    dino::cli::installInterruptHandler();  // Ctrl-C: exit 3, nothing half-written (interrupt.h)
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? stderr : stdout);  // no command is a usage error: the text goes to stderr
        return args.empty() ? dino::cli::kUsage : dino::cli::kOk;
    }
    if (args[0] == "--version") {
        std::cout << "dino " << DINO_VERSION << "\n";
        return 0;
    }
    dino::cli::reachPhase("launch");  // test hook: a Ctrl-C before any command starts
    for (const auto& c : dino::cli::commands()) {
        if (c.name != args[0]) continue;
        try {
            return c.run(dino::cli::Args(args.begin() + 1, args.end()));
        } catch (const dino::cli::Interrupted& e) {
            std::cerr << e.what() << "\n";
            return dino::cli::kCancelled;
        } catch (const dino::api::DataError& e) {
            std::cerr << "data error: " << e.what() << "\n";
            return dino::cli::kDataError;
        } catch (const dino::api::NonFiniteLossError& e) {
            std::cerr << "error: " << e.what() << "\n";
            return dino::cli::kNonFinite;
        } catch (const dino::api::RunLockedError& e) {
            std::cerr << "error: " << e.what() << "\n";
            return dino::cli::kRunLocked;
        } catch (const dino::ConfigError& e) {
            std::cerr << "error: " << e.what() << "\n";
            return dino::cli::kUsage;
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            return dino::cli::kFailure;
        }
    }
    std::vector<std::string> names;
    for (const auto& c : dino::cli::commands()) names.push_back(c.name);
    const std::string close = dino::cli::closestMatch(args[0], names);
    std::cerr << "dino: unknown command '" << args[0] << "'" << (close.empty() ? "" : "; did you mean '" + close + "'?")
              << " (see dino --help)\n";
    return dino::cli::kUsage;
}
