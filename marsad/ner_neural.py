"""A neural NER tagger with a pure-numpy forward pass, behind the same `tag(words) -> labels` interface as
the CRF in `marsad/ner.py`, so `find_mentions` (clitic trimming, hashtags, `propagate_names`) is unchanged.

Why neural: the CRF sees a word only through its spelling and one of 1,024 clusters; dense news vectors and
a character CNN let the tagger place names it never saw in training (transliterations, new clubs), which
is where the CRF loses recall. Why numpy: torch is hundreds of megabytes and is needed only to train
(`training/train_ner_neural.py`); the forward pass is a few matrix products per sentence.

Architecture (the arrays in `marsad/models/ner_neural.npz`):
- per word, computed once per distinct word and cached: frozen 128-d SaudiNewsNet vectors (int8, one scale
  per row) looked up by the normalised form, else by its stem without proclitics, else by the stem without
  the article, projected; a character CNN over the form; small embeddings of the word's shape, proclitic
  string, trigger-word class and how its vector was found;
- per sentence: dilated 1-D convolutions (kernel 3, ReLU, residual after the first), one linear layer to
  label scores per domain (news, wiki), and Viterbi decoding with that domain's CRF transitions, with
  IOB2-invalid transitions (O -> I-X, B-X -> I-Y) forbidden.
"""
from __future__ import annotations

import threading
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


def word_shape(form: str) -> str:
    """A coarse class of the token's characters, as in the CRF: Arabic, Latin (capitalised or not), number,
    punctuation, mixed."""
    if not form:
        return "punct"
    if form.isdigit():
        return "num"
    if form[0].isdigit():
        return "numx"
    if form[0].isascii() and form[0].isalpha():
        return "LAT" if form[0].isupper() else "lat"
    if form.isalpha():
        return "ar"
    if not form[0].isalnum():
        return "punct"
    return "mix"


def _trigger_table() -> dict[str, str]:
    return {strip_article(ner.feature_form(word)): kind
            for kind, words in ner.TRIGGER_WORDS.items() for word in words.split()}


_TRIGGER_TABLE = _trigger_table()
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


def word_inputs(word: str, vocabulary: dict[str, int], alphabet: dict[str, int]) -> WordInputs:
    """Turn one token into network inputs. `vocabulary` maps a normalised form to its vector row (from 1),
    `alphabet` a character to its embedding row (from 2; 1 is an unknown character, 0 padding).

    The proclitic cut is the deepest one whose remainder is a news word or starts with ال, so "وبغداد"
    finds "بغداد"'s vector and "وليد" keeps its own; a word none of whose cuts is known keeps its letters."""
    form = ner.feature_form(word) or word[:1] or " "
    shape = word_shape(form)
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
    trigger = _TRIGGER_TABLE.get(bare, "")
    chars = tuple(alphabet.get(c, 1) for c in ("<" + form[:MAX_CHARS - 2] + ">"))
    return WordInputs(vector, found, _SHAPE_ID[shape], _CLITIC_ID.get(form[:cut], 0), _TRIGGER_ID[trigger],
                      chars)


def conv1d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """'Same' 1-D convolution of kernel 3 over axis -2 of x (..., T, C_in), zero-padded; `weight` is
    (3 * C_in, C_out) with the taps stacked left, centre, right (torch's Conv1d weight (out, in, 3)
    transposed to (3, in, out) and flattened)."""
    t, c = x.shape[-2], x.shape[-1]
    pad = [(0, 0)] * (x.ndim - 2) + [(dilation, dilation), (0, 0)]
    xp = np.pad(x, pad)
    taps = np.concatenate([xp[..., k * dilation:k * dilation + t, :] for k in range(3)], axis=-1)
    return taps @ weight + bias


