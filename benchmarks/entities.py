"""Benchmark: entity stage over SaudiNewsNet, and resolution at 150,000 distinct names.

Part 1 (real data): mentions come from marsad.ner (computed first, not timed); then `attach_titles` +
`chain_mentions` per article (CPU, articles/s and characters/s), `collect_names`, and `resolve_entities`
over the whole set; also the incremental path (stats of the first half + stats of the second half, then
resolve) and a check that it equals the full rebuild.
Part 2 (scale): `resolve_entities` on synthetic statistics with --names distinct names (people "first last"
built from ANETAC Arabic person names, a quarter of them respelled with a long vowel inserted or dropped, plus
places and organisations), Zipf-distributed counts; peak RSS reported.

Run: nice -n 10 .venv/bin/python benchmarks/entities.py [--articles 3000] [--names 150000]
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation"))

from marsad import entities  # noqa: E402

ANETAC = Path("/work/shared/data/gazetteers/anetac/en-ar-named-entities.txt")


def real(limit: int) -> None:
    from stories import read_saudinewsnet
    from marsad import ner

    articles = read_saudinewsnet(limit=limit or None)
    for a in articles:
        a.mentions = ner.find_mentions(a.text)
    chars = sum(len(a.text) for a in articles)
    mentions = sum(len(a.mentions) for a in articles)
    c0 = time.process_time()
    for a in articles:
        entities.attach_titles(a)
        entities.chain_mentions(a)
    c1 = time.process_time()
    stats = entities.collect_names(articles)
    c2 = time.process_time()
    resolution = entities.resolve_entities(stats)
    c3 = time.process_time()
    half = len(articles) // 2
    incremental = entities.collect_names(articles[:half])
    incremental.add(entities.collect_names(articles[half:]))
    same = entities.resolve_entities(incremental) == resolution
    titled = sum(1 for a in articles for m in a.mentions if m.title)
    chained = sum(1 for a in articles for m in a.mentions if m.name != m.text.replace("_", " "))
    print(f"SaudiNewsNet: {len(articles)} articles, {chars:,} characters, {mentions:,} mentions "
          f"({titled:,} with a title, {chained:,} chained)")
    print(f"  titles+chaining: {c1 - c0:.1f}s CPU -> {len(articles) / (c1 - c0):,.0f} articles/s, "
          f"{chars / (c1 - c0) / 1e6:.2f} M chars/s")
    print(f"  collect_names: {c2 - c1:.1f}s; resolve_entities: {c3 - c2:.1f}s for {len(stats.names):,} distinct "
          f"names -> {len(resolution.entities):,} entities; incremental == full rebuild: {same}")


def synthetic_stats(n: int, seed: int = 11) -> entities.NameStats:
    rng = random.Random(seed)
    persons, places = [], []
    for line in ANETAC.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 3:
            (persons if fields[0] == "PERSON" else places).append(fields[2])

    def respell(word: str) -> str:
        i = rng.randrange(1, max(2, len(word) - 1))
        return word[:i] + word[i + 1:] if word[i] in "اوي" else word[:i] + rng.choice("اوي") + word[i:]

    stats = entities.NameStats()
    names = set()
    while len(names) < n:
        roll = rng.random()
        if roll < 0.75:
            first, last = rng.choice(persons), rng.choice(persons)
            if rng.random() < 0.25:
                last = respell(last)
            names.add(("PER", f"{first} {last}"))
            if rng.random() < 0.3:
                names.add(("PER", last))
        elif roll < 0.9:
            names.add(("LOC", rng.choice(places)))
        else:
            names.add(("ORG", f"{rng.choice(('منظمة', 'شركة', 'حركة', 'هيئة'))} {rng.choice(places)}"))
    for rank, (type, name) in enumerate(sorted(names), 1):
        count = max(1, int(1000 / (1 + rng.random() * rank ** 0.5)))
        stats.names[(type, entities.match_form(name))] = entities.NameCount(count, Counter({name: count}))
    return stats


def scale(n: int) -> None:
    stats = synthetic_stats(n)
    c0 = time.process_time()
    resolution = entities.resolve_entities(stats)
    c1 = time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"synthetic: {len(stats.names):,} distinct names -> {len(resolution.entities):,} entities in "
          f"{c1 - c0:.1f}s CPU ({len(stats.names) / (c1 - c0):,.0f} names/s); peak RSS {rss:,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000, help="SaudiNewsNet articles (0: all 31,030)")
    parser.add_argument("--names", type=int, default=150_000)
    args = parser.parse_args()
    real(args.articles)
    scale(args.names)


if __name__ == "__main__":
    main()
