#include "training/checkpoint.h"

#include "common/fsutil.h"
#include "data/zip_check.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace dino {
namespace {

namespace fs = std::filesystem;

const char* const kFormat = "dino-studio-checkpoint-1";

void checkFormat(torch::serialize::InputArchive& in, const std::string& path) {
    c10::IValue format;
    if (!in.try_read("format", format) || !format.isString() || format.toStringRef() != kFormat)
        throw std::runtime_error("checkpoint " + path + " is not a DINO Studio checkpoint (expected format " + kFormat +
                                 ")");
}

// The archive in `bytes`, after the zip integrity check (torch itself may crash on a damaged file).
torch::serialize::InputArchive openBytes(const std::string& bytes, const std::string& name, torch::Device device) {
    try {
        checkZipIntegrity(bytes, name);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("checkpoint " + std::string(e.what()));
    }
    torch::serialize::InputArchive in;
    try {
        in.load_from(bytes.data(), bytes.size(), device);
    } catch (const c10::Error& e) {
        throw std::runtime_error("checkpoint " + name + " is not readable (" + e.what_without_backtrace() + ")");
    }
    checkFormat(in, name);
    return in;
}

torch::serialize::InputArchive openArchive(const std::string& path, torch::Device device) {
    if (!fs::exists(path)) throw std::runtime_error("checkpoint " + path + " does not exist");
    std::string bytes;
    try {
        bytes = readTextFile(path);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error("checkpoint " + path + " is not readable (" + e.what() + ")");
    }
    return openBytes(bytes, path, device);
}

int64_t readInt(torch::serialize::InputArchive& in, const std::string& key, const std::string& path) {
    c10::IValue v;
    if (!in.try_read(key, v) || !v.isInt()) throw std::runtime_error("checkpoint " + path + ": missing '" + key + "'");
    return v.toInt();
}

void readModule(torch::serialize::InputArchive& in, const std::string& key, torch::nn::Module& m,
                const std::string& path) {
    torch::serialize::InputArchive sub;
    if (!in.try_read(key, sub)) throw std::runtime_error("checkpoint " + path + ": missing '" + key + "'");
    // Module::load replaces tensors whatever their shape; compare against the configured model's.
    std::vector<std::pair<std::string, std::vector<int64_t>>> shapes;
    for (const auto& p : m.named_parameters()) shapes.emplace_back(p.key(), p.value().sizes().vec());
    for (const auto& b : m.named_buffers()) shapes.emplace_back(b.key(), b.value().sizes().vec());
    try {
        m.load(sub);
    } catch (const c10::Error& e) {
        throw std::runtime_error("checkpoint " + path + ": '" + key +
                                 "' does not match the configured model (" + e.what_without_backtrace() + ")");
    }
    auto params = m.named_parameters();
    auto buffers = m.named_buffers();
    for (const auto& [name, shape] : shapes) {
        const torch::Tensor* t = params.find(name);
        if (!t) t = buffers.find(name);
        if (!t || t->sizes().vec() != shape)
            throw std::runtime_error("checkpoint " + path + ": '" + key + "." + name +
                                     "' does not match the configured model (shape " +
                                     (t ? c10::str(t->sizes()) : std::string("missing")) + ", expected " +
                                     c10::str(c10::IntArrayRef(shape)) + ")");
    }
}

CheckpointInfo readInfo(torch::serialize::InputArchive& in, const std::string& path) {
    CheckpointInfo info;
    info.epoch = static_cast<int>(readInt(in, "epoch", path));
    info.step = readInt(in, "step", path);
    info.img_size = static_cast<int>(readInt(in, "img_size", path));
    c10::IValue cfg;
    if (in.try_read("config", cfg) && cfg.isString()) info.config_json = cfg.toStringRef();
    c10::IValue kind;
    info.weights_only = in.try_read("kind", kind) && kind.isString() && kind.toStringRef() == "weights";
    return info;
}

}  // namespace

std::string lastCheckpointPath(const std::string& run_dir) {
    return (fs::path(run_dir) / "checkpoints" / "last.ckpt").string();
}

std::string epochCheckpointPath(const std::string& run_dir, int epoch) {
    char name[32];
    std::snprintf(name, sizeof name, "epoch_%03d.ckpt", epoch);
    return (fs::path(run_dir) / "checkpoints" / name).string();
}

