// Following a run another process writes (engine/api/run_follower.h): files that grow in chunks with a
// half-written last line, a file replaced by a resume, status.json / eval.json re-read when they change,
// the checkpoints listed, the writer seen.
#include "api/run_follower.h"
#include "api/run_lock.h"
#include "run_fixture.h"
#include "test_util.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace dino;

namespace {

void append(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << bytes;
}

std::string metricsRow(int64_t step) {
    api::StepMetrics m;
    m.step = step;
    m.loss = 10.0 - static_cast<double>(step);
    return api::metricsCsvRow(m) + "\n";
}

}  // namespace

TEST_CASE("run follower: a CSV growing in chunks gives each complete row once", "[run_follower]") {
    test::TempDir tmp("follow-tail");
    fs::create_directories(tmp.path());
    const std::string path = tmp / "metrics.csv";
    api::RunFollower::Tail tail(path);
    bool reset = true;
    CHECK(tail.read(reset).empty());  // no file yet
    CHECK_FALSE(reset);

    const std::string header = api::metricsCsvHeader() + "\n";
    append(path, header.substr(0, 10));  // half a header
    CHECK(tail.read(reset).empty());
    append(path, header.substr(10) + metricsRow(0));
    auto lines = tail.read(reset);
    REQUIRE(lines.size() == 1);
    CHECK(api::parseMetricsCsvRow(lines[0]).step == 0);

    // Row 1 whole, row 2 cut in the middle of a number: only row 1 now, row 2 once it is complete.
    const std::string r2 = metricsRow(2);
    append(path, metricsRow(1) + r2.substr(0, 7));
    lines = tail.read(reset);
    REQUIRE(lines.size() == 1);
    CHECK(api::parseMetricsCsvRow(lines[0]).step == 1);
    CHECK(tail.read(reset).empty());  // nothing new
    append(path, r2.substr(7) + metricsRow(3));
    lines = tail.read(reset);
    REQUIRE(lines.size() == 2);
    CHECK(api::parseMetricsCsvRow(lines[0]).step == 2);
    CHECK(api::parseMetricsCsvRow(lines[0]).loss == 8.0);
    CHECK(api::parseMetricsCsvRow(lines[1]).step == 3);
    CHECK_FALSE(reset);

    // A resume rewrites the file (temp file + rename) with the rows it keeps: read again from the start.
    writeFileAtomic(path, header + metricsRow(0) + metricsRow(1));
    lines = tail.read(reset);
    CHECK(reset);
    REQUIRE(lines.size() == 2);
    CHECK(api::parseMetricsCsvRow(lines[1]).step == 1);
    append(path, metricsRow(2));
    lines = tail.read(reset);
    CHECK_FALSE(reset);
    REQUIRE(lines.size() == 1);
    CHECK(api::parseMetricsCsvRow(lines[0]).step == 2);
}

TEST_CASE("run follower: polls a run as it grows, status and eval when they change, the writer", "[run_follower]") {
    test::TempDir tmp("follow-run");
    const std::string dir = tmp.path();
    test::FixtureRun f;
    f.steps = 2;
    f.state = "running";
    f.eval = false;
    f.live_knn = {{1, 0.4}};
    test::writeFixtureRun(dir, f);

    api::RunFollower follower(dir);
    auto u = follower.poll();
    CHECK(u.steps.size() == 2);
    CHECK(u.knn.size() == 1);
    CHECK(u.status_changed);
    CHECK(u.status == "running");
    CHECK(u.collapse_state == "healthy");
    CHECK(u.checkpoints_changed);
    CHECK(u.checkpoints.empty());
    CHECK_FALSE(u.eval_changed);
    CHECK_FALSE(u.writer);
    CHECK_FALSE(follower.writerActive());

    u = follower.poll();  // nothing changed
    CHECK_FALSE(u.any());

    {
        auto lock = api::RunLock::acquire(dir, "test");
        append(api::runMetricsPath(dir), metricsRow(2) + metricsRow(3).substr(0, 5));
        fs::create_directories(dir + "/checkpoints");
        test::writeAll(dir + "/checkpoints/epoch_000.ckpt", "x");
        u = follower.poll();
        REQUIRE(u.steps.size() == 1);
        CHECK(u.steps[0].step == 2);
        CHECK(u.checkpoints_changed);
        REQUIRE(u.checkpoints.size() == 1);
        CHECK_FALSE(u.status_changed);
        REQUIRE(u.writer);  // this process holds it: the follower sees any holder
        CHECK(u.writer->pid == ::getpid());
        CHECK(u.writer->command == "test");
        CHECK(follower.writerActive());
        CHECK_FALSE(api::runWriter(dir));  // "another process": not this one
    }
    append(api::runMetricsPath(dir), metricsRow(3).substr(5));
    api::RunPlan plan;
    api::CollapseVerdict v;
    v.state = api::CollapseState::Uniform;
    api::writeRunStatus(dir, "finished", "", plan, &v);
    api::EvalReport e;
    e.trained.knn_accuracy = 0.75;
    writeFileAtomic(api::runEvalPath(dir), api::evalReportToJson(e));
    u = follower.poll();
    REQUIRE(u.steps.size() == 1);
    CHECK(u.steps[0].step == 3);
    CHECK(u.status_changed);
    CHECK(u.status == "finished");
    CHECK(u.collapse_state == "uniform");
    CHECK(u.eval_changed);
    REQUIRE(u.eval);
    CHECK(u.eval->trained.knn_accuracy == 0.75);
    CHECK_FALSE(u.writer);
    CHECK_FALSE(follower.writerActive());

    // A malformed complete row is an error naming the file.
    append(api::runMetricsPath(dir), "4,0,not-a-number\n");
    CHECK_THROWS_WITH(follower.poll(), Catch::Contains("metrics.csv"));
}
