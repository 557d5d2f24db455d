"""Word lists kept as data (marsad/data/*.json) and looked up in text under the matching normalisation.

Quotes (reporting verbs), events (trigger words) and referents (title heads) all ask the same question: does
the text at this token say one of these words or phrases, whatever its hamza, alef, ya, teh marbuta, tanwin,
tatweel or leading و/ف/ب/ل/ك? Lists live in JSON so that adding a verb never means adding a branch.
"""
from __future__ import annotations

import itertools
import json
import operator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Generic, Iterable, NamedTuple, TypeVar

from marsad import MarsadError

from marsad.arabic import (  # noqa: F401 - Token and tokenize re-exported
    Token,
    normalize_for_matching,
    split_proclitics,
    split_sentences,
    strip_article,
    tokenize,
)

V = TypeVar("V")

# In a phrase written in a data file, "..." stands for "any few words here" ("بحث ... مع").
GAP = "..."
GAP_WORDS = 12
CACHED_WORDS = 200_000    # written words remembered per phrase table (about the vocabulary of 30,000 articles)


class LexiconError(MarsadError):
    """A bundled word list is missing or malformed (a packaging error, not bad input)."""


def load_data(name: str) -> dict:
    """Read marsad/data/`name` (JSON) from the installed package."""
    try:
        raw = resources.files("marsad").joinpath("data", name).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read word list {name}: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"word list {name} is not a JSON object")
    return data


@lru_cache(maxsize=300_000)
def normal(word: str) -> str:
    """`normalize_for_matching` of one word, cached: news vocabulary repeats, so most words are seen before.
    The one cache of word normalisation: quotes, events, referents, story features and summaries share it."""
    return normalize_for_matching(word)


@lru_cache(maxsize=200_000)
def word_variants(word: str) -> tuple[str, ...]:
    """The forms under which a written word is looked up: normalised; without leading و/ف/ب/ك/ل; without ال
    (and للـ read as لـ + ال); without a leading و/ف even on a short word ("ومع" -> "مع").
    "وبالاتفاق" -> ("وبالاتفاق", "الاتفاق", "اتفاق", "بالاتفاق").

    The proclitic rule cannot tell a clitic from a root letter ("وزير" also yields "زير"), so the full form is
    always kept first and lists are matched against every variant; a list entry is stored in its canonical
    form (see `canonical`), which is among the variants of each of its spellings.
    """
    norm = normal(word)
    out = [norm]
    bare = norm[split_proclitics(norm):]
    conj = norm[1:] if len(norm) >= 3 and norm[0] in "وف" else norm      # "ومع" -> "مع"
    forms = [bare, strip_article(norm), strip_article(bare), conj]
    if conj.startswith("لل") and len(conj) > 4:                          # للحلف = لـ + الحلف
        forms.append(conj[2:])
    for form in forms:
        if form and form not in out:
            out.append(form)
    return tuple(out)


@lru_cache(maxsize=200_000)
def conjunction_variants(word: str) -> tuple[str, ...]:
    """The word normalised, and without a leading و/ف: how verbs are looked up. A verb takes no ب/ل/ال, so
    "بالذكر" (in "الجدير بالذكر أن") must not read as the verb ذكر."""
    norm = normal(word)
    if len(norm) > 2 and norm[0] in "وف":
        return (norm, norm[1:])
    return (norm,)


class Tokenized(NamedTuple):
    """A text's tokens and what quotes, events and referents all derive from them (see `tokenized`)."""

    tokens: list[Token]
    starts: list[int]                     # start offset of each token, for bisect
    words_before: list[int]               # word tokens before token i (one more entry than tokens)
    words: frozenset[str]                 # the distinct word tokens as written
    sentences: list[tuple[int, int]]      # split_sentences(text)


_last_tokenized: tuple[str, Tokenized] | None = None
_TEXT, _START, _FIRST = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(0)


def tokenized(text: str) -> Tokenized:
    """The text's tokens, word counts and sentences, remembered for the last text: quotes, events and
    referents read the same article one after the other, and tokenising is a fifth of their work. The lists
    are shared: callers must not change them."""
    global _last_tokenized
    last = _last_tokenized
    if last is not None and (text is last[0] or text == last[0]):
        return last[1]
    tokens = tokenize(text)
    texts = list(map(_TEXT, tokens))
    is_word_token = list(map(str.isalnum, map(_FIRST, texts)))     # `is_word` of each token
    found = Tokenized(
        tokens=tokens,
        starts=list(map(_START, tokens)),
        words_before=list(itertools.accumulate(is_word_token, initial=0)),
        words=frozenset(itertools.compress(texts, is_word_token)),
        sentences=split_sentences(text),
    )
    _last_tokenized = (text, found)
    return found


def positions(tokens: list[Token], words: set[str] | frozenset[str]) -> list[int]:
    """Indexes of the tokens written as one of `words`, in order."""
    if not words:
        return []
    return [i for i, t in enumerate(tokens) if t.text in words]


def canonical(word: str) -> str:
    """How a list entry's word is stored: normalised, without ال (leading clitics are left to the variants)."""
    return strip_article(normal(word))


