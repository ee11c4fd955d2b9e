// The seed's multi-crop views as batched tensor operations with per-sample random parameters.
// Global 1: jitter (p) -> hflip -> vflip -> blur (p=1.0). Global 2: jitter -> flips -> blur (p=0.1)
// -> solarize (p=0.2). Local: jitter -> flips -> blur (p=0.5) -> random resized crop (0.2-0.8) to
// local_crop_size. Views num_global-2.. pick Global 1 or 2 at random. Normalisation last.
// Options beyond the seed, each off by default and drawing its random numbers after all of the seed's
// (so that with them off every view is exactly the seed's): H&E stain jitter first (views.stain_p, on
// the colours as stained), quarter-turn rotations after the flips (views.rotate90_p). On grey data sets
// (ImageSet::grey) the colour operations (saturation, hue, stain) are skipped: they would only add
// rounding to equal channels.
#pragma once

#include "common/config.h"
#include "data/dataset.h"

#include <ATen/CPUGeneratorImpl.h>  // at::make_generator<at::CPUGeneratorImpl>, used with these APIs
#include <torch/torch.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace dino {

enum class ViewKind { Global1, Global2, Local };

// What was applied to one view of one image (for the GUI's "what happened here").
struct AppliedOps {
    ViewKind kind = ViewKind::Global1;
    bool jitter = false;
    double brightness = 1, contrast = 1, saturation = 1, hue = 0;
    std::vector<int> jitter_order;  // permutation of 0..3 = brightness, contrast, saturation, hue
    bool hflip = false, vflip = false;
    bool blur = false;
    double sigma = 0;
    bool solarize = false;
    int quarter_turns = 0;  // counter-clockwise, as torch.rot90(k) over (H, W)
    bool stain = false;
    std::array<double, 3> stain_scale{1, 1, 1}, stain_shift{0, 0, 0};  // haematoxylin, eosin, DAB
    int crop_top = 0, crop_left = 0, crop_h = 0, crop_w = 0;  // locals
    std::string describe() const;  // human-readable, one op per line
};

struct MultiCropBatch {
    // View-major: globals (num_global, B, 3, H, W) then locals (num_local, B, 3, h, w), normalised float.
    torch::Tensor globals;
    torch::Tensor locals;
    torch::Tensor labels;                   // (B,)
    std::vector<std::vector<AppliedOps>> ops;  // [view][image], filled when record_ops
};

class MultiCrop {
public:
    // grey: the images are a grey data set's (ImageSet::grey); colour operations are skipped.
    MultiCrop(const ViewsConfig& cfg, int image_size, Normalization norm, bool grey = false);
    // images: (B,H,W,3) uint8. Deterministic for a given generator state.
    MultiCropBatch operator()(const torch::Tensor& images_u8, torch::Generator& gen, bool record_ops = false,
                              bool normalize = true) const;
    int localSize() const { return local_size_; }
    bool grey() const { return grey_; }
    const Normalization& normalization() const { return norm_; }

private:
    ViewsConfig cfg_;
    int image_size_, local_size_;
    Normalization norm_;
    bool grey_ = false;
};

// Individual operations on float (B,3,H,W) images in [0,1], per-sample parameters as (B,) tensors,
// with torchvision's tensor semantics. Exposed for exact tests.
namespace aug {
torch::Tensor adjustBrightness(const torch::Tensor& img, const torch::Tensor& factor);
torch::Tensor adjustContrast(const torch::Tensor& img, const torch::Tensor& factor);
torch::Tensor adjustSaturation(const torch::Tensor& img, const torch::Tensor& factor);
torch::Tensor adjustHue(const torch::Tensor& img, const torch::Tensor& shift);
torch::Tensor gaussianBlur(const torch::Tensor& img, int kernel, const torch::Tensor& sigma);
// The normalised 1-D kernels (B,kernel) of torchvision's _get_gaussian_kernel1d, one per sigma.
torch::Tensor gaussianKernels(int kernel, const torch::Tensor& sigma);
torch::Tensor solarize(const torch::Tensor& img, double threshold);
torch::Tensor hflip(const torch::Tensor& img, const torch::Tensor& mask);  // mask (B,) bool
torch::Tensor vflip(const torch::Tensor& img, const torch::Tensor& mask);
// Each image turned by its own number of quarter turns k (B,) int64 in 0..3, counter-clockwise as
// torch.rot90(img, k, dims=(H, W)). Square images only.
torch::Tensor rotate90(const torch::Tensor& img, const torch::Tensor& k);
// Colour deconvolution with scikit-image's rgb2hed/hed2rgb conventions (Ruifrok and Johnston's H&E-DAB
// matrix; optical densities in units of -log(1e-6), negative stain amounts clamped to 0) and back.
torch::Tensor rgbToHed(const torch::Tensor& img);  // (B,3,H,W) RGB in [0,1] -> stain amounts
torch::Tensor hedToRgb(const torch::Tensor& hed);  // -> RGB clipped to [0,1]
// H&E stain jitter: hedToRgb(rgbToHed(img) * scale + shift), scale and shift (B,3) per stain.
torch::Tensor stainJitter(const torch::Tensor& img, const torch::Tensor& scale, const torch::Tensor& shift);
// Crop boxes (B,4: top, left, h, w) resized bilinearly (antialias off, align_corners=false) to out x out.
torch::Tensor resizedCrop(const torch::Tensor& img, const torch::Tensor& boxes, int out);
}  // namespace aug

}  // namespace dino
