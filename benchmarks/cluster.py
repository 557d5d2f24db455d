"""Benchmark: story features, blocking, edges and grouping over SaudiNewsNet at 1/4, 1/2 and all articles.

Each size runs in its own process so peak RSS is that size's own. Reported per size: seconds for the
per-article features (the worker stage; parallel in the pipeline; no NER here, mentions empty), seconds
for the corpus stage (index + story/duplicate edges + group_stories + canonical_duplicates, single
process) and of the grouping alone (what the pipeline re-runs over all stored edges after each batch),
candidate pairs scored, and peak RSS of the whole process (all articles' text included).

Run: nice -n 10 .venv/bin/python benchmarks/cluster.py [--sizes 0.25,0.5,1]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))


def one_size(fraction: float) -> dict:
    from marsad import cluster
    from stories import read_saudinewsnet

    articles = read_saudinewsnet()
    articles = articles[: int(len(articles) * fraction)]   # the first days: arrival order
    t0 = time.perf_counter()
    features = [cluster.story_features(a) for a in articles]
    t1 = time.perf_counter()
    dates = {a.id: a.published for a in articles}
    index = cluster.StoryIndex()
    s_edges, d_edges, scored = [], [], 0
    for f in features:
        if f["id"] in index:
            continue
        scored += len(index.candidates(f))
        s_edges += cluster.story_edges(f, index)
        d_edges += cluster.duplicate_edges(f, index)
        index.add(f)
    t_group = time.perf_counter()
    stories = cluster.group_stories(dates, s_edges)
    cluster.canonical_duplicates(dates, d_edges)
    t2 = time.perf_counter()
    return {"articles": len(articles), "features_s": round(t1 - t0, 1), "cluster_s": round(t2 - t1, 1),
            "grouping_s": round(t2 - t_group, 2), "edges": len(s_edges) + len(d_edges),
            "pairs_scored": scored, "stories": len(set(stories.values())),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="0.25,0.5,1")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(one_size(args.one)))
        return
    for size in args.sizes.split(","):
        out = subprocess.run([sys.executable, __file__, "--one", size], capture_output=True, text=True,
                             check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{size:>5}: {row['articles']:>6} articles  features {row['features_s']:>6.1f} s  "
              f"cluster {row['cluster_s']:>6.1f} s (grouping {row['grouping_s']} s, {row['edges']} edges)  "
              f"pairs {row['pairs_scored']:>8}  "
              f"stories {row['stories']:>6}  peak RSS {row['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
