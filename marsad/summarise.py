"""Extractive story summaries: a few sentences taken verbatim from the story's articles.

Why extractive: every sentence keeps its article id and offsets (`article.text[start:end] == text`), so a
reader can jump to its source and nothing is invented. Choice: sentences central to the story (TF-IDF cosine
to the centroid of its articles, same term weights as clustering), with a bonus for the lead of an article
and for who/what/when (named entities, dates, reporting verbs, numbers), picked by MMR so that no two say the
same thing (one outlet's copy of a wire sentence is skipped once another outlet's copy is in).
"""
from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

from . import cluster, metadata
from .arabic import normalize_for_matching, split_sentences, strip_diacritics
from .records import Article, SummarySentence

MIN_WORDS = 6             # shorter lines are captions, bylines, "اقرأ أيضا"
MAX_WORDS = 70            # longer "sentences" are run-on paragraphs or unpunctuated dumps
MAX_SENTENCES_PER_ARTICLE = 40   # only the first sentences of each article are candidates (the lead matters)
MMR_LAMBDA = 0.7          # relevance vs novelty in MMR
MAX_OVERLAP = 0.5         # a candidate this similar to a chosen sentence says the same thing: never chosen
MAX_CONTAINED = 0.8       # ... and so does one whose words are this much inside a chosen sentence's (a cut copy)
LEAD_BONUS = (0.25, 0.1, 0.05)   # first, second, third sentence of an article: the lead says what happened
FACT_BONUS = 0.05         # per kind of who/what/when found in the sentence (entity, date, reporting verb, number)
REPORTING_VERBS = frozenset(normalize_for_matching(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أوضح", "أوضحت", "أشار", "أشارت", "صرح", "صرحت",
    "ذكر", "ذكرت", "أفاد", "أفادت", "كشف", "كشفت", "أضاف", "أضافت", "شدد", "شددت", "دعا", "دعت",
    "نفى", "نفت", "أعرب", "أعربت", "بحث", "بحثت", "استقبل", "استقبلت", "وقع", "وقعت"))

# A sentence ends after . ! ? ؟ … followed by space, or at a line break. "5.7" and "3.5%" are not ends.
_WORD = re.compile(r"[^\W_]+")
_CLITIC = re.compile(r"^[وف]")
_FIRST = operator.itemgetter(0)


class _Candidate:
    __slots__ = ("article", "start", "end", "text", "vector", "bonus", "key", "order")

    def __init__(self, article: Article, start: int, end: int, words: list[str], bonus: float,
                 vector: dict[str, float]) -> None:
        self.article = article.id
        self.start, self.end = start, end
        self.text = article.text[start:end]
        self.vector = vector
        self.key = " ".join(words)
        self.bonus = bonus
        self.order = (article.published or "\uffff", article.id, start)


def _normal_words(text: str) -> list[str]:
    """Normalised words, diacritics removed first (\\w does not cover harakat) and empty results (a run of
    tatweel) dropped."""
    return list(filter(None, map(cluster.normal_word, _WORD.findall(strip_diacritics(text)))))


def _spans_holding(items, spans: list[tuple[int, int]], starts: list[int]) -> set[int]:
    """Indexes of the spans that wholly contain at least one item (mention or timex): one bisect each."""
    found = set()
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if i >= 0 and item.end <= spans[i][1]:
            found.add(i)
    return found


def _reporting(words: list[str]) -> bool:
    return not REPORTING_VERBS.isdisjoint(words) or any(w[1:] in REPORTING_VERBS for w in words if _CLITIC.match(w))


def _fact_kinds(words: list[str]) -> int:
    """A reporting verb (with or without و/ف) and a number, each counting one."""
    number = any(map(str.isdigit, map(_FIRST, words)))
    return int(_reporting(words)) + int(number)


