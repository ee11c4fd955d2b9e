#include <catch2/catch.hpp>

#include <algorithm>

#include "common/config.h"

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

TEST_CASE("every field has help text", "[config]") {
    RunConfig c;
    std::string json = configToJson(c);
    for (const char* f : {"optim.lr", "views.num_local", "system.threads", "model.out_dim", "eval.knn_k"})
        CHECK_FALSE(fieldHelp(f).empty());
}

TEST_CASE("saved config file loads back, bad file is named", "[config]") {
    std::string path = "test_config_roundtrip.json";
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
