"""Who a phrase names: person and organisation mentions, and role phrases ("رئيس الوزراء") that stand for a
person the article names elsewhere.

Arabic news names a person once ("رئيس الجمهورية عبد اللطيف جمال رشيد") and then often by role alone
("وأكد رئيس الجمهورية، بحسب البيان، ..."). The NER stage finds names only; a title-only reference is not a
mention. Quotes need these references to find speakers and events to find participants, so both read them
from here.

A role phrase resolves to a person only when the article gives it one reading: the phrase must be a known
title of a PER mention (the entity stage's `Mention.title`, or, when that is empty, the role phrase just before
the name) or its first words ("رئيس الوزراء" for "رئيس الوزراء العراقي"), and every person with that title
must be one person. "الأمين العام للأمم المتحدة" does not resolve to the NATO secretary general: a definite
word that continues the phrase differently ends the match. Ambiguity gives no referent, never a guess.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.arabic import strip_article
from marsad.lexicon import (
    Token,
    canonical,
    in_set,
    is_word,
    load_data,
    normal,
    phrase_words,
    positions,
    tokenize,
    tokenized,
    word_set,
    word_variants,
)
from marsad.records import Article, Mention

SPEAKER_TYPES = ("PER", "ORG")
TITLE_LOOKBACK_WORDS = 8          # a role phrase before a name is at most this long
MIN_TITLE_WORDS = 2               # "الرئيس" alone names too many people to resolve
_SKIPPABLE_IN_TITLE = frozenset("()")
_QUOTE_OR_HASH = frozenset("«»“”„\"″'#_")
_CLITIC_OBJECT = "بلك"
_BODY_LINKS = frozenset(normal(w) for w in ("باسم", "بإسم", "عن"))   # the body a role speaks or sits for follows
_BETWEEN_TITLE_AND_NAME = _QUOTE_OR_HASH | _SKIPPABLE_IN_TITLE | frozenset("،,")


@dataclass(frozen=True)
class Referent:
    """A span that names a person or organisation: a mention, a role phrase, or a role phrase with the name
    after it (one referent). `text` is the name as written (the mention's text when there is one, else the
    role phrase); `mention` indexes `article.mentions`; `object` is True when a preposition or an attached
    ب/ل/ك governs the span, so it is an object or a place of the sentence, not its agent."""

    start: int
    end: int
    text: str
    mention: int
    object: bool = False


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("referents.json")
    return word_set(data.get("title_heads", [])), word_set(data.get("object_markers", []))


@lru_cache(maxsize=1)
def _generic_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(generic nouns, continuations) of referents.json, for `_by_origin`."""
    data = load_data("referents.json")
    return word_set(data.get("generic_nouns", [])), word_set(data.get("continuations", []))


@lru_cache(maxsize=20_000)
def _folded(word: str) -> str:
    """A normalised word without its article and a final feminine ه: الأوروبية and الأوروبي, الوزيرة and
    الوزير compare equal."""
    bare = strip_article(word)
    return bare[:-1] if len(bare) > 3 and bare.endswith("ه") else bare


def _origin(word: str) -> str | None:
    """The folded form of an adjective of origin written with the article (المصري, الأوروبية), else None."""
    norm = normal(word)
    folded = _folded(norm)
    return folded if norm.startswith("ال") and len(folded) >= 4 and folded.endswith("ي") else None


def valid_mentions(article: Article) -> list[int]:
    """Indexes of mentions whose offsets point at their text; a mention that does not is ignored, not fatal."""
    text = article.text
    out = []
    for i, m in enumerate(article.mentions):
        if 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text:
            out.append(i)
    return out


def _name_key(mention: Mention) -> tuple[str, ...]:
    return tuple(normal(mention.name or mention.text).replace("_", " ").split())


@lru_cache(maxsize=20_000)
def _title_words(title: str) -> tuple[tuple[str, ...], ...]:
    """The lookup variants of each word of a role phrase, و/ف standing alone left out: a title recurs on
    every mention of its person, and across articles."""
    return tuple(word_variants(w) for w in phrase_words(title) if w not in ("و", "ف"))


