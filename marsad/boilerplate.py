"""Cleaning: from a scraped page (plain text or HTML) to the article's own paragraphs, every removal explained.

Scraped news text carries the page around the article: share and comment prompts, newsletter calls,
"الأكثر قراءة" lists, captions printed twice, a font-size widget, date stamps, the title repeated with the
author's name. Three kinds of evidence decide what goes, because rules alone do not generalise to outlets we
have never seen:

1. Rules as data (`data/boilerplate.json`): phrases a reader would recognise, compared on `line_key`.
2. Structure: where a line sits (above the first or below the last body paragraph), its length, whether it
   ends like a sentence, whether it repeats (twice in a row, or a sentence of the body), whether it starts a
   run of short link-like lines at the end.
3. Recurrence (`LineStats`): a short line seen in many *distinct* documents of an outlet is the site talking,
   not the article.

Removal is conservative inside the body: a short subheading ("دعم القوات العراقية") stays, a recurring line
that ends like a sentence stays where it sits between body paragraphs (formulaic wire sentences recur too).
The clean text keeps one paragraph per kept line, paragraphs separated by a blank line ("\\n\\n").

HTML goes through trafilatura first (no HTML extraction of our own), then through the same line cleaning.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from . import MarsadError
from . import metadata
from .arabic import normalize_for_matching, normalize_keep_length
from .metadata import ends_sentence, is_date_line, line_key, looks_like_headline
from .records import Article, Document, Removed, article_id


class NoArticleText(MarsadError):
    """Nothing of the article is left (empty input, an HTML page without article text, only boilerplate)."""


# -- text normalisation of lines -------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r" {2,}")
_HAS_WORD = re.compile(r"[^\W_\u0640]")          # a line of tatweels ("ـــــــ") is a rule, not a word
_HAS_LETTER = re.compile(r"[^\W\d_]")


def split_lines(text: str) -> list[str]:
    """The text's non-empty lines, with invisible bidi/zero-width marks removed and odd spaces (no-break,
    thin, ideographic) made plain, so that what later stages see and what they match are the same.
    Each substitution runs only when a cheap search finds something to change (most texts need none)."""
    if _NEWLINES.search(text):
        text = _NEWLINES.sub("\n", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _ODD_SPACES.search(text):
        text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUNS.sub(" ", text)
    return [line for line in (raw.strip() for raw in text.split("\n")) if line]


# -- rules as data -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    why: str
    max_words: int
    edges_only: bool


@dataclass(frozen=True)
class _Rules:
    rules: tuple[_Rule, ...]
    max_words: int
    exact: dict[str, tuple[int, ...]]       # line_key -> indexes of the rules listing it
    starts: re.Pattern[str]                 # one alternation, group "r<i>" per rule
    contains: re.Pattern[str]
    list_headers: dict[str, str]            # line_key -> why
    related_starts: tuple[str, ...]
    social_words: frozenset[str]
    follow_verbs: frozenset[str]
    share_fillers: frozenset[str]
    credits: re.Pattern[str]                # a caption's trailing credit "(Getty)", "(أ ف ب)"
    caption_markers: tuple[str, ...]
    breadcrumb_starts: frozenset[str]
    byline_start: re.Pattern[str]
    view_counter: re.Pattern[str]           # "مشاهدات: 2,451", "1,234 قراءة"


def _keys(phrases: Iterable[str]) -> list[str]:
    return [k for k in (line_key(p) for p in phrases) if k]


def _alternation(groups: list[list[str]], template: str) -> re.Pattern[str]:
    parts = [f"(?P<r{i}>{'|'.join(re.escape(k) for k in sorted(keys, key=len, reverse=True))})"
             for i, keys in enumerate(groups) if keys]
    return re.compile(template.format("|".join(parts) or "(?!x)x"))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = metadata._load("boilerplate.json")
    raw = data["line_rules"]
    rules = tuple(_Rule(r["why"], r["max_words"], bool(r.get("edges_only"))) for r in raw)
    # a tags header of two words or more ("الكلمات الدالة", "كلمات متعلقة") also opens a line of tags after it;
    # one word ("مواضيع", "سمات") is a common word too, and only a colon makes it a label (`_TAG_LABEL`)
    tag_labels = [h for h in data["list_headers"]["tags"] if len(h.split()) >= 2]
    raw = [dict(r, starts=r["starts"] + tag_labels) if r["why"] == "tags" else r for r in raw]
    exact: dict[str, tuple[int, ...]] = {}
    for i, r in enumerate(raw):
        for k in _keys(r["exact"]):
            exact[k] = exact.get(k, ()) + (i,)
    headers = {k: why for why, phrases in data["list_headers"].items() for k in _keys(phrases)}
    parts = data["related_header_parts"]         # "أخبار ذات علاقة", "مواضيع مرتبطة"
    for k in _keys(f"{noun} {qualifier}" for noun in parts["nouns"] for qualifier in parts["qualifiers"]):
        headers.setdefault(k, "related-articles list")
    credits = "|".join(re.escape(k) for k in sorted(set(_keys(data["caption_credits"])), key=len, reverse=True))
    byline = "|".join(re.escape(w) for w in sorted(data["byline_words"], key=len, reverse=True))
    counted = "|".join(re.escape(k) for k in sorted(_keys(data["counter_words"]), key=len, reverse=True))
    return _Rules(
        rules=rules,
        max_words=max(r.max_words for r in rules),
        exact=exact,
        starts=_alternation([_keys(r["starts"]) for r in raw], r"^(?:{})(?= |$)"),
        contains=_alternation([_keys(r["contains"]) for r in raw], r"(?:{})"),
        list_headers=headers,
        related_starts=tuple(_keys(data["related_starts"])),
        social_words=frozenset(w for p in _keys(data["social_words"]) for w in p.split()),
        follow_verbs=frozenset(_keys(data["follow_verbs"])),
        share_fillers=frozenset(w for p in _keys(data["share_fillers"]) for w in p.split()),
        credits=re.compile(rf"[(\[](?:{credits})(?:\s*[/|,،:-]\s*(?:{credits}|[^()\[\]]{{1,30}}))*\s*[)\]]\s*$",
                           re.IGNORECASE),
        caption_markers=tuple(_keys(data["caption_markers"])),
        breadcrumb_starts=frozenset(_keys(data["breadcrumb_starts"])),
        byline_start=re.compile(rf"^(?:{byline})\s*[:\-–—ـ]\s*\S|^(?:كتب|كتبت|بقلم|بواسطة)\s+\S", re.IGNORECASE),
        view_counter=re.compile(rf"^(?:(?:{counted}) \d[\d ]*(?: الف| k)?|\d[\d ]*(?: الف| k)? (?:{counted}))$"),
    )


def _starts_with(key: str, prefixes: tuple[str, ...]) -> bool:
    return any(key == p or key.startswith(p + " ") for p in prefixes)


def match_rule(key: str, words: int) -> tuple[str, bool] | None:
    """Why a line (given its `line_key` and word count) is boilerplate by the phrase rules, and whether the
    rule holds only above or below the body (edges_only); None when no rule matches."""
    rules = _rules()
    if words > rules.max_words or not key:
        return None
    hits: list[int] = list(rules.exact.get(key, ()))
    for pattern, search in ((rules.starts, rules.starts.match), (rules.contains, rules.contains.search)):
        match = search(key)
        if match and match.lastgroup:
            hits.append(int(match.lastgroup[1:]))
    for i in sorted(hits):
        rule = rules.rules[i]
        if words <= rule.max_words:
            return rule.why, rule.edges_only
    words_of = key.split()
    if all(w in rules.social_words for w in words_of):
        return "share prompt", False
    if words <= FOLLOW_WORDS and words_of[0] in rules.follow_verbs and any(
            w in rules.social_words and w not in rules.share_fillers for w in words_of[1:]):
        return "follow prompt", True        # "اشترك في «الأخبار» على يوتيوب هنا", "انضم إلى قناتنا على تلغرام"
    if all(w in rules.social_words or w in rules.share_fillers for w in words_of) \
            and sum(w in rules.social_words and w not in rules.share_fillers for w in words_of) >= 2:
        return "share prompt", False        # شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك
    return None


FOLLOW_WORDS = 12          # a call to follow the outlet on a network is this short


_BREADCRUMB_SEP = re.compile(r"\s*(?:[›»>/|\\]|&gt;|::)\s*")


def _is_breadcrumb(line: str) -> bool:
    """"الرئيسية > أخبار > عربي" or "Home / World": a path of short segments from the site's home."""
    parts = [p for p in _BREADCRUMB_SEP.split(line) if p]
    if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
        return False
    return line_key(parts[0]) in _rules().breadcrumb_starts


# "(أرشيف «النهار»)", "(عنب بلدي/ يوسف غريبي)": an archive photo, or the outlet and its photographer
_ARCHIVE_BRACKET = re.compile(r"[(\[]\s*[أا]رشيف(?:ية)?(?:\s+[^()\[\]\d]{2,30})?[)\]]\s*\.?$")
_OUTLET_SLASH_BRACKET = re.compile(r"[(\[]\s*([^()\[\]/\d]{2,25}?)\s*/\s*([^\W\d_][^()\[\]/\d]{1,30}?)\s*[)\]]\s*\.?$")
_STOP_INSIDE = re.compile(r"[.!?؟:](?!\d)")


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    verbs = metadata._load("reporting_verbs.json")["verbs"]
    return frozenset(k for v in verbs for k in _keys(v["forms"]))


def is_photo_caption(line: str) -> bool:
    """A short caption closed by its photo's credit in brackets, a full stop after it or not: "(أرشيف
    «النهار»)" or "(outlet/ photographer)", either way round ("الليرة مقابل الدولار في دمشق (عنب بلدي/ يوسف غريبي)"). What
    comes before the bracket is no full sentence (no stop inside) and opens with no reporting verb
    (a wire's sentence ends with "(كونا)." and stays: an agency alone in brackets is not this credit)."""
    if len(line.split()) > CAPTION_MAX_WORDS:
        return False
    found = _ARCHIVE_BRACKET.search(line)
    if not found:
        found = _OUTLET_SLASH_BRACKET.search(line)
        if not found or not (metadata.is_agency(found.group(1)) or metadata.is_agency(found.group(2))):
            return False
    before = line[:found.start()].strip()
    if not before or _STOP_INSIDE.search(before) or len(before.split()) < 3:
        return False
    first = line_key(before).split(" ", 1)[0]
    return first not in _verb_forms() and _WORD_CLITICS.sub("", first, 1) not in _verb_forms() \
        and first not in _FUNCTION_WORDS


def _is_caption_credit(line: str, key: str) -> bool:
    """A photo caption or credit: ends with a credit in brackets ("... (Getty)", "... (أ ف ب)") or opens by
    naming the photo ("صورة أرشيفية ...", "تصوير: ...")."""
    rules = _rules()
    if ")" in line or "]" in line:
        if rules.credits.search(normalize_for_matching(line)) or _PHOTO_BRACKET.search(line) \
                or is_photo_caption(line):
            return True
        credit = _CLOSING_CREDIT.search(line)
        if credit and len(line.split()) >= 4 and metadata.is_agency(credit.group(1)):
            return True                 # "الأمطار تغمر شارع الملك طلال (الرأي)": the outlet's own photo
    credit = _CREDIT_AFTER_STOP.search(line)
    if credit and len(line.split()) >= 4 and key.split(" ", 1)[0] not in _FUNCTION_WORDS \
            and metadata.is_agency(credit.group(1)):
        return True                     # "الوزيرة خلال تقديمها البرنامج بالرباط. Le360": the photo's outlet
    if _LATIN_CREDIT.search(line) or _agency_after_dash(line, key):
        return True
    return bool(_PHOTO_LABEL.match(line) or _PHOTO_TAIL.search(line)) or _starts_with(key, rules.caption_markers)


# "... في ملاطية، 22 مايو 2025 Credit: OZAN KOSE/AFP via Getty Images": a photo's credit in Latin letters
_LATIN_CREDIT = re.compile(r"(?:^|[\s.،,])(?:(?:photo|image)\s+)?(?:credits?|photo|image|picture)\s*:\s*[A-Za-z][^\u0600-\u06ff:]{1,60}$",
                           re.IGNORECASE)
# "أردوغان تعهد بإعادة بناء المنازل المتضررة خلال عام- الأناضول": a caption's photo agency after a dash
_DASH_TAIL = re.compile(r"^(.+?\S)\s*[-–—]\s*([^\W\d_][^-–—()\d]{1,25})$")
DASH_CAPTION_WORDS = 4      # what precedes the agency is a caption this long at least ("القاهرة - رويترز" a dateline)


def _agency_after_dash(line: str, key: str) -> bool:
    """A short line closed by a dash and an agency or outlet, before it at least DASH_CAPTION_WORDS words of no
    full sentence (no stop inside), opening with no function word, no place and no reporting verb: the
    caption of the story's photo and its credit. A dateline ("أنقرة - الأناضول") or byline ("فلان الفلاني
    - الأناضول") is shorter."""
    found = _DASH_TAIL.match(line.strip())
    if not found or not metadata.is_agency(found.group(2)):
        return False
    before = found.group(1)
    if len(before.split()) < DASH_CAPTION_WORDS or _STOP_INSIDE.search(before) or _CREDIT_DASHES.search(before) \
            or _MEDIUM_START.match(before) or metadata.outlet_from_hint(before):
        return False                            # ("وكالة الأنباء ... - وفا": an outlet's long and short name)
    first = line_key(before).split(" ", 1)[0]
    return first not in _FUNCTION_WORDS and first not in _verb_forms() and not metadata.is_known_place(first)


