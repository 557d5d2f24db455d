"""Typed, dated events: one per sentence and date, and the same event told by several articles linked.

A sentence is an event when it holds a trigger word (marsad/data/event_triggers.json): meeting (التقى،
استقبل، بحث ... مع), visit (زار، وصل ... إلى), call (اتصال هاتفي), agreement (وقّع ... اتفاقية، مذكرة تفاهم),
statement (أعلن; أكد/قال only when dated), milestone (منح، انضم، قرر، نال، توّج، تتويج، رفعت ... تصنيف، صدر — a
dated fact) or other (قصفت، هجوم، فاز ... على، توفي، نظمت، أمرت ... بحبس، إحباط محاولة، حجزت، انتشلت، دُمّر، مباراة،
انتخابات). A verb of issuing next to a trigger noun leaves it the happening ("بيان صدر عن الوزارة"). A contract in construct ("وقّعت ... عقد توريد") is weak:
undated, "وقعت ... قبل عقد" is a decade. Strong triggers make an event even undated; weak ones only when a
date dates them: "خلال اللقاء" or "وأكد" alone retell or comment, they do not report a new event -- except in the lead, the first
sentence of six or more tokens, whose weak verb tells the article's own news ("أدان وكيل الإمارة الهجوم",
"قتل 14 شخصا"): that undated event is kept unless the article dates an event of its type (an undated one
elsewhere is background and does not count). Nouns are also matched with a
pronoun (توقيعه، لقائهما: weak) or the accusative alef (اجتماعاً), and so is the object ending a verb phrase
("تعقد الحكومة جلستها", "عقدت اللجنة اجتماعها"). An indefinite جلسة right before a date ("في جلسة 17 مايو
الماضي", "بجلسة الأحد المقبل") is a dated session: a court's (other) in a sentence about a court or a case, else a
sitting (meeting); a verb of an act before it keeps the date ("أجلت المحكمة القضية إلى جلسة 9 مارس"). No trigger is a word inside a fixed
expression ("في معرض حديثه", "فقد الاتصال"), something that did not happen ("كان من المقرر وصوله", "بشرط
الاتفاق"), a count ("70 مباراة"), an arrival at no place ("وصلت إلى 90 في المائة", "الوصول إلى مرمى") or of goods, or a
reception of cases ("وصول شحنة من لقاحات", "استقبلت أكثر من 300 حالة").

Each date is given to the trigger it dates (`_dated_groups`), and the trigger sets the event's type. The
main trigger is the first strong one (a call trigger anywhere wins: talks held by phone are told with meeting
words), else the first weak verb, else the first weak noun. A date after a clause opener (أن/إن and their
forms, a colon) does not date a trigger before it -- in "وأكد المصدر أن اللاعب أصيب قبل أسبوعين" the
statement is not two weeks old -- and dates on the other side of a direct quotation (`article.quotes`, so
run quotes first) count for nothing: in "وشدد: «... بدأناه عام 2020»" the statement is not from 2020. A
date in a relative clause on a trigger noun dates that noun (`_described_noun`: in "أعلنت اللجنة فوزه في
الاقتراع الذي جرى السبت" the vote, not the announcement, is from Saturday). A strong main trigger takes
every other date it may -- but a date right after the words of another type's happening is that
happening's ("أحالت المتهمين إلى المحاكمة في نوفمبر 2023 ... عقود ... أبرمت ...", "من قرض ...، جرى توقيعه في
آذار 2024") while the main trigger keeps a date of its own; any other date goes to the nearest trigger before it within a few words (names and
titles not counted), or right after it, and dates nothing when there is none: a statement is not dated
by the figures, forecasts and background it reports. An attribution ("بحسب ما أعلنت الوزارة أمس") is no
event; its date dates the main trigger only when the sentence has no other. A bare year right after بعد/قبل is an era ("الرواية العراقية بعد 2003") and a bare "اليوم" after a verb of a
state ("وتضم اليوم أكثر من 700 مهندس") is nowadays: neither dates anything. A sentence
gives an undated event (its strong main trigger's) only when it gives no dated one. Two dates of one trigger
give two events ("ما بين عام 2004 و2011"), but a range of days is one ("من 3 إلى 5 مايو"); a less precise
date that a more precise one contains is dropped ("الخميس" + "الخميس 1 يوليو 2021" is one date). A sentence
that opens on a year or a month ("وفي يناير 2017 ...") is a milestone even without a trigger; a bare
dateline is not.

An event names someone (a PER/ORG mention, a role phrase that resolves to one, or, for a dated event, an institution
noun next to its trigger: "وكانت الحكومة السابقة قد رفعت الضريبة ... في أيلول 2024") or somewhere (a LOC), or
is dated to a day (the tagger misses names; "ضحايا الزلزال الذي ضرب ... فجر أمس الخميس"): feature writing
("من يزور موناكو يتمتع ...", "التوقيع بالأحرف الأولى لا يعني ...") uses the same verbs without reporting
anything that happened, and without a day. A sentence opening on "جاء ذلك" is of the day of the sentence
before, and so is one opening on "كما" and a verb of the type of an event that sentence dated ("كما قضت
المحكمة ..."); a trigger noun after بعد/قبل ("بعد يوم من مكالمة") or a verb after بعد أن only measures the
sentence's happening and is not its main trigger; an undated noun retelling the event the sentence before
dated ("وجرى التوقيع") is no second event, and an undated meeting, visit, call or signing told again after the
dated one of its type (the same people, or its verb's object definite: "ووقع الاتفاقية ... كل من ...") is merged
into it. Teams that meet play a match ("ويلتقي الفريق في نصف النهائي": other). An outlet or a platform the words were posted on takes no part. Its place is a LOC governed by في/إلى/a place word near its
trigger, the place a visit trigger names as its object ("سيزور اليابان"), a dateline opening the sentence, or
a LOC after في right after the date ("أمس، على ملعب ... في جدة");
a LOC that is only an actor, a partner or a topic ("تقوده السعودية", "الأوضاع في اليمن") or is inside a short
quoted name (the film "كان يا ما كان في غزة") is no place. A
trigger of a clause other than the main one takes its place and participants from its clause only.

A speaker's own meeting, call or visit told in the first person inside a direct quotation with a known speaker
("قال ستولينبيرج: لقد أجريت مباحثات ... مع رئيس الوزراء ...", "التقينا"، "خلال لقائي مع"، "في اتصال هاتفي
أجريته مع"، "زرت" a place; the listed past verbs' "I"/"we" forms and nouns with "my"/"our") is an event of its
own beside the sentence's: the speaker takes part with the PER/ORG named (or role phrase resolved) after the
trigger, and a date in the trigger's clause inside the quotation dates it. Not negated or hypothetical ("ما
التقيت", "لو زرت"), and a meeting verb with أ after أن/لم/كنت is "I" in the present, no event ("أتمنى أن
ألتقي").
"""
from __future__ import annotations

import bisect
import datetime
import itertools
from dataclasses import dataclass
from functools import lru_cache

from marsad.lexicon import (
    Hit,
    PhraseTable,
    canonical,
    conjunction_variants,
    in_set,
    is_word,
    load_data,
    normal,
    positions,
    tokenized,
    word_set,
)
from marsad.metadata import dateline_end, is_agency
from marsad.records import Article, Event, Mention, Timex, content_id
from marsad.referents import referents_of

EVENT_TYPES = ("meeting", "visit", "call", "statement", "agreement", "milestone", "other")
DATE_KINDS = ("date", "time", "relative")
PLACE_LOOKBACK_WORDS = 3        # "في مقر الناتو في بروكسل", "إلى العاصمة العراقية بغداد"
PLACE_AFTER_WORDS = 25          # a place this far from the trigger belongs to another clause ("الهدنة في غزة")
PLACE_BEFORE_WORDS = 10
TITLE_WORDS = 6                 # a quoted name of a work or a body is this short: "كان يا ما كان في غزة"
PLACE_NEAR_WORDS = 8            # a place governed by في/إلى this close after the trigger (its own word counted) is its own
FRAMING_WORDS = 4               # a date within the first words of the sentence frames it
MIN_FRAMED_WORDS = 3            # words besides the date: a dateline alone ("23 ديسمبر 2021") is no event
LEAD_TOKENS = 6                 # a shorter first sentence is a dateline or a kicker, not the lead
DATE_WORDS = 16                 # a weak trigger is dated by a date this many words away at most (names not counted)
DATE_AFTER_WORDS = 4            # a trigger after the date is dated by it this many words away at most
DESTINATION_WORDS = 4           # "وصول الوزير ووفده إلى": an arrival's إلى within these words
_CLITICS = "وفبلك"
_CLAUSE_PUNCT = frozenset(":؛;")
_ATTRIBUTION_END = _CLAUSE_PUNCT | frozenset("،,")
_DATELINE_MARKS = frozenset({"-", "–", "—", ":"})
_ILA = frozenset({"الى", "الي"})
RANGE_DAYS = 7                  # two dates this close, joined by a dash or إلى/حتى/و, are one range
_RANGE_WORDS = _ILA | frozenset({"حتى", "حتي", "و"})


@dataclass(frozen=True)
class _Trigger:
    type: str
    strong: bool
    first: str                  # canonical first word, to cut clitics off the word as written
    gap: bool
    base: str = ""              # canonical first word of the listed form a derived form comes from
    verb: bool = False
    session: bool = False       # "جلسة" right before its date ("في جلسة 17 مايو"), found by `_sessions`
    background: bool = False    # the verb of "وكانت الوزارة قد أرسلت", found by `_pluperfects`


@dataclass(frozen=True)
class _Lexicon:
    verbs: PhraseTable[_Trigger]            # only و/ف written on the first word
    nouns: PhraseTable[_Trigger]            # ب/ل/ك and ال too
    locative: frozenset[str]
    not_place: frozenset[str]
    framing: frozenset[str]
    overriding: frozenset[str]
    clause_openers: frozenset[str]          # normalised, looked up without a leading و/ف
    attribution: PhraseTable[bool]
    not_triggers: PhraseTable[bool]
    unrealised: PhraseTable[bool]
    destination: frozenset[str]             # canonical first words of arrival triggers
    place_words: frozenset[str]
    topic_words: frozenset[str]
    verb_types: dict[str, str]              # normalised one-word verbs -> their type, to type a pluperfect
    first_person: PhraseTable[_Trigger]     # "التقيت", "أجرينا مباحثات", "لقائي": a speaker's own meeting
    resumptive: frozenset[str]              # "أجريته", "تلقيناه": a first-person verb after its noun ("اتصال هاتفي أجريته")
    wasl: frozenset[str]                    # meeting verbs listed with a bare alef (التقى): written أ, "I ..." (ألتقي)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data("event_triggers.json")
    verbs, nouns = [], []
    for typ, groups in data.get("types", {}).items():
        if typ not in EVENT_TYPES:
            continue
        for key, strong, table, cut in (("strong", True, verbs, normal), ("weak", False, verbs, normal),
                                        ("strong_nouns", True, nouns, canonical),
                                        ("weak_nouns", False, nouns, canonical)):
            for phrase in groups.get(key, []):
                table.append((phrase, _Trigger(typ, strong, cut(phrase.split()[0]), "..." in phrase,
                                               verb=table is verbs)))
                head, gap, last = phrase.rpartition(" ... ")
                if table is verbs and gap and " " not in last and normal(last) not in _PREPOSITIONS:
                    verbs.extend((f"{head} ... {form}", _Trigger(typ, strong, cut(head.split()[0]), True, verb=True))
                                 for form in _object_forms(last))
                if table is nouns and " " not in phrase:
                    # a noun with a possessive pronoun (توقيعه، تأسيسها) points back to its event more often
                    # than it reports one: weak, whatever the bare noun is
                    nouns.extend((form, _Trigger(typ, False, canonical(form), False, canonical(phrase)))
                                 for form in _with_pronouns(phrase))
                    nouns.extend((form, _Trigger(typ, strong, canonical(form), False, canonical(phrase)))
                                 for form in _accusative(phrase))
    return _Lexicon(
        verbs=PhraseTable(verbs, conjunction_variants),
        nouns=PhraseTable(nouns),
        locative=word_set(data.get("locative", [])),
        not_place=word_set(data.get("not_place", [])),
        framing=word_set(data.get("framing", [])),
        overriding=frozenset(data.get("overriding_types", [])),
        clause_openers=frozenset(normal(w) for w in data.get("clause_openers", [])),
        attribution=PhraseTable((p, True) for p in data.get("attribution", [])),
        not_triggers=PhraseTable((p, True) for p in data.get("not_triggers", [])),
        unrealised=PhraseTable((p, True) for p in data.get("unrealised", [])),
        destination=word_set(data.get("destination_triggers", [])),
        place_words=word_set(data.get("place_words", [])),
        topic_words=word_set(data.get("topic_words", [])),
        verb_types={normal(p): typ for typ, groups in data.get("types", {}).items() if typ in EVENT_TYPES
                    for key in ("strong", "weak") for p in groups.get(key, []) if " " not in p},
        first_person=PhraseTable(_first_person_phrases(data.get("types", {})), conjunction_variants),
        resumptive=frozenset(normal(form + pronoun) for typ in _TOLD_FIRST_HAND
                             for verb, rest in _past_verbs(data.get("types", {}).get(typ, {}))
                             if rest and normal(rest.split()[-1]) not in _PREPOSITIONS | _ILA and rest[0] != "ب"
                             for form in _first_person_forms(verb) for pronoun in ("ه", "ها")),
        wasl=frozenset(normal(p.split()[0]) for typ in _TOLD_FIRST_HAND for key in ("strong", "weak")
                       for p in data.get("types", {}).get(typ, {}).get(key, []) if p.startswith("ا")),
    )


