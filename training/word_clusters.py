"""Word clusters learned from unlabelled Arabic news, used as NER features (`c0=`, `c1=`, `c2=`).

Why: the labelled corpora hold ~190K tokens, so most names a tagger meets in the wild were never seen in
training. Words used in the same contexts in millions of news tokens (club names after "فريق", capitals after
"في العاصمة") land in the same cluster, and the model learns the cluster's weight instead of each word's.

How: counts of each word's left and right neighbours (offsets -2..+2, a few thousand context words each) over
SaudiNewsNet, positive PMI, a truncated SVD to 128 dimensions, then spherical k-means at three granularities
(coarse to fine). Everything is seeded, single-threaded and sorted, so two runs write the same file.
Licence: SaudiNewsNet is CC BY-NC-SA 4.0, and so is the clusters file derived from it (see MODEL_CARD.md).
"""
from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.linalg import svds

from marsad import ner
from marsad.arabic import tokenize

VOCABULARY = 80_000            # most frequent word forms that get a cluster
MIN_COUNT = 5                  # rarer forms have too few contexts to place
CONTEXTS = {-2: 1000, -1: 5000, 1: 5000, 2: 1000}   # offset -> how many frequent words serve as contexts
DIMENSIONS = 128
GRANULARITIES = (64, 256, 1024)
KMEANS_ROUNDS = 20
SEED = 20240601


def news_texts(folder: Path, limit: int | None = None) -> Iterator[str]:
    """The `content` of each article in the SaudiNewsNet zips, in file order."""
    seen = 0
    for archive in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in sorted(zf.namelist()):
                for item in json.loads(zf.read(member)):
                    if limit is not None and seen >= limit:
                        return
                    seen += 1
                    yield item.get("content") or ""


def corpus_ids(texts: Iterator[str]) -> tuple[list[str], np.ndarray]:
    """Every token as an id into the returned form list; id 0 ("</s>") marks an article boundary."""
    index: dict[str, int] = {"</s>": 0}
    forms: dict[str, str] = {}
    ids: list[int] = []
    for text in texts:
        for word, _, _ in tokenize(text):
            form = forms.get(word)
            if form is None:
                form = forms[word] = ner.feature_form(word)
            ids.append(index.setdefault(form, len(index)))
        ids.append(0)
    return list(index), np.asarray(ids, dtype=np.int64)


def ppmi_matrix(ids: np.ndarray, counts: np.ndarray, rows: np.ndarray) -> csr_matrix:
    """Positive PMI between the chosen words (`rows`, by id) and their neighbours at each offset, with
    context frequencies smoothed by the usual 0.75 power so rare contexts do not dominate."""
    row_of = np.full(len(counts), -1, dtype=np.int64)
    row_of[rows] = np.arange(len(rows))
    by_freq = np.argsort(-counts, kind="stable")
    keys, base = [], 0
    for offset, size in CONTEXTS.items():
        col_of = np.full(len(counts), -1, dtype=np.int64)
        col_of[by_freq[:size]] = base + np.arange(size)
        if offset > 0:
            word, ctx = ids[:-offset], ids[offset:]
        else:
            word, ctx = ids[-offset:], ids[:offset]
        r, c = row_of[word], col_of[ctx]
        keep = (r >= 0) & (c >= 0)
        keys.append(r[keep] * 100_000 + c[keep])
        base += size
    unique, n = np.unique(np.concatenate(keys), return_counts=True)
    r, c = unique // 100_000, unique % 100_000
    n = n.astype(np.float64)
    total = n.sum()
    row_sum = np.bincount(r, weights=n, minlength=len(rows))
    col_sum = np.bincount(c, weights=n, minlength=base) ** 0.75
    pmi = np.log(n * col_sum.sum() / (row_sum[r] * col_sum[c]))
    keep = pmi > 0
    return csr_matrix((pmi[keep].astype(np.float32), (r[keep], c[keep])), shape=(len(rows), base))


def spherical_kmeans(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Cluster unit vectors by cosine; k-means++ seeding from `rng`. Returns a cluster id per row."""
    n = len(vectors)
    centres = np.empty((k, vectors.shape[1]), dtype=vectors.dtype)
    centres[0] = vectors[rng.integers(n)]
    distance = 1 - vectors @ centres[0]
    for i in range(1, k):
        weights = np.clip(distance, 0, None) ** 2
        pick = rng.choice(n, p=weights / weights.sum()) if weights.sum() > 0 else rng.integers(n)
        centres[i] = vectors[pick]
        distance = np.minimum(distance, 1 - vectors @ centres[i])
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(KMEANS_ROUNDS):
        labels = np.concatenate([np.argmax(vectors[s:s + 8192] @ centres.T, axis=1) for s in range(0, n, 8192)])
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.where(norms == 0, 1, norms))
    return labels


def build_vectors(folder: Path, limit: int | None = None) -> tuple[list[str], np.ndarray]:
    """(forms, unit vectors): the clustered vocabulary and its PPMI+SVD vectors, one row per form."""
    forms, ids = corpus_ids(news_texts(folder, limit))
    counts = np.bincount(ids, minlength=len(forms))
    counts[0] = 0
    by_freq = np.argsort(-counts, kind="stable")
    rows = by_freq[:VOCABULARY]
    rows = rows[counts[rows] >= MIN_COUNT]
    matrix = ppmi_matrix(ids, counts, rows)
    rng = np.random.default_rng(SEED)
    v0 = rng.standard_normal(min(matrix.shape))
    u, s, _ = svds(matrix.astype(np.float64), k=DIMENSIONS, v0=v0)
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
    return [forms[w] for w in rows], vectors


def build_clusters(folder: Path, limit: int | None = None) -> str:
    """The clusters file text: `form<TAB>id id id` per clustered word (coarse to fine), sorted by form."""
    forms, vectors = build_vectors(folder, limit)
    labels = [spherical_kmeans(vectors, k, np.random.default_rng(SEED + k)) for k in GRANULARITIES]
    lines = sorted(f"{form}\t{' '.join(str(lab[i]) for lab in labels)}" for i, form in enumerate(forms))
    return "\n".join(lines) + "\n"
