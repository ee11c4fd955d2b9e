// `dino eval`, `dino histogram`, `dino embed`, `dino export`, `dino import`: the seed's Parts V and VI
// on a run directory, and exchange of features and encoder weights with other tools.
#include "command.h"
#include "analysis_command.h"
#include "interrupt.h"

#include "api/analysis.h"
#include "api/interop.h"
#include "api/training_run.h"
#include "common/config.h"
#include "common/fsutil.h"
#include "common/cancellation.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

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

// ---------------------------------------------------------------- eval

const char* kEvalUsage =
    "usage: dino eval DIR [--checkpoint FILE]\n\n"
    "k-NN evaluation of the run's teacher encoder (Part V of the seed) beside a random-initialised\n"
    "model built with the run's seed: features of un-augmented, normalised images, L2-normalised;\n"
    "the seed's 1-NN cosine accuracy; DINO's weighted k-NN (eval.knn_k neighbours vote with\n"
    "exp(similarity / eval.knn_temperature)) with per-class accuracy and confusion matrix; and\n"
    "MedMNIST's macro one-vs-rest AUC from the normalised votes. The memory bank is eval.train_split,\n"
    "the queries eval.test_split. Writes DIR/eval.json.\n\n"
    "options:\n"
    "  --checkpoint FILE  evaluate this checkpoint instead of DIR/checkpoints/last.ckpt\n"
    "  --split NAME       classify this split (train, val or test) instead of eval.test_split;\n"
    "                     the report goes to DIR/eval_NAME.json\n\n"
    "exit codes: 0 ok, 1 failure, 2 bad usage or config, 3 cancelled (Ctrl-C), 4 data error\n";

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

int runEval(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kEvalUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--checkpoint", "--split"});
    if (pos.size() != 1) return usageError("expected one run directory", kEvalUsage);
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line("evaluating (teacher, then random init)");
        const std::string split = option(a, "--split");
        const auto r = api::evaluateRun(
            pos[0], option(a, "--checkpoint"),
            [&](int64_t d, int64_t t) {
                reachPhase("evaluation");
                line(d, t);
            },
            interruptFlag(), split);
        line.done();
        printEval(r);
        const auto cfg = loadConfigFile((fs::path(pos[0]) / "config.json").string());
        const bool other = !split.empty() && split != cfg.eval.test_split;
        std::printf("\nwrote %s\n", (fs::path(pos[0]) / (other ? "eval_" + split + ".json" : "eval.json")).string().c_str());
        return int(kOk);
    });
}

// ---------------------------------------------------------------- histogram

const char* kHistogramUsage =
    "usage: dino histogram DIR [--split NAME] [--checkpoint FILE] [--csv OUT.csv] [--all] [--sort]\n\n"
    "Part VI of the seed: the teacher's pseudo-label (argmax of its head) for every image of a split,\n"
    "counted per label (torch.bincount over model.out_dim bins), with the entropy of that histogram\n"
    "and the number of labels in use. Writes DIR/pseudo_labels.json.\n\n"
    "options:\n"
    "  --split NAME       train, val or test (default: eval.test_split of the run)\n"
    "  --checkpoint FILE  use this checkpoint instead of DIR/checkpoints/last.ckpt\n"
    "  --csv OUT.csv      also write pseudo_label,count for every bin\n"
    "  --all              show empty bins too\n"
    "  --sort             largest bins first\n";

