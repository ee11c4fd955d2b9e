// Checkpoint files: everything needed to continue (student, teacher, AdamW moments, loss centre,
// position, RNG) comes back bit for bit; broken or mismatched files give errors naming the file.
#include "model/teacher.h"
#include "training/checkpoint.h"
#include "training/optim_groups.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dino;

namespace {

ModelConfig smallModel() {
    ModelConfig m;
    m.embed_dim = 32;
    m.depth = 2;
    m.num_heads = 2;
    m.out_dim = 16;
    return m;
}

struct Setup {
    DinoModel student{nullptr}, teacher{nullptr};
    DinoLoss loss{nullptr};
    std::unique_ptr<torch::optim::AdamW> opt;
    explicit Setup(uint64_t seed, bool split_groups = true) {
        torch::manual_seed(seed);
        student = DinoModel(smallModel(), 28);
        teacher = makeTeacher(student);
        loss = DinoLoss(16, 2, 2, 0.1, 0.9);
        opt = makeAdamW(splitWeightDecayGroups(*student, split_groups));
    }
    TrainingState state() { return TrainingState{student, teacher, *opt, loss, {}}; }
    // One DINO-like step on fixed inputs: changes params, AdamW moments and the loss centre.
    void step(const torch::Tensor& x, double lr) {
        applyOptimizerSchedule(*opt, lr, 0.04);
        torch::Tensor t;
        {
            torch::NoGradGuard ng;
            t = teacher->forward(x.narrow(0, 0, 8));
        }
        auto l = loss->forward(student->forward(x), t, 0.04);
        opt->zero_grad();
        l.backward();
        opt->step();
        emaUpdate(teacher, student, 0.99);
    }
};

}  // namespace

TEST_CASE("checkpoint round trip restores models, optimizer, centre and position exactly", "[checkpoint]") {
    test::TempDir dir("ckpt");
    torch::manual_seed(11);
    auto x = torch::randn({16, 3, 28, 28});
    Setup a(1);
    a.step(x, 1e-3);
    a.step(x, 2e-3);
    auto st = a.state();
    st.info.epoch = 3;
    st.info.step = 42;
    st.info.img_size = 28;
    st.info.config_json = "{\"note\": 1}";
    std::string path = lastCheckpointPath(dir.path());
    CHECK(path == dir.path() + "/checkpoints/last.ckpt");
    CHECK(epochCheckpointPath(dir.path(), 7) == dir.path() + "/checkpoints/epoch_007.ckpt");
    saveCheckpoint(st, path);
    // No temp files are left behind.
    int files = 0;
    for (auto& e : std::filesystem::directory_iterator(dir / "checkpoints")) {
        (void)e;
        ++files;
    }
    CHECK(files == 1);

    Setup b(2);  // different initialisation, no optimizer state
    REQUIRE(test::firstDifference(*a.student, *b.student) != "");
    auto sb = b.state();
    auto info = loadCheckpoint(sb, path, torch::kCPU);
    CHECK(info.epoch == 3);
    CHECK(info.step == 42);
    CHECK(info.img_size == 28);
    CHECK(info.config_json == "{\"note\": 1}");
    CHECK(test::firstDifference(*a.student, *b.student) == "");
    CHECK(test::firstDifference(*a.teacher, *b.teacher) == "");
    CHECK(torch::equal(a.loss->center, b.loss->center));
    for (auto& p : b.teacher->parameters()) CHECK_FALSE(p.requires_grad());

    // The AdamW moments and step counts came back: one more identical step stays identical.
    a.step(x, 3e-3);
    b.step(x, 3e-3);
    CHECK(test::firstDifference(*a.student, *b.student) == "");
    CHECK(test::firstDifference(*a.teacher, *b.teacher) == "");

    auto ri = readCheckpointInfo(path);
    CHECK(ri.step == 42);
    CHECK(ri.epoch == 3);
}

TEST_CASE("loadModelFromCheckpoint gives the teacher or the student, in eval mode", "[checkpoint]") {
    test::TempDir dir("ckpt-model");
    torch::manual_seed(5);
    auto x = torch::randn({16, 3, 28, 28});
    Setup a(3);
    a.step(x, 1e-3);
    auto st = a.state();
    st.info.img_size = 28;
    std::string path = epochCheckpointPath(dir.path(), 0);
    saveCheckpoint(st, path);
    auto teacher = loadModelFromCheckpoint(path, smallModel(), 28);
    CHECK(test::firstDifference(*teacher, *a.teacher) == "");
    CHECK_FALSE(teacher->is_training());
    auto student = loadModelFromCheckpoint(path, smallModel(), 28, "student");
    CHECK(test::firstDifference(*student, *a.student) == "");
    CHECK(test::firstDifference(*student, *a.teacher) != "");
    CHECK_THROWS_AS(loadModelFromCheckpoint(path, smallModel(), 28, "ema"), std::invalid_argument);

    ModelConfig wider = smallModel();
    wider.embed_dim = 64;
    CHECK_THROWS_WITH(loadModelFromCheckpoint(path, wider, 28), Catch::Contains(path) && Catch::Contains("does not match"));
}

