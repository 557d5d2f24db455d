"""Article metadata: title, publication date, dateline and agency, author, outlet and language.

Each `extract_*` function returns a value or None (trafilatura's metadata module is the model: small
fallbacks tried in order). Container hints (a JSON title, a feed date, the SaudiNewsNet `source` id) win over
what we can guess from the text, because they were written by the publisher's own system.

Vocabulary is data: outlets in `data/outlets.json`, agencies and dateline places in `data/datelines.json`,
the words a date-only line may use in `data/boilerplate.json`. Dates themselves are parsed in one place,
`marsad.dates.parse_date`; this module only decides *which* string is the publication date.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from .arabic import ARABIC_LETTER, LATIN_LETTER, normalize_for_matching
from .records import Document

# -- shared line key ---------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _matching_table() -> dict[int, str | None]:
    """`normalize_for_matching` after NFKC is a character-by-character map (diacritics and tatweel deleted,
    Persian letters, alef, ya, teh marbuta and digits replaced); composed here into one table so a line is
    translated once instead of five times. tests/test_metadata.py checks it agrees with the original."""
    table: dict[int, str | None] = {}
    for code in range(0x0600, 0x0700):
        char = chr(code)
        mapped = normalize_for_matching(char)
        if mapped != char:
            table[code] = mapped or None
    return table


_MATCHING = _matching_table()


def line_key(line: str) -> str:
    """The form two lines are compared in: `normalize_for_matching`, punctuation and symbols dropped,
    spaces collapsed. "اضف تعليقاً واقرأ تعليقات القراء" and "أضف تعليقا، واقرأ تعليقات القراء!" share a key."""
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line).translate(_MATCHING)
    return _NON_WORD.sub(" ", line.lower()).strip()


def _load(name: str) -> dict:
    return json.loads(resources.files("marsad").joinpath("data", name).read_text(encoding="utf-8"))


# -- outlets -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Outlets:
    by_id: dict[str, str]                   # id (lowercase) -> id
    by_name: dict[str, str]                 # line_key(name) -> id; first outlet listed wins a shared name
    domains: list[tuple[str, str, str]]     # (host suffix, path prefix, id), longest first


@lru_cache(maxsize=1)
def _outlets() -> _Outlets:
    by_id: dict[str, str] = {}
    by_name: dict[str, str] = {}
    domains: list[tuple[str, str, str]] = []
    for outlet in _load("outlets.json")["outlets"]:
        oid = outlet["id"]
        by_id[oid.lower()] = oid
        for name in outlet["names"]:
            by_name.setdefault(line_key(name), oid)
        for domain in outlet["domains"]:
            host, _, path = domain.lower().partition("/")
            domains.append((host, "/" + path if path else "", oid))
    domains.sort(key=lambda d: (len(d[0]) + len(d[1])), reverse=True)
    return _Outlets(by_id, by_name, domains)


@lru_cache(maxsize=1)
def _outlet_countries() -> dict[str, str]:
    return {o["id"]: o["country"] for o in _load("outlets.json")["outlets"] if o.get("country")}


def outlet_country(outlet: str | None) -> str | None:
    """The ISO 3166 code of a known outlet's country (outlets.json), or None (unknown, or an international
    service)."""
    return _outlet_countries().get(outlet) if outlet else None


@lru_cache(maxsize=1)
def _shared_names() -> dict[str, frozenset[str]]:
    return {line_key(n): frozenset(ids) for n, ids in _load("outlets.json")["shared_names"].items()}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """line_key(name) -> ISO code, for the countries and cities of datelines.json's `countries`."""
    return {line_key(n): iso for iso, names in _load("datelines.json")["countries"].items() for n in names}


def place_country(place: str | None) -> str | None:
    """The country a dateline names ("كسلا" unknown: None; "دبي، الإمارات العربية المتحدة": AE)."""
    if not place:
        return None
    names = _country_names()
    for part in [place, *re.split(r"\s*[،,/]\s*", place)]:
        if line_key(part) in names:
            return names[line_key(part)]
    return None


def sharing_name(name: str) -> frozenset[str]:
    """The outlets that share a name ("الأيام": the Bahraini, Palestinian and Yemeni papers); empty for a
    name only one outlet or none bears."""
    return _shared_names().get(line_key(name), frozenset())


def settle_shared_outlet(outlet: str | None, text: str, dateline: str | None = None) -> str | None:
    """The outlet of a page that named itself by a name several outlets share (الوطن, الشروق أونلاين):
    the one an unshared name of theirs in the text points to ("الوطن العمانية"), else the one of the
    dateline's country, else the one of the only country the page names (or names twice as often as any
    other); None without such evidence: a wrong outlet is worse than none. Any other outlet is returned
    as it is."""
    shared = _shared_names()
    members = frozenset().union(*(ids for ids in shared.values() if outlet in ids)) if outlet else frozenset()
    if not members:
        return outlet
    key = " " + line_key(text) + " "
    named = {oid for name, oid in outlet_names().items()
             if oid in members and name not in shared and f" {name} " in key}
    if len(named) == 1:
        return named.pop()
    candidates = named or members
    countries = {oid: outlet_country(oid) for oid in candidates}
    home = place_country(dateline)
    if home:
        found = [oid for oid, iso in countries.items() if iso == home]
        return found[0] if len(found) == 1 else None
    counts: dict[str, int] = {}
    names = _country_names()
    for word in key.split():                # "مصر", "بمصر", "والجزائر"
        iso = names.get(word) or (names.get(word[1:]) if word[:1] in "وبل" and len(word) > 4 else None)
        if iso:
            counts[iso] = counts.get(iso, 0) + 1
    for n in (2, 3, 4):                         # "جمهورية مصر العربية", "الإمارات العربية المتحدة"
        for phrase in re.findall(r"(?=(\S+(?: \S+){%d}))" % (n - 1), key):
            if phrase in _country_names():
                counts[_country_names()[phrase]] = counts.get(_country_names()[phrase], 0) + 1
    ranked = sorted(((counts.get(iso, 0), oid) for oid, iso in countries.items() if iso), reverse=True)
    if not ranked or ranked[0][0] == 0:
        return None
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return None
    return ranked[0][1]


def outlet_names() -> dict[str, str]:
    """line_key(name) -> outlet id, for every outlet name in the bundled list."""
    return _outlets().by_name


def outlet_from_url(url: str | None) -> str | None:
    """The outlet whose domain (or domain/path, for services such as bbc.com/arabic) the URL is on."""
    if not url:
        return None
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    path = parts.path.lower()
    for suffix, prefix, oid in _outlets().domains:
        if (host == suffix or host.endswith("." + suffix)) and (not prefix or path.startswith(prefix)):
            return oid
    return None


def site_of(url: str | None) -> str | None:
    """The host a URL is on, without "www.", as the outlet of a page whose site marsad does not know
    ("akhbar-alkhaleej.com"): an outlet named by its address is better than none when grouping by outlet."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    host = host[4:] if host.startswith("www.") else host
    return host if "." in host and not host.replace(".", "").isdigit() else None


def outlet_from_hint(hint: str | None) -> str | None:
    """A container's outlet field mapped to an outlet id: an id ("aawsat"), a domain or a name ("عكاظ")."""
    if not hint or not hint.strip():
        return None
    hint = hint.strip()
    outlets = _outlets()
    if hint.lower() in outlets.by_id:
        return outlets.by_id[hint.lower()]
    if "." in hint:
        found = outlet_from_url(hint)
        if found:
            return found
    return outlets.by_name.get(line_key(hint))


