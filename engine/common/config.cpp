#include "common/config.h"

#include "common/fsutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

// The GUI shows fieldHelp() as translated tooltips. Qt's lupdate finds translatable strings by the
// macro name QT_TRANSLATE_NOOP, so the help texts are marked with it; the engine is Qt-free, so here
// the macro is defined to expand to the plain English text (the CLI prints that). The GUI translates
// the returned text with QCoreApplication::translate("dino::FieldHelp", text).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace dino {
namespace {

using json = nlohmann::json;

// The one list of fields: JSON I/O, overrides, unknown-field checks and help all come from it.
template <class C, class F>
void visitFields(C& c, F&& f) {
    f("data.dataset", c.data.dataset);
    f("data.train_split", c.data.train_split);
    f("data.cache_dir", c.data.cache_dir);
    f("data.subset", c.data.subset);
    f("data.size", c.data.size);

    f("views.num_global", c.views.num_global);
    f("views.num_local", c.views.num_local);
    f("views.local_crop_size", c.views.local_crop_size);
    f("views.jitter_p", c.views.jitter_p);
    f("views.brightness", c.views.brightness);
    f("views.contrast", c.views.contrast);
    f("views.saturation", c.views.saturation);
    f("views.hue", c.views.hue);
    f("views.hflip_p", c.views.hflip_p);
    f("views.vflip_p", c.views.vflip_p);
    f("views.blur_kernel", c.views.blur_kernel);
    f("views.blur_sigma_min", c.views.blur_sigma_min);
    f("views.blur_sigma_max", c.views.blur_sigma_max);
    f("views.blur_p_global1", c.views.blur_p_global1);
    f("views.blur_p_global2", c.views.blur_p_global2);
    f("views.blur_p_local", c.views.blur_p_local);
    f("views.solarize_p", c.views.solarize_p);
    f("views.solarize_threshold", c.views.solarize_threshold);
    f("views.crop_scale_min", c.views.crop_scale_min);
    f("views.crop_scale_max", c.views.crop_scale_max);
    f("views.crop_ratio_min", c.views.crop_ratio_min);
    f("views.crop_ratio_max", c.views.crop_ratio_max);
    f("views.global_crop_scale_min", c.views.global_crop_scale_min);
    f("views.global_crop_scale_max", c.views.global_crop_scale_max);
    f("views.mean", c.views.mean);
    f("views.std", c.views.std);

    f("model.patch_size", c.model.patch_size);
    f("model.embed_dim", c.model.embed_dim);
    f("model.depth", c.model.depth);
    f("model.num_heads", c.model.num_heads);
    f("model.mlp_ratio", c.model.mlp_ratio);
    f("model.out_dim", c.model.out_dim);
    f("model.head_nlayers", c.model.head_nlayers);
    f("model.head_hidden_dim", c.model.head_hidden_dim);
    f("model.head_bottleneck_dim", c.model.head_bottleneck_dim);
    f("model.init_weights", c.model.init_weights);

    f("optim.batch_size", c.optim.batch_size);
    f("optim.epochs", c.optim.epochs);
    f("optim.max_steps_per_epoch", c.optim.max_steps_per_epoch);
    f("optim.lr", c.optim.lr);
    f("optim.lr_final", c.optim.lr_final);
    f("optim.lr_warmup_pct", c.optim.lr_warmup_pct);
    f("optim.wd", c.optim.wd);
    f("optim.wd_final", c.optim.wd_final);
    f("optim.teacher_temp_start", c.optim.teacher_temp_start);
    f("optim.teacher_temp", c.optim.teacher_temp);
    f("optim.teacher_temp_warmup_pct", c.optim.teacher_temp_warmup_pct);
    f("optim.momentum", c.optim.momentum);
    f("optim.momentum_final", c.optim.momentum_final);
    f("optim.student_temp", c.optim.student_temp);
    f("optim.center_momentum", c.optim.center_momentum);
    f("optim.clip_grad", c.optim.clip_grad);
    f("optim.freeze_last_layer_epochs", c.optim.freeze_last_layer_epochs);
    f("optim.no_wd_bias_norm", c.optim.no_wd_bias_norm);
    f("optim.freeze_last_layer_steps", c.optim.freeze_last_layer_steps);
    f("optim.centering", c.optim.centering);
    f("optim.sinkhorn_iterations", c.optim.sinkhorn_iterations);
    f("optim.koleo_weight", c.optim.koleo_weight);

    f("eval.knn_k", c.eval.knn_k);
    f("eval.knn_temperature", c.eval.knn_temperature);
    f("eval.eval_every_epochs", c.eval.eval_every_epochs);
    f("eval.eval_at_end", c.eval.eval_at_end);
    f("eval.train_split", c.eval.train_split);
    f("eval.test_split", c.eval.test_split);
    f("eval.batch_size", c.eval.batch_size);
    f("eval.knn_every_steps", c.eval.knn_every_steps);
    f("eval.knn_live_split", c.eval.knn_live_split);
    f("eval.knn_live_max", c.eval.knn_live_max);

    f("system.threads", c.system.threads);
    f("system.device", c.system.device);
    f("system.precision", c.system.precision);
    f("system.seed", c.system.seed);
    f("system.loader_workers", c.system.loader_workers);
    f("system.prefetch_batches", c.system.prefetch_batches);
    f("system.keep_checkpoints", c.system.keep_checkpoints);
    f("system.checkpoint_every_epochs", c.system.checkpoint_every_epochs);
    f("system.epoch_checkpoints", c.system.epoch_checkpoints);
    f("system.processes", c.system.processes);
    f("system.dist_backend", c.system.dist_backend);
    f("system.dist_timeout_s", c.system.dist_timeout_s);
}

std::pair<std::string, std::string> splitKey(const std::string& key) {
    auto dot = key.find('.');
    return {key.substr(0, dot), key.substr(dot + 1)};
}

template <class T>
const char* typeName() {
    if constexpr (std::is_same_v<T, bool>) return "true or false";
    else if constexpr (std::is_integral_v<T>) return "an integer";
    else if constexpr (std::is_floating_point_v<T>) return "a number";
    else if constexpr (std::is_same_v<T, std::string>) return "a string";
    else return "a list of numbers";
}

// Reads one JSON value into a field with strict types; returns an error message or "".
template <class T>
std::string readValue(const json& v, T& out) {
    if constexpr (std::is_same_v<T, bool>) {
        if (!v.is_boolean()) return std::string("expected ") + typeName<T>();
        out = v.get<bool>();
    } else if constexpr (std::is_integral_v<T>) {
        // Out-of-range values are errors, not silently wrapped or (for floats) undefined casts.
        const auto range = [] {
            return "expected an integer from " + std::to_string(std::numeric_limits<T>::min()) + " to " +
                   std::to_string(std::numeric_limits<T>::max());
        };
        if (v.is_number_unsigned()) {
            const uint64_t u = v.get<uint64_t>();
            if (u > static_cast<uint64_t>(std::numeric_limits<T>::max())) return range();
            out = static_cast<T>(u);
        } else if (v.is_number_integer()) {
            const int64_t i = v.get<int64_t>();
            if constexpr (std::is_unsigned_v<T>) {
                if (i < 0) return "expected a non-negative integer";
                if (static_cast<uint64_t>(i) > static_cast<uint64_t>(std::numeric_limits<T>::max())) return range();
            } else {
                if (i < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
                    i > static_cast<int64_t>(std::numeric_limits<T>::max()))
                    return range();
            }
            out = static_cast<T>(i);
        } else if (v.is_number_float() && std::isfinite(v.get<double>()) && std::floor(v.get<double>()) == v.get<double>()) {
            const double d = v.get<double>();
            // Both bounds as doubles; max() + 1 is a power of two, exactly representable.
            const double lo = static_cast<double>(std::numeric_limits<T>::min());
            const double hi = 2.0 * static_cast<double>(std::numeric_limits<T>::max() / 2 + 1);
            if (d < lo || d >= hi) return range();
            out = static_cast<T>(d);
        } else {
            return std::string("expected ") + typeName<T>();
        }
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!v.is_number()) return std::string("expected ") + typeName<T>();
        out = v.get<T>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string()) return std::string("expected ") + typeName<T>();
        out = v.get<std::string>();
    } else {
        if (!v.is_array()) return std::string("expected ") + typeName<T>();
        T tmp;
        for (const auto& e : v) {
            if (!e.is_number()) return std::string("expected ") + typeName<T>();
            tmp.push_back(e.get<double>());
        }
        out = tmp;
    }
    return "";
}

