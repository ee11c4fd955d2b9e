// The sweep spec: parsing, the configurations it spans, one clear error per mistake naming the file
// and the key; and the ranked result (mean ± std, fields that mattered) against hand-computed numbers.
#include "api/sweep.h"
#include "common/config_schema.h"
#include "common/fsutil.h"
#include "run_fixture.h"
#include "test_util.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

using namespace dino;

namespace {

const std::string kTinyGrid = std::string(DINO_TEST_SUPPORT_DIR) + "/../../docs/sweeps/tiny-grid.json";

// The error message of parsing `text` and building its configurations ("" when it is fine).
std::string specError(const std::string& text) {
    return test::errorOf([&] { api::sweepConfigurations(api::parseSweepSpec(text, "spec.json")); });
}

// eval.json text of a split's report: the teacher's and the random-init model's 1-NN and k-NN (AUC 0.9 and
// 0.8); probe < 0: no linear probe (eval.linear_probe off).
std::string fixtureReport(const std::string& split, double nn1, double knn, double base_nn1, double base_knn, double probe = -1,
                          double base_probe = -1) {
    api::EvalReport r;
    r.test_split = split;
    r.trained.nn1_accuracy = nn1;
    r.trained.knn_accuracy = knn;
    r.trained.auc = 0.9;
    r.baseline.nn1_accuracy = base_nn1;
    r.baseline.knn_accuracy = base_knn;
    r.baseline.auc = 0.8;
    if (probe >= 0) {
        r.trained.probe.present = r.baseline.probe.present = true;
        r.trained.probe.test_accuracy = probe;
        r.baseline.probe.test_accuracy = base_probe;
    }
    return api::evalReportToJson(r);
}

}  // namespace

TEST_CASE("sweep spec: the tiny grid spans 2 x 2 configurations, the first field slowest, with the fixed fields",
          "[sweep]") {
    const api::SweepSpec spec = api::loadSweepSpec(kTinyGrid);
    CHECK(spec.base == "tiny");
    CHECK(spec.seeds == std::vector<uint64_t>{0, 1});
    REQUIRE(spec.early_stopping);
    CHECK(spec.early_stopping->rule == "successive_halving");
    CHECK(spec.early_stopping->min_steps == 3);
    CHECK(spec.early_stopping->eta == 2);
    CHECK(spec.metric == "knn_weighted");
    const auto configs = api::sweepConfigurations(spec);
    REQUIRE(configs.size() == 4);
    const std::vector<std::pair<double, int>> expected{{1e-4, 16}, {1e-4, 64}, {3e-3, 16}, {3e-3, 64}};
    for (size_t i = 0; i < 4; ++i) {
        CAPTURE(i);
        CHECK(configs[i].index == static_cast<int>(i));
        REQUIRE(configs[i].values.size() == 2);
        CHECK(configs[i].values[0].first == "optim.lr");
        CHECK(configs[i].values[1].first == "model.out_dim");
        CHECK(configs[i].config.optim.lr == expected[i].first);
        CHECK(configs[i].config.model.out_dim == expected[i].second);
        CHECK(configs[i].config.eval.knn_every_steps == 3);  // from "set"
        CHECK(configs[i].config.model.embed_dim == presetConfig("tiny").model.embed_dim);  // from the base
        CHECK(configs[i].config.system.seed == 0);  // the first seed
        CHECK(validate(configs[i].config).empty());
    }
}

TEST_CASE("sweep spec: random dimensions are drawn from sampler_seed, within their ranges, the same every time", "[sweep]") {
    const std::string text = R"({"base": "tiny", "budget": {"trials": 40}, "sampler_seed": 7, "space": {
        "optim.lr": {"log_uniform": [1e-5, 1e-2]}, "optim.momentum": {"uniform": [0.9, 0.999]},
        "model.out_dim": {"int": [8, 12]}, "optim.centering": {"choice": ["ema", "sinkhorn"]},
        "optim.batch_size": [8, 16]}})";
    const auto a = api::sweepConfigurations(api::parseSweepSpec(text, "spec.json"));
    const auto b = api::sweepConfigurations(api::parseSweepSpec(text, "spec.json"));
    REQUIRE(a.size() == 40);
    std::set<int> out_dims;
    std::set<std::string> centerings;
    bool lr_low = false, lr_high = false;  // both decades of the log range are reached
    for (size_t i = 0; i < a.size(); ++i) {
        const RunConfig& c = a[i].config;
        CHECK(a[i].values == b[i].values);
        CHECK(c.optim.lr >= 1e-5);
        CHECK(c.optim.lr <= 1e-2);
        lr_low |= c.optim.lr < 1e-4;
        lr_high |= c.optim.lr > 1e-3;
        CHECK(c.optim.momentum >= 0.9);
        CHECK(c.optim.momentum <= 0.999);
        out_dims.insert(c.model.out_dim);
        centerings.insert(c.optim.centering);
        CHECK(c.optim.batch_size == (i % 2 == 0 ? 8 : 16));  // the grid dimension cycles
    }
    CHECK(lr_low);
    CHECK(lr_high);
    CHECK(out_dims == std::set<int>{8, 9, 10, 11, 12});
    CHECK(centerings == std::set<std::string>{"ema", "sinkhorn"});
    std::string other = text;
    other.replace(other.find("\"sampler_seed\": 7"), 17, "\"sampler_seed\": 8");
    CHECK(api::sweepConfigurations(api::parseSweepSpec(other, "spec.json"))[0].values != a[0].values);
}

