// Helpers of the CLI commands that analyse a run directory (eval, histogram, embed, export,
// attention, map): a percentage line on a terminal, the options that choose a model, and the
// engine's errors mapped to the documented exit codes.
#pragma once

#include "command.h"
#include "interrupt.h"
#include "parser.h"

#include "api/inspection.h"
#include "api/training_run.h"
#include "common/cancellation.h"

#include <cstdio>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>

namespace dino::cli {

// "evaluating  42%" rewritten in place on a terminal (stderr), nothing otherwise.
class PercentLine {
public:
    explicit PercentLine(std::string what) : what_(std::move(what)), on_(::isatty(STDERR_FILENO) != 0) {}
    ~PercentLine() { done(); }
    void operator()(int64_t done, int64_t total) {
        if (!on_ || total <= 0) return;
        const int pct = int(100 * done / total);
        if (pct == last_) return;
        last_ = pct;
        std::fprintf(stderr, "\r%s %3d%%", what_.c_str(), pct);
        std::fflush(stderr);
    }
    void done() {
        if (on_ && last_ >= 0) std::fprintf(stderr, "\r%*s\r", int(what_.size()) + 6, "");
        last_ = -1;
    }

private:
    std::string what_;
    bool on_;
    int last_ = -1;
};

// The whole of s as an integer (no trailing characters); false otherwise.
inline bool parseInt(const std::string& s, long long& v) {
    std::istringstream in(s);
    in >> v;
    return !in.fail() && in.eof();
}

// --model and --checkpoint: the model that attention and map look at.
inline Parser& modelOptions(Parser& p, api::ModelSource& source) {
    return p
        .choice("--model", source.model, {"teacher", "student", "random-init"},
                "teacher (default), student, or random-init (the run's seed, untrained)")
        .text("--checkpoint", source.checkpoint, "FILE",
              "this checkpoint instead of DIR/checkpoints/last.ckpt (any epoch_NNN.ckpt)");
}

// Runs a command body, mapping the engine's errors to the documented exit codes.
template <class F>
int guarded(F&& body) {
    try {
        return body();
    } catch (const OperationCancelled& e) {
        std::cerr << "\n" << e.what() << "\n";
        return kCancelled;
    } catch (const Interrupted& e) {
        std::cerr << "\n" << e.what() << "\n";
        return kCancelled;
    } catch (const api::DataError& e) {
        std::cerr << "data error: " << e.what() << "\n";
        return kDataError;
    }
}

// guarded, and std::invalid_argument (a bad image index, block or model the engine names) as bad
// usage, exit 2.
template <class F>
int guardedWithUsage(F&& body) {
    return guarded([&]() -> int {
        try {
            return body();
        } catch (const std::invalid_argument& e) {
            std::cerr << "error: " << e.what() << "\n";
            return kUsage;
        }
    });
}

}  // namespace dino::cli