std::string fmt(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

}  // namespace

ConfigError::ConfigError(const std::string& where, std::vector<FieldError> errors)
    : std::runtime_error([&] {
          std::string msg = where + ": invalid configuration";
          for (const auto& e : errors) msg += "\n  " + e.field + ": " + e.message;
          return msg;
      }()),
      errors_(std::move(errors)) {}

// Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): what JSON can hold.
static bool validUtf8(const std::string& s) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t len = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        const uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

std::vector<FieldError> validate(const RunConfig& c) {
    std::vector<FieldError> e;
    auto need = [&](bool ok, const std::string& field, const std::string& what, const std::string& got) {
        if (!ok) e.push_back({field, what + " (got " + got + ")"});
    };
    // Found by fuzz_config: a --set value with bytes that are not UTF-8 passed validation and then
    // failed deep inside the JSON writer. Paths and names must be text that config.json can hold.
    visitFields(c, [&](const char* key, const auto& field) {
        if constexpr (std::is_same_v<std::decay_t<decltype(field)>, std::string>)
            if (!validUtf8(field)) e.push_back({key, "must be valid UTF-8 text (got bytes that are not)"});
    });
    auto prob = [&](double p, const std::string& f) { need(p >= 0 && p <= 1, f, "must be a probability in [0, 1]", fmt(p)); };
    auto pos = [&](double v, const std::string& f) { need(v > 0 && std::isfinite(v), f, "must be > 0", fmt(v)); };
    auto nonneg = [&](double v, const std::string& f) { need(v >= 0 && std::isfinite(v), f, "must be >= 0", fmt(v)); };
    auto unit = [&](double v, const std::string& f) { need(v >= 0 && v <= 1, f, "must be in [0, 1]", fmt(v)); };

    need(!c.data.dataset.empty(), "data.dataset", "must name 'sample', a MedMNIST flag or an .npz file", "\"\"");
    need(!c.data.train_split.empty(), "data.train_split", "must be train, val or test", "\"\"");
    need(c.data.subset >= 0, "data.subset", "must be >= 0 (0 = all images)", std::to_string(c.data.subset));
    need(c.data.size == 28 || c.data.size == 64 || c.data.size == 128 || c.data.size == 224, "data.size",
         "must be one of 28, 64, 128, 224", std::to_string(c.data.size));

    const auto& v = c.views;
    need(v.num_global >= 2, "views.num_global", "must be >= 2 (Global 1 and Global 2 each at least once)", std::to_string(v.num_global));
    need(v.num_local >= 1, "views.num_local", "must be >= 1", std::to_string(v.num_local));
    need(v.local_crop_size == 0 || v.local_crop_size >= c.model.patch_size, "views.local_crop_size",
         "must be 0 (image size) or at least the patch size " + std::to_string(c.model.patch_size), std::to_string(v.local_crop_size));
    // std::max: a patch size of 0 is reported under model.patch_size, not divided by (found by fuzz_config).
    need(v.local_crop_size == 0 || v.local_crop_size % std::max(1, c.model.patch_size) == 0, "views.local_crop_size",
         "must be a multiple of the patch size " + std::to_string(c.model.patch_size), std::to_string(v.local_crop_size));
    prob(v.jitter_p, "views.jitter_p");
    nonneg(v.brightness, "views.brightness");
    nonneg(v.contrast, "views.contrast");
    nonneg(v.saturation, "views.saturation");
    need(v.hue >= 0 && v.hue <= 0.5, "views.hue", "must be in [0, 0.5]", fmt(v.hue));
    prob(v.hflip_p, "views.hflip_p");
    prob(v.vflip_p, "views.vflip_p");
    need(v.blur_kernel >= 1 && v.blur_kernel % 2 == 1, "views.blur_kernel", "must be an odd integer >= 1", std::to_string(v.blur_kernel));
    pos(v.blur_sigma_min, "views.blur_sigma_min");
    need(v.blur_sigma_max >= v.blur_sigma_min, "views.blur_sigma_max", "must be >= views.blur_sigma_min", fmt(v.blur_sigma_max));
    prob(v.blur_p_global1, "views.blur_p_global1");
    prob(v.blur_p_global2, "views.blur_p_global2");
    prob(v.blur_p_local, "views.blur_p_local");
    prob(v.solarize_p, "views.solarize_p");
    unit(v.solarize_threshold, "views.solarize_threshold");
    need(v.crop_scale_min > 0 && v.crop_scale_min <= 1, "views.crop_scale_min", "must be in (0, 1]", fmt(v.crop_scale_min));
    need(v.crop_scale_max >= v.crop_scale_min && v.crop_scale_max <= 1, "views.crop_scale_max",
         "must be in [views.crop_scale_min, 1]", fmt(v.crop_scale_max));
    pos(v.crop_ratio_min, "views.crop_ratio_min");
    need(v.crop_ratio_max >= v.crop_ratio_min, "views.crop_ratio_max", "must be >= views.crop_ratio_min", fmt(v.crop_ratio_max));
    need(v.global_crop_scale_min > 0 && v.global_crop_scale_min <= 1, "views.global_crop_scale_min",
         "must be in (0, 1] (1 = the whole image)", fmt(v.global_crop_scale_min));
    need(v.global_crop_scale_max >= v.global_crop_scale_min && v.global_crop_scale_max <= 1,
         "views.global_crop_scale_max", "must be in [views.global_crop_scale_min, 1]", fmt(v.global_crop_scale_max));
    need(v.mean.empty() || v.mean.size() == 3, "views.mean", "must be empty (automatic) or 3 numbers", std::to_string(v.mean.size()) + " numbers");
    need(v.std.empty() || v.std.size() == 3, "views.std", "must be empty (automatic) or 3 numbers", std::to_string(v.std.size()) + " numbers");
    for (double s : v.std) pos(s, "views.std");

    const auto& m = c.model;
    need(m.patch_size >= 1, "model.patch_size", "must be >= 1", std::to_string(m.patch_size));
    need(c.data.size % std::max(1, m.patch_size) == 0, "model.patch_size",
         "must divide the image size " + std::to_string(c.data.size), std::to_string(m.patch_size));
    need(m.embed_dim >= 1, "model.embed_dim", "must be >= 1", std::to_string(m.embed_dim));
    need(m.depth >= 1, "model.depth", "must be >= 1", std::to_string(m.depth));
    need(m.num_heads >= 1 && m.embed_dim % std::max(1, m.num_heads) == 0, "model.num_heads",
         "must be >= 1 and divide model.embed_dim " + std::to_string(m.embed_dim), std::to_string(m.num_heads));
    pos(m.mlp_ratio, "model.mlp_ratio");
    need(m.out_dim >= 2, "model.out_dim", "must be >= 2", std::to_string(m.out_dim));
    need(m.head_nlayers >= 1, "model.head_nlayers", "must be >= 1", std::to_string(m.head_nlayers));
    need(m.head_hidden_dim >= 0, "model.head_hidden_dim", "must be >= 0 (0 = 2 x embed_dim)", std::to_string(m.head_hidden_dim));
    need(m.head_bottleneck_dim >= 0 && (m.head_bottleneck_dim > 0 || m.embed_dim >= 2), "model.head_bottleneck_dim",
         "must be >= 0 (0 = embed_dim / 2)", std::to_string(m.head_bottleneck_dim));

    const auto& o = c.optim;
    need(o.batch_size >= 1, "optim.batch_size", "must be >= 1", std::to_string(o.batch_size));
    need(o.epochs >= 1, "optim.epochs", "must be >= 1", std::to_string(o.epochs));
    need(o.max_steps_per_epoch >= 0, "optim.max_steps_per_epoch", "must be >= 0 (0 = whole epoch)", std::to_string(o.max_steps_per_epoch));
    pos(o.lr, "optim.lr");
    nonneg(o.lr_final, "optim.lr_final");
    unit(o.lr_warmup_pct, "optim.lr_warmup_pct");
    nonneg(o.wd, "optim.wd");
    nonneg(o.wd_final, "optim.wd_final");
    pos(o.teacher_temp_start, "optim.teacher_temp_start");
    pos(o.teacher_temp, "optim.teacher_temp");
    unit(o.teacher_temp_warmup_pct, "optim.teacher_temp_warmup_pct");
    unit(o.momentum, "optim.momentum");
    unit(o.momentum_final, "optim.momentum_final");
    pos(o.student_temp, "optim.student_temp");
    unit(o.center_momentum, "optim.center_momentum");
    nonneg(o.clip_grad, "optim.clip_grad");
    need(o.freeze_last_layer_epochs >= 0, "optim.freeze_last_layer_epochs", "must be >= 0", std::to_string(o.freeze_last_layer_epochs));
    need(o.freeze_last_layer_steps >= 0, "optim.freeze_last_layer_steps", "must be >= 0", std::to_string(o.freeze_last_layer_steps));
    need(o.centering == "ema" || o.centering == "sinkhorn", "optim.centering", "must be ema or sinkhorn",
         "\"" + o.centering + "\"");
    need(o.sinkhorn_iterations >= 1 && o.sinkhorn_iterations <= 100, "optim.sinkhorn_iterations",
         "must be in [1, 100] (DINOv2 uses 3)", std::to_string(o.sinkhorn_iterations));
    nonneg(o.koleo_weight, "optim.koleo_weight");

    const auto& ev = c.eval;
    need(ev.knn_k >= 1, "eval.knn_k", "must be >= 1", std::to_string(ev.knn_k));
    pos(ev.knn_temperature, "eval.knn_temperature");
    need(ev.eval_every_epochs >= 0, "eval.eval_every_epochs", "must be >= 0 (0 = only at the end)", std::to_string(ev.eval_every_epochs));
    need(ev.batch_size >= 1, "eval.batch_size", "must be >= 1", std::to_string(ev.batch_size));
    need(ev.knn_every_steps >= 0, "eval.knn_every_steps", "must be >= 0 (0 = no live k-NN)", std::to_string(ev.knn_every_steps));
    need(!ev.knn_live_split.empty(), "eval.knn_live_split", "must be train, val or test", "\"\"");
    need(ev.knn_live_max >= 1, "eval.knn_live_max", "must be >= 1", std::to_string(ev.knn_live_max));

    const auto& s = c.system;
    need(s.threads >= 0, "system.threads", "must be >= 0 (0 = all cores)", std::to_string(s.threads));
    need(s.device == "auto" || s.device == "cpu" || s.device == "cuda", "system.device", "must be auto, cpu or cuda", "\"" + s.device + "\"");
    need(s.precision == "auto" || s.precision == "fp32" || s.precision == "bf16", "system.precision",
         "must be auto, fp32 or bf16", "\"" + s.precision + "\"");
    need(s.loader_workers >= 0, "system.loader_workers", "must be >= 0 (0 = augment on the training thread)", std::to_string(s.loader_workers));
    need(s.prefetch_batches >= 1, "system.prefetch_batches", "must be >= 1", std::to_string(s.prefetch_batches));
    need(s.keep_checkpoints >= -1, "system.keep_checkpoints", "must be >= -1 (-1 = all, 0 = only last.ckpt)", std::to_string(s.keep_checkpoints));
    need(s.checkpoint_every_epochs >= 0, "system.checkpoint_every_epochs", "must be >= 0 (0 = none)", std::to_string(s.checkpoint_every_epochs));
    need(s.epoch_checkpoints == "weights" || s.epoch_checkpoints == "full", "system.epoch_checkpoints", "must be weights or full", "\"" + s.epoch_checkpoints + "\"");
    need(s.processes >= 1 && s.processes <= 256, "system.processes", "must be from 1 to 256", std::to_string(s.processes));
    need(s.processes <= c.optim.batch_size, "system.processes",
         "must be <= optim.batch_size (" + std::to_string(c.optim.batch_size) + "): each process takes a share of every batch",
         std::to_string(s.processes));
    need(s.dist_backend == "auto" || s.dist_backend == "gloo" || s.dist_backend == "nccl", "system.dist_backend",
         "must be auto, gloo or nccl", "\"" + s.dist_backend + "\"");
    need(s.dist_timeout_s > 0 && std::isfinite(s.dist_timeout_s), "system.dist_timeout_s", "must be > 0 (seconds)",
         std::to_string(s.dist_timeout_s));
    return e;
}