# Cues that a text names its own outlet: the outlet received, obtained or was told something, or the text is
# its content. "نقلت صحيفة X" / "بحسب X" / "ذكرت X" name another outlet as a source and are not cues.
_SELF_CUE_BEFORE = ("تلقته", "تلقتها", "تلقت", "حصلت", "حصلت عليه", "اطلعت عليه", "اطلعت عليها", "اطلعت", "علمت",
                    "قال ل", "قالت ل", "صرح ل", "صرحت ل", "اكد ل", "اكدت ل", "كشف ل", "كشفت ل", "اوضح ل", "اوضحت ل",
                    "اضاف ل", "حديث ل", "حديثه ل", "حديثها ل", "تصريح ل", "تصريحات ل", "تصريحه ل", "تصريحها ل",
                    "خاص ب", "خاص ل", "محتوي", "مراسل", "مراسله", "مراسلة", "موفد", "نشرته", "انفردت")
_QUOTED = re.compile(r"[«\"“{]([^«»\"“”{}\n]{2,40})[»\"”}]")


def outlet_from_text(text: str) -> str | None:
    """The outlet a text names as itself ("تلقته «الصباح»", "محتوى الحل نت", "خاص بـ«الشرق الأوسط»").

    A name counts only right after one of the cue phrases, in quotes or as a multi-word name: a one-word name
    such as الصباح or الرياض is also an ordinary word or a city, so unquoted it is not evidence. The outlet
    with most cues wins; None when there is none."""
    if not text:
        return None
    names = _outlets().by_name
    votes: dict[str, int] = {}
    norm = _cue_windows(text)
    if not norm:
        return None
    matches = list(_self_cue_pattern().finditer(norm)) + list(_SAID_TO.finditer(norm))
    for match in matches:
        quoted, bare = match.group("q"), match.group("b")
        candidate = line_key(quoted) if quoted else None
        if candidate is None and bare:
            words = line_key(bare).split()
            # try the longest multi-word name first ("الحل نت", "الشرق الاوسط")
            for n in (3, 2):
                if len(words) >= n and " ".join(words[:n]) in names:
                    candidate = " ".join(words[:n])
                    break
        if candidate and candidate in names:
            oid = names[candidate]
            votes[oid] = votes.get(oid, 0) + 1
    if not votes:
        return None
    return max(sorted(votes), key=lambda o: votes[o])


# Cheap first look on the raw text: only the neighbourhood of these stems is normalised and searched, so a
# long article costs a few regex scans rather than a full normalisation.
_CUE_STEMS = re.compile(r"تلق|حصل|[اأإ]طلع|[اأإ]طّلع|علم|محتو|مراسل|موفد|خاص|نشرت|[اأإ]نفرد|ل\s?ـ?\s?[«\"“{]")


def _cue_windows(text: str) -> str:
    """The normalised text around every cue stem, windows merged, joined by newlines."""
    spans: list[list[int]] = []
    for match in _CUE_STEMS.finditer(text):
        start, end = max(match.start() - 80, 0), match.end() + 80
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return "\n".join(_matching_form(text[a:b]) for a, b in spans)


def _matching_form(text: str) -> str:
    """`normalize_for_matching` by the composed table (punctuation kept, unlike `line_key`)."""
    return unicodedata.normalize("NFKC", text).translate(_MATCHING).lower()


@lru_cache(maxsize=1)
def _self_cue_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(normalize_for_matching(c)) for c in sorted(_SELF_CUE_BEFORE, key=len, reverse=True))
    quoted = "[«\"“{](?P<q>[^«»\"“”{}\n]{2,40})[»\"”}]"
    bare = "(?P<b>[^\\s.,،:«»\"“”]+(?: [^\\s.,،:«»\"“”]+){0,2})"
    return re.compile("(?:^|[\\s,،(])(?:" + cues + ")\\s?(?:" + quoted + "|" + bare + ")")


# "كشف الوزير لـ«الشرق الأوسط»": a speech verb, up to three words, then "to «outlet»" (an interview given to
# the outlet itself). Written in the normalised form (ا for أ, ه for ة) the text is searched in.
_SAID_TO = re.compile("(?:^|\\s)و?(?:قال|قالت|صرح|صرحت|كشف|كشفت|اكد|اكدت|اوضح|اوضحت|اضاف|اضافت|افاد|افادت|"
                      "حديث|حديثه|حديثها|تصريح|تصريحات|تصريحه|تصريحها)(?:\\s+[^\\s«\"“{]+){0,3}?\\s+ل\\s?"
                      "[«\"“{](?P<q>[^«»\"“”{}\\n]{2,40})[»\"”}](?P<b>)")


def extract_outlet(doc: Document, text: str = "") -> str | None:
    """Outlet id: from the URL's domain, else the container's hint, else the text's references to itself."""
    return outlet_from_url(doc.url) or outlet_from_hint(doc.outlet_hint) or outlet_from_text(text)


# -- language ----------------------------------------------------------------------------------------------

_PERSIAN_ONLY = re.compile("[پچژگکی]")
_URDU_ONLY = re.compile("[ٹڈڑںےۓھہ]")
_SORANI_ONLY = re.compile("[ێۆڕڵەڤ]")
_PASHTO_ONLY = re.compile("[ټډړږښګڼۍې]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_HEBREW = re.compile("[\u05d0-\u05ea]")
_GREEK = re.compile("[\u0370-\u03ff]")
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "ar": {"في", "من", "على", "الى", "إلى", "أن", "ان", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "قال"},
    "fa": {"است", "این", "که", "را", "از", "به", "با", "برای", "می", "های", "شده", "کرد", "یک", "آن"},
    "ur": {"کے", "کی", "ہے", "میں", "اور", "سے", "کا", "نے", "کو", "یہ", "ہیں"},
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "said", "by"},
    "fr": {"le", "la", "les", "de", "des", "et", "est", "une", "du", "dans", "pour", "que", "sur", "qui"},
    "es": {"el", "la", "los", "las", "de", "y", "que", "en", "por", "con", "una", "para", "del"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "den", "von", "zu", "auf"},
    "it": {"il", "di", "che", "la", "e", "per", "non", "una", "del", "della", "sono", "con"},
    "pt": {"o", "de", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os"},
    "tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "olan"},
    "id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan"},
}


