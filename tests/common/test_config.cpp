#include <catch2/catch.hpp>

#include <algorithm>

#include "common/config.h"
#include "common/config_schema.h"

#include "test_util.h"

#include <nlohmann/json.hpp>

#include <set>

#include <cstdio>
#include <fstream>

using namespace dino;

TEST_CASE("default config is the seed's", "[config]") {
    RunConfig c;
    CHECK(c.views.num_global == 2);
    CHECK(c.views.num_local == 2);
    CHECK(c.optim.batch_size == 256);
    CHECK(c.model.out_dim == 256);
    CHECK(c.optim.epochs == 15);
    CHECK(c.optim.student_temp == 0.1);
    CHECK(c.optim.center_momentum == 0.9);
    CHECK(c.model.hiddenDim() == 384);
    CHECK(c.model.bottleneckDim() == 96);
    CHECK(validate(c).empty());
}

TEST_CASE("config JSON round-trips", "[config]") {
    RunConfig c = presetConfig("quick");
    c.views.mean = {0.1, 0.2, 0.3};
    c.system.precision = "bf16";
    RunConfig back = configFromJson(configToJson(c));
    CHECK(configToJson(back) == configToJson(c));
    CHECK(back.views.mean == c.views.mean);
    CHECK(back.system.precision == "bf16");
}

TEST_CASE("unknown fields and wrong types are named", "[config]") {
    try {
        configFromJson(R"({"optim": {"lr": "fast", "bogus": 1}, "extra": {}})", "cfg.json");
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        std::string msg = e.what();
        CHECK(msg.find("cfg.json") != std::string::npos);
        CHECK(msg.find("optim.lr") != std::string::npos);
        CHECK(msg.find("optim.bogus") != std::string::npos);
        CHECK(msg.find("extra") != std::string::npos);
        CHECK(e.fields().size() == 3);
    }
    CHECK_THROWS_AS(configFromJson("{not json"), ConfigError);
}

TEST_CASE("validation names the field and the allowed range", "[config]") {
    RunConfig c;
    c.views.num_global = 1;
    c.views.num_local = 0;
    c.optim.teacher_temp = 0;
    c.optim.momentum = 1.5;
    c.system.device = "tpu";
    auto errs = validate(c);
    auto has = [&](const std::string& f) {
        for (auto& e : errs)
            if (e.field == f) return true;
        return false;
    };
    CHECK(has("views.num_global"));
    CHECK(has("views.num_local"));
    CHECK(has("optim.teacher_temp"));
    CHECK(has("optim.momentum"));
    CHECK(has("system.device"));
    CHECK(errs.size() == 5);
}

TEST_CASE("DINOv2 and live k-NN fields: seed defaults, validation names them", "[config]") {
    RunConfig d;
    CHECK(d.optim.centering == "ema");
    CHECK(d.optim.koleo_weight == 0);
    CHECK(d.optim.sinkhorn_iterations == 3);
    CHECK(d.optim.freeze_last_layer_steps == 0);
    CHECK(d.views.global_crop_scale_min == 1.0);
    CHECK(d.views.global_crop_scale_max == 1.0);
    CHECK(d.eval.knn_every_steps == 0);
    RunConfig c;
    c.optim.centering = "sk";
    c.optim.sinkhorn_iterations = 0;
    c.optim.koleo_weight = -0.1;
    c.optim.freeze_last_layer_steps = -1;
    c.views.global_crop_scale_min = 0;
    c.views.global_crop_scale_max = 1.5;
    c.eval.knn_every_steps = -5;
    c.eval.knn_live_max = 0;
    c.eval.knn_live_split = "";
    std::vector<std::string> fields;
    for (auto& e : validate(c)) fields.push_back(e.field);
    for (const char* f : {"optim.centering", "optim.sinkhorn_iterations", "optim.koleo_weight", "optim.freeze_last_layer_steps",
                          "views.global_crop_scale_min", "views.global_crop_scale_max", "eval.knn_every_steps",
                          "eval.knn_live_max", "eval.knn_live_split"}) {
        INFO(f);
        CHECK(std::find(fields.begin(), fields.end(), f) != fields.end());
    }
    RunConfig o;
    applyOverride(o, "optim.centering=sinkhorn");
    applyOverride(o, "optim.koleo_weight=0.1");
    CHECK(o.optim.centering == "sinkhorn");
    CHECK(o.optim.koleo_weight == 0.1);
    CHECK(validate(o).empty());
}

