#!/usr/bin/env python3
"""Independent reference numbers for tests/core/test_ibot.cpp (iBOT's masked-patch objective).

Written from the papers' and the official code's formulas (iBOT's iBOTLoss in bytedance/ibot main_ibot.py,
DINOv2's iBOTPatchLoss and prepare_tokens_with_masks), in float64, without any of the project's code:

1. The patch loss, iBOT's loop over the global views (teacher view q against the student's same view q):
       loss_q = mean over images of [ sum over masked patches of CE(t, s) / max(1, masked patches) ]
       L = mean over the views of loss_q
   with t = softmax((teacher - center) / teacher_temp), CE(t, s) = -sum t * log_softmax(s / student_temp),
   and its gradient with respect to the student's outputs (autograd).
2. iBOT's patch centre update: center2 = m * center2 + (1 - m) * mean over images of mean over patches.
3. DINOv2's Sinkhorn-Knopp targets over the masked patches only (sinkhorn_knopp_teacher, one process).
4. One masked forward of a small ViT (img 12, patch 4, a 3 x 3 grid, width 12, 2 blocks, 2 heads, timm's
   pre_norm ViT as in vit_reference.py): the patch embeddings at masked places replaced by the mask token
   before the positions are added; the final-normed class and patch tokens, and the gradient of a fixed
   linear function of the patch tokens with respect to the mask token.
5. The same ViT with stochastic depth (model.drop_path_rate; timm's DropPath with a given draw): each
   block's attention and MLP branch multiplied per image by a scale (0 = skipped, 1 / (1 - p) = kept)
   before it is added to the residual stream; the class and patch tokens, and the gradient of a fixed
   linear function of the class token with respect to blocks.0.attn.proj.weight.

Inputs are closed formulas (below), so that the C++ test builds the same ones. Run:
    /usr/bin/python3 tests/support/ibot_reference.py > tests/support/ibot_reference.json
"""
import json
import math

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

# ---- 1-3: the loss, with G = 2 global views of B = 3 images, P = 9 patches, K = 5 prototypes --------
G, B, P, K = 2, 3, 9, 5
N = G * B
STUDENT_TEMP, TEACHER_TEMP, MOMENTUM = 0.1, 0.07, 0.9


def formula(shape, a, b, scale):
    n = 1
    for s in shape:
        n *= s
    i = torch.arange(n, dtype=torch.float64)
    return (scale * torch.sin(a * i + b)).reshape(shape)


# View-major rows: view v of image b is row v * B + b.
teacher = formula((N, P, K), 0.53, 0.2, 1.5)
student = formula((N, P, K), 0.29, 1.1, 2.0)
center = formula((1, K), 0.7, 0.4, 0.3)
# Masks: view-major rows, 1 = masked. Row 1 (view 0, image 1) and row 5 have no mask.
mask_rows = [
    [1, 1, 0, 1, 1, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 1, 1, 0, 1, 1],
    [1, 1, 1, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 1, 1, 1, 1, 1, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0],
]
masks = torch.tensor(mask_rows, dtype=torch.bool)


def ibot_loss(student_out, teacher_out, center, masks):
    t = F.softmax((teacher_out - center) / TEACHER_TEMP, dim=-1).detach()
    s = student_out / STUDENT_TEMP
    t_views = t.chunk(G)
    s_views = s.chunk(G)
    m_views = masks.chunk(G)
    total = 0.0
    for q in range(G):
        ce = torch.sum(-t_views[q] * F.log_softmax(s_views[q], dim=-1), dim=-1)  # (B, P)
        m = m_views[q].double()
        per_image = torch.sum(ce * m, dim=-1) / m.sum(dim=-1).clamp(min=1.0)
        total = total + per_image.mean()
    return total / G


s = student.clone().requires_grad_(True)
loss = ibot_loss(s, teacher, center, masks)
loss.backward()
targets = F.softmax((teacher - center) / TEACHER_TEMP, dim=-1)
new_center = MOMENTUM * center + (1 - MOMENTUM) * (teacher.mean(1).sum(0, keepdim=True) / N)


def sinkhorn(scores, temp, iterations):
    q = torch.exp(scores / temp).t()  # K x M
    m = q.shape[1]
    k = q.shape[0]
    q = q / q.sum()
    for _ in range(iterations):
        q = q / q.sum(dim=1, keepdim=True)
        q = q / k
        q = q / q.sum(dim=0, keepdim=True)
        q = q / m
    q = q * m
    return q.t()


masked_teacher = teacher[masks]  # (M, K), row-major (view, patch)
sk = sinkhorn(masked_teacher, TEACHER_TEMP, 3)

# ---- 4: a masked forward of a small ViT -----------------------------------------------------------
IMG, PATCH, D, DEPTH, HEADS = 12, 4, 12, 2, 2
GRID = IMG // PATCH
HD = D // HEADS


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