def is_word(token: Token) -> bool:
    """A token made of letters or digits (not a punctuation mark)."""
    return token.text[0].isalnum()


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A phrase found at tokens [first, last] (inclusive indexes into the token list)."""

    first: int
    last: int
    value: V


class PhraseTable(Generic[V]):
    """Phrases (one or more words, "..." for a short gap, "... ..." for one twice as long) mapped to values,
    matched token by token.

    Lookup is by the first word's canonical form, so matching a whole text costs one dictionary probe per
    word variant. Punctuation tokens between the words of a phrase are not allowed except inside a gap.
    Which written words start a phrase is remembered (`first_words`), and so are the phrases they start
    (`_starting`): the stages ask about every token of every article, and news vocabulary repeats, so almost
    every question is a set or dictionary probe on the word as written.
    """

    def __init__(self, phrases: Iterable[tuple[str, V]], variants=None) -> None:
        """`variants` gives the lookup forms of a written word (default `word_variants`; verbs use
        `conjunction_variants`); list words are stored normalised and, with the default, without ال."""
        self._variants = variants or word_variants
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._starting: dict[str, tuple[tuple[tuple[str, ...], V], ...]] = {}
        self._checked: set[str] = set()          # written words `first_words` has looked up
        self._starters: set[str] = set()         # ... those a phrase may start with
        for phrase, value in phrases:
            first = canonical if self._variants is word_variants else normal
            words = tuple(GAP if w == GAP else first(w) if n == 0 else canonical(w)
                          for n, w in enumerate(phrase.split()))
            if not words or words[0] == GAP:
                raise LexiconError(f"bad phrase in word list: {phrase!r}")
            self._by_first.setdefault(words[0], []).append((words, value))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))        # longest phrase first

    def __contains__(self, word: str) -> bool:
        return bool(self._entries(word))

    def _entries(self, word: str) -> tuple[tuple[tuple[str, ...], V], ...]:
        """The phrases whose first word is a variant of `word`, in the order `match` tries them (variant by
        variant, longest phrase first); () for most words."""
        entries = self._starting.get(word)
        if entries is None:
            found: list[tuple[tuple[str, ...], V]] = []
            for variant in self._variants(word):
                found.extend(self._by_first.get(variant, ()))
            entries = tuple(found)
            if len(self._starting) >= CACHED_WORDS:
                self._starting.clear()
            self._starting[word] = entries
        return entries

    def first_words(self, words: Iterable[str]) -> frozenset[str] | set[str]:
        """Those of `words` (an article's distinct word tokens as written) that a phrase may start with:
        `match` returns None at any other token. Two set operations once the vocabulary has been seen:
        each written word is looked up once per table (`_checked`), and the ones that start a phrase kept."""
        if not isinstance(words, (set, frozenset)):
            words = frozenset(words)
        new = words - self._checked
        if new:
            if len(self._checked) + len(new) > CACHED_WORDS:
                self._checked.clear()
                self._starters.clear()
                new = words
            firsts = self._by_first.keys()
            variants = self._variants
            self._starters.update(w for w in new if not firsts.isdisjoint(variants(w)))
            self._checked.update(new)
        return words & self._starters

    def match(self, tokens: list[Token], i: int, limit: int | None = None) -> Hit[V] | None:
        """The longest phrase starting at token `i` (a word token), or None. `limit` bounds the tokens used."""
        end = len(tokens) if limit is None else min(limit, len(tokens))
        if i >= end or not is_word(tokens[i]):
            return None
        for words, value in self._entries(tokens[i].text):
            if len(words) == 1:
                return Hit(i, i, value)
            last = _match_rest(tokens, i, end, words)
            if last is not None:
                return Hit(i, last, value)
        return None


def _match_rest(tokens: list[Token], i: int, end: int, words: tuple[str, ...]) -> int | None:
    """Index of the last token if `words[1:]` follow token `i`, else None. Words after the first may carry
    any clitic or article ("وقع ... الاتفاقية", "توصل ... إلى اتفاق")."""
    j = i
    w = 1
    while w < len(words):
        if words[w] == GAP:
            gaps = 1
            while words[w + gaps] == GAP:         # "قضت ... ... بالسجن": the court's name, seat and bench between
                gaps += 1
            w += gaps - 1
            target = words[w + 1]
            for k in range(j + 1, min(end, j + 1 + GAP_WORDS * 2 * gaps)):
                if is_word(tokens[k]) and target in word_variants(tokens[k].text):
                    j = k
                    break
            else:
                return None
            w += 2
            continue
        j += 1
        if j >= end or not is_word(tokens[j]) or words[w] not in word_variants(tokens[j].text):
            return None
        w += 1
    return j


def word_set(words: Iterable[str]) -> frozenset[str]:
    """Canonical forms of single words, for `in_set` membership tests."""
    return frozenset(canonical(w) for w in words)


def in_set(word: str, words: frozenset[str]) -> bool:
    """Whether any variant of `word` is in `words` (built by `word_set`)."""
    return any(v in words for v in word_variants(word))


def exact_set(words: Iterable[str]) -> frozenset[str]:
    """Normalised forms without clitic stripping, for small closed classes where a clitic changes the word
    ("أن" is a complementiser, "وأن" continues an earlier one)."""
    return frozenset(normalize_for_matching(w) for w in words)


def phrase_words(phrase: str) -> list[str]:
    """The word tokens of a phrase as written (punctuation dropped), e.g. a title "الأمين العام (ناتو)"."""
    return [t.text for t in tokenize(phrase) if is_word(t)]
