"""Arabic text rules: one small pure function per rule, and a tokeniser that keeps offsets.

Matching (search, entity merging, clustering) works on normalised text; what is stored and shown is always
the original. Normalising never changes string length in `normalize_keep_length`, so offsets computed on the
normalised form can be used on the original when a stage needs that.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

ALEF_FORMS = "أإآٱ"                        # hamza above/below, madda, wasla -> bare alef
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
_ALEF = str.maketrans({c: "ا" for c in ALEF_FORMS})
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": ""})
_PERSIAN_LETTERS = str.maketrans({"ی": "ي", "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ڤ": "ف", "ژ": "ز"})
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z]")


def normalize_alef(text: str) -> str:
    """أ إ آ ٱ -> ا: outlets and writers drop or misplace hamza on alef freely."""
    return text.translate(_ALEF)


def normalize_ya(text: str) -> str:
    """ى -> ي: alef maksura and ya are interchanged, notably in Egyptian spelling (الأطلنطى)."""
    return text.replace("ى", "ي")


def normalize_teh_marbuta(text: str) -> str:
    """ة -> ه: word-final teh marbuta is often written as ha."""
    return text.replace("ة", "ه")


def normalize_hamza_seats(text: str) -> str:
    """ؤ -> و, ئ -> ي, lone ء dropped: used for name matching, where hamza spelling varies most."""
    return text.translate(_HAMZA_SEATS)


def normalize_persian_letters(text: str) -> str:
    """ی ک گ پ چ ڤ ژ -> their nearest Arabic letters (Persian keyboards, transliterated names)."""
    return text.translate(_PERSIAN_LETTERS)


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun, tanwin and dagger alef."""
    return DIACRITICS.sub("", text)


def strip_tatweel(text: str) -> str:
    """Remove the kashida used to stretch words (الـعـراق)."""
    return text.replace(TATWEEL, "")


def to_western_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits -> 0-9."""
    return text.translate(_DIGITS)


def normalize_for_matching(text: str) -> str:
    """The one normalisation used to compare Arabic strings: NFKC, diacritics, tatweel, alef, ya, teh
    marbuta, Persian letters and digits. Search, entity merging and clustering all call this."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_tatweel(strip_diacritics(text))
    text = normalize_persian_letters(text)
    text = normalize_teh_marbuta(normalize_ya(normalize_alef(text)))
    return to_western_digits(text).lower()


_ONE_FOR_ONE = tuple({**{c: "ا" for c in ALEF_FORMS}, "ى": "ي", "ة": "ه",
                      "ی": "ي", "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ڤ": "ف", "ژ": "ز",
                      **{d: str(i % 10) for i, d in enumerate(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)}}.items())


def normalize_keep_length(text: str) -> str:
    """Like `normalize_for_matching` but one character in, one character out (diacritics and tatweel are
    kept, not removed, and case is kept), so offsets found on the result are valid in the original text.
    It runs on every article in several stages, so it uses str.replace for the characters present, which is
    ten times faster than str.translate with a dict."""
    for char, replacement in _ONE_FOR_ONE:
        if char in text:
            text = text.replace(char, replacement)
    return text


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 when there are no letters)."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    other = sum(1 for c in text if c.isalpha()) - arabic - latin
    total = arabic + latin + max(other, 0)
    return arabic / total if total else 0.0


class Token(NamedTuple):
    """A word or punctuation mark and its offsets (a tuple: long articles have tens of thousands of them)."""

    text: str
    start: int
    end: int


# A token is a run of letters/digits/marks (Arabic or not), or one other non-space character.
# Underscore splits words so that hashtags (#مصطفى_الكاظمي) yield their words.
_WORD_CHAR = "(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])"
_TOKEN = re.compile(_WORD_CHAR + r"+(?:[.,٫][0-9٠-٩]+)*|\S", re.UNICODE)


def tokenize(text: str) -> list[Token]:
    """Split into words and punctuation, each with its offsets into `text`.

    Diacritics and tatweel stay inside their word (Python's \\w does not cover combining marks, so they are
    named); "5.7" and "٣٫٥" stay one
    number token; every punctuation character is its own token.
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def split_proclitics(word: str, min_stem: int = 3) -> int:
    """How many leading characters of `word` are proclitics: an optional و/ف, then an optional ب/ك/ل,
    always leaving at least `min_stem` letters. "والعراق" -> 1, "بالكاظمي" -> 1, "وبالناتو" -> 2,
    "للناتو" -> 1 (ل before a word whose ال lost its alef).

    A surface rule: it cannot tell a clitic from a root letter ("وليد", "بغداد", "كركوك"), so callers use it
    where a learned model or a lexicon decides whether the remainder is the name.
    """
    n = 0
    if len(word) - n > min_stem and word[n] in "وف":
        n += 1
    if len(word) - n > min_stem and word[n] in "بكل":
        n += 1
    return n


def strip_article(word: str) -> str:
    """Drop a leading ال (and للـ written for لال) for matching: العراق -> عراق, الناتو -> ناتو."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


# A sentence ends at a line break, or at . ! ? ؟ … (possibly followed by closing quote marks or brackets)
# when whitespace or the end of the text follows. "5.7", "أ.ش.أ" and a comma (Arabic writers chain clauses
# with "،" for a whole paragraph) never end one.
_SENTENCE_END = re.compile(r"\n+|[.!?؟…]+[»”\"’)\]]*(?=\s|$)")
_INITIAL_BEFORE_DOT = re.compile(r"(?:^|[\s(«\"“\[/])\w$")     # "د. محمد", and inside brackets "(ف. م. ع)"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` over `text`, trimmed of surrounding whitespace, so that
    `text[start:end]` is the sentence exactly as stored.

    A period right after a lone letter ("د. محمد", "م. علي") is an abbreviation, not an end. Quotes and events
    both cut clauses at these ends, so the rule lives here once.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group()[0] == "." and _INITIAL_BEFORE_DOT.search(text, max(0, match.start() - 2), match.start()):
            continue
        _add_trimmed(text, start, match.end(), spans)
        start = match.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