_TOLD_FIRST_HAND = ("meeting", "call", "visit")   # what a speaker tells of having done ("التقيت", "زرت")


def _first_person_phrases(types: dict) -> list[tuple[str, _Trigger]]:
    """The first-person forms of the strong meeting, call and visit verbs (التقى -> التقيت، التقينا; "أجرى
    مباحثات" -> "أجريت مباحثات"; زار -> زرت، زرنا), and the single-word nouns of those types with "my"/"our"
    (لقائي، زيارتنا)."""
    out = []
    for typ in _TOLD_FIRST_HAND:
        groups = types.get(typ, {})
        for verb, rest in _past_verbs(groups):
            out.extend((f"{form} {rest}".strip(), _Trigger(typ, True, normal(form), "..." in rest, verb=True))
                       for form in _first_person_forms(verb))
        for noun in groups.get("strong_nouns", []) + groups.get("weak_nouns", []):
            if " " not in noun and not noun.endswith(("ين", "هم")):        # not a dual, not "their ..."
                out.extend((form, _Trigger(typ, True, canonical(form), False, canonical(noun)))
                           for form in _with_pronouns(noun, ("ي", "نا")))
    return out


def _past_verbs(groups: dict) -> list[tuple[str, str]]:
    """(verb, rest of the phrase) of the strong phrases whose first word is a past verb, "he": its feminine is
    listed too (التقى/التقت, زار/زارت) -- not a present (يلتقي، تلتقي) nor a doubled verb (حل)."""
    listed = {normal(p.split()[0]) for key in ("strong", "weak") for p in groups.get(key, [])}
    out = []
    for phrase in groups.get("strong", []):
        verb, _, rest = phrase.partition(" ")
        if len(verb) >= 3 and not verb.endswith(("ت", "وا")) and verb[0] not in "يس" \
                and normal(_feminine(verb)) in listed:
            out.append((verb, rest))
    return out


def _feminine(verb: str) -> str:
    """The past verb's feminine: التقى -> التقت, زار -> زارت."""
    return verb[:-1] + "ت" if verb.endswith("ى") else verb + "ت"


def _first_person_forms(verb: str) -> list[str]:
    """"I" and "we" of a past verb: التقى -> التقيت، التقينا; زار -> زرت، زرنا (a hollow verb loses its alef)."""
    if verb.endswith("ى"):
        stem = verb[:-1] + "ي"
    elif len(verb) == 3 and verb[1] == "ا":
        stem = verb[0] + verb[2]
    else:
        stem = verb
    return [stem + "ت", stem + "نا"]


def _with_pronouns(noun: str, pronouns: tuple[str, ...] = ("ه", "ها", "هم", "هما")) -> list[str]:
    """A noun with the pronouns written on it: زيارة -> زيارته، زيارتها، زيارتهم، زيارتهما; لقاء -> لقائه."""
    if noun.endswith("ة"):
        stem = noun[:-1] + "ت"
    elif noun.endswith("اء"):
        stem = noun[:-1] + "ئ"
    elif noun.endswith(("ى", "ا", "ه")):
        return []
    else:
        stem = noun
    return [stem + suffix for suffix in pronouns]


def _object_forms(noun: str) -> list[str]:
    """The other forms of the object ending a verb phrase ("عقد ... اجتماعا", "عقد ... جلسة"): with a pronoun
    ("تعقد الحكومة جلستها", "عقدت اللجنة اجتماعها") and, for a noun listed without it, the accusative alef
    ("وقعت الشركة اتفاقا"). A listed accusative keeps the object reading: the bare noun after the verb's
    noun (masdar) is its genitive ("الدعوة إلى عقد اجتماع طارئ", "عقد الاجتماع لم يتأكد")."""
    if noun.endswith("ا") and len(noun) > 3:
        return _with_pronouns(noun[:-1])
    return _with_pronouns(noun) + _accusative(noun)


def _accusative(noun: str) -> list[str]:
    """A noun with the accusative alef written (اجتماعاً -> اجتماعا): nouns not ending in ة/ى/ا/ء/ه."""
    return [] if noun.endswith(("ة", "ى", "ا", "ء", "ه", "ي")) else [noun + "ا"]


def find_events(article: Article) -> list[Event]:
    """Events of `article`, in text order (see the module docstring for what makes one)."""
    text = article.text
    if not text or not text.strip():
        return []
    lex = _lexicon()
    read = tokenized(text)
    tokens, starts, words_before = read.tokens, read.starts, read.words_before
    mentions, referents, _ = referents_of(article)
    triggers = positions(tokens, lex.verbs.first_words(read.words) | lex.nouns.first_words(read.words))
    ref_starts = [r.start for r in referents]
    timexes = sorted(
        (t for t in article.timexes
         if t.kind in DATE_KINDS and 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text),
        key=lambda t: t.start,
    )
    timex_starts = [t.start for t in timexes]
    quoted = sorted((q.start, q.end) for q in article.quotes if q.kind == "direct")
    quoted_starts = [q[0] for q in quoted]
    locations = [i for i in mentions if article.mentions[i].type == "LOC"]
    loc_starts = [article.mentions[i].start for i in locations]
    loc_tokens = {bisect.bisect_left(starts, article.mentions[i].start) for i in locations}
    plain = _plain_words(tokens, starts, referents)
    credited = dateline_end(text)

    def side(pos: int):
        return _quote_at(quoted, quoted_starts, pos)

    events: list[Event] = []
    lead: list[Event] = []                      # the lead's weak undated event, kept when nothing retells it
    strong_leads: list[Event] = []              # the lead's strong undated event, kept unless dated next
    pointing_back: set[str] = set()             # ids of events a noun with a pronoun or the article tells
    background: set[str] = set()                # ids of events a pluperfect tells ("وكانت ... قد أرسلت")
    retold: set[str] = set()                    # ids of events whose verb's object is definite ("ووقع الاتفاقية")
    last_end = -1                               # the end of the sentence before
    told_on: dict[int, Timex] = {}              # a sentence's end -> the date of its first dated event
    after_lead = False                          # the lead: the first sentence of LEAD_TOKENS or more (not a dateline)
    for s, e in read.sentences:
        lead_only = strong_lead = False
        previous = {event.type for event in events if event.date and event.end == last_end}
        before = told_on.get(last_end)
        last_end = e
        carried = None
        a, b = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        is_lead = not after_lead and b - a >= LEAD_TOKENS
        after_lead = after_lead or is_lead
        k = bisect.bisect_left(timex_starts, s)
        here = [t for t in timexes[k:bisect.bisect_left(timex_starts, e)] if t.end <= e]
        cut = _attributions(lex, tokens, a, b)
        hits = [h for h in _hits(lex, tokens, triggers[bisect.bisect_left(triggers, a):bisect.bisect_left(triggers, b)],
                                 a, b, loc_tokens, [(t.start, t.end) for t in here])
                if not _inside(cut, h.first)]
        hits = sorted(hits + [h for h in _sessions(tokens, starts, a, b, here, hits) + _pluperfects(lex, tokens, a, b, hits)
                              if not _inside(cut, h.first)], key=lambda h: h.first)
        main = _main(lex, hits, tokens)
        if main is not None and main.value.background and any(_framed(lex, tokens, a, b, t) for t in here):
            main = None                         # "في حزيران، دفعت الدولة ... الذين كانوا قد وجدوا": the opening date
            hits = []                           # is the sentence's, not the pluperfect's
        if main is None:
            # no trigger: a sentence opening on a year or a month is a dated fact ("وفي يناير 2017 ...")
            dates = _distinct_dates([t for t in here if side(t.start) is None])
            if not (dates and _framed(lex, tokens, a, b, dates[0])
                    and _words_outside(tokens, a, b, here) >= MIN_FRAMED_WORDS):
                continue
            groups = [(None, dates)]
        else:
            groups = _dated_groups(lex, tokens, starts, plain, a, b, here, hits, main, cut, side,
                                   (article.published or "")[:10] if is_lead else None)
            if not groups and before is not None and (_refers_back(tokens, a, b) or _also(tokens, a, main, previous)):
                carried = before                # "قال فيدان، الأحد، ..." then "جاء ذلك في مؤتمر صحفي ...": that day
                groups = [(main, [carried])]
            if not groups:
                if not main.value.strong and not (is_lead and _lead_verb(tokens, main)):
                    continue                    # "خلال اللقاء", "وأكد" undated: a retelling or a comment
                if main.value.type in previous and not main.value.verb and (
                        main.value.base or _definite(tokens[main.first].text)):
                    continue                    # "وقعت سوناطراك، الجمعة، ... عقدا." then "وجرى التوقيع بمقر ...":
                                                # the event the sentence before dated, told again
                groups = [(main, [])]
                lead_only = not main.value.strong
                strong_lead = is_lead and main.value.strong
        named = [i for i in _participants(article, referents, ref_starts, s, e)
                 if article.mentions[i].start >= credited]      # "بيروت (رويترز) -": Reuters takes no part
        people = [i for i in named if not _media(article.mentions[i], text)]   # a source, named or not
        for hit, dates in groups:
            near = hit.first if hit is not None else a
            # a trigger of a clause other than the main one: its place and its participants are its clause's
            clause = _clause(lex, tokens, a, b, hit.first) if hit is not None and hit is not main else None
            # a place in a speaker's words is what they spoke about, not where the event happened
            unquoted = [i for i in locations if side(article.mentions[i].start) == side(tokens[near].start)]
            place, somewhere = _place(article, lex, tokens, starts, words_before, unquoted,
                                      [article.mentions[i].start for i in unquoted], s, e,
                                      near, clause, hit is not None and hit.value.type == "visit")
            if somewhere is None:
                # ... but it shows the sentence is about somewhere, as feature writing is not
                somewhere = _place(article, lex, tokens, starts, words_before, locations, loc_starts, s, e, near,
                                   clause, hit is not None and hit.value.type == "visit")[1]
            if place is None and somewhere is None and not named and not (
                    dates and hit is not None and (hit.value.background or _institution_near(tokens, hit, a, b))):
                # nobody and nowhere named: "من يزور موناكو ..." is no news event -- unless the sentence gives
                # the day it happened ("ضحايا الزلزال الذي ضرب ... فجر أمس الخميس"), which feature writing
                # does not: the tagger missed its names; a dated pluperfect ("وكان الاتحاد قد نظم الأسبوع
                # الماضي ندوة") is news background, which feature writing does not tell either
                dates = [t for t in dates if t.value and len(t.value) == len("2025-05-22")]
                if not dates:
                    continue
            taking_part = people
            if clause is not None:
                # "وأوضح فلان أنه ... منذ تأسيسه عام 1906": the speaker takes no part in the founding
                lo, hi = clause
                taking_part = [i for i in people if tokens[lo].start <= article.mentions[i].start < tokens[hi - 1].end]
                if hit is not None and main is not None and main.first < hit.first and _after_since(tokens, hit):
                    # "التقى ميقاتي هوكشتاين ... منذ اندلاع المواجهات بين «حزب الله» وإسرائيل": the meeting's
                    # people take no part in the outbreak its phrase measures from
                    end = next((j for j in range(hit.last + 1, b) if tokens[j].text in _ATTRIBUTION_END), b)
                    taking_part = [i for i in taking_part if tokens[hit.first].start <= article.mentions[i].start
                                   < tokens[end - 1].end]
            for h in hits if main is not None else []:
                if h is not hit and h.first > near and _anchor(tokens, h) and not _anchor(tokens, main):
                    # "اجتمع القادة يوم الثلاثاء، بعد يوم من مكالمة أجراها بوتين مع ترامب": the call's people
                    # take no part in the meeting
                    end = next((j for j in range(h.last + 1, b) if tokens[j].text in _ATTRIBUTION_END), b)
                    taking_part = [i for i in taking_part
                                   if not tokens[h.first].start <= article.mentions[i].start < tokens[end - 1].end]
            typ = hit.value.type if hit is not None else "milestone"
            if typ == "meeting" and hit is not None and _match_meeting(tokens, hit, a, b):
                typ = "other"                   # "ويلتقي الفريق في نصف النهائي يوم الجمعة": a match
            word = _as_written(text, tokens, hit) if hit is not None else None
            for timex in dates or [None]:
                date_text = timex.text if timex and timex is not carried else None
                if timex is not None and not lead_only:
                    told_on.setdefault(e, timex)
                where = place
                if where is None and timex is not None:
                    # "فاز ... بعد ...، أمس، على ملعب ... في جدة": a place right after the date is where it happened
                    where = _place_after_date(article, lex, tokens, starts, plain, unquoted, s, e, timex)
                if len(dates) > 1 and timex is not None and hit is not None:
                    # "الموقع عليها في الرياض بتاريخ ... وفي برلين بتاريخ ...": each date its own place
                    where = _place_before(article, lex, tokens, starts, locations, loc_starts, hit.first,
                                          bisect.bisect_left(starts, timex.start), s) or place
                if hit is not None and not hit.value.verb and (
                        hit.value.base or _definite(tokens[hit.first].text)):
                    pointing_back.add(content_id("v", article.id, s, e, date_text or ""))
                if hit is not None and hit.value.background:
                    background.add(content_id("v", article.id, s, e, date_text or ""))
                if hit is not None and hit.value.verb and hit.value.gap and _definite(tokens[hit.last].text) \
                        and normal(tokens[hit.last].text) not in _PREPOSITIONS | _ILA:
                    retold.add(content_id("v", article.id, s, e, date_text or ""))   # "ووقع الاتفاقية"
                (lead if lead_only else strong_leads if strong_lead else events).append(Event(
                    id=content_id("v", article.id, s, e, date_text or ""),
                    article=article.id,
                    type=typ,
                    sentence=text[s:e],
                    start=s,
                    end=e,
                    date=timex.value if timex else None,
                    date_text=date_text,
                    trigger=word,
                    place_mention=where,
                    participant_mentions=list(taking_part),
                ))
    # a dated pluperfect is background: the lead's own news stands beside it
    types = {event.type for event in events if event.date and event.id not in background}
    # the lead's strong trigger undated gives way to its news told with its date in the next sentence by a noun
    # that points back to it, naming one of its participants ("وقّعت شركة «الكثيري» عقدا مع ائتلاف «باكس» ..."
    # then "... أن العقد مع شركة باكس تم توقيعه في التاسع من يوليو"); a verb there tells another event of its
    # type ("والتقى الرئيس أمس السفير"), and further on a dated event of its type is as often another one
    following = {lead_end: n for n, lead_end in enumerate(e for _, e in read.sentences)}
    next_start = {read.sentences[n + 1][0] for event in strong_leads if event.end in following
                  for n in [following[event.end]] if n + 1 < len(read.sentences)}
    dated = {(event.type, _name_key(article.mentions[i])) for event in events if event.date
             and event.start in next_start and event.id in pointing_back for i in event.participant_mentions}
    strong_leads = [event for event in strong_leads
                    if not any((event.type, _name_key(article.mentions[i])) in dated for i in event.participant_mentions)]
    found = strong_leads + [event for event in lead if event.type not in types] + events
    return _merge_retold(article, _told_first_hand(article, lex, read, mentions, referents, ref_starts, plain, found),
                         retold)


