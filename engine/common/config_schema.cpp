// The table of config fields (config_schema.h): one entry per field, in the form's order.
#include "common/config_schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

// The GUI shows the labels and help texts translated. Qt's lupdate finds translatable strings by the macro
// name QT_TRANSLATE_NOOP, so they are marked with it here (ui/CMakeLists.txt scans this file); the engine is
// Qt-free, so the macro expands to the plain English text, which the CLI prints.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace dino {

std::string formatNumber(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

namespace {

std::string num(double v) { return formatNumber(v); }

// Builds one descriptor; every setter returns the builder so that an entry reads as one expression.
struct Field {
    FieldDescriptor d;

    Field& group(const char* g) { d.group = g; return *this; }
    Field& label(const char* s) { d.label = s; return *this; }
    Field& help(const char* s) { d.help = s; return *this; }
    Field& unit(const char* u) { d.unit = u; return *this; }
    Field& atLeast(double lo, const char* note = "") { d.min = lo; d.note = note; return *this; }
    Field& above(double lo, const char* note = "") { d.min = lo; d.min_open = true; d.note = note; return *this; }
    Field& in(double lo, double hi, const char* note = "") { d.min = lo; d.max = hi; d.note = note; return *this; }
    Field& openBelow() { d.min_open = true; return *this; }
    Field& openAbove() { d.max_open = true; return *this; }
    Field& atLeastField(const char* key) { d.min_field = key; return *this; }
    Field& probability() { d.min = 0; d.max = 1; d.probability = true; return *this; }
    Field& message(const char* m) { d.message = m; return *this; }
    Field& oneOf(std::vector<std::string> c) { d.choices = std::move(c); return *this; }
    Field& suggest(std::vector<std::string> c) { d.choices = std::move(c); d.choices_open = true; return *this; }
    Field& nonEmpty(const char* m) { d.non_empty = m; return *this; }
    Field& check(std::function<void(const RunConfig&, std::vector<FieldError>&)> f) { d.check = std::move(f); return *this; }
    Field& path() { d.path = true; return *this; }
    Field& notInForm() { d.in_form = false; return *this; }
    operator FieldDescriptor() const { return d; }
};

template <class S, class T>
Field field(const char* key, S RunConfig::*sec, T S::*mem) {
    Field f;
    f.d.key = key;
    f.d.group = f.d.section();
    f.d.ref = [sec, mem](RunConfig& c) { return FieldRef(&(c.*sec.*mem)); };
    f.d.type = static_cast<FieldType>(FieldRef(static_cast<T*>(nullptr)).index());
    return f;
}

// The key is spelt from the member's name, so the two cannot drift apart.
#define DINO_FIELD(sec, mem) field(#sec "." #mem, &RunConfig::sec, &decltype(RunConfig::sec)::mem)

// Rules between fields, each attached to the field whose message it writes.
void localCropSizeRule(const RunConfig& c, std::vector<FieldError>& e) {
    const int s = c.views.local_crop_size, p = c.model.patch_size;
    if (s != 0 && s < p)
        e.push_back({"views.local_crop_size",
                     "must be 0 (image size) or at least the patch size " + std::to_string(p) + " (got " + std::to_string(s) + ")"});
    // std::max: a patch size of 0 is reported under model.patch_size, not divided by (found by fuzz_config).
    if (s != 0 && s % std::max(1, p) != 0)
        e.push_back({"views.local_crop_size",
                     "must be a multiple of the patch size " + std::to_string(p) + " (got " + std::to_string(s) + ")"});
}

void oddBlurKernel(const RunConfig& c, std::vector<FieldError>& e) {
    const int k = c.views.blur_kernel;
    if (k >= 1 && k % 2 == 0) e.push_back({"views.blur_kernel", "must be an odd integer >= 1 (got " + std::to_string(k) + ")"});
}

void threeOrNone(const std::vector<double>& v, const char* key, std::vector<FieldError>& e) {
    if (!v.empty() && v.size() != 3)
        e.push_back({key, "must be empty (automatic) or 3 numbers (got " + std::to_string(v.size()) + " numbers)"});
}

void threeMeans(const RunConfig& c, std::vector<FieldError>& e) { threeOrNone(c.views.mean, "views.mean", e); }

void positiveStd(const RunConfig& c, std::vector<FieldError>& e) {
    threeOrNone(c.views.std, "views.std", e);
    for (double s : c.views.std)
        if (!(s > 0 && std::isfinite(s))) e.push_back({"views.std", "must be > 0 (got " + num(s) + ")"});
}

void probeGrid(const RunConfig& c, std::vector<FieldError>& e) {
    if (c.eval.probe_lrs.empty()) e.push_back({"eval.probe_lrs", "must list at least one learning rate"});
    for (double v : c.eval.probe_lrs)
        if (!(v > 0 && std::isfinite(v))) e.push_back({"eval.probe_lrs", "every learning rate must be > 0 (got " + num(v) + ")"});
}

void probeWeightDecays(const RunConfig& c, std::vector<FieldError>& e) {
    if (c.eval.probe_wds.empty()) e.push_back({"eval.probe_wds", "must list at least one weight decay (0 for none)"});
    for (double v : c.eval.probe_wds)
        if (!(v >= 0 && std::isfinite(v))) e.push_back({"eval.probe_wds", "every weight decay must be >= 0 (got " + num(v) + ")"});
}

void patchDividesImage(const RunConfig& c, std::vector<FieldError>& e) {
    if (c.data.size % std::max(1, c.model.patch_size) != 0)
        e.push_back({"model.patch_size", "must divide the image size " + std::to_string(c.data.size) + " (got " +
                                             std::to_string(c.model.patch_size) + ")"});
}

void headsDivideWidth(const RunConfig& c, std::vector<FieldError>& e) {
    const auto& m = c.model;
    if (m.num_heads >= 1 && m.embed_dim % m.num_heads != 0)
        e.push_back({"model.num_heads", "must be >= 1 and divide model.embed_dim " + std::to_string(m.embed_dim) +
                                            " (got " + std::to_string(m.num_heads) + ")"});
}

void bottleneckNeedsWidth(const RunConfig& c, std::vector<FieldError>& e) {
    const auto& m = c.model;
    if (m.head_bottleneck_dim == 0 && m.embed_dim < 2)
        e.push_back({"model.head_bottleneck_dim", "must be >= 0 (0 = embed_dim / 2) (got 0)"});
}

void processesShareTheBatch(const RunConfig& c, std::vector<FieldError>& e) {
    const auto& s = c.system;
    // A batch size below 1 is its own field's error, not one of this field too.
    if (c.optim.batch_size >= 1 && s.processes > c.optim.batch_size)
        e.push_back({"system.processes", "must be <= optim.batch_size (" + std::to_string(c.optim.batch_size) +
                                             "): each process takes a share of every batch (got " +
                                             std::to_string(s.processes) + ")"});
}

void ibotNeedsMasks(const RunConfig& c, std::vector<FieldError>& e) {
    const auto& o = c.optim;
    if (!(o.ibot_weight > 0)) return;
    // Without a masked patch the loss is 0 and the weight does nothing (DINOv2 asserts the same).
    if (!(o.ibot_mask_ratio_max > 0))
        e.push_back({"optim.ibot_mask_ratio_max", "must be > 0 when optim.ibot_weight > 0 (no patch would be masked; got " +
                                                       num(o.ibot_mask_ratio_max) + ")"});
    if (!(o.ibot_mask_probability > 0))
        e.push_back({"optim.ibot_mask_probability", "must be > 0 when optim.ibot_weight > 0 (no view would be masked; got " +
                                                          num(o.ibot_mask_probability) + ")"});
}

std::vector<FieldDescriptor> buildTable() {
    return {

        // data
        DINO_FIELD(data, dataset).nonEmpty("must name 'sample', a MedMNIST flag or an .npz file").notInForm()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Dataset"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Training data: 'sample' (bundled PathMNIST sample), a MedMNIST flag such as 'pathmnist' (downloaded), or a path to a MedMNIST .npz file.")),
        DINO_FIELD(data, train_split).suggest({"train", "val", "test"}).nonEmpty("must be train, val or test")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Training split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Which split of the file to train on (train, val or test).")),
        DINO_FIELD(data, subset).atLeast(0, "0 = all images").unit("images")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Use first N images (0 = all)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Train on only the first N images (0 = all) to make a run quicker.")),
        DINO_FIELD(data, size).oneOf({"28", "64", "128", "224"}).unit("px")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Image size (px)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "MedMNIST image size in pixels (28 is the seed's).")),
        DINO_FIELD(data, cache_dir).path()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Download folder"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Where downloaded MedMNIST files are kept (empty: ~/.medmnist).")),

        // views
        DINO_FIELD(views, num_global).atLeast(2, "Global 1 and Global 2 each at least once")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global views"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of global views per image (>= 2); the teacher sees only these.")),
        DINO_FIELD(views, num_local).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local views"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of local views per image (>= 1); only the student sees them.")),
        DINO_FIELD(views, local_crop_size).unit("px").check(localCropSizeRule)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local view size (0 = image)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Side of the local views in pixels (0 = image size, as in the seed; smaller is cheaper).")),
        DINO_FIELD(views, crop_scale_min).in(0, 1).openBelow()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local crop scale min"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Local crops cover at least this fraction of the image area.")),
        DINO_FIELD(views, crop_scale_max).in(0, 1).atLeastField("views.crop_scale_min")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local crop scale max"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Local crops cover at most this fraction of the image area.")),
        DINO_FIELD(views, crop_ratio_min).above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Crop aspect ratio min"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Smallest aspect ratio of a local crop.")),
        DINO_FIELD(views, crop_ratio_max).atLeastField("views.crop_ratio_min")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Crop aspect ratio max"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Largest aspect ratio of a local crop.")),
        DINO_FIELD(views, global_crop_scale_min).in(0, 1, "1 = the whole image").openBelow()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global crop scale min"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Global views are random crops covering at least this fraction of the image (1 = whole image, the seed; official DINO: 0.4).")),
        DINO_FIELD(views, global_crop_scale_max).in(0, 1).atLeastField("views.global_crop_scale_min")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global crop scale max"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Global views cover at most this fraction of the image.")),
        DINO_FIELD(views, rotate90_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Quarter-turn rotation p"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of a rotation by 90, 180 or 270 degrees (equally likely); 0.75 makes all four orientations equally likely, for images that have no up, such as tissue.")),
        DINO_FIELD(views, hflip_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Horizontal flip p"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of a horizontal flip.")),
        DINO_FIELD(views, vflip_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Vertical flip p"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of a vertical flip.")),
        DINO_FIELD(views, jitter_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Colour jitter p"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of colour jitter on each view.")),
        DINO_FIELD(views, brightness).atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Brightness"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: brightness factor drawn from [1-b, 1+b].")),
        DINO_FIELD(views, contrast).atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Contrast"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: contrast factor drawn from [1-c, 1+c].")),
        DINO_FIELD(views, saturation).atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Saturation"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: saturation factor drawn from [1-s, 1+s].")),
        DINO_FIELD(views, hue).in(0, 0.5)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Hue"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: hue shift drawn from [-h, h] (fraction of the colour wheel).")),
        DINO_FIELD(views, stain_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "H&E stain jitter p"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of H&E stain jitter on each view: the colours separated into haematoxylin, eosin and DAB, each scaled and shifted, then recombined (Tellez et al. 2019). Skipped on grey images.")),
        DINO_FIELD(views, stain_scale).in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Stain scale"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Stain jitter: each stain's amount multiplied by a factor from [1-s, 1+s] (light 0.05, strong 0.2).")),
        DINO_FIELD(views, stain_shift).in(0, 0.5)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Stain shift"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Stain jitter: a shift from [-b, b] added to each stain's amount, in scikit-image's units, where tissue holds about 0.01-0.1 (light 0.005, strong 0.02).")),
        DINO_FIELD(views, blur_kernel).atLeast(1).message("must be an odd integer >= 1").check(oddBlurKernel).unit("px")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur kernel (px)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Gaussian blur kernel size in pixels (odd).")),
        DINO_FIELD(views, blur_sigma_min).above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur sigma min"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Smallest Gaussian blur sigma.")),
        DINO_FIELD(views, blur_sigma_max).atLeastField("views.blur_sigma_min")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur sigma max"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Largest Gaussian blur sigma.")),
        DINO_FIELD(views, blur_p_global1).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, Global 1"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on Global 1 views (seed: always).")),
        DINO_FIELD(views, blur_p_global2).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, Global 2"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on Global 2 views.")),
        DINO_FIELD(views, blur_p_local).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, local"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on local views.")),
        DINO_FIELD(views, solarize_p).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Solarise p (Global 2)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of solarisation on Global 2 views.")),
        DINO_FIELD(views, solarize_threshold).in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Solarise threshold"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Solarisation inverts pixels above this value (0..1).")),
        DINO_FIELD(views, mean).check(threeMeans)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Normalisation mean"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Per-channel normalisation mean (empty: PathMNIST's, or computed from the train split).")),
        DINO_FIELD(views, std).check(positiveStd)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Normalisation std"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Per-channel normalisation std (empty: PathMNIST's, or computed from the train split).")),

        // model
        DINO_FIELD(model, patch_size).atLeast(1).unit("px").check(patchDividesImage)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Patch size (px)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "ViT patch size in pixels (4 gives 7x7 patches on 28x28 images).")),
        DINO_FIELD(model, embed_dim).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Embedding width"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "ViT token width (192 = ViT-tiny).")),
        DINO_FIELD(model, depth).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Transformer blocks"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of transformer blocks (12 = ViT-tiny).")),
        DINO_FIELD(model, num_heads).atLeast(1).check(headsDivideWidth)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Attention heads"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Attention heads per block (3 = ViT-tiny).")),
        DINO_FIELD(model, mlp_ratio).above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "MLP ratio"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Width of each block's MLP relative to embed_dim.")),
        DINO_FIELD(model, out_dim).atLeast(2)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Pseudo-labels (out_dim)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of DINO pseudo-labels (output width of the head).")),
        DINO_FIELD(model, head_nlayers).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head layers"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Layers in the DINO head's MLP before the bottleneck.")),
        DINO_FIELD(model, head_hidden_dim).atLeast(0, "0 = 2 x embed_dim")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head hidden width (0 = auto)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Hidden width of the DINO head (0 = 2 x embed_dim).")),
        DINO_FIELD(model, head_bottleneck_dim).atLeast(0, "0 = embed_dim / 2").check(bottleneckNeedsWidth)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head bottleneck (0 = auto)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Bottleneck width before the weight-normalised last layer (0 = embed_dim / 2).")),
        DINO_FIELD(model, init_weights).path()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Initial weights (.safetensors)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Optional safetensors file with timm-named encoder weights to start from.")),
        DINO_FIELD(model, ibot_separate_head)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "iBOT: separate patch head"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "With iBOT on: the patch tokens get a head of their own (the DINO head's shape) instead of sharing the DINO head with the class token (DINOv2's default: shared).")),
        DINO_FIELD(model, drop_path_rate).in(0, 1, "0 = off; official DINO: 0.1").openAbove()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Stochastic depth (drop path)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "The student's last block skips its attention and MLP branches for a view with this probability, the earlier blocks with less (rising linearly from 0 at the first); the teacher sees every block (0 = off; official DINO: 0.1).")),

        DINO_FIELD(model, norm_last_layer)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head: prototypes of length 1"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Keep the lengths of the head's weight-normalised prototypes at 1 (the seed; official DINO's default). Off: the lengths train too, which official DINO uses for ViT-S (sharper targets, less stable).")),

        // optim
        DINO_FIELD(optim, batch_size).atLeast(1).unit("images")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Batch size"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Images per step (each image contributes all its views).")),
        DINO_FIELD(optim, epochs).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epochs"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Passes over the training set.")),
        DINO_FIELD(optim, max_steps_per_epoch).atLeast(0, "0 = whole epoch").unit("steps")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Max steps per epoch (0 = all)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Cap on steps per epoch (0 = whole epoch), to scale a run down.")),
        DINO_FIELD(optim, student_temp).above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Student temperature"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Student softmax temperature.")),
        DINO_FIELD(optim, center_momentum).in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Centre momentum"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "EMA momentum of the teacher centre (centering prevents collapse).")),
        DINO_FIELD(optim, clip_grad).atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Gradient clip (0 = off)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Clip each parameter's gradient norm to this (0 = off; official DINO uses 3).")),
        DINO_FIELD(optim, freeze_last_layer_epochs).atLeast(0).unit("epochs")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Freeze last layer (epochs)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Keep the head's last layer fixed for this many epochs (official DINO: 1).")),
        DINO_FIELD(optim, no_wd_bias_norm)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "No weight decay on biases/norms"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Do not apply weight decay to biases and LayerNorm weights (official DINO).")),
        DINO_FIELD(optim, freeze_last_layer_steps).atLeast(0).unit("steps")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Freeze last layer (steps)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Keep the head's last layer fixed for this many steps (adds to the epochs option).")),
        DINO_FIELD(optim, centering).oneOf({"ema", "sinkhorn"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher centring"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher targets: ema (the seed's running centre) or sinkhorn (DINOv2's Sinkhorn-Knopp balancing, which keeps the teacher from collapsing).")),
        DINO_FIELD(optim, sinkhorn_iterations).in(1, 100, "DINOv2 uses 3")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Sinkhorn-Knopp iterations"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Sinkhorn-Knopp iterations per step (DINOv2: 3).")),
        DINO_FIELD(optim, koleo_weight).atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "KoLeo weight"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight of the KoLeo regulariser that spreads the student's class tokens (0 = off; DINOv2: 0.1).")),
        DINO_FIELD(optim, ibot_weight).atLeast(0, "0 = off").check(ibotNeedsMasks)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "iBOT weight"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight of iBOT's masked-patch loss: block-masked patches of the student's global views predict the teacher's patch tokens of the unmasked views (0 = off; iBOT and DINOv2: 1).")),
        DINO_FIELD(optim, ibot_mask_ratio_min).in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "iBOT mask ratio min"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "A masked global view hides at least this fraction of its patches (DINOv2: 0.1).")),
        DINO_FIELD(optim, ibot_mask_ratio_max).in(0, 1).atLeastField("optim.ibot_mask_ratio_min")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "iBOT mask ratio max"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "A masked global view hides at most this fraction of its patches (DINOv2: 0.5).")),
        DINO_FIELD(optim, ibot_mask_probability).probability()
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "iBOT masked views"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Fraction of the batch's global views that are masked; the others are seen whole (DINOv2: 0.5).")),

        // schedules
        DINO_FIELD(optim, lr).group("schedules").above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Learning rate (peak)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Peak learning rate, reached after the warmup.")),
        DINO_FIELD(optim, lr_final).group("schedules").atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Learning rate (final)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Learning rate at the end of the cosine decay.")),
        DINO_FIELD(optim, lr_warmup_pct).group("schedules").in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "LR warmup fraction"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Fraction of all steps spent warming the learning rate up from 0.")),
        DINO_FIELD(optim, wd).group("schedules").atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Weight decay (start)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight decay at the start (cosine schedule).")),
        DINO_FIELD(optim, wd_final).group("schedules").atLeast(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Weight decay (final)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight decay at the end.")),
        DINO_FIELD(optim, teacher_temp_start).group("schedules").above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temperature (start)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher temperature at the start of its warmup (lower = sharper).")),
        DINO_FIELD(optim, teacher_temp).group("schedules").above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temperature"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher temperature after the warmup.")),
        DINO_FIELD(optim, teacher_temp_warmup_pct).group("schedules").in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temp. warmup fraction"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Fraction of all steps over which the teacher temperature warms up.")),
        DINO_FIELD(optim, momentum).group("schedules").in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "EMA momentum (start)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher EMA momentum at the start (cosine schedule).")),
        DINO_FIELD(optim, momentum_final).group("schedules").in(0, 1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "EMA momentum (final)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher EMA momentum at the end.")),

        // eval
        DINO_FIELD(eval, knn_k).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "k (neighbours)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Neighbours in the weighted k-NN classifier.")),
        DINO_FIELD(eval, knn_temperature).above(0)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "k-NN temperature"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Temperature of the weighted k-NN votes.")),
        DINO_FIELD(eval, eval_every_epochs).atLeast(0, "0 = only at the end").unit("epochs")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluate every N epochs (0 = end)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Run k-NN evaluation every N epochs during training (0 = only at the end).")),
        DINO_FIELD(eval, eval_at_end)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluate when training ends"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Run k-NN evaluation when training finishes.")),
        DINO_FIELD(eval, train_split).suggest({"train", "val", "test"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Memory bank split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Split whose features form the k-NN memory bank.")),
        DINO_FIELD(eval, test_split).suggest({"train", "val", "test"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Test split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Split that is classified.")),
        DINO_FIELD(eval, batch_size).atLeast(1).unit("images")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Feature batch size"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Images per batch when computing features.")),
        DINO_FIELD(eval, knn_every_steps).atLeast(0, "0 = no live k-NN").unit("steps")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN every N steps (0 = off)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Live k-NN accuracy every N steps on a fixed subset, written to knn.csv (0 = off).")),
        DINO_FIELD(eval, knn_live_split).suggest({"train", "val", "test"}).nonEmpty("must be train, val or test")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Split classified by the live k-NN (the memory bank is the k-NN training split).")),
        DINO_FIELD(eval, knn_live_max).atLeast(1).unit("images")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN images per split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "At most this many images of each split in the live k-NN.")),
        DINO_FIELD(eval, linear_probe)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Linear probe"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Also train linear classifiers on the frozen features (teacher and random init) in every evaluation: trained on the memory bank split, chosen on the probe's val split, reported on the test split.")),
        DINO_FIELD(eval, probe_blocks).atLeast(1).unit("blocks")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe: last blocks"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Class tokens of this many last blocks, concatenated, as the probe's features (official DINO: 4 for ViT-S); at most the model's depth.")),
        DINO_FIELD(eval, probe_epochs).atLeast(1).unit("epochs")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe epochs"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Passes over the train split's features; one pass trains every head of the grid.")),
        DINO_FIELD(eval, probe_batch_size).atLeast(1).unit("images")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe batch size"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Features per SGD step of the probe.")),
        DINO_FIELD(eval, probe_lrs).check(probeGrid)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe learning rates"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Learning rates of the probe's grid (SGD, momentum 0.9, cosine to 0); every one is tried with every weight decay. L2-normalised features need much larger rates than raw ones.")),
        DINO_FIELD(eval, probe_wds).check(probeWeightDecays)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe weight decays"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight decays (L2 on the weights) of the probe's grid; 0 = none.")),
        DINO_FIELD(eval, probe_val_split).suggest({"train", "val", "test"}).nonEmpty("must be train, val or test")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Probe selection split"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Split on which the best head of the probe's grid is chosen (its accuracy is reported too).")),

        // system
        DINO_FIELD(system, threads).atLeast(0, "0 = all cores")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "CPU threads (0 = all cores)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "CPU threads for the math (0 = all cores).")),
        DINO_FIELD(system, device).oneOf({"auto", "cpu", "cuda"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Device"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "auto (CUDA if present), cpu or cuda.")),
        DINO_FIELD(system, precision).oneOf({"auto", "fp32", "bf16"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Precision"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "auto (bf16 where the CPU or GPU computes it natively: AMX-BF16, AVX512-BF16, CUDA; fp32 elsewhere), fp32, or bf16 mixed precision (autocast).")),
        DINO_FIELD(system, seed)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Random seed"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Random seed: same seed, same run.")),
        DINO_FIELD(system, loader_workers).atLeast(0, "0 = augment on the training thread")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Augmentation threads"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Threads that prepare augmented batches (0 = on the training thread).")),
        DINO_FIELD(system, prefetch_batches).atLeast(1)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Prefetched batches"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Batches prepared ahead of the training step.")),
        DINO_FIELD(system, keep_checkpoints).atLeast(-1, "-1 = all, 0 = only last.ckpt")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epoch checkpoints kept (-1 = all)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Epoch snapshots kept besides last.ckpt: the newest N (-1 = all, 0 = none).")),
        DINO_FIELD(system, checkpoint_every_epochs).atLeast(0, "0 = none").unit("epochs")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Also keep every K-th epoch (0 = none)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Also keep the snapshot of every K-th epoch (0 = none).")),
        DINO_FIELD(system, epoch_checkpoints).oneOf({"weights", "full"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epoch checkpoint contents"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Epoch snapshots: weights (student, teacher, centre; half the size) or full (also optimizer and RNG state). last.ckpt is always full.")),
        DINO_FIELD(system, processes).in(1, 256).message("must be from 1 to 256").check(processesShareTheBatch)
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Processes (data parallel)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Training processes on this machine, each taking a share of every batch (data parallel over torch's c10d; 1 = one process). The CPU threads are shared between them.")),
        DINO_FIELD(system, dist_backend).oneOf({"auto", "gloo", "nccl"})
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Process communication"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Communication between the processes: auto (NCCL on CUDA where built, else Gloo), gloo or nccl.")),
        DINO_FIELD(system, dist_timeout_s).above(0, "seconds").unit("s")
            .label(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Process timeout (s)"))
            .help(QT_TRANSLATE_NOOP("dino::FieldHelp", "Seconds a process waits for the others before the run stops naming the one that did not answer.")),
    };
}

}  // namespace

