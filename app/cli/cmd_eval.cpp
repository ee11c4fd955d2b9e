// `dino eval`: k-NN evaluation of a run's teacher beside a random-initialised model (Part V of the
// seed), written to eval.json.
#include "analysis_command.h"
#include "parser.h"

#include "api/accuracy_interval.h"
#include "api/analysis.h"
#include "api/probe_grid.h"
#include "api/run_directory.h"
#include "api/run_lock.h"
#include "common/config.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

std::string fmt(double v, int precision = 4) {
    if (std::isnan(v)) return "n/a";
    std::ostringstream o;
    o.setf(std::ios::fixed);
    o.precision(precision);
    o << v;
    return o.str();
}

std::string grid(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

// "0.8123 [0.79, 0.83]": an accuracy with its 95 % Wilson interval over n images.
std::string withInterval(double acc, int64_t n) {
    if (std::isnan(acc)) return "n/a";
    const api::Interval i = api::accuracyInterval(acc, n);
    return fmt(acc) + " [" + fmt(i.lower, 3) + ", " + fmt(i.upper, 3) + "]";
}

void printProbe(const api::EvalReport& r) {
    const api::ProbeMetrics &t = r.trained.probe, &b = r.baseline.probe;
    if (!t.present) return;
    std::printf("linear probe: class tokens of the last %d block%s (%lld-d), L2-normalised and standardised; %zu heads (lr x wd) "
                "trained %d epochs on %s, chosen on %s (%lld images), reported on %s\n",
                t.blocks, t.blocks == 1 ? "" : "s", static_cast<long long>(t.feature_dim), t.grid.size(), t.epochs,
                r.train_split.c_str(), t.val_split.c_str(), static_cast<long long>(t.n_val), r.test_split.c_str());
    std::printf("%-26s %24s %24s\n", "", "teacher", "random-init");
    std::printf("%-26s %24s %24s\n", "val accuracy (95 % CI)", withInterval(t.val_accuracy, t.n_val).c_str(),
                b.present ? withInterval(b.val_accuracy, b.n_val).c_str() : "n/a");
    std::printf("%-26s %24s %24s\n", "test accuracy (95 % CI)", withInterval(t.test_accuracy, r.n_test).c_str(),
                b.present ? withInterval(b.test_accuracy, r.n_test).c_str() : "n/a");
    std::printf("%-26s %24s %24s\n", "test macro AUC", fmt(t.test_auc).c_str(), b.present ? fmt(b.test_auc).c_str() : "n/a");
    std::printf("%-26s %24s %24s\n", "train accuracy", fmt(t.train_accuracy).c_str(),
                b.present ? fmt(b.train_accuracy).c_str() : "n/a");
    std::printf("%-26s %24s %24s\n", "chosen lr / wd", (grid(t.lr) + " / " + grid(t.wd)).c_str(),
                b.present ? (grid(b.lr) + " / " + grid(b.wd)).c_str() : "n/a");
    std::printf("%-26s %24s %24s\n", "probe seconds", fmt(t.seconds, 1).c_str(), b.present ? fmt(b.seconds, 1).c_str() : "n/a");
    for (const auto& [who, probe] : {std::pair<const char*, const api::ProbeMetrics*>{"teacher", &t}, {"random init", &b}}) {
        const std::string note = api::probeGridEdgeNote(*probe);
        if (!note.empty()) std::printf("note (%s): %s\n", who, note.c_str());
    }
    std::printf("\n");
}

void printEval(const api::EvalReport& r) {
    std::printf("checkpoint: epoch %d, step %lld; features in %s, k-NN in fp32; teacher evaluated at %.0f images/s\n",
                r.epoch, static_cast<long long>(r.step), r.precision.c_str(), r.images_per_s);
    std::printf("memory bank: %s (%lld images), queries: %s (%lld images), k = %d, T = %g\n\n", r.train_split.c_str(),
                static_cast<long long>(r.n_train), r.test_split.c_str(), static_cast<long long>(r.n_test), r.knn_k,
                r.knn_temperature);
    const std::string knn = std::to_string(r.knn_k) + "-NN accuracy";
    std::printf("%-26s %12s %12s\n", "", "teacher", "random-init");
    std::printf("%-26s %12s %12s\n", "1-NN accuracy", fmt(r.trained.nn1_accuracy).c_str(),
                fmt(r.baseline.nn1_accuracy).c_str());
    std::printf("%-26s %12s %12s\n", knn.c_str(), fmt(r.trained.knn_accuracy).c_str(),
                fmt(r.baseline.knn_accuracy).c_str());
    std::printf("%-26s %12s %12s\n\n", "macro AUC (one-vs-rest)", fmt(r.trained.auc).c_str(), fmt(r.baseline.auc).c_str());
    printProbe(r);

    std::printf("per class (%d-NN):\n  %-3s %-40s %8s %9s %12s\n", r.knn_k, "#", "class", "support", "teacher",
                "random-init");
    for (size_t c = 0; c < r.trained.per_class.size(); ++c) {
        const auto& t = r.trained.per_class[c];
        const double b = c < r.baseline.per_class.size() ? r.baseline.per_class[c].accuracy : NAN;
        std::printf("  %-3zu %-40s %8lld %9s %12s\n", c, t.name.substr(0, 40).c_str(),
                    static_cast<long long>(t.support), fmt(t.accuracy, 3).c_str(), fmt(b, 3).c_str());
    }
    std::printf("\nconfusion matrix of the teacher (%d-NN; rows = true class, columns = predicted):\n     ", r.knn_k);
    for (size_t c = 0; c < r.trained.confusion.size(); ++c) std::printf("%6zu", c);
    std::printf("\n");
    for (size_t t = 0; t < r.trained.confusion.size(); ++t) {
        std::printf("  %-3zu", t);
        for (int64_t v : r.trained.confusion[t]) std::printf("%6lld", static_cast<long long>(v));
        std::printf("\n");
    }
}

int runEval(const Args& args) {
    std::string dir, checkpoint, split;
    Parser p("eval",
             "k-NN evaluation of the run's teacher encoder (Part V of the seed) beside a random-initialised\n"
             "model built with the run's seed: features of un-augmented, normalised images, L2-normalised;\n"
             "the seed's 1-NN cosine accuracy; DINO's weighted k-NN (eval.knn_k neighbours vote with\n"
             "exp(similarity / eval.knn_temperature)) with per-class accuracy and confusion matrix; and\n"
             "MedMNIST's macro one-vs-rest AUC from the normalised votes. The memory bank is eval.train_split,\n"
             "the queries eval.test_split. With eval.linear_probe (the default) also a linear probe of both\n"
             "models (docs/linear-probe.md): linear classifiers on the frozen features of eval.train_split for\n"
             "every eval.probe_lrs x eval.probe_wds, the best on eval.probe_val_split reported on the queries.\n"
             "Writes DIR/eval.json.\n");
    p.positional("DIR", dir, "the run directory")
        .text("--checkpoint", checkpoint, "FILE", "evaluate this checkpoint instead of DIR/checkpoints/last.ckpt")
        .text("--split", split, "NAME",
              "classify this split (train, val or test) instead of eval.test_split; the report goes to "
              "DIR/eval_NAME.json")
        .footer("exit codes: 0 ok, 1 failure, 2 bad usage or config, 3 cancelled (Ctrl-C), 4 data error\n");
    if (auto code = p.parse(args)) return *code;
    // Allowed while the run trains: checkpoints and eval.json are written whole (temp file + rename).
    if (auto w = api::runWriter(dir))
        std::fprintf(stderr, "note: %s is being trained by %s; this evaluates the checkpoint as it is now, and the "
                             "run's own evaluation at its end replaces eval.json\n",
                     dir.c_str(), api::describeWriter(*w).c_str());
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line("evaluating (teacher, then random init)");
        const auto r = api::evaluateRun(
            dir, checkpoint,
            [&](int64_t d, int64_t t) {
                reachPhase("evaluation");
                line(d, t);
            },
            interruptFlag(), split);
        line.done();
        printEval(r);
        const auto cfg = loadConfigFile((fs::path(dir) / "config.json").string());
        const bool other = !split.empty() && split != cfg.eval.test_split;
        std::printf("\nwrote %s\n", (other ? api::runSplitEvalPath(dir, split) : api::runEvalPath(dir)).c_str());
        return int(kOk);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("eval", "k-NN and linear-probe evaluation of a run's teacher vs a random-init baseline (eval.json)", dino::cli::runEval);
