// The run table (engine/api/run_table.h): fields that differ, statuses, results, seed groups with
// mean ± sample sd against hand-computed numbers, averaged curves, and the text, CSV and JSON forms.
// Fixture runs are written by the engine's own writers (tests/support/run_fixture.h).
#include "api/run_lock.h"
#include "api/run_table.h"
#include "run_fixture.h"
#include "test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;
using namespace dino;
using dino::test::FixtureRun;
using dino::test::writeFixtureRun;

namespace {

const api::RunRow& row(const api::RunTable& t, const std::string& name) {
    for (const auto& r : t.rows)
        if (r.name == name) return r;
    FAIL("no row " << name);
    throw std::logic_error("unreachable");
}

std::vector<api::RunRow> tableRows(const std::string& folder) {
    std::vector<api::RunRow> rows;
    for (const auto& [dir, name] : api::findRuns({folder})) rows.push_back(api::readRunRow(dir, name));
    return rows;
}

}  // namespace

TEST_CASE("run table: the fields that differ, every status, the results", "[run_table]") {
    test::TempDir tmp("runtable");
    const std::string root = tmp.path();
    FixtureRun a;  // finished, lr 5e-4, seed 0
    a.config.optim.lr = 5e-4;
    a.live_knn = {{4, 0.41}, {8, 0.47}, {12, 0.45}};
    a.pseudo_used = 7;
    a.last_entropy = 2.25;
    a.probe = 0.72;
    a.base_probe = 0.41;
    writeFixtureRun(root + "/a", a);
    FixtureRun b = a;  // the same but views.num_local and a cancel
    b.config.views.num_local = 4;
    b.state = "cancelled";
    b.steps = 3;
    b.eval = false;
    writeFixtureRun(root + "/b", b);
    FixtureRun c = a;
    c.state = "failed";
    c.message = "non-finite loss";
    writeFixtureRun(root + "/c", c);
    FixtureRun d = a;
    d.state = "running";  // its writer is gone: killed
    writeFixtureRun(root + "/nested/d", d);
    FixtureRun e = a;
    e.collapse = api::CollapseState::Uniform;
    writeFixtureRun(root + "/e", e);
    FixtureRun f = a;  // training: this test holds its lock
    writeFixtureRun(root + "/f", f);
    auto lock = api::RunLock::acquire(root + "/f", "test");
    fs::create_directories(root + "/not-a-run/checkpoints");

    const auto t = api::makeRunTable(tableRows(root), {false, false});
    REQUIRE(t.rows.size() == 6);
    CHECK(t.rows[5].name == (fs::path("nested") / "d").string());  // sorted by name, found below a folder
    CHECK(t.fields == std::vector<std::string>{"views.num_local"});  // lr is the same everywhere
    CHECK(row(t, "a").state == api::RunState::Finished);
    CHECK(row(t, "b").state == api::RunState::Stopped);
    CHECK(row(t, "c").state == api::RunState::Failed);
    CHECK(row(t, "c").detail == "non-finite loss");
    CHECK(row(t, "nested/d").state == api::RunState::Stopped);
    CHECK(row(t, "nested/d").detail == "killed");
    CHECK(row(t, "e").state == api::RunState::Collapsed);
    CHECK(row(t, "e").collapse == "uniform");
    REQUIRE(row(t, "f").state == api::RunState::Training);
    CHECK(row(t, "f").writer->pid == ::getpid());

    const auto& ra = row(t, "a");
    CHECK(ra.steps == 8);
    CHECK(ra.total_steps == 8);  // 64 images / batch 16 x 2 epochs
    CHECK(ra.wall_seconds == Approx(4.0));
    CHECK(ra.images_per_s == Approx(100));
    CHECK(ra.nn1 == Approx(0.5));
    CHECK(ra.knn == Approx(0.6));
    CHECK(ra.auc == Approx(0.9));
    CHECK(ra.baseline_knn == Approx(0.35));
    CHECK(ra.best_live_knn == Approx(0.47));
    CHECK(ra.best_live_knn_step == 8);
    CHECK(ra.teacher_entropy == Approx(2.25));
    CHECK(ra.pseudo_labels_used == 7);
    CHECK(ra.pseudo_labels_total == 16);
    CHECK(ra.probe == Approx(0.72));
    CHECK(ra.baseline_probe == Approx(0.41));
    CHECK(std::isnan(row(t, "b").knn));  // no eval.json
    CHECK(std::isnan(row(t, "b").probe));
    CHECK(row(t, "b").steps == 3);

    // The text table: aligned columns, the differing field as a column.
    const std::string text = api::runTableText(t);
    std::istringstream lines(text);
    std::string header, first;
    std::getline(lines, header);
    std::getline(lines, first);
    CHECK(header.find("views.num_local") != std::string::npos);
    CHECK(header.find("best live k-NN") != std::string::npos);
    CHECK(header.find("status") == first.find("finished"));  // columns line up
    CHECK(text.find("training (pid " + std::to_string(::getpid())) != std::string::npos);

    // All fields: every field of the table.
    const auto all = api::makeRunTable(tableRows(root), {true, false});
    CHECK(all.fields.size() == api::configFieldValues(RunConfig{}).size());
}