TEST_CASE("sweep spec: a grid cut to budget.trials keeps its first points", "[sweep]") {
    const auto c = api::sweepConfigurations(api::parseSweepSpec(
        R"({"base": "tiny", "budget": {"trials": 3}, "space": {"optim.lr": [1e-4, 1e-3], "model.out_dim": [16, 32]}})", "s.json"));
    REQUIRE(c.size() == 3);
    CHECK(c[2].config.optim.lr == 1e-3);
    CHECK(c[2].config.model.out_dim == 16);
}

TEST_CASE("sweep spec: every mistake is one error naming the spec file and the key", "[sweep]") {
    struct Case {
        const char* spec;
        const char* key;
        const char* says;
    };
    const Case cases[] = {
        {R"({"base": "tiny", "space": {"optim.lrr": [0.1]}})", "space.optim.lrr", "unknown config field"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.001, -1]}})", "space.optim.lr", "must be > 0 (got -1)"},
        {R"({"base": "tiny", "space": {"model.out_dim": [16, 1.5]}})", "space.model.out_dim", "expected an integer"},
        {R"({"base": "tiny", "space": {"optim.centering": ["ema", "none"]}})", "space.optim.centering", "must be ema or sinkhorn"},
        {R"({"base": "tiny", "space": {"optim.centering": {"uniform": [0, 1]}}})", "space.optim.centering.uniform", "numeric field"},
        {R"({"base": "tiny", "budget": {"trials": 2}, "space": {"optim.lr": {"log_uniform": [0, 1]}}})", "space.optim.lr.log_uniform", "low > 0"},
        {R"({"base": "tiny", "budget": {"trials": 2}, "space": {"optim.lr": {"uniform": [1, 0.1]}}})", "space.optim.lr.uniform", "low must be below high"},
        {R"({"base": "tiny", "budget": {"trials": 2}, "space": {"optim.lr": {"normal": [0, 1]}}})", "space.optim.lr", "unknown distribution 'normal'"},
        {R"({"base": "tiny", "budget": {"trials": 2}, "space": {"optim.momentum": {"uniform": [0.5, 1.5]}}})", "space.optim.momentum", "(got 1.5)"},
        {R"({"base": "tiny", "space": {"optim.lr": {"uniform": [0.1, 0.2]}}})", "budget.trials", "missing"},
        {R"({"base": "tiny", "spcae": {}})", "spcae", "unknown key"},
        {R"({"base": "tiny"})", "space", "missing"},
        {R"({"base": "nosuch.json", "space": {"optim.lr": [0.1]}})", "base", "neither a preset"},
        {R"({"base": "tiny", "set": {"eval.knn_every_step": 2}, "space": {"optim.lr": [0.1]}})", "set.eval.knn_every_step", "unknown config field"},
        {R"({"base": "tiny", "set": {"optim.lr": 0.1}, "space": {"optim.lr": [0.1]}})", "space.optim.lr", "also fixed in \"set\""},
        {R"({"base": "tiny", "seeds": [0, 1, 0], "space": {"optim.lr": [0.1]}})", "seeds", "listed twice"},
        {R"({"base": "tiny", "space": {"system.seed": [1, 2]}})", "space.system.seed", "\"seeds\""},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "early_stopping": {"rule": "asha"}})", "early_stopping.rule", "unknown rule 'asha'"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "early_stopping": {"rule": "successive_halving"}})", "early_stopping.min_steps", "missing"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "early_stopping": {"rule": "median", "eta": 3}})", "early_stopping.eta", "not a parameter of the median rule"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "early_stopping": {"rule": "median"}})", "early_stopping", "eval.knn_every_steps > 0"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "metric": "auc"})", "metric", "unknown metric 'auc'"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "parallel": 0})", "parallel", "expected an integer >= 1"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]}, "budget": {"wall_minutes": -1}})", "budget.wall_minutes", "> 0"},
        {R"({"base": "tiny", "space": {"views.local_crop_size": [12, 13]}})", "space.views.local_crop_size", "in views.local_crop_size=13"},
        {R"({"base": "tiny", "space": {"optim.lr": [0.1]})", "(file)", "not valid JSON"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.spec);
        const std::string e = specError(c.spec);
        CHECK(e.rfind("spec.json: invalid configuration\n  ", 0) == 0);
        CHECK(e.find(std::string("\n  ") + c.key + ": ") != std::string::npos);
        CHECK(e.find(c.says) != std::string::npos);
    }
}

