#include "export/encoder_weights.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>

namespace dino {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

std::string shapeString(c10::IntArrayRef s) {
    std::ostringstream o;
    o << s;
    return o.str();
}

// Names of the listed items, at most `limit`, then "and N more".
std::string nameList(const std::vector<std::string>& names, size_t limit = 6) {
    std::string s;
    for (size_t i = 0; i < names.size() && i < limit; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > limit) s += " and " + std::to_string(names.size() - limit) + " more";
    return s;
}

// iBOT's mask token is no timm tensor (timm's VisionTransformer has none): exports leave it out, and
// an encoder that has one starts with its own (zeros) from timm weights.
bool isTimmTensor(const std::string& name) { return name != "mask_token"; }

std::map<std::string, torch::Tensor> encoderState(VisionTransformer& encoder) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : encoder->named_parameters(/*recurse=*/true))
        if (isTimmTensor(p.key())) out[p.key()] = p.value();
    for (const auto& b : encoder->named_buffers(/*recurse=*/true)) out[b.key()] = b.value();
    return out;
}

// Compares the file's timm_args with the encoder; "" when they agree.
std::string optionDifferences(const VitOptions& file, const VitOptions& model) {
    std::string d;
    auto cmp = [&](const char* name, double f, double m) {
        if (f != m) {
            std::ostringstream o;
            o << (d.empty() ? "" : ", ") << name << " " << f << " in the file, " << m << " in the model";
            d += o.str();
        }
    };
    cmp("img_size", file.img_size, model.img_size);
    cmp("patch_size", file.patch_size, model.patch_size);
    cmp("in_chans", file.in_chans, model.in_chans);
    cmp("embed_dim", file.embed_dim, model.embed_dim);
    cmp("depth", file.depth, model.depth);
    cmp("num_heads", file.num_heads, model.num_heads);
    cmp("mlp_ratio", file.mlp_ratio, model.mlp_ratio);
    return d;
}

}  // namespace

std::string timmArgsJson(const VitOptions& o) {
    ojson j;
    j["img_size"] = o.img_size;
    j["patch_size"] = o.patch_size;
    j["in_chans"] = o.in_chans;
    j["embed_dim"] = o.embed_dim;
    j["depth"] = o.depth;
    j["num_heads"] = o.num_heads;
    j["mlp_ratio"] = o.mlp_ratio;
    j["num_classes"] = 0;
    j["pre_norm"] = true;
    return j.dump();
}

std::optional<VitOptions> vitOptionsFromMetadata(const SafetensorsMetadata& meta, const std::string& where) {
    const auto it = meta.find("timm_args");
    if (it == meta.end()) return std::nullopt;
    json j;
    try {
        j = json::parse(it->second);
    } catch (const std::exception& e) {
        throw std::runtime_error(where + ": metadata timm_args is not valid JSON: " + e.what());
    }
    if (!j.is_object()) throw std::runtime_error(where + ": metadata timm_args must be a JSON object");
    VitOptions o;
    auto intArg = [&](const char* key, int& dst) {
        if (!j.contains(key)) return;
        if (!j[key].is_number_integer() || j[key].get<int64_t>() < 1)
            throw std::runtime_error(where + ": timm_args." + key + " must be a positive integer, got " + j[key].dump());
        dst = j[key].get<int>();
    };
    intArg("img_size", o.img_size);
    intArg("patch_size", o.patch_size);
    intArg("in_chans", o.in_chans);
    intArg("embed_dim", o.embed_dim);
    intArg("depth", o.depth);
    intArg("num_heads", o.num_heads);
    if (j.contains("mlp_ratio")) {
        if (!j["mlp_ratio"].is_number() || !(j["mlp_ratio"].get<double>() > 0))
            throw std::runtime_error(where + ": timm_args.mlp_ratio must be a positive number, got " + j["mlp_ratio"].dump());
        o.mlp_ratio = j["mlp_ratio"].get<double>();
    }
    // Arguments that select a different architecture than this ViT: refuse them by name.
    const std::map<std::string, json> fixed = {{"num_classes", 0},         {"pre_norm", true},
                                               {"class_token", true},      {"qkv_bias", true},
                                               {"global_pool", "token"},   {"no_embed_class", false},
                                               {"fc_norm", nullptr},       {"init_values", nullptr}};
    for (const auto& [key, value] : j.items()) {
        if (key == "img_size" || key == "patch_size" || key == "in_chans" || key == "embed_dim" || key == "depth" ||
            key == "num_heads" || key == "mlp_ratio")
            continue;
        const auto f = fixed.find(key);
        if (f == fixed.end())
            throw std::runtime_error(where + ": timm_args." + key + " is not supported by DINO Studio's ViT");
        if (value != f->second)
            throw std::runtime_error(where + ": timm_args." + key + " = " + value.dump() + " is not supported (expected " +
                                     f->second.dump() + ")");
    }
    if (o.in_chans != 3) throw std::runtime_error(where + ": timm_args.in_chans must be 3 (RGB MedMNIST images)");
    return o;
}

