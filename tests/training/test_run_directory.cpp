// metrics.csv rows, eval.json / pseudo_labels.json and loadRun: what the trainer writes reads back
// unchanged, and damaged files give errors that name the file.
#include "api/run_directory.h"
#include "api/run_storage.h"
#include "common/fsutil.h"
#include "train_test_util.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>

using namespace dino;

namespace {

api::StepMetrics sampleMetrics() {
    api::StepMetrics m;
    m.step = 12345;
    m.epoch = 7;
    m.loss = 5.123456789012345;
    m.lr = 4.999e-4 / 3.0;
    m.wd = 0.02 + 1e-17;
    m.teacher_temp = 0.04 + 0.03 / 7.0;
    m.momentum = 0.99212345678;
    m.images_per_s = 21.5;
    m.teacher_entropy = 1.0 / 3.0;
    m.kl_uniform = std::log(256.0);
    m.center_norm = 1e-300;
    m.step_seconds = 11.9;
    m.data_seconds = 0.0;
    m.elapsed_seconds = 1234567.25;
    m.student_std = 0.123456789;
    m.koleo = -1.5 / 7.0;
    m.grad_norm = 2.0 / 3.0;
    m.ibot_loss = 5.0 / 16.0;
    return m;
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("metrics.csv rows read back bit-exactly", "[run_directory]") {
    auto m = sampleMetrics();
    std::string row = api::metricsCsvRow(m);
    auto back = api::parseMetricsCsvRow(row);
    CHECK(back.step == m.step);
    CHECK(back.epoch == m.epoch);
    CHECK(back.loss == m.loss);
    CHECK(back.lr == m.lr);
    CHECK(back.wd == m.wd);
    CHECK(back.teacher_temp == m.teacher_temp);
    CHECK(back.momentum == m.momentum);
    CHECK(back.images_per_s == m.images_per_s);
    CHECK(back.teacher_entropy == m.teacher_entropy);
    CHECK(back.kl_uniform == m.kl_uniform);
    CHECK(back.center_norm == m.center_norm);
    CHECK(back.step_seconds == m.step_seconds);
    CHECK(back.data_seconds == m.data_seconds);
    CHECK(back.elapsed_seconds == m.elapsed_seconds);
    CHECK(back.student_std == m.student_std);
    CHECK(back.koleo == m.koleo);
    CHECK(back.grad_norm == m.grad_norm);
    CHECK(back.ibot_loss == m.ibot_loss);
    // One column per header name.
    auto commas = [](const std::string& s) { return std::count(s.begin(), s.end(), ','); };
    CHECK(commas(row) == commas(api::metricsCsvHeader()));
    CHECK(api::metricsCsvHeader().rfind("step,epoch,loss,lr,wd,teacher_temp,momentum,", 0) == 0);
}

TEST_CASE("metrics.csv: a non-finite loss survives the round trip, bad rows name the column", "[run_directory]") {
    auto m = sampleMetrics();
    m.loss = std::nan("");
    CHECK(std::isnan(api::parseMetricsCsvRow(api::metricsCsvRow(m)).loss));
    CHECK_THROWS_WITH(api::parseMetricsCsvRow("1,2,3"), Catch::Contains("expected 18 columns (or 14 to 17 in older runs)"));
    std::string row = api::metricsCsvRow(sampleMetrics());
    row.replace(row.find(",5.12"), 5, ",abc");
    CHECK_THROWS_WITH(api::parseMetricsCsvRow(row), Catch::Contains("loss"));
}

TEST_CASE("metrics.csv rows of older runs (14 columns) still read, without the spread", "[run_directory]") {
    std::string row = api::metricsCsvRow(sampleMetrics());
    for (int i = 0; i < 4; ++i) row = row.substr(0, row.rfind(','));
    auto back = api::parseMetricsCsvRow(row);
    CHECK(back.elapsed_seconds == sampleMetrics().elapsed_seconds);
    CHECK(std::isnan(back.student_std));
    CHECK(back.koleo == 0);
    CHECK(std::isnan(back.grad_norm));
    CHECK(back.ibot_loss == 0);
}

TEST_CASE("metrics.csv is read by its header's names: older layouts, other orders, unknown columns", "[run_directory][metrics]") {
    const api::StepMetrics m = sampleMetrics();
    // 16 columns, as runs before grad_norm wrote them: the row reads, grad_norm is NaN (not measured).
    std::string header16 = api::metricsCsvHeader();
    std::string row16 = api::metricsCsvRow(m);
    for (int i = 0; i < 2; ++i) {  // without ibot_loss and grad_norm
        header16 = header16.substr(0, header16.rfind(','));
        row16 = row16.substr(0, row16.rfind(','));
    }
    auto back = api::MetricsCsvColumns(header16).parse(row16);
    CHECK(back.loss == m.loss);
    CHECK(back.koleo == m.koleo);
    CHECK(std::isnan(back.grad_norm));
    CHECK(back.ibot_loss == 0);  // runs before iBOT
    // Columns in another order, one the table does not know: each value goes where its name says.
    auto b = api::MetricsCsvColumns("loss,extra,epoch,step,lr,wd,teacher_temp,momentum,images_per_s,teacher_entropy,"
                                    "kl_uniform,center_norm,step_seconds,data_seconds,elapsed_seconds,grad_norm")
                 .parse("4.25,99,3,17,0.001,0.04,0.04,0.996,10,1.5,0.25,2,1,0,30,0.75");
    CHECK(b.loss == 4.25);
    CHECK(b.epoch == 3);
    CHECK(b.step == 17);
    CHECK(b.grad_norm == 0.75);
    CHECK(b.elapsed_seconds == 30);
    CHECK(std::isnan(b.student_std));
    CHECK(b.koleo == 0);
    // A required column missing from the header is an error naming it; so is a row that does not fit.
    CHECK_THROWS_WITH(api::MetricsCsvColumns("step,epoch"), Catch::Contains("no column loss"));
    CHECK_THROWS_WITH(api::MetricsCsvColumns(header16).parse("1,2"), Catch::Contains("expected 16 columns as in its header"));
    // Today's writer and reader agree, value for value.
    CHECK(api::MetricsCsvColumns::current().parse(api::metricsCsvRow(m)).grad_norm == m.grad_norm);
}

TEST_CASE("loadRun reads an older run's 14-column metrics.csv, and a header without a required column is named", "[run_directory][metrics]") {
    test::TempDir dir("loadrun-old");
    ensureDir(dir.path());
    saveConfigFile(test::tinyConfig(), api::runConfigPath(dir.path()));
    const std::string header14 = "step,epoch,loss,lr,wd,teacher_temp,momentum,images_per_s,teacher_entropy,kl_uniform,"
                                 "center_norm,step_seconds,data_seconds,elapsed_seconds";
    writeText(api::runMetricsPath(dir.path()), header14 + "\n0,0,5.5,0,0.04,0.04,0.996,12.5,4.1,0.3,0.01,1.25,0.5,1.25\n" +
                                                   "1,0,5.25,1e-05,0.04,0.04,0.996,13,4,0.35,0.02,1.2,0.4,2.45\n");
    auto snap = api::loadRun(dir.path());
    REQUIRE(snap.steps.size() == 2);
    CHECK(snap.steps[1].loss == 5.25);
    CHECK(snap.steps[1].elapsed_seconds == 2.45);
    CHECK(std::isnan(snap.steps[1].student_std));
    CHECK(snap.steps[1].koleo == 0);
    CHECK(std::isnan(snap.steps[1].grad_norm));
    writeText(api::runMetricsPath(dir.path()), "step,epoch\n0,0\n");
    CHECK_THROWS_WITH(api::loadRun(dir.path()), Catch::Contains("metrics.csv:1") && Catch::Contains("no column loss"));
}

TEST_CASE("knn.csv rows read back bit-exactly and bad rows are errors", "[run_directory][live_knn]") {
    api::KnnPoint p;
    p.step = 120;
    p.knn_1nn = 0.6125;
    p.knn_weighted = 2.0 / 3.0;
    p.baseline_1nn = 0.55;
    p.baseline_weighted = 0.5625;
    p.seconds = 3.25;
    auto back = api::parseKnnCsvRow(api::knnCsvRow(p));
    CHECK(back.step == 120);
    CHECK(back.knn_1nn == p.knn_1nn);
    CHECK(back.knn_weighted == p.knn_weighted);
    CHECK(back.baseline_1nn == p.baseline_1nn);
    CHECK(back.baseline_weighted == p.baseline_weighted);
    CHECK(back.seconds == p.seconds);
    CHECK(api::knnCsvHeader().rfind("step,knn_1nn,knn_weighted,baseline_1nn,baseline_weighted", 0) == 0);
    CHECK_THROWS_WITH(api::parseKnnCsvRow("1,2"), Catch::Contains("knn.csv"));
}

TEST_CASE("eval.json and pseudo_labels.json round trips", "[run_directory]") {
    api::EvalReport r;
    r.epoch = 14;
    r.step = 5264;
    r.knn_k = 20;
    r.knn_temperature = 0.07;
    r.train_split = "train";
    r.test_split = "test";
    r.n_train = 89996;
    r.n_test = 7180;
    r.class_names = {"adipose", "background"};
    r.trained.model = "teacher";
    r.trained.nn1_accuracy = 0.75;
    r.trained.knn_accuracy = 0.8125;
    r.trained.auc = 0.9421;
    r.trained.per_class = {{"adipose", 10, 0.9}, {"background", 12, 0.25}};
    r.trained.confusion = {{9, 1}, {9, 3}};
    r.baseline.model = "random-init";
    r.baseline.auc = std::nan("");  // e.g. a class missing from the test split
    auto back = api::evalReportFromJson(api::evalReportToJson(r));
    CHECK(back.epoch == 14);
    CHECK(back.step == 5264);
    CHECK(back.n_train == 89996);
    CHECK(back.class_names == r.class_names);
    CHECK(back.trained.model == "teacher");
    CHECK(back.trained.knn_accuracy == 0.8125);
    CHECK(back.trained.auc == 0.9421);
    REQUIRE(back.trained.per_class.size() == 2);
    CHECK(back.trained.per_class[1].name == "background");
    CHECK(back.trained.per_class[1].support == 12);
    CHECK(back.trained.per_class[1].accuracy == 0.25);
    CHECK(back.trained.confusion == r.trained.confusion);
    CHECK(back.baseline.model == "random-init");
    CHECK(std::isnan(back.baseline.auc));

    api::PseudoLabelReport p;
    p.split = "test";
    p.counts = {0, 5, 70, 0};
    p.entropy = 0.23;
    p.max_entropy = std::log(4.0);
    p.used = 2;
    p.n_images = 75;
    auto pb = api::pseudoLabelsFromJson(api::pseudoLabelsToJson(p));
    CHECK(pb.split == "test");
    CHECK(pb.counts == p.counts);
    CHECK(pb.entropy == 0.23);
    CHECK(pb.max_entropy == p.max_entropy);
    CHECK(pb.used == 2);
    CHECK(pb.n_images == 75);

    CHECK_THROWS_WITH(api::evalReportFromJson("{ not json"), Catch::Contains("eval.json"));
    CHECK_THROWS_WITH(api::pseudoLabelsFromJson("[1,2]"), Catch::Contains("pseudo_labels.json"));
    CHECK_THROWS_WITH(api::evalReportFromJson(R"({"n_train": "many"})"), Catch::Contains("n_train"));
}

TEST_CASE("loadRun reads a run directory written by hand, and drops a torn last metrics line", "[run_directory]") {
    test::TempDir dir("loadrun");
    RunConfig cfg = test::tinyConfig();
    saveConfigFile(cfg, api::runConfigPath(dir.path()));
    api::RunPlan plan;
    plan.dataset_size = 64;
    plan.trainable_parameters = 1234;
    plan.device = "cpu";
    plan.threads = 1;
    plan.precision = "fp32";
    api::writeRunStatus(dir.path(), "failed", "the loss became NaN", plan);
    auto m0 = sampleMetrics();
    m0.step = 0;
    auto m1 = sampleMetrics();
    m1.step = 1;
    std::string csv = api::metricsCsvHeader() + "\n" + api::metricsCsvRow(m0) + "\n" + api::metricsCsvRow(m1) + "\n";
    writeText(api::runMetricsPath(dir.path()), csv + "2,0,5.1,0.0001");  // a kill mid-line
    ensureDir(dir / "checkpoints");
    writeText(dir / "checkpoints/epoch_001.ckpt", "x");
    writeText(dir / "checkpoints/epoch_000.ckpt", "x");
    writeText(dir / "checkpoints/last.ckpt", "x");

    auto snap = api::loadRun(dir.path());
    CHECK(snap.status == "failed: the loss became NaN");
    REQUIRE(snap.steps.size() == 2);
    CHECK(snap.steps[1].step == 1);
    CHECK(snap.steps[1].loss == m1.loss);
    // The plan is redrawn from config + dataset size: tiny = 64 images / 16 = 4 steps x 2 epochs.
    CHECK(snap.plan.steps_per_epoch == 4);
    CHECK(snap.plan.total_steps == 8);
    CHECK(snap.plan.lr.size() == 8);
    CHECK(snap.plan.trainable_parameters == 1234);
    REQUIRE(snap.checkpoints.size() == 3);
    CHECK(snap.checkpoints[0].find("epoch_000.ckpt") != std::string::npos);
    CHECK(snap.checkpoints[1].find("epoch_001.ckpt") != std::string::npos);
    CHECK(snap.checkpoints[2].find("last.ckpt") != std::string::npos);
    CHECK_FALSE(snap.eval.has_value());

    // A malformed row in the middle is an error naming the file and line.
    writeText(api::runMetricsPath(dir.path()), api::metricsCsvHeader() + "\nbad,row\n" + api::metricsCsvRow(m1) + "\n");
    CHECK_THROWS_WITH(api::loadRun(dir.path()), Catch::Contains("metrics.csv:2"));
}

TEST_CASE("loadRun of a missing directory or config names it", "[run_directory]") {
    test::TempDir dir("loadrun-missing");
    CHECK_THROWS_WITH(api::loadRun(dir.path()), Catch::Contains(dir.path()));
    ensureDir(dir.path());
    CHECK_THROWS_WITH(api::loadRun(dir.path()), Catch::Contains("config.json"));
}

TEST_CASE("loadRun reads knn.csv like metrics.csv: a cut last row is dropped, a bad middle row is an error", "[run_directory][live_knn]") {
    test::TempDir dir("knn-read");
    ensureDir(dir.path());
    saveConfigFile(test::tinyConfig(), dir / "config.json");
    api::KnnPoint p;
    p.step = 4;
    p.knn_1nn = 0.5;
    const std::string good = api::knnCsvRow(p) + "\n";
    writeText(dir / "knn.csv", api::knnCsvHeader() + "\n" + good + "8,0.5,0.");  // killed mid-row
    auto snap = api::loadRun(dir.path());
    REQUIRE(snap.knn.size() == 1);
    CHECK(snap.knn[0].step == 4);
    writeText(dir / "knn.csv", api::knnCsvHeader() + "\nrubbish\n" + good);
    CHECK_THROWS_WITH(api::loadRun(dir.path()), Catch::Contains("knn.csv:2"));
}

TEST_CASE("the GUI's exports: metrics.csv and a checkpoint copied atomically, missing files named", "[run_directory]") {
    test::TempDir dir("exports");
    ensureDir(dir.path());
    CHECK_THROWS_WITH(api::exportRunMetrics(dir.path(), dir / "out.csv"), Catch::Contains("metrics.csv"));
    CHECK_THROWS_WITH(api::exportCheckpoint(dir.path(), "", dir / "out.ckpt"), Catch::Contains("no checkpoint"));
    writeText(api::runMetricsPath(dir.path()), api::metricsCsvHeader() + "\n");
    ensureDir(dir / "checkpoints");
    writeText(dir / "checkpoints/epoch_000.ckpt", "epoch0");
    writeText(dir / "checkpoints/last.ckpt", std::string("last\0bytes", 10));
    api::exportRunMetrics(dir.path(), dir / "copy/metrics.csv");  // the folder is created
    CHECK(test::readAll(dir / "copy/metrics.csv") == api::metricsCsvHeader() + "\n");
    api::exportCheckpoint(dir.path(), "", dir / "newest.ckpt");  // default: the newest, last.ckpt
    CHECK(test::readAll(dir / "newest.ckpt") == std::string("last\0bytes", 10));
    api::exportCheckpoint(dir.path(), dir / "checkpoints/epoch_000.ckpt", dir / "newest.ckpt");  // replaced
    CHECK(test::readAll(dir / "newest.ckpt") == "epoch0");
    CHECK_THROWS_WITH(api::exportCheckpoint(dir.path(), dir / "checkpoints/epoch_009.ckpt", dir / "x.ckpt"),
                      Catch::Contains("epoch_009.ckpt"));
    CHECK_THROWS_WITH(api::exportRunMetrics(dir.path(), "/proc/no/such/dir/m.csv"), Catch::Contains("/proc/no/such/dir"));
}