TEST_CASE("sweep spec: a base config file is found relative to the spec", "[sweep]") {
    test::TempDir dir("sweep-spec");
    std::filesystem::create_directories(dir.path());
    RunConfig base = presetConfig("tiny");
    base.optim.wd = 0.123;
    saveConfigFile(base, dir / "base.json");
    writeFileAtomic(dir / "spec.json", R"({"base": "base.json", "space": {"optim.lr": [0.001, 0.002]}})");
    const api::SweepSpec spec = api::loadSweepSpec(dir / "spec.json");
    CHECK(std::filesystem::path(spec.base).is_absolute());
    const auto configs = api::sweepConfigurations(spec);
    REQUIRE(configs.size() == 2);
    CHECK(configs[1].config.optim.wd == 0.123);
    CHECK(configs[1].config.optim.lr == 0.002);
}

TEST_CASE("sweep results: ranked by the mean over seeds, sample std, pruned after finished, fields by the spread of their "
          "marginal means", "[sweep]") {
    test::TempDir dir("sweep-results");
    std::filesystem::create_directories(dir.path());
    writeFileAtomic(dir / "spec.json", R"({"base": "tiny", "seeds": [0, 1],
        "space": {"optim.lr": [0.001, 0.002], "model.out_dim": [16, 32]}})");
    const std::string sweep = dir / "sweep";
    api::createSweep(dir / "spec.json", sweep);
    api::SweepState s = api::loadSweepState(sweep);
    REQUIRE(s.trials.size() == 8);
    // Configurations: c0 (lr 0.001, 16), c1 (0.001, 32), c2 (0.002, 16), c3 (0.002, 32); trials seed-major.
    const double seed0[] = {0.50, 0.60, 0.70, 0.20}, seed1[] = {0.54, 0.62, 0.66, 0};
    for (auto& t : s.trials) {
        CHECK(t.name == "c00" + std::to_string(t.config) + "-seed" + std::to_string(t.seed));
        t.state = "finished";
        t.final_value = (t.seed == 0 ? seed0 : seed1)[t.config];
        t.steps_done = t.steps_planned = 8;
        if (t.config == 2) t.baseline_value = t.seed == 0 ? 0.5 : 0.56;  // gain (0.20 + 0.10) / 2 = 0.15
        if (t.config == 3) {  // pruned at step 2 with seed 0; its seed 1 never ran
            t.state = "pruned";
            t.pruned_at = 2;
            t.steps_done = t.seed == 0 ? 3 : 0;
            if (t.seed == 1) t.final_value.reset();
        }
    }
    api::saveSweepState(sweep, s);
    const api::SweepResults r = api::sweepResults(sweep);
    REQUIRE(r.ranked.size() == 4);
    CHECK(r.ranked[0].config == 2);  // (0.70 + 0.66) / 2 = 0.68
    CHECK(r.ranked[0].mean == Approx(0.68));
    CHECK(r.ranked[0].std == Approx(std::sqrt(2 * 0.02 * 0.02 / 1)));  // sample std: 0.0282843
    REQUIRE(r.ranked[0].gain);
    CHECK(*r.ranked[0].gain == Approx(0.15));
    CHECK(r.ranked[1].config == 1);  // 0.61, std 0.0141421
    CHECK_FALSE(r.ranked[1].gain);  // no random-init value known
    CHECK(r.ranked[1].std == Approx(0.0141421).epsilon(1e-5));
    CHECK(r.ranked[2].config == 0);  // 0.52
    CHECK(r.ranked[3].config == 3);  // pruned, ranked after every finished one although it has a value
    CHECK(r.ranked[3].state == "pruned");
    CHECK(r.ranked[3].n == 1);
    CHECK(r.ranked[3].mean == 0.20);
    CHECK(r.ranked[3].pruned_at == 2);
    CHECK(r.finished == 6);
    CHECK(r.pruned == 2);
    CHECK(r.steps_done == 6 * 8 + 3);
    CHECK(r.steps_all == 8 * 8);
    // Marginal means over the finished configurations c0 0.52, c1 0.61, c2 0.68:
    // lr 0.001 -> (0.52 + 0.61) / 2 = 0.565, 0.002 -> 0.68: spread 0.115;
    // out_dim 16 -> (0.52 + 0.68) / 2 = 0.60, 32 -> 0.61: spread 0.01.
    REQUIRE(r.effects.size() == 2);
    CHECK(r.effects[0].field == "optim.lr");
    CHECK(r.effects[0].levels == std::vector<std::string>{"0.001", "0.002"});
    CHECK(r.effects[0].means[0] == Approx(0.565));
    CHECK(r.effects[0].means[1] == Approx(0.68));
    CHECK(r.effects[0].spread == Approx(0.115));
    CHECK(r.effects[1].field == "model.out_dim");
    CHECK(r.effects[1].spread == Approx(0.01));
    CHECK(r.effects[1].counts == std::vector<int>{2, 1});

    api::writeSweepResults(sweep, r);
    const RunConfig best = loadConfigFile(sweep + "/best-config.json");
    CHECK(best.optim.lr == 0.002);
    CHECK(best.model.out_dim == 16);
    const std::string csv = readTextFile(sweep + "/sweep-results.csv");
    CHECK(csv.rfind("rank,config,state,n,mean,std,gain,pruned_at,optim.lr,model.out_dim,label,finished_runs,gain_nn1,", 0) == 0);
    // No run folders: the sweep's own values, and no figures.
    CHECK(csv.find("\n1,c002,finished,2,0.68,0.0282843,0.15,,0.002,16,optim.lr=0.002 model.out_dim=16,0,,,,,,,,,\n") != std::string::npos);
    CHECK(csv.find("\n4,c003,pruned,1,0.2,0,,2,0.002,32,") != std::string::npos);
    const std::string text = api::formatSweepResults(r);
    CHECK(text.find("steps trained: 51 of 64") != std::string::npos);
    CHECK(text.find("pruned at step 2 (last live value)") != std::string::npos);
    CHECK(text.find("\nfields that mattered (the knn_weighted mean over finished configurations") != std::string::npos);
    CHECK(text.find("  optim.lr                     spread 0.1150:  0.001 -> 0.5650 (n=2)  0.002 -> 0.6800 (n=1)\n") !=
          std::string::npos);
    // Successive halving that leaves one configuration finished: the output says why no field is listed.
    api::SweepResults one = r;
    for (size_t i = 1; i < one.ranked.size(); ++i) one.ranked[i].state = "pruned";
    one.effects.clear();
    const std::string lone = api::formatSweepResults(one);
    CHECK(lone.find("\nfields that mattered: none to compare (1 configuration finished with values;") != std::string::npos);
}

