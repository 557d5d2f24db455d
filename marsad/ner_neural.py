"""A neural NER tagger with a pure-numpy forward pass, behind the same `tag(words) -> labels` interface as
the CRF in `marsad/ner.py`, so `find_mentions` (clitic trimming, hashtags, `propagate_names`) is unchanged.

Why neural: the CRF sees a word only through its spelling and one of 1,024 clusters; dense news vectors and
a character CNN let the tagger place names it never saw in training (transliterations, new clubs), which
is where the CRF loses recall. Why numpy: torch is hundreds of megabytes and is needed only to train
(`training/train_ner_neural.py`); the forward pass is a few matrix products per sentence.

Architecture (the arrays in `marsad/models/ner_neural.npz`, trained by `training/train_ner_neural.py`):
- per word, computed once per distinct word and cached: frozen 128-d SaudiNewsNet vectors (int8, one scale
  per row) looked up by the normalised form, else by its stem without proclitics, else by the stem without
  the article, projected; a character CNN over the form; an embedding of the form if it was frequent in
  training; small embeddings of the word's shape, proclitic string, trigger-word class and how its vector
  was found. The word's product with the encoder's input weights is what is cached;
- per sentence: a bidirectional LSTM (or dilated 1-D convolutions, kernel 3, ReLU, residual after the
  first), one linear layer to label scores per domain (news, wiki), and Viterbi decoding with that
  domain's CRF transitions, with IOB2-invalid transitions (O -> I-X, B-X -> I-Y) forbidden.
The sentences of a text are tagged together as padded batches, which is what makes the LSTM affordable.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from marsad import ner
from marsad.arabic import split_proclitics, strip_article

MODEL_FILE = "ner_neural.npz"
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
DOMAINS = ("news", "wiki")
MAX_CHARS = 24                     # characters of a form the char CNN reads (with its two boundary marks)
SHAPES = ("pad", "ar", "num", "numx", "LAT", "lat", "punct", "mix")
CLITICS = ("", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")
TRIGGERS = ("", "PER", "ORG", "LOC")
FOUND = ("form", "stem", "bare", "none")   # how a word's vector was found; "none" means the unknown row
FORBIDDEN = -1e4                   # transition score that rules a pair out at decoding
_CACHE_LIMIT = 300_000
BATCH = 32                         # sentences tagged together; sorted by length, so padding stays small


def forbidden_transitions() -> np.ndarray:
    """(from, to) mask of IOB2-invalid pairs: I-X may only follow B-X or I-X."""
    mask = np.zeros((len(LABELS), len(LABELS)), dtype=bool)
    for j, to in enumerate(LABELS):
        if to.startswith("I-"):
            for i, prev in enumerate(LABELS):
                mask[i, j] = prev[2:] != to[2:]
    return mask


def forbidden_starts() -> np.ndarray:
    return np.array([label.startswith("I-") for label in LABELS])


_SHAPE_ID = {s: i for i, s in enumerate(SHAPES)}
_CLITIC_ID = {c: i for i, c in enumerate(CLITICS)}
_TRIGGER_ID = {t: i for i, t in enumerate(TRIGGERS)}


@dataclass(frozen=True)
class WordInputs:
    """The ids a word is fed to the network as (row 0 of every table is padding/unknown)."""

    vector: int                   # row of the news vectors (0: unknown)
    found: int                    # index into FOUND
    shape: int
    clitic: int
    trigger: int
    chars: tuple[int, ...]        # char ids of "<form>", at most MAX_CHARS
    seen: int = 0                 # row of the embeddings learned for frequent training words (0: other)


def word_inputs(word: str, vocabulary: dict[str, int], alphabet: dict[str, int],
                seen: dict[str, int] | None = None) -> WordInputs:
    """Turn one token into network inputs. `vocabulary` maps a normalised form to its vector row (from 1),
    `alphabet` a character to its embedding row (from 2; 1 is an unknown character, 0 padding), `seen` a
    frequent training form to its learned embedding row (from 1).

    The proclitic cut is the deepest one whose remainder is a news word or starts with ال, so "وبغداد"
    finds "بغداد"'s vector and "وليد" keeps its own; a word none of whose cuts is known keeps its letters."""
    form = ner.feature_form(word) or word[:1] or " "
    shape = ner.word_shape(form)
    if shape == "lat" and word[:1].isupper():     # the normalised form is case-folded
        shape = "LAT"
    cut = 0
    if shape == "ar":
        deepest = split_proclitics(form)
        for n in range(deepest, 0, -1):
            rest = form[n:]
            if rest in vocabulary or (rest.startswith("ال") and len(rest) > 3):
                cut = n
                break
    rest = form[cut:]
    bare = strip_article(rest)
    if form in vocabulary:
        vector, found = vocabulary[form], 0
    elif rest in vocabulary:
        vector, found = vocabulary[rest], 1
    elif bare in vocabulary:
        vector, found = vocabulary[bare], 2
    else:
        vector, found = 0, 3
    trigger = ner.TRIGGER_OF.get(bare, "")
    chars = tuple(alphabet.get(c, 1) for c in ("<" + form[:MAX_CHARS - 2] + ">"))
    return WordInputs(vector, found, _SHAPE_ID[shape], _CLITIC_ID.get(form[:cut], 0), _TRIGGER_ID[trigger],
                      chars, seen.get(form, 0) if seen else 0)


