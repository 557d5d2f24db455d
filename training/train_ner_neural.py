"""Train the neural NER tagger (`marsad/ner_neural.py`) deterministically on one core, in one command:

    .venv/bin/python training/train_ner_neural.py            # vectors (cached), dev model, shipped model

Steps: (1) 128-d word vectors over SaudiNewsNet, the same PPMI+SVD as `training/word_clusters.py` (its
corpus reader and PPMI matrix are reused), cached in build/; (2) a dev model trained on ANERcorp train minus
its last 10% plus AQMAR train, early-stopped on the ANERcorp dev carve, scored on both dev sets; (3) the
shipped model trained on everything for the number of epochs the dev run chose, written to
marsad/models/ner_neural.npz. PyTorch is needed here only; tagging runs on numpy.

Model: per word, frozen news vectors (projected), a character CNN over the normalised form, an embedding
of each training form seen at least twice, and small embeddings of shape, proclitics, trigger class and how
the vector was found; a bidirectional LSTM over the sentence (or, with --encoder cnn, three dilated
convolutions); one output layer and CRF transition matrix per domain (news = ANERcorp, wiki = AQMAR, the
neural counterpart of the CRF's feature twins). Adam, batches of 32 sentences of one domain, dropout,
8% word dropout (a word's vector and embedding hidden, so the model learns to tag from characters and
context), early stopping on the ANERcorp dev carve; everything seeded and single-threaded.
"""
from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # one thread: reproducible sums, fair to shared cores
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from evaluation.ner import (AQMAR_DEV, AQMAR_TRAIN, ANERCORP_TRAIN, DATA, Sentence, anercorp_split,
                            evaluate, read_conll)
from marsad import ner_neural

MODELS = ROOT / "marsad" / "models"
BUILD = ROOT / "build"
NEWS = "news/saudinewsnet/dataset"
VECTORS_CACHE = BUILD / "ner_neural_vectors.npz"
SEED = 20240611


def news_vectors(folder: Path, cache: Path = VECTORS_CACHE) -> tuple[list[str], np.ndarray]:
    """(forms, unit vectors) for the 80K most frequent SaudiNewsNet forms, as `training/word_clusters.py`
    computes them before clustering; cached, since they take minutes and never change."""
    if cache.exists():
        data = np.load(cache)
        return [str(f) for f in data["forms"]], data["vectors"]
    from scipy.sparse.linalg import svds

    from training import word_clusters as wc
    forms, ids = wc.corpus_ids(wc.news_texts(folder))
    counts = np.bincount(ids, minlength=len(forms))
    counts[0] = 0
    rows = np.argsort(-counts, kind="stable")[:wc.VOCABULARY]
    rows = rows[counts[rows] >= wc.MIN_COUNT]
    matrix = wc.ppmi_matrix(ids, counts, rows)
    v0 = np.random.default_rng(wc.SEED).standard_normal(min(matrix.shape))
    u, s, _ = svds(matrix.astype(np.float64), k=wc.DIMENSIONS, v0=v0)
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
    chosen = [forms[w] for w in rows]
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, forms=np.array(chosen), vectors=vectors)
    return chosen, vectors



