"""Exports: the marsad.export/1 shape, offsets that hold, every kind present, JSONL and CSV from one path."""
import csv
import io
import json

import pytest

from marsad.export import ExportError, export_store
from marsad.records import Entity, Story, SummarySentence
from marsad.store import Store
from tests.test_store import make_article

DATE = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.sqlite") as s:
        s.save_articles([make_article("a-000000000001"), make_article("a-000000000002", "نص آخر " + make_article().text)])
        with s.transaction():
            s.replace_entities([Entity("e-1", "PER", "ناصر بوريطة", ["ناصر بوريطة"], ["وزير الخارجية المغربي"])],
                               [("a-000000000001", 0, "e-1"), ("a-000000000002", 0, "e-1")], {"e-1": 2})
            s.link_quote_speakers()
            s.link_event_entities()
            s.set_article_links({"a-000000000001": "s-1", "a-000000000002": "s-1"}, {"a-000000000002": "a-000000000001"})
            s.replace_stories([Story("s-1", "عنوان", [], "2024-03-02", "2024-03-02", ["hespress"], ["e-1"],
                                     [SummarySentence("قال", "a-000000000001", 0, 3)])])
        yield s


def export_json(store, **kw):
    buf = io.StringIO()
    export_store(store, buf, "json", **kw)
    return json.loads(buf.getvalue())


def test_json_has_contract_shape_and_offsets_hold(store):
    doc = export_json(store)
    assert doc["schema"] == "marsad.export/1"
    assert set(doc) >= {"generated", "articles", "entities", "quotes", "events", "stories"}
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for a in doc["articles"]:
        assert {"id", "source", "url", "outlet", "title", "published", "dateline", "agency", "language", "text",
                "removed", "story"} <= set(a)
        assert a["removed"] == [{"line": "شارك", "why": "share prompt"}]
    import re
    assert all(re.match(DATE, a["published"]) for a in doc["articles"])
    entity = doc["entities"][0]
    assert len(entity["mentions"]) == 2
    for m in entity["mentions"]:
        assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    assert doc["quotes"][0]["speaker"] == "e-1"
    assert doc["events"][0]["participants"] == ["e-1"]
    story = doc["stories"][0]
    assert story["articles"] == ["a-000000000001", "a-000000000002"]
    assert story["summary"] == ["قال"]


def test_empty_store_still_has_every_key(tmp_path):
    with Store(tmp_path / "e.sqlite") as s:
        doc = export_json(s)
    for key in ("articles", "entities", "quotes", "events", "stories"):
        assert doc[key] == []


def test_export_is_identical_but_for_generated(store):
    one, two = export_json(store), export_json(store)
    one.pop("generated"), two.pop("generated")
    assert one == two


def test_subset_keeps_only_its_articles(store):
    doc = export_json(store, article_ids=["a-000000000002"])
    assert [a["id"] for a in doc["articles"]] == ["a-000000000002"]
    assert [m["article"] for m in doc["entities"][0]["mentions"]] == ["a-000000000002"]
    assert all(q["article"] == "a-000000000002" for q in doc["quotes"])
    assert doc["stories"][0]["articles"] == ["a-000000000002"]


def test_jsonl_and_csv(store):
    buf = io.StringIO()
    export_store(store, buf, "jsonl")
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert lines[0]["record"] == "header" and lines[0]["schema"] == "marsad.export/1"
    assert sum(1 for x in lines if x["record"] == "articles") == 2
    whole = io.StringIO()
    export_store(store, whole, "json")
    exported = json.loads(whole.getvalue())
    for key in ("articles", "entities", "quotes", "events", "stories"):    # the lines rebuild the export
        assert [{k: v for k, v in x.items() if k != "record"} for x in lines if x["record"] == key] \
            == exported[key], key
    assert any(x["record"] == "quotes" and x["kind"] in ("direct", "reported") for x in lines)
    buf = io.StringIO()
    export_store(store, buf, "csv", kind="entities")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["name"] == "ناصر بوريطة" and rows[0]["mentions"] == "2"


def test_unknown_format_is_an_error(store):
    with pytest.raises(ExportError):
        export_store(store, io.StringIO(), "xml")
