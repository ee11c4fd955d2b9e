// TensorBoard event files (export/tensorboard_events.h, api::exportTensorBoard): the encoding byte for byte
// against protobuf's own (the expected bytes were made by the tensorboard package's event_pb2,
// plugin_data_pb2 and RecordWriter; tests/support/check_tensorboard_events.py reads whole exports back
// with TensorBoard's EventAccumulator), and an export of a run directory written by hand.
#include "api/interop.h"
#include "api/run_directory.h"
#include "common/config.h"
#include "common/config_schema.h"
#include "common/fsutil.h"
#include "export/tensorboard_events.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>

using namespace dino;
namespace tb = dino::tensorboard;

namespace {

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

// The records of an event file, each checked against both of its masked CRCs.
std::vector<std::string> readRecords(const std::string& bytes) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < bytes.size()) {
        REQUIRE(at + 12 <= bytes.size());
        uint64_t length;
        uint32_t length_crc, data_crc;
        std::memcpy(&length, bytes.data() + at, 8);
        std::memcpy(&length_crc, bytes.data() + at + 8, 4);
        REQUIRE(length_crc == tb::maskedCrc32c(bytes.data() + at, 8));
        REQUIRE(at + 12 + length + 4 <= bytes.size());
        out.push_back(bytes.substr(at + 12, length));
        std::memcpy(&data_crc, bytes.data() + at + 12 + length, 4);
        REQUIRE(data_crc == tb::maskedCrc32c(out.back().data(), out.back().size()));
        at += 12 + length + 4;
    }
    return out;
}

}  // namespace

TEST_CASE("CRC-32C: the standard check value", "[export][tensorboard]") {
    // CRC-32C of "123456789" is 0xE3069283 (RFC 3720, iSCSI), and of nothing 0.
    CHECK(tb::crc32c("123456789", 9) == 0xE3069283u);
    CHECK(tb::crc32c("", 0) == 0u);
}

TEST_CASE("event records are byte-identical to protobuf's encoding and TensorBoard's RecordWriter",
          "[export][tensorboard]") {
    // RecordWriter(Event(wall_time=1.5, file_version="brain.Event:2").SerializeToString())
    CHECK(hex(tb::tfRecord(tb::fileVersionEvent(1.5))) ==
          "1800000000000000a37f4b2209000000000000f83f1a0d627261696e2e4576656e743a322a28646c");
    // Event(wall_time=2.0, step=3, summary=Summary(value=[Value(tag="train/loss", simple_value=0.25)]))
    CHECK(hex(tb::scalarEvent("train/loss", 3, 2.0, 0.25f)) ==
          "09000000000000004010032a130a110a0a747261696e2f6c6f7373150000803e");
    // HParamsPluginData(session_start_info=SessionStartInfo(start_time_secs=10, hparams={views.solarize: True,
    // optim.centering: "sinkhorn", optim.lr: 0.001})) in Summary.Value(tag="_hparams_/session_start_info",
    // metadata=SummaryMetadata(plugin_data=PluginData(plugin_name="hparams", content=...))), wall_time 10
    CHECK(hex(tb::sessionStartEvent({{"views.solarize", true}, {"optim.centering", std::string("sinkhorn")},
                                     {"optim.lr", 0.001}},
                                    10.0, 10.0)) ==
          "0900000000000024402a87010a84010a1c5f68706172616d735f2f73657373696f6e5f73746172745f696e666f4a640a620a0768"
          "706172616d7312571a550a140a0e76696577732e736f6c6172697a65120220010a1d0a0f6f7074696d2e63656e746572696e6712"
          "0a1a0873696e6b686f726e0a150a086f7074696d2e6c72120911fca9f1d24d62503f290000000000002440");
    // HParamsPluginData(session_end_info=SessionEndInfo(status=STATUS_SUCCESS, end_time_secs=20)), wall_time 20
    CHECK(hex(tb::sessionEndEvent(tb::SessionStatus::Success, 20.0, 20.0)) ==
          "0900000000000034402a3a0a380a1a5f68706172616d735f2f73657373696f6e5f656e645f696e666f4a1a0a180a0768706172"
          "616d73120d220b0801110000000000003440");
}

