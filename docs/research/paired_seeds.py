# Cross-check (not project code): two recipes compared seed by seed, as learning-at-scale.md's six-seed table.
# Each side is a list of run directories (sweep trials) with eval.json (val) and eval_test.json (test); runs are
# paired by system.seed, so the two sides share the random init and the data order of each seed. For each of
# the four gains over random init (val/test weighted k-NN, val/test linear probe) it prints both sides' mean ± sd,
# the per-seed differences, in how many seeds the second side is ahead, and the 95 % Student's t interval of the
# mean difference (the t quantile found here by Simpson's rule and bisection, as a cross-check of `dino runs`).
#   /usr/bin/python3 docs/research/paired_seeds.py \
#       --a runs/quick-longer/c000-seed{0,1,2} runs/quick-seeds345/c000-seed{3,4,5} \
#       --b runs/quick15-momentum/c000-seed{0,1,2} runs/quick-seeds345/c001-seed{3,4,5}
import argparse, json, math, os, statistics as st

ap = argparse.ArgumentParser()
ap.add_argument("--a", nargs="+", required=True, help="run directories of the first recipe")
ap.add_argument("--b", nargs="+", required=True, help="run directories of the second recipe")
args = ap.parse_args()


def gains(run):
    out = {}
    for name, split in (("eval.json", "val"), ("eval_test.json", "test")):
        e = json.load(open(os.path.join(run, name)))
        t, b = e["trained"], e["baseline"]
        out[split + " gain k-NN"] = 100 * (t["knn_accuracy"] - b["knn_accuracy"])
        out[split + " gain probe"] = 100 * (t["linear_probe"]["test_accuracy"] - b["linear_probe"]["test_accuracy"])
    return out


def by_seed(runs):
    return {json.load(open(os.path.join(r, "config.json")))["system"]["seed"]: gains(r) for r in runs}


def t_quantile(p, df, n=4000):
    dens = lambda x: math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi) * (1 + x * x / df) ** (-(df + 1) / 2)
    def cdf(t):
        h = t / n
        return 0.5 + h / 3 * (dens(0) + dens(t) + sum((4 if i % 2 else 2) * dens(i * h) for i in range(1, n)))
    lo, hi = 0.0, 100.0
    for _ in range(50):
        lo, hi = (lo, (lo + hi) / 2) if cdf((lo + hi) / 2) >= p else ((lo + hi) / 2, hi)
    return (lo + hi) / 2


a, b = by_seed(args.a), by_seed(args.b)
seeds = sorted(set(a) & set(b))
if len(seeds) < 2:
    raise SystemExit(f"need at least 2 seeds on both sides, shared: {seeds}")
print(f"{len(seeds)} seeds paired: {seeds}")
for k in ("val gain k-NN", "test gain k-NN", "val gain probe", "test gain probe"):
    x, y = [a[s][k] for s in seeds], [b[s][k] for s in seeds]
    d = [j - i for i, j in zip(x, y)]
    print(f"{k:16s} a {st.mean(x):+.1f} ± {st.stdev(x):.1f}   b {st.mean(y):+.1f} ± {st.stdev(y):.1f}   "
          f"b - a per seed {' '.join(f'{v:+.1f}' for v in d)}   mean {st.mean(d):+.1f}, b ahead in {sum(v > 0 for v in d)} of {len(d)}, "
          f"95 % interval {st.mean(d) - t_quantile(0.975, len(d) - 1) * st.stdev(d) / math.sqrt(len(d)):+.1f} … "
          f"{st.mean(d) + t_quantile(0.975, len(d) - 1) * st.stdev(d) / math.sqrt(len(d)):+.1f}")