def _best_by_stopwords(words: list[str], langs: tuple[str, ...]) -> str | None:
    scores = {lang: sum(1 for w in words if w in _STOPWORDS[lang]) for lang in langs}
    best = max(langs, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else None


def extract_language(text: str) -> str:
    """"ar" when most letters are Arabic and the Arabic-script text is not Persian, Urdu, Kurdish or Pashto;
    else the best guess from script and common words ("en", "fr", "fa", "ur", "ckb", "ps", "ru", "he", ...);
    "und" when there is too little to tell. A non-Arabic article is stored and flagged, never dropped.

    Looks at the first 800 characters, and compares Arabic letters with Latin ones (the rule of
    `arabic_ratio`, restricted to the two scripts that share news pages): enough to tell a script, and
    language detection must not cost more than the rest of cleaning."""
    sample = text[:800]
    arabic = len(ARABIC_LETTER.findall(sample))
    latin = len(LATIN_LETTER.findall(sample))
    if arabic + latin < 20 and not (arabic >= 6 and latin == 0):     # a short all-Arabic text is Arabic
        for pattern, lang in ((_CYRILLIC, "ru"), (_HEBREW, "he"), (_GREEK, "el")):
            if len(pattern.findall(sample)) >= 20:
                return lang
        return "und"
    if arabic >= latin:
        letters = max(arabic, 1)
        for pattern, lang, share in ((_SORANI_ONLY, "ckb", 0.01), (_PASHTO_ONLY, "ps", 0.005),
                                     (_URDU_ONLY, "ur", 0.01)):
            if pattern.search(sample) and len(pattern.findall(sample)) / letters > share:
                return lang
        if _PERSIAN_ONLY.search(sample) and len(_PERSIAN_ONLY.findall(sample)) / letters > 0.01:
            words = [w.lower() for w in _WORD.findall(sample)]
            return _best_by_stopwords(words, ("ar", "fa")) or "fa"
        return "ar"
    for pattern, lang in ((_CYRILLIC, "ru"), (_HEBREW, "he"), (_GREEK, "el")):
        if len(pattern.findall(sample)) > latin:
            return lang
    words = [w.lower() for w in _WORD.findall(sample)]
    return _best_by_stopwords(words, ("en", "fr", "es", "de", "it", "pt", "tr", "id")) or "und"


# -- dates -------------------------------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_PUBLISH_MARKERS = {"نشر", "نشرت", "منشور", "تحديث", "التحديث", "تاريخ", "بتاريخ", "التاريخ", "published", "updated"}
# words that occur in date stamps but also as ordinary page furniture: not evidence of a date on their own
_WEAK_DATE_WORDS = {"في", "يوم", "علي", "ص", "م", "ه", "هـ", "رقم", "العدد", "الصفحه", "صفحه", "المصدر", "on", "at", "last",
                    "ساعه", "منذ", "تم", "اخر", "الاولي", "الثاني", "الاول", "الاخر", "الثالثه", "الرابعه",
                    "الخامسه", "السادسه", "السابعه", "الثامنه", "التاسعه", "العاشره", "الحاديه", "عشره",
                    "والعشرون", "الاخيره", "ملحق", "الصفحات", "القاهره", "بغداد", "مكه", "المكرمه"}


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    words: set[str] = set()
    for phrase in _load("boilerplate.json")["date_words"]:
        words.update(line_key(phrase).split())
    return frozenset(words)


_YEAR = re.compile(r"^(?:1[34]\d\d|19\d\d|20\d\d)(?:م|هـ|ه)?$")


def is_date_line(line: str, key: str | None = None) -> bool:
    """A line that is only a date stamp: "الخميس، 01 يوليو 2021 10:43 ص", "23 ديسمبر 2021",
    "نشر في: آخر تحديث:", "الثانية والثالثة 2025/02/06" (print pages and date), "2015/08/11".
    Every word must be date vocabulary or a number, with a month or weekday name, a year, or a publication
    marker among them: a bare "1" or a phone number is not a date. A wire stamp may open with its city and
    close with its agency ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "القاهرة 3 مارس 2025 (أ ش أ)"). A machine stamp with no Arabic
    letter counts when it parses whole: "2024-06-16T10:30:00+03:00", "Sun, 16 Jun 2024 10:30:00 GMT", also behind a
    publication label ("نشر بتاريخ: 2024-03-22T10:15:00+03:00")."""
    line, agency = _agency_tail(line)
    if agency:
        key = None                                      # "... 2025 (أ ش أ)": the agency closes the stamp
    core = _stamp_core(line)
    if core != line:
        line, key = core, None
    key = line_key(line) if key is None else key
    tokens = key.split()
    if not tokens or len(tokens) > 18:
        return False
    if len(line) <= 40 and _DIGIT.search(line) and not ARABIC_LETTER.search(line) and _machine_stamp(line):
        return True
    first = _DIGIT.search(line)
    if first and not ARABIC_LETTER.search(line, first.start()) and len(line) - first.start() <= 40 \
            and ARABIC_LETTER.search(line[:first.start()]) and _machine_stamp(line[first.start():]):
        label = line_key(line[:first.start()]).split()       # "نشر بتاريخ: 2024-03-22T10:15:00+03:00"
        if label and all(t in _date_words() for t in label) and any(t in _PUBLISH_MARKERS for t in label):
            return True
    if len(tokens) > 2 and _DIGIT.search(key):
        agencies, places = _credit_vocab()
        for n in (2, 1):
            if " ".join(tokens[:n]) in places:
                tokens = tokens[n:]
                break
        if tokens and tokens[-1] in agencies:
            tokens = tokens[:-1]
    vocab = _date_words()
    if (len(tokens) >= 4 and not tokens[0].isdigit() and tokens[0] not in vocab and not _DIGIT.search(tokens[0])
            and sum(t.isdigit() for t in tokens[1:4]) == 3 and any(_YEAR.match(t) for t in tokens[1:4])):
        tokens = tokens[1:]             # a section's name before a numeric date: "اقتصادية 2025/10/06"
    evidence = False
    numbers = 0
    for tok in tokens:
        if tok.isdigit() or (_DIGIT.search(tok) and tok.rstrip("مهـamp").isdigit()):
            numbers += 1
            evidence = evidence or bool(_YEAR.match(tok))
            continue
        if _DIGIT.search(tok):
            return False
        word = tok[1:] if tok.startswith("و") and tok[1:] in vocab else tok
        if word not in vocab:
            return False
        if word not in _WEAK_DATE_WORDS:
            evidence = True
    return evidence and (numbers > 0 or any(t in _PUBLISH_MARKERS for t in tokens))


def _machine_stamp(line: str) -> bool:
    """An ISO 8601 or RFC 2822 time stamp that `marsad.dates.parse_date` reads to the day."""
    from . import dates
    try:
        found = dates.parse_date(line.strip())
    except Exception:  # noqa: BLE001 - a bad stamp is no date line, never a crash
        return False
    return bool(found) and len(found) >= 10


def parse_published(value: str | None) -> str | None:
    """A publication date string (hint, date line, HTML metadata) as an ISO prefix, via marsad.dates."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?", value):
        return value.replace(" ", "T")[:16]
    try:
        from . import dates
    except ImportError:             # marsad.dates is written by another engineer; no date until it exists
        return None
    # A stamp may open with words that are not part of the date ("العدد 5821 الصفحة الأولى 2025/04/03"):
    # drop leading words one at a time until the rest parses; a wire's agency may close it ("(أ ش أ)").
    value, _ = _agency_tail(value)
    words = _stamp_core(value).split()
    for start in range(min(len(words), 7)):
        try:
            found = dates.parse_date(" ".join(words[start:]))
        except Exception:  # noqa: BLE001 - a bad date string is "no date", never a crash of this stage
            found = None
        if found:
            return found
    return None


def extract_published(doc: Document, date_lines: list[str] | None = None,
                      page_date: str | None = None) -> str | None:
    """The publication date: the container's hint, else the page's own metadata (HTML), else the first date
    line found near the top of the text. None when none parses: unknown is null, never a guess."""
    for candidate in [doc.published_hint, page_date, *(date_lines or [])]:
        found = parse_published(candidate)
        if found:
            return found
    return None


# -- an HTML page's own metadata ------------------------------------------------------------------------

_META_FIELDS = {
    "title": ("og:title", "twitter:title", "headline", "dc.title", "title"),
    "date": ("article:published_time", "og:published_time", "article:published", "datepublished", "pubdate",
             "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date", "dcterms.created",
             "sailthru.date", "parsely-pub-date", "date", "og:article:published_time", "article_date_original"),
    "author": ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"),
    "sitename": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "url": ("og:url",),
    "section": ("article:section", "og:article:section"),
}
_JSON_STRING = r'"((?:[^"\\]|\\.){%d,%d})"'    # a JSON string's body, escapes included (\u062d, \")
_JSONLD = {
    "date": re.compile(r'"datePublished"\s*:\s*' + _JSON_STRING % (8, 40)),
    "title": re.compile(r'"headline"\s*:\s*' + _JSON_STRING % (3, 2000)),
    # "author": "Name", or {"@type": "Person", "name": "Name"}, or a list of them (the first is taken)
    "author": re.compile(r'"author"\s*:\s*(?:\[\s*)?(?:' + _JSON_STRING % (2, 500)
                         + r'|\{[^{}]*?"name"\s*:\s*' + _JSON_STRING % (2, 500) + ")"),
}
_JSONLD_LIMITS = {"date": 40, "title": 300, "author": 80}
# a JSON-LD author that is a Person: {"@type": "Person", "name": "سامي الحلبي"}, the type before or after the name
_JSONLD_PERSON = re.compile(r'"author"\s*:\s*(?:\[\s*)?\{(?=[^{}]*"@type"\s*:\s*"Person")[^{}]*?"name"\s*:\s*'
                            + _JSON_STRING % (2, 80))
_WITH_AGENCY = re.compile(r"^(.{2,40}?)\s+(?:مع|و|/|\+)\s*(.{1,25})$")


def _json_text(body: str) -> str:
    """A JSON string's body decoded: PHP's json_encode writes Arabic as \\u escapes by default."""
    if "\\" not in body:
        return body
    try:
        return json.loads('"' + body + '"')
    except ValueError:
        return body
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_ISO_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?")


@dataclass
class PageMetadata:
    """What an HTML page says about itself in meta tags and JSON-LD (publisher-written, so no guessing)."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    section: str | None = None          # the page's section ("الجزائر", "اقتصاد"): a label, not the story
    credit: str | None = None           # a meta author naming the outlet ("يورونيوز مع أ ف ب") a Person replaced
    byline: str | None = None           # the credit line printed under the headline ("طرابلس - بوابة الوسط: فلان")


def page_metadata(tree) -> PageMetadata:
    """Title, publication date, author, site name, canonical URL and section from a parsed page's <meta> tags
    (property, name or itemprop), JSON-LD, <link rel=canonical>, <time datetime> and <title>.

    Cheaper than trafilatura's metadata pass (which also guesses dates from the page layout with htmldate,
    and can turn a bare year into "YYYY-01-01"): the HTML path must cost little more than extraction alone,
    and an unknown date must stay unknown."""
    found: dict[str, str] = {}
    ranks: dict[str, int] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        label = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        for fieldname, labels in _META_FIELDS.items():
            if label in labels:
                rank = labels.index(label)
                if rank < ranks.get(fieldname, 99):
                    found[fieldname], ranks[fieldname] = content, rank
    person = None
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        if person is None and (match := _JSONLD_PERSON.search(script.text)):
            person = _json_text(match.group(1)).strip() or None
        if any(fieldname not in found for fieldname in _JSONLD):
            for fieldname, pattern in _JSONLD.items():
                match = pattern.search(script.text)
                if match and fieldname not in found:
                    value = _json_text(next(g for g in match.groups() if g)).strip()
                    if value and len(value) <= _JSONLD_LIMITS[fieldname]:
                        found[fieldname] = value
    if "date" not in found:
        for node in tree.iter("time"):
            if node.get("datetime"):
                found["date"] = node.get("datetime")
                break
    if "date" not in found or "author" not in found:
        for fieldname, value in _under_headline(tree).items():
            found.setdefault(fieldname, value)
    if "url" not in found:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                found["url"] = link.get("href")
                break
    if "title" not in found:
        node = next(tree.iter("title"), None)
        if node is not None and node.text and node.text.strip():
            # "<title>headline | Site name</title>": the headline is the longest part
            parts = _TITLE_SEPARATORS.split(node.text.strip())
            found["title"] = max(parts, key=len).strip()
    date = found.get("date")
    if date:
        match = _ISO_PREFIX.match(date)
        if match:
            date = match.group(1) + ("T" + match.group(2) if match.group(2) and match.group(2) != "00:00" else "")
        else:
            date = parse_published(date)
    author = found.get("author")
    if author and (author.startswith("http") or "/" in author):
        author = None
    credit = None
    if person and author and author != person and names_outlet(author):
        credit, author = author, person     # a Person in JSON-LD beats a meta string naming the outlet
    return PageMetadata(found.get("title"), date, author, found.get("sitename"), found.get("url"),
                        found.get("section"), credit, _byline_under_headline(tree))


_DATE_CLASSES = frozenset(("date", "post-date", "article-date", "entry-date", "publish-date", "published",
                           "news-date", "time"))
_AUTHOR_CLASSES = frozenset(("author", "post-author", "article-author", "author-name", "byline", "writer"))
UNDER_HEADLINE_NODES = 8    # the date and author a page prints under its <h1> sit among its next elements
_AUTHOR_TEXT = re.compile(r"^[^\W\d_][^\d@:|/<>]{2,40}$")


def _nodes_under_headline(tree):
    """The UNDER_HEADLINE_NODES elements right after the page's first <h1>, in document order."""
    seen = None
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        if seen is None:
            seen = 0 if node.tag == "h1" else None
            continue
        seen += 1
        if seen > UNDER_HEADLINE_NODES:
            return
        yield node


def _under_headline(tree) -> dict[str, str]:
    """The date and author a page without metadata prints right under its headline (`<h1>` then `<div
    class="author">لينا فخر الدين</div><div class="date">الجمعة 16 أيار 2025</div>`). Only after the first
    <h1>: a date bar above it is usually today's date in the site header, not the article's."""
    found: dict[str, str] = {}
    for node in _nodes_under_headline(tree):
        classes = set((node.get("class") or "").lower().split())
        text = " ".join(node.text_content().split())
        if "date" not in found and classes & _DATE_CLASSES and len(text) <= 60 and parse_published(text):
            found["date"] = text
        elif "author" not in found and classes & _AUTHOR_CLASSES and len(text.split()) <= 5 \
                and _AUTHOR_TEXT.match(text):
            found["author"] = text
    return found


def _byline_under_headline(tree) -> str | None:
    """The credit line a page prints under its headline in a byline element, when it names the place the
    story was filed from (`<div class="byline">طرابلس - بوابة الوسط: سالم الورفلي <time>...</time></div>`):
    the element's text without its <time>; trafilatura leaves it out of the article's text, and the meta
    tags carry the author and date but no dateline."""
    for node in _nodes_under_headline(tree):
        if not set((node.get("class") or "").lower().split()) & _AUTHOR_CLASSES:
            continue
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str) and child.tag != "time":
                parts.append(child.text_content())
            parts.append(child.tail or "")
        text = " ".join(" ".join(parts).split())
        credit = parse_credit(text, strict=True) if 0 < len(text) <= 100 else None
        return text if credit and credit.dateline else None
    return None


