// The seed's multi-crop views: shapes, determinism, the composition of the single operations
// (each view equals its recorded operations applied one by one), and statistics over thousands of
// draws for every probability and range.
#include "data/dataset.h"
#include "data/loader.h"
#include "data/multicrop.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <map>

using namespace dino;

namespace {

const Normalization kPath{{0.7405, 0.5330, 0.7058}, {0.1237, 0.1768, 0.1244}};

torch::Tensor randomImages(int64_t n, int64_t size, uint64_t seed) {
    auto g = at::make_generator<at::CPUGeneratorImpl>(seed);
    return torch::randint(0, 256, {n, size, size, 3}, g, torch::kUInt8);
}

// Like the loader's workers, augment with one intra-op thread: these tensors are small, and OpenMP
// barriers on a busy machine cost more than they save.
torch::Generator gen(uint64_t seed) {
    limitIntraOpThreadsOfThisThread(1);
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

// Binomial proportion within 5 standard deviations.
void checkRate(int64_t hits, int64_t n, double p) {
    INFO(hits << " of " << n << ", expected rate " << p);
    double sd = std::sqrt(p * (1 - p) / n);
    CHECK(std::abs(double(hits) / n - p) <= 5 * sd + 1e-12);
}

// A view rebuilt from the image (1,3,H,W) and the operations recorded for it, one at a time in the pipeline's
// order: stain jitter, colour jitter (the recorded order), flips, quarter turns, blur, solarisation, and for a
// local view the crop resized to local_size.
torch::Tensor replay(torch::Tensor y, const AppliedOps& o, int local_size = 0) {
    auto one = [](double f) { return torch::tensor({f}, torch::kFloat64); };
    if (o.stain) {
        auto sc = torch::tensor({o.stain_scale[0], o.stain_scale[1], o.stain_scale[2]}, torch::kFloat64).view({1, 3});
        auto sh = torch::tensor({o.stain_shift[0], o.stain_shift[1], o.stain_shift[2]}, torch::kFloat64).view({1, 3});
        y = aug::stainJitter(y, sc, sh);
    }
    if (o.jitter)
        for (int op : o.jitter_order) {
            if (op == 0) y = aug::adjustBrightness(y, one(o.brightness));
            if (op == 1) y = aug::adjustContrast(y, one(o.contrast));
            if (op == 2) y = aug::adjustSaturation(y, one(o.saturation));
            if (op == 3) y = aug::adjustHue(y, one(o.hue));
        }
    y = aug::hflip(y, torch::tensor({o.hflip}));
    y = aug::vflip(y, torch::tensor({o.vflip}));
    if (o.quarter_turns) y = aug::rotate90(y, torch::tensor({int64_t{o.quarter_turns}}));
    if (o.blur) y = aug::gaussianBlur(y, 5, one(o.sigma));
    if (o.solarize) y = aug::solarize(y, 0.5);
    if (o.kind == ViewKind::Local)
        y = aug::resizedCrop(y, torch::tensor({{o.crop_top, o.crop_left, o.crop_h, o.crop_w}}), local_size);
    return y;
}

std::string sample() {
    const char* env = std::getenv("DINO_SAMPLE");
    return env && *env ? env : DINO_SAMPLE_NPZ;
}

}  // namespace

TEST_CASE("the seed's shape tests: (8,3,28,28) for 2+6 and (7,3,28,28) for 3+4", "[multicrop]") {
    ImageSet set = loadSplit(sample(), "train");
    auto images = set.images.narrow(0, 0, 32);
    for (auto [g, l] : {std::pair<int, int>{2, 6}, {3, 4}}) {
        ViewsConfig v;
        v.num_global = g;
        v.num_local = l;
        MultiCrop mc(v, 28, kPath);
        auto gn = gen(1);
        MultiCropBatch b = mc(images, gn);
        REQUIRE(b.globals.sizes() == torch::IntArrayRef({g, 32, 3, 28, 28}));
        REQUIRE(b.locals.sizes() == torch::IntArrayRef({l, 32, 3, 28, 28}));
        for (int i = 0; i < 32; ++i) {
            auto per_image = torch::cat({b.globals.select(1, i), b.locals.select(1, i)});
            CHECK(per_image.sizes() == torch::IntArrayRef({g + l, 3, 28, 28}));
        }
        CHECK(torch::isfinite(b.globals).all().item<bool>());
    }
    ViewsConfig small;
    small.local_crop_size = 16;
    MultiCrop mc(small, 28, kPath);
    CHECK(mc.localSize() == 16);
    auto gn = gen(2);
    MultiCropBatch b = mc(images, gn);
    CHECK(b.locals.sizes() == torch::IntArrayRef({2, 32, 3, 16, 16}));
    CHECK(b.globals.sizes() == torch::IntArrayRef({2, 32, 3, 28, 28}));
}

TEST_CASE("views are deterministic for a seed and differ between seeds", "[multicrop]") {
    ViewsConfig v;
    v.num_global = 3;
    v.num_local = 3;
    MultiCrop mc(v, 28, kPath);
    auto images = randomImages(16, 28, 5);
    auto g1 = gen(42), g2 = gen(42), g3 = gen(43);
    auto a = mc(images, g1), b = mc(images, g2), c = mc(images, g3);
    CHECK(a.globals.equal(b.globals));
    CHECK(a.locals.equal(b.locals));
    CHECK_FALSE(a.globals.equal(c.globals));
    // Normalisation is last: normalised = (unnormalised - mean) / std.
    auto g4 = gen(42);
    auto raw = mc(images, g4, false, /*normalize=*/false);
    auto mean = torch::tensor({0.7405f, 0.5330f, 0.7058f}).view({1, 1, 3, 1, 1});
    auto std = torch::tensor({0.1237f, 0.1768f, 0.1244f}).view({1, 1, 3, 1, 1});
    CHECK(torch::allclose(a.globals, (raw.globals - mean) / std, 1e-5, 1e-5));
    CHECK(raw.globals.min().item<float>() >= 0.0f);
    CHECK(raw.globals.max().item<float>() <= 1.0f);
}

TEST_CASE("each view equals its recorded operations applied one at a time, in the seed's order", "[multicrop]") {
    ViewsConfig v;
    v.num_global = 4;
    v.num_local = 3;
    v.local_crop_size = 12;
    v.solarize_p = 0.5;  // more solarised views in a small batch
    MultiCrop mc(v, 28, kPath);
    auto images = randomImages(24, 28, 9);
    auto g = gen(7);
    MultiCropBatch b = mc(images, g, /*record_ops=*/true, /*normalize=*/false);
    REQUIRE(b.ops.size() == 7);
    auto x = images.permute({0, 3, 1, 2}).to(torch::kFloat32) / 255.0;
    int jittered = 0, solarised = 0, blurred = 0;
    for (int view = 0; view < 7; ++view) {
        for (int i = 0; i < 24; ++i) {
            const AppliedOps& o = b.ops[view][i];
            if (o.jitter) {
                ++jittered;
                REQUIRE(o.jitter_order.size() == 4);
            }
            blurred += o.blur;
            solarised += o.solarize;
            CHECK_FALSE(o.stain);
            CHECK(o.quarter_turns == 0);
            auto y = replay(x[i].unsqueeze(0).clone(), o, 12);
            torch::Tensor got;
            if (view < 4) {
                CHECK(o.kind != ViewKind::Local);
                if (view == 0) CHECK(o.kind == ViewKind::Global1);
                if (view == 1) CHECK(o.kind == ViewKind::Global2);
                got = b.globals[view][i];
            } else {
                CHECK(o.kind == ViewKind::Local);
                got = b.locals[view - 4][i];
            }
            INFO("view " << view << " image " << i << "\n" << o.describe());
            CHECK((got - y[0]).abs().max().item<double>() < 1e-5);
        }
    }
    CHECK(jittered > 0);
    CHECK(blurred > 0);
    CHECK(solarised > 0);
}

TEST_CASE("statistics over thousands of draws match every probability and range", "[multicrop][stats]") {
    ViewsConfig v;
    v.num_global = 4;  // two extra globals choose Global 1 or 2 at random
    v.num_local = 2;
    const int64_t B = 1500, S = 12;
    MultiCrop mc(v, S, kPath);
    auto images = randomImages(B, S, 3);
    auto g = gen(11);
    MultiCropBatch b = mc(images, g, true, false);

    std::map<ViewKind, int64_t> n, blur, sol;
    int64_t views = 0, jit = 0, hf = 0, vf = 0, extra_g1 = 0, extra = 0;
    std::map<std::vector<int>, int64_t> orders;
    int64_t pos_count[4][4] = {};
    double bmin = 9, bmax = -9, cmin = 9, cmax = -9, smin = 9, smax = -9, hmin = 9, hmax = -9, sgmin = 9, sgmax = -9;
    double bsum = 0, hsum = 0, sgsum = 0, area_sum = 0;
    int64_t nsig = 0, crops = 0, crops_in_range = 0;
    for (size_t view = 0; view < b.ops.size(); ++view) {
        for (const AppliedOps& o : b.ops[view]) {
            ++views;
            ++n[o.kind];
            if (view >= 2 && view < 4) {
                ++extra;
                extra_g1 += o.kind == ViewKind::Global1;
            }
            if (o.jitter) {
                ++jit;
                ++orders[o.jitter_order];
                for (int p = 0; p < 4; ++p) ++pos_count[p][o.jitter_order[p]];
                bmin = std::min(bmin, o.brightness), bmax = std::max(bmax, o.brightness);
                cmin = std::min(cmin, o.contrast), cmax = std::max(cmax, o.contrast);
                smin = std::min(smin, o.saturation), smax = std::max(smax, o.saturation);
                hmin = std::min(hmin, o.hue), hmax = std::max(hmax, o.hue);
                bsum += o.brightness;
                hsum += o.hue;
            }
            hf += o.hflip;
            vf += o.vflip;
            if (o.blur) {
                ++blur[o.kind];
                ++nsig;
                sgmin = std::min(sgmin, o.sigma), sgmax = std::max(sgmax, o.sigma);
                sgsum += o.sigma;
            }
            sol[o.kind] += o.solarize;
            if (o.kind == ViewKind::Local) {
                ++crops;
                REQUIRE(o.crop_top >= 0);
                REQUIRE(o.crop_left >= 0);
                REQUIRE(o.crop_top + o.crop_h <= S);
                REQUIRE(o.crop_left + o.crop_w <= S);
                double area = double(o.crop_h) * o.crop_w / (S * S);
                double ratio = double(o.crop_w) / o.crop_h;
                area_sum += area;
                // Rounding w and h to whole pixels moves area and ratio a little off the sampled range.
                if (area >= 0.2 * 0.75 && area <= 0.8 * 1.25 && ratio >= 0.75 * 0.8 && ratio <= 4.0 / 3.0 * 1.25)
                    ++crops_in_range;
            }
        }
    }
    REQUIRE(views == B * 6);
    checkRate(jit, views, 0.8);
    checkRate(hf, views, 0.5);
    checkRate(vf, views, 0.5);
    checkRate(extra_g1, extra, 0.5);
    CHECK(blur[ViewKind::Global1] == n[ViewKind::Global1]);  // p = 1.0
    checkRate(blur[ViewKind::Global2], n[ViewKind::Global2], 0.1);
    checkRate(blur[ViewKind::Local], n[ViewKind::Local], 0.5);
    checkRate(sol[ViewKind::Global2], n[ViewKind::Global2], 0.2);
    CHECK(sol[ViewKind::Global1] == 0);
    CHECK(sol[ViewKind::Local] == 0);
    // Ranges: brightness/contrast [0.6, 1.4], saturation [0.8, 1.2], hue [-0.1, 0.1], sigma [0.1, 1.0].
    CHECK(bmin >= 0.6);
    CHECK(bmax <= 1.4);
    CHECK(bmin < 0.61);
    CHECK(bmax > 1.39);
    CHECK(cmin >= 0.6);
    CHECK(cmax <= 1.4);
    CHECK(smin >= 0.8);
    CHECK(smax <= 1.2);
    CHECK(smin < 0.81);
    CHECK(smax > 1.19);
    CHECK(hmin >= -0.1);
    CHECK(hmax <= 0.1);
    CHECK(hmin < -0.099);
    CHECK(hmax > 0.099);
    CHECK(bsum / jit == Approx(1.0).margin(0.01));
    CHECK(hsum / jit == Approx(0.0).margin(0.003));
    CHECK(sgmin >= 0.1);
    CHECK(sgmax <= 1.0);
    CHECK(sgsum / nsig == Approx(0.55).margin(0.01));
    // Jitter order: all 24 permutations, each op equally often at each position.
    CHECK(orders.size() == 24);
    for (const auto& [perm, count] : orders) checkRate(count, jit, 1.0 / 24);
    for (int p = 0; p < 4; ++p)
        for (int op = 0; op < 4; ++op) checkRate(pos_count[p][op], jit, 0.25);
    // Crops: inside the image, area and aspect ratio in the configured ranges (up to pixel rounding).
    CHECK(crops == 2 * B);
    CHECK(crops_in_range == crops);
    CHECK(area_sum / crops > 0.35);
    CHECK(area_sum / crops < 0.6);
}

TEST_CASE("every probability and range is a configuration field", "[multicrop][stats]") {
    ViewsConfig v;
    v.jitter_p = 0.3;
    v.hflip_p = 0.1;
    v.vflip_p = 0.9;
    v.blur_p_global1 = 0.25;
    v.blur_p_global2 = 0.75;
    v.blur_p_local = 0.0;
    v.solarize_p = 1.0;
    v.brightness = 0.1;
    v.hue = 0.0;  // hue off: not part of the order
    v.blur_sigma_min = 2.0;
    v.blur_sigma_max = 2.5;
    v.crop_scale_min = 0.9;
    v.crop_scale_max = 1.0;
    v.crop_ratio_min = 1.0;
    v.crop_ratio_max = 1.0;
    const int64_t B = 2000, S = 10;
    MultiCrop mc(v, S, kPath);
    auto images = randomImages(B, S, 4);
    auto g = gen(5);
    MultiCropBatch b = mc(images, g, true, false);
    int64_t jit = 0, hf = 0, vf = 0, views = 0, b1 = 0, b2 = 0, bl = 0, s2 = 0;
    for (size_t view = 0; view < b.ops.size(); ++view) {
        for (const AppliedOps& o : b.ops[view]) {
            ++views;
            jit += o.jitter;
            hf += o.hflip;
            vf += o.vflip;
            if (o.jitter) {
                CHECK(o.jitter_order.size() == 3);
                CHECK(o.hue == 0.0);
                CHECK(o.brightness >= 0.9);
                CHECK(o.brightness <= 1.1);
            }
            if (o.blur) CHECK((o.sigma >= 2.0 && o.sigma <= 2.5));
            if (view == 0) b1 += o.blur;
            if (view == 1) {
                b2 += o.blur;
                s2 += o.solarize;
            }
            if (view >= 2) {
                bl += o.blur;
                // scale >= 0.9 with ratio 1 on 10 px: 10x10 (full) or 9x9 / 10x10 after rounding
                CHECK(o.crop_h == o.crop_w);
                CHECK(o.crop_h >= 9);
            }
        }
    }
    checkRate(jit, views, 0.3);
    checkRate(hf, views, 0.1);
    checkRate(vf, views, 0.9);
    checkRate(b1, B, 0.25);
    checkRate(b2, B, 0.75);
    CHECK(bl == 0);
    CHECK(s2 == B);
}

TEST_CASE("stain jitter and quarter turns: each view equals its recorded operations, stain first", "[multicrop]") {
    ViewsConfig v;
    v.num_local = 2;
    v.local_crop_size = 12;
    v.stain_p = 0.5;
    v.stain_scale = 0.2;
    v.stain_shift = 0.1;
    v.rotate90_p = 0.75;
    MultiCrop mc(v, 28, kPath);
    auto images = randomImages(16, 28, 3);
    auto g = gen(11);
    MultiCropBatch b = mc(images, g, /*record_ops=*/true, /*normalize=*/false);
    auto x = images.permute({0, 3, 1, 2}).to(torch::kFloat32) / 255.0;
    int stained = 0, turned = 0;
    for (int view = 0; view < 4; ++view) {
        for (int i = 0; i < 16; ++i) {
            const AppliedOps& o = b.ops[view][i];
            stained += o.stain;
            for (int c = 0; o.stain && c < 3; ++c) {
                CHECK(o.stain_scale[c] >= 0.8);
                CHECK(o.stain_scale[c] <= 1.2);
                CHECK(std::abs(o.stain_shift[c]) <= 0.1);
            }
            CHECK((o.quarter_turns >= 0 && o.quarter_turns <= 3));
            turned += o.quarter_turns != 0;
            auto y = replay(x[i].unsqueeze(0).clone(), o, 12);
            const torch::Tensor got = view < 2 ? b.globals[view][i] : b.locals[view - 2][i];
            INFO("view " << view << " image " << i << "\n" << o.describe());
            CHECK((got - y[0]).abs().max().item<double>() < 1e-5);
        }
    }
    CHECK(stained > 0);
    CHECK(turned > 0);
    // The preview's description names both.
    for (const auto& view : b.ops)
        for (const AppliedOps& o : view) {
            if (o.stain) CHECK(o.describe().find("H&E stain jitter: haematoxylin x") != std::string::npos);
            if (o.quarter_turns)
                CHECK(o.describe().find("rotation " + std::to_string(90 * o.quarter_turns) + " degrees") !=
                      std::string::npos);
        }
}

TEST_CASE("stain jitter and quarter turns draw after the seed's numbers: on but never firing, views are the seed's",
          "[multicrop]") {
    ViewsConfig seed;
    seed.num_local = 3;
    seed.global_crop_scale_min = 0.4;  // the options' draws come after the global crops' too
    ViewsConfig on = seed;
    on.stain_p = 1e-300;
    on.rotate90_p = 1e-300;
    auto images = randomImages(8, 28, 21);
    auto g1 = gen(5), g2 = gen(5);
    MultiCropBatch a = MultiCrop(seed, 28, kPath)(images, g1), b = MultiCrop(on, 28, kPath)(images, g2);
    CHECK(torch::equal(a.globals, b.globals));
    CHECK(torch::equal(a.locals, b.locals));
}

TEST_CASE("quarter turns and stain jitter happen at their rates, with every orientation equally likely",
          "[multicrop][stats]") {
    ViewsConfig v;
    v.num_local = 1;
    v.rotate90_p = 0.75;
    v.stain_p = 0.3;
    v.stain_scale = 0.05;
    v.stain_shift = 0.02;
    const int64_t B = 1500;
    MultiCrop mc(v, 8, kPath);
    auto g = gen(17);
    MultiCropBatch b = mc(randomImages(B, 8, 2), g, true, false);
    int64_t views = 0, stained = 0;
    int64_t turns[4] = {0, 0, 0, 0};
    double lo = 9, hi = -9, slo = 9, shi = -9;
    for (const auto& view : b.ops)
        for (const AppliedOps& o : view) {
            ++views;
            ++turns[o.quarter_turns];
            stained += o.stain;
            if (o.stain)
                for (int c = 0; c < 3; ++c) {
                    lo = std::min(lo, o.stain_scale[c]);
                    hi = std::max(hi, o.stain_scale[c]);
                    slo = std::min(slo, o.stain_shift[c]);
                    shi = std::max(shi, o.stain_shift[c]);
                }
        }
    for (int k = 0; k < 4; ++k) checkRate(turns[k], views, 0.25);
    checkRate(stained, views, 0.3);
    CHECK(lo >= 0.95);
    CHECK(hi <= 1.05);
    CHECK(lo < 0.951);  // the whole range is used
    CHECK(hi > 1.049);
    CHECK(slo >= -0.02);
    CHECK(shi <= 0.02);
    CHECK(slo < -0.019);
    CHECK(shi > 0.019);
}

TEST_CASE("grey data sets: saturation, hue and stain jitter are skipped, channels stay equal", "[multicrop]") {
    ViewsConfig v;
    v.jitter_p = 1.0;
    v.stain_p = 1.0;
    v.rotate90_p = 0.75;
    auto grey = randomImages(32, 28, 8).select(3, 0).unsqueeze(3).expand({-1, -1, -1, 3}).contiguous();
    auto g = gen(3);
    MultiCrop mc(v, 28, kPath, /*grey=*/true);
    CHECK(mc.grey());
    MultiCropBatch b = mc(grey, g, true, false);
    for (const auto& view : b.ops)
        for (const AppliedOps& o : view) {
            CHECK_FALSE(o.stain);
            REQUIRE(o.jitter_order.size() == 2);  // brightness and contrast
            for (int op : o.jitter_order) CHECK(op < 2);
            CHECK(o.describe().find("saturation") == std::string::npos);
        }
    for (const auto& t : {b.globals, b.locals}) {
        CHECK(torch::equal(t.select(2, 0), t.select(2, 1)));
        CHECK(torch::equal(t.select(2, 0), t.select(2, 2)));
    }
    // The same images read as colour get all of them.
    auto g2 = gen(3);
    MultiCropBatch c = MultiCrop(v, 28, kPath)(grey, g2, true, false);
    CHECK(c.ops[0][0].stain);
    CHECK(c.ops[0][0].jitter_order.size() == 4);
}

TEST_CASE("multi-crop refuses invalid set-ups", "[multicrop]") {
    ViewsConfig v;
    v.num_global = 1;
    CHECK_THROWS(MultiCrop(v, 28, kPath));
    ViewsConfig w;
    w.num_local = 0;
    CHECK_THROWS(MultiCrop(w, 28, kPath));
    MultiCrop ok(ViewsConfig{}, 28, kPath);
    auto g = gen(1);
    CHECK_THROWS(ok(randomImages(2, 14, 1), g));  // wrong image size
}

// Not run by default: `test_data "[profile]"`. Time per operation on a seed-sized batch
// (256 images x 4 views of 28 px), one intra-op thread, as the loader's workers run.
TEST_CASE("multi-crop: time per operation", "[.][profile]") {
    limitIntraOpThreadsOfThisThread(1);
    const int64_t n = 1024;
    auto x = torch::rand({n, 3, 28, 28});
    auto f = torch::rand({n}, torch::kFloat64) * 0.8 + 0.6;
    auto h = torch::rand({n}, torch::kFloat64) * 0.2 - 0.1;
    auto s = torch::rand({n}, torch::kFloat64) * 0.9 + 0.1;
    auto boxes = torch::tensor({4, 3, 18, 20}).repeat({n, 1});
    auto time = [](const char* name, auto fn) {
        fn();
        auto t0 = std::chrono::steady_clock::now();
        for (int k = 0; k < 5; ++k) fn();
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 5;
        std::printf("%-12s %7.2f ms per 1024 views\n", name, ms);
    };
    time("brightness", [&] { return aug::adjustBrightness(x, f); });
    time("contrast", [&] { return aug::adjustContrast(x, f); });
    time("saturation", [&] { return aug::adjustSaturation(x, f); });
    time("hue", [&] { return aug::adjustHue(x, h); });
    time("flips", [&] { return aug::vflip(aug::hflip(x, f > 1.0), f > 1.0); });
    time("blur", [&] { return aug::gaussianBlur(x, 5, s); });
    time("solarize", [&] { return aug::solarize(x, 0.5); });
    time("crop", [&] { return aug::resizedCrop(x, boxes, 28); });
    MultiCrop mc(ViewsConfig{}, 28, kPath);
    auto images = randomImages(256, 28, 1);
    time("multicrop", [&] {
        auto g = gen(1);
        return mc(images, g);
    });
}