# Sizes and training settings (chosen on the dev sets; see MODEL_CARD.md).
PROJECTION = 128
CHAR_DIM, CHAR_FILTERS = 32, 64
SMALL_DIM = {"shape": 8, "clitic": 8, "trigger": 8, "found": 4}
HIDDEN = 128                      # LSTM units each way (CNN channels with --encoder cnn)
DILATIONS = (1, 2, 4)             # CNN only
ENCODER = "lstm"                  # one bidirectional LSTM layer; "cnn": dilated convolutions (faster, -2 F1)
DROPOUT = 0.5
WORD_DROPOUT = 0.08
BATCH = 32
LEARNING_RATE = 1e-3
MAX_EPOCHS = 40
PATIENCE = 8
SEEN_MIN_COUNT = 2                # training forms this frequent get an embedding of their own (0: none)
SEEN_DIM = 64
VECTOR_GAIN = 8.0                 # unit vectors scaled so their entries are O(0.5) like the other inputs


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one float scale each (row 0, the unknown word, is zero); the network trains on the
    dequantised values, so the shipped file gives exactly the trained model."""
    vectors = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors * VECTOR_GAIN])
    scale = np.abs(vectors).max(axis=1) / 127
    scale[scale == 0] = 1
    q = np.clip(np.round(vectors / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def alphabet_of(forms: list[str], minimum: int = 3) -> list[str]:
    """Characters found in at least `minimum` of the given forms, sorted; "<" and ">" mark word ends."""
    counts: dict[str, int] = {}
    for form in forms:
        for c in set(form):
            counts[c] = counts.get(c, 0) + 1
    return sorted({c for c, n in counts.items() if n >= minimum} | {"<", ">"})


class Corpus:
    """Sentences as rows of a table of distinct words, with those words' network inputs as arrays."""

    def __init__(self, vocabulary: dict[str, int], alphabet: dict[str, int], seen: dict[str, int]) -> None:
        self.vocabulary, self.alphabet, self.seen = vocabulary, alphabet, seen
        self.index: dict[str, int] = {}
        self.inputs: list[ner_neural.WordInputs] = []

    def ids(self, words: list[str]) -> list[int]:
        out = []
        for w in words:
            i = self.index.get(w)
            if i is None:
                i = self.index[w] = len(self.inputs)
                self.inputs.append(ner_neural.word_inputs(w, self.vocabulary, self.alphabet, self.seen))
            out.append(i)
        return out

    def tensors(self):
        import torch
        width = max(len(w.chars) for w in self.inputs)
        chars = np.zeros((len(self.inputs), width), dtype=np.int64)
        for i, w in enumerate(self.inputs):
            chars[i, :len(w.chars)] = w.chars
        fields = {name: torch.tensor([getattr(w, name) for w in self.inputs])
                  for name in ("vector", "found", "shape", "clitic", "trigger", "seen")}
        fields["chars"] = torch.from_numpy(chars)
        return fields


