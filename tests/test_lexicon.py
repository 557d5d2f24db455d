"""Word lists matched under normalisation (marsad/lexicon.py)."""
from __future__ import annotations

import pytest

from marsad.lexicon import LexiconError, PhraseTable, load_data, tokenize, word_variants


def test_tokenize_keeps_diacritics_tatweel_and_decimals_inside_words():
    text = "مُردفاً: الـعـراق بيّنت 5.7 و٣٫٥ #مصطفى_الكاظمي"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["مُردفاً", ":", "الـعـراق", "بيّنت", "5.7", "و٣٫٥", "#", "مصطفى", "_",
                                        "الكاظمي"]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_word_variants_strip_clitics_and_article():
    assert "اتفاق" in word_variants("وبالاتفاق")
    assert "مع" in word_variants("ومع")
    assert "حلف" in word_variants("للحلف")
    assert word_variants("وزير")[0] == "وزير"          # the full form is always kept first
    assert "امين" in word_variants("بالأمين")


def test_phrase_table_matches_spellings_and_gaps():
    table = PhraseTable([("التقى", "meet"), ("بحث ... مع", "talks"), ("اتصال هاتفي", "call")])
    tokens = tokenize("والتقى الوزير ثم بحث الملف الأمني مع نظيره في اتصالٍ هاتفيٍّ")
    hits = [(table.match(tokens, i)) for i in range(len(tokens))]
    found = [(h.value, tokens[h.first].text, tokens[h.last].text) for h in hits if h]
    assert found == [("meet", "والتقى", "والتقى"), ("talks", "بحث", "مع"), ("call", "اتصالٍ", "هاتفيٍّ")]
    assert table.match(tokens, 3, limit=5) is None         # the gap may not run past the limit


def test_bad_phrase_and_missing_file_raise_lexicon_error():
    with pytest.raises(LexiconError):
        PhraseTable([("... مع", 1)])
    with pytest.raises(LexiconError):
        load_data("no-such-list.json")
