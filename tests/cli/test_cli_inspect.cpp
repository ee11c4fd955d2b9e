// `dino attention` and `dino map` as a script sees them: the files they write, their shapes and line
// counts, the printed neighbours, and the usage errors (exit 2 naming the option or value).
#include "cli_test_util.h"
#include "common/fsutil.h"
#include "data/npy.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
std::string dq(const std::string& p) { return dino::test::quoted(p); }
using dino::test::runDino;
using dino::test::Scratch;

namespace {

size_t lineCount(const std::string& path) {
    std::ifstream in(path);
    size_t n = 0;
    for (std::string l; std::getline(in, l);) ++n;
    return n;
}

// A PNG's width and height from its IHDR chunk.
std::pair<uint32_t, uint32_t> pngSize(const std::string& path) {
    const std::string b = dino::readTextFile(path);
    REQUIRE(b.size() > 24);
    REQUIRE(b.compare(1, 3, "PNG") == 0);
    auto be32 = [&](size_t o) {
        return (uint32_t(uint8_t(b[o])) << 24) | (uint32_t(uint8_t(b[o + 1])) << 16) | (uint32_t(uint8_t(b[o + 2])) << 8) |
               uint32_t(uint8_t(b[o + 3]));
    };
    return {be32(16), be32(20)};
}

// One tiny run (2 one-step epochs) shared by the cases below.
struct TrainedRun {
    Scratch s{"inspect"};
    std::string run = s / "run";
    TrainedRun() {
        const auto r = runDino(s, "train --preset tiny --set eval.eval_at_end=false --set optim.epochs=2 "
                                  "--set optim.max_steps_per_epoch=1 --set system.keep_checkpoints=-1 --run " +
                                      dq(run));
        if (r.code != 0) throw std::runtime_error("tiny training failed: " + r.err);
    }
};

TrainedRun& trained() {
    static TrainedRun t;
    return t;
}

}  // namespace

TEST_CASE("dino attention writes the PNG grid and the raw (N, heads, 7, 7) maps", "[cli][inspection]") {
    auto& t = trained();
    Scratch s;
    const auto png = s / "att.png", npy = s / "att.npy";
    auto r = runDino(s, "attention " + dq(t.run) + " --images 0,5,9 --split test --out " + dq(png) +
                            " --npy " + dq(npy));
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("block 1 (0-based) of 2, 2 heads of 7x7 patches") != std::string::npos);
    CHECK(r.out.find("images 0 5 9") != std::string::npos);
    // 3 rows of 6 columns (image, 2 heads, mean, overlay, mask) of 28 * 4 px with 4 px gaps.
    CHECK(pngSize(png) == std::make_pair(4u + 6u * (112u + 4u), 4u + 3u * (112u + 4u)));
    const std::string bytes = dino::readTextFile(npy);
    const auto h = dino::parseNpyHeader(bytes, npy);
    CHECK(h.shape == std::vector<int64_t>{3, 2, 7, 7});
    CHECK(h.dtype.itemsize == 4);

    // With the random-init baseline: a second row per image. By class, a block, the student, an epoch.
    r = runDino(s, "attention " + dq(t.run) + " --class 0 --count 2 --block 0 --model student --baseline --checkpoint " +
                       dq(t.run + "/checkpoints/epoch_000.ckpt") + " --out " + dq(png));
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("student of") != std::string::npos);
    CHECK(r.out.find("block 0 (0-based) of 2") != std::string::npos);
    CHECK(pngSize(png).second == 4u + 2u * (2u * (112u + 4u) + 4u));
    r = runDino(s, "attention " + dq(t.run) + " --random 3 --seed 4 --npy " + dq(npy));
    REQUIRE(r.code == 0);
    CHECK(dino::parseNpyHeader(dino::readTextFile(npy), npy).shape == std::vector<int64_t>{3, 2, 7, 7});
}

TEST_CASE("dino attention: bad images, block, class, model and options exit 2 naming them", "[cli][inspection]") {
    auto& t = trained();
    Scratch s;
    const std::string base = "attention " + dq(t.run) + " ";
    const auto out = " --out " + dq(s / "a.png");
    struct Case {
        std::string args, message;
    };
    for (const Case& c : {Case{"--images 0,x" + out, "--images takes non-negative indices"},
                          Case{"--images 99999" + out, "image 99999 is not in the test split"},
                          Case{"--images 0 --block 7" + out, "block 7 does not exist"},
                          Case{"--class nosuchclass" + out, "is not a class of the data set"},
                          Case{"--images 0 --model pupil" + out, "--model must be teacher, student or random-init"},
                          Case{"--images 0 --threshold 1.5" + out, "--threshold must be in (0, 1]"},
                          Case{"--images 0", "--out FILE.png (or --npy FILE.npy) is required"},
                          Case{"--images 0 --random 2" + out, "exactly one of --images, --class or --random"}}) {
        INFO(c.args);
        const auto r = runDino(s, base + c.args);
        CHECK(r.code == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    CHECK(runDino(s, "attention " + dq(s / "nothing") + " --images 0" + out).code == 1);
}

TEST_CASE("dino map writes the CSV, the PNG and the Projector bundle, and prints neighbours", "[cli][inspection]") {
    auto& t = trained();
    Scratch s;
    const auto csv = s / "map.csv", png = s / "map.png", proj = s / "proj";
    auto r = runDino(s, "map " + dq(t.run) + " --split val --out " + dq(csv) + " --png " + dq(png) +
                            " --projector " + dq(proj) + " --neighbours 3");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("160 points of the val split, 32-dimensional features; PC1 explains") != std::string::npos);
    CHECK(lineCount(csv) == 161u);
    CHECK(dino::readTextFile(csv).rfind("index,split,label,x,y\n0,val,", 0) == 0);
    CHECK(pngSize(png) == std::make_pair(800u, 800u));
    CHECK(r.out.find("#1f77b4  0  adipose") != std::string::npos);
    CHECK(lineCount(proj + "/tensors.tsv") == 160u);
    CHECK(lineCount(proj + "/metadata.tsv") == 161u);
    CHECK(pngSize(proj + "/sprite.png") == std::make_pair(13u * 28u, 13u * 28u));
    CHECK(fs::exists(proj + "/projector_config.pbtxt"));
    CHECK(r.out.find("point 3: label") != std::string::npos);
    CHECK(r.out.find("weighted 20-NN vote") != std::string::npos);
    CHECK(r.out.find("\n  20   ") != std::string::npos);  // the 20th neighbour's row

    r = runDino(s, "map " + dq(t.run) + " --split val --method tsne --perplexity 15 --iterations 200 --out " + dq(csv));
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("t-SNE: perplexity 15.0, 200 iterations from the PCA layout, KL(P || Q) = ") != std::string::npos);
    CHECK(lineCount(csv) == 161u);
    for (const std::string bad : {"--method umap", "--perplexity 0", "--iterations x"}) {
        const auto e = runDino(s, "map " + dq(t.run) + " " + bad + " --out " + dq(csv));
        INFO(bad);
        CHECK(e.code == 2);
        CHECK(e.err.find(bad.substr(0, bad.find(' '))) != std::string::npos);
    }

    r = runDino(s, "map " + dq(t.run) + " --model random-init --out " + dq(csv));
    REQUIRE(r.code == 0);
    CHECK(lineCount(csv) == 76u);  // the test split
    CHECK(runDino(s, "map " + dq(t.run)).code == 2);
    const auto bad = runDino(s, "map " + dq(t.run) + " --neighbours 500");
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--neighbours 500 is not a point of the test split") != std::string::npos);
}
