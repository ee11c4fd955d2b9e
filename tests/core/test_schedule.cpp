// The seed's cosine_schedule / CosineSchedule and the four training schedules, against values
// computed independently with numpy (reference_golden.json).
#include <catch2/catch.hpp>

#include "core_test_util.h"
#include "schedule/cosine_schedule.h"

#include <cmath>

using namespace dino;

namespace {

void checkValues(const std::vector<double>& mine, const nlohmann::json& gold) {
    REQUIRE(mine.size() == gold.size());
    for (size_t i = 0; i < mine.size(); ++i) {
        INFO("step " << i);
        CHECK(mine[i] == Approx(gold[i].get<double>()).margin(1e-15).epsilon(1e-13));
    }
}

}  // namespace

TEST_CASE("cosineSchedule(0.5, 0.1, 100, warmup 10) equals numpy's", "[schedule][golden]") {
    const auto v = cosineSchedule(0.5, 0.1, 100, 10, 0.0);
    checkValues(v, dino::test::golden().at("cosine_schedule_0.5_0.1_100_warmup10"));
    // np.linspace includes its end point: the warmup reaches the base value at its last step,
    // and the cosine part starts again at the base value.
    CHECK(v[0] == 0.0);
    CHECK(v[9] == 0.5);
    CHECK(v[10] == 0.5);
    CHECK(v[1] == Approx(0.5 / 9));
    CHECK(v[99] == Approx(0.1 + 0.2 * (1 + std::cos(M_PI * 89 / 90))));
}

TEST_CASE("the four training schedules at 1000 steps equal the golden ones", "[schedule][golden]") {
    const auto& g = dino::test::golden().at("training_schedules");
    const int64_t total = g["total_steps"];
    OptimConfig cfg;  // the seed's defaults
    const auto s = TrainingSchedules::fromConfig(cfg, total);
    CHECK(s.total_steps == total);
    auto checkParams = [&](const nlohmann::json& gs, double base, double fin, double pct, double start) {
        CHECK(gs["base_value"].get<double>() == base);
        CHECK(gs["final_value"].get<double>() == fin);
        CHECK(gs["warmup_pct"].get<double>() == pct);
        CHECK(gs["start_warmup_value"].get<double>() == start);
    };
    checkParams(g["lr_schedule"], cfg.lr, cfg.lr_final, cfg.lr_warmup_pct, 0.0);
    checkParams(g["wd_schedule"], cfg.wd, cfg.wd_final, 0.0, 0.0);
    checkParams(g["teacher_temp_schedule"], cfg.teacher_temp, cfg.teacher_temp, cfg.teacher_temp_warmup_pct,
                cfg.teacher_temp_start);
    checkParams(g["teacher_ema_schedule"], cfg.momentum, cfg.momentum_final, 0.0, 0.0);
    checkValues(s.lr.values(), g["lr_schedule"]["values"]);
    checkValues(s.wd.values(), g["wd_schedule"]["values"]);
    checkValues(s.teacher_temp.values(), g["teacher_temp_schedule"]["values"]);
    checkValues(s.momentum.values(), g["teacher_ema_schedule"]["values"]);
}

TEST_CASE("schedule warmup start, end points and clamping past the end", "[schedule]") {
    const auto s = TrainingSchedules::fromConfig(OptimConfig{}, 1000);
    // lr: warmup from 0 over int(0.1 * 1000) = 100 steps to 5e-4, then cosine to (almost) 2e-4.
    CHECK(s.lr(0) == 0.0);
    CHECK(s.lr(99) == 5e-4);
    CHECK(s.lr(100) == 5e-4);
    CHECK(s.lr(999) == Approx(2e-4).epsilon(1e-4));
    CHECK(s.lr(999) > 2e-4);  // cosine over len(iters): the final value itself is never reached
    // Clamped: any step past the end gives the last value.
    CHECK(s.lr(1000) == s.lr(999));
    CHECK(s.lr(123456) == s.lr(999));
    // wd and momentum start at their base value without warmup and rise towards the final one.
    CHECK(s.wd(0) == 0.02);
    CHECK(s.wd(999) == Approx(0.04).epsilon(1e-4));
    CHECK(s.momentum(0) == 0.992);
    CHECK(s.momentum(999) == Approx(0.996).epsilon(1e-6));
    // teacher temperature: 0.04 -> 0.07 over the first 100 steps, then constant.
    CHECK(s.teacher_temp(0) == 0.04);
    CHECK(s.teacher_temp(99) == 0.07);
    for (int64_t i = 100; i < 1000; i += 37)
        CHECK(s.teacher_temp(i) == Approx(0.07).epsilon(1e-15));
    CHECK_THROWS_AS(s.lr(-1), std::out_of_range);
}

TEST_CASE("CosineSchedule uses int(pct * total) warmup steps and handles edge sizes", "[schedule]") {
    // int(0.1 * 15) = 1: a one-step linspace is just its start value.
    CosineSchedule a(1.0, 0.0, 0.1, 0.25, 15);
    REQUIRE(a.values().size() == 15);
    CHECK(a(0) == 0.25);
    CHECK(a(1) == 1.0);
    // One step in total: the base value.
    CosineSchedule one(0.7, 0.1, 0.0, 0.0, 1);
    CHECK(one(0) == 0.7);
    CHECK(one(5) == 0.7);
    // Everything warmup.
    const auto w = cosineSchedule(1.0, 0.0, 5, 5, 0.0);
    CHECK(w == std::vector<double>({0.0, 0.25, 0.5, 0.75, 1.0}));
    // Unset schedule and invalid sizes are errors.
    CHECK_THROWS_AS(CosineSchedule()(0), std::logic_error);
    CHECK_THROWS_AS(cosineSchedule(1.0, 0.0, 0), std::invalid_argument);
    CHECK_THROWS_AS(cosineSchedule(1.0, 0.0, 10, 11), std::invalid_argument);
    CHECK_THROWS_AS(CosineSchedule(1.0, 0.0, 1.5, 0.0, 10), std::invalid_argument);
}