RunConfig configFromJson(const std::string& text, const std::string& where) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& ex) {
        throw ConfigError(where, {{"(file)", std::string("not valid JSON: ") + ex.what()}});
    }
    if (!j.is_object()) throw ConfigError(where, {{"(file)", "expected a JSON object with sections data, views, model, optim, eval, system"}});

    RunConfig cfg;
    std::vector<FieldError> errors;
    std::map<std::string, std::set<std::string>> known;
    visitFields(cfg, [&](const char* key, auto& field) {
        auto [sec, name] = splitKey(key);
        known[sec].insert(name);
        if (!j.contains(sec) || !j[sec].is_object() || !j[sec].contains(name)) return;
        std::string err = readValue(j[sec][name], field);
        if (!err.empty()) errors.push_back({key, err + ", got " + j[sec][name].dump()});
    });
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!known.count(it.key())) {
            errors.push_back({it.key(), "unknown section (expected data, views, model, optim, eval or system)"});
            continue;
        }
        if (!it.value().is_object()) {
            errors.push_back({it.key(), "expected an object"});
            continue;
        }
        for (auto f = it.value().begin(); f != it.value().end(); ++f)
            if (!known[it.key()].count(f.key())) errors.push_back({it.key() + "." + f.key(), "unknown field"});
    }
    if (!errors.empty()) throw ConfigError(where, errors);
    return cfg;
}

