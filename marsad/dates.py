"""Arabic dates: publication-date lines (`parse_date`) and temporal expressions in article text
(`find_timexes`).

Why a rule module of our own rather than dateparser: news dates come in a few dozen shapes (Egyptian/Gulf,
Levantine, Maghrebi and Moroccan month names, Hijri dates, d/m/y numerals, relative words), and the failure we
fear most is a false date — a count, an amount or a phone number turned into a year. Rules anchored on trigger
words give predictable output, can say *why* they refuse, and run at thousands of articles a second.

How it works: the text is normalised once (alef, ya, teh marbuta, Arabic-Indic/Persian digits; diacritics,
tatweel and invisible marks dropped, with an offset map back to the original). A cheap word scan finds
trigger words (a number, a month or weekday name, أمس/اليوم/غدا, قبل/منذ, عام/العام, ...); the patterns
for that trigger are then matched *at* that position only. Candidates are resolved leftmost-longest.
Word lists (month spellings, blockers, count nouns) live in marsad/data/dates.json.

Kinds: "date" (a written date: 01 يوليو 2021, عام 2011), "time" (a date with a clock time), "relative"
(anything resolved against `published`).

A bare 4-digit number is a year only in a year context: after عام/العام/سنة (1800-2100 there), written 2003م,
alone between parentheses, or after في/منذ/حتى/خلال ... (1900-2100) when no counted noun follows (في 2000
مشروع, منذ 2500 عام are not years).

Values are ISO 8601 prefixes as precise as the text allows ("2021", "2021-07", "2021-07-01",
"2021-07-01T10:43"), never a guess:
- An expression whose value depends on the publication date (أمس, الشهر الماضي, "31 ديسمبر الحالي",
  a day and month without a year) gets kind="relative" and value None when `published` is not given.
- A day and month without a year take the year that puts the date nearest to publication (an article of
  2021-01-03 saying "28 ديسمبر" means 2020-12-28); with الماضي/المقبل the most recent past / next future one;
  with الجاري/الحالي the publication year.
- A range of days ("يومي 30 و31 جانفي", "من 25 إلى 27 مارس 2026", "بين الثالث والخامس من الشهر المقبل") is
  two timexes, as TimeML tags it: the first day alone ("25"), dated by the second, and the second.
- "اليوم نفسه" / "في نفس اليوم" is the day of the last date with a day before it in the text, as "من العام
  نفسه" is the last year written (None when the text has none), not the publication day.
- Weeks (الأسبوع الماضي, قبل أسبوعين) have no honest ISO-prefix value at day precision and ISO week strings
  ("2021-W25") are not prefixes, so a week gets the *month* prefix of the day shifted by that many weeks
  (published 2021-07-01, "الأسبوع الماضي" -> "2021-06"). Coarse, and a week that straddles two months
  is given the month of its shifted day. A part named before a relative period (مطلع الأسبوع الماضي,
  نهاية الشهر الجاري) belongs to the expression and leaves its value; "مطلع الأسبوع" alone is this week.
- A decade gets TimeML's decade value, the first three digits of its years: "السبعينيات" and "سبعينيات
  القرن الماضي" (published in the 2000s) -> "197", "ثمانينيات القرن التاسع عشر" -> "188". It is a string
  prefix of every ISO date in the decade, though not an ISO date itself (`parse_iso` refuses it).
- A Hijri month with neither day nor year is taken after a part of it or with a relative word ("مطلع شهر
  محرم المقبل", "منتصف شهر محرم", "رمضان المقبل"), from the Hijri year nearest to publication, with the
  Gregorian prefix its days (the part's ten days) share.
- A Hijri day is converted with hijridate; a Hijri month or year alone keeps only the Gregorian prefix shared
  by its first and last day (often just the year), or None. A Hijri day and month without a year ("في 15
  شعبان") take the Hijri year that puts them nearest to publication, as Gregorian ones do, and the value is
  that Gregorian day.
- A bare weekday (الأربعاء) is the most recent such day on or before publication, but after a future verb in
  its clause (ستنطلق, سيزور, سوف), a forecast word (يتوقع, المنتظر, المرتقب) or a plan (من المقرر أن, يعتزم, على أن
  يزور; not كان من المقرر) the first such day on or after it; with الماضي strictly before, with
  المقبل/القادم strictly after.
- قبل/منذ + a count (قبل ثلاثة أيام, منذ عامين) count back from publication at the unit's precision; بعد +
  a count is not taken (it is as often narrative, "after a year he left"), except بعد غد.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from hijridate import Gregorian, Hijri

from marsad import MarsadError
from marsad.arabic import DIACRITICS, normalize_keep_length
from marsad.records import Timex

__all__ = ["DateError", "parse_date", "find_timexes", "weekday_of", "parse_iso"]


class DateError(MarsadError):
    """An ISO prefix that this module was asked to read is not one ("2021-13-40", "yesterday")."""


# --------------------------------------------------------------------------------------------------------
# Normalisation with an offset map

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u0640"
_MARKS = re.compile(DIACRITICS.pattern[:-1] + re.escape(_INVISIBLE) + "]")
# One character in, one out: decimal/thousands separators and the Arabic percent sign as ASCII.
_PUNCT = {"٫": ".", "٬": ",", "٪": "%", "–": "-", "—": "-", "／": "/", "؛": ";"}
_PUNCT_TABLE = str.maketrans(_PUNCT)
_COMMON_FOLDS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))
# Every other character that normalize_keep_length or _PUNCT changes (Arabic-Indic and Persian digits,
# Persian letters, ٫ ٬ ٪ ...), taken from those functions so that the two cannot drift apart.
_RARE_MAP = {c: f for c in (*map(chr, range(0x0600, 0x0700)), *_PUNCT)
             if (f := normalize_keep_length(c).translate(_PUNCT_TABLE)) != c and (c, f) not in _COMMON_FOLDS}
_RARE = re.compile("[" + re.escape("".join(_RARE_MAP)) + "]")


def _fold(text: str) -> str:
    """`arabic.normalize_keep_length` plus ASCII punctuation for ٫ ٬ ٪ – — ／ ؛, done fast.

    normalize_keep_length translates the whole text through a dict four times, which costs about 3 ms on a
    3,000-character article, more than all the date rules together; here the six frequent letter folds are
    `str.replace` calls (C loops) and the rare characters are replaced one match at a time.
    tests/test_dates.py checks that both agree."""
    for a, b in _COMMON_FOLDS:
        text = text.replace(a, b)
    if _RARE.search(text):
        text = _RARE.sub(lambda m: _RARE_MAP[m.group()], text)
    return text


def _normalize(text: str) -> tuple[str, list[int] | None]:
    """The matching form of `text` (marks dropped, letters and digits folded) and, when marks were dropped,
    the key to map its offsets back: see `_original_offset`."""
    if _MARKS.search(text) is None:
        return _fold(text), None
    dropped = [m.start() for m in _MARKS.finditer(text)]
    return _fold(_MARKS.sub("", text)), [pos - k for k, pos in enumerate(dropped)]


def _original_offset(pos: int, shifts: list[int] | None) -> int:
    """The index in the original text of the character at `pos` in the normalised one. `shifts` holds, for
    each dropped mark, where it would have stood in the normalised text; every mark standing at or before
    `pos` moves the character one place right."""
    return pos if shifts is None else pos + bisect_right(shifts, pos)


def _norm_word(word: str) -> str:
    return _normalize(word)[0].lower()


# --------------------------------------------------------------------------------------------------------
# Word lists (marsad/data/dates.json), normalised once

_DATA = json.loads((Path(__file__).parent / "data" / "dates.json").read_text(encoding="utf-8"))


def _name_map(section: dict[str, list[str]]) -> dict[str, int]:
    return {_norm_word(name): int(key) for key, names in section.items() for name in names}


_GREG = _name_map(_DATA["gregorian_months"])
_ENG_MONTHS = _name_map(_DATA["english_months"])
_HIJRI = _name_map(_DATA["hijri_months"])
_WEEKDAYS = _name_map(_DATA["weekdays"])
_ENG_WEEKDAYS = _name_map(_DATA["english_weekdays"])
_AMBIGUOUS_MONTHS = {_norm_word(w) for w in _DATA["ambiguous_months"]}
_AMBIGUOUS_HIJRI = {_norm_word(w) for w in _DATA["ambiguous_hijri_months"]}
_HIJRI_DAY_BEFORE = {_norm_word(w) for w in _DATA["hijri_day_blockers_before"]}
_HIJRI_DAY_AFTER = {_norm_word(w) for w in _DATA["hijri_day_blockers_after"]}
_WEEKDAY_BLOCKERS = {_norm_word(w) for w in _DATA["weekday_blockers"]}
_WEEKDAY_BLOCKERS_AFTER = {_norm_word(w) for w in _DATA["weekday_blockers_after"]}
_ORDINALS = {_norm_word(k): v for k, v in _DATA["ordinal_days"].items()}
_REL_DAYS = {_norm_word(k): v for k, v in _DATA["relative_days"].items()}
_TODAY_BLOCKERS = {_norm_word(w) for w in _DATA["today_blockers_before"]}
_SAME_DAY_AFTER = {_norm_word(w) for w in _DATA["same_day_after"]}
_SAME_DAY_BEFORE = {_norm_word(w) for w in _DATA["same_day_before"]}
_YESTERDAY_BLOCKERS = {_norm_word(w) for w in _DATA["yesterday_blockers_after"]}
_REL_WORDS = {_norm_word(k): v for k, v in _DATA["relative_words"].items()}
_PERIODS = {_norm_word(k): v for k, v in _DATA["period_units"].items()}
_PERIOD_EDGES = {_norm_word(w) for w in _DATA["period_edges"]}
_WEEK_EDGES_ALONE = {_norm_word(w) for w in _DATA["week_edges_alone"]}
_DECADES = _name_map(_DATA["decades"])
_DECADE_BEFORE = {_norm_word(w) for w in _DATA["decade_blockers_before"]}
_DECADE_AFTER = {_norm_word(w) for w in _DATA["decade_blockers_after"]}
_UNITS = {_norm_word(k): (v[0], v[1]) for k, v in _DATA["duration_units"].items()}
_NUMBER_WORDS = {_norm_word(k): v for k, v in _DATA["number_words"].items()}
_YEAR_STRONG = {_norm_word(w) for w in _DATA["year_contexts_strong"]}
_YEAR_WEAK = {_norm_word(w) for w in _DATA["year_contexts_weak"]}
_COUNT_WORDS = {_norm_word(w) for w in _DATA["count_words"]}
_PAGE_LABELS = {_norm_word(w) for w in _DATA["page_labels"]}
_DAY_PARTS = [_norm_word(w) for w in _DATA["day_parts"]]
_MONTH_CONTEXT = {_norm_word(w) for w in _DATA["month_contexts"]}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first, with inner spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_GM = _alternation(_GREG)
_EM = _alternation(_ENG_MONTHS)
_HM = _alternation(_HIJRI)
_WD = _alternation(_WEEKDAYS)
_EWD = _alternation(_ENG_WEEKDAYS)
_ORD = _alternation(_ORDINALS)
_RD = _alternation(_REL_DAYS)
_REL = _alternation(_REL_WORDS)
_UNIT = _alternation(_UNITS)
_NUMW = _alternation(_NUMBER_WORDS)
_PART = _alternation(_DAY_PARTS)

_E = r"(?!\w)"                                     # end of word
_YEAR = r"(?:(?:19|20)\d\d|2100)(?!\d)"
# After a word that says "year" (عام 1882) or between parentheses (1949), older years are safe too.
_YEAR_WIDE = r"(?:(?:18|19|20)\d\d|2100)(?!\d)"
_CE = r"(?:م(?!\w)|\s*ميلادي(?:ه)?(?!\w))"           # 2003م, 2003 ميلادية (a bare " م" may be metres)
_YEAR_WORD = r"(?:عام|العام|سنه|السنه|لعام|للعام)"
_CLOCK = (r"(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
          r"(?:\s*(?P<ap>ص|م|صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|am|pm|a\.m\.|p\.m\.)(?!\w))?")
_TIME = rf"(?:\s*[،,\-|]?\s*(?:(?:في\s+)?(?:الساعه|at)\s+)?{_CLOCK})?"
_WDP = (rf"(?:(?:يوم\s+)?(?P<wd>{_WD}|{_EWD})\.?\s*[،,\-]?\s*(?:الموافق\s+)?)?")
_MONTH_G = rf"(?P<month>{_GM})(?:\s*[/\\(\-]?\s*(?P<month2>{_GM})(?:\s*\))?)?{_E}"
_AFTER_DM = (rf"(?:\s*[،,\-/]?\s*(?:من\s+)?(?:{_YEAR_WORD}\s+)?(?P<year>{_YEAR})(?:{_CE})?"
             rf"|\s+(?P<rel>{_REL}){_E}"
             rf"|\s+من\s+(?:(?P<ythis>هذا\s+العام|هذه\s+السنه)|(?:العام|السنه)\s+(?P<yrel>{_REL})"
             rf"|(?P<ysame>(?:العام|السنه)\s+(?:نفسه|نفسها|ذاته|ذاتها)|نفس\s+(?:العام|السنه))){_E})?")

_F = 0                             # the text is lower-cased before matching; re.I would halve the speed
_DMY_TEXT = re.compile(
    rf"{_WDP}(?:(?P<day>[0-3]?\d)(?!\d)\s*[/\-]?|(?P<oday>{_ORD})(?:\s+من)?)\s*(?:من\s+)?(?:شهر\s+)?{_MONTH_G}"
    rf"{_AFTER_DM}{_TIME}", _F)
_MY_TEXT = re.compile(rf"(?P<shahr>شهر\s+)?{_MONTH_G}{_AFTER_DM}", _F)
_NUMERIC = re.compile(
    rf"{_WDP}(?:(?P<d>[0-3]?\d)\s?(?P<s>[/\-.])\s?(?P<m>[01]?\d)\s?(?P=s)\s?(?P<y>{_YEAR})"
    rf"|(?P<y2>{_YEAR})\s?(?P<s2>[/\-.])\s?(?P<m2>[01]?\d)\s?(?P=s2)\s?(?P<d2>[0-3]?\d)(?!\d))"
    rf"(?![%]|[.,/\-:]\d)"
    rf"(?:t(?P<iH>[01]\d|2[0-3]):(?P<iM>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:z|[+\-]\d\d:?\d\d)?|{_TIME})", _F)
_HIJRI_NUMERIC = re.compile(
    rf"{_WDP}(?:(?P<d>[0-3]?\d)\s?(?P<s>[/\-.])\s?(?P<m>[01]?\d)\s?(?P=s)\s?(?P<y>1[34]\d\d)"
    rf"|(?P<y2>1[34]\d\d)\s?(?P<s2>[/\-.])\s?(?P<m2>[01]?\d)\s?(?P=s2)\s?(?P<d2>[0-3]?\d))(?!\d)"
    rf"(?:\s*(?:هجريه|هجري|ه)(?!\w))?", _F)                      # 5 / 11 / 1436 هـ (Saudi outlets)
_ENGLISH = re.compile(
    rf"(?:(?P<wd>{_EWD})\.?,?\s*)?(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{_EM})\.?,?"
    rf"|(?P<month_b>{_EM})\.?\s+(?P<day_b>[0-3]?\d)(?:st|nd|rd|th)?,?)\s+(?P<year>{_YEAR}){_TIME}", _F)
# Month first, as WordPress themes print it: "يونيو 16, 2024", "حزيران 16، 2024 - 10:30 م"; the year is required
_MDY_TEXT = re.compile(rf"{_MONTH_G}\s*(?P<day>[0-3]?\d)(?!\d)\s*[،,]\s*(?P<year>{_YEAR}){_TIME}", _F)
_ENGLISH_MY = re.compile(rf"(?P<month>{_EM})\.?,?\s+(?P<year>{_YEAR})", _F)
_HIJRI_DATE = re.compile(
    rf"{_WDP}(?:(?P<day>[0-3]?\d)(?!\d)\s*|(?P<oday>{_ORD})\s+(?:من\s+)?)?(?:شهر\s+)?(?P<month>{_HM}){_E}"
    rf"\s*[،,]?\s*(?:(?:عام|سنه)\s+)?(?P<year>1[34]\d\d)(?!\d)(?:\s*(?:هجريه|هجري|ه)(?!\w))?", _F)
# "في 15 شعبان", "العاشر من رمضان الماضي", "16 شعبان من العام الحالي": a Hijri day and month with no year
# written after them, and not "30 محرم من كل عام" (every year)
_HIJRI_DAY_MONTH = re.compile(
    rf"{_WDP}(?:(?P<day>[0-3]?\d)(?!\d)\s*|(?P<oday>{_ORD})\s+)(?P<link>(?:من\s+)?(?:شهر\s+)?)(?P<month>{_HM}){_E}"
    rf"(?:\s+(?P<rel>{_REL}){_E}"
    rf"|\s+من\s+(?:(?P<ythis>هذا\s+العام|هذه\s+السنه)|(?:العام|السنه)\s+(?P<yrel>{_REL})){_E})?"
    rf"(?!\s*[،,]?\s*(?:(?:عام|سنه)\s+)?\d|\s+من\s+كل{_E})", _F)
# "مطلع شهر محرم المقبل", "منتصف شهر محرم", "رمضان المقبل": a Hijri month with neither day nor year, taken
# with a part named before it or a relative word after it (`_hijri_month_alone`)
_HIJRI_ALONE = re.compile(
    rf"(?P<month>{_HM}){_E}(?:\s+(?P<rel>{_REL}){_E})?(?!\s*[،,]?\s*(?:(?:عام|سنه)\s+)?\d)", _F)
_HIJRI_ALONE_BEFORE = re.compile(
    rf"(?<!\w)(?:[وفبل]?(?P<edge>{_alternation(_PERIOD_EDGES)})\s+)?(?P<shahr>(?:ال)?شهر\s+)?\Z", _F)
_YEAR_STRONG_RE = re.compile(
    rf"(?P<ctx>{_alternation(_YEAR_STRONG)})\s+(?P<year>{_YEAR_WIDE}(?:{_CE})?)"
    rf"(?:\s*(?:و|او|-|الي|حتي)\s*(?P<year2>{_YEAR_WIDE}(?:{_CE})?))?", _F)
_YEAR_CE = re.compile(rf"(?P<year>{_YEAR}){_CE}", _F)
_YEAR_BARE = re.compile(rf"(?P<year>{_YEAR})", _F)
_YEAR_PAREN = re.compile(rf"(?<=\()\s*(?P<year>{_YEAR_WIDE})\s*\)", _F)
# "يومي 10 و11 أبريل", "من 3 إلى 5 مايو", "بين الخامس والسابع من الشهر الجاري": the first day of a range,
# dated by the second (`_day_pair_at`)
_DAY_PAIR = re.compile(
    rf"(?:(?P<day>[0-3]?\d)(?!\d)|(?P<oday>{_ORD}))\s*(?:و|-|الي|حتي|والي|وحتي)\s*"
    rf"(?=(?P<day2>[0-3]?\d)(?!\d)|(?P<oday2>{_ORD}){_E})", _F)
_RELDAY = re.compile(rf"(?P<rd>{_RD}){_E}(?:\s*[،,]?\s*(?:يوم\s+)?(?P<wd>{_WD}){_E}"
                     rf"|\s*\(\s*(?:يوم\s+)?(?P<wdp>{_WD})\s*\))?", _F)        # اليوم (الخميس): Gulf style
_WEEKDAY = re.compile(rf"(?P<wd>{_WD}){_E}(?:\s+(?P<rel>{_REL}){_E})?", _F)
_ORDINAL_HEADS = frozenset(_norm_word(w) for w in (
    "الأسبوع", "أسبوع", "الأسابيع", "العشر", "العشرة", "النصف", "الربع", "الثلث", "الشطر", "الجزء", "الدور",
    "الجولة", "الفصل"))
# "في الخامس من الشهر الجاري", "يوم 15 من الشهر الماضي": a day of the month publication points to
_DAY_OF_MONTH = re.compile(
    rf"(?:(?P<day>[0-3]?\d)(?!\d)|(?P<oday>{_ORD}))\s+(?:من\s+)?(?:الشهر|شهر)\s+(?P<rel>{_REL}){_E}", _F)
_PERIOD = re.compile(
    rf"(?:(?P<this>هذا|هذه)\s+)?(?P<unit>{_alternation(_PERIODS)})(?:\s+(?P<rel>{_REL}))?{_E}", _F)
_AGO = re.compile(
    rf"(?P<dir>قبل|منذ)\s+(?:(?P<n>\d{{1,3}})\s+|(?P<nw>{_NUMW})\s+)?(?P<unit>{_UNIT}){_E}"
    rf"(?:\s+واحد(?:ه)?{_E})?+"
    rf"(?!\s*(?:فقط|تقريبا)?\s*[،,]?\s*(?:\d|من{_E}|علي{_E}|{_GM}|{_HM}))", _F)
# "مطلع الأسبوع الماضي", "أواخر السبعينيات": the part of the period named before it
_EDGE_BEFORE = re.compile(rf"(?<!\w)[وفبل]?(?P<edge>{_alternation(_PERIOD_EDGES)})\s+\Z", _F)
# "السبعينيات", "ستينيات القرن الماضي", "التسعينيات من القرن العشرين"
_DECADE = re.compile(
    rf"(?:ال)?(?P<dec>{_alternation(_DECADES)})"
    rf"(?:\s+(?:من\s+)?القرن\s+(?:(?P<crel>{_REL})|(?P<cord>{_ORD})))?{_E}"
    rf"(?!\s+من\s+(?:ال)?عمر|\s+(?:ال)?عمر)", _F)
_LEFT_EXT = re.compile(rf"(?<!\w)[وف]?(?P<ext>(?:(?:{_PART})\s+)?(?:يوم\s+)?)\Z", _F)
_WORD = re.compile(r"\w+")
_TZ = re.compile(r"(?:gmt|utc)?\s*[+\-]\d\d?(?::?\d\d)?(?!\d)|\b(?:gmt|utc)\b", re.I)

# Words that open a pattern, and which handler tries the patterns there; a word (less a و/ف/ب/ل proclitic)
# outside this table is skipped at once, which is what keeps the module fast.
_TRIGGERS: dict[str, str] = {}
for _w in _ORDINALS:
    _TRIGGERS[_w.split()[0]] = "ordinal"
for _w in _HIJRI:
    _TRIGGERS[_w.split()[0]] = "hijri"
for _w in _GREG:
    _TRIGGERS[_w.split()[0]] = "month"
for _w in _ENG_MONTHS:
    _TRIGGERS[_w] = "month"
for _w in _PERIODS:
    _TRIGGERS[_w] = "period"
for _w in ("هذا", "هذه"):
    _TRIGGERS[_w] = "period"
for _w in _DECADES:
    _TRIGGERS[_w] = _TRIGGERS["ال" + _w] = "decade"
for _w in _YEAR_STRONG:
    _TRIGGERS[_w] = "year"
for _w in _REL_DAYS:
    _TRIGGERS[_w.split()[0]] = "relday"
for _w in ("قبل", "منذ", "بعد"):
    _TRIGGERS[_w] = "ago"
for _w in (*_WEEKDAYS, *_ENG_WEEKDAYS):
    _TRIGGERS[_w] = "weekday"
_TRIGGERS["شهر"] = "month"


# --------------------------------------------------------------------------------------------------------
# Reference date and ISO helpers

@dataclass(frozen=True)
class _Ref:
    year: int
    month: int | None
    day: dt.date | None


_ISO = re.compile(r"\s*(\d{4})(?:-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d))?)?)?")


def parse_iso(iso: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of an ISO prefix such as "2021", "2021-07", "2021-07-01T10:43".

    Raises DateError when the string does not start with a valid one."""
    m = _ISO.match(iso or "")
    if not m:
        raise DateError(f"not an ISO date prefix: {iso!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise DateError(f"not a valid date: {iso!r}") from exc
    return year, month, day


def weekday_of(iso: str) -> int:
    """Weekday of a day-precise ISO prefix, Monday = 0 ... Sunday = 6 (Python's convention)."""
    year, month, day = parse_iso(iso)
    if month is None or day is None:
        raise DateError(f"no day in {iso!r}")
    return dt.date(year, month, day).weekday()


def _reference(published: str | None) -> _Ref | None:
    """The publication date as a reference; a value that is not an ISO prefix counts as no reference
    (relative expressions then stay unresolved rather than resolved against garbage)."""
    if not published:
        return None
    try:
        year, month, day = parse_iso(published)
    except DateError:
        return None
    return _Ref(year, month, dt.date(year, month, day) if month and day else None)


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _week_value(day: dt.date) -> str:
    """Documented week policy: the month prefix of the day (see the module docstring)."""
    return f"{day.year:04d}-{day.month:02d}"


# --------------------------------------------------------------------------------------------------------
# Candidates and the handlers that find them

@dataclass
class _Cand:
    start: int                    # in the normalised text
    end: int
    value: str | None
    kind: str
    weekday: int | None = None    # a weekday named in the expression, to check against the value
    extend_left: bool = False     # may take a day part or يوم on its left (صباح اليوم, يوم الأربعاء)
    hijri: bool = False
    same_day: bool = False        # اليوم نفسه: the day of the date before it, filled in by `_same_day`
    guessed: bool = False         # a weekday alone a period starts from or runs until (`_named_weekdays`)


@dataclass
class _Scan:
    norm: str
    ref: _Ref | None

    def word_before(self, pos: int) -> tuple[str | None, bool]:
        """The word before `pos` (less a و/ف proclitic) and whether punctuation separates it from `pos`."""
        norm, lo = self.norm, max(0, pos - _CONTEXT)
        end = pos
        while end > lo and norm[end - 1].isalnum():          # a proclitic attached at pos (و in والجمعة)
            end -= 1
        while end > lo and not norm[end - 1].isalnum():
            end -= 1
        start = end
        while start > lo and norm[start - 1].isalnum():
            start -= 1
        if start == end:
            return None, True
        return _bare(norm[start:end]), _PUNCT_GAP.fullmatch(norm, end, pos) is not None

    def word_after(self, pos: int) -> tuple[str | None, bool]:
        """The word after `pos` (less a و/ف proclitic) and whether punctuation separates it from `pos`."""
        norm, hi = self.norm, min(len(self.norm), pos + _CONTEXT)
        start = pos
        while start < hi and not norm[start].isalnum():
            start += 1
        end = start
        while end < hi and norm[end].isalnum():
            end += 1
        if start == end:
            return None, True
        return _bare(norm[start:end]), _PUNCT_GAP.fullmatch(norm, pos, start) is not None


_CONTEXT = 48                      # characters looked at on each side for a context word


def _bare(word: str) -> str:
    """A context word without a leading و/ف conjunction (ومنذ -> منذ, وفي -> في); words of three letters or
    fewer keep it (وفد is a word, not و + فد)."""
    return word[1:] if len(word) > 3 and word[0] in "وف" else word


_PUNCT_GAP = re.compile(r"\s*[،,.:;()\-\n]\W*|\s*\n\s*")


def _clock_value(m: re.Match, year: int, month: int, day: int) -> str:
    """Day value with the optional time of a match; ص/صباحا/AM and م/مساء/PM make a 12-hour clock 24-hour."""
    base = f"{year:04d}-{month:02d}-{day:02d}"
    groups = m.groupdict()
    if groups.get("H"):
        hour, minute = int(groups["H"]), int(groups["M"])
    elif groups.get("iH"):
        hour, minute = int(groups["iH"]), int(groups["iM"])
    else:
        return base
    ap = (groups.get("ap") or "").lower().replace(".", "")
    if ap in ("م", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "pm") and hour < 12:
        hour += 12
    elif ap in ("ص", "صباحا", "فجرا", "am") and hour == 12:
        hour = 0
    return f"{base}T{hour:02d}:{minute:02d}"


def _kind_of(value: str) -> str:
    return "time" if "T" in value else "date"


def _day_of(m: re.Match) -> int | None:
    if m.group("day"):
        return int(m.group("day"))
    if m.groupdict().get("oday"):
        return _ORDINALS.get(_squash(m.group("oday")))
    return None


def _squash(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def _weekday_group(m: re.Match) -> int | None:
    wd = m.groupdict().get("wd") or m.groupdict().get("wdp")
    if not wd:
        return None
    wd = wd.lower()
    return _WEEKDAYS.get(wd, _ENG_WEEKDAYS.get(wd))


def _resolve_day_month(month: int, day: int, rel: int | None, ref: _Ref | None) -> str | None:
    """The year of a day and month written without one: the publication year with الجاري/الحالي, the most
    recent past one with الماضي, the next one with المقبل, else the one nearest to publication."""
    if ref is None:
        return None
    if rel == 0:
        d = _valid_day(ref.year, month, day)
        return d.isoformat() if d else None
    if ref.day is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid_day(y, month, day))]
    return _nearest_day(options, rel, ref.day)


