#!/usr/bin/env python3
"""Cross-check of `dino export --format tensorboard` with TensorBoard's own reader, outside CI.

Reads the log folder with tensorboard's EventAccumulator (which verifies both masked CRC-32Cs of every
record) and the HParams plugin's metadata parser, and compares every scalar with the run directory's
metrics.csv / knn.csv / eval.json, and every hparam with config.json.

  python3 -m venv /tmp/tbvenv && /tmp/tbvenv/bin/pip install tensorboard
  build/app/dino export RUN --format tensorboard --out /tmp/tblogs
  /tmp/tbvenv/bin/python tests/support/check_tensorboard_events.py RUN /tmp/tblogs/<run name>
"""
import csv
import json
import math
import sys

from tensorboard.backend.event_processing import event_accumulator
from tensorboard.plugins.hparams import metadata as hp_metadata


def main(run_dir, event_dir):
    acc = event_accumulator.EventAccumulator(event_dir, size_guidance={event_accumulator.SCALARS: 0,
                                                                       event_accumulator.TENSORS: 0})
    acc.Reload()
    tags = acc.Tags()["scalars"]
    checked = 0
    for name, prefix in (("metrics.csv", "train"), ("knn.csv", "knn")):
        with open(f"{run_dir}/{name}") as f:
            rows = list(csv.DictReader(f))
        for col in rows[0]:
            if col in ("step", "epoch"):
                continue
            want = [(int(r["step"]), float(r[col])) for r in rows if r[col] and math.isfinite(float(r[col]))]
            got = [(e.step, e.value) for e in acc.Scalars(f"{prefix}/{col}")]
            assert len(got) == len(want), (col, len(got), len(want))
            for (gs, gv), (ws, wv) in zip(got, want):
                assert gs == ws and abs(gv - wv) <= 1e-6 * max(1.0, abs(wv)), (col, gs, gv, ws, wv)
                checked += 1
    ev = json.load(open(f"{run_dir}/eval.json"))
    assert abs(acc.Scalars("eval/teacher_knn_weighted")[0].value - ev["trained"]["knn_accuracy"]) < 1e-6
    assert abs(acc.Scalars("eval/random_init_1nn")[0].value - ev["baseline"]["nn1_accuracy"]) < 1e-6

    # HParams: the session start info with every config field, and the end status.
    cfg = json.load(open(f"{run_dir}/config.json"))
    start = end = None
    for tag, meta in acc.summary_metadata.items():
        if meta.plugin_data.plugin_name != hp_metadata.PLUGIN_NAME:
            continue
        data = hp_metadata.parse_session_start_info_plugin_data if tag.endswith("start_info") else None
        if data:
            start = data(meta.plugin_data.content)
        else:
            end = hp_metadata.parse_session_end_info_plugin_data(meta.plugin_data.content)
    assert start is not None and end is not None, "no hparams session start/end"
    flat = {f"{s}.{k}": v for s, fields in cfg.items() for k, v in fields.items()}
    assert set(start.hparams) == set(flat), set(start.hparams) ^ set(flat)
    for k, v in flat.items():
        h = start.hparams[k]
        if isinstance(v, bool):
            assert h.bool_value == v, k
        elif isinstance(v, (int, float)):
            assert h.number_value == v, (k, h.number_value, v)
        elif isinstance(v, str):
            assert h.string_value == v, k
    print(f"ok: {len(tags)} scalar tags, {checked} metric values, {len(start.hparams)} hparams, "
          f"end status {end.status}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
