"""The store: round trips of every record, idempotent inserts, migrations, read-only opening, errors."""
import sqlite3

import pytest

from marsad.records import Article, Entity, Event, Mention, Quote, Rejected, Removed, Story, SummarySentence, Timex
from marsad.store import SCHEMA_VERSION, Store, StoreError

TEXT = "قال وزير الخارجية المغربي ناصر بوريطة في الرباط أمس إن المفاوضات مستمرة."


def make_article(id_="a-000000000001", text=TEXT):
    start = text.index("ناصر")
    return Article(
        id=id_, source="x.txt", text=text, title="عنوان", published="2024-03-02", outlet="hespress",
        removed=[Removed("شارك", "share prompt")],
        mentions=[Mention(start, start + len("ناصر بوريطة"), "ناصر بوريطة", "PER", title="وزير الخارجية المغربي"),
                  Mention(text.index("الرباط"), text.index("الرباط") + 6, "الرباط", "LOC")],
        timexes=[Timex(text.index("أمس"), text.index("أمس") + 3, "أمس", "2024-03-01", "relative")],
        quotes=[Quote("q-1", id_, "reported", "المفاوضات مستمرة", text.index("المفاوضات"), len(text) - 1,
                      verb="قال", speaker_text="ناصر بوريطة", speaker_mention=0)],
        events=[Event("v-1", id_, "statement", text, 0, len(text), date="2024-03-01", date_text="أمس",
                      place_mention=1, participant_mentions=[0])])


def test_round_trip_keeps_every_field(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_articles([make_article()], {"a-000000000001": {"terms": ["x"]}})
        got = store.get_article("a-000000000001")
    want = make_article()
    assert got == want
    for m in got.mentions:
        assert got.text[m.start:m.end] == m.text


def test_saving_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_articles([make_article()])
        store.save_articles([make_article()])
        assert store.count("articles") == 1
        assert store.count("mentions") == 2
        assert store.count("quotes") == 1


def test_entities_link_quotes_and_events(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_articles([make_article()])
        with store.transaction():
            store.replace_entities([Entity("e-1", "PER", "ناصر بوريطة"), Entity("e-2", "LOC", "الرباط")],
                                   [("a-000000000001", 0, "e-1"), ("a-000000000001", 1, "e-2")], {"e-1": 1})
            store.link_quote_speakers()
            store.link_event_entities()
        assert store.quotes()[0].speaker == "e-1"
        event = store.events()[0]
        assert event.place == "e-2" and event.participants == ["e-1"]


def test_stories_round_trip(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_articles([make_article()])
        with store.transaction():
            store.set_article_links({"a-000000000001": "s-1"}, {})
            store.replace_stories([Story("s-1", "عنوان", ["a-000000000001"], "2024-03-02", "2024-03-02",
                                         ["hespress"], [], [SummarySentence("جملة", "a-000000000001", 0, 4)])])
        story = store.get_story("s-1")
        assert story.articles == ["a-000000000001"]
        assert story.summary[0].article == "a-000000000001"


def test_rejected_are_kept_and_forgotten(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_rejected([Rejected("bad.txt", "empty file", 0, None)])
        store.save_rejected([Rejected("bad.txt", "empty file", 0, None)])
        assert [r.source for r in store.rejected()] == ["bad.txt"]
        store.forget_rejected(["bad.txt"])
        assert store.rejected() == []


def test_schema_version_and_newer_store_refused(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_readonly_store_refuses_writes(tmp_path):
    path = tmp_path / "s.sqlite"
    Store(path).close()
    with Store(path, readonly=True) as store:
        with pytest.raises(StoreError):
            store.save_articles([make_article()])
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.sqlite", readonly=True)


def test_not_a_store_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_iter_articles_streams_in_id_order(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.save_articles([make_article(f"a-{i:012d}") for i in range(7)])
        ids = [a.id for a in store.iter_articles(batch=3)]
    assert ids == sorted(ids) and len(ids) == 7