W = {}
for k, (name, shape) in enumerate(vit_shapes()):
    n = 1
    for d in shape:
        n *= d
    i = torch.arange(n, dtype=torch.float64)
    w = 0.1 * torch.sin(0.37 * i + 0.61 * k)
    if len(shape) == 1 and name.endswith(".weight"):
        w = w + 1.0
    W[name] = w.reshape(shape)
mask_token = (0.1 * torch.cos(0.5 * torch.arange(D, dtype=torch.float64) + 0.2)).reshape(1, D).requires_grad_(True)

VB = 2
x = torch.sin(0.1 * torch.arange(VB * 3 * IMG * IMG, dtype=torch.float64) + 0.3).reshape(VB, 3, IMG, IMG)
vit_masks = torch.tensor([[1, 0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0]], dtype=torch.bool)


def ln(t, w, b):
    return F.layer_norm(t, (D,), w, b, eps=1e-6)


def vit(x, masks, scales=None):
    """scales: (DEPTH, 2, images) or None; scales[b][0] multiplies block b's attention branch, [1] its MLP."""
    t = F.conv2d(x, W["patch_embed.proj.weight"], stride=PATCH).flatten(2).transpose(1, 2)  # (B, 9, D)
    t = torch.where(masks.unsqueeze(-1), mask_token.unsqueeze(0), t)
    t = torch.cat([W["cls_token"].expand(t.shape[0], -1, -1), t], dim=1) + W["pos_embed"]
    t = ln(t, W["norm_pre.weight"], W["norm_pre.bias"])
    for b in range(DEPTH):
        p = f"blocks.{b}."
        h = ln(t, W[p + "norm1.weight"], W[p + "norm1.bias"])
        qkv = F.linear(h, W[p + "attn.qkv.weight"], W[p + "attn.qkv.bias"])
        bn, n, _ = qkv.shape
        qkv = qkv.reshape(bn, n, 3, HEADS, HD).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        a = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(HD), dim=-1)
        o = (a @ v).transpose(1, 2).reshape(bn, n, D)
        a_out = F.linear(o, W[p + "attn.proj.weight"], W[p + "attn.proj.bias"])
        t = t + (a_out if scales is None else a_out * scales[b][0].reshape(-1, 1, 1))
        h = ln(t, W[p + "norm2.weight"], W[p + "norm2.bias"])
        h = F.linear(F.gelu(F.linear(h, W[p + "mlp.fc1.weight"], W[p + "mlp.fc1.bias"])),
                     W[p + "mlp.fc2.weight"], W[p + "mlp.fc2.bias"])
        t = t + (h if scales is None else h * scales[b][1].reshape(-1, 1, 1))
    t = ln(t, W["norm.weight"], W["norm.bias"])
    return t[:, 0], t[:, 1:]


cls, patches = vit(x, vit_masks)
coef = torch.cos(0.21 * torch.arange(patches.numel(), dtype=torch.float64)).reshape(patches.shape)
(patches * coef).sum().backward()
cls_unmasked, patches_unmasked = vit(x, torch.zeros_like(vit_masks))


# 5. Stochastic depth, p = 0.2 (kept = 1.25): image 0 skips block 0's attention and block 1's MLP, image 1
# block 1's attention; the gradient flows through blocks.0.attn.proj.weight as a leaf.
DROP_SCALES = [[[0.0, 1.25], [1.25, 1.25]], [[1.25, 0.0], [0.0, 1.25]]]
drop_scales = torch.tensor(DROP_SCALES)
W["blocks.0.attn.proj.weight"].requires_grad_(True)
drop_cls, drop_patches = vit(x, torch.zeros_like(vit_masks), drop_scales)
drop_coef = torch.cos(0.13 * torch.arange(drop_cls.numel(), dtype=torch.float64)).reshape(drop_cls.shape)
(drop_cls * drop_coef).sum().backward()
drop_grad = W["blocks.0.attn.proj.weight"].grad


def flat(t):
    return [float(v) for v in t.detach().reshape(-1)]


print(json.dumps({
    "loss": {
        "G": G, "B": B, "P": P, "K": K,
        "student_temp": STUDENT_TEMP, "teacher_temp": TEACHER_TEMP, "center_momentum": MOMENTUM,
        "masks": mask_rows,
        "loss": float(loss),
        "grad_student": flat(s.grad),
        "targets": flat(targets),
        "new_center": flat(new_center),
        "sinkhorn_masked_targets": flat(sk),
    },
    "vit": {
        "img": IMG, "patch": PATCH, "dim": D, "depth": DEPTH, "heads": HEADS,
        "masks": [[int(v) for v in row] for row in vit_masks.tolist()],
        "cls": flat(cls),
        "patches": flat(patches),
        "grad_mask_token": flat(mask_token.grad),
        "patches_unmasked": flat(patches_unmasked),
    },
    "drop_path": {
        "scales": DROP_SCALES,
        "cls": flat(drop_cls),
        "patches": flat(drop_patches),
        "grad_block0_proj_weight": flat(drop_grad),
    },
}, indent=1))