int runHistogram(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kHistogramUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--split", "--checkpoint", "--csv"});
    if (pos.size() != 1) return usageError("expected one run directory", kHistogramUsage);
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        const auto r = api::pseudoLabels(pos[0], option(a, "--split"), option(a, "--checkpoint"));
        checkInterrupted("evaluation");  // pseudo_labels.json is written; the CSV is not
        std::vector<size_t> order;
        for (size_t i = 0; i < r.counts.size(); ++i)
            if (r.counts[i] > 0 || hasFlag(a, "--all")) order.push_back(i);
        if (hasFlag(a, "--sort"))
            std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return r.counts[x] > r.counts[y]; });
        const int64_t top = r.counts.empty() ? 0 : *std::max_element(r.counts.begin(), r.counts.end());
        const int width = 50;
        std::printf("teacher pseudo-labels on %s: %lld images, %zu bins\n\n%6s  %-*s %s\n", r.split.c_str(),
                    static_cast<long long>(r.n_images), r.counts.size(), "label", width, "", "count");
        for (size_t i : order) {
            const int len = top > 0 ? int(std::lround(double(width) * double(r.counts[i]) / double(top))) : 0;
            std::printf("%6zu  %-*s %lld\n", i, width, std::string(size_t(std::max(len, r.counts[i] > 0 ? 1 : 0)), '#').c_str(),
                        static_cast<long long>(r.counts[i]));
        }
        if (!hasFlag(a, "--all") && r.used < int(r.counts.size()))
            std::printf("(%zu empty bins not shown; --all shows them)\n", r.counts.size() - size_t(r.used));
        std::printf("\nentropy %.4f nats of %.4f possible (%.1f%%); %d of %zu pseudo-labels used\n", r.entropy,
                    r.max_entropy, r.max_entropy > 0 ? 100.0 * r.entropy / r.max_entropy : 0.0, r.used,
                    r.counts.size());
        const std::string csv = option(a, "--csv");
        if (!csv.empty()) {
            std::string text = "pseudo_label,count\n";
            for (size_t i = 0; i < r.counts.size(); ++i) text += std::to_string(i) + "," + std::to_string(r.counts[i]) + "\n";
            writeFileAtomic(csv, text);
            std::printf("wrote %s\n", csv.c_str());
        }
        std::printf("wrote %s\n", (fs::path(pos[0]) / "pseudo_labels.json").string().c_str());
        return int(kOk);
    });
}

// ---------------------------------------------------------------- embed

const char* kEmbedUsage =
    "usage: dino embed DIR --out FEATS.npy [--split NAME] [--checkpoint FILE]\n\n"
    "Writes the teacher encoder's features of a split (un-augmented, normalised images; each row\n"
    "L2-normalised) as a float32 .npy array (N, D), and the class labels as an int64 .npy (N,)\n"
    "beside it (FEATS.labels.npy), for numpy.load in other tools.\n\n"
    "options:\n"
    "  --out FEATS.npy    where to write the features (required)\n"
    "  --split NAME       train, val or test (default: eval.test_split of the run)\n"
    "  --checkpoint FILE  use this checkpoint instead of DIR/checkpoints/last.ckpt\n";

int runEmbed(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kEmbedUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--split", "--checkpoint", "--out"});
    if (pos.size() != 1) return usageError("expected one run directory", kEmbedUsage);
    const std::string out = option(a, "--out");
    if (out.empty()) return usageError("--out FEATS.npy is required", kEmbedUsage);
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        PercentLine line("computing features");
        const auto e = api::exportEmbeddings(pos[0], option(a, "--split"), out, option(a, "--checkpoint"),
                                             [&](int64_t d, int64_t t) {
                                                 reachPhase("evaluation");
                                                 line(d, t);
                                             },
                                             interruptFlag());
        line.done();
        std::printf("wrote %s (%lld x %d float32, rows L2-normalised; split %s)\nwrote %s (%lld int64 labels)\n",
                    e.features.c_str(), static_cast<long long>(e.n), e.dim, e.split.c_str(), e.labels.c_str(),
                    static_cast<long long>(e.n));
        return int(kOk);
    });
}

// ---------------------------------------------------------------- export

const char* kExportUsage =
    "usage: dino export DIR [--format safetensors] [--out FILE] [--checkpoint FILE]\n\n"
    "Writes the run's teacher encoder (no head) as safetensors with timm's parameter names\n"
    "(cls_token, pos_embed, patch_embed.proj.weight, blocks.N..., norm.*) and a metadata block with\n"
    "the model configuration (timm_args: the keyword arguments of timm's VisionTransformer). In Python:\n\n"
    "  import json, timm, safetensors.torch as st\n"
    "  from safetensors import safe_open\n"
    "  meta = safe_open(FILE, 'pt').metadata()\n"
    "  vit = timm.models.vision_transformer.VisionTransformer(**json.loads(meta['timm_args']))\n"
    "  vit.load_state_dict(st.load_file(FILE))\n\n"
    "options:\n"
    "  --format safetensors  the only format (default)\n"
    "  --out FILE            default: DIR/teacher_encoder.safetensors\n"
    "  --checkpoint FILE     export this checkpoint instead of DIR/checkpoints/last.ckpt\n";