TEST_CASE("sweep spec: named variants of the base, each with every point of the space", "[sweep]") {
    const std::string text = R"({"base": "tiny", "set": {"optim.wd": 0.05},
        "variants": {"ref": {}, "bs8": {"optim.batch_size": 8}, "lr": {"optim.lr": 0.002, "optim.lr_final": 1e-6}},
        "space": {"model.out_dim": [16, 32]}})";
    const auto c = api::sweepConfigurations(api::parseSweepSpec(text, "spec.json"));
    REQUIRE(c.size() == 6);
    CHECK(c[0].values == api::FieldValues{{"variant", "\"ref\""}, {"model.out_dim", "16"}});
    CHECK(c[3].values == api::FieldValues{{"variant", "\"bs8\""}, {"model.out_dim", "32"}});
    CHECK(c[3].config.optim.batch_size == 8);
    CHECK(c[3].config.model.out_dim == 32);
    CHECK(c[1].config.optim.batch_size == presetConfig("tiny").optim.batch_size);
    CHECK(c[4].config.optim.lr == 0.002);
    CHECK(c[5].config.optim.wd == 0.05);
    // Variants alone (no space), cut by the budget; and their mistakes, named.
    const auto v = api::sweepConfigurations(api::parseSweepSpec(
        R"({"base": "tiny", "budget": {"trials": 2}, "variants": {"a": {}, "b": {"optim.lr": 0.1}, "c": {}}})", "s.json"));
    REQUIRE(v.size() == 2);
    CHECK(v[1].config.optim.lr == 0.1);
    const std::string e = specError(R"({"base": "tiny", "variants": {"a": {"optim.lr": -2}}})");
    CHECK(e.find("\n  variants.a.optim.lr: must be > 0 (got -2) in variant 'a'") != std::string::npos);
    CHECK(specError(R"({"base": "tiny", "variants": {"a": {"optim.lr": 0.1}}, "space": {"optim.lr": [0.2]}})")
              .find("space.optim.lr: also fixed in variant 'a'") != std::string::npos);
    CHECK(specError(R"({"base": "tiny", "variants": {"a": {"optim.lrr": 0.1}}})").find("variants.a.optim.lrr: unknown config field") !=
          std::string::npos);
}