_CREDIT_DASHES = re.compile(r"\s[-–—/]\s|[-–—/]\s*$")


# a wire story's last line: the editors' initials ("م ع ش / ع ا ب"), the agency alone ("--(بترا)") or with
# its editors ("وام/ريم الهاشمي/عاصم الخولي")
_INITIALS = re.compile(r"^[\u0621-\u064a](?:\s+[\u0621-\u064a]){0,4}(?:\s*/\s*[\u0621-\u064a](?:\s+[\u0621-\u064a]){0,4})+$")
_AGENCY_ALONE = re.compile(r"^[-–—\s]*[(（]\s*([^()（）]{1,20}?)\s*[)）][-–—\s]*$")
_AGENCY_EDITORS = re.compile(r"^([^/\d]{2,20}?)\s*/\s*[^\W\d_][^/\d]{1,30}(?:/[^/\d]{2,30}){0,3}$")


_AGENCY_SLASHED = re.compile(r"^\s*/\s*([^/\d]{1,20}?)\s*/\s*$")      # QNA's and ONA's "/قنا/", "/العُمانية/"
_BARE_INITIALS = re.compile(r"^[\u0621-\u064a](?:\s+[\u0621-\u064a]){1,3}$")  # "ع ع": an editor's initials


# "م.ع", "س . ر": an editor's initials with stops
_DOTTED_INITIALS = re.compile(r"^[\u0621-\u064a](?:\s*[./]\s*[\u0621-\u064a]){1,3}\.?$")
# "-- (بترا) ح م/ ع ح": the agency, then its editors' initials
_AGENCY_THEN_INITIALS = re.compile(r"^[-–—\s]*[(（]\s*([^()（）]{1,20}?)\s*[)）][-–—\s]*(\S.*)$")
# "14:12ت م": the time the wire filed it and its zone's initials (توقيت مكة); "09:40 ص" is a date's time
_FILED_TIME = re.compile(r"^\d{1,2}:\d{2}\s*[\u0621-\u064a](?:\s*\.?\s*[\u0621-\u064a]){1,2}\.?$")
# "بنا 1433 جمت 04/11/2025": the agency's slug, its serial number, desk codes and the date
_SLUG_TOKEN = re.compile(r"^(?:\d[\d/.:-]*|[\u0621-\u064a]{1,3})$")


def _initials(text: str) -> bool:
    return bool(_INITIALS.match(text) or _BARE_INITIALS.match(text) or _DOTTED_INITIALS.match(text))


def _wire_slug(text: str) -> bool:
    """The agency's name, then only numbers, dates and codes of three letters at most, a number among them."""
    words = text.split()
    for n in (1, 2):
        rest = words[n:]
        if rest and len(rest) <= 5 and metadata.is_agency(" ".join(words[:n])) \
                and all(_SLUG_TOKEN.match(w) for w in rest) and any(w[0].isdigit() for w in rest):
            return True
    return False


# "(النهاية)" / "(انتهى)" closing a wire story's last paragraph, with or without its editors' initials after it
_GLUED_END_MARK = re.compile(r"[(（]\s*(?:النهاية|انتهى)\s*[)）]\s*([^()（）\n]*)$")


def _signed_off(removed: list) -> bool:
    """The wire's editors signed the story off: a removed sign-off line carrying initials ("م ع ش / ع ا ب",
    "(النهاية) م ع ح / ع ب ر"), not the agency's name alone."""
    for r in removed:
        if r.why == "wire sign-off":
            line = _GLUED_END_MARK.sub(lambda m: m.group(1), r.line).strip()
            then = _AGENCY_THEN_INITIALS.match(line)
            if _initials(line) or (then and _initials(then.group(2).strip())):
                return True
    return False


def _glued_signoff(paragraph: str) -> int:
    """Where a wire's end mark glued to the end of the last paragraph starts ("... للطعن. (النهاية) م ع ح /
    ع ب ر"), 0 when there is none: the mark, then nothing or only a sign-off (the editors' initials)."""
    found = _GLUED_END_MARK.search(paragraph)
    if not found or found.start() == 0:
        return 0
    rest = found.group(1).strip()
    return found.start() if not rest or _wire_signoff(rest) else 0


def _wire_signoff(line: str) -> bool:
    text = line.strip()
    if _initials(text) or _FILED_TIME.match(text) or _wire_slug(text):
        return True
    then = _AGENCY_THEN_INITIALS.match(text)
    if then and _initials(then.group(2).strip()):
        return metadata.is_agency(then.group(1))
    alone = _AGENCY_ALONE.match(text) or _AGENCY_SLASHED.match(text)
    if alone:
        return metadata.is_agency(alone.group(1))
    editors = _AGENCY_EDITORS.match(text)
    if editors and metadata.is_agency(editors.group(1)) and text.count("/") >= 2:
        return True
    # "فرانس24/ أ ف ب": the outlet and the agency it ran the story from
    parts = [p.strip() for p in text.split("/")]
    return 2 <= len(parts) <= 3 and all(p and metadata.is_agency(p) for p in parts)


_CLOSING_CREDIT = re.compile(r"[(\[]\s*([^()\[\]\d]{2,25}?)\s*[)\]]\s*$")
# "(صورة الشعب نيوز)", "(تصوير: فلان)": a bracket naming the photo and who took it closes a caption
_PHOTO_BRACKET = re.compile(r"[(\[]\s*(?:صورة|الصورة|صور|تصوير|عدسة|بعدسة)\s*[:/]?\s+[^()\[\]]{2,30}[)\]]\s*$")
# "... بالرباط. Le360": a known outlet or agency alone after the caption's full stop
_CREDIT_AFTER_STOP = re.compile(r"\S[.،]\s+([^\s.،][^.،]{1,24})$")
# "مقر الصندوق في واشنطن - صورة أرشيفية": a caption that names its photo after a dash (an agency's name after
# a dash is left alone: "القاهرة - رويترز" is a dateline)
_PHOTO_TAIL = re.compile(r"\S\s+[-–—|]\s*(?:صورة\s+|الصورة\s+)?(?:[أا]رشيفية|[أا]رشيف|من\s+ال[أا]رشيف|تعبيرية|توضيحية|"
                         r"متداولة|من\s+مواقع\s+التواصل(?:\s+الاجتماعي)?)\s*$")
# "صورة: هسبريس - أرشيف", "تصوير/ فلان": a photo's label and its credit, never a dateline or byline
_PHOTO_LABEL = re.compile(r"^\s*[(\[]?\s*(?:صورة|الصورة|صور|تصوير|photo|image)\s*[:/|]", re.IGNORECASE)
# "© 2024 شبكة الجزيرة الإعلامية": the sign is punctuation to line_key, so the raw line is looked at
_COPYRIGHT_SIGN = re.compile(r"^\s*(?:©|\(c\)|&copy;)", re.IGNORECASE)


# -- recurrence across documents -------------------------------------------------------------------------


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


class LineStats:
    """In how many distinct documents each short line occurs, overall and per outlet.

    A site's own furniture (share prompts, newsletter calls, its footer, "اقرأ أيضا") recurs in every page
    of that site, so a short line seen in many documents is boilerplate. Wire copy breaks the naive count:
    one agency story republished by ten outlets would make its every line "recurring". So a document is
    first fingerprinted by its longest body lines; a document whose fingerprint lines were already seen is
    a copy and adds nothing, and copies of one text count once.

    Thresholds (a line is recurring when either holds), chosen on SaudiNewsNet (31,030 articles, 14 outlets):
    - in >= 3 distinct documents of the same outlet: a site leftover appears on every page of the site, so
      three unrelated articles of one outlet sharing a short line is already strong evidence, and small
      batches (tens of articles per outlet) still learn their footer;
    - in >= 5 distinct documents overall: generic phrases shared by many sites, with a higher bar because
      different outlets legitimately share set phrases.
    Only lines of at most 20 words are counted: boilerplate is short, body paragraphs are not.
    The cleaner adds its own caution: a recurring line that ends like a sentence is only removed above or
    below the body, never between body paragraphs.

    Memory: 8-byte hashes in Counters, never the lines; about 9 MB for the whole of SaudiNewsNet.
    """

    MAX_WORDS = 20
    PER_OUTLET = 3
    OVERALL = 5
    FINGERPRINT_LINES = 3

    def __init__(self) -> None:
        self.documents = 0                  # distinct (non-copy) documents counted
        self.copies = 0                     # documents skipped as copies of one already counted
        self._fingerprints: set[int] = set()
        self._overall: Counter[int] = Counter()
        self._per_outlet: Counter[int] = Counter()

    @staticmethod
    def _outlet_hash(outlet: str, key: str) -> int:
        return _hash(outlet.strip().lower() + "\x1f" + key)

    def add(self, text: str, outlet: str | None) -> None:
        """Count one document's short lines (each line once per document)."""
        lines = split_lines(text or "")
        if not lines:
            return
        prints = self._fingerprint(lines)
        if self.is_copy(prints, self._fingerprints):
            self.copies += 1
            return
        self._fingerprints.update(prints)
        self.documents += 1
        keys = {line_key(line) for line in lines if len(line) <= 400 and len(line.split()) <= self.MAX_WORDS}
        keys.discard("")
        outlet_prefix = outlet.strip().lower() + "\x1f" if outlet else None
        for key in keys:
            self._overall[_hash(key)] += 1
            if outlet_prefix:
                self._per_outlet[_hash(outlet_prefix + key)] += 1

    @staticmethod
    def is_copy(fingerprint: set[int] | frozenset[int], seen: set[int]) -> bool:
        """A document is a copy when it shares two of its fingerprint hashes (one, if it has one) with the
        documents counted before it."""
        return len(fingerprint & seen) >= min(2, len(fingerprint))

    @classmethod
    def contribution(cls, text: str, outlet: str | None) -> tuple[frozenset[int], list[int], list[int]] | None:
        """What `add` counts for this one document, as (fingerprint, short-line hashes overall, short-line
        hashes per outlet); None when it has no lines. For an engine that counts by reduction instead of one
        `add` after another (marsad/spark.py); `from_counts` takes the reduced result."""
        one = cls()
        one.add(text, outlet)
        if not one.documents:
            return None
        return frozenset(one._fingerprints), list(one._overall), list(one._per_outlet)

    @classmethod
    def from_counts(cls, documents: int, copies: int, overall: Mapping[int, int],
                    per_outlet: Mapping[int, int]) -> LineStats:
        """Statistics from counts reduced elsewhere (hash -> distinct documents), as `compact` would keep."""
        stats = cls()
        stats.documents, stats.copies = documents, copies
        stats._overall = Counter(overall)
        stats._per_outlet = Counter(per_outlet)
        return stats

    def _fingerprint(self, lines: list[str]) -> set[int]:
        """Hashes of the document's longest body lines (more than MAX_WORDS words, so never the short lines
        being counted: two articles sharing a footer are not copies), or of the whole text when it has no
        long line. A document sharing two of them (one, if it has one) with a counted one is a copy."""
        long_lines = [line for line in lines if line.count(" ") >= self.MAX_WORDS]
        if not long_lines:
            return {_hash(line_key(" ".join(lines)[:2000]))}
        longest = sorted(long_lines, key=len, reverse=True)[:self.FINGERPRINT_LINES]
        return {_hash(line_key(line[:300])) for line in longest}

    def count(self, line: str, outlet: str | None = None) -> int:
        """Distinct documents the line was seen in: of `outlet` when given, else overall."""
        key = line_key(line)
        if outlet:
            return self._per_outlet.get(self._outlet_hash(outlet, key), 0)
        return self._overall.get(_hash(key), 0)

    def is_recurring(self, line: str, outlet: str | None) -> bool:
        """Whether a short line recurs enough to be the site's furniture (thresholds in the class doc)."""
        if len(line.split()) > self.MAX_WORDS:
            return False
        return self.is_recurring_key(line_key(line), outlet)

    def is_recurring_key(self, key: str, outlet: str | None) -> bool:
        """`is_recurring` for a line already turned into its `line_key`."""
        if not key:
            return False
        if self._overall.get(_hash(key), 0) >= self.OVERALL:
            return True
        return bool(outlet) and self._per_outlet.get(self._outlet_hash(outlet, key), 0) >= self.PER_OUTLET

    def compact(self) -> LineStats:
        """A copy holding only the lines that reached a threshold: enough for `is_recurring`, small to send to
        worker processes (it cannot count further documents correctly)."""
        small = LineStats()
        small.documents, small.copies = self.documents, self.copies
        small._overall = Counter({h: n for h, n in self._overall.items() if n >= self.OVERALL})
        small._per_outlet = Counter({h: n for h, n in self._per_outlet.items() if n >= self.PER_OUTLET})
        return small


