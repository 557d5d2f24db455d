"""Foundation throughput: read, decode, clean, date and attribute articles, and commit them to a store.

    .venv/bin/python benchmarks/ingest.py [PATH ...] [--limit N] [--store FILE]

Default input: all of SaudiNewsNet (../shared/data/news/saudinewsnet/dataset, 31,030 articles). Runs on one
core (no workers) and prints articles/s end to end into the store and the peak RSS. The per-article
extraction stages (NER, quotes, events) and the corpus stages are measured by benchmarks/pipeline.py.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from marsad import boilerplate, ingest  # noqa: E402
from marsad.pipeline import count_lines, decode_document  # noqa: E402
from marsad.records import Rejected  # noqa: E402
from marsad.store import Store  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet" / "dataset"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--limit", type=int, default=None, help="stop after this many documents")
    parser.add_argument("--store", default=None, help="store file (default: a temporary one)")
    args = parser.parse_args()
    store_path = args.store or str(Path(tempfile.mkdtemp()) / "bench.sqlite")

    started = time.perf_counter()
    stats = count_lines(args.paths, ingest.DEFAULT_MAX_BYTES)
    t_stats = time.perf_counter() - started
    stored = rejected = 0
    batch = []
    t_clean = t_store = 0.0
    with Store(store_path) as store:
        items = ingest.read_paths(args.paths)
        for item in islice(items, args.limit):
            if isinstance(item, Rejected):
                rejected += 1
                continue
            t = time.perf_counter()
            text = decode_document(item, ingest.DEFAULT_MAX_BYTES)
            if isinstance(text, Rejected):
                rejected += 1
                continue
            try:
                batch.append(boilerplate.clean_document(item, text, stats))
            except boilerplate.NoArticleText:
                rejected += 1
            t_clean += time.perf_counter() - t
            if len(batch) >= 500:
                t = time.perf_counter()
                store.save_articles(batch)
                stored += len(batch)
                batch.clear()
                t_store += time.perf_counter() - t
        t = time.perf_counter()
        store.save_articles(batch)
        stored += len(batch)
        t_store += time.perf_counter() - t
    total = time.perf_counter() - started
    docs = stored + rejected
    print(f"documents {docs}, stored {stored}, rejected {rejected}")
    print(f"end to end: {total:.1f} s, {docs / total:.0f} articles/s (one core)")
    print(f"  line statistics pass {t_stats:.1f} s, read+decode+clean+metadata {t_clean:.1f} s, store {t_store:.1f} s")
    print(f"peak RSS {peak_rss_mb():.0f} MB; store {Path(store_path).stat().st_size / 1e6:.0f} MB at {store_path}")


if __name__ == "__main__":
    main()
