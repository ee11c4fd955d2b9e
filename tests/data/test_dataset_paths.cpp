// Where data comes from: the sample's path, the cache directory, data.dataset resolution with the
// `dino fetch` advice, data.subset, and the normalisation constants.
#include "data/dataset.h"
#include "data/medmnist_registry.h"
#include "npz_builder.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "env_var.h"

using dino::test::errorOf;

using namespace dino;
namespace fs = std::filesystem;

namespace {

using dino::test::EnvVar;

}  // namespace

TEST_CASE("the sample is found through $DINO_SAMPLE or the source tree", "[dataset][paths]") {
    {
        EnvVar e("DINO_SAMPLE", DINO_SAMPLE_NPZ);
        CHECK(sampleDatasetPath() == DINO_SAMPLE_NPZ);
    }
    {
        EnvVar e("DINO_SAMPLE", nullptr);  // falls back to the compile-time source-tree path
        CHECK(fs::equivalent(sampleDatasetPath(), DINO_SAMPLE_NPZ));
    }
    {
        EnvVar e("DINO_SAMPLE", "/nonexistent/sample.npz");
        CHECK_THAT(errorOf([] { sampleDatasetPath(); }), Catch::Contains("/nonexistent/sample.npz"));
    }
}

TEST_CASE("cache directory: config, then $DINO_DATA_DIR, then ~/.medmnist", "[dataset][paths]") {
    DataConfig c;
    {
        EnvVar home("HOME", "/home/someone");
        EnvVar dir("DINO_DATA_DIR", nullptr);
        CHECK(cacheDirectory(c) == "/home/someone/.medmnist");
        EnvVar dir2("DINO_DATA_DIR", "/data/medmnist");
        CHECK(cacheDirectory(c) == "/data/medmnist");
        c.cache_dir = "~/elsewhere";
        CHECK(cacheDirectory(c) == "/home/someone/elsewhere");
    }
}

TEST_CASE("data.dataset resolves to a file, or says how to get it", "[dataset][paths]") {
    EnvVar sample("DINO_SAMPLE", DINO_SAMPLE_NPZ);
    DataConfig c;
    CHECK(resolveDatasetPath(c) == DINO_SAMPLE_NPZ);  // "sample"
    const std::string cache = dino::test::tempPath("cache");
    fs::create_directories(cache);
    c.cache_dir = cache;
    c.dataset = "dermamnist";
    c.size = 64;
    std::string msg = errorOf([&] { resolveDatasetPath(c); });
    CHECK_THAT(msg, Catch::Contains("not downloaded") && Catch::Contains(cache + "/dermamnist_64.npz") &&
                        Catch::Contains("dino fetch dermamnist --size 64") &&
                        Catch::Contains("https://zenodo.org/records/10519652/files/dermamnist_64.npz"));
    fs::copy_file(DINO_SAMPLE_NPZ, cache + "/dermamnist_64.npz", fs::copy_options::overwrite_existing);
    CHECK(resolveDatasetPath(c) == cache + "/dermamnist_64.npz");
    c.size = 32;
    CHECK_THAT(errorOf([&] { resolveDatasetPath(c); }), Catch::Contains("data.size"));
    c.dataset = "/nonexistent/x.npz";
    CHECK_THAT(errorOf([&] { resolveDatasetPath(c); }), Catch::Contains("/nonexistent/x.npz"));
    c.dataset = "imagenet";
    CHECK_THAT(errorOf([&] { resolveDatasetPath(c); }),
               Catch::Contains("unknown 'imagenet'") && Catch::Contains("organsmnist"));

    DataConfig s;
    s.subset = 100;
    ImageSet sub = loadConfiguredSplit(s, "train");
    CHECK(sub.size() == 100);
    CHECK(loadConfiguredSplit(s, "val").size() == 160);  // the subset applies to the training split only
}

TEST_CASE("normalisation: configured, PathMNIST's constants, or computed from the train split", "[dataset][norm]") {
    EnvVar sample("DINO_SAMPLE", DINO_SAMPLE_NPZ);
    RunConfig cfg;
    ImageSet train = loadSplit(DINO_SAMPLE_NPZ, "train");
    Normalization n = normalizationFor(cfg, train);  // the sample is PathMNIST: the seed's constants
    CHECK(n.mean == std::vector<double>{0.7405, 0.5330, 0.7058});
    CHECK(n.std == std::vector<double>{0.1237, 0.1768, 0.1244});

    // An unknown file: mean and population std over all training pixels.
    ImageSet other = train;
    other.source = "/tmp/mine.npz:train";
    cfg.data.dataset = "/tmp/mine.npz";
    Normalization c = normalizationFor(cfg, other);
    auto x = train.images.to(torch::kFloat64) / 255.0;
    for (int ch = 0; ch < 3; ++ch) {
        auto v = x.select(3, ch);
        CHECK(c.mean[ch] == Approx(v.mean().item<double>()).epsilon(1e-9));
        CHECK(c.std[ch] == Approx(v.std(/*unbiased=*/false).item<double>()).epsilon(1e-6));
    }
    // SOURCE.md: the sample's train part has mean .739 .531 .704 and std .125 .176 .125.
    CHECK(c.mean[0] == Approx(0.739).margin(0.001));
    CHECK(c.std[1] == Approx(0.176).margin(0.001));

    cfg.views.mean = {0.5};
    cfg.views.std = {0.25};
    Normalization o = normalizationFor(cfg, other);
    CHECK(o.mean == std::vector<double>{0.5, 0.5, 0.5});
    CHECK(o.std == std::vector<double>{0.25, 0.25, 0.25});
    cfg.views.mean = {0.5, 0.5};
    CHECK_THAT(errorOf([&] { normalizationFor(cfg, other); }), Catch::Contains("views.mean"));

    auto t = toNormalizedTensor(train.images.narrow(0, 0, 2), n);
    CHECK(t.sizes() == torch::IntArrayRef({2, 3, 28, 28}));
    double px = train.images[1][4][5][2].item<int>() / 255.0;
    CHECK(t[1][2][4][5].item<float>() == Approx((px - 0.7058) / 0.1244).epsilon(1e-5));
}