def _candidates(articles: Iterable[Article]) -> list[_Candidate]:
    """Sentences of MIN_WORDS..MAX_WORDS words among the first MAX_SENTENCES_PER_ARTICLE of each article,
    each with its lead and who/what/when bonus; questions are none."""
    found = []
    for article in articles:
        text = article.text or ""
        spans = _whole_quotations(text, split_sentences(text))
        starts = [s for s, _ in spans]
        with_entity = _spans_holding(article.mentions, spans, starts)
        with_date = _spans_holding(article.timexes, spans, starts)
        position = 0
        for i, (start, end) in enumerate(spans):
            if position >= MAX_SENTENCES_PER_ARTICLE:
                break
            if text[start:end].rstrip(" »\"”)").endswith(("؟", "?")):
                continue                        # a question ("س: هل تنوي الحكومة ...؟") tells no news
            if _caption_line(text, start, end):
                continue                        # "أطفال ينتظرون مياها نظيفة في مخيم للنازحين (AA)"
            if _paragraph_start(text, start):
                start += metadata.dateline_end(text[start:end])   # "مسقط (بترا) - بحث ...": the news
            raw = _WORD.findall(strip_diacritics(text[start:end]))     # once for the key and the vector
            words = list(filter(None, map(cluster.normal_word, raw)))
            if len(words) < MIN_WORDS:
                continue
            if len(words) <= MAX_WORDS:
                kinds = _fact_kinds(words) + (i in with_entity) + (i in with_date)
                lead = LEAD_BONUS[position] if position < len(LEAD_BONUS) else 0.0
                # the vector of cluster.story_vector(None, sentence, MAX_WORDS), from the words split here
                vector = cluster.words_vector([], raw[:MAX_WORDS])
                found.append(_Candidate(article, start, end, words, lead + FACT_BONUS * kinds, vector))
            position += 1
    return found


CAPTION_WORDS = 30        # a paragraph this short with no sentence end is a caption or a leftover heading
_SENTENCE_END = re.compile(r"[.!؟?…:»”\"][\s»\"”')]*$")


def _paragraph_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n" or text[:start].endswith("\n\n")


def _caption_line(text: str, start: int, end: int) -> bool:
    """A whole short paragraph that does not end like a sentence: a photo caption ("... - تصوير: فلان",
    "... (يمين)"), a deck or a heading left in the body, which a summary must not quote as news."""
    if not _paragraph_start(text, start) or (end < len(text) and text[end] != "\n"):
        return False
    line = text[start:end]
    words = line.split()
    if len(words) > CAPTION_WORDS or _SENTENCE_END.search(line) or words[0][:1] in "وف":
        return False                # "وأضاف فلان: سنطلق حملة ..." goes on the story, unpunctuated or not
    return not _reporting(_normal_words(line))


_OPENING, _CLOSING = "«“", "»”"


def _whole_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences joined while a quotation opened in one is still open ("وقالت: «نحن قلقون. النظام الصحي
    ..."»" is one sentence of a summary, not a half quotation and a dangling one), on one line, up to
    MAX_WORDS words; straight quotes count as open when odd."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            a, b = out[-1]
            piece = text[a:b]
            depth = sum(piece.count(c) for c in _OPENING) - sum(piece.count(c) for c in _CLOSING)
            open_quote = depth > 0 or piece.count('"') % 2 == 1
            if open_quote and "\n" not in text[b:start] and len(text[a:end].split()) <= MAX_WORDS:
                out[-1] = (a, end)
                continue
        out.append((start, end))
    return out