def _same_person(keys: list[tuple[str, ...]]) -> bool:
    """All names are the fullest one or a word-suffix/subset of it (الكاظمي and مصطفى الكاظمي)."""
    longest = max(keys, key=len)
    return all(k == longest[-len(k):] or set(k) <= set(longest) for k in keys if k)


class TitleIndex:
    """The role phrases of one article's PER mentions, matched against the text token by token."""

    def __init__(self, article: Article, tokens: list[Token], mentions: list[int],
                 starts: list[int] | None = None) -> None:
        """`starts` are the tokens' start offsets, when the caller has them already."""
        self.article = article
        self.tokens = tokens
        self.starts = starts if starts is not None else [t.start for t in tokens]
        self.entries: list[tuple[tuple[tuple[str, ...], ...], int]] = []
        self._by_first: dict[str, list[int]] = {}
        heads, _ = _words()
        for idx in mentions:
            m = article.mentions[idx]
            if m.type != "PER":
                continue
            title = m.title or self._title_before(m, heads)
            if not title:
                continue
            words = _title_words(title)
            if len(words) < MIN_TITLE_WORDS:
                continue
            n = len(self.entries)
            self.entries.append((words, idx))
            for v in words[0]:
                self._by_first.setdefault(v, []).append(n)

    def _title_before(self, mention: Mention, heads: frozenset[str]) -> str | None:
        """The role phrase right before a name ("الأمين العام لحلف شمال الأطلسي (ناتو) ينس ..."), from the
        nearest title head back (extended over heads just before it: "نائب رئيس"), at most a few words, not
        across punctuation other than brackets and one comma right before the name."""
        text = self.article.text
        j = bisect.bisect_left(self.starts, mention.start) - 1
        while j >= 0 and self.tokens[j].text in _QUOTE_OR_HASH:
            j -= 1
        if j >= 0 and self.tokens[j].text in "،,":
            j -= 1
        words = 0
        head = None
        while j >= 0 and words < TITLE_LOOKBACK_WORDS:
            tok = self.tokens[j]
            if not is_word(tok):
                if tok.text not in _SKIPPABLE_IN_TITLE:
                    break
                j -= 1
                continue
            words += 1
            if tok.text.rstrip("ـ") in _CLITIC_OBJECT:
                return None                     # "وزير الصحة لـ "سودان تربيون"": the name is told, not titled
            if in_set(tok.text, heads):
                head = j
                k = j - 1
                while k >= 0 and is_word(self.tokens[k]) and in_set(self.tokens[k].text, heads):
                    head = k
                    k -= 1
                break
            j -= 1
        if head is None:
            return None
        end = bisect.bisect_left(self.starts, mention.start) - 1
        while end > head and not is_word(self.tokens[end]) and self.tokens[end].text != ")":
            end -= 1
        word = self.tokens[head].text
        start = self.tokens[head].start + _clitic_length(word, tuple(heads))     # "ووزير" -> "وزير"
        return text[start:self.tokens[end].end]

    def starts_at(self, words: frozenset[str]) -> list[int]:
        """Indexes of the word tokens a known title may start at (a variant of the word is a title's first
        word): `match` returns None everywhere else. `words`: the article's distinct word tokens."""
        if not self._by_first:
            return []
        firsts = self._by_first.keys()
        return positions(self.tokens, {w for w in words if not firsts.isdisjoint(word_variants(w))})

    def match(self, i: int) -> tuple[int, int | None, int] | None:
        """A known title starting at word token `i`: (index of its last token, the person's mention index or
        None when the title fits several people, length of the clitics written before it). None when no title
        starts here."""
        tokens = self.tokens
        by_first = self._by_first
        candidates: set[int] = set()
        for v in word_variants(tokens[i].text):
            if v in by_first:
                candidates.update(by_first[v])
        if not candidates:
            return None
        best: list[tuple[int, bool, int]] = []          # (matched words, full match, entry)
        best_last = -1
        best_len = 0
        for n in candidates:
            words, _ = self.entries[n]
            count, last, next_tok = _match_words(tokens, i, words)
            if count < MIN_TITLE_WORDS:
                continue
            full = count == len(words)
            if not full and next_tok is not None and (_is_definite(tokens[next_tok].text)
                                                      or normal(tokens[last].text) in _BODY_LINKS):
                continue                                # "الأمين العام للأمم ...", "الناطق باسم هيئة ..."
            if count > best_len:
                best, best_len, best_last = [], count, last
            if count == best_len:
                best.append((count, full, n))
        if not best:
            return None
        if any(full for _, full, _ in best):
            best = [b for b in best if b[1]]
        people = sorted({self.entries[n][1] for _, _, n in best})
        clitic = _clitic_length(tokens[i].text, self.entries[best[0][2]][0][0])
        keys = [_name_key(self.article.mentions[p]) for p in people]
        if not _same_person(keys):
            return best_last, None, clitic
        start = tokens[i].start
        before = [p for p in people if self.article.mentions[p].start < start]
        chosen = max(before, key=lambda p: self.article.mentions[p].start) if before else people[0]
        return best_last, chosen, clitic

    def person(self, title: str, at: int) -> int | None:
        """The person an office word's title names ("بيان رئاسي" -> "رئيس الجمهورية"), preferring the one
        named before offset `at`; None when no or several people hold it."""
        words = _office_words(title)
        if not words:
            return None
        people = []
        for entry_words, idx in self.entries:
            # exact words, article included: "الرئيس" is the head of state, "رئيس الوزراء" is not
            if len(entry_words) >= len(words) and all(w == e[0] for w, e in zip(words, entry_words)):
                people.append(idx)
        if not people or not _same_person([_name_key(self.article.mentions[p]) for p in people]):
            return None
        before = [p for p in people if self.article.mentions[p].start < at]
        return max(before, key=lambda p: self.article.mentions[p].start) if before else min(people)


    def by_origin(self, noun: str, adjective: str, at: int) -> int | None:
        """The person a common noun with an adjective of origin stands for ("المسؤولة الأوروبية" after
        "رئيسة المفوضية الأوروبية أورسولا ..."): the one person whose title has that adjective, and that office
        too when the noun is itself a title head ("الوزير المصري" is not the Egyptian president; the office must head the title). Prefers the
        one named before offset `at`; None when no or several people fit."""
        origin = _origin(adjective)
        if origin is None:
            return None
        heads, _ = _words()
        office = _folded(normal(noun)) if in_set(noun, heads) else None
        people = []
        for words, idx in self.entries:
            folded = {_folded(v) for variants in words for v in variants}
            if origin in folded and (office is None or office in {_folded(v) for v in words[0]}):
                people.append(idx)
        if not people or not _same_person([_name_key(self.article.mentions[p]) for p in people]):
            return None
        before = [p for p in people if self.article.mentions[p].start < at]
        return max(before, key=lambda p: self.article.mentions[p].start) if before else min(people)


