"""Events, links between retellings and timelines, on short texts written for these tests.

Mentions and timexes are built by hand so the tests depend on neither the NER model nor the dates module.
"""
from __future__ import annotations

import itertools
import random

import pytest

from marsad.arabic import split_sentences
from marsad.events import find_events, link_events, timeline
from marsad.records import Article, Event, Mention, Quote, Timex, content_id


def article(text: str, names: dict[str, str] | None = None, dates: dict[str, str | None] | None = None,
            aid: str = "a-test", titles: dict[str, str] | None = None) -> Article:
    """Mentions for every occurrence of each name (name -> type) and timexes for every occurrence of each
    date phrase (phrase -> ISO value or None), longest first, never overlapping."""
    def spans(table):
        taken = [False] * len(text)
        for phrase in sorted(table, key=len, reverse=True):
            start = text.find(phrase)
            while start >= 0:
                end = start + len(phrase)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(phrase)
                    yield start, end, phrase
                start = text.find(phrase, end)
    names, dates, titles = names or {}, dates or {}, titles or {}
    mentions = sorted((Mention(s, e, p, names[p], title=titles.get(p)) for s, e, p in spans(names)),
                      key=lambda m: m.start)
    timexes = sorted((Timex(s, e, p, dates[p]) for s, e, p in spans(dates)), key=lambda t: t.start)
    return Article(id=aid, source="test", text=text, mentions=mentions, timexes=timexes)


def names_of(a: Article, indexes: list[int]) -> list[str]:
    return [a.mentions[i].text for i in indexes]


def check(a: Article, events: list[Event]) -> None:
    for e in events:
        assert a.text[e.start:e.end] == e.sentence
        assert e.id == content_id("v", a.id, e.start, e.end, e.date_text or "")
        if e.date_text is not None:
            assert e.date_text in e.sentence


# --- sentence splitting --------------------------------------------------------------------------------------

def test_split_sentences_keeps_offsets_and_skips_decimals_and_initials():
    text = "  قال د. سمير إن النمو بلغ 5.7 في المئة، وهو الأعلى. وأضاف: «سنواصل».\nسطر آخر؟ نعم!  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "قال د. سمير إن النمو بلغ 5.7 في المئة، وهو الأعلى.", "وأضاف: «سنواصل».", "سطر آخر؟", "نعم!"]


def test_split_sentences_empty():
    assert split_sentences("") == [] and split_sentences("\n \n") == []


# --- event types --------------------------------------------------------------------------------------------

def test_meeting_with_date_place_and_participants():
    text = "والتقى رئيس الوزراء أيمن الشريف، أمس الأربعاء، وزير الخارجية التركي في قصر الضيافة ببغداد."
    a = article(text, {"أيمن الشريف": "PER", "بغداد": "LOC"}, {"أمس الأربعاء": "2024-03-06"})
    [e] = find_events(a)
    check(a, [e])
    assert (e.type, e.date, e.date_text, e.trigger) == ("meeting", "2024-03-06", "أمس الأربعاء", "التقى")
    assert names_of(a, [e.place_mention]) == ["بغداد"]
    assert names_of(a, e.participant_mentions) == ["أيمن الشريف"]


def test_visit_undated_strong_trigger_still_gives_an_event():
    text = "وصل وزير الخارجية الأردني أيمن الصفدي إلى دمشق في زيارة رسمية تستمر يومين."
    a = article(text, {"أيمن الصفدي": "PER", "دمشق": "LOC"})
    [e] = find_events(a)
    assert e.type == "visit" and e.date is None and e.date_text is None
    assert names_of(a, [e.place_mention]) == ["دمشق"]


def test_call():
    text = "وتلقى ولي العهد الأمير سلمان بن حمد اتصالاً هاتفياً من رئيس الوزراء البريطاني."
    a = article(text, {"سلمان بن حمد": "PER"})
    [e] = find_events(a)
    assert e.type == "call"


