#!/usr/bin/env python3
"""Writes the fixtures of tests/training/test_export_encoder.cpp's "weights written by Python" case:

  timm_vit_fixture.safetensors     state_dict of a small ViT with timm 0.9.2's module tree
                                   (img_size 8, patch 4, embed_dim 16, depth 2, heads 2, pre_norm,
                                   num_classes 0), written the way huggingface's safetensors library
                                   lays files out (tensors sorted by name, header padded with spaces
                                   to a multiple of 8, metadata {"format": "pt"} only, no timm_args)
  timm_vit_fixture_io.safetensors  an input x (3, 3, 8, 8) and the Python model's output y (3, 16)

The model is check_safetensors_timm.VisionTransformer (the same module names as timm) with its own
PyTorch initialisation, randomised further so that LayerNorm and bias values are not trivial.
Run:  /usr/bin/python3 tests/support/make_timm_fixture.py   (from the repository root)
"""
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from check_safetensors_timm import VisionTransformer  # noqa: E402


def save(path, tensors, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    offset, blobs = 0, []
    for name in sorted(tensors):
        t = tensors[name].detach().contiguous().to(torch.float32)
        b = t.numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        offset += len(b)
        blobs.append(b)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def main():
    torch.manual_seed(2023)
    model = VisionTransformer(img_size=8, patch_size=4, in_chans=3, embed_dim=16, depth=2, num_heads=2)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    model.eval()
    x = torch.randn(3, 3, 8, 8)
    with torch.no_grad():
        y = model(x)
    here = os.path.dirname(os.path.abspath(__file__))
    save(os.path.join(here, "timm_vit_fixture.safetensors"), model.state_dict(), {"format": "pt"})
    save(os.path.join(here, "timm_vit_fixture_io.safetensors"), {"x": x, "y": y})
    print("wrote", len(model.state_dict()), "tensors; y[0,:4] =", y[0, :4].tolist())


if __name__ == "__main__":
    main()
