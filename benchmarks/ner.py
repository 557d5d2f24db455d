"""Throughput of `marsad.ner.find_mentions` on one core, and the model's load time.

    .venv/bin/python benchmarks/ner.py                      # first 2,000 SaudiNewsNet articles
    .venv/bin/python benchmarks/ner.py --articles 500 --news /path/to/saudinewsnet/dataset
    .venv/bin/python benchmarks/ner.py --tagger neural      # the numpy tagger of marsad/ner_neural.py

Tokens are counted as the tagger counts them (words and punctuation). The first pass runs with a cold
feature cache, as a fresh worker would; a second pass over the same text shows the warm-cache rate.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NEWS = Path("/work/shared/data/news/saudinewsnet/dataset")


def news_texts(folder: Path):
    import json
    import zipfile
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in sorted(zf.namelist()):
                for item in json.loads(zf.read(member)):
                    yield item.get("content") or ""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", type=Path, default=NEWS)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--tagger", choices=("crf", "neural"), default=None,
                        help="tagger behind find_mentions (default: as MARSAD_NER picks)")
    args = parser.parse_args(argv)
    if args.tagger:
        os.environ["MARSAD_NER"] = args.tagger
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core

    t0 = time.perf_counter()
    from marsad import ner
    from marsad.arabic import tokenize
    tagger = ner.active_tagger()
    load = time.perf_counter() - t0
    texts = list(islice(news_texts(args.news), args.articles))
    tokens = sum(len(tokenize(t)) for t in texts)
    chars = sum(len(t) for t in texts)
    labels = len(tagger.crf.labels()) if hasattr(tagger, "crf") else len(tagger.network.arrays["news_out_b"])
    print(f"model load: {load:.3f}s ({type(tagger).__name__}, labels {labels}, "
          f"{len(tagger.lexicons.names)} name tokens, {len(tagger.lexicons.clusters)} clustered words)")
    print(f"input: {len(texts)} articles, {tokens:,} tokens, {chars:,} characters")
    for run in ("cold cache", "warm cache"):
        t1, c1 = time.perf_counter(), time.process_time()
        mentions = sum(len(ner.find_mentions(t)) for t in texts)
        wall, cpu = time.perf_counter() - t1, time.process_time() - c1
        print(f"{run}: {mentions:,} mentions in {wall:.1f}s wall / {cpu:.1f}s CPU -> "
              f"{tokens / cpu:,.0f} tokens/s per core (CPU time), {tokens / wall:,.0f} wall")


if __name__ == "__main__":
    main()
