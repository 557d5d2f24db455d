"""Near-duplicates and cross-outlet stories: one event told by many outlets becomes one story.

How it fits together (every step is a pure function of its inputs, so incremental == batch):

1. `story_features(article) -> dict` runs per article, in a worker, before any corpus stage. The dict is
   JSON-ready (the store keeps it as text): the day, the outlet, a TF-IDF vector over the headline and lead,
   blocking keys, normalised entity names and a MinHash signature of the body.
2. `StoryIndex` holds the features of the articles seen so far (rebuild it from stored features with `add`;
   it is never persisted). `story_edges(features, index)` and `duplicate_edges(features, index)` compare a
   new article with the candidates blocking finds — never with every stored article — and return the pairs
   that pass. Call them BEFORE `index.add(features)`, so each pair is scored once, whatever the order.
3. `group_stories(article_dates, edges)` and `canonical_duplicates(article_dates, edges)` turn all the
   edges found so far into stories and duplicate links. They are cheap (union-find over the edges), so the
   caller re-runs them over every stored edge after each batch.

The pipeline's corpus stage, after each batch (features come from the store as JSON dicts):

    index = StoryIndex()
    for f in stored_features_of_earlier_articles: index.add(f)
    for f in features_of_new_articles:          # any order: the result is the same
        new_story_edges += story_edges(f, index)
        new_dup_edges += duplicate_edges(f, index)
        index.add(f)
    # persist the new edges next to the old ones, then over ALL edges and ALL article ids:
    story_of = group_stories({id: published for every article}, all_story_edges)
    duplicate_of = canonical_duplicates({id: published for every article}, all_dup_edges)
    story = build_story(story_id, its_articles)  # for each story whose membership changed

Why the result does not depend on arrival order: whether a pair is compared depends only on the two
articles (they share blocking keys or an LSH band, and their dates are compatible); its score depends only
on the two feature dicts (term rarity comes from a fixed table, `marsad/data/story_idf.tsv`, not from the
corpus seen so far); and the grouping processes the edge set in one canonical order. `cluster_articles`
does the whole thing in batch for scripts and tests.

Undated articles (published None, or coarser than a month): compared with any dated article that shares
blocking keys, but joined to it only at the stricter `UNDATED_THRESHOLD` (a near-copy or a clearly retold
event), and they never widen a story's date span. This keeps them findable without letting an undated
article glue a 2021 story to a 2025 one.

Near-duplicate threshold, measured on SaudiNewsNet (31,030 articles): LSH candidate pairs by estimated
Jaccard of word 3-shingles: 0.3: 18, 0.4: 110, 0.5: 401, 0.6: 1,049, 0.7: 1,710, 0.8: 2,242, 0.9: 2,469,
1.0: 1,877. Pairs sampled below 0.7 include one template filled for different events (the King's cables
to different presidents, executions in different regions: 0.54-0.67) next to true rewrites; every pair
sampled at 0.7 and above was one wire text (often under different headlines). Hence DUP_THRESHOLD = 0.7.
With it, 534 of the 552 exact copies in the 543 exact-copy groups are linked to their group's canonical
article; the 18 missed are 1-3 word bodies (bylines such as a bare name), below MIN_SHINGLES on purpose.
"""
from __future__ import annotations

import base64
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH
from rapidfuzz.fuzz import ratio

from . import MarsadError, summarise
from .arabic import split_sentences, strip_diacritics
from .entities import is_currency, skeleton
from .lexicon import normal
from .metadata import is_known_place, line_key, outlet_names
from .records import Article, Story, content_id

IDF_TABLE = Path(__file__).parent / "data" / "story_idf.tsv"

# -- terms ------------------------------------------------------------------------------------------------
DOC_TOKENS = 300          # typical article length: turns a word's corpus frequency into a document frequency
NUMBER_IDF = 4.0          # a number: the table has no per-number frequencies; medium weight (years, counts)
UNKNOWN_ZIPF = 2.0        # a key missing from the table (all keys below Zipf 2.5 are left out) counts as this rare
LEAD_TOKENS = 200         # headline + this many body words make the story vector: the lead says what happened
TITLE_WEIGHT = 2          # a headline word counts as two body words
MAX_TERMS = 60            # terms kept per vector (by weight): bounds memory and pair cost
BLOCK_KEYS = 10           # heaviest rare terms used as blocking keys
MIN_BLOCK_IDF = 4.0       # ... rare enough to block on (idf 4 ~ a word in 2% of articles)
MIN_SHARED_KEYS = 2       # a pair is compared when it shares this many blocking keys (or an LSH band)

# -- dates --------------------------------------------------------------------------------------------------
DATE_WINDOW_DAYS = 3      # two tellings of one event are published within days of each other
MAX_STORY_DAYS = 7        # a story's dated articles span at most this many days (anti-chaining guard)

# -- entities -------------------------------------------------------------------------------------------------
MAX_ENTITIES = 20
ENTITY_WEIGHT = 0.3       # share of the pair score given to shared entities when both articles have some
ENTITY_MIN = 3            # overlap is matched / max(smaller set, ENTITY_MIN): one shared country is weak
NAME_SIMILARITY = 80      # rapidfuzz ratio for two spellings of one name (ستولتينبرغ / ستولينبيرج)
MEETING_KINDS = {"meeting": "meet", "visit": "meet", "call": "call"}   # events whose people say which event it is
MAX_MEETINGS = 10         # people pairs kept per article
MEETING_BONUS = 0.2       # added to the pair score when both articles tell two same people meeting. On the
                          # first 8,000 SaudiNewsNet articles: 92 more edges (6,758 -> 6,850); of 85 distinct
                          # headline pairs about 65 are one event or one visit (a guest's talks with the king
                          # and the crown prince), 10 borderline, 10 wrong (a guest's interview that day)
