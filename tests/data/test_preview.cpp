// Previews: the views of chosen images of the real sample, un-normalised 8-bit RGB with what was
// applied; and the grid `dino preview` writes.
#include "data/dataset.h"
#include "data/medmnist_registry.h"
#include "data/preview.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace dino;

namespace {
std::string sample() {
    const char* env = std::getenv("DINO_SAMPLE");
    return env && *env ? env : DINO_SAMPLE_NPZ;
}
}  // namespace

TEST_CASE("previews of the sample: views, labels, class names, determinism", "[preview]") {
    ImageSet set = loadSplit(sample(), "train");
    ViewsConfig v;
    v.num_global = 3;
    v.num_local = 2;
    v.local_crop_size = 16;
    const auto& names = findMedmnist("pathmnist")->class_names;
    auto p = renderPreviews(v, set, {0, 5, 1000}, 17, names);
    REQUIRE(p.size() == 3);
    CHECK(p[1].index == 5);
    CHECK(p[1].label == set.labels[5].item<int64_t>());
    CHECK(p[1].class_name == names[p[1].label]);
    REQUIRE(p[0].views.size() == 5);
    CHECK(p[0].views[0].label == "Global 1");
    CHECK(p[0].views[1].label == "Global 2");
    CHECK_THAT(p[0].views[2].label, Catch::StartsWith("Global 3 (as Global"));
    CHECK(p[0].views[3].label == "Local 1");
    CHECK(p[0].views[3].image.width == 16);
    CHECK(p[0].views[0].image.width == 28);
    CHECK(p[0].views[0].image.pixels.size() == 28 * 28 * 3);
    CHECK_THAT(p[0].views[0].operations, Catch::Contains("Gaussian blur"));  // Global 1 always blurs
    CHECK_THAT(p[0].views[3].operations, Catch::Contains("crop"));
    // The original is the image as stored.
    auto orig = set.images[1000].contiguous();
    CHECK(std::equal(p[2].original.pixels.begin(), p[2].original.pixels.end(), orig.data_ptr<uint8_t>()));
    // Same seed, same previews; another seed, other views.
    auto q = renderPreviews(v, set, {0, 5, 1000}, 17, names);
    CHECK(q[2].views[4].image.pixels == p[2].views[4].image.pixels);
    auto r = renderPreviews(v, set, {0, 5, 1000}, 18, names);
    CHECK(r[2].views[4].image.pixels != p[2].views[4].image.pixels);
    CHECK_THROWS_AS(renderPreviews(v, set, {1059}, 1), std::out_of_range);

    api::RgbImage grid = previewGrid(p, 2, 3);
    CHECK(grid.width == 6 * (56 + 3) + 3);
    CHECK(grid.height == 3 * (56 + 3) + 3);
    CHECK(grid.pixels.size() == size_t(grid.width) * grid.height * 3);
    // Top-left pixel of the first original, scaled x2, sits at (3, 3).
    for (int c = 0; c < 3; ++c) CHECK(grid.pixels[(3 * grid.width + 3) * 3 + c] == p[0].original.pixels[c]);
    CHECK(grid.pixels[0] == 255);  // background
}

TEST_CASE("toRgbImage clamps and rounds", "[preview]") {
    auto t = torch::tensor({-0.5f, 0.5f, 2.0f, 0.0f, 1.0f, 0.2f}).view({3, 1, 2});
    api::RgbImage im = toRgbImage(t);
    CHECK(im.width == 2);
    CHECK(im.height == 1);
    // (3,1,2): pixel 0 = (-0.5, 2.0, 1.0) -> (0, 255, 255); pixel 1 = (0.5, 0.0, 0.2) -> (128, 0, 51).
    CHECK(im.pixels == std::vector<uint8_t>{0, 255, 255, 128, 0, 51});
}
