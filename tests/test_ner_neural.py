"""Tests for marsad/ner_neural.py: the numpy forward pass against a loop-by-loop reference on a tiny model
made here, Viterbi on hand-made scores, word inputs, bad input, and the shipped model on sentences written
for these tests in the style of Arab outlets (not taken from the training corpora)."""
from __future__ import annotations

import numpy as np
import pytest

from marsad import MarsadError, ner, ner_neural
from marsad.ner_neural import LABELS, Network, NeuralTagger, conv1d, viterbi, word_inputs

FORMS = ["بغداد", "العراق", "قال", "الرئيس", "وليد"]
ALPHABET = sorted(set("".join(FORMS)) | {"<", ">"})


def tiny_arrays(seed: int = 0, hidden: int = 6, dilations=(1, 2)) -> dict[str, np.ndarray]:
    """A random model with every array `Network` needs, small enough to check by hand-written loops."""
    rng = np.random.default_rng(seed)
    dim, proj, char_dim, filters, small = 5, 4, 3, 4, 2
    n_labels = len(LABELS)
    width = proj + filters + 4 * small
    arrays = {
        "forms": ner_neural.pack_strings(FORMS), "alphabet": ner_neural.pack_strings(ALPHABET), "dilations": np.array(dilations),
        "vectors": rng.integers(-127, 128, size=(len(FORMS) + 1, dim)).astype(np.int8),
        "vector_scale": rng.random(len(FORMS) + 1).astype(np.float32) / 100,
        "proj_w": rng.normal(size=(dim, proj)), "proj_b": rng.normal(size=proj),
        "char_emb": rng.normal(size=(len(ALPHABET) + 2, char_dim)),
        "char_w": rng.normal(size=(3 * char_dim, filters)), "char_b": rng.normal(size=filters),
        "shape_emb": rng.normal(size=(len(ner_neural.SHAPES), small)),
        "clitic_emb": rng.normal(size=(len(ner_neural.CLITICS), small)),
        "trigger_emb": rng.normal(size=(len(ner_neural.TRIGGERS), small)),
        "found_emb": rng.normal(size=(len(ner_neural.FOUND), small)),
    }
    arrays["vectors"][0] = 0
    arrays["char_emb"][0] = 0
    for i, _ in enumerate(dilations):
        arrays[f"conv{i}_w"] = rng.normal(size=(3 * (width if i == 0 else hidden), hidden)) / 3
        arrays[f"conv{i}_b"] = rng.normal(size=hidden)
    for d in ner_neural.DOMAINS:
        arrays[f"{d}_out_w"] = rng.normal(size=(hidden, n_labels))
        arrays[f"{d}_out_b"] = rng.normal(size=n_labels)
        arrays[f"{d}_trans"] = rng.normal(size=(n_labels, n_labels))
        arrays[f"{d}_start"] = rng.normal(size=n_labels)
        arrays[f"{d}_end"] = rng.normal(size=n_labels)
    return arrays