MEETING_KEY_LETTERS = 3   # a met person's blocking key: this much of the skeleton of his last name

# -- decisions ----------------------------------------------------------------------------------------------
TITLE_SHARE = 0.4         # share of the text score from headline-to-headline cosine (when both have one)
DAY_FACTOR = (1.0, 0.95, 0.85, 0.75)   # score multiplier by days apart (0..DATE_WINDOW_DAYS): retellings
                                       # come within a day or two; the same daily topic days later is news
STORY_THRESHOLD = 0.45    # pair score for "same event": on SaudiNewsNet with entities, 13/15 sampled pairs
                          # scoring 0.46-0.50 were one event, 7/15 at 0.42-0.46 (evaluation/stories_handcheck.md)
UNDATED_THRESHOLD = 0.55  # stricter bar when either article has no usable date
MERGE_DENSITY = 0.35      # a merge needs edges between >= 35% of the article pairs across the two groups

# -- near-duplicates ----------------------------------------------------------------------------------------
NUM_PERM = 128
MINHASH_SCHEME = "affine32"   # datasketch 2's default scheme, named so stored signatures stay comparable
SHINGLE = 3               # word 3-grams of the normalised body
MIN_SHINGLES = 8          # shorter bodies are too small to call a copy
DUP_THRESHOLD = 0.7       # estimated Jaccard of shingle sets for "same text" (evidence in the module docstring)
LSH_THRESHOLD = 0.6       # LSH band set-up: catch pairs a bit below DUP_THRESHOLD, verify with the estimate

_ARTICLE = re.compile(r"^[وف]?[بك]?ال(..+)$")
_LIL = re.compile(r"^[وف]?لل(..+)$")
_KEYABLE = re.compile(r"^[0-9a-z\u0621-\u064a]+$")
_ARABIC_START = re.compile(r"^[\u0621-\u064a]")
_GLUED_NUMBER = re.compile(r"^[وفبكل]{1,2}(?:ال)?(\d+)$")


class ClusterError(MarsadError):
    """Story clustering cannot run (its bundled IDF table is missing or unreadable)."""


def article_key(word: str) -> str:
    """Drop a definite article and the clitics before it: والعراق, بالعراق, العراق -> عراق; للناتو -> ناتو.
    Deterministic, so the IDF table builder and the clusterer agree."""
    m = _ARTICLE.match(word) or _LIL.match(word)
    return m.group(1) if m else word


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    try:
        lines = IDF_TABLE.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ClusterError(f"story IDF table unreadable: {exc}") from exc
    table = {}
    for line in lines:
        if line and not line.startswith("#"):
            key, _, zipf = line.partition("\t")
            table[key] = float(zipf)
    return table


@lru_cache(maxsize=200_000)
def term_key(word: str) -> str | None:
    """The matching key of one word, or None for punctuation. Normalised (`normalize_for_matching`), the
    definite article dropped, and a leading و/ف/ب/ك/ل dropped only when the table says the rest is the more
    common word (وقال -> قال but وزير, بغداد, لبنان stay): a lexicon decides what a surface rule cannot.
    An unknown word starting with و/ف loses it (names: وستولتنبرغ -> ستولتنبرغ). A word the table does not
    know (a rare name, mostly transliterated) is keyed by its consonant skeleton, so that two outlets'
    spellings of one name meet: زيلينسكي / زيلنسكى, بلينكن / بلينكين (`_rare_key`)."""
    w = normal_word(word)
    if not _KEYABLE.match(w):
        return None
    if _GLUED_NUMBER.match(w):                  # "بـ12", "و2025": the number, not a rare word
        return _GLUED_NUMBER.match(w).group(1)
    key = article_key(w)
    if key != w or len(w) < 4 or not _ARABIC_START.match(w) or w[0] not in "وفبكل":
        return _rare_key(key)
    table = _zipf_table()
    best, best_zipf = w, table.get(w, -1.0)
    rests = [w[1:]]
    if w[0] in "وف" and w[1] in "بكل" and len(w) >= 5:
        rests.append(w[2:])
    for rest in rests:
        z = table.get(rest, -1.0)
        if z > best_zipf:
            best, best_zipf = rest, z
    if best_zipf < 0 and w[0] in "وف" and len(w) >= 5:
        return _rare_key(w[1:])
    return _rare_key(best)


SKELETON_MIN = 4          # letters a rare word's skeleton needs to stand for it (shorter ones collide)


def _rare_key(key: str) -> str:
    """A key the IDF table lacks, as "~" + its consonant skeleton (`entities.skeleton`: the phonetic key
    without long vowels); a known word, a number or a short or non-Arabic word as it is. On SaudiNewsNet
    this adds 151 same-story pairs to 32,913 and drops 16; of 25 added pairs read, 19 were one event, 3
    borderline (one topic on two days) and 3 not (two template cables, two Chelsea stories a day apart)."""
    if key.isdigit() or not _ARABIC_START.match(key) or key in _zipf_table():
        return key
    bare = skeleton(key)
    return "~" + bare if len(bare) >= SKELETON_MIN else key