def conv1d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """'Same' 1-D convolution of kernel 3 over axis -2 of x (..., T, C_in), zero-padded; `weight` is
    (3 * C_in, C_out) with the taps stacked left, centre, right (torch's Conv1d weight (out, in, 3)
    transposed to (3, in, out) and flattened)."""
    t, c = x.shape[-2], x.shape[-1]
    taps = np.zeros(x.shape[:-1] + (3 * c,), dtype=np.result_type(x, weight))
    taps[..., c:2 * c] = x
    if dilation < t:
        taps[..., dilation:, :c] = x[..., :t - dilation, :]
        taps[..., :t - dilation, 2 * c:] = x[..., dilation:, :]
    return taps @ weight + bias


def shift_add(parts: np.ndarray, dilation: int) -> np.ndarray:
    """The same convolution when each word's three tap products are precomputed: `parts` (B, T, 3, C_out)
    holds x[t] @ W_left, x[t] @ W_centre, x[t] @ W_right; out[t] = left[t - d] + centre[t] + right[t + d]
    (zero rows stand for padding)."""
    out = parts[:, :, 1].copy()
    t = parts.shape[1]
    if dilation < t:
        out[:, dilation:] += parts[:, :t - dilation, 0]
        out[:, :t - dilation] += parts[:, dilation:, 2]
    return out


def bilstm(parts: np.ndarray, lengths: np.ndarray, recurrent: np.ndarray) -> np.ndarray:
    """(B, T, 2H) outputs of a bidirectional LSTM over a padded batch, given each word's input products
    `parts` (B, T, 2, 4H), bias included, the sentence lengths, and the recurrent weights (2, H, 4H); gates
    ordered input, forget, output, cell. Both directions and all sentences advance in the same array
    operations: the backward direction reads each sentence reversed within its own length. Rows past a
    sentence's length are garbage. sigmoid(x) = (1 + tanh(x / 2)) / 2, so one tanh serves all four gates."""
    batch, t_len, _, four = parts.shape
    hidden = four // 4
    half = np.ones(four, dtype=parts.dtype)
    half[:3 * hidden] = 0.5
    positions = np.arange(t_len)
    backward = np.clip(lengths[:, None] - 1 - positions[None, :], 0, None)      # (B, T)
    rows = np.arange(batch)[:, None]
    inputs = np.stack([parts[:, :, 0], parts[rows, backward, 1]], axis=0) * half   # (2, B, T, 4H)
    inputs = np.ascontiguousarray(inputs.transpose(2, 0, 1, 3))                      # (T, 2, B, 4H)
    weights = (recurrent * half).astype(parts.dtype)
    h = np.zeros((2, batch, hidden), dtype=parts.dtype)
    c = np.zeros((2, batch, hidden), dtype=parts.dtype)
    out = np.empty((t_len, 2, batch, hidden), dtype=parts.dtype)
    three = 3 * hidden
    for t in range(t_len):
        gates = np.tanh(inputs[t] + np.matmul(h, weights))
        sig = gates[..., :three] * 0.5 + 0.5
        c = sig[..., hidden:2 * hidden] * c + sig[..., :hidden] * gates[..., three:]
        h = out[t] = sig[..., 2 * hidden:] * np.tanh(c)
    forward = out[:, 0].transpose(1, 0, 2)                                           # (B, T, H)
    back = out[:, 1].transpose(1, 0, 2)[rows, backward]
    return np.concatenate([forward, back], axis=2)