std::string configToJson(const RunConfig& cfg_in) {
    RunConfig cfg = cfg_in;
    json j = json::object();
    visitFields(cfg, [&](const char* key, auto& field) {
        auto [sec, name] = splitKey(key);
        j[sec][name] = field;
    });
    return j.dump(2) + "\n";
}

RunConfig loadConfigFile(const std::string& path) {
    std::string text = readTextFile(path);
    RunConfig cfg = configFromJson(text, path);
    auto errors = validate(cfg);
    if (!errors.empty()) throw ConfigError(path, errors);
    return cfg;
}

void saveConfigFile(const RunConfig& cfg, const std::string& path) { writeFileAtomic(path, configToJson(cfg)); }

void applyOverride(RunConfig& cfg, const std::string& assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw ConfigError("--set", {{assignment, "expected section.field=value, e.g. optim.lr=0.001"}});
    std::string key = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    json value;
    try {
        value = json::parse(text);
    } catch (...) {
        value = text;  // bare strings: device=cpu
    }
    bool found = false;
    std::string err;
    visitFields(cfg, [&](const char* k, auto& field) {
        if (key != k) return;
        found = true;
        using T = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<T, std::string>) {
            if (!value.is_string()) value = text;
        }
        err = readValue(value, field);
    });
    if (!found) throw ConfigError("--set", {{key, "unknown field"}});
    if (!err.empty()) throw ConfigError("--set", {{key, err + ", got " + text}});
}