@lru_cache(maxsize=200_000)
def term_idf(key: str) -> float:
    """How rare a key is, as -log P(an article of DOC_TOKENS words contains it), from its Zipf frequency.
    Common words (في, قال, السعودية) weigh ~0-2, rare names ~10, numbers NUMBER_IDF."""
    if key.isdigit():
        return NUMBER_IDF
    zipf = _zipf_table().get(key, UNKNOWN_ZIPF)
    per_word = 10 ** (zipf - 9)
    p_doc = -math.expm1(-DOC_TOKENS * per_word)
    return -math.log(max(p_doc, 1e-12))


_WORD = re.compile(r"[^\W_]+")   # a word once diacritics are gone (\w does not cover harakat)


def _words(text: str, limit: int | None = None) -> list[str]:
    """The first `limit` words (all when None), diacritics removed first so that مُحَمَّد stays one word.
    Stops scanning early, so a 50,000-character body costs little more than its lead."""
    text = strip_diacritics(text)
    if limit is None:
        return _WORD.findall(text)
    words = []
    for m in _WORD.finditer(text):
        words.append(m.group())
        if len(words) >= limit:
            break
    return words


# normalize_for_matching of one word, cached (summarise.py uses it too). The cache is the one the word lists
# of quotes and events use (lexicon.normal): a word new to a worker is normalised once for all its stages.
normal_word = normal


def story_vector(title: str | None, text: str, lead_tokens: int = LEAD_TOKENS) -> dict[str, float]:
    """L2-normalised TF-IDF (sublinear tf) over the headline (counted TITLE_WEIGHT times) and the lead,
    keeping the MAX_TERMS heaviest terms. Also used by summarise.py for sentences."""
    return words_vector(_words(title or ""), _words(text, lead_tokens))


def words_vector(title_words: list[str], words: list[str]) -> dict[str, float]:
    """`story_vector` of words already split (`_words`): for a caller that needs the words for something
    else too (the body signature, a summary sentence's key), so the text is split once."""
    tf = Counter(map(term_key, words))
    for key in map(term_key, title_words):
        tf[key] += TITLE_WEIGHT
    tf.pop(None, None)                          # punctuation and empty words have no key
    tf.pop("", None)
    log = math.log
    # heaviest first, ties by term: (-weight, term) sorts that way with no key function. A term seen once
    # weighs its idf: (1 + log 1) * idf is exactly idf, and most terms of a sentence are seen once.
    order = sorted([(-term_idf(k) if n == 1 else -(1 + log(n)) * term_idf(k), k) for k, n in tf.items()])
    if len(order) > MAX_TERMS:
        del order[MAX_TERMS:]
    norm = math.sqrt(sum([w * w for w, _ in order]))
    if norm == 0:
        return {}
    return {k: round(-w / norm, 5) for w, k in order if w < 0}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(a[k] * b[k] for k in a.keys() & b.keys())


def entity_names(article: Article) -> list[str]:
    """Normalised names of the article's mentions, most frequent first (at most MAX_ENTITIES), sorted.
    Names, not entity ids: ids can change when more data arrives, a pair's decision must not."""
    counts: Counter[str] = Counter()
    for m in article.mentions:
        if _not_story_cast(m.name or m.text, m.type):
            continue
        name = _entity_name(m.name or m.text)
        if len(name) >= 2:
            counts[name] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ENTITIES]
    return sorted(name for name, _ in top)


def meeting_pairs(article: Article) -> list[str]:
    """"kind|name|name" for every two people the article says met (kind "meet": a meeting or visit event
    with both among its participants; "call": a phone call), names as `entity_names` has them, the first
    of a pair in sorted order; at most MAX_MEETINGS.

    Why: outlets retell one meeting from different angles (one leads with what the host said, another
    with the guest's statement, a third with the talks' agenda), so their words share little, but the two
    people who met and the days agree; two different meetings of the same two people within
    DATE_WINDOW_DAYS are rare. Organisations and places do not count: "the prime minister met NATO's"
    mission, envoy and secretary-general are different meetings."""
    pairs: set[str] = set()
    headline: set[str] | None = None
    for event in article.events:
        kind = MEETING_KINDS.get(event.type)
        if kind is None:
            continue
        people = sorted({_entity_name(m.name or m.text) for i in event.participant_mentions
                         if 0 <= i < len(article.mentions) and (m := article.mentions[i]).type == "PER"})
        people = [p for p in people if len(p) >= 3]
        if len(people) < 2:
            continue
        if headline is None:
            headline = _headline_words(article)
        pairs.update(f"{kind}|{a}|{b}" for n, a in enumerate(people) for b in people[n + 1:]
                     if _named_in(a, headline) or _named_in(b, headline))
    return sorted(pairs)[:MAX_MEETINGS]


def _headline_words(article: Article) -> set[str]:
    """The compared forms (`_entity_name`) of the words of the headline and the first sentence: the
    article's own news is told there."""
    spans = split_sentences(article.text)
    lead = article.text[spans[0][0]:spans[0][1]] if spans else ""
    return set(_entity_name(" ".join(_words(f"{article.title or ''} {lead}"))).split())


_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "عبد", "ابو", "ال"})


