"""Entity resolution: people, organisations and places merged across spellings, articles and outlets.

Three steps, all pure functions over records:

1. Per article, `attach_titles` fills `Mention.title` with the role phrase next to a person's name (first
   making a name right after a person's title a person, with a first name the tagger missed: "الأمين العام
   لحلف شمال الأطلسي ينس ستولتينبرغ", whose surname the tagger read as a city) and `chain_mentions` points a
   partial mention (الكاظمي) at the fullest unambiguous form in the same article (مصطفى الكاظمي) by
   rewriting `Mention.name`.
2. `collect_names` reduces articles to `NameStats`: per (type, matching key) the mention count, surface forms
   and titles with counts, plus "LONG FORM (ACRONYM)" pairs seen in the text. The stats are additive
   (`NameStats.add`), so a store can keep them and add each new batch's counts.
3. `resolve_entities` is a pure function of the stats, so resolving after adding articles equals a full
   rebuild, and entity ids (`content_id("e", type, canonical key)`) do not depend on processing order.

Matching. Names are compared on `match_form` (the shared normalisation plus hamza seats), article-insensitive.
A person's name is split into parts (compounds such as عبد اللطيف, يار الله, دي مايو are one part; lineage
parts بن سلمان, آل سعود are one marked part; honorifics such as الشيخ are dropped) and two names match only
when every aligned part matches. A shorter name may skip middle parts (محمد السوداني ~ محمد شياع السوداني) or
trailing lineage (محمد بن سلمان ~ محمد بن سلمان بن عبدالعزيز), never a middle patronymic, the first or the last
part, so a shared surname or first name is not enough. Two parts match when they are equal, or when (a) they
are not two different established Arabic given names (حسن/حسين, محمد/محمود, قاسم/جاسم), (b) their phonetic keys
are equal, or -- for names not written as Arabic family names (with ال, بن, آل: العمري != العامري) -- start and
end alike, (c) one is not the other plus a feminine or nisba ending (سعيد/سعيدة, الكاظم/الكاظمي) and (d)
`part_similarity` clears the threshold for the evidence at hand (below). The phonetic key
folds the letters transliteration swaps (ج/غ/ق for G, ت/ط/ث, س/ص, د/ض, ذ/ز/ظ, ح/ه, final ة/ه/ا, a final
Iberian ش/س, doubled letters, تش/ش) and the skeleton also drops the long vowels ا/و/ي, which Arabic spellings of
foreign names insert and drop freely. A final ز/س (an English or German s, voiced or not: هانز/هانس, جيمز/جيمس)
counts as one letter only when another differing part of the name matched too: alone it tells names apart
(سواريز/سواريس, Suárez/Soares; لويز/لويس, Louise/Louis). A foreign name whose parts but one are identical and
none Arabic (no established given name, article or lineage) may differ in that part by the letters Arabic
spellings of European and Turkish names swap (`foreign_key`: German z تس/ز, Spanish z ث/ز, k ك/ق, a surname's
final e ه/ي/ا): فريدريش ميرتس ~ فريدريش ميرز, هاكان فيدان ~ حقان فيدان; on ANETAC held-out the part decision goes
from P 0.768 / R 0.746 to P 0.764 / R 0.769 (train P 0.785 -> 0.786), while a vowel alone (توسك/تاسك) is as
often two names as one and is left to the threshold.

Thresholds, chosen on data by training/entity_threshold.py (ANETAC: Arabic spellings of one English name as
positives, the most similar blocked name of a clearly different English name as each side's hard negative;
train / held-out split by English name; F-beta on train, beta < 1 because a wrong merge is worse than a miss):
  * SINGLE_THRESHOLD 0.96 (F0.25): one word against one word. Held-out P 0.91 / R 0.36.
  * PART_THRESHOLD 0.92 (F0.5): one differing part decides (the rest identical, or a lone surname against a
    full name's). Held-out P 0.77 / R 0.75 against the hardest look-alike.
  * SUPPORTED_THRESHOLD 0.90 (F1): two or more differing parts, each confirming the other (short names may
    then differ in a vowel). Held-out P 0.62 / R 0.90 per part; every part must pass, so a wrong merge
    needs two coincidences.
Over all blocked names of a 4,000-name sample the three accept 0.02, 0.12 and 0.38 look-alikes per name.
These precision figures are pessimistic: ANETAC is dense (67k distinct Arabic names) and automatically
extracted, and many "different" English names are one name in Arabic script.
Names of three letters or fewer (جون/جين, ينس/يانس) never go through the score: equal phonetic keys, or equal
skeletons when another differing part supports them. Hand-written pairs (evaluation/entity_pairs.tsv, 114
pairs): precision 1.00, recall 1.00 (`evaluation/entities.py` prints the current figures).

Blocking keeps resolution near-linear: a name part is only compared with parts that share its skeleton's
first or last three letters together with its first and last phonetic letter (which the matcher requires
anyway); a person's name with cluster leaders whose first part and last part block with its own.
Organisations and places merge by exact article-insensitive keys (regional spellings folded: كوردستان =
كردستان), space-free keys, seeds, a country's short and full names, acronym pairs, generic heads, a company's
name without its activity words (إعمار العقارية = إعمار) and clitics a tagger left inside the span; only single
words go through fuzzy matching. Within one article a generic state body (البنك المركزي) is the one body of its
kind named in full, and an outlet named as such («الخليج» after صحيفة) takes its full name from outlets.json,
so it is never the club or the region of that word.
Measured: 150,000 synthetic distinct names resolve in about 17 s of CPU; SaudiNewsNet (31,030 articles,
158k distinct names from marsad.ner) in about 30 s (benchmarks/entities.py).

Clustering is leader-based (a name joins a cluster when it matches the cluster's leader, the most frequent
full form, and exactly one cluster), so A~B and B~C never chain A into C. A single-word person name (رشيد)
joins a multi-word person only when exactly one person's last name matches it, or when one candidate has at
least DOMINANCE times the mentions of all the others together ("overwhelming evidence"); otherwise it stays
its own entity. A lone established given name (رشيد, عبدالله) needs that margin over its own mentions too,
or in-article chaining as evidence: alone it is often a first name, at the end of a name a father's.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rapidfuzz.distance import Indel

from marsad import MarsadError, metadata, ner
from marsad.arabic import (Token, normalize_for_matching, normalize_hamza_seats, strip_article, strip_diacritics,
                           strip_tatweel, tokenize)
from marsad.lexicon import PhraseTable, canonical, normal, tokenized
from marsad.records import Article, Entity, Mention, content_id

PART_THRESHOLD = 0.92       # chosen on ANETAC by training/entity_threshold.py (see module docstring)
SUPPORTED_THRESHOLD = 0.90  # per part when two or more parts of a name differ in spelling
SINGLE_THRESHOLD = 0.96     # a single word against a single word, with nothing else to confirm it
LONG_PART = 7               # a part whose skeleton has this many letters is a long (usually foreign) name...
LONG_PART_THRESHOLD = 0.90  # ...whose transliterations drop or add a consonant (ستولتينبرغ/ستولينبيرج: 0.917);
                            # on ANETAC pairs with long parts: same recall, 0 false merges in 209 natural negatives
DOMINANCE = 10              # a lone surname joins the top candidate only with 10x the others' mentions
NAME_SHARE = 0.1            # a surface needs 10% of the top surface's count to be an entity's display name
MAX_TITLES = 5
MAX_TITLE_WORDS = 10         # Saudi news stacks roles (وكيل الوزارة ... رئيس اللجنة ... الدكتور); clause words end a
                             # title sooner (`_opens_clause`)
MAX_KEY_CHARS = 120         # longer "names" are tagger accidents; they are not counted
MAX_KEY_WORDS = 10
FUZZY_MIN_CHARS = 5         # single-word organisations/places shorter than this merge only on equal keys
ACRONYM_EVIDENCE = 2        # articles that must write "LONG FORM (ACRONYM)" before the two forms merge; one
                            # suffices when the tagger read the bracketed form as an organisation
TYPE_ORDER = ("PER", "ORG", "LOC", "MISC")

_DATA = Path(__file__).with_name("data")


class EntityDataError(MarsadError):
    """A data file the entity stage needs (titles, aliases, name lists) is missing or malformed."""


class NameStatsError(MarsadError):
    """Stored name statistics could not be read back (wrong shape or types)."""


def _load(name: str) -> dict:
    try:
        return json.loads((_DATA / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EntityDataError(f"cannot read marsad/data/{name}: {exc}") from exc


# ---------------------------------------------------------------------------------------------------------
# Normalisation and phonetic keys

_NOT_NAME = re.compile(r"[^\w\s]|_")
_DOUBLED = re.compile(r"(.)\1+")
_LONG_VOWELS = re.compile("[اوي]")
_PHONETIC = str.maketrans({"ج": "G", "غ": "G", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D",
                           "س": "S", "ص": "S", "ز": "Z", "ذ": "Z", "ظ": "Z", "ح": "H", "ه": "H", "ش": "C"})
_DIGRAPHS = (("تش", "ش"), ("تز", "تس"), ("ts", "تس"))


@lru_cache(maxsize=1 << 18)
def match_form(text: str) -> str:
    """The key a name is counted and compared under: the shared normalisation, hamza seats folded, a "+"
    after a name read as بلس, and punctuation, quotes, hashtags and underscores turned into spaces. گ becomes غ first because it is a G
    (the generic Persian-letter rule sends it to ك)."""
    text = normalize_hamza_seats(normalize_for_matching(text.replace("گ", "غ")))
    text = _PLUS_AFTER_NAME.sub(" بلس", text)            # "أوبك+" is written "أوبك بلس" too: OPEC+, not OPEC
    return " ".join(_NOT_NAME.sub(" ", text).split())


_PLUS_AFTER_NAME = re.compile(r"(?<=[^\W\d_])\+(?!\w)")


@lru_cache(maxsize=1 << 16)
def _word(token: str) -> str:
    """One word's article-insensitive form, for list look-ups (وزير = الوزير)."""
    return strip_article(match_form(token))


@lru_cache(maxsize=1 << 18)
def phonetic_key(part: str) -> str:
    """Fold the letter choices that differ between spellings of one transliterated name; keeps long vowels."""
    if len(part) > 3 and part[-1] == "ش" and part[-2] != "ت":   # غوتيريش / غوتيريس: a final s in
        part = part[:-1] + "س"                                    # Portuguese/Spanish, not Slavic -ić (يتش)
    for a, b in _DIGRAPHS:
        part = part.replace(a, b)
    if len(part) > 2 and part[-1] == "ه":
        part = part[:-1] + "ا"
    return _DOUBLED.sub(r"\1", part.translate(_PHONETIC))


@lru_cache(maxsize=1 << 18)
def skeleton(part: str) -> str:
    """The phonetic key without its long vowels (the first letter is kept): ستولتينبرغ -> STلTنبرG."""
    key = phonetic_key(part)
    return key[:1] + _LONG_VOWELS.sub("", key[1:])


def part_similarity(a: str, b: str) -> float:
    """Mean Indel similarity of the phonetic keys and of the skeletons: the first keeps vowel evidence, the
    second forgives inserted and dropped long vowels. Measured on ANETAC this separates spelling variants
    from different names better than either alone (training/entity_threshold.py)."""
    if a == b:
        return 1.0
    return (Indel.normalized_similarity(phonetic_key(a), phonetic_key(b))
            + Indel.normalized_similarity(skeleton(a), skeleton(b))) / 2


# ---------------------------------------------------------------------------------------------------------
# Data lists

_TITLES = _load("titles.json")
_NAMES = _load("person_names.json")
_ORGS = _load("org_aliases.json")
# every listed body's spellings: the seed groups and the bodies known by one distinctive name
_BODY_GROUPS = _ORGS["groups"] + _ORGS.get("one_word_bodies", [])
_AMOUNTS = _load("amounts.json")


def _phrases(items: Iterable[str]) -> set[tuple[str, ...]]:
    return {tuple(_word(w) for w in match_form(item).split()) for item in items if match_form(item)}


_HEADS = _phrases(_TITLES["heads"])
_MADDA_FIRST = {_word(h.split()[0]) for h in _TITLES["heads"] if h.startswith("آ") and " " not in h}
_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = defaultdict(list)
for _head in sorted(_HEADS, key=len, reverse=True):
    _HEADS_BY_FIRST[_head[0]].append(_head)
_HONORIFICS = sorted(_phrases(_TITLES["honorifics"]), key=len, reverse=True)
_LONGEST_HONORIFIC = max(map(len, _HONORIFICS), default=0)
_HONORIFIC_FIRST = {h[0] for h in _HONORIFICS}
_STOP_WORDS = {match_form(w) for w in _TITLES["stop_words"]}
_RANKS = _phrases(_TITLES["ranks"])
_DEFINITE_ONLY = _phrases(_TITLES["definite_only"])
_ADJECTIVELESS_RANKS = _phrases(_TITLES["adjectiveless_ranks"])
_ADJECTIVELESS_FIRST = {k[0] for k in _ADJECTIVELESS_RANKS}
_TITLE_TAILS = {_word(w) for w in _TITLES["title_tails"]}
_TITLE_TAILS_WRITTEN = {match_form(w) for w in _TITLES["title_tails"]}
_FUNCTION_WORDS = {match_form(w) for w in _TITLES["function_words"]}
_CLAUSE_NOUNS = {match_form(w) for w in _TITLES["clause_nouns"]}
_NAMING_WORDS = {match_form(w) for w in _TITLES["naming_words"]}
_BODY_WORDS = ({_word(w) for w in _TITLES["namesake_places"] + _TITLES["namesake_bodies"] + _ORGS["generic_heads"]}
               | {_word(w) for w, kind in ner.TRIGGER_OF.items() if kind in ("ORG", "LOC")})
_ROYAL_TITLES = {match_form(w) for w in _TITLES["royal_titles"]}
_FIRST_NAME_TITLES = {match_form(w) for w in _TITLES["first_name_titles"]}
_NAMESAKE_TYPE = {**{_word(w): "LOC" for w in _TITLES["namesake_places"]},
                  **{_word(w): "ORG" for w in _TITLES["namesake_bodies"]}}
_SPLIT_PROCLITICS = set(_TITLES["split_proclitics"])
_COMPOUND_PREFIXES = {match_form(w) for w in _NAMES["compound_prefixes"]}
_COMPOUND_SUFFIXES = {match_form(w) for w in _NAMES["compound_suffixes"]}
_PARTICLES = {match_form(w) for w in _NAMES["particles"]}
_JOIN_NEXT = _COMPOUND_PREFIXES | _PARTICLES
_LINEAGE = {match_form(w): match_form(m) for w, m in _NAMES["lineage_prefixes"].items()}
_NAME_PATRONYMICS = {match_form(w) for w in _NAMES["name_patronymics"]}
# a surname of two words news writes without the first name: "أبو الغيط", "فان خال", "كليتشدار أوغلو"
_SURNAME_OPENERS = {match_form(w) for w in _NAMES["surname_openers"]}
_SURNAME_ENDINGS = {match_form(w) for w in _NAMES["surname_endings"]}
LINEAGE_MARK = "+"          # joins a lineage word to its name: بن سلمان -> "بن+سلمان", آل سعود -> "ال+سعود"
_GIVEN_NAMES = {_word(w) for w in _NAMES["given_names"]}
_CLITIC_FREE = _GIVEN_NAMES | _COMPOUND_PREFIXES
_GENERIC_HEADS = {_word(w) for w in _ORGS["generic_heads"]}
_DESCRIPTORS = {_word(w) for w in _ORGS["descriptors"]}
_ACTIVITY_WORDS = {_word(w) for w in _ORGS["activity_words"]}


def _add_counts(target: Counter, source: Counter) -> None:
    """`target.update(source)` without Counter.update's type checks (they dominate resolution time)."""
    get = target.get
    for item, n in source.items():
        target[item] = get(item, 0) + n


def _loose(key: str) -> str:
    """Article-insensitive form of a matching key: العراق = عراق, حلف الناتو = حلف ناتو."""
    return " ".join(strip_article(t) for t in key.split())


_WORD_VARIANTS = {_word(a): _word(b) for a, b in _ORGS["word_variants"].items()}


def _variant_free(loose: str) -> str:
    """An article-insensitive key with the regional spellings of `word_variants` folded: حزب عمال كوردستاني ->
    حزب عمال كردستاني."""
    return " ".join(_WORD_VARIANTS.get(w, w) for w in loose.split())


_PLACE_SEEDS = {_variant_free(_loose(match_form(alias))): i for i, group in enumerate(_ORGS["place_groups"])
                for alias in group}
_SEEDS: dict[str, int] = {}
_SEED_CANONICAL: list[str] = []
for _i, _group in enumerate(_BODY_GROUPS):
    _SEED_CANONICAL.append(_loose(match_form(_group[0])))
    for _alias in _group:
        _SEEDS.setdefault(_variant_free(_loose(match_form(_alias))), _i)


# ---------------------------------------------------------------------------------------------------------
# Person names: parts and matching

@lru_cache(maxsize=1 << 18)
def person_parts(key: str) -> tuple[str, ...]:
    """A person's matching key as name parts: honorifics dropped, compounds (عبد اللطيف, أبو بكر, يار الله,
    دي مايو) joined without their space so that عبدالله = عبد الله, the article stripped, initials dropped.
    Lineage parts (بن/ابن X, بنت X, آل X) keep a LINEAGE_MARK, because a patronymic tells relatives apart:
    "الشيخ عبد الله بن زايد آل نهيان" -> ("عبدالله", "بن+زايد", "ال+نهيان")."""
    words = key.split()
    start = tuple(_word(w) for w in words[:_LONGEST_HONORIFIC])
    for honorific in _HONORIFICS:
        n = len(honorific)
        if len(words) > n and start[:n] == honorific:
            words = words[n:]
            break
    if words:
        words[0] = _without_name_clitic(words[0])
    parts: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _COMPOUND_SUFFIXES and parts:
            parts[-1] = parts[-1] + word
            i += 1
            continue
        lineage = _LINEAGE.get(word) if i + 1 < len(words) else None
        if lineage:
            i += 1
            word = lineage + LINEAGE_MARK + strip_article(words[i])
        while words[i] in _JOIN_NEXT and i + 1 < len(words):
            i += 1
            word += words[i]
        i += 1
        if len(strip_article(word)) > 1:
            parts.append(word)
    return tuple(parts)


def _without_name_clitic(word: str) -> str:
    """A tagger sometimes keeps و/ف/ب/ل on a name (ومحمد, لعلي, وعبد); drop it when a known given name (or the
    start of a compound) is left, which a root letter never leaves (وليد, بسام, فهد stay whole)."""
    for n in (1, 2):
        if len(word) > n + 1 and word[0] in "وفبل" and (n == 1 or word[1] in "بل") \
                and word[n:] in _CLITIC_FREE:
            return word[n:]
    return word


def _is_lineage(part: str) -> bool:
    return LINEAGE_MARK in part


def _suffix_only(a: str, b: str) -> bool:
    """True when one word is the other plus a feminine or nisba ending: سعيد/سعيده, كاظم/كاظمي, مصر/مصري.
    Those are different names (or a name and an adjective), never spelling variants."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) and long[len(short):] in ("ه", "ي", "يه", "ا", "ان", "يون", "يين")


def _different_given_names(a: str, b: str) -> bool:
    """Two established given names, alone or after the same compound word (ام محمد != ام محمود)."""
    if a[:2] == b[:2]:
        for prefix in _COMPOUND_PREFIXES:
            if a.startswith(prefix) and b.startswith(prefix):
                a, b = a[len(prefix):], b[len(prefix):]
                break
    return a != b and a in _GIVEN_NAMES and b in _GIVEN_NAMES


def _given_name(part: str) -> bool:
    """An established given name (سلمان, عبدالله, رشيد): alone, it is often someone's first name, while as the
    last part of a name it may be a father's name (ابتسام عبد الله). So a lone one joins a full name across
    articles on the articles' own evidence (chaining), or when that full name is overwhelmingly more frequent
    than the lone word itself, not merely because one full name ends with it."""
    return part in _GIVEN_NAMES or part.startswith("عبد")


def _native(part: str) -> bool:
    """A part written with the article or as lineage (الشهراني, آل سعود, بن سعد) is an Arabic name, whose long
    vowels are not spelling noise: العمري and العامري are two families, سعد and سعيد two names."""
    return LINEAGE_MARK in part or (part.startswith("ال") and len(part) > 4)


_BEN_JOINED = "بن" + LINEAGE_MARK
_FINAL_S = {"S", "Z"}       # phonetic keys of a final س and ز: an s that English and German names voice or not


def _final_s_only(pa: str, pb: str) -> bool:
    """Two phonetic keys that differ only in a final س/ز (هانس/هانز, جيمس/جيمز)."""
    return len(pa) > 3 and pa[:-1] == pb[:-1] and {pa[-1], pb[-1]} == _FINAL_S


@lru_cache(maxsize=1 << 18)
def _parts_match(a: str, b: str, threshold: float, supported: bool) -> bool:
    if a == b or (_BEN_JOINED in (a[:3], b[:3]) and a.replace(LINEAGE_MARK, "") == b.replace(LINEAGE_MARK, "")):
        return True                     # "بنموسى" is "بن موسى" written as one word (Maghrebi family names)
    native = _native(a) or _native(b)
    bare_a, bare_b = strip_article(a), strip_article(b)
    if bare_a == bare_b:
        # الكاظمي = كاظمي, but الرشيد (a family) != رشيد (a given name)
        return not (bare_a in _GIVEN_NAMES or bare_a.startswith(("عبد", "ابو")))
    a, b = bare_a, bare_b
    if not a or not b:
        return False
    pa, pb = phonetic_key(a), phonetic_key(b)
    if supported and not native and _final_s_only(pa, pb):
        return not _different_given_names(a, b)      # هانز غروندبيرغ ~ هانس غروندبرغ: the surname confirms it
    if pa != pb and (native or pa[0] != pb[0] or pa[-1] != pb[-1]):     # the cheap refusals first
        return False
    if _different_given_names(a, b):
        return False
    if pa == pb:
        return True
    if _suffix_only(a, b):
        return False
    if min(len(pa), len(pb)) <= 3:
        # Too short for a similarity score to mean anything (جون/جين/جان): only the vowels may differ, and
        # only when another differing part of the name confirms the match (ينس/يانس ستولتينبرغ).
        return supported and skeleton(a) == skeleton(b)
    if min(len(skeleton(a)), len(skeleton(b))) >= LONG_PART and threshold == PART_THRESHOLD:
        # One consonant in a long transliterated name is one edit among many: the same bar as a part
        # confirmed by another part of the name.
        threshold = min(threshold, LONG_PART_THRESHOLD)
    return part_similarity(a, b) >= threshold


def parts_match(a: str, b: str, threshold: float = PART_THRESHOLD, supported: bool = False) -> bool:
    """Whether two name parts (in `person_parts` form) are spellings of one name. `supported`: another
    differing part of the same name matched too, which lets short names differ in their vowels."""
    return _parts_match(a, b, threshold, supported) if a <= b else _parts_match(b, a, threshold, supported)


def _align(short: tuple[str, ...], long: tuple[str, ...], threshold: float) -> list[tuple[str, str]] | None:
    """Pairs of aligned parts, or None when some part finds no partner. Either the shorter name is the start
    of the longer one and the rest is lineage (محمد بن سلمان ~ محمد بن سلمان بن عبدالعزيز آل سعود), or first
    goes with first, last with last and the shorter name's middle parts, in order, with some of the longer
    one's middle parts; a skipped middle part may not be lineage nor come right before it (فيصل بن عبدالعزيز
    != فيصل بن بندر بن عبدالعزيز, خالد بن عبدالعزيز != خالد الفيصل بن عبدالعزيز: a skipped patronymic is
    another generation)."""
    n = len(short)
    if n < len(long) and all(_is_lineage(p) for p in long[n:]) \
            and all(parts_match(x, y, threshold, True) for x, y in zip(short, long)):
        return list(zip(short, long))
    if not (parts_match(short[0], long[0], threshold, True) and parts_match(short[-1], long[-1], threshold, True)):
        return None
    pairs = [(short[0], long[0]), (short[-1], long[-1])]
    skipped = []
    j = 1
    for part in short[1:-1]:
        while j < len(long) - 1 and not parts_match(part, long[j], threshold, True):
            skipped.append(j)
            j += 1
        if j >= len(long) - 1:
            return None
        pairs.append((part, long[j]))
        j += 1
    skipped += range(j, len(long) - 1)
    # A skipped part may not be lineage, nor stand right before it: in خالد الفيصل بن عبدالعزيز, بن عبدالعزيز
    # is the grandfather, in خالد بن عبدالعزيز the father. A name that gives no lineage at all and ends on a
    # family name (بدر البوسعيدي ~ بدر بن حمد البوسعيدي) says nothing of generations: it may skip it.
    if _family_name_only(short, long):
        return pairs
    if any(_is_lineage(long[k]) or _is_lineage(long[k + 1]) for k in skipped):
        return None
    return pairs


def _family_name_only(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The shorter name has no بن/آل part and both end on a family name with the article that is no given
    name: البوسعيدي is a family, while الفيصل is "son of Faisal" (سعود الفيصل != سعود بن خالد الفيصل)."""
    last = short[-1]
    bare = strip_article(last)
    return (not any(_is_lineage(p) for p in short) and not _is_lineage(long[-1])
            and bare != last and strip_article(long[-1]) != long[-1] and not _given_name(bare))


_FOREIGN_FOLD = str.maketrans({"ث": "س", "ز": "س", "ذ": "س", "ص": "س", "ق": "ك", "ح": "ه", "ط": "ت",
                               "غ": "ج", "ض": "د", "ظ": "س"})
_FOREIGN_DIGRAPHS = (("تش", "ش"), ("تس", "س"), ("تز", "س"), ("دز", "س"))
FOREIGN_MIN_CHARS = 4       # shorter parts (جون/جين) say too little once their vowels and sibilants fold


@lru_cache(maxsize=1 << 16)
def foreign_key(part: str, last: bool) -> str:
    """A looser key for a part of a foreign (non-Arabic) name, where Arabic spellings differ in one sound:
    German z as تس or ز (ميرتس/ميرز), Spanish z as ث or ز (سانشيث/سانشيز; a final س stays apart, as in
    `_final_s_only`), Turkish k as ك or ق and h as
    ه or ح (هاكان/حقان) and, in a surname (`last`), a final e or a as ه, ي or ا (روته/روتي). Long vowels stay
    (`foreign_parts_match` allows one of them to differ); a final و stays apart (ماريو/ماريا), and a first name
    keeps its final vowel, which tells genders apart (دانييلي/دانييلا)."""
    final_z = part.endswith(("ز", "ث", "تس", "تز", "دز", "ذ", "ظ"))
    for x, y in _FOREIGN_DIGRAPHS:
        part = part.replace(x, y)
    part = _DOUBLED.sub(r"\1", part.translate(_FOREIGN_FOLD))
    if final_z:                         # a final z however written (ميرتس/ميرز, سانشيث/سانشيز), but not the
        part = part[:-1] + "Z"          # s that tells Louise from Louis (لويز/لويس: `_final_s_only`)
    if last and len(part) > 2 and part[-1] in "اىيه":
        return part[:-1] + "V"
    return part[:-1] + {"ه": "ا", "ى": "ي"}.get(part[-1:], part[-1:])


def _foreign_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of one foreign person that differ in one part by one sound, the rest identical: فريدريش ميرتس
    ~ فريدريش ميرز, دونالد توسك ~ دونالد تاسك, مارك روته ~ مارك روتي, هاكان فيدان ~ حقان فيدان. Only when nothing
    in the names is Arabic (no established Arabic given name, no article, lineage or compound: محمد سلمان !=
    محمد سليمان, العمري != العامري), the differing parts are FOREIGN_MIN_CHARS letters or more, neither is the
    other plus a feminine or nisba ending, and their `foreign_key`s agree."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differing = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differing) != 1:
        return False
    if any(_native(p) or _given_name(strip_article(p)) or p.startswith("ال") for p in a + b):
        return False
    i = differing[0]
    return foreign_parts_match(a[i], b[i], i == len(a) - 1)


def foreign_parts_match(x: str, y: str, last: bool, threshold: float = PART_THRESHOLD) -> bool:
    """The part-level test of `_foreign_variant` (for parts known not to be Arabic): at least FOREIGN_MIN_CHARS
    letters, not one plus a feminine or nisba ending of the other, and equal `foreign_key`s, or keys whose
    consonants the folds made equal and whose long vowels differ little enough to clear `threshold`
    (هاكان/حقان). A vowel alone is not enough (توسك/تاسك, كيري/كاري: on ANETAC as often two names as one)."""
    if x == y:
        return True
    if min(len(x), len(y)) < FOREIGN_MIN_CHARS or _suffix_only(x, y):
        return False
    kx, ky = foreign_key(x, last), foreign_key(y, last)
    if kx == ky:
        return True
    # Otherwise the folds must account for every consonant that differs (هاكان/حقان: ك/ق), and the long vowels
    # left differing must still clear the threshold (on the folded keys, as `part_similarity`).
    sx, sy = kx[0] + _LONG_VOWELS.sub("", kx[1:]), ky[0] + _LONG_VOWELS.sub("", ky[1:])
    if sx != sy or skeleton(x) == skeleton(y) or min(len(kx), len(ky)) <= 3:
        return False
    return (Indel.normalized_similarity(kx, ky) + 1) / 2 >= threshold


def _foreign_block(parts: tuple[str, ...]) -> tuple[str, ...]:
    """A blocking key under which `_foreign_variant` pairs meet: every part's `foreign_key` without its long
    vowels (ميرتس and ميرز, هاكان and حقان share none of the `_blocks` keys)."""
    keys = (foreign_key(strip_article(p), n == len(parts) - 1) for n, p in enumerate(parts))
    return ("foreign",) + tuple(k[:1] + _LONG_VOWELS.sub("", k[1:]) for k in keys)


