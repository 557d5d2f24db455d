"""Golden outputs of the per-article extraction stages and the story stage: a speed-up must not change them.

tests/fixtures/golden/articles.json holds ~40 articles (the fixture articles of tests/fixtures/pipeline and
tests/fixtures/cleaning, cleaned, and articles put together from the sentences the stage tests were written
with, in several outlets' styles) with their mentions and timexes frozen, so neither the NER model nor the
dates module can move the result; plus story groups of 1-3 articles. The other JSON files there hold what
find_quotes, find_events, story_features and build_story (with its summary) gave on them when recorded.

Re-record only when a change of behaviour is intended, and say so in the commit:
    .venv/bin/python tests/fixtures/golden/record.py outputs
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from marsad import cluster, events, quotes, summarise
from marsad.records import Article, Mention, Timex

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
LONG_LINE_CHARS = 50_000
OUTPUTS = ("quotes", "events", "features", "stories")


def load_inputs() -> tuple[list[Article], list[list[str]]]:
    """The frozen articles (with a 50,000-character one-line article made from all of them) and the story
    groups (lists of article ids)."""
    data = json.loads((GOLDEN / "articles.json").read_text(encoding="utf-8"))
    articles = []
    for raw in data["articles"]:
        raw = dict(raw)
        raw["mentions"] = [Mention(**m) for m in raw.get("mentions", [])]
        raw["timexes"] = [Timex(**t) for t in raw.get("timexes", [])]
        articles.append(Article(**raw))
    line = " ".join(a.text for a in articles).replace("\n", " ")
    while len(line) < LONG_LINE_CHARS:
        line = line + " " + line
    articles.append(Article(id="a-long-line", source="generated", text=line[:LONG_LINE_CHARS]))
    return articles, data["groups"]


def _plain(value):
    """Records as JSON values (dataclasses as dicts, tuples as lists), as they come back from the file."""
    return json.loads(json.dumps(value, default=dataclasses.asdict, ensure_ascii=False))


def run_stages(articles: list[Article], groups: list[list[str]]) -> dict[str, object]:
    """What the pipeline computes per article (quotes, then events, which read them; story features) and
    per story (build_story, which includes the summary), as JSON values keyed by article id / story."""
    out: dict[str, dict] = {name: {} for name in OUTPUTS}
    for a in articles:
        a.quotes = quotes.find_quotes(a)
        out["quotes"][a.id] = _plain([dataclasses.asdict(q) for q in a.quotes])
        a.events = events.find_events(a)
        out["events"][a.id] = _plain([dataclasses.asdict(e) for e in a.events])
        out["features"][a.id] = _plain(cluster.story_features(a))
    by_id = {a.id: a for a in articles}
    for n, ids in enumerate(groups):
        members = [by_id[i] for i in ids]
        story = cluster.build_story(f"s-golden-{n}", members)
        out["stories"][story.id] = _plain(dataclasses.asdict(story))
        out["stories"][story.id]["summary_3"] = _plain(
            [dataclasses.asdict(s) for s in summarise.summarise(members, 3)])
    return out


@pytest.fixture(scope="module")
def computed() -> dict[str, object]:
    articles, groups = load_inputs()
    return run_stages(articles, groups)


@pytest.mark.parametrize("name", OUTPUTS)
def test_outputs_match_the_recorded_ones(computed, name):
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    got = computed[name]
    assert sorted(got) == sorted(expected)
    for key in expected:
        assert got[key] == expected[key], f"{name} of {key} changed"


def test_golden_set_exercises_every_stage(computed):
    """The fixture would let a breakage through if it held no quotes of a kind, no events, no summaries."""
    kinds = {q["kind"] for qs in computed["quotes"].values() for q in qs}
    assert kinds == {"direct", "reported"}
    assert sum(q["speaker_mention"] is not None for qs in computed["quotes"].values() for q in qs) >= 20
    types = {e["type"] for es in computed["events"].values() for e in es}
    assert len(types) >= 5
    assert sum(1 for es in computed["events"].values() for e in es if e["date"]) >= 10
    stories = computed["stories"].values()
    assert sum(len(s["summary"]) >= 3 for s in stories) >= 5
    assert sum(len(s["articles"]) >= 2 for s in stories) >= 8
    assert len(computed["quotes"]) >= 40
