// The commands' parser (parser.h) on CLI11: CLI11 splits the words (--opt value, --opt=value, --,
// positionals) and formats --help through a Formatter of ours; the checks that name the user's
// mistake, with a suggestion, are ours.
#include "parser.h"
#include "suggest.h"

#include "common/config.h"
#include "common/config_schema.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <deque>
#include <iostream>
#include <sstream>

namespace dino::cli {
namespace {

constexpr size_t kWidth = 100;  // of the --help text

enum class Kind { Positional, Value, Repeated, Flag, Action };

bool looksLikeOption(const std::string& s) {
    if (s.size() < 2 || s[0] != '-' || s == "--") return false;
    return !(std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.');  // -1, -0.5 are values
}

// Words of `text` after `first` (already on the line), broken before `width`; later lines start with
// `indent` spaces. Explicit line breaks are kept.
std::string wrap(const std::string& first, const std::string& text, size_t indent, size_t width) {
    if (text.empty()) return first.substr(0, first.find_last_not_of(' ') + 1) + "\n";
    std::string out = first;
    size_t column = first.size();
    std::istringstream paragraphs(text);
    bool first_paragraph = true;
    for (std::string paragraph; std::getline(paragraphs, paragraph);) {
        if (!first_paragraph) {
            out += "\n" + std::string(indent, ' ');
            column = indent;
        }
        first_paragraph = false;
        std::istringstream words(paragraph);
        bool line_start = true;
        for (std::string w; words >> w;) {
            if (!line_start && column + 1 + w.size() > width) {
                out += "\n" + std::string(indent, ' ');
                column = indent;
                line_start = true;
            }
            if (!line_start) {
                out += ' ';
                ++column;
            }
            out += w;
            column += w.size();
            line_start = false;
        }
    }
    return out + "\n";
}

}  // namespace

std::string describeNumber(bool integer, const Bounds& b) {
    std::string s = integer ? "an integer" : "a number";
    if (b.min && b.max) return s + " from " + formatNumber(*b.min) + " to " + formatNumber(*b.max);
    if (b.min) return s + " >= " + formatNumber(*b.min);
    if (b.max) return s + " <= " + formatNumber(*b.max);
    return s;
}

struct Parser::Impl {
    struct Entry {
        Kind kind = Kind::Value;
        std::string name, value_name, help;
        CLI::Option* option = nullptr;
        bool required = false;
        std::string buffer;             // the value of a number option, before conversion
        Converter check;                // converts or checks the value ("" when fine)
        bool* target = nullptr;         // of a flag or an action
    };

    std::string command;
    CLI::App app;
    std::deque<Entry> entries;  // a deque: CLI11 holds references to the buffers
    bool config_overrides = false;
    Args args;

    Impl(const std::string& name, const std::string& description) : command(name), app(description, "dino " + name) {}

    Entry& add(Kind kind, const std::string& name, const std::string& value_name, const std::string& help) {
        Entry& e = entries.emplace_back();
        e.kind = kind;
        e.name = name;
        e.value_name = value_name;
        e.help = help;
        return e;
    }

    std::string label(const Entry& e) const { return e.value_name.empty() ? e.name : e.name + " " + e.value_name; }

    std::vector<std::string> optionNames() const {
        std::vector<std::string> names;
        for (const auto& e : entries)
            if (e.kind != Kind::Positional) names.push_back(e.name);
        names.push_back("--help");
        return names;
    }

    int fail(const std::string& message) const {
        std::cerr << "dino " << command << ": " << message << " (see dino " << command << " --help)\n";
        return kUsage;
    }

    std::string unknownOption(const std::string& token) const {
        const size_t eq = token.find('=');
        const std::string name = token.substr(0, eq);
        std::string message = "unknown option '" + name + "'";
        std::string suggestion = closestMatch(name, optionNames());
        if (!suggestion.empty()) return message + "; did you mean '" + suggestion + "'?";
        if (!config_overrides) return message;
        // `--epochz 5` on a command that takes --set: perhaps `--set optim.epochs=5`.
        const auto fields = configFieldKeys();
        std::vector<std::string> short_names;
        for (const auto& k : fields) short_names.push_back(k.substr(k.find('.') + 1));
        suggestion = closestMatch(name, name.find('.') != std::string::npos ? fields : short_names);
        if (suggestion.empty()) return message;
        if (suggestion.find('.') == std::string::npos)
            suggestion = fields[size_t(std::find(short_names.begin(), short_names.end(), suggestion) - short_names.begin())];
        std::string value = eq == std::string::npos ? "" : token.substr(eq + 1);
        if (eq == std::string::npos) {
            const auto it = std::find(args.begin(), args.end(), token);
            if (it != args.end() && it + 1 != args.end() && !looksLikeOption(*(it + 1))) value = *(it + 1);
        }
        return message + "; did you mean '--set " + suggestion + "=" + (value.empty() ? "VALUE" : value) + "'?";
    }

