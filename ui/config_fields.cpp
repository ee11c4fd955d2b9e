#include "config_fields.h"

#include <QCoreApplication>
#include <QMap>

namespace dino::ui {
namespace {

template <class T>
QVariant toVariant(const T& v) {
    if constexpr (std::is_same_v<T, std::string>) return QString::fromStdString(v);
    else if constexpr (std::is_same_v<T, std::vector<double>>) return formatDoubleList(v);
    else if constexpr (std::is_same_v<T, uint64_t>) return QVariant::fromValue<qulonglong>(v);
    else if constexpr (std::is_same_v<T, int64_t>) return QVariant::fromValue<qlonglong>(v);
    else return QVariant::fromValue(v);
}

template <class T>
void fromVariant(const QVariant& q, T& out) {
    if constexpr (std::is_same_v<T, std::string>) out = q.toString().toStdString();
    else if constexpr (std::is_same_v<T, std::vector<double>>) {
        std::vector<double> v;
        if (parseDoubleList(q.toString(), v)) out = v;
    } else if constexpr (std::is_same_v<T, bool>) out = q.toBool();
    else if constexpr (std::is_same_v<T, uint64_t>) out = q.toULongLong();
    else if constexpr (std::is_integral_v<T>) out = static_cast<T>(q.toLongLong());
    else out = q.toDouble();
}

template <class S, class T>
FieldSpec make(const char* key, const char* group, FieldKind kind, S RunConfig::*sec, T S::*mem,
               QStringList choices = {}) {
    FieldSpec f;
    f.key = key;
    f.group = group;
    f.kind = kind;
    f.choices = std::move(choices);
    f.get = [sec, mem](const RunConfig& c) { return toVariant(c.*sec.*mem); };
    f.set = [sec, mem](RunConfig& c, const QVariant& v) { fromVariant(v, c.*sec.*mem); };
    return f;
}

std::vector<FieldSpec> buildFields() {
    using K = FieldKind;
    const QStringList splits{"train", "val", "test"};
    std::vector<FieldSpec> f;
    f.push_back(make("data.train_split", "data", K::Choice, &RunConfig::data, &DataConfig::train_split, splits));
    f.push_back(make("data.subset", "data", K::Int, &RunConfig::data, &DataConfig::subset));
    f.push_back(make("data.size", "data", K::IntChoice, &RunConfig::data, &DataConfig::size, {"28", "64", "128", "224"}));
    f.push_back(make("data.cache_dir", "data", K::Path, &RunConfig::data, &DataConfig::cache_dir));

    f.push_back(make("views.num_global", "views", K::Int, &RunConfig::views, &ViewsConfig::num_global));
    f.push_back(make("views.num_local", "views", K::Int, &RunConfig::views, &ViewsConfig::num_local));
    f.push_back(make("views.local_crop_size", "views", K::Int, &RunConfig::views, &ViewsConfig::local_crop_size));
    f.push_back(make("views.crop_scale_min", "views", K::Double, &RunConfig::views, &ViewsConfig::crop_scale_min));
    f.push_back(make("views.crop_scale_max", "views", K::Double, &RunConfig::views, &ViewsConfig::crop_scale_max));
    f.push_back(make("views.crop_ratio_min", "views", K::Double, &RunConfig::views, &ViewsConfig::crop_ratio_min));
    f.push_back(make("views.crop_ratio_max", "views", K::Double, &RunConfig::views, &ViewsConfig::crop_ratio_max));
    f.push_back(make("views.global_crop_scale_min", "views", K::Double, &RunConfig::views, &ViewsConfig::global_crop_scale_min));
    f.push_back(make("views.global_crop_scale_max", "views", K::Double, &RunConfig::views, &ViewsConfig::global_crop_scale_max));
    f.push_back(make("views.hflip_p", "views", K::Double, &RunConfig::views, &ViewsConfig::hflip_p));
    f.push_back(make("views.vflip_p", "views", K::Double, &RunConfig::views, &ViewsConfig::vflip_p));
    f.push_back(make("views.jitter_p", "views", K::Double, &RunConfig::views, &ViewsConfig::jitter_p));
    f.push_back(make("views.brightness", "views", K::Double, &RunConfig::views, &ViewsConfig::brightness));
    f.push_back(make("views.contrast", "views", K::Double, &RunConfig::views, &ViewsConfig::contrast));
    f.push_back(make("views.saturation", "views", K::Double, &RunConfig::views, &ViewsConfig::saturation));
    f.push_back(make("views.hue", "views", K::Double, &RunConfig::views, &ViewsConfig::hue));
    f.push_back(make("views.blur_kernel", "views", K::Int, &RunConfig::views, &ViewsConfig::blur_kernel));
    f.push_back(make("views.blur_sigma_min", "views", K::Double, &RunConfig::views, &ViewsConfig::blur_sigma_min));
    f.push_back(make("views.blur_sigma_max", "views", K::Double, &RunConfig::views, &ViewsConfig::blur_sigma_max));
    f.push_back(make("views.blur_p_global1", "views", K::Double, &RunConfig::views, &ViewsConfig::blur_p_global1));
    f.push_back(make("views.blur_p_global2", "views", K::Double, &RunConfig::views, &ViewsConfig::blur_p_global2));
    f.push_back(make("views.blur_p_local", "views", K::Double, &RunConfig::views, &ViewsConfig::blur_p_local));
    f.push_back(make("views.solarize_p", "views", K::Double, &RunConfig::views, &ViewsConfig::solarize_p));
    f.push_back(make("views.solarize_threshold", "views", K::Double, &RunConfig::views, &ViewsConfig::solarize_threshold));
    f.push_back(make("views.mean", "views", K::DoubleList, &RunConfig::views, &ViewsConfig::mean));
    f.push_back(make("views.std", "views", K::DoubleList, &RunConfig::views, &ViewsConfig::std));

    f.push_back(make("model.patch_size", "model", K::Int, &RunConfig::model, &ModelConfig::patch_size));
    f.push_back(make("model.embed_dim", "model", K::Int, &RunConfig::model, &ModelConfig::embed_dim));
    f.push_back(make("model.depth", "model", K::Int, &RunConfig::model, &ModelConfig::depth));
    f.push_back(make("model.num_heads", "model", K::Int, &RunConfig::model, &ModelConfig::num_heads));
    f.push_back(make("model.mlp_ratio", "model", K::Double, &RunConfig::model, &ModelConfig::mlp_ratio));
    f.push_back(make("model.out_dim", "model", K::Int, &RunConfig::model, &ModelConfig::out_dim));
    f.push_back(make("model.head_nlayers", "model", K::Int, &RunConfig::model, &ModelConfig::head_nlayers));
    f.push_back(make("model.head_hidden_dim", "model", K::Int, &RunConfig::model, &ModelConfig::head_hidden_dim));
    f.push_back(make("model.head_bottleneck_dim", "model", K::Int, &RunConfig::model, &ModelConfig::head_bottleneck_dim));
    f.push_back(make("model.init_weights", "model", K::Path, &RunConfig::model, &ModelConfig::init_weights));

    f.push_back(make("optim.batch_size", "optim", K::Int, &RunConfig::optim, &OptimConfig::batch_size));
    f.push_back(make("optim.epochs", "optim", K::Int, &RunConfig::optim, &OptimConfig::epochs));
    f.push_back(make("optim.max_steps_per_epoch", "optim", K::Int, &RunConfig::optim, &OptimConfig::max_steps_per_epoch));
    f.push_back(make("optim.student_temp", "optim", K::Double, &RunConfig::optim, &OptimConfig::student_temp));
    f.push_back(make("optim.center_momentum", "optim", K::Double, &RunConfig::optim, &OptimConfig::center_momentum));
    f.push_back(make("optim.clip_grad", "optim", K::Double, &RunConfig::optim, &OptimConfig::clip_grad));
    f.push_back(make("optim.freeze_last_layer_epochs", "optim", K::Int, &RunConfig::optim, &OptimConfig::freeze_last_layer_epochs));
    f.push_back(make("optim.no_wd_bias_norm", "optim", K::Bool, &RunConfig::optim, &OptimConfig::no_wd_bias_norm));
    f.push_back(make("optim.freeze_last_layer_steps", "optim", K::Int, &RunConfig::optim, &OptimConfig::freeze_last_layer_steps));
    f.push_back(make("optim.centering", "optim", K::Choice, &RunConfig::optim, &OptimConfig::centering, {"ema", "sinkhorn"}));
    f.push_back(make("optim.sinkhorn_iterations", "optim", K::Int, &RunConfig::optim, &OptimConfig::sinkhorn_iterations));
    f.push_back(make("optim.koleo_weight", "optim", K::Double, &RunConfig::optim, &OptimConfig::koleo_weight));

    f.push_back(make("optim.lr", "schedules", K::Double, &RunConfig::optim, &OptimConfig::lr));
    f.push_back(make("optim.lr_final", "schedules", K::Double, &RunConfig::optim, &OptimConfig::lr_final));
    f.push_back(make("optim.lr_warmup_pct", "schedules", K::Double, &RunConfig::optim, &OptimConfig::lr_warmup_pct));
    f.push_back(make("optim.wd", "schedules", K::Double, &RunConfig::optim, &OptimConfig::wd));
    f.push_back(make("optim.wd_final", "schedules", K::Double, &RunConfig::optim, &OptimConfig::wd_final));
    f.push_back(make("optim.teacher_temp_start", "schedules", K::Double, &RunConfig::optim, &OptimConfig::teacher_temp_start));
    f.push_back(make("optim.teacher_temp", "schedules", K::Double, &RunConfig::optim, &OptimConfig::teacher_temp));
    f.push_back(make("optim.teacher_temp_warmup_pct", "schedules", K::Double, &RunConfig::optim, &OptimConfig::teacher_temp_warmup_pct));
    f.push_back(make("optim.momentum", "schedules", K::Double, &RunConfig::optim, &OptimConfig::momentum));
    f.push_back(make("optim.momentum_final", "schedules", K::Double, &RunConfig::optim, &OptimConfig::momentum_final));

    f.push_back(make("eval.knn_k", "eval", K::Int, &RunConfig::eval, &EvalConfig::knn_k));
    f.push_back(make("eval.knn_temperature", "eval", K::Double, &RunConfig::eval, &EvalConfig::knn_temperature));
    f.push_back(make("eval.eval_every_epochs", "eval", K::Int, &RunConfig::eval, &EvalConfig::eval_every_epochs));
    f.push_back(make("eval.eval_at_end", "eval", K::Bool, &RunConfig::eval, &EvalConfig::eval_at_end));
    f.push_back(make("eval.train_split", "eval", K::Choice, &RunConfig::eval, &EvalConfig::train_split, splits));
    f.push_back(make("eval.test_split", "eval", K::Choice, &RunConfig::eval, &EvalConfig::test_split, splits));
    f.push_back(make("eval.batch_size", "eval", K::Int, &RunConfig::eval, &EvalConfig::batch_size));
    f.push_back(make("eval.knn_every_steps", "eval", K::Int, &RunConfig::eval, &EvalConfig::knn_every_steps));
    f.push_back(make("eval.knn_live_split", "eval", K::Choice, &RunConfig::eval, &EvalConfig::knn_live_split, splits));
    f.push_back(make("eval.knn_live_max", "eval", K::Int, &RunConfig::eval, &EvalConfig::knn_live_max));

    f.push_back(make("system.threads", "system", K::Int, &RunConfig::system, &SystemConfig::threads));
    f.push_back(make("system.device", "system", K::Choice, &RunConfig::system, &SystemConfig::device, {"auto", "cpu", "cuda"}));
    f.push_back(make("system.precision", "system", K::Choice, &RunConfig::system, &SystemConfig::precision, {"auto", "fp32", "bf16"}));
    f.push_back(make("system.seed", "system", K::UInt64, &RunConfig::system, &SystemConfig::seed));
    f.push_back(make("system.loader_workers", "system", K::Int, &RunConfig::system, &SystemConfig::loader_workers));
    f.push_back(make("system.prefetch_batches", "system", K::Int, &RunConfig::system, &SystemConfig::prefetch_batches));
    f.push_back(make("system.keep_checkpoints", "system", K::Int, &RunConfig::system, &SystemConfig::keep_checkpoints));
    f.push_back(make("system.checkpoint_every_epochs", "system", K::Int, &RunConfig::system, &SystemConfig::checkpoint_every_epochs));
    f.push_back(make("system.epoch_checkpoints", "system", K::Choice, &RunConfig::system, &SystemConfig::epoch_checkpoints, {"weights", "full"}));
    f.push_back(make("system.processes", "system", K::Int, &RunConfig::system, &SystemConfig::processes));
    f.push_back(make("system.dist_backend", "system", K::Choice, &RunConfig::system, &SystemConfig::dist_backend, {"auto", "gloo", "nccl"}));
    f.push_back(make("system.dist_timeout_s", "system", K::Double, &RunConfig::system, &SystemConfig::dist_timeout_s));
    return f;
}

QString trc(const char* s) { return QCoreApplication::translate("dino::ui::ConfigFields", s); }

}  // namespace

const std::vector<FieldSpec>& configFields() {
    static const std::vector<FieldSpec> fields = buildFields();
    return fields;
}

const FieldSpec* findField(const QString& key) {
    for (const auto& f : configFields())
        if (f.key == key) return &f;
    return nullptr;
}

QStringList fieldGroups() { return {"data", "views", "model", "optim", "schedules", "eval", "system"}; }

QString groupTitle(const QString& g) {
    if (g == "data") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Data"));
    if (g == "views") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Views and augmentation"));
    if (g == "model") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Model"));
    if (g == "optim") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Optimisation"));
    if (g == "schedules") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Schedules"));
    if (g == "eval") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluation"));
    if (g == "system") return trc(QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "System"));
    return g;
}

