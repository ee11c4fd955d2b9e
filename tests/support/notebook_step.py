# Development only (not built or run by the project): the yardstick of docs/performance.md.
# usage: PYTHON tests/support/notebook_step.py BATCH STEPS [THREADS] [sdpa] [bf16] [compile]
# Yardstick on this machine: the seed's training step in PyTorch eager with a timm-0.9.2-like
# ViT-tiny (manual attention as timm does on torch<2), random input views (no augmentation cost).
# On PyTorch 2.x: "sdpa" computes the attention with F.scaled_dot_product_attention (as timm does on
# torch >= 2), "bf16" runs forward passes under CPU bf16 autocast, "compile" wraps student and
# teacher in torch.compile (the first, compiling step is not timed).
import sys, time, resource, torch, torch.nn as nn, torch.nn.functional as F
B = int(sys.argv[1]); steps = int(sys.argv[2]); torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 2)
MODES = set(sys.argv[4:]); SDPA = "sdpa" in MODES; BF16 = "bf16" in MODES; COMPILE = "compile" in MODES
D, H, DEPTH = 192, 3, 12
class Attn(nn.Module):
    def __init__(s): super().__init__(); s.qkv = nn.Linear(D, 3*D); s.proj = nn.Linear(D, D)
    def forward(s, x):
        b, n, c = x.shape
        qkv = s.qkv(x).reshape(b, n, 3, H, c//H).permute(2, 0, 3, 1, 4); q, k, v = qkv.unbind(0)
        if SDPA: x = F.scaled_dot_product_attention(q, k, v)
        else: q = q * (c//H) ** -0.5; x = (q @ k.transpose(-2, -1)).softmax(-1) @ v
        return s.proj(x.transpose(1, 2).reshape(b, n, c))
class Block(nn.Module):
    def __init__(s):
        super().__init__(); s.norm1 = nn.LayerNorm(D, eps=1e-6); s.attn = Attn(); s.norm2 = nn.LayerNorm(D, eps=1e-6)
        s.fc1 = nn.Linear(D, 4*D); s.fc2 = nn.Linear(4*D, D)
    def forward(s, x): x = x + s.attn(s.norm1(x)); return x + s.fc2(F.gelu(s.fc1(s.norm2(x))))
class ViT(nn.Module):
    def __init__(s):
        super().__init__(); s.pe = nn.Conv2d(3, D, 4, 4, bias=False); s.cls = nn.Parameter(torch.zeros(1, 1, D))
        s.pos = nn.Parameter(torch.randn(1, 50, D) * .02); s.pre = nn.LayerNorm(D, eps=1e-6)
        s.blocks = nn.Sequential(*[Block() for _ in range(DEPTH)]); s.norm = nn.LayerNorm(D, eps=1e-6)
    def forward(s, x):
        x = s.pe(x).flatten(2).transpose(1, 2); x = torch.cat([s.cls.expand(x.shape[0], -1, -1), x], 1) + s.pos
        return s.norm(s.blocks(s.pre(x)))[:, 0]
class Head(nn.Module):
    def __init__(s):
        super().__init__(); s.mlp = nn.Sequential(nn.Linear(D, 384), nn.GELU(), nn.Linear(384, 384), nn.GELU(), nn.Linear(384, 96))
        s.last = nn.utils.weight_norm(nn.Linear(96, 256, bias=False)); s.last.weight_g.data.fill_(1); s.last.weight_g.requires_grad = False
    def forward(s, x): return s.last(F.normalize(s.mlp(x), dim=-1))
class M(nn.Module):
    def __init__(s): super().__init__(); s.encoder = ViT(); s.head = Head()
    def forward(s, x): return s.head(s.encoder(x))
student = M(); teacher = M(); teacher.load_state_dict(student.state_dict())
run_student, run_teacher = (torch.compile(student), torch.compile(teacher)) if COMPILE else (student, teacher)
for p in teacher.parameters(): p.requires_grad = False
opt = torch.optim.AdamW(student.parameters(), lr=5e-4)
center = torch.zeros(1, 256)
def loss_fn(s, t, tt):
    s = (s / 0.1).chunk(4); t = F.softmax((t - center) / tt, -1).detach().chunk(2); tot = 0; n = 0
    for i, q in enumerate(t):
        for j, v in enumerate(s):
            if i == j: continue
            tot = tot + (-q * F.log_softmax(v, -1)).sum(-1).mean(); n += 1
    return tot / n
x = torch.randn(4, B, 3, 28, 28)
times = []
for it in range(steps + 1):
    t0 = time.perf_counter()
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
        so = run_student(x.view(-1, 3, 28, 28))
        with torch.no_grad(): to = run_teacher(x[:2].reshape(-1, 3, 28, 28))
    so, to = so.float(), to.float()
    l = loss_fn(so, to, 0.04)
    with torch.no_grad(): center = center * 0.9 + to.mean(0, keepdim=True) * 0.1
    opt.zero_grad(); l.backward(); opt.step()
    with torch.no_grad():
        for pt, ps in zip(teacher.parameters(), student.parameters()): pt.mul_(0.992).add_((1 - 0.992) * ps)
    times.append(time.perf_counter() - t0)
m = sum(times[1:]) / steps
mode = " ".join(sorted(MODES)) or "as written"
print(f"torch {torch.__version__} ({mode}) batch {B}: {m:.3f} s/step, {B/m:.2f} img/s, "
      f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MB")