std::string serializeCheckpoint(const TrainingState& s, bool weights_only) {
    torch::serialize::OutputArchive out;
    out.write("format", c10::IValue(std::string(kFormat)));
    out.write("epoch", c10::IValue(static_cast<int64_t>(s.info.epoch)));
    out.write("step", c10::IValue(s.info.step));
    out.write("img_size", c10::IValue(static_cast<int64_t>(s.info.img_size)));
    out.write("config", c10::IValue(s.info.config_json));
    auto module = [&](const char* key, const torch::nn::Module& m) {
        torch::serialize::OutputArchive sub;
        m.save(sub);
        out.write(key, sub);
    };
    module("student", *s.student);
    module("teacher", *s.teacher);
    module("loss", *s.loss);
    if (weights_only) {
        out.write("kind", c10::IValue(std::string("weights")));
        std::ostringstream os;
        out.save_to(os);
        return os.str();
    }
    out.write("kind", c10::IValue(std::string("full")));
    torch::serialize::OutputArchive opt;
    s.optimizer.save(opt);
    out.write("optimizer", opt);
    {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        out.write("rng_cpu", gen.get_state(), /*is_buffer=*/true);
    }
    std::ostringstream os;
    out.save_to(os);
    return os.str();
}

void writeCheckpointBytes(const std::string& bytes, const std::string& path) { writeFileAtomic(path, bytes); }

void saveCheckpoint(const TrainingState& s, const std::string& path) { writeFileAtomic(path, serializeCheckpoint(s)); }

CheckpointInfo loadCheckpoint(TrainingState& s, const std::string& path, torch::Device device) {
    auto in = openArchive(path, device);
    CheckpointInfo info = readInfo(in, path);
    if (info.weights_only)
        throw std::runtime_error("checkpoint " + path +
                                 " holds weights only (an epoch snapshot without optimizer state, see "
                                 "system.epoch_checkpoints); training continues from checkpoints/last.ckpt");
    readModule(in, "student", *s.student, path);
    readModule(in, "teacher", *s.teacher, path);
    readModule(in, "loss", *s.loss, path);
    torch::serialize::InputArchive opt;
    if (!in.try_read("optimizer", opt)) throw std::runtime_error("checkpoint " + path + ": missing 'optimizer'");
    try {
        s.optimizer.load(opt);
    } catch (const c10::Error& e) {
        throw std::runtime_error("checkpoint " + path + ": optimizer state does not match (" +
                                 e.what_without_backtrace() + ")");
    }
    torch::Tensor rng;
    if (in.try_read("rng_cpu", rng, /*is_buffer=*/true)) {
        auto gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_state(rng.cpu());
    }
    return info;
}

CheckpointInfo readCheckpointInfo(const std::string& ckpt_path) {
    auto in = openArchive(ckpt_path, torch::kCPU);
    return readInfo(in, ckpt_path);
}

namespace {

DinoModel modelFrom(torch::serialize::InputArchive& in, const ModelConfig& cfg, int img_size, const std::string& path,
                    const std::string& which) {
    if (which != "teacher" && which != "student")
        throw std::invalid_argument("loadModelFromCheckpoint: which must be 'teacher' or 'student', got '" + which + "'");
    DinoModel model(cfg, img_size);
    readModule(in, which, *model, path);
    for (auto& p : model->parameters()) p.set_requires_grad(false);
    model->eval();
    return model;
}

}  // namespace

CheckpointInfo readCheckpointInfoFromBytes(const std::string& bytes, const std::string& name) {
    auto in = openBytes(bytes, name, torch::kCPU);
    return readInfo(in, name);
}

DinoModel loadModelFromBytes(const std::string& bytes, const ModelConfig& cfg, int img_size, const std::string& name,
                             const std::string& which) {
    auto in = openBytes(bytes, name, torch::kCPU);
    return modelFrom(in, cfg, img_size, name, which);
}

CheckpointReader::CheckpointReader(const std::string& path)
    : path_(path), in_(std::make_shared<torch::serialize::InputArchive>(openArchive(path, torch::kCPU))),
      info_(readInfo(*in_, path)) {}

DinoModel CheckpointReader::model(const ModelConfig& cfg, int img_size, const std::string& which) {
    return modelFrom(*in_, cfg, img_size, path_, which);
}

DinoModel loadModelFromCheckpoint(const std::string& ckpt_path, const ModelConfig& cfg, int img_size,
                                  const std::string& which) {
    if (which != "teacher" && which != "student")
        throw std::invalid_argument("loadModelFromCheckpoint: which must be 'teacher' or 'student', got '" + which + "'");
    auto in = openArchive(ckpt_path, torch::kCPU);
    return modelFrom(in, cfg, img_size, ckpt_path, which);
}

}  // namespace dino
