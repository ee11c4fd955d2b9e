# Expected values for tests/data/test_augment_ops.cpp, from torchvision's tensor functional API.
# Run: /usr/bin/python3 tests/support/augment_reference.py   (torch 1.13, torchvision 0.14)
# Prints C++ initialiser lists; the numbers are pasted into the test.
import torch
import torchvision
import torchvision.transforms.functional as F
from torchvision.transforms.functional_tensor import _get_gaussian_kernel1d  # noqa

torch.set_printoptions(precision=8)


def image(c, h, w, k):
    # The same deterministic test image the C++ test builds: ((ch*7 + y*5 + x*3 + k*2) % 11) / 10
    t = torch.empty(c, h, w)
    for ch in range(c):
        for y in range(h):
            for x in range(w):
                t[ch, y, x] = ((ch * 7 + y * 5 + x * 3 + k * 2) % 11) / 10.0
    return t


def literal(v):
    # 9 significant digits round-trip a float32 exactly.
    s = "%.9g" % v
    if "." not in s and "e" not in s:
        s += ".0"
    return s + "f"


def emit(name, t):
    vals = ", ".join(literal(v) for v in t.flatten().tolist())
    print("// %s %s\nconst std::vector<float> %s = {%s};" % (name, tuple(t.shape), name, vals))


print("// torchvision", torchvision.__version__, "torch", torch.__version__)
a, b = image(3, 2, 3, 0), image(3, 2, 3, 1)
emit("kBrightness", torch.stack([F.adjust_brightness(a, 0.6), F.adjust_brightness(b, 1.37)]))
emit("kContrast", torch.stack([F.adjust_contrast(a, 0.55), F.adjust_contrast(b, 1.4)]))
emit("kSaturation", torch.stack([F.adjust_saturation(a, 0.8), F.adjust_saturation(b, 1.2)]))
emit("kHue", torch.stack([F.adjust_hue(a, -0.1), F.adjust_hue(b, 0.07)]))
# Every hue sector and grey pixels: a 1x8 image.
sectors = torch.tensor([[[0.9, 0.9, 0.1, 0.1, 0.5, 0.9, 0.4, 0.0]],
                        [[0.2, 0.7, 0.9, 0.8, 0.1, 0.1, 0.4, 0.0]],
                        [[0.1, 0.1, 0.3, 0.9, 0.9, 0.6, 0.4, 0.0]]])
emit("kHueSectors", torch.stack([F.adjust_hue(sectors, 0.05), F.adjust_hue(sectors, -0.08)]))
c, d = image(3, 4, 5, 0), image(3, 4, 5, 1)
emit("kBlur", torch.stack([F.gaussian_blur(c, [5, 5], [0.1, 0.1]), F.gaussian_blur(d, [5, 5], [0.73, 0.73])]))
emit("kKernel", torch.stack([_get_gaussian_kernel1d(5, 0.5), _get_gaussian_kernel1d(5, 1.0)]))
emit("kSolarize", F.solarize(torch.stack([a, b]), 0.5))
e, f = image(3, 5, 6, 0), image(3, 5, 6, 1)
emit("kCrop4", F.resized_crop(e, 1, 0, 3, 4, [4, 4], F.InterpolationMode.BILINEAR).unsqueeze(0))
emit("kCrop3", F.resized_crop(f, 0, 1, 5, 5, [3, 3], F.InterpolationMode.BILINEAR).unsqueeze(0))
emit("kCropUp", F.resized_crop(f, 2, 3, 2, 3, [7, 7], F.InterpolationMode.BILINEAR).unsqueeze(0))
# The seed's local crop at full scale from a 28 px image: scale 1 crop is an identity resize.
emit("kFlips", torch.stack([F.hflip(a), F.vflip(b)]))