# -- cleaning the lines of one document ------------------------------------------------------------------

MENU_ITEM_WORDS = 3         # a site menu's items (سياسة، اقتصاد، رياضة، منوعات) are this short
QUESTION_TITLE_WORDS = 20   # a question this short opening the body under page furniture may be the headline
MENU_WORDS = 6              # above the headline, a line this short is menu or page header ("لبنان / سياسة")
PARAGRAPH_WORDS = 20        # a line this long is body text whatever its punctuation
SENTENCE_WORDS = 8          # a line this long that ends like a sentence is body text
CAPTION_MAX_WORDS = 25
KEY_MAX_WORDS = 30          # longer lines are body text unless they sit above or below it: keyed only there
TOP_ZONE_MAX = 12           # lines above the body looked at for title, date, dateline, byline
HEADER_ZONE = 6             # a second headline is only looked for among the first lines
PENDING = "?"               # prefix of a reason that holds only if the line ends up above or below the body
# "شاهد: لحظة ..." / "فيديو | ..." / "بالصور.. ...": a link to a video or a gallery, not a sentence of the story
_MEDIA_PROMPT = re.compile(r"^\s*(?:شاهد|شاهدوا|شاهدي|فيديو|بالفيديو|شاهد بالفيديو|بالصور|صور|إنفوغراف|انفوجراف)"
                           r"\s*(?::|\||\.{2,}|…|-)\s*\S")
MEDIA_PROMPT_WORDS = 14
COPYRIGHT_WORDS = 25        # "© 2025 Deutsche Welle | حماية البيانات | ... | اتصل بنا": the sign and the legal links after it
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪◦+]|\d+\s*[-.)]|[(]\d+[)])")


@dataclass
class _Line:
    text: str
    key: str
    words: int
    sentence: bool
    why: str | None = None
    pending: str | None = None      # an edges-only reason a line kept inside the body had, in case the body moves
    headline: bool = False          # a long line read as the page's headline (`_long_headline`), no paragraph

    @property
    def kept(self) -> bool:
        return self.why is None


@dataclass
class CleanText:
    """The result of cleaning one text: paragraphs kept, lines removed, and what the removed lines said."""

    paragraphs: list[str]
    removed: list[Removed]
    title: str | None = None
    date_lines: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)      # dateline/byline lines, top first
    outlets: list[str] = field(default_factory=list)      # outlet ids of lines that only name the outlet ("RT")
    names: list[str] = field(default_factory=list)        # writers' names alone on a line under the headline

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


# -- leftovers glued inside a line ----------------------------------------------------------------------
# A plain-text scrape loses the page's line breaks in places, so a poll widget's style sheet and script, or
# the "مقالات أخرى للكاتب" list, can sit inside the article's last paragraph. They are cut out into lines
# of their own, each with its reason, before the line rules run.

CODE_MIN_WORDS = 8          # a page-code stretch has at least this many words...
CODE_BRIDGE = 3             # ...and may hold this many Arabic words in a row (a script's message strings)
GLUED_TAIL_MAX_WORDS = 60   # a list glued after the last paragraph is short; more is body text
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_CODE_START = re.compile(r"[A-Za-z0-9#.{}$_]")
_CODE_WORD = re.compile(r"[{};]|\w\(|\)\.|^[#.][A-Za-z_][\w-]*$|^[A-Za-z-]+:|\d(?:px|em|%)\b|#[0-9A-Fa-f]{3,6}\b")


def _page_code(line: str) -> list[tuple[int, int]]:
    """Stretches of a line that are a page's CSS or JavaScript: runs of words without Arabic letters
    (bridging at most CODE_BRIDGE Arabic words, as in html('انتظر لحظات…')) that hold braces and
    semicolons and are mostly code-shaped words. English inside prose has neither braces nor semicolons."""
    if "{" not in line or ";" not in line:
        return []
    words = [(m.start(), m.end(), bool(_ARABIC_LETTER.search(m.group())), m.group())
             for m in re.finditer(r"\S+", line)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if words[i][2] or not _CODE_START.search(words[i][3]):
            i += 1
            continue
        last, gap, k = i, 0, i + 1
        while k < len(words) and gap <= CODE_BRIDGE:
            if words[k][2]:
                gap += 1
            else:
                gap, last = 0, k
            k += 1
        run = words[i:last + 1]
        start, end = run[0][0], run[-1][1]
        stretch = line[start:end]
        shaped = sum(1 for w in run if _CODE_WORD.search(w[3]))
        if (len(run) >= CODE_MIN_WORDS and "{" in stretch and "}" in stretch and stretch.count(";") >= 2
                and shaped * 2 >= len(run)):
            runs.append((start, end))
        i = last + 1
    return runs


@lru_cache(maxsize=1)
def _glued_header() -> re.Pattern[str]:
    """A list header glued into a paragraph, on `normalize_keep_length` text: after the end of a sentence
    or clause and followed by a colon, the end of the line or the list's first title stuck to it; or
    anywhere with that title stuck to it ("مقالات أخرى للكاتبآه يا لندن"). A header phrase that goes on as
    prose ("الأكثر رواجا لما فيه") is none. Only headers of two words or more that prose does not open a sentence with ("المزيد من")."""
    headers = "|".join(re.escape(h) for h in sorted(
        (k for k in _rules().list_headers if " " in k and not k.startswith("المزيد")), key=len, reverse=True))
    return re.compile(rf"(?<=[.!?؟…»”)،,])\s*({headers})(?=[\u064b-\u0652]*(?:\s*[:\-–—]|[\u0621-\u064a]|\s*$))"
                      rf"|(?<=\s)({headers})(?=[\u0621-\u064a])", re.IGNORECASE)


# a rubric before a headline: "عاجل | ...", "عاجل: ...", "بالفيديو.. ...", "فيديو | ...", and a wire's section
# before a slash: "اقتصادي / سمو وزير الطاقة: ..." (واس)
_RUBRIC = re.compile(r"^\s*(?:(?:عاجل|خاص|حصري|بالفيديو|بالصور|فيديو|صور|تحليل|رأي)\s*(?:[|:؛\-–—]|\.\.+)"
                     r"|(?:عام|محلي|دولي|اقتصادي|رياضي|ثقافي|سياسي|اجتماعي|صحي)\s*/)\s*(?=\S)")

# a one-word tags header glued after the last sentence, the tags running to the end with no sentence in them
_GLUED_TAGS = re.compile(r"(?<=[.!?؟…»”)])\s*(سمات|الوسوم|وسوم|دلالات)\s+(?=\S)[^.!?؟…\n]*$")
# the page's link line glued after the last sentence: "... السلامة. رابط الخبر بصحيفة الوئام: <headline>"
_GLUED_LINK = re.compile(r"(?:(?<=[.!?؟…»”)/])\s*((?:رابط الخبر|الرابط المختصر|رابط مختصر)\s*:)"
                         r"|(?:^|\s)((?:رابط الخبر|رابط المقال)\s+ب(?:صحيفة|موقع|جريدة)\s+[^\s:]+(?:\s+[^\s:]+)?\s*:))"
                         r"[^\n]*$")


def _share_prefix(text: str) -> int:
    """Length of a share prompt glued before the text's first sentence on the same line ("شارك من خلال
    تويتر فيسبوك جوجل بلس اكتب رأيك أكد ..."): leading words that are all network names or the words such
    prompts string them with, two network names at least; 0 when there is none."""
    rules = _rules()
    words = text.split(" ")
    taken = networks = 0
    for word in words[:KEY_MAX_WORDS]:
        key = line_key(word).split()
        if not all(w in rules.social_words or w in rules.share_fillers for w in key):
            break
        networks += any(w in rules.social_words and w not in rules.share_fillers for w in key)
        taken += 1
    while taken and not _ends_prompt(line_key(words[taken - 1]).split()):
        taken -= 1                          # "... اكتب رأيك في خطوة": في opens the body
    return len(" ".join(words[:taken])) if networks >= 2 and taken < len(words) else 0


_PROMPT_ENDS = frozenset({"بلس", "رايك", "تعليقك", "تعليق"})


def _ends_prompt(key: list[str]) -> bool:
    rules = _rules()
    return bool(key) and all(w in _PROMPT_ENDS or w in rules.social_words and w not in rules.share_fillers
                             for w in key)


def _unglue(text: str, at_end: bool, at_start: bool = False) -> list[_Line]:
    """The line, with page code, (on the first line) a glued share prompt and (at the end of the text: from
    its last long line on) a glued list tail cut out as lines of their own that carry their reason."""
    cuts = [(a, b, "page code") for a, b in _page_code(text)]
    prefix = _share_prefix(text) if at_start else 0
    if prefix and not any(a < prefix for a, _, _ in cuts):
        cuts.insert(0, (0, prefix, "share prompt"))
    if at_end:
        found = None
        for found in _glued_header().finditer(normalize_keep_length(text)):
            pass                            # the last one: the list runs to the end of the line
        header = found and (found.group(1) or found.group(2))
        start = found and found.start(1 if found.group(1) else 2)
        if not header:                      # "... قدير. سمات القضاء وليد بن محمد الصمعاني": a tags line glued on
            found = _GLUED_TAGS.search(text)
            header, start = (found.group(1), found.start(1)) if found else (None, None)
        why = _rules().list_headers[line_key(header)] if header else None
        link = None if header else _GLUED_LINK.search(text)
        if link:                            # "... السلامة. رابط الخبر بصحيفة الوئام: <headline>"
            group = 1 if link.group(1) else 2
            header, start, why = link.group(group), link.start(group), "share prompt"
        if header and (start > 0 or link) and not any(a <= start < b for a, b, _ in cuts):
            if text[start:].count(" ") + 1 <= GLUED_TAIL_MAX_WORDS:
                cuts = [c for c in cuts if c[1] <= start] + [(start, len(text), why)]
    if not cuts:
        return [_make_line(text)]
    pieces: list[_Line] = []
    at = 0
    for start, end, why in cuts:
        if text[at:start].strip():
            pieces.append(_make_line(text[at:start].strip()))
        cut = _make_line(text[start:end].strip())
        cut.why = why
        pieces.append(cut)
        at = end
    if text[at:].strip():
        pieces.append(_make_line(text[at:].strip()))
    return pieces


def _make_line(text: str) -> _Line:
    words = text.count(" ") + 1
    key = line_key(text) if words <= KEY_MAX_WORDS else ""
    return _Line(text, key, words, ends_sentence(text))


def _is_paragraph(line: _Line) -> bool:
    if line.headline:
        return False
    return line.words >= PARAGRAPH_WORDS or (line.words >= SENTENCE_WORDS and line.sentence)


LONG_HEADLINE_WORDS = 30    # a headline is at most this long (`looks_like_headline`)


def _long_headline(lines: list[_Line]) -> None:
    """A headline longer than PARAGRAPH_WORDS ("في ختام الدورة 78 لمهرجان كان: الفيلم ... يفوز بجائزة ...
    وسعفة ذهبية لـ...") reads as the first paragraph. It is the headline when it does not end like a
    sentence, the page's date stamp or byline stands between it and the next paragraph (within HEADER_ZONE
    lines), and it shares two news words or more with that paragraph, the lead it announces."""
    first = next((i for i, ln in enumerate(lines) if ln.kept and _is_paragraph(ln)), None)
    if first is None:
        return
    line = lines[first]
    if line.sentence or line.words > LONG_HEADLINE_WORDS or not looks_like_headline(line.text, line.words):
        return
    between = []
    for j in range(first + 1, len(lines)):
        if not lines[j].kept:
            continue
        if _is_paragraph(lines[j]):
            break
        between.append(j)
    else:
        return
    if len(between) > HEADER_ZONE or not any(
            is_date_line(lines[k].text, lines[k].key) or _is_byline(lines[k]) for k in between):
        return
    if _distinct_shared(line, _lead_words(lines, j, 1)) >= 2:
        line.headline = True


def _body_bounds(lines: list[_Line]) -> tuple[int, int]:
    """Index of the first and last body paragraph among kept lines; falls back to sentences, then to the
    longest line, so a two-line news flash still has a body."""
    for test in (_is_paragraph, lambda ln: ln.sentence and ln.words >= 3, lambda ln: ln.words >= 3):
        idx = [i for i, ln in enumerate(lines) if ln.kept and test(ln)]
        if idx:
            return idx[0], idx[-1]
    kept = [i for i, ln in enumerate(lines) if ln.kept and _HAS_WORD.search(ln.text)]
    if not kept:
        return len(lines), -1
    best = max(kept, key=lambda i: lines[i].words)
    return best, best


def _settle_pending(lines: list[_Line], first: int, last: int) -> None:
    """Decide the PENDING matches now that the body is known: removed above or below it, kept inside."""
    for i, line in enumerate(lines):
        if line.why and line.why.startswith(PENDING):
            if i < first or i > last:
                line.why = line.why[1:]
            else:
                line.pending, line.why = line.why[1:], None


UNKNOWN_TAIL_WORDS = 20    # a line no rule knows, this short, under the page's furniture is furniture too


def _peel_edges(lines: list[_Line]) -> None:
    """Long lines can be boilerplate too (a comment policy, a copyright notice), but only at the very top or
    bottom. Walk in from each end over the kept paragraphs and remove them while a rule matches; stop at
    the first paragraph no rule matches. Short kept lines met on the way are left to the other passes.

    From the bottom, one paragraph no rule knows (a site's notice in words of its own) does not stop the
    walk when it is short and page furniture (a copyright line, tags, a share bar: removed, or held back
    as an edge-only match) stands above it: it goes too. The edge-only matches the walk leaves below the
    body are then removed."""
    rules = _rules()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        unknown = None
        for i in order:
            line = lines[i]
            if not line.kept or not _is_paragraph(line):
                continue
            if line.words > rules.max_words:
                break
            if not line.key:
                line.key = line_key(line.text)
            found = match_rule(line.key, line.words)
            if not found:
                if order.step < 0 and unknown is None and line.words <= UNKNOWN_TAIL_WORDS \
                        and _furniture_above(lines, i):
                    unknown = i
                    line.why = "page notice"
                    continue
                break
            line.why = found[0]
    first, last = _body_bounds(lines)
    for i, line in enumerate(lines):
        if line.kept and line.pending and (i > last or i < first):
            line.why = line.pending


def _furniture_above(lines: list[_Line], i: int) -> bool:
    """Whether the nearest line above line i that has words is page furniture: a short line removed as
    such, or kept for now with an edge-only match, with the body's paragraphs above it."""
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if not _HAS_WORD.search(line.text):
            continue
        why = line.why if not line.kept else line.pending
        # a phrase inside prose is no furniture, nor a hashtag, which may head a column's closing words
        return why in _FURNITURE and not _is_paragraph(line) and not line.text.startswith("#") and any(
            above.kept and not above.pending and _is_paragraph(above) for above in lines[:j])    # the body's above
    return False


def _more_from(line: _Line) -> bool:
    """"المزيد من السودان", "المزيد في اقتصاد": a site's header over more links from a section, never a
    line of prose on its own."""
    words = line.key.split()
    return 3 <= len(words) <= 4 and words[0] == "المزيد" and words[1] in ("من", "في") and not line.sentence


def _apply_rules(lines: list[_Line]) -> None:
    """Phrase rules, lone punctuation, breadcrumbs, and list headers with the link-like lines after them.

    A match that is only safe at the edges (an edges_only rule, or a phrase found inside a long line, where
    it may be prose) is marked PENDING and settled by `_settle_pending` once the body is known."""
    rules = _rules()
    last_paragraph = max((i for i, ln in enumerate(lines) if _is_paragraph(ln)), default=-1)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _HAS_WORD.search(line.text):
            line.why = "lone punctuation"
        elif line.words <= 8 and _language_switcher(line.text):
            line.why = "language switcher"
        elif line.words <= 6 and (line.key in rules.list_headers or _more_from(line)):
            why = rules.list_headers.get(line.key, "related-articles list")
            own = match_rule(line.key, line.words)          # "اقرأ المزيد" is a read-more link over its list
            line.why = own[0] if own and not own[1] else why
            # a one-word header (أخبار، الأحدث، مواضيع) is also a menu item: what follows it is a list only
            # while it is as short as a menu item, and the article's headline after the menu is no list item;
            # below the last paragraph there is no headline to spare ("الوسوم" over tags of four words)
            longest = MENU_ITEM_WORDS if len(line.key.split()) == 1 and i < last_paragraph else PARAGRAPH_WORDS
            j = i + 1
            while j < len(lines) and lines[j].words <= longest and (
                    not lines[j].sentence or lines[j].text.rstrip().endswith(("؟", "?"))):   # a headline asks
                if lines[j].key in rules.list_headers or match_rule(lines[j].key, lines[j].words):
                    break               # the next leftover starts: it gets its own reason
                if is_date_line(lines[j].text, lines[j].key) or (lines[j].words <= 4 and _credit_line_reason(lines[j])):
                    break               # an article's date or dateline: the list has ended, a header begins
                lines[j].why = why
                j += 1
            i = j
            continue
        elif line.words <= COPYRIGHT_WORDS and _COPYRIGHT_SIGN.match(line.text):
            line.why = PENDING + "copyright notice"
        elif line.words <= 10 and _wire_signoff(line.text):
            line.why = PENDING + "wire sign-off"
        elif line.words == 1 and line.text.strip().isdigit() and len(line.text.strip()) <= 4:
            line.why = PENDING + "counter"          # a comment or share count ("0") beside the story
        elif line.words <= 40 and not line.sentence and _TAG_LABEL.match(line.text):
            line.why = PENDING + "tags"             # "وسوم: ...", "كلمات البحث: ...", "Tags: ..." under the story
        elif line.words <= 12 and line.text.startswith("#") and _hashtags(line.text):
            line.why = PENDING + "tags"             # "#دوري_روشن #الشباب_الاتفاق" under the story
        elif line.words <= 20 and _bar_menu(line.text):
            line.why = PENDING + "menu"             # "محليات | اقتصاد | رياضة | ثقافة" above or below the story
        elif line.words <= EMBED_WORDS and (_EMBED_SIGNATURE.match(line.text) or _EMBED_LINK.match(line.text)):
            line.why = "social post embed"          # "— Qatar Energy (@qatarenergy) February 25, 2024"
        elif line.words <= 5 and _DIGIT_IN.search(line.key) and rules.view_counter.match(line.key):
            line.why = "view counter"               # "مشاهدات: 2,451" beside the story
        elif line.words <= 6 and _READING_TIME.match(line.text):
            line.why = "reading time"               # "قراءة 3 دقائق", "مدة القراءة: 4 دقائق"
        elif line.words <= 30 and not line.sentence and _starts_with(line.key, rules.related_starts):
            line.why = "related-articles list"
        elif line.words <= MEDIA_PROMPT_WORDS and not line.sentence and _MEDIA_PROMPT.match(line.text):
            line.why = "media link"
        elif line.words <= rules.max_words:
            found = match_rule(line.key, line.words)
            if found:
                why, edges_only = found
                line.why = PENDING + why if edges_only or line.words > 12 else why
            elif line.words <= 3 and _DIGIT_IN.search(line.key) and _COMMENTS_HEADER.match(line.key):
                line.why = PENDING + "comment count"    # "2 تعليقات" under the headline or over the comments
            elif is_date_line(line.text, line.key):
                pass                    # a date stamp with slashes is not a breadcrumb; placed by position
            elif any(c in line.text for c in "›»>/|\\") and _is_breadcrumb(line.text):
                line.why = "breadcrumb"
        i += 1


EMBED_WORDS = 20           # a copied post's signature is short
# the signature line a copied tweet ends with: a dash, the account's name, its @handle in brackets, the date
_EMBED_SIGNATURE = re.compile(r"^\s*[—–-]\s*[^\n()]{1,60}\(@\w{1,30}\)\s*(?:\S+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\S+\s+\d{4})"
                              r"\s*$")
# a copied post's picture or short link alone on a line (the post's words stay: they may be the news)
_EMBED_LINK = re.compile(r"^\s*(?:pic\.twitter\.com|https?://t\.co)/\w+\s*$")
# a tags label and its colon: "الكلمات الدالة:", "وسوم:", "كلمات البحث :", "Keywords:" (a word for the words or
# labels, then at most one qualifier, then the colon and the tags)
_TAG_LABEL = re.compile(r"^\s*(?:(?:ال)?(?:كلمات|وسوم|وسم|دلالات|سمات|هاشتاج|هاشتاغ)(?:\s+[^\s:]{2,12})?|tags|keywords|tagged)"
                        r"\s*[:：]\s*\S", re.IGNORECASE)
_READING_TIME = re.compile(r"^\s*(?:(?:مدة|وقت|زمن)\s+)?(?:ال)?قراء[ةه]\s*:?\s*\d+\s*(?:دقائق|دقيق[ةه]|د|min)\.?\s*$"
                           r"|^\s*\d+\s*(?:دقائق|دقيق[ةه])\s+(?:لل)?قراء[ةه]\s*$", re.IGNORECASE)
# "02:10 م" alone under the date line: the time of that date
_BARE_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*(?:ص|م|صباحا|صباحاً|مساء|مساءً|am|pm))?\s*$", re.IGNORECASE)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