def names_outlet(text: str) -> bool:
    """The text is an outlet's or agency's name, alone or with the wire it ran the story from ("يورونيوز مع
    أ ف ب", "Euronews")."""
    with_agency = _WITH_AGENCY.match(text.strip())
    return is_agency(text) or bool(outlet_from_hint(text)) or bool(
        with_agency and (is_agency(with_agency.group(1)) or outlet_from_hint(with_agency.group(1))))


# -- title -------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?؟…][\"»”’)\]]*$")


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (. ! ? ؟ …, possibly inside closing quotes). Headlines, captions
    and labels do not."""
    return bool(_SENTENCE_END.search(line[-8:].rstrip()))


def looks_like_headline(line: str, words: int | None = None) -> bool:
    """2 to 30 words, not ending like a sentence: the shape of a title, a subheading, a caption, a link."""
    words = len(line.split()) if words is None else words
    if not 2 <= words <= 30 or ends_sentence(line):
        return False
    return bool(ARABIC_LETTER.search(line) or LATIN_LETTER.search(line))


def extract_title(doc: Document, top_lines: list[str], page_title: str | None = None) -> str | None:
    """The container's title, else the page's (HTML), else the first headline-shaped line at the top of the
    text (`top_lines`: the lines above the body that are not boilerplate)."""
    for candidate in (doc.title_hint, page_title):
        if candidate and candidate.strip():
            return " ".join(html.unescape(candidate).split())
    for line in top_lines:
        if looks_like_headline(line):
            return line
    return None


# -- dateline, agency, author ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _credit_vocab() -> tuple[frozenset[str], frozenset[str]]:
    data = _load("datelines.json")
    agencies = {line_key(a) for a in data["agencies"]} | set(outlet_names())
    places = {line_key(p) for p in data["places"]}
    return frozenset(agencies - {""}), frozenset(places - {""})


_DIGITS_GLUED = re.compile(r"(?<=[^\d\s])(?=\d)")


_MEDIUM_WORDS = ("صحيفه ", "جريده ", "موقع ", "مجله ", "قناه ", "اذاعه ")


def is_agency(name: str) -> bool:
    """A news agency or outlet name as credited after a dateline ("أ ش أ", "رويترز", "الصباح", "CNN"),
    also with the word for its medium ("صحيفة العرب")."""
    key = line_key(name)
    vocab = _credit_vocab()[0]
    if key.startswith(_MEDIUM_WORDS) and key.split(" ", 1)[1] in vocab:
        return True
    return key in vocab or _DIGITS_GLUED.sub(" ", key) in vocab     # "فرانس24" is "فرانس 24"


@lru_cache(maxsize=1)
def _wires() -> frozenset[str]:
    return frozenset(line_key(a) for a in _load("datelines.json")["agencies"]) - {""}


def is_wire(name: str) -> bool:
    """A news agency proper ("كونا", "وفا", "الأناضول"), from the datelines' agency list: on its own site it
    still credits itself as the agency that supplied the story, where a paper or a site naming itself
    ("روما - العربي الجديد") credits no agency."""
    return line_key(name) in _wires()


def is_known_place(name: str) -> bool:
    return line_key(name) in _credit_vocab()[1]


@dataclass
class Credit:
    """What a dateline or byline says: where it was filed, which agency or outlet supplied it, who wrote it."""

    dateline: str | None = None
    agency: str | None = None
    author: str | None = None


_BYLINE_WORDS = tuple(_load("boilerplate.json")["byline_words"])      # the cleaner's list: one list
_BYLINE_PREFIX = re.compile(r"^(?:" + "|".join(sorted(_BYLINE_WORDS, key=len, reverse=True))
                            + r")(?=[\s:\-–—ـ])\s*[:\-–—ـ]?\s*",
                            re.IGNORECASE)
_CREDIT_SPLIT = re.compile(r"\s*(?:[:\-–—ـ/|،,]+|\s[(（]|[)）])\s*|[(（]")
_QUOTES = "«»\"“”{}()（）[]'"
_GUILLEMETS = re.compile(r"«[^«»]+»|“[^“”]+”|\"[^\"]+\"")
_HAS_DIGIT = re.compile(r"\d")


def stamp_credit(line: str) -> Credit | None:
    """The place and agency a wire stamp carries around its date: "الظهران، 5 نوفمبر 2024 (واس)", "الرياض 26
    شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "القاهرة في 3 مارس 2025 (أ ش أ)"; None for a bare date."""
    if not is_date_line(line):
        return None
    line, agency = _agency_tail(line)
    credit = Credit(agency=agency)
    words = [w for w in (w.strip(_QUOTES + "،,:-–—ـ ") for w in line.split()) if w]
    if credit.agency is None and len(words) > 1 and is_agency(words[-1]) and not is_known_place(words[-1]):
        credit.agency = words[-1]
    for n in (2, 1):
        if len(words) > n and is_known_place(" ".join(words[:n])):
            credit.dateline = " ".join(words[:n])
            break
    return credit if credit.dateline or credit.agency else None


_STAMP_AGENCY = re.compile(r"[(（]([^()（）\d]{1,24})[)）]\s*$")


# what may close a date stamp and is no date: the time zone ("13:42 بتوقيت أبوظبي", "GMT+3", "14:25 ت م") and
# a paper's issue number ("13 مارس 2024 مـ رقم العدد [ 16541 ]")
_STAMP_TAIL = re.compile(r"(?:\s*[-–|,،]?\s*(?:(?:ب|حسب\s+)?توقيت\s+[^\d|\-–]{2,30}|(?:GMT|UTC|GST|AST|EET|EEST|CET|CEST|BST|MSK)(?:\s*[+-]\s*\d{1,2})?"
                         r"|ت\s*[مغ]|(?:رقم\s+)?العدد\s*[\[(]?\s*\d+\s*[\])]?"
                         r"|(?:[a-z0-9-]+\.)+[a-z]{2,}))+\s*$", re.IGNORECASE)   # "| arabic.news.cn": the site


_UPDATE_TAIL = re.compile(r"\s*[-–|،,]?\s*(?:آخر\s*)?(?:تحديث|محدث)\b.*$")


def _stamp_core(line: str) -> str:
    """A date stamp without its time zone or issue number (`_STAMP_TAIL`), and without an update note
    after it ("04:37 م GMT+3 تحديث منذ ساعتين", "00:45آخر تحديث: 16/03/2026 - 01:20"): the first date is
    the publication's."""
    update = _UPDATE_TAIL.search(line)
    if update and update.start() > 0 and _HAS_DIGIT.search(line[:update.start()]):
        line = line[:update.start()]
    line = _TIME_GLUED_TO_DAY.sub(r"\1 ", line)   # Asharq's "17:25-19 مايو 2025": the time, then the day
    return _STAMP_TAIL.sub("", line) or line