def test_call_wins_over_meeting_words_in_the_same_sentence():
    text = "وبحث قائد الجيش رائد الحمداني مع نظيره الفرنسي خلال مكالمة هاتفية سبل تطوير التعاون العسكري."
    [e] = find_events(article(text, {"رائد الحمداني": "PER"}))
    assert e.type == "call" and e.trigger == "مكالمة هاتفية"


def test_agreement_signed_with_a_gap():
    text = "ووقعت مصر والسعودية اليوم اتفاقية للربط الكهربائي بقيمة مليار دولار في الرياض."
    a = article(text, {"مصر": "LOC", "السعودية": "LOC", "الرياض": "LOC"}, {"اليوم": "2024-05-02"})
    [e] = find_events(a)
    assert e.type == "agreement" and e.trigger == "وقعت"
    assert names_of(a, [e.place_mention]) == ["الرياض"]


def test_memorandum_of_understanding():
    [e] = find_events(article("وشهد الحفل إبرام مذكرة تفاهم بين الجامعة ووزارة الصحة لتدريب الكوادر.",
                              {"وزارة الصحة": "ORG"}))
    assert e.type == "agreement"


def test_statement_strong_and_weak():
    strong = article("أعلنت وزارة الصحة تسجيل إصابات جديدة بالحمى في ثلاث محافظات.", {"وزارة الصحة": "ORG"})
    [e] = find_events(strong)
    assert e.type == "statement" and e.trigger == "أعلنت"
    assert names_of(strong, e.participant_mentions) == ["وزارة الصحة"]
    assert find_events(article("وأكد المتحدث أن الوضع الصحي تحت السيطرة.", {"المتحدث": "PER"})) == []
    dated = article("وأكد المتحدث يوم الأحد أن الوضع الصحي تحت السيطرة.", {"المتحدث": "PER"},
                    dates={"يوم الأحد": "2024-01-07"})
    [e] = find_events(dated)
    assert e.type == "statement" and e.date == "2024-01-07"