def reference_conv(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """Convolution written as the definition: out[t] = b + sum_k x[t + (k - 1) * d] . W_k."""
    t_len, c_in = x.shape
    out = np.tile(bias, (t_len, 1)).astype(np.float64)
    for t in range(t_len):
        for k in range(3):
            src = t + (k - 1) * dilation
            if 0 <= src < t_len:
                out[t] += x[src] @ weight[k * c_in:(k + 1) * c_in]
    return out


def test_conv1d_hand_computed():
    x = np.array([[1.0], [2.0], [3.0]])
    weight = np.array([[10.0], [100.0], [1000.0]])       # left, centre, right taps
    assert conv1d(x, weight, np.array([0.5]), 1)[:, 0].tolist() == [2100.5, 3210.5, 320.5]
    assert conv1d(x, weight, np.array([0.0]), 2)[:, 0].tolist() == [3100.0, 200.0, 310.0]


def test_bilstm_matches_a_cell_by_cell_reference():
    rng = np.random.default_rng(5)
    t_len, hidden = 5, 3
    parts = rng.normal(size=(t_len, 2, 4 * hidden))
    recurrent = rng.normal(size=(2, hidden, 4 * hidden))

    def sigmoid(v):
        return 1 / (1 + np.exp(-v))

    def run(direction, order):
        h, c, out = np.zeros(hidden), np.zeros(hidden), {}
        for t in order:
            g = parts[t, direction] + h @ recurrent[direction]
            i, f, o, cell = (g[k * hidden:(k + 1) * hidden] for k in range(4))
            c = sigmoid(f) * c + sigmoid(i) * np.tanh(cell)
            h = sigmoid(o) * np.tanh(c)
            out[t] = h
        return np.array([out[t] for t in range(t_len)])
    expected = np.concatenate([run(0, range(t_len)), run(1, reversed(range(t_len)))], axis=1)
    got = ner_neural.bilstm(parts[None], np.array([t_len]), recurrent)[0]
    assert np.allclose(got, expected)
    padded = np.zeros((2, t_len + 2) + parts.shape[1:])        # beside a longer sentence, same answer
    padded[0, :t_len], padded[1] = parts, rng.normal(size=(t_len + 2,) + parts.shape[1:])
    assert np.allclose(ner_neural.bilstm(padded, np.array([t_len, t_len + 2]), recurrent)[0, :t_len], expected)


def test_viterbi_uses_transitions_not_just_scores():
    scores = np.array([[2.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    free = np.zeros((2, 2))
    assert viterbi(scores, free, np.zeros(2), np.zeros(2)) == [0, 1, 1]
    sticky = np.array([[0.0, -5.0], [-5.0, 0.0]])          # changing label costs more than it gains
    assert viterbi(scores, sticky, np.zeros(2), np.zeros(2)) == [0, 0, 0]
    assert viterbi(scores, free, np.array([-9.0, 0.0]), np.zeros(2)) == [1, 1, 1]
    assert viterbi(np.zeros((0, 2)), free, np.zeros(2), np.zeros(2)) == []


def test_viterbi_matches_brute_force():
    rng = np.random.default_rng(3)
    scores, trans = rng.normal(size=(4, 3)), rng.normal(size=(3, 3))
    start, end = rng.normal(size=3), rng.normal(size=3)
    paths = [(a, b, c, d) for a in range(3) for b in range(3) for c in range(3) for d in range(3)]

    def total(p):
        return start[p[0]] + end[p[-1]] + sum(scores[t, p[t]] for t in range(4)) \
            + sum(trans[p[t - 1], p[t]] for t in range(1, 4))
    assert tuple(viterbi(scores, trans, start, end)) == max(paths, key=total)


def test_forbidden_transitions_are_iob2():
    mask = ner_neural.forbidden_transitions()
    i = LABELS.index
    assert mask[i("O"), i("I-PER")] and mask[i("B-LOC"), i("I-PER")]
    assert not mask[i("B-PER"), i("I-PER")] and not mask[i("I-PER"), i("I-PER")]
    assert not mask[i("I-PER"), i("B-ORG")] and not mask[i("O"), i("B-MISC")]
    assert ner_neural.forbidden_starts()[i("I-ORG")] and not ner_neural.forbidden_starts()[i("B-ORG")]


def test_word_inputs_cut_clitics_only_before_known_words():
    vocabulary = {f: i + 1 for i, f in enumerate(FORMS)}
    letters = {c: i + 2 for i, c in enumerate(ALPHABET)}
    wa_baghdad = word_inputs("وبغداد", vocabulary, letters)
    assert (wa_baghdad.vector, ner_neural.FOUND[wa_baghdad.found]) == (1, "stem")
    assert ner_neural.CLITICS[wa_baghdad.clitic] == "و"
    walid = word_inputs("وليد", vocabulary, letters)                # a name, not و + ليد
    assert (walid.vector, ner_neural.CLITICS[walid.clitic]) == (5, "")
    iraq = word_inputs("والعراق", vocabulary, letters)
    assert iraq.vector == 2 and ner_neural.CLITICS[iraq.clitic] == "و"
    president = word_inputs("الرئيس", vocabulary, letters)
    assert ner_neural.TRIGGERS[president.trigger] == "PER"
    unknown = word_inputs("زيلينسكي", vocabulary, letters)
    assert (unknown.vector, ner_neural.FOUND[unknown.found]) == (0, "none")
    assert unknown.chars[0] == letters["<"] and unknown.chars[-1] == letters[">"]
    assert 1 in unknown.chars                                         # letters outside the alphabet
    assert ner_neural.SHAPES[word_inputs("Biden", vocabulary, letters).shape] == "LAT"
    assert ner_neural.SHAPES[word_inputs("٢٠٢١", vocabulary, letters).shape] == "num"
    assert word_inputs("بَغْدَادُ", vocabulary, letters).vector == 1    # diacritics do not hide the word
    assert len(word_inputs("ب" * 50_000, vocabulary, letters).chars) <= ner_neural.MAX_CHARS


def test_forward_pass_matches_reference_loops():
    arrays = tiny_arrays()
    net = Network.from_arrays(arrays)
    words = ["وقال", "الرئيس", "العراقي", "في", "بغداد", "Biden", "٢٠٢١", "."]
    inputs = [word_inputs(w, net.vocabulary, net.alphabet) for w in words]
    x = net.word_vectors(inputs)
    for row, w in zip(x, inputs):
        vec = arrays["vectors"][w.vector] * arrays["vector_scale"][w.vector]
        projected = np.tanh(vec @ arrays["proj_w"] + arrays["proj_b"])
        emb = arrays["char_emb"][list(w.chars)]
        pooled = np.maximum(reference_conv(emb, arrays["char_w"], arrays["char_b"], 1), 0).max(axis=0)
        small = [arrays["shape_emb"][w.shape], arrays["clitic_emb"][w.clitic], arrays["trigger_emb"][w.trigger],
                 arrays["found_emb"][w.found]]
        assert np.allclose(row, np.concatenate([projected, pooled] + small), atol=1e-5)
    h = np.maximum(reference_conv(x, arrays["conv0_w"], arrays["conv0_b"], 1), 0)
    h = h + np.maximum(reference_conv(h, arrays["conv1_w"], arrays["conv1_b"], 2), 0)
    for domain in ner_neural.DOMAINS:
        expected = h @ arrays[f"{domain}_out_w"] + arrays[f"{domain}_out_b"]
        assert np.allclose(net.emissions(x, domain), expected, atol=1e-4)
    assert not np.allclose(net.emissions(x, "news"), net.emissions(x, "wiki"))


def test_training_word_embeddings_are_optional_and_used():
    arrays = tiny_arrays(hidden=5)
    width = arrays["conv0_w"].shape[0] // 3
    plain = Network.from_arrays(arrays)
    rng = np.random.default_rng(4)
    arrays["seen_forms"] = ner_neural.pack_strings(["قال", "بغداد"])
    arrays["seen_emb"] = rng.normal(size=(3, 2)).astype(np.float16)
    arrays["seen_emb"][0] = 0
    w = rng.normal(size=(3, width + 2, 5))
    w[:, :width] = arrays["conv0_w"].reshape(3, width, 5)
    arrays["conv0_w"] = w.reshape(-1, 5)
    net = Network.from_arrays(arrays)
    assert net.seen == {"قال": 1, "بغداد": 2}
    inputs = [word_inputs(w, net.vocabulary, net.alphabet, net.seen) for w in ["قال", "وبغداد", "أمس"]]
    assert [w.seen for w in inputs] == [1, 0, 0]              # the form itself must be a training word
    x = net.word_vectors(inputs)
    assert x.shape[1] == width + 2 and np.allclose(x[0, -2:], arrays["seen_emb"][1].astype(np.float32))
    assert np.allclose(x[:, :width], plain.word_vectors(inputs))
    del arrays["seen_emb"]
    with pytest.raises(ner_neural.NeuralModelError):
        Network.from_arrays(arrays)


def test_tagger_labels_are_valid_iob2_and_cached():
    tagger = NeuralTagger(Network.from_arrays(tiny_arrays(1)), ner.Lexicons({}))
    words = ["قال", "الرئيس", "وليد", "في", "بغداد", "أمس", "."]
    labels = tagger.tag(words)
    assert len(labels) == len(words) and set(labels) <= set(LABELS)
    for prev, label in zip(["O"] + labels, labels):
        assert not label.startswith("I-") or prev[2:] == label[2:]
    assert set(words) <= set(tagger.cache)
    assert tagger.tag(words) == labels                       # cached vectors give the same answer
    assert tagger.tag([]) == []
    with pytest.raises(ValueError):
        tagger.tag(words, "tweets")


def lstm_arrays(seed: int = 6, hidden: int = 4) -> dict[str, np.ndarray]:
    """`tiny_arrays` with a BiLSTM encoder instead of convolutions."""
    arrays = tiny_arrays(seed, hidden=2 * hidden, dilations=())
    rng = np.random.default_rng(seed)
    width = 4 + 4 + 4 * 2
    arrays["lstm_wih"] = rng.normal(size=(width, 8 * hidden))
    arrays["lstm_b"] = rng.normal(size=8 * hidden)
    arrays["lstm_whh"] = rng.normal(size=(2, hidden, 4 * hidden))
    arrays["dilations"] = np.zeros(0, dtype=np.int64)
    return arrays


@pytest.mark.parametrize("arrays", [tiny_arrays(7), lstm_arrays()], ids=["cnn", "lstm"])
def test_a_sentence_gets_the_same_labels_alone_or_in_a_batch(arrays):
    tagger = NeuralTagger(Network.from_arrays(arrays), ner.Lexicons({}))
    sentences = [["قال", "الرئيس", "وليد", "في", "بغداد", "أمس", "."], [], ["بغداد"],
                 ["أعلن", "العراق", "و", "الأردن", "اتفاقا", "جديدا", "للتجارة", "بين", "البلدين", "."]]
    batched = tagger.tag_sentences(sentences)
    assert batched == [tagger.tag(words) for words in sentences]
    assert batched[1] == [] and [len(x) for x in batched] == [len(s) for s in sentences]
    fresh = NeuralTagger(Network.from_arrays(arrays), ner.Lexicons({}))
    scores = [fresh.network.emissions(fresh.network.word_vectors(
        [word_inputs(w, fresh.network.vocabulary, fresh.network.alphabet) for w in words])) for words in
        sentences if words]
    parts = tagger._parts([s for s in sentences if s])
    lengths = [len(s) for s in sentences if s]
    together = tagger.network.emissions_batch(parts, lengths)
    for alone, length, row in zip(scores, lengths, together):
        assert np.allclose(alone, row[:length], atol=1e-5)


def test_viterbi_batch_stops_each_sentence_at_its_length():
    rng = np.random.default_rng(8)
    trans, start, end = rng.normal(size=(3, 3)), rng.normal(size=3), rng.normal(size=3)
    a, b = rng.normal(size=(5, 3)), rng.normal(size=(2, 3))
    padded = np.zeros((2, 5, 3))
    padded[0], padded[1, :2] = a, b
    assert ner_neural.viterbi_batch(padded, [5, 2], trans, start, end) == \
        [viterbi(a, trans, start, end), viterbi(b, trans, start, end)]


def test_tagger_survives_odd_words():
    tagger = NeuralTagger(Network.from_arrays(tiny_arrays(2)), ner.Lexicons({}))
    words = ["x" * 50_000, "\ud800", "ـــ", "َ", "https://example.com/a?b=c", "٣٫٥", "😀", "#"]
    assert len(tagger.tag(words)) == len(words)


@pytest.mark.parametrize("encoder", ["cnn", "lstm"])
def test_torch_twin_gives_the_same_scores(tmp_path, monkeypatch, encoder):
    torch = pytest.importorskip("torch")                      # training-only dependency; absent in CI
    from training import train_ner_neural as training
    monkeypatch.setattr(training, "ENCODER", encoder)
    monkeypatch.setattr(training, "HIDDEN", 16)

    rng = np.random.default_rng(0)
    raw = rng.normal(size=(len(FORMS), 128)).astype(np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    q, scale = training.quantise(raw)
    alphabet = training.alphabet_of(FORMS, 1)
    torch.manual_seed(0)
    model = training.build_network(q, scale, len(alphabet) + 2).eval()
    arrays = training.export(model, FORMS, alphabet, q, scale)
    path = tmp_path / "tiny.npz"
    training.save(arrays, path)
    net = ner_neural.read_network(path)
    words = ["وقال", "الرئيس", "العراقي", "في", "بغداد", "Biden", "٢٠٢١", "!"]
    inputs = [word_inputs(w, net.vocabulary, net.alphabet) for w in words]
    chars = np.zeros((len(inputs), max(len(w.chars) for w in inputs)), dtype=np.int64)
    for i, w in enumerate(inputs):
        chars[i, :len(w.chars)] = w.chars
    fields = {n: torch.tensor([getattr(w, n) for w in inputs]) for n in ("vector", "found", "shape", "clitic",
                                                                           "trigger")}
    fields["chars"] = torch.from_numpy(chars)
    with torch.no_grad():
        x = model.word_vectors(fields)
        batch = torch.zeros(2, len(words) + 2, x.shape[1])      # padded beside a shorter sentence
        batch[0, :len(words)], batch[1, :3] = x, x[:3]
        mask = torch.zeros(2, len(words) + 2, dtype=torch.bool)
        mask[0, :len(words)], mask[1, :3] = True, True
        for domain in ner_neural.DOMAINS:
            expected = model.emissions(batch, mask, domain)[0, :len(words)]
            assert np.allclose(net.emissions(net.word_vectors(inputs), domain), expected.numpy(), atol=1e-4)


def test_broken_model_file_is_a_marsad_error(tmp_path):
    arrays = tiny_arrays()
    del arrays["conv1_b"]
    path = tmp_path / "broken.npz"
    np.savez(path, **arrays)
    with pytest.raises(MarsadError, match="conv1_b"):
        ner_neural.read_network(path)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(ner.NerModelError):
        ner_neural.read_network(tmp_path / "junk.npz")


def test_shipped_model_loads_once_from_the_package():
    tagger = ner_neural.load_tagger()
    assert tagger is ner_neural.load_tagger()
    assert len(tagger.network.vocabulary) > 50_000 and "بغداد" in tagger.lexicons.names
    assert tagger.network.arrays["news_out_b"].shape == (len(LABELS),)


def test_environment_picks_the_tagger(monkeypatch):
    monkeypatch.setenv("MARSAD_NER", "neural")
    assert ner.active_tagger() is ner_neural.load_tagger()
    monkeypatch.setenv("MARSAD_NER", "crf")
    assert ner.active_tagger() is ner.load_tagger()


@pytest.mark.parametrize("text, expected", [
    ("قال وزير الخارجية الأردني أيمن الصفدي في عمان إن المملكة ترفض أي تهجير للفلسطينيين.",
     {"أيمن الصفدي": "PER", "عمان": "LOC"}),
    ("التقى رئيس الحكومة المغربية عزيز أخنوش بوفد من البنك الدولي في الرباط يوم الثلاثاء.",
     {"عزيز أخنوش": "PER", "البنك الدولي": "ORG", "الرباط": "LOC"}),
    ("أعلنت شركة أرامكو السعودية عن ارتفاع أرباحها في الربع الثالث، بحسب بيان نشرته في الظهران.",
     {"أرامكو السعودية": "ORG", "الظهران": "LOC"}),
])
def test_shipped_model_finds_names_through_find_mentions(monkeypatch, text, expected):
    monkeypatch.setenv("MARSAD_NER", "neural")
    mentions = ner.find_mentions(text)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    found = {m.text: m.type for m in mentions}
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)


def test_shipped_model_on_bad_input(monkeypatch):
    monkeypatch.setenv("MARSAD_NER", "neural")
    assert ner.find_mentions("") == [] and ner.find_mentions("   \n") == []
    long_line = "قال الرئيس " + "كلمة " * 10_000 + "في بغداد"
    mentions = ner.find_mentions(long_line)
    assert all(long_line[m.start:m.end] == m.text for m in mentions)
    marked = "قَالَ الرَّئِيسُ العِرَاقِيُّ فِي بَغْدَادَ عام ٢٠٢١ إن Microsoft ستفتح مكتبا"
    assert all(marked[m.start:m.end] == m.text for m in ner.find_mentions(marked))


def test_matrix_library_runs_on_one_thread_while_tagging_and_gets_its_setting_back():
    blas = ner_neural._BlasThreads()
    if blas.get is None:
        pytest.skip("no OpenBLAS found in this process")
    before = blas.get()
    blas.set(2)
    try:
        with blas.one():
            assert blas.get() == 1
        assert blas.get() == 2
    finally:
        blas.set(before)