TEST_CASE("sweep results: the figures of finished trials from their run folders - k-NN and linear probe on both splits - as CSV and Markdown",
          "[sweep]") {
    test::TempDir dir("sweep-figures");
    std::filesystem::create_directories(dir.path());
    writeFileAtomic(dir / "spec.json", R"({"base": "tiny", "seeds": [0, 1], "evaluate": ["test"],
        "set": {"eval.test_split": "val"}, "variants": {"ref": {}, "od32": {"model.out_dim": 32}}})");
    const std::string sweep = dir / "sweep";
    api::createSweep(dir / "spec.json", sweep);
    api::SweepState s = api::loadSweepState(sweep);
    REQUIRE(s.trials.size() == 4);
    // c000 ("ref") finished with both seeds; c001 ("od32") pruned.
    for (auto& t : s.trials) {
        if (t.config == 1) {
            t.state = "pruned";
            t.pruned_at = 4;
            t.final_value = 0.3;
            continue;
        }
        t.state = "finished";
        t.final_value = t.seed == 0 ? 0.60 : 0.70;
        const std::string run = sweep + "/" + t.name;
        test::FixtureRun f;
        f.config = s.configs[0].config;
        f.last_entropy = t.seed == 0 ? 2.0 : 3.0;
        f.steps = t.seed == 0 ? 8 : 10;  // wall = 0.5 s a step: 4 and 5 s
        f.pseudo_used = t.seed == 0 ? 10 : 14;
        test::writeFixtureRun(run, f);
        // val: teacher 0.60 / 0.70 (k-NN), random init 0.40; test: teacher 0.50 / 0.56, random init 0.45.
        writeFileAtomic(api::runEvalPath(run), fixtureReport("val", t.seed == 0 ? 0.55 : 0.65, t.seed == 0 ? 0.60 : 0.70, 0.35, 0.40));
        writeFileAtomic(api::runSplitEvalPath(run, "test"), fixtureReport("test", 0.5, t.seed == 0 ? 0.50 : 0.56, 0.45, 0.45));
    }
    api::saveSweepState(sweep, s);
    const api::SweepResults r = api::sweepResults(sweep);
    REQUIRE(r.ranked.size() == 2);
    const auto& c = r.ranked[0];
    CHECK(c.label == "ref");
    const api::SweepFigures& f = c.figures;
    CHECK(f.n == 2);
    REQUIRE(f.splits.size() == 2);
    CHECK(f.splits[0].split == "val");
    CHECK(f.splits[0].knn.mean == Approx(0.65));
    CHECK(f.splits[0].knn.sd == Approx(std::sqrt(2 * 0.05 * 0.05)));
    CHECK(f.splits[0].base_knn.mean == Approx(0.40));
    CHECK(f.splits[1].split == "test");
    CHECK(f.splits[1].knn.mean == Approx(0.53));
    CHECK(f.splits[1].nn1.mean == Approx(0.50));
    // Gains per seed, averaged over the two splits, then over the seeds:
    // k-NN seed 0 ((0.60 - 0.40) + (0.50 - 0.45)) / 2 = 0.125, seed 1 ((0.70 - 0.40) + (0.56 - 0.45)) / 2 = 0.205 -> 0.165;
    // 1-NN seed 0 ((0.55 - 0.35) + (0.5 - 0.45)) / 2 = 0.125, seed 1 (0.30 + 0.05) / 2 = 0.175 -> 0.15.
    CHECK(f.gain_knn.mean == Approx(0.165));
    CHECK(f.gain_nn1.mean == Approx(0.15));
    CHECK(f.labels_used.mean == Approx(12));
    CHECK(f.labels_total == s.configs[0].config.model.out_dim);
    CHECK(f.teacher_entropy.mean == Approx(2.5));
    CHECK(f.wall_seconds.mean == Approx(4.5));
    CHECK(f.guard == "healthy");
    CHECK(r.ranked[1].label == "od32");
    CHECK(r.ranked[1].figures.n == 0);

    const std::string md = api::sweepResultsMarkdown(r);
    CHECK(md.rfind("| rank | config | seeds | val 1-NN | val k-NN | val AUC | test 1-NN | test k-NN | test AUC | gain 1-NN |", 0) == 0);
    CHECK(md.find("| 1 | `ref` | 2 | 60.0 (35.0) | 65.0 (40.0) | 0.900 | 50.0 (45.0) | 53.0 (45.0) | 0.900 | +15.0 | +16.5 | 12/") !=
          std::string::npos);
    CHECK(md.find("| 2 | `od32` | pruned at step 4, live 30.0 |") != std::string::npos);
    // Per split and seed: val k-NN 0.20 and 0.30 -> 0.25 ± 0.071; test 0.05 and 0.11 -> 0.08 ± 0.042.
    CHECK(f.splits[0].gain_knn.mean == Approx(0.25));
    CHECK(f.splits[0].gain_knn.sd == Approx(std::sqrt(2 * 0.05 * 0.05)));
    CHECK(f.splits[1].gain_knn.mean == Approx(0.08));
    CHECK(f.splits[1].gain_knn.sd == Approx(std::sqrt(2 * 0.03 * 0.03)));
    CHECK(f.splits[0].gain_probe.n == 0);
    const auto gains = md.find("Gains over random init per split");
    REQUIRE(gains != std::string::npos);
    CHECK(md.find("| rank | config | seeds | val gain k-NN | test gain k-NN |\n|---|---|---|---|---|\n"
                  "| 1 | `ref` | 2 | +25.0 ± 7.1 | +8.0 ± 4.2 |\n",
                  gains) != std::string::npos);
    CHECK(md.find("`od32`", gains) == std::string::npos);  // no finished trial: not in the gains table
    api::writeSweepResults(sweep, r);
    const std::string csv = readTextFile(sweep + "/sweep-results.csv");
    CHECK(csv.find(",label,finished_runs,val_nn1,val_knn,val_auc,val_baseline_nn1,val_baseline_knn,val_baseline_auc,val_probe,"
                   "val_baseline_probe,test_nn1,") != std::string::npos);
    CHECK(csv.find(",gain_nn1,gain_knn,gain_probe,labels_used,") != std::string::npos);
    // Without probes their cells stay empty.
    CHECK(csv.find(",ref,2,0.6,0.65,0.9,0.35,0.4,0.8,,,0.5,0.53,0.9,0.45,0.45,0.8,,,0.15,0.165,,12,") != std::string::npos);
    CHECK(f.splits[0].probe.n == 0);
    CHECK(f.gain_probe.n == 0);

    // The same trials with the linear probe: val 0.70 / 0.80 (random init 0.50), test 0.60 / 0.62 (random init 0.55).
    for (const auto& t : s.trials) {
        if (t.config != 0) continue;
        const std::string run = sweep + "/" + t.name;
        writeFileAtomic(api::runEvalPath(run), fixtureReport("val", t.seed == 0 ? 0.55 : 0.65, t.seed == 0 ? 0.60 : 0.70, 0.35, 0.40,
                                                      t.seed == 0 ? 0.70 : 0.80, 0.50));
        writeFileAtomic(api::runSplitEvalPath(run, "test"),
                        fixtureReport("test", 0.5, t.seed == 0 ? 0.50 : 0.56, 0.45, 0.45, t.seed == 0 ? 0.60 : 0.62, 0.55));
    }
    const api::SweepResults rp = api::sweepResults(sweep);
    const api::SweepFigures& fp = rp.ranked[0].figures;
    CHECK(fp.splits[0].probe.mean == Approx(0.75));
    CHECK(fp.splits[0].base_probe.mean == Approx(0.50));
    CHECK(fp.splits[1].probe.mean == Approx(0.61));
    CHECK(fp.splits[1].probe.sd == Approx(std::sqrt(2 * 0.01 * 0.01)));
    // Per seed over the splits: seed 0 ((0.70 - 0.50) + (0.60 - 0.55)) / 2 = 0.125, seed 1 (0.30 + 0.07) / 2 = 0.185 -> 0.155.
    CHECK(fp.gain_probe.mean == Approx(0.155));
    CHECK(fp.gain_knn.mean == Approx(0.165));
    const std::string mdp = api::sweepResultsMarkdown(rp);
    CHECK(mdp.rfind("| rank | config | seeds | val 1-NN | val k-NN | val AUC | val probe | test 1-NN | test k-NN | test AUC | test probe |"
                    " gain 1-NN | gain k-NN | gain probe | labels used |",
                    0) == 0);
    CHECK(mdp.find("| 1 | `ref` | 2 | 60.0 (35.0) | 65.0 (40.0) | 0.900 | 75.0 (50.0) | 50.0 (45.0) | 53.0 (45.0) | 0.900 | 61.0 (55.0) |"
                   " +15.0 | +16.5 | +15.5 | 12/") != std::string::npos);
    CHECK(mdp.find("| 2 | `od32` | pruned at step 4, live 30.0 | – | – | – | – | – | – | – | – | – | – | – | – | – | – | – | – |") !=
          std::string::npos);
    api::writeSweepResults(sweep, rp);
    const std::string csvp = readTextFile(sweep + "/sweep-results.csv");
    CHECK(csvp.find(",ref,2,0.6,0.65,0.9,0.35,0.4,0.8,0.75,0.5,0.5,0.53,0.9,0.45,0.45,0.8,0.61,0.55,0.15,0.165,0.155,12,") !=
          std::string::npos);
    const auto json = nlohmann::json::parse(readTextFile(sweep + "/sweep-results.json"));
    CHECK(json["ranked"][0]["figures"]["splits"]["test"]["probe"]["mean"].get<double>() == Approx(0.61));
    CHECK(json["ranked"][0]["figures"]["splits"]["val"]["baseline_probe"]["mean"].get<double>() == Approx(0.50));
    CHECK(json["ranked"][0]["figures"]["gain_probe"]["mean"].get<double>() == Approx(0.155));
    // Per split: val probe 0.20 and 0.30, test 0.05 and 0.07.
    CHECK(json["ranked"][0]["figures"]["splits"]["val"]["gain_probe"]["mean"].get<double>() == Approx(0.25));
    CHECK(json["ranked"][0]["figures"]["splits"]["test"]["gain_probe"]["mean"].get<double>() == Approx(0.06));
    CHECK(json["ranked"][0]["figures"]["splits"]["test"]["gain_knn"]["mean"].get<double>() == Approx(0.08));
    CHECK(mdp.find("| 1 | `ref` | 2 | +25.0 ± 7.1 | +25.0 ± 7.1 | +8.0 ± 4.2 | +6.0 ± 1.4 |\n") != std::string::npos);
}