def build_network(vectors_q: np.ndarray, scale: np.ndarray, n_chars: int, n_seen: int = 0):
    import torch
    from torch import nn

    class Tagger(nn.Module):
        """The torch twin of `marsad.ner_neural.Network` (same layout, exported by `export`)."""

        def __init__(self) -> None:
            super().__init__()
            self.register_buffer("vectors", torch.from_numpy(vectors_q.astype(np.float32) * scale[:, None]))
            self.proj = nn.Linear(vectors_q.shape[1], PROJECTION)
            self.char_emb = nn.Embedding(n_chars, CHAR_DIM, padding_idx=0)
            self.char_conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, 3, padding=1)
            self.small = nn.ModuleDict({
                "shape": nn.Embedding(len(ner_neural.SHAPES), SMALL_DIM["shape"]),
                "clitic": nn.Embedding(len(ner_neural.CLITICS), SMALL_DIM["clitic"]),
                "trigger": nn.Embedding(len(ner_neural.TRIGGERS), SMALL_DIM["trigger"]),
                "found": nn.Embedding(len(ner_neural.FOUND), SMALL_DIM["found"])})
            width = PROJECTION + CHAR_FILTERS + sum(SMALL_DIM.values())
            self.seen = nn.Embedding(n_seen + 1, SEEN_DIM, padding_idx=0) if n_seen else None
            if n_seen:
                nn.init.normal_(self.seen.weight, std=0.1)
                with torch.no_grad():
                    self.seen.weight[0].zero_()
                width += SEEN_DIM
            dilations = DILATIONS if ENCODER == "cnn" else ()
            self.convs = nn.ModuleList(nn.Conv1d(width if i == 0 else HIDDEN, HIDDEN, 3, dilation=d, padding=d)
                                       for i, d in enumerate(dilations))
            self.lstm = None if dilations else nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            size = HIDDEN if dilations else 2 * HIDDEN
            self.out = nn.ModuleDict({d: nn.Linear(size, len(ner_neural.LABELS)) for d in ner_neural.DOMAINS})
            n = len(ner_neural.LABELS)
            self.trans = nn.ParameterDict({d: nn.Parameter(torch.zeros(n, n)) for d in ner_neural.DOMAINS})
            self.start = nn.ParameterDict({d: nn.Parameter(torch.zeros(n)) for d in ner_neural.DOMAINS})
            self.end = nn.ParameterDict({d: nn.Parameter(torch.zeros(n)) for d in ner_neural.DOMAINS})
            self.drop = nn.Dropout(DROPOUT)
            self.register_buffer("forbid", torch.from_numpy(ner_neural.forbidden_transitions()))
            self.register_buffer("forbid_start", torch.from_numpy(ner_neural.forbidden_starts()))

        def word_vectors(self, f: dict) -> torch.Tensor:
            projected = torch.tanh(self.proj(self.vectors[f["vector"]]))
            chars = f["chars"]
            conv = torch.relu(self.char_conv(self.char_emb(chars).transpose(1, 2))).transpose(1, 2)
            pooled = (conv * (chars > 0).unsqueeze(2)).max(dim=1).values
            extra = [self.small[name](f[name]) for name in ("shape", "clitic", "trigger", "found")]
            if self.seen is not None:
                extra.append(self.seen(f["seen"]))
            return torch.cat([projected, pooled] + extra, dim=1)

        def emissions(self, x: torch.Tensor, mask: torch.Tensor, domain: str) -> torch.Tensor:
            """(B, T, L) from (B, T, D); padding is zeroed after every layer, so a sentence's scores do not
            depend on what it was batched with (numpy tags one sentence at a time)."""
            m = mask.unsqueeze(2).float()
            x = self.drop(x) * m
            if self.lstm is not None:
                from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
                packed = pack_padded_sequence(x, mask.sum(1), batch_first=True, enforce_sorted=False)
                x = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=x.shape[1])[0]
                return self.out[domain](self.drop(x))
            for i, conv in enumerate(self.convs):
                h = torch.relu(conv(x.transpose(1, 2))).transpose(1, 2) * m
                x = h if i == 0 else x + h
                x = self.drop(x)
            return self.out[domain](x)

        def loss(self, em: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor, domain: str) -> torch.Tensor:
            """Mean CRF negative log-likelihood, with the IOB2-invalid transitions ruled out as at decoding."""
            trans = self.trans[domain].masked_fill(self.forbid, ner_neural.FORBIDDEN)
            start = self.start[domain].masked_fill(self.forbid_start, ner_neural.FORBIDDEN)
            end = self.end[domain]
            b, t_len, _ = em.shape
            rows = torch.arange(b)
            gold = start[tags[:, 0]] + em[rows, 0, tags[:, 0]]
            alpha = start + em[:, 0]
            for t in range(1, t_len):
                m = mask[:, t]
                gold = gold + (trans[tags[:, t - 1], tags[:, t]] + em[rows, t, tags[:, t]]) * m
                step = torch.logsumexp(alpha.unsqueeze(2) + trans + em[:, t].unsqueeze(1), dim=1)
                alpha = torch.where(m.unsqueeze(1), step, alpha)
            last = tags[rows, mask.sum(1) - 1]
            gold = gold + end[last]
            return (torch.logsumexp(alpha + end, dim=1) - gold).mean()

    return Tagger()