TEST_CASE("run table: a wall time summed over the processes that trained the run", "[run_table]") {
    test::TempDir tmp("runtable-wall");
    FixtureRun a;
    writeFixtureRun(tmp.path() + "/a", a);
    // A resume: elapsed_seconds starts again at the 4th row.
    std::string metrics = api::metricsCsvHeader() + "\n";
    for (int s = 0; s < 6; ++s) {
        api::StepMetrics m;
        m.step = s;
        m.elapsed_seconds = s < 3 ? 10.0 * (s + 1) : 2.0 * (s - 2);
        m.images_per_s = s;  // median of 0..5 = 2.5
        metrics += api::metricsCsvRow(m) + "\n";
    }
    metrics += "6,0,4.5";  // a torn last line: left out
    writeFileAtomic(api::runMetricsPath(tmp.path() + "/a"), metrics);
    const auto r = api::readRunRow(tmp.path() + "/a");
    CHECK(r.error.empty());
    CHECK(r.steps == 6);
    CHECK(r.wall_seconds == Approx(30 + 6));
    CHECK(r.images_per_s == Approx(2.5));
}

TEST_CASE("run table: a run that cannot be read is a row with its error", "[run_table]") {
    test::TempDir tmp("runtable-bad");
    FixtureRun a;
    writeFixtureRun(tmp.path() + "/a", a);
    fs::create_directories(tmp.path() + "/b");
    test::writeAll(tmp.path() + "/b/config.json", "{\"optim\": {\"lr\": \"fast\"}}");
    const auto t = api::makeRunTable(tableRows(tmp.path()), {false, true});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[1].error.find("optim.lr") != std::string::npos);
    CHECK(t.fields.empty());  // nothing differs among the readable runs
    CHECK(t.groups.size() == 2);
    CHECK_THROWS_WITH(api::findRuns({tmp.path() + "/missing"}), Catch::Contains("does not exist"));
}

TEST_CASE("run table: runs under a symbolic link are named by the link's path", "[run_table]") {
    // A folder of links to sweeps kept elsewhere (one table over several of them).
    test::TempDir tmp("runtable-links");
    writeFixtureRun(tmp.path() + "/elsewhere/sweep-a/c000-seed0", FixtureRun{});
    fs::create_directories(tmp.path() + "/listed");
    fs::create_directory_symlink(tmp.path() + "/elsewhere/sweep-a", tmp.path() + "/listed/a");
    const auto found = api::findRuns({tmp.path() + "/listed"});
    REQUIRE(found.size() == 1);
    CHECK(found[0].second == "a/c000-seed0");
    CHECK(api::readRunRow(found[0].first, found[0].second).error.empty());
}