def _named_in(person: str, words: set[str]) -> bool:
    """Whether a word of a person's name (not بن, عبد ...) is among `words`: a meeting the headline or the
    lead names is the article's news; one of its background paragraphs is not ("... had visited Tehran
    last week" in a piece on the nuclear deal)."""
    return any(part in words for part in person.split() if part not in _NAME_LINKS and len(part) >= 3)


def meeting_key(name: str) -> str:
    """A blocking key for a person who met someone: the opening letters of his last name's consonant
    skeleton, loose enough that outlets' spellings meet (ستولتينبرغ, ستولينبيرج -> "m:STل"); the score
    then checks the names with `_same_name`."""
    skeletons = [skeleton(word) for word in name.split()]
    last = next((k for k in reversed(skeletons) if len(k) >= 2), "".join(skeletons))   # "دي مايو": مايو is م
    return "m:" + last[:MEETING_KEY_LETTERS]


def same_meeting(a: list[str], b: list[str]) -> bool:
    """Whether two articles' `meeting_pairs` share a pair of people of the same kind (a call is not the
    meeting of the next day), allowing spelling variants."""
    for pair in a:
        kind, x, y = pair.split("|")
        for other in b:
            other_kind, u, v = other.split("|")
            if kind == other_kind and (_same_person(x, u) and _same_person(y, v)) or (_same_person(x, v) and _same_person(y, u)):
                return True
    return False


def _same_person(a: str, b: str) -> bool:
    """`_same_name` for two people, but two full names must also agree on their first word: "سلمان بن
    عبدالعزيز" (the king) ends "محمد بن سلمان بن عبدالعزيز" (his son) and the two meet different guests."""
    if not _same_name(a, b):
        return False
    first_a, first_b = a.split()[0], b.split()[0]
    if " " not in a or " " not in b or first_a.startswith(first_b) or first_b.startswith(first_a):
        return True                                          # "اش كارتر" is "اشتون كارتر"
    return ratio(first_a, first_b) >= NAME_SIMILARITY or _sound_parts(first_a) == _sound_parts(first_b)


@lru_cache(maxsize=50_000)
def _not_story_cast(name: str, kind: str) -> bool:
    """Names that say nothing of which event an article tells: an amount's currency (دولار, يورو) and an
    outlet the text cites or signs with (شفق نيوز, لروداو, «العربي الجديد»), which differs from one teller of
    an event to the next and dilutes the names they share. An outlet named after a place (الرياض) stays."""
    if kind == "MISC" and is_currency(name):
        return True
    key = line_key(name)
    outlets = outlet_names()
    if key not in outlets and len(key) > 4 and key[0] in "لب" and key[1:] in outlets:
        key = key[1:]
    return key in outlets and not is_known_place(key)


@lru_cache(maxsize=50_000)
def _entity_name(name: str) -> str:
    """A mention's name as `entity_names` compares it: normalised, each word without its article."""
    words = [normal_word(w) if w.startswith(("أل", "إل")) else article_key(normal_word(w)) for w in name.split()]
    return " ".join(w for w in words if w)      # "ألكسندر": a hamza, not the article: no "كسندر"


def _same_name(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and (long_.endswith(" " + short) or long_.startswith(short + " ")):
        return True                      # surname or first part alone: ستولتنبرغ / ينس ستولتنبرغ
    if ratio(a, b) >= NAME_SIMILARITY:
        return True
    # two outlets' transliterations, whole or by surname: هانس جروندبرج / غروندبرغ, عبد سلام / عبدالسلام
    s, l = _sound_parts(short), _sound_parts(long_)
    return bool(s) and all(len(k) >= SKELETON_MIN for k in s) and (l[-len(s):] == s or l[:len(s)] == s)


_COMPOUND_FIRST = ("عبد", "ابو")


@lru_cache(maxsize=50_000)
def _sound_parts(name: str) -> tuple[str, ...]:
    """A compared name's words as consonant skeletons (`entities.skeleton`), a compound's two words as one
    without the article between them (عبد سلام = عبدالسلام)."""
    words, out, i = name.split(), [], 0
    while i < len(words):
        word = words[i]
        if word in _COMPOUND_FIRST and i + 1 < len(words):
            word, i = word + words[i + 1], i + 1
        for head in _COMPOUND_FIRST:
            if word.startswith(head + "ال") and len(word) > len(head) + 3:
                word = head + word[len(head) + 2:]
        out.append(skeleton(word))
        i += 1
    return tuple(out)


def entity_overlap(a: list[str], b: list[str]) -> float | None:
    """Share of the smaller name set found (allowing spelling variants) in the other; None when either
    article has no names, so that a missing tagger output does not count as disagreement."""
    if not a or not b:
        return None
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    big_set = set(big)
    matched = sum(1 for name in small if name in big_set or any(_same_name(name, o) for o in big))
    return matched / max(len(small), ENTITY_MIN)


# -- dates --------------------------------------------------------------------------------------------------
def day_of(published: str | None) -> str | None:
    """The ISO day of a published prefix, or None when the date is missing, coarser than a day or bad."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).isoformat()
    except ValueError:
        return None


def _ordinal(day: str | None) -> int | None:
    return date.fromisoformat(day).toordinal() if day else None


# -- near-duplicate signature ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _permutations():
    """The seeded permutations, drawn once (MinHash draws them on every construction otherwise)."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME).permutations


_shingle_hash = zlib.crc32      # a shingle's UTF-8 bytes -> 32 bits, the same in every process


def body_signature(text: str) -> str:
    """MinHash (NUM_PERM 32-bit values) of the body's word SHINGLE-grams, normalised, as base64 of
    little-endian uint32 (684 characters: a list of 128 JSON ints costs 4x more in memory and in the
    store); "" when the body is too short. crc32 keeps the signature identical across processes
    (Python's hash() is salted per process)."""
    return _signature(_words(text))


def _signature(words: list[str]) -> str:
    """`body_signature` of the body's words (`_words`). Shingles are joined from the words' UTF-8 bytes
    (the bytes of "a b c" are those of a, b and c joined by spaces), and MinHash only takes the minimum of
    each permutation (the set's order does not matter to a minimum)."""
    normal = list(map(_normal_bytes, words))
    shingles = set(map(b" ".join, zip(normal, normal[1:], normal[2:])))
    if len(shingles) < MIN_SHINGLES:
        return ""
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=int, scheme=MINHASH_SCHEME, permutations=_permutations())
    mh.update_batch(list(map(_shingle_hash, shingles)))
    return base64.b64encode(np.asarray(mh.hashvalues, dtype="<u4").tobytes()).decode("ascii")


