// The teacher encoder as timm-named safetensors: export -> import round trip into a fresh ViT,
// timm's names and metadata, and loads that fail naming the tensor and leave the encoder unchanged.
#include "export/encoder_weights.h"
#include "test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

using namespace dino;
using dino::test::tempPath;

namespace {

VitOptions tinyOptions() {
    VitOptions o;
    o.img_size = 8;
    o.patch_size = 4;
    o.embed_dim = 16;
    o.depth = 2;
    o.num_heads = 2;
    return o;
}

bool sameParameters(VisionTransformer& a, VisionTransformer& b) {
    auto pb = b->named_parameters();
    for (const auto& p : a->named_parameters())
        if (!p.value().equal(pb[p.key()])) return false;
    return true;
}

// A file holding `enc`'s tensors after `edit`, without metadata unless given.
std::string writeEdited(VisionTransformer& enc, const std::string& name,
                        const std::function<void(std::vector<NamedTensor>&)>& edit, const SafetensorsMetadata& meta = {}) {
    auto tensors = encoderTensors(enc);
    edit(tensors);
    const auto path = tempPath(name);
    writeSafetensors(path, tensors, meta);
    return path;
}

}  // namespace

TEST_CASE("encoder export uses timm's names and metadata", "[export][encoder]") {
    torch::manual_seed(11);
    VisionTransformer enc(tinyOptions());
    const auto path = tempPath("names.safetensors");
    ModelConfig model;
    model.embed_dim = 16;
    model.depth = 2;
    model.num_heads = 2;
    saveEncoderWeights(enc, path, &model, {{"epoch", "3"}});
    const auto f = readSafetensors(path);
    std::filesystem::remove(path);

    std::vector<std::string> names;
    for (const auto& t : f.tensors) names.push_back(t.name);
    std::vector<std::string> expected = {"cls_token", "pos_embed", "patch_embed.proj.weight", "norm_pre.weight",
                                         "norm_pre.bias"};
    for (int b = 0; b < 2; ++b)
        for (const char* s : {"norm1.weight", "norm1.bias", "attn.qkv.weight", "attn.qkv.bias", "attn.proj.weight",
                              "attn.proj.bias", "norm2.weight", "norm2.bias", "mlp.fc1.weight", "mlp.fc1.bias",
                              "mlp.fc2.weight", "mlp.fc2.bias"})
            expected.push_back("blocks." + std::to_string(b) + "." + s);
    expected.push_back("norm.weight");
    expected.push_back("norm.bias");
    CHECK(names == expected);
    for (const auto& d : f.dtypes) CHECK(d == "F32");
    CHECK(f.find("pos_embed")->tensor.sizes() == torch::IntArrayRef({1, 5, 16}));

    CHECK(f.metadata.at("format") == "pt");
    CHECK(f.metadata.at("timm_class") == "timm.models.vision_transformer.VisionTransformer");
    CHECK(f.metadata.at("timm_args") ==
          R"({"img_size":8,"patch_size":4,"in_chans":3,"embed_dim":16,"depth":2,"num_heads":2,"mlp_ratio":4.0,"num_classes":0,"pre_norm":true})");
    CHECK(f.metadata.at("epoch") == "3");
    const auto dm = nlohmann::json::parse(f.metadata.at("dino_model"));
    CHECK(dm.at("depth") == 2);
    CHECK(dm.at("out_dim") == 256);
    const auto o = vitOptionsFromMetadata(f.metadata, "f");
    REQUIRE(o);
    CHECK(o->embed_dim == 16);
    CHECK(o->img_size == 8);
}

TEST_CASE("seed ViT-tiny: export 151 tensors, import into a fresh model, same outputs", "[export][encoder]") {
    torch::manual_seed(1);
    VisionTransformer a(VitOptions{});
    torch::manual_seed(2);
    VisionTransformer b(VitOptions{});
    REQUIRE_FALSE(sameParameters(a, b));
    const auto path = tempPath("vit_tiny.safetensors");
    saveEncoderWeights(a, path);
    const auto f = readSafetensors(path);
    CHECK(f.tensors.size() == 151);
    int64_t numel = 0;
    for (const auto& t : f.tensors) numel += t.tensor.numel();
    CHECK(numel == 5358144);
    loadEncoderWeights(b, path);
    CHECK(sameParameters(a, b));
    a->eval();
    b->eval();
    torch::NoGradGuard ng;
    const auto x = torch::randn({2, 3, 28, 28});
    CHECK(a->forward(x).equal(b->forward(x)));
    // For the Python cross-check (tests/support/check_safetensors_timm.py): keep the file and outputs.
    if (const char* keep = std::getenv("DINO_EXPORT_CHECK_DIR")) {
        std::filesystem::create_directories(keep);
        std::filesystem::copy_file(path, std::string(keep) + "/vit_tiny.safetensors",
                                   std::filesystem::copy_options::overwrite_existing);
        writeSafetensors(std::string(keep) + "/vit_tiny_io.safetensors", {{"x", x}, {"y", a->forward(x)}});
    }
    std::filesystem::remove(path);
}

