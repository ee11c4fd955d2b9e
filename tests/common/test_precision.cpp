// system.precision = auto: bf16 exactly where the device computes it natively, for every kind of
// machine we meet (the decision is a pure function, so each case runs on any CPU).
#include "common/precision.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace dino;

TEST_CASE("precision auto: bf16 on AMX and AVX512-BF16 CPUs and bf16 GPUs, fp32 elsewhere", "[precision]") {
    PrecisionFeatures zen3;  // AVX2 only: bf16 autocast was 20x slower than fp32 there
    PrecisionFeatures xeon;  // Sapphire Rapids: AVX512-BF16 and AMX-BF16 (2.1x faster than fp32)
    xeon.avx512_bf16 = xeon.amx_bf16 = true;
    PrecisionFeatures zen4;  // AVX512-BF16 without AMX
    zen4.avx512_bf16 = true;
    PrecisionFeatures ampere;
    ampere.cuda = ampere.cuda_bf16 = true;
    PrecisionFeatures turing;
    turing.cuda = true;

    auto zen3_auto = choosePrecision("auto", zen3);
    CHECK(zen3_auto.precision == "fp32");
    CHECK_THAT(zen3_auto.reason, Catch::Contains("auto") && Catch::Contains("no native bf16") && Catch::Contains("20x"));
    auto xeon_auto = choosePrecision("auto", xeon);
    CHECK(xeon_auto.precision == "bf16");
    CHECK_THAT(xeon_auto.reason, Catch::Contains("AMX-BF16"));
    auto zen4_auto = choosePrecision("auto", zen4);
    CHECK(zen4_auto.precision == "bf16");
    CHECK_THAT(zen4_auto.reason, Catch::Contains("AVX512-BF16"));
    CHECK(choosePrecision("auto", ampere).precision == "bf16");
    CHECK(choosePrecision("auto", turing).precision == "fp32");
    // CPU flags do not matter for a GPU run.
    turing.amx_bf16 = true;
    CHECK(choosePrecision("auto", turing).precision == "fp32");

    // An explicit choice is kept, with a warning in the reason where it is slow.
    CHECK(choosePrecision("fp32", xeon).precision == "fp32");
    CHECK_THAT(choosePrecision("fp32", xeon).reason, Catch::Contains("as set in system.precision"));
    auto forced = choosePrecision("bf16", zen3);
    CHECK(forced.precision == "bf16");
    CHECK_THAT(forced.reason, Catch::Contains("emulated") && Catch::Contains("slower"));
    CHECK_THAT(choosePrecision("bf16", xeon).reason, !Catch::Contains("slower"));
    CHECK_THROWS_AS(choosePrecision("fp16", xeon), std::invalid_argument);
}
