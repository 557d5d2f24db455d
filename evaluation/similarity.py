"""Same-story similarity on ANS headline pairs: paraphrase (agree) vs unrelated.

Data: /work/shared/data/news/ans-arabic-news-stance/stance/{train,dev,test}.csv (s1, s2, stance). "agree"
pairs are a headline and a human paraphrase: the same event in other words. Unrelated pairs: the 86
"other" rows, plus each agree headline paired with RANDOM_PARTNERS random headlines from other rows of the
same split (seeded). "disagree" pairs (same event, contradicted fact) are reported apart: the clusterer is
meant to put them together (same topic and event), so they are not negatives here.

Score: marsad.cluster.pair_score of two headline-only articles (same day), i.e. the shipped text score.
Threshold: the F1-best threshold on train+dev is printed next to F1 at the shipped STORY_THRESHOLD; the
test split is only scored, never tuned on.

Run: .venv/bin/python evaluation/similarity.py
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from marsad import cluster  # noqa: E402
from marsad.records import Article  # noqa: E402

DATA = Path("/work/shared/data/news/ans-arabic-news-stance/stance")
RANDOM_PARTNERS = 3


def read_split(name: str) -> list[tuple[str, str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8") as fh:
        return [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]


def score(a: str, b: str) -> float:
    fa = cluster.story_features(Article(id="a-1", source="", text="", title=a, published="2020-01-01"))
    fb = cluster.story_features(Article(id="a-2", source="", text="", title=b, published="2020-01-01"))
    return cluster.pair_score(fa, fb)


def labelled_pairs(rows, seed: int) -> tuple[list[float], list[int], list[float]]:
    rng = random.Random(seed)
    heads = [r[1] for r in rows] + [r[0] for r in rows]
    scores, labels, disagree = [], [], []
    for s1, s2, stance in rows:
        if stance == "agree":
            scores.append(score(s1, s2))
            labels.append(1)
            for _ in range(RANDOM_PARTNERS):
                other = rng.choice(heads)
                while other in (s1, s2):
                    other = rng.choice(heads)
                scores.append(score(s1, other))
                labels.append(0)
        elif stance == "other":
            scores.append(score(s1, s2))
            labels.append(0)
        else:
            disagree.append(score(s1, s2))
    return scores, labels, disagree


def roc_auc(scores, labels) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    s, y = np.asarray(scores), np.asarray(labels)
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):                       # average ranks over ties
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n_pos, n_neg = y.sum(), len(y) - y.sum()
    return float((ranks[y == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def f1_at(scores, labels, threshold: float) -> tuple[float, float, float]:
    s, y = np.asarray(scores), np.asarray(labels)
    pred = s >= threshold
    tp = float((pred & (y == 1)).sum())
    p = tp / max(pred.sum(), 1)
    r = tp / max((y == 1).sum(), 1)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def main() -> None:
    tune_s, tune_y, _ = labelled_pairs(read_split("train") + read_split("dev"), seed=1)
    best = max((f1_at(tune_s, tune_y, t)[0], t) for t in np.arange(0.05, 0.95, 0.01))
    test_s, test_y, disagree = labelled_pairs(read_split("test"), seed=2)
    shipped = cluster.STORY_THRESHOLD
    print(f"train+dev: {sum(tune_y)} paraphrase, {len(tune_y) - sum(tune_y)} unrelated pairs; "
          f"AUC {roc_auc(tune_s, tune_y):.3f}; F1-best threshold {best[1]:.2f} (F1 {best[0]:.3f})")
    print(f"test: {sum(test_y)} paraphrase, {len(test_y) - sum(test_y)} unrelated pairs")
    print(f"test AUC paraphrase vs unrelated: {roc_auc(test_s, test_y):.3f}")
    for name, t in (("shipped STORY_THRESHOLD", shipped), ("train+dev F1-best", best[1])):
        f1, p, r = f1_at(test_s, test_y, t)
        print(f"test F1 at {name} {t:.2f}: {f1:.3f} (precision {p:.3f}, recall {r:.3f})")
    pos = [s for s, y in zip(test_s, test_y) if y == 1]
    print(f"test AUC paraphrase vs contradiction (same event, for information): "
          f"{roc_auc(pos + disagree, [1] * len(pos) + [0] * len(disagree)):.3f}; "
          f"contradictions at or above the shipped threshold: "
          f"{sum(1 for s in disagree if s >= shipped)}/{len(disagree)}")


if __name__ == "__main__":
    main()
