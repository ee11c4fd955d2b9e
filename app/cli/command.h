// Subcommands of the `dino` CLI register themselves: DINO_COMMAND(name, summary, function).
// A command receives its own arguments (after the name) and returns the process exit code.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dino::cli {

// Exit codes scripts can rely on.
enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2, kCancelled = 3, kDataError = 4, kNonFinite = 5 };

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

// Small argument helpers shared by the commands.
bool hasFlag(const Args& a, const std::string& flag);                          // --help, -h ...
std::string option(const Args& a, const std::string& name, const std::string& def = "");  // --out X / --out=X
std::vector<std::string> options(const Args& a, const std::string& name);     // repeated --set
std::vector<std::string> positionals(const Args& a, const std::vector<std::string>& with_value);
bool stdoutIsTerminal();

}  // namespace dino::cli
