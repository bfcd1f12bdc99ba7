"""Independent computation of the drift methods for tests/stack/drift-crosscheck.test.ts.

Written from the documented definitions (docs/h2o-mlops-1x-contract.md, "Drift methods") with
numpy and scipy, without looking at the TypeScript: it reads the cases the test generated (JSON
file, argv[1]) and prints one JSON result per case, in order, on stdout.

Case kinds:
  counts       aligned count vectors           -> tvd, psi, hellinger
  categorical  value-count dicts (unaligned)   -> the same, on the union of the values
  windows      timed segment histograms        -> per window start: tvd against the baseline
  zscore       raw values of baseline + parts  -> window mean/sd from the raw values, z
"""

import json
import math
import sys

import numpy as np
from scipy.spatial import distance


def proportions(counts):
    c = np.asarray(counts, dtype=np.float64)
    return c / c.sum()


def distances(baseline, scoring, epsilon):
    p = proportions(baseline)
    q = proportions(scoring)
    tvd = 0.5 * distance.cityblock(p, q)
    hellinger = distance.euclidean(np.sqrt(p), np.sqrt(q)) / math.sqrt(2.0)
    pe = np.maximum(p, epsilon)
    qe = np.maximum(q, epsilon)
    psi = float(np.sum((qe - pe) * np.log(qe / pe)))
    return {"tvd": float(tvd), "psi": psi, "hellinger": float(hellinger)}


def categorical(case):
    values = sorted(set(case["baseline"]) | set(case["scoring"]))
    b = [case["baseline"].get(v, 0) for v in values]
    s = [case["scoring"].get(v, 0) for v in values]
    return distances(b, s, case["epsilon"])


def windows(case):
    window = case["windowMs"]
    sums = {}
    for seg in case["segments"]:
        start = (seg["startMs"] // window) * window
        acc = sums.setdefault(start, np.zeros(len(seg["counts"]), dtype=np.float64))
        acc += np.asarray(seg["counts"], dtype=np.float64)
    out = []
    for start in sorted(sums):
        total = sums[start]
        tvd = None if total.sum() == 0 else distances(case["baseline"], total, 1e-4)["tvd"]
        out.append({"startMs": start, "tvd": tvd})
    return {"windows": out}


def zscore(case):
    ddof = case["ddof"]
    base = np.asarray(case["baselineValues"], dtype=np.float64)
    window = np.concatenate([np.asarray(p, dtype=np.float64) for p in case["parts"]])
    base_sd = float(np.std(base, ddof=ddof))
    result = {
        "windowMean": float(np.mean(window)),
        "windowSd": float(np.std(window, ddof=ddof)),
        "z": None if base_sd == 0 else float((np.mean(window) - np.mean(base)) / base_sd),
    }
    return result


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    results = []
    for case in cases:
        kind = case["kind"]
        if kind == "counts":
            results.append(distances(case["baseline"], case["scoring"], case["epsilon"]))
        elif kind == "categorical":
            results.append(categorical(case))
        elif kind == "windows":
            results.append(windows(case))
        elif kind == "zscore":
            results.append(zscore(case))
        else:
            raise ValueError(f"unknown case kind {kind}")
    json.dump({"numpy": np.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