RunConfig presetConfig(const std::string& name) {
    RunConfig c;
    if (name == "seed") return c;
    if (name == "quick") {
        // DINO that learns on 2 CPU cores in a few minutes: the recipe of docs/learning-on-small-data.md.
        // A 6-block ViT-tiny, 10 epochs of the bundled sample, DINOv2's Sinkhorn-Knopp targets at a low
        // teacher temperature and KoLeo, six 12 px local crops, cropped global views and augmentations
        // mild enough for 28 px pathology tiles, a live k-NN curve.
        c.data.dataset = "sample";
        c.model.depth = 6;
        c.model.out_dim = 64;
        c.views.num_local = 6;
        c.views.local_crop_size = 12;
        c.views.crop_scale_min = 0.25;
        c.views.crop_scale_max = 0.6;
        c.views.global_crop_scale_min = 0.4;
        c.views.brightness = 0.2;
        c.views.contrast = 0.2;
        c.views.saturation = 0.1;
        c.views.hue = 0.02;
        c.views.blur_p_global1 = 0.2;
        c.views.blur_p_global2 = 0.1;
        c.views.blur_p_local = 0.1;
        c.views.solarize_p = 0.0;
        c.optim.batch_size = 64;
        c.optim.epochs = 10;
        c.optim.lr = 1e-3;
        c.optim.wd = 0.04;
        c.optim.wd_final = 0.4;
        c.optim.teacher_temp_start = 0.02;
        c.optim.teacher_temp = 0.02;
        c.optim.momentum = 0.99;
        c.optim.momentum_final = 1.0;
        c.optim.clip_grad = 3.0;
        c.optim.freeze_last_layer_steps = 16;
        c.optim.no_wd_bias_norm = true;
        c.optim.centering = "sinkhorn";
        c.optim.koleo_weight = 0.1;
        c.eval.eval_at_end = true;
        c.eval.knn_every_steps = 32;  // 5 points; measured cost 6-7 % of the run (docs)
        return c;
    }
    if (name == "tiny") {
        // Plumbing tests: a 2-block, 32-wide ViT; seconds per epoch.
        c.data.dataset = "sample";
        c.data.subset = 64;
        c.model.embed_dim = 32;
        c.model.depth = 2;
        c.model.num_heads = 2;
        c.model.out_dim = 16;
        c.optim.batch_size = 16;
        c.optim.epochs = 2;
        c.system.threads = 1;
        c.system.precision = "fp32";  // tests compare numbers: the same arithmetic on every CPU
        c.system.loader_workers = 0;
        return c;
    }
    throw ConfigError("preset", {{name, "unknown preset (expected seed, quick or tiny)"}});
}