@lru_cache(maxsize=100_000)
def _normal_bytes(word: str) -> bytes:
    """A body word normalised, as UTF-8 (about 150 bytes of memory per cached word)."""
    return normal_word(word).encode("utf-8")


def _signature_array(signature: object) -> np.ndarray | None:
    try:
        values = np.frombuffer(base64.b64decode(signature), dtype="<u4") if isinstance(signature, str) \
            else np.asarray(signature or [], dtype=np.uint32)
    except (ValueError, TypeError):
        return None
    return values if len(values) == NUM_PERM else None


def story_features(article: Article) -> dict:
    """Everything story clustering needs from one article, JSON-ready, computable in a worker process.

    Keys: id, day (ISO day or None), outlet, vector (term -> weight over headline and lead), title (the
    same over the headline alone), keys (blocking terms), entities
    (normalised names), meetings (`meeting_pairs`), signature (MinHash as base64, "" for short bodies).
    The keys include a `meeting_key` for each person met, so two tellings of one meeting are compared
    even when their words differ."""
    title_words = _words(article.title or "")
    words = _words(article.text)                      # once: the lead makes the vector, all of it the signature
    vector = words_vector(title_words, words[:LEAD_TOKENS])
    heaviest = sorted([(-w, k) for k, w in vector.items() if term_idf(k) >= MIN_BLOCK_IDF])[:BLOCK_KEYS]
    meetings = meeting_pairs(article)
    keys = sorted({k for _, k in heaviest} | {meeting_key(name) for pair in meetings for name in pair.split("|")[1:]})
    return {
        "id": article.id,
        "day": day_of(article.published),
        "outlet": article.outlet,
        "vector": vector,
        "title": words_vector(title_words, []),
        "keys": keys,
        "entities": entity_names(article),
        "meetings": meetings,
        "signature": _signature(words),
    }


# -- index and edges ------------------------------------------------------------------------------------------
class _Stored:
    """The parts of a features dict the index compares, kept compact (signature as a numpy array)."""

    __slots__ = ("id", "ordinal", "vector", "title", "keys", "entities", "meetings", "signature", "_minhash",
                 "_dups")

    def __init__(self, f: Mapping) -> None:
        self.id: str = f["id"]
        self.ordinal: int | None = _ordinal(f.get("day"))
        self.vector: dict[str, float] = dict(f.get("vector") or {})
        self.title: dict[str, float] = dict(f.get("title") or {})
        self.keys: list[str] = list(f.get("keys") or [])
        self.entities: list[str] = list(f.get("entities") or [])
        self.meetings: list[str] = list(f.get("meetings") or [])
        self.signature = _signature_array(f.get("signature"))
        self._minhash: MinHash | None = None
        self._dups: tuple[int, list[str]] | None = None      # (index size, LSH candidates) memo

    def minhash(self) -> MinHash:
        if self._minhash is None:
            self._minhash = MinHash(hashvalues=self.signature, permutations=_permutations(),
                                    scheme=MINHASH_SCHEME)
        return self._minhash