TEST_CASE("sweep results: every configuration paired seed by seed with the spec's first - over the seeds both finished - "
          "ties not ahead",
          "[sweep]") {
    test::TempDir dir("sweep-paired");
    std::filesystem::create_directories(dir.path());
    writeFileAtomic(dir / "spec.json", R"({"base": "tiny", "seeds": [0, 1, 2], "evaluate": ["test"],
        "set": {"eval.test_split": "val"}, "variants": {"ref": {}, "alt": {"model.out_dim": 32}}})");
    const std::string sweep = dir / "sweep";
    api::createSweep(dir / "spec.json", sweep);
    api::SweepState s = api::loadSweepState(sweep);
    REQUIRE(s.trials.size() == 6);
    // The 1-NN equal to the k-NN: only the k-NN and the probe are paired.
    auto report = [](const std::string& split, double knn, double base_knn, double probe = -1, double base_probe = -1) {
        return fixtureReport(split, knn, knn, base_knn, base_knn, probe, base_probe);
    };
    // Gains (trained - random init) by seed:
    //   ref: val k-NN 0.20, 0.30, 0.25; val probe 0.10, 0.20, 0.15; test k-NN 0.05, 0.05, 0.05 (no probe).
    //   alt: val k-NN 0.25, 0.30; val probe 0.15, 0.15; test k-NN -0.05, 0.11; its seed 2 failed.
    const double val_knn[2][3] = {{0.60, 0.70, 0.65}, {0.65, 0.70, 0}}, val_probe[2][3] = {{0.60, 0.70, 0.65}, {0.65, 0.65, 0}};
    const double test_knn[2][3] = {{0.50, 0.50, 0.50}, {0.40, 0.56, 0}};
    for (auto& t : s.trials) {
        if (t.config == 1 && t.seed == 2) {
            t.state = "failed";
            continue;
        }
        t.state = "finished";
        t.final_value = val_knn[t.config][t.seed];
        const std::string run = sweep + "/" + t.name;
        test::FixtureRun f;
        f.config = s.configs[static_cast<size_t>(t.config)].config;
        test::writeFixtureRun(run, f);
        writeFileAtomic(api::runEvalPath(run), report("val", val_knn[t.config][t.seed], 0.40, val_probe[t.config][t.seed], 0.50));
        writeFileAtomic(api::runSplitEvalPath(run, "test"), report("test", test_knn[t.config][t.seed], 0.45));
    }
    api::saveSweepState(sweep, s);
    const api::SweepResults r = api::sweepResults(sweep);
    CHECK(r.paired_reference == "ref");
    REQUIRE(r.ranked.size() == 2);
    REQUIRE(r.ranked[0].label == "ref");  // finished ranks before failed
    REQUIRE(r.ranked[1].label == "alt");
    CHECK(r.ranked[0].figures.splits[0].paired_knn.diff.n == 0);  // the reference is not paired with itself
    const auto& alt = r.ranked[1].figures;
    REQUIRE(alt.splits.size() == 2);
    // val k-NN: +0.05 (seed 0) and 0.00 (seed 1, a tie) -> mean 0.025, sd sqrt(2 * 0.025^2), ahead in 1 of 2.
    CHECK(alt.splits[0].paired_knn.diff.n == 2);
    CHECK(alt.splits[0].paired_knn.diff.mean == Approx(0.025));
    CHECK(alt.splits[0].paired_knn.diff.sd == Approx(std::sqrt(2 * 0.025 * 0.025)));
    CHECK(alt.splits[0].paired_knn.ahead == 1);
    // val probe: +0.05 and -0.05 -> 0 ± 0.0707, ahead in 1.
    CHECK(alt.splits[0].paired_probe.diff.mean == Approx(0.0).margin(1e-12));
    CHECK(alt.splits[0].paired_probe.diff.sd == Approx(std::sqrt(2 * 0.05 * 0.05)));
    CHECK(alt.splits[0].paired_probe.ahead == 1);
    // test k-NN: -0.10 and +0.06 -> -0.02 ± sqrt(2 * 0.08^2); no probe on test: not paired.
    CHECK(alt.splits[1].split == "test");
    CHECK(alt.splits[1].paired_knn.diff.mean == Approx(-0.02));
    CHECK(alt.splits[1].paired_knn.diff.sd == Approx(std::sqrt(2 * 0.08 * 0.08)));
    CHECK(alt.splits[1].paired_knn.ahead == 1);
    CHECK(alt.splits[1].paired_probe.diff.n == 0);

    const std::string md = api::sweepResultsMarkdown(r);
    const auto at = md.find("Paired by seed against `ref`");
    REQUIRE(at != std::string::npos);
    CHECK(md.find("| rank | config | seeds paired | val Δ gain k-NN | val Δ gain probe | test Δ gain k-NN | test Δ gain probe |\n"
                  "|---|---|---|---|---|---|---|\n"
                  "| 2 | `alt` | 2 | +2.5 ± 3.5 (1/2), 95 % -29.3 … +34.3 | 0.0 ± 7.1 (1/2), 95 % -63.5 … +63.5 | "
                  "-2.0 ± 11.3 (1/2), 95 % -103.6 … +99.6 | – |\n",
                  at) != std::string::npos);
    // Two seeds: t(0.975; 1) = 12.7062, so the val k-NN's 2.5 ± 12.7062 · 3.5355 / √2 = 2.5 ± 31.77 points.
    CHECK(md.find("`ref`", at + 40) == std::string::npos);  // the reference has no row of its own

    api::writeSweepResults(sweep, r);
    const auto json = nlohmann::json::parse(readTextFile(sweep + "/sweep-results.json"));
    const auto& pv = json["ranked"][1]["figures"]["splits"]["val"]["paired_gain_knn"];
    CHECK(pv["against"] == "ref");
    CHECK(pv["mean"].get<double>() == Approx(0.025));
    CHECK(pv["n"] == 2);
    CHECK(pv["ahead"] == 1);
    REQUIRE(pv["ci95"].size() == 2);
    CHECK(pv["ci95"][0].get<double>() == Approx(0.025 - 0.3176551).epsilon(1e-6));
    CHECK(pv["ci95"][1].get<double>() == Approx(0.025 + 0.3176551).epsilon(1e-6));
    CHECK(json["ranked"][1]["figures"]["splits"]["test"]["paired_gain_knn"]["mean"].get<double>() == Approx(-0.02));
    CHECK_FALSE(json["ranked"][1]["figures"]["splits"]["test"].contains("paired_gain_probe"));
    CHECK_FALSE(json["ranked"][0]["figures"]["splits"]["val"].contains("paired_gain_knn"));
}