def export(model, forms: list[str], alphabet: list[str], vectors_q: np.ndarray, scale: np.ndarray,
           seen_forms: list[str] = ()) -> dict:
    """The arrays `marsad.ner_neural.Network` reads: weights in float32 (they are small), news vectors int8."""
    def t(x):
        return x.detach().cpu().numpy().astype(np.float32)

    def conv_w(conv):                          # (out, in, 3) -> (3 * in, out), taps left, centre, right
        w = t(conv.weight)
        return np.ascontiguousarray(w.transpose(2, 1, 0).reshape(-1, w.shape[0]))

    arrays = {"forms": ner_neural.pack_strings(forms), "alphabet": ner_neural.pack_strings(alphabet),
              "dilations": np.array([c.dilation[0] for c in model.convs], dtype=np.int64),
              "vectors": vectors_q, "vector_scale": scale,
              "proj_w": np.ascontiguousarray(t(model.proj.weight).T), "proj_b": t(model.proj.bias),
              "char_emb": t(model.char_emb.weight), "char_w": conv_w(model.char_conv),
              "char_b": t(model.char_conv.bias)}
    for name in ("shape", "clitic", "trigger", "found"):
        arrays[f"{name}_emb"] = t(model.small[name].weight)
    if model.seen is not None:
        arrays["seen_forms"], arrays["seen_emb"] = ner_neural.pack_strings(seen_forms), t(model.seen.weight)
    for i, conv in enumerate(model.convs):
        arrays[f"conv{i}_w"], arrays[f"conv{i}_b"] = conv_w(conv), t(conv.bias)
    if model.lstm is not None:                 # torch gate order i, f, g, o -> i, f, o, g
        h = model.lstm.hidden_size
        order = np.concatenate([np.arange(0, 2 * h), np.arange(3 * h, 4 * h), np.arange(2 * h, 3 * h)])
        directions = ("", "_reverse")
        arrays["lstm_wih"] = np.concatenate(
            [t(getattr(model.lstm, "weight_ih_l0" + r))[order].T for r in directions], axis=1)
        arrays["lstm_b"] = np.concatenate(
            [(t(getattr(model.lstm, "bias_ih_l0" + r)) + t(getattr(model.lstm, "bias_hh_l0" + r)))[order]
             for r in directions])
        arrays["lstm_whh"] = np.stack([t(getattr(model.lstm, "weight_hh_l0" + r))[order].T for r in directions])
    for d in ner_neural.DOMAINS:
        arrays[f"{d}_out_w"] = np.ascontiguousarray(t(model.out[d].weight).T)
        arrays[f"{d}_out_b"] = t(model.out[d].bias)
        arrays[f"{d}_trans"], arrays[f"{d}_start"], arrays[f"{d}_end"] = \
            t(model.trans[d]), t(model.start[d]), t(model.end[d])
    return arrays


def numpy_tagger(arrays: dict) -> ner_neural.NeuralTagger:
    from marsad import ner
    return ner_neural.NeuralTagger(ner_neural.Network.from_arrays(arrays), ner.Lexicons({}))


def batches(sentences: list[tuple[list[int], list[int], str]], rng: np.random.Generator):
    """Shuffled batches of one domain each, sentences of similar length together (less padding)."""
    order = rng.permutation(len(sentences))
    out = []
    for chunk in range(0, len(order), BATCH * 16):
        group = sorted(order[chunk:chunk + BATCH * 16], key=lambda i: (sentences[i][2], len(sentences[i][0])))
        for s in range(0, len(group), BATCH):
            part = group[s:s + BATCH]
            for domain in ner_neural.DOMAINS:
                same = [i for i in part if sentences[i][2] == domain]
                if same:
                    out.append(same)
    return [out[i] for i in rng.permutation(len(out))]


