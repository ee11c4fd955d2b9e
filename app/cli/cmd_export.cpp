// `dino export`: the run's teacher encoder as safetensors with timm's parameter names, or the run's curves,
// results and configuration as TensorBoard event files.
#include "analysis_command.h"
#include "parser.h"

#include "api/analysis.h"
#include "api/interop.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

// --format tensorboard: the run, or every run in the folder DIR, as TensorBoard event files under out.
int exportTensorBoard(const std::string& dir, std::string out) {
    if (out.empty()) out = (fs::path(dir) / "tensorboard").string();
    std::vector<std::string> runs;
    if (fs::exists(fs::path(dir) / "config.json")) {
        runs.push_back(dir);
    } else if (fs::is_directory(dir)) {
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_directory() && fs::exists(e.path() / "config.json")) runs.push_back(e.path().string());
        std::sort(runs.begin(), runs.end());
    }
    if (runs.empty()) {
        std::fprintf(stderr, "dino export: %s is neither a run directory (config.json) nor a folder of runs\n", dir.c_str());
        return kFailure;
    }
    return guarded([&] {
        for (const std::string& run : runs) {
            checkInterrupted("export");
            const api::TensorBoardExport r = api::exportTensorBoard(run, out);
            std::printf("wrote %s: %lld scalars in %d tags, %d hparams\n", r.file.c_str(),
                        static_cast<long long>(r.scalars), r.tags, r.hparams);
        }
        std::printf("view with: tensorboard --logdir %s\n", out.c_str());
        return int(kOk);
    });
}

int runExport(const Args& args) {
    std::string dir, format = "safetensors", out, checkpoint;
    Parser p("export",
             "--format safetensors (default): writes the run's teacher encoder (no head) as safetensors with\n"
             "timm's parameter names\n"
             "(cls_token, pos_embed, patch_embed.proj.weight, blocks.N..., norm.*) and a metadata block with\n"
             "the model configuration (timm_args: the keyword arguments of timm's VisionTransformer). In Python:\n\n"
             "  import json, timm, safetensors.torch as st\n"
             "  from safetensors import safe_open\n"
             "  meta = safe_open(FILE, 'pt').metadata()\n"
             "  vit = timm.models.vision_transformer.VisionTransformer(**json.loads(meta['timm_args']))\n"
             "  vit.load_state_dict(st.load_file(FILE))\n\n"
             "--format tensorboard: writes the run's curves (metrics.csv as train/*, knn.csv as knn/*), its results\n"
             "(eval/*) and its configuration (as hparams, TensorBoard's HParams tab) as a TensorBoard event file in\n"
             "OUT/<run name>/; DIR may also be a folder of runs (each subfolder with a config.json). Then:\n\n"
             "  tensorboard --logdir OUT\n");
    p.positional("DIR", dir, "the run directory (tensorboard: or a folder of runs)")
        .choice("--format", format, {"safetensors", "tensorboard"}, "safetensors (default) or tensorboard")
        .text("--out", out, "PATH",
              "default: DIR/teacher_encoder.safetensors; tensorboard: the log folder, default DIR/tensorboard")
        .text("--checkpoint", checkpoint, "FILE", "export this checkpoint instead of DIR/checkpoints/last.ckpt");
    if (auto code = p.parse(args)) return *code;
    if (format == "tensorboard") {
        if (!checkpoint.empty()) {
            std::fprintf(stderr, "dino export: --checkpoint goes with --format safetensors, not tensorboard (see dino export --help)\n");
            return kUsage;
        }
        return exportTensorBoard(dir, out);
    }
    if (out.empty()) out = (fs::path(dir) / "teacher_encoder.safetensors").string();
    return guarded([&] {
        CancelScope cancellable;
        checkInterrupted("start-up");
        checkInterrupted("export");  // the file is written whole (temp name + rename) or not at all
        api::exportSafetensors(dir, out, checkpoint);
        const auto w = api::inspectWeights(out);
        std::printf("wrote %s: %lld tensors, %lld parameters (timm VisionTransformer names)\n", out.c_str(),
                    static_cast<long long>(w.tensors), static_cast<long long>(w.values));
        for (const auto& [k, v] : w.metadata)
            if (k == "timm_args") std::printf("timm_args: %s\n", v.c_str());
        return int(kOk);
    });
}

}  // namespace
}  // namespace dino::cli

DINO_COMMAND("export", "teacher encoder as timm-named safetensors", dino::cli::runExport);