TEST_CASE("seed groups: mean, sample standard deviation and n against hand-computed numbers", "[run_table]") {
    test::TempDir tmp("runtable-seeds");
    // Three seeds of lr 5e-4, two of lr 1e-3.
    const double knn[] = {0.80, 0.84, 0.86};
    for (int s = 0; s < 3; ++s) {
        FixtureRun f;
        f.config.optim.lr = 5e-4;
        f.config.system.seed = static_cast<uint64_t>(s);
        f.knn = knn[s];
        f.probe = knn[s] + 0.1;  // 0.90, 0.94, 0.96
        f.pseudo_used = 5 + s;
        writeFixtureRun(tmp.path() + "/lr5e-4-s" + std::to_string(s), f);
    }
    for (int s = 0; s < 2; ++s) {
        FixtureRun f;
        f.config.optim.lr = 1e-3;
        f.config.system.seed = static_cast<uint64_t>(s);
        f.knn = s == 0 ? 0.5 : 0.6;
        f.eval = true;
        writeFixtureRun(tmp.path() + "/lr1e-3-s" + std::to_string(s), f);
    }
    const auto rows = tableRows(tmp.path());
    const auto t = api::makeRunTable(rows, {false, true});
    CHECK(t.fields == std::vector<std::string>{"optim.lr"});  // the seed is the grouping, not a column
    REQUIRE(t.groups.size() == 2);
    size_t k = 0;
    while (std::string(api::resultColumns()[k].key) != "knn") ++k;
    // Sorted by name: lr1e-3-s0, lr1e-3-s1, lr5e-4-s0..2.
    const auto& g2 = t.groups[0];
    const auto& g3 = t.groups[1];
    CHECK(g2.members.size() == 2);
    CHECK(g3.seeds == std::vector<uint64_t>{0, 1, 2});
    // 0.80, 0.84, 0.86: mean 2.5 / 3; squared deviations 1/900 + 1/22500 + 16/22500 = 0.0018667,
    // / (n - 1) = 0.00093333, sqrt = 0.0305505.
    CHECK(g3.results[k].mean == Approx(0.8333333).epsilon(1e-6));
    CHECK(g3.results[k].sd == Approx(0.0305505).epsilon(1e-5));
    CHECK(g3.results[k].n == 3);
    size_t pr = 0;
    while (std::string(api::resultColumns()[pr].key) != "probe") ++pr;
    // The probe column, grouped the same way: 0.90, 0.94, 0.96 -> mean 0.9333333, sd 0.0305505 (as above).
    CHECK(g3.results[pr].mean == Approx(0.9333333).epsilon(1e-6));
    CHECK(g3.results[pr].sd == Approx(0.0305505).epsilon(1e-5));
    CHECK(t.groups[0].results[pr].n == 0);  // the other group's eval.json has no probe
    // 0.5, 0.6: mean 0.55, sd sqrt(0.005 / 1) = 0.0707107.
    CHECK(g2.results[k].mean == Approx(0.55));
    CHECK(g2.results[k].sd == Approx(0.0707107).epsilon(1e-5));
    // pseudo-labels used 5, 6, 7 in one group, none in the other (n = 0).
    size_t u = 0;
    while (std::string(api::resultColumns()[u].key) != "pseudo_labels_used") ++u;
    CHECK(g3.results[u].mean == Approx(6));
    CHECK(g3.results[u].sd == Approx(1));
    CHECK(g2.results[u].n == 0);

    const std::string text = api::runTableText(t);
    CHECK(text.find("0.8333 ± 0.0306") != std::string::npos);
    CHECK(text.find("0,1,2") != std::string::npos);

    // Ungrouped, the seed is a differing field.
    const auto flat = api::makeRunTable(rows, {false, false});
    CHECK(flat.fields == std::vector<std::string>{"optim.lr", "system.seed"});
    CHECK(flat.groups.empty());

    // summarize alone: NaN values are skipped, one value has no sd.
    const auto one = api::summarize({std::nan(""), 2.0});
    CHECK(one.n == 1);
    CHECK(one.mean == 2.0);
    CHECK(std::isnan(one.sd));
}

