"""Benchmark: quotes and events per article over SaudiNewsNet, on one core.

Mentions (marsad.ner) and timexes (marsad.dates) are computed first and not timed; then `find_quotes` and
`find_events` run over the same articles and their CPU time is reported (articles/s and characters/s), with
counts by kind/type and the time for one 50,000-character line. When the NER model or the dates module is
missing, the stages run without mentions or dates (their figures then flatter them slightly).

Run: nice -n 10 .venv/bin/python benchmarks/quotes_events.py [--articles 1000] [--data DIR]
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.events import find_events  # noqa: E402
from marsad.quotes import find_quotes  # noqa: E402
from marsad.records import Article  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/news/saudinewsnet/dataset")


def read_articles(data: Path, limit: int) -> list[Article]:
    out: list[Article] = []
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                for item in json.loads(z.read(name)):
                    text = item.get("content") or ""
                    published = (item.get("date_extracted") or "")[:10] or None
                    out.append(Article(id=f"a-{len(out)}", source=str(path), text=text, published=published))
                    if len(out) >= limit:
                        return out
    return out


def annotate(articles: list[Article]) -> None:
    try:
        from marsad.ner import find_mentions
    except Exception as exc:                                   # noqa: BLE001 - report and go on without
        print(f"no NER ({exc}); mentions left empty")
        find_mentions = None
    try:
        from marsad.dates import find_timexes
    except Exception as exc:                                   # noqa: BLE001
        print(f"no dates ({exc}); timexes left empty")
        find_timexes = None
    for a in articles:
        if find_mentions is not None:
            a.mentions = find_mentions(a.text)
        if find_timexes is not None:
            a.timexes = find_timexes(a.text, a.published)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    articles = read_articles(args.data, args.articles)
    if not articles:
        sys.exit(f"no articles under {args.data}")
    annotate(articles)
    chars = sum(len(a.text) for a in articles)
    find_quotes(articles[0])
    find_events(articles[0])                                   # word lists loaded before timing

    t = time.process_time()
    kinds: collections.Counter = collections.Counter()
    with_speaker = 0
    for a in articles:
        a.quotes = find_quotes(a)
        kinds.update(q.kind for q in a.quotes)
        with_speaker += sum(q.speaker_mention is not None for q in a.quotes)
    quote_s = time.process_time() - t

    t = time.process_time()
    types: collections.Counter = collections.Counter()
    dated = 0
    for a in articles:
        a.events = find_events(a)
        types.update(e.type for e in a.events)
        dated += sum(e.date is not None for e in a.events)
    event_s = time.process_time() - t

    line = " ".join(a.text for a in articles)[:50_000].replace("\n", " ")
    long_article = Article(id="a-long", source="long", text=line)
    t = time.process_time()
    find_quotes(long_article)
    find_events(long_article)
    long_s = time.process_time() - t

    n = len(articles)
    print(f"{n} articles, {chars:,} characters")
    print(f"quotes: {quote_s:.2f}s CPU, {n / quote_s:.0f} articles/s, {chars / quote_s / 1e3:.0f}k chars/s; "
          f"{sum(kinds.values())} quotes {dict(kinds)}, {with_speaker} with a speaker mention")
    print(f"events: {event_s:.2f}s CPU, {n / event_s:.0f} articles/s, {chars / event_s / 1e3:.0f}k chars/s; "
          f"{sum(types.values())} events {dict(types)}, {dated} dated")
    print(f"one 50,000-character line: {long_s:.3f}s CPU for both stages")


if __name__ == "__main__":
    main()