def _hashtags(text: str) -> bool:
    """A line of hashtags: every word one, or two or more with a tag or two whose words the scrape split
    ("#السودان #الكوليرا #الصحة العالمية")."""
    words = text.split()
    tags = sum(w.startswith("#") for w in words)
    return tags == len(words) or (tags >= 2 and tags * 2 >= len(words))


def _is_byline(line: _Line) -> bool:
    return line.words <= 8 and bool(_rules().byline_start.match(line.text))


def _same_as_title(line: _Line, title_key: str) -> bool:
    """The title itself, the title with the author's name or tags appended, or a truncated title."""
    if not title_key or not line.key:
        return False
    if line.key == title_key or line.key.startswith(title_key + " "):
        return True
    return line.words >= 4 and title_key.startswith(line.key + " ")


def _outlet_line(line: _Line, masthead: bool = False) -> str | None:
    """The outlet id when a line above the body is only an outlet's name ("RT", "بي بي سي عربي"); a city a
    paper is named after ("الرياض", "الخبر") is left to the dateline rules, unless the line is the page's
    `masthead` (its first line, above the headline), where no dateline stands."""
    if line.words <= 8 and not line.sentence and (named := _long_and_short_name(line.text)):
        return named
    if masthead and line.words <= 8 and not line.sentence and (named := _masthead_parts(line.text)):
        return named
    if line.words > 5 or line.sentence:
        return None
    medium = _MEDIUM_PREFIX.match(line.text)
    if medium and line.words > 1 and (named := metadata.outlet_from_hint(line.text[medium.end():])) \
            and not metadata.outlet_from_hint(line.text):
        return named                            # "صحيفة الخليج", "جريدة الشرق": the medium, then its name
    if line.words > 4 or (metadata.is_known_place(line.text) and not masthead):
        return None
    return metadata.outlet_from_hint(line.text)


_MASTHEAD_SPLIT = re.compile(r"\s+\|\s+|\s+مع\s+")


def _masthead_parts(text: str) -> str | None:
    """The outlet a page's first line names in one of its parts, split by a bar or a partner's "مع"
    ("Xinhua Arabic | شبكة شينخوا", "اقتصاد الشرق مع Bloomberg"), or as the short name closing its long one
    ("وكالة الأنباء اليمنية سبأ"); up to three parts, so a bar menu is no masthead."""
    parts = [p for p in _MASTHEAD_SPLIT.split(text.strip()) if p]
    if 1 < len(parts) <= 3:
        for part in parts:
            if (named := _outlet_line(_make_line(part))) is not None:
                return named
    words = text.split()
    if len(parts) == 1 and _MEDIUM_PREFIX.match(text) and len(words) >= 3:
        for n in (2, 1):
            short = " ".join(words[-n:])
            if not metadata.is_known_place(short) and (named := metadata.outlet_from_hint(short)):
                return named
    return None


# the word for an outlet's medium before its name ("صحيفة الخليج", "جريدة الجريدة", "موقع أخبارنا")
_MEDIUM_PREFIX = re.compile(r"^\s*(?:صحيف[ةه]|جريد[ةه]|موقع|قنا[ةه]|وكال[ةه]|مجل[ةه]|[إا]ذاع[ةه]|شبك[ةه])\s+")


_NAME_DASH = re.compile(r"^([^\W\d_][^\d\-–—|:]{2,60}?)\s+[-–—]\s+([^\W\d_][^\d\-–—|:]{1,30})$")
_MEDIUM_START = re.compile(r"^(?:وكال|صحيف|جريد|قنا[ةه] |شبك[ةه] |مجل[ةه] |[إا]ذاع[ةه] |موقع |مؤسس[ةه] )")


def _long_and_short_name(text: str) -> str | None:
    """The outlet id of a line that is an outlet's long name, a dash and its short name ("وكالة الأنباء
    والمعلومات الفلسطينية - وفا", "صحيفة المدينة المنورة - المدينة"): the part after the dash a known outlet,
    the part before it no place (that would be a dateline) and a medium's name ("وكالة ...", "صحيفة ...")
    or an outlet itself, not a writer's name ("فلان الفلاني - هسبريس" is a byline)."""
    found = _NAME_DASH.match(text.strip())
    if not found:
        return None
    long_name, short = found.group(1).strip(), found.group(2).strip()
    outlet = metadata.outlet_from_hint(short)
    if outlet is None or metadata.is_known_place(long_name) or metadata.is_known_place(short):
        return None
    if _MEDIUM_START.match(long_name) or metadata.outlet_from_hint(long_name):
        return outlet
    return None


CREDIT_LINE_WORDS = 12      # dashes and a "من فلانة الفلانية" tail count as words here


def _credit_line_reason(line: _Line) -> str | None:
    """"dateline" for "بروكسل (أ ش أ)" / "بغداد: الصباح", "byline" for "فلان – عين اليوم", else None."""
    if line.words > CREDIT_LINE_WORDS or _PHOTO_LABEL.match(line.text):
        return None                             # (parse_credit holds the credit itself to 7 words)
    if not metadata.is_known_place(line.text) and metadata.outlet_from_hint(line.text):
        return None                             # a paper's whole name ("الوطن - قطر"): the outlet line
    if _long_and_short_name(line.text):
        return None                             # "وكالة الأنباء ... - وفا": the outlet's names, no dateline
    credit = metadata.parse_credit(line.text, strict=True)
    if credit is None:
        return None
    return "dateline" if credit.dateline else "byline"


