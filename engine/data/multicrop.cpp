#include "data/multicrop.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace dino {

namespace {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

torch::Tensor uniform(torch::Generator& gen, int64_t n, double lo, double hi) {
    return torch::rand({n}, gen, torch::kFloat64).mul_(hi - lo).add_(lo);
}

// torchvision's RandomResizedCrop.get_params for one sample, from pre-drawn uniforms:
// 10 tries of (scale, log-ratio) then the centre-crop fallback. Python's round() rounds half to even.
std::array<int64_t, 4> cropParams(int64_t H, int64_t W, const ViewsConfig& v, double scale_min, double scale_max,
                                  const double* su, const double* ru, double iu, double ju) {
    const double area = static_cast<double>(H * W);
    const double lr0 = std::log(v.crop_ratio_min), lr1 = std::log(v.crop_ratio_max);
    for (int t = 0; t < 10; ++t) {
        double target = area * (scale_min + (scale_max - scale_min) * su[t]);
        double aspect = std::exp(lr0 + (lr1 - lr0) * ru[t]);
        auto w = static_cast<int64_t>(std::nearbyint(std::sqrt(target * aspect)));
        auto h = static_cast<int64_t>(std::nearbyint(std::sqrt(target / aspect)));
        if (w > 0 && w <= W && h > 0 && h <= H) {
            int64_t i = std::min<int64_t>(static_cast<int64_t>(iu * static_cast<double>(H - h + 1)), H - h);
            int64_t j = std::min<int64_t>(static_cast<int64_t>(ju * static_cast<double>(W - w + 1)), W - w);
            return {i, j, h, w};
        }
    }
    double in_ratio = static_cast<double>(W) / static_cast<double>(H);
    int64_t w, h;
    if (in_ratio < v.crop_ratio_min) {
        w = W;
        h = static_cast<int64_t>(std::nearbyint(w / v.crop_ratio_min));
    } else if (in_ratio > v.crop_ratio_max) {
        h = H;
        w = static_cast<int64_t>(std::nearbyint(h * v.crop_ratio_max));
    } else {
        w = W;
        h = H;
    }
    return {(H - h) / 2, (W - w) / 2, h, w};
}

// Applies op to the samples selected by mask (in place on x), each with its own parameter.
template <class Op>
void applySubset(torch::Tensor& x, const torch::Tensor& mask, const torch::Tensor& param, Op op) {
    auto idx = mask.nonzero().view({-1});
    if (idx.numel() == 0) return;
    if (idx.numel() == x.size(0)) {
        x = op(x, param);
        return;
    }
    auto sub = op(x.index_select(0, idx), param.index_select(0, idx));
    x.index_copy_(0, idx, sub);
}

}  // namespace

std::string AppliedOps::describe() const {
    std::ostringstream os;
    if (stain)
        os << "H&E stain jitter: haematoxylin x" << fmt("%.2f", stain_scale[0]) << fmt(" %+.3f", stain_shift[0])
           << ", eosin x" << fmt("%.2f", stain_scale[1]) << fmt(" %+.3f", stain_shift[1]) << ", DAB x"
           << fmt("%.2f", stain_scale[2]) << fmt(" %+.3f", stain_shift[2]) << "\n";
    if (jitter) {
        os << "colour jitter:";
        for (size_t k = 0; k < jitter_order.size(); ++k) {
            if (k) os << ",";
            switch (jitter_order[k]) {
                case 0: os << " brightness x" << fmt("%.2f", brightness); break;
                case 1: os << " contrast x" << fmt("%.2f", contrast); break;
                case 2: os << " saturation x" << fmt("%.2f", saturation); break;
                case 3: os << " hue " << fmt("%+.3f", hue); break;
            }
        }
        os << "\n";
    } else {
        os << "no colour jitter\n";
    }
    if (hflip) os << "horizontal flip\n";
    if (vflip) os << "vertical flip\n";
    if (quarter_turns) os << "rotation " << quarter_turns * 90 << " degrees\n";
    if (blur) os << "Gaussian blur sigma " << fmt("%.2f", sigma) << "\n";
    if (solarize) os << "solarize\n";
    if (kind == ViewKind::Local || crop_top != 0 || crop_left != 0)
        os << "crop " << crop_h << "x" << crop_w << " at (" << crop_top << ", " << crop_left << ")\n";
    std::string s = os.str();
    if (!s.empty()) s.pop_back();
    return s;
}