def viterbi_batch(scores: np.ndarray, lengths: list[int], transitions: np.ndarray, start: np.ndarray,
                  end: np.ndarray) -> list[list[int]]:
    """Best label paths for a padded batch of (B, T, L) emission scores under a linear-chain CRF; each
    sentence's path stops at its own length."""
    batch, t_len, n = scores.shape
    if t_len == 0:
        return [[] for _ in range(batch)]
    lengths_arr = np.asarray(lengths)
    best = start + scores[:, 0]
    back = np.zeros((t_len, batch, n), dtype=np.int64)
    for t in range(1, t_len):
        total = transitions + best[:, :, None]                 # (B, from, to)
        back[t] = total.argmax(axis=1)
        step = total.max(axis=1) + scores[:, t]
        live = (lengths_arr > t)[:, None]
        best = np.where(live, step, best)
    best = best + end
    paths = []
    for b, length in enumerate(lengths):
        if length == 0:
            paths.append([])
            continue
        path = [int(best[b].argmax())]
        for t in range(length - 1, 0, -1):
            path.append(int(back[t, b, path[-1]]))
        path.reverse()
        paths.append(path)
    return paths


def viterbi(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label path for one sentence's (T, L) emission scores under a linear-chain CRF."""
    return viterbi_batch(scores[None], [len(scores)], transitions, start, end)[0]


class _BlasThreads:
    """Runs the tagger's matrix products with OpenBLAS (numpy's matrix library) on one thread.

    Why: the tagger multiplies small matrices step by step; OpenBLAS splits each across every core and its
    threads spin-wait for each other, which on a busy machine made a 32-sentence batch 300 times slower
    (64 ms instead of 0.2 ms per step, measured on the 2-core dev machine). OPENBLAS_NUM_THREADS=1 would do
    it only if set before numpy loads, so the library is found among the process's loaded files (Linux)
    and told directly; its setting is restored after. Where it cannot be found this does nothing."""

    def __init__(self) -> None:
        self.get = self.set = None
        try:
            import ctypes
            with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
                paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower() and ".so" in line})
            for path in paths:
                lib = ctypes.CDLL(path)
                for prefix, suffix in (("scipy_openblas", "64_"), ("scipy_openblas", ""), ("openblas", "")):
                    getter = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                    setter = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                    if getter is not None and setter is not None:
                        self.get, self.set = getter, setter
                        return
        except (OSError, ValueError, AttributeError):
            self.get = self.set = None

    @contextmanager
    def one(self):
        previous = self.get() if self.get is not None else 1
        if previous != 1:
            self.set(1)
        try:
            yield
        finally:
            if previous != 1:
                self.set(previous)


class NeuralModelError(ner.NerModelError):
    """The neural model file is missing or lacks an array the forward pass needs."""


