// Subcommands of the `dino` CLI register themselves: DINO_COMMAND(name, summary, function), one
// command a file (cmd_<name>.cpp). A command receives its own arguments (after the name), parses them
// with a Parser (parser.h) and returns the process exit code.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dino::cli {

// Exit codes scripts can rely on.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2, kCancelled = 3, kDataError = 4, kNonFinite = 5, kRunLocked = 6 };

using Args = std::vector<std::string>;
using CommandFn = std::function<int(const Args&)>;

struct Command {
    std::string name;
    std::string summary;
    CommandFn run;
};

std::vector<Command>& commands();

struct Registrar {
    Registrar(const char* name, const char* summary, CommandFn fn) { commands().push_back({name, summary, std::move(fn)}); }
};

#define DINO_CMD_CAT2(a, b) a##b
#define DINO_CMD_CAT(a, b) DINO_CMD_CAT2(a, b)
#define DINO_COMMAND(name, summary, fn) \
    static ::dino::cli::Registrar DINO_CMD_CAT(dino_cmd_registrar_, __LINE__)(name, summary, fn)

bool stdoutIsTerminal();

// The running dino executable (/proc/self/exe), for commands that start more of it (the processes of a
// multi-process run, a sweep's trials); throws naming what it was needed for.
std::string selfExecutable(const std::string& purpose);

}  // namespace dino::cli