def _without_cut_copies(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop a sentence whose words are mostly (MAX_CONTAINED) inside a longer candidate's: one outlet's cut
    copy of another's sentence ("... استشهاد الرقيب ماجد بن فهد.") says less of the same thing, and being
    shorter it would otherwise look more central than the whole one.

    A longer sentence holding that share of a candidate's words holds at least one of any
    (1 - MAX_CONTAINED) share + 1 of them, so only the sentences sharing one of its rarest words are compared:
    linear in practice, where comparing all pairs was quadratic in a story's size."""
    sets = {id(c): set(c.key.split()) for c in candidates}
    frequency = Counter(w for words in sets.values() for w in words)
    by_length = sorted(candidates, key=lambda c: (-len(c.key), c.order))
    postings: dict[str, list[set[str]]] = defaultdict(list)
    dropped = set()
    for c in by_length:
        words = sets[id(c)]
        need = MAX_CONTAINED * len(words)
        probe = sorted(words, key=lambda w: (frequency[w], w))[:int((1 - MAX_CONTAINED) * len(words)) + 1]
        seen: set[int] = set()
        for w in probe:
            for other in postings.get(w, ()):
                if id(other) not in seen:
                    seen.add(id(other))
                    if len(other) > len(words) and len(words & other) >= need:
                        dropped.add(id(c))
                        break
            if id(c) in dropped:
                break
        if id(c) not in dropped:
            for w in words:
                postings[w].append(words)
    return [c for c in candidates if id(c) not in dropped]


def centroid(articles: Iterable[Article]) -> dict[str, float]:
    """The normalised sum of the articles' headline+lead vectors: what the story is about."""
    total: dict[str, float] = {}
    for a in articles:
        for k, w in cluster.story_vector(a.title, a.text or "").items():
            total[k] = total.get(k, 0.0) + w
    norm = sum(w * w for w in total.values()) ** 0.5
    return {k: w / norm for k, w in total.items()} if norm else {}


def summarise(articles: list[Article], max_sentences: int = 5,
              center: dict[str, float] | None = None) -> list[SummarySentence]:
    """Up to `max_sentences` sentences (3-5 when the story has that much to say) taken verbatim from the
    articles, most central first, no two saying the same thing. Each keeps its article id and offsets:
    `article.text[s.start:s.end] == s.text`. Empty articles give an empty summary. `center` is
    `centroid(articles)` when the caller has computed it already (build_story does, for the title)."""
    if max_sentences <= 0 or not articles:
        return []
    ordered = sorted(articles, key=lambda a: (a.published or "\uffff", a.id))
    titles = {" ".join(_normal_words(a.title)) for a in ordered if a.title and len(a.title.strip()) > 10}
    # a sentence repeating a headline ("رابط الخبر: <headline>", a title echoed in the body) adds nothing
    candidates = _without_cut_copies([c for c in _candidates(ordered) if not any(t in c.key for t in titles)])
    if not candidates:
        return []
    if center is None:
        center = centroid(ordered)
    # Scores are rounded: cosines summed in a different order (dict and set order follow the process's hash
    # seed) differ in the last bits, and an exact tie must fall to `order` in every process.
    relevance = {id(c): round(cluster.cosine(c.vector, center) + c.bonus, 9) for c in candidates}
    chosen: list[_Candidate] = []
    seen_keys: set[str] = set()
    pool = sorted(candidates, key=lambda c: (-relevance[id(c)], c.order))
    overlap = {id(c): 0.0 for c in pool}     # largest cosine to a chosen sentence, kept up to date
    while pool and len(chosen) < max_sentences:
        best, best_value = None, None
        for c in pool:
            value = round(MMR_LAMBDA * relevance[id(c)] - (1 - MMR_LAMBDA) * overlap[id(c)], 9)
            if best_value is None or value > best_value:
                best, best_value = c, value
        if best is None:
            break
        chosen.append(best)
        seen_keys.add(best.key)
        kept = []
        for c in pool:
            if c is best or c.key in seen_keys:
                continue
            o = max(overlap[id(c)], round(cluster.cosine(c.vector, best.vector), 9))
            if o > MAX_OVERLAP:
                continue                          # says what a chosen sentence says: never chosen
            overlap[id(c)] = o
            kept.append(c)
        pool = kept
    # read in the order the articles tell it: the article of the most central sentence first, and each
    # article's sentences in text order ("وأضاف الراقي" after "وقال عبد الغني الراقي", not before it)
    rank = {}
    for c in chosen:
        rank.setdefault(c.article, len(rank))
    chosen.sort(key=lambda c: (rank[c.article], c.start))
    return [SummarySentence(text=c.text, article=c.article, start=c.start, end=c.end) for c in chosen]