_TIME_GLUED_TO_DAY = re.compile(r"(\d{1,2}:\d{2})\s*[-–]\s*(?=\d{1,2}\s+[^\W\d_])")


def _agency_tail(line: str) -> tuple[str, str | None]:
    """A stamp without the known agency in brackets that closes it ("... 2025 (أ ش أ)"), and that agency."""
    tail = _STAMP_AGENCY.search(line)
    if tail and is_agency(tail.group(1)):
        return line[:tail.start()], tail.group(1).strip()
    return line, None


_SENT_FROM = re.compile(r"^(.{2,60}?)\s+من\s+(\S+(?:\s\S+)?)$")


def parse_author_field(text: str | None) -> Credit | None:
    """A container's author field ("author" of a JSON record, a feed's dc:creator) as a credit. Such fields
    often hold a whole credit line ("واس - الرياض", "القاهرة: فلان"), read by `parse_credit`; but one name
    alone there is the author, not a dateline ("محمد الحمادي", "فريق التحرير"), unless it is a known place;
    an outlet's own name is no author."""
    text = " ".join((text or "").split())
    with_agency = _WITH_AGENCY.match(text)
    if with_agency and is_agency(with_agency.group(2)) and names_outlet(with_agency.group(1)):
        return Credit(agency=with_agency.group(2))      # "يورونيوز مع أ ف ب": the wire the outlet ran
    sent_from = _SENT_FROM.match(text)
    if sent_from and is_known_place(sent_from.group(2)):      # "متعب الروقي من جدة", "«الاقتصادية» من الرياض"
        who = sent_from.group(1).strip(" «»\"“”")
        if outlet_from_hint(who) or is_agency(who):
            return Credit(dateline=sent_from.group(2), agency=who)
        return Credit(dateline=sent_from.group(2), author=who)
    credit = parse_credit(text)
    if credit is None or credit.agency or credit.author or not credit.dateline or is_known_place(credit.dateline):
        return credit
    if outlet_from_hint(credit.dateline):
        return None
    return Credit(author=credit.dateline)


