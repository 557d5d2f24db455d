"""Benchmark: CPU time per article of each per-article stage, and of build_story per story, on SaudiNewsNet.

Runs what `marsad.pipeline.analyze_document` runs, stage by stage, in one process: clean, ner, titles
(entities.attach_titles + chain_mentions), dates, quotes, events, features (cluster.story_features). Then
groups the articles into stories (cluster.cluster_articles, not timed) and times build_story (title and
summary) per story, by story size. Times are process CPU time, so other jobs on the machine inflate them
less than wall time; caches warm up as they would in a worker (the first article is not excluded).

Run: nice -n 10 .venv/bin/python benchmarks/stages.py [--articles 2000] [--data DIR]

Recorded on the shared 2-core machine (load about 1), 2,000 articles, ms of CPU per article (per story for
build_story), before and after the speed work on quotes/events/referents/lexicon/cluster/summarise (same
outputs: tests/test_golden_stages.py), the two runs back to back:

    stage          before   after
    quotes           2.47    1.90     (tokens and referents now computed here once for events too)
    events           2.58    0.36
    features         1.81    1.25
    build_story 1    2.77    1.93     (1,410 / 1,358 stories of one article)
    build_story 2-3  3.96    2.58

The first 500 articles of the corpus are its longest (4-6k characters), so these figures are above the
corpus-wide average, and caches (word normalisation, phrase starts) are still filling up.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad import boilerplate, cluster, dates, entities, events, ingest, ner, quotes  # noqa: E402
from marsad.pipeline import decode_document  # noqa: E402
from marsad.records import Document  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet" / "dataset"
STAGES = ("clean", "ner", "titles", "dates", "quotes", "events", "features")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    seconds: dict[str, float] = defaultdict(float)
    articles, features = [], []
    for item in ingest.read_paths([args.data]):
        if not isinstance(item, Document):
            continue
        text = decode_document(item, ingest.DEFAULT_MAX_BYTES)
        if not isinstance(text, str):
            continue
        t = time.process_time()
        try:
            article = boilerplate.clean_document(item, text, None)
        except boilerplate.NoArticleText:
            continue
        t1 = time.process_time()
        seconds["clean"] += t1 - t
        article.mentions = ner.find_mentions(article.text)
        t2 = time.process_time()
        seconds["ner"] += t2 - t1
        entities.attach_titles(article)
        entities.chain_mentions(article)
        t3 = time.process_time()
        seconds["titles"] += t3 - t2
        article.timexes = dates.find_timexes(article.text, article.published)
        t4 = time.process_time()
        seconds["dates"] += t4 - t3
        article.quotes = quotes.find_quotes(article)
        t5 = time.process_time()
        seconds["quotes"] += t5 - t4
        article.events = events.find_events(article)
        t6 = time.process_time()
        seconds["events"] += t6 - t5
        features.append(cluster.story_features(article))
        seconds["features"] += time.process_time() - t6
        articles.append(article)
        if len(articles) >= args.articles:
            break
    n = len(articles)
    if not n:
        sys.exit(f"no articles under {args.data}")

    story_of, _ = cluster.cluster_articles(features, {a.id: a.published for a in articles})
    groups: dict[str, list] = defaultdict(list)
    for a in articles:
        groups[story_of[a.id]].append(a)
    by_size: dict[str, list[float]] = defaultdict(list)
    for story_id in sorted(groups):
        members = groups[story_id]
        t = time.process_time()
        cluster.build_story(story_id, members)
        size = "1" if len(members) == 1 else "2-3" if len(members) <= 3 else "4+"
        by_size[size].append(time.process_time() - t)

    chars = sum(len(a.text) for a in articles)
    print(f"{n} articles, {chars / n:,.0f} characters each on average")
    for stage in STAGES:
        print(f"  {stage:9s} {1000 * seconds[stage] / n:7.2f} ms/article")
    total = sum(seconds.values())
    mine = seconds["quotes"] + seconds["events"]
    print(f"  {'all':9s} {1000 * total / n:7.2f} ms/article ({n / total:.0f} articles/s on one core); "
          f"quotes+events {1000 * mine / n:.2f} ms")
    all_stories = [s for v in by_size.values() for s in v]
    print(f"{len(groups)} stories: build_story {1000 * sum(all_stories) / len(all_stories):.2f} ms/story")
    for size in ("1", "2-3", "4+"):
        if by_size[size]:
            v = by_size[size]
            print(f"  {size:4s} articles: {len(v):5d} stories, {1000 * sum(v) / len(v):6.2f} ms/story")


if __name__ == "__main__":
    main()
