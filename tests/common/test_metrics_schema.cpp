// The metric table (common/metrics_schema.h): every StepMetrics member once, with its texts, and the
// epoch summary it defines, checked against numbers worked out by hand.
#include <catch2/catch.hpp>

#include "common/metrics_schema.h"

#include <cmath>
#include <set>

using namespace dino;

TEST_CASE("metric table: names unique, texts present, get and set reach their own member", "[metrics]") {
    const auto& table = metricTable();
    REQUIRE(table.size() == 18);
    std::set<std::string> names;
    for (size_t i = 0; i < table.size(); ++i) {
        const MetricDescriptor& d = table[i];
        INFO(d.name);
        CHECK(names.insert(d.name).second);
        CHECK(std::string(d.label).size() > 0);
        CHECK(std::string(d.help).size() > 0);
        CHECK(findMetric(d.name) == &d);
        // A value set through one entry is read back by it and by no other entry.
        api::StepMetrics m;
        for (const auto& other : table) other.set(m, 0);
        d.set(m, static_cast<double>(i + 3));
        for (const auto& other : table) CHECK(other.get(m) == (&other == &d ? static_cast<double>(i + 3) : 0.0));
    }
    CHECK(findMetric("no_such_metric") == nullptr);
    // metrics.csv's first columns, as every run since the first wrote them.
    const char* first[] = {"step", "epoch", "loss", "lr", "wd", "teacher_temp", "momentum", "images_per_s",
                           "teacher_entropy", "kl_uniform", "center_norm", "step_seconds", "data_seconds", "elapsed_seconds"};
    for (size_t i = 0; i < std::size(first); ++i) {
        CHECK(table[i].name == first[i]);
        CHECK(table[i].required);
    }
    CHECK(table[14].name == "student_std");
    CHECK(table[15].name == "koleo");
    CHECK(table[16].name == "grad_norm");
    CHECK(table[17].name == "ibot_loss");
    CHECK(findMetric("ibot_loss")->missing == 0);           // older runs had no iBOT term
    CHECK(findMetric("ibot_loss")->ranks == RankReduce::Sum);  // a sum over images, as the loss
    CHECK(std::isnan(findMetric("grad_norm")->missing));   // not measured in older runs
    CHECK(findMetric("koleo")->missing == 0);               // older runs had no KoLeo term
    CHECK(findMetric("step")->integer);
    CHECK(findMetric("loss")->ranks == RankReduce::Sum);
    CHECK(findMetric("koleo")->ranks == RankReduce::Sum);
    CHECK(findMetric("grad_norm")->ranks == RankReduce::Same);
}

TEST_CASE("summarizeSteps: mean of the finite values, last, sum, per the table", "[metrics]") {
    std::vector<api::StepMetrics> steps(3);
    const double loss[] = {6.0, 5.0, 4.5};
    const double spread[] = {0.5, std::nan(""), 0.25};
    for (int i = 0; i < 3; ++i) {
        steps[i].step = 10 + i;
        steps[i].epoch = 2;
        steps[i].loss = loss[i];
        steps[i].lr = 0.25 * (i + 1);
        steps[i].step_seconds = 0.5 + i;
        steps[i].elapsed_seconds = 100 + i;
        steps[i].student_std = spread[i];
    }
    const api::StepMetrics s = summarizeSteps(steps);
    CHECK(s.step == 12);                       // last
    CHECK(s.epoch == 2);
    CHECK(s.loss == Approx(15.5 / 3));         // mean
    CHECK(s.lr == 0.75);                       // last (a schedule)
    CHECK(s.step_seconds == 0.5 + 1.5 + 2.5);  // sum
    CHECK(s.elapsed_seconds == 102);           // last
    CHECK(s.student_std == 0.375);             // mean of the measured values only
    const api::StepMetrics none = summarizeSteps({});
    CHECK(std::isnan(none.loss));
    CHECK(none.step == 0);
}
