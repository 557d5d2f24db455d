"""Golden outputs of the per-article extraction stages and the story stage: a speed-up must not change them.

tests/fixtures/golden/articles.json holds ~40 articles (the fixture articles of tests/fixtures/pipeline and
tests/fixtures/cleaning, cleaned, and articles put together from the sentences the stage tests were written
with, in several outlets' styles) with their mentions and timexes frozen, so neither the NER model nor the
dates module can move the result; plus story groups of 1-3 articles. The other JSON files there hold what
find_quotes, find_events, story_features and build_story (with its summary) gave on them when recorded.

Re-record only when a change of behaviour is intended, and say so in the commit:
    .venv/bin/python tests/fixtures/golden/record.py outputs

The last tests check the caches that make these stages fast (the last text's tokens, the last article's
referents, the words a phrase table has seen) against the uncached answers.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from marsad import cluster, events, lexicon, quotes, referents, summarise
from marsad.arabic import tokenize
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


# --- the caches behind the speed never change a result --------------------------------------------------------

_GULF = ("استقبل وزير الخارجية خالد المنصوري في أبوظبي اليوم نظيره العُماني، وبحث الجانبان سُبل تعزيز التعاون. "
         "وقال وزير الخارجية إن «العلاقات بين البلدين تشهد نمواً مطرداً في كل المجالات».\n"
         "وأكد المنصوري أن الـلجنة المشتركة ستجتمع في مسقط الشهر المقبل لمتابعة ٣ اتفاقيات.")


def _article(text: str, names: dict[str, str], titles: dict[str, str] | None = None) -> Article:
    mentions = []
    for name, typ in names.items():
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name, typ, title=(titles or {}).get(name)))
            start = text.find(name, start + len(name))
    mentions.sort(key=lambda m: m.start)
    return Article(id="a-cache", source="test", text=text, mentions=mentions)


def test_tokenized_is_the_tokens_of_the_text_asked_for():
    first = lexicon.tokenized(_GULF)
    assert first.tokens == tokenize(_GULF)
    assert first.starts == [t.start for t in first.tokens]
    assert first.words_before[-1] == sum(1 for t in first.tokens if lexicon.is_word(t))
    assert "المنصوري" in first.words and "،" not in first.words
    other = lexicon.tokenized("نص آخر قصير")
    assert [t.text for t in other.tokens] == ["نص", "آخر", "قصير"]
    assert lexicon.tokenized(_GULF[:]).tokens == first.tokens


def test_referents_follow_a_change_of_mentions_on_the_same_text():
    a = _article(_GULF, {"خالد المنصوري": "PER", "المنصوري": "PER"})
    before = referents.find_referents(a)
    assert any(r.text == "وزير الخارجية" for r in before)        # the title resolves to the one minister
    a.mentions = [m for m in a.mentions if m.text != "المنصوري"]
    a.mentions.append(Mention(_GULF.index("أبوظبي"), _GULF.index("أبوظبي") + 6, "أبوظبي", "ORG"))
    a.mentions.sort(key=lambda m: m.start)
    after = referents.find_referents(a)
    referents._last_read = None
    assert after == referents.find_referents(a) != before


def test_first_words_mark_every_token_a_phrase_matches_at(monkeypatch):
    table = lexicon.PhraseTable([("استقبل", "meet"), ("بحث ... مع", "talks"), ("لجنة مشتركة", "body"),
                                 ("قال", "say")])
    monkeypatch.setattr(lexicon, "CACHED_WORDS", 5)              # the caches are emptied and refilled
    for text in (_GULF, "وبحث الوزير مع نظيره، وقالت اللجنة المشتركة", _GULF):
        read = lexicon.tokenized(text)
        starts = lexicon.positions(read.tokens, table.first_words(read.words))
        hits = [i for i in range(len(read.tokens)) if table.match(read.tokens, i) is not None]
        assert set(hits) <= set(starts) and hits
        assert table.first_words(list(read.words)) == table.first_words(read.words)


def test_split_once_vectors_equal_the_public_ones():
    title = "الإمارات وعُمان تبحثان تعزيز التعاون ـــ"
    words = cluster._words(_GULF)
    assert cluster.words_vector(cluster._words(title), words[:cluster.LEAD_TOKENS]) == cluster.story_vector(title, _GULF)
    assert cluster.words_vector([], words[:3]) == cluster.story_vector(None, _GULF, 3)
    assert cluster._signature(words) == cluster.body_signature(_GULF) != ""
    assert cluster.body_signature("ـــ ـــ ـــ كلمة") == ""


def test_a_given_centroid_gives_the_same_title_and_summary():
    a = Article(id="a-1", source="t", text=_GULF, title="المنصوري يستقبل نظيره العماني في أبوظبي",
                published="2024-05-02")
    b = Article(id="a-2", source="t", text=_GULF.replace("اليوم", "أمس"), title="مباحثات إماراتية عمانية",
                published="2024-05-03")
    center = summarise.centroid(sorted([a, b], key=lambda x: (x.published, x.id)))
    assert cluster.story_title([b, a], center) == cluster.story_title([b, a])
    assert summarise.summarise([b, a], 3, center) == summarise.summarise([b, a], 3)