@lru_cache(maxsize=1_000)
def _office_words(title: str) -> tuple[str, ...]:
    """The normalised words of a title an office word stands for (a short list in reporting_verbs.json)."""
    return tuple(normal(t.text) for t in tokenize(title) if is_word(t))


def _match_words(tokens: list[Token], i: int, words: tuple[tuple[str, ...], ...]) -> tuple[int, int, int | None]:
    """How many title words match from token `i`; the last matching token; the next word token when it
    follows without punctuation (else None)."""
    count = 0
    j = i
    last = i
    while j < len(tokens) and count < len(words):
        tok = tokens[j]
        if not is_word(tok):
            if tok.text in _SKIPPABLE_IN_TITLE:
                j += 1
                continue
            return count, last, None
        if set(word_variants(tok.text)).isdisjoint(words[count]):
            return count, last, j
        count += 1
        last = j
        j += 1
    while j < len(tokens) and tokens[j].text in _SKIPPABLE_IN_TITLE:
        j += 1
    nxt = j if j < len(tokens) and is_word(tokens[j]) else None
    return count, last, nxt


def _is_definite(word: str) -> bool:
    return any(v.startswith("ال") for v in word_variants(word)[:2]) or word_variants(word)[0].startswith("لل")


def _clitic_length(word: str, first: tuple[str, ...] | frozenset[str]) -> int:
    """How many leading letters of `word` are و/ف/ب/ل/ك written before a title whose first word has the
    variants `first` ("بالأمين" -> 1, "وزير" -> 0)."""
    for n in range(0, 3):
        if n and word[n - 1] not in "وفبلك":
            break
        if len(word) - n >= 2 and canonical(word[n:]) in first:
            return n
    return 0