def pack_strings(items: list[str]) -> np.ndarray:
    """A list of strings as one uint8 array (UTF-8, newline-separated): a tenth of the size of a numpy
    unicode array and read back in milliseconds."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def strings(packed: np.ndarray) -> list[str]:
    """The inverse of `pack_strings`."""
    text = packed.tobytes().decode("utf-8")
    return text.split("\n") if text else []


@dataclass
class Network:
    """The arrays of a trained model, by the names `training/train_ner_neural.py` exports."""

    arrays: dict[str, np.ndarray]
    vocabulary: dict[str, int]
    alphabet: dict[str, int]
    dilations: tuple[int, ...]
    seen: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "Network":
        forms = strings(arrays["forms"])
        letters = strings(arrays["alphabet"])
        dilations = tuple(int(d) for d in arrays["dilations"])
        encoder = [f"conv{i}_{p}" for i in range(len(dilations)) for p in "wb"] if dilations \
            else ["lstm_wih", "lstm_b", "lstm_whh"]
        needed = ["vectors", "vector_scale", "proj_w", "proj_b", "char_emb", "char_w", "char_b", "shape_emb",
                  "clitic_emb", "trigger_emb", "found_emb"] + encoder + \
                 [f"{d}_{p}" for d in DOMAINS for p in ("out_w", "out_b", "trans", "start", "end")]
        missing = [name for name in needed if name not in arrays]
        if missing:
            raise NeuralModelError(f"neural NER model lacks {', '.join(missing)}")
        if "seen_forms" in arrays:          # optional: embeddings of frequent training words
            needed.append("seen_emb")
        table = {name: np.asarray(arrays[name], dtype=np.float32) for name in needed if name in arrays}
        table["vectors"] = np.asarray(arrays["vectors"])
        if "seen_emb" in needed and "seen_emb" not in arrays:
            raise NeuralModelError("neural NER model lacks seen_emb")
        for domain in DOMAINS:
            trans = table[f"{domain}_trans"].copy()
            trans[forbidden_transitions()] = FORBIDDEN
            table[f"{domain}_trans"] = trans
            first = table[f"{domain}_start"].copy()
            first[forbidden_starts()] = FORBIDDEN
            table[f"{domain}_start"] = first
        if dilations:                        # (3 * D, H) -> (D, 3 * H): one product gives all three taps
            w = table["conv0_w"]
            table["conv0_taps"] = np.ascontiguousarray(
                w.reshape(3, -1, w.shape[1]).transpose(1, 0, 2).reshape(w.shape[0] // 3, -1))
        seen = {f: i + 1 for i, f in enumerate(strings(arrays["seen_forms"]))} if "seen_forms" in arrays else {}
        return cls(table, {f: i + 1 for i, f in enumerate(forms)}, {c: i + 2 for i, c in enumerate(letters)},
                   dilations, seen)

    def word_vectors(self, inputs: list[WordInputs]) -> np.ndarray:
        """(n, D) input vectors of n words: the part of the network that sees one word at a time."""
        a = self.arrays
        rows = np.array([w.vector for w in inputs])
        vectors = a["vectors"][rows].astype(np.float32) * a["vector_scale"][rows][:, None]
        projected = np.tanh(vectors @ a["proj_w"] + a["proj_b"])
        width = max(len(w.chars) for w in inputs)
        chars = np.zeros((len(inputs), width), dtype=np.int64)
        for i, w in enumerate(inputs):
            chars[i, :len(w.chars)] = w.chars
        conv = np.maximum(conv1d(a["char_emb"][chars], a["char_w"], a["char_b"], 1), 0)
        conv *= (chars > 0)[:, :, None]
        pooled = conv.max(axis=1)
        extra = [a["shape_emb"][[w.shape for w in inputs]], a["clitic_emb"][[w.clitic for w in inputs]],
                 a["trigger_emb"][[w.trigger for w in inputs]], a["found_emb"][[w.found for w in inputs]]]
        if "seen_emb" in a:
            extra.append(a["seen_emb"][[w.seen for w in inputs]])
        return np.concatenate([projected, pooled] + extra, axis=1)

    def first_layer_parts(self, x: np.ndarray) -> np.ndarray:
        """(n, 3, H): each word's product with the first convolution's three taps, or (n, 2, 4H) its input
        to the two LSTM directions. They depend on the word alone, so the tagger caches them and the
        widest layer costs only additions per token."""
        if not self.dilations:
            return (x @ self.arrays["lstm_wih"] + self.arrays["lstm_b"]).reshape(len(x), 2, -1)
        return (x @ self.arrays["conv0_taps"]).reshape(len(x), 3, -1)

    def emissions(self, x: np.ndarray, domain: str = "news") -> np.ndarray:
        """(T, L) label scores of one sentence from its (T, D) word vectors."""
        return self.emissions_batch(self.first_layer_parts(x)[None], [len(x)], domain)[0]

    def emissions_batch(self, parts: np.ndarray, lengths: list[int], domain: str = "news") -> np.ndarray:
        """(B, T, L) label scores of a padded batch of sentences from their words' `first_layer_parts`
        (B, T, ...); zero rows are padding, and as in training, padding is zeroed after every layer so a
        sentence's scores do not depend on its batch."""
        a = self.arrays
        if not self.dilations:
            x = bilstm(parts, np.asarray(lengths), a["lstm_whh"])
        else:
            mask = (np.arange(parts.shape[1])[None, :] < np.asarray(lengths)[:, None])[:, :, None]
            x = np.maximum(shift_add(parts, self.dilations[0]) + a["conv0_b"], 0) * mask
            for i, dilation in enumerate(self.dilations[1:], 1):
                x = x + np.maximum(conv1d(x, a[f"conv{i}_w"], a[f"conv{i}_b"], dilation), 0) * mask
        return x @ a[f"{domain}_out_w"] + a[f"{domain}_out_b"]

    def decode_batch(self, scores: np.ndarray, lengths: list[int], domain: str = "news") -> list[list[str]]:
        a = self.arrays
        paths = viterbi_batch(scores, lengths, a[f"{domain}_trans"], a[f"{domain}_start"], a[f"{domain}_end"])
        return [[LABELS[i] for i in path] for path in paths]