_NAMES_BAR_STAMP = re.compile(r"^([^|\d]{3,80}?)\s*\|\s*(\S.*)$")
_STAMP_BAR_BYLINE = re.compile(r"^([^|]{6,60}?)\s*\|\s*([^|\d]{3,80})$")


def _stamp_beside_names(line: _Line) -> tuple[str, str | None] | None:
    """(stamp, byline or None) of a line where the writers' names and the date stamp share a line, split by
    a bar: names first ("محمد شيخ يوسف, إحسان أوزتورك |20.03.2024 - محدث : 20.03.2024") or the stamp
    first ("الثلاثاء 30-07-2024 02:15 | كتب: محمد عبدالعاطي", Al Qabas's bare "06 أكتوبر 2025 | محمد المصلح")."""
    if line.words > 18 or "|" not in line.text:
        return None
    found = _NAMES_BAR_STAMP.match(line.text)
    if found and len(found.group(1).split()) <= 8 and is_date_line(found.group(2)):
        return found.group(2), None
    found = _STAMP_BAR_BYLINE.match(line.text)
    if found and is_date_line(found.group(1)) and (_is_byline(writer := _make_line(found.group(2)))
                                                   or _bare_name(writer)):   # "06 أكتوبر 2025 | محمد المصلح"
        return found.group(1), found.group(2)
    return None


def _take_stamp(line: _Line, out: CleanText) -> bool:
    """A date stamp, alone or beside the writers' names: removed, its text kept for the metadata."""
    if is_date_line(line.text, line.key):
        line.why = "date line"
        out.date_lines.append(line.text)
    elif (stamp := _stamp_beside_names(line)) is not None:
        line.why = "date line"
        out.date_lines.append(stamp[0])
        if stamp[1]:                            # a byline, or a writer's name alone (_bare_name)
            (out.credits if _is_byline(_make_line(stamp[1])) else out.names).append(stamp[1])
    else:
        return False
    return True


def _take_stamp_or_byline(line: _Line, out: CleanText) -> bool:
    """A date stamp or a byline above or below the body: removed, its text kept for the metadata."""
    if _take_stamp(line, out):
        pass
    elif _is_byline(line):
        line.why = "byline"
        out.credits.append(line.text)
    else:
        return False
    return True


# words too common to show that a headline and a lead tell the same news
_FUNCTION_WORDS = frozenset(line_key(w) for w in (
    "على إلى التي الذي الذين عن من في مع بعد قبل هذا هذه ذلك تلك كان كانت قد لم لن أن إن أنه إنه أو ثم حتى "
    "بين عند منذ خلال حول ضد دون غير كل بعض وقال قال أمس اليوم").split())
_WORD_CLITICS = re.compile(r"^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)")


def _word_forms(word: str) -> set[str]:
    """A word and what is left of it once each reading of its leading clitics and article is cut off
    ("والوزير" -> الوزير, وزير; "وزير" -> زير too): two spellings of one word share a form."""
    forms = {word}
    for cut in range(1, 4):
        rest = word[cut:]
        if len(rest) >= 3 and _WORD_CLITICS.fullmatch(word[:cut]):
            forms.add(rest)
    return forms


def _news_words(key: str) -> list[set[str]]:
    """The content words of a line key, each as its forms: what a headline shares with its lead."""
    return [_word_forms(w) for w in key.split() if len(w) >= 3 and w not in _FUNCTION_WORDS]


_LANGUAGES = frozenset(("عربي", "العربيه", "english", "español", "espanol", "français", "francais", "deutsch",
                        "türkçe", "fr", "ar", "en", "es", "de", "tr", "فرنسي", "انجليزي", "english version"))


def _language_switcher(text: str) -> bool:
    """"عربي | English | Español", "FR | AR | EN": the page's languages, not its story or its agency."""
    parts = [line_key(p) for p in re.split(r"[|/•·]", text) if p.strip()]
    return len(parts) >= 2 and all(p in _LANGUAGES for p in parts)


_SENTENCE_MARKS = re.compile(r"[.:؟?!،,«»\"]")
_PATH_SEPARATOR = re.compile(r"\s(?:>|›|»|&gt;)\s")
_MENU_GAPS = re.compile(r"\S {2,}(?=\S)")
_URGENT = re.compile(r"^\s*(?:عاجل|عاجل جدا|breaking)\s*[:|\-–—]", re.IGNORECASE)


MENU_ITEMS = 4              # bar-separated items of at most two words each that make a site menu


def _bar_menu(text: str) -> bool:
    """A site menu written on one line with bars ("محليات | اقتصاد | رياضة | ثقافة | مقالات"): MENU_ITEMS items
    or more, none longer than two words or holding a digit (a headline's "|" parts are longer, a stamp's hold
    digits)."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) < MENU_ITEMS or _DIGIT_IN.search(text) or not all(0 < len(p.split()) <= 2 for p in parts[1:]):
        return False
    # the first item may be the site's own name ("صحيفة عدن الغد | أخبار وتقارير | حوارات | ...")
    return len(parts[0].split()) <= 2 or (0 < len(parts[0].split()) <= 4 and _outlet_named(parts[0]))


def _outlet_named(text: str) -> bool:
    """A known outlet's name, maybe after a medium word (`_MEDIUM_PREFIX`: "صحيفة عدن الغد")."""
    medium = _MEDIUM_PREFIX.match(text)
    return bool(metadata.outlet_from_hint(text) or (medium and metadata.outlet_from_hint(text[medium.end():])))


def _path_or_menu(text: str) -> bool:
    """A section path ("الدوري المصري > الأهلي") or a menu flattened onto one line, from the site's home
    ("الرئيسية سياسة اقتصاد ثقافة رياضة"): no headline is written so."""
    if (_PATH_SEPARATOR.search(text) or len(_MENU_GAPS.findall(text)) >= 3 or _language_switcher(text)
            or _bar_menu(text)):
        return True
    words = line_key(text).split()
    return len(words) >= 4 and words[0] in _rules().breadcrumb_starts and not _SENTENCE_MARKS.search(text)


_BAR = re.compile(r"\s[|｜]\s")


def bar_headline(text: str) -> str | None:
    """The headline of a line that bars it off from its section or its site ("أخبار الرياضة | الهلال يتوج
    بلقب الدوري", "headline | Site"): the one part of four words or more beside parts of three or fewer.
    A menu's items are all short, and a headline that holds a bar of its own has two long parts."""
    parts = [p.strip() for p in _BAR.split(text)]
    long = [p for p in parts if len(p.split()) >= 4]
    if not 2 <= len(parts) <= 3 or len(long) != 1 or any(not p for p in parts):
        return None
    return long[0]


def _title_index(lines: list[_Line], top: list[int], first: int) -> int | None:
    """Which line above the body is the headline: the first headline-shaped line that shares news words
    with the lead (two, or one for a line of four words or more). A site menu's items ("أخبار مصر",
    "عربي ودولي", "تخطى إلى المحتوى") come first on a scraped page but share nothing with the story.
    Without such a line, a short question opening the body under page furniture is the headline when it
    shares words with the paragraph after it ("لماذا ارتفعت أسعار الكاكاو ...؟": it ends like a sentence, so
    it was read as the lead); else the first headline-shaped line, as before."""
    shaped = [i for i in top if _headline_or_question(lines[i])
              and (not _path_or_menu(lines[i].text) or bar_headline(lines[i].text))
              and not is_date_line(lines[i].text, lines[i].key) and not _is_byline(lines[i])
              and _credit_line_reason(lines[i]) is None and _outlet_line(lines[i]) is None
              and not _masthead(lines, top, i)]
    found = _sharing_lead(lines, shaped, first)
    if found is not None and _URGENT.match(lines[found].text):
        # "عاجل: حريق في مصافي عدن ..." is the site's ticker over the story's own headline, when one follows
        later = _sharing_lead(lines, [i for i in shaped if i > found and not _URGENT.match(lines[i].text)
                                      and not _is_caption_credit(lines[i].text, lines[i].key)], first)
        lead = _lead_words(lines, first)
        if later is not None and _distinct_shared(lines[later], lead) > _distinct_shared(lines[found], lead):
            found = later                       # (one that tells the lead better; "عاجل | ..." may be the headline)
    if found is not None:
        return _below_kicker(lines, shaped, found, first)
    if top and first < len(lines) and lines[first].kept and lines[first].words <= QUESTION_TITLE_WORDS \
            and lines[first].text.rstrip().endswith(("؟", "?")):
        after = next((i for i in range(first + 1, len(lines)) if lines[i].kept and _is_paragraph(lines[i])), None)
        if after is not None and _sharing_lead(lines, [first], after) is not None:
            return first
    return next((i for i in shaped if looks_like_headline(lines[i].text, lines[i].words)), None)


def _masthead(lines: list[_Line], top: list[int], i: int) -> bool:
    """The page's first line right above the site's menu ("كووورة - الدوري السعودي" over "الرئيسية | أخبار |
    مباريات"): the site's name and section, never the story's headline, which comes under the menu."""
    if not top or i != top[0]:
        return False
    after = next((j for j in range(i + 1, len(lines)) if lines[j].text.strip()), None)
    return after is not None and _path_or_menu(lines[after].text)


KICKER_SLACK = 2            # a kicker may be this many words longer than the headline under it
KICKER_MARGIN = 0.2         # how much more of the lead sentence the headline under a kicker tells


def _below_kicker(lines: list[_Line], shaped: list[int], found: int, first: int) -> int:
    """The headline under a kicker: many pages print a short overline over the headline ("84 صوتاً لسلام...
    و«الثنائي» خارج التسمية" over "عون يكلّف نواف سلام تشكيل الحكومة"), and both share words with the lead.
    The headline is the one that tells the lead sentence: when the next line above the body is
    headline-shaped too, no longer than the found line by more than KICKER_SLACK words (a deck under a
    headline is longer) and a larger share of its news words is in the lead sentence (KICKER_MARGIN more, and
    two words at least), it is the headline and the found line its kicker."""
    after = next((i for i in range(found + 1, first) if lines[i].kept), None)
    if after is None or after not in shaped or lines[after].words > lines[found].words + KICKER_SLACK:
        return found
    lead = _lead_words(lines, first, 1)
    if _distinct_shared(lines[after], lead) < 2:
        return found
    if _lead_share(lines[after], lead) >= _lead_share(lines[found], lead) + KICKER_MARGIN:
        return after
    return found


def _lead_share(line: _Line, lead: set[str]) -> float:
    """The share of a line's distinct news words that the lead has."""
    words = {word for word in set((line.key or line_key(line.text)).split()) if _news_words(word)}
    return _distinct_shared(line, lead) / len(words) if words else 0.0


def _sharing_lead(lines: list[_Line], candidates: list[int], lead_at: int) -> int | None:
    """The candidate line that shares news words with the lead paragraphs at `lead_at`: the first sharing
    two words or more that is longer than a menu item, else a shorter one, and a short line inside a run
    of short lines (a menu's "البطولة الاحترافية" over a league report, a section label "تقنية | شركات" over
    a tech story, the outlet's name the body cites) only when no other does; else the first of four words
    or more sharing one."""
    lead = _lead_words(lines, lead_at)
    distinct = {i: _distinct_shared(lines[i], lead) for i in candidates}
    menu_like = {i for i in candidates if _in_short_run(lines, i)}
    for wanted in (lambda i: lines[i].words > MENU_ITEM_WORDS,      # a headline is longer than a menu item
                   lambda i: i not in menu_like,                     # a short headline
                   lambda i: True):
        found = next((i for i in candidates if distinct[i] >= 2 and wanted(i)), None)
        if found is not None:
            return found
    return next((i for i in candidates if distinct[i] == 1 and lines[i].words >= 4), None)


def _lead_words(lines: list[_Line], lead_at: int, count: int = 2) -> set[str]:
    """The news words (each in its forms) of the lead's first `count` lines."""
    lead: set[str] = set()
    for line in lines[lead_at:lead_at + count]:
        if line.kept:
            lead.update(*_news_words(line.key or line_key(line.text)))    # long lines are not keyed
    return lead


def _distinct_shared(line: _Line, lead: set[str]) -> int:
    """How many different words of the line the lead also has (a word repeated counts once)."""
    key = line.key or line_key(line.text)
    return len({word for word in set(key.split()) if any(forms & lead for forms in _news_words(word))})


def _in_short_run(lines: list[_Line], i: int) -> bool:
    """A line of at most MENU_ITEM_WORDS words between two more such lines: an item of a menu."""
    if lines[i].words > MENU_ITEM_WORDS or i == 0 or i + 1 >= len(lines):
        return False
    return all(lines[j].words <= MENU_ITEM_WORDS and not lines[j].sentence for j in (i - 1, i + 1))


