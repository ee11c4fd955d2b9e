// The single augmentation operations on float (B,3,H,W) images in [0,1], with per-sample
// parameters, following torchvision 0.14's tensor functional semantics (F_t.adjust_*, _rgb2hsv,
// _hsv2rgb, _get_gaussian_kernel1d, solarize, resized_crop with bilinear, antialias off).
#include "data/multicrop.h"

namespace dino::aug {

namespace {

void checkImages(const torch::Tensor& img, const char* op) {
    TORCH_CHECK(img.dim() == 4 && img.size(1) == 3 && img.is_floating_point(), op,
                ": expected float images (B,3,H,W), got ", img.sizes());
}

// Per-sample factor as a (B,1,1,1) tensor of the image dtype; (1 - factor) is formed in double
// precision first, as torchvision does with its Python float factor.
std::pair<torch::Tensor, torch::Tensor> ratios(const torch::Tensor& factor, const torch::Tensor& img) {
    TORCH_CHECK(factor.dim() == 1 && factor.size(0) == img.size(0), "per-sample factor: expected (B,) with B=",
                img.size(0), ", got ", factor.sizes());
    auto f = factor.to(torch::kFloat64);
    auto r = f.to(img.scalar_type()).view({-1, 1, 1, 1});
    auto one_minus = (1.0 - f).to(img.scalar_type()).view({-1, 1, 1, 1});
    return {r, one_minus};
}

// ratio * img1 + (1 - ratio) * img2, clamped to [0, 1] (torchvision's _blend for float images).
torch::Tensor blend(const torch::Tensor& img1, const torch::Tensor& img2, const torch::Tensor& factor) {
    auto [r, omr] = ratios(factor, img1);
    return (r * img1 + omr * img2).clamp_(0.0, 1.0);
}

// 0.2989 R + 0.587 G + 0.114 B, (B,1,H,W).
torch::Tensor grayscale(const torch::Tensor& img) {
    auto r = img.select(1, 0), g = img.select(1, 1), b = img.select(1, 2);
    return (0.2989 * r + 0.587 * g + 0.114 * b).unsqueeze(1);
}

torch::Tensor rgbToHsv(const torch::Tensor& img) {
    auto r = img.select(1, 0), g = img.select(1, 1), b = img.select(1, 2);
    auto maxc = std::get<0>(img.max(1));
    auto minc = std::get<0>(img.min(1));
    auto eqc = maxc == minc;
    auto cr = maxc - minc;
    auto ones = torch::ones_like(maxc);
    auto s = cr / torch::where(eqc, ones, maxc);
    auto cr_div = torch::where(eqc, ones, cr);
    auto rc = (maxc - r) / cr_div;
    auto gc = (maxc - g) / cr_div;
    auto bc = (maxc - b) / cr_div;
    auto is_r = maxc == r;
    auto is_g = (maxc == g) & ~is_r;
    auto is_b = (maxc != g) & ~is_r;
    auto hr = is_r.to(img.scalar_type()) * (bc - gc);
    auto hg = is_g.to(img.scalar_type()) * (2.0 + rc - bc);
    auto hb = is_b.to(img.scalar_type()) * (4.0 + gc - rc);
    auto h = hr + hg + hb;
    h = torch::fmod(h / 6.0 + 1.0, 1.0);
    return torch::stack({h, s, maxc}, 1);
}

torch::Tensor hsvToRgb(const torch::Tensor& hsv) {
    auto h = hsv.select(1, 0), s = hsv.select(1, 1), v = hsv.select(1, 2);
    auto i = torch::floor(h * 6.0);
    auto f = h * 6.0 - i;
    auto sector = i.to(torch::kInt64).remainder(6);
    auto p = (v * (1.0 - s)).clamp(0.0, 1.0);
    auto q = (v * (1.0 - s * f)).clamp(0.0, 1.0);
    auto t = (v * (1.0 - s * (1.0 - f))).clamp(0.0, 1.0);
    // For each sector 0..5 the (r, g, b) picks among v, q, p, t.
    auto cand = torch::stack({v, q, p, t}, 1);  // (B,4,H,W)
    static const int64_t table[6][3] = {{0, 3, 2}, {1, 0, 2}, {2, 0, 3}, {2, 1, 0}, {3, 2, 0}, {0, 2, 1}};
    auto lut = torch::from_blob(const_cast<int64_t*>(&table[0][0]), {6, 3}, torch::kInt64);
    auto idx = lut.index_select(0, sector.flatten()).view({sector.size(0), sector.size(1), sector.size(2), 3})
                   .permute({0, 3, 1, 2});  // (B,3,H,W) indices into cand
    return cand.gather(1, idx);
}

}  // namespace

torch::Tensor adjustBrightness(const torch::Tensor& img, const torch::Tensor& factor) {
    checkImages(img, "adjustBrightness");
    auto [r, omr] = ratios(factor, img);
    (void)omr;  // blend with zeros: (1 - f) * 0 adds nothing
    return (r * img).clamp_(0.0, 1.0);
}

torch::Tensor adjustContrast(const torch::Tensor& img, const torch::Tensor& factor) {
    checkImages(img, "adjustContrast");
    auto mean = grayscale(img).mean({1, 2, 3}, /*keepdim=*/true);
    return blend(img, mean, factor);
}

torch::Tensor adjustSaturation(const torch::Tensor& img, const torch::Tensor& factor) {
    checkImages(img, "adjustSaturation");
    return blend(img, grayscale(img), factor);
}

torch::Tensor adjustHue(const torch::Tensor& img, const torch::Tensor& shift) {
    checkImages(img, "adjustHue");
    TORCH_CHECK(shift.dim() == 1 && shift.size(0) == img.size(0), "adjustHue: expected (B,) shifts");
    auto hsv = rgbToHsv(img);
    auto h = (hsv.select(1, 0) + shift.to(img.scalar_type()).view({-1, 1, 1})).remainder(1.0);
    hsv = torch::stack({h, hsv.select(1, 1), hsv.select(1, 2)}, 1);
    return hsvToRgb(hsv);
}

torch::Tensor gaussianKernels(int kernel, const torch::Tensor& sigma) {
    TORCH_CHECK(kernel > 0 && kernel % 2 == 1, "gaussian blur: kernel size must be odd and positive, got ", kernel);
    const double half = (kernel - 1) * 0.5;
    auto x = torch::linspace(-half, half, kernel, torch::kFloat32).view({1, -1});
    auto s = sigma.to(torch::kFloat32).view({-1, 1});
    auto pdf = torch::exp(-0.5 * (x / s).pow(2));
    return pdf / pdf.sum(1, /*keepdim=*/true);  // (B, kernel)
}

torch::Tensor gaussianBlur(const torch::Tensor& img, int kernel, const torch::Tensor& sigma) {
    checkImages(img, "gaussianBlur");
    TORCH_CHECK(sigma.dim() == 1 && sigma.size(0) == img.size(0), "gaussianBlur: expected (B,) sigmas");
    const int64_t n = img.size(0), H = img.size(2), W = img.size(3);
    const int pad = kernel / 2;
    TORCH_CHECK(pad < H && pad < W, "gaussianBlur: kernel ", kernel, " too large for ", H, "x", W, " images");
    auto w = gaussianKernels(kernel, sigma).to(img.scalar_type());  // (B,k)
    auto xp = torch::reflection_pad2d(img, {pad, pad, pad, pad});    // (B,3,H+2p,W+2p)
    torch::Tensor horiz;
    for (int k = 0; k < kernel; ++k) {
        auto term = w.select(1, k).view({n, 1, 1, 1}) * xp.narrow(3, k, W);
        horiz = k == 0 ? term : horiz.add_(term);
    }
    torch::Tensor out;
    for (int k = 0; k < kernel; ++k) {
        auto term = w.select(1, k).view({n, 1, 1, 1}) * horiz.narrow(2, k, H);
        out = k == 0 ? term : out.add_(term);
    }
    return out;
}

torch::Tensor solarize(const torch::Tensor& img, double threshold) {
    checkImages(img, "solarize");
    return torch::where(img >= threshold, 1.0 - img, img);
}

torch::Tensor hflip(const torch::Tensor& img, const torch::Tensor& mask) {
    checkImages(img, "hflip");
    return torch::where(mask.to(torch::kBool).view({-1, 1, 1, 1}), img.flip({3}), img);
}

torch::Tensor vflip(const torch::Tensor& img, const torch::Tensor& mask) {
    checkImages(img, "vflip");
    return torch::where(mask.to(torch::kBool).view({-1, 1, 1, 1}), img.flip({2}), img);
}

torch::Tensor rotate90(const torch::Tensor& img, const torch::Tensor& k) {
    checkImages(img, "rotate90");
    TORCH_CHECK(img.size(2) == img.size(3), "rotate90: expected square images, got ", img.sizes());
    TORCH_CHECK(k.dim() == 1 && k.size(0) == img.size(0), "rotate90: expected (B,) quarter turns with B=",
                img.size(0), ", got ", k.sizes());
    auto turns = k.to(torch::kInt64).remainder(4);
    torch::Tensor out = img.clone();
    for (int64_t q = 1; q < 4; ++q) {
        auto idx = (turns == q).nonzero().view({-1});
        if (idx.numel() > 0) out.index_copy_(0, idx, img.index_select(0, idx).rot90(q, {2, 3}));
    }
    return out;
}

namespace {

// Source indices and weights of PyTorch's bilinear interpolation (align_corners=false) from
// `len` input pixels (starting at `start`) to `out` output pixels, one row per sample.
void linearIndices(const torch::Tensor& start, const torch::Tensor& len, int out, torch::Tensor& i0,
                   torch::Tensor& i1, torch::Tensor& l0, torch::Tensor& l1) {
    auto lenf = len.to(torch::kFloat32).view({-1, 1});
    auto scale = lenf / static_cast<float>(out);
    auto dst = torch::arange(out, torch::kFloat32).view({1, -1});
    auto src = (scale * (dst + 0.5f) - 0.5f).clamp_min(0.0);
    auto idx0 = src.to(torch::kInt64);  // floor, src >= 0
    auto len_i = len.view({-1, 1});
    auto step = (idx0 < len_i - 1).to(torch::kInt64);
    l1 = (src - idx0.to(torch::kFloat32)).clamp(0.0, 1.0);
    l0 = 1.0f - l1;
    i0 = idx0 + start.view({-1, 1});
    i1 = i0 + step;
}

}  // namespace

torch::Tensor resizedCrop(const torch::Tensor& img, const torch::Tensor& boxes, int out) {
    checkImages(img, "resizedCrop");
    TORCH_CHECK(boxes.dim() == 2 && boxes.size(0) == img.size(0) && boxes.size(1) == 4,
                "resizedCrop: expected boxes (B,4)");
    TORCH_CHECK(out > 0, "resizedCrop: output size must be positive");
    const int64_t n = img.size(0), C = img.size(1), H = img.size(2), W = img.size(3);
    auto b = boxes.to(torch::kInt64);
    auto top = b.select(1, 0), left = b.select(1, 1), h = b.select(1, 2), w = b.select(1, 3);
    TORCH_CHECK((top >= 0).all().item<bool>() && (left >= 0).all().item<bool>() && (h > 0).all().item<bool>() &&
                    (w > 0).all().item<bool>() && (top + h <= H).all().item<bool>() &&
                    (left + w <= W).all().item<bool>(),
                "resizedCrop: a crop box lies outside the image");
    torch::Tensor y0, y1, ly0, ly1, x0, x1, lx0, lx1;
    linearIndices(top, h, out, y0, y1, ly0, ly1);    // (B,out)
    linearIndices(left, w, out, x0, x1, lx0, lx1);  // (B,out)
    auto flat = img.reshape({n, C, H * W});
    auto gather = [&](const torch::Tensor& yi, const torch::Tensor& xi) {
        auto idx = (yi.view({n, out, 1}) * W + xi.view({n, 1, out})).view({n, 1, out * out}).expand({n, C, out * out});
        return flat.gather(2, idx).view({n, C, out, out});
    };
    auto v00 = gather(y0, x0), v01 = gather(y0, x1), v10 = gather(y1, x0), v11 = gather(y1, x1);
    auto wy0 = ly0.view({n, 1, out, 1}).to(img.scalar_type()), wy1 = ly1.view({n, 1, out, 1}).to(img.scalar_type());
    auto wx0 = lx0.view({n, 1, 1, out}).to(img.scalar_type()), wx1 = lx1.view({n, 1, 1, out}).to(img.scalar_type());
    return wy0 * (wx0 * v00 + wx1 * v01) + wy1 * (wx0 * v10 + wx1 * v11);
}

}  // namespace dino::aug
