#!/usr/bin/env python3
"""Cross-check of `dino export` / export/encoder_weights.cpp with PyTorch, outside CI.

Parses a safetensors file by hand (json + struct + torch; the safetensors package is not needed),
builds a ViT with exactly timm 0.9.2's VisionTransformer module tree (cls_token, pos_embed,
patch_embed.proj, norm_pre, blocks.N.{norm1, attn.qkv, attn.proj, norm2, mlp.fc1, mlp.fc2}, norm) from
the file's "timm_args" metadata, and loads the tensors with load_state_dict(strict=True) -- what
timm.create_model(...).load_state_dict(...) does. With --io FILE (tensors "x" and "y" written by the
C++ test), it also checks that the loaded model maps x to y.

  DINO_EXPORT_CHECK_DIR=/tmp/dino_check build/tests/test_training "[export][encoder]"
  /usr/bin/python3 tests/support/check_safetensors_timm.py /tmp/dino_check/vit_tiny.safetensors \
      --io /tmp/dino_check/vit_tiny_io.safetensors
"""
import argparse
import json
import struct
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
          "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, e in header.items():
        b, end = e["data_offsets"]
        t = torch.frombuffer(bytearray(body[b:end]), dtype=DTYPES[e["dtype"]]) if end > b else torch.empty(0)
        tensors[name] = t.reshape(e["shape"])
    return tensors, meta


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, N, C = x.shape
        q, k, v = self.qkv(x).reshape(B, N, 3, self.heads, C // self.heads).permute(2, 0, 3, 1, 4)
        a = (q @ k.transpose(-2, -1)) * (C // self.heads) ** -0.5
        return self.proj((a.softmax(-1) @ v).transpose(1, 2).reshape(B, N, C))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads, mlp_ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(self, patch, in_chans, dim):
        super().__init__()
        self.proj = nn.Conv2d(in_chans, dim, patch, patch, bias=False)  # pre_norm=True: no bias


class VisionTransformer(nn.Module):
    """timm 0.9.2 VisionTransformer(num_classes=0, pre_norm=True, global_pool='token'), same names."""

    def __init__(self, img_size, patch_size, in_chans, embed_dim, depth, num_heads, mlp_ratio=4.0,
                 num_classes=0, pre_norm=True):
        super().__init__()
        assert num_classes == 0 and pre_norm
        grid = img_size // patch_size
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + grid * grid, embed_dim))
        self.patch_embed = PatchEmbed(patch_size, in_chans, embed_dim)
        self.norm_pre = nn.LayerNorm(embed_dim, eps=1e-6)
        self.blocks = nn.ModuleList([Block(embed_dim, num_heads, mlp_ratio) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim, eps=1e-6)

    def forward(self, x):
        x = self.patch_embed.proj(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], 1) + self.pos_embed
        x = self.norm_pre(x)
        for b in self.blocks:
            x = b(x)
        return self.norm(x)[:, 0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("weights")
    ap.add_argument("--io")
    a = ap.parse_args()
    tensors, meta = read_safetensors(a.weights)
    args = json.loads(meta["timm_args"])
    model = VisionTransformer(**args)
    model.load_state_dict(tensors, strict=True)
    print(f"{a.weights}: {len(tensors)} tensors, {sum(t.numel() for t in tensors.values())} values, "
          f"timm_args {args}: load_state_dict(strict=True) ok")
    if a.io:
        io, _ = read_safetensors(a.io)
        model.eval()
        with torch.no_grad():
            y = model(io["x"])
        err = (y - io["y"]).abs().max().item()
        print(f"forward on x {tuple(io['x'].shape)}: max |y_python - y_cpp| = {err:.3g}")
        if err > 1e-4:
            sys.exit(1)


if __name__ == "__main__":
    main()