_NOT_SO = frozenset(normal(w) for w in ("ما", "وما", "لم", "ولم", "لن", "لا", "لو", "ولو", "إذا", "وإذا", "إن",
                                         "وإن", "كلما", "متى", "ليتني", "لعلي"))   # "ما التقيت", "لو زرت": no event
MET_WORDS = 8       # plain words from a first-person trigger to the first party met ("أجريت مباحثات مهمة خلال ... مع")
VISITED_WORDS = 2   # plain words between a first-person visit trigger and its place ("زرت المسجد النبوي")
_STILL_TO_COME = word_set(("المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة", "المنتظر", "المنتظرة"))


def _told_first_hand(article: Article, lex: _Lexicon, read, valid: list[int], referents, ref_starts: list[int],
                     plain: list[int], events: list[Event]) -> list[Event]:
    """`events` with the meetings, calls and visits a speaker tells in the first person inside a direct
    quotation (`_first_person_hits`): "قال ستولينبيرج: لقد أجريت مباحثات ... مع رئيس الوزراء ...". The
    speaker takes part with the parties named after the trigger in its clause; the sentence's own event (a
    statement, or the meeting when the quotation's trigger is its main one) stays, and an event of the same
    type there is this one, which the speaker joins. Dated only by a date in the trigger's clause inside the
    quotation: the date of the statement telling it is not that of the meeting."""
    quotes = sorted((q for q in article.quotes if q.kind == "direct" and q.speaker_mention is not None
                     and 0 <= q.speaker_mention < len(article.mentions)
                     and not _media(article.mentions[q.speaker_mention], article.text)),   # a misread speaker
                    key=lambda q: q.start)
    if not quotes:
        return events
    text, tokens, starts = article.text, read.tokens, read.starts
    spans = [(q.start, q.end) for q in quotes]
    span_starts = [q.start for q in quotes]

    def side(pos: int):
        return _quote_at(spans, span_starts, pos)
    timexes = [t for t in article.timexes if t.kind in DATE_KINDS and text[t.start:t.end] == t.text]
    locations = [i for i, m in enumerate(article.mentions) if m.type == "LOC"]
    out = list(events)
    for s, e in read.sentences:
        a, b = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        for q in quotes:
            lo, hi = bisect.bisect_left(starts, max(s, q.start)), bisect.bisect_left(starts, min(e, q.end))
            for hit in _first_person_hits(lex, tokens, referents, ref_starts, lo, hi):
                speaker = q.speaker_mention
                clause = _clause(lex, tokens, lo, hi, hit.first)
                stop = next((j for j in range(hit.last + 1, hi) if tokens[j].text in _ATTRIBUTION_END
                             or tokens[j].text == "." or _opens_clause(lex, tokens[j])), hi)
                # the parties named after the trigger in its clause: their names, and role phrases that resolve to
                # one (a referent may span a list: "رئيس الوزراء ... الكاظمى ووزيرا دفاعه جمعه سعدون")
                lo_char, hi_char = tokens[hit.last].end, tokens[stop - 1].end
                named = sorted([(_written_at(article, r), r.end, r.mention)
                                for r in referents[bisect.bisect_left(ref_starts, lo_char):]
                                if r.start < hi_char and r.end <= hi_char]
                               + [(m.start, m.end, i) for i in valid if (m := article.mentions[i]).type in ("PER", "ORG")
                                  and lo_char <= m.start and m.end <= hi_char])
                met = _met(tokens, starts, [(start, end, i) for start, end, i in named
                                            if i != speaker and not _media(article.mentions[i], text)])
                quoted = [i for i in locations if side(article.mentions[i].start) == (q.start, q.end)]
                place = _place(article, lex, tokens, starts, read.words_before, quoted,
                               [article.mentions[i].start for i in quoted], s, e, hit.first, clause,
                               hit.value.type == "visit")[0]
                first = next((start for start, _, i in named if i in met), None)
                if hit.value.type == "visit" and (place is None or plain[bisect.bisect_left(
                        starts, article.mentions[place].start)] - plain[hit.last + 1] > VISITED_WORDS):
                    continue                    # "زرت" a place, right after it: not "وصلنا إلى حقبة ... في العراق"
                if hit.value.type != "visit" and (first is None or plain[bisect.bisect_left(starts, first)]
                                                  - plain[hit.first + 1] > MET_WORDS or any(
                        tok.text in _ATTRIBUTION_END for tok in tokens[hit.first:bisect.bisect_left(starts, first)])):
                    continue                    # nobody named met: "التقيت بكثير من الناس", "بحثنا عن ...، مع"
                # a visit is to a place: the people named after it are met there, told by the meeting
                people = [speaker] + ([] if hit.value.type == "visit" else list(dict.fromkeys(met)))
                same = next((ev for ev in out if ev.start == s and ev.type == hit.value.type), None)
                if same is not None:
                    same.participant_mentions.extend(i for i in people if i not in same.participant_mentions)
                    continue
                here = [t for t in timexes if tokens[clause[0]].start <= t.start and t.end <= tokens[clause[1] - 1].end]
                groups = _dated_groups(lex, tokens, starts, plain, a, b, here, [hit], hit,
                                       _attributions(lex, tokens, a, b), side)
                timex = groups[0][1][0] if groups and groups[0][1] else None
                event = Event(id=content_id("v", article.id, s, e, timex.text if timex else "", hit.value.type),
                              article=article.id, type=hit.value.type, sentence=text[s:e], start=s, end=e,
                              date=timex.value if timex else None, date_text=timex.text if timex else None,
                              trigger=_as_written(text, tokens, hit), place_mention=place,
                              participant_mentions=people)
                at = next((n for n, ev in enumerate(out) if ev.start > s), len(out))
                out.insert(at, event)
    return out


JOINED_WORDS = 3    # words before a further party's name after و ("ووزيرا دفاعه جمعه سعدون")


def _met(tokens, starts: list[int], named: list[tuple[int, int, int]]) -> list[int]:
    """The parties met, from the names after a first-person trigger, (start, end, mention) in order: the first
    and those joined to it by و ("مع رئيس الوزراء ... الكاظمى ووزيرا دفاعه جمعه سعدون وخارجيته فؤاد حسين"),
    not a name further on in what the speaker says next ("مع أوباما جددنا عزمنا على الصراع ضد ... تنظيم")."""
    out: list[int] = []
    last_end = None
    for start, end, mention in named:
        if last_end is not None and start >= last_end:     # not a name inside the role phrase before it
            between = [tok for tok in tokens[bisect.bisect_left(starts, last_end):bisect.bisect_left(starts, start)]
                       if is_word(tok)]             # "والمصرف المركزي": the token with و starts before the name
            if not between or not between[0].text.startswith("و") or len(between) > JOINED_WORDS:
                break
        if mention not in out:
            out.append(mention)
        last_end = max(end, last_end or end)
    return out


def _written_at(article: Article, ref) -> int:
    """Where a referent's name is written: its mention inside it, else the role phrase."""
    m = article.mentions[ref.mention]
    return m.start if ref.start <= m.start < ref.end else ref.start


def _first_person_hits(lex: _Lexicon, tokens, referents, ref_starts: list[int], lo: int,
                       hi: int) -> list[Hit[_Trigger]]:
    """First-person meeting, call and visit triggers in tokens lo..hi of a quotation, one per type: the verb
    ("التقيت", "اجتمعنا", "أجريت مباحثات", "زرت"), "my"/"our" noun after خلال/في/بعد ("خلال لقائي مع"), or a
    trigger noun with a first-person verb right after it ("في اتصال هاتفي أجريته مع"). Not after a negation
    or a condition ("ما التقيت", "لو زرت") nor an unrealised phrase, nor a noun of what is to come ("زيارتي
    المقبلة"). A form that is also the feminine (اجتمعت، استقبلت، بحثت) is "I" only with no subject near it:
    no name, definite noun or relative pronoun right before it, no name or definite noun right after it
    ("اجتمعت مع", "استقبلت وفدا"; not "الحكومة اجتمعت", "الطائرات التي وصلت", "استقبلت الوزيرة")."""
    out: dict[str, Hit[_Trigger]] = {}
    named = set(ref_starts)
    for i in range(lo, hi):
        if not is_word(tokens[i]):
            continue
        hit = lex.first_person.match(tokens, i, limit=hi)
        if hit is None and any(v in lex.resumptive for v in conjunction_variants(tokens[i].text)):
            noun = next((h for j in range(max(lo, i - 3), i) if (h := lex.nouns.match(tokens, j, limit=i)) is not None
                         and h.last == i - 1 and h.value.type in _TOLD_FIRST_HAND), None)
            hit = Hit(noun.first, i, noun.value) if noun is not None else None
        if hit is None or hit.value.type in out:
            continue
        j = _previous_word(tokens, hit.first, lo)
        before = normal(tokens[j].text) if j is not None else ""
        k = next((n for n in range(hit.first + 1, hi) if is_word(tokens[n])), None)
        after = tokens[k].text if k is not None else ""
        if before in _NOT_SO or _unrealised(lex, tokens, hit.first, lo) or in_set(after, _STILL_TO_COME) \
                or normal(after) == "عن":       # "بحثنا عن استقرار الجهاز الفني": sought, not talked
            continue
        if not hit.value.verb and hit.value.base and before not in _OCCASION | _BEFORE_OR_AFTER:
            continue                            # "أتطلع إلى لقائي": not an occasion that was
        if lex.verbs.match(tokens, hit.first, limit=hi) is not None and (
                (j is not None and (_definite(tokens[j].text) or before in _RELATIVES
                                    or any(r.end == tokens[j].end for r in referents)))
                or (after and normal(after) != "مع" and not normal(after).startswith("ب")
                    and (_definite(after) or tokens[k].start in named))):
            continue                            # "الحكومة اجتمعت", "استقبلت الوزيرة": she, not I
        out[hit.value.type] = hit
    return sorted(out.values(), key=lambda h: h.first)


_RETOLD_TYPES = frozenset({"meeting", "visit", "call", "agreement"})   # a statement, an attack: often another one


def _merge_retold(article: Article, events: list[Event], retold: set[str]) -> list[Event]:
    """An undated event telling again the last dated event of its type before it in the article is that event:
    its participants all take part in the dated one ("بحث المبعوث، يوم الاثنين، مع عبدالسلام ..." then "وقال
    مكتبه إن المبعوث ناقش مع عبدالسلام ..."), or its verb's object is definite and points back ("وقعت
    الحكومة، أمس، اتفاقية قرض ..." then "ووقع الاتفاقية ... كل من الوزيرة ... ومدير البنك ..."), whose
    participants then join the dated one. A new partner ("وكان المبعوث قد التقى ... وزير الخارجية") is
    another event; so is an undated statement or attack, which a speaker or an armed group makes many of."""
    out: list[Event] = []
    for event in sorted(events, key=lambda ev: ev.start):
        dated = [d for d in out if d.date and d.type == event.type and d.end <= event.start]
        if event.date is None and dated and event.type in _RETOLD_TYPES:
            last = dated[-1]
            keys = [_key_words(article.mentions[i]) for i in last.participant_mentions]
            new = [i for i in event.participant_mentions
                   if not any(_same_name(_key_words(article.mentions[i]), k) for k in keys)]
            if (event.participant_mentions and not new) or event.id in retold:
                last.participant_mentions.extend(new)
                continue
        out.append(event)
    order = {id(ev): n for n, ev in enumerate(events)}
    return sorted(out, key=lambda ev: order[id(ev)])


def _key_words(mention: Mention) -> tuple[str, ...]:
    return tuple(normal(mention.name or mention.text).replace("_", " ").split())