def _headline_or_question(line: _Line) -> bool:
    """Headline-shaped, or a headline that asks ("لماذا ارتفعت أسعار الكاكاو؟")."""
    if looks_like_headline(line.text, line.words):
        return True
    return 2 <= line.words <= 30 and line.text.rstrip().endswith(("؟", "?"))


def _clean_top(lines: list[_Line], first: int, title: str | None, out: CleanText,
               section: str | None = None) -> None:
    """Above the body: date stamps, datelines, bylines, photo credits, the page's section label, the title
    and any second headline. Short lines above the headline are the site's menu and are removed."""
    title_key = line_key(title) if title else ""
    section_key = line_key(section) if section else ""
    above = [i for i in range(min(first, len(lines))) if lines[i].kept]
    chosen = None if title_key else _title_index(lines, above[:2 * TOP_ZONE_MAX], first)
    if chosen is not None and chosen == first:
        above.append(first)                                        # a question headline read as the lead
    start = above.index(chosen) if chosen is not None else 0      # a long menu does not use up the zone
    top = above[:start + TOP_ZONE_MAX]
    kicker = _kicker_above(lines, above, chosen, first)
    just_above = max((i for i in above if i < first), default=None)
    title_at = chosen
    last_stamp = -1
    for k, i in enumerate(top):
        line = lines[i]
        if k and lines[top[k - 1]].why == "date line" and out.date_lines and _BARE_TIME.match(line.text):
            line.why = "date line"              # "02:10 م" under "الاثنين ... 26 مايو 2025": that date's time
            if not _HAS_TIME.search(out.date_lines[-1]):
                out.date_lines[-1] += " " + line.text.strip()
        elif _take_stamp_or_byline(line, out):
            pass
        elif section_key and line.key == section_key and line.words <= MENU_WORDS:
            line.why = "section label"          # Echorouk's "الجزائر" over the story: its section, no dateline
            continue
        elif reason := _credit_line_reason(line):
            line.why = reason
            out.credits.append(line.text)
        elif title_at is not None and i > title_at and (name := _name_with_role(line)):
            line.why = "byline"                 # "سعد الساعدي مراسل @saadsaadi" under the headline
            out.names.append(name)
        elif title_at is not None and i > title_at and i == just_above and _person_caption(line):
            line.why = "caption"                # "إمام عاشور لاعب الأهلي" over the lead: its photo's caption
            continue
        elif title_at is not None and i > title_at and not any(ln.kept for ln in lines[title_at + 1:i]) \
                and _bare_name(line):
            line.why = "byline"                 # "سامر الحسيني" alone under the headline
            out.names.append(line.text)
        elif title_at is not None and i > title_at and _stamp_below(lines, top[k + 1:k + 2]) and _bare_name(line):
            line.why = "byline"                 # "سارة الحسيني" under a standfirst, over the source or the date
            out.names.append(line.text)
        elif title_at is not None and i > title_at and lines[i - 1].why in _STAMP_REASONS \
                and _stamp_below(lines, top[k + 1:k + 2]) and _name_shaped(line):
            line.why = "byline"                 # 'المصدر: "النهار"' / "جويل الفغالي" / the date: between two
            out.names.append(line.text)         # stamps a name-shaped line signs, whatever its given name
        elif chosen is not None and k and i < chosen and top[k + 1:k + 2] == [chosen] \
                and lines[top[k - 1]].why in _STAMP_REASONS and _bare_name(line):
            line.why = "byline"                 # "ميراي عبدالله" between the page's stamp and the headline
            out.names.append(line.text)
        elif chosen is not None and i > chosen and line.words <= 2 and metadata.is_known_place(line.text):
            line.why = "dateline"               # QNA's "الدوحة" alone under the headline
            out.credits.append(line.text)
        elif title_key and _same_as_title(line, title_key):
            line.why = "title"
            title_at = i if title_at is None else title_at
            continue
        elif line.words <= CAPTION_MAX_WORDS and not line.sentence and _is_caption_credit(line.text, line.key):
            line.why = "image credit"
        elif (chosen is None or i >= chosen or i in above[:2]) and (
                oid := _outlet_line(line, masthead=chosen is not None and i == above[0] < chosen)) is not None:
            line.why = "outlet name"            # (inside the menu, "الشرق الأوسط" is the region's section)
            out.outlets.append(oid)
        elif title_at is not None and i > title_at and _one_word_label(line):
            line.why = "section label"          # "صحة" or "رياضة" under the headline: the story's section
            continue
        elif title_key and title_at is None and _label_among_header(lines, top, k):
            line.why = "section label"          # a feed record's content opening "القاهرة 24 / رياضة / كتب:
            continue                            # ...": the record gives the title, the page's header came along
        elif not title_key and i == chosen:
            out.title = bar_headline(line.text) or line.text
            title_key = line_key(out.title)
            line.why = "title"
            continue
        else:
            if i == kicker:
                line.why = "kicker"
            elif chosen is not None and i < chosen and line.words <= MENU_WORDS and not line.sentence:
                line.why = "menu"
            continue
        last_stamp = i
    # A headline-shaped line above the last stamp (date, dateline, byline) among the first lines is page
    # header: a second headline, a kicker. Below the last stamp it may be the article's own short lead.
    for i in top[:HEADER_ZONE]:
        line = lines[i]
        if line.kept and i < last_stamp and looks_like_headline(line.text, line.words):
            line.why = "headline"
    # A caption that repeats a body sentence sits above the body, under the title.
    candidates = [i for i in top if lines[i].kept and 6 <= lines[i].words <= CAPTION_MAX_WORDS
                  and not lines[i].sentence]
    if candidates:
        body = "\n".join(line_key(ln.text) for ln in lines[first:] if ln.kept and _is_paragraph(ln))
        for i in candidates:
            if lines[i].key in body:
                lines[i].why = "caption repeated from the body"


PERSON_CAPTION_MAX = 7      # "إمام عاشور لاعب الأهلي": a name, a role, what it is of


@lru_cache(maxsize=1)
def _caption_roles() -> frozenset[str]:
    return frozenset(_without_article(k) for k in _keys(metadata._load("boilerplate.json")["caption_roles"]))


def _person_caption(line: _Line) -> bool:
    """A photo caption that only names who is pictured: a name of two or three words, then a role or trade
    (caption_roles: لاعب, الفنانة, وزير) and what it is of ("إمام عاشور لاعب الأهلي", "سلمى الزغلامي
    المخرجة التونسية"); no function word, no digit, no punctuation: a standfirst is a sentence and says more."""
    if not 4 <= line.words <= PERSON_CAPTION_MAX or line.sentence or _DIGIT_IN.search(line.text) \
            or _SENTENCE_MARKS.search(line.text) or not line.key:
        return False
    words = line.key.split()
    roles = _caption_roles()
    at = next((i for i, w in enumerate(words) if _without_article(w) in roles
               or " ".join(words[i:i + 2]) in roles), None)
    if at not in (2, 3) or at + 1 >= len(words):
        return False
    return not any(w in _FUNCTION_WORDS for w in words) and not any(w.startswith("ي") for w in words[:at])


_STAMP_REASONS = frozenset(("date line", "source credit", "byline", "dateline"))


def _one_word_label(line: _Line) -> bool:
    """A single word of letters, no digit and no sentence mark ("صحة", "رياضة", "محليات"): between the
    headline and the story it is the section the page files the story under, never a line of the story (a
    place alone there is its dateline, a name alone is read by the byline rules first)."""
    return line.words == 1 and not line.sentence and _NAME_LINE_ONE.match(line.text) is not None


_NAME_LINE_ONE = re.compile(r"^[^\W\d_]{2,}$")
_HEADER_NEIGHBOURS = frozenset(("outlet name", "menu", "breadcrumb", "date line", "byline", "source credit"))


def _label_among_header(lines: list[_Line], top: list[int], k: int) -> bool:
    """A one-word label in Arabic letters (no known place: that is a dateline) that the page's header
    surrounds: under the outlet's name or menu, or over the date stamp or byline. Where no headline line
    shows the header's place (a feed record gives its title apart from its content), this tells the
    section from a topic word heading the story ("البابونج" over a reader's question)."""
    line = lines[top[k]]
    if not _one_word_label(line) or not _ARABIC_LETTER.search(line.text) or metadata.is_known_place(line.text):
        return False
    if k and lines[top[k - 1]].why in _HEADER_NEIGHBOURS:
        return True
    below = lines[top[k + 1]] if k + 1 < len(top) else None
    return below is not None and (is_date_line(below.text, below.key) or _is_byline(below))


def _kicker_above(lines: list[_Line], above: list[int], chosen: int | None, first: int) -> int | None:
    """The kept line right above the chosen headline when it is a kicker: headline-shaped and telling the
    lead too (two news words), as "بنسبة 94.65 بالمائة حسب النتائج المؤقتة" over "تبون رئيسا للجزائر لعهدة
    ثانية". A menu's last item over the headline shares nothing with the lead."""
    if chosen is None:
        return None
    before = [i for i in above if i < chosen]
    if not before:
        return None
    line = lines[before[-1]]
    if not looks_like_headline(line.text, line.words) or _distinct_shared(line, _lead_words(lines, first)) < 2:
        return None
    return before[-1]


NAME_WORDS = 4              # a writer's name alone on its line has at most this many words
_NAME_WORD = "[\u0621-\u063a\u0641-\u064a][\u0621-\u063a\u0641-\u064a\u064b-\u0652]*"      # letters, no tatweel
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD})+$")
_INITIAL_NAME = re.compile(rf"^[\u0621-\u063a\u0641-\u064a]\.\s?[\u0621-\u063a\u0641-\u064a]{{3,}}(?: {_NAME_WORD}){{0,2}}$")


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(_keys(metadata._load("person_names.json")["given_names"]))


def _stamp_below(lines: list[_Line], below: list[int]) -> bool:
    """The line below is the page's date stamp or a credit already taken ("المصدر: الشرق")."""
    return bool(below) and (lines[below[0]].why in _STAMP_REASONS
                            or is_date_line(lines[below[0]].text, lines[below[0]].key))


def _name_shaped(line: _Line) -> bool:
    """Two or three Arabic words and nothing else, the last one with the article or a family name's shape, no
    function word and no word shaped like a present-tense verb: a name whose given name marsad may not know
    ("جويل الفغالي"), for a place where a name is expected (between the source credit and the date)."""
    if not 2 <= line.words <= 3 or not _NAME_LINE.match(line.text):
        return False
    words = line.key.split()
    return (len(words) == line.words and not any(w in _FUNCTION_WORDS for w in words)
            and not any(w[0] in "يت" and w not in _given_names() for w in words[1:])
            and not metadata.is_known_place(line.text) and metadata.outlet_from_hint(line.text) is None)


def _bare_name(line: _Line) -> bool:
    """A writer's name alone on its line ("سامر الحسيني", "عبد الله الشرقاوي"): two to NAME_WORDS Arabic
    words and nothing else, opening with a known given name (or عبد...), and no word of a sentence (a
    function word, or a later word shaped like a present-tense verb: "محمد صلاح يقود ليفربول"). A name
    after its given name's initial ("ك. سمير", as Algerian papers sign) counts too."""
    if _INITIAL_NAME.match(line.text):
        return not any(w in _FUNCTION_WORDS for w in line.key.split()[1:])
    honorific = _HONORIFIC.match(line.text)
    if honorific:                               # "د. مشاري الفضلي" signing an op-ed
        line = _make_line(line.text[honorific.end():])
    if not 2 <= line.words <= NAME_WORDS or not _NAME_LINE.match(line.text):
        return False
    words = line.key.split()
    if len(words) < 2 or not (words[0] in _given_names() or words[0].startswith("عبد")):
        return False
    return not any(w in _FUNCTION_WORDS or (w[0] in "يت" and w not in _given_names()) for w in words[1:])


# a writer's role after the name ("سعد الساعدي مراسل", "مراسلة اندبندنت عربية"), a handle or two after that
_ROLE_AFTER_NAME = re.compile(r"^(?P<name>[^\d@:|()«»\"]+?)\s+(?:مراسل|مراسلة|محرر|محررة)(?:\s+[^\W\d_]+){0,3}$")


def _name_with_role(line: _Line) -> str | None:
    """The writer's name of a line that gives a name, then its role (مراسل, محرر) and maybe its social
    handle ("سعد الساعدي مراسل @saadsaadi"): a byline; a sentence has more than this."""
    if line.words > 9 or line.sentence:
        return None
    found = _ROLE_AFTER_NAME.match(" ".join(metadata.without_handles(line.text).split()))
    if not found:
        return None
    name = found.group("name").strip(" ،,-–—")
    return name if _bare_name(_make_line(name)) else None


# an honorific before a writer's name: "د.", "أ.د.", "م.", "الدكتور", "الأستاذة"
_HONORIFIC = re.compile(r"^\s*(?:(?:أ\.\s*)?د|أ|م)\.\s*|^\s*(?:الدكتور|الدكتورة|الأستاذ|الأستاذة|المهندس|المهندسة)\s+")

BODY_HEAD_LINES = 4       # a standfirst may push the page's date stamp below the first paragraph


