// The run configuration: one plain struct shared by the CLI, the GUI and the engine.
// Torch-free and Qt-free. Defaults are the seed notebook's values (Assignment 08 - DINO).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dino {

// Where the training images come from.
struct DataConfig {
    // "sample" = the bundled PathMNIST sample; a MedMNIST flag such as "pathmnist" = the
    // downloaded official file in cache_dir; anything ending in .npz = that file.
    std::string dataset = "sample";
    std::string train_split = "train";
    std::string cache_dir;     // empty: $DINO_DATA_DIR, else ~/.medmnist (like the Python package)
    int64_t subset = 0;        // use only the first N training images (0 = all); for quick runs
    int size = 28;             // MedMNIST image size to download/load (28, 64, 128, 224)
};

// Multi-crop views and their augmentations (seed Part III). Every probability and range is a field.
struct ViewsConfig {
    int num_global = 2;
    int num_local = 2;
    int local_crop_size = 0;   // output side of local views; 0 = image size (the seed)
    double jitter_p = 0.8;
    double brightness = 0.4, contrast = 0.4, saturation = 0.2, hue = 0.1;
    double hflip_p = 0.5, vflip_p = 0.5;
    int blur_kernel = 5;
    double blur_sigma_min = 0.1, blur_sigma_max = 1.0;
    double blur_p_global1 = 1.0, blur_p_global2 = 0.1, blur_p_local = 0.5;
    double solarize_p = 0.2;   // global 2 only
    double solarize_threshold = 0.5;
    double crop_scale_min = 0.2, crop_scale_max = 0.8;               // local views
    double crop_ratio_min = 3.0 / 4.0, crop_ratio_max = 4.0 / 3.0;
    // Global views as random resized crops of this area range (official DINO: 0.4-1). 1-1 = the whole
    // image, as in the seed (its global views are never cropped).
    double global_crop_scale_min = 1.0, global_crop_scale_max = 1.0;
    // Quarter turns (90, 180 or 270 degrees, equally likely) with this probability; 0.75 makes all four
    // orientations equally likely (tissue has no up). 0 = off, the seed.
    double rotate90_p = 0.0;
    // H&E stain jitter (Tellez et al. 2019): colour deconvolution into haematoxylin, eosin and DAB
    // (Ruifrok and Johnston's matrix, scikit-image's rgb2hed), each stain scaled by a factor from
    // [1 - scale, 1 + scale] and shifted by [-shift, shift], back to RGB. The shift is in scikit-image's
    // stain units (optical density / -ln(1e-6); PathMNIST tissue holds about 0.01-0.1): 0.05/0.005 looks
    // like Tellez's HED-light, 0.2/0.02 like HED-strong. Skipped on grey data sets, like saturation and hue.
    double stain_p = 0.0;
    double stain_scale = 0.05, stain_shift = 0.005;
    // Normalisation. Empty = PathMNIST's constants for PathMNIST, else computed from the train split.
    std::vector<double> mean, std;
};

// ViT encoder + DINO head. Defaults: the seed's vit_tiny and ViTTinyDINO(out_dim=256).
struct ModelConfig {
    int patch_size = 4;
    int embed_dim = 192;
    int depth = 12;
    int num_heads = 3;
    double mlp_ratio = 4.0;
    int out_dim = 256;
    int head_nlayers = 3;
    int head_hidden_dim = 0;      // 0 = 2 * embed_dim (seed)
    int head_bottleneck_dim = 0;  // 0 = embed_dim / 2 (seed)
    std::string init_weights;     // optional safetensors file (timm names) to start the encoder from
    // iBOT (optim.ibot_weight > 0): the patch tokens go through a head of their own, the DINO head's shape
    // (DINOv2's ibot.separate_head), instead of the DINO head shared with the class token (the default).
    bool ibot_separate_head = false;
    // Stochastic depth (Huang et al. 2016; official DINO's --drop_path_rate, 0.1 for ViT-S/16): in the
    // student only, each block's attention and MLP branch is skipped for a whole view with a probability
    // rising linearly over the blocks from 0 to this rate (timm's schedule), and scaled by 1 / (1 - p)
    // where it is kept. 0 = off (the seed).
    double drop_path_rate = 0.0;
    // The head's last layer is weight-normalised: each prototype row is g * v / ||v||. true = the lengths g
    // stay 1 and are not trained (the seed; official DINO's --norm_last_layer default). false = g starts at 1
    // and trains with the rest (weight decay and the last layer's freeze included), as official DINO sets it
    // for ViT-S: "better performance but can make the training unstable".
    bool norm_last_layer = true;

    int hiddenDim() const { return head_hidden_dim > 0 ? head_hidden_dim : 2 * embed_dim; }
    int bottleneckDim() const { return head_bottleneck_dim > 0 ? head_bottleneck_dim : embed_dim / 2; }
};