_MATCH_WORDS = word_set(("مباراة", "مباريات", "النهائي", "نهائي", "بطولة", "البطولة", "دوري", "الدوري", "كأس", "منتخب",
                          "المنتخب", "ملعب", "الملعب", "ملعبه", "استاد", "الإياب", "بهدفين", "مرمى", "الشوط"))
_MEET = word_set(("التقى", "التقت", "التقوا", "يلتقي", "تلتقي", "سيلتقي", "ستلتقي", "لقاء", "اللقاء", "استقبل",
                  "استقبلت", "يستقبل", "تستقبل"))


def _match_meeting(tokens, hit: Hit[_Trigger], a: int, b: int) -> bool:
    """A meeting word in a sentence about a match ("ويلتقي الفريق في نصف النهائي يوم الجمعة المقبل", "يستقبل
    الهلال ضيفه في مباراة"): teams that meet play each other -- a match (other), not talks."""
    return in_set(tokens[hit.first].text, _MEET) and any(
        in_set(tok.text, _MATCH_WORDS) for tok in tokens[a:b] if is_word(tok))


_INSTITUTIONS = word_set(("الحكومة", "الوزارة", "المحكمة", "البرلمان", "الشركة", "الهيئة", "اللجنة", "المجلس",
                          "البنك", "الجامعة", "النيابة", "الشرطة", "السلطات", "الدولة"))
INSTITUTION_WORDS = 3       # words on either side of the trigger looked at for its institution


def _institution_near(tokens, hit: Hit[_Trigger], a: int, b: int) -> bool:
    """An institution the tagger does not name acts next to the trigger ("وكانت الحكومة السابقة قد رفعت
    الضريبة ... في أيلول 2024"): someone is named, as feature writing does not."""
    before = [t for t in tokens[max(a, hit.first - INSTITUTION_WORDS * 2):hit.first] if is_word(t)][-INSTITUTION_WORDS:]
    after = [t for t in tokens[hit.first + 1:min(b, hit.first + 1 + INSTITUTION_WORDS * 2)] if is_word(t)][:INSTITUTION_WORDS]
    return any(in_set(t.text, _INSTITUTIONS) for t in before + after)


def _name_key(mention: Mention) -> str:
    return normal(mention.name or mention.text)


RELATIVE_WORDS = 2         # words before a trigger looked at for the relative pronoun that opens its clause
DESCRIBED_NOUN_WORDS = 5   # adjectives between a trigger noun and the relative pronoun describing it
RELATIVE_DATE_WORDS = 6    # words between that pronoun and the date of its clause ("التي عقدت في الرياض في")
_RELATIVES = frozenset(normal(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي",
                                             "والذي", "والتي", "والذين"))
_COMPARISON = word_set(("مقارنة", "مقابل", "قياسا", "قياس", "المماثلة"))   # with their clitics (بالمقارنة)
COMPARISON_WORDS = 4        # words before a date looked at for a comparison ("مقارنة بالفترة نفسها من العام الماضي")
CHANGE_WORDS = 8            # ... and for a change it is measured from ("بارتفاع قدره 8 في المئة عن عام 2023")
_CHANGES = word_set(("ارتفاع", "زيادة", "انخفاض", "تراجع", "نمو", "هبوط", "صعود",
                     "ارتفاعا", "انخفاضا", "تراجعا", "نموا"))
_SINCE = frozenset({"منذ", "ومنذ"})         # before a date (not "منذ يومين", whose timex holds it): since when
_DEADLINE = word_set(("بحلول", "حتى", "لغاية"))    # before a date: by when, until when ("بحلول 30 أبريل المقبل")
_PERIOD_PART = word_set(("نهاية", "مطلع", "منتصف", "أواخر", "أوائل", "بداية"))   # "حتى نهاية يونيو"


_LEAD_TYPES = frozenset({"statement", "other", "visit", "call", "agreement"})
_PREPOSITIONS = frozenset(normal(w) for w in ("في", "فى", "من", "على", "إلى", "الى", "عن", "مع"))


_THAT = frozenset(normal(w) for w in ("ذلك", "هذا", "هذه", "ذاك", "تصريحاته", "تصريحاتها", "تصريحاتهم",
                                        "تصريحات", "كلامه", "حديثه"))


def _refers_back(tokens, a: int, b: int) -> bool:
    """The sentence opens on "جاء ذلك" / "وجاءت تصريحاته": it tells where or when the event of the sentence
    before happened, and is of that event's day."""
    words = [tok for tok in tokens[a:min(b, a + 3)] if is_word(tok)]
    return len(words) >= 2 and normal(words[0].text) in ("جاء", "وجاء", "جاءت", "وجاءت") \
        and normal(words[1].text) in _THAT


_ALSO = frozenset(normal(w) for w in ("كما", "وكما"))


def _also(tokens, a: int, main: Hit[_Trigger], previous: set[str]) -> bool:
    """The sentence opens on "كما" and its main verb, of the type of an event the sentence before dated
    ("قضت المحكمة، اليوم السبت، بالسجن ..." then "كما قضت المحكمة بالسجن 5 سنوات لزوجته"): more of that
    event, of its day."""
    return (main.value.verb and main.value.type in previous and main.first == a + 1
            and normal(tokens[a].text) in _ALSO)


def _lead_verb(tokens, main: Hit[_Trigger]) -> bool:
    """The lead's weak verb tells the article's own news, dated or not ("أدان وكيل الإمارة العمل الإرهابي",
    "قتل 14 شخصا"): a verb of a type that reports a happening -- not a milestone (a dated fact) nor a
    meeting word without its partner (بحث is also "research") -- and not a word after a preposition, where
    a verb form is a noun or an adjective ("في أوضح صور الهزيمة")."""
    if not main.value.verb or main.value.type not in _LEAD_TYPES or main.value.background:
        return False
    return main.first == 0 or normal(tokens[main.first - 1].text) not in _PREPOSITIONS


def _clause(lex: _Lexicon, tokens, a: int, b: int, i: int) -> tuple[int, int]:
    """Tokens [lo, hi) of the clause holding token i: between the clause openers around it."""
    lo = i
    while lo > a and not _opens_clause(lex, tokens[lo]):
        lo -= 1
    hi = i + 1
    while hi < b and not _opens_clause(lex, tokens[hi]):
        hi += 1
    return lo, hi


def _plain_words(tokens, starts: list[int], referents) -> list[int]:
    """For each token, how many word tokens before it lie outside every name and role phrase: distances in
    these words do not grow with a name's titles ("وأشار وكيل الوزارة لشؤون ... المهندس فلان في تصريح أمس")."""
    covered = [False] * len(tokens)
    for ref in referents:
        for i in range(bisect.bisect_left(starts, ref.start), bisect.bisect_left(starts, ref.end)):
            covered[i] = True
    out = [0]
    for tok, inside in zip(tokens, covered):
        out.append(out[-1] + (is_word(tok) and not inside))
    return out