def _clean_body_head(lines: list[_Line], first: int, out: CleanText) -> None:
    """A date stamp among the first lines of the body: a standfirst paragraph under the headline puts
    the page's stamp below where the body starts ("... خارج أفريقيا." then "14.08.2024"). A line that is
    only a date is never the story's own text there."""
    head = [i for i in range(first, len(lines)) if lines[i].kept][:BODY_HEAD_LINES]
    for i in head:
        line = lines[i]
        if line.words <= 18 and not _is_paragraph(line):
            _take_stamp(line, out)


_DIGIT_IN = re.compile(r"\d")
_ADDRESS = re.compile(r"[/@]|\w\.\w")       # a web or mail address, not a name signing off
COMMENT_MAX_WORDS = 60    # a reader's comment is short; a longer paragraph under a comment count is the story
_NEXT_SECTIONS = frozenset(("related-articles list", "most-read list", "copyright notice", "tags", "newsletter prompt"))
# "2 تعليقات", "التعليقات (2)", Hespress's "تعليقات الزوار (2)"
_COMMENTS_HEADER = re.compile(r"^(?:\d+ )?(?:التعليقات|تعليقات|تعليق|comments?)(?: (?:الزوار|القراء))?(?: \d+)?$")


def _clean_bottom(lines: list[_Line], last: int, out: CleanText, stats: LineStats | None) -> None:
    """Below the body: readers' comments, stamps and bylines, then a run of link-like lines (related
    articles, most read)."""
    # "2 تعليقات" / "التعليقات (2)" and what readers wrote under it: their names, "منذ ساعتين", their words,
    # "رد" -- up to the page's next section. A header with its count may sit above comments long enough to
    # read as the body's last paragraphs; one without a count only below the body.
    first = _body_bounds(lines)[0]
    header = next((i for i in range(first + 1, len(lines)) if _COMMENTS_HEADER.match(lines[i].key or "")
                   and (i > last or _DIGIT_IN.search(lines[i].key))), None)
    if header is not None and header <= last and any(ln.kept and ln.words > COMMENT_MAX_WORDS
                                                      for ln in lines[header + 1:]):
        header = None                   # the story goes on under the count: a share bar, not the comments
    if header is not None:
        if lines[header].kept:
            lines[header].why = "reader comments"
        headers = _rules().list_headers
        for line in lines[header + 1:]:
            if line.key in headers or line.why in _NEXT_SECTIONS and line.why != "related-articles list":
                break
            if line.kept or line.why == "related-articles list":   # a list run on into the comments
                line.why = "reader comments"
    tail = [i for i in range(last + 1, len(lines)) if lines[i].kept]
    for i in tail:
        _take_stamp_or_byline(lines[i], out)
    _bottom_leftovers(lines, last, out)
    for i in tail:
        if lines[i].kept and not _ADDRESS.search(lines[i].text) and (oid := _outlet_line(lines[i])) is not None:
            lines[i].why = "outlet name"        # the outlet signing off under its story ("الشروق أونلاين"); a
            out.outlets.append(oid)             # link under the story ("http://sabq.org/...") is one of its lines
    tail = [i for i in tail if lines[i].kept]
    # Headlines of other articles without a list header: headline-shaped lines after a body that ended its
    # last sentence (a sentence wrapped over short lines does not end before them); not a numbered or
    # bulleted list. A poem's verses have the same shape, so the run needs more evidence: three or more
    # lines of which half were seen in other documents (sidebars repeat across pages), or, without
    # recurrence counts, five or more lines with no comma or ellipsis (verses and prose have them).
    if last < 0 or not lines[last].sentence:
        return
    links = [i for i in tail if lines[i].kept]
    if len(links) < 3 or not all(4 <= lines[i].words <= PARAGRAPH_WORDS and not lines[i].sentence
                                 and looks_like_headline(lines[i].text, lines[i].words)
                                 and not _LIST_ITEM.match(lines[i].text) for i in links):
        return
    if stats is not None and stats.documents >= 20:
        seen = sum(1 for i in links if stats.count(lines[i].text) >= 2)
        evidence = seen * 2 >= len(links)
    else:
        evidence = len(links) >= 5 and not any(("،" in lines[i].text or ".." in lines[i].text
                                                or "…" in lines[i].text) for i in links)
    if evidence:
        for i in links:
            lines[i].why = "related-articles list"


# a follow prompt ending with one of these goes on on the next line: "تابع أحدث الأخبار عبر تطبيق"
_PROMPT_OPEN = frozenset(line_key(w) for w in ("عبر", "على", "في", "من", "تطبيق", "منصة", "حساب", "حسابنا", "قناة",
                                               "قناتنا", "صفحة", "صفحتنا", "موقع"))
TAG_WORDS = 4                # a tag ("كوارث طبيعية", "رجب طيب أردوغان") is this short
_FURNITURE = frozenset(("share prompt", "follow prompt", "related-articles list", "most-read list", "tags",
                        "copyright notice", "newsletter prompt", "comment prompt", "read-more link", "cookie notice"))


def _bottom_leftovers(lines: list[_Line], last: int, out: CleanText) -> None:
    """Below the body, once the page's furniture has begun (a share or follow prompt, a related list):
    - the names under a contributors' header alone on its line ("المساهمون" over "العربي الجديد", "وكالات"):
      removed as bylines, an agency's or outlet's name kept as a credit, a writer's as a name;
    - a network or app named on the line after a follow prompt that does not end ("تابع أحدث الأخبار عبر
      تطبيق" over "google news"): the same prompt;
    - short lines of TAG_WORDS words at most, no digit and no sentence mark, two or more and nothing else
      kept there: the story's tags printed without their header."""
    rules = _rules()
    after = range(last + 1, len(lines))
    for i in after:
        line = lines[i]
        if line.why == "byline" and line.words <= 2 and line.key in rules.exact:
            for j in range(i + 1, len(lines)):
                nxt = lines[j]
                if not nxt.kept or nxt.words > TAG_WORDS or nxt.sentence or _SENTENCE_MARKS.search(nxt.text):
                    break
                nxt.why = "byline"              # a contributor: the outlet, the wires, a writer
                (out.credits if metadata.is_agency(nxt.text) else out.names).append(nxt.text)
        elif line.why == "follow prompt" and line.key and line.key.split()[-1] in _PROMPT_OPEN \
                and i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.kept and nxt.words <= 3 and not nxt.sentence and not _DIGIT_IN.search(nxt.text):
                nxt.why = "follow prompt"       # the prompt's network on a line of its own
    start = next((i for i in after if lines[i].why in _FURNITURE), None)
    if start is None:
        return
    kept = [i for i in range(start + 1, len(lines)) if lines[i].kept]
    if len(kept) >= 2 and all(lines[i].words <= TAG_WORDS and not lines[i].sentence
                              and not _DIGIT_IN.search(lines[i].text) and not _SENTENCE_MARKS.search(lines[i].text)
                              for i in kept):
        for i in kept:
            lines[i].why = "tags"


def _clean_captions(lines: list[_Line], title_key: str) -> None:
    """Captions: a short unpunctuated line printed twice in a row (image alt text, then caption) or again
    elsewhere (five words or more, so a repeated refrain or "المقادير:" stays), and a line naming a photo
    or its credit. The title printed again inside the page goes too."""
    short = {i for i, ln in enumerate(lines) if ln.kept and ln.words <= CAPTION_MAX_WORDS and not ln.sentence
             and ln.key and not _LIST_ITEM.match(ln.text)}
    seen: Counter[str] = Counter(lines[i].key for i in short)
    for i in sorted(short):
        line = lines[i]
        if title_key and line.key == title_key:
            line.why = "title"
        elif _is_caption_credit(line.text, line.key):
            line.why = "image credit"
        elif seen[line.key] >= 2:
            twice = any(j in short and lines[j].key == line.key for j in (i - 1, i + 1))
            if twice or (line.words >= 5 and not line.text.endswith(":")):
                line.why = "caption"
    for line in lines:
        if line.kept and line.sentence and line.words <= CAPTION_MAX_WORDS and is_photo_caption(line.text):
            line.why = "image credit"           # "... في منزله في زحلة (أرشيف «النهار»)." ends with a stop
    first, last = _body_bounds(lines)
    for i, line in enumerate(lines):
        if line.kept and (i < first or i > last) and _person_at_event(line):
            line.why = "caption"
    for i, line in enumerate(lines[:-1]):
        # a caption label alone on its line ("التعليق على الصورة،"): the caption is the next line
        if line.why == "image credit" and line.words <= 4 and line.text.rstrip()[-1:] in "،,:":
            after = lines[i + 1]
            if after.kept and after.words <= CAPTION_MAX_WORDS and not after.sentence:
                after.why = "caption"


PERSON_CAPTION_WORDS = 12   # "الوزيرة نزهة الإدريسي خلال الندوة الصحافية بالرباط" is a caption this short
_DURING = frozenset(("خلال", "اثناء", "لدي"))


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Words a line naming a person opens with, without the article: role titles, honorifics, ranks
    (titles.json, the first word of each) and given names."""
    titles = metadata._load("titles.json")
    words = {k.split()[0] for group in ("heads", "honorifics", "ranks", "royal_titles") for k in _keys(titles[group])}
    return frozenset({_without_article(w) for w in words} | _given_names())


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _person_at_event(line: _Line) -> bool:
    """A photo caption that names a person at an event: "الوزيرة نزهة الإدريسي خلال الندوة الصحافية
    بالرباط", "محافظ الأفلاج أثناء مشاركته في الفعاليات". A role title or a given name first, خلال / أثناء /
    لدى within the next five words, no verb after it (a word opening with ي: "... خلال لقائه يؤكد" is a
    headline), no colon or question, and at most PERSON_CAPTION_WORDS words that do not end like a sentence.
    Only looked for above or below the body: between paragraphs the same shape is a subheading."""
    if line.words > PERSON_CAPTION_WORDS or line.sentence or any(c in line.text for c in ":؟?"):
        return False
    words = line.key.split()
    during = next((i for i, w in enumerate(words[:6]) if w in _DURING), None)
    if not during or during + 1 >= len(words) or _without_article(words[0]) not in _person_words():
        return False
    return not any(w.startswith("ي") for w in words[during + 1:])


def _clean_recurring(lines: list[_Line], first: int, last: int, stats: LineStats, outlet: str | None) -> None:
    for i, line in enumerate(lines):
        if not line.kept or line.words > LineStats.MAX_WORDS:
            continue
        if first <= i <= last and line.sentence:
            continue                    # a formulaic sentence between body paragraphs is content
        if stats.is_recurring_key(line.key, outlet):
            line.why = "recurring line"


PHOTO_ITEM_WORDS = 5       # a caption this long can be a photo item's whole text ("جانب من فعاليات المهرجان ...")


def _keep_photo_caption(lines: list[_Line]) -> None:
    """A photo item is its caption: when nothing else is left, the longest caption of PHOTO_ITEM_WORDS words
    or more is the article's text rather than a reason to reject it ("صورة أرشيفية (رويترز)" is none)."""
    if any(line.kept for line in lines):
        return
    captions = [ln for ln in lines if ln.why in ("image credit", "caption", "caption repeated from the body")
                and ln.words >= PHOTO_ITEM_WORDS]
    if captions:
        max(captions, key=lambda ln: ln.words).why = None


def clean_text(text: str, title: str | None = None, line_stats: LineStats | None = None,
               outlet: str | None = None, section: str | None = None) -> CleanText:
    """Clean one decoded text (see the module doc for the evidence used). `title` is the known title, if
    any (the title line and its variants at the top are removed); else the first headline-shaped line at
    the top becomes the title. `outlet` keys the per-outlet recurrence counts of `line_stats`. `section`
    is the page's own section name (an HTML page's article:section), a label wherever it stands above the
    body."""
    texts = split_lines(text or "")
    last_long = max((i for i, t in enumerate(texts) if t.count(" ") + 1 >= PARAGRAPH_WORDS), default=-1)
    lines = [line for i, t in enumerate(texts) for line in _unglue(t, i >= last_long, i == 0)]
    out = CleanText([], [])
    if not lines:
        return out
    _apply_rules(lines)
    _long_headline(lines)
    first, last = _body_bounds(lines)
    _settle_pending(lines, first, last)
    _peel_edges(lines)
    first, last = _body_bounds(lines)
    _clean_top(lines, first, title, out, section)
    if not title and first < len(lines) and lines[first].why == "title":
        # the headline was the question read as the lead: what sits under it is header too, and so are
        # the edge-only leftovers between it and the real lead ("ملخص")
        first = _body_bounds(lines)[0]
        for line in lines[:first]:
            if line.kept and line.pending:
                line.why = line.pending
        _clean_top(lines, first, out.title, out, section)
    _clean_body_head(lines, _body_bounds(lines)[0], out)
    out.title = title = title or out.title
    if out.title:
        out.title = _RUBRIC.sub("", out.title) or out.title     # "عاجل | ترامب يعلن ...": the news, not its flag
    _clean_captions(lines, line_key(title) if title else "")
    if line_stats is not None:
        first, last = _body_bounds(lines)
        _clean_recurring(lines, first, last, line_stats, outlet)
    first, last = _body_bounds(lines)
    _clean_bottom(lines, last, out, line_stats)
    _keep_photo_caption(lines)
    for line in lines:
        if line.kept:
            out.paragraphs.append(line.text)
        else:
            out.removed.append(Removed(line.text, line.why or ""))
    return out