std::vector<std::string> presetNames() { return {"seed", "quick", "tiny"}; }

std::string fieldHelp(const std::string& f) {
    static const std::map<std::string, std::string> help = {
        {"data.dataset", QT_TRANSLATE_NOOP("dino::FieldHelp", "Training data: 'sample' (bundled PathMNIST sample), a MedMNIST flag such as 'pathmnist' (downloaded), or a path to a MedMNIST .npz file.")},
        {"data.train_split", QT_TRANSLATE_NOOP("dino::FieldHelp", "Which split of the file to train on (train, val or test).")},
        {"data.cache_dir", QT_TRANSLATE_NOOP("dino::FieldHelp", "Where downloaded MedMNIST files are kept (empty: ~/.medmnist).")},
        {"data.subset", QT_TRANSLATE_NOOP("dino::FieldHelp", "Train on only the first N images (0 = all) to make a run quicker.")},
        {"data.size", QT_TRANSLATE_NOOP("dino::FieldHelp", "MedMNIST image size in pixels (28 is the seed's).")},
        {"views.num_global", QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of global views per image (>= 2); the teacher sees only these.")},
        {"views.num_local", QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of local views per image (>= 1); only the student sees them.")},
        {"views.local_crop_size", QT_TRANSLATE_NOOP("dino::FieldHelp", "Side of the local views in pixels (0 = image size, as in the seed; smaller is cheaper).")},
        {"views.jitter_p", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of colour jitter on each view.")},
        {"views.brightness", QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: brightness factor drawn from [1-b, 1+b].")},
        {"views.contrast", QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: contrast factor drawn from [1-c, 1+c].")},
        {"views.saturation", QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: saturation factor drawn from [1-s, 1+s].")},
        {"views.hue", QT_TRANSLATE_NOOP("dino::FieldHelp", "Colour jitter: hue shift drawn from [-h, h] (fraction of the colour wheel).")},
        {"views.hflip_p", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of a horizontal flip.")},
        {"views.vflip_p", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of a vertical flip.")},
        {"views.blur_kernel", QT_TRANSLATE_NOOP("dino::FieldHelp", "Gaussian blur kernel size in pixels (odd).")},
        {"views.blur_sigma_min", QT_TRANSLATE_NOOP("dino::FieldHelp", "Smallest Gaussian blur sigma.")},
        {"views.blur_sigma_max", QT_TRANSLATE_NOOP("dino::FieldHelp", "Largest Gaussian blur sigma.")},
        {"views.blur_p_global1", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on Global 1 views (seed: always).")},
        {"views.blur_p_global2", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on Global 2 views.")},
        {"views.blur_p_local", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of blur on local views.")},
        {"views.solarize_p", QT_TRANSLATE_NOOP("dino::FieldHelp", "Probability of solarisation on Global 2 views.")},
        {"views.solarize_threshold", QT_TRANSLATE_NOOP("dino::FieldHelp", "Solarisation inverts pixels above this value (0..1).")},
        {"views.crop_scale_min", QT_TRANSLATE_NOOP("dino::FieldHelp", "Local crops cover at least this fraction of the image area.")},
        {"views.crop_scale_max", QT_TRANSLATE_NOOP("dino::FieldHelp", "Local crops cover at most this fraction of the image area.")},
        {"views.crop_ratio_min", QT_TRANSLATE_NOOP("dino::FieldHelp", "Smallest aspect ratio of a local crop.")},
        {"views.crop_ratio_max", QT_TRANSLATE_NOOP("dino::FieldHelp", "Largest aspect ratio of a local crop.")},
        {"views.mean", QT_TRANSLATE_NOOP("dino::FieldHelp", "Per-channel normalisation mean (empty: PathMNIST's, or computed from the train split).")},
        {"views.std", QT_TRANSLATE_NOOP("dino::FieldHelp", "Per-channel normalisation std (empty: PathMNIST's, or computed from the train split).")},
        {"views.global_crop_scale_min", QT_TRANSLATE_NOOP("dino::FieldHelp", "Global views are random crops covering at least this fraction of the image (1 = whole image, the seed; official DINO: 0.4).")},
        {"views.global_crop_scale_max", QT_TRANSLATE_NOOP("dino::FieldHelp", "Global views cover at most this fraction of the image.")},
        {"model.patch_size", QT_TRANSLATE_NOOP("dino::FieldHelp", "ViT patch size in pixels (4 gives 7x7 patches on 28x28 images).")},
        {"model.embed_dim", QT_TRANSLATE_NOOP("dino::FieldHelp", "ViT token width (192 = ViT-tiny).")},
        {"model.depth", QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of transformer blocks (12 = ViT-tiny).")},
        {"model.num_heads", QT_TRANSLATE_NOOP("dino::FieldHelp", "Attention heads per block (3 = ViT-tiny).")},
        {"model.mlp_ratio", QT_TRANSLATE_NOOP("dino::FieldHelp", "Width of each block's MLP relative to embed_dim.")},
        {"model.out_dim", QT_TRANSLATE_NOOP("dino::FieldHelp", "Number of DINO pseudo-labels (output width of the head).")},
        {"model.head_nlayers", QT_TRANSLATE_NOOP("dino::FieldHelp", "Layers in the DINO head's MLP before the bottleneck.")},
        {"model.head_hidden_dim", QT_TRANSLATE_NOOP("dino::FieldHelp", "Hidden width of the DINO head (0 = 2 x embed_dim).")},
        {"model.head_bottleneck_dim", QT_TRANSLATE_NOOP("dino::FieldHelp", "Bottleneck width before the weight-normalised last layer (0 = embed_dim / 2).")},
        {"model.init_weights", QT_TRANSLATE_NOOP("dino::FieldHelp", "Optional safetensors file with timm-named encoder weights to start from.")},
        {"optim.batch_size", QT_TRANSLATE_NOOP("dino::FieldHelp", "Images per step (each image contributes all its views).")},
        {"optim.epochs", QT_TRANSLATE_NOOP("dino::FieldHelp", "Passes over the training set.")},
        {"optim.max_steps_per_epoch", QT_TRANSLATE_NOOP("dino::FieldHelp", "Cap on steps per epoch (0 = whole epoch), to scale a run down.")},
        {"optim.lr", QT_TRANSLATE_NOOP("dino::FieldHelp", "Peak learning rate, reached after the warmup.")},
        {"optim.lr_final", QT_TRANSLATE_NOOP("dino::FieldHelp", "Learning rate at the end of the cosine decay.")},
        {"optim.lr_warmup_pct", QT_TRANSLATE_NOOP("dino::FieldHelp", "Fraction of all steps spent warming the learning rate up from 0.")},
        {"optim.wd", QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight decay at the start (cosine schedule).")},
        {"optim.wd_final", QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight decay at the end.")},
        {"optim.teacher_temp_start", QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher temperature at the start of its warmup (lower = sharper).")},
        {"optim.teacher_temp", QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher temperature after the warmup.")},
        {"optim.teacher_temp_warmup_pct", QT_TRANSLATE_NOOP("dino::FieldHelp", "Fraction of all steps over which the teacher temperature warms up.")},
        {"optim.momentum", QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher EMA momentum at the start (cosine schedule).")},
        {"optim.momentum_final", QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher EMA momentum at the end.")},
        {"optim.student_temp", QT_TRANSLATE_NOOP("dino::FieldHelp", "Student softmax temperature.")},
        {"optim.center_momentum", QT_TRANSLATE_NOOP("dino::FieldHelp", "EMA momentum of the teacher centre (centering prevents collapse).")},
        {"optim.clip_grad", QT_TRANSLATE_NOOP("dino::FieldHelp", "Clip each parameter's gradient norm to this (0 = off; official DINO uses 3).")},
        {"optim.freeze_last_layer_epochs", QT_TRANSLATE_NOOP("dino::FieldHelp", "Keep the head's last layer fixed for this many epochs (official DINO: 1).")},
        {"optim.no_wd_bias_norm", QT_TRANSLATE_NOOP("dino::FieldHelp", "Do not apply weight decay to biases and LayerNorm weights (official DINO).")},
        {"optim.freeze_last_layer_steps", QT_TRANSLATE_NOOP("dino::FieldHelp", "Keep the head's last layer fixed for this many steps (adds to the epochs option).")},
        {"optim.centering", QT_TRANSLATE_NOOP("dino::FieldHelp", "Teacher targets: ema (the seed's running centre) or sinkhorn (DINOv2's Sinkhorn-Knopp balancing, which keeps the teacher from collapsing).")},
        {"optim.sinkhorn_iterations", QT_TRANSLATE_NOOP("dino::FieldHelp", "Sinkhorn-Knopp iterations per step (DINOv2: 3).")},
        {"optim.koleo_weight", QT_TRANSLATE_NOOP("dino::FieldHelp", "Weight of the KoLeo regulariser that spreads the student's class tokens (0 = off; DINOv2: 0.1).")},
        {"eval.knn_every_steps", QT_TRANSLATE_NOOP("dino::FieldHelp", "Live k-NN accuracy every N steps on a fixed subset, written to knn.csv (0 = off).")},
        {"eval.knn_live_split", QT_TRANSLATE_NOOP("dino::FieldHelp", "Split classified by the live k-NN (the memory bank is the k-NN training split).")},
        {"eval.knn_live_max", QT_TRANSLATE_NOOP("dino::FieldHelp", "At most this many images of each split in the live k-NN.")},
        {"eval.knn_k", QT_TRANSLATE_NOOP("dino::FieldHelp", "Neighbours in the weighted k-NN classifier.")},
        {"eval.knn_temperature", QT_TRANSLATE_NOOP("dino::FieldHelp", "Temperature of the weighted k-NN votes.")},
        {"eval.eval_every_epochs", QT_TRANSLATE_NOOP("dino::FieldHelp", "Run k-NN evaluation every N epochs during training (0 = only at the end).")},
        {"eval.eval_at_end", QT_TRANSLATE_NOOP("dino::FieldHelp", "Run k-NN evaluation when training finishes.")},
        {"eval.train_split", QT_TRANSLATE_NOOP("dino::FieldHelp", "Split whose features form the k-NN memory bank.")},
        {"eval.test_split", QT_TRANSLATE_NOOP("dino::FieldHelp", "Split that is classified.")},
        {"eval.batch_size", QT_TRANSLATE_NOOP("dino::FieldHelp", "Images per batch when computing features.")},
        {"system.threads", QT_TRANSLATE_NOOP("dino::FieldHelp", "CPU threads for the math (0 = all cores).")},
        {"system.device", QT_TRANSLATE_NOOP("dino::FieldHelp", "auto (CUDA if present), cpu or cuda.")},
        {"system.precision", QT_TRANSLATE_NOOP("dino::FieldHelp", "auto (bf16 where the CPU or GPU computes it natively: AMX-BF16, AVX512-BF16, CUDA; fp32 elsewhere), fp32, or bf16 mixed precision (autocast).")},
        {"system.seed", QT_TRANSLATE_NOOP("dino::FieldHelp", "Random seed: same seed, same run.")},
        {"system.loader_workers", QT_TRANSLATE_NOOP("dino::FieldHelp", "Threads that prepare augmented batches (0 = on the training thread).")},
        {"system.prefetch_batches", QT_TRANSLATE_NOOP("dino::FieldHelp", "Batches prepared ahead of the training step.")},
        {"system.keep_checkpoints", QT_TRANSLATE_NOOP("dino::FieldHelp", "Epoch snapshots kept besides last.ckpt: the newest N (-1 = all, 0 = none).")},
        {"system.checkpoint_every_epochs", QT_TRANSLATE_NOOP("dino::FieldHelp", "Also keep the snapshot of every K-th epoch (0 = none).")},
        {"system.epoch_checkpoints", QT_TRANSLATE_NOOP("dino::FieldHelp", "Epoch snapshots: weights (student, teacher, centre; half the size) or full (also optimizer and RNG state). last.ckpt is always full.")},
        {"system.processes", QT_TRANSLATE_NOOP("dino::FieldHelp", "Training processes on this machine, each taking a share of every batch (data parallel over torch's c10d; 1 = one process). The CPU threads are shared between them.")},
        {"system.dist_backend", QT_TRANSLATE_NOOP("dino::FieldHelp", "Communication between the processes: auto (NCCL on CUDA where built, else Gloo), gloo or nccl.")},
        {"system.dist_timeout_s", QT_TRANSLATE_NOOP("dino::FieldHelp", "Seconds a process waits for the others before the run stops naming the one that did not answer.")},
    };
    auto it = help.find(f);
    return it == help.end() ? std::string() : it->second;
}

}  // namespace dino
