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


# a first sentence with no trigger, so that the sentence after it is no lead (a lead's weak verb is news)
CALM_LEAD = "ويعيش سكان الحي حياة هادئة بعيدا عن ضجيج المدينة الكبيرة. "


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
    assert find_events(article(CALM_LEAD + "وأكد المتحدث أن الوضع الصحي تحت السيطرة.", {"المتحدث": "PER"})) == []
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


def test_a_season_of_two_years_in_a_row_is_one_event():
    """"موسم 2023-2024" is two timexes, as TimeML tags a range, but one season: one crowning, not two."""
    for season, second in (("2023-2024", "2024"), ("2023/2024", "2024")):
        text = f"وتوج الهلال بلقب الدوري لموسم {season} بعد فوزه على الحزم في الرياض."
        a = article(text, {"الهلال": "ORG", "الحزم": "ORG", "الرياض": "LOC"},
                    {"موسم 2023": "2023", second: "2024"})
        events = find_events(a)
        check(a, events)
        assert [(e.type, e.date) for e in events] == [("milestone", "2023")], season
    text = "وتوج الهلال بلقب الدوري في عامي 2023 و2024 بعد فوزه على الحزم في الرياض."
    a = article(text, {"الهلال": "ORG", "الحزم": "ORG", "الرياض": "LOC"}, {"عامي 2023": "2023", "2024": "2024"})
    assert [e.date for e in find_events(a)] == ["2023", "2024"]    # two titles, a year apart


def test_a_date_in_a_since_phrase_dates_what_the_phrase_names_with_its_own_people():
    """"منذ اندلاع المواجهات ... في الثامن من أكتوبر": the date is the outbreak's, not the meeting's, and the
    parties named inside the phrase take no part in the meeting (nor its people in the outbreak)."""
    text = ("التقى رئيس الحكومة نجيب ميقاتي، الأربعاء، الوسيط آموس هوكشتاين في بيروت، في زيارة هي الثالثة له "
            "منذ اندلاع المواجهات بين «حزب الله» وإسرائيل في الثامن من أكتوبر الماضي.")
    a = article(text, {"نجيب ميقاتي": "PER", "آموس هوكشتاين": "PER", "بيروت": "LOC", "حزب الله": "ORG",
                       "إسرائيل": "LOC"},
                {"الأربعاء": "2024-03-06", "الثامن من أكتوبر الماضي": "2023-10-08"})
    events = find_events(a)
    check(a, events)
    got = {(e.type, e.date): names_of(a, e.participant_mentions) for e in events}
    assert got[("meeting", "2024-03-06")] == ["نجيب ميقاتي", "آموس هوكشتاين"]
    assert ("meeting", "2023-10-08") not in got
    assert got.get(("other", "2023-10-08")) == ["حزب الله"]


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


# --- which trigger a date dates ------------------------------------------------------------------------------

def test_a_date_after_a_clause_opener_does_not_date_the_reporting_verb():
    text = CALM_LEAD + "وأوضح المتحدث سامي العبد أن الأسعار ارتفعت في يوليو الماضي بنسبة طفيفة."
    a = article(text, {"سامي العبد": "PER"}, {"يوليو الماضي": "2024-07"})
    assert find_events(a) == []                   # the statement is not from July, and a price rise is no event