TEST_CASE("missing, truncated and foreign checkpoint files are reported with their path", "[checkpoint]") {
    test::TempDir dir("ckpt-bad");
    std::string missing = dir / "checkpoints/last.ckpt";
    CHECK_THROWS_WITH(readCheckpointInfo(missing), Catch::Contains(missing) && Catch::Contains("does not exist"));

    Setup a(4);
    auto st = a.state();
    std::string bytes = serializeCheckpoint(st);
    std::filesystem::create_directories(dir.path());
    std::string truncated = dir / "truncated.ckpt";
    {
        std::ofstream out(truncated, std::ios::binary);
        out << bytes.substr(0, bytes.size() / 2);
    }
    CHECK_THROWS_WITH(readCheckpointInfo(truncated), Catch::Contains(truncated));
    CHECK_THROWS_WITH(loadModelFromCheckpoint(truncated, smallModel(), 28), Catch::Contains(truncated));

    // A valid torch archive that is not ours.
    std::string foreign = dir / "foreign.pt";
    {
        torch::serialize::OutputArchive out;
        out.write("weights", torch::ones({2}));
        out.save_to(foreign);
    }
    CHECK_THROWS_WITH(readCheckpointInfo(foreign), Catch::Contains("not a DINO Studio checkpoint"));
}

TEST_CASE("weights-only epoch snapshots: the same models, half the size, and no resume from them", "[checkpoint]") {
    test::TempDir dir("ckpt-weights");
    Setup a(5);
    a.step(torch::randn({16, 3, 28, 28}), 1e-3);  // AdamW moments exist: the full checkpoint carries them
    auto st = a.state();
    st.info.img_size = 28;
    st.info.step = 7;
    st.info.epoch = 3;
    const std::string full = serializeCheckpoint(st), weights = serializeCheckpoint(st, true);
    CHECK(weights.size() < full.size() * 6 / 10);
    std::filesystem::create_directories(dir.path());
    const std::string path = dir / "epoch_003.ckpt";
    writeCheckpointBytes(weights, path);

    auto info = readCheckpointInfo(path);
    CHECK(info.weights_only);
    CHECK(info.step == 7);
    CHECK(info.epoch == 3);
    CHECK(test::firstDifference(*loadModelFromCheckpoint(path, smallModel(), 28), *a.teacher) == "");
    CHECK(test::firstDifference(*loadModelFromCheckpoint(path, smallModel(), 28, "student"), *a.student) == "");
    CHECK_FALSE(readCheckpointInfoFromBytes(full, "full").weights_only);

    Setup b(6);
    auto sb = b.state();
    CHECK_THROWS_WITH(loadCheckpoint(sb, path, torch::kCPU),
                      Catch::Contains(path) && Catch::Contains("weights only") && Catch::Contains("last.ckpt"));
}

TEST_CASE("a damaged checkpoint is rejected before libtorch parses it (it crashed libtorch 1.13)", "[checkpoint]") {
    // Found by fuzz_checkpoint: one changed byte in archive/data.pkl made libtorch 1.13's
    // TorchScript type parser dereference garbage (SEGV in ScriptTypeParser::parseClassConstant).
    const std::string path = std::string(DINO_TEST_SUPPORT_DIR) + "/damaged_checkpoint.ckpt";
    CHECK_THROWS_WITH(readCheckpointInfo(path), Catch::Contains(path) && Catch::Contains("damaged") &&
                                                    Catch::Contains("CRC"));
    CHECK_THROWS_WITH(loadModelFromCheckpoint(path, smallModel(), 28), Catch::Contains("damaged"));
    // Any flipped byte inside a member is caught the same way.
    Setup a(7);
    auto st = a.state();
    st.info.img_size = 28;
    std::string bytes = serializeCheckpoint(st);
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
    CHECK_THROWS_WITH(readCheckpointInfoFromBytes(bytes, "flipped"), Catch::Contains("flipped") && Catch::Contains("damaged"));
}