TEST_CASE("exportTensorBoard: every metric and k-NN column, the results and every config field",
          "[export][tensorboard]") {
    test::TempDir dir("tb-run"), logs("tb-logs");
    const RunConfig cfg = test::tinyConfig();
    saveConfigFile(cfg, api::runConfigPath(dir.path()));
    // Two steps of metrics.csv's 14 columns besides step and epoch (one NaN: not measured, so not written),
    // and a row cut by a process still writing; two live k-NN points of 5 columns.
    writeFileAtomic(api::runMetricsPath(dir.path()),
                    "step,epoch,loss,lr,wd,teacher_temp,momentum,images_per_s,teacher_entropy,kl_uniform,"
                    "center_norm,step_seconds,data_seconds,elapsed_seconds,student_std,koleo\n"
                    "0,0,2.5,0.001,0.04,0.04,0.996,100,nan,0.5,0.1,0.2,0.01,0.5,1,0\n"
                    "1,0,2.25,0.001,0.04,0.04,0.996,100,1.75,0.5,0.1,0.2,0.01,1,1,0\n"
                    "2,0,2.");
    writeFileAtomic(api::runKnnPath(dir.path()),
                    "step,knn_1nn,knn_weighted,baseline_1nn,baseline_weighted,seconds\n"
                    "1,0.5,0.55,0.4,0.45,0.1\n"
                    "2,0.6,0.65,0.4,0.45,0.1\n");
    api::RunPlan plan;
    plan.dataset_size = 64;
    api::writeRunStatus(dir.path(), "finished", "", plan);

    const api::TensorBoardExport r = api::exportTensorBoard(dir.path(), logs.path());
    // metrics: 13 + 14 values (the NaN left out); knn: 5 columns x 2 rows.
    CHECK(r.scalars == 13 + 14 + 10);
    CHECK(r.tags == 14 + 5);
    int fields = 0;
    forEachField(cfg, [&](const FieldDescriptor&, const auto&) { ++fields; });
    CHECK(r.hparams == fields);
    CHECK(std::filesystem::path(r.file).parent_path().filename() == std::filesystem::path(dir.path()).filename());
    CHECK(std::filesystem::path(r.file).filename().string().rfind("events.out.tfevents.", 0) == 0);

    // The file version first, then the session start, the scalars, and the end with status success.
    const auto records = readRecords(test::readAll(r.file));
    REQUIRE(records.size() == size_t(1 + 1 + r.scalars + 1));
    CHECK(records[0].find("brain.Event:2") != std::string::npos);
    CHECK(records[1].find("_hparams_/session_start_info") != std::string::npos);
    CHECK(records[1].find("optim.lr") != std::string::npos);
    CHECK(records.back().find("_hparams_/session_end_info") != std::string::npos);
    CHECK(records.back().find(std::string("\x08\x01", 2)) != std::string::npos);  // status = 1 (success)
    // Row by row, column by column: loss@0 (record 2), lr@0, ..., elapsed_seconds@0 (12; the NaN entropy left
    // out), ..., loss@1 (15), ..., teacher_entropy@1 (21), ..., then knn.csv (29 on). Past the wall time (the
    // first 9 bytes: key and double), each as protobuf encodes it.
    auto body = [](const std::string& event) { return event.substr(9); };
    CHECK(body(records[2]) == body(tb::scalarEvent("train/loss", 0, 0, 2.5f)));
    CHECK(body(records[12]) == body(tb::scalarEvent("train/elapsed_seconds", 0, 0, 0.5f)));
    CHECK(body(records[15]) == body(tb::scalarEvent("train/loss", 1, 0, 2.25f)));
    CHECK(body(records[21]) == body(tb::scalarEvent("train/teacher_entropy", 1, 0, 1.75f)));
    CHECK(body(records[29]) == body(tb::scalarEvent("knn/knn_1nn", 1, 0, 0.5f)));
    // Wall times: the run's start + elapsed_seconds, so step 1 is 0.5 s after step 0.
    auto wall = [](const std::string& event) {
        double w;
        std::memcpy(&w, event.data() + 1, 8);
        return w;
    };
    CHECK(wall(records[15]) - wall(records[2]) == Approx(0.5).margin(1e-9));
}

TEST_CASE("exportTensorBoard names the run directory it cannot read", "[export][tensorboard]") {
    test::TempDir dir("tb-missing"), logs("tb-logs2");
    CHECK_THROWS_WITH(api::exportTensorBoard(dir.path(), logs.path()), Catch::Contains(dir.path()));
}