class StoryIndex:
    """Blocking structures over the features seen so far. Rebuild from stored features with `add`.

    Story candidates: articles sharing >= MIN_SHARED_KEYS blocking keys whose dates are within
    DATE_WINDOW_DAYS (postings per key and day, so a dated lookup reads 2*W+1 days only), or undated.
    Duplicate candidates: a shared band in datasketch's MinHashLSH, any date."""

    def __init__(self) -> None:
        self._items: dict[str, _Stored] = {}
        self._by_day: dict[tuple[str, int], list[str]] = defaultdict(list)
        self._undated: dict[str, list[str]] = defaultdict(list)
        self._dated: dict[str, list[str]] = defaultdict(list)
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._last: tuple[Mapping, _Stored] | None = None

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._items

    def stored(self, features: Mapping | _Stored) -> _Stored:
        """The compact form of a features dict; the last one is cached, since story_edges,
        duplicate_edges and add are called in turn on the same new article."""
        if isinstance(features, _Stored):
            return features
        if self._last is not None and self._last[0] is features:
            return self._last[1]
        item = _Stored(features)
        self._last = (features, item)
        return item

    def add(self, features: Mapping) -> None:
        item = self.stored(features)
        if item.id in self._items:
            return
        self._items[item.id] = item
        for key in item.keys:
            if item.ordinal is None:
                self._undated[key].append(item.id)
            else:
                self._by_day[(key, item.ordinal)].append(item.id)
                self._dated[key].append(item.id)
        if item.signature is not None:
            self._lsh.insert(item.id, item.minhash(), check_duplication=False)
            item._minhash = None                     # the index keeps the compact signature only

    def candidates(self, features: Mapping) -> list[str]:
        """Stored articles to score against `features` as the same story (sorted ids)."""
        item = self.stored(features)
        shared: Counter[str] = Counter()
        for key in item.keys:
            if item.ordinal is None:
                shared.update(self._dated.get(key, ()))
            else:
                for d in range(item.ordinal - DATE_WINDOW_DAYS, item.ordinal + DATE_WINDOW_DAYS + 1):
                    shared.update(self._by_day.get((key, d), ()))
            shared.update(self._undated.get(key, ()))
        found = {a for a, n in shared.items() if n >= MIN_SHARED_KEYS and a != item.id}
        found.update(a for a in self.duplicate_candidates(item) if _dates_compatible(item, self._items[a]))
        return sorted(found)

    def duplicate_candidates(self, features: Mapping) -> list[str]:
        """Stored articles sharing an LSH band with `features` (sorted ids)."""
        item = self.stored(features)
        if item.signature is None:
            return []
        if item._dups is None or item._dups[0] != len(self._items):
            item._dups = (len(self._items), sorted(a for a in self._lsh.query(item.minhash()) if a != item.id))
        return item._dups[1]

    def get(self, article_id: str) -> _Stored:
        return self._items[article_id]


def _dates_compatible(a: _Stored, b: _Stored) -> bool:
    if a.ordinal is None or b.ordinal is None:
        return True
    return abs(a.ordinal - b.ordinal) <= DATE_WINDOW_DAYS


def _jaccard(a: _Stored, b: _Stored) -> float:
    if a.signature is None or b.signature is None:
        return 0.0
    return float(np.count_nonzero(a.signature == b.signature)) / NUM_PERM


def pair_score(a: Mapping | _Stored, b: Mapping | _Stored) -> float:
    """Same-story score of two articles in [0, 1].

    Text: TF-IDF cosine of headline+lead, blended (TITLE_SHARE) with headline-to-headline cosine when both
    have a headline: on SaudiNewsNet the lead alone put many same-topic, different-event pairs (two royal
    audiences with two visitors, daily gold reports) above any usable bar, and their headlines differ in
    the one word that matters. Then shared entity names when both have some, MEETING_BONUS when both tell
    the same two people meeting (`same_meeting`), and a DAY_FACTOR discount by days apart. A near-copy of the body scores at least its Jaccard estimate."""
    a = a if isinstance(a, _Stored) else _Stored(a)
    b = b if isinstance(b, _Stored) else _Stored(b)
    score = cosine(a.vector, b.vector)
    if a.title and b.title:
        score = (1 - TITLE_SHARE) * score + TITLE_SHARE * cosine(a.title, b.title)
    overlap = entity_overlap(a.entities, b.entities)
    if overlap is not None:
        score = (1 - ENTITY_WEIGHT) * score + ENTITY_WEIGHT * overlap
    if a.meetings and b.meetings and same_meeting(a.meetings, b.meetings):
        score += MEETING_BONUS
    if a.ordinal is not None and b.ordinal is not None:
        apart = abs(a.ordinal - b.ordinal)
        score *= DAY_FACTOR[apart] if apart < len(DAY_FACTOR) else 0.0
    jaccard = _jaccard(a, b)
    if jaccard >= DUP_THRESHOLD:
        score = max(score, jaccard)
    return min(score, 1.0)


def story_edges(features: Mapping, index: StoryIndex) -> list[tuple[str, str, float]]:
    """(new id, stored id, score) for every blocked candidate whose score passes: STORY_THRESHOLD when
    both are dated (and within DATE_WINDOW_DAYS), UNDATED_THRESHOLD otherwise. Call before index.add."""
    item = index.stored(features)
    edges = []
    for other_id in index.candidates(item):
        score = story_edge(item, index.get(other_id))
        if score is not None:
            edges.append((item.id, other_id, score))
    return edges


def duplicate_edges(features: Mapping, index: StoryIndex) -> list[tuple[str, str, float]]:
    """(new id, stored id, estimated Jaccard) for stored near-copies of the new article's body, any date.
    Call before index.add."""
    item = index.stored(features)
    edges = []
    for other_id in index.duplicate_candidates(item):
        jaccard = duplicate_edge(item, index.get(other_id))
        if jaccard is not None:
            edges.append((item.id, other_id, jaccard))
    return edges


# -- the same rules, pair by pair -------------------------------------------------------------------------------
# StoryIndex finds a new article's candidates among the stored ones. An engine that forms candidate pairs by
# grouping instead (marsad/spark.py: group by blocking key and day, and by LSH band) uses these functions, so
# the two engines block on the same keys and keep the same edges.

def day_number(features: Mapping) -> int | None:
    """The article's day as an ordinal, None when undated: what blocking and DAY_FACTOR compare."""
    return _ordinal(features.get("day"))


def days_compatible(a: int | None, b: int | None) -> bool:
    """Two days (ordinals) may hold one story: within DATE_WINDOW_DAYS, or either undated."""
    return a is None or b is None or abs(a - b) <= DATE_WINDOW_DAYS


