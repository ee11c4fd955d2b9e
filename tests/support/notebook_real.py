# Development only (not built or run by the project): the seed notebook's real training path as a
# yardstick for docs/performance.md, on current PyTorch.
# usage: PYTHON tests/support/notebook_real.py BATCH STEPS [THREADS] [bf16] [workers=N]
# needs: torch, torchvision, timm, numpy (pip install timm torchvision numpy into the torch-wheel venv)
# What runs is the notebook's: timm's VisionTransformer(patch 4, 192, depth 12, 3 heads, pre_norm) with
# the DINO head (3 layers, hidden 384, bottleneck 96, weight-normed last layer, out_dim 256), the
# Global 1 / Global 2 / Local torchvision augmentations of its "Local and Global Views" section on PIL
# images of the bundled sample (2 global + 2 local views), a shuffling DataLoader, AdamW, the DINO loss
# with centring and the EMA teacher. Images/s count each image with all its views, as dino bench does.
import sys, time, resource, numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image
from torch.utils.data import Dataset, DataLoader
from torchvision import transforms
from timm.models.vision_transformer import VisionTransformer

B = int(sys.argv[1]); steps = int(sys.argv[2]); torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 2)
opts = sys.argv[4:]
BF16 = "bf16" in opts
WORKERS = next((int(o.split("=")[1]) for o in opts if o.startswith("workers=")), 1)
NORMALIZE = transforms.Normalize(std=[0.1237, 0.1768, 0.1244], mean=[0.7405, 0.5330, 0.7058])


class Views(Dataset):
    def __init__(self, images, num_local=2):
        self.images, self.num_local = images, num_local
        jitter = transforms.RandomApply([transforms.ColorJitter(0.4, 0.4, 0.2, 0.1)], p=0.8)
        flips = [transforms.RandomHorizontalFlip(), transforms.RandomVerticalFlip()]
        blur = lambda p: transforms.RandomApply([transforms.GaussianBlur(5, sigma=(0.1, 1.0))], p=p)
        tail = [transforms.ToTensor(), NORMALIZE]
        self.global1 = transforms.Compose([jitter, *flips, blur(1.0), *tail])
        self.global2 = transforms.Compose([jitter, *flips, blur(0.1), transforms.RandomSolarize(128, p=0.2), *tail])
        self.local = transforms.Compose([jitter, *flips, blur(0.5), transforms.RandomResizedCrop(28, scale=(0.2, 0.8)), *tail])

    def __len__(self): return len(self.images)

    def __getitem__(self, i):
        img = Image.fromarray(self.images[i])
        return torch.stack([self.global1(img), self.global2(img)] + [self.local(img) for _ in range(self.num_local)])


class Head(nn.Module):
    def __init__(self, d=192, out=256):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, 2 * d), nn.GELU(), nn.Linear(2 * d, d // 2))
        self.last = nn.utils.weight_norm(nn.Linear(d // 2, out, bias=False))
        self.last.weight_g.data.fill_(1); self.last.weight_g.requires_grad = False
    def forward(self, x): return self.last(F.normalize(self.mlp(x), dim=-1))


def model():
    return nn.Sequential(VisionTransformer(patch_size=4, embed_dim=192, depth=12, num_heads=3, img_size=28, in_chans=3,
                                           num_classes=0, pre_norm=True), Head())


path = __file__.rsplit("/tests/", 1)[0] + "/resources/data/pathmnist_sample.npz"
images = np.load(path)["train_images"]
loader = DataLoader(Views(images), batch_size=B, shuffle=True, num_workers=WORKERS, drop_last=True,
                    persistent_workers=WORKERS > 0)
student, teacher = model(), model()
teacher.load_state_dict(student.state_dict())
for p in teacher.parameters(): p.requires_grad = False
opt = torch.optim.AdamW(student.parameters(), lr=5e-4, weight_decay=0.04)
center = torch.zeros(1, 256)


def loss_fn(s, t):
    s = (s / 0.1).chunk(4); t = F.softmax((t - center) / 0.04, -1).detach().chunk(2); tot, n = 0, 0
    for i, q in enumerate(t):
        for j, v in enumerate(s):
            if i != j: tot = tot + (-q * F.log_softmax(v, -1)).sum(-1).mean(); n += 1
    return tot / n


times, it = [], iter(loader)
for k in range(steps + 1):
    t0 = time.perf_counter()
    try: batch = next(it)
    except StopIteration: it = iter(loader); batch = next(it)
    views = batch.transpose(0, 1).contiguous()  # (4, B, 3, 28, 28)
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
        so = student(views.view(-1, 3, 28, 28))
        with torch.no_grad(): to = teacher(views[:2].reshape(-1, 3, 28, 28))
    so, to = so.float(), to.float()
    loss = loss_fn(so, to)
    with torch.no_grad(): center = center * 0.9 + to.mean(0, keepdim=True) * 0.1
    opt.zero_grad(); loss.backward(); opt.step()
    with torch.no_grad():
        for pt, ps in zip(teacher.parameters(), student.parameters()): pt.mul_(0.992).add_((1 - 0.992) * ps)
    times.append(time.perf_counter() - t0)
m = sum(times[1:]) / steps
print(f"notebook (timm, torchvision, {WORKERS} loader worker(s)), torch {torch.__version__}{' bf16' if BF16 else ''} "
      f"batch {B}: {m:.3f} s/step, {B / m:.2f} img/s, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
