#!/usr/bin/env python3
"""Independent reference outputs for tests/core/test_vit_reference.cpp.

Builds timm 0.9.2's VisionTransformer(patch_size=4, embed_dim=192, depth=12, num_heads=3, img_size=28,
in_chans=3, num_classes=0, pre_norm=True) by hand from its math (no timm, no project code), in float64,
plus official DINO's DINOHead(192, 256, nlayers=3, hidden 384, bottleneck 96) with nn.utils.weight_norm.

Deterministic weights, tensor k (0-based, in state_dict order), element i (flat, row-major):
    w = 0.1 * sin(0.37 * i + 0.61 * k)        (+ 1.0 for 1-D tensors named *.weight, i.e. LayerNorm gains)
  except the head's last_layer.weight_g, which stays 1 (it is frozen). Encoder tensors are numbered
  0..150, head tensors continue from 0 in their own state_dict order (mlp.0.weight, ..., last_layer.weight_v).
Input x of shape (B, 3, H, W), flat index j:  x = sin(0.1 * j + 0.3).
Printed checksum of an output row y: sum_d y[d] * cos(0.3 * d + b), b = row index.

Run:  /usr/bin/python3 tests/support/vit_reference.py
"""
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
D, DEPTH, HEADS, PATCH, IMG = 192, 12, 3, 4, 28
GRID = IMG // PATCH


def vit_shapes():
    s = [("cls_token", (1, 1, D)), ("pos_embed", (1, 1 + GRID * GRID, D)),
         ("patch_embed.proj.weight", (D, 3, PATCH, PATCH)), ("norm_pre.weight", (D,)), ("norm_pre.bias", (D,))]
    for b in range(DEPTH):
        p = f"blocks.{b}."
        s += [(p + "norm1.weight", (D,)), (p + "norm1.bias", (D,)),
              (p + "attn.qkv.weight", (3 * D, D)), (p + "attn.qkv.bias", (3 * D,)),
              (p + "attn.proj.weight", (D, D)), (p + "attn.proj.bias", (D,)),
              (p + "norm2.weight", (D,)), (p + "norm2.bias", (D,)),
              (p + "mlp.fc1.weight", (4 * D, D)), (p + "mlp.fc1.bias", (4 * D,)),
              (p + "mlp.fc2.weight", (D, 4 * D)), (p + "mlp.fc2.bias", (D,))]
    s += [("norm.weight", (D,)), ("norm.bias", (D,))]
    return s


def fill(shapes):
    out = {}
    for k, (name, shape) in enumerate(shapes):
        n = math.prod(shape)
        i = torch.arange(n, dtype=torch.float64)
        w = 0.1 * torch.sin(0.37 * i + 0.61 * k)
        if len(shape) == 1 and name.endswith(".weight"):
            w = w + 1.0
        out[name] = w.reshape(shape)
    return out


def ln(x, W, name):
    return F.layer_norm(x, (x.shape[-1],), W[name + ".weight"], W[name + ".bias"], eps=1e-6)


def vit_forward(W, x):
    t = F.conv2d(x, W["patch_embed.proj.weight"], bias=None, stride=PATCH)
    B, _, gh, gw = t.shape
    t = t.flatten(2).transpose(1, 2)
    t = torch.cat([W["cls_token"].expand(B, -1, -1), t], dim=1)
    pos = W["pos_embed"]
    if (gh, gw) != (GRID, GRID):  # official DINO interpolate_pos_encoding, size-based bicubic
        patch = pos[:, 1:].reshape(1, GRID, GRID, D).permute(0, 3, 1, 2)
        patch = F.interpolate(patch, size=(gh, gw), mode="bicubic", align_corners=False)
        pos = torch.cat([pos[:, :1], patch.permute(0, 2, 3, 1).reshape(1, gh * gw, D)], dim=1)
    t = ln(t + pos, W, "norm_pre")
    hd = D // HEADS
    for b in range(DEPTH):
        p = f"blocks.{b}."
        h = ln(t, W, p + "norm1")
        N = h.shape[1]
        qkv = (h @ W[p + "attn.qkv.weight"].T + W[p + "attn.qkv.bias"]).reshape(B, N, 3, HEADS, hd)
        q, k, v = qkv.permute(2, 0, 3, 1, 4)
        a = torch.softmax((q * hd ** -0.5) @ k.transpose(-2, -1), dim=-1)
        o = (a @ v).transpose(1, 2).reshape(B, N, D)
        t = t + (o @ W[p + "attn.proj.weight"].T + W[p + "attn.proj.bias"])
        h = ln(t, W, p + "norm2")
        h = F.gelu(h @ W[p + "mlp.fc1.weight"].T + W[p + "mlp.fc1.bias"])
        t = t + (h @ W[p + "mlp.fc2.weight"].T + W[p + "mlp.fc2.bias"])
    return ln(t, W, "norm")[:, 0]


def head_forward(x, out_dim=256, hidden=384, bottleneck=96):
    shapes = [("mlp.0.weight", (hidden, D)), ("mlp.0.bias", (hidden,)),
              ("mlp.2.weight", (hidden, hidden)), ("mlp.2.bias", (hidden,)),
              ("mlp.4.weight", (bottleneck, hidden)), ("mlp.4.bias", (bottleneck,)),
              ("last_layer.weight_g", (out_dim, 1)), ("last_layer.weight_v", (out_dim, bottleneck))]
    W = fill(shapes)
    last = torch.nn.utils.weight_norm(torch.nn.Linear(bottleneck, out_dim, bias=False))
    with torch.no_grad():
        last.weight_g.fill_(1.0)
        last.weight_v.copy_(W["last_layer.weight_v"])
    h = F.gelu(x @ W["mlp.0.weight"].T + W["mlp.0.bias"])
    h = F.gelu(h @ W["mlp.2.weight"].T + W["mlp.2.bias"])
    h = h @ W["mlp.4.weight"].T + W["mlp.4.bias"]
    h = F.normalize(h, dim=-1, p=2)
    return last(h)


def make_input(B, H, W):
    j = torch.arange(B * 3 * H * W, dtype=torch.float64)
    return torch.sin(0.1 * j + 0.3).reshape(B, 3, H, W)


def report(tag, y):
    d = torch.arange(y.shape[1], dtype=torch.float64)
    for b in range(y.shape[0]):
        chk = float((y[b] * torch.cos(0.3 * d + b)).sum())
        first = ", ".join(f"{float(v):.15g}" for v in y[b, :4])
        print(f"{tag} row {b}: first4 = {{{first}}}, checksum = {chk:.15g}")


if __name__ == "__main__":
    W = fill(vit_shapes())
    assert len(W) == 151 and sum(w.numel() for w in W.values()) == 5358144
    with torch.no_grad():
        y28 = vit_forward(W, make_input(2, 28, 28))
        report("vit 28x28", y28)
        report("vit 16x16", vit_forward(W, make_input(2, 16, 16)))
        report("vit 12x20", vit_forward(W, make_input(1, 12, 20)))
        report("head(vit 28x28)", head_forward(y28))