TEST_CASE("seed groups paired seed by seed against a reference group: hand-computed differences", "[run_table]") {
    test::TempDir tmp("runtable-paired");
    auto write = [&](const std::string& name, double lr, uint64_t seed, double knn, double base_knn) {
        FixtureRun f;
        f.config.optim.lr = lr;
        f.config.system.seed = seed;
        f.knn = knn;
        f.base_knn = base_knn;
        writeFixtureRun(tmp.path() + "/" + name, f);
    };
    // The reference, lr 1e-3, seeds 0-2: k-NN gains 0.10, 0.07, 0.06.
    write("lr1e-3-s0", 1e-3, 0, 0.60, 0.50);
    write("lr1e-3-s1", 1e-3, 1, 0.62, 0.55);
    write("lr1e-3-s2", 1e-3, 2, 0.58, 0.52);
    // lr 2e-3, seed 0 only: the same gain as the reference's seed 0 (a tie, not ahead).
    write("lr2e-3-s0", 2e-3, 0, 0.61, 0.51);
    // lr 3e-3, seed 7: no seed in common.
    write("lr3e-3-s7", 3e-3, 7, 0.90, 0.10);
    // lr 5e-4, seeds 1-3: gains 0.11 (seed 1), 0.05 (seed 2), 0.30 (seed 3, unpaired).
    write("lr5e-4-s1", 5e-4, 1, 0.66, 0.55);
    write("lr5e-4-s2", 5e-4, 2, 0.57, 0.52);
    write("lr5e-4-s3", 5e-4, 3, 0.70, 0.40);
    const auto t = api::makeRunTable(tableRows(tmp.path()), {false, true});
    REQUIRE(t.groups.size() == 4);  // in the order of their first run's name
    const auto ref = api::groupOfRun(t, "lr1e-3-s1");
    REQUIRE(ref == std::optional<size_t>(0));
    CHECK(api::groupOfRun(t, tmp.path() + "/lr5e-4-s3") == std::optional<size_t>(3));
    CHECK_FALSE(api::groupOfRun(t, "lr9-s0"));
    CHECK_THROWS_AS(api::pairGroups(t, 4), std::out_of_range);
    CHECK(api::groupName(t, t.groups[0]) == "lr1e-3-s0 +2");
    CHECK(api::groupName(t, t.groups[1]) == "lr2e-3-s0");
    CHECK(api::sharedSeeds(t.groups[3], t.groups[0]) == std::vector<uint64_t>{1, 2});
    CHECK(api::sharedSeeds(t.groups[2], t.groups[0]).empty());
    const auto knnBySeed = api::groupValuesBySeed(t, t.groups[3], [](const api::RunRow& r) { return r.knn; });
    CHECK(knnBySeed == std::map<uint64_t, double>{{1, 0.66}, {2, 0.57}, {3, 0.70}});

    auto col = [](const char* key) {
        size_t k = 0;
        while (std::string(api::pairedColumns()[k].key) != key) ++k;
        return k;
    };
    const auto p = api::pairGroups(t, *ref);
    REQUIRE(p.size() == 4);
    CHECK(p[0][col("gain_knn")].diff.n == 0);  // the reference itself
    // lr 5e-4 against the reference, seeds 1 and 2: gain 0.11 - 0.07 = +0.04 and 0.05 - 0.06 = -0.01:
    // mean 0.015, sd sqrt((0.025² + 0.025²) / 1) = 0.0353553, ahead in 1 of 2. The random-init figures are the
    // same per seed, so the k-NN itself differs by the same amounts.
    for (const char* key : {"gain_knn", "knn"}) {
        const api::Paired& d = p[3][col(key)];
        CHECK(d.diff.n == 2);
        CHECK(d.diff.mean == Approx(0.015).epsilon(1e-9));
        CHECK(d.diff.sd == Approx(0.0353553).epsilon(1e-5));
        CHECK(d.ahead == 1);
        // Two seeds: t(0.975; 1) = 12.7062047, so 0.015 ± 12.7062047 · 0.0353553 / √2 = 0.015 ± 0.3176551.
        CHECK(d.ci95.lower == Approx(0.015 - 0.3176551).epsilon(1e-6));
        CHECK(d.ci95.upper == Approx(0.015 + 0.3176551).epsilon(1e-6));
    }
    CHECK(api::pairedIntervalText(p[3][col("gain_knn")]) == "-30.3 … +33.3");
    // lr 2e-3: a tie on the gain (0.10 and 0.10) is not ahead; its k-NN is ahead by 0.01.
    CHECK(p[1][col("gain_knn")].diff.n == 1);
    CHECK(p[1][col("gain_knn")].diff.mean == Approx(0.0).margin(1e-12));
    CHECK(p[1][col("gain_knn")].ahead == 0);
    CHECK(p[1][col("knn")].ahead == 1);
    CHECK(std::isnan(p[1][col("knn")].diff.sd));
    // lr 3e-3 shares no seed; no run has a probe.
    CHECK(p[2][col("gain_knn")].diff.n == 0);
    CHECK(p[3][col("gain_probe")].diff.n == 0);

    const std::string text = api::pairedTableText(t, *ref);
    CHECK(text.find("Paired by seed against lr1e-3-s0 +2 (seeds 0,1,2)") != std::string::npos);
    CHECK(text.find("Δ gain k-NN") != std::string::npos);
    CHECK(text.find("+1.5 ± 3.5 (1/2)") != std::string::npos);   // in points
    CHECK(text.find("0.0 (0/1)") != std::string::npos);
    CHECK(text.find("+1.0 (1/1)") != std::string::npos);
    CHECK(text.find("95 % interval of the mean difference") != std::string::npos);
    CHECK(text.find("-30.3 … +33.3") != std::string::npos);  // the interval line under lr 5e-4's row
    std::istringstream lines(text);
    std::string line;
    bool none = false, reference_row = false;
    while (std::getline(lines, line)) {
        if (line.rfind("lr3e-3-s7", 0) == 0) none = line.find(" none ") != std::string::npos;
        if (line.rfind("lr1e-3-s0", 0) == 0) reference_row = true;
    }
    CHECK(none);
    CHECK_FALSE(reference_row);  // the reference is the heading, not a row

    const auto j = nlohmann::json::parse(api::runTableJson(t, ref))["paired"];
    CHECK_FALSE(nlohmann::json::parse(api::runTableJson(t)).contains("paired"));
    CHECK(api::pairedText(p[3][col("gain_knn")]) == "+1.5 ± 3.5 (1/2)");
    CHECK(api::pairedText(p[2][col("gain_knn")]).empty());
    CHECK(api::signedPoints(-0.0001) == "0.0");
    CHECK(api::signedPoints(0.0004) == "0.0");
    CHECK(api::signedPoints(-0.0123) == "-1.2");
    CHECK(j["against"] == "lr1e-3-s0 +2");
    REQUIRE(j["groups"].size() == 3);
    const auto& g = j["groups"][2];
    CHECK(g["name"] == "lr5e-4-s1 +2");
    CHECK(g["seeds"] == nlohmann::json::array({1, 2}));
    CHECK(g["gain_knn"]["mean"].get<double>() == Approx(0.015));
    CHECK(g["gain_knn"]["ahead"] == 1);
    REQUIRE(g["gain_knn"]["ci95"].size() == 2);
    CHECK(g["gain_knn"]["ci95"][0].get<double>() == Approx(0.015 - 0.3176551).epsilon(1e-6));
    CHECK(j["groups"][0]["knn"]["ci95"].is_null());  // lr 2e-3: one seed, no interval
    CHECK(g["gain_probe"].is_null());
}

