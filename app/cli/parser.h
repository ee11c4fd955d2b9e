// The command line of every `dino` command, parsed by CLI11 from one list of definitions that also
// makes the command's --help. A command declares its arguments, then calls parse():
//
//     std::string dir;
//     int keep = -1;
//     bool dry = false;
//     Parser p("prune", "Removes epoch checkpoints ...");
//     p.positional("DIR", dir, "the run directory")
//         .number("--keep", keep, "N", "keep the newest N epoch checkpoints", Bounds{-1, {}})
//         .flag("--dry-run", dry, "only list what would be removed")
//         .footer("exit codes: 0 ok, 1 failure, 2 bad usage\n");
//     if (auto code = p.parse(args)) return *code;
//
// `--opt value` and `--opt=value` both work; `--` ends the options. Every mistake is a usage error
// (exit 2) with one line on stderr that names it, "dino prune: <what> (see dino prune --help)":
// an unknown option (with the closest valid one: "unknown option '--kep'; did you mean '--keep'?",
// or for a command that takes --set, a config field: "did you mean '--set optim.epochs=5'?"), an
// unexpected extra argument, an option without its value, a value that is not a number or not one
// of the choices or out of bounds, an option given twice that takes one value, a required argument
// that is missing. CLI11 itself stays inside parser.cpp, so that the commands compile without it.
#pragma once

#include "command.h"

#include "common/config_schema.h"

#include <charconv>
#include <cstdint>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace dino::cli {

// Inclusive bounds of a number option; either may be left open.
struct Bounds {
    std::optional<double> min, max;
};

class Parser {
public:
    // `command`: the name after `dino`; `description`: the prose between the usage line and the
    // options in --help, printed as written.
    Parser(const std::string& command, const std::string& description);
    ~Parser();
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    // A positional argument such as "DIR" (its name is also its placeholder in --help).
    Parser& positional(const std::string& name, std::string& into, const std::string& help, bool required = true);
    // Any number of positional arguments ("[FOLDER...]"), after the single ones.
    Parser& positionals(const std::string& name, std::vector<std::string>& into, const std::string& help);
    // --name VALUE: `value_name` is its placeholder in --help ("FILE", "N").
    Parser& text(const std::string& name, std::string& into, const std::string& value_name, const std::string& help,
                 bool required = false);
    // --name VALUE, one of `choices` (the placeholder lists them).
    Parser& choice(const std::string& name, std::string& into, const std::vector<std::string>& choices,
                   const std::string& help);
    // --name VALUE, given any number of times, each time with one value.
    Parser& repeated(const std::string& name, std::vector<std::string>& into, const std::string& value_name,
                     const std::string& help);
    // --set section.field=value, repeated; an unknown option close to a config field's name is
    // answered with the --set that the user probably meant.
    Parser& configOverrides(std::vector<std::string>& into, const std::string& help);
    // --name N: an integer or floating-point T, or std::optional<T> (empty when not given); the
    // whole value must be a number of that type within `bounds`.
    template <class T>
    Parser& number(const std::string& name, T& into, const std::string& value_name, const std::string& help,
                   Bounds bounds = {});
    // --name I,J,...: indices (integers >= 0) separated by commas, at least one.
    Parser& indices(const std::string& name, std::vector<int64_t>& into, const std::string& value_name,
                    const std::string& help);
    // --name, no value.
    Parser& flag(const std::string& name, bool& into, const std::string& help);
    // --name, no value: asks for something other than the command's usual work (--print-config,
    // --list), so the required arguments are not required with it.
    Parser& action(const std::string& name, bool& into, const std::string& help);
    // Prose printed after the options in --help (exit codes, examples).
    Parser& footer(const std::string& text);

    // Parses the command's arguments (those after its name). Empty when the command should go on;
    // otherwise the exit code to return at once: kOk after --help (printed to stdout), kUsage after a
    // usage error (its line printed to stderr).
    std::optional<int> parse(const Args& args);

    // The command's own usage errors in the same form: prints "dino <command>: <message> (see dino
    // <command> --help)" to stderr and returns kUsage.
    int usageError(const std::string& message) const;
    // The --help text.
    std::string help() const;

    struct Impl;  // parser.cpp; its --help formatter reads it

private:
    // Converts the value (the whole string) into the target; "" when it did, else what is wrong.
    using Converter = std::function<std::string(const std::string& value)>;
    Parser& value(const std::string& name, const std::string& value_name, const std::string& help, Converter convert);

    template <class T>
    static std::string convert(const std::string& v, T& out, const Bounds& bounds);

    std::unique_ptr<Impl> impl_;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// "an integer from 1 to 256", "a number >= 0" ...: what a number option with these bounds accepts.
std::string describeNumber(bool integer, const Bounds& bounds);
// v as a user would write it (0.6, 1e+06, 256): the config rules' formatNumber (common/config_schema.h).
using ::dino::formatNumber;

template <class T>
std::string Parser::convert(const std::string& v, T& out, const Bounds& bounds) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, "number() takes integers and floating point");
    T parsed{};
    const char* end = v.data() + v.size();
    const auto r = std::from_chars(v.data(), end, parsed);
    bool ok = !v.empty() && r.ec == std::errc() && r.ptr == end;
    if constexpr (std::is_floating_point_v<T>) ok = ok && std::isfinite(parsed);
    const double x = static_cast<double>(parsed);
    if (ok && ((bounds.min && x < *bounds.min) || (bounds.max && x > *bounds.max))) ok = false;
    if (!ok) return "must be " + describeNumber(std::is_integral_v<T>, bounds) + ", got '" + v + "'";
    out = parsed;
    return "";
}

template <class T>
Parser& Parser::number(const std::string& name, T& into, const std::string& value_name, const std::string& help,
                       Bounds bounds) {
    return value(name, value_name, help, [&into, bounds](const std::string& v) {
        if constexpr (IsOptional<T>::value) {
            typename T::value_type x{};
            std::string error = convert(v, x, bounds);
            if (error.empty()) into = x;
            return error;
        } else {
            return convert(v, into, bounds);
        }
    });
}

}  // namespace dino::cli