# -- documents -------------------------------------------------------------------------------------------


@dataclass
class _Page:
    """What trafilatura read from an HTML page."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    section: str | None = None
    credit: str | None = None       # the meta author naming the outlet that a JSON-LD Person replaced
    byline: str | None = None       # the credit line under the headline that names the place ("طرابلس - ...")


def extract_html(html: str, url: str | None = None) -> _Page:
    """Main text and metadata of an HTML page: text by trafilatura (comments excluded), metadata from the
    page's own tags (`metadata.page_metadata`), the page parsed once for both. trafilatura's favor_precision
    is off: on the fixture pages it returned the same text for 1.5x the time, and the line cleaning that
    follows is our precision pass. Tables are left out (their cells read as stray short lines)."""
    import trafilatura
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            raise NoArticleText("HTML not readable")
        page = metadata.page_metadata(tree)
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                          include_tables=False, with_metadata=False)
    except NoArticleText:
        raise
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise NoArticleText(f"HTML not readable: {type(exc).__name__}") from exc
    if doc is None or not (doc.text or "").strip():
        raise NoArticleText("no article text in the HTML")
    return _Page(doc.text, page.title, page.date, page.author, page.sitename, page.url, page.section, page.credit,
                 page.byline)


def clean_document(doc: Document, text: str, line_stats: LineStats | None = None) -> Article:
    """One decoded document -> a clean Article with its metadata and the list of what was removed and why.

    `text` is the decoded input (HTML source when doc.kind == "html"). The article id is computed from it
    before any cleaning, so the id is known without running this stage. Raises NoArticleText when nothing
    of an article is left."""
    raw = text or ""
    aid = article_id(doc.url, raw)
    page = None
    body = raw
    if doc.kind == "html":
        page = extract_html(raw, doc.url)
        body = page.text
    title_hint = metadata.extract_title(doc, [], page.title if page else None)
    cleaned = clean_text(body, title=title_hint, line_stats=line_stats, outlet=doc.outlet_hint,
                         section=page.section if page else None)
    if not cleaned.paragraphs:
        raise NoArticleText("only boilerplate" if cleaned.removed else "empty text")
    clean = cleaned.text
    if not _HAS_LETTER.search(clean):
        raise NoArticleText("no words (only digits and punctuation)")
    # the page's own name (its URL, the container's field, its site name, a line that is only its name
    # above the story) beats what the text says of itself ("قال لـ«النهار»" also names a namesake)
    outlet = (metadata.outlet_from_url(doc.url) or metadata.outlet_from_hint(doc.outlet_hint)
              or (_page_outlet(page) if page else None) or next(iter(cleaned.outlets), None)
              or _copyright_outlet(cleaned.removed)
              or metadata.outlet_from_text(body))
    credit = _credit(doc, cleaned, page, outlet)
    outlet = (outlet or _byline_outlet(credit) or metadata.site_of(doc.url or (page.url if page else None))
              or _dateline_outlet(credit, cleaned, body))
    if credit.agency and (_own_outlet(credit.agency, outlet) or credit.agency == outlet):
        credit.agency = None
    published = metadata.extract_published(doc, [*cleaned.date_lines, metadata.dateline_date(cleaned.paragraphs[0])],
                                           page.date if page else None)
    stamp_end = (metadata.dated_dateline_end(cleaned.paragraphs[0])
                 or metadata.wire_stamp_end(cleaned.paragraphs[0]))
    if stamp_end and len(cleaned.paragraphs[0]) > stamp_end:
        # "كسلا 15 يونيو 2025 — لقي ...", "الكويت - 10 - 3 (كونا) -- أيدت ...": the place, date and agency
        # are read; the stored lead starts at its news
        cleaned.removed.insert(0, Removed(cleaned.paragraphs[0][:stamp_end].strip(), "dateline"))
        cleaned.paragraphs[0] = cleaned.paragraphs[0][stamp_end:]
        clean = cleaned.text
    if (tail := _glued_signoff(cleaned.paragraphs[-1])) and len(cleaned.paragraphs[-1]) > tail:
        # "... غير قابل للطعن. (النهاية) م ع ح / ع ب ر": a wire's end mark and its editors run into the last
        cleaned.removed.append(Removed(cleaned.paragraphs[-1][tail:].strip(), "wire sign-off"))   # sentence
        cleaned.paragraphs[-1] = cleaned.paragraphs[-1][:tail].rstrip()
        clean = cleaned.text
    if outlet is None and credit.agency and metadata.is_wire(credit.agency) and _signed_off(cleaned.removed):
        # KUNA's own page: nothing names another outlet, the lead carries the wire's stamp and the story
        # ends on its editors' sign-off, which a paper running the story drops
        outlet = metadata.outlet_from_hint(credit.agency)
    if not _outlet_by_address(doc, page):
        outlet = metadata.settle_shared_outlet(outlet, "\n".join((body, page.title or "") if page else (body,)),
                                               credit.dateline)
    return Article(
        id=aid,
        source=doc.source,
        text=clean,
        url=doc.url or (page.url if page else None),
        outlet=outlet,
        title=cleaned.title,
        published=published,
        dateline=credit.dateline,
        agency=credit.agency,
        author=credit.author,
        language=metadata.extract_language(clean),
        encoding=doc.encoding,
        removed=cleaned.removed,
    )


_OWNER_LAM = re.compile(r"^[لب]ـ?(?=\w{3})")       # "لجريدة", "لـهسبريس": whose rights they are


def _copyright_outlet(removed: list) -> str | None:
    """The outlet a copyright line names ("جميع الحقوق محفوظة © هسبريس 2025", "© 2025 لجريدة القبس",
    "لشبكة الجزيرة"): a known name alone in brackets first (the short name after the long one:
    "لوكالة الأنباء والمعلومات الفلسطينية (وفا)"), else the longest run of its words, a leading ل/ب off, that
    is a known outlet's name. A one-word name right after a medium word ("الأنباء" in "لوكالة الأنباء
    الفلسطينية") is the generic phrase, not that outlet, unless nothing better is named."""
    for r in removed:
        if r.why != "copyright notice":
            continue
        for inner in _BRACKETED.findall(r.line):
            found = metadata.outlet_from_hint(inner)
            if found:
                return found
        words = [w for w in _WORDS_OF.findall(r.line) if not w.isdigit()]
        generic = None
        for n in range(COPYRIGHT_NAME_WORDS, 0, -1):
            for k in range(len(words) - n + 1):
                run = [_OWNER_LAM.sub("", words[k]), *words[k + 1:k + n]]
                found = metadata.outlet_from_hint(" ".join(run))
                if found and n == 1 and k and line_key(_OWNER_LAM.sub("", words[k - 1])) + " " in _MEDIUM_KEYS:
                    generic = generic or found
                elif found:
                    return found
        if generic:
            return generic
    return None


COPYRIGHT_NAME_WORDS = 4     # "وكالة الأنباء والمعلومات الفلسطينية": the longest outlet name looked for
_BRACKETED = re.compile(r"[(（]\s*([^()（）\d]{2,25}?)\s*[)）]")
_MEDIUM_KEYS = frozenset(("وكاله ", "صحيفه ", "جريده ", "موقع ", "مجله ", "قناه ", "اذاعه ", "شبكه "))


_WORDS_OF = re.compile(r"[^\W_]+")


def _byline_outlet(credit: metadata.Credit) -> str | None:
    """The outlet a byline names with its writer ("هسبريس - محمد بلقاسم"); a dateline's agency without a
    writer ("الرياض - واس") is a wire the article took its news from, not its outlet."""
    return metadata.outlet_from_hint(credit.agency) if credit.agency and credit.author else None


def _dateline_outlet(credit: metadata.Credit, cleaned: CleanText, text: str) -> str | None:
    """The outlet a dateline names where neither the page's address nor its own lines name one ("عمان -
    الدستور", "جدة: «الخليج»", "شفق نيوز- دهوك"): a paper or a site credits itself there, so a known outlet
    that is no wire is the page's own, and so is a name marsad does not know in that place after a known
    city (a quoted paper's name, kept as written); a name that is also a city is neither. A wire (وفا, واس) is the agency the story came from; it is the outlet too only
    when the story was also told to it ("قال ... لـ«وفا»"): many papers run a wire's story under its dateline.
    Only a dateline written in the text counts: a container's author field "RT" credits, it does not sign."""
    name = (credit.agency or "").strip()
    if not name or metadata.is_known_place(name):
        return None                             # "الرياض", "الخبر": a city as much as a paper
    if not any(name in line for line in [*cleaned.credits, *cleaned.date_lines, cleaned.paragraphs[0][:200]]):
        return None
    oid = metadata.outlet_from_hint(name)
    if metadata.is_wire(name):
        return oid if oid and _told_to(text, name) else None
    shared = metadata.sharing_name(name)
    if oid or shared:       # "نابلس - «الأيام»": the paper of that name the page's evidence points to, or none
        return metadata.settle_shared_outlet(oid or min(shared), text, credit.dateline)
    if metadata.is_agency(name):
        return None
    if name.isascii() or not (credit.dateline and metadata.is_known_place(credit.dateline)):
        return None     # "CNN", "AFP": maybe a wire marsad does not know; an unknown name needs a known place
    return name


def _told_to(text: str, name: str) -> bool:
    """The text says something was said or given to `name`: "لـ«وفا»", 'لـ"وفا"', "لوفا"."""
    key = normalize_for_matching(name)
    pattern = r"(?<![^\W\d_])ل\s?ـ?\s?[«\"“]?" + re.escape(key) + r"[»\"”]?(?![^\W\d_])"
    return re.search(pattern, normalize_for_matching(text)) is not None


def _outlet_by_address(doc: Document, page: _Page | None) -> bool:
    """The outlet is known from an address or an id, not from a name the page gives itself: the URL's or
    the page's canonical domain, or a container field holding an id or a domain ("alwatan", "okaz.com.sa")."""
    hint = (doc.outlet_hint or "").strip()
    return bool(metadata.outlet_from_url(doc.url) or (page and metadata.outlet_from_url(page.url))
                or (hint and (metadata.outlet_from_hint(hint) == hint or metadata.outlet_from_url(hint))))


def _page_outlet(page: _Page) -> str | None:
    return metadata.outlet_from_url(page.url) or metadata.outlet_from_hint(page.sitename)


def _own_outlet(agency: str, outlet: str | None) -> bool:
    """"روما - العربي الجديد" on Al-Araby: the article's own outlet credits no agency, unless it is a wire
    agency on its own site (كونا, وفا, الأناضول). The outlet's name without its qualifier counts too: "تونس -
    الشروق" on the page of "الشروق أونلاين", though another outlet is listed under the bare name."""
    if not outlet or metadata.is_wire(agency):
        return False
    if metadata.outlet_from_hint(agency) == outlet:
        return True
    key = line_key(agency)
    return bool(key) and any(name.startswith(key + " ") for name, oid in metadata.outlet_names().items()
                             if oid == outlet)


def _credit(doc: Document, cleaned: CleanText, page: _Page | None, outlet: str | None = None) -> metadata.Credit:
    """Dateline, agency and author: from the container's author field, the removed dateline/byline lines and
    the place and agency around a wire stamp's date, then a dateline opening the first paragraph; the first
    source to give a field wins."""
    found = metadata.Credit()
    sources: list[metadata.Credit | None] = [metadata.parse_author_field(doc.author_hint)]
    if page and page.author:                # the page's own author field beats a guess from its text, and
        sources.append(metadata.parse_author_field(page.author)   # may carry the place: "فلان - دبي"
                       or metadata.Credit(author=page.author))
    if page and page.credit:                # "يورونيوز مع أ ف ب": the wire, once a Person is the author
        sources.append(metadata.parse_author_field(page.credit))
    if page and page.byline:                # "طرابلس - بوابة الوسط: فلان" under the headline: the dateline
        sources.append(metadata.parse_credit(page.byline, strict=True))
    sources += [metadata.parse_credit(line) for line in cleaned.credits]
    lines_end = len(sources)                # up to here the page's own credit lines
    sources += [metadata.Credit(author=name) for name in cleaned.names]
    sources += [metadata.stamp_credit(line) for line in cleaned.date_lines]
    sources.append(metadata.extract_dateline(cleaned.paragraphs[0]))
    site = metadata.line_key(page.sitename) if page and page.sitename else None
    own = False
    for n, credit in enumerate(sources):
        if credit is None:
            continue
        found.dateline = found.dateline or credit.dateline
        if credit.agency and _own_outlet(credit.agency, outlet):
            own = True                      # the outlet itself is no agency; another credit line may name one
        elif credit.agency and not (own and n >= lines_end):   # ("المساهمون: العربي الجديد، وكالات"), no guess
            found.agency = found.agency or credit.agency       # from the lead's opening
        if credit.author and metadata.is_agency(credit.author):
            found.agency = found.agency or credit.author     # a page's author field "RT": no one's name
        elif credit.author and metadata.line_key(credit.author) != site:  # "البصرة - النخيل نيوز": the site
            found.author = found.author or credit.author
    return found