def _nearest_day(options: list[dt.date], rel: int | None, day: dt.date) -> str | None:
    """Of the candidate days of a date written without its year: the last before `day` (rel -1, الماضي),
    the first after it (rel 1, المقبل), else the nearest (the earlier one on a tie)."""
    if rel == -1:
        best = max((d for d in options if d < day), default=None)
    elif rel == 1:
        best = min((d for d in options if d > day), default=None)
    else:
        best = min(options, key=lambda d: (abs((d - day).days), d > day), default=None)
    return best.isoformat() if best else None


def _resolve_month(month: int, rel: int | None, ref: _Ref | None, tense: str | None = None) -> str | None:
    """The year of a month written without one, by the same rule as `_resolve_day_month`; with no relative
    word, a past verb before it (`_tense_before`: "زار بغداد في نوفمبر") means this month or the latest one
    before, a future verb ("سيزور بغداد في نوفمبر") this month or the next one."""
    if ref is None:
        return None
    if rel == 0:
        return f"{ref.year:04d}-{month:02d}"
    if ref.month is None:
        return None
    here = ref.year * 12 + ref.month - 1
    options = [y * 12 + month - 1 for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == -1:
        best = max((k for k in options if k < here), default=None)
    elif rel == 1:
        best = min((k for k in options if k > here), default=None)
    elif tense == "past":
        best = max((k for k in options if k <= here), default=None)
    elif tense == "future":
        best = min((k for k in options if k >= here), default=None)
    else:
        best = min(options, key=lambda k: (abs(k - here), k > here))
    return None if best is None else f"{best // 12:04d}-{month:02d}"


_WRITTEN_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _same_year(scan: _Scan, m: re.Match) -> int | None:
    """The year "من العام نفسه" points back to: the last year the text wrote before it ("انضمت في مارس 2023،
    وتولى الحكم في ديسمبر من العام نفسه" is December 2023), None when it wrote none."""
    years = _WRITTEN_YEAR.findall(scan.norm, 0, m.start())
    return int(years[-1]) if years else None


def _same_day(before: list[_Cand]) -> str | None:
    """The day "في اليوم نفسه" points back to: that of the last date before it with a day, as `_same_year`
    does for the year ("فجر 6 شباط 2023 ... وتلاه زلزال ثان ظهر اليوم نفسه" is 6 February 2023, not the
    publication day), None when there is none."""
    day = next((c.value for c in reversed(before) if c.value and len(c.value) >= 10), None)
    return day[:10] if day else None


def _year_shift(m: re.Match) -> int | None:
    """The year a "من العام الماضي / من هذا العام" tail points to, relative to publication, or None."""
    if m.group("ythis"):
        return 0
    if m.group("yrel"):
        return _REL_WORDS[m.group("yrel")]
    return None


def _absolute_at(scan: _Scan, pos: int) -> list[_Cand]:
    """Dates with a day starting at `pos` (a number, an ordinal or a weekday): text, numeric, English, Hijri,
    and a day of this, the last or the next month ("الخامس من الشهر الجاري")."""
    out: list[_Cand] = []
    norm, ref = scan.norm, scan.ref
    m = _DAY_OF_MONTH.match(norm, pos)
    if m and m.group("oday") and scan.word_before(m.start())[0] in _ORDINAL_HEADS:
        m = None                        # "الأسبوع الأول من الشهر الجاري": the ordinal counts weeks, not days
    if m and (day := _day_of(m)):
        value = None
        if ref is not None and ref.month is not None:
            year, month = _add_months(ref.year, ref.month, _REL_WORDS[m.group("rel")])
            d = _valid_day(year, month, day)
            value = d.isoformat() if d else None
        out.append(_Cand(m.start(), m.end(), value, "relative"))
    m = _DMY_TEXT.match(norm, pos)
    if m:
        day, month = _day_of(m), _GREG[_squash(m.group("month"))]
        if day and _valid_day(2000, month, day):          # 2000 is a leap year: 29 February passes
            if m.group("year"):
                year = int(m.group("year"))
                if _valid_day(year, month, day):
                    value = _clock_value(m, year, month, day)
                    out.append(_Cand(m.start(), m.end(), value, _kind_of(value), _weekday_group(m)))
            elif m.group("ysame"):
                year = _same_year(scan, m)
                d = _valid_day(year, month, day) if year else None
                out.append(_Cand(m.start(), m.end(), d.isoformat() if d else None, "relative", _weekday_group(m)))
            else:
                shift = _year_shift(m)
                if shift is not None:
                    d = _valid_day(ref.year + shift, month, day) if ref else None
                    value = d.isoformat() if d else None
                else:
                    rel = _REL_WORDS[m.group("rel")] if m.group("rel") else None
                    value = _resolve_day_month(month, day, rel, ref)
                out.append(_Cand(m.start(), m.end(), value, "relative", _weekday_group(m)))
    m = _NUMERIC.match(norm, pos)
    if m:
        if m.group("y"):
            year, a, b = int(m.group("y")), int(m.group("d")), int(m.group("m"))
            day, month = (a, b) if b <= 12 else (b, a)          # d/m/y, or m/d/y when it can only be that
        else:
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if _valid_day(year, month, day):
            value = _clock_value(m, year, month, day)
            out.append(_Cand(m.start(), m.end(), value, _kind_of(value), _weekday_group(m)))
    m = _HIJRI_NUMERIC.match(norm, pos)
    if m:
        if m.group("y"):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        try:
            value = Hijri(year, month, day).to_gregorian().isoformat()
        except (ValueError, OverflowError):
            value = None
        if value:
            out.append(_Cand(m.start(), m.end(), value, "date", _weekday_group(m), hijri=True))
    out.extend(_english_at(scan, pos))
    m = _HIJRI_DATE.match(norm, pos)
    if m and (cand := _hijri(m)):
        out.append(cand)
    m = _HIJRI_DAY_MONTH.match(norm, pos)
    if m and (cand := _hijri_day_month(scan, m)):
        out.append(cand)
    for c in out:
        c.extend_left = c.weekday is not None
    return out


def _english_at(scan: _Scan, pos: int) -> list[_Cand]:
    """"Thu, 01 Jul 2021 10:43:00", "July 1, 2021": feeds and Latin-script bylines."""
    m = _ENGLISH.match(scan.norm, pos)
    if not m:
        return []
    day = int(m.group("day") or m.group("day_b"))
    month = _ENG_MONTHS[(m.group("month") or m.group("month_b")).lower()]
    year = int(m.group("year"))
    if not _valid_day(year, month, day):
        return []
    value = _clock_value(m, year, month, day)
    return [_Cand(m.start(), m.end(), value, _kind_of(value), _weekday_group(m))]


def _hijri(m: re.Match) -> _Cand | None:
    """A Hijri date with a day converts exactly; a month alone keeps the Gregorian prefix its days share."""
    year, month, day = int(m.group("year")), _HIJRI[_squash(m.group("month"))], _day_of(m)
    try:
        if day:
            g = Hijri(year, month, day).to_gregorian()
            return _Cand(m.start(), m.end(), g.isoformat(), "date", _weekday_group(m), hijri=True)
        first = Hijri(year, month, 1)
        last = Hijri(year, month, first.month_length()).to_gregorian()
        first = first.to_gregorian()
    except (ValueError, OverflowError):
        return None
    if (first.year, first.month) == (last.year, last.month):
        value = f"{first.year:04d}-{first.month:02d}"
    else:
        value = f"{first.year:04d}" if first.year == last.year else None
    return _Cand(m.start(), m.end(), value, "date", hijri=True)


def _hijri_day_month(scan: _Scan, m: re.Match) -> _Cand | None:
    """A Hijri day and month with no year ("في 15 شعبان", "العاشر من رمضان"): the Gregorian day of the Hijri
    year that puts it nearest to publication, or with الماضي/المقبل/الجاري the rule of `_resolve_day_month`.

    Not the city or the war of "العاشر من رمضان" (hijri_day_blockers in dates.json), not "بالعاشر من رمضان"
    (in the city), not "الأسبوع الأول من رمضان" (weeks), and صفر after a bare number only with من/شهر."""
    month, day = _HIJRI[_squash(m.group("month"))], _day_of(m)
    before, punct = scan.word_before(m.start())
    after, _ = scan.word_after(m.end())
    if not day or (before in _HIJRI_DAY_BEFORE and not punct) or after in _HIJRI_DAY_AFTER:
        return None
    if m.group("oday") and before in _ORDINAL_HEADS and not punct:
        return None
    if m.start() > 0 and scan.norm[m.start() - 1] == "ب":
        return None
    if m.group("day") and not m.group("link").strip() and _squash(m.group("month")) in _AMBIGUOUS_HIJRI:
        return None
    rel = _REL_WORDS[m.group("rel")] if m.group("rel") else None
    value = _resolve_hijri_day_month(month, day, rel, scan.ref, _year_shift(m))
    return _Cand(m.start(), m.end(), value, "relative", _weekday_group(m), hijri=True)


def _resolve_hijri_day_month(month: int, day: int, rel: int | None, ref: _Ref | None,
                             year_shift: int | None = None) -> str | None:
    """The Gregorian day of a Hijri day and month without a year, by the rule of `_resolve_day_month` with
    Hijri years (the Hijri year of publication, the one before and the one after); "من العام الماضي" after
    it is the Hijri year before publication's."""
    if ref is None or ref.day is None:
        return None
    try:
        here = Gregorian.fromdate(ref.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    if year_shift is not None:
        here, rel = here + year_shift, 0
    options = []
    for year in (here,) if rel == 0 else (here - 1, here, here + 1):
        try:
            options.append(Hijri(year, month, day).to_gregorian())
        except (ValueError, OverflowError):
            continue
    return _nearest_day(options, rel, ref.day)


_EDGE_DAYS = {**{_norm_word(w): (1, 10) for w in ("مطلع", "بداية", "بدايات", "مستهل", "أوائل")},
              **{_norm_word(w): (11, 20) for w in ("منتصف", "أواسط")},
              **{_norm_word(w): (21, 30) for w in ("أواخر", "نهاية", "نهايات")}}


def _hijri_month_alone(scan: _Scan, pos: int) -> _Cand | None:
    """A Hijri month with neither day nor year, after a part of it ("مطلع شهر محرم المقبل", "منتصف شهر
    محرم") or with a relative word ("رمضان المقبل"): the month of the Hijri year nearest to publication (with
    الماضي/المقبل/الجاري the one before, after, or of publication's Hijri year). The value is the Gregorian
    prefix shared by the days the part covers (the first, middle or last ten days) or by the whole month."""
    m = _HIJRI_ALONE.match(scan.norm, pos)
    b = _HIJRI_ALONE_BEFORE.search(scan.norm, max(0, pos - 24), pos)
    if not m or scan.ref is None or scan.ref.day is None:
        return None
    edge = b.group("edge") if b else None
    if not (edge or m.group("rel")) or (_squash(m.group("month")) in _AMBIGUOUS_HIJRI and not (b and b.group("shahr"))):
        return None
    month = _HIJRI[_squash(m.group("month"))]
    rel = _REL_WORDS[m.group("rel")] if m.group("rel") else None
    first_day, last_day = _EDGE_DAYS.get(edge, (1, 30))
    try:
        here = Gregorian.fromdate(scan.ref.day).to_hijri().year
        spans = []
        for year in (here,) if rel == 0 else (here - 1, here, here + 1):
            h = Hijri(year, month, 1)
            spans.append((h.to_gregorian(), Hijri(year, month, h.month_length()).to_gregorian(), year))
    except (ValueError, OverflowError):
        return None
    day = scan.ref.day
    if rel == -1:
        chosen = max((sp for sp in spans if sp[1] < day), default=None, key=lambda sp: sp[0])
    elif rel == 1:
        chosen = min((sp for sp in spans if sp[0] > day), default=None, key=lambda sp: sp[0])
    else:
        chosen = min(spans, key=lambda sp: 0 if sp[0] <= day <= sp[1] else min(abs((sp[0] - day).days),
                                                                                   abs((sp[1] - day).days)))
    value = None
    if chosen is not None:
        try:
            length = Hijri(chosen[2], month, 1).month_length()
            first = Hijri(chosen[2], month, first_day).to_gregorian()
            last = Hijri(chosen[2], month, min(last_day, length)).to_gregorian()
        except (ValueError, OverflowError):
            first = last = None
        if first is not None and (first.year, first.month) == (last.year, last.month):
            value = f"{first.year:04d}-{first.month:02d}"
        elif first is not None and first.year == last.year:
            value = f"{first.year:04d}"
    start = b.start("edge") if edge else (b.start("shahr") if b and b.group("shahr") else m.start())
    return _Cand(start, m.end(), value, "relative", hijri=True)


def _month_at(scan: _Scan, pos: int) -> list[_Cand]:
    """A month with a year (يوليو 2018), with a relative word (فبراير الماضي), or after شهر / a preposition
    (في سبتمبر), and Hijri month-year dates (رمضان 1442 هـ)."""
    out: list[_Cand] = []
    m = _MDY_TEXT.match(scan.norm, pos)
    if m:
        month, day, year = _GREG[_squash(m.group("month"))], int(m.group("day")), int(m.group("year"))
        if _valid_day(year, month, day):
            value = _clock_value(m, year, month, day)
            out.append(_Cand(m.start(), m.end(), value, _kind_of(value)))
    m = _MY_TEXT.match(scan.norm, pos)
    if m:
        month = _GREG[_squash(m.group("month"))]
        shift = _year_shift(m)
        if m.group("year"):
            out.append(_Cand(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}", "date"))
        elif m.group("ysame"):
            year = _same_year(scan, m)
            out.append(_Cand(m.start(), m.end(), f"{year:04d}-{month:02d}" if year else None, "relative"))
        elif shift is not None:
            value = f"{scan.ref.year + shift:04d}-{month:02d}" if scan.ref else None
            out.append(_Cand(m.start(), m.end(), value, "relative"))
        elif m.group("rel"):
            value = _resolve_month(month, _REL_WORDS[m.group("rel")], scan.ref)
            out.append(_Cand(m.start(), m.end(), value, "relative"))
        else:
            before, _ = scan.word_before(m.start())
            if m.group("shahr") or (before in _MONTH_CONTEXT
                                    and _squash(m.group("month")) not in _AMBIGUOUS_MONTHS):
                tense = _tense_before(scan.norm, m.start()) if scan.ref else None
                out.append(_Cand(m.start(), m.end(), _resolve_month(month, None, scan.ref, tense), "relative"))
    out.extend(_english_at(scan, pos))
    m = _ENGLISH_MY.match(scan.norm, pos)
    if m:
        month = _ENG_MONTHS[m.group("month").lower()]
        out.append(_Cand(m.start(), m.end(), f"{int(m.group('year')):04d}-{month:02d}", "date"))
    m = _HIJRI_DATE.match(scan.norm, pos)
    if m and (cand := _hijri(m)):
        out.append(cand)
    elif not m and (cand := _hijri_month_alone(scan, pos)):
        out.append(cand)
    return out


_NUMBER_TAIL = re.compile(r"\s*(?:%|[.,/:\-]\s?\d)")


def _number_at(scan: _Scan, pos: int) -> list[_Cand]:
    """Dates opening with a number, the first day of a pair (يومي 10 و11 أبريل), a year written 2003م or
    alone between parentheses (1949), or a bare year after في/منذ/حتى ... that is not followed by a counted
    noun (في 2000 مشروع) or more digits."""
    out = _absolute_at(scan, pos)
    norm = scan.norm
    m = _YEAR_CE.match(norm, pos)
    if m:
        out.append(_Cand(m.start(), m.end(), m.group("year"), "date"))
        return out
    if not out:
        out.extend(_day_pair_at(scan, pos))
    m = _YEAR_PAREN.match(norm, pos)
    if m and not out:
        after, punct = scan.word_after(m.end())       # "القرصان (1958)، و..." but not "(2000) مشارك"
        if after is None or punct or (after.startswith("و") and after not in _COUNT_WORDS):
            out.append(_Cand(m.start("year"), m.end("year"), m.group("year"), "date"))
            return out
    m = _YEAR_BARE.match(norm, pos)
    if m and not out and (pos == 0 or norm[pos - 1] not in "0123456789.,:/-+"):
        before, _ = scan.word_before(pos)
        after, _ = scan.word_after(m.end())
        if before in _YEAR_WEAK and after not in _COUNT_WORDS and not _NUMBER_TAIL.match(norm, m.end()):
            out.append(_Cand(m.start(), m.end(), m.group("year"), "date"))
    return out


_NUMBER_BEFORE = re.compile(r"[\d/\\.]\s*\Z")


def _ordinal_at(scan: _Scan, pos: int) -> list[_Cand]:
    """Dates opening with an ordinal day (الخامس من مارس), or the first day of a range (من الخامس إلى السابع
    من مارس)."""
    return _absolute_at(scan, pos) or _day_pair_at(scan, pos)


def _day_pair_at(scan: _Scan, pos: int) -> list[_Cand]:
    """The first day of a range whose second day is a date ("يومي 10 و11 أبريل", "من 25 إلى 27 مارس 2026",
    "بين الثالث والخامس من الشهر المقبل", "من 8 إلى 13 ذي الحجة"): only the day is its text, and its value
    is the second's day moved back by the difference of the two numbers, so a Hijri month counts as well.
    A first day not smaller than the second ("من 28 إلى 2 مارس") would be another month, and a number after
    a slash or a digit the month of a numeric date ("من 23 / 4 إلى 26 / 6 / 1436"): not taken. The range
    is two timexes, as TimeML tags it."""
    m = _DAY_PAIR.match(scan.norm, pos)
    if not m or (m.group("oday") and scan.word_before(m.start())[0] in _ORDINAL_HEADS):
        return []
    if _NUMBER_BEFORE.search(scan.norm, max(0, pos - 8), pos):
        return []
    first = int(m.group("day")) if m.group("day") else _ORDINALS[_squash(m.group("oday"))]
    last = int(m.group("day2")) if m.group("day2") else _ORDINALS[_squash(m.group("oday2"))]
    seconds = [c for c in _absolute_at(scan, m.end())
               if c.start == m.end() and (c.value is None or len(c.value) >= 10)]
    if not seconds or not 0 < first < last:
        return []
    second = max(seconds, key=lambda c: c.end)
    value = second.value and (dt.date.fromisoformat(second.value[:10]) - dt.timedelta(days=last - first)).isoformat()
    end = m.end("day") if m.group("day") else m.end("oday")
    return [_Cand(m.start(), end, value, second.kind, hijri=second.hijri)]


def _year_at(scan: _Scan, pos: int) -> list[_Cand]:
    """عام 2011, في العام 2020, عامي 2010 و2011 (two years), and the relative periods on العام/السنة."""
    out: list[_Cand] = []
    m = _YEAR_STRONG_RE.match(scan.norm, pos)
    if m:
        out.append(_Cand(m.start(), m.end("year"), m.group("year")[:4], "date"))
        if m.group("year2"):
            out.append(_Cand(m.start("year2"), m.end("year2"), m.group("year2")[:4], "date"))
    out.extend(_period_at(scan, pos))
    return out


def _period_at(scan: _Scan, pos: int) -> list[_Cand]:
    """هذا العام, الشهر الماضي, الأسبوع المقبل, السنة الجارية. العام after a definite noun is the adjective
    "general" (الأمين العام الحالي), so it is skipped there -- unless that noun is feminine or plural (تعتزم
    الوزارة العام المقبل), which the masculine adjective could not follow, or العام carries و (والعام)."""
    m = _PERIOD.match(scan.norm, pos)
    if not m:
        return []
    edge = _EDGE_BEFORE.search(scan.norm, max(0, pos - 16), pos)
    if not (m.group("this") or m.group("rel")):
        # "مطلع الأسبوع": the publication week, but not "مطلع الأسبوع الأول من ..."
        after, punct = scan.word_after(m.end())
        if not (edge and edge.group("edge") in _WEEK_EDGES_ALONE and _PERIODS[m.group("unit")] == "week"
                and not (after and after.startswith("ال") and not punct)):
            return []
    if not m.group("this") and m.group("unit") == "العام" and (pos == 0 or not scan.norm[pos - 1].isalpha()):
        before, punct = scan.word_before(m.start())
        if before and before.startswith("ال") and not before.endswith(("ه", "ات")) and not punct:
            return []
    unit = _PERIODS[m.group("unit")]
    shift = _REL_WORDS[m.group("rel")] if m.group("rel") else 0
    start = edge.start("edge") if edge else m.start()
    return [_Cand(start, m.end(), _shift_value(scan.ref, unit, shift), "relative")]


def _decade_at(scan: _Scan, pos: int) -> list[_Cand]:
    """A decade: "السبعينيات", "تسعينيات القرن العشرين", "ستينيات القرن الماضي", with a part before it
    ("أواخر الثمانينيات"). The value is TimeML's for a decade, the first three digits of its years ("197"),
    a prefix of every ISO date in it like the module's other values. With no century named, from the
    thirties up, the 1900s; العشرينيات alone (1920s or 2020s, or an age) is not taken, nor a decade of life
    ("في الستينيات من عمره"), Hijri decades, degrees or prices (decade_blockers in dates.json)."""
    m = _DECADE.match(scan.norm, pos)
    if not m or scan.word_before(pos)[0] in _DECADE_BEFORE or scan.word_after(m.end())[0] in _DECADE_AFTER:
        return []
    tens = _DECADES[m.group("dec")]
    kind = "date"
    if m.group("crel"):
        kind = "relative"
        century = scan.ref.year // 100 + _REL_WORDS[m.group("crel")] if scan.ref else None
    elif m.group("cord"):
        century = _ORDINALS[_squash(m.group("cord"))] - 1
    elif tens >= 3:
        century = 19
    else:
        return []
    if century is not None and not 10 <= century <= 99:
        return []
    edge = _EDGE_BEFORE.search(scan.norm, max(0, pos - 16), pos)
    value = f"{century}{tens}" if century is not None else None
    return [_Cand(edge.start("edge") if edge else m.start(), m.end(), value, kind)]


def _shift_value(ref: _Ref | None, unit: str, n: int) -> str | None:
    """The value of "n units from publication" at the unit's precision (weeks: see the module docstring)."""
    if ref is None:
        return None
    if unit == "year":
        return f"{ref.year + n:04d}"
    if unit == "month":
        if ref.month is None:
            return None
        y, mo = _add_months(ref.year, ref.month, n)
        return f"{y:04d}-{mo:02d}"
    if ref.day is None:
        return None
    if unit == "week":
        return _week_value(ref.day + dt.timedelta(days=7 * n))
    return (ref.day + dt.timedelta(days=n)).isoformat()


def _ago_at(scan: _Scan, pos: int) -> list[_Cand]:
    """قبل ثلاثة أيام, منذ عامين, and بعد غد.

    Not "قبل عامين من الحرب" (counted from another event), not "قبل شهر رمضان" (before the month of), and
    not بعد + a duration at all: on SaudiNewsNet "بعد عام واحد" was as often narrative (he left after one
    year) as counted from publication, and a wrong value is worse than none."""
    if scan.norm.startswith("بعد", pos):
        return _relday_at(scan, pos)
    m = _AGO.match(scan.norm, pos)
    if m:
        unit, fixed = _UNITS[m.group("unit")]
        given = int(m.group("n")) if m.group("n") else _NUMBER_WORDS.get(m.group("nw") or "")
        n = given if fixed is None else fixed
        if n and (fixed is None) == (given is not None):
            return [_Cand(m.start(), m.end(), _shift_value(scan.ref, unit, -n), "relative")]
    return []


def _relday_at(scan: _Scan, pos: int) -> list[_Cand]:
    """أمس, اليوم, غدا, بعد غد, أول أمس, optionally with the weekday (أمس الأربعاء).

    اليوم is skipped where it is not "today": after في/هذا/طوال/المصري ... , before a definite word that
    is not a weekday (اليوم الوطني, اليوم الأول), and between quotation marks or brackets (the newspaper
    "اليوم", "لـ (اليوم)").
    A bare غد counts only as يوم غد / صباح غد or before a weekday (غد الخميس)."""
    m = _RELDAY.match(scan.norm, pos)
    if not m:
        return []
    word = _squash(m.group("rd"))
    if word in ("امس", "الامس") and scan.word_after(m.end("rd"))[0] in _YESTERDAY_BLOCKERS:
        return []
    if word == "غد" and _weekday_group(m) is None and scan.word_before(m.start())[0] not in _TOMORROW_BEFORE:
        return []
    if word == "اليوم" and (same := _same_day_span(scan, m.start("rd"), m.end("rd"))):
        after, punct = scan.word_after(same[1])
        named_after = not punct and (after in _SAME_DAY_AS or (after or "").startswith("ل") and len(after) > 3
                                     and not after.startswith("لكن"))
        return [_Cand(*same, None, "relative", extend_left=True, same_day=not named_after)]
    if word == "اليوم":
        if _QUOTED.match(scan.norm[max(0, pos - 1):m.end("rd") + 1]):
            return []
        before, punct_before = scan.word_before(m.start())
        if before in _TODAY_BLOCKERS and not punct_before:
            return []
        after, punct_after = scan.word_after(m.end("rd"))
        if _weekday_group(m) is None and after and after.startswith("ال") and not punct_after \
                and after not in _NOT_ADJECTIVES:
            return []
    value = None
    if scan.ref is not None and scan.ref.day is not None:
        value = (scan.ref.day + dt.timedelta(days=_REL_DAYS[word])).isoformat()
    return [_Cand(m.start(), m.end(), value, "relative", _weekday_group(m), extend_left=True)]


def _same_day_span(scan: _Scan, start: int, end: int) -> tuple[int, int] | None:
    """The span of "اليوم نفسه" / "نفس اليوم" around the اليوم at start:end, or None when no نفسه/ذاته/عينه
    follows it and no نفس/ذات precedes it."""
    after, punct = scan.word_after(end)
    if after in _SAME_DAY_AFTER and not punct:
        return start, scan.norm.index(after, end) + len(after)
    before, punct = scan.word_before(start)
    if before in _SAME_DAY_BEFORE and not punct:
        return scan.norm.rindex(before, 0, start), end
    return None


# "في اليوم نفسه لدخول أنقرة الحرب", "اليوم نفسه الذي ...": the day is named after it, not before
_SAME_DAY_AS = {"الذي", "التي"}
_NOT_ADJECTIVES = {"الي", "الا"}     # إلى, إلا after اليوم begin with ال but do not describe it
_TOMORROW_BEFORE = {"يوم", *_DAY_PARTS}
_QUOTED = re.compile(r"[\"«“'(](?:اليوم)[\"»”')]")


_CLAUSE_END = re.compile(r"[.!?؟،,;:»«\"()\n]")
_FUTURE_WORD = re.compile(r"^[وف]?س[يتن]\w{2,}$")
_NOT_FUTURE = {"سنوي", "سنويه", "سنويا", "سنوات", "سنين"}     # س + a word (نوي, نين) but a noun or adjective


def _clause_words(norm: str, pos: int, words: int) -> list[str]:
    """The last `words` words before `pos` in its clause (back to a clause mark, at most 80 characters)."""
    segment = norm[max(0, pos - 80):pos]
    cut = None
    for cut in _CLAUSE_END.finditer(segment):
        pass
    if cut is not None:
        segment = segment[cut.end():]
    return segment.split()[-words:]


def _future_word(word: str) -> bool:
    """سوف, or س + an imperfect verb the news vocabulary knows without the س (ستبدأ -> تبدأ, سيزور -> يزور;
    not سيارة or ستة, whose remainder is no word)."""
    if word in ("سوف", "وسوف", "فسوف"):
        return True
    if not _FUTURE_WORD.match(word) or word.lstrip("وف") in _NOT_FUTURE:
        return False
    from marsad.ner import load_lexicons        # the news vocabulary (word-cluster forms)
    return (word[2:] if word[0] in "وف" else word[1:]) in load_lexicons().clusters


def _future_before(norm: str, pos: int, words: int = 4) -> bool:
    """A future verb (`_future_word`) among the few words before `pos` in the same clause."""
    return any(map(_future_word, _clause_words(norm, pos, words)))


# a forecast or an expectation looks ahead: "توقع فيها عودة الأمطار الغزيرة إلى الشمال الشرقي ليلة الخميس"
_FORECAST_WORDS = frozenset(_norm_word(w) for w in (
    "توقع", "وتوقع", "توقعت", "وتوقعت", "يتوقع", "ويتوقع", "تتوقع", "وتتوقع", "متوقع", "المتوقع",
    "يرتقب", "ويرتقب", "يترقب", "مرتقب", "المرتقب", "ينتظر", "وينتظر", "منتظر", "المنتظر"))
FORECAST_WORDS = 12         # "توقع فيها عودة الأمطار الغزيرة إلى الشمال الشرقي ليلة الخميس"


# a plan looks ahead too: "ومن المقرر أن يتوجه الوزير الخميس", "على أن يزور الخميس مقر ...", "يعتزم"
_PLAN_WORDS = frozenset(_norm_word(w) for w in (
    "المقرر", "مقرر", "المزمع", "مزمع", "يعتزم", "ويعتزم", "تعتزم", "وتعتزم", "يعتزمون"))
_WAS = frozenset(_norm_word(w) for w in ("كان", "وكان", "كانت", "وكانت", "كانوا"))


def _forecast_before(norm: str, pos: int) -> bool:
    """A forecast or expectation word (يتوقع، من المنتظر، المرتقب), a plan word (من المقرر، يعتزم) or على أن + a
    present verb among the words before `pos` in its clause; a plan told in the past ("كان من المقرر أن
    يصل الخميس") may be over."""
    words = _clause_words(norm, pos, FORECAST_WORDS)
    if any(w in _FORECAST_WORDS for w in words):
        return True
    return not any(w in _WAS for w in words) and (any(w in _PLAN_WORDS for w in words) or any(
        words[k] == "علي" and words[k + 1] == "ان" and words[k + 2][:1] in "يتن" for k in range(len(words) - 2)))


_PAST_MARKERS = frozenset({"كان", "كانت", "كانوا", "قد", "وقد", "فقد", "تم", "وتم", "جرى", "وجرى", "منذ"})


@lru_cache(maxsize=1)
def _past_verbs() -> frozenset[str]:
    """Past verb forms of the event and speech word lists (زار، التقى، أعلن، قال ...), normalised as the
    scan text is: forms opening with ي/ت/ن/س are left out, since most of them are present or future."""
    from marsad.lexicon import load_data
    forms: set[str] = set()
    for groups in load_data("event_triggers.json").get("types", {}).values():
        for key in ("strong", "weak"):          # one-word entries: "رفع الحظر" names its verb's noun too
            forms.update(phrase for phrase in groups.get(key, []) if " " not in phrase)
    for verb in load_data("reporting_verbs.json").get("verbs", []):
        if not verb.get("participle") and not verb.get("subject_before"):
            forms.update(verb.get("forms", []))
    norm = {normalize_keep_length(f).lower() for f in forms}
    return frozenset(f for f in norm if f and f[0] not in "يتنس")


def _tense_before(norm: str, pos: int, words: int = 4) -> str | None:
    """"future" or "past" by the nearest verb among the few words before `pos` in its clause (a future verb,
    as `_future_word` knows it; a listed past verb or كان/قد/تم/منذ), None when there is neither."""
    past = _past_verbs()
    for word in reversed(_clause_words(norm, pos, words)):
        if _future_word(word):
            return "future"
        if word in _PAST_MARKERS or word in past or (word[:1] in "وف" and word[1:] in past):
            return "past"
    return None


def _weekday_at(scan: _Scan, pos: int) -> list[_Cand]:
    """A weekday alone (the latest such day on or before publication, or after a future verb the first one on
    or after it: "ستبدأ صباح السبت"), or with الماضي (strictly before) or المقبل/القادم (strictly after); dates that open
    with a weekday are tried too."""
    out = _absolute_at(scan, pos)
    m = _WEEKDAY.match(scan.norm, pos)
    if not m:
        return out
    wd = _WEEKDAYS[m.group("wd")]
    before, _ = scan.word_before(m.start())
    if before in _WEEKDAYS:          # the second of a pair takes the first's context: "عدا الخميس والجمعة"
        before, _ = scan.word_before(scan.norm.rfind(before, 0, m.start()))
    after, _ = scan.word_after(m.end("wd"))
    if before in _WEEKDAY_BLOCKERS or after in _WEEKDAY_BLOCKERS_AFTER:
        return out
    rel = _REL_WORDS[m.group("rel")] if m.group("rel") else 0
    # "ستنطلق البطولة السبت", "يتوقع ... عودة الأمطار ليلة الخميس": this day or the next one of its name
    future = rel == 0 and (_future_before(scan.norm, m.start()) or _forecast_before(scan.norm, m.start()))
    value = None
    ref = scan.ref
    if ref is not None and ref.day is not None:
        if rel == -1:
            back = (ref.day.weekday() - wd) % 7 or 7
        elif rel == 1:
            back = -((wd - ref.day.weekday()) % 7 or 7)
        elif future:
            back = -((wd - ref.day.weekday()) % 7)
        else:
            back = (ref.day.weekday() - wd) % 7
        value = (ref.day - dt.timedelta(days=back)).isoformat()
    out.append(_Cand(m.start(), m.end(), value, "relative", extend_left=True,
                     guessed=rel == 0 and _from_or_until(scan.norm, m.start())))
    return out


_FROM_OR_UNTIL = frozenset({"بدءا", "ابتداء", "اعتبارا", "حتي", "لغايه"})


def _from_or_until(norm: str, pos: int) -> bool:
    """A weekday a period starts from or runs until: "بدءا من صباح الأربعاء", "اعتبارا من السبت", "حتى الخميس"."""
    words = [_bare(w) for w in _clause_words(norm, pos, 4)]
    while words and words[-1] in _TOMORROW_BEFORE:    # a day part or يوم: "بدءا من صباح الأربعاء"
        words.pop()
    if words and words[-1] == "من":
        words.pop()
    return bool(words) and words[-1] in _FROM_OR_UNTIL


def _trie(words: Iterable[str]) -> str:
    """A regex alternation factored by common prefixes, so that the regex engine tests one character set per
    position instead of every word: this is what lets one pass over the text find all trigger words."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(tree)


# A trigger: a word from _TRIGGERS or a number, at the start of a word or after و/ف/ب/ل proclitics.
_TRIGGER_BODY = rf"[وف]?[بل]?(?P<t>\d|(?:{_trie(_TRIGGERS)})(?!\w))"
# Three passes: after a space (a literal first character lets the engine jump between spaces, 2-3x faster
# than a (?<!\w) look-behind at every position), after any other non-word character, and at the start.
_TRIGGER_PASSES = (re.compile(" " + _TRIGGER_BODY), re.compile(r"[^\w ]" + _TRIGGER_BODY))
_TRIGGER_AT_START = re.compile(_TRIGGER_BODY)

_HANDLERS: dict[str, Callable[[_Scan, int], list[_Cand]]] = {
    "number": _number_at,
    "ordinal": _ordinal_at,
    "hijri": _month_at,
    "month": _month_at,
    "weekday": _weekday_at,
    "relday": _relday_at,
    "period": _period_at,
    "decade": _decade_at,
    "year": _year_at,
    "ago": _ago_at,
}


def _scan(text: str, published: str | None) -> tuple[list[_Cand], str, list[int] | None]:
    """Candidates in the normalised text, that text, and its offset map (None when 1:1)."""
    norm, shifts = _normalize(text)
    low = norm.lower()
    if len(low) != len(norm):      # a rare character whose lower case is longer (İ): keep offsets exact
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in norm)
    scan = _Scan(low, _reference(published))
    cands: list[_Cand] = []
    first = _TRIGGER_AT_START.match(low)
    for m in ([first] if first else []) + [m for p in _TRIGGER_PASSES for m in p.finditer(low)]:
        word = m.group("t")
        kind = "number" if word[0].isdigit() else _TRIGGERS[word]
        cands.extend(_HANDLERS[kind](scan, m.start("t")))
    return _select(cands, scan), low, shifts


def _select(cands: list[_Cand], scan: _Scan) -> list[_Cand]:
    """Leftmost-longest non-overlapping candidates, after taking a day part or يوم on their left."""
    for c in cands:
        if c.extend_left:
            m = _LEFT_EXT.search(scan.norm, max(0, c.start - 24), c.start)
            if m and m.start("ext") < c.start:
                c.start = m.start("ext")
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for c in cands:
        if chosen and c.start < chosen[-1].end:
            continue
        if c.same_day:
            c.value = _same_day(chosen)
        chosen.append(c)
    return chosen

# --------------------------------------------------------------------------------------------------------
# Public functions

def find_timexes(text: str, published: str | None = None) -> list[Timex]:
    """Temporal expressions in `text` (dates, date-times and relative dates), in text order.

    `published` is the article's publication date as an ISO prefix; relative expressions resolve against
    it and stay value=None without it. A weekday named beside a date it disagrees with sets
    flag="weekday-mismatch" (the value is still the date). Offsets index `text` itself.
    """
    if not text:
        return []
    cands, _, shifts = _scan(text, published)
    _named_weekdays(cands)
    out: list[Timex] = []
    for c in cands:
        start, end = _original_offset(c.start, shifts), _original_offset(c.end - 1, shifts) + 1
        while end < len(text) and _MARKS.match(text, end):      # keep هـ and a final tanwin (غداً) whole
            end += 1
        if _quoted_word(text, start, end):
            continue
        flag = None
        if c.weekday is not None and c.value and len(c.value) >= 10:
            if dt.date.fromisoformat(c.value[:10]).weekday() != c.weekday:
                flag = "weekday-mismatch"
        out.append(Timex(start, end, text[start:end], c.value, c.kind, flag))
    return _shared_years(text, out)


def _named_weekdays(cands: list[_Cand]) -> None:
    """A weekday alone that a period starts from or runs until takes the day an earlier expression of the
    text gave that weekday: after "يوم غد الأربعاء", a later "بدءا من صباح الأربعاء" is that coming
    Wednesday, not the one before publication that a weekday without a future verb is taken to be. Any
    bare weekday taking the earlier day was as often wrong as right on SaudiNewsNet (a meeting "يوم الاثنين"
    after "الاثنين المقبل" named the next week's), so only these do. Only a day a week from the guess counts."""
    named: dict[int, str] = {}
    for c in cands:
        if c.value is None or len(c.value) < 10:
            continue
        day = dt.date.fromisoformat(c.value[:10])
        if c.guessed:
            earlier = named.get(day.weekday())
            if earlier and earlier != c.value[:10] and abs((dt.date.fromisoformat(earlier) - day).days) == 7:
                c.value = earlier + c.value[10:]
        else:
            named[day.weekday()] = c.value[:10]


_BARE_MONTH = re.compile(r"(?:شهر\s+)?\S+")        # "يناير", "شهر يناير": no year, no الماضي/المقبل
_AND_BETWEEN = re.compile(r"\s*[،,]?\s*(?:و|أو|او)\s*")
_GLUED_YEAR = re.compile(r"\s*و(1[89]\d\d|20\d\d)(?![\d٠-٩])")


def _shared_years(text: str, found: list[Timex]) -> list[Timex]:
    """Dates joined by و share what only the last one writes: "في يناير وأغسطس 2025" is January 2025 (not
    the January next to the publication date), and "في 2022 و2023" names 2023 too (the year glued to و,
    which the scan's word boundaries miss)."""
    out = list(found)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (a.value and len(a.value) == 7 and _BARE_MONTH.fullmatch(a.text) and b.value and len(b.value) == 7
                and _HAS_DIGIT.search(b.text) and _AND_BETWEEN.fullmatch(text, a.end, b.start)):
            out[k] = Timex(a.start, a.end, a.text, b.value[:4] + a.value[4:], a.kind, a.flag)
    added = []
    for t in out:
        if t.value and len(t.value) == 4 and t.text.strip().isdigit():
            glued = _GLUED_YEAR.match(text, t.end)
            if glued and not any(u.start <= glued.start(1) < u.end for u in out):
                added.append(Timex(glued.start(1), glued.end(1), glued.group(1), glued.group(1), t.kind))
    return sorted(out + added, key=lambda t: t.start) if added else out


_OPENING_QUOTES = "\"«“'"
_CLOSING_QUOTES = "\"»”'"


def _quoted_word(text: str, start: int, end: int) -> bool:
    """A date word alone between quotation marks names something: the paper «الغد», the show "اليوم"; so does
    one inside a short quoted name that is a known outlet's ("عدن الغد", «الأيام اليوم»)."""
    if _HAS_DIGIT.search(text[start:end]):
        return False
    if 0 < start and end < len(text) and text[start - 1] in _OPENING_QUOTES and text[end] in _CLOSING_QUOTES:
        return True
    opening = max(text.rfind(q, max(0, start - 30), start) for q in _OPENING_QUOTES)
    closing = [i for i in (text.find(q, end, end + 30) for q in _CLOSING_QUOTES) if i >= 0]
    if opening < 0 or not closing:
        return False
    name = text[opening + 1:min(closing)]
    if len(name.split()) > 4 or any(q in name for q in _OPENING_QUOTES + _CLOSING_QUOTES):
        return False
    from marsad.metadata import outlet_from_hint
    return outlet_from_hint(name) is not None


_MAX_DATE_LINE = 160
_MAX_DATE_LINE_SPACES = 16          # "آخر تحديث: الجمعة 2 يوليو 2021 - 12:05 ص بتوقيت مكة المكرمة" has 11
_LINE_TIME = re.compile(_CLOCK)
_HAS_DIGIT = re.compile(r"[0-9٠-٩۰-۹]")


def parse_date(text: str) -> str | None:
    """The publication date in a header line ("الخميس، 01 يوليو 2021 10:43 ص" -> "2021-07-01T10:43"), or None.

    The line must be a date with only weekday, time, time zone and page labels (نشر في, آخر تحديث) around
    it; a day-precise date may also carry up to two other words (a page label such as "الثانية والثالثة").
    Anything else -- a sentence, a count, a relative word -- gives None, quickly: lines without a digit or
    longer than 160 characters or 16 spaces are refused before any matching. When the line holds several
    dates the first Gregorian one wins (a Hijri one is used only alone).
    """
    if not text or len(text) > _MAX_DATE_LINE or not _HAS_DIGIT.search(text) \
            or text.count(" ") > _MAX_DATE_LINE_SPACES:
        return None
    cands, norm, _ = _scan(text, None)
    dated = [c for c in cands if c.value and len(c.value) >= 4 and c.kind in ("date", "time")]   # no decade
    if not dated:
        return None
    rest = list(norm)
    for c in cands:
        rest[c.start:c.end] = " " * (c.end - c.start)
    rest_text = "".join(rest)
    times = list(_LINE_TIME.finditer(rest_text))
    rest_text = _TZ.sub(" ", _LINE_TIME.sub(" ", rest_text))
    extra = [w for w in _WORD.findall(rest_text) if w not in _PAGE_LABELS and w not in _WEEKDAYS
             and w not in _ENG_WEEKDAYS]
    gregorian = [c for c in dated if not c.hijri] or dated
    best = gregorian[0]
    if any(w[0].isdigit() for w in extra):
        return None
    if extra and (len(extra) > 2 or len(best.value) < 10):
        return None
    value = best.value
    if len(value) == 10 and len(times) == 1:
        t = times[0]
        value = _clock_value(t, *map(int, value.split("-")))
    return value
