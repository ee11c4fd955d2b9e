# Expected values for the H&E stain operations in tests/data/test_augment_ops.cpp, from scikit-image's
# rgb2hed and hed2rgb (an independent implementation of the colour deconvolution we use).
# Run: python3 -m venv /tmp/sk && /tmp/sk/bin/pip install scikit-image && /tmp/sk/bin/python tests/support/stain_reference.py
# Prints C++ initialiser lists; the numbers are pasted into the test.
import numpy as np
import skimage
from skimage.color import hed2rgb, rgb2hed


def image(c, h, w, k):
    # The same deterministic test image the C++ test builds: ((ch*7 + y*5 + x*3 + k*2) % 11) / 10
    t = np.empty((c, h, w))
    for ch in range(c):
        for y in range(h):
            for x in range(w):
                t[ch, y, x] = ((ch * 7 + y * 5 + x * 3 + k * 2) % 11) / 10.0
    return t


def literal(v):
    s = "%.9g" % v
    if "." not in s and "e" not in s:
        s += ".0"
    return s + "f"


def emit(name, t):
    vals = ", ".join(literal(v) for v in t.flatten().tolist())
    print("// %s %s\nconst std::vector<float> %s = {%s};" % (name, tuple(t.shape), name, vals))


def chw(f, img):  # skimage works on (H, W, 3)
    return np.transpose(f(np.transpose(img, (1, 2, 0))), (2, 0, 1))


print("// scikit-image", skimage.__version__, "numpy", np.__version__)
a, b = image(3, 2, 3, 0), image(3, 2, 3, 1)
emit("kRgbToHed", np.stack([chw(rgb2hed, a), chw(rgb2hed, b)]))
# Stain jitter: per image and stain a scale and a shift (the values the C++ test passes).
scale = np.array([[0.95, 1.05, 1.0], [1.2, 0.8, 0.9]])
shift = np.array([[0.01, -0.02, 0.0], [-0.05, 0.04, 0.03]])
out = []
for img, s, t in zip([a, b], scale, shift):
    hed = chw(rgb2hed, img) * s[:, None, None] + t[:, None, None]
    out.append(chw(hed2rgb, hed))
emit("kStainJitter", np.stack(out))