def is_story_candidate(shared_keys: int, shared_band: bool, day_a: int | None, day_b: int | None) -> bool:
    """StoryIndex.candidates as a predicate on one pair: at least MIN_SHARED_KEYS shared blocking keys
    (`features["keys"]`) or a shared LSH band (`lsh_band_keys`), and compatible days."""
    return (shared_keys >= MIN_SHARED_KEYS or shared_band) and days_compatible(day_a, day_b)


@lru_cache(maxsize=1)
def _band_ranges() -> tuple[tuple[int, int], ...]:
    """The (start, end) rows of each band, as StoryIndex's MinHashLSH chooses them for LSH_THRESHOLD."""
    return tuple(MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM).hashranges)


def lsh_band_keys(features: Mapping) -> list[str]:
    """One key per LSH band of the body signature ("band:hex of its values"), [] for a short body. Two
    articles share a key exactly when StoryIndex's MinHashLSH would return one for the other: same bands,
    and a band matches when all its values are equal."""
    signature = _signature_array(features.get("signature"))
    if signature is None:
        return []
    return [f"{band}:{signature[start:end].tobytes().hex()}" for band, (start, end) in enumerate(_band_ranges())]


def story_edge(new: Mapping | _Stored, old: Mapping | _Stored) -> float | None:
    """The rounded score when a blocked candidate pair is a story edge, else None: compatible dates and
    pair_score >= STORY_THRESHOLD (UNDATED_THRESHOLD when either is undated). `new` is the article that
    arrives later (pair_score is not quite symmetric: entity overlap is counted from the first argument
    when both have as many names)."""
    a = new if isinstance(new, _Stored) else _Stored(new)
    b = old if isinstance(old, _Stored) else _Stored(old)
    if not _dates_compatible(a, b):
        return None
    score = pair_score(a, b)
    bar = STORY_THRESHOLD if a.ordinal is not None and b.ordinal is not None else UNDATED_THRESHOLD
    return round(score, 4) if score >= bar else None


def duplicate_edge(new: Mapping | _Stored, old: Mapping | _Stored) -> float | None:
    """The rounded estimated Jaccard when two bodies are near-copies (>= DUP_THRESHOLD, any dates), else None."""
    a = new if isinstance(new, _Stored) else _Stored(new)
    b = old if isinstance(old, _Stored) else _Stored(old)
    jaccard = _jaccard(a, b)
    return round(jaccard, 4) if jaccard >= DUP_THRESHOLD else None


# -- grouping -------------------------------------------------------------------------------------------------
def _earliest_key(article_dates: Mapping[str, str | None], article: str) -> tuple[str, str]:
    return (article_dates.get(article) or "\uffff", article)


