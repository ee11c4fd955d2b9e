# Cross-check (not project code): the ceiling that labels give on the PathMNIST sample in the quick preset's
# budget. Trains the quick preset's ViT (timm layout: depth 6, width 192, 3 heads, 4 px patches, pre-norm, 28 px
# RGB) WITH the labels (cross-entropy on the final-normed class token, AdamW, warm-up and cosine decay, batches
# of 64, random crops of 40-100 % and both flips) for STEPS steps, and writes its encoder as timm-named
# safetensors, so that the project's own `dino eval` (weighted k-NN and linear probe, val and test, beside the
# same seed's random init) measures it exactly as it measures a DINO teacher:
#
#   /usr/bin/python3 docs/research/supervised_sample.py SAMPLE.npz OUT.safetensors SEED [STEPS] [LR]
#   dino import OUT.safetensors --preset quick --set system.seed=SEED --set optim.epochs=1 \
#       --set optim.max_steps_per_epoch=1 --set optim.momentum=1 --set optim.momentum_final=1 --out cfg.json
#   dino train --config cfg.json --run DIR && dino eval DIR --split test
#
# With the teacher's momentum at 1 the one DINO step leaves the teacher equal to the imported weights.
# Debian's PyTorch 1.13 (python3-torch); the safetensors file is written by hand (the format is a little-endian
# u64 header length, a JSON header, then the raw tensors).
import json, math, struct, sys, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

npz, out_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
STEPS = int(sys.argv[4]) if len(sys.argv) > 4 else 240
LR = float(sys.argv[5]) if len(sys.argv) > 5 else 1e-3
torch.set_num_threads(1)
torch.manual_seed(seed)
np.random.seed(seed)

d = np.load(npz)
tr = torch.from_numpy(d["train_images"]).float().div(255).permute(0, 3, 1, 2)  # (N, 3, 28, 28)
trl = torch.from_numpy(d["train_labels"].ravel()).long()
MEAN = torch.tensor([0.7405, 0.5330, 0.7058]).view(1, 3, 1, 1)  # the project's PathMNIST normalisation
STD = torch.tensor([0.1237, 0.1768, 0.1244]).view(1, 3, 1, 1)
tr = (tr - MEAN) / STD
classes = int(trl.max()) + 1


class Attention(nn.Module):
    def __init__(s, D, H):
        super().__init__()
        s.H = H
        s.qkv = nn.Linear(D, 3 * D)
        s.proj = nn.Linear(D, D)

    def forward(s, x):
        B, N, C = x.shape
        q, k, v = s.qkv(x).reshape(B, N, 3, s.H, C // s.H).permute(2, 0, 3, 1, 4)
        a = (q @ k.transpose(-2, -1) / math.sqrt(C // s.H)).softmax(-1)
        return s.proj((a @ v).transpose(1, 2).reshape(B, N, C))


class Mlp(nn.Module):
    def __init__(s, D):
        super().__init__()
        s.fc1 = nn.Linear(D, 4 * D)
        s.fc2 = nn.Linear(4 * D, D)

    def forward(s, x):
        return s.fc2(F.gelu(s.fc1(x)))


class Block(nn.Module):
    def __init__(s, D, H):
        super().__init__()
        s.norm1 = nn.LayerNorm(D, eps=1e-6)
        s.attn = Attention(D, H)
        s.norm2 = nn.LayerNorm(D, eps=1e-6)
        s.mlp = Mlp(D)

    def forward(s, x):
        x = x + s.attn(s.norm1(x))
        return x + s.mlp(s.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(s, D, P):
        super().__init__()
        s.proj = nn.Conv2d(3, D, P, P, bias=False)  # timm drops the bias with pre_norm=True


class ViT(nn.Module):  # timm's VisionTransformer(pre_norm=True, num_classes=0) names
    def __init__(s, D=192, depth=6, H=3, P=4, img=28):
        super().__init__()
        n = (img // P) ** 2
        s.cls_token = nn.Parameter(torch.randn(1, 1, D) * 1e-6)
        s.pos_embed = nn.Parameter(torch.randn(1, 1 + n, D) * 0.02)
        s.patch_embed = PatchEmbed(D, P)
        s.norm_pre = nn.LayerNorm(D, eps=1e-6)
        s.blocks = nn.Sequential(*[Block(D, H) for _ in range(depth)])
        s.norm = nn.LayerNorm(D, eps=1e-6)
        for m in s.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)

    def forward(s, x):
        t = s.patch_embed.proj(x).flatten(2).transpose(1, 2)
        t = torch.cat([s.cls_token.expand(len(t), -1, -1), t], 1) + s.pos_embed
        return s.norm(s.blocks(s.norm_pre(t)))[:, 0]


def views(x):  # random resized crop (40-100 % of the area, square), horizontal and vertical flips
    B = len(x)
    sc = torch.empty(B).uniform_(0.4, 1.0).sqrt()
    tx = (torch.rand(B) * 2 - 1) * (1 - sc)
    ty = (torch.rand(B) * 2 - 1) * (1 - sc)
    fx = torch.where(torch.rand(B) < 0.5, -1.0, 1.0)
    fy = torch.where(torch.rand(B) < 0.5, -1.0, 1.0)
    th = torch.zeros(B, 2, 3)
    th[:, 0, 0], th[:, 1, 1], th[:, 0, 2], th[:, 1, 2] = sc * fx, sc * fy, tx, ty
    return F.grid_sample(x, F.affine_grid(th, x.shape, align_corners=False), align_corners=False)


m = ViT()
head = nn.Linear(192, classes)
opt = torch.optim.AdamW(list(m.parameters()) + list(head.parameters()), lr=LR, weight_decay=0.05)
t0 = time.time()
for it in range(STEPS):
    lr = LR * min(1.0, (it + 1) / (0.1 * STEPS)) * 0.5 * (1 + math.cos(math.pi * it / STEPS))
    for g in opt.param_groups:
        g["lr"] = lr
    idx = torch.randint(0, len(tr), (64,))
    loss = F.cross_entropy(head(m(views(tr[idx]))), trl[idx])
    opt.zero_grad()
    loss.backward()
    opt.step()
    if it % 60 == 0 or it == STEPS - 1:
        print(f"seed {seed} lr {LR} step {it} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)

tensors = {k: v.detach().contiguous().float().numpy() for k, v in m.state_dict().items()}
header, offset = {}, 0
for k, v in tensors.items():
    header[k] = {"dtype": "F32", "shape": list(v.shape), "data_offsets": [offset, offset + v.nbytes]}
    offset += v.nbytes
header["__metadata__"] = {"format": "pt", "source": f"supervised_sample.py seed {seed} steps {STEPS} lr {LR}"}
blob = json.dumps(header).encode()
blob += b" " * (-len(blob) % 8)
with open(out_path, "wb") as f:
    f.write(struct.pack("<Q", len(blob)))
    f.write(blob)
    for v in tensors.values():
        f.write(v.astype("<f4").tobytes())
print(f"wrote {out_path} ({len(tensors)} tensors) after {time.time() - t0:.0f}s")