TEST_CASE("averaged curves: mean, sd and n at every step of any curve", "[run_table]") {
    const api::Curve a = {{0, 1}, {10, 2}};
    const api::Curve b = {{0, 3}, {10, 4}, {20, 5}};
    const api::Curve c = {{0, 2}, {10, std::nan("")}};
    const auto band = api::averageCurves({a, b, c});
    REQUIRE(band.size() == 3);
    CHECK(band[0].step == 0);
    CHECK(band[0].mean == Approx(2));  // 1, 3, 2: sd sqrt((1 + 1 + 0) / 2) = 1
    CHECK(band[0].sd == Approx(1));
    CHECK(band[0].n == 3);
    CHECK(band[1].mean == Approx(3));  // 2, 4 (NaN left out): sd sqrt((1 + 1) / 1)
    CHECK(band[1].sd == Approx(std::sqrt(2.0)));
    CHECK(band[1].n == 2);
    CHECK(band[2].mean == Approx(5));
    CHECK(std::isnan(band[2].sd));
    CHECK(band[2].n == 1);

    std::vector<api::StepMetrics> steps(2);
    steps[0].step = 0;
    steps[0].loss = 4;
    steps[1].step = 1;
    steps[1].loss = 3;
    CHECK(api::lossCurve(steps)[1].value == 3);
    std::vector<api::KnnPoint> knn(1);
    knn[0].step = 5;
    knn[0].knn_1nn = 0.4;
    knn[0].knn_weighted = 0.5;
    CHECK(api::liveKnnCurve(knn)[0].value == 0.5);
    CHECK(api::liveKnnCurve(knn, false)[0].value == 0.4);
}

