// H&E stain operations on float (B,3,H,W) RGB images in [0,1]: colour deconvolution into stain amounts
// (Ruifrok and Johnston 2001) and the stain jitter of Tellez et al. 2019 ("HED" augmentation), with
// scikit-image's conventions so that our numbers can be checked against its rgb2hed and hed2rgb
// (tests/support/stain_reference.py).
#include "data/multicrop.h"

#include <cmath>

namespace dino::aug {

namespace {

// scikit-image's rgb_from_hed: row j is the RGB optical density of one unit of stain j (haematoxylin,
// eosin, DAB). Its inverse, hed_from_rgb, separates the stains.
torch::Tensor rgbFromHed() {
    return torch::tensor({0.65, 0.70, 0.29, 0.07, 0.99, 0.11, 0.27, 0.57, 0.78}, torch::kFloat64).view({3, 3});
}

// Optical densities are in units of -log(1e-6), the darkest value scikit-image lets a pixel have.
const double kLogAdjust = std::log(1e-6);

void checkRgb(const torch::Tensor& img, const char* op) {
    TORCH_CHECK(img.dim() == 4 && img.size(1) == 3 && img.is_floating_point(), op,
                ": expected float images (B,3,H,W), got ", img.sizes());
}

}  // namespace

torch::Tensor rgbToHed(const torch::Tensor& img) {
    checkRgb(img, "rgbToHed");
    auto hed_from_rgb = torch::inverse(rgbFromHed()).to(img.scalar_type());
    auto od = img.clamp_min(1e-6).log() / kLogAdjust;
    // stains[b, j] = sum over c of od[b, c] * hed_from_rgb[c, j]
    return torch::einsum("bchw,cj->bjhw", {od, hed_from_rgb}).clamp_min(0.0);
}

torch::Tensor hedToRgb(const torch::Tensor& hed) {
    checkRgb(hed, "hedToRgb");
    auto rgb_from_hed = rgbFromHed().to(hed.scalar_type());
    // log rgb[b, c] = -(sum over j of hed[b, j] * rgb_from_hed[j, c]) * -log(1e-6)
    auto log_rgb = torch::einsum("bjhw,jc->bchw", {hed, rgb_from_hed}) * kLogAdjust;
    return log_rgb.exp().clamp(0.0, 1.0);
}

torch::Tensor stainJitter(const torch::Tensor& img, const torch::Tensor& scale, const torch::Tensor& shift) {
    checkRgb(img, "stainJitter");
    const int64_t B = img.size(0);
    TORCH_CHECK(scale.dim() == 2 && scale.size(0) == B && scale.size(1) == 3 && shift.sizes() == scale.sizes(),
                "stainJitter: expected (B,3) scales and shifts with B=", B, ", got ", scale.sizes(), " and ",
                shift.sizes());
    auto a = scale.to(img.scalar_type()).view({B, 3, 1, 1});
    auto b = shift.to(img.scalar_type()).view({B, 3, 1, 1});
    return hedToRgb(rgbToHed(img) * a + b);
}

}  // namespace dino::aug