TEST_CASE("config --set overrides parse values by the field's type", "[config]") {
    RunConfig c;
    applyOverride(c, "optim.lr=0.001");
    applyOverride(c, "system.device=cpu");
    applyOverride(c, "views.num_local=4");
    applyOverride(c, "optim.no_wd_bias_norm=true");
    applyOverride(c, "views.mean=[0.5,0.5,0.5]");
    CHECK(c.optim.lr == 0.001);
    CHECK(c.system.device == "cpu");
    CHECK(c.views.num_local == 4);
    CHECK(c.optim.no_wd_bias_norm);
    CHECK(c.views.mean.size() == 3);
    CHECK_THROWS_AS(applyOverride(c, "optim.nope=1"), ConfigError);
    CHECK_THROWS_AS(applyOverride(c, "views.num_local=abc"), ConfigError);
    CHECK_THROWS_AS(applyOverride(c, "novalue"), ConfigError);
}

TEST_CASE("the field table describes every field of config.json once, with label, help and type", "[config]") {
    const auto j = nlohmann::json::parse(configToJson(RunConfig{}));
    std::set<std::string> json_keys, table_keys;
    for (auto s = j.begin(); s != j.end(); ++s)
        for (auto f = s.value().begin(); f != s.value().end(); ++f) json_keys.insert(s.key() + "." + f.key());
    for (const auto& d : configFieldTable()) {
        INFO(d.key);
        CHECK(table_keys.insert(d.key).second);  // once
        CHECK(std::string(d.label).size() > 0);
        CHECK(std::string(d.help).size() > 10);
        CHECK(fieldHelp(d.key) == d.help);
        CHECK(findConfigField(d.key) == &d);
        // The default the help shows is the JSON of a default RunConfig's member.
        CHECK(fieldDefaultText(d) == j[d.section()][d.name()].dump());
        if (!d.min_field.empty()) CHECK(findConfigField(d.min_field) != nullptr);
    }
    CHECK(table_keys == json_keys);
    CHECK(findConfigField("optim.nope") == nullptr);
    CHECK(fieldHelp("optim.nope").empty());
    CHECK(configSections() == std::vector<std::string>{"data", "views", "model", "optim", "eval", "system"});
    CHECK(findConfigField("optim.lr")->type == FieldType::Double);
    CHECK(findConfigField("data.subset")->type == FieldType::Int64);
    CHECK(findConfigField("system.seed")->type == FieldType::UInt64);
    CHECK(findConfigField("views.mean")->type == FieldType::DoubleList);
    CHECK(findConfigField("optim.no_wd_bias_norm")->type == FieldType::Bool);
    CHECK(findConfigField("optim.lr")->group == "schedules");  // the form's group, not the JSON section
    CHECK(findConfigField("optim.lr")->section() == "optim");
}

TEST_CASE("a field's reference in the table reads and writes that member only", "[config]") {
    RunConfig c;
    int visited = 0;
    forEachField(c, [&](const FieldDescriptor& d, auto& field) {
        ++visited;
        using T = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<T, double>) {
            const std::string before = configToJson(c);
            field += 0.25;
            auto a = nlohmann::json::parse(before), b = nlohmann::json::parse(configToJson(c));
            INFO(d.key);
            CHECK(b[d.section()][d.name()].get<double>() == a[d.section()][d.name()].get<double>() + 0.25);
            b[d.section()][d.name()] = a[d.section()][d.name()];
            CHECK(a == b);  // nothing else changed
            field -= 0.25;
        }
    });
    CHECK(visited == static_cast<int>(configFieldTable().size()));
    const RunConfig& cc = c;
    forEachField(cc, [&](const FieldDescriptor&, const auto&) { --visited; });
    CHECK(visited == 0);
}