// Optimisation and the four DINO schedules (seed Part IV).
struct OptimConfig {
    int batch_size = 256;
    int epochs = 15;
    int64_t max_steps_per_epoch = 0;  // 0 = the whole epoch; >0 scales a run down without another code path
    double lr = 5e-4, lr_final = 2e-4, lr_warmup_pct = 0.1;
    double wd = 0.02, wd_final = 0.04;
    double teacher_temp_start = 0.04, teacher_temp = 0.07, teacher_temp_warmup_pct = 0.1;
    double momentum = 0.992, momentum_final = 0.996;
    double student_temp = 0.1;
    double center_momentum = 0.9;
    // Options from official DINO, off by default for seed fidelity.
    double clip_grad = 0.0;          // per-parameter gradient norm clip; 0 = off
    int freeze_last_layer_epochs = 0;
    bool no_wd_bias_norm = false;    // exclude biases and norm weights from weight decay
    int64_t freeze_last_layer_steps = 0;  // as freeze_last_layer_epochs, counted in steps (both apply)
    // DINOv2's remedies against collapse, off by default (the seed).
    std::string centering = "ema";   // ema: the seed's centre; sinkhorn: Sinkhorn-Knopp teacher targets
    int sinkhorn_iterations = 3;
    double koleo_weight = 0.0;       // KoLeo regulariser on the student's class tokens (DINOv2: 0.1)
    // iBOT's masked-patch objective (docs/ibot.md), off by default: block masks on the student's global
    // views, whose masked patch tokens predict the teacher's patch tokens of the unmasked views.
    double ibot_weight = 0.0;             // weight of the patch loss; 0 = off (DINOv2 and iBOT: 1)
    double ibot_mask_ratio_min = 0.1;     // a masked view hides this to ...
    double ibot_mask_ratio_max = 0.5;     // ... this fraction of its patches (DINOv2: 0.1-0.5)
    double ibot_mask_probability = 0.5;   // fraction of the global views that are masked (DINOv2: 0.5)
};

struct EvalConfig {
    int knn_k = 20;
    double knn_temperature = 0.07;
    int eval_every_epochs = 0;        // 0 = only at the end of training
    bool eval_at_end = true;
    std::string train_split = "train";  // the kNN memory bank
    std::string test_split = "test";
    int batch_size = 256;
    // Live k-NN during training: every N steps (0 = off) the teacher's features of up to knn_live_max
    // images of train_split (the memory bank) classify up to knn_live_max images of knn_live_split.
    int64_t knn_every_steps = 0;
    std::string knn_live_split = "val";
    int64_t knn_live_max = 1000;
    // Linear probe (docs/linear-probe.md): linear classifiers on the frozen, L2-normalised class tokens of
    // the last probe_blocks blocks (at most model.depth), one per (lr, wd) of the grid, trained together on
    // train_split for probe_epochs (SGD, momentum 0.9, cosine lr, batches of probe_batch_size), the best
    // on probe_val_split reported on test_split; for the teacher and the random-init baseline.
    bool linear_probe = true;
    int probe_blocks = 4;
    int probe_epochs = 100;
    int probe_batch_size = 256;
    std::vector<double> probe_lrs = {0.1, 0.3, 1, 3, 10, 30};
    std::vector<double> probe_wds = {0, 1e-4, 1e-3};
    std::string probe_val_split = "val";
};

struct SystemConfig {
    int threads = 0;                 // 0 = all physical cores
    std::string device = "auto";     // auto | cpu | cuda
    std::string precision = "auto";  // auto (bf16 where the device computes it natively) | fp32 | bf16
    uint64_t seed = 0;
    int loader_workers = 1;          // augmentation threads
    int prefetch_batches = 2;
    // Checkpoint retention: last.ckpt (full, for resume) always; of the per-epoch snapshots
    // epoch_NNN.ckpt the newest keep_checkpoints (-1 = all, 0 = none) plus every
    // checkpoint_every_epochs-th epoch (0 = none). "weights" snapshots hold student, teacher and
    // centre only (half the size); "full" ones also the optimizer state and RNG (resumable).
    int keep_checkpoints = 2;
    int checkpoint_every_epochs = 0;
    std::string epoch_checkpoints = "weights";  // weights | full
    // Data-parallel training over c10d (engine/training/process_group.h): processes on this machine
    // that `dino train` starts (1 = one process; a launcher's WORLD_SIZE takes precedence), the
    // backend (auto = NCCL on CUDA where built, else Gloo) and how long a collective may wait.
    int processes = 1;
    std::string dist_backend = "auto";  // auto | gloo | nccl
    double dist_timeout_s = 600;
};

struct RunConfig {
    DataConfig data;
    ViewsConfig views;
    ModelConfig model;
    OptimConfig optim;
    EvalConfig eval;
    SystemConfig system;
};

// One problem with one field, e.g. {"views.num_global", "must be >= 2 (got 1)"}.
struct FieldError {
    std::string field;
    std::string message;
};

// Thrown by parsing and validation: what() lists every problem, fields() has them one by one.
class ConfigError : public std::runtime_error {
public:
    ConfigError(const std::string& where, std::vector<FieldError> errors);
    const std::vector<FieldError>& fields() const { return errors_; }

private:
    std::vector<FieldError> errors_;
};

// Validates ranges and relations (num_global >= 2, temperatures > 0, momenta in [0,1], ...).
// The dataset size is not known here; batch <= dataset size is checked when data is opened.
std::vector<FieldError> validate(const RunConfig& cfg);

// JSON text <-> config. Unknown fields and wrong types are errors naming the field.
// `where` (a file name) is used in messages.
RunConfig configFromJson(const std::string& json_text, const std::string& where = "config");
std::string configToJson(const RunConfig& cfg);
RunConfig loadConfigFile(const std::string& path);   // parse + validate; throws ConfigError
void saveConfigFile(const RunConfig& cfg, const std::string& path);  // atomic write

// Applies "section.field=value" (value parsed as JSON, or as a string if that fails).
void applyOverride(RunConfig& cfg, const std::string& assignment);

// Named presets: "seed" (the notebook's run, a GPU job), "quick" (DINO that learns in a few minutes on
// 2 CPU cores, the bundled sample), "cpu-hour" (a full MedMNIST-size set in about an hour on 2 CPU cores)
// and "tiny" (plumbing tests).
RunConfig presetConfig(const std::string& name);
std::vector<std::string> presetNames();

// One-sentence explanation of a field ("optim.lr" -> "..."), for tooltips and `dino train --help-fields`;
// empty for an unknown key. Every field is described in one table: common/config_schema.h.
std::string fieldHelp(const std::string& field);

}  // namespace dino