class ArticleReferents(NamedTuple):
    """What `referents_of` finds in one article: the indexes of its valid mentions, its referents (sorted by
    start) and the index of its role phrases (quotes also asks it who an office word names)."""

    mentions: list[int]
    referents: list[Referent]
    titles: TitleIndex


_last_read: tuple[tuple, ArticleReferents] | None = None


def _mentions_key(article: Article) -> tuple:
    return tuple((m.start, m.end, m.text, m.type, m.name, m.title) for m in article.mentions)


def referents_of(article: Article) -> ArticleReferents:
    """The article's valid mentions, referents and title index. Remembered for the last article (same text,
    same mentions): quotes and then events ask for the same one. The lists are shared: callers must not
    change them."""
    global _last_read
    text = article.text
    read = tokenized(text)
    key = (text, _mentions_key(article))
    last = _last_read
    if last is not None and last[0] == key and last[1].titles.tokens is read.tokens:
        return last[1]
    mentions = valid_mentions(article)
    index = TitleIndex(article, read.tokens, mentions, read.starts)
    found = ArticleReferents(mentions, _find_referents(article, read.tokens, read.starts, read.words, mentions,
                                                       index) if text else [], index)
    _last_read = (key, found)
    return found


def find_referents(article: Article, tokens: list[Token] | None = None) -> list[Referent]:
    """Every PER/ORG mention and every resolvable role phrase of the article, sorted by start. A role phrase
    followed by a person's name (at most a comma or quote marks between) is one referent for that name.
    `tokens`, if given, must be `tokenize(article.text)`: the text's tokens are computed (once) anyway."""
    if not article.text:
        return []
    return list(referents_of(article).referents)


def _find_referents(article: Article, tokens: list[Token], starts: list[int], words: frozenset[str],
                    mentions: list[int], index: TitleIndex) -> list[Referent]:
    text = article.text
    _, objects = _words()
    by_start = {article.mentions[i].start: i for i in mentions if article.mentions[i].type == "PER"}
    covered = sorted((article.mentions[i].start, article.mentions[i].end) for i in mentions)
    cover_starts = [c[0] for c in covered]
    merged: set[int] = set()
    out: list[Referent] = []

    def inside_mention(pos: int) -> bool:
        k = bisect.bisect_right(cover_starts, pos) - 1
        return k >= 0 and covered[k][0] <= pos < covered[k][1]

    # only tokens a title may start at are tried; the others would be skipped one by one
    candidates = index.starts_at(words) if index.entries else []
    c = 0
    i = 0
    while c < len(candidates):
        if candidates[c] < i:
            c += 1
            continue
        i = candidates[c]
        tok = tokens[i]
        if inside_mention(tok.start):
            i += 1
            continue
        found = index.match(i)
        if found is None:
            i += 1
            continue
        last, person, clitic = found
        start = tok.start + clitic
        obj = any(ch in _CLITIC_OBJECT for ch in tok.text[:clitic]) or _governed(tokens, i, objects)
        j = last + 1
        while j < len(tokens) and j - last <= 3 and tokens[j].text in _BETWEEN_TITLE_AND_NAME:
            j += 1
        named = by_start.get(tokens[j].start) if j < len(tokens) else None
        if named is not None:
            m = article.mentions[named]
            out.append(Referent(start, m.end, m.text, named, obj))
            merged.add(named)
            i = bisect.bisect_left(starts, m.end)
            continue
        if person is not None:
            end = tokens[last].end
            out.append(Referent(start, end, text[start:end], person, obj))
        i = last + 1
    out.extend(_by_origin(article, tokens, words, index, out, inside_mention, objects))
    spans = sorted((r.start, r.end) for r in out)
    span_starts = [a for a, _ in spans]
    for idx in mentions:
        m = article.mentions[idx]
        if idx in merged or m.type not in SPEAKER_TYPES:
            continue
        k = bisect.bisect_right(span_starts, m.start) - 1
        if k >= 0 and spans[k][1] >= m.end:
            continue                            # "الحكومة العراقية" inside "رئيس الحكومة العراقية"
        k = bisect.bisect_left(starts, m.start)
        out.append(Referent(m.start, m.end, m.text, idx, _mention_governed(text, m.start) or _governed(tokens, k, objects)))
    out.sort(key=lambda r: (r.start, r.end))
    return out


