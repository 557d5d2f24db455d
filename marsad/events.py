"""Typed, dated events: one per sentence and date, and the same event told by several articles linked.

A sentence is an event when it holds a trigger word (marsad/data/event_triggers.json): meeting (التقى،
استقبل، بحث ... مع), visit (زار، وصل إلى), call (اتصال هاتفي), agreement (وقّع ... اتفاقية، مذكرة تفاهم),
statement (أعلن; أكد/قال only when dated), milestone (منح، انضم، قرر — a dated fact) or other (قصفت، هجوم).
The first strong trigger of the sentence sets the type (Arabic news opens a sentence with its main verb),
except that a call trigger anywhere wins (talks held by phone are told with meeting words); failing a strong
trigger, the first weak one does, but only in a dated sentence: "خلال اللقاء" or "وأكد" alone retell or
comment, they do not report a new event. A sentence that opens on a year or a month ("وفي يناير 2017 ...")
is a milestone even without a trigger; a bare dateline is not. An event names someone (a PER/ORG mention or a
role phrase that resolves to one) or somewhere (a LOC): feature writing ("من يزور موناكو يتمتع ...",
"التوقيع بالأحرف الأولى لا يعني ...") uses the same verbs without reporting anything that happened.

Dates come from the sentence's timexes (date, time and relative kinds); a sentence with two dates gives two
events ("ما بين عام 2004 و2011"); a less precise date that a more precise one in the same sentence
contains is dropped ("الخميس" + "الخميس 1 يوليو 2021" is one date). A date dates the trigger only from the
same side of a direct quotation (`article.quotes`, so run quotes first): in "وشدد: «... بدأناه عام 2020»"
the statement is not from 2020. Undated strong-trigger sentences give one event with date None.
"""
from __future__ import annotations

import bisect
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
from marsad.records import Article, Event, Mention, Timex, content_id
from marsad.referents import referents_of

EVENT_TYPES = ("meeting", "visit", "call", "statement", "agreement", "milestone", "other")
DATE_KINDS = ("date", "time", "relative")
PLACE_LOOKBACK_WORDS = 3        # "في مقر الناتو في بروكسل", "إلى العاصمة العراقية بغداد"
PLACE_AFTER_WORDS = 25          # a place this far from the trigger belongs to another clause ("الهدنة في غزة")
PLACE_BEFORE_WORDS = 10
FRAMING_WORDS = 4               # a date within the first words of the sentence frames it
MIN_FRAMED_WORDS = 3            # words besides the date: a dateline alone ("23 ديسمبر 2021") is no event
_CLITICS = "وفبلك"


@dataclass(frozen=True)
class _Trigger:
    type: str
    strong: bool
    first: str                  # canonical first word, to cut clitics off the word as written
    gap: bool