TEST_CASE("validation messages come from each field's rule in the table", "[config]") {
    auto only = [](const std::string& set) {
        RunConfig c;
        applyOverride(c, set);
        auto e = validate(c);
        REQUIRE(e.size() == 1);
        return e[0].field + ": " + e[0].message;
    };
    CHECK(only("views.jitter_p=1.5") == "views.jitter_p: must be a probability in [0, 1] (got 1.5)");
    CHECK(only("optim.lr=0") == "optim.lr: must be > 0 (got 0)");
    CHECK(only("optim.wd=-1") == "optim.wd: must be >= 0 (got -1)");
    CHECK(only("views.hue=0.6") == "views.hue: must be in [0, 0.5] (got 0.6)");
    CHECK(only("views.crop_scale_min=0") == "views.crop_scale_min: must be in (0, 1] (got 0)");
    CHECK(only("views.crop_scale_max=0.1") == "views.crop_scale_max: must be in [views.crop_scale_min, 1] (got 0.1)");
    CHECK(only("views.blur_sigma_max=0.05") == "views.blur_sigma_max: must be >= views.blur_sigma_min (got 0.05)");
    CHECK(only("views.num_global=1") ==
          "views.num_global: must be >= 2 (Global 1 and Global 2 each at least once) (got 1)");
    CHECK(only("optim.sinkhorn_iterations=101") == "optim.sinkhorn_iterations: must be in [1, 100] (DINOv2 uses 3) (got 101)");
    CHECK(only("data.size=32") == "data.size: must be one of 28, 64, 128, 224 (got 32)");
    CHECK(only("optim.centering=x") == "optim.centering: must be ema or sinkhorn (got \"x\")");
    CHECK(only("system.device=gpu") == "system.device: must be auto, cpu or cuda (got \"gpu\")");
    CHECK(only("views.blur_kernel=4") == "views.blur_kernel: must be an odd integer >= 1 (got 4)");
    CHECK(only("views.blur_kernel=0") == "views.blur_kernel: must be an odd integer >= 1 (got 0)");
    CHECK(only("system.processes=0") == "system.processes: must be from 1 to 256 (got 0)");
    CHECK(only("system.dist_timeout_s=0") == "system.dist_timeout_s: must be > 0 (seconds) (got 0)");
    CHECK(only("data.train_split=") == "data.train_split: must be train, val or test (got \"\")");
    // A relation with another field is the field's own check, reported under its key.
    RunConfig c = presetConfig("tiny");  // batch 16
    applyOverride(c, "system.processes=17");
    auto e = validate(c);
    REQUIRE(e.size() == 1);
    CHECK(e[0].field == "system.processes");
    CHECK(e[0].message.find("must be <= optim.batch_size (16)") == 0);
    // An open choice is offered by the form but not enforced: a split of another name is allowed.
    RunConfig o;
    applyOverride(o, "eval.test_split=holdout");
    CHECK(validate(o).empty());
}

TEST_CASE("dino train --help-fields text lists every field with its default, unit and rule", "[config]") {
    const std::string h = configFieldsHelp();
    CHECK(h.find("  optim.lr = 0.0005 {> 0}: Peak learning rate, reached after the warmup.\n") != std::string::npos);
    CHECK(h.find("  data.size = 28 [px] {28 | 64 | 128 | 224}: ") != std::string::npos);
    CHECK(h.find("  views.crop_scale_max = 0.8 {[views.crop_scale_min, 1]}: ") != std::string::npos);
    CHECK(h.find("  system.dist_timeout_s = 600.0 [s] {> 0}: ") != std::string::npos);
    for (const auto& d : configFieldTable()) CHECK(h.find("  " + d.key + " = ") != std::string::npos);
    CHECK(fieldRuleText(*findConfigField("optim.no_wd_bias_norm")).empty());
    CHECK(fieldRuleText(*findConfigField("views.vflip_p")) == "[0, 1]");
}

