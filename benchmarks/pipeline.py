"""End-to-end `marsad analyze` with every stage on: articles/s, peak RSS, each stage's share of the time.

    .venv/bin/python benchmarks/pipeline.py [--workers 1 2] [--fractions 0.25 0.5 1] [--source DIR]

Default input: SaudiNewsNet (../shared/data/news/saudinewsnet/dataset, 31,030 articles). For each fraction a
JSON-lines file of the first articles (in the corpus's own order) is written once, then analysed into a fresh
store with each worker count. Each run is a separate process, so its peak RSS is its own (the main process's
and the largest worker's are both reported).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "dataset"


def write_sample(source: Path, n: int | None, out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from marsad.ingest import read_paths
    from marsad.records import Document
    count = 0
    with open(out, "w", encoding="utf-8") as fh:
        for item in read_paths([source]):
            if not isinstance(item, Document):
                continue
            fh.write(json.dumps({"title": item.title_hint, "content": item.text, "url": item.url,
                                 "source": item.outlet_hint, "date_extracted": item.published_hint,
                                 "author": item.author_hint}, ensure_ascii=False) + "\n")
            count += 1
            if n is not None and count >= n:
                break
    return count


def run_once(sample: Path, workers: int) -> dict:
    """One analyze run in a child process; returns its figures."""
    code = f"""
import json, resource, time, sys
sys.path.insert(0, {str(ROOT)!r})
from marsad.pipeline import analyze
from marsad.store import Store
store = Store({str(Path(tempfile.mkdtemp()) / 'bench.sqlite')!r})
t = time.perf_counter()
s = analyze([{str(sample)!r}], store, workers={workers})
wall = time.perf_counter() - t
print(json.dumps({{"wall": wall, "stored": s.stored, "rejected": len(s.rejected),
    "stages": dict(s.stage_seconds),
    "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "stories": store.count("stories"), "entities": store.count("entities")}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=DEFAULT)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--fractions", type=float, nargs="+", default=[1.0])
    parser.add_argument("--total", type=int, default=31_030, help="articles in the whole corpus")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    for fraction in args.fractions:
        n = None if fraction >= 1 else int(args.total * fraction)
        sample = tmp / f"sample-{fraction}.jsonl"
        docs = write_sample(args.source, n, sample)
        for workers in args.workers:
            r = run_once(sample, workers)
            total = sum(r["stages"].values()) or 1.0
            shares = ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in
                               sorted(r["stages"].items(), key=lambda kv: -kv[1]))
            print(f"fraction {fraction:<4} docs {docs:>6} workers {workers}: {r['wall']:.0f} s, "
                  f"{docs / r['wall']:.0f} articles/s, stored {r['stored']}, rejected {r['rejected']}, "
                  f"stories {r['stories']}, entities {r['entities']}, peak RSS main {r['rss_main_mb']:.0f} MB, "
                  f"largest worker {r['rss_worker_mb']:.0f} MB", flush=True)
            print(f"    stage time (summed over processes): {shares}", flush=True)


if __name__ == "__main__":
    main()