def _attributions(lex: _Lexicon, tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges of attribution clauses ("بحسب ما أعلنت الوزارة أمس"): from the marker to the next comma,
    colon or clause opener. They say where the news came from, not what happened."""
    out = []
    i = a
    while i < b:
        hit = lex.attribution.match(tokens, i, limit=b) if is_word(tokens[i]) else None
        if hit is None:
            i += 1
            continue
        j = hit.last + 1
        while j < b and tokens[j].text not in _ATTRIBUTION_END and not _opens_clause(lex, tokens[j]):
            j += 1
        out.append((i, j))
        i = j
    return out


def _inside(ranges: list[tuple[int, int]], i: int) -> bool:
    return any(lo <= i < hi for lo, hi in ranges)


def _opens_clause(lex: _Lexicon, token) -> bool:
    return token.text in _CLAUSE_PUNCT or any(v in lex.clause_openers for v in conjunction_variants(token.text))


def _hits(lex: _Lexicon, tokens, candidates: list[int], a: int, b: int, loc_tokens: set[int],
          dated: list[tuple[int, int]]) -> list[Hit[_Trigger]]:
    """Every trigger of the sentence (tokens a..b), in order, but a word inside a fixed expression ("في معرض
    حديثه"), something that did not happen ("كان مقررا وصوله", "بشرط الاتفاق"), a count ("70 مباراة") and
    an arrival at something that is no place ("وصلت إلى 90 في المائة", "الوصول إلى مرمى")."""
    out = []
    blocked_until = -1
    for i in candidates:
        if i <= blocked_until:
            continue
        idiom = None
        for j in range(max(0, i - 2), i + 1):       # an expression may start a word or two before the trigger
            idiom = lex.not_triggers.match(tokens, j, limit=b)
            if idiom is not None and idiom.last >= i:
                break
            idiom = None
        if idiom is not None:
            blocked_until = idiom.last
            continue
        hit = lex.verbs.match(tokens, i, limit=b) or lex.nouns.match(tokens, i, limit=b)
        if hit is None or _unrealised(lex, tokens, i, a) or _counted(tokens, i, a, dated) or _i_will(lex, tokens, hit, a):
            continue
        if hit.value.type == "visit" and (hit.value.base or hit.value.first) in lex.destination \
                and not _reaches_a_place(lex, tokens, hit, b, loc_tokens):
            continue
        if hit.value.type in ("visit", "meeting") and _receives_things(lex, tokens, hit, b):
            continue
        out.append(hit)
    # "بيان صدر عن الوزارة", "صدر قرار وزاري": the noun next to the verb of issuing names the happening
    return [h for h in out if not (normal(tokens[h.first].text) in _ISSUED and any(
        not g.value.verb and 0 < abs(g.first - h.first) <= ISSUED_WORDS for g in out))]


_ISSUED = frozenset(normal(w) for w in ("صدر", "صدرت", "وصدر", "وصدرت"))
ISSUED_WORDS = 2


_SESSION = word_set(("جلسة",))
_COURT = word_set(("محكمة", "المحكمة", "محاكم", "قضية", "القضية", "الدعوى", "دعوى", "القاضي", "قاضي", "المتهم",
                   "المتهمين", "المتهمة", "متهم", "متهمين", "النيابة", "الجنايات", "الجنح", "الاستئناف", "النقض",
                   "محاكمة", "المحاكمة", "الدفاع", "الحكم"))


def _sessions(tokens, starts: list[int], a: int, b: int, here: list[Timex],
              hits: list[Hit[_Trigger]]) -> list[Hit[_Trigger]]:
    """An indefinite جلسة right before a date of the sentence ("في جلسة 17 مايو الماضي", "بجلسة الأحد المقبل"):
    a session held that day -- a court's hearing (type other) when the sentence speaks of a court, a case or a
    defendant, else a parliament's or a council's sitting (meeting). Weak: it needs that date, so "نوقشت في
    جلسة المجلس أمس" (a date after another word) gives none. A word inside another trigger's phrase ("عقدت
    اللجنة جلسة") is that trigger's."""
    dated = {bisect.bisect_left(starts, t.start) for t in here}
    out = []
    for i in range(a, b - 1):
        if not (i + 1 in dated and is_word(tokens[i]) and in_set(tokens[i].text, _SESSION)
                and not _definite(tokens[i].text)) or any(h.first <= i <= h.last for h in hits):
            continue
        court = any(in_set(tokens[j].text, _COURT) for j in range(a, b) if is_word(tokens[j]))
        out.append(Hit(i, i, _Trigger("other" if court else "meeting", False, "جلسه", False, session=True)))
    return out


_WAS = frozenset(normal(w) for w in ("كان", "كانت", "كانوا", "كانا"))
_QAD = frozenset({"قد"})
_AUXILIARIES = frozenset(normal(w) for w in ("تم", "جرى", "جري", "بات", "باتت", "أصبح", "أصبحت", "صار", "صارت",
                                              # light verbs: the noun after them is the happening ("أجرى تدريبا")
                                              "أجرى", "أجرت", "أجروا", "قام", "قامت", "قاموا", "شهد", "شهدت"))
_MEASURES = frozenset(normal(w) for w in (
    "بلغ", "ارتفع", "انخفض", "تراجع", "تجاوز", "زاد", "نما", "هبط", "صعد", "قفز", "سجل", "تخطى", "فاق", "تضاعف",
    "وصل", "تقلص", "انكمش", "استقر", "حقق", "ربح", "خسر"))    # a figure reached ("وكان الإنتاج قد بلغ ... عام 2020")
SUBJECT_WORDS = 6           # words of the subject between كان/كانت and قد ("وكانت هيئة الرقابة الإدارية قد")


def _pluperfects(lex: _Lexicon, tokens, a: int, b: int, hits: list[Hit[_Trigger]]) -> list[Hit[_Trigger]]:
    """The past verb of "كان/كانت ... قد" ("وكانت وزارة المالية قد أرسلت الجداول في 3 آذار الماضي", "كانت قد
    أحبطت في 2 ماي الماضي مخططا"): news tells its background in this pluperfect, and whatever the verb, the
    clause reports something that happened before -- an event when a date dates it. Weak (undated it is
    only background); typed as the verb's listed form (نظم -> نظمت: other), else other. Not an auxiliary or a
    light verb (تم، جرى، أجرى، قام: the noun after it is the happening) nor a verb already a trigger."""
    taken = {i for h in hits for i in range(h.first, h.last + 1)}
    out = []
    for i in range(a, b - 1):
        if normal(tokens[i].text) not in _QAD or not is_word(tokens[i + 1]) or i + 1 in taken:
            continue
        verb = normal(tokens[i + 1].text)
        forms = (verb, verb + "ت", verb[:-1] if verb.endswith("ت") else "", verb[:-2] if verb.endswith("وا") else "")
        if verb in _AUXILIARIES or verb[:1] == "ي" or verb.isdigit() or len(verb) < 3 or any(
                f in _MEASURES for f in forms):
            continue                            # "قد يكون": a present verb, may; "قد بلغ": a figure
        words, j = 0, i - 1
        while j >= a and is_word(tokens[j]) and words <= SUBJECT_WORDS:
            if any(v in _WAS for v in conjunction_variants(tokens[j].text)):
                typ = next((lex.verb_types[f] for f in forms if f in lex.verb_types), "other")
                out.append(Hit(i + 1, i + 1, _Trigger(typ, False, verb, False, verb=True, background=True)))
                break
            words += 1
            j -= 1
    return out


def _previous_word(tokens, i: int, a: int) -> int | None:
    j = i - 1
    while j >= a and not is_word(tokens[j]):
        j -= 1
    return j if j >= a else None


def _unrealised(lex: _Lexicon, tokens, i: int, a: int) -> bool:
    """Whether an unrealised phrase ("كان مقررا", "بشرط") ends within two words before token i."""
    j = i
    for _ in range(2):
        j = _previous_word(tokens, j, a)
        if j is None:
            return False
        for start in range(max(a, j - 4), j + 1):
            hit = lex.unrealised.match(tokens, start, limit=j + 1)
            if hit is not None and hit.last == j:
                return True
    return False


_I_BEFORE = frozenset(normal(w) for w in ("أن", "وأن", "لم", "ولم", "لن", "ولن", "كنت", "وكنت", "أنا", "وأنا", "فأنا",
                                           "الذين", "التي", "حتى", "كي", "لكي", "أصبحت", "بت", "صرت"))


def _i_will(lex: _Lexicon, tokens, hit: Hit[_Trigger], a: int) -> bool:
    """A meeting verb listed with a bare alef, written with أ right after أن/لم/كنت/أنا ..., is "I" in the
    present ("أتمنى أن ألتقي", "كنت ألتقي", "لم أجتمع به"): a wish, a habit or a denial, not the past "he met"
    (التقى). Elsewhere أ is as often a misspelt past ("أستقبل سمو أمير المنطقة ... وزير الحج")."""
    word = tokens[hit.first].text
    if len(word) > 3 and word[0] in "وف" and normal(word[1:]) == hit.value.first:
        word = word[1:]
    j = _previous_word(tokens, hit.first, a)
    return (hit.value.verb and word.startswith("أ") and hit.value.first in lex.wasl and j is not None
            and normal(tokens[j].text) in _I_BEFORE)


def _counted(tokens, i: int, a: int, dated: list[tuple[int, int]]) -> bool:
    """A trigger right after a number is a count of events, not one event ("خاض 70 مباراة"); a number of a
    date is no count ("عام 2011 منح")."""
    j = _previous_word(tokens, i, a)
    return j is not None and tokens[j].text.isdigit() and not any(s <= tokens[j].start < e for s, e in dated)


# what arrives or is received without being a visitor or a guest: goods, patients, cases, requests
_THINGS = word_set(("شحنة", "شحنات", "دفعة", "دفعات", "حمولة", "مساعدات", "لقاحات", "جرعات", "أدوية", "معدات",
                    "أسلحة", "بضائع", "حالة", "حالات", "مريض", "مريضا", "مرضى", "مصابا", "مصابين", "جريحا", "جرحى",
                    "طلبا", "طلبات", "شكوى", "شكاوى", "بلاغا", "بلاغات", "طنا", "أطنان"))
_RECEIVE = word_set(("استقبل", "استقبلت", "يستقبل", "تستقبل", "استقبلوا", "استقبال"))
THING_WORDS = 5         # "استقبلت أكثر من 300 حالة": words after a receiving verb looked at for what it received


def _receives_things(lex: _Lexicon, tokens, hit: Hit[_Trigger], b: int) -> bool:
    """An arrival of goods ("وصول شحنة من لقاحات") or a reception of patients, cases or requests ("استقبلت
    مراكز العزل أكثر من 300 حالة") is no visit and no meeting: the thing comes right after an arrival trigger,
    or within THING_WORDS words after a receiving verb (no punctuation between)."""
    arrival = (hit.value.base or hit.value.first) in lex.destination
    if not arrival and not in_set(tokens[hit.first].text, _RECEIVE):
        return False
    words = 0
    for tok in tokens[hit.last + 1:b]:
        if not is_word(tok):
            return False
        if in_set(tok.text, _THINGS):
            return True
        words += 1
        if words >= (1 if arrival else THING_WORDS):
            return False
    return False


def _reaches_a_place(lex: _Lexicon, tokens, hit: Hit[_Trigger], b: int, loc_tokens: set[int]) -> bool:
    """An arrival trigger followed by إلى (in the phrase or within a few words) names a place after it: a LOC
    mention or a place word (مطار، العاصمة). Without إلى it is left alone ("وصول الوزير")."""
    j, words = hit.first + 1, 0
    if normal(tokens[hit.last].text) in _ILA:
        j = hit.last
    while j < b and normal(tokens[j].text) not in _ILA:
        words += is_word(tokens[j])
        if words >= DESTINATION_WORDS:
            return True
        j += 1
    if j >= b:
        return True
    k = j + 1
    while k < b and not is_word(tokens[k]):
        k += 1
    if k >= b:
        return False
    word = tokens[k].text
    return k in loc_tokens or in_set(word, lex.place_words) or in_set(word, lex.locative)


def _main(lex: _Lexicon, hits: list[Hit[_Trigger]], tokens) -> Hit[_Trigger] | None:
    """The sentence's first strong trigger (a strong trigger of an overriding type wherever it is), else its
    first weak verb, else its first weak noun (a noun before the verb is mostly its subject or a name:
    "كان مهرجان القاهرة قال في ..."). A noun that only places the sentence's happening in time ("بعد يوم من
    مكالمة هاتفية") is never the main trigger when another is there."""
    strong = weak = noun = None
    anchors = [h for h in hits if _anchor(tokens, h)]
    for hit in [h for h in hits if h not in anchors] or anchors:
        if hit.value.strong:
            if hit.value.type in lex.overriding:
                return hit
            if strong is None:
                strong = hit
        elif hit.value.verb and not hit.value.background:
            weak = weak or hit
        elif not hit.value.verb:
            noun = noun or hit
    # a pluperfect verb comes last: a listed word names its happening better ("كانت قد أصدرت قرارا")
    return strong or weak or noun or next((h for h in hits if h.value.background), None)


ANCHOR_WORDS = 3            # words between بعد/قبل and the من before a noun ("بعد يوم واحد من مكالمة")


def _after_since(tokens, hit: Hit[_Trigger]) -> bool:
    """A trigger noun right after منذ ("منذ اندلاع المواجهات"): the happening the sentence counts from. Its
    people are those named after it (unlike "قال روحاني بعد اتصال هاتفي مع ...", where the speaker made the
    call)."""
    j = _previous_word(tokens, hit.first, 0)
    return j is not None and not hit.value.verb and normal(tokens[j].text) in _SINCE


def _anchor(tokens, hit: Hit[_Trigger]) -> bool:
    """A trigger noun right after بعد/قبل/عقب/إثر, or after one of them, a span and من ("بعد يوم واحد من مكالمة
    هاتفية أجراها ..."), or a verb after بعد أن/قبل أن/بعدما: a happening the sentence measures its own from,
    not the one its date gives."""
    j = _previous_word(tokens, hit.first, 0)
    if j is None:
        return False
    if hit.value.verb:
        # "وبدأت محاكمته في 2024/04/18، بعد أن اعتقلته الشرطة في تموز 2023": what happened before or after
        if normal(tokens[j].text) in _AFTER_THAT:
            return True
        k = _previous_word(tokens, j, 0) if normal(tokens[j].text) == "ان" else None
        return k is not None and normal(tokens[k].text) in _BEFORE_OR_AFTER
    if normal(tokens[j].text) in _BEFORE_OR_AFTER or normal(tokens[j].text) in _SINCE:
        return True                             # (and "منذ اندلاع المواجهات": since when the sentence counts)
    if normal(tokens[j].text) != "من":
        return False
    return any(normal(w) in _BEFORE_OR_AFTER for w in _words_before(tokens, j, 0, ANCHOR_WORDS + 1))


def _dated_groups(lex: _Lexicon, tokens, starts: list[int], plain: list[int], a: int, b: int, here: list[Timex],
                  hits: list[Hit[_Trigger]], main: Hit[_Trigger], cut, side,
                  news_day: str | None = None) -> list[tuple[Hit[_Trigger], list[Timex]]]:
    """The sentence's dates, each given to the trigger it dates, as (trigger, distinct dates) in text order.

    Only the dates and triggers on the main trigger's side of the quotation marks count: in "وشدّد: «...
    بدأناه عام 2020»" the statement is not from 2020, and what a speaker says is not reported as a fact. A date
    after a clause opener (أن/إن and their forms, a colon) does not date a trigger before it: in "وأكد المصدر
    أن اللاعب أصيب قبل أسبوعين" the statement is not two weeks old. A date in a relative clause on a trigger
    noun dates that noun ("في الاقتراع الذي جرى السبت 7 سبتمبر"). A strong main trigger takes every other
    date, at any distance, and any main trigger a year or month opening the sentence ("في العام 1887 قام
    ... وأطلقت"); a date left goes to the nearest trigger before it within DATE_WORDS plain words
    (after it, within DATE_AFTER_WORDS), and a date with none dates nothing. A date inside an attribution
    ("بحسب ما أعلنت الوزارة أمس") dates the main trigger only when the sentence has no other. A date after
    منذ dates nothing unless it opens the sentence or the main trigger is a milestone ("بدأ مشواره منذ 2004"):
    "أعلنت الوزارة ارتفاع الحصيلة منذ السابع من أكتوبر" is no statement of October; nor does a date in a noun
    phrase منذ opens ("استجوب يوم الإثنين ... منذ توجيه الادعاء إليه في تموز 2021"), unless a trigger noun
    there takes it ("منذ تأسيسه عام 1906"). A date a comparison
    names ("مقارنة بالفترة نفسها من العام الماضي", "مقابل 2.1 مليار في 2023") is a baseline and dates nothing.
    In the lead (`news_day`: the publication day), a day within a week of it that no trigger is near dates the main verb: a long lead tells its news first and its day last ("توّج
    فريق ... بلقب الكأس، عقب فوزه ...، في النهائي الذي احتضنه ملعب ...، مساء اليوم السبت")."""
    openers = [i for i in range(a, b) if _opens_clause(lex, tokens[i])]
    asides = _asides(lex, tokens, a, b)
    where = side(tokens[main.first].start)
    usable_hits = [h for h in hits if side(tokens[h.first].start) == where]
    by_hit: dict[int, list[Timex]] = {}
    reported: list[Timex] = []
    given: list[Timex] = []                 # dates a strong main trigger gave to a happening right before them
    for t in here:
        if side(t.start) != where:
            continue
        i = bisect.bisect_left(starts, t.start)
        if _inside(cut, i):
            reported.append(t)
            continue
        since = _since_before(lex, tokens, i, a)
        when = _when_after(tokens, bisect.bisect_left(starts, t.end), b, usable_hits) if since is not None else None
        if since is not None and when is None and (not any(since < h.first < i for h in hits) if since < i - 1 else (
                _record_since(tokens, since, a) or not (
                    (main.value.type == "milestone" and main.first < i) or _framed(lex, tokens, a, b, t)))):
            continue                            # "ارتفاع الحصيلة منذ السابع من أكتوبر", "هي الأولى منذ 2022":
                                                # a span's start, not when; "بدأ مشواره منذ 2004" began then;
                                                # "منذ توجيه الادعاء إليه في تموز 2021" the noun's own date
                                                # ("منذ تأسيسه عام 1906": a trigger noun's, which it dates)
        if _figurative_today(t, side(t.start)) or _nowadays(tokens, t, i, a, hits, plain):
            continue                            # «أوروبا اليوم تفهم ...», "وتضم اليوم أكثر من 700 مهندس": nowadays
        if _period_after(tokens, t, i, a):
            continue                            # "ندوة عن الرواية العراقية بعد 2003": an era, not a date
        if main.value.type == "statement" and _this_periods(tokens, i, a, hits):
            continue                            # "أعلن الوزير خلو موسم حج هذا العام": this year's season, not when
        if main.value.type != "milestone" and not _framed(lex, tokens, a, b, t) and _deadline(
                tokens, i, a, main.value.type != "statement" or any(h.value.type == "milestone" for h in hits)):
            continue                            # "ودعت ... إلى الالتزام بحلول 30 أبريل": a deadline, not when
        before = _words_before(tokens, i, tokens[a].start, CHANGE_WORDS)
        lettered = [w for w in before if not any(c.isdigit() for c in w)]   # "مقارنة مع 31.9 مليار دولار قبل عام"
        if any(in_set(w, _COMPARISON) for w in lettered[:COMPARISON_WORDS]) or (
                "عن" in map(normal, before[:2]) and any(in_set(w, _CHANGES) for w in before)):
            continue                            # "بانخفاض 15% مقارنة بالفترة نفسها من العام الماضي", "بارتفاع
                                                # 8% عن عام 2023": a baseline
        usable = [h for h in usable_hits if not any(h.first < o < i for o in openers)]

        end = bisect.bisect_left(starts, t.end)

        def distance(h: Hit[_Trigger]) -> int:
            """Plain words between the trigger and the date, the date's own words not counted."""
            lo, hi = (h.last + 1, i) if h.first < i else (end, h.first)
            return max(0, plain[hi] - plain[lo])
        def relative(h: Hit[_Trigger]) -> bool:
            """A relative pronoun just before a trigger after the date (within RELATIVE_WORDS words): the
            trigger's clause describes the dated noun ("الانتخابات المقررة في 6 أكتوبر، والتي أعلن ترشحه لها")."""
            if h.first <= i:
                return False
            words = [tok for tok in tokens[end:h.first] if is_word(tok)][-RELATIVE_WORDS:]
            return any(normal(tok.text) in _RELATIVES for tok in words)
        described = _described_noun(tokens, usable, i)
        aside = next(((lo, hi) for lo, hi in asides if lo < i < hi), None)
        if described is None and aside is not None:
            # "وقالت سلمى، وهي معلمة نزحت من الخرطوم قبل عامين": the date describes someone, not the statement
            usable = [h for h in usable if aside[0] < h.first < aside[1]]
            if not usable:
                continue
        inside_since = [h for h in usable if since is not None and since < h.first < i] if when is None else []
        if when is not None:
            gov = when                          # "منذ أيلول 2022، حين أعلنت الوزارة ...": the announcement's date
        elif inside_since and main.first < since:
            gov = inside_since[0]               # "التقى ... منذ اندلاع المواجهات ... في الثامن من أكتوبر": the
                                                # outbreak's date, not the meeting's
        elif described is not None:
            gov = described                     # "في الاقتراع الذي جرى السبت 7 سبتمبر": the vote's date
        elif (main in usable and main.value.type == "statement" and by_hit.get(hits.index(main))
              and (later := [h for h in usable if main.last < h.first < i and distance(h) <= DATE_WORDS])):
            # "أعلنت الوزارة، اليوم الأحد، عن القضاء على عنصرين خلال عملية ... ليلة السبت": a dated
            # announcement's second day is that of what it announces
            gov = later[-1]
        elif main in usable and (main.value.strong or _framed(lex, tokens, a, b, t)) and not relative(main):
            gov = main                          # a strong trigger, or a year or month opening the sentence
            own = None if _framed(lex, tokens, a, b, t) else _own_trigger(usable, main, i, distance)
            if own is not None:
                # "التقت أمس ... من قرض ...، جرى توقيعه في آذار 2024", "أحالت المتهمين إلى المحاكمة في نوفمبر
                # 2023 ... عقود ... أبرمت ... بين عامي 2020 و2021": the date right after another happening's
                # words is that happening's, unless the main trigger is left with no date of its own
                gov = own
                given.append(t)
        else:
            # a date mostly follows what it dates ("قرار مجلس الشورى رقم 4/2 وتاريخ 5/3/1427 على اتفاقية"); a
            # trigger after it must be close ("غدا الأربعاء وفي الطائف تنطلق") and not a verb with و/ف or after
            # فيما/بينما, which opens a clause of its own ("... أمس (الأحد)، وكشف المصدر", "، فيما أقال"), nor
            # one in a relative clause on the dated noun ("الانتخابات المقررة في 6 أكتوبر، والتي أعلن ترشحه لها")
            near = [h for h in usable if distance(h) <= DATE_WORDS if h.first < i
                    or (distance(h) <= DATE_AFTER_WORDS and not _coordinated_verb(tokens, h) and not relative(h))]
            if not near and not _news_day(t, news_day, main, usable, i):
                continue
            gov = min(near or [main], key=lambda h: (h.first > i, distance(h), h.first))
            if _occasion(tokens, gov, a):
                # "خفضت اللجنة أسعار الفائدة في اجتماعها يوم 17 أبريل": the meeting is when the verb's act was
                # done; words said there leave the meeting the news ("ورفض الوزيران، خلال لقائهما أمس، ...")
                acts = [h for h in near if h.value.verb and h.value.type != "statement" and h.first < gov.first
                        and not h.value.background]
                gov = max(acts, key=lambda h: h.first) if acts else gov
        by_hit.setdefault(hits.index(gov), []).append(t)
    if given and hits.index(main) not in by_hit:
        for n in list(by_hit):
            by_hit[n] = [t for t in by_hit[n] if t not in given]
            if not by_hit[n]:
                del by_hit[n]
        by_hit[hits.index(main)] = given
    if not by_hit and reported:
        # the report's date is the only one: the happening is as old as its report ("قتل 21 شخصا في هجوم ...
        # بحسب ما أعلن مسؤولون أمس")
        by_hit[hits.index(main)] = reported
    return [(hits[n], _one_per_range(tokens, starts, _distinct_dates(ts))) for n, ts in sorted(by_hit.items())]


OWN_WORDS = 1               # plain words between another happening's words and a date that is its own ("توقيعه في")


def _own_trigger(usable: list[Hit[_Trigger]], main: Hit[_Trigger], i: int, distance) -> Hit[_Trigger] | None:
    """The trigger of another type whose words end right before the date at token i (OWN_WORDS plain words
    between at most): a verb, or a noun with a pronoun pointing back to its happening ("جرى توقيعه في"), that
    the strong main trigger does not stand between -- the main trigger comes after the date, or before that
    trigger. The date is that happening's: "أحالت المتهمين إلى المحاكمة في نوفمبر 2023" is the referral's,
    not the contracts' (أبرمت) told after it. A main trigger right after the date is its own ("واختتم أمس
    زيارته")."""
    own = [h for h in usable if h is not main and h.value.type != main.value.type and h.last < i
           and (h.value.verb or h.value.base) and not h.value.background and distance(h) <= OWN_WORDS
           and (main.first > i and distance(main) > OWN_WORDS + 1 or h.first > main.last)]
    return max(own, key=lambda h: h.first) if own else None


_ASIDE = frozenset(normal(w) for w in ("وهو", "وهي", "وهم", "وهما"))


def _asides(lex: _Lexicon, tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges (pronoun, end) of asides describing someone: "، وهو/وهي ..." up to the next comma, colon,
    quotation mark or clause opener. A date inside one tells when what it describes happened ("وقالت سلمى،
    وهي معلمة نزحت من الخرطوم قبل عامين"), and dates only a trigger inside it."""
    out = []
    for i in range(a + 1, b):
        if normal(tokens[i].text) not in _ASIDE or tokens[i - 1].text not in _ATTRIBUTION_END:
            continue
        j = i + 1
        while j < b and tokens[j].text not in _ATTRIBUTION_END and not _opens_clause(lex, tokens[j]) \
                and not (not is_word(tokens[j]) and tokens[j].text in _QUOTE_MARKS):
            j += 1
        out.append((i, j))
    return out


_THIS_PERIOD = frozenset(normal(w) for w in (
    "هذا العام", "العام الحالي", "العام الجاري", "هذه السنة", "السنة الحالية", "السنة الجارية", "هذا الشهر",
    "الشهر الحالي", "الشهر الجاري", "هذا الموسم", "الموسم الحالي", "الموسم الجاري"))


def _this_periods(tokens, i: int, a: int, hits: list[Hit[_Trigger]]) -> bool:
    """"هذا العام"/"العام الحالي" at token i right after a noun in construct ("موسم حج هذا العام", "ميزانية
    العام الحالي"): the period names which season or budget, not when anything happened. The noun is
    indefinite in form and no trigger; after a preposition, a definite word or a trigger it is a time
    ("في هذا العام", "تنطلق هذا العام")."""
    phrase = " ".join(normal(tok.text) for tok in tokens[i:i + 2])
    if phrase not in _THIS_PERIOD:
        return False
    j = _previous_word(tokens, i, a)
    if j is None or j != i - 1 or any(h.first <= j <= h.last for h in hits):
        return False
    word = normal(tokens[j].text)
    return not (_definite(word) or word in _PREPOSITIONS or word in _OCCASION or word.isdigit()
                or in_set(word, _DEADLINE) or normal(word) in _SINCE or word in ("منذ", "خلال", "طوال", "مطلع", "نهاية", "بداية", "مدى"))


def _news_day(t: Timex, news_day: str | None, main: Hit[_Trigger], usable: list[Hit[_Trigger]], i: int) -> bool:
    """The lead's day: a day of the week up to publication, after the lead's main verb and in its clause. Not a
    statement's: a day far from "حذر" or "أكد" is mostly the day of what was said about ("حذر مسؤولون من
    انهيار الوضع بعد مجزرة الجمعة الماضية"), and not a day to come ("مواجهته وديا يوم الاثنين المقبل")."""
    apart = _days_apart(t.value, news_day)
    return (apart is not None and 0 <= apart <= RANGE_DAYS and main.value.verb and main.value.type != "statement"
            and main in usable and main.first < i)


_OCCASION = frozenset(normal(w) for w in ("في", "وفي", "خلال", "وخلال", "اثناء"))


def _occasion(tokens, hit: Hit[_Trigger], a: int) -> bool:
    """A trigger noun with a possessive pronoun after في/خلال ("في اجتماعها", "خلال زيارته"): the occasion of
    an act told before it, whose date it gives ("خفضت اللجنة الفائدة في اجتماعها يوم 17 أبريل")."""
    if hit.value.session:
        return True                             # "وأجلت المحكمة القضية إلى جلسة 9 مارس": the adjournment's date
    if hit.value.verb or not hit.value.base or not normal(tokens[hit.first].text).endswith(("ه", "ها", "هم", "هما")):
        return False
    j = _previous_word(tokens, hit.first, a)
    return j is not None and normal(tokens[j].text) in _OCCASION


def _described_noun(tokens, hits: list[Hit[_Trigger]], i: int) -> Hit[_Trigger] | None:
    """The trigger noun that a relative clause holding the date at token i describes, if any: a definite noun,
    its adjectives (definite too, or غير), الذي/التي and the date within a few words ("أعلنت الهيئة فوز المرشح
    في الاقتراع الذي جرى السبت", "القمة العربية غير العادية التي عقدت في الرياض في 11 نوفمبر"). The clause tells
    when that happening took place, whatever the sentence's main verb: the announcement is not from the day of
    the vote. Not when a trigger verb is nearer the date (its own clause: "وفاة الملا عمر التي أعلنت الأسبوع
    الماضي"), nor for an indefinite noun, which heads a construct whose last word the clause may describe
    ("زيارة وزير الخارجية التي كانت مقررة اليوم", "مختبر اتصال شركة فيسبوك الذي بدأ منذ سنة")."""
    before = [h for h in hits if h.first < i]
    if not before or before[-1].value.verb or before[-1].last >= i:
        return None
    noun = before[-1]
    if any(h.value.verb and h.first <= noun.first <= h.last for h in before) or not _definite(tokens[noun.last].text):
        return None                             # "تلقت اتصالا": the object of a verb phrase
    j, adjectives = noun.last + 1, 0
    while j < i and is_word(tokens[j]) and normal(tokens[j].text) not in _RELATIVES:
        adjectives += 1
        if adjectives > DESCRIBED_NOUN_WORDS or not (_definite(tokens[j].text) or normal(tokens[j].text) == "غير"):
            return None
        j += 1
    if j >= i or not is_word(tokens[j]):
        return None                             # no relative pronoun right after the noun and its adjectives
    clause = tokens[j + 1:i]
    if any(tok.text in _CLAUSE_PUNCT for tok in clause) or sum(map(is_word, clause)) > RELATIVE_DATE_WORDS:
        return None
    words = [tok for tok in clause if is_word(tok)]
    if words and normal(words[-1].text) in ("وفي", "و", "ثم", "وفى"):
        return None                             # "الحادث الذي وقع في سيناء، وفي يوم الأحد ...": a new clause
    return noun


def _definite(word: str) -> bool:
    """A word written with the article, after any conjunction or preposition on it (الاقتراع، بالانتخابات، للقمة)."""
    form = normal(word)
    for _ in range(2):
        if form.startswith(("ال", "لل")):
            return True
        if len(form) > 3 and form[0] in _CLITICS:
            form = form[1:]
    return form.startswith(("ال", "لل"))


_RECORD = word_set(("مرة", "مرات", "المرة", "الأولى", "الأول", "الأعلى", "الأدنى", "الأكبر", "الأقوى", "الأسوأ",
                    "الأفضل", "الأطول", "أعلى", "أدنى", "أكبر", "أقوى", "أسوأ"))
RECORD_WORDS = 3            # words before منذ looked at for a count or a record ("للمرة الأولى منذ 2022")


SINCE_WORDS = 8         # "منذ توجيه الادعاء إليه في تموز 2021": words from منذ to the date of its noun
_NAME_QUOTES = frozenset('«»"“”')


def _since_before(lex: _Lexicon, tokens, i: int, a: int) -> int | None:
    """The token of منذ right before the date at token i, or opening the noun phrase it is in within
    SINCE_WORDS words, with no punctuation, number, verb or clause opener between ("منذ توليه منصبه في 2019")."""
    j, words = i - 1, 0
    while j >= a and words < SINCE_WORDS:
        tok = tokens[j]
        if tok.text in _NAME_QUOTES:
            j -= 1                              # "منذ اندلاع المواجهات بين «حزب الله» وإسرائيل في ...": a quoted name
            continue
        if not is_word(tok) or tok.text.isdigit():
            return None                         # "منذ 2004 وحتى 2012": the end of a range is no noun's date
        word = normal(tok.text)
        if word in _SINCE:
            return None if j + 1 < i and (tokens[j + 1].text.isdigit() or in_set(tokens[j + 1].text, _COUNTS)) else j
        if word in _NOT_IN_NOUN_PHRASE or word in lex.verb_types or word[1:] in lex.verb_types:
            return None
        words += 1
        j -= 1
    return None


# "منذ ثلاثة عقود في 2010": منذ counts a span back, and the date after it is that of the sentence's happening
_COUNTS = word_set(("ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "ست", "سبعة", "سبع", "ثمانية", "ثماني",
                    "تسعة", "تسع", "عشرة", "عشر", "عقود", "عقدين", "سنوات", "سنين", "سنتين", "عامين", "أعوام",
                    "شهرين", "أشهر", "شهور", "أسابيع", "أسبوعين", "أيام", "يومين", "ساعات", "قرون", "قرنين"))
_NOT_IN_NOUN_PHRASE = frozenset(normal(w) for w in ("أن", "أنه", "أنها", "الذي", "التي", "الذين", "حين", "عندما",
                                                    "قبل", "بعد", "حتى", "وحتى", "إلى", "الى", "ثم", "لكن"))


_WHEN = frozenset(normal(w) for w in ("حين", "حينما", "عندما", "يوم"))


def _when_after(tokens, j: int, b: int, hits: list[Hit[_Trigger]]) -> Hit[_Trigger] | None:
    """The trigger verb right after حين/عندما that follows a date after منذ ("تشهد سوريا موجات من الكوليرا منذ
    أيلول 2022، حين أعلنت وزارة الصحة تسجيل أول إصابات"): the span starts with that happening, which is of
    the date."""
    while j < b and not is_word(tokens[j]):
        j += 1
    if j + 1 >= b or normal(tokens[j].text) not in _WHEN:
        return None
    return next((h for h in hits if h.first == j + 1 and h.value.verb), None)


def _record_since(tokens, since: int, a: int) -> bool:
    """Whether منذ at token `since` follows a count or a record within a few words ("هي الأولى منذ 2022",
    "خفضت الفائدة أربع مرات منذ نوفمبر", "الأعلى منذ 2008"): the date starts the span counted, and no
    happening of the sentence is of that date, whatever its trigger."""
    return any(in_set(w, _RECORD) for w in _words_before(tokens, since, tokens[a].start, RECORD_WORDS))


_PRESENT = frozenset(normal(w) for w in ("اليوم", "اليوم،", "الآن", "حاليا"))


def _figurative_today(t: Timex, quote) -> bool:
    """A bare "اليوم" (no weekday, no time of day) in a speaker's words: mostly "nowadays" («أوروبا اليوم تفهم
    أن أمنها يبدأ من خاركيف»), not the day of a happening."""
    return quote is not None and normal(t.text.strip()) in _PRESENT


def _nowadays(tokens, t: Timex, i: int, a: int, hits: list[Hit[_Trigger]], plain: list[int]) -> bool:
    """A bare "اليوم" right after a present verb of a state that is no trigger ("وتضم اليوم أكثر من 700
    مهندس", "ويعمل اليوم في ..."): nowadays, what is so now, not the day of a happening."""
    if normal(t.text.strip()) not in _PRESENT:
        return False
    j = _previous_word(tokens, i, a)
    if j is None or j != i - 1 or plain[j + 1] == plain[j] or any(h.first <= j <= h.last for h in hits):
        return False
    word = normal(tokens[j].text)
    if len(word) > 3 and word[0] in "وف" and word[1] in "يت":
        word = word[1:]
    return word in _STATES


# verbs of a state, not of a happening: with "اليوم" after them, what is so nowadays ("وتضم اليوم ...", "باتت
# تعرف اليوم باسم ..."); any other present verb with it mostly tells today's news ("عندما يلتقيان اليوم")
_STATES = frozenset(normal(w) for w in (
    "يضم", "تضم", "يعمل", "تعمل", "يعيش", "تعيش", "يعرف", "تعرف", "يبلغ", "تبلغ", "يشغل", "تشغل", "يوجد",
    "توجد", "يمثل", "تمثل", "يملك", "تملك", "يحتل", "تحتل", "يقيم", "تقيم", "يسكن", "تسكن", "يعد", "تعد",
    "يعتبر", "تعتبر", "يشكل", "تشكل", "يتجاوز", "تتجاوز"))


_YEAR_WORDS = frozenset(normal(w) for w in ("عام", "العام", "سنة", "السنة", "عامي"))
_ERA_MARKS = frozenset(normal(w) for w in ("بعد", "قبل", "وبعد", "وقبل"))


def _period_after(tokens, t: Timex, i: int, a: int) -> bool:
    """A bare year right after بعد/قبل ("الرواية العراقية بعد 2003", "العراق قبل عام 2003"): the era before
    or after it, a topic, and no happening's date."""
    words = t.text.split()
    if not t.value or len(t.value) != 4 or not words or not (
            words[0].isdigit() or (normal(words[0]) in _YEAR_WORDS and len(words) == 2 and words[1].isdigit())):
        return False                            # "قبل نهاية السنة الجارية": a deadline, told elsewhere
    j = _previous_word(tokens, i, a)
    return j is not None and normal(tokens[j].text) in _ERA_MARKS


def _deadline(tokens, i: int, a: int, starts_here: bool = True) -> bool:
    """Whether the date at token i follows بحلول/حتى/لغاية, or one of them and a part of a period ("حتى نهاية
    يونيو"), or -- for a statement in a sentence that tells no start (`starts_here` false) -- after بدءا
    من/اعتبارا من: what is due by then, lasts until then or runs from then, not when the sentence's event
    happened ("ودعت الوزارة الموظفين إلى متابعة حساباتهم بدءا من صباح الأربعاء")."""
    j = _previous_word(tokens, i, a)
    if j is not None and in_set(tokens[j].text, _PERIOD_PART):
        j = _previous_word(tokens, j, a)
    if j is not None and normal(tokens[j].text) == "من":
        if starts_here:
            return False                        # "يبدأ التقديم اعتبارا من الأحد": the start is of that day
        k = _previous_word(tokens, j, a)       # "بدءا من صباح الأربعاء", "اعتبارا من السبت": from when
        return k is not None and normal(tokens[k].text) in _FROM_ON
    return j is not None and in_set(tokens[j].text, _DEADLINE)


_FROM_ON = frozenset(normal(w) for w in ("بدءا", "اعتبارا", "ابتداء", "بداية", "وبدءا", "واعتبارا", "وابتداء"))


_WHEREAS = frozenset(normal(w) for w in ("فيما", "وفيما", "بينما", "وبينما"))


def _coordinated_verb(tokens, hit: Hit[_Trigger]) -> bool:
    """A verb with و/ف written on it, or right after فيما/بينما/في حين (whereas) or بعد أن/بعدما/قبل أن: it
    opens a clause of its own ("في 20 مايو، فيما أقال الرئيس وزيره": the dismissal is not of that day; "اليوم
    الاثنين، بعد أن قرر التحالف": the decision came before it). حين (when) and حيث (where)
    go on telling the dated happening ("في عام 1921، حيث تولى منصب الوزير")."""
    if not hit.value.verb:
        return False
    word = tokens[hit.first].text
    if len(word) > 3 and word[0] in "وف" and normal(word[1:]) == hit.value.first:
        return True
    j = _previous_word(tokens, hit.first, 0)
    if j is None:
        return False
    if normal(tokens[j].text) == "حين":
        j = _previous_word(tokens, j, 0)
        return j is not None and normal(tokens[j].text) in ("في", "وفي")
    if normal(tokens[j].text) in _AFTER_THAT:
        return True                             # "اليوم الاثنين، بعدما قرر": it happened before that day
    if normal(tokens[j].text) == "ان":
        j = _previous_word(tokens, j, 0)
        return j is not None and normal(tokens[j].text) in _BEFORE_OR_AFTER
    return normal(tokens[j].text) in _WHEREAS


_AFTER_THAT = frozenset(normal(w) for w in ("بعدما", "وبعدما", "قبلما"))
_BEFORE_OR_AFTER = frozenset(normal(w) for w in ("بعد", "وبعد", "قبل", "وقبل", "عقب", "إثر"))


def _one_per_range(tokens, starts: list[int], dates: list[Timex]) -> list[Timex]:
    """The first day of a range of days ("بين 27-29 أكتوبر", "من 3 إلى 5 مايو"): one happening, not two;
    likewise a season written as two years in a row ("موسم 2023-2024", "2022/2023"). Dates further apart
    ("ما بين عام 2004 و2011") stay two events, a start and an end."""
    out: list[Timex] = []
    for t in dates:
        prev = out[-1] if out else None
        if prev is not None and _days_apart(prev.value, t.value) is not None \
                and 0 < _days_apart(prev.value, t.value) <= RANGE_DAYS:
            between = tokens[bisect.bisect_left(starts, prev.end):bisect.bisect_left(starts, t.start)]
            if all(not is_word(tok) or normal(tok.text) in _RANGE_WORDS for tok in between):
                continue
        if prev is not None and _season(prev.value, t.value):
            between = tokens[bisect.bisect_left(starts, prev.end):bisect.bisect_left(starts, t.start)]
            if between and all(tok.text in _SEASON_MARKS for tok in between):
                continue
        out.append(t)
    return out


_SEASON_MARKS = frozenset("-–—/")


def _season(a: str | None, b: str | None) -> bool:
    """Two years in a row ("2023", "2024"): with only a dash or a slash between them, one season."""
    return bool(a and b and len(a) == len(b) == 4 and a.isdigit() and b.isdigit() and int(b) - int(a) == 1)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    try:
        return (datetime.date.fromisoformat(b) - datetime.date.fromisoformat(a)).days
    except ValueError:
        return None


def _quote_at(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The direct quotation holding `pos`, if any."""
    k = bisect.bisect_right(starts, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return spans[k]
    return None


def _words_outside(tokens, a: int, b: int, timexes: list[Timex]) -> int:
    spans = [(t.start, t.end) for t in timexes]
    return sum(1 for t in tokens[a:b] if is_word(t) and not any(s <= t.start < e for s, e in spans))


def _as_written(text: str, tokens, hit: Hit[_Trigger]) -> str:
    """The trigger as written, without the و/ف/ب/ل/ك on it ("والتقى" -> "التقى", "اتصالاً هاتفياً"); for a
    phrase with words in its gap, its first word only ("ووصل الوزير إلى" -> "وصل", "ووصل إلى" -> "وصل إلى")."""
    word = tokens[hit.first].text
    cut = 0
    for n in range(3):
        if n and word[n - 1] not in _CLITICS:
            break
        if len(word) - n >= 2 and hit.value.first in (normal(word[n:]), canonical(word[n:])):
            cut = n
            break
    start = tokens[hit.first].start + cut
    gap_filled = hit.value.gap and any(is_word(t) for t in tokens[hit.first + 1:hit.last])
    end = tokens[hit.first].end if gap_filled else tokens[hit.last].end
    return text[start:end]


def _distinct_dates(timexes: list[Timex]) -> list[Timex]:
    """One timex per distinct date: a value another one in the sentence makes more precise is dropped, a
    repeated value kept once, and dateless timexes ("أمس" with no publication date) only when nothing in the
    sentence has a value."""
    valued = [t for t in timexes if t.value]
    out: list[Timex] = []
    seen: set[str] = set()
    for t in valued:
        assert t.value is not None
        if t.value in seen or any(o.value != t.value and o.value.startswith(t.value) for o in valued if o.value):
            continue
        seen.add(t.value)
        out.append(t)
    if not out and timexes:
        out.append(timexes[0])
    return out


def _framed(lex: _Lexicon, tokens, a: int, b: int, timex: Timex) -> bool:
    """The sentence opens on a year or month: "وفي عام 2012 ...", "منذ يناير 2017 ...". A day ("في يوم
    الجمعة، ...") opens narrative as often as a dated fact, so it needs a trigger."""
    if not timex.value or len(timex.value) > len("2017-01"):
        return False
    words = 0
    for i in range(a, b):
        tok = tokens[i]
        if tok.start >= timex.start:
            return words == 0 or _prev_word_frames(lex, tokens, a, i)
        if is_word(tok):
            words += 1
            if words > FRAMING_WORDS:
                return False
    return False


def _prev_word_frames(lex: _Lexicon, tokens, a: int, i: int) -> bool:
    j = i - 1
    while j >= a and not is_word(tokens[j]):
        j -= 1
    return j >= a and in_set(tokens[j].text, lex.framing)


def _place(article: Article, lex: _Lexicon, tokens, starts: list[int], words_before: list[int],
           locations: list[int], loc_starts: list[int], s: int, e: int, near: int,
           clause: tuple[int, int] | None = None, visit: bool = False) -> tuple[int | None, int | None]:
    """(place, other LOC): the LOC mention where the event happens -- the first one after في/إلى (within a
    few words: "في مقر الناتو في بروكسل", "إلى العاصمة العراقية بغداد") or with ب written on it -- and,
    failing that, the first LOC that is not a partner ("مع العراق"), which shows the sentence is about
    somewhere but names no place of the event ("تقوده السعودية", "تحرص مصر": mostly an actor or a topic),
    except after a visit trigger, whose object is the place visited ("سيزور اليابان"), and in a dateline
    opening the sentence ("بيروت - «الأفق»: أقر مجلس النواب"). Only LOCs near the trigger count: a long
    sentence names other places in other clauses; only those of its `clause` (token range), for a trigger of
    a clause other than the sentence's main one."""
    k = bisect.bisect_left(loc_starts, s)
    here = [i for i in locations[k:bisect.bisect_left(loc_starts, e)] if article.mentions[i].end <= e]
    here = [i for i in here if not _in_title(lex, tokens, bisect.bisect_left(starts, article.mentions[i].start), s)]
    # a place inside quotation marks the trigger is not in is part of a name or of words quoted: the film "كان يا
    # ما كان في غزة" was not shown in Gaza
    # ("يدخل إلى «القبة»" quotes the place's own name: a quotation that is the name alone is kept; a long one
    # is words said, which name what the sentence is about)
    titles = [(lo, hi) for lo, hi in _quoted_spans(article.text, s, e) if not lo <= tokens[near].start < hi
              and len(article.text[lo:hi].split()) <= TITLE_WORDS]
    here = [i for i in here if not any(lo <= article.mentions[i].start < hi and article.text[lo:hi].strip()
                                       != article.mentions[i].text for lo, hi in titles)]
    # a place governed by في/إلى right after the trigger or its relative clause is its own, whatever place an
    # earlier clause names ("وتأتي زيارته إلى بغداد بعد أسبوعين من اجتماع اللجنة الذي عقد في أنقرة")
    for idx in here if not any(_dateline(tokens, starts, bisect.bisect_left(starts, article.mentions[i].start), s)
                               for i in here[:1]) else []:      # "أبوجا - رويترز: قال ...": the dateline's
        m = article.mentions[idx]
        t = bisect.bisect_left(starts, m.start)
        if t <= near or (clause is not None and not clause[0] <= t < clause[1]):
            continue
        if words_before[t] - words_before[near] > PLACE_NEAR_WORDS:
            break
        before = _words_before(tokens, t, s, 1)
        if before and in_set(before[0], lex.locative) and normal(before[0]) in _GOVERNING \
                and not any(in_set(w, lex.topic_words) for w in _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS)):
            return idx, idx
    fallback = None
    for idx in here:
        m: Mention = article.mentions[idx]
        t = bisect.bisect_left(starts, m.start)
        if clause is not None and not clause[0] <= t < clause[1]:
            continue
        distance = abs(words_before[t] - words_before[near])
        if distance > (PLACE_AFTER_WORDS if t >= near else PLACE_BEFORE_WORDS):
            continue
        if _locative(lex, article, tokens, t, s, m):
            if any(in_set(w, lex.topic_words) for w in _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS)):
                continue                        # "لمناقشة الأوضاع الراهنة في اليمن": a topic, not the place
            return idx, fallback
        before = _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS)
        if fallback is None and not (before and in_set(before[0], lex.not_place)):
            fallback = idx
            if (visit and t > near) or _dateline(tokens, starts, t, s):
                return idx, fallback
    return None, fallback


_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}


def _quoted_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Character spans between paired quotation marks («...», “...”, "...") in text[s:e]."""
    spans, k = [], s
    while k < e:
        close = _QUOTE_PAIRS.get(text[k])
        end = text.find(close, k + 1, e) if close else -1
        if end < 0:
            k += 1
            continue
        spans.append((k + 1, end))
        k = end + 1
    return spans


_GOVERNING = frozenset(normal(w) for w in ("في", "فى", "إلى", "الى", "وفي", "وإلى"))
_ENVOY = word_set(("المبعوث", "مبعوث", "المبعوثة", "مبعوثة", "الخاص", "الخاصة", "سفير", "السفير", "سفيرة",
                   "السفيرة", "ممثل", "الممثل", "مندوب", "المندوب", "موفد", "الموفد"))


ENVOY_WORDS = 6     # words between an envoy and the إلى of his title ("المبعوث الخاص للأمين العام للأمم المتحدة إلى")


def _in_title(lex: _Lexicon, tokens, t: int, s: int) -> bool:
    """A LOC in a title: after an envoy's إلى/لدى ("المبعوث الأميركي الخاص إلى الشرق الأوسط ستيف ويتكوف",
    "سفير المملكة لدى مصر", "المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن"), it names whom the envoy is
    sent to, not where the event happens."""
    before = _words_before(tokens, t, s, 2 + ENVOY_WORDS)
    for j, w in enumerate(before[:2]):
        if normal(w) in _ILA | {"لدي"}:
            return (j == 0 or in_set(before[0], lex.place_words)) and any(
                in_set(v, _ENVOY) for v in before[j + 1:j + 1 + ENVOY_WORDS])
    return False


def _dateline(tokens, starts: list[int], t: int, s: int) -> bool:
    """Token t opens the sentence and a dash or colon follows the name within a few tokens."""
    if tokens[t].start != s:
        return False
    return any(tok.text in _DATELINE_MARKS for tok in tokens[t + 1:t + 4])


def _locative(lex: _Lexicon, article: Article, tokens, t: int, s: int, m: Mention) -> bool:
    """A LOC mention governed by في/إلى or a place word, or with ب written on it."""
    attached = m.start > 0 and article.text[m.start - 1] == "ب"
    before = _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS, lambda tok: _opens_clause(lex, tok))
    return attached or any(in_set(w, lex.locative) and not _coordinated_compass(w) for w in before)


_COMPASS = frozenset(normal(w) for w in ("جنوب", "جنوبي", "شمال", "شمالي", "شرق", "شرقي", "غرب", "غربي"))


def _coordinated_compass(word: str) -> bool:
    """"وجنوب السودان" after "وقّع السودان": a second party (South Sudan), not "in the south of Sudan"."""
    form = normal(word)
    return form[:1] == "و" and form[1:] in _COMPASS


def _place_after_date(article: Article, lex: _Lexicon, tokens, starts: list[int], plain: list[int],
                      locations: list[int], s: int, e: int, timex: Timex) -> int | None:
    """A LOC governed by في/إلى/a place word within PLACE_NEAR_WORDS plain words after the event's date, in its
    clause, after في/إلى or a place word or with ب written on it ("بعد فوزه على الهلال 2-1، أمس، على ملعب ...
    في جدة", "يوم الاثنين، في العاصمة العمانية مسقط"): news tells when and then where. Not a topic ("الأوضاع في اليمن"), an envoy's title or a place inside a
    short quoted name."""
    lo = bisect.bisect_left(starts, timex.end)
    titles = [(q0, q1) for q0, q1 in _quoted_spans(article.text, s, e) if len(article.text[q0:q1].split()) <= TITLE_WORDS]
    for idx in locations:
        m = article.mentions[idx]
        if m.start < timex.end or m.end > e:
            continue
        t = bisect.bisect_left(starts, m.start)
        if plain[t] - plain[lo] > PLACE_NEAR_WORDS or any(
                _opens_clause(lex, tok) or tok.text in _CLAUSE_PUNCT for tok in tokens[lo:t]):
            return None
        if any(q0 <= m.start < q1 for q0, q1 in titles) or _in_title(lex, tokens, t, s):
            continue
        if _governed(lex, article, tokens, t, s, m):
            return idx
    return None


def _governed(lex: _Lexicon, article: Article, tokens, t: int, s: int, m: Mention) -> bool:
    """A LOC right after في/إلى, or after them and place words or adjectives ("في العاصمة العمانية مسقط"), or
    with ب written on it or on the place word before it ("بولاية عين الدفلى") -- not a country in a title ("أمير
    دولة قطر"), a compass word ("جنوب أفريقيا") or a topic ("الأوضاع في اليمن")."""
    before = _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS, lambda tok: _opens_clause(lex, tok))
    if any(in_set(w, lex.topic_words) for w in _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS)):
        return False
    if m.start > 0 and article.text[m.start - 1] == "ب":
        return True
    for w in before:
        if normal(w) in _GOVERNING or (normal(w).startswith("ب") and in_set(w, lex.locative)):
            return True
        if not (in_set(w, lex.place_words) or _definite(w)):
            return False
    return False


def _place_before(article: Article, lex: _Lexicon, tokens, starts: list[int], locations: list[int],
                  loc_starts: list[int], lo: int, hi: int, s: int) -> int | None:
    """The locative LOC mention nearest before token `hi` and after token `lo`, if any."""
    k = bisect.bisect_left(loc_starts, tokens[lo].start)
    best = None
    for idx in locations[k:bisect.bisect_left(loc_starts, tokens[hi].start)]:
        m = article.mentions[idx]
        if m.end <= tokens[hi].start and _locative(lex, article, tokens, bisect.bisect_left(starts, m.start), s, m):
            best = idx
    return best


def _words_before(tokens, t: int, s: int, n: int, stop=None) -> list[str]:
    """Up to n words before token t within the sentence starting at s, nearest first; none before a token
    `stop` accepts ("إلى أن مرسيليا": إلى governs the clause, not the name)."""
    out = []
    j = t - 1
    while j >= 0 and len(out) < n and tokens[j].start >= s:
        if stop is not None and stop(tokens[j]):
            break
        if is_word(tokens[j]):
            out.append(tokens[j].text)
        j -= 1
    return out


def _participants(article: Article, referents, ref_starts: list[int], s: int, e: int) -> list[int]:
    """PER/ORG mentions named in the sentence, by name or by a role phrase, one per name."""
    out: list[int] = []
    names: list[tuple[str, ...]] = []
    k = bisect.bisect_left(ref_starts, s)
    while k < len(referents) and referents[k].start < e:
        ref = referents[k]
        k += 1
        if ref.end > e or ref.mention in out:
            continue
        m = article.mentions[ref.mention]
        key = tuple(normal(m.name or m.text).replace("_", " ").split())
        if not key or any(_same_name(key, other) for other in names):
            continue
        names.append(key)
        out.append(ref.mention)
    return out


_MEDIA_HEADS = frozenset(normal(w) for w in ("وكالة", "صحيفة", "جريدة", "مجلة", "تلفزيون", "إذاعة", "شبكة"))


_MEDIUM_BEFORE = frozenset(normal(w) for w in (
    "وكالة", "صحيفة", "جريدة", "مجلة", "موقع", "شبكة", "قناة", "تلفزيون", "إذاعة", "منصة", "منصته", "منصتها",
    "حسابه", "حسابها"))
_PLATFORMS = frozenset(normal(w) for w in (
    "تويتر", "إكس", "اكس", "فيسبوك", "فيس بوك", "تروث سوشال", "تروث سوشيال", "إنستغرام", "انستغرام", "إنستجرام",
    "تلغرام", "تيليغرام", "تليغرام", "يوتيوب", "تيك توك", "واتساب", "سناب شات", "ثريدز"))
_ON = frozenset(normal(w) for w in ("على", "عبر", "في", "وعلى", "وعبر", "وفي"))
_QUOTE_MARKS = "«»\"“”'‘’()[] "


def _media(mention: Mention, text: str = "") -> bool:
    """A news outlet or agency (رويترز, «الشرق الأوسط», وكالة الأنباء الفلسطينية) or a platform the words were
    posted on (تروث سوشال, «إكس», a name after وكالة/موقع/منصته: "وكالة «بلومبرغ»"): a source of the news or
    where it was said, never one of its participants ("ونقلت وكالة ... عن مصادر قولها إن الطائرات قصفت")."""
    if mention.type not in ("ORG", "MISC"):
        return False
    name = mention.name or mention.text
    if not name.split():
        return False
    head = text[:mention.start].rstrip(_QUOTE_MARKS).split()
    if head:
        word = normal(head[-1].strip(_QUOTE_MARKS))
        if word in _MEDIUM_BEFORE or (len(word) > 3 and word[0] in "وبلف" and word[1:] in _MEDIUM_BEFORE):
            return True
        if word in _ON and normal(name) in _PLATFORMS:
            return True                         # "كتب على إكس", "عبر تويتر"; not "شركة تويتر"
    return mention.type == "ORG" and (is_agency(name) or normal(name.split()[0]) in _MEDIA_HEADS)


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """"صالح" and "برهم صالح" in one sentence are one participant (a name and its last words)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[-len(short):] == short


# ---------------------------------------------------------------------------------------------------------
# Across articles


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.startswith(b) or b.startswith(a)


def _order(event: Event) -> tuple[bool, str, str]:
    return (event.date is None, event.date or "", event.id)


def link_events(events: list[Event]) -> None:
    """Mark retellings among the events of ONE story: two events from different articles, of the same type,
    sharing a participant (entity ids in `participants`) and with compatible dates (equal, one a prefix of
    the other, or both None) tell the same event; so, transitively, do their groups. Every event of a group
    but its canonical one — the earliest-dated, then the smallest id — gets `same_as` = the canonical id.

    A group never holds two incompatible dates: "2021" joins "2021-06-30" or "2021-07-01", not both, so a
    vague date cannot chain two different days into one event. Pairs are tried in a fixed order (by the
    canonical order of both events), so the result depends on the set of events, not on the list order.
    Events without participants never merge: a shared type and date alone do not make one event. Re-running
    resets earlier links first.
    """
    for event in events:
        event.same_as = None
    ordered = sorted(events, key=_order)
    parent = list(range(len(ordered)))
    precise: list[str | None] = [e.date for e in ordered]   # most precise date of each group

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(ordered):
        for person in sorted(set(e.participants)):
            by_key.setdefault((e.type, person), []).append(i)
    pairs = sorted({(i, j) for group in by_key.values() for i, j in itertools.combinations(group, 2)
                    if ordered[i].article != ordered[j].article})
    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri == rj or not _dates_compatible(precise[ri], precise[rj]):
            continue
        keep, drop = min(ri, rj), max(ri, rj)       # the root is always the group's canonical event
        parent[drop] = keep
        a, b = precise[keep], precise[drop]
        precise[keep] = b if (a is not None and b is not None and len(b) > len(a)) else a
    for i, e in enumerate(ordered):
        r = root(i)
        if r != i:
            e.same_as = ordered[r].id


def timeline(events: list[Event]) -> list[Event]:
    """Events in date order (ISO prefixes sort as strings; undated last), then by article and position,
    without the retellings `link_events` marked."""
    kept = [e for e in events if e.same_as is None]
    return sorted(kept, key=lambda e: (e.date is None, e.date or "", e.article, e.start))