@dataclass(frozen=True)
class _Lexicon:
    verbs: PhraseTable[_Trigger]            # only و/ف written on the first word
    nouns: PhraseTable[_Trigger]            # ب/ل/ك and ال too
    locative: frozenset[str]
    not_place: frozenset[str]
    framing: frozenset[str]
    overriding: frozenset[str]


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
                table.append((phrase, _Trigger(typ, strong, cut(phrase.split()[0]), "..." in phrase)))
    return _Lexicon(
        verbs=PhraseTable(verbs, conjunction_variants),
        nouns=PhraseTable(nouns),
        locative=word_set(data.get("locative", [])),
        not_place=word_set(data.get("not_place", [])),
        framing=word_set(data.get("framing", [])),
        overriding=frozenset(data.get("overriding_types", [])),
    )


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

    events: list[Event] = []
    for s, e in read.sentences:
        a, b = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        k = bisect.bisect_left(timex_starts, s)
        here = [t for t in timexes[k:bisect.bisect_left(timex_starts, e)] if t.end <= e]
        hit = _trigger(lex, tokens, triggers[bisect.bisect_left(triggers, a):bisect.bisect_left(triggers, b)], b)
        # a date dates a trigger only on the same side of the quotation marks: "وشدّد: «... بدأناه عام
        # 2020»" is not a 2020 statement
        side = _quote_at(quoted, quoted_starts, tokens[hit.first].start) if hit else None
        dates = _distinct_dates([t for t in here if _quote_at(quoted, quoted_starts, t.start) == side])
        if hit is not None:
            typ = hit.value.type
            if not hit.value.strong and not dates:
                continue
            word = _as_written(text, tokens, hit)
        elif dates and _framed(lex, tokens, a, b, dates[0]) and _words_outside(tokens, a, b, here) >= MIN_FRAMED_WORDS:
            typ, word = "milestone", None
        else:
            continue
        near = hit.first if hit is not None else a
        place = _place(article, lex, tokens, starts, words_before, locations, loc_starts, s, e, near)
        people = _participants(article, referents, ref_starts, s, e)
        if place is None and not people:
            continue                            # nobody and nowhere named: "من يزور موناكو ..." is no news event
        for timex in dates or [None]:
            date_text = timex.text if timex else None
            events.append(Event(
                id=content_id("v", article.id, s, e, date_text or ""),
                article=article.id,
                type=typ,
                sentence=text[s:e],
                start=s,
                end=e,
                date=timex.value if timex else None,
                date_text=date_text,
                trigger=word,
                place_mention=place,
                participant_mentions=list(people),
            ))
    return events


def _trigger(lex: _Lexicon, tokens, candidates: list[int], b: int) -> Hit[_Trigger] | None:
    """The sentence's first strong trigger (a strong trigger of an overriding type wherever it is), else
    its first weak one. `candidates`: the sentence's word tokens a trigger may start at, in order; the
    sentence ends before token `b`."""
    weak = None
    strong = None
    for i in candidates:
        hit = lex.verbs.match(tokens, i, limit=b) or lex.nouns.match(tokens, i, limit=b)
        if hit is None:
            continue
        if hit.value.strong:
            if hit.value.type in lex.overriding:
                return hit
            if strong is None:
                strong = hit
        elif weak is None:
            weak = hit
    return strong or weak


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
    phrase with a gap, its first word only."""
    word = tokens[hit.first].text
    cut = 0
    for n in range(3):
        if n and word[n - 1] not in _CLITICS:
            break
        if len(word) - n >= 2 and hit.value.first in (normal(word[n:]), canonical(word[n:])):
            cut = n
            break
    start = tokens[hit.first].start + cut
    end = tokens[hit.first].end if hit.value.gap else tokens[hit.last].end
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
           locations: list[int], loc_starts: list[int], s: int, e: int, near: int) -> int | None:
    """The LOC mention where the event happens: the first one after في/إلى (within a few words: "في مقر
    الناتو في بروكسل", "إلى العاصمة العراقية بغداد") or with ب written on it; else the first LOC that is
    not a partner ("مع العراق", "بين العراق"). Only LOCs near the trigger count: a long sentence names
    other places in other clauses."""
    k = bisect.bisect_left(loc_starts, s)
    here = [i for i in locations[k:bisect.bisect_left(loc_starts, e)] if article.mentions[i].end <= e]
    fallback = None
    for idx in here:
        m: Mention = article.mentions[idx]
        t = bisect.bisect_left(starts, m.start)
        distance = abs(words_before[t] - words_before[near])
        if distance > (PLACE_AFTER_WORDS if t >= near else PLACE_BEFORE_WORDS):
            continue
        before = _words_before(tokens, t, s, PLACE_LOOKBACK_WORDS)
        attached = m.start > 0 and article.text[m.start - 1] == "ب"
        if attached or any(in_set(w, lex.locative) for w in before):
            return idx
        if fallback is None and not (before and in_set(before[0], lex.not_place)):
            fallback = idx
    return fallback


def _words_before(tokens, t: int, s: int, n: int) -> list[str]:
    """Up to n words before token t within the sentence starting at s, nearest first."""
    out = []
    j = t - 1
    while j >= 0 and len(out) < n and tokens[j].start >= s:
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