def viterbi(scores: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label path for one sentence's (T, L) emission scores under a linear-chain CRF."""
    t_len = scores.shape[0]
    if t_len == 0:
        return []
    best = start + scores[0]
    back = np.empty((t_len, scores.shape[1]), dtype=np.int64)
    for t in range(1, t_len):
        total = best[:, None] + transitions
        back[t] = total.argmax(axis=0)
        best = total[back[t], np.arange(scores.shape[1])] + scores[t]
    best = best + end
    path = [int(best.argmax())]
    for t in range(t_len - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    path.reverse()
    return path


class NeuralModelError(ner.NerModelError):
    """The neural model file is missing or lacks an array the forward pass needs."""


@dataclass
class Network:
    """The arrays of a trained model, by the names `training/train_ner_neural.py` exports."""

    arrays: dict[str, np.ndarray]
    vocabulary: dict[str, int]
    alphabet: dict[str, int]
    dilations: tuple[int, ...]

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> "Network":
        forms = [str(f) for f in arrays["forms"]]
        letters = [str(c) for c in arrays["alphabet"]]
        dilations = tuple(int(d) for d in arrays["dilations"])
        needed = ["vectors", "vector_scale", "proj_w", "proj_b", "char_emb", "char_w", "char_b", "shape_emb",
                  "clitic_emb", "trigger_emb", "found_emb"] + \
                 [f"conv{i}_{p}" for i in range(len(dilations)) for p in "wb"] + \
                 [f"{d}_{p}" for d in DOMAINS for p in ("out_w", "out_b", "trans", "start", "end")]
        missing = [name for name in needed if name not in arrays]
        if missing:
            raise NeuralModelError(f"neural NER model lacks {', '.join(missing)}")
        table = {name: np.asarray(arrays[name], dtype=np.float32) for name in needed if name != "vectors"}
        table["vectors"] = np.asarray(arrays["vectors"])
        for domain in DOMAINS:
            trans = table[f"{domain}_trans"].copy()
            trans[forbidden_transitions()] = FORBIDDEN
            table[f"{domain}_trans"] = trans
            first = table[f"{domain}_start"].copy()
            first[forbidden_starts()] = FORBIDDEN
            table[f"{domain}_start"] = first
        return cls(table, {f: i + 1 for i, f in enumerate(forms)}, {c: i + 2 for i, c in enumerate(letters)},
                   dilations)

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
        return np.concatenate([projected, pooled] + extra, axis=1)

    def emissions(self, x: np.ndarray, domain: str = "news") -> np.ndarray:
        """(T, L) label scores of one sentence from its (T, D) word vectors."""
        a = self.arrays
        for i, dilation in enumerate(self.dilations):
            h = np.maximum(conv1d(x, a[f"conv{i}_w"], a[f"conv{i}_b"], dilation), 0)
            x = h if i == 0 else x + h
        return x @ a[f"{domain}_out_w"] + a[f"{domain}_out_b"]

    def decode(self, scores: np.ndarray, domain: str = "news") -> list[str]:
        a = self.arrays
        path = viterbi(scores, a[f"{domain}_trans"], a[f"{domain}_start"], a[f"{domain}_end"])
        return [LABELS[i] for i in path]


@dataclass
class NeuralTagger:
    """A loaded network with a per-word cache of its input vectors; used where `marsad.ner.Tagger` is
    (`tag`, `match_key`, `lexicons`)."""

    network: Network
    lexicons: ner.Lexicons
    cache: dict[str, np.ndarray] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    match_key = ner.Tagger.match_key

    def _vectors(self, words: list[str]) -> np.ndarray:
        cache = self.cache
        missing = list(dict.fromkeys(w for w in words if w not in cache))
        if missing:
            if len(cache) + len(missing) > _CACHE_LIMIT:
                cache.clear()
                missing = list(dict.fromkeys(words))
            net = self.network
            computed = net.word_vectors([word_inputs(w, net.vocabulary, net.alphabet) for w in missing])
            for word, vector in zip(missing, computed):
                cache[word] = vector
        return np.stack([cache[w] for w in words])

    def tag(self, words: list[str], domain: str = "news") -> list[str]:
        """BIO labels for one sentence; `domain` "wiki" uses the head trained on Wikipedia (AQMAR)."""
        if not words:
            return []
        if domain not in DOMAINS:
            raise ValueError(f"unknown NER domain {domain!r}; expected one of {DOMAINS}")
        scores = self.network.emissions(self._vectors(words), domain)
        return self.network.decode(scores, domain)


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
    return Network.from_arrays(arrays)


@lru_cache(maxsize=1)
def load_tagger() -> NeuralTagger:
    """The shipped neural model with the shipped lexicons (names decide clitics in `find_mentions`), loaded
    once per process from the installed package. Raises NerModelError when the package is incomplete."""
    resource = resources.files("marsad") / "models" / MODEL_FILE
    try:
        with resources.as_file(resource) as path:
            network = read_network(path)
    except FileNotFoundError:
        raise NeuralModelError(f"neural NER model {MODEL_FILE} missing from marsad/models") from None
    return NeuralTagger(network, ner.load_lexicons())