QString fieldHelpText(const QString& key) {
    const std::string help = fieldHelp(key.toStdString());
    if (help.empty()) return {};
    // The engine marks these English texts with QT_TRANSLATE_NOOP("dino::FieldHelp", ...) for lupdate
    // (ui/CMakeLists.txt scans engine/common/config.cpp); the CLI prints them untranslated.
    return QCoreApplication::translate("dino::FieldHelp", help.c_str());
}

QString fieldLabel(const QString& key) {
    static const QMap<QString, const char*> labels = {
        {"data.dataset", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Dataset")},
        {"data.train_split", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Training split")},
        {"data.subset", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Use first N images (0 = all)")},
        {"data.size", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Image size (px)")},
        {"data.cache_dir", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Download folder")},
        {"views.num_global", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global views")},
        {"views.num_local", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local views")},
        {"views.local_crop_size", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local view size (0 = image)")},
        {"views.crop_scale_min", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local crop scale min")},
        {"views.crop_scale_max", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Local crop scale max")},
        {"views.crop_ratio_min", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Crop aspect ratio min")},
        {"views.crop_ratio_max", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Crop aspect ratio max")},
        {"views.global_crop_scale_min", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global crop scale min")},
        {"views.global_crop_scale_max", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Global crop scale max")},
        {"views.hflip_p", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Horizontal flip p")},
        {"views.vflip_p", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Vertical flip p")},
        {"views.jitter_p", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Colour jitter p")},
        {"views.brightness", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Brightness")},
        {"views.contrast", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Contrast")},
        {"views.saturation", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Saturation")},
        {"views.hue", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Hue")},
        {"views.blur_kernel", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur kernel (px)")},
        {"views.blur_sigma_min", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur sigma min")},
        {"views.blur_sigma_max", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur sigma max")},
        {"views.blur_p_global1", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, Global 1")},
        {"views.blur_p_global2", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, Global 2")},
        {"views.blur_p_local", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Blur p, local")},
        {"views.solarize_p", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Solarise p (Global 2)")},
        {"views.solarize_threshold", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Solarise threshold")},
        {"views.mean", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Normalisation mean")},
        {"views.std", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Normalisation std")},
        {"model.patch_size", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Patch size (px)")},
        {"model.embed_dim", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Embedding width")},
        {"model.depth", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Transformer blocks")},
        {"model.num_heads", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Attention heads")},
        {"model.mlp_ratio", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "MLP ratio")},
        {"model.out_dim", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Pseudo-labels (out_dim)")},
        {"model.head_nlayers", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head layers")},
        {"model.head_hidden_dim", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head hidden width (0 = auto)")},
        {"model.head_bottleneck_dim", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Head bottleneck (0 = auto)")},
        {"model.init_weights", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Initial weights (.safetensors)")},
        {"optim.batch_size", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Batch size")},
        {"optim.epochs", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epochs")},
        {"optim.max_steps_per_epoch", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Max steps per epoch (0 = all)")},
        {"optim.student_temp", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Student temperature")},
        {"optim.center_momentum", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Centre momentum")},
        {"optim.clip_grad", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Gradient clip (0 = off)")},
        {"optim.freeze_last_layer_epochs", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Freeze last layer (epochs)")},
        {"optim.no_wd_bias_norm", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "No weight decay on biases/norms")},
        {"optim.freeze_last_layer_steps", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Freeze last layer (steps)")},
        {"optim.centering", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher centring")},
        {"optim.sinkhorn_iterations", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Sinkhorn-Knopp iterations")},
        {"optim.koleo_weight", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "KoLeo weight")},
        {"optim.lr", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Learning rate (peak)")},
        {"optim.lr_final", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Learning rate (final)")},
        {"optim.lr_warmup_pct", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "LR warmup fraction")},
        {"optim.wd", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Weight decay (start)")},
        {"optim.wd_final", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Weight decay (final)")},
        {"optim.teacher_temp_start", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temperature (start)")},
        {"optim.teacher_temp", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temperature")},
        {"optim.teacher_temp_warmup_pct", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Teacher temp. warmup fraction")},
        {"optim.momentum", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "EMA momentum (start)")},
        {"optim.momentum_final", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "EMA momentum (final)")},
        {"eval.knn_k", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "k (neighbours)")},
        {"eval.knn_temperature", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "k-NN temperature")},
        {"eval.eval_every_epochs", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluate every N epochs (0 = end)")},
        {"eval.eval_at_end", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Evaluate when training ends")},
        {"eval.train_split", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Memory bank split")},
        {"eval.test_split", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Test split")},
        {"eval.batch_size", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Feature batch size")},
        {"eval.knn_every_steps", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN every N steps (0 = off)")},
        {"eval.knn_live_split", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN split")},
        {"eval.knn_live_max", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Live k-NN images per split")},
        {"system.threads", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "CPU threads (0 = all cores)")},
        {"system.device", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Device")},
        {"system.precision", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Precision")},
        {"system.seed", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Random seed")},
        {"system.loader_workers", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Augmentation threads")},
        {"system.prefetch_batches", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Prefetched batches")},
        {"system.keep_checkpoints", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epoch checkpoints kept (-1 = all)")},
        {"system.checkpoint_every_epochs", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Also keep every K-th epoch (0 = none)")},
        {"system.epoch_checkpoints", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Epoch checkpoint contents")},
        {"system.processes", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Processes (data parallel)")},
        {"system.dist_backend", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Process communication")},
        {"system.dist_timeout_s", QT_TRANSLATE_NOOP("dino::ui::ConfigFields", "Process timeout (s)")},
    };
    auto it = labels.find(key);
    return it == labels.end() ? key : trc(it.value());
}

bool parseDoubleList(const QString& text, std::vector<double>& out) {
    out.clear();
    const QString t = text.trimmed();
    if (t.isEmpty()) return true;
    for (const QString& part : t.split(QLatin1Char(','))) {
        bool ok = false;
        double v = part.trimmed().toDouble(&ok);
        if (!ok) return false;
        out.push_back(v);
    }
    return true;
}

QString formatDoubleList(const std::vector<double>& v) {
    QStringList parts;
    for (double d : v) parts << formatDouble(d);
    return parts.join(QStringLiteral(", "));
}

QString formatDouble(double v) { return QString::number(v, 'g', 10); }

}  // namespace dino::ui