MultiCrop::MultiCrop(const ViewsConfig& cfg, int image_size, Normalization norm, bool grey)
    : cfg_(cfg), image_size_(image_size), local_size_(cfg.local_crop_size > 0 ? cfg.local_crop_size : image_size),
      norm_(std::move(norm)), grey_(grey) {
    if (cfg_.num_global < 2) throw std::invalid_argument("views.num_global must be >= 2");
    if (cfg_.num_local < 1) throw std::invalid_argument("views.num_local must be >= 1");
    if (image_size_ <= 0) throw std::invalid_argument("MultiCrop: image size must be positive");
    if (norm_.mean.size() != 3 || norm_.std.size() != 3)
        throw std::invalid_argument("MultiCrop: normalisation needs 3 means and 3 standard deviations");
    if (cfg_.blur_kernel / 2 >= image_size_)
        throw std::invalid_argument("views.blur_kernel " + std::to_string(cfg_.blur_kernel) + " is too large for " +
                                    std::to_string(image_size_) + " px images");
}

MultiCropBatch MultiCrop::operator()(const torch::Tensor& images_u8, torch::Generator& gen, bool record_ops,
                                     bool normalize) const {
    TORCH_CHECK(images_u8.dim() == 4 && images_u8.size(3) == 3 && images_u8.scalar_type() == torch::kUInt8,
                "MultiCrop: expected (B,H,W,3) uint8 images, got ", images_u8.sizes());
    TORCH_CHECK(images_u8.size(1) == image_size_ && images_u8.size(2) == image_size_, "MultiCrop: expected ",
                image_size_, "x", image_size_, " images, got ", images_u8.size(1), "x", images_u8.size(2));
    const auto& v = cfg_;
    const int64_t B = images_u8.size(0), G = v.num_global, L = v.num_local, V = G + L, N = V * B;
    const int64_t S = image_size_;

    auto x0 = images_u8.permute({0, 3, 1, 2}).to(torch::kFloat32).div_(255.0);
    // View-major copies: row v*B + b is view v of image b.
    torch::Tensor x = x0.repeat({V, 1, 1, 1}).contiguous();

    // --- random parameters, drawn in a fixed order from gen ---
    // Kind per row: 0 = Global 1, 1 = Global 2, 2 = Local; extra globals pick 1 or 2 at random.
    auto kind = torch::empty({N}, torch::kInt64);
    kind.narrow(0, 0, B).fill_(0);
    kind.narrow(0, B, B).fill_(1);
    if (G > 2) kind.narrow(0, 2 * B, (G - 2) * B).copy_((torch::rand({(G - 2) * B}, gen, torch::kFloat64) >= 0.5));
    kind.narrow(0, G * B, L * B).fill_(2);

    auto jit = torch::rand({N}, gen, torch::kFloat64) < v.jitter_p;
    auto order = torch::rand({N, 4}, gen, torch::kFloat64).argsort(/*dim=*/int64_t{1}, /*descending=*/false);  // uniform random permutation per row
    auto fb = uniform(gen, N, std::max(0.0, 1.0 - v.brightness), 1.0 + v.brightness);
    auto fc = uniform(gen, N, std::max(0.0, 1.0 - v.contrast), 1.0 + v.contrast);
    auto fs = uniform(gen, N, std::max(0.0, 1.0 - v.saturation), 1.0 + v.saturation);
    auto fh = uniform(gen, N, -v.hue, v.hue);
    auto hf = torch::rand({N}, gen, torch::kFloat64) < v.hflip_p;
    auto vf = torch::rand({N}, gen, torch::kFloat64) < v.vflip_p;
    auto blur_p = torch::where(kind == 0, torch::full({N}, v.blur_p_global1, torch::kFloat64),
                               torch::where(kind == 1, torch::full({N}, v.blur_p_global2, torch::kFloat64),
                                            torch::full({N}, v.blur_p_local, torch::kFloat64)));
    auto bl = torch::rand({N}, gen, torch::kFloat64) < blur_p;
    auto sigma = uniform(gen, N, v.blur_sigma_min, v.blur_sigma_max);
    auto so = (torch::rand({N}, gen, torch::kFloat64) < v.solarize_p) & (kind == 1);
    auto crop_su = torch::rand({L * B, 10}, gen, torch::kFloat64);
    auto crop_ru = torch::rand({L * B, 10}, gen, torch::kFloat64);
    auto crop_iu = torch::rand({L * B, 2}, gen, torch::kFloat64);

    // Global crops draw their numbers after the seed's, so that without them (the seed) the random
    // stream and hence every other view stays exactly as it was.
    torch::Tensor gsu, gru, giu;
    if (v.global_crop_scale_min < 1.0 || v.global_crop_scale_max < 1.0) {
        gsu = torch::rand({G * B, 10}, gen, torch::kFloat64);
        gru = torch::rand({G * B, 10}, gen, torch::kFloat64);
        giu = torch::rand({G * B, 2}, gen, torch::kFloat64);
    }
    // The other options beyond the seed draw theirs after all of the above, and only when they are on.
    torch::Tensor rot, turns, st, st_scale, st_shift;
    if (v.rotate90_p > 0) {
        rot = torch::rand({N}, gen, torch::kFloat64) < v.rotate90_p;
        turns = torch::randint(1, 4, {N}, gen, torch::kInt64) * rot.to(torch::kInt64);
    }
    const bool stain_on = v.stain_p > 0 && !grey_;
    if (v.stain_p > 0) {  // drawn on grey data too, so that the stream does not depend on the data
        st = (torch::rand({N}, gen, torch::kFloat64) < v.stain_p) & torch::full({N}, stain_on, torch::kBool);
        st_scale = torch::rand({N, 3}, gen, torch::kFloat64).mul_(2 * v.stain_scale).add_(1.0 - v.stain_scale);
        st_shift = torch::rand({N, 3}, gen, torch::kFloat64).mul_(2 * v.stain_shift).sub_(v.stain_shift);
    }

    // --- H&E stain jitter, on the colours as stained ---
    if (stain_on) {
        auto idx = st.nonzero().view({-1});
        if (idx.numel() > 0)
            x.index_copy_(0, idx, aug::stainJitter(x.index_select(0, idx), st_scale.index_select(0, idx),
                                                    st_shift.index_select(0, idx)));
    }

    // --- colour jitter: the four operations in each row's own order (grey images: brightness and
    // contrast only) ---
    const bool enabled[4] = {v.brightness > 0, v.contrast > 0, v.saturation > 0 && !grey_, v.hue > 0 && !grey_};
    for (int pos = 0; pos < 4; ++pos) {
        auto op_at = order.select(1, pos);
        for (int op = 0; op < 4; ++op) {
            if (!enabled[op]) continue;
            auto sel = jit & (op_at == op);
            switch (op) {
                case 0: applySubset(x, sel, fb, aug::adjustBrightness); break;
                case 1: applySubset(x, sel, fc, aug::adjustContrast); break;
                case 2: applySubset(x, sel, fs, aug::adjustSaturation); break;
                case 3: applySubset(x, sel, fh, aug::adjustHue); break;
            }
        }
    }
    // --- flips, blur, solarisation ---
    x = aug::hflip(x, hf);
    x = aug::vflip(x, vf);
    if (turns.defined()) x = aug::rotate90(x, turns);
    const int kernel = v.blur_kernel;
    applySubset(x, bl, sigma, [kernel](const torch::Tensor& t, const torch::Tensor& s) {
        return aug::gaussianBlur(t, kernel, s);
    });
    x = torch::where(so.view({N, 1, 1, 1}), aug::solarize(x, v.solarize_threshold), x);

    // --- local views: random resized crop to the local size ---
    // Crop boxes of n views from uniform draws (n, 10), (n, 10), (n, 2), torchvision's RandomResizedCrop.
    auto cropBoxes = [&](int64_t n, double scale_min, double scale_max, const torch::Tensor& su_t,
                         const torch::Tensor& ru_t, const torch::Tensor& iu_t) {
        auto boxes = torch::empty({n, 4}, torch::kInt64);
        auto su = su_t.accessor<double, 2>();
        auto ru = ru_t.accessor<double, 2>();
        auto iu = iu_t.accessor<double, 2>();
        auto bx = boxes.accessor<int64_t, 2>();
        std::vector<double> s10(10), r10(10);
        for (int64_t k = 0; k < n; ++k) {
            for (int t = 0; t < 10; ++t) {
                s10[t] = su[k][t];
                r10[t] = ru[k][t];
            }
            auto c = cropParams(S, S, v, scale_min, scale_max, s10.data(), r10.data(), iu[k][0], iu[k][1]);
            for (int q = 0; q < 4; ++q) bx[k][q] = c[q];
        }
        return boxes;
    };
    auto boxes = cropBoxes(L * B, v.crop_scale_min, v.crop_scale_max, crop_su, crop_ru, crop_iu);
    const bool crop_globals = gsu.defined();
    torch::Tensor global_boxes;
    if (crop_globals) global_boxes = cropBoxes(G * B, v.global_crop_scale_min, v.global_crop_scale_max, gsu, gru, giu);

    MultiCropBatch out;
    out.globals = crop_globals ? aug::resizedCrop(x.narrow(0, 0, G * B), global_boxes, static_cast<int>(S)).view({G, B, 3, S, S})
                               : x.narrow(0, 0, G * B).view({G, B, 3, S, S});
    out.locals = aug::resizedCrop(x.narrow(0, G * B, L * B), boxes, local_size_).view({L, B, 3, local_size_, local_size_});
    if (normalize) {
        auto mean = torch::tensor(std::vector<float>(norm_.mean.begin(), norm_.mean.end())).view({1, 1, 3, 1, 1});
        auto std = torch::tensor(std::vector<float>(norm_.std.begin(), norm_.std.end())).view({1, 1, 3, 1, 1});
        out.globals = (out.globals - mean) / std;
        out.locals = (out.locals - mean) / std;
    } else {
        out.globals = out.globals.contiguous();
    }

    if (record_ops) {
        auto k_a = kind.accessor<int64_t, 1>();
        auto j_a = jit.accessor<bool, 1>();
        auto o_a = order.accessor<int64_t, 2>();
        auto fb_a = fb.accessor<double, 1>(), fc_a = fc.accessor<double, 1>(), fs_a = fs.accessor<double, 1>(),
             fh_a = fh.accessor<double, 1>(), sg_a = sigma.accessor<double, 1>();
        auto hf_a = hf.accessor<bool, 1>(), vf_a = vf.accessor<bool, 1>(), bl_a = bl.accessor<bool, 1>(),
             so_a = so.accessor<bool, 1>();
        auto bx = boxes.accessor<int64_t, 2>();
        out.ops.assign(V, std::vector<AppliedOps>(B));
        for (int64_t vi = 0; vi < V; ++vi) {
            for (int64_t b = 0; b < B; ++b) {
                int64_t r = vi * B + b;
                AppliedOps& a = out.ops[vi][b];
                a.kind = k_a[r] == 0 ? ViewKind::Global1 : k_a[r] == 1 ? ViewKind::Global2 : ViewKind::Local;
                a.jitter = j_a[r];
                if (a.jitter) {
                    a.brightness = enabled[0] ? fb_a[r] : 1.0;
                    a.contrast = enabled[1] ? fc_a[r] : 1.0;
                    a.saturation = enabled[2] ? fs_a[r] : 1.0;
                    a.hue = enabled[3] ? fh_a[r] : 0.0;
                    for (int p = 0; p < 4; ++p)
                        if (enabled[o_a[r][p]]) a.jitter_order.push_back(static_cast<int>(o_a[r][p]));
                }
                a.hflip = hf_a[r];
                a.vflip = vf_a[r];
                a.blur = bl_a[r];
                a.sigma = a.blur ? sg_a[r] : 0.0;
                a.solarize = so_a[r];
                if (turns.defined()) a.quarter_turns = static_cast<int>(turns[r].item<int64_t>());
                if (stain_on && st[r].item<bool>()) {
                    a.stain = true;
                    for (int c = 0; c < 3; ++c) {
                        a.stain_scale[c] = st_scale[r][c].item<double>();
                        a.stain_shift[c] = st_shift[r][c].item<double>();
                    }
                }
                if (a.kind == ViewKind::Local) {
                    int64_t lr = r - G * B;
                    a.crop_top = static_cast<int>(bx[lr][0]);
                    a.crop_left = static_cast<int>(bx[lr][1]);
                    a.crop_h = static_cast<int>(bx[lr][2]);
                    a.crop_w = static_cast<int>(bx[lr][3]);
                } else if (crop_globals) {
                    auto gb = global_boxes.accessor<int64_t, 2>();
                    a.crop_top = static_cast<int>(gb[r][0]);
                    a.crop_left = static_cast<int>(gb[r][1]);
                    a.crop_h = static_cast<int>(gb[r][2]);
                    a.crop_w = static_cast<int>(gb[r][3]);
                } else {
                    a.crop_h = a.crop_w = static_cast<int>(S);
                }
            }
        }
    }
    return out;
}

}  // namespace dino