int runExport(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kExportUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--format", "--out", "--checkpoint"});
    if (pos.size() != 1) return usageError("expected one run directory", kExportUsage);
    const std::string format = option(a, "--format", "safetensors");
    if (format != "safetensors") return usageError("unknown --format '" + format + "' (supported: safetensors)", kExportUsage);
    std::string out = option(a, "--out");
    if (out.empty()) out = (fs::path(pos[0]) / "teacher_encoder.safetensors").string();
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        checkInterrupted("export");  // the file is written whole (temp name + rename) or not at all
        api::exportSafetensors(pos[0], out, option(a, "--checkpoint"));
        const auto w = api::inspectWeights(out);
        std::printf("wrote %s: %lld tensors, %lld parameters (timm VisionTransformer names)\n", out.c_str(),
                    static_cast<long long>(w.tensors), static_cast<long long>(w.values));
        for (const auto& [k, v] : w.metadata)
            if (k == "timm_args") std::printf("timm_args: %s\n", v.c_str());
        return int(kOk);
    });
}

// ---------------------------------------------------------------- import

const char* kImportUsage =
    "usage: dino import WEIGHTS.safetensors [--config cfg.json] [--preset NAME] [--set K=V ...] [--out cfg.json]\n\n"
    "Checks that a safetensors file with timm VisionTransformer names (e.g. from `dino export`, or\n"
    "timm's state_dict saved with safetensors) loads into the encoder of a run configuration, and\n"
    "writes that configuration with model.init_weights set to the file, so that\n"
    "`dino train --config cfg.json --run DIR` starts from these weights instead of random ones.\n"
    "When the file's metadata names its architecture (timm_args), the model fields are taken from it.\n\n"
    "options:\n"
    "  --config FILE  base configuration (default: the preset)\n"
    "  --preset NAME  seed (default), quick or tiny\n"
    "  --set K=V      override a field of the base configuration\n"
    "  --out FILE     write the configuration here (otherwise only the check and a hint are printed)\n";

int runImport(const Args& a) {
    if (wantsHelp(a)) {
        std::cout << kImportUsage;
        return kOk;
    }
    const auto pos = positionals(a, {"--config", "--preset", "--set", "--out"});
    if (pos.size() != 1) return usageError("expected one weights file", kImportUsage);
    RunConfig base = presetConfig(option(a, "--preset", "seed"));
    const std::string cfg_file = option(a, "--config");
    if (!cfg_file.empty()) base = loadConfigFile(cfg_file);
    for (const auto& s : options(a, "--set")) applyOverride(base, s);

    const auto w = api::inspectWeights(pos[0]);
    std::printf("%s: %lld tensors, %lld values\n", pos[0].c_str(), static_cast<long long>(w.tensors),
                static_cast<long long>(w.values));
    if (w.has_architecture)
        std::printf("architecture: ViT img_size %d, patch %d, embed_dim %d, depth %d, heads %d, mlp_ratio %g\n",
                    w.img_size, w.patch_size, w.embed_dim, w.depth, w.num_heads, w.mlp_ratio);
    else
        std::printf("no timm_args metadata: the configuration's model fields are used as they are\n");
    const RunConfig cfg = api::configForWeights(base, pos[0]);
    std::printf("ok: every tensor matches the encoder of the configuration by name, shape and dtype\n");
    const std::string out = option(a, "--out");
    if (out.empty()) {
        std::printf("start a run from these weights with:\n  dino train ... --set model.init_weights=%s\n",
                    cfg.model.init_weights.c_str());
    } else {
        saveConfigFile(cfg, out);
        std::printf("wrote %s (model.init_weights = %s)\nstart the run with:\n  dino train --config %s --run DIR\n",
                    out.c_str(), cfg.model.init_weights.c_str(), out.c_str());
    }
    return int(kOk);
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("eval", "k-NN evaluation of a run's teacher vs a random-init baseline (eval.json)", dino::cli::runEval);
DINO_COMMAND("histogram", "the teacher's pseudo-label histogram over a split, with its entropy", dino::cli::runHistogram);
DINO_COMMAND("embed", "teacher features and labels of a split as .npy", dino::cli::runEmbed);
DINO_COMMAND("export", "teacher encoder as timm-named safetensors", dino::cli::runExport);
DINO_COMMAND("import", "check timm-named safetensors weights and configure a run to start from them", dino::cli::runImport);