def test_a_date_in_reported_content_dates_the_content_trigger():
    text = "وقال المتحدث سامي العبد إن الاجتماع الوزاري سيعقد الأحد المقبل في الدوحة."
    a = article(text, {"سامي العبد": "PER", "الدوحة": "LOC"}, {"الأحد المقبل": "2024-05-12"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("meeting", "2024-05-12", "الاجتماع")
    assert names_of(a, [e.place_mention]) == ["الدوحة"]
    text = "وأوضح المنظم رامي الشهري أن السيرك هو الأول منذ تأسيسه عام 1906."   # a record's start, told by its noun
    a = article(text, {"رامي الشهري": "PER"}, {"عام 1906": "1906"})
    assert [(e.date, e.trigger) for e in find_events(a)] == [("1906", "تأسيسه")]
    text = "وأوضح المنظم رامي الشهري أن السيرك جاب عشرين دولة منذ تأسيسه عام 1906."
    a = article(text, {"رامي الشهري": "PER"}, {"عام 1906": "1906"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("milestone", "1906", "تأسيسه")
    assert e.participant_mentions == []            # the organiser who speaks took no part in the founding


def test_a_date_before_the_opener_still_dates_a_strong_trigger_after_it():
    text = "وقال مسؤول حكومي اليوم إن الحكومة والنقابات توصلت إلى اتفاق نهائي بعد مفاوضات طويلة."
    [e] = find_events(article(text, {"النقابات": "ORG"}, {"اليوم": "2024-05-02"}))
    assert (e.type, e.date) == ("agreement", "2024-05-02")


def test_a_weak_trigger_far_from_the_date_is_not_dated_by_it():
    text = ("ونوه المجلس أمس بالعلاقات التاريخية الراسخة التي تربط البلدين الشقيقين في المجالات الاقتصادية "
            "والثقافية والتعليمية والأمنية والعسكرية منذ عقود طويلة، واستمع إلى نتائج زيارة ولي العهد لعمّان.")
    assert find_events(article(text, {"عمّان": "LOC"}, {"أمس": "2024-05-01"})) == []
    text = ("وتأتي زيارة ولي العهد لعمّان في إطار حرص القيادتين على تعزيز التعاون في المجالات الاقتصادية "
            "والثقافية والتعليمية والأمنية والعسكرية والتنسيق المستمر إزاء القضايا الإقليمية التي نوقشت في "
            "جلسة المجلس أمس.")
    assert find_events(article(text, {"عمّان": "LOC"}, {"أمس": "2024-05-01"})) == []


def test_a_date_goes_to_the_nearest_trigger_before_it_and_each_date_has_its_place():
    text = ("ووافق المجلس على اتفاقية للتعاون الأمني بين وزارتي الداخلية في البلدين لتدريب حرس الحدود، "
            "الموقع عليها في الرياض بتاريخ 8 مارس 2015 وفي برلين بتاريخ 17 مارس 2015.")
    a = article(text, {"الرياض": "LOC", "برلين": "LOC"}, {"8 مارس 2015": "2015-03-08", "17 مارس 2015": "2015-03-17"})
    events = find_events(a)
    assert [(e.type, e.date) for e in events] == [("agreement", "2015-03-08"), ("agreement", "2015-03-17")]
    assert [names_of(a, [e.place_mention]) for e in events] == [["الرياض"], ["برلين"]]


def test_a_year_opening_the_sentence_dates_its_main_trigger_at_any_distance():
    text = ("وفي العام 1910 قام أحد تجار الأراضي في الولاية بشراء مزرعة واسعة في ضواحي المدينة الساحلية "
            "الكبيرة وأطلقت عليها زوجته اسم الوادي الأخضر.")
    [e] = find_events(article(text, {"الوادي الأخضر": "LOC"}, {"العام 1910": "1910"}))
    assert (e.type, e.date, e.trigger) == ("milestone", "1910", "أطلقت")


def test_a_trigger_right_after_a_long_date_is_dated_by_it():
    text = "وأعلن البنك الأهلي أنه اعتبارا من يوم الأربعاء الموافق 12 أغسطس سيبدأ صرف الأرباح للمساهمين."
    a = article(text, {"البنك الأهلي": "ORG"}, {"يوم الأربعاء الموافق 12 أغسطس": "2024-08-12"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("milestone", "2024-08-12", "سيبدأ")   # the date's words are no distance


def test_a_verb_with_a_conjunction_after_the_date_opens_its_own_clause():
    text = CALM_LEAD + "وأكد مصدر في النادي أن العلاقة بين الإدارتين متوترة منذ أمس، وكشف المصدر أن المفاوضات متوقفة."
    assert find_events(article(text, {"النادي": "ORG"}, {"أمس": "2024-05-01"})) == []


def test_an_attribution_is_not_the_event_and_its_date_is_used_only_alone():
    text = "وتوفي 12 شخصا جراء السيول يوم الجمعة الماضي في جنوب البلاد، بحسب ما أعلنت وزارة الصحة أمس."
    a = article(text, {"وزارة الصحة": "ORG"}, {"يوم الجمعة الماضي": "2024-04-26", "أمس": "2024-04-28"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("other", "2024-04-26", "توفي")
    text = "وقتل خمسة أشخاص في انفجار بسوق شعبي في كركوك، بحسب ما أعلن مسؤولون محليون أمس."
    [e] = find_events(article(text, {"كركوك": "LOC"}, {"أمس": "2024-04-28"}))
    assert (e.type, e.date) == ("other", "2024-04-28")    # the report's date is the only one


def test_a_range_of_days_is_one_event_a_range_of_years_two():
    text = "ويقوم الرئيس بزيارة رسمية إلى باريس من 3 إلى 5 مايو المقبل."
    a = article(text, {"باريس": "LOC"}, {"3": "2024-05-03", "5 مايو المقبل": "2024-05-05"})
    assert [e.date for e in find_events(a)] == ["2024-05-03"]


# --- what is no trigger -------------------------------------------------------------------------------------

def test_an_arrival_needs_a_place_after_ila():
    [e] = find_events(article("ووصل وزير الخارجية سامي الحداد إلى بغداد أمس في زيارة تستغرق يومين.",
                              {"سامي الحداد": "PER", "بغداد": "LOC"}, {"أمس": "2024-05-01"}))
    assert (e.type, e.trigger, e.date) == ("visit", "وصل", "2024-05-01")
    [e] = find_events(article("ووصل إلى مطار الملك خالد وفد من رجال الأعمال برئاسة ماهر العلي.",
                              {"ماهر العلي": "PER"}))
    assert (e.type, e.trigger) == ("visit", "وصل إلى")
    [e] = find_events(article("ووصل الوفد إلى جدة مساء أمس.", {"جدة": "LOC"}))
    assert e.trigger == "وصل"                      # a word in the gap: the verb alone
    assert find_events(article("ووصلت نسبة الإنجاز في مشروع الشركة إلى 90 في المائة الأسبوع الماضي.",
                               {"الشركة": "ORG"}, {"الأسبوع الماضي": "2024-04"})) == []
    assert find_events(article("وفشل ريال مدريد في الوصول إلى مرمى منافسه أمس.",
                               {"ريال مدريد": "ORG"}, {"أمس": "2024-05-01"})) == []


def test_a_counted_trigger_is_no_event():
    text = "وخاض اللاعب نادر سعيد مع منتخب بلاده 70 مباراة دولية منذ 2007."
    assert find_events(article(text, {"نادر سعيد": "PER"}, {"2007": "2007"})) == []


def test_what_did_not_happen_is_no_event():
    text = "وكان من المقرر وصول الوفد إلى الرياض أمس لكن الرحلة تأجلت."
    assert find_events(article(text, {"الرياض": "LOC"}, {"أمس": "2024-05-01"})) == []
    text = "ويحصل اللاعب على مكافأة من نادي الشباب بشرط الاتفاق مع الإدارة قبل نهاية الشهر."
    assert find_events(article(text, {"نادي الشباب": "ORG"}, {"نهاية الشهر": "2024-05"})) == []


def test_fixed_expressions_are_no_triggers():
    [e] = find_events(article("وقال الوزير عادل الفارس في معرض حديثه أمس إن الخطة ماضية.",
                              {"عادل الفارس": "PER"}, {"أمس": "2024-05-01"}))
    assert e.type == "statement"
    assert find_events(article("وفقد الاتصال بطائرة الشحن مساء الأحد فوق البحر المتوسط.",
                               {"البحر المتوسط": "LOC"}, {"مساء الأحد": "2024-04-28"})) == []
    assert find_events(article("وقررنا هذه السنة رفع شعار جديد للرحلة مع عائلة الصالحي.",
                               {"الصالحي": "PER"}, {"هذه السنة": "2024"})) == []


def test_nouns_with_a_pronoun_or_the_accusative_alef_are_triggers():
    text = "وعقد الرئيس اليمني أمس اجتماعاً طارئاً مع مستشاريه في عدن."
    [e] = find_events(article(text, {"عدن": "LOC"}, {"أمس": "2024-05-01"}))
    assert (e.type, e.trigger) == ("meeting", "عقد")
    text = "ورفض الوزيران وليد الصافي وسمير خلف، خلال لقائهما في عمّان أمس الأحد، أي محاولة للتهجير."
    a = article(text, {"وليد الصافي": "PER", "سمير خلف": "PER", "عمّان": "LOC"}, {"أمس الأحد": "2024-04-28"})
    [e] = find_events(a)
    assert (e.type, e.trigger) == ("meeting", "لقائهما")
    assert names_of(a, [e.place_mention]) == ["عمّان"]


def test_words_for_common_happenings():
    cases = [
        ("وتلقى الوزير خالد العمر اتصالين هاتفيين أمس من نظيريه.", "call"),
        ("وتوفي الفنان عادل النجار مساء أمس في القاهرة.", "other"),
        ("واتهم الرئيس كمال الدين أمس المعارضة بعرقلة الحوار.", "statement"),
        ("وقدم المدرب لوكاس فيرا استقالته أمس بعد الخسارة.", "milestone"),
        ("وتنطلق بطولة الخليج للناشئين أمس في مسقط.", "milestone"),
        ("ويقيم نادي الفروسية سباقه الصيفي أمس في تبوك.", "other"),
        ("وانتهت مباراة الهلال والنصر أمس بالتعادل.", "other"),
    ]
    for text, typ in cases:
        names = {n: "PER" for n in ("خالد العمر", "عادل النجار", "كمال الدين", "لوكاس فيرا")}
        names.update({"مسقط": "LOC", "تبوك": "LOC", "القاهرة": "LOC", "الهلال": "ORG"})
        [e] = find_events(article(text, names, {"أمس": "2024-05-01"}))
        assert (e.type, e.date) == (typ, "2024-05-01"), text


# --- places --------------------------------------------------------------------------------------------------

def test_a_location_that_is_no_place_of_the_event_is_not_its_place():
    text = "وبدأ تحالف تقوده السعودية حملة جوية على المتمردين في 26 مارس 2015."
    [e] = find_events(article(text, {"السعودية": "LOC"}, {"26 مارس 2015": "2015-03-26"}))
    assert e.place_mention is None                 # the leader of the coalition, not where it happened
    text = "واجتمع الوزير عمر الهادي أمس بمستشاريه لمناقشة الأوضاع الراهنة في اليمن."
    [e] = find_events(article(text, {"عمر الهادي": "PER", "اليمن": "LOC"}, {"أمس": "2024-05-01"}))
    assert e.place_mention is None                 # a topic
    text = "وأشارت الصحف إلى أن مرسيليا قرر أمس الاستغناء عن مدربه."
    [e] = find_events(article(text, {"مرسيليا": "LOC"}, {"أمس": "2024-05-01"}))
    assert e.place_mention is None                 # إلى governs the clause, not the name


def test_a_visited_place_and_a_dateline_are_places():
    a = article("وسيزور الرئيس اليابان الشهر المقبل.", {"اليابان": "LOC"}, {"الشهر المقبل": "2024-06"})
    [e] = find_events(a)
    assert names_of(a, [e.place_mention]) == ["اليابان"]
    a = article("القاهرة - وكالات: أعلنت وزارة الصحة أمس تسجيل إصابات جديدة.", {"القاهرة": "LOC",
                "وزارة الصحة": "ORG"}, {"أمس": "2024-05-01"})
    [e] = find_events(a)
    assert names_of(a, [e.place_mention]) == ["القاهرة"]


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


def test_the_leads_weak_verb_is_the_articles_news_even_undated():
    text = ("أدان وكيل إمارة المنطقة سامي العبد الهجوم الإرهابي على مركز الشرطة. "
            "وأكد العبد أن الأجهزة الأمنية ستلاحق المنفذين.")
    a = article(text, {"سامي العبد": "PER", "العبد": "PER"})
    [e] = find_events(a)                          # the lead's statement; the second sentence retells
    assert (e.type, e.date, e.trigger, e.start) == ("statement", None, "أدان", 0)
    assert names_of(a, e.participant_mentions) == ["سامي العبد"]
    # a short first line is a dateline, not the lead
    a = article("الرياض - واس\n" + text, {"سامي العبد": "PER", "العبد": "PER"})
    assert [e.trigger for e in find_events(a)] == ["أدان"]
    # not a milestone (a dated fact), nor a meeting word without its partner (بحث is also "research")
    assert find_events(article("قرر مجلس الإدارة سامي العبد توزيع الأرباح على المساهمين.", {"سامي العبد": "PER"})) == []
    assert find_events(article("ذكر بحث جديد أعده سامي العبد أن التدخين يضر القلب.", {"سامي العبد": "PER"})) == []
    # a verb form after a preposition is no verb
    assert find_events(article("في أوضح صور الهزيمة باع سامي العبد أسلحته قبل الفرار.", {"سامي العبد": "PER"})) == []


def test_the_leads_undated_event_gives_way_to_a_dated_one_of_its_type():
    text = ("أدان سامي العبد الهجوم الإرهابي على مركز الشرطة في المدينة. "
            "وقال العبد في بيان أمس إن الأجهزة الأمنية ستلاحق المنفذين.")
    a = article(text, {"سامي العبد": "PER", "العبد": "PER"}, {"أمس": "2024-05-01"})
    [e] = find_events(a)
    assert (e.type, e.date) == ("statement", "2024-05-01")


def test_a_raid_and_a_recommendation_are_events():
    [e] = find_events(article(CALM_LEAD + "وداهمت الشرطة فجر أمس مستودعا في حي النسيم.",
                              {"حي النسيم": "LOC"}, {"فجر أمس": "2024-05-01"}))
    assert (e.type, e.date, e.trigger) == ("other", "2024-05-01", "داهمت")
    [e] = find_events(article(CALM_LEAD + "وأوصى مجلس إدارة الشركة أمس بتوزيع أرباح نقدية.",
                              {"الشركة": "ORG"}, {"أمس": "2024-05-01"}))
    assert (e.type, e.date) == ("milestone", "2024-05-01")


def test_a_date_after_since_is_a_spans_start_not_the_events_date():
    text = CALM_LEAD + "وأعلنت وزارة الصحة ارتفاع عدد الوفيات منذ السابع من أكتوبر الماضي إلى ألف حالة."
    a = article(text, {"وزارة الصحة": "ORG"}, {"السابع من أكتوبر الماضي": "2023-10-07"})
    [e] = find_events(a)
    assert (e.type, e.date) == ("statement", None)
    # a milestone after منذ starts then, and a sentence that opens on منذ is a dated fact
    text = CALM_LEAD + "وبدأ اللاعب مشواره مع نادي الوحدة منذ 2004 وحتى 2012."
    found = find_events(article(text, {"نادي الوحدة": "ORG"}, {"2004": "2004", "2012": "2012"}))
    assert ("milestone", "2004") in [(e.type, e.date) for e in found]
    # "منذ يومين" is a day ago, written inside its timex: it dates as any date does
    [e] = find_events(article(CALM_LEAD + "وأعلنت الوزارة منذ يومين إغلاق المعبر.", {"الوزارة": "ORG"},
                              {"منذ يومين": "2024-05-01"}))
    assert e.date == "2024-05-01"


def test_a_session_held_is_a_meeting_and_rockets_fired_an_attack():
    [e] = find_events(article(CALM_LEAD + "وعقد مجلس الأمن الدولي أمس جلسة طارئة لبحث التطورات في السودان.",
                              {"مجلس الأمن الدولي": "ORG", "السودان": "LOC"}, {"أمس": "2024-05-01"}))
    assert (e.type, e.date) == ("meeting", "2024-05-01")
    [e] = find_events(article(CALM_LEAD + "وأطلقت الفصائل عشرات الصواريخ على جنوب إسرائيل فجر أمس.",
                              {"إسرائيل": "LOC"}, {"فجر أمس": "2024-05-01"}))
    assert (e.type, e.date) == ("other", "2024-05-01")            # not the launch of a scheme (أطلق)


def test_an_undated_event_elsewhere_does_not_silence_the_lead():
    text = ("قتل شرطي طالبا بالرصاص في مدينة أرلينغتون بولاية تكساس. "
            "وكانت عصابة قد هاجمت متجرا في أرلينغتون.")     # undated background of the same type
    a = article(text, {"أرلينغتون": "LOC", "تكساس": "LOC"})
    assert [(e.start, e.trigger) for e in find_events(a)][0] == (0, "قتل")


def test_a_date_a_comparison_names_is_a_baseline_not_a_second_event():
    text = CALM_LEAD + ("وأعلنت شركة النفط الوطنية أمس تحقيق أرباح بلغت ثلاثة مليارات دولار في الربع الثالث من العام "
                        "الجاري، بانخفاض نسبته 15 في المئة مقارنة بالفترة نفسها من العام الماضي.")
    a = article(text, {"شركة النفط الوطنية": "ORG"},
                {"أمس": "2024-11-04", "الربع الثالث من العام الجاري": "2024-Q3", "العام الماضي": "2023"})
    dates = [e.date for e in find_events(a)]
    assert "2024-11-04" in dates and "2023" not in dates
    text = CALM_LEAD + "وأعلنت الشركة أمس أن مبيعاتها بلغت مليار دولار مقابل 800 مليون في 2023."
    a = article(text, {"الشركة": "ORG"}, {"أمس": "2024-11-04", "2023": "2023"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-11-04")]
    text = CALM_LEAD + "وأعلنت الشركة أمس تراجع أرباحها إلى 27.3 مليار دولار، مقارنة مع 31.9 مليار دولار قبل عام."
    a = article(text, {"الشركة": "ORG"}, {"أمس": "2024-11-04", "قبل عام": "2023"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-11-04")]   # numbers not counted


def test_the_agency_of_a_dateline_takes_no_part_in_the_news():
    text = "بيروت (رويترز) - أعلن البنك المركزي يوم الخميس أنه سيرفع سقف السحب الشهري للمودعين."
    a = article(text, {"بيروت": "LOC", "رويترز": "ORG", "البنك المركزي": "ORG"}, {"يوم الخميس": "2024-05-02"})
    [e] = find_events(a)
    assert [a.mentions[i].text for i in e.participant_mentions] == ["البنك المركزي"]


def test_a_trigger_in_a_relative_clause_after_a_date_is_not_dated_by_it():
    text = CALM_LEAD + ("ويأتي التغيير قبل شهرين من الانتخابات الرئاسية المقررة في السادس من أكتوبر المقبل، "
                        "والتي أعلن الرئيس قيس سعيد ترشحه لها.")
    a = article(text, {"قيس سعيد": "PER"}, {"السادس من أكتوبر المقبل": "2024-10-06"})
    assert all(e.date != "2024-10-06" or e.type != "statement" for e in find_events(a))


def test_a_news_agency_is_a_source_not_a_participant():
    text = ("ونقلت وكالة الأنباء الفلسطينية عن مصادر محلية قولها إن طائرات الاحتلال قصفت مدرسة الفلاح "
            "في حي الزيتون فجر اليوم.")
    a = article(text, {"وكالة الأنباء الفلسطينية": "ORG", "حي الزيتون": "LOC"}, {"فجر اليوم": "2024-05-01"})
    for e in find_events(a):
        assert "وكالة الأنباء الفلسطينية" not in [a.mentions[i].text for i in e.participant_mentions]
    text = "وقال مسؤول لـ«رويترز» إن الجيش اعتقل القيادي محمد سالم في الموصل أمس."
    a = article(text, {"رويترز": "ORG", "محمد سالم": "PER", "الموصل": "LOC"}, {"أمس": "2024-05-01"})
    [e] = find_events(a)
    assert [a.mentions[i].text for i in e.participant_mentions] == ["محمد سالم"]


def test_and_south_sudan_is_a_party_not_a_place():
    text = CALM_LEAD + "ووقّع السودان وجنوب السودان، أمس الإثنين في جوبا، اتفاقية لاستئناف تصدير النفط."
    a = article(text, {"السودان": "LOC", "جوبا": "LOC"}, {"أمس الإثنين": "2024-09-02"})
    [e] = find_events(a)
    assert (e.type, a.mentions[e.place_mention].text) == ("agreement", "جوبا")
    text = CALM_LEAD + "وقتل ثلاثة مدنيين أمس في قصف استهدف بلدة في جنوب لبنان."
    [e] = find_events(article(text, {"لبنان": "LOC"}, {"أمس": "2024-09-02"}))
    assert e.place_mention is not None                     # "في جنوب لبنان" is still a place


def test_a_date_a_change_is_measured_from_is_a_baseline():
    text = CALM_LEAD + ("وأعلن البنك الوطني أمس تحقيق أرباح صافية بلغت مليار دينار في عام 2024، بارتفاع قدره 8 في المئة "
                        "عن عام 2023.")
    a = article(text, {"البنك الوطني": "ORG"}, {"أمس": "2025-02-05", "عام 2024": "2024", "عام 2023": "2023"})
    assert "2023" not in [e.date for e in find_events(a)]
    text = CALM_LEAD + "وأعلن المتحدث عن الحكومة أمس أن الوزير سيزور بغداد عن قريب."
    a = article(text, {"بغداد": "LOC"}, {"أمس": "2025-02-05"})
    assert "2025-02-05" in [e.date for e in find_events(a)]


def test_a_court_ruling_is_an_event():
    text = CALM_LEAD + "وقضت محكمة جنايات القاهرة، اليوم الأحد، بالسجن المشدد 15 عاما على المتهم أحمد سمير."
    a = article(text, {"أحمد سمير": "PER", "القاهرة": "LOC"}, {"اليوم الأحد": "2024-05-05"})
    [e] = find_events(a)
    assert (e.type, e.date, e.trigger) == ("other", "2024-05-05", "قضت")
    text = CALM_LEAD + "وقضى الوزير خالد سعيد ثلاثة أيام في الرياض الأسبوع الماضي."
    a = article(text, {"خالد سعيد": "PER", "الرياض": "LOC"}, {"الأسبوع الماضي": "2024-04"})
    assert all(e.trigger != "قضى" for e in find_events(a))             # spent three days: no ruling


def test_a_deadline_does_not_date_the_statement_that_sets_it():
    text = CALM_LEAD + "ودعت منظمة أوبك الدول الأعضاء إلى الالتزام الكامل بالتخفيضات بحلول 30 أبريل المقبل."
    a = article(text, {"أوبك": "ORG"}, {"30 أبريل المقبل": "2024-04-30"})
    assert all(e.date != "2024-04-30" for e in find_events(a))
    text = CALM_LEAD + "وأعلنت منظمة أوبك تمديد التخفيضات حتى نهاية يونيو."
    a = article(text, {"أوبك": "ORG"}, {"يونيو": "2024-06"})
    assert all(e.date != "2024-06" for e in find_events(a))
    text = CALM_LEAD + "والتقى وزير النفط أحمد سالم نظيره في الرياض يوم 30 أبريل."     # no deadline word
    a = article(text, {"أحمد سالم": "PER", "الرياض": "LOC"}, {"يوم 30 أبريل": "2024-04-30"})
    assert [e.date for e in find_events(a)] == ["2024-04-30"]


def test_an_agreement_not_reached_is_no_agreement():
    text = CALM_LEAD + ("وانتهت جولة المحادثات بين الطرفين في جدة في ديسمبر الماضي دون التوصل إلى اتفاق، "
                        "بحسب ما قال الوسيط سالم عمر.")
    a = article(text, {"جدة": "LOC", "سالم عمر": "PER"}, {"ديسمبر الماضي": "2023-12"})
    assert [(e.type, e.date) for e in find_events(a)] == [("meeting", "2023-12")]
    text = CALM_LEAD + "وفشلت الأطراف في التوصل إلى اتفاق خلال اجتماع الدوحة يوم الاثنين، وفق الوسيط سالم عمر."
    a = article(text, {"الدوحة": "LOC", "سالم عمر": "PER"}, {"يوم الاثنين": "2024-03-18"})
    assert [e.type for e in find_events(a)] == ["meeting"]


def test_a_court_sentence_to_prison_or_an_acquittal_is_an_event():
    text = ("قضت محكمة الجنايات، برئاسة المستشار عبدالله العثمان، أمس الأربعاء، بحبس مسؤول سابق في وزارة "
            "الصحة 10 سنوات.")
    a = article(text, {"محكمة الجنايات": "ORG", "عبدالله العثمان": "PER", "وزارة الصحة": "ORG"},
                {"أمس الأربعاء": "2024-03-20"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2024-03-20", "قضت")]


@pytest.mark.parametrize("sentence, name, when, trigger", [
    ("انهار سد ترابي قرب بورتسودان ليل السبت، وجرفت المياه عشرات المنازل.", "بورتسودان", "ليل السبت", "انهار"),
    ("نعت نقابة الفنانين السوريين، صباح اليوم الاثنين، الفنانة القديرة ليلى الشامي.", "ليلى الشامي",
     "صباح اليوم الاثنين", "نعت"),
    ("وشيع أهالي القنفذة ظهر أمس جثمان الفقيد إلى مقبرة البلدة.", "القنفذة", "ظهر أمس", "شيع"),
    ("ومثل جيفري ويب أمام المحكمة في نيويورك أمس للمرة الأولى.", "جيفري ويب", "أمس", "مثل"),
    ("وولدت ليلى الشامي في حي القيمرية بدمشق عام 1946.", "ليلى الشامي", "عام 1946", "ولدت"),
    ("وغرق مركب يقل مهاجرين قبالة سواحل المهدية ليل الأحد.", "المهدية", "ليل الأحد", "غرق"),
    ("وأضرب المعلمون في الرباط يوم الثلاثاء احتجاجا على الأجور.", "الرباط", "يوم الثلاثاء", "أضرب"),
])
def test_a_collapse_a_death_a_funeral_a_hearing_or_a_birth_with_its_date_is_an_event(sentence, name, when, trigger):
    a = article(CALM_LEAD + sentence, {name: "PER"}, dates={when: "2024-08-24"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2024-08-24", trigger)]


def test_a_pardon_or_a_foundation_stone_with_its_date_is_a_milestone():
    for sentence, name, when in (("وأصدر الرئيس قيس سعيد عفوا عن 500 سجين أمس الأربعاء.", "قيس سعيد", "أمس الأربعاء"),
                                 ("ووضع الأمير سعود بن نايف حجر الأساس للمستشفى أمس.", "سعود بن نايف", "أمس")):
        a = article(CALM_LEAD + sentence, {name: "PER"}, dates={when: "2024-07-24"})
        assert [(e.type, e.date) for e in find_events(a)] == [("milestone", "2024-07-24")], sentence


@pytest.mark.parametrize("sentence, name, when, typ, trigger", [
    ("وكلّف الملك حسين الوادي، صباح أمس، الوزير السابق سامر النمر تشكيل حكومة جديدة.", "حسين الوادي", "صباح أمس",
     "milestone", "كلّف"),
    ("وأدّت الوزيرة هالة الشامي، يوم الأحد، اليمين الدستورية أمام رئيس الدولة.", "هالة الشامي", "يوم الأحد",
     "milestone", "أدّت"),
    ("وأدى أعضاء المجلس البلدي القسم أمام المحافظ طارق الزين صباح الخميس.", "طارق الزين", "صباح الخميس",
     "milestone", "أدى"),
    ("وأقال الرئيس عمر الفاضل قائد الشرطة من منصبه مساء السبت.", "عمر الفاضل", "مساء السبت", "milestone", "أقال"),
    ("وأعفى الأمير فهد الراشد مدير المستشفى من منصبه أول أمس.", "فهد الراشد", "أول أمس", "milestone", "أعفى"),
    ("ووجّه الأمير فهد الراشد، أمس، الجهات المختصة بإصلاح الطرق المتضررة.", "فهد الراشد", "أمس", "milestone",
     "وجّه"),
    ("ووجّه الرئيس عمر الفاضل مساء الجمعة رسالة إلى المواطنين.", "عمر الفاضل", "مساء الجمعة", "statement",
     "وجّه"),
    ("واستشهد الشاب يوسف النجار فجر اليوم برصاص قناص في حي الشجاعية.", "يوسف النجار", "فجر اليوم", "other",
     "استشهد"),
    ("وترأس الوزير كمال الحداد، ظهر أمس، اجتماعا للجنة الطوارئ في مقر الوزارة.", "كمال الحداد", "ظهر أمس",
     "meeting", "ترأس"),
    ("وترأست الوزيرة هالة الشامي يوم الإثنين جلسة عمل مع مديري المدارس.", "هالة الشامي", "يوم الإثنين",
     "meeting", "ترأست"),
    ("وشهدت مدينة صلالة، ليل الأربعاء، هطول أمطار غزيرة أغرقت الشوارع.", "صلالة", "ليل الأربعاء", "other",
     "شهدت"),
])
def test_an_appointment_an_oath_a_dismissal_an_order_a_martyrs_death_a_chaired_session_or_rain_is_an_event(
        sentence, name, when, typ, trigger):
    a = article(CALM_LEAD + sentence, {name: "PER"}, dates={when: "2024-10-02"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [(typ, "2024-10-02", trigger)]


def test_face_in_a_fixed_expression_is_no_order():
    for sentence in ("وأدى الفريق واجبه على أكمل وجه في مباراة أمس.",
                     "ووقف الأهالي في وجه السيول أمس بأكياس الرمل.",
                     "ونال الممثل سامي النمر جائزة أفضل وجه جديد عام 2019."):
        a = article(CALM_LEAD + sentence, {"سامي النمر": "PER", "الفريق": "ORG", "الأهالي": "PER"},
                    dates={"أمس": "2024-10-02", "عام 2019": "2019"})
        assert not [e for e in find_events(a) if "وجه" in e.trigger], sentence


def test_a_meeting_or_session_to_be_held_on_a_given_day_is_a_meeting():
    for sentence, when in (("وتعقد الهيئة العليا للانتخابات جلستها الختامية في تونس يوم الخميس المقبل.",
                            "يوم الخميس المقبل"),
                           ("ويعقد مجلس الأمناء اجتماعه السنوي في الدوحة صباح السبت.", "صباح السبت"),
                           ("وستعقد اللجنة الوزارية اجتماعاً طارئاً في القاهرة بعد غد.", "بعد غد")):
        a = article(CALM_LEAD + sentence, {"تونس": "LOC", "الدوحة": "LOC", "القاهرة": "LOC"}, {when: "2024-10-10"})
        assert [(e.type, e.date) for e in find_events(a)] == [("meeting", "2024-10-10")], sentence
    # undated, a present form tells a habit, not an event
    a = article(CALM_LEAD + "وتعقد اللجنة اجتماعاتها في الدوحة مرة كل شهر.", {"الدوحة": "LOC"})
    assert find_events(a) == []
    # the object with a pronoun: a session held
    a = article(CALM_LEAD + "وعقد مجلس الأمناء اجتماعه الدوري في الدوحة.", {"الدوحة": "LOC"})
    assert [(e.type, e.trigger) for e in find_events(a)] == [("meeting", "عقد")]


def test_holding_a_meeting_called_for_is_no_meeting_held():
    a = article(CALM_LEAD + "ودعا الوزير حسان العلي أمس إلى عقد اجتماع طارئ لوزراء الخارجية العرب.",
                {"حسان العلي": "PER"}, {"أمس": "2024-10-10"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-10-10")]


def test_a_date_in_a_relative_clause_on_an_election_dates_the_vote_not_the_announcement():
    text = (CALM_LEAD + "وأعلنت اللجنة العليا للانتخابات، مساء الاثنين، فوز المرشح رامي الخطيب بالرئاسة في الاقتراع "
            "الذي جرى الأحد 6 أكتوبر.")
    a = article(text, {"رامي الخطيب": "PER"}, {"مساء الاثنين": "2024-10-07", "الأحد 6 أكتوبر": "2024-10-06"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-10-07"), ("other", "2024-10-06")]
    # the vote's date alone: the vote, not an announcement of that day
    text = CALM_LEAD + "وأعلنت اللجنة فوز رامي الخطيب في الانتخابات الرئاسية التي جرت يوم 6 أكتوبر الجاري."
    a = article(text, {"رامي الخطيب": "PER"}, {"يوم 6 أكتوبر الجاري": "2024-10-06"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2024-10-06", "الانتخابات")]


def test_a_relative_clause_on_a_construct_or_with_its_own_trigger_keeps_the_main_trigger():
    # the clause describes the minister, or tells of an announcement: the sentence's statement keeps its date
    for text in ("وأعلن المتحدث سامي النمر تأجيل زيارة وزير الخارجية الذي كان مقررا وصوله اليوم الثلاثاء.",
                 "وأعلن المتحدث سامي النمر تفاصيل الهجوم الذي أعلنت الشرطة وقوعه اليوم الثلاثاء."):
        a = article(CALM_LEAD + text, {"سامي النمر": "PER"}, {"اليوم الثلاثاء": "2024-10-08"})
        assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-10-08")], text


def test_a_negated_verb_is_no_event():
    """"ولم تعلن أي جهة مسؤوليتها", "لم يعلن قبوله بالنتائج": what did not happen is not on a timeline; the
    statement that something did not happen still is."""
    for text in ("ولم تعلن وزارة الداخلية أمس عن أي إصابات في المدينة.",
                 "ولن يلتقي الرئيس سامي النمر نظيره رامي الخطيب غدا في الرباط."):
        a = article(CALM_LEAD + text, {"وزارة الداخلية": "ORG", "سامي النمر": "PER", "رامي الخطيب": "PER",
                                       "الرباط": "LOC"}, {"أمس": "2024-10-07", "غدا": "2024-10-09"})
        assert find_events(a) == [], text
    text = CALM_LEAD + "وأعلنت وزارة الداخلية أمس أنها لم تسجل أي إصابات في المدينة."
    a = article(text, {"وزارة الداخلية": "ORG"}, {"أمس": "2024-10-07"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2024-10-07")]


def test_a_regime_falling_or_a_war_breaking_out_is_dated_by_its_own_date():
    text = (CALM_LEAD + "ويترقب التجار انتعاش السوق بعد سقوط نظام الرئيس فؤاد العلي في 3 من آذار 2019، "
            "وإعلان الحكومة الجديدة نيتها إطلاق برنامج للقروض.")
    a = article(text, {"فؤاد العلي": "PER"}, {"3 من آذار 2019": "2019-03-03"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("milestone", "2019-03-03", "سقوط نظام")]
    text = (CALM_LEAD + "وتأتي المحادثات بعد أول لقاء بين الوزيرين سامي النمر ورامي الخطيب منذ اندلاع "
            "النزاع في مايو 2020.")
    a = article(text, {"سامي النمر": "PER", "رامي الخطيب": "PER"}, {"مايو 2020": "2020-05"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2020-05", "اندلاع")]


def test_a_verb_after_whereas_is_not_dated_by_the_date_before_it():
    text = (CALM_LEAD + "وكان النائب العام قد طلب رفع الحصانة عن النائب سامي النمر في 12 آذار الماضي، "
            "فيما أقال رئيس الوزراء رامي الخطيب مستشاره من منصبه في الثاني من نيسان.")
    a = article(text, {"سامي النمر": "PER", "رامي الخطيب": "PER"},
                {"12 آذار الماضي": "2024-03-12", "الثاني من نيسان": "2024-04-02"})
    # the pluperfect request is of its own date, the dismissal of the second
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2024-03-12"), ("milestone", "2024-04-02")]
    # "حيث" (where) goes on telling the dated happening
    text = CALM_LEAD + "وعاد رامي الخطيب إلى البلاد عام 1990، حيث تولى وزارة المالية."
    a = article(text, {"رامي الخطيب": "PER"}, {"عام 1990": "1990"})
    assert [(e.type, e.date) for e in find_events(a)] == [("milestone", "1990")]


def test_what_happened_before_the_dated_clause_is_not_of_its_day():
    """"ارتفعت الأسعار اليوم الاثنين، بعد أن قرر التحالف زيادة الإنتاج": the decision came before Monday."""
    for opener in ("بعد أن", "بعدما"):
        text = (CALM_LEAD + f"وارتفعت أسعار النفط بنحو 3 بالمئة اليوم الاثنين، {opener} قرر تحالف أوبك+ "
                "زيادة الإنتاج بأقل من المتوقع.")
        a = article(text, {"أوبك+": "ORG"}, {"اليوم الاثنين": "2025-06-02"})
        assert [e.date for e in find_events(a) if e.date] == [], opener


@pytest.mark.parametrize("sentence, name, when, typ, trigger", [
    ("غيّب الموت، مساء الجمعة، الملحن التونسي حسن الزين عن 74 عاما.", "حسن الزين", "مساء الجمعة", "other",
     "غيّب الموت"),
    ("والممثلة سعاد النوري وافتها المنية فجر أمس في مستشفى بالقاهرة.", "سعاد النوري", "فجر أمس", "other",
     "وافتها المنية"),
    ("فقدت الساحة الأدبية العراقية، يوم الأربعاء، القاص مهدي السعيد.", "مهدي السعيد", "يوم الأربعاء", "other",
     "فقدت الساحة"),
    ("وسيوارى جثمان الراحل سليم العاني الثرى ظهر غد الثلاثاء في مقبرة العائلة.", "سليم العاني",
     "ظهر غد الثلاثاء", "other", "سيوارى"),
    ("وتفقد الوزير ماجد الحربي، صباح الأحد، سير العمل في مستشفى الولادة.", "ماجد الحربي", "صباح الأحد", "visit",
     "تفقد"),
    ("وأجلت المحكمة نظر قضية المدير السابق نبيل القاضي إلى جلسة 9 مارس.", "نبيل القاضي", "9 مارس", "other",
     "أجلت"),
    ("وتنظر المحكمة في الدعوى التي رفعها نبيل القاضي في جلسة 9 مارس.", "نبيل القاضي", "9 مارس", "other",
     "تنظر المحكمة"),
    ("وأبقى البنك المركزي المصري أسعار الفائدة دون تغيير يوم الخميس.", "البنك المركزي المصري",
     "يوم الخميس", "milestone", "أبقى"),
    ("وقعت شركة نفط الجنوب، الاثنين، مع شركة توتال عقدا لتطوير حقل أرطاوي.", "شركة نفط الجنوب", "الاثنين",
     "agreement", "وقعت"),
])
def test_deaths_a_burial_an_inspection_court_steps_a_rate_cut_and_a_contract_signed_are_events(
        sentence, name, when, typ, trigger):
    a = article(CALM_LEAD + sentence, {name: "PER"}, dates={when: "2025-02-06"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [(typ, "2025-02-06", trigger)]


def test_an_arrest_told_with_its_object_pronoun_is_an_event():
    text = CALM_LEAD + "واعتقلته قوات الأمن في مدينة الموصل يوم 3 مايو بعد مطاردة."
    a = article(text, {"الموصل": "LOC"}, dates={"يوم 3 مايو": "2025-05-03"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2025-05-03", "اعتقلته")]


def test_a_rate_cut_at_its_meeting_is_the_cut_of_that_day():
    text = CALM_LEAD + "وخفضت لجنة السياسة النقدية أسعار الفائدة نصف نقطة في اجتماعها يوم 8 مايو الماضي."
    a = article(text, {"لجنة السياسة النقدية": "ORG"}, dates={"8 مايو الماضي": "2025-05-08"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("milestone", "2025-05-08", "خفضت")]



def test_an_undated_lead_gives_way_to_its_signing_dated_next_and_a_signing_retold_is_no_second_event():
    text = ("أبرمت شركة الصقر للإنشاءات عقدا مع بلدية الزرقاء لتأهيل الطرق الداخلية.\n"
            "وأوضح مدير الشركة أن العقد مع بلدية الزرقاء تم توقيعه في الثالث من مارس.")
    a = article(text, {"شركة الصقر للإنشاءات": "ORG", "بلدية الزرقاء": "ORG"}, {"الثالث من مارس": "2025-03-03"})
    assert [(e.type, e.date) for e in find_events(a)] == [("agreement", "2025-03-03")]
    text = ("ووقعت شركة الصقر للإنشاءات، الأحد، مع بلدية الزرقاء عقدا لتأهيل الطرق الداخلية. "
            "وجرى التوقيع في مقر البلدية بحضور المحافظ سامي العمري.")
    a = article(CALM_LEAD + text, {"شركة الصقر للإنشاءات": "ORG", "بلدية الزرقاء": "ORG", "سامي العمري": "PER"},
                {"الأحد": "2025-03-02"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("agreement", "2025-03-02", "وقعت")]


def test_a_happening_with_its_day_is_an_event_even_when_no_name_was_tagged():
    text = CALM_LEAD + "وارتفعت حصيلة ضحايا الفيضان الذي اجتاح القرى الجبلية ليل الثلاثاء إلى 30 قتيلا، إثر انهيار سد ترابي."
    a = article(text, dates={"ليل الثلاثاء": "2025-04-08"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2025-04-08", "الفيضان")]
    text = CALM_LEAD + "وقتل 12 شخصا على الأقل في انفجار هز سوقا شعبية مزدحمة مساء الأحد."
    a = article(text, dates={"مساء الأحد": "2025-04-06"})
    assert [(e.type, e.date, e.place_mention, e.participant_mentions) for e in find_events(a)] == [
        ("other", "2025-04-06", None, [])]
    # a month or a year is no day: nobody named and only a vague date is still nothing
    a = article(CALM_LEAD + "وقتل 12 شخصا على الأقل في انفجار هز سوقا شعبية مزدحمة في مارس.", dates={"مارس": "2025-03"})
    assert find_events(a) == []


def test_a_sentence_opening_on_jaa_dhalik_is_of_the_day_of_the_event_before():
    text = CALM_LEAD + ("وقال وزير الخارجية سليم الحداد، الأربعاء، إن بلاده مستعدة لاستئناف الحوار. "
                        "جاء ذلك في مؤتمر صحفي مشترك عقده مع نظيره الإيطالي في روما. "
                        "وجاء ذلك خلال لقائه رئيس الوزراء الإيطالي في قصر كيجي.")
    a = article(text, {"سليم الحداد": "PER", "روما": "LOC", "قصر كيجي": "LOC"}, {"الأربعاء": "2025-04-02"})
    events = find_events(a)
    check(a, events)
    assert [(e.type, e.date, e.date_text) for e in events] == [
        ("statement", "2025-04-02", "الأربعاء"), ("statement", "2025-04-02", None), ("meeting", "2025-04-02", None)]
    # not after an undated sentence, nor a sentence that opens otherwise
    text = CALM_LEAD + "وقال سليم الحداد إن بلاده مستعدة. جاء ذلك في مؤتمر صحفي في روما. وأكد ذلك خلال لقائه الوزير."
    a = article(text, {"سليم الحداد": "PER", "روما": "LOC"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", None)]


def test_a_record_since_a_year_and_a_bare_today_in_a_speakers_words_date_nothing():
    text = CALM_LEAD + "وعقد الطرفان جولة محادثات مباشرة هي الأولى منذ 2019 في جنيف، وانتهت دون نتائج."
    a = article(text, {"جنيف": "LOC"}, {"2019": "2019"})
    assert [e.date for e in find_events(a)] == []
    text = CALM_LEAD + "وخفض البنك المركزي التركي سعر الفائدة ثلاث مرات منذ يناير الماضي."
    a = article(text, {"البنك المركزي التركي": "ORG"}, {"يناير الماضي": "2025-01"})
    assert [e.date for e in find_events(a)] == []
    # a milestone still begins at its date after منذ
    text = CALM_LEAD + "وانضم اللاعب سامي النجار إلى الفريق منذ 2021."
    a = article(text, {"سامي النجار": "PER"}, {"2021": "2021"})
    assert [e.date for e in find_events(a)] == ["2021"]
    text = CALM_LEAD + "وتابع الوزير سليم الحداد: «العالم اليوم يدرك أن السلام يبدأ من هنا»."
    a = article(text, {"سليم الحداد": "PER"}, {"اليوم": "2025-04-02"})
    a.quotes = [Quote("q-1", a.id, "direct", text[text.index("«") + 1:text.index("»")],
                      text.index("«") + 1, text.index("»"))]
    assert [e.date for e in find_events(a)] == []


def test_a_platform_posted_on_or_an_outlet_named_after_its_medium_is_no_participant():
    text = CALM_LEAD + "وأعلن الرئيس سامر العلي على منصته «تروث سوشال» مساء الأحد بدء المحادثات فورا."
    a = article(text, {"سامر العلي": "PER", "تروث سوشال": "ORG"}, {"مساء الأحد": "2025-04-06"})
    assert [names_of(a, e.participant_mentions) for e in find_events(a)] == [["سامر العلي"]]
    text = CALM_LEAD + "وقال الوزير سامر العلي في تغريدة على إكس مساء الأحد إن الاتفاق بات قريبا."
    a = article(text, {"سامر العلي": "PER", "إكس": "ORG"}, {"مساء الأحد": "2025-04-06"})
    assert [names_of(a, e.participant_mentions) for e in find_events(a)] == [["سامر العلي"]]
    a = article(CALM_LEAD + "ونقلت وكالة «ستاركوم» عن مندوبين أن اجتماع أوبك+ المقرر يوم 31 مايو سيقر زيادة جديدة.",
                {"ستاركوم": "ORG", "أوبك+": "ORG"}, {"يوم 31 مايو": "2025-05-31"})
    [e] = find_events(a)
    assert (e.type, names_of(a, e.participant_mentions)) == ("meeting", ["أوبك+"])
    text = CALM_LEAD + "والتقى الوزير سامر العلي يوم الأحد مديري شركة تويتر في سان فرانسيسكو."
    a = article(text, {"سامر العلي": "PER", "تويتر": "ORG", "سان فرانسيسكو": "LOC"}, {"يوم الأحد": "2025-04-06"})
    [e] = find_events(a)
    assert names_of(a, e.participant_mentions) == ["سامر العلي", "تويتر"]       # the company takes part


def test_the_place_right_after_the_trigger_or_its_relative_clause_wins_and_an_envoys_region_is_no_place():
    text = CALM_LEAD + ("وتأتي جولة الوزير، وهي الثالثة له إلى عمّان هذا العام، بعد أيام من اجتماع المجلس "
                        "التنسيقي الذي عقد في الرياض يوم 4 مارس.")
    a = article(text, {"عمّان": "LOC", "الرياض": "LOC", "المجلس التنسيقي": "ORG"}, {"يوم 4 مارس": "2025-03-04"})
    [e] = find_events(a)
    assert (e.type, e.date, names_of(a, [e.place_mention])) == ("meeting", "2025-03-04", ["الرياض"])
    text = CALM_LEAD + "ووصل المبعوث الأممي الخاص إلى منطقة البحيرات العظمى جان لوكا إلى كينشاسا مساء الاثنين."
    a = article(text, {"البحيرات العظمى": "LOC", "كينشاسا": "LOC", "جان لوكا": "PER"}, {"مساء الاثنين": "2025-03-03"})
    [e] = find_events(a)
    assert (e.type, names_of(a, [e.place_mention])) == ("visit", ["كينشاسا"])


def test_a_happening_the_sentence_is_measured_from_is_not_its_main_event():
    text = CALM_LEAD + ("اجتمع وزراء الخارجية العرب في القاهرة يوم الأحد، بعد يومين من مكالمة هاتفية أجراها "
                        "الأمين العام سامي الحداد مع الرئيس الفرنسي.")
    a = article(text, {"القاهرة": "LOC", "سامي الحداد": "PER"}, {"يوم الأحد": "2025-03-09"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("meeting", "2025-03-09", "اجتمع")]
    text = CALM_LEAD + ("اجتمع فهد الراشد وسليم الحداد في القاهرة يوم الأحد، بعد يومين من مكالمة "
                        "هاتفية أجراها الرئيس عمر الفاضل مع الملك.")
    a = article(text, {"القاهرة": "LOC", "سليم الحداد": "PER", "فهد الراشد": "PER", "عمر الفاضل": "PER"},
                {"يوم الأحد": "2025-03-09"})
    [e] = find_events(a)
    assert names_of(a, e.participant_mentions) == ["فهد الراشد", "سليم الحداد"]


def test_an_arrest_told_with_tamma_is_an_event_of_its_own_date():
    text = CALM_LEAD + ("وأحالت النيابة المتهمين إلى المحاكمة في فبراير الماضي، بعد تلقيها عشرات البلاغات من "
                        "الضحايا والشهود في المدينة، وتم ضبط المتهم الأول في مطار عمّان أثناء محاولته السفر في 5/11/2024.")
    a = article(text, {"عمّان": "LOC", "النيابة": "ORG"}, {"فبراير الماضي": "2025-02", "5/11/2024": "2024-11-05"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2025-02"), ("other", "2024-11-05")]


def test_a_verb_after_baada_an_is_not_the_main_trigger_and_each_date_goes_to_its_happening():
    text = CALM_LEAD + "وبدأت محاكمة المتهم في 2024/03/11، بعد أن اعتقلته الشرطة الهولندية في مدينة لاهاي في أيار 2022."
    a = article(text, {"لاهاي": "LOC"}, {"2024/03/11": "2024-03-11", "أيار 2022": "2022-05"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [
        ("other", "2024-03-11", "محاكمة"), ("other", "2022-05", "اعتقلته")]


def test_a_relative_clause_of_six_words_dates_its_noun_but_not_across_a_new_clause():
    text = CALM_LEAD + ("أعلنت السلطات، صباح السبت، ارتفاع عدد ضحايا الانفجار الذي هز مصفاة النفط الكبرى جنوب العاصمة، "
                        "مساء أمس الجمعة، إلى 12 قتيلا.")
    a = article(text, dates={"صباح السبت": "2025-03-08", "مساء أمس الجمعة": "2025-03-07"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2025-03-08"), ("other", "2025-03-07")]
    text = CALM_LEAD + "وعزى الأمير سامي الحداد في الحادث الذي وقع في سيناء، وفي يوم الأحد 2 مارس استقبل وزير الخارجية."
    a = article(text, {"سامي الحداد": "PER", "سيناء": "LOC"}, {"يوم الأحد 2 مارس": "2025-03-02"})
    assert [(e.type, e.date) for e in find_events(a)] == [("meeting", "2025-03-02")]


def test_a_date_a_period_runs_from_does_not_date_the_statement_that_sets_it():
    text = CALM_LEAD + "ودعت الوزارة المواطنين إلى تحديث بياناتهم اعتبارا من صباح الأحد عبر المنصة الإلكترونية."
    a = article(text, dates={"صباح الأحد": "2025-03-09"})
    assert find_events(a) == []
    text = CALM_LEAD + "وتبدأ الوزارة صرف الرواتب بدءا من يوم الأحد في جميع المحافظات."
    a = article(text, dates={"يوم الأحد": "2025-03-09"})
    assert [(e.type, e.date) for e in find_events(a)] == [("milestone", "2025-03-09")]


def test_a_session_followed_by_its_date_is_a_dated_session():
    text = CALM_LEAD + "ويصوت مجلس النواب على مشروع قانون الإيجارات القديمة بجلسة الأحد المقبل."
    a = article(text, {"مجلس النواب": "ORG"}, {"الأحد المقبل": "2025-06-08"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("meeting", "2025-06-08", "جلسة")]
    text = CALM_LEAD + "وكانت هيئة الدفاع عن الصحفي رامي الخطيب قد طلبت الإفراج عنه في جلسة 17 مايو الماضي."
    a = article(text, {"رامي الخطيب": "PER"}, {"17 مايو الماضي": "2025-05-17"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2025-05-17", "جلسة")]
    # a verb of an act before it keeps the date: the session is when it was done
    text = CALM_LEAD + "وأجلت المحكمة نظر قضية المدير السابق نبيل القاضي إلى جلسة 9 مارس."
    a = article(text, {"نبيل القاضي": "PER"}, {"9 مارس": "2025-03-09"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2025-03-09", "أجلت")]
    # a date after another word does not date the session ("جلسة المجلس أمس"), nor a definite one
    text = CALM_LEAD + "وطرحت هذه المقترحات في الجلسة الماضية للمجلس البلدي برئاسة سالم العتيبي أمس."
    assert find_events(article(text, {"سالم العتيبي": "PER"}, {"أمس": "2025-06-01"})) == []


def test_a_court_verdict_far_from_its_verb_is_an_event_and_kama_carries_its_day():
    text = CALM_LEAD + ("قضت محكمة جنايات الجيزة، المنعقدة بمجمع محاكم زينهم، برئاسة المستشار أحمد فؤاد الشاذلي، "
                        "وعضوية المستشارين كمال يوسف ومحمود رشاد عبد الله، اليوم السبت، بالسجن المشدد 7 سنوات لمتهم "
                        "بالاتجار في المخدرات. كما قضت المحكمة بالسجن 3 سنوات لشريكه سامي عادل.")
    a = article(text, {"محكمة جنايات الجيزة": "ORG", "سامي عادل": "PER"}, {"اليوم السبت": "2025-05-31"})
    events = find_events(a)
    check(a, events)
    assert [(e.type, e.date, e.trigger) for e in events] == [("other", "2025-05-31", "قضت"), ("other", "2025-05-31", "قضت")]
    # كما with a verb of another type is no more of the same event
    text = CALM_LEAD + "قضت المحكمة، اليوم السبت، بالسجن 7 سنوات لمتهم. كما أعلنت النيابة فتح تحقيق جديد."
    a = article(text, {"النيابة": "ORG"}, {"اليوم السبت": "2025-05-31"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2025-05-31"), ("statement", None)]


@pytest.mark.parametrize("sentence", [
    "قلب فريق النادي الأهلي تأخره أمام ضيفه الزمالك إلى فوز ثمين بهدفين لهدف، مساء اليوم الأحد، على ملعب القاهرة.",
    "حقق فريق الوداد فوزا كبيرا على الفتح الرياضي، مساء اليوم الأحد، في الدورة العاشرة.",
    "فاز الهلال على ضيفه النصر، مساء اليوم الأحد، في قمة الجولة الأخيرة.",
    "تغلب منتخب مصر على نظيره الأردني بهدفين نظيفين، مساء اليوم الأحد، في مباراة ودية.",
    "وتعادل الهلال مع النصر سلبيا مساء اليوم الأحد.",
    "هزم الأهلي ضيفه الزمالك مساء اليوم الأحد.",
])
def test_a_sports_result_is_an_event(sentence):
    text = CALM_LEAD + sentence
    a = article(text, {"الأهلي": "ORG", "الزمالك": "ORG", "الوداد": "ORG", "الهلال": "ORG", "النصر": "ORG",
                       "منتخب مصر": "ORG"}, {"مساء اليوم الأحد": "2025-05-18"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2025-05-18")]


def test_taghlib_ala_without_a_score_is_no_sports_result():
    # "تغلب على" is also "dominates": "وهذه هي الصفة التي تغلب على ..."
    text = CALM_LEAD + "وقال الناقد سمير أمين، أمس الأحد، في مقاله إن الحزن هو الصفة التي تغلب على أفلامه."
    a = article(text, {"سمير أمين": "PER"}, {"أمس الأحد": "2025-05-18"})
    assert [e.type for e in find_events(a)] == ["statement"]


@pytest.mark.parametrize("sentence, date, expected", [
    ("وكانت الحكومة السابقة قد رفعت الضريبة على السجائر المستوردة في أيلول 2024.", {"أيلول 2024": "2024-09"},
     ("milestone", "2024-09")),
    ("وتضررت القرى مرة أخرى بعد العاصفة التي ضربت الجهة في 27 جانفي الماضي.", {"27 جانفي الماضي": "2025-01-27"},
     ("other", "2025-01-27")),
    ("وشهد الموسم وقوف الحجاج على صعيد عرفات يوم الخميس 9 ذي الحجة.", {"يوم الخميس 9 ذي الحجة": "2025-06-05"},
     ("other", "2025-06-05")),
    ("وقالت سلمى الحداد: وقد وقعنا في يناير الماضي شراكة مع مصرف محلي لتقديم قروض.", {"يناير الماضي": "2025-01"},
     ("agreement", "2025-01")),
    # a funding round is no tour
    ("أغلقت «حصاد» في مارس الماضي جولة تمويلية بقيمة 6 ملايين دولار.", {"مارس الماضي": "2025-03"},
     ("milestone", "2025-03")),
])
def test_dated_facts_with_a_trigger_and_a_date_in_their_sentence(sentence, date, expected):
    a = article(CALM_LEAD + sentence, {"«حصاد»": "ORG", "سلمى الحداد": "PER"}, date)
    assert [(e.type, e.date) for e in find_events(a)] == [expected]


def test_an_institution_noun_names_the_actor_of_a_dated_event_only():
    # undated, "وتستقبل الجامعة نحو 400 طالب" is feature writing, not news
    a = article(CALM_LEAD + "وتستقبل الجامعة نحو 400 طالب في كل فصل دراسي.")
    assert find_events(a) == []


def test_a_contract_in_construct_signed_on_a_date_is_an_agreement():
    # "عقد" followed by its genitive ("عقد توريد") is no accusative "عقدا", and the signing is still the news
    text = "وقّعت شركة المياه الوطنية، أمس الأحد، عقد توريد مضخات جديدة مع شركة ألمانية بقيمة 40 مليون دولار."
    a = article(text, {"شركة المياه الوطنية": "ORG"}, {"أمس الأحد": "2024-03-03"})
    [e] = find_events(a)
    assert (e.type, e.date) == ("agreement", "2024-03-03")


def test_a_decade_is_no_contract_without_a_date():
    # weak: "وقعت ... عقد" needs a date, so "happened a decade ago" tells nothing new
    text = CALM_LEAD + "ويقول سكان الحي إن الانهيارات وقعت قبل عقد كامل ولم يتغير شيء."
    assert find_events(article(text)) == []


@pytest.mark.parametrize("text, dated, typ, trigger", [
    ("ونال الكاتب سمير حداد جائزة الدولة للرواية عام 2016.", "عام 2016", "milestone", "نال"),
    ("وتوّج نادي الشروق بلقب الدوري المحلي مساء الجمعة بعد فوزه في الجولة الأخيرة.", "مساء الجمعة", "milestone", "توّج"),
    ("وكانت البلدية قد ضمنت لقب أجمل مدينة في المسابقة الوطنية يوم 4 مارس الماضي.", "يوم 4 مارس الماضي", "milestone",
     "ضمنت لقب"),
    ("وكان النادي قد تعاقد مع المدافع سالم يوسف في صيف 2021 قادما من نادي الساحل.", "2021", "agreement", "تعاقد"),
    ("ونظمت جمعية الأطباء أمس ندوة عن أمراض القلب في مدينة صور.", "أمس", "other", "نظمت"),
    ("وكانت النيابة قد أمرت بحبس المتهم احتياطيا في يونيو 2022 على ذمة التحقيق.", "يونيو 2022", "other",
     "أمرت بحبس"),
])
def test_dated_happenings_told_with_award_contract_organising_and_order_verbs(text, dated, typ, trigger):
    value = {"عام 2016": "2016", "مساء الجمعة": "2024-05-03", "يوم 4 مارس الماضي": "2024-03-04", "2021": "2021",
             "أمس": "2024-05-05", "يونيو 2022": "2022-06"}[dated]
    [e] = find_events(article(text, {"سمير حداد": "PER", "سالم يوسف": "PER", "صور": "LOC"}, {dated: value}))
    assert (e.type, e.trigger, e.date) == (typ, trigger, value)


def test_an_award_verb_undated_is_no_event():
    text = CALM_LEAD + "ونال الفيلم إعجاب النقاد في عروضه الأولى."
    assert find_events(article(text)) == []


def test_a_future_event_announced_takes_its_own_date_not_the_statement():
    text = "وأعلن مدير المهرجان خالد ناصر أن الدورة المقبلة ستنظم في نوفمبر 2026 بمدينة طنجة."
    a = article(text, {"خالد ناصر": "PER", "طنجة": "LOC"}, {"نوفمبر 2026": "2026-11"})
    events = find_events(a)
    assert [(e.type, e.trigger, e.date) for e in events] == [("other", "ستنظم", "2026-11")]


def lead_article(text: str, names: dict[str, str], dates: dict[str, str]) -> Article:
    a = article(text, names, dates)
    a.published = "2024-05-04T21:30"
    return a


def test_a_long_lead_tells_its_day_last():
    text = ("توّج نادي الأمل بلقب كأس البلاد للمرة الثالثة في تاريخه، عقب فوزه على نادي النجم بثلاثة أهداف "
            "لهدف، في النهائي الذي احتضنه الملعب البلدي في مدينة الزهراء وسط حضور جماهيري كبير، "
            "مساء اليوم السبت.")
    [e] = find_events(lead_article(text, {"نادي الأمل": "ORG", "الزهراء": "LOC"}, {"مساء اليوم السبت": "2024-05-04"}))
    assert (e.type, e.trigger, e.date) == ("milestone", "توّج", "2024-05-04")


@pytest.mark.parametrize("text, when, value", [
    # a statement's far day is mostly the day of what it speaks about
    ("حذر مسؤولون أمنيون في المحافظة من انهيار وشيك في الوضع الأمني في القرى الحدودية بعد الفوضى التي عمت "
     "نقاط التفتيش والطرق الرئيسية بين المدن يوم الخميس الماضي.", "يوم الخميس الماضي", "2024-05-02"),
    # a day to come is not the lead's news day
    ("توّج نادي الأمل بلقب كأس البلاد للمرة الثالثة في تاريخه، عقب فوزه على نادي النجم بثلاثة أهداف لهدف، "
     "ليضرب موعدا مع بطل الدوري على لقب السوبر في الملعب البلدي بمدينة الزهراء الأحد المقبل.",
     "الأحد المقبل", "2024-05-05"),
])
def test_a_far_day_in_the_lead_is_not_the_lead_verb_s(text, when, value):
    events = find_events(lead_article(text, {"نادي الأمل": "ORG", "الزهراء": "LOC"}, {when: value}))
    assert all(e.trigger not in ("حذر", "توّج") or e.date is None for e in events)


def test_a_series_of_meetings_held_is_a_meeting():
    text = CALM_LEAD + "وعقدت وزارة النقل مطلع الشهر الماضي سلسلة لقاءات مع نقابة سائقي الأجرة لبحث التعرفة الجديدة."
    [e] = find_events(article(text, {"وزارة النقل": "ORG"}, {"مطلع الشهر الماضي": "2024-04"}))
    assert (e.type, e.trigger, e.date) == ("meeting", "عقدت", "2024-04")


@pytest.mark.parametrize("text, when, trigger", [
    ("وتراجع سهم شركة الإسمنت الوطنية بنسبة 4% في ختام تعاملات الثلاثاء وسط عمليات بيع واسعة.", "الثلاثاء",
     "ختام تعاملات"),
    ("وأغلق مؤشر البورصة الرئيسي أمس عند مستوى 10250 نقطة بتداولات بلغت 90 مليون دينار.", "أمس", "أغلق"),
])
def test_a_market_session_s_close_is_a_dated_happening(text, when, trigger):
    [e] = find_events(article(CALM_LEAD + text, {}, {when: "2024-05-07"}))
    assert (e.type, e.trigger, e.date) == ("other", trigger, "2024-05-07")


def test_a_market_close_undated_is_no_event():
    assert find_events(article(CALM_LEAD + "ويغلق مؤشر البورصة عادة عند مستويات متقاربة في ختام تعاملات الأسبوع.")) == []


def test_a_resumption_told_in_the_future_is_dated_by_its_day():
    text = CALM_LEAD + "وأوضح المتحدث باسم الوفد سامر جابر أن المعابر الحدودية ستستأنف العمل صباح الغد قرب مدينة جنيف."
    events = find_events(article(text, {"سامر جابر": "PER", "جنيف": "LOC"}, {"صباح الغد": "2024-05-08"}))
    assert [(e.type, e.trigger, e.date) for e in events] == [("milestone", "ستستأنف", "2024-05-08")]


@pytest.mark.parametrize("text, when, value, typ, trigger", [
    # any past verb after "كان ... قد", dated in its clause, tells a happening of the background
    ("وكانت مصلحة الجمارك قد صادرت الشحنة في ميناء العقبة في أكتوبر الماضي.", "أكتوبر الماضي", "2023-10", "other",
     "صادرت"),
    ("وكان نادي الفنون قد نظم الشهر الماضي معرضا للخط العربي.", "الشهر الماضي", "2024-04", "other", "نظم"),
    # a listed verb's other form gives its type ("دشن" is listed, "دشنوا" is not)
    ("وكان الأهالي قد دشنوا في 5 مارس الماضي حملة لتنظيف الشاطئ.", "5 مارس الماضي", "2024-03-05", "milestone",
     "دشنوا"),
])
def test_a_dated_pluperfect_is_a_happening_whatever_its_verb(text, when, value, typ, trigger):
    [e] = find_events(article(CALM_LEAD + text, {}, {when: value}))
    assert (e.type, e.trigger, e.date) == (typ, trigger, value)


@pytest.mark.parametrize("text", [
    "وكانت مصلحة الجمارك قد صادرت شحنات مماثلة من قبل.",           # undated: only background
    "وكان إنتاج المصنع قد بلغ مليون طن في عام 2019.",               # a figure reached, no happening
    "وكان قد يكون من الأفضل تأجيل القرار إلى العام 2025.",          # قد + a present verb: may
])
def test_an_undated_pluperfect_or_a_figure_is_no_event(text):
    assert find_events(article(CALM_LEAD + text, {}, {"عام 2019": "2019", "العام 2025": "2025"})) == []


@pytest.mark.parametrize("text, when, value, typ, trigger", [
    ("وصوتت الجمعية الوطنية مساء الثلاثاء على مشروع قانون الإيجارات.", "مساء الثلاثاء", "2024-05-07", "milestone",
     "صوتت"),
    ("وأرسلت البلدية أمس فرقا لإزالة الأنقاض من الطريق الساحلي.", "أمس", "2024-05-07", "other", "أرسلت"),
    ("وضبطت دوريات الشرطة صباح اليوم شحنة من الأدوية المهربة.", "صباح اليوم", "2024-05-08", "other", "ضبطت"),
    ("وأحبطت قوات خفر السواحل فجر الأحد محاولة تهريب عبر البحر.", "فجر الأحد", "2024-05-05", "other", "أحبطت"),
    ("وأجلت وزارة التربية أمس موعد الامتحانات بسبب سوء الأحوال الجوية.", "أمس", "2024-05-07", "other", "أجلت"),
    ("ويلاقي نادي الشروق منافسه نادي الفجر يوم الجمعة المقبل على ملعبه.", "يوم الجمعة المقبل", "2024-05-10",
     "other", "يلاقي"),
    ("وتعهد رئيس البلدية أمس بإصلاح الطرق قبل حلول الشتاء.", "أمس", "2024-05-07", "statement", "تعهد"),
])
def test_dated_happenings_told_with_vote_send_seize_foil_postpone_meet_and_pledge_verbs(text, when, value, typ, trigger):
    [e] = find_events(article(CALM_LEAD + text, {}, {when: value}))
    assert (e.type, e.trigger, e.date) == (typ, trigger, value)


def test_a_date_describing_the_speaker_does_not_date_the_statement():
    text = CALM_LEAD + "وقال مراد سليم، وهو مزارع هاجر من قريته قبل ثلاث سنوات، إن الأرض لم تعد تكفيه."
    assert find_events(article(text, {"مراد سليم": "PER"}, {"قبل ثلاث سنوات": "2021"})) == []


def test_this_year_after_a_noun_names_which_season_not_when():
    text = CALM_LEAD + "وأعلن مدير المهرجان كريم حداد نجاح دورة هذا العام رغم الظروف."
    [e] = find_events(article(text, {"كريم حداد": "PER"}, {"هذا العام": "2024"}))
    assert (e.type, e.date) == ("statement", None)


def test_a_dated_announcement_s_second_day_is_that_of_what_it_announces():
    text = (CALM_LEAD + "وأعلنت قيادة الجيش، اليوم الاثنين، عن تدمير مخزن للأسلحة خلال عملية أمنية نفذتها "
            "وحداتها ليلة الأحد في منطقة جبلية.")
    events = find_events(article(text, {"قيادة الجيش": "ORG"}, {"اليوم الاثنين": "2024-05-06", "ليلة الأحد": "2024-05-05"}))
    assert [(e.type, e.date) for e in events] == [("statement", "2024-05-06"), ("other", "2024-05-05")]


def test_a_place_inside_a_quotation_is_not_the_event_s_place():
    text = "وقال الوزير هشام كمال خلال مؤتمر صحفي في ختام الزيارة: «ندعو إلى وقف القتال في الخرطوم فورا»."
    a = article(text, {"الخرطوم": "LOC", "هشام كمال": "PER"})
    a.quotes = [Quote("q-1", a.id, "direct", text[text.index("«") + 1:text.index("»")],
                      text.index("«") + 1, text.index("»"))]
    [e] = find_events(a)
    assert e.place_mention is None


def test_a_date_in_a_since_clause_does_not_date_the_main_verb():
    text = CALM_LEAD + ("وكان القاضي قد استجوب يوم الإثنين الماضي رئيس الحكومة الأسبق سامي العبد، في أول جلسة "
                        "منذ توجيه الادعاء إليه في تموز 2021.")
    a = article(text, {"سامي العبد": "PER"}, {"يوم الإثنين الماضي": "2025-05-12", "تموز 2021": "2021-07"})
    assert [e.date for e in find_events(a)] == ["2025-05-12"]
    text = CALM_LEAD + "بدأ اللاعب سامي العبد مشواره مع فريق النصر منذ 2004 وحتى 2012، حيث انتقل إلى الهلال."
    a = article(text, {"سامي العبد": "PER"}, {"2004": "2004", "2012": "2012"})
    assert [e.date for e in find_events(a)] == ["2004", "2012"]       # the end of the range is not in the clause
    text = CALM_LEAD + "وكان الرئيس سامي العبد قد وقع اتفاقا مع طهران لأول مرة منذ ثلاثة عقود في 2010."
    a = article(text, {"سامي العبد": "PER", "طهران": "LOC"}, {"2010": "2010"})
    assert [e.date for e in find_events(a)] == ["2010"]               # منذ counts a span back here


def test_goods_arriving_and_cases_received_are_no_visit_and_no_meeting():
    text = CALM_LEAD + "وكشف سامي العبد عن وصول شحنة من اللقاحات إلى مطار بورتسودان الأحد."
    a = article(text, {"سامي العبد": "PER", "بورتسودان": "LOC"}, {"الأحد": "2025-05-18"})
    assert all(e.type != "visit" for e in find_events(a))
    text = CALM_LEAD + "وأفاد سامي العبد أن مراكز العزل استقبلت أكثر من 300 حالة منذ بداية الشهر."
    a = article(text, {"سامي العبد": "PER"})
    assert all(e.type != "meeting" for e in find_events(a))
    text = CALM_LEAD + "واستقبل الرئيس رامي الشهري وفدا من رجال الأعمال."
    a = article(text, {"رامي الشهري": "PER"})
    assert [e.type for e in find_events(a)] == ["meeting"]          # guests are received as ever


def test_a_court_upholding_a_ruling_is_a_court_ruling():
    text = CALM_LEAD + "أيدت محكمة التمييز برئاسة المستشار سامي العبد، أمس، حكم محكمة الاستئناف بحبس ثلاثة متهمين."
    a = article(text, {"سامي العبد": "PER"}, {"أمس": "2025-05-16"})
    [e] = find_events(a)
    assert (e.type, e.trigger, e.date) == ("other", "أيدت محكمة", "2025-05-16")


def test_a_place_in_a_quoted_title_is_not_the_event_place():
    text = CALM_LEAD + ('وفاز المخرج سامي العبد بالجائزة عن فيلمه "كان يا ما كان في غزة"، في حفل أقيم مساء الجمعة '
                        "في قصر المهرجانات.")
    a = article(text, {"سامي العبد": "PER", "غزة": "LOC"}, {"مساء الجمعة": "2025-05-23"})
    events = find_events(a)
    assert events and all(e.place_mention is None for e in events)
    text = CALM_LEAD + 'وفاز المخرج سامي العبد بالجائزة في حفل أقيم مساء الجمعة في غزة.'
    a = article(text, {"سامي العبد": "PER", "غزة": "LOC"}, {"مساء الجمعة": "2025-05-23"})
    assert names_of(a, [find_events(a)[0].place_mention]) == ["غزة"]
    text = CALM_LEAD + 'وفاز المخرج سامي العبد بالجائزة في حفل أقيم مساء الجمعة في «غزة».'
    a = article(text, {"سامي العبد": "PER", "غزة": "LOC"}, {"مساء الجمعة": "2025-05-23"})
    assert names_of(a, [find_events(a)[0].place_mention]) == ["غزة"]      # a name quoted alone is still the place
    # a long quotation is words said: the places it names still show what the sentence is about
    text = 'وقال الوزير خلال مؤتمر صحفي مشترك إن "الأردن ومصر يقفان معا في رفض أي محاولة لتهجير السكان من أرضهم".'
    a = article(text, {"الأردن": "LOC", "مصر": "LOC"})
    assert [e.trigger for e in find_events(a)] == ["مؤتمر صحفي"]


def test_deaths_floods_rulings_detentions_closings_and_entry_into_force_are_dated_events():
    text = CALM_LEAD + "لقي أربعة أشخاص حتفهم، مساء أمس السبت، جراء سيول جارفة اجتاحت قرى في ريف إدلب."
    a = article(text, {"إدلب": "LOC"}, {"مساء أمس السبت": "2025-03-08"})
    assert [(e.type, e.date, e.trigger) for e in find_events(a)] == [("other", "2025-03-08", "لقي")]
    text = CALM_LEAD + "أيد مجلس قضاء وهران، الاثنين، الحكم الابتدائي بسجن المدير السابق سامي العبد خمس سنوات."
    a = article(text, {"سامي العبد": "PER", "وهران": "LOC"}, {"الاثنين": "2025-03-10"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2025-03-10")]
    text = CALM_LEAD + "وعمل سامي العبد مديرا للشركة قبل أن يوضع رهن الحبس المؤقت في مارس 2023."
    a = article(text, {"سامي العبد": "PER"}, {"مارس 2023": "2023-03"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2023-03")]
    text = CALM_LEAD + "ويحيي المطرب سامي العبد حفلين، فيما تختتم الفرقة الوطنية الدورة يوم 20 جويلية."
    a = article(text, {"سامي العبد": "PER"}, {"20 جويلية": "2025-07-20"})
    assert [(e.date, e.trigger) for e in find_events(a)] == [("2025-07-20", "تختتم")]
    # a second date of the sentence dates its own trigger
    text = CALM_LEAD + ("وأوضح سامي العبد أن الأشغال ستبدأ مطلع عام 2027 على أن يدخل الميناء حيز الخدمة في عام "
                        "2031.")
    a = article(text, {"سامي العبد": "PER"}, {"عام 2027": "2027", "عام 2031": "2031"})
    assert [(e.date, e.trigger) for e in find_events(a)] == [("2027", "ستبدأ"), ("2031", "يدخل")]
    # a city, not the river: "سيول" alone is no trigger ("قمة في سيول")
    text = CALM_LEAD + "وشارك سامي العبد في منتدى التعليم بسيول نهاية مايو الماضي."
    a = article(text, {"سامي العبد": "PER", "سيول": "LOC"}, {"نهاية مايو الماضي": "2025-05"})
    assert all(e.trigger != "سيول" for e in find_events(a))


def test_a_final_reached_and_a_loss_are_dated_results():
    text = CALM_LEAD + "ويعد هذا ثالث تأهل للنادي، بعد أن بلغ نهائي موسم 2019 وخسره أمام فريق الوحدة."
    a = article(text, {"الوحدة": "ORG"}, {"موسم 2019": "2019"})
    assert [(e.type, e.date) for e in find_events(a)] == [("milestone", "2019")]
    text = CALM_LEAD + "وودع فريق الوحدة البطولة، بعد خسارته أمام النصر في نصف نهائي موسم 2021."
    a = article(text, {"الوحدة": "ORG", "النصر": "ORG"}, {"موسم 2021": "2021"})
    assert [(e.type, e.date) for e in find_events(a)] == [("other", "2021")]


def test_a_briefing_is_a_statement():
    text = CALM_LEAD + "وكانت البعثة قد قدمت إحاطة إلى مجلس الأمن في 3 مارس 2025، عرضت خلالها تقريرها."
    a = article(text, {"مجلس الأمن": "ORG"}, {"3 مارس 2025": "2025-03-03"})
    assert [e.type for e in find_events(a)] == ["statement"]
    text = CALM_LEAD + "وتأتي جولة المبعوث سامي العبد بعد أسبوعين من إحاطته أمام مجلس الأمن في 3 مارس الماضي."
    a = article(text, {"سامي العبد": "PER", "مجلس الأمن": "ORG"}, {"3 مارس الماضي": "2025-03-03"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2025-03-03")]


def test_a_place_right_after_the_date_is_the_event_place():
    text = CALM_LEAD + ("والتقى وزير الخارجية سامي العبد نظيره الأردني رامي الشهري، في إطار الجولة الإقليمية التي يقوم "
                        "بها لبحث ملفات التعاون الثنائي والتطورات الإقليمية والدولية الراهنة، أمس، في قصر الضيافة في "
                        "الطائف.")
    a = article(text, {"سامي العبد": "PER", "رامي الشهري": "PER", "الطائف": "LOC"}, {"أمس": "2025-04-20"})
    [e] = find_events(a)
    assert names_of(a, [e.place_mention]) == ["الطائف"]
    # a country in a title is no place
    text = CALM_LEAD + "واستقبل الملك يوم الأحد 6 أبريل أمير دولة قطر."
    a = article(text, {"قطر": "LOC"}, {"يوم الأحد 6 أبريل": "2025-04-06"})
    assert [e.place_mention for e in find_events(a)] == [None]
    text = CALM_LEAD + "واجتمع الوزير عمر الهادي أمس بمستشاريه لمناقشة الأوضاع الراهنة في اليمن."
    a = article(text, {"عمر الهادي": "PER", "اليمن": "LOC"}, {"أمس": "2024-05-01"})
    assert [e.place_mention for e in find_events(a)] == [None]        # a topic


def test_an_envoys_destination_several_words_after_his_title_is_no_place():
    text = CALM_LEAD + ("بحث المبعوث الخاص للأمين العام للأمم المتحدة إلى ليبيا، سامي العبد، يوم الاثنين، في العاصمة "
                        "المصرية القاهرة مع رئيس الوفد رامي الشهري، سبل استئناف الحوار.")
    a = article(text, {"ليبيا": "LOC", "القاهرة": "LOC", "سامي العبد": "PER", "رامي الشهري": "PER"},
                {"يوم الاثنين": "2025-04-21"})
    [e] = find_events(a)
    assert names_of(a, [e.place_mention]) == ["القاهرة"]


def test_an_undated_retelling_of_a_dated_meeting_or_signing_is_merged_into_it():
    text = CALM_LEAD + ("بحث الوزير سامي العبد، يوم الأحد، في عمان مع نظيره رامي الشهري سبل التعاون. "
                        "وقال مكتب الوزير إن العبد ناقش مع الشهري ملف المياه. "
                        "وكان العبد قد التقى قبل ذلك رئيس الوزراء خالد الراشد.")
    a = article(text, {"سامي العبد": "PER", "العبد": "PER", "رامي الشهري": "PER", "الشهري": "PER",
                       "خالد الراشد": "PER", "عمان": "LOC"}, {"يوم الأحد": "2025-04-20"})
    events = find_events(a)
    assert [(e.type, e.date) for e in events] == [("meeting", "2025-04-20"), ("meeting", None)]
    assert "خالد الراشد" in names_of(a, events[1].participant_mentions)    # a new partner: another meeting
    text = CALM_LEAD + ("وقعت الحكومة، أمس، اتفاقية قرض مع صندوق التنمية. ووقع الاتفاقية في مقر الوزارة كل من "
                        "الوزير سامي العبد ومدير الصندوق رامي الشهري.")
    a = article(text, {"صندوق التنمية": "ORG", "سامي العبد": "PER", "رامي الشهري": "PER"}, {"أمس": "2025-04-20"})
    [e] = find_events(a)
    assert e.date == "2025-04-20"
    assert names_of(a, e.participant_mentions) == ["صندوق التنمية", "سامي العبد", "رامي الشهري"]


def test_teams_meeting_play_a_match():
    text = CALM_LEAD + "ويلتقي فريق الوحدة في نصف النهائي يوم الجمعة المقبل الفائز من مواجهة النصر والشباب."
    a = article(text, {"الوحدة": "ORG", "النصر": "ORG", "الشباب": "ORG"}, {"يوم الجمعة المقبل": "2025-04-25"})
    assert [e.type for e in find_events(a)] == ["other"]
    text = CALM_LEAD + "ويلتقي الوزير سامي العبد يوم الجمعة المقبل نظيره رامي الشهري لبحث الأهداف المشتركة."
    a = article(text, {"سامي العبد": "PER", "رامي الشهري": "PER"}, {"يوم الجمعة المقبل": "2025-04-25"})
    assert [e.type for e in find_events(a)] == ["meeting"]


def test_a_date_after_since_dates_the_verb_after_when():
    text = CALM_LEAD + "وتشهد البلاد موجات من الحصبة منذ مارس 2023، حين أعلنت وزارة الصحة تسجيل أول الإصابات."
    a = article(text, {"وزارة الصحة": "ORG"}, {"مارس 2023": "2023-03"})
    assert [(e.type, e.date) for e in find_events(a)] == [("statement", "2023-03")]
    text = CALM_LEAD + "وأعلنت وزارة الصحة ارتفاع عدد الإصابات منذ مارس 2023."
    a = article(text, {"وزارة الصحة": "ORG"}, {"مارس 2023": "2023-03"})
    assert [e.date for e in find_events(a)] == [None]                 # a span's start, as before


def test_security_operations_recoveries_rulings_ratings_and_prizes_are_dated_happenings():
    cases = [
        ("تمكنت عناصر الشرطة في مدينة طنجة، مساء الأحد الماضي، من إحباط محاولة لتهريب شحنة من المخدرات.",
         {"طنجة": "LOC"}, {"مساء الأحد الماضي": "2026-05-10"}, ("other", "2026-05-10")),
        ("وأوضح الدفاع المدني أن فرق الإنقاذ انتشلت الجثتين صباح أمس الأحد من مجرى الوادي.",
         {"الدفاع المدني": "ORG"}, {"صباح أمس الأحد": "2026-04-05"}, ("other", "2026-04-05")),
        ("ورفعت وكالة فيتش في ديسمبر الماضي تصنيف مصر إلى B.",
         {"فيتش": "ORG", "مصر": "LOC"}, {"ديسمبر الماضي": "2025-12"}, ("milestone", "2025-12")),
        ("وكان آخر تتويج لنادي الهلال في عام 2021 على حساب بوهانغ.",
         {"الهلال": "ORG"}, {"عام 2021": "2021"}, ("milestone", "2021")),
        ("وكشف المخالفات تقرير لديوان المحاسبة صدر في مايو 2022.",
         {"ديوان المحاسبة": "ORG"}, {"مايو 2022": "2022-05"}, ("milestone", "2022-05")),
    ]
    for text, names, dates, want in cases:
        a = article(CALM_LEAD + text, names, dates)
        assert [(e.type, e.date) for e in find_events(a)] == [want], text


def test_a_ruling_quashed_after_qabl_an_gets_the_second_date():
    text = CALM_LEAD + ("وقضت محكمة الجنايات في يونيو 2024 ببراءة المتهمين قبل أن تلغي محكمة الاستئناف ذلك الحكم "
                        "في أبريل 2025 وتقضي بإدانتهم.")
    a = article(text, {"محكمة الجنايات": "ORG", "محكمة الاستئناف": "ORG"},
                {"يونيو 2024": "2024-06", "أبريل 2025": "2025-04"})
    events = find_events(a)
    assert [(e.type, e.date) for e in events] == [("other", "2024-06"), ("other", "2025-04")]
    assert names_of(a, events[1].participant_mentions) == ["محكمة الاستئناف"]


def test_a_date_right_after_another_happening_is_its_own_not_the_strong_main_triggers():
    text = CALM_LEAD + ("والتقت المديرة سلمى الحسن أمس الوزير رامي الشهري في القاهرة، وأعلن الطرفان التوصل إلى "
                        "اتفاق يسمح بصرف شريحة من قرض قيمته 8 مليارات دولار، جرى توقيعه في مارس 2024.")
    a = article(text, {"سلمى الحسن": "PER", "رامي الشهري": "PER", "القاهرة": "LOC"},
                {"أمس": "2026-02-16", "مارس 2024": "2024-03"})
    assert [(e.type, e.date) for e in find_events(a)] == [("meeting", "2026-02-16"), ("agreement", "2024-03")]
    text = CALM_LEAD + ("وكانت النيابة العامة قد أحالت المتهمين إلى المحاكمة في نوفمبر 2023 على خلفية عقود توريد "
                        "أبرمت خلال الجائحة بين عامي 2020 و2021.")
    a = article(text, {"النيابة العامة": "ORG"}, {"نوفمبر 2023": "2023-11", "عامي 2020": "2020", "2021": "2021"})
    assert [(e.type, e.date) for e in find_events(a)] == [
        ("other", "2023-11"), ("agreement", "2020"), ("agreement", "2021")]
    # the strong main trigger keeps a date when it has no other: one happening, its day
    text = CALM_LEAD + "والتقى الوزير سامي العبد نظيره رامي الشهري الذي وصل إلى عمان أمس."
    a = article(text, {"سامي العبد": "PER", "رامي الشهري": "PER", "عمان": "LOC"}, {"أمس": "2026-02-16"})
    assert [(e.type, e.date) for e in find_events(a)] == [("meeting", "2026-02-16")]


def test_a_verb_of_issuing_next_to_a_trigger_noun_leaves_it_the_happening():
    text = CALM_LEAD + "ونسب بيان صدر عن وزارة الدفاع أمس الأول الأحد إلى الوزير قوله إن الضرر كبير."
    a = article(text, {"وزارة الدفاع": "ORG"}, {"أمس الأول الأحد": "2015-07-19"})
    assert [(e.type, e.trigger) for e in find_events(a)] == [("statement", "بيان")]


def test_a_main_trigger_right_after_the_date_keeps_it():
    text = CALM_LEAD + ("واختتم والعبد أمس زيارته إلى إقليم كردستان التي كان قد وصلها أول من أمس، وقال في مؤتمر "
                        "صحافي إن الزيارة ناجحة.")
    a = article(text, {"والعبد": "PER", "إقليم كردستان": "LOC"}, {"أمس": "2015-07-20", "أول من أمس": "2015-07-19"})
    assert [(e.type, e.date) for e in find_events(a)][0] == ("visit", "2015-07-20")


def test_today_as_nowadays_and_an_era_after_a_year_date_nothing():
    text = CALM_LEAD + ("وكانت الجزائر قد أنشأت الوكالة الفضائية في 16 جانفي 2002، بمقرها في الجزائر العاصمة، "
                        "وتضم اليوم أكثر من 700 مهندس وباحث.")
    a = article(text, {"الجزائر": "LOC", "الجزائر العاصمة": "LOC"}, {"16 جانفي 2002": "2002-01-16", "اليوم": "2026-01-30"})
    assert [e.date for e in find_events(a)] == ["2002-01-16"]
    text = CALM_LEAD + ("ويتضمن البرنامج ندوة عن الرواية العراقية بعد ٢٠٠٣ يشارك فيها الروائي أحمد سعداوي، "
                        "الحائز على الجائزة العالمية للرواية العربية عام ٢٠١٤.")
    a = article(text, {"أحمد سعداوي": "PER"}, {"٢٠٠٣": "2003", "عام ٢٠١٤": "2014"})
    assert [(e.type, e.date) for e in find_events(a)] == [("milestone", "2014")]
    text = CALM_LEAD + "وتابع أن القمر التوأم سيطلق قبل نهاية السنة الجارية من القاعدة ذاتها في الصين."
    a = article(text, {"الصين": "LOC"}, {"نهاية السنة الجارية": "2026"})
    assert [e.date for e in find_events(a)] == ["2026"]                # a deadline, no era


# --- a speaker's own meeting, told in the first person in a direct quotation ---------------------------------

def quoted(a: Article, speaker: str) -> Article:
    """`a` with its «...» (or, with none, what follows the first colon) as the direct quotation of `speaker`."""
    text = a.text
    start, end = (text.index("«") + 1, text.index("»")) if "«" in text else (text.index(":") + 2, len(text) - 1)
    who = next(n for n, m in enumerate(a.mentions) if m.text == speaker)
    a.quotes = [Quote("q-1", a.id, "direct", text[start:end], start, end, "قال", speaker, who)]
    return a


def test_a_meeting_told_in_the_first_person_in_a_quotation_has_the_speaker_and_the_people_met():
    text = ("وبحسب بيان صادر صباح اليوم الخميس، عن أمانة الحلف في بروكسل، قال ستولينبيرج: لقد أجريت مباحثات مهمة "
            "خلال الساعات الأربع والعشرين الماضية مع رئيس الوزراء العراقى مصطفى الكاظمى ووزيرا دفاعه جمعه سعدون "
            "وخارجيته فؤاد حسين.")
    a = quoted(article(text, {"بروكسل": "LOC", "ستولينبيرج": "PER", "مصطفى الكاظمى": "PER", "جمعه سعدون": "PER",
                              "فؤاد حسين": "PER"}, {"صباح اليوم الخميس": "2021-02-18"}), "ستولينبيرج")
    events = find_events(a)
    assert [e.type for e in events] == ["statement", "meeting"]         # the statement stays
    meeting = events[1]
    assert meeting.trigger == "أجريت مباحثات" and meeting.date is None  # the statement's day is not the meeting's
    assert names_of(a, meeting.participant_mentions) == ["ستولينبيرج", "مصطفى الكاظمى", "جمعه سعدون", "فؤاد حسين"]
    assert len({e.id for e in events}) == 2
    text = CALM_LEAD + "وقال الوزير سامر العلي: «في اتصال هاتفي أجريته مع الرئيس باسل حداد أكدت له دعمنا»."
    a = quoted(article(text, {"سامر العلي": "PER", "باسل حداد": "PER"}), "سامر العلي")
    assert [(e.type, names_of(a, e.participant_mentions)) for e in find_events(a)] == [
        ("call", ["سامر العلي", "باسل حداد"])]
    # the quotation goes on in a sentence of its own, which does not name the speaker
    text = CALM_LEAD + "وقال الوزير سامر العلي: «نحن حريصون على التعاون. وقد التقينا أمس بالرئيس باسل حداد»."
    a = quoted(article(text, {"سامر العلي": "PER", "باسل حداد": "PER"}, {"أمس": "2025-04-01"}), "سامر العلي")
    assert [(e.type, e.date, names_of(a, e.participant_mentions)) for e in find_events(a)] == [
        ("meeting", "2025-04-01", ["سامر العلي", "باسل حداد"])]


@pytest.mark.parametrize("said", [
    "سألتقي الرئيس باسل حداد الأسبوع المقبل",
    "لم ألتقِ الرئيس باسل حداد",
    "أتمنى أن ألتقي الرئيس باسل حداد",
    "ما التقيت الرئيس باسل حداد منذ سنوات",
    "لو اجتمعنا مع الرئيس باسل حداد لانتهت الأزمة",
    "أتطلع إلى لقائي مع الرئيس باسل حداد",
])
def test_no_first_person_meeting_to_come_wished_or_denied(said):
    text = CALM_LEAD + f"وقال الوزير سامر العلي: «{said}»."
    a = quoted(article(text, {"سامر العلي": "PER", "باسل حداد": "PER"}), "سامر العلي")
    assert [e.type for e in find_events(a)] == []


def test_a_first_person_meeting_outside_a_quotation_is_no_event():
    # the writer's own first person (a column) names no speaker to take part
    a = article(CALM_LEAD + "التقيت أمس بالرئيس باسل حداد في مكتبه.", {"باسل حداد": "PER"}, {"أمس": "2025-04-01"})
    assert find_events(a) == []