def person_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-part names are one person's when every aligned part matches. The shorter may leave out
    middle parts (محمد السوداني ~ محمد شياع السوداني) but never the first or the last, so a shared surname
    or first name alone is not enough (مصطفى الكاظمي != محمد شياع السوداني; عبد اللطيف جمال رشيد != عبد
    الأمير رشيد يار الله). When a single part differs in spelling it must clear PART_THRESHOLD; when two or
    more differ (يانس ستولينبيرج ~ ينس ستولتينبرغ) each needs SUPPORTED_THRESHOLD, since independent fuzzy
    matches confirm each other while an identical common first name (محمد) confirms nothing."""
    if len(a) < 2 or len(b) < 2:
        return False
    if _foreign_variant(a, b):
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    pairs = _align(short, long, SUPPORTED_THRESHOLD)
    if pairs is None:
        return False
    keys = [(phonetic_key(strip_article(x)), phonetic_key(strip_article(y))) for x, y in pairs]
    differing = [(x, y) for (x, y), (kx, ky) in zip(pairs, keys) if kx != ky]
    if differing and all(_final_s_only(kx, ky) for kx, ky in keys if kx != ky):
        return False                    # a final s swap confirms nothing: لويز سواريز != لويس سواريس
    return len(differing) != 1 or parts_match(*differing[0], PART_THRESHOLD)


def spelling_matches(query: str, form: str, type: str) -> bool:
    """Whether a name someone types is a spelling of an entity's name or alias (of `type`), by the rules
    that merge spellings: two person names part by part (`person_names_match`), one word against a person's
    surname or against a one-word name (`parts_match` at PART_THRESHOLD: a query shows the entity it found,
    so it may be looser than merging, which holds single words to SINGLE_THRESHOLD). "البصرة" is not
    "جامعة البصرة"."""
    q, f = person_parts(match_form(query)), person_parts(match_form(form))
    if not q or not f:
        return False
    if type == "PER" and len(q) >= 2 and len(f) >= 2:
        return person_names_match(q, f)
    if len(q) == 1 and (type == "PER" or len(f) == 1):
        return parts_match(q[0], f[-1], PART_THRESHOLD)
    return False


def _blocks(part: str) -> tuple[str, str]:
    """Blocking keys: the skeleton's start or end, each with the phonetic key's first and last letter, which
    `parts_match` requires to agree anyway (so blocking loses nothing the matcher would accept)."""
    bare = strip_article(part).replace(LINEAGE_MARK, "")     # "بن+موسي" blocks with "بنموسي"
    s, p = skeleton(bare), phonetic_key(bare)
    return f"{s[:3]}|{p[-1:]}", f"{p[:1]}|{s[-3:]}|{p[-1:]}"


# ---------------------------------------------------------------------------------------------------------
# Per article: titles

_WINDOW = 160               # characters searched on each side of a name: MAX_TITLE_WORDS words and more
_OPENERS = {"،", ",", "“", '"', "«", "#", "'", "‘", "„"}
_COMMAS = {"،", ","}


def _is_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _head_at(words: list, j: int) -> tuple[int, str, int, str] | None:
    """The title head starting at words[j] (after a possible proclitic): (prefix length, proclitic,
    number of words, article to restore) or None. A rank that is a common noun without the article
    (`definite_only`: فريق "team", لواء "brigade") is a head only with it."""
    norm = match_form(words[j].text)
    candidates = [(0, "", norm, "")]
    k = 0
    if len(norm) > 3 and norm[0] in "وف":
        k = 1
        candidates.append((1, norm[0], norm[1:], ""))
    if len(norm) - k > 3 and norm[k] in "بكل":
        if norm[k:k + 2] == "لل":
            candidates.append((k + 2, norm[:k + 1], "ال" + norm[k + 2:], "ال"))
        candidates.append((k + 1, norm[:k + 1], norm[k + 1:], ""))
    for prefix, proclitic, stem, restore in candidates:
        first = strip_article(stem)
        definite = bool(restore) or first != stem
        for head in _HEADS_BY_FIRST.get(first, ()):
            if head in _DEFINITE_ONLY and not definite:
                continue
            if head[0] in _MADDA_FIRST and not re.sub("^ال", "", _bare_letters(words[j].text)[prefix:]).startswith("آ"):
                continue                          # آمر "commander", not أمر "he ordered"
            if j + len(head) <= len(words) and all(
                    _word(words[j + n].text) == head[n] for n in range(1, len(head))):
                return prefix, proclitic, len(head), restore
    return None


_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كما", "كم", "ه")
_SHORT_PRONOUN_WORDS = {"له", "لها", "لهم", "لهما", "به", "بها", "بهم", "فيه", "منه", "عنه", "معه", "معها", "معهم"}
_NAME_RATES = frozenset({"PER3", "LOC3", "ORG3"})
_COMMON_EXCLUDED = frozenset({"PER2", "PER3", "LOC3", "ORG3"})
_DEFINITE_TA = re.compile(r"(?<!\w)(?:[وفبلك]?ال|لل)\w+ة(?!\w)")
_DEFINITE_HA = re.compile(r"(?<!\w)(?:[وفبلك]?ال|لل)\w+[^\Wاى]ه(?!\w)")


@lru_cache(maxsize=16)
def _writes_teh_marbuta(text: str) -> bool:
    """Whether the article writes a final ة as ة (الجمهورية), so a final ه is a pronoun (صفوفه, نجمه); an
    outlet that writes ة as ه (الجمهوريه) leaves that ambiguous. Definite words are counted, as a pronoun
    never follows the article (الله and a root ه after a long vowel, المياه, are not counted)."""
    with_ha = sum(1 for m in _DEFINITE_HA.finditer(text) if not m.group().endswith("الله"))
    return with_ha <= len(_DEFINITE_TA.findall(text)) / 10


def _bare_letters(token: str) -> str:
    return "".join(c for c in token if c not in _MARKS)


def _pronoun_word(token: str, text: str) -> bool:
    """A word carrying a possessive or object pronoun (صفوفه, أبرزهم, أجرته, عليه, نجمه السابق): it never
    belongs to a title, and a title never reaches back over it; relational descriptions (نجمه, شيخه) are no
    titles either. A definite word cannot carry one; names (عبدالله, أبها) and words whose ه ends the root
    (المياه, وجه: the rest is no word) are left alone, as is a lone ه where the outlet writes ة as ه."""
    word = _bare_letters(token)
    if word in _SHORT_PRONOUN_WORDS:
        return True
    if _DEFINITE.match(word) or len(word) < 3:
        return False
    suffix = next((x for x in _PRONOUN_SUFFIXES if word.endswith(x) and len(word) - len(x) >= 3), None)
    if suffix is None:
        return False
    if _word(word) in _GIVEN_NAMES or _NAME_RATES & set(_rates_of(word)):
        return False
    if suffix != "ه":
        return True
    base = word[:-1]
    if base.endswith("ا") or not _writes_teh_marbuta(text):
        return False
    clusters = _lexicons().clusters
    if base.endswith(("ئ", "ؤ")):              # لقائه, أعضاؤه: the hamza sits on a seat before the pronoun
        base = base[:-1] + "ء"
    return ner.feature_form(base) in clusters or (
        base.endswith("ت") and ner.feature_form(base[:-1] + "ة") in clusters)


def _common_word(token: str) -> bool:
    """A frequent news word that is not mostly written inside names (مشاركة, أمثال, not تبوك, ميادة)."""
    return (_ARABIC_LETTER.search(token) is not None and ner.feature_form(token) in _lexicons().clusters
            and not _COMMON_EXCLUDED & set(_rates_of(token)) and _word(token) not in _GIVEN_NAMES)


def _governs_name(token: str) -> bool:
    """Whether a word without the article right before a name makes the name its genitive, so the name is
    no titled person's: a frequent word news never writes inside a name (تعذر مشاركة أحمد زكي, أفضل ممثلة من
    نصيب ..., a first name the tagger left out: الشيخة أمثال ...), or the word for a body (دار هاربر كولينز,
    مجموعة ابن لادن), whose name follows. Not a title tail (العميد ركن), an adjective or a head."""
    if (_DEFINITE.match(match_form(token)) or _word(token) in _TITLE_TAILS or _nisba(token)
            or not _ARABIC_LETTER.search(token)):
        return False
    word = _word(token)
    if word in _BODY_WORDS:
        return True
    return (ner.feature_form(token) in _lexicons().clusters and not _rates_of(token)
            and word not in _GIVEN_NAMES)


def _nisba(token: str) -> bool:
    """An adjective of origin, with or without the article (العراقي, أمريكي, الأوروبية)."""
    bare = strip_article(match_form(token))
    return len(bare) >= 4 and (bare.endswith("ي") or bare.endswith("يه"))


def _without_conjunction(token: str) -> str:
    return token[1:] if len(token) > 3 and token[0] in "وف" else token


def _opens_clause(token: str, text: str, before: str = "") -> bool:
    """A word a title does not reach back over: a stop word, a pronoun-carrying word, a function word behind
    و/ف (وفي, ومن, وبعد), a preposition ب behind و/ف (وبحضور, وبرعاية), a noun opening an adverbial phrase
    after a preposition (في عهد, في حالة, بعهد; `before` is the word before it)."""
    form = match_form(token)
    if form in _STOP_WORDS or _pronoun_word(token, text):
        return True
    if len(form) > 2 and form[0] in "وف":
        rest = form[1:]
        if rest in _FUNCTION_WORDS or rest in _STOP_WORDS:
            return True
        if len(rest) > 3 and rest[0] == "ب" and not _DEFINITE.match(rest[1:]):
            return True
    if form in _CLAUSE_NOUNS:
        return match_form(before) in _FUNCTION_WORDS
    return len(form) > 4 and form[0] == "ب" and form[1:] in _CLAUSE_NOUNS


class _Word:
    """A bare word where `_head_at` expects tokens."""
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def _starts_head(token: str) -> bool:
    """Whether a title head (of one word or more) can start at this word, after a possible proclitic."""
    norm = match_form(token)
    stems = [norm]
    if len(norm) > 3 and norm[0] in "وف":
        stems.append(norm[1:])
    for stem in list(stems):
        if len(stem) > 3 and stem[0] in "بكل":
            stems.append("ال" + stem[2:] if stem.startswith("لل") else stem[1:])
    return any(strip_article(stem) in _HEADS_BY_FIRST for stem in stems)


def _ends_after_adjective(token: str) -> bool:
    """Whether a word after a title closed by an adjective of origin (رئيس الوزراء الإسرائيلي ...) starts
    something else: a common word without the article or a conjunction that is no head, honorific, title
    tail, adjective, preposition or prepositional complement (لشؤون الطاقة, بمنطقة عسير, في الخارج)."""
    form = match_form(token)
    return not (_DEFINITE.match(form) or form[:1] in "بلوف" or form in _FUNCTION_WORDS or _starts_head(token)
                or _word(token) in _HONORIFIC_FIRST or _word(token) in _TITLE_TAILS or _nisba(token)
                ) and _common_word(token)


def _names_institution(token: str) -> bool:
    """An institution word a royal name after it names (مطار الملك خالد, بجامعة الملك سعود): see `_namesakes`."""
    for cut in range(0, min(3, len(token) - 1)):
        if cut and token[cut - 1] not in "وفبلك":
            break
        if _word(token[cut:]) in _NAMESAKE_TYPE:
            return True
    return False


def _head_spans(wordlist: list) -> list[tuple[int, tuple[int, str, int, str]]]:
    return [(j, h) for j in range(len(wordlist)) if (h := _head_at(wordlist, j)) is not None]


def _rank_alone(wordlist: list, j: int, head: tuple[int, str, int, str]) -> bool:
    """Whether a head at wordlist[j] is a definite military rank (اللواء, العميد) followed by nothing but other
    ranks or heads, adjectives of origin and title tails up to the name, as a rank stands right before the
    name it goes with. A definite rank followed by anything else is a homograph (الفريق "the team", العميد
    "the club") or belongs to a clause, and starts no title."""
    prefix, _, size, restore = head
    key = tuple(_word(w.text) for w in wordlist[j:j + size])
    key = (strip_article(match_form(wordlist[j].text)[prefix:]),) + key[1:]
    if key not in _RANKS or not (restore or _DEFINITE.match(match_form(wordlist[j].text)[prefix:])):
        return True
    if key[0] in _ADJECTIVELESS_FIRST and any(       # "الفريق الأول" is the first team, "الفريق أول" a rank
            _DEFINITE.match(match_form(w.text)) and match_form(w.text) not in _TITLE_TAILS_WRITTEN
            for w in wordlist[j + 1:j + size]):
        return False
    n = j + size
    while n < len(wordlist):
        word = wordlist[n].text
        inner = _head_at(wordlist, n)
        if inner is not None:
            n += inner[2]
            continue
        if _DEFINITE.match(match_form(word)) and key[0] in _ADJECTIVELESS_FIRST:
            return False                          # "الفريق الأرجنتيني", "الفريق الأول": a team
        if not (_nisba(word) or _word(word) in _TITLE_TAILS):
            return False
        n += 1
    return True


def _window_tokens(text: str, lo: int, hi: int) -> list[Token]:
    """`tokenize(text[lo:hi])` (offsets from lo) read from the article's shared tokens (`lexicon.tokenized`):
    a word cut by either edge is tokenised as the window would cut it. Titles and names look at short
    windows around every mention; tokenising each window again was a third of their time."""
    read = tokenized(text)
    first = bisect_right(read.starts, lo) - 1
    if first < 0 or read.tokens[first].end <= lo:
        first += 1
    last = bisect_left(read.starts, hi)
    out: list[Token] = []
    for k in range(first, last):
        t = read.tokens[k]
        if t.start >= lo and t.end <= hi:
            out.append(Token(t.text, t.start - lo, t.end - lo))
        else:                                     # cut by the window: as the window reads it
            a, b = max(t.start, lo), min(t.end, hi)
            out += [Token(p.text, p.start + a - lo, p.end + a - lo) for p in tokenize(text[a:b])]
    return out


_ABBREVIATED_HONORIFICS = {"د", "م", "ا", "ا.د"}     # د. (doctor), م. (engineer), أ. (professor)


_QUOTE_PAIRS = {"»": "«", "”": "“", '"': '"'}
MAX_QUOTED_BODY = 4           # words of a body's name quoted inside a title (لـ«قطر للطاقة»)


def _quoted_body_before(tokens: list, i: int) -> int | None:
    """Index of the opening quote when tokens[i] closes a short quoted name that a bare ل (لـ«...») puts
    inside a title ("الرئيس التنفيذي لـ«قطر للطاقة»"), else None."""
    if tokens[i].text not in _QUOTE_PAIRS:
        return None
    for j in range(i - 1, max(-1, i - MAX_QUOTED_BODY - 2), -1):
        if tokens[j].text == _QUOTE_PAIRS[tokens[i].text]:
            inside_words = all(_is_word(t.text) for t in tokens[j + 1:i]) and j + 1 < i
            return j if inside_words and j > 0 and match_form(tokens[j - 1].text) == "ل" else None
        if not _is_word(tokens[j].text):
            return None
    return None


def _title_before(text: str, mention: Mention, blocked: list[tuple[int, int]]) -> str | None:
    """The role phrase right before a name (see `attach_titles`), or None."""
    lo = max(0, mention.start - _WINDOW)
    tokens = _window_tokens(text, lo, mention.start)
    if lo > 0 and tokens:
        tokens = tokens[1:]                       # may be cut in the middle
    i = len(tokens) - 1
    right = mention.start - lo
    skipped = 0
    while i >= 0 and (tokens[i].text in _OPENERS or match_form(tokens[i].text) in _NAMING_WORDS) and skipped < 3:
        if "\n" in text[lo + tokens[i].end:lo + right]:
            return None
        right = tokens[i].start
        i -= 1
        skipped += 1
    if i >= 1 and tokens[i].text == "." and match_form(tokens[i - 1].text) in _ABBREVIATED_HONORIFICS:
        right = tokens[i - 1].start               # "وزير الصحة د. أحمد العوضي": the doctor's title is the
        i -= 2                                    # office before the abbreviation
    window: list = []
    words = 0
    while i >= 0 and words < MAX_TITLE_WORDS:
        tok = tokens[i]
        start, end = lo + tok.start, lo + tok.end
        if "\n" in text[end:lo + right]:
            break
        if tok.text == ")" and i >= 2 and tokens[i - 2].text == "(" and _is_word(tokens[i - 1].text):
            window.extend([tok, tokens[i - 1], tokens[i - 2]])
            right = tokens[i - 2].start
            i -= 3
            continue
        quoted = _quoted_body_before(tokens, i)
        if quoted is not None:                    # "الرئيس التنفيذي لـ«قطر للطاقة»": the body it heads,
            window.extend(tokens[quoted:i + 1][::-1])   # quoted after ل
            right = tokens[quoted].start
            i = quoted - 1
            continue
        if not _is_word(tok.text) or any(s < end and start < e for s, e in blocked):
            break
        before = tokens[i - 1].text if i > 0 else ""
        if _pronoun_word(tok.text, text) or (_opens_clause(tok.text, text, before) and not _starts_head(tok.text)):
            break
        if match_form(tok.text) == "من" and not match_form(before).startswith("ل"):
            break                                 # "بتوجيه من", "بدلا من": a source, not a title's complement
                                                  # (only a verbal noun with ل takes it: للتخفيف من آثار ...)
        if _gentilic_word(before) and _ends_after_adjective(tok.text):
            break                                 # "رئيس الوزراء الإسرائيلي امتصاص الغضب": the title ended
        window.append(tok)
        right = tok.start
        words += 1
        i -= 1
        if _joined_honorific(tok.text):
            break                                 # "... مستشار الأمن الوطني ومعالي الدكتور سلطان": what comes
                                                  # before "ومعالي" is the role of the person named before
    if words == MAX_TITLE_WORDS and _starts_head(window[-1].text):
        for _ in range(3):                        # cut by the length limit inside a chain of heads: they go
            if i < 0 or not _is_word(tokens[i].text) or not _starts_head(tokens[i].text):    # on (سفير خادم
                break                                                                         # الحرمين ...)
            window.append(tokens[i])
            i -= 1
    window.reverse()
    wordlist = [t for t in window if _is_word(t.text)]
    if not wordlist:
        return None
    found = [(j, h) for j, h in _head_spans(wordlist) if _rank_alone(wordlist, j, h)
             and not (j and match_form(wordlist[j].text) in _ROYAL_TITLES and _names_institution(wordlist[j - 1].text))]
    if not found:
        return None
    if window[-1] is wordlist[-1]:                # the word right before the name, when it is no head's
        last = len(wordlist) - 1                  # and no title's ending, governs the name: "تعذر مشاركة
        in_head = any(j <= last < j + h[2] for j, h in _head_spans(wordlist))   # أحمد زكي", "دار هاربر"
        if not in_head and _governs_name(wordlist[last].text):
            return None
    split = [(j, h) for j, h in found if h[1] in _SPLIT_PROCLITICS]
    j, (prefix, _, _, restore) = split[-1] if split else found[0]
    first = wordlist[j]
    phrase = restore + text[lo + first.start + prefix:lo + window[-1].end]
    return " ".join(phrase.split()) or None


def _joined_honorific(token: str) -> bool:
    """و/ف + an honorific ("ومعالي", "وسمو", "والدكتور"): a second person's titles begin here."""
    form = match_form(token)
    return len(form) > 2 and form[0] in "وف" and (_word(form[1:]),) in _HONORIFIC_SET


# honorifics that are no common noun ("وفريق برشلونة" is a team, "ولواء" a brigade): these after و open a name
_HONORIFIC_SET = frozenset((_word(w),) for w in (
    "معالي", "سمو", "فخامة", "سعادة", "جلالة", "سماحة", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "السيد",
    "السيدة", "الأستاذ", "الأستاذة", "المهندس", "المهندسة", "الأمير", "الأميرة", "الحاج", "الحاجة"))
_COMMA_NEXT = re.compile(r"[ \t]*[،,]")


# verbs whose object may follow the subject's name: "استقبل الرئيس السيسي وزير الخارجية الإيراني" titles no one
_MEETING_VERBS = frozenset(match_form(w) for w in (
    "استقبل", "استقبلت", "يستقبل", "تستقبل", "التقى", "التقت", "يلتقي", "تلتقي", "قابل", "قابلت", "هنأ", "هنأت",
    "يهنئ", "عزى", "عزت", "يعزي", "زار", "زارت", "يزور", "تزور", "هاتف", "هاتفت", "بحث", "بحثت", "يبحث", "تبحث",
    "استقبال", "لقاء", "ودع", "ودعت", "يودع", "كرم", "كرمت", "يكرم", "قلد", "قلدت", "منح", "منحت", "عين", "عينت",
    "أقال", "أعفى", "كلف", "كلفت", "رافق", "رافقه", "دعا", "دعت", "أبلغ", "أبلغت", "سلم", "سلمت", "تسلم", "تسلمت"))
_CLAUSE_BREAK = re.compile(r"[.!?؟،,:;؛«»\"“”()\n]")


