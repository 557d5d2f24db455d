"""Name-type rates learned from unlabelled news, used as NER features (`ty=PER3` on the word, `ty±1=` and
`ty±2=` on its neighbours).

Why: the labelled corpora are small, but a model already trained on them tags millions of news tokens with
document-level consistency (`marsad.ner.propagate_names`). Counting, per word form, how often it lands inside
a name of each type gives the tagger type-level evidence about words it never saw labelled ("رجاء" is a
person's name half the time, "نيسان" is mostly a company) from contexts far more varied than training.
On our dev sets: ANERcorp 73.85 -> 75.08, AQMAR (wiki mode) 76.30 -> 77.61 (see MODEL_CARD.md).

How: a model trained without these features (the dev model, which has not seen the dev sets, so the dev
figures stay honest) tags every SaudiNewsNet article as `find_mentions` would; each form seen at least
MIN_COUNT times gets, per type, a level 1-3 by the share of its occurrences inside such a name. Deterministic
(sorted output, no randomness). Licence: derived from SaudiNewsNet, CC BY-NC-SA 4.0 like the clusters.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pycrfsuite

from marsad import ner
from training.word_clusters import news_texts

MIN_COUNT = 3                           # rarer forms: too few occurrences for a rate
LEVELS = ((0.5, 3), (0.15, 2), (0.03, 1))   # share of occurrences inside a name of the type -> level


def count_types(model: Path, lexicons: ner.Lexicons, folder: Path) -> tuple[dict[str, int], dict]:
    """(occurrences per form, {form: {type: occurrences inside a name of that type}}) over the news."""
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    tagger = ner.Tagger(crf, lexicons, ner.FeatureCache(lexicons), threading.Lock())
    forms: dict[str, str] = {}
    total: dict[str, int] = {}
    typed: dict[str, dict[str, int]] = {}
    for text in news_texts(folder):
        words = ner._words(text)
        sentences = [[w.text for w in words[begin:end]] for begin, end in ner._sentences(text, words)]
        labels = ner.propagate_names(sentences, [tagger.tag(s) for s in sentences], tagger.match_key)
        for sentence, tags in zip(sentences, labels):
            for word, tag in zip(sentence, tags):
                form = forms.get(word)
                if form is None:
                    form = forms[word] = ner.feature_form(word)
                total[form] = total.get(form, 0) + 1
                if tag != "O":
                    kinds = typed.setdefault(form, {})
                    kinds[tag[2:]] = kinds.get(tag[2:], 0) + 1
    return total, typed


def rates_text(total: dict[str, int], typed: dict[str, dict[str, int]]) -> str:
    """The rates file: `form<TAB>PER3 ORG1` (type + level, types sorted) for forms with any level."""
    lines = []
    for form in sorted(typed):
        if total[form] < MIN_COUNT or not form.strip():
            continue
        rates = []
        for kind, n in sorted(typed[form].items()):
            share = n / total[form]
            level = next((lv for floor, lv in LEVELS if share >= floor), 0)
            if level:
                rates.append(f"{kind}{level}")
        if rates:
            lines.append(form + "\t" + " ".join(rates))
    return "\n".join(lines) + "\n"


def build_rates(model: Path, lexicons: ner.Lexicons, folder: Path) -> str:
    """Tag the news with `model` and return the rates file text."""
    return rates_text(*count_types(model, lexicons, folder))