class _Groups:
    """Union-find that also tracks each group's members and the span of its dated members."""

    def __init__(self, article_dates: Mapping[str, str | None]) -> None:
        self.parent = {a: a for a in article_dates}
        self.members = {a: [a] for a in article_dates}
        self.span: dict[str, tuple[int, int] | None] = {}
        for a, published in article_dates.items():
            o = _ordinal(day_of(published))
            self.span[a] = (o, o) if o is not None else None

    def find(self, a: str) -> str:
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:
            self.parent[a], a = root, self.parent[a]
        return root

    def merged_span(self, ra: str, rb: str) -> tuple[int, int] | None:
        sa, sb = self.span[ra], self.span[rb]
        if sa is None or sb is None:
            return sa or sb
        return (min(sa[0], sb[0]), max(sa[1], sb[1]))

    def union(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.span[ra] = self.merged_span(ra, rb)
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        del self.span[rb]


def _clean_edges(article_dates: Mapping, edges: Iterable[tuple[str, str, float]]) -> dict[tuple[str, str], float]:
    best: dict[tuple[str, str], float] = {}
    for a, b, w in edges:
        if a == b or a not in article_dates or b not in article_dates:
            continue
        pair = (a, b) if a < b else (b, a)
        if w > best.get(pair, -1.0):
            best[pair] = w
    return best


def group_stories(article_dates: Mapping[str, str | None],
                  edges: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Every article id in `article_dates` (id -> published or None) -> its story id.

    Edges (from story_edges, any order, duplicates allowed) are merged strongest first (ties by ids), the
    one canonical order, so the result is a function of the edge SET: incremental == batch. Plain
    connected components chain (A~B, B~C, ... into one giant "story" of a topic), so a merge is refused when
    the joined group's dated articles would span more than MAX_STORY_DAYS, or when fewer than
    MERGE_DENSITY of the article pairs across the two groups have an edge (average-linkage in spirit).
    Measured on SaudiNewsNet (31,030 articles, entities from marsad.ner, edges >= 0.45): plain components
    give stories of 181, 150 and 148 articles (Eid greetings of different bodies, royal audiences with
    different visitors, reactions to one attack by many governments) and 3,106 multi-outlet stories; the
    span rule alone changes little (181, 150, 148, 67); with density 0.35 the largest are 34, 32, 29 and
    there are 3,551 multi-outlet stories (evaluation/stories_handcheck.md judges a sample).

    Story id = content_id("s", earliest article id by (published, id)): stable across re-runs; it changes
    only when an earlier telling of the story arrives later."""
    best = _clean_edges(article_dates, edges)
    adjacency: dict[str, list[str]] = defaultdict(list)
    for a, b in best:
        adjacency[a].append(b)
        adjacency[b].append(a)
    groups = _Groups(article_dates)
    for (a, b), _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        span = groups.merged_span(ra, rb)
        if span is not None and span[1] - span[0] > MAX_STORY_DAYS:
            continue
        small, big = sorted((ra, rb), key=lambda r: (len(groups.members[r]), r))
        n_small, n_big = len(groups.members[small]), len(groups.members[big])
        if n_big >= 2:
            links = sum(1 for m in groups.members[small] for n in adjacency[m] if groups.find(n) == big)
            if links < MERGE_DENSITY * n_small * n_big:
                continue
        groups.union(ra, rb)
    story_of = {}
    for root, members in groups.members.items():
        sid = content_id("s", min(members, key=lambda m: _earliest_key(article_dates, m)))
        for m in members:
            story_of[m] = sid
    return story_of


def canonical_duplicates(article_dates: Mapping[str, str | None],
                         edges: Iterable[tuple[str, str, float]]) -> dict[str, str]:
    """Each duplicate article id -> the canonical article of its copy group (earliest by (published, id)).
    Canonical articles and articles without copies are not in the result. Groups are connected components
    of the duplicate edges: a near-copy of a near-copy is still the same text."""
    groups = _Groups(article_dates)
    for a, b in _clean_edges(article_dates, edges):
        ra, rb = groups.find(a), groups.find(b)
        if ra != rb:
            groups.union(ra, rb)
    result = {}
    for members in groups.members.values():
        if len(members) > 1:
            canonical = min(members, key=lambda m: _earliest_key(article_dates, m))
            result.update({m: canonical for m in members if m != canonical})
    return result


def cluster_articles(features: Iterable[Mapping], article_dates: Mapping[str, str | None]
                     ) -> tuple[dict[str, str], dict[str, str]]:
    """Batch clustering: (article id -> story id, duplicate id -> canonical id). The same calls the
    incremental path makes, in one go; `article_dates` maps every article id to its published prefix."""
    index = StoryIndex()
    s_edges: list[tuple[str, str, float]] = []
    d_edges: list[tuple[str, str, float]] = []
    for f in features:
        if f["id"] in index:
            continue
        s_edges.extend(story_edges(f, index))
        d_edges.extend(duplicate_edges(f, index))
        index.add(f)
    return group_stories(article_dates, s_edges), canonical_duplicates(article_dates, d_edges)


# -- story records --------------------------------------------------------------------------------------------
def story_title(articles: list[Article], center: dict[str, float] | None = None) -> str:
    """The most central headline: the one whose headline, and whose article's headline and lead, are
    closest (cosine, half each) to the centroid of all the articles' vectors -- a side story's headline can
    share the story's words ("ملك المغرب يدين التفجير الإرهابي الذي استهدف مسجد ...") while its lead tells of
    something else; ties go to the earliest article. Falls back to the first sentence of the earliest text (cut to a
    headline's length at a word boundary), then "".
    `center` is `summarise.centroid(articles)` when the caller has it already (build_story)."""
    ordered = sorted(articles, key=lambda a: (a.published or "\uffff", a.id))
    if center is None:
        center = summarise.centroid(ordered)
    best, best_score = None, -1.0
    for a in ordered:
        if a.title and a.title.strip():
            score = round((cosine(story_vector(a.title, ""), center) + cosine(story_vector(a.title, a.text), center))
                          / 2, 9)
            if score > best_score + 1e-9:
                best, best_score = a.title.strip(), score
    if best is not None:
        return best
    for a in ordered:
        spans = split_sentences(a.text or "")
        if spans:
            return _shortened(_HASHTAG.sub(_hashtag_words, a.text[spans[0][0]:spans[0][1]]))
    return ""


FALLBACK_TITLE_CHARS = 120   # a lead sentence standing in for a headline is cut to about a headline's length


def _shortened(sentence: str) -> str:
    """A lead sentence as a title: whole when short, else cut at the last word boundary within
    FALLBACK_TITLE_CHARS and marked with "…" (a cut mid-word reads as a typo)."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= FALLBACK_TITLE_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, FALLBACK_TITLE_CHARS)
    return sentence[:cut if cut > 0 else FALLBACK_TITLE_CHARS].rstrip(" ،,؛;:-") + "…"


_HASHTAG = re.compile(r"#(\w+)")


def _hashtag_words(match: re.Match) -> str:
    """A hashtag in a title made from a sentence reads as the words it spells: #مصطفى_الكاظمي -> مصطفى الكاظمي."""
    return match.group(1).replace("_", " ")


def build_story(story_id: str, articles: list[Article], max_sentences: int = 5) -> Story:
    """The Story record of a group of articles: central headline as title, first/last date (the
    published prefixes cut to the day), outlets, sorted article ids and an extractive summary.
    `entities` is left empty: the caller fills it with entity ids after resolution. The articles' centroid
    is computed once, for the title and the summary."""
    dates = sorted(a.published[:10] for a in articles if a.published)
    center = summarise.centroid(sorted(articles, key=lambda a: (a.published or "\uffff", a.id)))
    return Story(
        id=story_id,
        title=story_title(articles, center),
        articles=sorted(a.id for a in articles),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        outlets=sorted({a.outlet for a in articles if a.outlet}),
        summary=summarise.summarise(articles, max_sentences, center),
    )