# a social handle in a byline ("okaz_online@", "@saadsaadi"): the writer's account, not part of the name
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_.]{2,30}\b|\b[A-Za-z0-9_.]{2,30}@(?![\w@.])")


def without_handles(text: str) -> str:
    """The text with its social handles blanked out ("فهد الحربي، okaz_online@" -> "فهد الحربي، ")."""
    return _HANDLE.sub(" ", text)


@lru_cache(maxsize=1)
def _sections() -> frozenset[str]:
    return frozenset(line_key(s) for s in _load("datelines.json")["sections"]) - {""}


@lru_cache(maxsize=1)
def _site_words() -> frozenset[str]:
    return frozenset(line_key(s) for s in _load("datelines.json")["site_words"]) - {""}


def names_site(part: str) -> bool:
    """A credit part that reads as a site's name, known or not: a medium or brand word among its words
    ("هبة بريس", "النيلين أونلاين", "موقع الخبر", "الخبر 24"), or one Latin-script word ending in such a word
    or a web address ("Hibapress", "alsumaria.tv"). A person's name has none of these."""
    part = part.strip(_QUOTES + " ")
    if not part or len(part.split()) > 4:
        return False
    if part.isascii():                      # "Hibapress", "alsumaria.tv"; a user's "sawsanali1" is no site
        return bool(re.fullmatch(r"[a-z]+(?:press|news|online|tv|fm|net|times|post|media|info|today|24)",
                                 part.lower()) or re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", part.lower()))
    words = line_key(part).split()
    if len(words) < 2:
        return False                        # "نت" or "24" alone is no name of anything
    if any(w.isdigit() for w in words):     # "الخبر 24": the number closes a two-word name, else it is a date
        return len(words) == 2 and words[1] in _site_words() and not words[0].isdigit()
    site = _site_words()
    return any(w in site for w in words) or any(" ".join(words[i:i + 2]) in site for i in range(len(words) - 1))


_EXCLUSIVE = frozenset(("خاص", "خاص ب", "خاص ل"))      # "خاص", "خاص بـ", as `line_key` spells them


# a credit line's last part "من" and the writer ("رام الله - «القدس» - من فلانة الفلانية"), or "من" and the
# writer right after the quoted paper, a colon closing it ("صنعاء ـ «القدس العربي» من فلان الفلاني:"): who sent it
_FROM_WRITER = re.compile(r"(?:\s*[-–—ـ/|،,]\s*|(?<=[»”\"])\s*)من\s+([^\W\d_]+(?: [^\W\d_]+){1,3})\s*:?$")


def parse_credit(text: str, strict: bool = False) -> Credit | None:
    """Split a dateline or byline into place, agency and author.

    Handles "بروكسل (أ ش أ)", "بغداد: الصباح", "القاهرة - رويترز", "واشنطن - (أ ف ب)", "واس (جدة)",
    "لندن: فلان الفلاني", "فلان الفلاني - جدة", "عدن، صنعاء: فلان، الوكالات", "بواسطة : فلان".
    A part that is a known agency or outlet is the agency; a known place is the dateline; an unknown part
    before an agency is the place (datelines come first), and an unknown part elsewhere is the author.
    `strict` (a line of the article text rather than a container's author field) requires a recognised
    agency, outlet or place and at most 7 words, so a short sentence is never read as a dateline."""
    text = " ".join(_HANDLE.sub(" ", html.unescape(text or "").replace("\xa0", " ")).split()).strip(" ،,-–—")
    if not text or len(text) > 120:
        return None
    if _HAS_DIGIT.search(text) and any(_HAS_DIGIT.search(p) and not is_agency(p.strip(_QUOTES + " "))
                                       and not names_site(p.strip(_QUOTES + " "))
                                       for p in _CREDIT_SPLIT.split(text) if p):
        return None                         # a date, a number; an outlet's own digits ("عربي21") are its name
    had_byline_word = bool(_BYLINE_PREFIX.match(text))
    text = _BYLINE_PREFIX.sub("", text)
    writer = None
    tail = _FROM_WRITER.search(text)
    if tail and not is_known_place(tail.group(1)) and not is_agency(tail.group(1)):
        writer, text = tail.group(1), text[:tail.start()]     # "رام الله - «القدس» - من فلانة الفلانية"
    if strict and len(text.split()) > 7:
        return None
    raw = [p.strip() for p in _CREDIT_SPLIT.split(text)]
    raw = [p for p in raw if p.strip(_QUOTES + " ")]
    parts = [p.strip(_QUOTES + " ") for p in raw]
    if not parts or any(len(p.split()) > 4 for p in parts):
        return None
    agencies, places = _credit_vocab()
    kinds = []
    for part, written in zip(parts, raw):
        key = line_key(part)
        lead = _GUILLEMETS.match(written)
        if lead and len(written[lead.end():].split()) <= 2 and (line_key(lead.group()) not in places
                                                                or key in agencies):
            part = parts[len(kinds)] = lead.group().strip(_QUOTES + " ")   # "«القدس» دوت كوم": the name quoted
            kinds.append("agency")
        elif key in agencies or is_agency(part) or (_GUILLEMETS.fullmatch(written) and key not in places):
            kinds.append("agency")              # "بيروت - «الأخبار»": a paper's name is written in quotes
        elif key in places:
            kinds.append("place")
        elif part.isascii() and part.isupper() and len(part) <= 6:
            kinds.append("agency")          # CNN, AFP, AP
        elif names_site(part):
            kinds.append("site")            # "هبة بريس - الرباط": an outlet marsad does not know, no one's name
        elif key in _sections():
            kinds.append("section")         # "السومرية نيوز – سياسة": the section the story is filed under
        else:
            kinds.append("?")
    if strict and not any(k not in ("?", "site", "section") for k in kinds):   # a name, place or agency known
        return None
    if strict and len(parts) < 2 and not had_byline_word:
        return None
    # "عدن الغد / خاص - سيئون": خاص marks the outlet's own report, no agency and no one's name; the one
    # unknown word or two after it is where it was filed
    for i, part in enumerate(parts):
        if line_key(part) in _EXCLUSIVE:
            kinds[i] = "exclusive"
            if i + 1 < len(parts) and kinds[i + 1] == "?" and len(parts[i + 1].split()) <= 2:
                kinds[i + 1] = "place"
    # "عين اليوم – الرياض": الرياض is an outlet and a city; next to another agency it is the place.
    for i, part in enumerate(parts):
        if kinds[i] == "agency" and line_key(part) in places and kinds.count("agency") > 1:
            kinds[i] = "place"
    # "الرياض - فهد العتيبي": a city first, unquoted, then a writer is a dateline, though a paper bears its name
    if (len(parts) > 1 and kinds[0] == "agency" and line_key(parts[0]) in places and kinds.count("agency") == 1
            and not _GUILLEMETS.fullmatch(raw[0]) and all(k in ("?", "section") for k in kinds[1:])):
        kinds[0] = "place"
    first_agency = kinds.index("agency") if "agency" in kinds else len(kinds)
    credit = Credit()
    # "عربي21- الأناضول": an outlet and the wire it ran the story from; the wire is the agency
    wires = [p for p, k in zip(parts, kinds) if k == "agency" and is_wire(p)]
    if wires and kinds.count("agency") > 1:
        credit.agency = wires[0]
    places_found, authors = [], []
    for i, (part, kind) in enumerate(zip(parts, kinds)):
        if kind in ("exclusive", "site", "section"):
            continue
        if kind == "agency":
            credit.agency = credit.agency or part
        elif kind == "place" or (kind == "?" and i < first_agency and not had_byline_word and not places_found
                                 and not authors and "place" not in kinds):
            places_found.append(part)
        else:
            authors.append(part)
    if places_found:
        credit.dateline = "، ".join(places_found)
    if authors or writer:
        credit.author = "، ".join(authors + ([writer] if writer else []))
    if strict and credit.author and not had_byline_word and credit.agency is None and credit.dateline is None:
        return None
    return credit if (credit.dateline or credit.agency or credit.author) else None


# a word of letters, its diacritics and tatweel included ("العُمانية", "عمّان"): a mark is no word character to
# the regex engine, and a dateline's names are matched whatever marks they carry
_L = "[^\\W\\d_](?:[^\\W\\d_]|[\u0610-\u061a\u064b-\u065f\u0670\u0640])*"
_INLINE_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^\s:()«»\"“”\-–—ـ.]*(?:[ ،,]+[^\W\d_][^\s:()«»\"“”\-–—ـ.]*){0,3})\s*"
    r"(?:[(（](?P<paren>[^()（）\n]{1,30})[)）]|[-–—ـ:]\s*[«\"“(](?P<quoted>[^«»\"“”()\n]{1,30})[»\"”)]"
    r"|[-–—ـ/]\s*(?P<bare>[^\s:\-–—ـ«»\"“”()/]+(?: [^\s:\-–—ـ«»\"“”()/]+){0,3}?)(?=\s*[:\-–—ـ]))"
    r"\s*(?:[-–—ـ:]+\s*)?")
