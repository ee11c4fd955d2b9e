// Numeric cross-check of the ViT-tiny forward (and the DINO head on top of it) against an
// independent hand-written PyTorch implementation of timm 0.9.2's math.
//
// The reference numbers below were produced by
//     /usr/bin/python3 tests/support/vit_reference.py        (torch 1.13, float64, no timm)
// with deterministic weights: tensor k (0-based, in state_dict order; the head numbered from 0 on
// its own), flat element i:  w = 0.1 * sin(0.37 i + 0.61 k)  (+1 for 1-D "*.weight" tensors,
// i.e. LayerNorm gains; the head's frozen weight_g stays 1). Input (B,3,H,W), flat index j:
// x = sin(0.1 j + 0.3). Per output row b: the first four values and sum_d y[d] cos(0.3 d + b).
// Sensitivity measured with the script: tanh-GELU, LayerNorm eps 1e-5, align_corners=true or
// bilinear interpolation each move the outputs by 1e-5..1e-4 — far above the float64 tolerance.
#include <catch2/catch.hpp>

#include "model/dino_head.h"
#include "model/vision_transformer.h"

#include <cmath>

using namespace dino;

namespace {

struct RowRef {
    double first4[4];
    double checksum;
};

// vit_reference.py output, copied verbatim.
const RowRef kVit28[2] = {
    {{0.50149244207514, -0.603130549502248, -0.731657151289409, -0.151327299050048}, 0.264140171102717},
    {{0.541581636105611, -0.581917056897009, -0.792322966667114, -0.140244520413441}, -0.370724903047984}};
const RowRef kVit16[2] = {
    {{0.412891322365745, -0.597672486204089, -0.633219789937031, -0.201182680286046}, 0.204257234569889},
    {{0.412969649067156, -0.597605153686208, -0.633352187468479, -0.201184303287829}, -0.429794046855405}};
const RowRef kVit12x20[1] = {
    {{0.412935290781948, -0.597783051144194, -0.633187431720224, -0.201103355023744}, 0.204211738041861}};
const RowRef kHead28[2] = {
    {{0.0194097690158938, 0.0711329277829616, -0.101980260994007, 0.0438532038510185}, 0.0552947553011931},
    {{0.0194090404747187, 0.0711315019782313, -0.101977869797335, 0.0438519356456683}, 0.000577673929703523}};

void fillByFormula(torch::nn::Module& m) {
    torch::NoGradGuard ng;
    int64_t k = 0;
    for (auto& p : m.named_parameters()) {
        auto t = p.value();
        const bool frozen_gain = p.key().size() >= 8 && p.key().compare(p.key().size() - 8, 8, "weight_g") == 0;
        if (!frozen_gain) {
            auto i = torch::arange(t.numel(), torch::kFloat64);
            auto w = 0.1 * torch::sin(0.37 * i + 0.61 * static_cast<double>(k));
            const bool ln_gain = t.dim() == 1 && p.key().size() >= 7 &&
                                 p.key().compare(p.key().size() - 7, 7, ".weight") == 0;
            if (ln_gain)
                w = w + 1.0;
            t.copy_(w.view(t.sizes()));
        }
        ++k;
    }
}

torch::Tensor input(int64_t B, int64_t H, int64_t W, torch::ScalarType dtype) {
    auto j = torch::arange(B * 3 * H * W, torch::kFloat64);
    return torch::sin(0.1 * j + 0.3).view({B, 3, H, W}).to(dtype);
}

void compareRows(const torch::Tensor& y, const RowRef* ref, int64_t rows, double tol) {
    auto yd = y.to(torch::kFloat64);
    REQUIRE(yd.size(0) == rows);
    auto d = torch::arange(yd.size(1), torch::kFloat64);
    for (int64_t b = 0; b < rows; ++b) {
        INFO("row " << b);
        for (int i = 0; i < 4; ++i)
            CHECK(yd[b][i].item<double>() == Approx(ref[b].first4[i]).margin(tol));
        const double chk = (yd[b] * torch::cos(0.3 * d + static_cast<double>(b))).sum().item<double>();
        CHECK(chk == Approx(ref[b].checksum).margin(tol * 10));
    }
}

}  // namespace

TEST_CASE("ViT-tiny forward equals the independent reference (float64 and float32)", "[vit][reference]") {
    for (auto dtype : {torch::kFloat64, torch::kFloat32}) {
        const bool f64 = dtype == torch::kFloat64;
        const double tol = f64 ? 1e-10 : 2e-4;
        INFO((f64 ? "float64" : "float32"));
        VisionTransformer vit{VitOptions{}};
        vit->to(dtype);
        fillByFormula(*vit);
        vit->eval();
        torch::NoGradGuard ng;
        auto y28 = vit->forward(input(2, 28, 28, dtype));
        {
            INFO("28x28");
            compareRows(y28, kVit28, 2, tol);
        }
        {
            INFO("16x16: interpolated position embedding");
            compareRows(vit->forward(input(2, 16, 16, dtype)), kVit16, 2, tol);
        }
        {
            INFO("12x20: non-square interpolation");
            compareRows(vit->forward(input(1, 12, 20, dtype)), kVit12x20, 1, tol);
        }
        {
            INFO("DINO head (192 -> 256, 3 layers, hidden 384, bottleneck 96) on the 28x28 features");
            DinoHead head(192, 256, 3, 384, 96);
            head->to(dtype);
            fillByFormula(*head);
            compareRows(head->forward(y28), kHead28, 2, tol);
        }
    }
}