    static std::vector<std::string> configFieldKeys() {
        std::vector<std::string> keys;
        for (const auto& d : configFieldTable()) keys.push_back(d.key);
        return keys;
    }

    // What CLI11 left over: an unknown option (options == true), or an unexpected argument; "" when none.
    std::string leftOver(bool options) const {
        for (const auto& r : app.remaining())
            if (options ? looksLikeOption(r) : r != "--") return options ? unknownOption(r) : "unexpected argument '" + r + "'";
        return "";
    }

    // The error CLI11 stopped at, in words: an option at the end without its value, a flag given one.
    std::string parseError(const CLI::ParseError& e) const {
        if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
            for (const auto& a : args)
                for (const auto& entry : entries)
                    if ((entry.kind == Kind::Flag || entry.kind == Kind::Action) && a.rfind(entry.name + "=", 0) == 0)
                        return entry.name + " takes no value";
            if (!args.empty()) return args.back().substr(0, args.back().find('=')) + " needs a value";
        }
        return e.what();
    }

    // The checks after CLI11's parse, in this order: unknown options, an option followed by another
    // instead of its value, extra arguments, option values; "" when every argument is fine. Also sets
    // the flags.
    std::string check() {
        if (auto error = leftOver(true); !error.empty()) return error;
        for (const auto& e : entries)
            if (e.kind == Kind::Value || e.kind == Kind::Repeated)
                for (const auto& v : e.option->results())
                    if (v.size() > 2 && v.compare(0, 2, "--") == 0 && std::isalpha(static_cast<unsigned char>(v[2])))
                        return e.name + " needs a value (" + label(e) + "), not the option '" + v.substr(0, v.find('=')) +
                               "'";
        if (auto error = leftOver(false); !error.empty()) return error;
        bool action = false;
        for (const auto& e : entries) {
            if (e.target) *e.target = e.option->count() > 0;
            if (e.kind == Kind::Action && e.option->count() > 0) action = true;
        }
        for (const auto& e : entries) {
            const auto& results = e.option->results();
            if (e.kind == Kind::Value && results.size() > 1)
                return e.name + " is given " + std::to_string(results.size()) + " times; it takes one value";
            if (!results.empty() && e.check) {
                const std::string error = e.check(results.back());
                if (!error.empty()) return e.name + " " + error;
            }
            if (e.required && results.empty() && !action) return label(e) + " is required";
        }
        return "";
    }
};

namespace {

// --help in the style of the hand-written texts it replaces: "usage: dino cmd ...", the
// description, the arguments and options in two columns, the footer.
class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(const Parser::Impl* impl) : impl_(impl) {}

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode) const override {
        using Entry = Parser::Impl::Entry;
        std::vector<std::string> synopsis;
        for (const Entry& e : impl_->entries)
            if (e.kind == Kind::Positional) synopsis.push_back(e.required ? e.name : "[" + e.name + "]");
        for (const Entry& e : impl_->entries) {
            if (e.kind == Kind::Positional) continue;
            const std::string l = impl_->label(e) + (e.kind == Kind::Repeated ? " ..." : "");
            synopsis.push_back(e.required ? l : "[" + l + "]");
        }
        std::ostringstream out;
        // Break the synopsis between its items only.
        const std::string head = "usage: " + name + " ";
        std::string line = head;
        for (const auto& s : synopsis) {
            if (line.size() > head.size() && line.size() + 1 + s.size() > kWidth) {
                out << line << "\n";
                line = std::string(head.size(), ' ');
            }
            line += (line.size() > head.size() && line.back() != ' ' ? " " : "") + s;
        }
        out << line.substr(0, line.find_last_not_of(' ') + 1) << "\n";
        if (!app->get_description().empty()) out << "\n" << app->get_description();

        std::vector<std::pair<std::string, std::string>> arguments, options;
        for (const Entry& e : impl_->entries)
            (e.kind == Kind::Positional ? arguments : options).emplace_back(impl_->label(e), e.help);
        if (const CLI::Option* h = app->get_help_ptr())
            options.emplace_back("-" + h->get_snames().front() + ", --" + h->get_lnames().front(), h->get_description());
        size_t widest = 0;
        for (const auto* list : {&arguments, &options})
            for (const auto& [l, h] : *list) widest = std::max(widest, l.size());
        const size_t column = 2 + std::min<size_t>(widest, 22) + 2;
        auto section = [&](const char* title, const std::vector<std::pair<std::string, std::string>>& rows) {
            if (rows.empty()) return;
            out << "\n" << title << ":\n";
            for (const auto& [l, h] : rows) {
                std::string first = "  " + l;
                if (first.size() + 2 > column) {  // a long one on a line of its own
                    out << first << "\n";
                    first.clear();
                }
                out << wrap(first + std::string(column - first.size(), ' '), h, column, kWidth);
            }
        };
        section("arguments", arguments);
        section("options", options);
        if (!app->get_footer().empty()) out << "\n" << app->get_footer();
        return out.str();
    }

private:
    const Parser::Impl* impl_;
};

}  // namespace