TEST_CASE("other floating dtypes are converted on import", "[export][encoder]") {
    torch::manual_seed(4);
    VisionTransformer a(tinyOptions()), b(tinyOptions());
    const auto path = writeEdited(a, "f64.safetensors", [](std::vector<NamedTensor>& ts) {
        for (auto& t : ts) t.tensor = t.tensor.to(torch::kDouble);
    });
    loadEncoderWeights(b, path);
    std::filesystem::remove(path);
    CHECK(sameParameters(a, b));
}

TEST_CASE("imports that do not fit name the tensor and leave the encoder unchanged", "[export][encoder]") {
    torch::manual_seed(5);
    VisionTransformer src(tinyOptions()), dst(tinyOptions());
    const auto before = encoderTensors(dst);
    auto unchanged = [&] {
        const auto now = encoderTensors(dst);
        for (size_t i = 0; i < now.size(); ++i)
            if (!now[i].tensor.equal(before[i].tensor)) return false;
        return true;
    };
    std::string path;
    SECTION("missing tensor") {
        path = writeEdited(src, "missing.safetensors", [](std::vector<NamedTensor>& ts) {
            ts.erase(std::remove_if(ts.begin(), ts.end(), [](auto& t) { return t.name == "blocks.1.norm1.weight"; }),
                     ts.end());
        });
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path),
                          Catch::Contains(path) && Catch::Contains("missing tensor(s): blocks.1.norm1.weight"));
    }
    SECTION("unexpected tensor (a classifier head)") {
        path = writeEdited(src, "extra.safetensors",
                           [](std::vector<NamedTensor>& ts) { ts.push_back({"head.weight", torch::zeros({10, 16})}); });
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path), Catch::Contains("unexpected tensor(s): head.weight"));
    }
    SECTION("wrong shape") {
        path = writeEdited(src, "shape.safetensors", [](std::vector<NamedTensor>& ts) {
            for (auto& t : ts)
                if (t.name == "pos_embed") t.tensor = torch::zeros({1, 17, 16});
        });
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path),
                          Catch::Contains("tensor 'pos_embed' has shape [1, 17, 16], the encoder expects [1, 5, 16]"));
    }
    SECTION("integer dtype") {
        path = writeEdited(src, "dtype.safetensors", [](std::vector<NamedTensor>& ts) {
            for (auto& t : ts)
                if (t.name == "norm.bias") t.tensor = t.tensor.to(torch::kInt);
        });
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path), Catch::Contains("tensor 'norm.bias' has dtype I32"));
    }
    SECTION("non-finite values") {
        path = writeEdited(src, "nan.safetensors", [](std::vector<NamedTensor>& ts) { ts[0].tensor[0][0][0] = NAN; });
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path), Catch::Contains("tensor 'cls_token' holds non-finite"));
    }
    SECTION("metadata for another architecture") {
        VitOptions other = tinyOptions();
        other.depth = 1;
        path = writeEdited(src, "arch.safetensors", [](std::vector<NamedTensor>&) {}, encoderMetadata(other));
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path), Catch::Contains("depth 1 in the file, 2 in the model"));
    }
    SECTION("metadata asking for a classifier") {
        path = writeEdited(src, "cls.safetensors", [](std::vector<NamedTensor>&) {},
                           {{"timm_args", R"({"embed_dim":16,"num_classes":9})"}});
        CHECK_THROWS_WITH(loadEncoderWeights(dst, path), Catch::Contains("timm_args.num_classes = 9 is not supported"));
    }
    std::filesystem::remove(path);
    CHECK(unchanged());
}

TEST_CASE("weights written by PyTorch with timm's module names load and give PyTorch's outputs", "[export][encoder]") {
    // tests/support/make_timm_fixture.py: a timm-structured ViT (img 8, patch 4, width 16, depth 2,
    // 2 heads) saved in the safetensors library's layout (tensors sorted by name, no timm_args), and
    // its output y for an input x.
    const std::string dir = DINO_TEST_SUPPORT_DIR;
    VisionTransformer enc(tinyOptions());
    loadEncoderWeights(enc, dir + "/timm_vit_fixture.safetensors");
    const auto io = readSafetensors(dir + "/timm_vit_fixture_io.safetensors");
    enc->eval();
    torch::NoGradGuard ng;
    const auto y = enc->forward(io.find("x")->tensor);
    const auto& expected = io.find("y")->tensor;
    REQUIRE(y.sizes() == expected.sizes());
    CHECK(y.allclose(expected, 1e-5, 1e-5));
    CHECK(expected[0][0].item<float>() == Approx(0.46483343839645386));
}