TEST_CASE("sweep spec: evaluate names splits, each once", "[sweep]") {
    CHECK(api::parseSweepSpec(R"({"base": "tiny", "variants": {"a": {}}, "evaluate": ["test", "val"]})", "s.json").evaluate ==
          std::vector<std::string>{"test", "val"});
    auto message = [](const std::string& text) {
        try {
            api::parseSweepSpec(text, "s.json");
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(message(R"({"base": "tiny", "variants": {"a": {}}, "evaluate": ["tset"]})").find("evaluate") != std::string::npos);
    CHECK(message(R"({"base": "tiny", "variants": {"a": {}}, "evaluate": ["test", "test"]})").find("listed twice") != std::string::npos);
    CHECK(message(R"({"base": "tiny", "variants": {"a": {}}, "evaluate": "test"})").find("expected a list") != std::string::npos);
}

TEST_CASE("sweep folder: a new sweep may start in a folder holding only its spec and base config", "[sweep]") {
    // The GUI's sweep dialog writes DIR/sweep-spec.json and DIR/base-config.json, then runs
    // `dino sweep DIR/sweep-spec.json --out DIR`: the folder stands on its own.
    test::TempDir dir("sweep-own-folder");
    const std::string sweep = dir / "sw";
    std::filesystem::create_directories(sweep);
    RunConfig base = presetConfig("tiny");
    base.optim.wd = 0.125;
    saveConfigFile(base, sweep + "/base-config.json");
    writeFileAtomic(sweep + "/sweep-spec.json", R"({"base": "base-config.json", "space": {"optim.lr": [0.001, 0.002]}})");
    api::createSweep(sweep + "/sweep-spec.json", sweep);
    const api::SweepState s = api::loadSweepState(sweep);
    REQUIRE(s.configs.size() == 2);
    CHECK(loadConfigFile(sweep + "/configs/c001.json").optim.wd == 0.125);
    // Anything else in the folder is still refused, naming it as not empty.
    const std::string other = dir / "other";
    std::filesystem::create_directories(other);
    saveConfigFile(base, other + "/base-config.json");
    writeFileAtomic(other + "/sweep-spec.json", R"({"base": "base-config.json", "space": {"optim.lr": [0.001]}})");
    writeFileAtomic(other + "/notes.txt", "mine");
    CHECK_THAT(test::errorOf([&] { api::createSweep(other + "/sweep-spec.json", other); }),
               Catch::Contains("exists and is not empty"));
}

// The specs under docs/sweeps/ are the commands docs/learning-at-scale.md and learning-on-small-data.md tell a
// reader to run ("dino sweep docs/sweeps/X.json --out ..."): each must still parse, expand into its trials and
// give configurations the current schema accepts, so that renaming or tightening a field cannot silently break
// a documented experiment.
TEST_CASE("sweep spec: every spec under docs/sweeps loads, expands and validates", "[sweep]") {
    const std::filesystem::path dir = std::filesystem::path(kTinyGrid).parent_path();
    std::vector<std::filesystem::path> specs;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") specs.push_back(e.path());
    std::sort(specs.begin(), specs.end());
    REQUIRE(specs.size() >= 40);
    for (const auto& path : specs) {
        CAPTURE(path.filename().string());
        // loadSweepSpec rejects unknown keys and fields and an empty seed list; sweepConfigurations validates
        // every configuration it builds (as `dino sweep` does before it writes anything).
        std::vector<api::SweepConfiguration> configs;
        REQUIRE_NOTHROW(configs = api::sweepConfigurations(api::loadSweepSpec(path.string())));
        CHECK(!configs.empty());
    }
}
