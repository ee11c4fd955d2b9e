# Data for checking a sample-sized recipe on images it was not tuned on (docs/learning-at-scale.md, not part
# of the product; Debian's python3-numpy): a random subset of a MedMNIST-layout .npz with the bundled
# PathMNIST sample's train size (1,059), and 1,000 val and 1,000 test images, so that val and test are
# less noisy than the sample's 160 and 75. Seed 2026.
#   /usr/bin/python3 docs/research/small_split.py ~/.medmnist/fashion_mnist.npz ~/.medmnist/fashion_small.npz
import sys, numpy as np
d = np.load(sys.argv[1])
rng = np.random.default_rng(2026)
out = {}
for split, n in [('train', 1059), ('val', 1000), ('test', 1000)]:
    x, y = d[split + '_images'], d[split + '_labels']
    idx = np.sort(rng.choice(len(x), min(n, len(x)), replace=False))
    out[split + '_images'], out[split + '_labels'] = x[idx], y[idx]
np.savez_compressed(sys.argv[2], **out)
print(sys.argv[2] + ': ' + ', '.join(f'{s} {len(out[s + "_images"])}' for s in ('train', 'val', 'test')))
