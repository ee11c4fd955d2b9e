# Cross-check for docs/learning-at-scale.md (not part of the product; run with Debian's python3-torch):
# how far does the quick preset's ViT (depth 6, dim 192, 3 heads, patch 4, 28 px grey) get on the Fashion-MNIST
# split when it is trained WITH the labels for the budget of issue 25's targets (843 steps of 64 images = one
# epoch; 2,529 = the cpu-hour preset's 3 epochs)? Prints the classifier's test accuracy and the test weighted
# 20-NN (T = 0.07, cosine, all 54,000 train images as the bank) on its class token after the final norm, as
# `dino eval` reads a teacher: a practical ceiling for what label-free training of this model reaches in that budget.
#   /usr/bin/python3 docs/research/supervised_ceiling.py ~/.medmnist/fashion_mnist.npz STEPS THREADS LR CROP_MIN SEED
# (CROP_MIN 1.0: no crops, only horizontal flips; 0.4: the quick preset's global crop scales; STEPS 0: the
# random-init model.) Any MedMNIST-layout .npz works, grey or colour (the PathMNIST sample too).
import sys, time, math, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
SEED = int(sys.argv[6]) if len(sys.argv) > 6 else 0; torch.manual_seed(SEED)
npz = sys.argv[1]; steps = int(sys.argv[2]) if len(sys.argv) > 2 else 843
LR = float(sys.argv[4]) if len(sys.argv) > 4 else 5e-4; SMIN = float(sys.argv[5]) if len(sys.argv) > 5 else 0.4
d = np.load(npz)
def images(split):  # (N, C, H, W) in [0, 1]: grey (N, H, W) or colour (N, H, W, 3)
    x = torch.from_numpy(d[split + '_images']).float() / 255
    return x.unsqueeze(1) if x.dim() == 3 else x.permute(0, 3, 1, 2).contiguous()
tr, va, te = images('train'), images('val'), images('test')
trl, val, tel = (torch.from_numpy(d[k + '_labels'].ravel()).long() for k in ('train', 'val', 'test'))
C, S, NCLS = tr.shape[1], tr.shape[2], int(trl.max()) + 1
mean, std = tr.mean((0, 2, 3), keepdim=True)[0], tr.std((0, 2, 3), keepdim=True)[0]
class Block(nn.Module):
    def __init__(s, D, H):
        super().__init__(); s.n1 = nn.LayerNorm(D, eps=1e-6); s.attn = nn.MultiheadAttention(D, H, batch_first=True)
        s.n2 = nn.LayerNorm(D, eps=1e-6); s.mlp = nn.Sequential(nn.Linear(D, 4 * D), nn.GELU(), nn.Linear(4 * D, D))
    def forward(s, x):
        h = s.n1(x); x = x + s.attn(h, h, h, need_weights=False)[0]; return x + s.mlp(s.n2(x))
class ViT(nn.Module):
    def __init__(s, D=192, depth=6, H=3, P=4, n=NCLS):
        super().__init__(); s.pe = nn.Conv2d(C, D, P, P); s.cls = nn.Parameter(torch.zeros(1, 1, D))
        s.pos = nn.Parameter(torch.randn(1, (S // P) ** 2 + 1, D) * 0.02); s.blocks = nn.Sequential(*[Block(D, H) for _ in range(depth)])
        s.norm = nn.LayerNorm(D, eps=1e-6); s.head = nn.Linear(D, n)
    def features(s, x):
        t = s.pe(x).flatten(2).transpose(1, 2); t = torch.cat([s.cls.expand(len(t), -1, -1), t], 1) + s.pos
        return s.norm(s.blocks(t))[:, 0]
    def forward(s, x): return s.head(s.features(x))
def views(x):  # random resized crop (area SMIN-1; 0.4-1 are the quick preset's global crops) + horizontal flip
    B = len(x); sc = torch.empty(B).uniform_(SMIN, 1.0).sqrt(); tx = (torch.rand(B) * 2 - 1) * (1 - sc); ty = (torch.rand(B) * 2 - 1) * (1 - sc)
    fl = torch.where(torch.rand(B) < 0.5, -1.0, 1.0); th = torch.zeros(B, 2, 3)
    th[:, 0, 0] = sc * fl; th[:, 1, 1] = sc; th[:, 0, 2] = tx; th[:, 1, 2] = ty
    return F.grid_sample(x, F.affine_grid(th, x.shape, align_corners=False), align_corners=False)
norm = lambda x: (x - mean) / std
m = ViT(); opt = torch.optim.AdamW(m.parameters(), lr=LR, weight_decay=0.05); t0 = time.time()
for it in range(steps):
    lr = LR * min(1, (it + 1) / (0.1 * steps)) * (0.5 * (1 + math.cos(math.pi * it / steps)))
    for g in opt.param_groups: g['lr'] = lr
    idx = torch.randint(0, len(tr), (64,)); x = views(norm(tr[idx]))
    loss = F.cross_entropy(m(x), trl[idx]); opt.zero_grad(); loss.backward(); opt.step()
    if it % 100 == 0: print(f'step {it} loss {loss.item():.3f} {time.time() - t0:.0f}s', flush=True)
m.eval()
def feats(x):
    with torch.no_grad(): return torch.cat([m.features(norm(x[i:i + 1000])) for i in range(0, len(x), 1000)])
def knn(bank, bl, q, ql, k=20, T=0.07):
    bank = F.normalize(bank, dim=1); q = F.normalize(q, dim=1); acc = 0
    for i in range(0, len(q), 1000):
        s, idx = (q[i:i + 1000] @ bank.T).topk(k, 1); w = (s / T).exp()
        votes = torch.zeros(len(idx), NCLS).scatter_add_(1, bl[idx], w); acc += (votes.argmax(1) == ql[i:i + 1000]).sum().item()
    return acc / len(q)
fb, fv, ft = feats(tr), feats(va), feats(te)
def acc(f, l):
    with torch.no_grad(): return (m.head(f).argmax(1) == l).float().mean().item()
print(f'seed {SEED} steps {steps} lr {LR} crop scale [{SMIN}, 1]: classifier accuracy val {acc(fv, val):.4f} test {acc(ft, tel):.4f}; '
      f'weighted 20-NN on its CLS val {knn(fb, trl, fv, val):.4f} test {knn(fb, trl, ft, tel):.4f}; {time.time() - t0:.0f} s')
