// `dino export`: the run's teacher encoder as safetensors with timm's parameter names.
#include "analysis_command.h"
#include "parser.h"

#include "api/analysis.h"
#include "api/interop.h"

#include <cstdio>
#include <filesystem>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

int runExport(const Args& args) {
    std::string dir, format = "safetensors", out, checkpoint;
    Parser p("export",
             "Writes the run's teacher encoder (no head) as safetensors with timm's parameter names\n"
             "(cls_token, pos_embed, patch_embed.proj.weight, blocks.N..., norm.*) and a metadata block with\n"
             "the model configuration (timm_args: the keyword arguments of timm's VisionTransformer). In Python:\n\n"
             "  import json, timm, safetensors.torch as st\n"
             "  from safetensors import safe_open\n"
             "  meta = safe_open(FILE, 'pt').metadata()\n"
             "  vit = timm.models.vision_transformer.VisionTransformer(**json.loads(meta['timm_args']))\n"
             "  vit.load_state_dict(st.load_file(FILE))\n");
    p.positional("DIR", dir, "the run directory")
        .choice("--format", format, {"safetensors"}, "the only format (default)")
        .text("--out", out, "FILE", "default: DIR/teacher_encoder.safetensors")
        .text("--checkpoint", checkpoint, "FILE", "export this checkpoint instead of DIR/checkpoints/last.ckpt");
    if (auto code = p.parse(args)) return *code;
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