def train(train_sets: list[tuple[list[Sentence], str]], dev: list[Sentence] | None, epochs: int,
          vectors: tuple[list[str], np.ndarray], log=print, checkpoint: Path | None = None,
          snapshots: dict[int, Path] | None = None) -> tuple[dict, int, float]:
    """Train on (sentences, domain) sets; with `dev`, keep the epoch with the best ANERcorp dev F1 (saved to
    `checkpoint` as it improves) and stop after PATIENCE epochs without gain. Returns (exported arrays,
    best epoch, best dev F1)."""
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    forms, raw = vectors
    vectors_q, scale = quantise(raw)
    vocabulary = {f: i + 1 for i, f in enumerate(forms)}
    from marsad.ner import feature_form
    train_forms = [feature_form(w) for sentences, _ in train_sets for words, _ in sentences for w in words]
    alphabet = alphabet_of(forms + train_forms)
    letters = {c: i + 2 for i, c in enumerate(alphabet)}
    counts: dict[str, int] = {}
    for form in train_forms:
        counts[form] = counts.get(form, 0) + 1
    seen_forms = sorted(f for f, n in counts.items() if n >= SEEN_MIN_COUNT) if SEEN_MIN_COUNT else []
    corpus = Corpus(vocabulary, letters, {f: i + 1 for i, f in enumerate(seen_forms)})
    label_id = {label: i for i, label in enumerate(ner_neural.LABELS)}
    data = [(corpus.ids(words), [label_id[t] for t in tags], domain)
            for sentences, domain in train_sets for words, tags in sentences]
    fields = corpus.tensors()
    model = build_network(vectors_q, scale, len(alphabet) + 2, len(seen_forms))
    log(f"{len(data)} sentences, {len(corpus.inputs)} distinct words, {len(seen_forms)} with an embedding",
        flush=True)
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE)
    best = (None, 0, -1.0)
    stale = 0
    for epoch in range(1, epochs + 1):
        model.train()
        t0, total = time.time(), 0.0
        for batch in batches(data, rng):
            words = sorted({w for i in batch for w in data[i][0]})
            position = {w: k for k, w in enumerate(words)}
            ids = torch.tensor(words)
            f = {name: value[ids] for name, value in fields.items()}
            keep = torch.from_numpy(rng.random(len(words)) >= WORD_DROPOUT)
            f["vector"] = torch.where(keep, f["vector"], torch.zeros_like(f["vector"]))
            f["found"] = torch.where(keep, f["found"], torch.full_like(f["found"], len(ner_neural.FOUND) - 1))
            f["seen"] = torch.where(keep, f["seen"], torch.zeros_like(f["seen"]))
            f["chars"] = f["chars"][:, :int((f["chars"] > 0).sum(1).max())]
            table = model.word_vectors(f)
            t_len = max(len(data[i][0]) for i in batch)
            index = torch.zeros(len(batch), t_len, dtype=torch.long)
            tags = torch.zeros(len(batch), t_len, dtype=torch.long)
            mask = torch.zeros(len(batch), t_len, dtype=torch.bool)
            for r, i in enumerate(batch):
                n = len(data[i][0])
                index[r, :n] = torch.tensor([position[w] for w in data[i][0]])
                tags[r, :n] = torch.tensor(data[i][1])
                mask[r, :n] = True
            domain = data[batch[0]][2]
            em = model.emissions(table[index], mask, domain)
            loss = model.loss(em, tags, mask, domain)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += loss.item() * len(batch)
        model.eval()
        arrays = export(model, forms, alphabet, vectors_q, scale, seen_forms)
        line = f"epoch {epoch}: loss {total / len(data):.3f} ({time.time() - t0:.0f}s)"
        if dev is not None:
            tagger = numpy_tagger(arrays)
            f1 = evaluate(tagger.tag, dev).prf()[2]
            line += f" ANERcorp dev F1 {f1:.2f}"
            if f1 > best[2]:
                best, stale = (arrays, epoch, f1), 0
                if checkpoint is not None:
                    save(arrays, checkpoint)
            else:
                stale += 1
        else:
            best = (arrays, epoch, -1.0)
        if snapshots and epoch in snapshots:
            save(arrays, snapshots[epoch])
        log(line, flush=True)
        if dev is not None and stale >= PATIENCE:
            break
    return best