def _object_may_follow(text: str, start: int) -> bool:
    """Whether a verb that takes a person as its object stands in the clause before the name at `start`."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 80):start])[-1]
    return any(match_form(_without_conjunction(w)) in _MEETING_VERBS or match_form(w) in _MEETING_VERBS
               for w in clause.split())


_SENTENCE_STOP = re.compile(r"[.!?؟\n]")


def _object_named_later(text: str, end: int, people: list[tuple[int, int]]) -> bool:
    """Whether the sentence goes on, after a role ending at `end`, to name another person behind an
    honorific ("استقبل سمو الشيخ محمد بن زايد رئيس الدولة اليوم ... فخامة إيمانويل ماكرون"): that person is
    the verb's object, so the role is the subject's."""
    stop = _SENTENCE_STOP.search(text, end)
    limit = stop.start() if stop else len(text)
    for s, _ in sorted(people):
        if not end < s < limit:
            continue
        between = text[end:s]
        if _CLAUSE_MARK.search(between):
            return False
        before = between[-30:].split()[-3:]
        if any(_ATTENDING.fullmatch(w) for w in before):
            continue                    # "وبحضور الشيخ نواف": an attendee, the object comes later
        return any((_word(match_form(w)),) in _HONORIFIC_SET for w in before[-2:])
    return False


_CLAUSE_MARK = re.compile(r"[،,;؛:]")
_ATTENDING = re.compile(r"[وف]?ب?(?:حضور|مشاركة)")


def _continues_role(words: list, j: int, text: str, base: int, bodies: list[tuple[int, int]]) -> bool:
    """Whether words[j] goes on a role written without commas: a word with the article (الاقتصاد, للجمعية),
    a title head or an organisation or place word (نائب رئيس جمعية ..., أمير منطقة ...), or a word inside a
    named body or place (محافظ ظفار). A verb (جدد, افتتح), a word behind و (وسيتم, ورؤساء) or any other
    indefinite word ends it."""
    token = words[j].text
    form = match_form(token)
    if _DEFINITE.match(form):
        return True                         # وزير الطاقة والمعادن: a complement, with or without و
    head = _head_at(words, j)
    if head is not None:                    # نائب رئيس, لرئيس مجلس الوزراء; not ورؤساء (another noun phrase)
        return "و" not in head[1] and "ف" not in head[1]
    bare = form[1:] if len(form) > 4 and form[0] in "بل" else form
    if ner.TRIGGER_OF.get(_word(bare)) or _word(bare) in _PLACE_HEADS:
        return True                         # جمعية الكشافة, أمير منطقة الرياض, الأستاذ بكلية التجارة
    if form[:1] == "ل" and len(form) > 4 and j + 1 < len(words) and _DEFINITE.match(match_form(words[j + 1].text)) \
            and not match_form(words[j - 1].text).startswith(("ل", "ب")):   # not "لليونسكو لعمال البناء"
        return True                         # "الرئيس العام لرعاية الشباب": ل + a noun its complement defines
    start = base + words[j].start
    return any(s <= start and start + len(token) <= e for s, e in bodies)


def _role_complete(words: list, text: str, base: int, bodies: list[tuple[int, int]]) -> bool:
    """A role written without commas is whole when its last word has the article or is inside a named body
    or place: "نائب محافظ" or "وكيل" cut before an untagged name says too little."""
    last = words[-1]
    start = base + last.start
    return bool(_DEFINITE.match(match_form(last.text))) or any(
        s <= start and start + len(last.text) <= e for s, e in bodies)


def _apposition_after(text: str, mention: Mention, blocked: list[tuple[int, int]],
                      bodies: list[tuple[int, int]] = ()) -> str | None:
    """A role written right after the name with no comma, as Gulf and wire copy do ("سعيد الصقري وزير
    الاقتصاد", "أنتوني بلينكن وزير الخارجية الأمريكي"): a title head opens it, with no و or preposition before it
    (that starts another phrase), and it ends at punctuation or a clause word. Not when another person's name
    follows the role (it is then that person's: "التقى سلمان رئيس الوزراء نواز شريف") or a verb before the
    name may take an object (the role is then the object's: "استقبل الرئيس السيسي وزير الخارجية"), unless the
    sentence names that object later behind an honorific (`_object_named_later`)."""
    tokens = _window_tokens(text, mention.end, min(len(text), mention.end + _WINDOW))
    if not tokens or text[mention.end:mention.end + tokens[0].start].strip(" \t"):
        return None
    words = []
    for tok in tokens:
        start = mention.end + tok.start
        if not _is_word(tok.text) or len(words) >= MAX_TITLE_WORDS or _opens_clause(tok.text, text) \
                or (words and _joined_honorific(tok.text)):
            break                       # ("... مستشار الأمن الوطني ومعالي الدكتور سلطان": the next person's)
        if "\n" in text[mention.end + (words[-1].end if words else 0):start]:
            break
        if any(s < start + len(tok.text) and start < e for s, e in blocked):
            return None
        words.append(tok)
    ended = next((j for j in range(1, len(words)) if not _continues_role(words, j, text, mention.end, bodies)), None)
    if ended is None and len(words) >= MAX_TITLE_WORDS:
        return None                     # the role goes on past the limit: where it ends is not known
    if ended is not None:
        words = words[:ended]
    while words and match_form(words[-1].text) in _FUNCTION_WORDS:
        words.pop()
    if not words:
        return None
    head = _head_at(words, 0)
    end = mention.end + words[-1].end
    if (head is None or head[0] != 0
            or (_object_may_follow(text, mention.start) and not _object_named_later(text, end, blocked))
            or not _role_complete(words, text, mention.end, bodies)):
        return None
    phrase = text[mention.end + words[0].start:mention.end + words[-1].end]
    return " ".join(phrase.split())


def _title_after(text: str, mention: Mention, blocked: list[tuple[int, int]],
                 bodies: list[tuple[int, int]] = ()) -> str | None:
    if not _COMMA_NEXT.match(text, mention.end):
        return _apposition_after(text, mention, blocked, bodies)
    tokens = _window_tokens(text, mention.end, min(len(text), mention.end + _WINDOW))
    if len(tokens) < 2 or tokens[0].text not in _COMMAS or "\n" in text[mention.end:mention.end + tokens[1].end]:
        return None
    words = []
    rest = tokens[1:]
    for n, tok in enumerate(rest):
        start = mention.end + tok.start
        if words and match_form(words[-1].text) == "ل" and tok.text in _QUOTE_PAIRS.values():
            close = next((k for k in range(n + 1, min(len(rest), n + MAX_QUOTED_BODY + 2))
                          if rest[k].text in _QUOTE_PAIRS and _QUOTE_PAIRS[rest[k].text] == tok.text), None)
            if close is not None and all(_is_word(t.text) for t in rest[n + 1:close]):
                words.extend(rest[n:close + 1])   # "، الرئيس التنفيذي لـ«قطر للطاقة»،": the body it heads
                break
        if (not _is_word(tok.text) or len(words) >= MAX_TITLE_WORDS
                or (_opens_clause(tok.text, text) and not _pronoun_word(tok.text, text))):
            break
        if words and "\n" in text[mention.end + words[-1].end:start]:
            break
        if any(s < start + len(tok.text) and start < e for s, e in blocked):
            break
        words.append(tok)
    if len(words) == MAX_TITLE_WORDS:             # cut by the length limit: a prepositional phrase just begun
        cut = [k for k in range(len(words) - 2, len(words)) if match_form(words[k].text) in _FUNCTION_WORDS]
        if cut:                                   # is left out ("... وشمال أفريقيا في هيومن")
            words = words[:cut[0]]
    while words and match_form(words[-1].text) in _FUNCTION_WORDS:
        words.pop()
    if not words:
        return None
    head = _head_at(words, 0)
    if head is None or head[0] != 0:              # "صالح، بوزير الخارجية" is another person, not apposition
        return None
    phrase = text[mention.end + words[0].start:mention.end + words[-1].end]
    return " ".join(phrase.split())


# ---------------------------------------------------------------------------------------------------------
# Per article: people the tagger typed as a place or an organisation

_NOT_PEOPLE = ("LOC3", "ORG3")      # name-type rates of a word news mostly writes inside a place/organisation


@lru_cache(maxsize=1)
def _lexicons() -> ner.Lexicons:
    """The NER tagger's lexicons: its name-type rates say how often news writes each word inside a name of
    each type (بغداد LOC3, مارك PER3), its cluster vocabulary holds the 80,000 most frequent news words.
    Empty when the installed model cannot be loaded."""
    try:
        return ner.load_tagger().lexicons
    except ner.NerModelError:
        return ner.Lexicons(clusters={})


def _rates_of(word: str) -> tuple[str, ...]:
    """The word's name-type rates, or those of the word without a leading clitic letter the tagger left
    inside the span (بعسير -> عسير)."""
    lexicons = _lexicons()
    form = ner.feature_form(word)
    found = lexicons.rates.get(form, ())
    if not found and len(form) > 3 and form[0] in "وفبل":
        found = lexicons.rates.get(form[1:], ())   # not ك, "like", which rarely comes before a name: كبير
    return found                                   # is no ك + بير


def _place_or_org_word(word: str, strict: bool) -> bool:
    """True when news mostly writes `word` inside a place or organisation name; `strict` also counts a
    word often (level 2) inside a place name, for retyping a LOC mention."""
    return any(r in _NOT_PEOPLE or (strict and r == "LOC2") for r in _rates_of(word))


def _person_evidence(word: str) -> int:
    """How much `word` looks like part of a person's name: 2 when news often writes it inside person names
    (level 2 or 3: مارك, جو); 1 when it sometimes does (ينس, also باسمه) or is too rare to be among the 80,000
    words of the cluster vocabulary (ستولتينبرغ, أورسولا) and is no place or organisation word; else 0
    (سفراء, الهيئة)."""
    lexicons = _lexicons()
    form = ner.feature_form(word)
    if len(form) > 3 and form[0] in "وفبكل" and any(r in _NOT_PEOPLE for r in lexicons.rates.get(form[1:], ())):
        return 0                                   # ببريدة: "in Buraidah", not a name
    rates = _rates_of(word)
    if "PER2" in rates or "PER3" in rates:
        return 2
    if "PER1" in rates:
        return 1
    return int(form not in lexicons.clusters and not _place_or_org_word(word, True))


def _gentilic_word(token: str) -> bool:
    """An adjective of origin with the article (العراقي, الأوروبية, الأطلسي): it closes a title phrase."""
    form = match_form(token)
    bare = strip_article(form)
    return bare != form and len(bare) >= 4 and (bare.endswith("ي") or bare.endswith("يه"))


def _origin_adjective(token: str) -> bool:
    """An adjective of a country or region (السعودية, الأمريكية, الكورية, المصري): its place is a name news
    writes as a place (الإرهابي and العقارية are no origin)."""
    if not _gentilic_word(token):
        return False
    form = ner.feature_form(token)      # hamza seats kept: the rates know "الجزائر", not "الجزاير"
    stem = strip_article(form)
    stem = stem[:-2] if stem.endswith(("يه", "ية")) else stem[:-1]
    return any("LOC3" in _rates_of(place) for place in (form, stem, "ال" + stem, stem + "ا", stem + "يا"))


def _before(text: str, position: int) -> int:
    """The position after the last character before `position` that is not a space or an opening mark."""
    while position > 0 and (text[position - 1].isspace() or text[position - 1] in _OPENERS):
        position -= 1
    return position


_DEFINITE = re.compile("^[وف]?[بكل]?ال|^[وف]?لل")     # الصيدلي, والصيدلي, للوزير: a noun, never a first name


def _title_closes(text: str, title: str, at: int, org_ends: set[int]) -> str | None:
    """How a role phrase found right before a name ends, when it ends where a title ends: "head" (a definite
    head alone, الأمين العام), "adjective" (of origin: رئيس الوزراء العراقي) or "body" (a named organisation
    or place: لحلف شمال الأطلسي); None when it ends on some noun (زار وزير الدفاع مقر ...). A head without the
    article (رئيس, لاعب, أمين عام) is a construct the next name completes: "رئيس لجنة ...", "لاعب الهلال"."""
    words = title.split()
    if tuple(_word(w) for w in words) in _HEADS:   # a construct chain ends on its first definite noun:
        complete = _DEFINITE.match(match_form(words[0])) or (len(words) > 1 and _DEFINITE.match(match_form(words[-1])))
        return "head" if complete else None           # "رئيس لجنة" is not whole
    if (len(words) == 3 and (_word(words[0]),) in _HEADS and not _DEFINITE.match(match_form(words[0]))
            and words[1].isalpha() and not _DEFINITE.match(match_form(words[1]))
            and _DEFINITE.match(match_form(words[2])) and not _gentilic_word(words[2])):
        return "head"                   # a head, then a construct chain ending on its definite noun: "رئيس مجلس النواب"
    if len(words) > 1 and _word(words[-1]) in _PERSONAL_HONORIFICS:
        return "head"                   # a role, then an honorific: "وزيرة النقل الدكتورة", "الخبيرة الاقتصادية الدكتورة"
    if _gentilic_word(words[-1]):
        return "adjective"
    return "body" if _before(text, at) in org_ends else None


_SPACES = re.compile(r"[ \t]+$")


def _first_name_before(text: str, start: int, covered: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(start, `_person_evidence`) of a first name the tagger left out right before a name starting at
    `start`: one plain word, only spaces between, no article, not a stop word or a title word, not inside
    another mention, with some evidence of being a name (ينس, جو; a known given name is strong evidence
    here, right before a name). None when there is no such word."""
    gap = _SPACES.search(text, max(0, start - 4), start)
    if gap is None or gap.end() != start:
        return None
    lo = max(0, gap.start() - 40)
    tokens = _window_tokens(text, lo, gap.start())
    if not tokens or lo + tokens[-1].end != gap.start():
        return None
    word = tokens[-1].text
    first = gap.start() - len(word)
    form = match_form(word)
    if (not word.isalpha() or _DEFINITE.match(strip_tatweel(strip_diacritics(word))) or form in _STOP_WORDS
            or _word(form) in _HEADS_BY_FIRST
            or any(s < gap.start() and first < e for s, e in covered)):
        return None
    evidence = 2 if _given_as_written(word) else _person_evidence(word)   # نزهة, نجلاء: news also writes
    return (first, evidence) if evidence else None                           # them as words


def _given_as_written(word: str) -> bool:
    """A given name of person_names.json as written: باسمه is "in his name", not باسمة."""
    return _word(match_form(word)) in _GIVEN_NAMES and not word.endswith("ه")


def _names_a_body(title: str, bodies: list[str]) -> bool:
    """Whether a title names an organisation by its kind only (رئيس شركة البناء الدولية), outside the named
    bodies just before the name (`bodies`: لحلف شمال الأطلسي): a quoted name after it is then the company's,
    not the person's."""
    named = {_word(w) for body in bodies for w in body.split()}
    return any(ner.TRIGGER_OF.get(_word(w)) == "ORG" and _word(w) not in named for w in title.split())


_CURRENCIES = {_word(w) for w in _AMOUNTS["currencies"]}
_QUANTITY_WORDS = {_word(w) for w in _AMOUNTS["quantity_words"]}
_CURRENCY_OF = {_word(form): _word(currency) for currency, forms in _AMOUNTS["currency_forms"].items()
                for form in forms}


def _currency_loose(loose: str) -> str:
    """The article-insensitive key of an amount's unit in its currency's base form: دولارا -> دولار, شيقل ->
    شيكل, دولارا امريكيا -> دولار امريكي (an adjective after it loses its accusative alif too)."""
    words = loose.split()
    currency = _CURRENCY_OF.get(words[0]) if words else None
    if currency is None or not all(_nisba_adjective(w) for w in words[1:]):
        return loose
    rest = []
    for w in words[1:]:
        rest.append(w[:-1] if w.endswith("يا") else w)
    return " ".join([currency] + rest)
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")


def is_currency(name: str) -> bool:
    """A currency's name, alone or with its country's adjective: دولار, يورو, دينار كويتي, الريال السعودي."""
    words = name.split()
    return bool(words) and _word(words[0]) in _CURRENCIES and all(_nisba_adjective(w) for w in words[1:])


def _amount_units(article: Article) -> None:
    """A currency right after a number or a quantity word ("مليار ريال", "500 دولار", "1.5 مليار دينار كويتي")
    is an amount's unit: MISC, as the NER corpora type currencies, whatever the tagger said (it reads ريال
    as Real Madrid, دينار كويتي as a man)."""
    text = article.text
    for mention in article.mentions:
        if mention.type == "MISC" or not is_currency(mention.name):
            continue                            # "دولار", "دينار كويتي", "ريال سعودي"
        found = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if found is None:
            continue
        before = found.group(1)
        word = _word(before[1:] if len(before) > 3 and before[0] in "وب" else before)
        if any(c.isdigit() for c in before) or word in _QUANTITY_WORDS or word.endswith("مائه"):
            mention.type = "MISC"


def _nisba_adjective(word: str) -> bool:
    """An adjective of origin without the article (كويتي، سعودي، أمريكي، أمريكيا, أمريكية), as a currency's
    second word."""
    form = match_form(word)
    return len(form) >= 4 and not form.startswith("ال") and form.endswith(("ي", "يه", "يا"))


_TWO_WORDS_BEFORE = re.compile(r"(\w+)[ \t]+(\w+)[ \t]+$")
_ONE_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)[ \t]+$")
# institution words that, right before a person's name with no royal title between, name a namesake: not
# طريق, حي, مركز, برنامج, دار ... ("في طريق بني أمية" is "in the Umayyads' way", "مركز صلاح" his position)
_NAMED_AFTER = {_word(w): _NAMESAKE_TYPE[_word(w)] for w in (
    "جامعة", "مستشفى", "مطار", "ملعب", "استاد", "مسجد", "جامع", "مدرسة", "كلية", "معهد", "مكتبة", "أكاديمية",
    "مؤسسة", "جائزة", "شارع", "ميدان", "جسر", "قاعة", "حديقة", "وادي", "دار")}
_SAINT = _word("سيدي")          # "وادي سيدي سعيد", "دار سيدي علي": a saint's name inside a place's
_LOCATIVES = frozenset(match_form(w) for w in ("في", "قرب", "من", "إلى", "بين", "داخل", "شمال", "جنوب", "شرق", "غرب"))
_DELEGATION = _word("معتمدية")   # a Tunisian delegation, a place head besides `_PLACE_HEADS`


def _place_heads_inside_people(article: Article) -> None:
    """A person's name never runs on through a place head with its preposition: "[سعيد بمعتمدية بني خيار]" is
    a name (or a place's last word) and then a place, "بني خيار" (a Tunisian delegation). The person ends
    before the head and the words after it become a place."""
    text = article.text
    added = []
    for mention in article.mentions:
        if mention.type != "PER":
            continue
        spans = list(_WORD_SPANS.finditer(text, mention.start, mention.end))
        j = next((j for j in range(1, len(spans) - 1) if match_form(spans[j].group())[:1] in "بف"
                  and _word(match_form(spans[j].group())[1:]) in _PLACE_HEADS | {_DELEGATION}), None)
        if j is None:
            continue
        added.append(Mention(spans[j + 1].start(), mention.end, text[spans[j + 1].start():mention.end], "LOC",
                             name=text[spans[j + 1].start():mention.end]))
        _move_end(mention, text, spans[j - 1].end())
        if mention.name != mention.text:
            mention.name = mention.text
    _add_mentions(article, added)


def _namesakes(article: Article) -> None:
    """A person's name after a royal title that follows an institution word names the institution: "مطار
    الملك خالد الدولي", "بجامعة الملك سعود", "حديقة الأمير فيصل" are a place and a body, not King Khalid, King
    Saud or a prince. So does a name right after such a word in the construct state ("بجامعة محمد الخامس",
    "مستشفى ناصر"); after a definite one ("مدير الجامعة محمد أحمد") it is the person. The mention widens to the whole name and takes the institution's type, so it neither
    counts as the person nor takes "الملك" as a title."""
    text = article.text
    for mention in article.mentions:
        if mention.type != "PER":
            continue
        found = _TWO_WORDS_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if found is None or match_form(found.group(2)) not in _ROYAL_TITLES:
            found = _ONE_WORD_BEFORE.search(text, max(0, mention.start - 20), mention.start)
            if found is None or _DEFINITE.match(match_form(found.group(1))):
                continue                        # "مدير الجامعة محمد أحمد": the man who runs it
            named_after = _NAMED_AFTER
        else:
            named_after = _NAMESAKE_TYPE
        word, begin = found.group(1), found.start(1)
        if named_after is _NAMED_AFTER and _word(word) == _SAINT:
            inner = _ONE_WORD_BEFORE.search(text, max(0, begin - 20), begin)
            if inner is None:
                continue
            word, begin = inner.group(1), inner.start(1)
        for cut in range(0, min(3, len(word) - 1)):
            if cut and word[cut - 1] not in "وفبلك":
                break
            kind = named_after.get(_word(word[cut:]))
            if kind:
                start = begin + cut
                if kind == "ORG" and named_after is _NAMED_AFTER and _word(word[cut:]) == _word("دار"):
                    # "في دار شعبان الفهري", "حي الرياض بدار ...": a town; "عن دار ... للنشر", "المثال بدار
                    # عائشة الراشد": a publisher, a care home
                    prior = _ONE_WORD_BEFORE.search(text, max(0, begin - 20), begin)
                    if (prior and match_form(prior.group(1)) in _LOCATIVES) or (
                            word[:cut] in ("و", "ب") and any(m.type == "LOC" and 0 < begin - m.end <= 2
                                                            for m in article.mentions)):
                        kind = "LOC"
                mention.type, mention.start = kind, start
                mention.text = mention.name = text[start:mention.end]
                break
    towns = {match_form(m.text) for m in article.mentions
             if m.type == "LOC" and m.text.split() and _word(m.text.split()[0]) == _word("دار")}
    for mention in article.mentions:            # "ودار شعبان الفهري" in a list: the town the article names
        if mention.type == "ORG" and match_form(mention.text) in towns:
            mention.type = "LOC"


_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")


def _move_start(mention: Mention, text: str, start: int) -> None:
    """Let a mention start at `start` (words dropped from or added to its front), its name following."""
    old, old_start = mention.text, mention.start
    mention.start, mention.text = start, text[start:mention.end]
    if mention.name == old:
        mention.name = mention.text
    elif start > old_start:
        dropped = " ".join(text[old_start:start].split())
        name = mention.name
        if name.startswith(dropped):
            mention.name = name[len(dropped):].strip()
    else:
        mention.name = f"{' '.join(text[start:old_start].split())} {mention.name}"


def _move_end(mention: Mention, text: str, end: int) -> None:
    """Let a mention end at `end` (a surname taken in, a tail cut off), its name following when it was the
    mention's own text."""
    old = mention.text
    mention.end, mention.text = end, text[mention.start:end]
    if mention.name == old:
        mention.name = mention.text


def _name_clitics(article: Article) -> None:
    """A person's name the tagger took with its conjunction or preposition ("وابتسام عبد الله" in a list
    of names) starts after it, when a known given name is left (`_without_name_clitic`: وليد, فهد stay), or
    when the word after و is the next name of a list, right after another name ("فيفي عبده وشعبان عبد
    الرحيم"; a known given name with و, وليد, stays whole)."""
    text = article.text
    ends = {m.end for m in article.mentions}
    for mention in article.mentions:
        if mention.type != "PER":
            continue
        first = match_form(mention.text.split(" ", 1)[0])
        bare = _without_name_clitic(first)
        if first in _GIVEN_NAMES:
            continue
        if bare == first:
            if not (len(first) > 3 and first[0] == "و" and " " in mention.text.strip()
                    and _before(text, mention.start) in ends and _before(text, mention.start) < mention.start):
                continue
            bare = first[1:]
        start = mention.start
        for _ in range(len(first) - len(bare)):
            start += 1
            while start < mention.end and text[start] in _MARKS:
                start += 1
        _move_start(mention, text, start)


_LINEAGE_BEFORE = re.compile(r"(?<!\w)(\w+)[ \t]+(?:بن|بنت|ابن)[ \t]+$")


def _plural_in_construct(word: str, clusters) -> bool:
    """A sound masculine plural in construct ("معارضو", "مستشارو"): a word ending in و whose plural in ون and
    ين news uses (or one of them, for a participle in م-), never a given name or أبو."""
    form = match_form(word)
    if strip_article(form) != form or len(form) < 4 or not form.endswith("و") or form in _JOIN_NEXT \
            or form in _GIVEN_NAMES:
        return False
    forms = [ner.feature_form(_bare_letters(word)[:-1] + end) in clusters for end in ("ون", "ين")]
    return all(forms) or (form[0] == "م" and any(forms))


def _name_fronts(article: Article) -> None:
    """Fix the front of a person's name, which the tagger sometimes starts a word early or late.

    Early: a plural or dual noun governing the name is no first name ("معارضو قاسم أمين", "مؤيدو", "الشاعران
    صالح ..."): a sound masculine plural in construct (a word ending in و whose plural in ون and ين news uses,
    or in one of them for a participle in م-, never a given name or أبو: امرؤ القيس stays) or the dual or
    plural of a title head; nor is a title head or a rank with the article
    ("الفنان سالم بهوان", "العماد جوزاف عون"), which is left for the title (honorifics such as الشيخ, الملك stay: they are dropped
    when names are matched). Late: the name began one word earlier, before بن/بنت ("مي بنت [محمد آل خليفة]"),
    or with a letter the tagger took for a clitic (ف[ريد زهران]: فريد is a given name, ريد is not). Such a
    plural alone is no person at all ("مستشارو التحالف")."""
    text = article.text
    clusters = _lexicons().clusters
    covered = sorted((m.start, m.end) for m in article.mentions)
    plurals = set()
    for n, mention in enumerate(article.mentions):
        if mention.type != "PER":
            continue
        words = mention.text.split()
        if len(words) == 1 and _plural_in_construct(words[0], clusters):
            plurals.add(n)                      # "مستشارو التحالف": advisers, no one's name
            continue
        if len(words) >= 2:
            form = match_form(words[0])
            bare = strip_article(form)
            dual = any(bare.endswith(end) and (bare[:-2],) in _HEADS for end in ("ان", "ين", "ون"))
            plural = _plural_in_construct(words[0], clusters)
            head = (bare != form and ((bare,) in _HEADS or (_word(form),) in _RANKS)
                    and _word(form) not in _HONORIFIC_FIRST and form not in _ROYAL_TITLES)
            if plural or dual or head or _verb_opening(text, mention.start, words[0]):
                _move_start(mention, text, mention.start + mention.text.index(words[1]))
                continue
        found = _LINEAGE_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if found is not None:
            word = found.group(1)
            form = match_form(word)
            if (not _DEFINITE.match(form) and form not in _STOP_WORDS and not _starts_head(word)
                    and (_word(form) in _GIVEN_NAMES or _person_evidence(word) >= 1)
                    and not any(s < found.end(1) and found.start(1) < e for s, e in covered)):
                _move_start(mention, text, found.start(1))
                continue
        if words and _word(match_form(words[0])) in _GIVEN_NAMES:
            opener = _DEFINITE_GIVEN_BEFORE.search(text, max(0, mention.start - 20), mention.start)
            if opener is not None and _word(match_form(opener.group(1))) in _DEFINITE_GIVEN_NAMES \
                    and not any(s < opener.end(1) and opener.start(1) < e for s, e in covered):
                _move_start(mention, text, opener.start(1))     # "، الطيب [محمد نور]"
                continue
        start = mention.start
        if start and text[start - 1] in "وفبلك" and (start == 1 or not text[start - 2].isalpha()) and words:
            joined = match_form(text[start - 1] + words[0])
            if joined in _GIVEN_NAMES and match_form(words[0]) not in _GIVEN_NAMES:
                _move_start(mention, text, start - 1)
    if plurals:
        article.mentions = [m for n, m in enumerate(article.mentions) if n not in plurals]


# given names written with the article (Maghreb, Sudan, Libya: الطيب محمد نور, الطاهر بن جلون), which the tagger
# leaves out as an adjective; taken only right after a comma, a colon, a line's start or an honorific
_DEFINITE_GIVEN_NAMES = frozenset(_word(match_form(w)) for w in (
    "الطيب", "الطاهر", "الهادي", "المختار", "الحبيب", "الصادق", "البشير", "المهدي", "المنصف", "المنجي", "الصافي",
    "الزبير", "المبروك", "المأمون", "الأزهر", "الناصر", "الفاضل", "الخضر"))
_DEFINITE_GIVEN_BEFORE = re.compile(
    r"(?:^|[،,:(\n]|(?:السيد|السيدة|الدكتور|الدكتورة|المهندس|الأستاذ|الشيخ))[ \t]*(ال\w+)[ \t]+$")


def _verb_opening(text: str, start: int, word: str) -> bool:
    """The name's first word is a verb with و/ف opening a sentence ("وطالب زيلنسكى بتزويد ..."): a verb whose
    subject follows it (`_SUBJECT_VERBS`), written with its و/ف, with nothing but a sentence end before it.
    After a comma the same word may be a given name in a list (محمد علي، وطالب الرفاعي)."""
    if match_form(word) not in _SUBJECT_VERBS:
        return False
    clitic = start - 1 if start and text[start - 1] in "وف" else start
    if clitic == start and word[:1] not in "وف":
        return False
    before = text[max(0, clitic - 3):clitic].rstrip(" \t")
    return not before or before[-1] in ".!?؟\n»\"”"


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_SINGLE_HEADS = {h[0] for h in _HEADS if len(h) == 1}


def _opens_head(word: str, following: str) -> bool:
    """The word and the words after it are a title of two or more words ("آل سعود ولي" + "العهد ..."):
    the name ended before it."""
    form = _word(word)
    after = [_word(w) for w in following.split()[:3]]
    return any(len(head) > 1 and head[1:] == tuple(after[:len(head) - 1]) for head in _HEADS_BY_FIRST.get(form, ()))


_PHONE = re.compile(r"^[0-9٠-٩]{6,}$")
_LATIN = re.compile("[A-Za-z]")


def _gloss_or_phone(word: str, type: str) -> bool:
    """A Latin word after a person's or place's Arabic name is its spelling in the source language (an
    organisation's Latin words are often its name: شركة Standard General); six digits or more after a
    person's name are a phone number (obituaries list sons with their numbers). A model number stays
    (إيه 380, آيفون 7)."""
    if _ARABIC_LETTER.search(word):
        return False
    return (type in ("PER", "LOC") and bool(_LATIN.search(word))) or (type == "PER" and bool(_PHONE.match(word)))


_DANGLING = {match_form(w) for w in ("عبد", "أبو", "ابو", "أم", "ام", "ذو")} | set(_LINEAGE)
_NAME_END_PRONOUNS = ("ها", "هم", "هما", "هن", "كم", "كما")


# praise written after a ruler's or the dead's name, never part of it: "السلطان هيثم بن طارق المعظم", "أمير البلاد
# المفدى", "خادم الحرمين حفظه الله", "الفقيد رحمه الله"
_EPITHETS = frozenset(match_form(w) for w in ("المعظم", "المفدى", "المفدي"))
_BLESSINGS = frozenset(match_form(w) for w in ("حفظه الله", "يحفظه الله", "رعاه الله", "يرعاه الله", "أيده الله",
                                               "رحمه الله", "رحمها الله", "حفظها الله", "طيب الله ثراه"))


def _not_name_end(word: str, text: str) -> bool:
    """A word that cannot end a person's name, which the tagger ran on into the words after it: one carrying
    a pronoun of more than one letter (طلعت ريحتكم, نورة سندها), the preposition ل before the article (مارسيل
    خليفة للخبز) or a name-joining word left dangling (عائشة أم, عبد, بن). Not a lone ه, which ends family
    names (أبو زهره, آل غرامه) and foreign ones (توريه), nor a word with بال/وال/فال, which start surnames
    (بالحارث) and foreign names (فالكاو, والكوت), nor a word with the article, which may be a surname however
    common (الخميس, الكبير)."""
    form = match_form(word)
    if form in _DANGLING or form in _EPITHETS or (form.startswith("لل") and len(form) >= 5):
        return True
    bare = _bare_letters(word)
    if bare.endswith("تنا") and len(bare) >= 6:             # "لوكالتنا": "to our agency", a feminine noun + نا
        clusters = _lexicons().clusters
        stem = bare[:-3] + "ة"
        if any(ner.feature_form(x) in clusters for x in (stem, stem[1:])):
            return True
    return bare.endswith(_NAME_END_PRONOUNS) and len(bare) >= 5 and _pronoun_word(word, text)


def _plain_word(word: str) -> bool:
    """A word news writes often and never inside a name (in the cluster vocabulary, no name-type rate, no
    article, no given name) that is a known plain word with ف/ب glued on or an accusative or pronoun ending:
    a verb or noun the tagger ran on into ("[بيكهام فانفرد]", "[وسام بريدي بالتعازي]", "الفنانة [مها أحمد
    برنامجا]", "[سمير كلامه]")."""
    form = match_form(word)
    if not (len(form) >= 4 and not form.startswith("ال") and ner.feature_form(word) in _lexicons().clusters
            and not _rates_of(word) and _word(word) not in _GIVEN_NAMES and not _known_given(word)):
        return False
    clusters = _lexicons().clusters
    # and it wears what a name does not: a ف/ب glued on a known word, or an accusative or pronoun ending
    # ("أولا", "برنامجا", "كلامه") on one; a word without such a mark may be a surname (إمام, أيار, نواب)
    return any(ner.feature_form(rest) in clusters and not _rates_of(rest)
               for rest in ((form[1:],) if form[0] in "فب" else ()) + ((form[:-1],) if form[-1] in "اه" else ()))


_REGNAL = {match_form(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                                   "التاسع", "العاشر", "الحادي")}
_AFTER_REGNAL = {match_form(w) for w in ("بن", "ابن", "آل", "عشر")}     # عبدالله الثاني بن الحسين, بنديكت السادس عشر


def _name_tails(article: Article) -> None:
    """Words the tagger ran into the end of a name: the Latin spelling an outlet adds ("ديفيد أوين Owen"), a
    phone number after a name (`_gloss_or_phone`), words that cannot end a person's name (`_not_name_end`),
    whatever follows a regnal number ("[محمد السادس برقية]", not "عبدالله الثاني بن الحسين") and, in a person's name, a title head right before the body it heads ("مارجريت تاتشر زعيمة حزب المحافظين"). A head word is cut only there, since many are names
    too (نجم, مساعد, القاضي)."""
    text = article.text
    starts = {m.start for m in article.mentions}
    dropped = []
    for mention in article.mentions:
        words = mention.text.split(" ")
        if len(words) < 2 or not _ARABIC_LETTER.search(words[0]):
            continue
        keep = len(words)
        while keep > 1 and _gloss_or_phone(words[keep - 1], mention.type):
            keep -= 1
        while keep > 2 and mention.type == "PER" and match_form(" ".join(words[keep - 2:keep])) in _BLESSINGS:
            keep -= 2
        while keep > 1 and mention.type == "PER" and (_not_name_end(words[keep - 1], text) or (
                _plain_word(words[keep - 1]) and match_form(words[keep - 2]) not in _JOIN_NEXT
                and match_form(words[keep - 2]) not in _LINEAGE)):
            keep -= 1                           # not after أبو/بن: "جيم أبو ملحة"
        if mention.type == "PER":               # "[محمد السادس برقية]": a regnal number ends the name
            regnal = next((k for k in range(1, keep - 1) if match_form(words[k]) in _REGNAL
                           and match_form(words[k + 1]) not in _AFTER_REGNAL), None)
            keep = regnal + 1 if regnal is not None else keep
        if keep == 1 < len(words) and mention.type == "PER" and _person_evidence(words[0]) == 0:
            dropped.append(mention)             # "وكبير إدارييها": an adjective and its noun, nobody
            continue
        if keep == len(words) and mention.type == "PER" and len(words) >= 3:
            last = words[-1]
            after = len(text) - len(text[mention.end:].lstrip(" "))
            if (not last.startswith("ال") and match_form(words[-2]) not in _JOIN_NEXT
                    and match_form(words[-2]) not in _LINEAGE
                    and ((match_form(last) in _SINGLE_HEADS and (after in starts or text.startswith("ال", after)))
                         or _opens_head(last, text[after:after + 40]))):
                keep -= 1
        if keep < len(words):
            _move_end(mention, text, mention.start + len(" ".join(words[:keep])))
    if dropped:
        article.mentions = [m for m in article.mentions if all(m is not d for d in dropped)]


_WORD_LETTERS = re.compile(r"[^\W\d_]+")
_ORIGIN_NOT_SURNAME = frozenset(match_form(w) for w in ("الأصل", "الأصول", "المولد", "الجنسية", "المنشأ"))


def _origin_surnames(article: Article) -> None:
    """A man's surname that is a country's adjective, which the tagger leaves out as an adjective: محمد
    شياع السوداني, أبو أسامة العراقي, سعد بن عبدالرحمن اليمني. Only a masculine adjective of origin
    (`_origin_adjective`) one space after a person's name of two words or more, starting no other mention,
    and not followed by الأصل ("ماركو روبيو الكوبي الأصل" is of Cuban origin). News puts a nationality before
    a name ("الرئيس المصري"), so one right after it is the name's own; a feminine one agrees with something
    else ("حكومة بنيامين نتنياهو اليمينية")."""
    text = article.text
    starts = {m.start for m in article.mentions}
    for mention in article.mentions:
        if mention.type != "PER" or len(mention.text.split()) < 2 or not text.startswith(" ", mention.end):
            continue
        word = _WORD_LETTERS.match(text, mention.end + 1)
        if word is None or word.start() in starts or not _origin_adjective(word.group()):
            continue
        if match_form(word.group()).endswith("ه") or (word.end() < len(text) and text[word.end()].isalnum()):
            continue
        after = _WORD_LETTERS.match(text, word.end() + 1) if text.startswith(" ", word.end()) else None
        if after is not None and match_form(after.group()) in _ORIGIN_NOT_SURNAME:
            continue
        _move_end(mention, text, word.end())


def _people_after_titles(article: Article) -> None:
    """Mentions right after a person's title are people, with their whole name.

    A LOC, ORG or MISC mention there becomes PER: the tagger reads an unknown transliterated name by its
    ending (ستولتينبرغ like هامبورغ) or in quotes (“ينس ستولتينبرغ”) as a place or a title, but "الأمين العام
    لحلف شمال الأطلسي ينس ستولتينبرغ" names a person. Only when the title has clearly ended
    (`_title_closes`), some word of the mention looks like a name and its first word is no place or
    organisation word (بغداد, الناتو: "زار رئيس الوزراء العراقي بغداد" keeps its place). And a first name the
    tagger missed between the title and the name joins the mention (`_first_name_before`), so it does not
    end up inside the title; a weak first name (one news seldom writes in names) needs a title closed by an
    adjective or a named body, not a bare head ("المتحدث باسمه جوش ايرنست")."""
    text = article.text
    covered = sorted((m.start, m.end) for m in article.mentions)
    bodies = [(m.start, m.end) for m in article.mentions if m.type in ("ORG", "LOC")]
    org_ends = {e for _, e in bodies}
    people = [(m.start, m.end) for m in article.mentions if m.type == "PER"]
    for mention in article.mentions:
        words = mention.name.split()
        if not words or len(words) > 4:
            continue
        if mention.type != "PER" and (
                _person_evidence(words[0]) == 0 or _place_or_org_word(words[0], mention.type == "LOC")
                or (mention.start and text[mention.start - 1].isalpha())
                or (mention.type == "LOC" and any(_place_or_org_word(w, True) for w in words))):
            continue
        found = _first_name_before(text, mention.start, covered)
        first, evidence = found if found else (mention.start, 2)
        others = [span for span in people if span != (mention.start, mention.end)]
        title = _title_before(text, Mention(start=first, end=mention.end, text="", type="PER"), others)
        closes = title and _title_closes(text, title, first, org_ends - {mention.end})
        if not closes or (evidence < 2 and closes == "head"):
            continue
        if mention.type == "ORG" and _names_a_body(title, [text[s:e] for s, e in bodies if first - 150 < e <= first]):
            continue
        mention.type = "PER"
        if found is not None:
            mention.name = f"{text[first:mention.start].strip()} {mention.name}"
            mention.start = first
            mention.text = text[first:mention.end]


MAX_UNTAGGED_NAME = 3          # words of a person's name the tagger missed wholly after a title
_DEFINITE_WORD_END = re.compile(r"(?<!\w)[وف]?ال\w{2,}(?=[ \t]+\w)")


def _defined_place_head(word: str, place: str) -> bool:
    """A definite place head that points back ("مدير الدفاع المدني في المحافظة"), before a word no list
    knows as a place: the head is named already, so what follows starts the next noun phrase."""
    form = match_form(word)
    return (_DEFINITE.match(form) is not None and _word(form) in _PLACE_HEADS
            and (match_form(place),) not in _gazetteer()[0])


def _place_first_names(article: Article) -> None:
    """A one-word place right before a person's name, right after an adjective of origin or a definite place
    head that points back ("في المحافظة [سردار] [محمد]"), is the person's first name: "رئيسة الوزراء
    الإيطالية [جورجيا] [ميلوني]" names Giorgia Meloni, not Georgia. A title that
    has closed on its nationality is followed by the name, never by a place written without a preposition.
    Only before a surname alone: before a whole name the place is the title's ("مدعي عام العاصمة الفرنسية
    باريس فرانسوا مولان")."""
    text = article.text
    ordered = sorted(article.mentions, key=lambda m: m.start)
    dropped = set()
    for place, person in zip(ordered, ordered[1:]):
        if (place.type != "LOC" or person.type != "PER" or " " in place.text.strip() or " " in person.text.strip()
                or text[place.end:person.start] != " " or _DEFINITE.match(match_form(place.text))):
            continue
        before = _WORD_BEFORE.search(text, max(0, place.start - 30), place.start)
        if before is None or not (_gentilic_word(before.group(1)) or _defined_place_head(before.group(1), place.text)):
            continue
        if place.text[0] in "وفبلك" and _place_or_org_word(place.text[1:], True):
            continue                            # "السفير الألماني بأفغانستان هانز ...": in Afghanistan
        person.start = place.start
        person.text = text[person.start:person.end]
        person.name = person.text
        dropped.add(id(place))
    if dropped:
        article.mentions = [m for m in article.mentions if id(m) not in dropped]


def _surnames_after_origins(article: Article) -> None:
    """A first name alone right after an adjective of origin takes the surname the tagger left out:
    "الفرنسي [لويس] ساها", "المغربي [مبارك] بوصوفة". News writes a foreigner's whole name after his
    nationality, so a one-word person there whose first word news writes in names (`_person_evidence` 2)
    and whose next word is a plain, rare or name-like word (evidence 1 or more, no article, no و, no stop word,
    no other mention, nothing between) ends there. On 2,500 SaudiNewsNet articles: 2 names completed, both
    right ("الفرنسية مارين لوبان"); ANERcorp dev 76.64 -> 76.75, carve C and AQMAR unchanged."""
    text = article.text
    starts = sorted(m.start for m in article.mentions)
    for mention in article.mentions:
        if mention.type != "PER" or " " in mention.text.strip() or mention.start < 2:
            continue
        before = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if (before is None or not _gentilic_word(before.group(1)) or _person_evidence(mention.text) < 2
                or _DEFINITE.match(match_form(mention.text))):  # "الثنائي المالكي وعسيري": a surname
            continue
        if not text.startswith(" ", mention.end):
            continue
        word = _WORD_LETTERS.match(text, mention.end + 1)
        if word is None or word.start() in starts or (word.end() < len(text) and text[word.end()].isalnum()):
            continue
        form = match_form(word.group())
        if form in _STOP_WORDS or _DEFINITE.match(form) or form[0] == "و" or _person_evidence(word.group()) < 1:
            continue                                # و: a second name joined to the first
        _move_end(mention, text, word.end())


def _known_given(word: str) -> bool:
    """A given name as written (`_given_as_written`) that is not also a function word once normalised
    (ولاء = ولا, باسم = "on behalf of"): safe to open a name the tagger missed wholly."""
    return _given_as_written(word) and _word(match_form(word)) not in _FUNCTION_LOOKALIKES


_FUNCTION_LOOKALIKES = {_word(match_form(w)) for w in ("ولا", "باسم", "بان", "لما", "وفاء", "بشرى", "إلا", "إلى",
                                                         "أما", "أمل")}
# honorifics that go only with a person's name (not الملك, الرئيس, الفريق: also an office, a team)
_PERSONAL_HONORIFICS = frozenset(_word(w) for w in (
    "السيد", "السيدة", "الدكتور", "الدكتورة", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "الآنسة"))


def _heads_before_given_names(text: str) -> tuple[set[int], set[int]]:
    """Ends of a definite title head right before a known given name ("المحامية سعاد الطاهري"): a bare head
    does not close a title, but a given name after it starts a name. And, second, ends of a personal
    honorific (`_PERSONAL_HONORIFICS`: الدكتورة) right before a plain word with some evidence of a name
    (`_person_evidence` 1: وسام, also a medal): an honorific goes with nothing but a name."""
    out, honorific = set(), set()
    for found in _DEFINITE_WORD_END.finditer(text):
        word = found.group(0)
        form = _word(match_form(word.lstrip("وف") if word[:1] in "وف" and word[1:3] == "ال" else word))
        if (strip_article(form),) not in _HEADS and (form,) not in _HEADS:
            continue
        after = _WORD_AFTER.match(text, found.end())
        if after and _known_given(after.group(1)):
            out.add(found.end())
        elif (after and form in _PERSONAL_HONORIFICS and not _DEFINITE.match(match_form(after.group(1)))
              and _person_evidence(after.group(1)) >= 1):
            honorific.add(found.end())
    return out, honorific


_WORD_AFTER = re.compile(r"[ \t]+(\w+)")
_GENTILIC_END = re.compile(r"(?<!\w)([وفبكل]?ال\w{3,}(?:ي|ية|يه))(?!\w)")   # candidates for `_gentilic_word`


def _inside_mention(covered: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether `position` falls inside one of the sorted mention spans `covered` (`starts`: their starts)."""
    k = bisect_right(starts, position) - 1
    return k >= 0 and covered[k][1] > position


_HONORIFIC_BEFORE = re.compile(r"(?:^|[\s(])(?:د\.|د|الدكتور|الدكتورة|السيد|المهندس|الأستاذ|الشيخ|اللواء|العميد|العقيد"
                               r"|المستشار|الحاج|النائب|الوزير)\s*$")
_ALI = re.compile(r"(?<![^\s(«\"“،,])[وف]?(علي)(?= )")        # the name Ali written with ya, a word of its own
_ALA = re.compile(r"(?<![^\s(«\"“،,])[وف]?على(?![^\W\d_])")   # the preposition with alef maqsura


def _after_lineage_word(text: str, position: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, position - 12), position)
    if before is None:
        return False
    word = match_form(before.group(1))
    return word in _LINEAGE or (len(word) > 2 and word[0] in "وف" and word[1:] in _LINEAGE)


def _after_ali(word: str) -> bool:
    """A word after the name Ali that continues the name: one news writes inside person names or that
    clusters with them (الغوينم, السلطان), a nisba with the article (الحازمي), or a word too rare to be in
    the news vocabulary and no place or body word (ريفول); no stop or time word. A common noun after it
    (البحث, السفر) means the text writes the preposition with ya too, and is left alone."""
    key = match_form(word)
    if len(key) < 3 or key in _STOP_WORDS or key in _TIME_WORDS:
        return False
    if _person_evidence(word) >= 2 or _person_clustered(word):
        return True
    if key.startswith("ال") and key.endswith("ي") and len(key) >= 6:
        return True
    return ner.feature_form(word) not in _lexicons().clusters and not _place_or_org_word(word, True)


def _person_clustered(word: str) -> bool:
    """A word in a cluster of person names (الغوينم with العبدالقادر)."""
    ids = _lexicons().clusters.get(ner.feature_form(word))
    return bool(ids) and len(ids) > 1 and ids[1] in _type_clusters("PER")


def _ali_names(article: Article) -> None:
    """"علي" and a surname are a person where the text writes the preposition "على" with alef maqsura (so
    its "علي" with ya is the name Ali): the tagger sees both as one normalised word, mostly a preposition,
    and misses "وقال علي الشعيلان" or keeps only the surname. A PER mention of the surname alone starts at
    علي instead; an untagged word that continues a name (`_after_ali`) makes a new mention. Texts that
    write the preposition with ya as well (much Egyptian print) are left alone."""
    text = article.text
    if "علي " not in text:
        return
    alis = list(_ALI.finditer(text))
    if alis and len(_ALA.findall(text)) < max(2, len(alis)):
        # a text that also writes the preposition with ya: only an Ali after an honorific ("د. علي آدم")
        alis = [a for a in alis if _HONORIFIC_BEFORE.search(text, max(0, a.start() - 14), a.start())]
    if not alis:
        return
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [a for a, _ in covered]
    by_start = {m.start: m for m in article.mentions}
    added = []
    for found in alis:
        begin = found.start(1)
        if _inside_mention(covered, starts, begin) or _after_lineage_word(text, found.start()):
            continue                            # "بن علي تثلج": Ben Ali is the name, a verb follows
        word = _WORD_LETTERS.match(text, found.end() + 1)
        if word is None:
            continue
        if match_form(word.group()) in _DANGLING and text.startswith(" ", word.end()):
            word = _WORD_LETTERS.match(text, word.end() + 1) or word    # "علي أبو الليرات": one name
        person = by_start.get(word.start())
        if person is not None and (person.type == "PER"
                                   or (" " not in person.text.strip() and _person_evidence(person.text) >= 1)):
            _move_start(person, text, begin)    # "علي [بوقرة]" typed a place is Ali Bouguerra
            person.type = "PER"
        elif (person is None and not _inside_mention(covered, starts, word.start())
              and _after_ali(word.group())):
            added.append(Mention(begin, word.end(), text[begin:word.end()], "PER", name=text[begin:word.end()]))
    _add_mentions(article, added)


def _agency_credits(article: Article) -> None:
    """A news agency credited in brackets ("عمان 5 آذار (بترا) -", "لـ(كونا)") is an organisation, whatever
    the tagger read (بترا as the ancient city, a place); its short name after its full one is a name of its
    own ("وكالة الأنباء القطرية [قنا]"), as the corpora tag it."""
    text = article.text
    for mention in article.mentions:
        if (mention.type != "ORG" and 0 < mention.start and mention.end < len(text)
                and text[mention.start - 1] in "(（" and text[mention.end] in ")）"
                and metadata.is_agency(mention.text)):
            mention.type = "ORG"
    added = []
    for mention in article.mentions:                # "[وكالة الأنباء القطرية] [قنا]": the agency's own name
        words = mention.text.split()
        head = match_form(words[0]) if words else ""
        if mention.type == "ORG" and len(words) >= 3 and (head == _AGENCY or head[1:] == _AGENCY) \
                and metadata.is_agency(words[-1]) and match_form(words[-1]) not in _GENERIC_MEDIA \
                and not _gentilic_word(words[-1]) \
                and any(match_form(w) not in _GENERIC_MEDIA for w in words[1:-1]):   # not "وكالة أنباء الأناضول"
            cut = mention.end - len(words[-1])
            added.append(Mention(cut, mention.end, words[-1], "ORG", name=words[-1]))
            _move_end(mention, text, cut - 1)
    _add_mentions(article, added)


_AGENCY = match_form("وكالة")
_BRACKETED_AFTER = re.compile(r"((?:[ \t]+[^\W\d_]+){1,3})[ \t]*[(（]")
_CONSTRUCT_HEAD = re.compile("^و?ل(?!ل)")     # لكرة (القدم), لشؤون (اللاجئين): ل + a noun in construct


def _bracketed_org(article: Article, start: int) -> Mention | None:
    """The organisation mention that is the whole content of the brackets opening at `start`, if any."""
    found = _PAREN_AFTER.match(article.text, start)
    if not found:
        return None
    return next((m for m in article.mentions if m.type == "ORG" and m.start == found.start(1)
                 and m.end == found.end(1)), None)


def _bodies_to_brackets(article: Article) -> None:
    """An organisation's name written in full before its acronym in brackets ends at the bracket: the words
    the tagger left between ("[شركة كوريا للطاقة] الكهربائية (كيبكو)", "[المعهد الكوري المتقدم للعلوم]
    والتكنولوجيا (كايست)") are the rest of the name when each is a complement (definite, لل, و + definite, or
    ل + a noun before a definite one: لكرة القدم) and the brackets hold a name the tagger read as an
    organisation, so that the two are paired (`acronym_pairs`)."""
    text = article.text
    for mention in article.mentions:
        if mention.type != "ORG":
            continue
        found = _BRACKETED_AFTER.match(text, mention.end)
        if not found or _bracketed_org(article, found.end() - 1) is None:
            continue
        words = [match_form(w) for w in found.group(1).split()]
        if all(_COMPLEMENT.match(w) or (_CONSTRUCT_HEAD.match(w) and k + 1 < len(words)
                                        and _COMPLEMENT.match(words[k + 1]))
               for k, w in enumerate(words)):
            _move_end(mention, text, found.end(1))


def _add_mentions(article: Article, added: list[Mention]) -> None:
    """Mentions a repair found, merged into the article's, in text order."""
    if added:
        article.mentions = sorted(article.mentions + added, key=lambda m: (m.start, m.end))


PLACE_CLUSTER_SHARE = 0.5   # a word clusters with places when half its cluster's rated words... see _place_like
_PLACE_HEADS = frozenset(("مدينه", "محافظه", "ولايه", "بلده", "قريه", "منطقه", "اقليم", "قضاء", "ناحيه", "مخيم"))
_PLACE_HEAD_TEXT = re.compile("مدين|محافظ|ولاي|بلد|قري|منطق|[إا]قليم|قضاء|ناحي|مخيم")   # where heads may be
# the first word of a place of several (بني سعد، بئر ناصر، عين العرب) and heads and capitals, never a place alone
_NOT_A_WHOLE_PLACE = _PLACE_HEADS | frozenset(_word(w) for w in (
    "بني", "بئر", "عين", "أبو", "رأس", "جبل", "وادي", "تل", "دير", "بيت", "كفر", "سيدي", "أم", "عاصمة", "جنوب",
    "شمال", "شرق", "غرب"))


@lru_cache(maxsize=4)
def _type_clusters(kind: str) -> frozenset[str]:
    """The 256-cluster ids whose words are mostly names of one type (rated 2 or 3): ديالى clusters with
    نينوى (LOC), الغوينم with العبدالقادر (PER)."""
    lexicons = _lexicons()
    total: Counter = Counter()
    named: Counter = Counter()
    for word, ids in lexicons.clusters.items():
        if len(ids) > 1:
            total[ids[1]] += 1
            named[ids[1]] += any(r.startswith(kind) and r[-1] in "23" for r in lexicons.rates.get(word, ()))
    return frozenset(c for c in total if named[c] >= PLACE_CLUSTER_SHARE * total[c])


def _place_like(word: str) -> bool:
    """A word news writes as a place: rated LOC2/LOC3, or in a cluster of places."""
    if any(r.startswith("LOC") and r[-1] in "23" for r in _rates_of(word)):
        return True
    ids = _lexicons().clusters.get(ner.feature_form(word))
    return bool(ids) and len(ids) > 1 and ids[1] in _type_clusters("LOC")


def _places_after_heads(article: Article) -> None:
    """An untagged place right after an indefinite place head ("في محافظة ديالى", "مدينة أبها"): a word news
    writes as a place or that clusters with places (`_place_like`), not an adjective, not the first word of a
    longer name ("مدينة عين العرب"). The tagger learned "محافظة ديالى" as two plain words from a corpus that
    labels it so twice. On SaudiNewsNet (2,883 articles) this adds 31 places, 29 of them right."""
    text = article.text
    heads = [m.start() for m in _PLACE_HEAD_TEXT.finditer(text)]
    if not heads:
        return
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [s for s, _ in covered]
    added = []
    read = tokenized(text)
    candidates = sorted({bisect_right(read.starts, h) - 1 for h in heads})
    for k in candidates:
        tok = read.tokens[k]
        if k < 0 or k + 1 >= len(read.tokens) or _word(tok.text) not in _PLACE_HEADS \
                or _DEFINITE.match(_without_conjunction(match_form(tok.text))):
            continue                            # "المنطقة الشرقية", "المنطقة العربية": a description
        nxt = read.tokens[k + 1]
        if (text[tok.end:nxt.start] != " " or not _is_word(nxt.text) or _gentilic_word(nxt.text)
                or _word(nxt.text) in _NOT_A_WHOLE_PLACE or not _place_like(nxt.text)):
            continue
        after = read.tokens[k + 2] if k + 2 < len(read.tokens) else None
        if after is not None and text[nxt.end:after.start] == " " and _DEFINITE.match(match_form(after.text)):
            continue                            # "مدينة عين العرب": a name of more words than one
        if _inside_mention(covered, starts, nxt.start):
            continue
        added.append(Mention(nxt.start, nxt.end, nxt.text, "LOC", name=nxt.text))
    _add_mentions(article, added)


# the word is read in a lookahead, so that "من العاصمة بكين" also yields the match at العاصمة
_AFTER_TO_OR_IN = re.compile(r"(?<![^\s(«\"“\[])(?:إلى|الى|في|فى|من|العاصمة|عاصمة)(?= ([^\W\d_]+)(?![^\W\d_]))")


def _places_after_prepositions(article: Article) -> None:
    """A known city (the dateline list of marsad/data/datelines.json) that also clusters with places,
    untagged right after إلى/في/من or العاصمة: "وصل الرئيس إلى مسقط", where the tagger, which learned
    "مسقط" mostly from "مسقط رأسه" (birthplace), tags nothing. Not before رأس."""
    text = article.text
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [a for a, _ in covered]
    added = []
    for found in _AFTER_TO_OR_IN.finditer(text):
        word = found.group(1)
        if not metadata.is_known_place(word) or _inside_mention(covered, starts, found.start(1)) \
                or not _place_like(word):
            continue
        after = _WORD_LETTERS.match(text, found.end(1) + 1)
        if after is not None and text[found.end(1)] == " " and _word(after.group()).startswith("راس"):
            continue                            # "مسقط رأسه": his birthplace
        added.append(Mention(found.start(1), found.end(1), word, "LOC", name=word))
    _add_mentions(article, added)


# Words before a name that say it is where something is or happens ("في", "إلى", "قرب", "شمال")
_PLACE_PREPOSITIONS = frozenset(_word(w) for w in (
    "في", "فى", "إلى", "الى", "من", "قرب", "بين", "نحو", "داخل", "خارج", "وسط", "أنحاء", "ضواحي", "شمال", "جنوب",
    "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "أطراف", "حدود", "مشارف"))
_CAPITAL_HEADS = frozenset(_word(w) for w in ("عاصمة", "العاصمة", "عاصمتها", "عاصمته"))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]:
    """(place name's words -> ISO country code, the names that are also ordinary words) from places.json."""
    data = _load("places.json")
    names: dict[tuple[str, ...], str] = {}
    for code, places in data["places"].items():
        for place in places:
            names.setdefault(tuple(match_form(place).split()), code)
    common = frozenset(tuple(match_form(w).split()) for w in data.get("common_words", ()))
    return names, common


@lru_cache(maxsize=1)
def _gazetteer_firsts() -> frozenset[str]:
    """The first words of the listed places, to pass over the rest of the text at one set look-up a word."""
    return frozenset(key[0] for key in _gazetteer()[0])


@lru_cache(maxsize=1 << 16)
def _clitic_forms(word: str) -> tuple[tuple[int, str, bool], ...]:
    """(letters cut, the rest, whether a ب/ل was cut) for a word read with its proclitics off: وهران,
    و+الطفيلة, ب+وهران, وب+الكرك. The whole word comes first."""
    forms = [(0, word, False)]
    cut = 1 if len(word) > 3 and word[0] in "وف" else 0
    if cut:
        forms.append((1, word[1:], False))
    rest = word[cut:]
    if len(rest) > 3 and rest[0] in "بل" and not rest.startswith("لل"):     # "للحج": ل + الحج, not ل + لحج
        forms.append((cut + 1, rest[1:], True))     # not "للطفيلة": ل + الطفيلة leaves no span to point at
    return tuple(forms)


# plural heads that name towns, not areas or states: what follows them is a town even when it is a word too
_TOWN_LIST_HEADS = frozenset(_word(w) for w in (
    "مدن", "مدينتي", "محافظات", "محافظتي", "مديريات", "مديريتي", "قرى", "قريتي", "بلدات", "بلدتي", "ولايات",
    "ولايتي", "أقضية", "قضاءي", "نواحي", "مخيمات", "مخيمي", "محليات", "محليتي", "معتمديات", "بلديات", "بلديتي"))


def _place_context(words: list, i: int, text: str, clitic: bool, conjunction: bool = False) -> int:
    """How strongly the words before words[i] say a town follows: 3 after an indefinite head in construct
    (مدينة, محافظة, بمحافظات, بلدتي); 2 after العاصمة, a plural head of areas or states (مناطق, دول) or a head
    and an adjective of origin (العاصمة العُمانية مسقط); 1 after في/إلى/قرب/شمال or with a ب/ل glued on;
    else 0. A definite head is an adjective's ("من الناحية الغربية", "الدول الخمس"). Only a space may stand
    between."""
    def previous(k: int) -> str | None:
        if k <= 0 or text[words[k - 1].end():words[k].start()] != " ":
            return None
        return _without_conjunction(match_form(words[k - 1].group()))

    def head_strength(form: str) -> int:
        for cut in (0, 1):
            if cut and not (len(form) > 3 and form[0] in "بل"):
                break
            rest = form[cut:]
            if _word(rest) in _CAPITAL_HEADS:
                return 2
            if rest.startswith("ال"):
                continue
            if (_word(rest) in _PLACE_HEADS or _word(rest) in _TOWN_LIST_HEADS) and _word(rest) != "ناحيه":
                return 3                        # not ناحية, which is also "side": "ناحية الشمال"
            if _word(rest) in _PLURAL_PLACE_HEADS or _word(rest) == "ناحيه":
                return 2
        return 0
    head = previous(i)
    if conjunction:
        return 0                                # "منطقه وقربه": a list's next item is `_places_in_lists`'
    if head is None:
        return 1 if clitic else 0
    strength = head_strength(head)
    if strength:
        return strength
    if _origin_adjective(words[i - 1].group()):
        before = previous(i - 1)
        if before is not None and head_strength(before):
            return 2
    return 1 if clitic or _word(head) in _PLACE_PREPOSITIONS or (
        head[:1] in ("و", "ف") and _word(head[1:]) in _PLACE_PREPOSITIONS) else 0     # "وفي", "ومن"


_TANWIN_OR_HAMZA = re.compile("[\u064B-\u064Dء]")
_WORD_WITH_MARKS = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0640\u064B-\u065F\u0670])*")   # "العُمانية" is one word


def _club_adjective(word: str) -> bool:
    """A masculine adjective of origin with the article (البرتغالي, الفرنسي): after a town's name it makes a
    club of it, since a town takes the feminine."""
    form = match_form(word)
    return form.startswith("ال") and form.endswith("ي") and _origin_adjective(word)


def _unknown_word(word: str, clusters: dict) -> bool:
    """Not among the cluster vocabulary's 80,000 news words, and no و/ف/ال form of a known one."""
    form = match_form(word)
    return ner.feature_form(word) not in clusters and not form.startswith(("و", "ف", "ال"))


def _gazetteer_places(article: Article) -> None:
    """Places of marsad/data/places.json (cities, governorates, towns of the Arab world and the news' other
    countries) the tagger left untagged: it learned places from a corpus that never names most towns
    ("في وهران", "بمحافظات معان", "العاصمة العمانية مسقط"). A name is taken where the words before it say a
    place follows (`_place_context`): after في/إلى/قرب/شمال or with ب/ل glued on, or after a head; a name that
    is also an ordinary word (معان, صور, الخبر) only after a head. Never inside another name, nor right
    before one ("في بورصة لندن": the stock exchange), nor before a word news has never seen, which makes a
    longer foreign name of it ("سان" + unknown), nor in "مسقط رأسه" (a birthplace). A listed name of several
    words the tagger found in parts, as places, is one place: "بنت [جبيل]", "[الجزيرة] [الخضراء]"; but not a
    place with its head, direction or epithet, which the corpora tag without them ("قطاع [غزة]", "شمال
    [وزيرستان]", "[مكة] المكرمة")."""
    text = article.text
    names, common = _gazetteer()
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [a for a, _ in covered]
    words = list(_WORD_WITH_MARKS.finditer(text))
    clusters = _lexicons().clusters
    added: list[Mention] = []
    dropped: set[int] = set()
    i = 0
    firsts = _gazetteer_firsts()
    while i < len(words):
        found = None
        for cut, first, clitic in _clitic_forms(match_form(words[i].group())):
            if first not in firsts:
                continue                        # most words: no listed place starts so
            for n in (3, 2, 1):
                if i + n > len(words) or any(text[words[k].end():words[k + 1].start()] != " "
                                             for k in range(i, i + n - 1)):
                    continue
                key = (first,) + tuple(match_form(w.group()) for w in words[i + 1:i + n])
                if key in names:
                    found = (cut, n, key, clitic)
                    break
            if found:
                break
        if not found:
            i += 1
            continue
        cut, n, key, clitic = found
        start, end = words[i].start() + cut, words[i + n - 1].end()
        following = words[i + n] if i + n < len(words) and text[end:words[i + n].start()] == " " else None
        written_word = match_form(words[i].group())
        strength = _place_context(words, i, text, clitic, conjunction=cut > 0 and written_word[0] in "وف")
        written = text[start:end]
        if clitic and strength == 1 and n == 1 and not key[0].startswith("ال") and not any(
                r.startswith("LOC") for r in _rates_of(written)):
            strength = 0                        # "لإغراء", "لموته": a ب/ل glued on a word news never tags
        if _TANWIN_OR_HAMZA.search(written) or _gentilic_word(written):
            strength = 0                        # "بأسًا", "جزءين", "العاصمة الصينية": no name
        if following is not None and _club_adjective(following.group()):
            strength = 0                        # "لبورتو البرتغالي": a club (a town is البرتغالية)
        parts = [m for m in article.mentions if m.start < end and start < m.end]
        if n > 1 and parts and all(m.type == "LOC" and start <= m.start and m.end <= end for m in parts) \
                and (len(parts) > 1 or (parts[0].start > start and _word(key[0]) not in _PLACE_HEADS
                                        and _word(key[0]) not in _PLACE_PREPOSITIONS and key[0] != "قطاع")) \
                and not (following is not None and _inside_mention(covered, starts, following.start())):
            dropped.update(id(m) for m in parts)    # "بنت [جبيل]", "[الجزيرة] [الخضراء]": the whole name
            added.append(Mention(start, end, text[start:end], "LOC", name=text[start:end]))
        elif (strength >= (3 if key in common else 1)
                and not _inside_mention(covered, starts, start) and not _inside_mention(covered, starts, end - 1)
                and not (following is not None and (_unknown_word(following.group(), clusters)
                                                    or _word(following.group()).startswith("راس")
                                                    or _inside_mention(covered, starts, following.start())))):
            added.append(Mention(start, end, text[start:end], "LOC", name=text[start:end]))
        i += n
    if dropped:
        article.mentions = [m for m in article.mentions if id(m) not in dropped]
    _add_mentions(article, added)


@lru_cache(maxsize=1)
def _countries_of_several_words() -> dict[str, list[tuple[str, ...]]]:
    """places.json's countries of several words, by each of their words (normalised)."""
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for name in _load("places.json").get("countries_of_several_words", ()):
        key = tuple(match_form(name).split())
        for word in set(key):
            by_word.setdefault(word, []).append(key)
    return by_word


def _countries_whole(article: Article) -> None:
    """A country whose name has a direction or an epithet is one place where the tagger found a part of it:
    "جنوب [أفريقيا]", "[كوريا] الجنوبية", "[ساحل] العاج" -- unlike a region ("أميركا الشمالية"), which the
    corpora tag without its epithet. The part must be the only mention inside the name."""
    listed = _countries_of_several_words()
    text = article.text
    for mention in list(article.mentions):
        if mention.type != "LOC" or mention not in article.mentions:
            continue
        own = mention.text.split()
        first = match_form(own[0]) if own else ""
        cut = 1 if first[:1] in "وفبل" and first[1:] in listed and first not in listed else 0
        for key in listed.get(first[cut:], ()):
            words = [match_form(w) for w in own]
            words[0] = words[0][cut:]
            at = next((k for k in range(len(key) - len(words) + 1) if list(key[k:k + len(words)]) == words), None)
            if at is None or len(words) == len(key):
                continue
            before = text[max(0, mention.start - 40):mention.start + cut].split()[-at:] if at else []
            after = text[mention.end:].split()[:len(key) - at - len(words)]
            clitic = 1 if before and match_form(before[0])[:1] in "وفبل" \
                and match_form(before[0])[1:] == key[0] else 0           # "وجنوب [أفريقيا]"
            if before:
                before[0] = before[0][clitic:]
            if [match_form(w) for w in before] + words + [match_form(w) for w in after] != list(key):
                continue
            start = mention.start + cut - sum(len(w) + 1 for w in before) if before else mention.start + cut
            end = mention.end + sum(len(w) + 1 for w in after)
            if text[start:end].split() != before + [mention.text.split()[0][cut:]] + own[1:] + after:
                continue
            if any(m is not mention and m.start < end and start < m.end for m in article.mentions):
                break
            _move_start(mention, text, start)
            _move_end(mention, text, end)
            break


_CONTINENTS = frozenset(match_form(w) for w in ("أوروبا", "آسيا", "أفريقيا", "إفريقيا"))   # not أميركا: its
# north and south are continents of their own, which Wikipedia (AQMAR) tags whole
_COMPASS = frozenset(match_form(w) for w in ("الشمالية", "الجنوبية", "الشرقية", "الغربية"))


def _regions_without_compass(article: Article) -> None:
    """"[أوروبا] الغربية", "[آسيا] الشرقية": the news corpora tag a continent without the compass word
    that makes it a region (ANERcorp train: 3 of 3), unlike a country ("كوريا الجنوبية")."""
    text = article.text
    for mention in article.mentions:
        words = mention.text.split()
        if mention.type == "LOC" and len(words) == 2 and match_form(words[1]) in _COMPASS:
            first = match_form(words[0])
            if first in _CONTINENTS or (first[:1] in "وفبل" and first[1:] in _CONTINENTS):
                _move_end(mention, text, mention.start + len(words[0]))


_LIST_ITEM = re.compile(r"(?:،? ?| )و([^\W\d_]+)(?![^\W\d_])")   # "، وتريم", " وشبام": the next item of a list
_PLURAL_PLACE_HEADS = frozenset(_word(w) for w in (
    "مدن", "مدينتي", "محافظات", "محافظتي", "مديريات", "مديريتي", "مناطق", "منطقتي", "قرى", "قريتي", "بلدات",
    "بلدتي", "ولايات", "ولايتي", "أحياء", "حيي", "أقضية", "نواحي", "مخيمات", "مخيمي", "عواصم", "دول", "بلدان",
    "محليات", "محليتي", "معتمديات", "معتمديتي", "بلديات", "بلديتي", "مراكز", "جزر"))
_OPENS_TWO_WORD_PLACE = _NOT_A_WHOLE_PLACE | frozenset(_word(w) for w in ("ذي", "ذو", "شبه", "سان", "بورت"))


def _places_in_lists(article: Article) -> None:
    """Untagged places listed after a tagged one ("بين الرياض والدمام", "في عدن ولحج وتعز"): each item after
    و that news writes as a place (rated LOC2/LOC3; a word without the article may also just cluster with
    places, `_place_like`) or that is a known city becomes a place too, and the list goes on from it. After a
    plural place head ("مدن سبها وغريان وبني وليد", "مديريات سيئون وتريم وشبام") the head vouches for every
    item: a word news has never seen (not among the 80,000 of the cluster vocabulary), or two words opened
    by بني/عين/ذي, is a place as well. An item is no place when a definite word, an adjective of origin or an
    unknown word follows it ("والمسجد النبوي", "وسان جونز وود": a longer name), nor when it is a kind of
    place or body (وجمهورية التشيك). The tagger often tags the first, well-known item of a list and leaves
    the small towns after it."""
    text = article.text
    places = sorted((m for m in article.mentions if m.type == "LOC"), key=lambda m: m.start)
    if not places:
        return
    mention_starts = sorted(m.start for m in article.mentions)
    clusters = _lexicons().clusters
    added, replaced = [], set()
    for place in places:
        before = _WORD_BEFORE.search(text, max(0, place.start - 16), place.start)
        head = _word(_without_conjunction(match_form(before.group(1)))) if before is not None else ""
        headed = head in _PLURAL_PLACE_HEADS or (head[:1] in ("ب", "ل") and head[1:] in _PLURAL_PLACE_HEADS)
        end = place.end
        while True:
            found = _LIST_ITEM.match(text, end)
            if found is None:
                break
            word = found.group(1)
            after = _WORD_LETTERS.match(text, found.end(1) + 1) if text[found.end(1):found.end(1) + 1] == " " else None
            opens_two = after is not None and _word(word) in _OPENS_TWO_WORD_PLACE
            if opens_two and (metadata.is_known_place(f"{word} {after.group()}") or headed):
                item_end = after.end()                          # "وذي قار", "وبني وليد"
                following = _WORD_LETTERS.match(text, item_end + 1) if text[item_end:item_end + 1] == " " else None
            elif _rated_place(word, clusters, headed) and not opens_two:
                item_end = found.end(1)
                following = after
            else:
                break
            if following is not None and _continues_name(following.group(), clusters, item_end > found.end(1)):
                break
            inside = [a for a in mention_starts if found.start(1) - 1 <= a < item_end]
            glued = [m for m in article.mentions if m.start == found.start(1) - 1 and m.type == "LOC"]
            if inside == [found.start(1) - 1] and glued:           # "[وشبام]": the tagger kept the و
                _move_start(glued[0], text, found.start(1))
                end = glued[0].end
                continue
            if inside and not (opens_two and inside == [after.start()]):
                break                                           # the tagger has this item already
            replaced.update(inside)
            surface = text[found.start(1):item_end]
            added.append(Mention(found.start(1), item_end, surface, "LOC", name=surface))
            end = item_end
    if replaced:                # "وبني [وليد متعاقد]": the tagger's name inside a listed place was the place's
        article.mentions = [m for m in article.mentions if m.start not in replaced]
    _add_mentions(article, added)


def _rated_place(word: str, clusters: dict, headed: bool) -> bool:
    """Evidence that a list item is a place (`_places_in_lists`): no kind of place or body (جمهورية) and no
    adjective of origin; a definite word rated LOC2/LOC3 (الباحة, not العالم), a plain word `_place_like`,
    a known city, or, after a plural place head, a word news has never seen."""
    if _gentilic_word(word) or ner.TRIGGER_OF.get(strip_article(ner.feature_form(word))) in ("LOC", "ORG"):
        return False
    names, common = _gazetteer()
    if (match_form(word),) in names and (match_form(word),) not in common:
        return True
    if _DEFINITE.match(match_form(word)):
        return any(r.startswith("LOC") and r[-1] in "23" for r in _rates_of(word)) or (
            headed and ner.feature_form(word) not in clusters and len(word) >= 5)     # "محافظات ... والمهرة"
    return (_place_like(word) or metadata.is_known_place(word)
            or (headed and ner.feature_form(word) not in clusters and len(word) >= 3))


def _continues_name(word: str, clusters: dict, two_words: bool) -> bool:
    """The word after a list item makes it part of a longer name or phrase: definite (المسجد النبوي), an
    adjective of origin, or, after a one-word item, a word news has never seen (سان جونز)."""
    form = match_form(word)
    return (form.startswith("ال") or _gentilic_word(word)
            or (not two_words and ner.feature_form(word) not in clusters and not form.startswith(("و", "ف"))))


@lru_cache(maxsize=8)
def _subjects(text: str) -> frozenset[str]:
    """The matching forms of the words right after a finite verb whose subject follows it (`_SUBJECT_VERBS`):
    where a text names a person alone by a family name ("وأشار القضاة إلى")."""
    tokens = tokenized(text).tokens
    return frozenset(_token_form(tok.text) for before, tok in zip(tokens, tokens[1:])
                     if _token_form(before.text) in _SUBJECT_VERBS)


MAX_LISTED_NAME = 4          # words of a listed person's name after و ("وياسمين عبد العزيز")
_LISTED_GIVEN = re.compile(r"(?:[ \t]*[،,])?[ \t]+و(\w+)")        # the next item: "، وغادة", " وياسمين"
_GIVEN_WITH_WAW = re.compile(r"(?:^|(?<=\s))و(\w+)[ \t]+$")          # "وغادة " right before a name


def _listed_given(word: str) -> bool:
    """A word after a list's و that opens a person's name: a known given name (غادة, ياسمين) that is no
    common word once the و is gone."""
    return (len(word) >= 3 and _known_given(word) and match_form(word) not in _STOP_WORDS
            and not _DEFINITE.match(match_form(word)))        # "والأمير": a title, not a given name


def _people_in_lists(article: Article) -> None:
    """People listed after و, as news lists casts, line-ups and delegations ("وأحمد رزق، وغادة عادل وياسمين
    عبد العزيز"): a person's span that runs on into "وياسمين ..." is two people; a known given name after
    a person's name and و opens the next person, whose name runs over the words that read as name parts
    (`_person_evidence`, an عبد compound), up to punctuation, a stop word or another mention; and a known
    given name with و right before a person's span is that person's first name ("وغادة [عادل]")."""
    text = article.text
    people = sorted((m for m in article.mentions if m.type == "PER"), key=lambda m: m.start)
    if not people:
        return
    added = []
    for mention in people:                                    # "[عادل وياسمين عبد العزيز]": two people
        words = list(_WORD_SPANS.finditer(text, mention.start, mention.end))
        cut = next((k for k in range(1, len(words)) if words[k].group()[:1] == "و"
                    and _listed_given(words[k].group()[1:])), None)
        if cut is not None:
            surface = text[words[cut].start() + 1:mention.end]
            second = Mention(words[cut].start() + 1, mention.end, surface, "PER", name=surface)
            _move_end(mention, text, words[cut - 1].end())
            added.append(second)
    people = sorted(people + added, key=lambda m: m.start)
    covered = sorted((m.start, m.end) for m in article.mentions + added)
    starts = [a for a, _ in covered]
    for mention in people:
        lo = max(0, mention.start - 20)
        front = _GIVEN_WITH_WAW.search(text[lo:mention.start])
        if front and _listed_given(front.group(1)) and (" " not in mention.text
                                                        or not _known_given(mention.text.split()[0])):
            before = lo + front.start()                     # the end of what precedes "و", spaces skipped
            while before > 0 and text[before - 1].isspace():
                before -= 1
            if text[before - 1:before] in ("،", ",") or any(p.end == before for p in people):
                _move_start(mention, text, lo + front.start(1))      # "، وغادة [عادل]"
        end = mention.end
        while True:
            found = _LISTED_GIVEN.match(text, end)
            if found is None or not _listed_given(found.group(1)) or _inside_mention(covered, starts, found.start(1)):
                break
            tokens = _window_tokens(text, found.end(1), min(len(text), found.end(1) + 60))
            stop = found.end(1)
            for tok in tokens[:MAX_LISTED_NAME - 1]:
                begin = found.end(1) + tok.start
                form = match_form(tok.text)
                if (text[stop:begin].strip() or not tok.text.isalpha() or form in _STOP_WORDS
                        or _inside_mention(covered, starts, begin) or form.startswith("و")
                        or not (_person_evidence(tok.text) >= 1 or _word(form) in _JOIN_NEXT
                                or _given_name(form))):
                    break
                stop = begin + len(tok.text)
            if stop == found.end(1):
                break                                         # a lone given name: "وغادة" may be a word
            new = Mention(found.start(1), stop, text[found.start(1):stop], "PER", name=text[found.start(1):stop])
            added.append(new)
            covered.append((new.start, new.end))
            covered.sort()
            starts = [a for a, _ in covered]
            end = stop
    _add_mentions(article, added)


def _untagged_after_titles(article: Article) -> None:
    """A name the tagger missed wholly, right after a title that has clearly ended (an adjective of origin or
    a named body: "وزير الخارجية الأمريكي أنتوني بلينكن"), becomes a PER mention: two or three plain words
    with no article on the first, the first one news writes inside person names (`_person_evidence` 2: أنتوني)
    and the others no common word (evidence 1 or more), up to punctuation, a stop word or another mention.
    Only the words after such an ending are looked at, so the rule costs little on a long text."""
    text = article.text
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [s for s, _ in covered]
    org_ends = {m.end for m in article.mentions if m.type in ("ORG", "LOC")}
    people = [(m.start, m.end) for m in article.mentions if m.type == "PER"]
    given_ends, honorific_ends = _heads_before_given_names(text)
    ends = sorted(org_ends | {m.end() for m in _GENTILIC_END.finditer(text) if _gentilic_word(m.group(1))}
                  | given_ends | honorific_ends)
    added = []
    for after in ends:
        tokens = _window_tokens(text, after, min(len(text), after + 80))
        if not tokens or text[after:after + tokens[0].start].strip():
            continue                            # punctuation between the title and the next word
        words = []
        for tok in tokens[:MAX_UNTAGGED_NAME]:
            begin = after + tok.start
            k = bisect_right(starts, begin) - 1
            if (not tok.text.isalpha() or (k >= 0 and covered[k][1] > begin)
                    or match_form(tok.text) in _STOP_WORDS
                    or (words and text[after + words[-1].end:begin].strip())):
                break
            if not words and ((_DEFINITE.match(match_form(tok.text)) and tok.text[0] not in "أإآ") or (
                    _person_evidence(tok.text) < (1 if after in honorific_ends else 2)
                    and not _known_given(tok.text))):
                break
            if words and _person_evidence(tok.text) < 1 and not (      # "أماني العمر": ال + a given name
                    len(words) == 1 and _known_given(words[0].text) and _known_given(tok.text)) and not (
                    len(words) == 1 and _common_surname(tok.text) and match_form(tok.text) in _subjects(text)):
                break                           # ("يعرب القضاة ... وأشار القضاة": a family name)
            words.append(tok)
        if len(words) < 2:
            continue
        start, end = after + words[0].start, after + words[-1].end
        title = _title_before(text, Mention(start=start, end=end, text="", type="PER"), people)
        closes = _title_closes(text, title, start, org_ends) if title else None
        if closes in ("adjective", "body") or (closes == "head" and (
                _known_given(words[0].text) or _word(title.split()[-1]) in _PERSONAL_HONORIFICS)):
            added.append(Mention(start, end, text[start:end], "PER", name=text[start:end]))
            covered.append((start, end))
    _add_mentions(article, added)


# a word followed by another, holding دع or سم (every naming word does: يدعى, المدعو, يسمى, اسمها), so the
# scan visits the few candidates rather than every word of the text
_NAMING_WORD = re.compile(r"(?<!\w)\w*(?:د[\u064b-\u0652]*ع|س[\u064b-\u0652]*م)\w*(?=[ \t]+\w)")


# a word, then (looked ahead, so that every word is tried as the verb) two or three words, a comma and a word
_NAME_BEFORE_APPOSITION = re.compile(
    r"(?<!\S)(\S+) (?=((?:[^\W\d_]+ ){0,2}[^\W\d_]+)[ \t]*[،,][ \t]*([^\W\d_]+))")


def _names_before_appositions(article: Article) -> None:
    """A speaker the tagger missed between a reporting verb and the title set off after him: "قال حبوب
    الشرقاوي، المدير السابق للمكتب ...". Two or three words (a first name news writes in names or has never
    seen, then any), right after a verb whose subject follows it (`_SUBJECT_VERBS`), and right before a comma
    and a definite title head (المدير, الرئيس, الناطق): a person, when its first word looks like a name or a
    later one is a surname news writes in names ("حبوب" is a word, "الشرقاوي" a surname). Not a body's or a
    place's word, not a stop word ("قال مصدر أمني، ..." has no name)."""
    text = article.text
    if "،" not in text and "," not in text:
        return
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [a for a, _ in covered]
    added = []
    verbs = [m.start() for m in _WORD_LETTERS.finditer(text) if _token_form(m.group()) in _SUBJECT_VERBS]
    for position in verbs:
        found = _NAME_BEFORE_APPOSITION.match(text, position)
        if found is None:
            continue
        head = match_form(found.group(3))
        if not head.startswith("ال") or (_word(head),) not in _HEADS:
            continue
        words = found.group(2).split()
        if len(words) < 2 or _DEFINITE.match(match_form(words[0])) \
                or max(_person_evidence(words[0]) + 1, *(_person_evidence(w) for w in words[1:])) < 2 \
                or any(match_form(w) in _STOP_WORDS or _place_or_org_word(w, True) or _gentilic_word(w)
                       and w is words[0] for w in words):
            continue
        start, end = found.span(2)
        if any(_inside_mention(covered, starts, p) for p in (start, end - 1)) or any(
                start <= a < end for a in starts):
            continue
        added.append(Mention(start, end, text[start:end], "PER", name=text[start:end]))
    _add_mentions(article, added)


def _names_after_naming_words(article: Article) -> None:
    """A verb or noun of naming (يدعى, وتدعى, المدعو, اسمها: `_NAMING_WORDS`) is followed by a person's name:
    a first name the tagger left out before a person it found joins it ("وتدعى [نجلاء] فاروق"), and a name it
    missed wholly (a known given name or a word news writes in names, then one or two plain words with some
    evidence of a name) becomes a PER mention. A mention of another type there, or a word with the article
    ("ما يسمى بالدولة"), is left alone."""
    text = article.text
    by_start = {m.start: m for m in article.mentions}
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [s for s, _ in covered]
    added = []
    for cue in _NAMING_WORD.finditer(text):
        if match_form(cue.group()) not in _NAMING_WORDS:
            continue
        tokens = _window_tokens(text, cue.end(), min(len(text), cue.end() + 80))
        if not tokens or text[cue.end():cue.end() + tokens[0].start].strip():
            continue
        words = []
        for tok in tokens[:MAX_UNTAGGED_NAME]:
            begin = cue.end() + tok.start
            if words and text[cue.end() + words[-1].end:begin].strip():
                break
            mention = by_start.get(begin)
            if mention is not None:
                if words and mention.type == "PER" and len(words) == 1:
                    _move_start(mention, text, cue.end() + words[0].start)
                words = []                        # the tagger's mention: left as it is, or joined above
                break
            form = match_form(tok.text)
            if (not tok.text.isalpha() or _inside_mention(covered, starts, begin) or form in _STOP_WORDS
                    or (_DEFINITE.match(form) and tok.text[0] not in "أإآ")):      # ألفة is no definite noun
                break
            if not words and not _known_given(tok.text) and _person_evidence(tok.text) < 2:
                break
            if words and _person_evidence(tok.text) < 1:
                break
            words.append(tok)
        if len(words) >= 2:
            start, end = cue.end() + words[0].start, cue.end() + words[-1].end
            added.append(Mention(start, end, text[start:end], "PER", name=text[start:end]))
    _add_mentions(article, added)


_SPELLINGS = {"ا": "[اأإآ]", "أ": "[اأإآ]", "ة": "[ةه]", "ي": "[يى]", " ": r"[ \t]+"}
_FIXED_PLACES = re.compile("|".join(
    r"(?<![^\s(«\"“،,])(?:[وف]?[بل]?)(" + "".join(_SPELLINGS.get(c, c) for c in p) + r")(?!\w)"
    for p in sorted(_ORGS["fixed_places"], key=len, reverse=True)))
# their last words without the article, searched first: a plain alternation skips a text that has none fast
_FIXED_EPITHETS = re.compile("|".join(
    "".join(_SPELLINGS.get(c, c) for c in p.split()[-1].removeprefix("ال")) for p in _ORGS["fixed_places"]))
_COMPANY_WORDS = frozenset(_word(w) for w in _ORGS["company_words"])
_BANK_WORDS = frozenset(_word(w) for w in _ORGS["bank_words"])
# nouns an adjective الأهلي (private, civil) describes, not the club: القطاع الأهلي, التعليم الأهلي, السلم الأهلي
_SECTOR_NOUNS = frozenset(_word(w) for w in ("القطاع", "التعليم", "المجتمع", "العمل", "الاقتتال", "السلم",
                                              "النزاع", "الصراع", "الحراك", "الإنتاج", "الاستثمار"))
_ADJECTIVE_AFTER = re.compile(r"[ \t]+((?:ال)\w{3,}[يى])(?!\w)")


def _fixed_places(article: Article) -> None:
    """A noun with its fixed epithet (org_aliases.json fixed_places: المسجد الحرام, المدينة المنورة) is one
    place: the mentions the tagger made inside it ("الحرام" as a body, "المدينة" and "المنورة" as two places)
    give way to one LOC mention of the whole."""
    text = article.text
    spans = [m.span(m.lastindex) for m in _FIXED_PLACES.finditer(text)] if _FIXED_EPITHETS.search(text) else []
    if not spans:
        return
    # only where the tagger took the epithet for a name of its own ("الحرام", "المنورة"); a mention of the
    # whole, or of the noun alone ("مكة" of مكة المكرمة), is left as it is
    inside = [(s, e) for s, e in spans
              if any(s < m.start and m.end == e for m in article.mentions)
              and not any((m.start, m.end) == (s, e) for m in article.mentions)]
    if not inside:
        return
    article.mentions = [m for m in article.mentions if not any(s <= m.start and m.end <= e for s, e in inside)]
    _add_mentions(article, [Mention(s, e, text[s:e], "LOC", name=text[s:e]) for s, e in inside
                            if not any(m.start < e and s < m.end for m in article.mentions)])


def _kind_words_before(article: Article) -> None:
    """Names a word before them makes a company's or a common noun's.
    * A place-typed name that opens with a company's word (org_aliases.json company_words: "طيران الجزيرة") is
      the company, and a place right after a bank's word in construct (bank_words: "وبنك الخليج", "مصرف لبنان
      المركزي") is the bank's name: the whole is an organisation, not the place it is named after. Not after
      طيران, which before a place is as often its air force ("طيران التحالف").
    * A one-word body that is an adjective (الأهلي) right after a noun it describes (`_SECTOR_NOUNS`:
      "القطاع الأهلي", the private sector; "التعليم الأهلي") is no club: no mention."""
    text = article.text
    dropped = set()
    for mention in article.mentions:
        if mention.type not in ("LOC", "ORG", "MISC"):
            continue
        words = mention.text.split()
        if not words:
            continue
        first = match_form(words[0])
        cut = 1 if len(first) > 3 and first[0] in "وفبل" and _word(first[1:]) in _COMPANY_WORDS else 0
        if _word(first[cut:]) in _COMPANY_WORDS and len(words) > 1:
            if mention.type == "LOC":
                mention.type = "ORG"
            continue
        before = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        if before is None or before.end() != mention.start or text[before.end(1):mention.start] != " ":
            continue
        word = match_form(before.group(1))
        cut = 1 if len(word) > 3 and word[0] in "وفبل" and _word(word[1:]) in _BANK_WORDS else 0
        if mention.type == "LOC" and _word(word[cut:]) in _BANK_WORDS and not _DEFINITE.match(word):
            _move_start(mention, text, before.start(1) + cut)   # "وبنك الخليج", "طيران الإمارات"
            mention.type = "ORG"
            after = _ADJECTIVE_AFTER.match(text, mention.end)    # "مصرف لبنان المركزي"
            if after and not any(m.start < after.end(1) and after.start(1) < m.end for m in article.mentions):
                _move_end(mention, text, after.end(1))
        elif (mention.type == "ORG" and len(words) == 1 and first.endswith(("ي", "ى"))
              and _word(word.lstrip("وف")) in _SECTOR_NOUNS):
            dropped.add(id(mention))
    if dropped:
        article.mentions = [m for m in article.mentions if id(m) not in dropped]


# Nouns for a work with a title: what follows them in quotation marks is its title ("برنامج «الناس وأنا»")
_WORK_NOUNS = frozenset(_word(w) for w in (
    "برنامج", "عنوان", "بعنوان", "رواية", "فيلم", "كتاب", "مسرحية", "ألبوم", "أغنية", "قصيدة", "ديوان", "مسلسل",
    "برنامجه", "برنامجها", "روايته", "روايتها", "فيلمه", "فيلمها", "كتابه", "كتابها", "ألبومه", "ألبومها",
    "أغنيته", "أغنيتها", "قصيدته", "ديوانه", "مسلسله", "مسرحيته"))
_QUOTED_TITLE = re.compile(r"(\S+)[ \t]*(«|\"|“)[ \t]*([^«»\"“”\n.!?؟:،,]{1,60}?)[ \t]*(»|\"|”)")
MAX_QUOTED_TITLE_WORDS = 4          # longer quoted stretches after these nouns are slogans and thesis titles


def _quoted_works(article: Article) -> None:
    """A short title in quotation marks right after a noun for a work ("برنامج «الناس وأنا»", "رواية
    \"أولاد حارتنا\"", "بعنوان «حكايات»", "كتابه \"البرهان\"") is the work's name, MISC, as the gold corpora
    write it (in ANERcorp and AQMAR train, about 45 of 52 such titles of up to four words are whole MISC
    names; the rest are mostly plain words). Left alone where the tagger found a name inside the title (the
    corpora then tag that name: مسلسل «نصر الله»)."""
    text = article.text
    if "«" not in text and "\"" not in text and "“" not in text:
        return
    added = []
    for found in _QUOTED_TITLE.finditer(text):
        if _QUOTE_PAIRS[found.group(4)] != found.group(2) or len(found.group(3).split()) > MAX_QUOTED_TITLE_WORDS:
            continue
        head = match_form(found.group(1))
        if _word(head) not in _WORK_NOUNS and not (len(head) > 3 and head[0] in "وبل" and _word(head[1:]) in _WORK_NOUNS):
            continue
        start, end = found.span(3)
        if any(m.start < end and start < m.end for m in article.mentions + added) or not _is_word(found.group(3)):
            continue
        added.append(Mention(start, end, text[start:end], "MISC", name=text[start:end]))
    _add_mentions(article, added)


_STADIUM_WORDS = frozenset(match_form(w) for w in ("ملعب", "استاد", "ستاد", "إستاد", "بملعب", "باستاد", "وملعب",
                                                    "واستاد", "لملعب", "لاستاد"))
_STADIUM_BEFORE = re.compile(r"(\S+)[ \t]+[\"«“']?[ \t]*$")


def _stadiums(article: Article) -> None:
    """The name right after ملعب/استاد is the stadium's, MISC as the news corpora type facilities (ANERcorp
    train: 13 MISC, 4 LOC, 1 PER), whatever the tagger made of it ("استاد \"سانتياغو برنابيو\"", "ملعب ثاني
    بن جاسم"); a club's or a city's one-word name without quotes stays what it is ("ملعب الهلال", "استاد
    الدوحة", which the corpora tag as the club and the city)."""
    text = article.text
    if not any(w in text for w in ("ملعب", "استاد", "ستاد")):
        return
    for mention in article.mentions:
        words = mention.text.split()
        if len(words) >= 2 and match_form(words[0]) in _STADIUM_WORDS:      # "[ملعب ثاني بن جاسم]"
            _move_start(mention, text, mention.start + re.match(r"\S+\s+", mention.text).end())
        before = _STADIUM_BEFORE.search(text, max(0, mention.start - 16), mention.start)
        if before is None or match_form(before.group(1)) not in _STADIUM_WORDS:
            continue
        quoted = text[before.end(1):mention.start].strip() != ""
        if not quoted and _club_or_city(mention.text):
            continue                                    # "ملعب الهلال", "استاد الدوحة": the club's, the city's
        mention.type = "MISC"


def _club_or_city(name: str) -> bool:
    """One word news writes as a body or a city (ORG2+, LOC3): after ملعب/استاد it names the club's ground
    or the city's stadium, and the corpora tag the club or the city, not a stadium."""
    return " " not in name.strip() and any(r in ("ORG2", "ORG3", "LOC3") for r in _rates_of(name))


# a word for a paper, channel or agency, with و/ف and ل/ب: what follows may be its name
_OUTLET_HEADS = frozenset(_word(w) for w in ("صحيفة", "جريدة", "مجلة", "قناة", "وكالة", "إذاعة"))
MAX_OUTLET_WORDS = 3
_GENERIC_MEDIA = frozenset(_word(w) for w in ("الأنباء", "أنباء", "الأخبار", "الإعلام", "التلفزيون", "الإذاعة"))


_OUTLET_HEAD_TEXT = re.compile("صحيف|جريد|مجل|قنا|وكال|[إا]ذاع")


def _outlet_head(word: str) -> bool:
    """A paper's, channel's or agency's word (`_medium_word` reads its clitics), not a website's or reporter's."""
    return _OUTLET_HEAD_TEXT.search(word) is not None and _medium_word(word) in _OUTLET_HEADS


def _outlets_named_with_origin(article: Article) -> None:
    """A paper, channel or agency named between its word and its country's adjective is an organisation:
    "صحيفة [يديعوت أحرونوت] الإسرائيلية", "صحيفة [نيويورك] تايمز الأمريكية" (the place the tagger found
    becomes part of the name). One to three words, none a stop word, each looking like a name (rated in
    names, or rare in news), and the adjective feminine, agreeing with the medium. Not "وكالة الأنباء
    القطرية", whose name is the whole phrase."""
    text = article.text
    if not _OUTLET_HEAD_TEXT.search(text):
        return
    words = list(_WORD_WITH_MARKS.finditer(text))
    added, dropped = [], set()
    for i, head in enumerate(words):
        if not _outlet_head(head.group()):
            continue
        for n in range(1, MAX_OUTLET_WORDS + 1):
            k = i + 1 + n                       # the adjective's index
            if k >= len(words) or any(text[words[j].end():words[j + 1].start()] != " " for j in range(i, k)):
                break
            adjective = match_form(words[k].group())
            name = words[i + 1:k]
            if not (adjective.startswith("ال") and adjective.endswith("يه") and _origin_adjective(words[k].group())):
                continue
            if k + 1 < len(words) and text[words[k].end():words[k + 1].start()] == " " \
                    and _origin_adjective(words[k + 1].group()):
                break                           # "وكالة الهند الشرقية البريطانية": the adjectives are the name's
            if any(match_form(w.group()) in _STOP_WORDS or _gentilic_word(w.group()) or _DEFINITE.match(
                    match_form(w.group())) and not _rates_of(w.group()) and ner.feature_form(w.group())
                    in _lexicons().clusters or (not _rates_of(w.group()) and ner.feature_form(w.group())
                                                in _lexicons().clusters) for w in name):
                break                           # a common word: "صحيفة الشرق الأوسط" is the listed outlet's
            if _word(match_form(name[0].group())) in _GENERIC_MEDIA:
                break                           # "وكالة الأنباء القطرية": the agency is the whole phrase
            start, end = name[0].start(), name[-1].end()
            inside = [m for m in article.mentions if m.start < end and start < m.end]
            if any(m.start < start or m.end > end or m.type == "PER" for m in inside):
                break
            dropped.update(id(m) for m in inside)
            added.append(Mention(start, end, text[start:end], "ORG", name=text[start:end]))
            break
    if dropped or added:
        article.mentions = [m for m in article.mentions if id(m) not in dropped]
        _add_mentions(article, added)


def _lam_given_names(article: Article) -> None:
    """A first name that starts with ل (لسعد, a Maghrebi name) loses it to the tagger, which reads a ل before a
    known name as the preposition ("التونسي لسعد الشابي" -> "سعد الشابي"). The ل is the name's when ل + the
    first word is a given name of person_names.json, an adjective of origin or a closed title is right before
    it (a head, a named body: a preposition does not follow "المدرب التونسي") and the article never writes the name
    without it, which would make the shorter name the better one."""
    text = article.text
    people = [(m.start, m.end) for m in article.mentions if m.type == "PER"]
    org_ends = {m.end for m in article.mentions if m.type in ("ORG", "LOC")}
    for mention in article.mentions:
        start = mention.start
        if (mention.type != "PER" or start < 2 or text[start - 1] != "ل" or not text[start - 2].isspace()
                or not mention.text.split()):
            continue
        if _word("ل" + mention.text.split()[0]) not in _GIVEN_NAMES:
            continue
        if any(m.start() != start for m in re.finditer(re.escape(mention.text), text)):
            continue                            # "سعد الشابي" elsewhere in the article: the ل is a preposition
        before = _WORD_BEFORE.search(text, max(0, start - 31), start - 1)
        others = [span for span in people if span != (mention.start, mention.end)]
        title = _title_before(text, Mention(start=start - 1, end=mention.end, text="", type="PER"), others)
        if (before is not None and _gentilic_word(before.group(1))) or (
                title and _title_closes(text, title, start - 1, org_ends)):
            _move_start(mention, text, start - 1)


_LETTERS = _ORGS["letter_names"]
_DISTINCT_LETTERS = frozenset(_LETTERS["distinctive"])
_LETTER_NAMES = _DISTINCT_LETTERS | frozenset(_LETTERS["also_words"])
_LETTER_GAP = re.compile(r"[ \t]*\.?[ \t]*")


def _letter(token: str) -> str | None:
    """The letter name a token spells, compared as written (hamza kept: إم is M, أم is a word)."""
    word = _bare_letters(token)
    return word if word in _LETTER_NAMES else None


def _acronym(run: list) -> bool:
    distinct = sum(_letter(t.text) in _DISTINCT_LETTERS for t in run)
    return len(run) >= 2 and (distinct >= 2 or distinct >= 1 and len(run) >= 3)


def _spelled_acronyms(article: Article) -> None:
    """An acronym spelled in Arabic letter names ("بي.بي.سي", "(بي كي كي)", "إتش. إس. بي. سي") is one name:
    the tagger, which saw none in training, tags its letters one by one or only the first. A run of two or
    more letter names (two that are not also common words like في/إن, or one in a run of three), separated
    by spaces or a dot, becomes one mention when the tagger tagged part of it and nothing reaching beyond
    it, of the type it gave those letters (ORG for PER); its `name` is the letters with spaces, so every
    spelling of the acronym matches."""
    text = article.text
    if not any(_letter(w) in _DISTINCT_LETTERS or w[:1] in "وفبلك" and _letter(w[1:]) in _DISTINCT_LETTERS
               for m in article.mentions if len(m.text) < 40 for w in m.text.split()):
        return
    runs: list[list] = []
    style = None
    for tok in tokenize(text):
        if _letter(tok.text) is None:
            if len(tok.text) > 2 and tok.text[0] in "وفبلك" and _letter(tok.text[1:]) in _DISTINCT_LETTERS:
                runs.append([Token(tok.text[1:], tok.start + 1, tok.end)])   # لبي بي سي: ل + بي بي سي
            elif tok.text != ".":
                runs.append([])
            continue
        gap = _LETTER_GAP.fullmatch(text, runs[-1][-1].end, tok.start) if runs and runs[-1] else None
        if gap and ("." in gap.group()) == style or gap and len(runs[-1]) == 1:
            style = "." in gap.group()          # one run keeps one separator: بي.بي.سي إن ends before إن
            runs[-1].append(tok)
        else:
            runs.append([tok])
    mentions = sorted(article.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    drop: set[int] = set()
    added: list[Mention] = []
    for run in runs:
        while len(run) > 2 and _letter(run[-1].text) not in _DISTINCT_LETTERS and _acronym(run[:-1]):
            run = run[:-1]                      # بي بي سي إن: the إن is "that"; سي إن إن keeps its letters
        if not _acronym(run):
            continue
        start, end = run[0].start, run[-1].end
        first = bisect_left(starts, start)
        while first > 0 and mentions[first - 1].end > start:
            first -= 1
        inside = [k for k in range(first, bisect_left(starts, end)) if mentions[k].end > start]
        if not inside or any(mentions[k].start < start - 1 or mentions[k].end > end for k in inside):
            continue
        kinds = Counter(mentions[k].type for k in inside)
        kind = max(sorted(kinds), key=lambda t: (kinds[t], t == "ORG"))
        kind = "ORG" if kind == "PER" else kind         # initials alone name a body, not a person
        drop.update(id(mentions[k]) for k in inside)
        added.append(Mention(start, end, text[start:end], kind,
                             name=" ".join(_letter(t.text) for t in run)))
    if added:
        article.mentions = sorted([m for m in article.mentions if id(m) not in drop] + added,
                                  key=lambda m: (m.start, m.end))


_PHRASES = {match_form(p) for p in _NAMES["phrases"]}


def _phrases_not_people(article: Article) -> None:
    """A "person" that is a fixed expression reading like a given and a family name (حسن الجوار, حسن النية) is
    no one: the tagger, which knows حسن as a name, takes "مبادئ حسن الجوار" for a man."""
    article.mentions = [m for m in article.mentions if m.type != "PER" or match_form(m.text) not in _PHRASES]


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
# institutions a state has one of each (its central bank, its parliament): clubs, parties, firms and papers are
# named, not described, and keep their country out of the name ("نادي الهلال", "حزب العمال")
_STATE_BODY_HEADS = frozenset(_word(w) for w in (
    "بنك", "مصرف", "مجلس", "وزارة", "هيئة", "وكالة", "لجنة", "محكمة", "مؤسسة", "معهد", "مركز", "منظمة",
    "برلمان", "اتحاد", "صندوق", "جمعية", "رابطة", "ديوان", "مفوضية", "سلطة", "جهاز"))
# adjectives that already place a body beyond one country ("الاتحاد الدولي" is no Swiss body)
_BEYOND_ONE_COUNTRY = frozenset(_word(w) for w in (
    "الدولي", "العالمي", "العربي", "الإسلامي", "الخليجي", "الأفريقي", "الإفريقي", "الآسيوي", "الأوروبي",
    "الأممي", "الإقليمي", "الأمريكي", "الأميركي"))


def _described_body(name: str) -> bool:
    """An organisation named by what it is (البنك المركزي, وزارة الخارجية, المجلس الأعلى للقضاء): a state
    institution's word, then words with the article, the last of which does not already say whose it is
    (البنك المركزي الأوروبي, الاتحاد الدولي). A proper name (نادي تشيلسي, حزب الله) is not described this way."""
    words = match_form(name).split()
    if len(words) < 2 or _word(words[0]) not in _STATE_BODY_HEADS:
        return False
    last = words[-1]
    return (strip_article(last) != last and last not in ("الله", "لله") and _word(last) not in _BEYOND_ONE_COUNTRY
            and not _origin_adjective(last))


def _bodies_of_origin(article: Article) -> None:
    """A described organisation takes the adjective of origin right after it: "البنك المركزي المصري" is one
    name, as the gold corpora write it ("وكالة الأنباء المصرية", "المعهد الوطني الأميركي"), and two countries'
    central banks or ministries no longer meet under one entity "البنك المركزي". A proper name keeps its
    adjective out ("نادي تشيلسي الإنجليزي"), as the corpora do too."""
    text = article.text
    starts = sorted(m.start for m in article.mentions)
    for mention in article.mentions:
        if mention.type != "ORG" or not _described_body(mention.name):
            continue
        after = _NEXT_WORD.match(text, mention.end)
        if after is None or not _origin_adjective(after.group(1)):
            continue
        if any(mention.end < s < after.end() for s in starts):
            continue
        mention.name = f"{mention.name} {after.group(1)}"
        _move_end(mention, text, after.end())


_WORD_SPANS = re.compile(r"\S+")


def _split_at_word(mention: Mention, k: int, text: str) -> tuple[Mention, Mention]:
    """The mention cut before its k-th word: the front and the rest, names split alike when the name has as
    many words as the text (a clitic-restored "الأمم" for the text's "لأمم" keeps its place)."""
    spans = list(_WORD_SPANS.finditer(text, mention.start, mention.end))
    names = mention.name.split()
    same = len(names) == len(spans)
    cut_end, rest_start = mention.start + spans[k - 1].end() - spans[0].start(), spans[k].start()
    front = Mention(start=mention.start, end=cut_end, text=text[mention.start:cut_end], type=mention.type,
                    name=" ".join(names[:k]) if same else text[mention.start:cut_end])
    rest = Mention(start=rest_start, end=mention.end, text=text[rest_start:mention.end], type="PER",
                   name=" ".join(names[k:]) if same else text[rest_start:mention.end])
    return front, rest


def _known_body_before_name(words: list[str]) -> int | None:
    """Where a listed body's whole name (org_aliases.json) ends inside a span that runs on into a person's
    name of two or three plain words ("[الاتحاد الأوروبي كايا كالاس]"), or None. The first name may be one
    news has never seen, so the listed body is the evidence, and every word after it must look like a name
    part (no article, `_person_evidence` 1 or more)."""
    forms = _known_body_forms()
    for k in range(len(words) - 2, 0, -1):
        if match_form(" ".join(words[:k])) in forms:
            rest = words[k:]
            if 2 <= len(rest) <= 3 and all(not match_form(w).startswith(("ال", "وال")) and _person_evidence(w) >= 1
                                           for w in rest):      # (كالاس is no ك + الاس)
                return k
            return None
    return None


def _person_after_origin(words: list[str]) -> int | None:
    """Where a body's name that ends on an adjective of origin runs on into a person's name of two or three
    words ("[الحزب الديمقراطي الكردستاني شيروان الدوبرداني]", "[حزب العمال البريطاني كير ستارمر]"): the
    index of the person's first word, which has no article and some evidence of a name (`_person_evidence`),
    with no body or place word after it; else None."""
    for i in range(len(words) - 3, 0, -1):
        form = match_form(words[i])
        if not (form.startswith("ال") and _origin_adjective(words[i])):
            continue
        rest = words[i + 1:]
        if (2 <= len(rest) <= 3 and not _DEFINITE.match(match_form(rest[0])) and _person_evidence(rest[0]) >= 1
                and not any(_place_or_org_word(w, True) or _body_kind(w) for w in rest)):
            return i + 1
        return None
    return None


def _strong_first_name(word: str) -> bool:
    """News writes the word mostly inside person names (كاثرين, أنطونيو, إبراهيم) and rarely inside places or
    bodies; no article (but "الكسندر", whose ال opens no word), no name-joining word (بن, أبو, دي)."""
    form = match_form(word)
    if len(form) < 3 or _word(form) in _JOIN_NEXT or form in _LINEAGE:
        return False
    rates = _rates_of(word)
    if _DEFINITE.match(form) and not (          # "الكسندر" is Alexander: its ال opens no known word
            form.startswith("ال") and "PER3" in rates
            and ner.feature_form(word[2:]) not in _lexicons().clusters):
        return False
    return ("PER2" in rates or "PER3" in rates) and not any(r in rates for r in ("ORG3", "LOC3", "ORG2", "LOC2"))


def _body_front(words: list[str]) -> bool:
    """The words before a person's first name can be a body's whole name: not ending on a word that joins the
    next (بنت, عبد, سان), a royal title (مركز الملك ...), an adjective of origin or a letter (جيه بي), and not
    a word news writes in person names. A name of three words or more that opens with a body's word (بنك,
    شركة, مجموعة, هيئة) may end on an adjective of origin: "[بنك الكويت الوطني] عصام الصقر"."""
    last = match_form(words[-1])
    head = match_form(words[0])
    head = head[1:] if len(head) > 4 and head[0] in "وفبل" else head
    bank_like = len(words) >= 3 and strip_article(_word(head)) in _BODY_WORDS | _STATE_BODY_HEADS | _COMPANY_WORDS
    if (len(last) < 3 or last.endswith("عبد") or _word(last) in _JOIN_NEXT or last in _LINEAGE or last == "الله"
            or last in _ROYAL_TITLES or last in _FIRST_NAME_TITLES
            or (_gentilic_word(last) and not bank_like and not _body_kind(words[-1]))
            or any(r.startswith("PER") for r in _rates_of(last))):
        return False
    return len(words) >= 2 or bool(_DEFINITE.match(last))


def _body_kind(word: str) -> bool:
    """A word naming a kind of body (هيئة, وكالة, شركة: `ner.TRIGGER_WORDS`), which may end like an adjective
    of origin (الهيئة) but is none."""
    return ner.TRIGGER_OF.get(strip_article(ner.feature_form(word))) == "ORG"


def _named_body_word(word: str) -> bool:
    """One word that names a body on its own (الاتحاد, النصر: ORG2/ORG3), not a body's kind (المنظمة) or
    a common noun (المترجمان, العماد)."""
    return any(r in ("ORG2", "ORG3") for r in _rates_of(word))


def _bodies_before_people(article: Article) -> None:
    """An organisation and the person who heads it, read as one name, are two: "[الاتحاد ابراهيم البلوي]" is
    the club and its president, "[جامعة الدول العربية نبيل العربي]" the League and its chief, and in
    "[المنظمة تيدروس] [أدهانوم غيبريسوس]" the first name belongs to the person after it. The cut comes before
    a strong first name with more name after it (`_strong_first_name`, `_body_front`). A person's name
    opening with one definite word news never writes in names loses it ("[اليونيسف كاثرين راسل]",
    "[المترجمان محمد الحلاق]"); Maghrebi names that open so keep theirs (الطاهر بن جلون). What is cut off
    stays a mention only when it names a body (two words or more, or one like الاتحاد). A body's name that ends
    on a definite word and runs on into a name word before a person ("[منظمة الصحة العالمية تيدروس]
    [أدهانوم جيبريسوس]") gives that word to the person."""
    text = article.text
    kept, added, cut = [], [], False
    ordered = sorted(article.mentions, key=lambda m: m.start)
    for i, mention in enumerate(ordered):
        words = [w.group() for w in _WORD_SPANS.finditer(text, mention.start, mention.end)]
        names = mention.name.split()
        as_named = names if len(names) == len(words) else words    # "للهيئة": the text "لهيئة", the name "الهيئة"
        if len(words) >= 3 and mention.type in ("PER", "ORG") and not _LATIN.search(mention.text):
            k = next((j for j in range(1, len(words) - 1) if _strong_first_name(words[j])), None)
            if k is not None and mention.type == "PER" and (       # (as named: "للهلال" is ل + الهلال)
                    k != 1 or not _DEFINITE.match(match_form(as_named[0]))
                    or any(r.startswith("PER") for r in _rates_of(as_named[0]))):
                k = None
            known = _known_body_before_name(words) if k is None else None
            if known is not None:
                k = known
            if not (k is not None and (known is not None or _body_front(as_named[:k]))) and mention.type == "ORG":
                known = _person_after_origin(as_named)     # "[الحزب الديمقراطي الكردستاني شيروان الدوبرداني]"
                k = known if known is not None else k
            if k is not None and (known is not None or _body_front(as_named[:k])):
                front, rest = _split_at_word(mention, k, text)
                front.type = "ORG"
                spans = list(_WORD_SPANS.finditer(text, rest.start, rest.end))
                stop = next((j for j in range(2, len(spans)) if match_form(spans[j].group()) in _STOP_WORDS), None)
                if stop is not None:            # "عصام الصقر إن النتائج": the name ends before إن
                    _move_end(rest, text, spans[stop - 1].end())
                first = _word(match_form(words[0]))
                if (k >= 2 or _named_body_word(words[0])) and (first,) not in _HEADS \
                        and (strip_article(first),) not in _HEADS:
                    kept.append(front)          # (not "رائد الفضاء الأمريكي": a person's title, no body)
                added.append(rest)
                continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        words = as_named                # "للمنظمة": the text "لمنظمة" lost the article's alef, the name has it
        if (mention.type == "ORG" and len(words) >= 2 and nxt is not None and nxt.type == "PER"
                and mention.end < nxt.start and text[mention.end:nxt.start].strip(" \t") == ""
                and _DEFINITE.match(match_form(words[-2])) and (len(words) > 2 or ner.TRIGGER_OF.get(
                    _word(words[0])) == "ORG")
                and not _DEFINITE.match(match_form(words[-1])) and _person_evidence(words[-1]) >= 1
                and not _place_or_org_word(words[-1], True)):
            front, rest = _split_at_word(mention, len(words) - 1, text)
            _move_start(nxt, text, rest.start)
            if len(words) > 2:
                kept.append(front)      # "[منظمة الصحة العالمية] تيدروس"
                cut = True
            continue                    # "[المنظمة] تيدروس": a body's kind alone is no name
        kept.append(mention)
    if added or cut or len(kept) != len(article.mentions):
        article.mentions = sorted(kept + added, key=lambda m: (m.start, m.end))


def _names_cut_in_two(article: Article) -> None:
    """A person's name cut in two, a lone first word and the rest with nothing but a space between (the
    tagger's "[تيدروس] [أدهانوم غيبريسوس]", `_ali_names`' "[حسين] [علي الثواب]"), is one name. Not when the
    second part opens with و (a list: "[محمد] [وعبدالمحسن]"), nor when it opens with an established given name
    and the first word is none ("محامي [حبري] [إبراهيم دياوارا]": a surname, then someone else), nor after a
    definite word, which is a title or an adjective ("[الكاميروني] [أمينو بوبا]"). A two- or three-word name
    followed by a one-word definite family name ("[محمد السعيد] [الشربيني]"), or by a "place" whose first
    word is a place word and the rest none ("[محمد حسين] [بحر العلوم]"), is one person too."""
    text = article.text
    ordered = sorted(article.mentions, key=lambda m: m.start)
    dropped = set()
    for first, rest in zip(ordered, ordered[1:]):
        if (first.type == "PER" and rest.type == "LOC" and id(first) not in dropped and first.end < rest.start
                and text[first.end:rest.start] == " " and 2 <= len(first.text.split()) <= 3
                and 2 <= len(rest.text.split()) <= 3 and not _DEFINITE.match(match_form(rest.text))
                and not _PLACE_HEAD_TEXT.search(rest.text.split()[0])      # "[ابن فهيد] [بمحافظة الأسياح]"
                and any(r.startswith("LOC") for r in _lexicons().rates.get(ner.feature_form(rest.text.split()[0]), ()))
                and not any(r.startswith("LOC") for w in rest.text.split()[1:] for r in _rates_of(w))
                and _variant_free(_loose(match_form(rest.text))) not in _PLACE_SEEDS):
            # "[محمد حسين] [بحر العلوم]": a family name whose first word is a place word as written (بحر, no
            # clitic, no place head such as محافظة) and the rest no place word (العلوم), nor a listed place
            _move_start(rest, text, first.start)
            rest.type = "PER"
            dropped.add(id(first))
            continue
        if first.type != "PER" or rest.type != "PER" or id(first) in dropped or not first.end < rest.start:
            continue
        if text[first.end:rest.start].strip(" \t") or not rest.text.split():
            continue
        if " " in first.text.strip():
            # "[محمد السعيد] [الشربيني]": a one-word family name right after a name of two or three words;
            # not a given name (someone else: "[أحمد علي] [محمود]"), nor a word opening with و (a list)
            last = match_form(rest.text)
            if (len(first.text.split()) <= 3 and " " not in rest.text.strip() and last[:1] != "و"
                    and _word(last) not in _GIVEN_NAMES and _DEFINITE.match(last) and _person_evidence(rest.text) >= 1
                    and not _place_or_org_word(rest.text, True)):
                _move_start(rest, text, first.start)
                dropped.add(id(first))
            continue
        word, opening = match_form(first.text), match_form(rest.text.split()[0])
        given = _word(word) in _GIVEN_NAMES or word in _DANGLING
        before = _WORD_BEFORE.search(text, max(0, first.start - 30), first.start)
        ranked = before is not None and _DEFINITE.match(match_form(before.group(1))) is not None and (
            (_word(match_form(before.group(1))),) in _HEADS or (_word(match_form(before.group(1))),) in _RANKS)
        if (_DEFINITE.match(word) or (opening[:1] == "و" and _word(opening) not in _GIVEN_NAMES)
                or (_word(opening) in _GIVEN_NAMES and not given and not ranked)
                or not (given or _person_evidence(first.text) >= 1)):
            continue                            # (after a definite rank the two are one man: "العميد [سردار] [محمد علي]")
        _move_start(rest, text, first.start)
        dropped.add(id(first))
    if dropped:
        article.mentions = [m for m in article.mentions if id(m) not in dropped]


_INSTITUTION_HEADS = (_STATE_BODY_HEADS - frozenset(_word(w) for w in ("سلطة", "جهاز"))) | frozenset(_word(w) for w in (
    "مديرية", "نقابة", "جيش", "محكمة", "جامعة", "الجامعة", "المديرية", "سفارة", "السفارة", "قنصلية",
    "القنصلية", "حكومة"))   # not السلطة, الجهاز الفني: generic
# a body's short name, its head word left out, that is a body only with its country's adjective right after it:
# "الخارجية العمانية" (its ministry), "الرئاسة الفلسطينية", "الإدارة الأميركية", "الحكومة العراقية"
_SHORT_BODY_HEADS = frozenset(_word(w) for w in (
    "الخارجية", "الداخلية", "الرئاسة", "الإدارة", "الحكومة", "الدفاع"))
_OFFICE_RACE = frozenset(_word(w) for w in (
    "مرشح", "مرشحة", "ترشح", "ترشحه", "ترشيح", "سباق", "انتخابات", "الانتخابات", "منصب", "لمنصب", "تولي", "كرسي"))
_INSTITUTION_TEXT = re.compile("وزار|مجلس|هيئ|مؤسس|جهاز|مديري|نقاب|اتحاد|جمعي|رابط|منظم|مفوضي|وكال|بنك|مصرف|"
                               "صندوق|محكم|جامع|جيش|برلمان|لجن|معهد|مركز|ديوان|سلط|سفار|قنصلي|حكوم|"
                               "خارجي|داخلي|رئاس|[إا]دار|دفاع|شرك|دار|مكتب|مجموع|بعث|[أا]كاديمي|كلي|غرف|مستشف|مجمع")
MAX_INSTITUTION_WORDS = 6
_UNION = _word("اتحاد")
_DISTRICT_HEADS = frozenset(_word(w) for w in ("مركز", "مديرية", "المديرية", "المركز"))
_COMPLEMENT = re.compile("^و?(?:ال(?!ذي|تي|ذين|لذان|لتان|لاتي|لواتي)|لل)")  # الصحة, للتعليم, والماء; not التي
_COUNTRY_LAST = frozenset(_word(w) for w in ("وزارة", "جيش", "برلمان"))   # their names end with the country


@lru_cache(maxsize=1)
def _known_body_names() -> PhraseTable[bool]:
    """The Arabic aliases of two words or more in org_aliases.json's groups ("صندوق النقد الدولي", "أطباء بلا
    حدود", "قوات الدعم السريع"), as one phrase table. One-word aliases are left out: the tagger knows them
    (داعش, الناتو) and some are also words (القاعدة: the base); so are the also_phrases ("الدولة الإسلامية"
    of history books)."""
    return PhraseTable((alias, True) for alias in _recognised_aliases())


def _recognised_aliases() -> list[str]:
    also_phrases = {match_form(p) for p in _ORGS.get("also_phrases", [])}
    return [alias for group in _BODY_GROUPS for alias in group
            if len(alias.split()) > 1 and _ARABIC_LETTER.search(alias) and match_form(alias) not in also_phrases]


@lru_cache(maxsize=1)
def _known_body_forms() -> frozenset[str]:
    """The recognised aliases as `match_form` writes them, article and all."""
    return frozenset(match_form(alias) for alias in _recognised_aliases())


def named_bodies(article: Article) -> None:
    """Organisations known by their name, whatever the tagger read: the listed world bodies and outlets
    (`add_known_bodies`) and a quoted name after the word for a body (`_quoted_bodies`: قناة «المسيرة»). Unlike the state bodies named by what they are
    (`add_institutions`), the gold corpora tag these too, so `evaluation/ner.py` scores them by default."""
    add_known_bodies(article)
    _quoted_bodies(article)


def add_known_bodies(article: Article) -> None:
    """A world organisation of org_aliases.json the tagger missed is an organisation: the tagger, trained on
    2000s newswire and Wikipedia, finds "صندوق النقد الدولي" in one sentence and not the next, and never
    saw "قوات الدعم السريع". Companies, parties and missions known by one distinctive word ("فولكسفاغن",
    "الليكود", "إيساف": org_aliases.json's one_word_bodies) are found letter for letter, after their clitics;
    a company's head word (شركة, مجموعة) stays outside its name, as ANERcorp writes it 15 times to 1. A
    generic head right before another name joins it ("منظمة أطباء بلا حدود"); a
    mention the tagger cut short inside it ("[منظمة أطباء] بلا حدود") grows to the whole name. Left alone: a
    name inside a longer one the tagger did find, one an adjective goes on ("مجلس الأمن القومي"), and one
    written without its article ("دولة إسلامية" is any Islamic state). A known outlet's name in quotes is
    the paper too (لـ«الشرق الأوسط», not the region; "سودان تربيون", not a man). ANERcorp leaves many such names
    untagged ("مجلس التعاون الخليجي/O") or without their head ("حركة [حماس]"), so like `add_institutions`
    this is outside `repair_mentions` and what evaluation/ner.py scores by default (`--institutions` adds
    both steps: ANERcorp dev carve 76.64 -> 76.40, carve C 78.76 -> 78.80, AQMAR wiki 77.84 -> 77.68)."""
    table = _known_body_names()
    read = tokenized(article.text)
    firsts = table.first_words(read.words)
    text, tokens = article.text, read.tokens
    added, dropped = [], set()
    i = 0 if firsts else len(tokens)
    while i < len(tokens):
        hit = table.match(tokens, i) if tokens[i].text in firsts else None
        if hit is None:
            i += 1
            continue
        i = hit.last + 1
        first = tokens[hit.first]
        start, end = first.start + _clitic_cut(first.text), tokens[hit.last].end
        written = match_form(text[start:end])
        if written not in _known_body_forms() and "ا" + written not in _known_body_forms():
            continue                            # "دولة إسلامية": the words, not the name ("لأمم" is ل + الأمم)
        if hit.last + 1 < len(tokens) and text[end:tokens[hit.last + 1].start] == " " \
                and _gentilic_word(tokens[hit.last + 1].text):
            continue                            # "مجلس الأمن القومي": another body
        before = tokens[hit.first - 1] if hit.first and text[tokens[hit.first - 1].end:start] == " " else None
        if before is not None and _word(match_form(before.text)) in _JOINING_HEADS and written not in _COMPANY_FORMS:
            start = before.start + _clitic_cut(before.text)
        inside = [k for k, m in enumerate(article.mentions) if m.start < end and start < m.end]
        if any(article.mentions[k].start < start or article.mentions[k].end > end for k in inside):
            continue                            # part of a longer name the tagger found
        dropped.update(inside)
        name = text[start:end]
        if normal(text[start - 1:start + 1]) == "لل":
            name = "ا" + name                   # "للأمم المتحدة": the name is الأمم المتحدة, as marsad.ner has it
        added.append(Mention(start, end, text[start:end], "ORG", name=name))
    for tok in tokens:                          # "فولكسفاغن", "الليكود", "لإيساف": a body known by one word
        cut = _one_word_body(tok.text)
        if cut is None:
            continue
        start, end = tok.start + cut, tok.end
        if any(m.start < end and start < m.end for m in added):
            continue
        inside = _mentions_within(article, start, end)
        if inside is None or any(article.mentions[k].type == "ORG" for k in inside):
            continue                            # part of a longer name ("نيسان أورفان"), or found already
        dropped.update(inside)
        added.append(Mention(start, end, text[start:end], "ORG", name=text[start:end]))
    for found in _QUOTED_NAME.finditer(text):
        start, end = found.span(1)
        if metadata.outlet_from_hint(found.group(1)) is None or any(m.start < end and start < m.end for m in added):
            continue                            # لـ«الشرق الأوسط», "سودان تربيون": a paper, quoted
        if " " not in found.group(1) and not _OUTLET_CUE_BEFORE.search(text, max(0, found.start() - 12),
                                                                      found.start() + 1):
            continue                            # a one-word name is also a programme's ("برنامج "الصباح"")
        inside = _mentions_within(article, start, end)
        if inside is None:
            continue
        dropped.update(inside)
        added.append(Mention(start, end, text[start:end], "ORG", name=text[start:end]))
    _swap_mentions(article, dropped, added)


def _exact(word: str) -> str:
    """A word as written, diacritics and tatweel aside: one-word names are matched letter for letter, since
    the usual folding makes "أودي" (Audi) the verb "أودى" and "أؤدي"."""
    return strip_diacritics(word).replace("\u0640", "")


def _one_word_forms() -> frozenset[str]:
    """The one-word Arabic spellings of the one_word_bodies, as written and with a bare alef for a hamza one
    ("إنتل", "انتل")."""
    forms = set()
    for group in _ORGS.get("one_word_bodies", []):
        for alias in group:
            if " " not in alias and _ARABIC_LETTER.search(alias):
                forms.add(_exact(alias))
                if alias[0] in "أإآ":
                    forms.add("ا" + _exact(alias)[1:])
    return frozenset(forms)


_ONE_WORD_BODIES = _one_word_forms()
# their names of several words: a company's head word (شركة, مجموعة) stays outside, as ANERcorp writes it
_COMPANY_FORMS = frozenset(match_form(alias) for group in _ORGS.get("one_word_bodies", []) for alias in group)


def _one_word_body(word: str) -> int | None:
    """How many clitic letters come before a body known by one word ("وفولكسفاغن" 1, "لإيساف" 1), or None."""
    if _exact(word) != word:
        return None                             # marks inside: offsets would not map, leave it to the tagger
    for n, clitics in ((0, ""), (1, word[:1]), (2, word[:2])):
        proclitics = n == 0 or (n == 1 and clitics in tuple("وفبكل")) or (
            n == 2 and len(clitics) == 2 and clitics[0] in "وف" and clitics[1] in "بكل")
        if proclitics and word[n:] in _ONE_WORD_BODIES:
            return n
    return None


def _mentions_within(article: Article, start: int, end: int) -> list[int] | None:
    """The indexes of the article's mentions overlapping [start, end), or None when one reaches outside it."""
    inside = [k for k, m in enumerate(article.mentions) if m.start < end and start < m.end]
    if any(article.mentions[k].start < start or article.mentions[k].end > end for k in inside):
        return None
    return inside


def _swap_mentions(article: Article, dropped: set[int], added: list[Mention]) -> None:
    """The mentions at the `dropped` indexes give way to the `added` ones (names found over them)."""
    if added:
        article.mentions = [m for k, m in enumerate(article.mentions) if k not in dropped]
        _add_mentions(article, added)


_OUTLET_CUE_BEFORE = re.compile(r"(?:(?<![^\W\d_])[لب]ـ?|صحيفة|جريدة|قناة|موقع|وكالة|مجلة|إذاعة|تلفزيون)\s*[«\"“]$")
_QUOTED_NAME = re.compile(r"[«\"“]\s*([^\s«»\"“”][^«»\"“”\n]{0,38}?)\s*[»\"”]")

# generic heads that are part of a listed name written after them ("منظمة أطباء بلا حدود"); a militia word
# judges the body rather than names it ("ميليشيا الحشد الشعبي")
_JOINING_HEADS = {h for h in _GENERIC_HEADS if not h.startswith(("ميليش", "مليش"))}


def _clitic_cut(word: str) -> int:
    """Letters of و/ف/ب/ك/ل before a known name's first word or head: "لصندوق" 1, "للأمم" 1 (ل + الأمم, as
    `marsad.ner` cuts it), "ومنظمة" 1, "منظمة" 0."""
    form = normal(word)
    known = _known_first_words()
    if len(form) != len(word) or canonical(form) in known:
        return 0                                # the word itself, or marks that shift offsets: keep it whole
    for n in (1, 2):
        rest = form[n:]
        if len(rest) < 3 or any(c not in "وفبكل" for c in form[:n]):
            break
        if canonical(rest) in known or (form[n - 1] == "ل" and rest[0] == "ل" and canonical("ا" + rest) in known):
            return n
    return 0


@lru_cache(maxsize=1)
def _known_first_words() -> frozenset[str]:
    """The first words of org_aliases.json's aliases and its generic heads, as `canonical` stores them."""
    return frozenset(canonical(alias.split()[0]) for group in _BODY_GROUPS for alias in group) | \
        frozenset(canonical(w) for w in _ORGS["generic_heads"])


def add_institutions(article: Article) -> None:
    """A state body the gold corpora leave untagged, named with its country: "وزارة الصحة السعودية", "الجيش
    السوداني", "وزارة الدفاع الروسية", "مصرف ليبيا المركزي". ANERcorp writes ministries and armies as plain
    words ("الجيش اللبناني/O"), so the tagger never finds them, though analysts follow them as actors (who said
    what). Only a name that says whose body it is becomes an organisation -- an adjective of origin at its
    end or a place inside it -- since "وزارة الصحة" alone is every country's and would merge them all into
    one entity. Beyond the corpora's conventions, so outside `repair_mentions` (what evaluation/ner.py scores
    by default; `--institutions` scores with it and `add_known_bodies`; alone it took ANERcorp dev 76.42 -> 75.48)."""
    text = article.text
    heads = [m.start() for m in _INSTITUTION_TEXT.finditer(text)]
    if not heads:
        return
    read = tokenized(text)
    tokens = read.tokens
    candidates = sorted({bisect_right(read.starts, h) - 1 for h in heads} - {-1})
    covered = sorted((m.start, m.end, m.type) for m in article.mentions)
    places = [(s, e) for s, e, t in covered if t == "LOC"]
    dated = [(t.start, t.end) for t in article.timexes]

    def in_date(token) -> bool:                 # "لكرة القدم الاثنين": the day is no part of the name
        return any(s <= token.start < e for s, e in dated)

    added, swallowed, replaced = [], set(), set()
    done = -1
    for k in candidates:
        if k <= done:
            continue                            # inside a body found just before
        tok = tokens[k]
        form = match_form(tok.text)
        purpose = _purpose_body(tokens, k, text, covered, dated)
        hospital = None if purpose is not None else _hospital(tokens, k, text, covered)
        if purpose is not None or hospital is not None:
            s0, e0, name = purpose or hospital
            kinds = ("ORG", "LOC", "PER") if hospital else ("ORG", "LOC")     # "مستشفى [الملك فيصل] التخصصي"
            inside = [(s, e, t) for s, e, t in covered if s < e0 and s0 < e]
            if all(s0 <= s and e <= e0 and t in kinds for s, e, t in inside) \
                    and not any(t == "ORG" and _known_body_written(text[s:e]) for s, e, t in inside):
                # the tagger's "[المنظمة الدولية]" and "شركة [الخليج]" give way to the whole name
                replaced.update((s, e) for s, e, _ in inside)
                added.append(Mention(s0, e0, text[s0:e0], "ORG", name=name))
                done = bisect_right(read.starts, e0 - 1) - 1
                continue
        short = _short_body(tokens, k, text)
        if short is not None:
            s0, e0, name = short
            if not any(s < e0 and s0 < e and t != "LOC" for s, e, t in covered):
                added.append(Mention(s0, e0, text[s0:e0], "ORG", name=name))
                done = k + 1
            continue
        clitic = form[0] if len(form) >= 4 and form[0] in "وفب" and _word(form[1:]) in _INSTITUTION_HEADS else ""
        head = _word(form[len(clitic):])
        if head not in _INSTITUTION_HEADS:
            continue
        start = tok.start + len(clitic)
        words, inside_place, j, end, bridged = [tok], False, k + 1, tok.end, False
        while j < len(tokens) and len(words) < MAX_INSTITUTION_WORDS and text[end:tokens[j].start] == " ":
            nxt = tokens[j]
            in_place = any(s <= nxt.start and nxt.end <= e for s, e in places)
            nform = match_form(nxt.text)
            if len(words) == 1 and not in_place and not form.startswith("ال") and head != _word("مركز") \
                    and _construct_noun(nxt.text) and j + 1 < len(tokens) \
                    and text[nxt.end:tokens[j + 1].start] == " " \
                    and any(s <= tokens[j + 1].start and tokens[j + 1].end <= e for s, e in places):
                words.append(nxt)               # "مجلس قضاء الجزائر", "مديرية تربية دهوك": what it does where
                # (a construct, so not after "الجيش"; مركز with a place is an administrative centre)
                end, j, bridged = nxt.end, j + 1, True
                continue
            if not (in_place or _COMPLEMENT.match(nform)) or _pronoun_word(nxt.text, text) or in_date(nxt) \
                    or nform in _FUNCTION_WORDS:
                break                           # "وزارة المعارف بالنادي", "الوكالة ... الى طهران": no name's word
            if nform[:1] == "و" and (_word(nform[1:]) in _INSTITUTION_HEADS
                                     or any(_origin_adjective(w.text) for w in words[1:])):
                break                           # "الجيش العراقي والجيش الإسباني": a second body
            inside_place = inside_place or in_place
            words.append(nxt)
            end = nxt.end
            j += 1
        origin = max((i for i in range(1, len(words)) if _origin_adjective(words[i].text)), default=None)
        district = head in _DISTRICT_HEADS and not bridged     # "مركز العقيق", "مديرية يريم": places
        rest = []
        if origin is not None:
            # the country closes the name, or a complement with ل right after it: "الاتحاد السعودي لكرة
            # القدم", "المجلس النرويجي للاجئين"
            rest = tokens[k + origin + 1:k + origin + 4]
            words = words[:origin + 1]
            if head in _COUNTRY_LAST:
                rest = []                       # "وزارة الخارجية الأمريكية للشؤون السياسية": a post's name
        elif inside_place and not district:     # "مصرف ليبيا المركزي": a place inside, what follows describes
            while len(words) > 2 and not any(s <= words[-1].start and words[-1].end <= e for s, e in places) \
                    and not _gentilic_word(words[-1].text):
                words.pop()
            if head == _UNION and all(any(s <= w.start and w.end <= e for s, e in places) for w in words[1:]):
                rest = tokens[k + len(words):k + len(words) + 3]   # "اتحاد الإمارات لكرة القدم": its sport
        if rest and text[words[-1].end:rest[0].start] == " " and match_form(rest[0].text)[:1] == "ل" \
                and len(match_form(rest[0].text)) > 3 and not _pronoun_word(rest[0].text, text):
            words.append(rest[0])           # ... and what the ل-phrase goes on with: the noun a bare ل
            construct = not match_form(rest[0].text).startswith("لل")   # word governs (لكرة القدم), then
            for more in rest[1:]:                                      # adjectives and "والفنون"
                mform = match_form(more.text)
                if text[words[-1].end:more.start] != " " or not _COMPLEMENT.match(mform) \
                        or _pronoun_word(more.text, text) or in_date(more) \
                        or not (construct or mform.startswith("وال") or _gentilic_word(more.text)):
                    break
                words.append(more)
                construct = False
        end = words[-1].end
        # "الاتحاد الروسي", "الاتحاد السوفياتي": a union of states, unless its sport or trade follows
        union = head == _UNION and origin is not None and origin == len(words) - 1
        # a government is named with its country in the feminine: "رئيس الحكومة الفرنسي" is the premier
        masculine = head == _word("حكومة") and origin is not None and not match_form(words[origin].text).endswith("يه")
        if len(words) >= 2 and (origin is not None or (inside_place and not district)) and not union \
                and not masculine and not any(s < end and start < e and t != "LOC" for s, e, t in covered):
            swallowed.update((s, e) for s, e in places if start <= s and e <= end)
            lam = not clitic and form.startswith("لل") and len(form) > 4
            start += 1 if lam else 0            # "للحكومة اليمنية": ل + الحكومة اليمنية
            added.append(Mention(start, end, text[start:end], "ORG", name=("ا" if lam else "") + text[start:end]))
            done = k + len(words) - 1
    if added:
        article.mentions = [m for m in article.mentions if ((m.start, m.end) not in swallowed or m.type != "LOC")
                            and (m.start, m.end) not in replaced]
        _add_mentions(article, added)


_SPORT_AFTER = re.compile(r" (?:لكرة|لألعاب|لالعاب|لرياضة|لرياضات|لسباق|لسباقات) ال[^\W\d_]+(?: وال[^\W\d_]+)?"
                          r"(?![^\W\d_])")
_UNION_WORDS = frozenset(_word(w) for w in ("اتحاد", "الاتحاد"))


def _unions_with_their_sport(article: Article) -> None:
    """A union the tagger ended before its sport takes it: "[اتحاد الإمارات] لكرة القدم", "[الاتحاد الآسيوي]
    لكرة القدم" -- the federation, which the name without its sport also is in a sports story but the tagger's
    shorter span would make a second entity."""
    text = article.text
    starts = sorted(m.start for m in article.mentions)
    for m in article.mentions:
        if m.type != "ORG" or not m.text.split() \
                or _word(_without_conjunction(match_form(m.text.split()[0]))) not in _UNION_WORDS:
            continue
        after = _SPORT_AFTER.match(text, m.end)
        if after is None or any(m.end <= s < after.end() for s in starts):
            continue
        m.name = f"{m.name} {after.group(0).strip()}"
        _move_end(m, text, after.end())


# the word for a body right before its quoted name: "قناة «المسيرة»", "مجمع \"قادري للصناعات الغذائية\""
_QUOTED_BODY_NOUNS = frozenset(_word(w) for w in (
    "قناة", "صحيفة", "جريدة", "مجلة", "وكالة", "إذاعة", "شبكة", "شركة", "مجموعة", "مجمع", "مصنع", "مصرف",
    "حزب", "حركة", "جمعية", "منظمة", "مؤسسة", "نادي", "القناة", "الصحيفة", "الجريدة", "المجلة", "الوكالة",
    "الحزب", "الحركة", "الجمعية", "المنظمة", "النادي", "الإذاعة"))   # not "تطبيقات الشركة «...»": its product
MAX_QUOTED_BODY_WORDS = 5


def _quoted_bodies(article: Article) -> None:
    """A name in quotation marks right after the word for a body is the body's: "قناة «المسيرة»", "صحيفة
    \"الوطن\"", "شركة «أرامكو»", "مجمع \"قادري للصناعات الغذائية\"" -- a channel, paper, firm or party the
    tagger never saw. A mention the tagger found inside the quotes (LOC "المسيرة", PER "قادري") gives way to
    the whole name; one that reaches outside them is left alone."""
    text = article.text
    if "«" not in text and "\"" not in text and "“" not in text:
        return
    added, dropped = [], set()
    for found in _QUOTED_TITLE.finditer(text):
        if _QUOTE_PAIRS[found.group(4)] != found.group(2) or len(found.group(3).split()) > MAX_QUOTED_BODY_WORDS \
                or not _is_word(found.group(3)):
            continue
        head = match_form(found.group(1))
        if _word(head) not in _QUOTED_BODY_NOUNS and not (
                len(head) > 3 and head[0] in "وبلف" and _word(head[1:]) in _QUOTED_BODY_NOUNS):
            continue
        start, end = found.span(3)
        inside = _mentions_within(article, start, end)
        if inside is None or any(article.mentions[k].type == "ORG" for k in inside):
            continue
        dropped.update(inside)
        added.append(Mention(start, end, text[start:end], "ORG", name=text[start:end]))
    _swap_mentions(article, dropped, added)


def _construct_noun(word: str) -> bool:
    """A bare noun that can stand between a body's head and a place (قضاء, تربية, صحة, جنايات, شرطة): a word
    without the article or a clitic pronoun ending in ة, اء or ات, which a verb ("جيش يقصف حلب") does not."""
    form = _bare_letters(word)
    return (len(form) >= 3 and not _DEFINITE.match(form) and _ARABIC_LETTER.search(form) is not None
            and form.endswith(("ة", "اء", "ات")) and form.isalpha())


def _short_body(tokens: list, k: int, text: str) -> tuple[int, int, str] | None:
    """A body's short name at `tokens[k]` (`_SHORT_BODY_HEADS`) with its country's adjective right after it:
    (start, end, name) of "الخارجية العمانية", "وأدانت الرئاسة الفلسطينية" (without و), "للخارجية العمانية"
    (ل + الخارجية, named with its article). The adjective is a country's ("الإدارة العربية" is none) and
    feminine, agreeing with the body: "وزير الخارجية الأمريكي" is the minister's, "الدفاع الروسي" the
    defence; and not after a woman's title ("وزيرة الخارجية الأمريكية")."""
    form = match_form(tokens[k].text)
    cut = 1 if form[:1] in "وفب" and form[1:3] in ("ال", "لل") else 0
    rest = form[cut:]
    name_form = "ا" + rest[1:] if rest.startswith("لل") else rest
    if rest.startswith("لل"):
        cut += 1
    head = _word(name_form)
    if not name_form.startswith("ال") or head not in _SHORT_BODY_HEADS or k + 1 >= len(tokens) or text[tokens[k].end:tokens[k + 1].start] != " ":
        return None
    adjective = tokens[k + 1].text
    aform = match_form(adjective)
    if not aform.startswith("ال") or not aform.endswith("يه") or not _origin_adjective(adjective) \
            or _masculine(aform) in _BEYOND_ONE_COUNTRY - {_word("الأمريكي"), _word("الأميركي")}:
        return None                             # "وزير الخارجية الأمريكي": the minister's adjective
    before = tokens[k - 1].text if k and text[tokens[k - 1].end:tokens[k].start] == " " else ""
    bform = match_form(before)
    if before and not cut and bform.endswith("ه") and (_word(bform),) in _HEADS:
        return None                             # "وزيرة الخارجية الأمريكية": the minister's too
    if head == _word("الرئاسة") and _word(_without_conjunction(bform)) in _OFFICE_RACE:
        return None                             # "المرشح للرئاسة الأمريكية": the office
    start, end = tokens[k].start + cut, tokens[k + 1].end
    name = text[start:end]
    return start, end, ("ا" + name) if rest.startswith("لل") else name


# -- state bodies of the article's country ------------------------------------------------------------------

_NATIONS: dict[str, str] = _load("nations.json")["nations"]
_NATION_ADJECTIVES = frozenset(match_form(a) for a in _NATIONS.values())
# bodies every state has, named by what they are: "وزارة الداخلية", "النيابة العامة", "مجلس النواب"
_COUNTRY_BODY_HEADS = frozenset(_word(w) for w in (
    "وزارة", "محكمة", "هيئة", "مجلس", "ديوان", "مفوضية", "نيابة", "مديرية", "برلمان", "بنك", "مصرف", "حرس"))
# a first word after the head that makes the name any body's, not a state's: every company has a مجلس الإدارة
_NOT_A_STATE_BODY = frozenset(_word(w) for w in (
    "الإدارة", "الأمناء", "التحرير", "العائلة", "المديرين", "الطلبة", "الطلاب", "الآباء", "الأعمال", "التدريس",
    "المحلفين", "التحكيم", "الحي", "المدينة", "القرية", "الجامعة", "الكلية", "المدرسة", "النادي", "الشركة",
    "المنظمة", "الحزب", "الحركة", "الاتحاد", "البلدية", "المحافظة", "الولاية", "الإقليم", "الأمر"))
_NOT_A_STATE_BODY_AFTER = {_word("هيئة"): frozenset(_word(w) for w in ("الدفاع", "الادعاء"))}
# adjectives that end a body's name without the nisba ending: المحكمة العليا, النيابة العامة
_PLAIN_ADJECTIVES = frozenset(_word(w) for w in (
    "العليا", "الأعلى", "العامة", "العام", "الكبرى", "العمومية", "العمومي", "الأحمر"))
# a definite head with one of these after it is a body of the kind, not a state's: المجلس البلدي, الوزارة الرئيسية
_NOT_STATE_ADJECTIVES = frozenset(_word(w) for w in (
    "المحلي", "البلدي", "الرئيسي", "الإلكتروني", "التنفيذي", "الاستشاري", "الفني", "الجديد", "السابق", "الحالي",
    "المختص", "الإداري", "الطلابي", "التأسيسي", "الحكومي", "العملي"))
_LOCAL_ADJECTIVES = frozenset(_word(w) for w in ("المحلي", "المحلية", "البلدي", "البلدية", "الإقليمي", "الإقليمية"))
_DEFINITE_COUNTRY_HEADS = frozenset(_word(w) for w in (
    "محكمة", "نيابة", "حرس", "ديوان", "هيئة", "مديرية", "مجلس", "بنك", "مصرف"))
# a definite head and only these after it needs the ل-phrase saying what for: الهيئة العامة للإحصاء
_OPEN_ADJECTIVES = frozenset(_word(w) for w in ("العامة", "العام", "الأعلى", "العليا", "الوطني", "الوطنية"))
_NEEDS_A_COMPLEMENT = frozenset(_word(w) for w in ("هيئة", "مديرية", "مجلس"))
_OPENS_A_COMPLEMENT = frozenset(_word(w) for w in (
    "العامة", "العام", "الأعلى", "العليا", "الوطني", "الملكي", "القومي", "الاتحادي"))
_RELATIVES = frozenset(_word(w) for w in ("الذي", "التي", "اللذين", "اللتين", "الذين", "اللتي", "اللاتي"))
MAX_COUNTRY_BODY_WORDS = 6


def country_body(words: list[str]) -> bool:
    """A state body named by what it is, without whose it is: a head every state has (`_COUNTRY_BODY_HEADS`,
    bare in the construct "وزارة الداخلية" or definite with adjectives "المحكمة العليا", "النيابة العامة",
    "الحرس الوطني"), then definite words none of which names a place or a country, an adjective of origin or
    a reach beyond one country (الدولي, العربي), and not a listed world body's name (مجلس الأمن)."""
    if not 2 <= len(words) <= MAX_COUNTRY_BODY_WORDS:
        return False
    first = match_form(words[0])
    head = _word(strip_article(first))
    if head not in _COUNTRY_BODY_HEADS or (first.startswith("ال") and head in ("بنك", "مصرف") and len(words) < 2):
        return False
    rest = words[1:]
    if _word(match_form(rest[0])) in _NOT_A_STATE_BODY | _NOT_A_STATE_BODY_AFTER.get(head, frozenset()):
        return False
    for w in rest:
        form = match_form(w)
        masculine = form[:-1] if form.endswith("يه") else form
        if not (form.startswith(("ال", "وال", "لل")) and len(form) > 3) or _word(masculine) in _BEYOND_ONE_COUNTRY \
                or _origin_adjective(w) or metadata.is_known_place(w) or "LOC3" in _rates_of(w) \
                or _word(form) in _STATE_BODY_HEADS or _nation_word(form) or _word(form) in _LOCAL_ADJECTIVES:
            return False
    forms = _known_body_forms()
    return not any(match_form(" ".join(words[:k])) in forms for k in range(2, len(words) + 1))


def _nation_word(form: str) -> str | None:
    """The masculine adjective (`_NATIONS`) a matching-form word is, in either gender (الجزائرية -> الجزائري)."""
    form = form[1:] if form[:1] in "وف" and form[1:3] == "ال" else form
    masc = form[:-1] if form.endswith("يه") else form
    return masc if masc in _NATION_ADJECTIVES else None


def article_nation(article: Article) -> str | None:
    """The country an article's unnamed state bodies belong to, as its adjective (المصري): the country the
    text names most, counting its adjectives of origin (المصرية) and the places it names that are the
    country or its cities (مصر, القاهرة: marsad/data/datelines.json) and the outlet's country (outlets.json,
    as two namings), when named at least twice and half as often again as any other. None when it is not
    clear: a body is better left out than given to the wrong country."""
    counts: Counter = Counter()
    codes = {match_form(a): code for code, a in _NATIONS.items()}
    for found in _GENTILIC_END.finditer(article.text):
        masc = _nation_word(match_form(found.group(1)))
        if masc:
            counts[codes[masc]] += 1
    for m in article.mentions:
        if m.type == "LOC":
            code = metadata.place_country(m.text)
            if code:
                counts[code] += 1
    home = metadata.outlet_country(article.outlet)
    if home in _NATIONS:
        counts[home] += OUTLET_COUNTRY_WEIGHT
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or 2 * ranked[0][1] >= 3 * ranked[1][1]):
        return match_form(_NATIONS[ranked[0][0]]) if ranked[0][0] in _NATIONS else None
    return None


OUTLET_COUNTRY_WEIGHT = 2    # the outlet's own country counts as if the text named it twice


_COUNTRY_BODY_TEXT = re.compile("وزار|محكم|هيئ|مجلس|ديوان|مفوضي|نياب|مديري|برلمان|بنك|مصرف|حرس")


def _adjective_like(word: str) -> bool:
    """A definite word that can describe the noun before it: a nisba (الإدارية, الوطني) or العليا, العامة."""
    form = match_form(word)
    written = ner.feature_form(word)     # hamza kept: "التهنئة" is no nisba
    return _word(form) in _PLAIN_ADJECTIVES or (
        written.startswith("ال") and written.endswith(("ي", "يه")) and _word(form) not in _RELATIVES)


def _add_country_bodies(article: Article) -> None:
    """Find the state bodies the tagger and `add_institutions` leave out because the name does not say whose
    they are ("وكانت وزارة المالية قد أرسلت", "أمام محكمة النقض", "وأوضحت النيابة العامة"), where the article
    has a clear country (`article_nation`); `_bodies_of_the_country` then names them as that country's. The
    name is a construct head and its definite noun (وزارة الداخلية), or a definite head (المحكمة, النيابة,
    الحرس), then adjectives (هيئة الرقابة الإدارية, المحكمة الاتحادية العليا, وزارة الصناعة والتجارة): a
    definite noun after that is the sentence's ("أصدرت وزارة الداخلية القرار")."""
    text = article.text
    if not _COUNTRY_BODY_TEXT.search(text) or article_nation(article) is None:
        return
    read = tokenized(text)
    tokens = read.tokens
    covered = sorted((m.start, m.end) for m in article.mentions)
    heads = sorted({bisect_right(read.starts, h.start()) - 1 for h in _COUNTRY_BODY_TEXT.finditer(text)} - {-1})
    added: list[Mention] = []
    for k in heads:
        tok = tokens[k]
        form = match_form(tok.text)
        lam = re.match("[وف]?لل", form)
        cut = lam.end() - 1 if lam else (1 if len(form) > 4 and form[0] in "وفبلك" else 0)
        if cut and not lam and form[0] in "وف" and len(form) > 5 and form[1] in "بلك" \
                and _word(strip_article(form[2:])) in _COUNTRY_BODY_HEADS:
            cut = 2
        head_form = ("ا" + form[cut:]) if lam else form[cut:]
        if _word(strip_article(head_form)) not in _COUNTRY_BODY_HEADS:
            cut, head_form = 0, form
            if _word(strip_article(head_form)) not in _COUNTRY_BODY_HEADS:
                continue
        definite = head_form.startswith("ال")
        head = _word(strip_article(head_form))
        if definite and head not in _DEFINITE_COUNTRY_HEADS:
            continue                            # "الوزارة الرئيسية": ministries are named in the construct
        words, end, j = [head_form], tok.end, k + 1
        while j < len(tokens) and len(words) < MAX_COUNTRY_BODY_WORDS and text[end:tokens[j].start] == " ":
            nform = match_form(tokens[j].text)
            written = tokens[j].text
            after_complement = any(match_form(w).startswith("لل") for w in words)
            if after_complement and not (written.startswith("ال") and _adjective_like(written)
                                         and not _nation_word(nform)):
                break                           # only an adjective after what it is for: "للشؤون الإسلامية"
            noun_slot = len(words) == 1 and not definite
            complement = (definite and head in _NEEDS_A_COMPLEMENT and written.startswith("لل") and len(nform) > 4
                          and len(words) >= 2 and _masculine(match_form(words[-1])) in _OPENS_A_COMPLEMENT)   # "العامة للإحصاء"
            joined = written.startswith("وال") and _word(nform[1:]) not in _RELATIVES and (
                _adjective_like(written[1:]) or (len(words) == 2 and not definite
                                                 and not nform.endswith(("ات", "ون", "ين"))
                                                 and not _joins_a_phrase(tokens, j, text)))
            if not (noun_slot and written.startswith("ال") or joined or complement
                    or written.startswith("ال") and _adjective_like(written)) \
                    or (len(words) > 1 and ((_word(nform),) in _HEADS or (strip_article(_word(nform)),) in _HEADS)):
                break                           # (not "محكمة الاستئناف القاضي بحبس": a participle, "which ruled")
            if definite and len(words) == 1 and _masculine(nform) in _NOT_STATE_ADJECTIVES:
                break
            words.append(tokens[j].text)
            end = tokens[j].end
            j += 1
        start = tok.start + cut
        if definite and head in _NEEDS_A_COMPLEMENT and not any(match_form(w).startswith("لل") for w in words) \
                and (head != _word("مجلس") or all(_word(match_form(w)) in _OPEN_ADJECTIVES for w in words[1:])):
            continue                            # "الهيئة العامة", "الهيئة الشرعية" alone: which one?
        if len(words) < 2 or any(s < end and start < e for s, e in covered) \
                or not country_body([tok.text[cut:]] + words[1:]) \
                or _opens_known_body(" ".join([head_form] + words[1:])):
            continue
        surface = text[start:end]
        added.append(Mention(start, end, surface, "ORG", name=("ا" + surface) if lam else surface))
        covered.append((start, end))
    _add_mentions(article, added)


def _masculine(form: str) -> str:
    """A matching-form adjective in the masculine, for word lists: الإلكترونيه -> الالكتروني."""
    return _word(form[:-1] if form.endswith("يه") else form)


def _joins_a_phrase(tokens: list, j: int, text: str) -> bool:
    """The noun after و at `tokens[j]` opens a phrase of its own (an adjective after it: "والغرفة التجارية"),
    so it is a second thing named, not the second half of the body's field ("وزارة الثقافة والإعلام")."""
    if j + 1 >= len(tokens) or text[tokens[j].end:tokens[j + 1].start] != " ":
        return False
    after = tokens[j + 1].text
    return _adjective_like(after) and not _nation_word(match_form(after))   # "والتلفزيون السعودية": the body's country


@lru_cache(maxsize=1)
def _known_body_openings() -> frozenset[str]:
    """Every run of first words of a listed body's name (مجلس التعاون of مجلس التعاون الخليجي), unless what
    the name adds to it is only a country's adjective (مجلس النواب of مجلس النواب الأمريكي: every country has
    one)."""
    out = set()
    for form in _known_body_forms():
        words = form.split()
        out.update(" ".join(words[:k]) for k in range(1, len(words))
                   if not (len(words) - k == 1 and _nation_word(words[-1])))
    return frozenset(out)


def _opens_known_body(name: str) -> bool:
    return match_form(name) in _known_body_openings()


# -- bodies named by what they are for ------------------------------------------------------------------------

# heads of a body named by what it is for, in a ل-phrase after its adjectives or its own name: "المنظمة الدولية
# للهجرة", "هيئة الشارقة للكتاب", "شركة الخليج للتجهيزات الطبية", "الجهاز المركزي للتعبئة العامة والإحصاء"
_PURPOSE_HEADS = _STATE_BODY_HEADS | frozenset(_word(w) for w in (
    "شركة", "دار", "مكتب", "مديرية", "مجموعة", "بعثة", "أكاديمية", "كلية", "جامعة", "نقابة", "غرفة"))
# heads named by the noun right after them ("مجلس الوزراء", "وزارة الصحة"): a ل-phrase after that noun is the
# sentence's ("رفع الأمر إلى مجلس الوزراء للموافقة عليه")
_CONSTRUCT_ONLY_HEADS = frozenset(_word(w) for w in ("وزارة", "مجلس", "لجنة", "محكمة", "برلمان", "ديوان", "غرفة"))
# ل-words that say when or for whom, not what for: "مجلس الأمن للمرة الثانية", "المنظمة الدولية للجميع"
_NOT_A_PURPOSE = frozenset(_word(w) for w in (
    "للمرة", "للعام", "للسنة", "للشهر", "لليوم", "للأسبوع", "للموسم", "للحظة", "للغاية", "للتو", "للجميع",
    "للفترة", "للمدة", "للدورة", "للمواطنين", "للمواطن", "للحكومة", "للدولة", "للبلاد", "للمملكة", "للوزارة",
    "للشركة", "للمنظمة", "للهيئة", "للمجلس", "للبنك", "للصندوق", "للرئيس", "للأمين", "للمدير", "للنادي",
    "للمنتخب", "للحزب", "للفريق", "للاتحاد", "للجامعة", "للحركة", "للجمعية", "للمؤسسة", "للمركز", "للمدينة",
    "للجنة", "للمنشأة", "لتنفيذ", "لتحقيق", "لإصدار", "لبحث", "لمناقشة", "لمتابعة", "لتقديم", "لتوفير",
    "لإجراء", "لاتخاذ"))   # and verbal nouns of a task done once: "اختارت الشركة الفرنسية لتنفيذ المشروع"
# a definite head's first adjective that makes it a unit of something, named by whose it is: "الجهاز الفني
# للمنتخب", "المكتب الإعلامي للرئاسة", "المجلس التنفيذي للصندوق"
_UNIT_ADJECTIVES = _NOT_STATE_ADJECTIVES | frozenset(_word(w) for w in (
    "الطبي", "الإعلامي", "التدريبي", "الأمني", "السياسي", "العسكري", "المالي", "القانوني", "الاستشاري",
    "الهضمي", "العصبي", "التنفسي", "المناعي", "البولي", "الدوري"))   # "الجهاز الهضمي للإنسان": an organ
# adjectives without the nisba ending that close such names: "للقوات المسلحة", "للإنذار المبكر"
_NAME_ADJECTIVES = frozenset(_word(w) for w in (
    "المسلحة", "المبكر", "الثقيلة", "السارية", "المتحدة", "المستدامة", "المتجددة", "الصغيرة", "المتوسطة",
    "الكبرى", "الخاصة", "الحرة", "العليا", "الأعلى", "العامة", "العام"))
# "المجموعة الأولى للبطولة": an ordinal, no name's adjective
_ORDINALS = frozenset(_word(w) for w in _REGNAL) | frozenset({_word(match_form("الأولى"))})
# adjectives that say how far a body reaches, so its name goes on to say what it does: "[الاتحاد الدولي] لركوب"
_SCOPE_ADJECTIVES = _BEYOND_ONE_COUNTRY | frozenset(_masculine(match_form(w)) for w in (
    "العامة", "العام", "الأعلى", "العليا", "الوطني", "المركزي", "القومي", "الاتحادي", "الملكي", "الإقليمي"))
_ASSEMBLY_ADJECTIVES = frozenset(_word(w) for w in ("العامة", "العمومية"))
MAX_PURPOSE_MIDDLE = 3       # the body's own words between its head and the ل-phrase
MAX_PURPOSE_WORDS = 9


def _known_body_written(surface: str) -> bool:
    """A listed body's name as written, ل and all ("لاتحاد الأوروبي" of للاتحاد الأوروبي): a whole name."""
    form = match_form(surface)
    return form in _known_body_forms() or (form[:1] == "ل" and "ا" + form in _known_body_forms())


def _name_adjective(word: str) -> bool:
    form = match_form(word)
    return _adjective_like(word) or _word(form) in _NAME_ADJECTIVES


def _purpose_body(tokens: list, k: int, text: str, spans: list[tuple[int, int, str]],
                  dated: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A body at `tokens[k]` named by its head, its own name or adjectives and what it is for, in a ل-phrase:
    (start, end, name) of "المنظمة الدولية للهجرة", "هيئة الشارقة للكتاب", "وبنك اليابان للتعاون الدولي"
    (without و), "المؤسسة الصينية لعلوم وتكنولوجيا الفضاء", "المركز الوطني للأرصاد والإنذار المبكر". A
    definite head takes adjectives only (the tagger's "[المنظمة الدولية]" is no whole name); an indefinite one
    its own name first, a place ("شركة [الخليج]") or a definite noun ("جهاز الخدمة الوطنية", "مؤسسة المدى"),
    unless it is named by that noun alone (`_CONSTRUCT_ONLY_HEADS`: "مجلس الوزراء للموافقة"). The ل-phrase is
    a definite noun with لل or a bare noun and what it governs, then adjectives and "وال" nouns; a ل-word of
    time or of a recipient (`_NOT_A_PURPOSE`) names nothing. Stops at a person's name, a date and a pronoun."""
    form = match_form(tokens[k].text)
    cut, lam = 0, False
    if form.startswith("لل") and len(form) > 4:
        cut, lam, head_form = 1, True, "ا" + form[1:]
    elif len(form) >= 4 and form[0] in "وفب" and _word(strip_article(form[1:])) in _PURPOSE_HEADS:
        cut, head_form = 1, form[1:]
    else:
        head_form = form
    definite = head_form.startswith("ال")
    head = _word(strip_article(head_form))
    if head not in _PURPOSE_HEADS or (lam and not definite):
        return None

    def spaced(j: int) -> bool:
        return j < len(tokens) and text[tokens[j - 1].end:tokens[j].start] == " "

    def mention_at(j: int) -> tuple[int, int, str] | None:
        return next((m for m in spans if m[0] <= tokens[j].start < m[1]), None)

    def name_starts(j: int) -> bool:            # another name opens at tokens[j] ("للأمم المتحدة": inside it)
        word = tokens[j].text
        return any(tokens[j].start <= s < tokens[j].end and (t == "PER" or t == "ORG" and not (
            e <= tokens[j].end and _name_adjective(word))) for s, e, t in spans)

    def stops(j: int) -> bool:
        word = tokens[j].text
        found = mention_at(j)
        return (match_form(word) in _FUNCTION_WORDS or _pronoun_word(word, text) or found is not None and
                found[2] == "PER" or any(s <= tokens[j].start < e for s, e in dated))

    j, middle = k + 1, 0
    while spaced(j) and middle < MAX_PURPOSE_MIDDLE and not stops(j):
        word = tokens[j].text
        wform = match_form(word)
        place = mention_at(j)
        if middle == 0 and not definite and place is not None and place[2] == "LOC":
            while j < len(tokens) and tokens[j].start < place[1]:
                j += 1                          # "هيئة [الشارقة]", "بنك [اليابان]"
            middle += 1
            continue
        if middle == 0 and not definite and _word(strip_article(wform)) in _PURPOSE_HEADS:
            return None                         # "بعثة [المنظمة الدولية للهجرة]": the body is the one inside
        if middle == 0 and not definite and wform.startswith("ال") and head not in _CONSTRUCT_ONLY_HEADS \
                and len(wform) > 3 and _word(wform) not in _RELATIVES:
            j, middle = j + 1, 1                # "جهاز [الخدمة]", "مؤسسة [المدى]"
            continue
        if (middle or definite) and _name_adjective(word) and _masculine(wform) not in _ORDINALS \
                and not (definite and not middle and _masculine(wform) in _UNIT_ADJECTIVES):
            j, middle = j + 1, middle + 1       # "المنظمة [الدولية]", "جهاز الخدمة [الوطنية]"
            continue
        break
    if not middle or not spaced(j) or stops(j):
        return None
    if head == _word("جمعية") and middle == 1 and _word(match_form(tokens[j - 1].text)) in _ASSEMBLY_ADJECTIVES:
        return None                             # "الجمعية العامة لإصدار القرارات": a company's general meeting
    lform = match_form(tokens[j].text)
    if not lform.startswith("ل") or len(lform) < 4 or _word(lform) in _NOT_A_PURPOSE \
            or name_starts(j) or any(tokens[j].start <= s < tokens[j].end and t == "LOC" for s, _, t in spans) \
            or _pronoun_word(tokens[j].text, text) \
            or lform[1] == "ا" and len(lform) < 6:
        return None                             # "للأمم المتحدة", "للمملكة": whose it is; "لاحظ": a verb
    construct = not lform.startswith("لل")      # "لعلوم" governs the noun after it
    closing = match_form(tokens[j - 1].text)    # the tagger's whole name ends on a kind, not a reach: "التجاري"
    if construct and (not definite or any(t == "ORG" and e == tokens[j - 1].end for s, e, t in spans)
                      and _masculine(closing) not in _SCOPE_ADJECTIVES and not _origin_adjective(tokens[j - 1].text)):
        return None                             # "هيئة الشارقة لتمويل المشاريع", "[البنك التجاري] لتحقيق النجاح":
        # what it does, not its name ("[الاتحاد الدولي] لركوب الأمواج" is the name cut short)
    last, j = j, j + 1
    while spaced(j) and j - k < MAX_PURPOSE_WORDS and not stops(j) and not name_starts(j):
        word = tokens[j].text
        wform = match_form(word)
        if wform.startswith("و") and _word(strip_article(wform[1:])) in _PURPOSE_HEADS | _COUNTRY_BODY_HEADS:
            break                               # "والاتحاد الدولي لحفظ الطبيعة", "والحرس المدني": a second body
        if construct and wform.startswith("و") and not wform.startswith("وال") and len(wform) > 3:
            j += 1                              # "لعلوم وتكنولوجيا الفضاء"
            continue
        if construct and wform.startswith("ال") and len(wform) > 3 and mention_at(j) is None:
            construct, last, j = False, j, j + 1
            continue
        if not construct and (_name_adjective(word) or wform.startswith("وال") and len(wform) > 4
                              and _word(wform[1:]) not in _RELATIVES):
            last, j = j, j + 1
            continue
        break
    if construct:
        return None                             # "لعلوم" and nothing it governs
    if spaced(j) and _pronoun_word(tokens[j].text, text):
        return None                             # "هيئة السياحة للحفاظ عليه": what it does
    start, end = tokens[k].start + cut, tokens[last].end
    name = text[start:end]
    return start, end, ("ا" + name) if lam else name


# -- hospitals ---------------------------------------------------------------------------------------------

_HOSPITAL_HEADS = frozenset(_word(w) for w in ("مستشفى", "مستشفي"))
_MEDICAL_COMPLEX = _word("مجمع")        # a complex is a hospital only as "مجمع ... الطبي"
# adjectives a hospital's name closes on: "مستشفى سيئون العام", "مستشفى آزادي التعليمي"
_HOSPITAL_ADJECTIVES = frozenset(_word(w) for w in (
    "العام", "الوطني", "الحكومي", "التعليمي", "التخصصي", "الجامعي", "المركزي", "الطبي", "العسكري", "الأهلي",
    "الإقليمي", "المرجعي", "الدولي"))
_MEDICAL = _word("الطبي")
_SON_OF = frozenset(_word(w) for w in ("ابن", "بن"))


def _hospital(tokens: list, k: int, text: str, spans: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """A hospital at `tokens[k]`, named by its own name after the word: (start, end, name) of "مستشفى
    الميادين الوطني", "في مستشفى ابن سيناء" (the physician, no place Sinai), "وأفاد مدير مستشفى سيئون
    العام", "مجمع فلسطين الطبي" (the hospital, no place Palestine). The name is a name the tagger found, ابن +
    a word, or a word read as a name (`_site_name_word`: "آزادي"); a common word ("مستشفى ميداني", "مستشفى
    الأطفال") only with a hospital's adjective after it. A complex (مجمع) is one only with الطبي."""
    form = match_form(tokens[k].text)
    cut = 1 if len(form) > 4 and form[0] in "وفبل" and _word(form[1:]) in _HOSPITAL_HEADS | {_MEDICAL_COMPLEX} else 0
    head = _word(form[cut:])
    if head not in _HOSPITAL_HEADS and head != _MEDICAL_COMPLEX or form[cut:].startswith("ال"):
        return None                             # "مدير المستشفى محمد الخياط": the one just named

    def spaced(j: int) -> bool:
        return j < len(tokens) and text[tokens[j - 1].end:tokens[j].start] == " "

    j = k + 1
    if not spaced(j):
        return None
    found = next((m for m in spans if m[0] == tokens[j].start), None)
    named = True
    if found is not None and found[2] in ("LOC", "PER", "ORG"):
        while j < len(tokens) and tokens[j].start < found[1]:
            j += 1                              # "مستشفى [الميادين]"
    elif _word(match_form(tokens[j].text)) in _SON_OF and spaced(j + 1):
        j += 2                                  # "مستشفى ابن سيناء"
    elif any(s < tokens[j].end and tokens[j].start < e for s, e, _ in spans):
        return None
    else:
        word = tokens[j].text
        named = _site_name_word(word, _lexicons().clusters) and _word(match_form(word)) not in _HOSPITAL_ADJECTIVES
        if not named and not (match_form(word).startswith("ال") and len(match_form(word)) > 3):
            return None
        j += 1
    adjectives = 0
    while spaced(j) and adjectives < 2 and _word(match_form(tokens[j].text)) in _HOSPITAL_ADJECTIVES \
            and not any(s <= tokens[j].start < e for s, e, _ in spans):
        j, adjectives = j + 1, adjectives + 1
    if not adjectives and not named:
        return None                             # "مستشفى الأطفال": which one?
    if head == _MEDICAL_COMPLEX and _word(match_form(tokens[j - 1].text)) != _MEDICAL:
        return None                             # "مجمع سكني", "مجمع الأسواق": no hospital
    start, end = tokens[k].start + cut, tokens[j - 1].end
    return start, end, text[start:end]


# places named by a kind of site and its own name: "شارع التحرير", "نهر القاش", "معبر نصيب", "مطار الرباط سلا"
_SITE_HEADS = frozenset(_word(w) for w in (
    "شارع", "نهر", "معبر", "مطار", "ميناء", "ميدان", "ساحة", "جسر", "سد", "بحيرة", "ملعب", "استاد", "حي", "ضاحية",
    "جزيرة", "قلعة", "محطة", "قصر", "وادي", "مرفأ"))
_SITE_TEXT = re.compile("شارع|نهر|معبر|مطار|ميناء|ميدان|ساح|جسر|سد|بحير|ملعب|استاد|حي|ضاحي|جزير|قلع|محط|قصر|وادي|مرفأ")
_SITE_ADJECTIVES = frozenset(_word(w) for w in (
    "الدولي", "الدولية", "الأولمبي", "النووية", "النووي", "البحري", "الجوي", "الحدودي", "الكهربائية"))
MAX_SITE_NAME_WORDS = 3


def _site_name_word(word: str, clusters: dict) -> bool:
    """A word that names a site after its kind, rather than a common noun ("ساحة المعركة"): a word news has
    never seen, a known place, or one news writes inside place, person or organisation names (level 2+)."""
    if (len(match_form(word)) < 3 or _word(match_form(word)) in _STOP_WORDS
            or any(c in word for c in "\u064b\u064c\u064d")):
        return False                    # tanwin: an indefinite noun or adjective ("ميناءً منقوشًا")
    if metadata.is_known_place(word) or any(r[:-1] in ("LOC", "PER", "ORG") and r[-1] in "23" for r in _rates_of(word)):
        return True
    # a word news has never seen, unless a preposition opens it: "ببراقي" is "in Baraki", the next place
    return ner.feature_form(word) not in clusters and word[0] not in "وفبلك"


def _named_sites(article: Article) -> None:
    """A kind of site (`_SITE_HEADS`: شارع, نهر, معبر, مطار, ملعب) right before a name is one place with it:
    "في شارع التحرير", "فيضان نهر القاش", "عبر معبر نصيب", "بمطار الرباط سلا", "محطة الضبعة النووية". The
    name is a run of up to three words that are mentions already or read as names (`_site_name_word`), and
    may end on an adjective such sites take (الدولي, النووية). Mentions inside become part of the place."""
    text = article.text
    if not _SITE_TEXT.search(text):
        return
    read = tokenized(text)
    tokens = read.tokens
    clusters = _lexicons().clusters
    spans = sorted((m.start, m.end) for m in article.mentions)
    added, swallowed = [], set()
    heads = sorted({bisect_right(read.starts, h.start()) - 1 for h in _SITE_TEXT.finditer(text)} - {-1})
    for k in heads:
        tok = tokens[k]
        form = match_form(tok.text)
        cut = 1 if len(form) > 3 and form[0] in "وفبل" and _word(form[1:]) in _SITE_HEADS else 0
        head = form[cut:]
        if _word(head) not in _SITE_HEADS or head.startswith("ال") or any(s <= tok.start < e for s, e in spans):
            continue                            # "الحي القيوم", "الساحة السعودية": a description
        end, j, names, closed = tok.end, k + 1, 0, False
        while j < len(tokens) and names < MAX_SITE_NAME_WORDS and not closed and text[end:tokens[j].start] == " ":
            nxt = tokens[j]
            inside = [(s, e) for s, e in spans if s <= nxt.start < e]
            if inside:
                end = max(e for _, e in inside)
                swallowed.update(inside)
                while j < len(tokens) and tokens[j].start < end:
                    j += 1
                names, closed = names + 1, True      # a whole name the tagger found: nothing more after it
                continue
            word = nxt.text
            if not _site_name_word(word, clusters) or (names and (
                    match_form(word).startswith("ال") and ner.feature_form(word) not in clusters
                    or word.endswith(("ته", "تها", "هم", "ها")))):
                break                           # "مطار الرياض عيديته": the sentence goes on
            closed = metadata.is_known_place(word)
            end, j, names = nxt.end, j + 1, names + 1
        if not names or _word(match_form(text[tokens[j - 1].start:end].split()[-1])) in _JOIN_NEXT:
            continue                            # "جسر أبو" without the rest of its name
        adjective = j < len(tokens) and text[end:tokens[j].start] == " " \
            and _word(match_form(tokens[j].text)) in _SITE_ADJECTIVES
        if adjective:
            end = tokens[j].end
        elif _word(head) == _word("محطة"):
            continue                            # "محطة مترو", "محطة CBS": a station is a site only as a plant
        start = tok.start + cut
        if any(s < end and start < e and (s, e) not in swallowed for s, e in spans):
            continue
        if match_form(head) in _STADIUM_WORDS:          # a stadium's name: MISC, without ملعب (`_stadiums`)
            start = tokens[k + 1].start
            named = text[start:end]
            if _club_or_city(named):
                if (start, end) in swallowed:
                    swallowed.discard((start, end))     # the tagger's club or city stays as it is
                else:                                   # untagged: the site as a place, as for a street
                    added.append(Mention(tok.start + cut, end, text[tok.start + cut:end], "LOC",
                                         name=text[tok.start + cut:end]))
                continue                        # "ملعب الهلال", "استاد الدوحة": the club, the city
            added.append(Mention(start, end, named, "MISC", name=named))
            continue
        added.append(Mention(start, end, text[start:end], "LOC", name=text[start:end]))
    if added:
        article.mentions = [m for m in article.mentions if (m.start, m.end) not in swallowed]
        _add_mentions(article, added)


# -- sports clubs ------------------------------------------------------------------------------------------

_SPORT_TEXT = re.compile("مبارا|الدوري|ملعب|مدرب|لاعب|الشوط|منتخب|نهائي|المهاجم|ركلة|بطولة")
MIN_SPORT_CUES = 3           # kinds of sport word a match report holds; elsewhere "نهضة" and "النصر" are words
# words opening a club's name before its town ("نهضة بركان", "شباب بلوزداد", "مولودية الجزائر")
_CLUB_HEADS = frozenset(_word(w) for w in (
    "نهضة", "شباب", "اتحاد", "مولودية", "وداد", "رجاء", "ترجي", "شبيبة", "وفاق", "أولمبيك", "حسنية", "أهلي",
    "نادي"))
# more words that open a club's name only with the article and a club's adjective ("النجم الساحلي")
_DEFINITE_CLUB_HEADS = frozenset(_word(w) for w in ("نجم", "مستقبل", "أمل", "دفاع", "اتفاق", "سريع", "جمعية"))
# adjectives a club's name ends on ("الوداد الرياضي", "النجم الساحلي", "الجيش الملكي", "النهضة البركانية")
_CLUB_ADJECTIVES = frozenset(_word(w) for w in (
    "الرياضي", "الرياضية", "الساحلي", "البيضاوي", "الصفاقسي", "الملكي", "البركانية", "البركاني", "التطواني",
    "الفاسي", "المراكشي", "السلاوي", "القسنطيني", "السطايفي", "العاصمي", "الوجدي", "الحسني", "الجديدي",
    "الإسماعيلي", "السكندري", "القاهري", "البنزرتي", "القابسي", "المنستيري", "الحسيمي", "الزموري", "الخميساتي",
    "الوهراني", "البليدي"))
_CLUB_ADJECTIVES |= frozenset(w + "ه" for w in _CLUB_ADJECTIVES)    # the feminine: "المولودية الوجدية"
# words a club's name follows in a match report: its coach, its players, the one it beat or faced
_CLUB_CUES = frozenset(_word(w) for w in (
    "فريق", "نادي", "لنادي", "لفريق", "بفريق", "لاعب", "لاعبو", "لاعبي", "مدرب", "مهاجم", "مدافع", "حارس",
    "جماهير", "أنصار", "ضد", "أمام", "مواجهة", "فاز", "تغلب", "تعادل", "خسر", "هزم", "واجه", "يواجه", "يلاقي",
    "استضاف", "يستضيف", "وفاز", "وتغلب", "وتعادل", "وخسر", "وهزم", "وواجه", "فوز", "فوزه", "قائد", "رئيس"))
_WIN_WORDS = frozenset(_word(w) for w in ("على", "مع"))


def _town_word(word: str, clusters: dict) -> bool:
    """A club's town after its club word: a known place, a word clustering with places or rated a name
    (بركان), or one news has never seen (بلوزداد); not a common word ("شباب مدينة", "اتحاد آخر")."""
    return (metadata.is_known_place(word) or _place_like(word) or ner.feature_form(word) not in clusters
            or any(r[-1] in "23" and r[:-1] in ("LOC", "PER", "ORG") for r in _rates_of(word)))


def sports_clubs(article: Article) -> None:
    """Clubs in a match report (a text with MIN_SPORT_CUES sport words), which the gold corpora and so the
    tagger often miss: a club word and its town ("نهضة بركان", "شباب بلوزداد", "مولودية [الجزائر]"); a
    definite club name and the adjective clubs take ("الوداد الرياضي", "النجم الساحلي"); and a name news
    writes as an organisation (level 2+) right after a word of the game ("مدرب الوداد", "فاز ... على
    الرجاء"). A place the tagger found inside becomes part of the club."""
    text = article.text
    if len(set(_SPORT_TEXT.findall(text))) < MIN_SPORT_CUES:
        return
    read = tokenized(text)
    tokens = read.tokens
    clusters = _lexicons().clusters
    spans = sorted((m.start, m.end, m.type) for m in article.mentions)
    added, swallowed = [], set()

    def mention_at(tok):
        return mention_at_offset(tok.start)

    def mention_at_offset(offset):
        return next(((s, e, t) for s, e, t in spans if s <= offset < e), None)

    for k in range(len(tokens) - 1):
        tok, nxt = tokens[k], tokens[k + 1]
        if text[tok.end:nxt.start] != " " or mention_at(tok) is not None:
            continue
        form = match_form(tok.text)
        cut = 1 if len(form) > 4 and form[0] in "وفبل" and _word(form[1:]) in _CLUB_HEADS else 0
        head = _word(form[cut:])
        start, end = tok.start + cut, None
        inside = mention_at(nxt)
        nform = match_form(nxt.text)
        if head in _CLUB_HEADS and not form[cut:].startswith("ال"):
            if inside is not None and inside[2] == "LOC" and inside[0] == nxt.start:
                end = inside[1]                                  # "مولودية [الجزائر]"
                swallowed.add(inside)
            elif (inside is None and nxt.text.isalpha() and not nform.startswith("ال") and len(nform) >= 3
                  and not _gentilic_word(nxt.text) and nform not in _STOP_WORDS and _town_word(nxt.text, clusters)):
                end = nxt.end                                    # "نهضة بركان", "شباب بلوزداد"
        elif form[cut:].startswith("ال") and inside is None and _word(nform) in _CLUB_ADJECTIVES and (
                strip_article(_word(form[cut:])) in _CLUB_HEADS | _DEFINITE_CLUB_HEADS     # "المولودية الوجدية"
                or (not _gentilic_word(tok.text[cut:])
                    and any(r[:-1] == "ORG" and r[-1] in "23" for r in _rates_of(tok.text[cut:])))):
            end = nxt.end                                        # "الوداد الرياضي", "النجم الساحلي"
        if end is None:
            continue
        if any(s < end and start < e and (s, e, t) not in swallowed for s, e, t in spans):
            continue
        added.append(Mention(start, end, text[start:end], "ORG", name=text[start:end]))
        spans.append((start, end, "ORG"))
    for k in range(1, len(tokens)):                             # "مدرب الوداد", "فاز ... على الرجاء"
        tok = tokens[k]
        form = match_form(tok.text)
        if not form.startswith("ال") or mention_at(tok) is not None or _gentilic_word(tok.text):
            continue
        rates = [r for r in _rates_of(tok.text) if r[:-1] == "ORG"]
        if not rates:
            continue
        before = _word(match_form(tokens[k - 1].text))
        if not any(r[-1] in "23" for r in rates) and (before not in _SQUAD_CUES or _word(form) in _NOT_A_CLUB):
            continue                            # "مدرب الهلال": a club news mostly writes as something else
        cue = before in _CLUB_CUES or (before in _WIN_WORDS and any(
            _word(match_form(t.text)) in _CLUB_CUES for t in tokens[max(0, k - 6):k - 1]))
        if cue:
            added.append(Mention(tok.start, tok.end, tok.text, "ORG", name=tok.text))
            spans.append((tok.start, tok.end, "ORG"))
    for mention in article.mentions:                            # "[الترجي] الرياضي", "النادي [الصفاقسي]"
        if mention.type not in ("ORG", "LOC"):
            continue
        if " " in mention.text.strip():                         # "[المغرب الفاسي]" read as a place
            if _word(match_form(mention.text.split()[-1])) in _CLUB_ADJECTIVES:
                mention.type = "ORG"
            continue
        after = _WORD_AFTER.match(text, mention.end)
        if after and _word(match_form(after.group(1))) in _CLUB_ADJECTIVES \
                and not any(s <= after.start(1) < e for s, e, _ in spans):
            _move_end(mention, text, after.end(1))
            mention.type = "ORG"
            continue
        before = _WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        word = before.group(1) if before else ""
        bare = word[1:] if word[:1] in "وف" and word[1:3] == "ال" else word
        if before and _word(match_form(mention.text)) in _CLUB_ADJECTIVES and bare.startswith("ال") \
                and strip_article(_word(match_form(bare))) in _CLUB_HEADS | _DEFINITE_CLUB_HEADS:
            _move_start(mention, text, before.start(1) + len(word) - len(bare))
            mention.type = "ORG"
    for k in range(len(tokens) - 1):                           # "فريق السد", "نادي الغرافة"
        tok, nxt = tokens[k], tokens[k + 1]
        nform = match_form(nxt.text)
        if (match_form(tok.text) not in _TEAM_WORDS or text[tok.end:nxt.start] != " "
                or not nform.startswith("ال") or len(nform) < 4 or mention_at(nxt) is not None
                or _word(nform) in _NOT_A_CLUB or _word(nform) in _RELATIVES
                or (_gentilic_word(nxt.text) and not any(r in ("ORG2", "ORG3") for r in _rates_of(nxt.text)))):
            continue                            # (not "الفريق الذي", "فريق العمل", "النادي اللندني")
        end = nxt.end
        after = _WORD_AFTER.match(text, end)
        if after and _word(match_form(after.group(1))) in _CLUB_ADJECTIVES and mention_at_offset(after.start(1)) is None:
            end = after.end(1)                  # "فريق الكوكب المراكشي"
        added.append(Mention(nxt.start, end, text[nxt.start:end], "ORG", name=text[nxt.start:end]))
        spans.append((nxt.start, end, "ORG"))
    if added:
        article.mentions = [m for m in article.mentions if (m.start, m.end, m.type) not in swallowed]
        _add_mentions(article, added)
    _clubs_of_a_country(article)
    _clubs_with_openers(article)
    _club_recurrences(article, tokens)


# words that open a European club's name before its town or its own word ("ريال مدريد", "دينامو كييف")
_CLUB_OPENERS = frozenset(match_form(w) for w in (
    "ريال", "دينامو", "ديناموا", "سبارتاك", "أتلتيكو", "اتلتيكو", "سبورتينغ", "سبورتنغ", "بوروسيا", "باير",
    "إنتر", "انتر", "أولمبيك", "اولمبيك", "ستيوا", "شاختار", "زينيت", "سسكا", "فنربخشه", "غلطة"))


def _clubs_with_openers(article: Article) -> None:
    """In a match report, a name opening with a club's opener word is a club, whatever the tagger typed it
    ("[دينامو كييف]" as a person), and the opener takes the town the tagger found after it ("ريال [مدريد]")."""
    text = article.text
    for mention in list(article.mentions):
        words = mention.text.split()
        first = match_form(words[0]) if words else ""
        if first[:1] in "وفل" and first[1:] in _CLUB_OPENERS:
            first = first[1:]
        if first in _CLUB_OPENERS:
            if len(words) >= 2:                 # "ريال" alone is the currency of "100 ألف ريال"
                mention.type = "ORG"
            continue
        before = _WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if before is None or before.end(1) + 1 != mention.start or text[before.end(1)] != " " \
                or match_form(before.group(1)) not in _CLUB_OPENERS:
            continue
        opener = next((m for m in article.mentions if m.start <= before.start(1) < m.end), None)
        if opener is not None and opener.end != before.end(1):
            continue
        start = opener.start if opener is not None else before.start(1)
        if opener is not None:
            article.mentions.remove(opener)
        _move_start(mention, text, start)
        mention.type = "ORG"


_CLUB_WORDS = frozenset(("نادي", "النادي"))


def _club_word_off(article: Article) -> None:
    """"النادي الأهلي", "نادي أرسنال": the club's name is the word after نادي, as news corpora tag it (ANERcorp
    train: نادي/النادي outside the name 22 times, inside 9), when that word is a name news writes as a body
    or a place (ORG2+, LOC3: not "نادي الصحافة")."""
    text = article.text
    for mention in article.mentions:
        words = mention.text.split()
        if mention.type != "ORG" or len(words) != 2:
            continue
        head = match_form(words[0])
        head = head[1:] if head[:1] in "ول" and head[1:] in _CLUB_WORDS else head
        rates = _rates_of(words[1])
        if head in _CLUB_WORDS and ("ORG2" in rates or "ORG3" in rates or "LOC3" in rates):
            _move_start(mention, text, mention.end - len(words[1]))


_COUNTRY_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*([^\W\d_]+)[ \t]*\)")


def _clubs_of_a_country(article: Article) -> None:
    """In a match report, a one-word place followed by a country's adjective in the masculine is a club:
    the adjective agrees with الفريق/النادي ("[تشلسي] الإنجليزي", "[هامبورغ] الألماني"), while a city takes
    the feminine ("ليون الفرنسية"); so is one followed by its country in brackets, as fixture lists write clubs
    ("برشلونة ( إسبانيا )")."""
    text = article.text
    places = {(m.start, m.end) for m in article.mentions if m.type == "LOC"}
    for mention in article.mentions:
        if mention.type != "LOC" or " " in mention.text.strip():
            continue
        bracket = _COUNTRY_IN_BRACKETS.match(text, mention.end)
        word_before = _WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        where = word_before is not None and strip_article(match_form(word_before.group(1))) in \
            _LOCATIVES | _PLACE_HEADS | {"مدينه"}           # "في [القاهرة] (مصر)": a town
        if bracket and bracket.span(1) in places and not where:
            mention.type = "ORG"                        # a fixture list: "[برشلونة] ( إسبانيا ) - بوردو"
            continue
        after = _WORD_AFTER.match(text, mention.end)
        before = _WORD_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if after is None or (before and strip_article(match_form(before.group(1))) in _PLACE_HEADS | {"قاره", "دوله"}):
            continue                                        # "قارة آسيا الكوري الجنوبي تشونغ": his adjective
        adjective = match_form(after.group(1))
        person_next = _WORD_AFTER.match(text, after.end(1))
        if person_next and any(m.type == "PER" and m.start == person_next.start(1) for m in article.mentions):
            continue                                    # "وصل إلى الدوحة البرتغالي روبن أموريم": his
        if _origin_adjective(after.group(1)) and not adjective.endswith("ه") \
                and not any(m.start <= after.start(1) < m.end for m in article.mentions):
            mention.type = "ORG"


def _club_recurrences(article: Article, tokens: list) -> None:
    """In a match report, a one-word definite club name found once (after فريق, or as the tagger's
    organisation) names the club wherever else it stands alone: "هدفي السد", "تغلب على الغرافة"."""
    clubs = {match_form(m.text) for m in article.mentions if m.type == "ORG" and " " not in m.text.strip()
             and match_form(m.text).startswith("ال") and len(match_form(m.text)) >= 4}
    if not clubs:
        return
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [a for a, _ in covered]
    added = []
    for tok in tokens:
        form = match_form(tok.text)
        cut = 1 if form[:1] in "وفبل" and form[1:] in clubs else 0
        if (form in clubs or cut) and not _inside_mention(covered, starts, tok.start):
            added.append(Mention(tok.start + cut, tok.end, tok.text[cut:], "ORG", name=tok.text[cut:]))
    _add_mentions(article, added)


# the people of a team: a club's name after them is the club even when news mostly writes the word otherwise
# (الهلال the crescent, التعاون cooperation)
_SQUAD_CUES = frozenset(_word(match_form(w)) for w in (
    "مدرب", "لاعب", "لاعبو", "لاعبي", "حارس", "مهاجم", "مدافع", "جماهير", "انصار"))
_TEAM_WORDS = frozenset(match_form(w) for w in ("فريق", "نادي", "لفريق", "لنادي", "بفريق", "بنادي", "وفريق", "ونادي",
                                                 "فريقي", "ناديي"))
# what follows "فريق" in a match report without being a club: "فريق العمل", "الفريق الأول"
_NOT_A_CLUB = frozenset(_word(w) for w in (
    "العمل", "الكرة", "الإنقاذ", "التحكيم", "المنافس", "الخصم", "الضيف", "المضيف", "الأول", "الثاني", "الأولى",
    "الوطني", "المنتخب", "الشباب", "الناشئين", "الأشبال", "الرديف", "الأحلام", "البحث", "التحقيق", "الدفاع",
    "الهجوم", "المدرب", "الفني", "الطبي", "الإداري", "الكامل", "نفسه", "البطل", "الفائز", "الخاسر", "المتصدر",
    "اللاعب", "اللاعبين", "الحكم", "الملعب", "المنافسين", "الخصوم", "العاصمة", "المدينة", "البلد", "الدولة",
    "المستقبل"))


def _with_nation(name: str, nation: str) -> str:
    """"وزارة الداخلية" + المصري -> "وزارة الداخلية المصرية": the adjective agrees with the head's gender."""
    adjective = next(a for a in _NATIONS.values() if match_form(a) == nation)
    if match_form(name.split()[0]).endswith("ه"):
        adjective = " ".join(w + "ة" for w in adjective.split())
    return f"{name} {adjective}"


def _bodies_of_the_country(article: Article) -> None:
    """Name each unnamed state body (`country_body`) the chaining left as it was as the body of the
    article's country (`article_nation`): its `name` gains the country's adjective, so "وزارة الداخلية" in
    an Egyptian paper's court report resolves with "وزارة الداخلية المصرية" written in full elsewhere and
    never with Kuwait's. Its text and offsets stay as written. Without a clear country nothing changes."""
    bodies = [m for m in article.mentions if m.type == "ORG" and country_body(m.name.split())]
    if not bodies:
        return
    nation = article_nation(article)
    if nation is None:
        return
    for m in bodies:
        m.name = _with_nation(m.name, nation)


# a place head alone with the article points back to a place named before ("إلى الولاية"): no name
_ANAPHORIC_PLACES = frozenset(match_form(w) for w in (
    "الولاية", "المحافظة", "المنطقة", "القرية", "البلدة", "الإقليم", "المقاطعة", "البلاد", "الضاحية"))
# (not المدينة: it is also Medina, the city itself)
# places whose name is also a common word, kept only where the text names their country: "سيول جارفة" are floods
_PLACES_NEEDING_THEIR_COUNTRY = {match_form("سيول"): ("كوري",)}


def _common_words_as_places(article: Article) -> None:
    """Drop a place that is a common word here: a definite place head alone (`_ANAPHORIC_PLACES`: "وصلت
    الفرق إلى الولاية" points back to the state named before), or a city named like a common word when the
    text never names its country ("سيول جارفة" are floods, not Seoul)."""
    kept = []
    for m in article.mentions:
        form = match_form(m.text)
        if m.type == "LOC" and (form in _ANAPHORIC_PLACES or (
                form in _PLACES_NEEDING_THEIR_COUNTRY
                and not any(cue in article.text for cue in _PLACES_NEEDING_THEIR_COUNTRY[form]))):
            continue
        kept.append(m)
    if len(kept) != len(article.mentions):
        article.mentions = kept


def repair_mentions(article: Article) -> None:
    """The tagger's mistakes the words around a name correct, within one sentence: a currency after a number
    is an amount's unit (`_amount_units`), a royal name after an institution word names the institution
    (`_namesakes`), a name after a person's title is a person with the first name the tagger missed
    (`_people_after_titles`), a person's name starts after its و/ف/ب/ل (`_name_clitics`) and ends before a
    Latin gloss or the title that follows it (`_name_tails`), and an acronym spelled in letter names is one
    name (`_spelled_acronyms`); a fixed expression like حسن الجوار is no person (`_phrases_not_people`); a name
    cut in two, by the tagger or by finding علي after a first name, is one (`_bodies_before_people`,
    `_names_cut_in_two`). Run by `attach_titles`."""
    _spelled_acronyms(article)
    _common_words_as_places(article)
    _phrases_not_people(article)
    _amount_units(article)
    _fixed_places(article)
    _quoted_works(article)
    _outlets_named_with_origin(article)
    _kind_words_before(article)
    _place_heads_inside_people(article)
    _namesakes(article)
    _bodies_before_people(article)
    _place_first_names(article)
    _name_fronts(article)
    _people_after_titles(article)
    _untagged_after_titles(article)
    _names_after_naming_words(article)
    _names_before_appositions(article)
    _surnames_after_origins(article)
    _places_after_heads(article)
    _places_after_prepositions(article)
    _gazetteer_places(article)
    _countries_whole(article)
    _regions_without_compass(article)
    _places_in_lists(article)
    _agency_credits(article)
    _bodies_to_brackets(article)
    _bodies_of_origin(article)
    _name_clitics(article)
    _club_word_off(article)
    _name_tails(article)
    _origin_surnames(article)
    _ali_names(article)
    _lam_given_names(article)
    _names_cut_in_two(article)
    _people_in_lists(article)
    _stadiums(article)


def drop_date_mentions(article: Article) -> None:
    """A mention inside a date the dates stage found is a month or day name, not a name: the Levantine
    months ("مطلع نيسان المقبل": Nissan the carmaker; تموز, آب, أيار) and the Maghrebi ones (جوان). But a
    lone day name inside a person's name of several words is the name's (أميمة الخميس, a family name), and
    so is the same word alone elsewhere in that article ("وقالت الخميس إن"): those dates go. Runs once
    `article.timexes` is set."""
    people = [(m.start, m.end) for m in article.mentions if m.type == "PER" and " " in m.text.strip()]
    if people and article.timexes:
        # a one-word day name inside a person's name is the name: "الروائية أميمة الخميس" is no Thursday
        surnames = {match_form(m.text.split()[-1]) for m in article.mentions
                    if m.type == "PER" and " " in m.text.strip()}
        article.timexes = [t for t in article.timexes if " " in t.text.strip() or (
            not any(s <= t.start and t.end <= e and (s, e) != (t.start, t.end) for s, e in people)
            and match_form(t.text) not in surnames)]   # "وقالت الخميس إن": the surname, named in full before
    spans = [(t.start, t.end) for t in article.timexes]
    if spans:
        article.mentions = [m for m in article.mentions
                            if not any(start <= m.start and m.end <= end for start, end in spans)]


def attach_titles(article: Article) -> None:
    """Fill `title` of each PER mention with the role phrase right before the name ("رئيس الوزراء العراقي
    مصطفى الكاظمي", "بالأمين العام لحلف شمال الأطلسي، ينس ستولتينبرغ" -> "الأمين العام لحلف شمال الأطلسي")
    or after it behind a comma ("مصطفى الكاظمي، رئيس الوزراء").

    Before the name, words are gathered back to a punctuation mark, a line break, a stop word (إن, مع, قال,
    ...), another person's name or a word that opens a clause (`_opens_clause`: a word carrying a pronoun,
    وفي, وبحضور, في عهد; a common word after a title closed by an adjective of origin: "رئيس الوزراء الإسرائيلي
    امتصاص الغضب وهاتف الرئيس الفلسطيني"), at most MAX_TITLE_WORDS words unless a chain of heads goes on
    ("سفير خادم الحرمين الشريفين ..."); a naming word right before the name (يدعى) is passed over. The title
    starts at the leftmost title head, unless a later head carries و or ب ("رئيس الجمهورية ورئيس الوزراء
    محمد", "التقى رئيس الوزراء بالأمين العام ينس"), which starts a new noun phrase. A military rank starts a
    title only right before the name (`_rank_alone`: "الفريق بجوار الهداف" is a team), a royal title after an
    institution word names the institution ("مركز الملك سلمان للإغاثة ... الدكتور"), and a common word or a
    body's word right before the name governs it, so no one is titled (`_governs_name`: "تعذر مشاركة أحمد
    زكي", "دار هاربر كولينز"). A leading و/ب is not part of the title. Only a title the text states is kept;
    a mention with none keeps `title` as it was.

    Measured on a hand-judged sample (evaluation/titles.py: SaudiNewsNet and 50 unseen Omani culture articles).
    """
    repair_mentions(article)
    named_bodies(article)
    add_institutions(article)
    _add_country_bodies(article)
    _named_sites(article)
    sports_clubs(article)
    _unions_with_their_sport(article)
    _dates_and_names(article)
    text = article.text
    people = sorted((m.start, m.end) for m in article.mentions if m.type == "PER")
    bodies = [(m.start, m.end) for m in article.mentions if m.type in ("ORG", "LOC")]
    starts = [s for s, _ in people]
    for mention in article.mentions:
        if mention.type != "PER" or mention.title:
            continue
        near = people[max(0, bisect_left(starts, mention.start - 2 * _WINDOW)):
                      bisect_right(starts, mention.end + _WINDOW)]
        others = [(s, e) for s, e in near if (s, e) != (mention.start, mention.end)]
        title = _title_before(text, mention, others)
        if title is None or " " not in title.strip():
            # "الدكتور خالد عبد الغفار، وزير الصحة والسكان،": the office after the name says more than a
            # one-word honorific before it
            title = _title_after(text, mention, others, bodies) or title
        if title:
            mention.title = _without_trailing_honorific(title)


def _dates_and_names(article: Article) -> None:
    """A date and a name that share words, once the repairs have added their names: a name holding a date is
    the name ("مدينة السادس من أكتوبر", "جامعة 6 أكتوبر": the date goes), and so is a date a place's head
    word comes right before; any other name inside a date is the date's ("الانتخابات المقررة في [السادس من
    أكتوبر] المقبل": the Egyptian town of that name, from the gazetteer, goes)."""
    if not article.timexes or not article.mentions:
        return
    text = article.text
    kept_timexes, dropped = [], set()
    for t in article.timexes:
        holders = [m for m in article.mentions if m.start <= t.start and t.end <= m.end
                   and (m.start, m.end) != (t.start, t.end)]
        inside = [k for k, m in enumerate(article.mentions) if t.start <= m.start and m.end <= t.end]
        before = _WORD_BEFORE.search(text, max(0, t.start - 12), t.start)
        headed = before is not None and _word(match_form(before.group(1))) in _PLACE_HEADS
        if holders or (inside and headed):
            continue                            # the name's: no date
        dropped.update(inside)
        kept_timexes.append(t)
    article.timexes = kept_timexes
    if dropped:
        article.mentions = [m for k, m in enumerate(article.mentions) if k not in dropped]


_TRAILING_HONORIFICS = frozenset(_word(w) for w in (
    "الدكتور", "الدكتورة", "د", "المهندس", "المهندسة", "الشيخ", "الشيخة", "الأستاذ", "الأستاذة", "السيد",
    "السيدة", "الحاج", "الحاجة", "الأمير", "الأميرة", "المستشار", "المستشارة", "المحامي", "المحامية"))


def _without_trailing_honorific(title: str) -> str:
    """A role without the honorific that comes between it and the name: "وزير المالية الدكتور ناصر الفهد"
    has the title "وزير المالية". An honorific alone ("الدكتور") stays the title."""
    words = title.split()
    while len(words) > 1 and _word(words[-1].rstrip(".")) in _TRAILING_HONORIFICS:
        words.pop()
    while len(words) > 3 and [_word(w) for w in words[-3:]] == _HIGHNESS:
        del words[-3:]                          # "نائب خادم الحرمين الشريفين صاحب السمو الملكي"
    return " ".join(words) if len(words) < len(title.split()) else title


_HIGHNESS = [_word(w) for w in ("صاحب", "السمو", "الملكي")]


# ---------------------------------------------------------------------------------------------------------
# Per article: chaining partial mentions to full ones

def _after_first_name_title(text: str, start: int) -> bool:
    """"الملك عبدالله", "الأمير فيصل": royals are named by their first name, so a lone name after such a
    title is no one's surname (حدائق الملك عبد الله is not the actress ابتسام عبد الله)."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not found:
        return False
    word = match_form(found.group(1))
    return word in _FIRST_NAME_TITLES or (word[:1] in "وف" and word[1:] in _FIRST_NAME_TITLES)


def _partial_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """A shorter form of the name: its surname, its name with middle parts left out, or the name without its
    first name when that opens with a Mauritanian patronymic (منت اعل for خديجة منت اعل, as بن سلمان for
    محمد بن سلمان) or is a compound surname (أبو الغيط, فان خال, كليتشدار أوغلو). Other two-word tails stay
    apart: "جمال رشيد" in "عبد اللطيف جمال رشيد" names his father."""
    if len(short) >= len(long):
        return False
    if len(short) == 1:
        return parts_match(short[0], long[-1])
    if short[0] in _NAME_PATRONYMICS and long[-len(short):] == short:
        return True
    if len(short) == 2 and long[-2:] == short and (short[0] in _SURNAME_OPENERS or short[1] in _SURNAME_ENDINGS):
        return True                     # a compound surname ("أحمد أبو الغيط" -> "أبو الغيط")
    return person_names_match(short, long)


_PREPOSITIONAL_DEFINITE = re.compile("^[وف]?(?:[بكل]ال|لل)")


def _looks_like_full_name(forms: Counter, text: str) -> bool:
    """Every word after the first of the name's usual form is one news writes in names or too rare to know,
    with no preposition or pronoun attached: a tagger's span run on into the sentence ("تانجشان كبرى",
    "الأفوكادو بالرمان", "دينو ادعاءه") is no full name to give the lone first word."""
    words = max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0].split()
    return all(_person_evidence(w) >= 1 and not _PREPOSITIONAL_DEFINITE.match(match_form(w))
               and not _pronoun_word(w, text) for w in words[1:])


def _lineage_tail(forms: Counter, kept: int) -> bool:
    """What a full name adds after the `kept` parts a shorter form gives is more lineage: family names with
    the article (الجابر الصباح) or بن/آل parts; not a tagger's span run on into the sentence ("سعود الفيصل
    أدهى", "سلمان بن عبدالعزيز آل سعود برقية", "قاسم أمين المولود", "أحمد ياسين المرشد"): an article word
    must be a name word or a nisba and no title head, and other words are not trusted at all, since the
    name-type rates, learnt from the tagger's own spans, may rate run-on words as name words."""
    form = max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0]
    tail = person_parts(match_form(form))[kept:]
    return bool(tail) and all(_is_lineage(p) or (
        strip_article(p) != p and len(p) >= 4 and _word(p) not in _HEADS_BY_FIRST     # "المرشد الروحي"
        and (_person_evidence(p) >= 1 or _gentilic_word(p))) for p in tail)          # "المولود عام 1863"


def _known_by_first_name(part: str, long: tuple[str, ...]) -> bool:
    """A lone first name that is no established Arabic given name stands for the full name it opens, as news
    names footballers and artists (نيمار for نيمار دا سيلفا, تيدروس for تيدروس أدهانوم غيبريسوس); محمد or
    عبدالله alone could be anyone's."""
    return part == long[0] and len(part) >= 4 and not _given_name(part) and not _is_lineage(part)


RETYPED = ("MISC", "ORG", "LOC")   # types the tagger gives a person's bare surname in quotes or headlines


def _retype_people(article: Article) -> None:
    """A MISC, ORG or LOC mention that is exactly a person's full name or surname named in the same article
    becomes PER: taggers read a quoted “الكاظمي” as a title (MISC), a name after بيان as an organisation
    and a foreign surname by its ending (ستولتينبرغ like هامبورغ) as a place; so does a name of two or three
    words, not an organisation, that ends on a surname the article writes alone as a person ("[كريستالينا
    جورجيفا]" a place, "وقالت [جورجيفا]" a person). Left alone when the article's
    people disagree on it (two different men ending in رشيد), and a place news mostly writes as a place
    stays one (أوستن the city beside لويد أوستن the minister)."""
    named = {person_parts(match_form(m.name)) for m in article.mentions if m.type == "PER"}
    full = {parts for parts in named if len(parts) >= 2}
    lone = {parts[0] for parts in named if len(parts) == 1}
    if not named:
        return
    for mention in article.mentions:
        if mention.type not in RETYPED:
            continue
        parts = person_parts(match_form(mention.name))
        if not parts or len(parts) > 3:
            continue
        if mention.type == "LOC" and any(_place_or_org_word(w, True) for w in mention.name.split()):
            continue
        if len(parts) > 1 and parts[-1] in lone and mention.type != "ORG":
            mention.type = "PER"                # "[كريستالينا جورجيفا]" a place, "وقالت [جورجيفا]" a person
            continue
        if (len(parts) == 1 and parts[0] in lone and mention.type == "LOC"
                and (match_form(mention.text),) not in _gazetteer()[0]
                and not any(r in ("LOC2", "LOC3") for r in _rates_of(mention.text))):
            mention.type = "PER"                # "رئيسته ناديا [كالبينو]" a place, "قالت [كالبينو]" a person
            continue
        if len(parts) > 2:
            continue
        fits = [p for p in full if p == parts or (len(parts) == 1 and _partial_of(parts, p))]
        if fits and all(person_names_match(p, q) for p in fits for q in fits):
            mention.type = "PER"


def _subject_verbs() -> frozenset[str]:
    """Finite verbs whose subject follows them: the reporting verbs of quotes.py and the one-word event
    triggers of events.py, with a leading و/ف, in matching form."""
    reporting, triggers = _load("reporting_verbs.json"), _load("event_triggers.json")
    forms = {f for verb in reporting["verbs"] if not verb.get("participle") for f in verb["forms"]}
    forms |= {f for kind in triggers["types"].values() for strength in ("strong", "weak")
              for f in kind.get(strength, ()) if " " not in f}
    words = {match_form(f) for f in forms}
    return frozenset(words | {c + w for w in words for c in "وف"})


_SUBJECT_VERBS = _subject_verbs()
_token_form = lru_cache(maxsize=1 << 18)(match_form)     # a token's matching form, for repairs that scan every token
_KANA = frozenset(match_form(w) for w in ("كان", "وكان", "فكان", "كانت", "وكانت"))
_DATES = _load("dates.json")
_TIME_WORDS = {match_form(w) for key in ("weekdays", "gregorian_months", "hijri_months")
               for names in _DATES[key].values() for w in names}


def _surname_word(word: str) -> bool:
    """A surname that is safe to find alone after a verb: not a time word (وأعلن الخميس is "on Thursday"),
    not a given name (another man may bear it), and a name news writes as one (name-type rate PER2/3), a word
    too rare to be in the news vocabulary (بورفيلك), or a nisba with the article (السوداني, الكاظمي)."""
    key = match_form(word)
    if len(key) < 4 or key in _TIME_WORDS or _word(word) in _GIVEN_NAMES:
        return False
    rates = _rates_of(word)
    return "PER3" in rates or "PER2" in rates or ner.feature_form(word) not in _lexicons().clusters \
        or key.startswith("ال") and key.endswith("ي")


def _surnames_after_verbs(article: Article) -> None:
    """A person's surname the tagger left untagged right after a verb ("بينما تلقى السوداني دعوة", "وأكد
    الشليل") is that person, when the article names him in full: after a finite verb the word is its
    subject, so a nisba cannot be an adjective there. Between كان and قد any surname is the subject, even a
    common word ("وكان الشرع قد أكد", after "الرئيس أحمد الشرع"). The new mention then chains like any
    other."""
    surnames, any_surnames = {}, {}
    for mention in article.mentions:
        words = mention.text.split()
        if mention.type == "PER" and len(words) >= 2 and match_form(words[-1]) not in _TIME_WORDS:
            any_surnames[match_form(words[-1])] = mention
            if _surname_word(words[-1]) or (mention.title and _common_surname(words[-1])):
                surnames[match_form(words[-1])] = mention        # "يعرب القضاة ... وأشار القضاة"
    if not any_surnames:
        return
    covered = sorted((m.start, m.end) for m in article.mentions)
    starts = [s for s, _ in covered]
    tokens = tokenized(article.text).tokens       # shared with the quote and event stages that follow
    if not tokens:
        return
    added = []
    for before, tok, after in zip(tokens, tokens[1:], tokens[2:] + [tokens[-1]]):
        key = _token_form(tok.text)
        if key not in any_surnames:
            continue
        if key in surnames and (_token_form(before.text) in _SUBJECT_VERBS or (
                _token_form(before.text) in _THAT and _token_form(after.text) in _SUBJECT_VERBS)):
            pass                                # "وأكد المنفي", "إن المنفي أكد"
        elif not (_token_form(before.text) in _KANA and _token_form(after.text) == "قد"):
            continue                            # "وكان الشرع قد أكد": a subject whatever the word
        if _inside_mention(covered, starts, tok.start):
            continue
        added.append(Mention(tok.start, tok.end, tok.text, "PER", name=tok.text))
    _add_mentions(article, added)


_THAT = frozenset(match_form(w) for w in ("إن", "أن", "وإن", "وأن", "بأن", "لأن", "فإن"))


def _verb_subjects(tokens: list) -> set[str]:
    """The forms of the words that stand as a verb's subject: right after a finite verb whose subject follows
    it (`_SUBJECT_VERBS`: "وأكد الشليل"), or between إن/أن and such a verb ("إن المنفي أكد")."""
    forms = [_token_form(tok.text) for tok in tokens]
    return ({tok for before, tok in zip(forms, forms[1:]) if before in _SUBJECT_VERBS}
            | {tok for before, tok, after in zip(forms, forms[1:], forms[2:])
               if before in _THAT and after in _SUBJECT_VERBS})


def _cut_surnames(article: Article) -> None:
    """A surname the tagger cut off a name ("[إيهاب] واصف، رئيس شعبة الذهب ... وتوقع واصف أن", "[محمد بن
    عبد العزيز] الخليفي ... وقال الخليفي", "[مار بشارة بطرس] الراعي ... ودعا الراعي"): a person mention
    that ends on a given name (name-type rate PER3, a known given name, an عبد compound), one space before
    a safe surname (`_surname_word`) that the article also writes alone as a verb's subject. The name takes
    the word, and `_surnames_after_verbs` then finds the lone one."""
    text = article.text
    candidates = [m for m in article.mentions
                  if m.type == "PER" and text.startswith(" ", m.end) and _ends_on_given_name(m.text)]
    if not candidates:
        return
    tokens = tokenized(text).tokens
    after_verb = _verb_subjects(tokens)
    starts = {m.start for m in article.mentions}
    for mention in candidates:
        if not after_verb:
            return
        word = _WORD_LETTERS.match(text, mention.end + 1)
        if word is None or word.start() in starts or (word.end() < len(text) and text[word.end()].isalnum()):
            continue
        key = match_form(word.group())
        if key not in after_verb or key in _STOP_WORDS or key in _SUBJECT_VERBS or not (
                _surname_word(word.group()) or (mention.title and _common_surname(word.group()))):
            continue
        _move_end(mention, text, word.end())


def _common_surname(word: str) -> bool:
    """A definite common word that is a family name here (الشعار, القضاة): the caller has seen it right
    after a titled person's given name and alone as a verb's subject elsewhere in the article. Never a word
    news writes in names of any type (الاحساء, الاتفاق: their name-type rates say so), a time word, a title
    or body word, or an adjective of origin."""
    key = match_form(word)
    return (key.startswith("ال") and len(key) >= 5 and key not in _TIME_WORDS and not _rates_of(word)
            and (_word(key),) not in _HEADS
            and (strip_article(_word(key)),) not in _HEADS and not _body_kind(word) and not _gentilic_word(word)
            and ner.TRIGGER_OF.get(strip_article(ner.feature_form(word))) is None)


def _ends_on_given_name(name: str) -> bool:
    """A name whose last part is a given name, so a surname may still follow: "إيهاب", "محمد بن عبد العزيز"."""
    words = name.split()
    if len(words) == 1:
        return "PER3" in _rates_of(name) or _word(name) in _GIVEN_NAMES
    parts = person_parts(match_form(name))
    if not parts:
        return False
    lineage, _, last = parts[-1].rpartition(LINEAGE_MARK)
    if lineage and not lineage.startswith(("بن", "ابن", "بنت")):
        return False                    # "آل سعود": a family name ends the name
    return _given_name(last)           # (not any PER3 word: surnames are PER3 too, "إسماعيل هنية القيادي")


_WITH_PRONOUN = frozenset(match_form("ل" + s) for s in ("ي", "ه", "ها", "هم", "نا", "ك"))


def _pronouns_not_names(article: Article) -> None:
    """A lone "لي" is "to me" ("ثم قال لي إن"), which the tagger reads as the name Lee, unless the article
    names someone with it in a longer name (أنغ لي, لي تشاو شينغ): then the lone word is that person. ("بي"
    is left alone: "اتصل بي" is rarer in news than the company BP.)"""
    full = {part for m in article.mentions if len(m.text.split()) >= 2 for part in map(match_form, m.text.split())}
    article.mentions = [m for m in article.mentions
                        if " " in m.text.strip() or match_form(m.text) not in _WITH_PRONOUN
                        or match_form(m.text) in full]


def document_repairs(article: Article) -> None:
    """The repairs that need the whole article: "لي" (to me) read as a name (`_pronouns_not_names`),
    surnames typed as a place or body that are a person the article names (`_retype_people`), surnames cut
    off a name the article writes alone elsewhere (`_cut_surnames`), and surnames left untagged after a verb
    (`_surnames_after_verbs`)."""
    _pronouns_not_names(article)
    _letters_named_elsewhere(article)
    _speakers_read_as_places(article)
    _retype_people(article)
    _cut_surnames(article)
    _surnames_after_verbs(article)


def _speakers_read_as_places(article: Article) -> None:
    """A one-word "place" right after a verb whose subject follows it, that no list or rate knows as a
    place, is a person the tagger took for a place by its ending: "قالت [كالبينو]", "وأضاف [غوتيريس]".
    Capitals and countries speak too ("قالت واشنطن"): a word of places.json or one news writes as a place
    (LOC2/LOC3) stays a place."""
    tokens = tokenized(article.text).tokens
    after_verb = set()
    for before, tok in zip(tokens, tokens[1:]):
        if _token_form(before.text) in _SUBJECT_VERBS and article.text[before.end:tok.start] == " ":
            after_verb.add(tok.start)
    names, _ = _gazetteer()
    for mention in article.mentions:
        if (mention.type == "LOC" and mention.start in after_verb and " " not in mention.text.strip()
                and (match_form(mention.text),) not in names
                and not any(r in ("LOC2", "LOC3") for r in _rates_of(mention.text))
                and not match_form(mention.text).startswith(("ال", "وال")) and _person_evidence(mention.text) >= 1):
            mention.type = "PER"                # (كالبينو is no ك + ال: the word is unknown whole)


def _letters_named_elsewhere(article: Article) -> None:
    """A letter the clitic cut took from a person's first word goes back when the whole word is a name part
    the article writes elsewhere: "، لولا دا سيلفا،" is Lula, named in full as "لويس إيناسيو لولا دا سيلفا",
    not ل + "ولا" ("and not"). The other way round, a و the tagger left on a name goes when the article
    writes the name without it: "وشهد ولي العهد [وتاكايتشي] ... وقالت [تاكايتشي]"."""
    text = article.text
    inner = {match_form(w) for m in article.mentions if m.type == "PER" for w in m.text.split()[1:]}
    words = Counter(match_form(w) for m in article.mentions if m.type == "PER" for w in m.text.split())
    for mention in article.mentions:
        first = mention.text.split(" ", 1)[0]
        form = match_form(first)
        if (mention.type == "PER" and len(form) > 3 and form[0] == "و" and first[0] == "و"
                and words[form[1:]] and words[form] == 1):
            _move_start(mention, text, mention.start + 1)
            mention.title = None                # "ولي العهد وتاكايتشي": the title before و is the other's
    for mention in article.mentions:
        if mention.type != "PER" or mention.start == 0:
            continue
        before = text[mention.start - 1]
        if before not in "لبكفو" or (mention.start > 1 and text[mention.start - 2].isalpha()):
            continue
        first = mention.text.split(" ", 1)[0]
        if match_form(before + first) in inner and match_form(first) not in inner:
            _move_start(mention, text, mention.start - 1)


def chain_mentions(article: Article) -> None:
    """Point each partial PER mention at the fullest form of the same person in the article by setting its
    `name` (الكاظمي -> مصطفى الكاظمي, ستوليبنبيرج -> يانس ستولينبيرج, محمد السوداني -> محمد شياع السوداني),
    after `_retype_people` has made a surname that the tagger typed MISC, ORG or LOC a person again and
    `_surnames_after_verbs` has found the surnames it missed after a verb.

    Only when unambiguous: every full form the partial one fits must be compatible with every other (so two
    different people ending in رشيد leave رشيد alone). A lone first name is not chained (news refers to people
    by surname), nor a lone name after a royal title (`_after_first_name_title`), and nothing else about the
    mention changes, so offsets stay valid.
    """
    document_repairs(article)
    _chain_bodies(article)
    _chain_generic_bodies(article)
    _bodies_of_the_country(article)
    _place_senses(article)
    _outlet_senses(article)
    people = [m for m in article.mentions if m.type == "PER"]
    parts_of = [person_parts(match_form(m.name)) for m in people]
    full: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    order: dict[tuple[str, ...], int] = {}
    for i, (mention, parts) in enumerate(zip(people, parts_of)):
        if len(parts) >= 2:
            full[parts][mention.name] += 1
            order.setdefault(parts, i)
    if not full:
        return
    for mention, parts in zip(people, parts_of):
        if not parts or (len(parts) == 1 and _after_first_name_title(article.text, mention.start)):
            continue
        fits = sorted((p for p in full if _partial_of(parts, p)), key=order.__getitem__)
        if not fits and len(parts) == 1:        # news names a surname alone; a lone first name only when
            fits = sorted((p for p in full if len(p) >= 2 and _known_by_first_name(parts[0], p)  # no full
                           and _looks_like_full_name(full[p], article.text)), key=order.__getitem__)         # name ends with it
        if not fits and len(parts) >= 2:        # "مشعل الأحمد" after "مشعل الأحمد الجابر الصباح": the name
            fits = sorted((p for p in full if len(p) > len(parts) and p[:len(parts)] == parts   # and its
                           and _lineage_tail(full[p], len(parts))), key=order.__getitem__)     # father's
        if not fits:
            continue
        if any(not (person_names_match(p, q) or _partial_of(p, q) or _partial_of(q, p))
               for n, p in enumerate(fits) for q in fits[n + 1:]):
            continue
        best = max(fits, key=lambda p: (len(p), sum(full[p].values()), -order[p]))
        mention.name = min(full[best].items(), key=lambda kv: (-kv[1], kv[0]))[0]


_MEDIUM_WORDS = frozenset(_word(w) for w in (
    "صحيفة", "جريدة", "قناة", "وكالة", "موقع", "مجلة", "إذاعة", "تلفزيون", "شبكة", "بوابة", "مراسل", "مراسلة",
    "أنباء"))
_NOT_OUTLET_BEFORE = frozenset(_word(w) for w in ("نادي", "فريق", "منتخب", "برنامج", "مسلسل", "فيلم", "كتاب"))
_OPEN_QUOTES, _CLOSE_QUOTES = "«\"“", "»\"”"
_LAST_WORD = re.compile(r"(?<!\S)(\w+)$")


def _outlet_full_names() -> dict[str, str]:
    """outlet id -> the first of its names with two words or more (outlets.json), under which it resolves."""
    out = {}
    for outlet in _load("outlets.json")["outlets"]:
        full = next((n for n in outlet["names"] if len(n.split()) >= 2 and not n.isascii()), None)
        if full:
            out[outlet["id"]] = full
    return out


_OUTLET_FULL_NAMES = _outlet_full_names()


def _medium_word(word: str) -> str | None:
    """صحيفة, لقناة, ومراسل: a word for a news medium, after a possible و/ف and ل/ب; its bare form or None."""
    form = match_form(word)
    for cut in (0, 1, 2):
        if cut and (len(form) - cut < 4 or form[cut - 1] not in "وفلب"):
            break
        if _word(form[cut:]) in _MEDIUM_WORDS:
            return _word(form[cut:])
    return None


def _outlet_senses(article: Article) -> None:
    """Tell a news outlet known by a common word (the paper «الخليج», the agency الأناضول, the paper الرياض)
    from the Gulf, a club or a region of that word: a mention the text names as an outlet -- after a word for
    a medium (صحيفة, وكالة, قناة, مراسل), quoted after ل/ب or such a word, in brackets as a credit, or quoted in
    an article that named it so elsewhere -- is an organisation and is named after the outlet's full name in
    outlets.json ("وكالة الأناضول", "صحيفة الخليج"), which no club or place shares. Without this the type vote
    over one article-insensitive key made the paper and the club (or the agency and the region) one entity.
    A club's, team's or programme's word before the quote keeps it (نادي «الخليج»), and a name that is no
    common word (عكاظ, بي بي سي) stays as written, so its cued and uncued mentions stay one entity."""
    text = article.text
    names = metadata.outlet_names()
    named: set[str] = set()
    later = []
    for mention in article.mentions:
        words = match_form(mention.name).split()
        medium = _medium_word(words[0]) if len(words) >= 2 else None
        itself = medium is not None
        bare = words[1:] if itself else words
        before = text[max(0, mention.start - 30):mention.start]
        found = _LAST_WORD.search(before.rstrip(" \t" + _OPEN_QUOTES + "ـ"))
        word = found.group(1) if found else ""
        if _word(word) in _NOT_OUTLET_BEFORE:
            continue
        medium = medium or _medium_word(word)
        # "قناة الجزيرة" is the Qatari channel, "صحيفة الجزيرة" the Saudi paper: the medium word decides first
        outlet = (names.get(metadata.line_key(medium + " " + " ".join(bare))) if medium else None) \
            or names.get(metadata.line_key(" ".join(bare)))
        if outlet is None or outlet not in _OUTLET_FULL_NAMES or not (itself or bare[0].startswith("ال")):
            continue                            # عكاظ, بي بي سي: no other thing of that name to keep apart
        quoted = before.rstrip()[-1:] in _OPEN_QUOTES and text[mention.end:mention.end + 1] in _CLOSE_QUOTES
        bracketed = before.endswith(("(", "（")) and text[mention.end:mention.end + 1] in ")）"
        clitic = quoted and re.search(r"(?<![^\W\d_])[لب]ـ?\s*[«\"“]\s*$", before) is not None
        if medium or clitic or bracketed:
            named.add(outlet)
            mention.type, mention.name = "ORG", _OUTLET_FULL_NAMES[outlet]
        elif quoted:
            later.append((mention, outlet))
    for mention, outlet in later:
        if outlet in named:
            mention.type, mention.name = "ORG", _OUTLET_FULL_NAMES[outlet]


_PLACE_SENSES = _load("place_senses.json")["places"]
_SENSE_NAMES = frozenset(sense["name"] for place in _PLACE_SENSES for sense in place["senses"])


def _phrase_count(normal_text: str, phrase: str) -> int:
    return len(re.findall(r"(?<!\S)" + re.escape(match_form(phrase)) + r"(?!\S)", normal_text))


def _place_senses(article: Article) -> None:
    """Tell apart places written alike (عمان: Oman or Amman; `place_senses.json`) by naming each mention after
    its sense: a settling word right before it ("سلطنة عمان", "العاصمة الأردنية عمان"), else the sense the
    article's other words point to (مسقط, العماني / الأردن, بترا, عمّان with its shadda). Undecided mentions keep
    the bare name. Without this, Jordan's capital and the Sultanate were one entity across the store."""
    text = article.text
    normal_text = None
    for place in _PLACE_SENSES:
        key = match_form(place["written"])
        hits = [m for m in article.mentions if match_form(m.name) == key]
        if not hits:
            continue
        if normal_text is None:
            normal_text = match_form(text)
        votes = [sum(_phrase_count(normal_text, cue) for cue in sense["cues"])
                 + sum(text.count(cue) for cue in sense.get("written_cues", ())) for sense in place["senses"]]
        top = max(votes)
        chosen = place["senses"][votes.index(top)] if top and votes.count(top) == 1 else None
        for mention in hits:
            before = match_form(text[max(0, mention.start - 40):mention.start])
            settled = next((sense for sense in place["senses"] for word in sense["before"]
                            if before == match_form(word) or before.endswith(" " + match_form(word))), None)
            sense = settled or chosen
            if sense is not None:
                mention.name = sense["name"]


def _chain_bodies(article: Article) -> None:
    """Point an organisation's one-word proper name at its full name in the same article when the full name
    only adds adjectives of origin and only one full name fits: أرامكو -> أرامكو السعودية, بوينغ -> بوينغ
    الأمريكية. A name of several words or with the article may be a body of its own that a branch abroad
    takes with an adjective (حزب الله, حزب الله العراقي), and two full names ("حماس الفلسطينية" and another)
    leave the short one alone."""
    bodies = [m for m in article.mentions if m.type == "ORG"]
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for m in bodies:
        forms[tuple(match_form(m.name).split())][m.name] += 1
    for m in bodies:
        key = tuple(match_form(m.name).split())
        fits = [k for k in forms if len(k) > len(key) and k[:len(key)] == key
                and all(_origin_adjective(w) for w in k[len(key):])]
        if len(key) == 1 and not key[0].startswith("ال") and len(fits) == 1:
            m.name = min(forms[fits[0]].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            continue
        # "الاتحاد الآسيوي" in a story that also names "الاتحاد الآسيوي لكرة القدم": the one federation (but
        # a listed body is its own: "الاتحاد الأوروبي" is not UEFA)
        sports = [k for k in forms if key and len(k) > len(key) and k[:len(key)] == key and _word(key[0]) in _UNION_WORDS
                  and _SPORT_AFTER.fullmatch(" " + " ".join(next(iter(forms[k])).split()[len(key):]))]
        if len(sports) == 1 and " ".join(key) not in _known_body_forms():
            m.name = min(forms[sports[0]].items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _generic_body(words: list[str]) -> bool:
    """A state body's kind with nothing of its own: a head (بنك, مصرف, وزارة, مجلس) and words with the
    article that name no place (البنك المركزي, المصرف المركزي, وزارة الخارجية) -- every country has one."""
    return (len(words) >= 2 and _word(words[0]) in _STATE_BODY_HEADS
            and all(w.startswith("ال") and _word(w) not in _STATE_BODY_HEADS and not _origin_adjective(w)
                    and not metadata.is_known_place(w) and "LOC3" not in _rates_of(w) for w in words[1:]))


def _another_nation(full: list[str], home: str | None) -> bool:
    """The full name says it is another country's body than the article's (`home`, `article_nation`):
    "مجلس الوزراء القطري" named once in a long Saudi report, whose bare mentions are not that body's."""
    nations = {n for n in (_nation_word(match_form(w)) for w in full) if n}
    return bool(nations) and home is not None and home not in nations


def _chain_generic_bodies(article: Article) -> None:
    """Point a state body's generic name (البنك المركزي, المصرف المركزي) at the one body of that kind the
    article names in full: its words with a place or an adjective of origin added (البنك المركزي المصري, مصرف
    سوريا المركزي), unless that name is another country's than the article's. Within the article only: across
    the store a generic name left as it is goes to `_bodies_of_the_country`, since every country has a central
    bank. Two full names of that kind (the Egyptian and the European central bank) leave it alone."""
    bodies = [m for m in article.mentions if m.type == "ORG"]
    if len(bodies) < 2:
        return
    home = lru_cache(maxsize=1)(lambda: article_nation(article))     # asked only when a full name fits
    places = {_loose(match_form(m.name)) for m in article.mentions if m.type == "LOC"}
    people_at = {m.start for m in article.mentions if m.type == "PER"}
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for m in bodies:
        if m.end + 1 in people_at and article.text[m.end:m.end + 1] == " ":
            continue                # "ورشح الاتحاد القاري الأرجنتيني ميسي": the adjective is the player's
        forms[tuple(_loose(match_form(m.name)).split())][m.name] += 1

    def added(word: str, written: str) -> bool:
        return (word in places or _origin_adjective(written) or metadata.is_known_place(written)
                or "LOC3" in _rates_of(written))

    for m in bodies:
        written = match_form(m.name).split()
        key = tuple(_loose(" ".join(written)).split())
        if not _generic_body(written):
            continue
        fits = []
        for full, surfaces in forms.items():
            if len(full) <= len(key) or full[0] != key[0]:
                continue
            full_written = match_form(next(iter(surfaces))).split()
            rest, k = [], 0
            for word, w in zip(full, full_written):
                if k < len(key) and word == key[k]:
                    k += 1
                else:
                    rest.append((word, w))
            if k == len(key) and rest and all(added(word, w) for word, w in rest):
                fits.append(full)
        if len(fits) == 1 and not _another_nation(next(iter(forms[fits[0]])).split(), home()):
            m.name = min(forms[fits[0]].items(), key=lambda kv: (-kv[1], kv[0]))[0]


# ---------------------------------------------------------------------------------------------------------
# Additive statistics

_PAREN_AFTER = re.compile(r"\s*[(（]\s*([^()（）\n]{1,60}?)\s*[)）]")
_NOT_ACRONYM = re.compile(r"\d|(?:^| )\w(?: |$)")     # numbers and one-letter words are not names


def acronym_pairs(article: Article) -> list[tuple[str, str]]:
    """(long form key, short form key) for each "LONG FORM (ACRONYM)" (or "ACRONYM (LONG FORM)") written
    after an ORG mention: "حلف شمال الاطلنطي (ناتو)" -> ("حلف شمال الاطلنطي", "ناتو")."""
    return [(long, short) for long, short, _ in _acronym_sightings(article)]


def acronym_evidence(article: Article) -> Counter:
    """The article's acronym pairs, each counted 1, or ACRONYM_EVIDENCE when the tagger itself read the form
    in brackets as an organisation: "شركة كوريا للطاقة الكهربائية (كيبكو)" with كيبكو tagged ORG pairs the two
    on its own, while a stray bracket ("(نيسان)" after a long span, a word of the sentence) is seldom an
    organisation and waits for another article. Not when the short form is a body's kind ("(المنظمة)",
    "(البرلمان)": a word for any body) or an agency, which brackets credit after any name ("(واس)"), unless
    the long form is that agency's own name (`_agency_expanded`: "وكالة الأنباء الكويتية (كونا)")."""
    evidence: Counter = Counter()
    for long, short, tagged in _acronym_sightings(article):
        sure = tagged and _word(short) not in _BODY_WORDS and not metadata.is_agency(short)
        evidence[(long, short)] += ACRONYM_EVIDENCE if sure or _agency_expanded(long, short) else 1
    return evidence


def _agency_expanded(long: str, short: str) -> bool:
    """An agency's acronym in brackets after its own full name, "وكالة الأنباء الكويتية (كونا)": not a credit
    after someone else's name, since the outlet list knows both as one agency (or the long form is itself
    named an agency: وكالة ...)."""
    if not metadata.is_agency(short):
        return False
    names = metadata.outlet_names()
    outlet = names.get(metadata.line_key(short))
    return (outlet is not None and names.get(metadata.line_key(long)) == outlet) or _word(long.split()[0]) == _word("وكالة")


def _acronym_sightings(article: Article) -> list[tuple[str, str, bool]]:
    """(long form key, short form key, whether the bracketed form is an ORG mention of its own)."""
    pairs = []
    for mention in article.mentions:
        if mention.type != "ORG":
            continue
        found = _PAREN_AFTER.match(article.text, mention.end)
        if not found:
            continue
        outer, inner = match_form(mention.name), match_form(found.group(1))
        if not outer or not inner or outer == inner or _NOT_ACRONYM.search(outer) or _NOT_ACRONYM.search(inner):
            continue
        tagged = _bracketed_org(article, mention.end) is not None
        n_outer, n_inner = len(outer.split()), len(inner.split())
        if n_inner == 1 and 2 <= n_outer <= MAX_KEY_WORDS:
            pairs.append((outer, inner, tagged))
        elif n_outer == 1 and 2 <= n_inner <= MAX_KEY_WORDS:
            pairs.append((inner, outer, tagged))
    return pairs


@dataclass
class NameCount:
    """What the corpus says about one (type, matching key): how often, written how, with which titles."""

    mentions: int = 0
    surfaces: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)


@dataclass
class NameStats:
    """Additive name statistics: `add` two and resolve, or resolve the union, and get the same entities.

    `names` maps (mention type, `match_form` of Mention.name) to its counts; `acronyms` counts the evidence
    (`acronym_evidence`) for (long form key, short form key) pairs. `as_dict`/`from_dict` give a JSON-safe form
    for the store.
    """

    names: dict[tuple[str, str], NameCount] = field(default_factory=dict)
    acronyms: Counter = field(default_factory=Counter)

    def add_article(self, article: Article) -> None:
        for mention in article.mentions:
            key = match_form(mention.name)
            if not key or len(key) > MAX_KEY_CHARS or len(key.split()) > MAX_KEY_WORDS:
                continue
            count = self.names.setdefault((mention.type, key), NameCount())
            count.mentions += 1
            # "للعراق" gives the mention "لعراق" (its offsets cannot hold the alef the ل swallowed) and the
            # name "العراق": the name is the form the outlet wrote, the mention text is not.
            restored = mention.name == "ا" + mention.text
            if mention.name in _SENSE_NAMES:
                # a place told apart from its namesake ("عمّان", "سلطنة عمان"): the sense's name is how to show
                # it, and the outlet's own spelling is an alias when it differs by more than diacritics
                count.surfaces[mention.name] += 1
                if match_form(mention.name) != match_form(mention.text):
                    count.surfaces[mention.text] += 1
            else:
                count.surfaces[mention.name if restored else mention.text] += 1
            if mention.title:
                count.titles[mention.title] += 1
        self.acronyms.update(acronym_evidence(article))

    def add(self, other: NameStats) -> None:
        for name, theirs in other.names.items():
            ours = self.names.setdefault(name, NameCount())
            ours.mentions += theirs.mentions
            ours.surfaces.update(theirs.surfaces)
            ours.titles.update(theirs.titles)
        self.acronyms.update(other.acronyms)

    def as_dict(self) -> dict:
        return {
            "names": [[t, k, c.mentions, dict(c.surfaces), dict(c.titles)]
                      for (t, k), c in sorted(self.names.items())],
            "acronyms": [[a, b, n] for (a, b), n in sorted(self.acronyms.items())],
        }

    @classmethod
    def from_dict(cls, data: dict) -> NameStats:
        try:
            stats = cls()
            for t, k, n, surfaces, titles in data.get("names", []):
                stats.names[(str(t), str(k))] = NameCount(int(n), Counter(surfaces), Counter(titles))
            for a, b, n in data.get("acronyms", []):
                stats.acronyms[(str(a), str(b))] += int(n)
            return stats
        except (TypeError, ValueError, AttributeError) as exc:
            raise NameStatsError(f"malformed name statistics: {exc}") from exc


def collect_names(articles: Iterable[Article]) -> NameStats:
    """The additive statistics of some articles (run `attach_titles` and `chain_mentions` first)."""
    stats = NameStats()
    for article in articles:
        stats.add_article(article)
    return stats


# ---------------------------------------------------------------------------------------------------------
# Resolution

@dataclass
class _Form:
    """All stat keys that share one article-insensitive key, after the type vote."""

    type: str
    loose: str
    mentions: int = 0
    keys: list = field(default_factory=list)
    surfaces: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    parts: tuple = ()

    def take(self, other: _Form) -> None:
        self.mentions += other.mentions
        self.keys.extend(other.keys)
        _add_counts(self.surfaces, other.surfaces)
        _add_counts(self.titles, other.titles)


@dataclass
class Resolution:
    """Entities and the way back from a mention to its entity id."""

    entities: list[Entity]
    ids: dict[tuple[str, str], str]           # (mention type, match_form(name)) -> entity id
    mention_counts: dict[str, int]            # entity id -> mentions

    surfaces: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, match_form(surface)) -> id

    def entity_of(self, type: str, name: str) -> str | None:
        """The entity id of a mention of `type` named `name` (its `Mention.name`), or None (not seen, or a
        gentilic). Falls back to the same name under another type, then to a surface form that only one
        entity was ever written as (a chained "ستوليبنبيرج" is found through its full name's entity)."""
        key = match_form(name)
        found = self.ids.get((type, key))
        for other in TYPE_ORDER:
            if found is None:
                found = self.ids.get((other, key))
        return found if found is not None else self.surfaces.get((type, key))


def link_mentions(article: Article, resolution: Resolution) -> None:
    """Set `Mention.entity` for every mention of the article (None where no entity applies)."""
    for mention in article.mentions:
        mention.entity = resolution.entity_of(mention.type, mention.name)


def _type_rank(type: str) -> int:
    return TYPE_ORDER.index(type) if type in TYPE_ORDER else len(TYPE_ORDER)


def _vote_types(stats: NameStats) -> list[_Form]:
    """Forms typed by majority of mentions over each article-insensitive key (ties: PER, ORG, LOC, MISC); a seed
    alias is an organisation whatever the tagger said (داعش is often tagged as a person), and a one-word MISC
    takes the type news mostly gives that word (`_news_type`). An organisation or
    place is one form per article-insensitive key (العراق = عراق); a person keeps one form per key, because
    the article can make a family name of a given name (الرشيد is not رشيد)."""
    by_loose: dict[str, dict[str, dict[str, _Form]]] = defaultdict(lambda: defaultdict(dict))
    for (type, key), count in sorted(stats.names.items()):
        loose = _variant_free(_loose(key)) if type != "MISC" else _currency_loose(_loose(key))
        form = by_loose[loose][type].get(key)
        if form is None:
            form = by_loose[loose][type][key] = _Form(type, loose)
        form.mentions += count.mentions
        form.keys.append((type, key))
        _add_counts(form.surfaces, count.surfaces)
        _add_counts(form.titles, count.titles)
    forms = []
    for loose, typed in by_loose.items():
        votes = {t: sum(f.mentions for f in keyed.values()) for t, keyed in typed.items()}
        winner = "ORG" if loose in _SEEDS else min(votes, key=lambda t: (-votes[t], _type_rank(t), t))
        if winner == "MISC" and " " not in loose:
            winner = _news_type({key for keyed in typed.values() for key in keyed}) or winner
        by_key: dict[str, _Form] = {}
        for type in sorted(typed):
            for key, form in sorted(typed[type].items()):
                target = key if winner == "PER" else loose
                if target not in by_key:
                    by_key[target] = _Form(winner, loose)
                by_key[target].take(form)
        forms.extend(by_key[k] for k in sorted(by_key))
    return forms


def _news_type(keys: set[str]) -> str | None:
    """The one type other than MISC that news mostly writes this one word in (its name-type rate is 3: over
    half of its occurrences in 31,030 SaudiNewsNet articles lie inside such names), or None. MISC, the type
    for "nothing else fits", is the tagger's fallback for a place or person it does not know (تبوك in
    "مدير تعليم تبوك", الفيصل), so a corpus-wide majority overrules it."""
    types = {rate[:-1] for key in keys for rate in _rates_of(key) if rate.endswith("3") and rate != "MISC3"}
    return types.pop() if len(types) == 1 else None


_GENTILIC_ENDINGS = ("يون", "يين", "يات", "يه", "ي")


def _gentilic(loose: str, places: set[str]) -> bool:
    """العراقي/العراقية/العراقيين next to العراق, الإيطالي next to إيطاليا: an adjective, not a place."""
    if " " in loose:
        return False
    for ending in _GENTILIC_ENDINGS:
        if loose.endswith(ending) and len(loose) - len(ending) >= 2:
            stem = loose[:-len(ending)]
            for place in {stem, stem + "ا", stem + "يا", stem + "ه", loose + "ا"} & places:
                # سورية is Syria spelled the Syrian way (سوريا), not the adjective: same phonetic key
                if phonetic_key(place) != phonetic_key(loose):
                    return True
    return False


def _people(loose: str) -> bool:
    """A plural nisba (اليونانيون, المسيحيين) names a group of people, not a person or a place."""
    return " " not in loose and loose.endswith(("يون", "يين")) and len(loose) >= 6


@dataclass
class _Cluster:
    leader: _Form
    members: list


def _joins(form: _Form, cluster: _Cluster) -> bool:
    """A multi-part name joins a cluster when it matches the leader and, if it is longer than the leader,
    every other longer member too: محمد السوداني may gather محمد شياع السوداني or محمد علي السوداني, not
    both."""
    leader = cluster.leader.parts
    if not person_names_match(form.parts, leader):
        return False
    return len(form.parts) <= len(leader) or all(
        person_names_match(form.parts, m.parts) for m in cluster.members if len(m.parts) > len(leader))


def _name_ends(parts: tuple[str, ...]) -> list[str]:
    """The parts a shorter form of this name may end on, for blocking: the last, and each part after which
    only lineage follows (سلمان بن عبدالعزيز is how سلمان بن عبدالعزيز آل سعود is written without his
    family name, and `_align` matches the two)."""
    ends = [parts[-1]]
    k = len(parts) - 1
    while k > 1 and _is_lineage(parts[k]):
        ends.append(parts[k - 1])
        k -= 1
    return ends


def _cluster_people(forms: list[_Form]) -> list[_Cluster]:
    by_parts: dict[tuple, _Form] = {}
    for form in forms:
        parts = person_parts(form.keys[0][1])
        if not parts:
            continue
        if parts in by_parts:
            by_parts[parts].take(form)
        else:
            form.parts = parts
            by_parts[parts] = form
    order = sorted(by_parts.values(), key=lambda f: (-f.mentions, -len(f.parts), f.loose, f.keys[0]))
    clusters: list[_Cluster] = []
    index: dict[tuple, list[int]] = defaultdict(list)
    for form in (f for f in order if len(f.parts) >= 2):
        first = skeleton(strip_article(form.parts[0]))[:2]
        keys = [(first, b) for end in _name_ends(form.parts) for b in _blocks(end)] + [_foreign_block(form.parts)]
        candidates = sorted({c for k in keys for c in index.get(k, ())})
        matches = [c for c in candidates if _joins(form, clusters[c])]
        if len(matches) == 1:
            clusters[matches[0]].members.append(form)
            continue
        clusters.append(_Cluster(form, [form]))
        for k in keys:
            index[k].append(len(clusters) - 1)
    clusters = _compound_surnames_home(clusters)
    # A lone word is compared with the distinct last names of the multi-part clusters, not cluster by cluster.
    surname_clusters: dict[str, set[int]] = defaultdict(set)
    surname_blocks: dict[str, set[str]] = defaultdict(set)
    weight = []
    for n, cluster in enumerate(clusters):
        weight.append(sum(f.mentions for f in cluster.members))
        for member in cluster.members:
            surname = member.parts[-1]
            surname_clusters[surname].add(n)
            for b in _blocks(surname):
                surname_blocks[b].add(surname)
    single_index: dict[str, list[int]] = defaultdict(list)
    for form in (f for f in order if len(f.parts) == 1):
        part = form.parts[0]
        surnames = {s for b in _blocks(part) for s in surname_blocks.get(b, ())}
        matches = sorted({c for s in surnames if parts_match(part, s) for c in surname_clusters[s]})
        if matches:
            matches.sort(key=lambda c: (-weight[c], c))
            top, rest = matches[0], sum(weight[c] for c in matches[1:])
            # Evidence from the articles themselves: in-article chaining wrote this lone word as a mention of
            # a full name (its surfaces), so when exactly one candidate was ever written this way, it is him.
            written = {match_form(x) for x in form.surfaces}
            chained = [c for c in matches
                       if any(match_form(x) in written for m in clusters[c].members for x in m.surfaces
                              if len(m.parts) > 1)]
            given = form.mentions if _given_name(part) else 0
            if (len(matches) == 1 and not given) or weight[top] >= DOMINANCE * (rest + given):
                clusters[top].members.append(form)
                continue
            if len(chained) == 1:
                clusters[chained[0]].members.append(form)
                continue
        candidates = sorted({c for b in _blocks(part) for c in single_index.get(b, ())})
        matches = [c for c in candidates if parts_match(part, clusters[c].leader.parts[0], SINGLE_THRESHOLD)]
        if len(matches) == 1:
            clusters[matches[0]].members.append(form)
            continue
        clusters.append(_Cluster(form, [form]))
        for b in _blocks(part):
            single_index[b].append(len(clusters) - 1)
    return clusters


def _compound_surnames_home(clusters: list[_Cluster]) -> list[_Cluster]:
    """A compound surname alone ("كليتشدار أوغلو", "أبو الغيط": `_partial_of`) joins the one cluster of a
    longer name that ends with it; with two such clusters (two men of that family) it stays apart."""
    tails: dict[tuple, set[int]] = defaultdict(set)
    for n, cluster in enumerate(clusters):
        for member in cluster.members:
            if len(member.parts) > 2:
                tails[member.parts[-2:]].add(n)
    gone: set[int] = set()
    for n, cluster in enumerate(clusters):
        parts = cluster.leader.parts
        if len(parts) != 2 or any(m.parts != parts for m in cluster.members):
            continue
        homes = tails.get(parts, set()) - {n} - gone
        if len(homes) != 1:
            continue
        home = homes.pop()
        if _partial_of(parts, clusters[home].leader.parts):
            clusters[home].members.extend(cluster.members)
            gone.add(n)
    return [c for n, c in enumerate(clusters) if n not in gone]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller root wins so the result does not depend on the order of unions
            self.parent[max(ra, rb)] = min(ra, rb)


def _without_proclitics(form: _Form) -> list[str]:
    """The key with a leading و/ف and/or ب/ك/ل taken off its first word, article stripped: وسوريا -> سوريا,
    لإيران -> ايران, وبالعراق -> عراق. For spans a tagger cut with the clitic inside; the bare form must also
    be seen, and more often, before the two are merged (so بغداد never becomes غداد), and a word written with
    the article has no clitic before it (البروسيا is Prussia, not ب + روسيا)."""
    if any(key.startswith("ال") for _, key in form.keys):
        return []
    first, _, rest = form.loose.partition(" ")
    out = []
    k = 1 if first[:1] in ("و", "ف") else 0
    for n in (k, k + 1) if first[k:k + 1] in ("ب", "ك", "ل") else (k,):
        if n and len(first) - n >= 3:
            out.append(" ".join(filter(None, (strip_article(first[n:]), rest))))
    return out


def _company_name(words: list[str], form: _Form, places: set[str]) -> str | None:
    """The distinctive name of a company written with words for what it does after it: إعمار العقارية ->
    إعمار, أرامكو القابضة -> أرامكو. Only a one-word proper name of four letters or more, written without the
    article and naming no place nor a seeded organisation: الاتحاد للطيران is not الاتحاد, قطر للطاقة not قطر,
    and a body's fund or arm (أوبك للتنمية) not the body."""
    n = len(words)
    while n >= 2 and words[n - 1] in _ACTIVITY_WORDS:
        n -= 1
    if n != 1 or n == len(words):
        return None
    name = words[0]
    if (len(name) < 4 or name in places or name in _BODY_WORDS or name in _PLACE_SEEDS or name in _SEEDS
            or any(key.split()[0].startswith(("ال", "لل")) for _, key in form.keys)
            or metadata.is_known_place(name) or "LOC3" in _rates_of(name)):
        return None
    return name


def _cluster_names(forms: list[_Form], acronyms: Counter, use_seeds: bool,
                   place_groups: bool = False, places: frozenset[str] = frozenset()) -> list[tuple[str, list[_Form]]]:
    """Organisations, places and the rest: exact article-insensitive keys, space-free keys (أبو ظبي =
    أبوظبي), seed alias groups, a country's short and full names (`place_groups`: الإمارات = الإمارات العربية
    المتحدة), acronym pairs, generic heads (حلف الناتو = الناتو) and, for single words of FUZZY_MIN_CHARS
    letters or more, the strict single-word similarity. Returns (canonical key, forms)."""
    by_loose = {f.loose: f for f in forms}
    uf = _UnionFind()
    nospace: dict[str, str] = {}
    country: dict[int, str] = {}
    for loose in sorted(by_loose):
        uf.find(loose)
        if place_groups and loose in _PLACE_SEEDS:     # the names join one another, so the place keeps the
            uf.union(country.setdefault(_PLACE_SEEDS[loose], loose), loose)     # id its most used name gives
        other = nospace.setdefault(loose.replace(" ", ""), loose)
        uf.union(other, loose)
        for bare in _without_proclitics(by_loose[loose]):
            if bare in by_loose and by_loose[bare].mentions > by_loose[loose].mentions:
                uf.union(bare, loose)
                break
        if use_seeds and loose in _SEEDS:
            uf.union(f"\x00seed{_SEEDS[loose]:04d}", loose)
    if use_seeds:
        longs: dict[str, Counter] = defaultdict(Counter)
        for (long, short), n in acronyms.items():
            long, short = _variant_free(_loose(long)), _variant_free(_loose(short))
            if long in by_loose and short in by_loose:
                longs[short][long] += n
        for short, counts in sorted(longs.items()):
            (top, n), *rest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            # Seen in two articles at least (a tagger's stray "(نيسان)" after a long span is seen once), three
            # for a seeded organisation, and two seed groups are never joined: "الأمم المتحدة (اليونيسيف)"
            # must not swallow UNICEF into the UN.
            seeded = sum(r.startswith("\x00") for r in {uf.find(top), uf.find(short)})
            if n > sum(m for _, m in rest) and seeded < 2 and n >= ACRONYM_EVIDENCE + seeded:
                uf.union(top, short)
        for loose in sorted(by_loose):
            words = loose.split()
            shorter = []
            while len(words) >= 2 and words[-1] in _DESCRIPTORS:    # داعش الإرهابي = داعش
                words = words[:-1]
                shorter.append(" ".join(words))
            if len(words) >= 2 and words[0] in _GENERIC_HEADS and len(words[1]) >= 3:
                shorter.append(" ".join(words[1:]))                # حلف الناتو = الناتو
            name = _company_name(words, by_loose[loose], places)
            if name:
                shorter.append(name)                               # إعمار العقارية = إعمار
            for rest in shorter:
                if rest in by_loose or rest in _SEEDS:
                    uf.union(loose, rest if rest in by_loose else f"\x00seed{_SEEDS[rest]:04d}")
    groups: dict[str, list[_Form]] = defaultdict(list)
    for loose in sorted(by_loose):
        groups[uf.find(loose)].append(by_loose[loose])
    ordered = sorted(groups.items(), key=lambda kv: (-sum(f.mentions for f in kv[1]), kv[0]))
    leaders: list[list] = []
    index: dict[str, list[int]] = defaultdict(list)
    for root, members in ordered:
        words = [f.loose for f in members if " " not in f.loose and len(f.loose) >= FUZZY_MIN_CHARS]
        seeded = root.startswith("\x00")
        matches = set()
        for word in words:
            for b in _blocks(word):
                for c in index.get(b, ()):
                    lead_root, lead_members, lead_words = leaders[c]
                    if seeded and lead_root.startswith("\x00"):
                        continue
                    if any(parts_match(word, w, SINGLE_THRESHOLD) for w in lead_words):
                        matches.add(c)
        if len(matches) == 1:
            c = matches.pop()
            leaders[c][1].extend(members)
            if seeded:
                leaders[c][0] = root
            continue
        leaders.append([root, list(members), words])
        for word in words:
            for b in _blocks(word):
                index[b].append(len(leaders) - 1)
    result = []
    for root, members, _ in leaders:
        if root.startswith("\x00"):
            canonical = "seed:" + _SEED_CANONICAL[int(root[5:])]
        else:
            canonical = min(members, key=lambda f: (-f.mentions, len(f.loose), f.loose)).loose
        result.append((canonical, members))
    return result


def _surface_words(surface: str, type: str) -> int:
    key = match_form(surface)
    return len(person_parts(key)) if type == "PER" else len(key.split())


def _judged(surface: str) -> bool:
    """Whether a surface form ends with a judging adjective (داعش الإرهابي): not how to name the entity."""
    words = _loose(match_form(surface)).split()
    return len(words) > 1 and words[-1] in _DESCRIPTORS


def _display_name(surfaces: Counter, type: str) -> str:
    """The most complete frequent form: among surfaces seen at least NAME_SHARE as often as the most frequent
    one, the one with most name parts, then the most frequent; hashtag spellings and forms ending with a
    judging adjective only when nothing else. Between equally frequent spellings, the one with fewer words
    ending in ى (the Egyptian way of writing a final ي: ميقاتى for ميقاتي) is shown."""
    top = max(surfaces.values())
    frequent = [s for s, n in surfaces.items() if n >= max(1, NAME_SHARE * top)]
    return min(frequent, key=lambda s: ("_" in s, _judged(s), -_surface_words(s, type), -surfaces[s],
                                        _final_alif_maqsura(s), len(s), s))


def _final_alif_maqsura(surface: str) -> int:
    return sum(1 for word in surface.split() if word.endswith("ى"))


def _top_titles(titles: Counter) -> list[str]:
    groups: dict[str, Counter] = defaultdict(Counter)
    for title, n in titles.items():
        key = _loose(match_form(re.sub(r"\([^()]*\)", " ", title)))
        if key:
            groups[key][title] += n
    ranked = sorted(groups.values(), key=lambda c: (-sum(c.values()), min(c)))
    return [min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for c in ranked[:MAX_TITLES]]


def resolve_entities(stats: NameStats) -> Resolution:
    """Merge the names in `stats` into entities. Deterministic and a pure function of the stats."""
    forms = _vote_types(stats)
    places = {f.loose for f in forms if f.type == "LOC"}
    by_type: dict[str, list[_Form]] = defaultdict(list)
    for form in forms:
        loose = form.loose
        if form.type == "LOC" and _gentilic(loose, places) or form.type in ("PER", "LOC") and _people(loose):
            continue
        by_type[form.type].append(form)
    grouped: list[tuple[str, str, list[_Form]]] = []
    for type in sorted(by_type, key=lambda t: (_type_rank(t), t)):
        if type == "PER":
            for cluster in _cluster_people(by_type[type]):
                grouped.append((type, " ".join(cluster.leader.parts), cluster.members))
        else:
            for canonical, members in _cluster_names(by_type[type], stats.acronyms, type == "ORG", type == "LOC",
                                                     frozenset(places)):
                grouped.append((type, canonical, members))
    entities, ids, counts = [], {}, {}
    surface_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    for type, canonical, members in grouped:
        entity_id = content_id("e", type, canonical)
        surfaces: Counter = Counter()
        titles: Counter = Counter()
        for member in members:
            _add_counts(surfaces, member.surfaces)
            _add_counts(titles, member.titles)
            for key in member.keys:
                ids[key] = entity_id
                for surface in member.surfaces:
                    surface_ids[(key[0], match_form(surface))].add(entity_id)
        name = _display_name(surfaces, type)
        aliases = [s for s, _ in sorted(surfaces.items(), key=lambda kv: (-kv[1], kv[0])) if s != name]
        # Only people have role phrases; titles on a name voted into an organisation were a tagger's mistake.
        entities.append(Entity(entity_id, type, name, aliases, _top_titles(titles) if type == "PER" else []))
        counts[entity_id] = sum(m.mentions for m in members)
    entities.sort(key=lambda e: (-counts[e.id], e.id))
    unique = {k: next(iter(v)) for k, v in surface_ids.items() if len(v) == 1 and k not in ids}
    return Resolution(entities, ids, counts, unique)