TEST_CASE("run table: CSV and JSON", "[run_table]") {
    test::TempDir tmp("runtable-io");
    for (int s = 0; s < 2; ++s) {
        FixtureRun f;
        f.config.system.seed = static_cast<uint64_t>(s);
        f.config.data.dataset = "sample, \"quoted\"";  // a value CSV must quote
        f.knn = 0.6 + 0.1 * s;
        writeFixtureRun(tmp.path() + "/r" + std::to_string(s), f);
    }
    FixtureRun other;
    other.config.model.out_dim = 32;
    writeFixtureRun(tmp.path() + "/z", other);
    const auto rows = tableRows(tmp.path());

    const auto flat = api::makeRunTable(rows, {false, false});
    const std::string csv = api::runTableCsv(flat);
    std::istringstream in(csv);
    std::string header, r0;
    std::getline(in, header);
    std::getline(in, r0);
    CHECK(header.rfind("name,status,started,wall_s,steps,images/s,data.dataset,model.out_dim,system.seed,nn1,knn,auc,", 0) == 0);
    CHECK(r0.find("r0,finished,") == 0);
    CHECK(r0.find(",\"sample, \"\"quoted\"\"\",16,0,0.5000,0.6000,0.9000,") != std::string::npos);

    const auto grouped = api::makeRunTable(rows, {false, true});
    const std::string gcsv = api::runTableCsv(grouped);
    CHECK(gcsv.find("knn,knn_sd,") != std::string::npos);
    CHECK(gcsv.find("\r\nr0 +1,\"0,1\",2,finished,") != std::string::npos);

    const auto j = nlohmann::json::parse(api::runTableJson(grouped));
    CHECK(j["fields"] == nlohmann::json({"data.dataset", "model.out_dim"}));
    REQUIRE(j["runs"].size() == 3);
    CHECK(j["runs"][0]["name"] == "r0");
    CHECK(j["runs"][0]["status"] == "finished");
    CHECK(j["runs"][0]["config"]["model.out_dim"] == 16);
    CHECK(j["runs"][1]["results"]["knn"].get<double>() == Approx(0.7));
    CHECK(j["runs"][0]["writer"].is_null());
    REQUIRE(j["groups"].size() == 2);
    CHECK(j["groups"][0]["runs"] == nlohmann::json({"r0", "r1"}));
    CHECK(j["groups"][0]["results"]["knn"]["mean"].get<double>() == Approx(0.65));
    CHECK(j["groups"][0]["results"]["knn"]["sd"].get<double>() == Approx(0.0707107).epsilon(1e-5));
    CHECK(j["groups"][0]["results"]["knn"]["n"] == 2);
    CHECK(j["groups"][1]["results"]["knn"]["sd"].is_null());  // n = 1
}

TEST_CASE("run table: a sweep trial its early-stopping rule stopped says so", "[run_table]") {
    test::TempDir tmp("run-table-pruned");
    const std::string root = tmp.path();
    FixtureRun f;
    f.state = "cancelled";
    writeFixtureRun(root + "/c001-seed0", f);
    writeFixtureRun(root + "/c002-seed0", f);
    writeFileAtomic(root + "/c001-seed0/sweep-trial.json", R"({"sweep": "/x", "config": 1, "seed": 0, "state": "pruned", "pruned_at": 96})");
    writeFileAtomic(root + "/c002-seed0/sweep-trial.json", R"({"sweep": "/x", "config": 2, "seed": 0, "state": "finished"})");
    const api::RunRow pruned = api::readRunRow(root + "/c001-seed0", "c001-seed0");
    CHECK(pruned.state == api::RunState::Stopped);
    CHECK(pruned.detail == "pruned at step 96");
    CHECK(api::readRunRow(root + "/c002-seed0", "c002-seed0").detail.empty());  // cancelled by hand, not by the rule
}