def save(arrays: dict, path: Path) -> None:
    """Write the model file; the training-word embeddings go as float16 (half their size, a rounding far
    below what moves a label)."""
    arrays = dict(arrays)
    if "seen_emb" in arrays:
        arrays["seen_emb"] = arrays["seen_emb"].astype(np.float16)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        np.savez(out, **arrays)          # uncompressed: int8 vectors barely compress, and it loads faster


def main(argv: list[str] | None = None) -> None:
    global SEEN_MIN_COUNT, HIDDEN, DILATIONS, DROPOUT, SEED, ENCODER
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dev-only", action="store_true", help="stop after the dev model")
    parser.add_argument("--dev-model", type=Path, default=BUILD / "ner-neural-dev.npz")
    parser.add_argument("--epochs", type=int, default=MAX_EPOCHS)
    parser.add_argument("--seen-min", type=int, default=SEEN_MIN_COUNT,
                        help="training forms this frequent get their own embedding (0: none)")
    parser.add_argument("--hidden", type=int, default=HIDDEN)
    parser.add_argument("--dilations", default=",".join(map(str, DILATIONS)))
    parser.add_argument("--dropout", type=float, default=DROPOUT)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--encoder", choices=("cnn", "lstm"), default=ENCODER)
    parser.add_argument("--final-epochs", type=int, default=0,
                        help="skip the dev run: train the shipped model on everything for this many epochs")
    parser.add_argument("--snapshots", default="",
                        help="with --final-epochs, also save the model after these epochs (e.g. 6,8,10) in build/")
    args = parser.parse_args(argv)
    ENCODER = args.encoder
    SEEN_MIN_COUNT, HIDDEN, DROPOUT, SEED = args.seen_min, args.hidden, args.dropout, args.seed
    DILATIONS = tuple(int(d) for d in args.dilations.split(","))
    t0 = time.time()
    vectors = news_vectors(args.data / NEWS)
    aner_train, aner_dev = anercorp_split(read_conll(args.data / ANERCORP_TRAIN))
    aqmar_train = read_conll(args.data / AQMAR_TRAIN)
    aqmar_dev = read_conll(args.data / AQMAR_DEV)
    if args.final_epochs:
        snapshots = {int(k): BUILD / f"ner-neural-final-e{int(k)}.npz" for k in args.snapshots.split(",") if k}
        arrays, _, _ = train([(aner_train + aner_dev, "news"), (aqmar_train + aqmar_dev, "wiki")], None,
                             args.final_epochs, vectors, snapshots=snapshots)
        ship(arrays, t0)
        return
    arrays, epoch, f1 = train([(aner_train, "news"), (aqmar_train, "wiki")], aner_dev, args.epochs, vectors,
                              checkpoint=args.dev_model)
    tagger = numpy_tagger(arrays)
    print(f"dev model: best epoch {epoch}, ANERcorp dev F1 {f1:.2f} ({time.time() - t0:.0f}s)")
    print(evaluate(tagger.tag, aner_dev).table("ANERcorp dev"))
    print(evaluate(lambda w: tagger.tag(w, "wiki"), aqmar_dev).table("AQMAR dev (wiki mode)"))
    print(evaluate(tagger.tag, aqmar_dev).table("AQMAR dev (news mode)"))
    if args.dev_only:
        return
    arrays, _, _ = train([(aner_train + aner_dev, "news"), (aqmar_train + aqmar_dev, "wiki")], None, epoch,
                         vectors)
    ship(arrays, t0)


def ship(arrays: dict, t0: float) -> None:
    model = MODELS / ner_neural.MODEL_FILE
    save(arrays, model)
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    print(f"shipped model: {model.relative_to(ROOT)} {model.stat().st_size / 1e6:.2f} MB sha256 {digest}")
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