std::vector<NamedTensor> encoderTensors(VisionTransformer& encoder) {
    std::vector<NamedTensor> out;
    for (const auto& p : encoder->named_parameters(/*recurse=*/true))
        if (isTimmTensor(p.key())) out.push_back({p.key(), p.value().detach().to(torch::kCPU, torch::kFloat).contiguous()});
    for (const auto& b : encoder->named_buffers(/*recurse=*/true))
        out.push_back({b.key(), b.value().detach().to(torch::kCPU, torch::kFloat).contiguous()});
    return out;
}

SafetensorsMetadata encoderMetadata(const VitOptions& o, const ModelConfig* model) {
    SafetensorsMetadata m;
    m["format"] = "pt";
    m["timm_class"] = "timm.models.vision_transformer.VisionTransformer";
    m["timm_args"] = timmArgsJson(o);
    m["producer"] = std::string("DINO Studio ") + DINO_VERSION;
    if (model) {
        RunConfig cfg;
        cfg.model = *model;
        m["dino_model"] = json::parse(configToJson(cfg)).at("model").dump();
    }
    return m;
}

void saveEncoderWeights(VisionTransformer& encoder, const std::string& path, const ModelConfig* model,
                        const SafetensorsMetadata& extra) {
    auto meta = encoderMetadata(encoder->options(), model);
    for (const auto& [k, v] : extra) meta[k] = v;
    writeSafetensors(path, encoderTensors(encoder), meta);
}

void loadEncoderWeights(VisionTransformer& encoder, const SafetensorsFile& file, const std::string& where) {
    if (const auto o = vitOptionsFromMetadata(file.metadata, where)) {
        const std::string diff = optionDifferences(*o, encoder->options());
        if (!diff.empty()) throw std::runtime_error(where + ": the weights are for another ViT (" + diff + ")");
    }
    auto state = encoderState(encoder);
    std::vector<std::string> missing, unexpected;
    for (const auto& [name, t] : state)
        if (!file.find(name)) missing.push_back(name);
    for (const auto& nt : file.tensors)
        if (!state.count(nt.name)) unexpected.push_back(nt.name);
    if (!missing.empty() || !unexpected.empty()) {
        std::string msg = where + ": tensor names do not match the encoder (timm VisionTransformer names expected)";
        if (!missing.empty()) msg += "; missing tensor(s): " + nameList(missing);
        if (!unexpected.empty()) msg += "; unexpected tensor(s): " + nameList(unexpected);
        throw std::runtime_error(msg);
    }
    for (size_t i = 0; i < file.tensors.size(); ++i) {
        const auto& nt = file.tensors[i];
        const auto& target = state.at(nt.name);
        if (!nt.tensor.is_floating_point())
            throw std::runtime_error(where + ": tensor '" + nt.name + "' has dtype " + file.dtypes[i] +
                                     ", expected a floating-point dtype (F32)");
        if (nt.tensor.sizes() != target.sizes())
            throw std::runtime_error(where + ": tensor '" + nt.name + "' has shape " + shapeString(nt.tensor.sizes()) +
                                     ", the encoder expects " + shapeString(target.sizes()));
        if (!torch::isfinite(nt.tensor).all().item<bool>())
            throw std::runtime_error(where + ": tensor '" + nt.name + "' holds non-finite values");
    }
    torch::NoGradGuard no_grad;
    for (const auto& nt : file.tensors) {
        auto& target = state.at(nt.name);
        target.copy_(nt.tensor.to(target.device(), target.scalar_type()));
    }
}

void loadEncoderWeights(VisionTransformer& encoder, const std::string& path) {
    loadEncoderWeights(encoder, readSafetensors(path), path);
}

}  // namespace dino
