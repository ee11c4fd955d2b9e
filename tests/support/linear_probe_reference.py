#!/usr/bin/python3
# Independent reference for engine/evaluation/linear_probe.{h,cpp}: the same probe written out in plain
# Python floats (IEEE double), with no tensor library shared with the C++ code, so that the C++ test
# (tests/training/test_linear_probe.cpp) compares against numbers it did not compute itself.
#
# Run:  /usr/bin/python3 tests/support/linear_probe_reference.py > tests/support/linear_probe_reference.json
#
# What it computes, as documented in linear_probe.h:
#   - a small fixed feature set (raw features of varying length, so that the L2 normalisation matters),
#     L2-normalised row by row;
#   - every (lr, wd) head: W = 0, b = 0; per epoch the order of a SplitMix64-driven Fisher-Yates shuffle;
#     mini-batches of batch_size (the last one smaller); gradient of the batch's mean cross-entropy plus
#     wd * W (not on b); SGD momentum (v = mu v + g; p -= lr_t v), lr_t = lr * 0.5 * (1 + cos(pi t / T));
#   - every head's train/val accuracy and val mean cross-entropy; the chosen head (best val accuracy,
#     then lowest val loss, then first); its test accuracy and predictions.
import json
import math

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(state):
    state = (state + GOLDEN) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def epoch_order(n, seed, epoch):
    state = (seed + epoch * GOLDEN) & MASK
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        state, r = splitmix64(state)
        j = r % (i + 1)
        order[i], order[j] = order[j], order[i]
    return order


class Uniform:
    """Deterministic uniforms in [-1, 1) for the data (any generator would do; this one is written here)."""

    def __init__(self, seed):
        self.state = seed

    def __call__(self):
        self.state, r = splitmix64(self.state)
        return (r >> 11) / float(1 << 53) * 2.0 - 1.0


def make_split(rng, centres, n, dim):
    xs, ys = [], []
    for i in range(n):
        c = i % len(centres)
        scale = 0.5 + 1.5 * (rng() + 1.0)  # raw lengths 0.5 .. 3.5
        x = [scale * (centres[c][d] + 0.9 * rng()) for d in range(dim)]
        xs.append(x)
        ys.append(c)
    return xs, ys


def l2_normalise(rows):
    out = []
    for x in rows:
        norm = math.sqrt(sum(v * v for v in x))
        out.append([v / max(norm, 1e-12) for v in x])
    return out


def logits_of(W, b, x):
    return [sum(W[c][d] * x[d] for d in range(len(x))) + b[c] for c in range(len(b))]


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def train_head(X, Y, C, lr0, wd, epochs, batch_size, momentum, seed):
    n, dim = len(X), len(X[0])
    W = [[0.0] * dim for _ in range(C)]
    b = [0.0] * C
    vW = [[0.0] * dim for _ in range(C)]
    vb = [0.0] * C
    steps_per_epoch = (n + batch_size - 1) // batch_size
    total = epochs * steps_per_epoch
    t = 0
    for e in range(epochs):
        order = epoch_order(n, seed, e)
        for s in range(steps_per_epoch):
            idx = order[s * batch_size:(s + 1) * batch_size]
            gW = [[0.0] * dim for _ in range(C)]
            gb = [0.0] * C
            for i in idx:
                p = softmax(logits_of(W, b, X[i]))
                for c in range(C):
                    g = (p[c] - (1.0 if Y[i] == c else 0.0)) / len(idx)
                    gb[c] += g
                    for d in range(dim):
                        gW[c][d] += g * X[i][d]
            lr = lr0 * 0.5 * (1.0 + math.cos(math.pi * t / total))
            for c in range(C):
                for d in range(dim):
                    vW[c][d] = momentum * vW[c][d] + gW[c][d] + wd * W[c][d]
                    W[c][d] -= lr * vW[c][d]
                vb[c] = momentum * vb[c] + gb[c]
                b[c] -= lr * vb[c]
            t += 1
    return W, b


def score(W, b, X, Y):
    correct, loss = 0, 0.0
    preds = []
    for x, y in zip(X, Y):
        z = logits_of(W, b, x)
        m = max(z)
        lse = m + math.log(sum(math.exp(v - m) for v in z))
        loss += lse - z[y]
        pred = max(range(len(z)), key=lambda c: (z[c], -c))  # first maximum, as argmax
        preds.append(pred)
        correct += pred == y
    return correct / len(X), loss / len(X), preds


def main():
    C, dim = 3, 6
    rng = Uniform(20261206)
    centres = [[rng() for _ in range(dim)] for _ in range(C)]
    train_raw, train_y = make_split(rng, centres, 40, dim)
    val_raw, val_y = make_split(rng, centres, 21, dim)
    test_raw, test_y = make_split(rng, centres, 24, dim)
    opts = {"lrs": [0.3, 3.0, 30.0], "wds": [0.0, 0.01], "epochs": 6, "batch_size": 16, "momentum": 0.9, "seed": 7}
    train_x, val_x, test_x = l2_normalise(train_raw), l2_normalise(val_raw), l2_normalise(test_raw)

    heads = []
    for lr in opts["lrs"]:
        for wd in opts["wds"]:
            W, b = train_head(train_x, train_y, C, lr, wd, opts["epochs"], opts["batch_size"], opts["momentum"], opts["seed"])
            tr_acc, _, _ = score(W, b, train_x, train_y)
            va_acc, va_loss, _ = score(W, b, val_x, val_y)
            heads.append({"lr": lr, "wd": wd, "weight": W, "bias": b, "train_accuracy": tr_acc,
                          "val_accuracy": va_acc, "val_loss": va_loss})
    chosen = 0
    for h in range(1, len(heads)):
        a, ba = heads[h]["val_accuracy"], heads[chosen]["val_accuracy"]
        if a > ba or (a == ba and heads[h]["val_loss"] < heads[chosen]["val_loss"]):
            chosen = h
    te_acc, _, te_pred = score(heads[chosen]["weight"], heads[chosen]["bias"], test_x, test_y)

    out = {
        "generator": "tests/support/linear_probe_reference.py",
        "num_classes": C,
        "options": opts,
        "train": {"raw": train_raw, "labels": train_y, "normalised": train_x},
        "val": {"raw": val_raw, "labels": val_y},
        "test": {"raw": test_raw, "labels": test_y},
        "order": {"n": 10, "seed": 7, "epoch0": epoch_order(10, 7, 0), "epoch1": epoch_order(10, 7, 1),
                  "n40_seed7_epoch5": epoch_order(40, 7, 5)},
        "heads": heads,
        "chosen": chosen,
        "test_accuracy": te_acc,
        "test_pred": te_pred,
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