_PLACE_COLON = re.compile(rf"(?P<place>{_L}(?: {_L})?)\s*:\s*")
_AGENCY_FIRST = re.compile(r"^(?P<agency>[^\W\d_][^\s/\-–—:]*(?: [^\s/\-–—:]+){0,2})\s*[/\-–—]\s*"
                           rf"(?:(?P<place>{_L}(?: {_L})?)\s*[:\-–—]\s*)?(?=\S)")
# WAM's "أبوظبي في 12 يناير / وام /": the place, its date after في, the agency between slashes
_WIRE_SLASHES = re.compile(rf"^(?P<place>{_L}(?: {_L})?)\s+في\s+(?P<date>[^/\n]{{3,30}}?)\s*/\s*"
                           rf"(?P<agency>{_L}(?: {_L}){{0,2}})\s*/\s*")
_PLACE_DASH = re.compile(rf"^(?P<place>{_L}(?: {_L})?)\s*[-–—ـ]+\s+(?=[^\W\d_])")
# a wire's "الكويت - 10 - 1 (كونا) --" / "عمان 5 آذار (بترا) -" / "سلا – 28/06/2025 (ومع) -" / "بغداد 14 يونيو
# 2025 (شينخوا) وقعت": the place, the day, the agency in brackets, a dash or none
_PLACE_DAY_AGENCY = re.compile(rf"^(?P<place>{_L}(?: {_L})?)\s*[-–]?\s*"
                               rf"(?P<day>\d{{1,2}}(?:\s*[-–/]\s*\d{{1,2}})?(?:\s*[-/.]\s*\d{{4}})?(?:\s+{_L})?"
                               rf"(?:\s+\d{{4}})?)\s*[(（](?P<agency>[^()（）\n]{{1,20}})[)）]\s*(?:[-–—]{{1,2}}\s*)?(?=\S)")
# WAFA's "رام الله 18-3-2025 وفا- أعلنت": the place, the date in digits, the agency unbracketed, a dash
_PLACE_DIGITS_AGENCY = re.compile(rf"^(?P<place>{_L}(?: {_L})?)\s*[-–]?\s*"
                                  r"(?P<date>\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{2,4})?)\s*[-–]?\s*"
                                  rf"(?P<agency>{_L}(?: {_L})?)\s*[-–—:]{{1,2}}\s*(?=\S)")
# "الخرطوم 15 أبريل 2024 – تجددت ...": the place, the day's date, a dash
# "المدينة، الأحد 15 يونيو 2025 - ": the place, a comma, the weekday
_PLACE_DATE_DASH = re.compile(rf"^(?P<place>{_L}(?: {_L})?)\s*[،,]?\s+(?:(?P<weekday>{_L})\s*[،,]?\s+)?"
                              rf"(?P<date>\d{{1,2}}\s+{_L}\s+\d{{4}})\s*"
                              r"[-–—ـ]+\s+(?=[^\W\d_])")


def _place_date_dash(paragraph: str) -> re.Match[str] | None:
    """A lead opening with its place and the day's date before a dash ("كسلا 15 يونيو 2025 — لقي"): a known
    place, or a name of one or two words no date word opens, before a month's name (`_dated_place`)."""
    found = _PLACE_DATE_DASH.match(paragraph[:80])
    if not found or (found.group("weekday") and line_key(found.group("weekday")) not in _date_words()):
        return None
    place = found.group("place")
    if not is_known_place(place) and (any(w in _date_words() for w in line_key(place).split())
                                      or not _dated_place(place, found.group("date"))):
        return None
    return found


def dateline_date(paragraph: str) -> str | None:
    """The date a dateline opening the paragraph carries ("بورتسودان 14 أبريل 2025 — وصل ...", a wire's "رام
    الله 3-6-2026 وفا- أصيب ..."), as written: Sudan Tribune's pages and a wire's own have no other; None when
    the dateline has no whole date (a year in it) or there is no dateline."""
    found = _place_date_dash(paragraph)
    if found:
        return found.group("date")
    wire = _wire_dated(paragraph)
    return wire[0] if wire else None


def dated_dateline_end(paragraph: str) -> int:
    """Where a lead's opening place and date end ("كسلا 15 يونيو 2025 — ", "رام الله 3-6-2026 وفا- "), 0 when
    it has none: the page's own stamp run into the lead, read as its dateline and date and no sentence of
    the story."""
    found = _place_date_dash(paragraph)
    if found:
        return found.end()
    wire = _wire_dated(paragraph)
    return wire[1] if wire else 0