@dataclass
class NeuralTagger:
    """A loaded network with a per-word cache of its first-layer products; used where `marsad.ner.Tagger`
    is (`tag`, `match_key`, `lexicons`)."""

    network: Network
    lexicons: ner.Lexicons
    cache: dict[str, np.ndarray] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    match_key = ner.Tagger.match_key

    def _parts(self, sentences: list[list[str]]) -> np.ndarray:
        """(B, T, ...) cached first-layer products of a batch of sentences, zero-padded."""
        cache = self.cache
        missing = list(dict.fromkeys(w for words in sentences for w in words if w not in cache))
        if missing:
            if len(cache) + len(missing) > _CACHE_LIMIT:
                cache.clear()
                missing = list(dict.fromkeys(w for words in sentences for w in words))
            net = self.network
            computed = net.first_layer_parts(
                net.word_vectors([word_inputs(w, net.vocabulary, net.alphabet, net.seen) for w in missing]))
            for word, vector in zip(missing, computed):
                cache[word] = vector
        t_len = max(len(words) for words in sentences)
        sample = next(iter(cache.values()))
        parts = np.zeros((len(sentences), t_len) + sample.shape, dtype=sample.dtype)
        for b, words in enumerate(sentences):
            if words:
                parts[b, :len(words)] = [cache[w] for w in words]
        return parts

    def tag(self, words: list[str], domain: str = "news") -> list[str]:
        """BIO labels for one sentence; `domain` "wiki" uses the head trained on Wikipedia (AQMAR)."""
        return self.tag_sentences([words], domain)[0]

    def tag_sentences(self, sentences: list[list[str]], domain: str = "news") -> list[list[str]]:
        """BIO labels for each sentence of a text, computed as one padded batch (much faster than one
        sentence at a time: the recurrent steps and decoding run once for all of them). Sentences are
        batched with others of similar length so little padding is computed."""
        if domain not in DOMAINS:
            raise ValueError(f"unknown NER domain {domain!r}; expected one of {DOMAINS}")
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        with _blas().one():
            return self._tag_sorted(sentences, order, domain)

    def _tag_sorted(self, sentences: list[list[str]], order: list[int], domain: str) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        net = self.network
        for first in range(0, len(order), BATCH):
            chunk = order[first:first + BATCH]
            batch = [sentences[i] for i in chunk]
            lengths = [len(s) for s in batch]
            labels = net.decode_batch(net.emissions_batch(self._parts(batch), lengths, domain), lengths, domain)
            for i, tags in zip(chunk, labels):
                out[i] = tags
        return out


def read_network(path) -> Network:
    """A Network from an .npz file written by `training/train_ner_neural.py`."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, KeyError) as exc:
        raise NeuralModelError(f"cannot read neural NER model {path}: {exc}") from exc
    for name in ("forms", "alphabet", "dilations"):
        if name not in arrays:
            raise NeuralModelError(f"neural NER model {path} lacks {name}")
    try:
        return Network.from_arrays(arrays)
    except (ValueError, IndexError) as exc:          # undecodable word list, arrays of the wrong shape
        raise NeuralModelError(f"cannot read neural NER model {path}: {exc}") from exc


@lru_cache(maxsize=1)
def _blas() -> _BlasThreads:
    return _BlasThreads()


@lru_cache(maxsize=1)
def load_tagger() -> NeuralTagger:
    """The shipped neural model with the shipped lexicons (names decide clitics in `find_mentions`), loaded
    once per process from the installed package. Raises NerModelError when the package is incomplete."""
    folder = resources.files("marsad") / "models"
    with resources.as_file(folder / MODEL_FILE) as path:
        network = read_network(path)
    try:
        names = (folder / ner.NAMES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NeuralModelError(f"NER names list {ner.NAMES_FILE} missing from marsad/models") from None
    return NeuralTagger(network, ner.read_lexicons(names, ""))