def _by_origin(article: Article, tokens: list[Token], words: frozenset[str], index: TitleIndex,
               found: list[Referent], inside_mention, objects: frozenset[str]) -> list[Referent]:
    """Referents written as a common noun and an adjective of origin ("وأكدت المسؤولة الأوروبية",
    "وقال الوزير المصري") that `TitleIndex.by_origin` resolves, where no other referent or mention is. Not
    when a name follows: then the phrase is that name's title."""
    nouns, continuations = _generic_nouns()
    if not index.entries or not nouns:
        return []
    taken = [(r.start, r.end) for r in found]
    mention_starts = {m.start for m in article.mentions}
    out = []
    for i in positions(tokens, {w for w in words if in_set(w, nouns)}):
        j = i + 1
        if (j >= len(tokens) or not is_word(tokens[j]) or _origin(tokens[j].text) is None
                or not _is_definite(tokens[i].text)):      # "وزير الخارجية" is an office, not a reference
            continue
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if after is not None and (after.start in mention_starts or (is_word(after) and (
                in_set(after.text, continuations) or _origin(after.text) is not None))):
            continue                    # a name follows (its title), or the phrase goes on: "... السابق"
        tok = tokens[i]
        if inside_mention(tok.start) or inside_mention(tokens[j].start) or any(
                a < tokens[j].end and tok.start < b for a, b in taken):
            continue
        person = index.by_origin(tok.text, tokens[j].text, tok.start)
        if person is None:
            continue
        clitic = _clitic_length(tok.text, nouns)
        start = tok.start + clitic
        obj = any(ch in _CLITIC_OBJECT for ch in tok.text[:clitic]) or _governed(tokens, i, objects)
        out.append(Referent(start, tokens[j].end, article.text[start:tokens[j].end], person, obj))
    return out


def _mention_governed(text: str, start: int) -> bool:
    """An attached ب/ل/ك before the name ("بالكاظمي", "لـ"السوداني"", "لـ "سودان تربيون""): the clitic is
    outside the mention."""
    j = start - 1
    while j >= 0 and (text[j] in "ـ\"“«" or (text[j] == " " and j and text[j - 1] == "ـ")):
        j -= 1
    if j < 0 or text[j] not in _CLITIC_OBJECT:
        return False
    k = j - 1
    if k >= 0 and text[k] in "وف":
        k -= 1
    return k < 0 or not text[k].isalpha()


def _governed(tokens: list[Token], i: int, objects: frozenset[str]) -> bool:
    """The word before token `i` (quote marks and # skipped) is a preposition or "نظيره"."""
    j = i - 1
    while j >= 0 and tokens[j].text in _QUOTE_OR_HASH:
        j -= 1
    return j >= 0 and is_word(tokens[j]) and in_set(tokens[j].text, objects)