_WIRE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def wire_stamp_end(paragraph: str) -> int:
    """Where a wire's stamp opening a lead ends, 0 when there is none: a known place, the day (and month) in
    digits and a known agency in brackets ("الكويت - 10 - 3 (كونا) -- "). Without the year it tells no
    publication date (`dated_dateline_end` reads those), but it is the wire's filing stamp all the same, no
    words of the story: the dateline and agency are read from it and the stored lead starts after it."""
    wire = _PLACE_DAY_AGENCY.match(paragraph[:80])
    if wire and re.search(r"\d", wire.group("day")) and is_agency(wire.group("agency")) \
            and is_known_place(wire.group("place")):
        return wire.end()
    return 0


def _wire_dated(paragraph: str) -> tuple[str, int] | None:
    """The date and end of a wire's dateline that carries the whole date, year and all: "رام الله 3-6-2026
    وفا- ", "الدوحة 5-3-2026 (قنا) - ", "بغداد 14 يونيو 2025 (شينخوا) " (the place known, the agency a
    known one); a day and month alone ("الكويت - 10 - 1 (كونا)") tell no publication date."""
    for pattern, group in ((_PLACE_DAY_AGENCY, "day"), (_PLACE_DIGITS_AGENCY, "date")):
        wire = pattern.match(paragraph[:80])
        if wire and is_agency(wire.group("agency")) and _WIRE_YEAR.search(wire.group(group)) \
                and (is_known_place(wire.group("place")) or (group == "day" and
                                                             _dated_place(wire.group("place"), wire.group("day")))):
            return wire.group(group), wire.end()
    return None


def extract_dateline(paragraph: str) -> Credit | None:
    """A dateline at the start of a body paragraph ("بيروت - «الحياة»: قال ...", "دمشق، سوريا (CNN) --
    أكدت ...", "غزة/ الأناضول:", "أبوظبي في 12 يناير / وام /", a known outlet first, "شفق نيوز/ أعلن",
    "المدى/ بغداد:", or a known place alone before a dash, "بغداد - أعلن"): the place and agency, with the paragraph left as it is (offsets into the text stay valid).
    The agency must be a known agency or outlet, a quoted name, or a Latin acronym, so that an ordinary
    opening ("الكاظمي (رئيس الوزراء) قال") is not mistaken for one."""
    found = _dateline(paragraph)
    return found[0] if found else None


def dateline_end(paragraph: str) -> int:
    """Where the dateline opening a paragraph ends (0 when it has none): the names in it ("بيروت (رويترز) -")
    credit the report and take no part in its news."""
    found = _dateline(paragraph)
    return found[1] if found else 0


def _dated_place(place: str, date: str) -> bool:
    """A wire's dateline place before its date and bracketed or slashed agency: a known place, or one the
    closed list lacks ("نابل 23 سبتمبر (وات)-") when a month name or a whole day/month/year dates it and it reads as a name: one or two
    words, not opening with و/ف before a word (a sentence's conjunction), no function word."""
    if is_known_place(place):
        return True
    words = line_key(date).split()
    numeric = len(words) == 3 and all(w.isdigit() for w in words) and len(words[2]) == 4     # "28/06/2025"
    if not numeric and (not any(w in _month_words() for w in words) or not any(w.isdigit() for w in words)):
        return False
    names = line_key(place).split()
    return 1 <= len(names) <= 2 and all(len(w) >= 2 and w not in _NOT_PLACE for w in names) \
        and not (len(names) > 1 and names[0][:1] in ("و", "ف"))


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Every word of the Gregorian and Hijri month names (dates.json), as `line_key` spells them."""
    data = _load("dates.json")
    names = [n for group in ("gregorian_months", "hijri_months") for ns in data[group].values() for n in ns]
    return frozenset(w for n in names for w in line_key(n).split() if not w.isdigit())


# words that are no place name: prepositions, pronouns, reporting verbs that open a sentence
_NOT_PLACE = frozenset(line_key(w) for w in (
    "في", "من", "إلى", "على", "عن", "مع", "منذ", "حتى", "بعد", "قبل", "خلال", "هذا", "هذه", "ذلك", "تلك", "هو", "هي",
    "قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "ذكر", "ذكرت", "أفاد", "أفادت", "وقال", "وقالت", "أن", "إن", "كان",
    "كانت", "عام", "العام", "يوم", "اليوم", "حتي", "الي", "علي"))


def _dateline(paragraph: str) -> tuple[Credit, int] | None:
    wire = _PLACE_DAY_AGENCY.match(paragraph[:80])
    if wire and is_agency(wire.group("agency")) and _dated_place(wire.group("place"), wire.group("day")):
        return Credit(dateline=wire.group("place"), agency=wire.group("agency").strip()), wire.end()
    wire = _PLACE_DIGITS_AGENCY.match(paragraph[:80])
    if wire and is_known_place(wire.group("place")) and is_agency(wire.group("agency")):
        return Credit(dateline=wire.group("place"), agency=wire.group("agency")), wire.end()
    stamp = _WIRE_SLASHES.match(paragraph[:100])
    if stamp and is_agency(stamp.group("agency")) and _dated_place(stamp.group("place"), stamp.group("date")):
        return Credit(dateline=stamp.group("place"), agency=stamp.group("agency")), stamp.end()
    first = _AGENCY_FIRST.match(paragraph[:80])
    if first and is_agency(first.group("agency")) and not is_known_place(first.group("agency")):
        place = first.group("place")            # "شفق نيوز/ أعلن", "المدى/ بغداد: أعلن": the outlet first
        return Credit(dateline=place if place and is_known_place(place) else None,
                      agency=first.group("agency")), first.end()
    match = _INLINE_DATELINE.match(paragraph[:160])
    if not match or match.end() >= len(paragraph):
        dated = _place_date_dash(paragraph)
        if dated:
            return Credit(dateline=dated.group("place")), dated.end()   # "كسلا 15 يونيو 2025 — لقي"
        alone = _PLACE_DASH.match(paragraph[:60])
        if alone and is_known_place(alone.group("place")):
            return Credit(dateline=alone.group("place")), alone.end()   # "بغداد - أعلن وزير ...": no agency
        return None
    place = match.group("place").strip(" ،,")
    if len(place.split()) > 4 or (is_agency(place) and not is_known_place(place)):
        return None                             # "الرياض (واس)": the city, though a paper bears its name
    if place[:1] in ("و", "ف") and len(place.split()) > 1 and not is_known_place(place):
        return None                             # "وأفادت وكالة الأنباء الكويتية (كونا) بأن", 'وقال فلان لـ"معا":'
                                                # a sentence
    agency = match.group("paren") or match.group("quoted") or match.group("bare")
    agency = agency.strip(_QUOTES + " ")
    known = is_agency(agency) or (agency.isascii() and agency.isupper() and len(agency) <= 6)
    if not known and not (match.group("quoted") and len(agency.split()) <= 3):
        return None
    then = _PLACE_COLON.match(paragraph, match.end())
    if then and not is_known_place(place) and is_known_place(then.group("place")):
        # Sabq's "فايز الأسمري- سبق- الرياض:": the writer, the outlet, then the place
        return Credit(dateline=then.group("place"), agency=agency, author=place), then.end()
    return Credit(dateline=place, agency=agency), match.end()


def extract_author(doc: Document, byline_lines: list[str] | None = None) -> Credit | None:
    """The author (and any dateline/agency) from the container's author field, else from a byline line such
    as "كتب: فلان" or "حوار: فلانة" found above or below the body."""
    for candidate in [doc.author_hint, *(byline_lines or [])]:
        if candidate and candidate.strip():
            credit = parse_author_field(candidate) if candidate is doc.author_hint else parse_credit(candidate)
            if credit:
                return credit
    return None