def test_milestone_needs_a_date():
    text = "وفي عام 2011 منح الحلف العراق صفة شريك من خارج دول الحلف."
    a = article(text, {"العراق": "LOC"}, {"عام 2011": "2011"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("milestone", "2011", "منح")
    assert find_events(article("ومنح الحلف العراق صفة شريك من خارج دول الحلف.")) == []


def test_sentence_opening_on_a_date_is_a_milestone_without_trigger():
    text = "وفي يناير 2017 تمركزت مجموعة من الخبراء في بغداد لتنسيق برامج التعاون.\n23 ديسمبر 2021"
    a = article(text, {"بغداد": "LOC"}, {"يناير 2017": "2017-01", "23 ديسمبر 2021": "2021-12-23"})
    events = find_events(a)
    assert [(e.type, e.date) for e in events] == [("milestone", "2017-01")]    # the bare dateline is not one


def test_other_event():
    text = "وقصفت طائرات مسيرة مواقع في ريف إدلب فجر اليوم."
    [e] = find_events(article(text, {"إدلب": "LOC"}))
    assert e.type == "other"


def test_verb_triggers_take_no_article_or_preposition_but_nouns_do():
    assert find_events(article("وينصح الخبراء بالتوجه إلى الأسواق الناشئة، لتصل إلى أرباح أعلى.")) == []
    [e] = find_events(article("وأشاد الوزير بالاتفاق الذي جرى التوصل إليه، وذلك خلال زيارته إلى أنقرة.",
                              {"أنقرة": "LOC"}))
    assert e.type == "visit" and e.trigger == "زيارته إلى"


def test_event_needs_someone_or_somewhere():
    assert find_events(article("ومن يزور المدينة في الصيف يستمتع بشواطئها وأسواقها القديمة.")) == []
    assert find_events(article("وأكدت التجربة أن التوقيع بالأحرف الأولى لا يعني التوقيع النهائي.")) == []


def test_sentence_without_trigger_gives_no_event():
    assert find_events(article("وتتميز المدينة بطقس معتدل طوال أيام السنة، ويقصدها السياح من كل مكان.")) == []


def test_two_dates_give_two_events():
    text = "وفي الفترة ما بين عام 2004 و2011 بدأ نشاط بعثة الناتو التدريبية في البلاد."
    a = article(text, {"الناتو": "ORG"}, {"عام 2004": "2004", "2011": "2011"})
    events = find_events(a)
    check(a, events)
    assert [(e.date, e.date_text) for e in events] == [("2004", "عام 2004"), ("2011", "2011")]
    assert len({e.id for e in events}) == 2


def test_a_date_made_precise_in_the_same_sentence_counts_once():
    text = "واستقبل الملك، الخميس 4 يوليو 2024، رئيس البرلمان الأوروبي في قصر الحسينية."
    a = article(text, {"البرلمان الأوروبي": "ORG"}, {"الخميس": "2024-07", "4 يوليو 2024": "2024-07-04"})
    [e] = find_events(a)
    assert e.date == "2024-07-04"


def test_undated_relative_date_keeps_its_text():
    a = article("واجتمع الوزير سمير عطا أمس بممثلي النقابات.", {"سمير عطا": "PER"}, {"أمس": None})
    [e] = find_events(a)
    assert e.date is None and e.date_text == "أمس"


def test_date_inside_a_quote_does_not_date_a_trigger_outside_it():
    text = "وشدد الوزير على أن «الحوار الذي بدأناه عام 2020 سيستمر حتى النهاية»."
    a = article(text, dates={"عام 2020": "2020"})
    a.quotes = [Quote("q-1", a.id, "direct", text[text.index("«") + 1:text.index("»")],
                      text.index("«") + 1, text.index("»"))]
    assert find_events(a) == []


def test_place_prefers_a_location_after_fi_over_a_partner():
    text = "واستقبل الوزير نظيره العراقي لبحث التعاون مع العراق في العاصمة عمّان."
    a = article(text, {"العراق": "LOC", "عمّان": "LOC"})
    [e] = find_events(a)
    assert names_of(a, [e.place_mention]) == ["عمّان"]


def test_title_only_participant_and_one_entry_per_name():
    text = ("استقبل رئيس الجمهورية نبيل الخطيب وفد البنك الدولي.\n"
            "والتقى رئيس الجمهورية أمس السفير الياباني في قصر السلام بحضور الخطيب.")
    a = article(text, {"نبيل الخطيب": "PER", "الخطيب": "PER", "البنك الدولي": "ORG"},
                {"أمس": "2024-02-01"}, titles={"نبيل الخطيب": "رئيس الجمهورية"})
    first, second = find_events(a)
    assert names_of(a, first.participant_mentions) == ["نبيل الخطيب", "البنك الدولي"]
    assert names_of(a, second.participant_mentions) == ["نبيل الخطيب"]


def test_bad_input_does_not_crash():
    assert find_events(article("")) == []
    a = article("التقى الوزير الوفد. " * 3000, {"الوزير": "PER"})
    a.mentions.append(Mention(10**6, 10**6 + 3, "xyz", "LOC"))
    a.timexes.append(Timex(-5, 2, "??", "2020"))
    events = find_events(a)
    check(a, events)
    assert len(events) == 3000
    mixed = article("زار Emmanuel Macron مدينة بيروت يوم ٥ آب ٢٠٢٠ بعد الانفجار.", {"Emmanuel Macron": "PER"},
                    {"يوم ٥ آب ٢٠٢٠": "2020-08-05"})
    [e] = find_events(mixed)
    assert e.type == "visit" and names_of(mixed, e.participant_mentions) == ["Emmanuel Macron"]


# --- linking and timelines ---------------------------------------------------------------------------------

def ev(eid: str, art: str, typ: str, date: str | None, people: list[str], start: int = 0) -> Event:
    return Event(id=eid, article=art, type=typ, sentence="…", start=start, end=start + 1, date=date,
                 participants=people)


def test_link_events_merges_retellings_to_the_earliest_dated_transitively():
    events = [
        ev("v-3", "a-2", "meeting", "2021-06-30", ["e-k", "e-s"]),
        ev("v-1", "a-1", "meeting", "2021-06", ["e-k"]),
        ev("v-2", "a-3", "meeting", "2021-06-30", ["e-s"]),
    ]
    link_events(events)
    assert [e.same_as for e in events] == ["v-1", None, "v-1"]


def test_link_events_never_chains_two_days_through_a_vaguer_date():
    events = [
        ev("v-1", "a-1", "meeting", "2021", ["e-k"]),
        ev("v-2", "a-2", "meeting", "2021-06-30", ["e-k"]),
        ev("v-3", "a-3", "meeting", "2021-07-01", ["e-k"]),
    ]
    link_events(events)
    assert [e.same_as for e in events] == [None, "v-1", None]


def test_link_events_does_not_merge_different_dates_people_types_or_same_article():
    events = [
        ev("v-1", "a-1", "meeting", "2021-06-30", ["e-k"]),
        ev("v-2", "a-2", "meeting", "2021-07-01", ["e-k"]),      # another day
        ev("v-3", "a-3", "meeting", "2021-06-30", ["e-x"]),      # nobody shared
        ev("v-4", "a-4", "call", "2021-06-30", ["e-k"]),         # another type
        ev("v-5", "a-1", "meeting", "2021-06-30", ["e-k"]),      # same article
        ev("v-6", "a-5", "meeting", None, ["e-k"]),              # undated vs dated
        ev("v-7", "a-6", "meeting", "2021-06-30", []),           # no participants
    ]
    link_events(events)
    assert all(e.same_as is None for e in events)


def test_link_events_undated_pair_and_order_independence():
    base = [
        ev("v-a", "a-1", "visit", None, ["e-m"]),
        ev("v-b", "a-2", "visit", None, ["e-m", "e-q"]),
        ev("v-c", "a-3", "visit", "2020-08", ["e-m"]),
        ev("v-d", "a-4", "visit", "2020-08-05", ["e-m"]),
        ev("v-e", "a-5", "visit", "2020", ["e-m"]),
    ]
    results = set()
    for perm in itertools.permutations(range(len(base))):
        events = [Event(**vars(base[i])) for i in perm]
        link_events(events)
        results.add(tuple(sorted((e.id, e.same_as) for e in events)))
    assert results == {(("v-a", None), ("v-b", "v-a"), ("v-c", "v-e"), ("v-d", "v-e"), ("v-e", None))}


def test_link_events_resets_old_links():
    events = [ev("v-1", "a-1", "meeting", "2021", ["e-1"]), ev("v-2", "a-2", "meeting", "2022", ["e-1"])]
    events[1].same_as = "v-1"
    link_events(events)
    assert events[1].same_as is None


def test_timeline_orders_by_date_then_article_and_drops_retellings():
    events = [
        ev("v-1", "a-2", "meeting", None, ["e"], start=5),
        ev("v-2", "a-2", "statement", "2021-07-01", ["e"], start=50),
        ev("v-3", "a-1", "statement", "2021-07-01", ["e"], start=90),
        ev("v-4", "a-1", "milestone", "2011", ["e"]),
        ev("v-5", "a-3", "meeting", "2021-06-30T10:00", ["e"]),
        ev("v-6", "a-1", "meeting", "2021-06", ["e"]),
    ]
    events.append(ev("v-7", "a-9", "statement", "2021-07-01", ["e"]))
    events[-1].same_as = "v-3"
    random.Random(1).shuffle(events)
    assert [e.id for e in timeline(events)] == ["v-4", "v-6", "v-5", "v-3", "v-2", "v-1"]


@pytest.mark.parametrize("n", [0, 1])
def test_timeline_small(n):
    events = [ev("v-1", "a-1", "other", None, [])][:n]
    assert timeline(events) == events