Parser::Parser(const std::string& command, const std::string& description)
    : impl_(std::make_unique<Impl>(command, description)) {
    impl_->app.allow_extras(true);  // left-overs are named by check(), with a suggestion
    impl_->app.set_help_flag("-h,--help", "print this help and exit");
    impl_->app.formatter(std::make_shared<HelpFormatter>(impl_.get()));
}

Parser::~Parser() = default;

Parser& Parser::positional(const std::string& name, std::string& into, const std::string& help, bool required) {
    auto& e = impl_->add(Kind::Positional, name, "", help);
    e.option = impl_->app.add_option(name, into, help);
    e.required = required;
    return *this;
}

Parser& Parser::positionals(const std::string& name, std::vector<std::string>& into, const std::string& help) {
    auto& e = impl_->add(Kind::Positional, name + "...", "", help);
    e.option = impl_->app.add_option(name, into, help);
    return *this;
}

Parser& Parser::text(const std::string& name, std::string& into, const std::string& value_name, const std::string& help,
                     bool required) {
    auto& e = impl_->add(Kind::Value, name, value_name, help);
    e.option = impl_->app.add_option(name, into, help)->type_name(value_name);
    e.option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // given twice: check() says so
    e.required = required;
    return *this;
}

Parser& Parser::choice(const std::string& name, std::string& into, const std::vector<std::string>& choices,
                       const std::string& help) {
    std::string placeholder, allowed;
    for (size_t i = 0; i < choices.size(); ++i) {
        placeholder += (i ? "|" : "") + choices[i];
        allowed += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
    }
    text(name, into, placeholder, help);
    impl_->entries.back().check = [choices, allowed](const std::string& v) {
        return std::find(choices.begin(), choices.end(), v) != choices.end() ? "" : "must be " + allowed + ", got '" + v + "'";
    };
    return *this;
}

Parser& Parser::repeated(const std::string& name, std::vector<std::string>& into, const std::string& value_name,
                         const std::string& help) {
    auto& e = impl_->add(Kind::Repeated, name, value_name, help);
    // One value a time: `--set a=1 DIR` leaves DIR a positional.
    e.option = impl_->app.add_option(name, into, help)->type_name(value_name)->allow_extra_args(false);
    return *this;
}

Parser& Parser::configOverrides(std::vector<std::string>& into, const std::string& help) {
    impl_->config_overrides = true;
    return repeated("--set", into, "section.field=value", help);
}

Parser& Parser::value(const std::string& name, const std::string& value_name, const std::string& help, Converter convert) {
    auto& e = impl_->add(Kind::Value, name, value_name, help);
    e.option = impl_->app.add_option(name, e.buffer, help)->type_name(value_name);
    e.option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    e.check = std::move(convert);
    return *this;
}

Parser& Parser::indices(const std::string& name, std::vector<int64_t>& into, const std::string& value_name,
                        const std::string& help) {
    return value(name, value_name, help, [&into](const std::string& v) {
        std::vector<int64_t> list;
        std::istringstream in(v);
        for (std::string item; std::getline(in, item, ',');) {
            int64_t i = 0;
            if (!convert(item, i, Bounds{0, {}}).empty())
                return std::string("takes non-negative indices separated by commas, got '") + item + "'";
            list.push_back(i);
        }
        if (list.empty()) return std::string("takes non-negative indices separated by commas, got ''");
        into = std::move(list);
        return std::string();
    });
}

Parser& Parser::flag(const std::string& name, bool& into, const std::string& help) {
    auto& e = impl_->add(Kind::Flag, name, "", help);
    e.option = impl_->app.add_flag(name, help)->disable_flag_override();
    e.target = &into;
    return *this;
}

Parser& Parser::action(const std::string& name, bool& into, const std::string& help) {
    flag(name, into, help);
    impl_->entries.back().kind = Kind::Action;
    return *this;
}

Parser& Parser::footer(const std::string& text) {
    impl_->app.footer(text);
    return *this;
}

std::string Parser::help() const { return impl_->app.help(); }

int Parser::usageError(const std::string& message) const { return impl_->fail(message); }

std::optional<int> Parser::parse(const Args& args) {
    Impl& m = *impl_;
    m.args = args;
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    std::string error;
    try {
        m.app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::cout << help();
        return kOk;
    } catch (const CLI::ParseError& e) {
        error = m.leftOver(true);
        if (error.empty()) error = m.parseError(e);
    }
    if (m.app.get_help_ptr()->count() > 0) {  // --help wins over everything else on the line
        std::cout << help();
        return kOk;
    }
    if (error.empty()) error = m.check();
    if (!error.empty()) return m.fail(error);
    return std::nullopt;
}

}  // namespace dino::cli
