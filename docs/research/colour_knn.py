# Cross-check (not project code): how much of the PathMNIST sample's classes colour alone tells. Each image becomes
# six numbers (the mean and standard deviation of R, G and B), centred over the train split and L2-normalised;
# then 1-NN and weighted 20-NN (T = 0.07) with the train split as the bank, as `dino eval` classifies features.
#   /usr/bin/python3 docs/research/colour_knn.py ../shared/data/pathmnist/pathmnist_sample.npz
import sys

import numpy as np

d = np.load(sys.argv[1])


def colour(x):
    x = x.reshape(len(x), -1, 3).astype(np.float64) / 255
    return np.concatenate([x.mean(1), x.std(1)], 1)


bank = colour(d["train_images"])
centre = bank.mean(0)
norm = lambda f: (f - centre) / np.linalg.norm(f - centre, axis=1, keepdims=True)
bank, bank_labels = norm(bank), d["train_labels"].ravel()
classes = int(bank_labels.max()) + 1
for split in ("val", "test"):
    q, labels = norm(colour(d[split + "_images"])), d[split + "_labels"].ravel()
    sim = q @ bank.T
    idx = np.argsort(-sim, 1)[:, :20]
    w = np.exp(np.take_along_axis(sim, idx, 1) / 0.07)
    votes = np.stack([(w * (bank_labels[idx] == c)).sum(1) for c in range(classes)], 1)
    print(f"{split}: colour statistics alone, 1-NN {100 * (bank_labels[idx[:, 0]] == labels).mean():.1f} %, "
          f"weighted 20-NN {100 * (votes.argmax(1) == labels).mean():.1f} % ({len(labels)} images)")