TEST_CASE("saved config file loads back, bad file is named", "[config]") {
    const std::string path = test::tempPath("config_roundtrip.json");
    RunConfig c = presetConfig("tiny");
    saveConfigFile(c, path);
    CHECK(configToJson(loadConfigFile(path)) == configToJson(c));
    std::ofstream(path) << R"({"views": {"num_global": 1}})";
    try {
        loadConfigFile(path);
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()).find(path) != std::string::npos);
        CHECK(std::string(e.what()).find("views.num_global") != std::string::npos);
    }
    std::remove(path.c_str());
    CHECK_THROWS(loadConfigFile("/nonexistent/cfg.json"));
}

TEST_CASE("integers out of their field's range are errors, not wrapped or undefined casts", "[config]") {
    // Found by fuzz_config: --set optim.epochs=1111...1 (parsed as 1.1e+23) was cast to int (UB).
    RunConfig c;
    auto err = [&](const std::string& set) {
        try {
            applyOverride(c, set);
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK_THAT(err("optim.epochs=111111111111111111111111"), Catch::Contains("optim.epochs") && Catch::Contains("from -2147483648 to 2147483647"));
    CHECK_THAT(err("optim.epochs=4294967297"), Catch::Contains("optim.epochs"));  // would wrap to 1
    CHECK_THAT(err("optim.epochs=1e300"), Catch::Contains("optim.epochs"));
    CHECK_THAT(err("system.seed=-1"), Catch::Contains("non-negative"));
    CHECK(err("optim.epochs=2147483647").empty());
    CHECK(c.optim.epochs == 2147483647);
    CHECK(err("optim.epochs=3.0").empty());
    CHECK(c.optim.epochs == 3);
    CHECK(err("system.seed=18446744073709551615").empty());
    CHECK(c.system.seed == 18446744073709551615ull);
    CHECK_THROWS_WITH(configFromJson(R"({"optim": {"batch_size": 1e20}})"), Catch::Contains("optim.batch_size"));
    CHECK_THROWS_WITH(configFromJson(R"({"model": {"depth": 10000000000}})"), Catch::Contains("model.depth"));
    // Found by fuzz_config: a number too large for a double is nlohmann's out_of_range, not a
    // parse_error; it must still be a ConfigError (exit 2) naming the file.
    CHECK_THROWS_AS(configFromJson("936e1191001", "cfg.json"), ConfigError);
    CHECK_THROWS_WITH(configFromJson(R"({"optim": {"lr": 1e999}})", "cfg.json"),
                      Catch::Contains("cfg.json") && Catch::Contains("not valid JSON"));
}

TEST_CASE("text fields must be UTF-8, which config.json can hold", "[config]") {
    // Found by fuzz_config: --set data.dataset=<a byte 0xA7> validated and then threw inside the JSON writer.
    RunConfig c;
    applyOverride(c, "data.dataset=caf\xa7.npz");
    auto errors = validate(c);
    REQUIRE(errors.size() == 1u);
    CHECK(errors[0].field == "data.dataset");
    CHECK_THAT(errors[0].message, Catch::Contains("UTF-8"));
    for (const char* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\xff"}) {
        c.data.dataset = bad;
        CHECK(validate(c).size() == 1u);
    }
    c.data.dataset = "Datens\xc3\xa4tze/\xe2\x82\xac/\xf0\x9f\x94\xac.npz";  // ä, €, a 4-byte emoji
    CHECK(validate(c).empty());
    CHECK(configFromJson(configToJson(c)).data.dataset == c.data.dataset);
}

TEST_CASE("a patch size of 0 is an error, not a division by zero", "[config]") {
    // Found by fuzz_config: views.local_crop_size % model.patch_size with patch_size 0 (SIGFPE).
    RunConfig c;
    c.model.patch_size = 0;
    c.views.local_crop_size = 12;
    auto errors = validate(c);
    bool named = false;
    for (const auto& e : errors) named = named || e.field == "model.patch_size";
    CHECK(named);
}
