"""Build marsad/data/story_idf.tsv: the fixed term-rarity table that story clustering weights words by.

Why a fixed table and not IDF from the corpus seen so far: a pair's same-story decision must not depend on
which other articles happened to arrive first, or adding a batch later would regroup earlier stories
(incremental != batch). A table fixed at build time keeps each pair's score a pure function of the pair.

Source: the `wordfreq` package's Arabic "large" list (Wikipedia, subtitles, news, web; data licence
CC BY-SA 4.0 — see marsad/data/story_idf.md). Each word is turned into the same matching key the clusterer
uses (`marsad.cluster.term_key` rules without the lexicon step), frequencies of words sharing a key are
summed, and the key's Zipf value (log10 of occurrences per billion words) is written with 2 decimals.
Keys rarer than MIN_ZIPF are left out: at run time an unknown key counts as rarer than anything listed.

Run: .venv/bin/python training/story_idf.py  (needs `pip install wordfreq`; not a runtime dependency)
"""
from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from wordfreq import iter_wordlist, word_frequency

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from marsad.arabic import normalize_for_matching  # noqa: E402
from marsad.cluster import article_key  # noqa: E402

MIN_ZIPF = 2.5
OUT = Path(__file__).resolve().parents[1] / "marsad" / "data" / "story_idf.tsv"
WORD = re.compile(r"^[\u0621-\u064a0-9a-z]+$")


def main() -> None:
    freq: dict[str, float] = defaultdict(float)
    for word in iter_wordlist("ar", "large"):
        f = word_frequency(word, "ar", "large")
        if math.log10(f * 1e9) < MIN_ZIPF - 0.5:
            break
        norm = normalize_for_matching(word)
        if not WORD.match(norm):
            continue
        freq[article_key(norm)] += f
    rows = sorted(((k, math.log10(f * 1e9)) for k, f in freq.items()), key=lambda kv: (-kv[1], kv[0]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# key\tzipf  (see story_idf.md)\n")
        for key, zipf in rows:
            if zipf >= MIN_ZIPF:
                out.write(f"{key}\t{zipf:.2f}\n")
    print(f"wrote {OUT} with {sum(1 for _, z in rows if z >= MIN_ZIPF)} keys")


if __name__ == "__main__":
    main()