bool FieldDescriptor::hasRange() const {
    return std::isfinite(min) || std::isfinite(max) || !min_field.empty() || probability;
}

const std::vector<FieldDescriptor>& configFieldTable() {
    static const std::vector<FieldDescriptor> table = buildTable();
    return table;
}

const FieldDescriptor* findConfigField(const std::string& key) {
    static const std::map<std::string, const FieldDescriptor*> index = [] {
        std::map<std::string, const FieldDescriptor*> m;
        for (const auto& d : configFieldTable()) m[d.key] = &d;
        return m;
    }();
    auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
}

std::vector<std::string> configSections() {
    std::vector<std::string> out;
    for (const auto& d : configFieldTable())
        if (std::find(out.begin(), out.end(), d.section()) == out.end()) out.push_back(d.section());
    return out;
}

std::string fieldRuleText(const FieldDescriptor& d) {
    if (!d.choices.empty() && !d.choices_open) {
        std::string s;
        for (const auto& c : d.choices) s += (s.empty() ? "" : " | ") + c;
        return s;
    }
    if (!d.hasRange()) return "";
    const std::string lo = d.min_field.empty() ? num(d.min) : d.min_field;
    const bool has_lo = !d.min_field.empty() || std::isfinite(d.min);
    if (!std::isfinite(d.max)) return (d.min_open && d.min_field.empty() ? "> " : ">= ") + lo;
    if (!has_lo) return (d.max_open ? "< " : "<= ") + num(d.max);
    return std::string(d.min_open && d.min_field.empty() ? "(" : "[") + lo + ", " + num(d.max) + (d.max_open ? ")" : "]");
}

std::string fieldDefaultText(const FieldDescriptor& d) {
    static RunConfig defaults;  // never written: ref() needs a non-const config
    return std::visit([](auto* p) { return nlohmann::json(*p).dump(); }, d.ref(defaults));
}

std::string fieldHelp(const std::string& key) {
    const FieldDescriptor* d = findConfigField(key);
    return d ? d->help : std::string();
}

std::string configFieldsHelp() {
    std::ostringstream os;
    os << "config fields (section.field = seed default [unit] {allowed}: meaning):\n";
    std::string group;
    for (const auto& d : configFieldTable()) {
        if (d.group != group) {
            group = d.group;
            os << "\n " << group << ":\n";
        }
        os << "  " << d.key << " = " << fieldDefaultText(d);
        if (!d.unit.empty()) os << " [" << d.unit << "]";
        const std::string rule = fieldRuleText(d);
        if (!rule.empty()) os << " {" << rule << "}";
        os << ": " << d.help << "\n";
    }
    return os.str();
}

}  // namespace dino
