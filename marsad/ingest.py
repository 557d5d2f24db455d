"""Reading every news input format into candidate documents, one at a time.

`read_paths` walks files, folders and archives and yields a `Document` per candidate article or a `Rejected`
with a one-line reason; it never raises for a bad item, so one broken file cannot stop a batch of thousands.
Everything streams: archives member by member, JSON arrays item by item, JSON lines line by line, WARC
record by record, so a 100 MB zip of JSON costs the memory of one article, not of the corpus.

`decode` turns a document's bytes into text. Arabic sites still serve Windows-1256 and ISO-8859-6 and often
declare the wrong charset (or none), so decoding checks the result: a candidate charset wins when its text
reads as Arabic, not just because it decodes without error.
"""
from __future__ import annotations

import codecs
import functools
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import IO

import charset_normalizer
import feedparser
from warcio.archiveiterator import ArchiveIterator

from marsad import MarsadError
from marsad.arabic import ARABIC_LETTER
from marsad.records import Document, Rejected

DEFAULT_MAX_BYTES = 20_000_000
HEAD_BYTES = 8192          # enough to sniff a kind, find a BOM, or see a tar header (magic at byte 257)
CHUNK = 1 << 16
MAX_NESTING = 4            # archives inside archives (and gzip inside gzip) deeper than this are refused
CHARSET_SAMPLE = 1 << 16   # charset-normalizer looks at this much; the chosen codec then decodes everything

Item = Document | Rejected


class DecodeError(MarsadError):
    """The bytes fit no encoding we can trust; the message is a one-line reason."""


class _NotArticles(MarsadError):
    """A JSON file or line that parses but holds something other than articles."""


# --- kinds ---------------------------------------------------------------------------------------------------

# Magic numbers of files that are never news text, with a label for the reject reason.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"%PDF-", "PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class"),
    (b"\x00asm", "WebAssembly"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
    (b"RIFF", "RIFF media"),
)
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")      # a member, or the end record of an empty zip
GZIP_MAGIC = b"\x1f\x8b"

# File-name endings that decide the kind when the bytes do not (longest first where they overlap).
EXTENSION_KINDS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".warc", "warc"),
    (".tar.gz", "tar"), (".tgz", "tar"), (".tar.bz2", "tar"), (".tbz2", "tar"), (".tar.xz", "tar"),
    (".txz", "tar"), (".tar", "tar"),
    (".zip", "zip"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".shtml", "html"),
    (".txt", "text"), (".text", "text"),
)

_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|br|span|a|img|h[1-6]|strong|em|b|i|ul|ol|li|table"
    r"|tr|td|figure|figcaption|article|section|header|footer|nav|blockquote|iframe|script|style|link)\b[^>]*>",
    re.IGNORECASE)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)

# Bytes that plain text uses; anything else below 0x20 is a control byte.
_TEXT_BYTES = bytes([9, 10, 11, 12, 13, 27]) + bytes(range(32, 256))


def _binary_label(data: bytes) -> str | None:
    """What binary thing `data` is ("PNG image", "NUL bytes"), or None for text.

    NULs alone would call UTF-16 text binary, so UTF-16/32 (with or without BOM) is ruled out first. One
    stray NUL in a scraped page is tolerated; 1% NULs or 5% other control bytes is not text.
    """
    for magic, label in BINARY_MAGIC:
        if data.startswith(magic):
            return label
    if data[4:8] == b"ftyp":
        return "MP4/HEIF media"
    sample = data[:HEAD_BYTES]
    if _bom_encoding(sample) or _utf16_order(sample):
        return None
    if sample.count(0) * 100 >= max(len(sample), 1) and sample.count(0):
        return "NUL bytes"
    controls = len(sample.translate(None, _TEXT_BYTES))
    if controls * 20 > len(sample):
        return "control bytes"
    return None


def _gunzip_head(head: bytes) -> bytes:
    """The first bytes of a gzip stream's content, decompressed from its first (possibly cut) bytes."""
    try:
        return zlib.decompressobj(wbits=47).decompress(head, HEAD_BYTES)
    except zlib.error:
        return b""


def _head_text(head: bytes) -> str:
    """A rough decoding of the first bytes, good enough to look for markup and brackets."""
    encoding = _bom_encoding(head) or _utf16_order(head) or "utf-8"
    return head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")


def _extension_kind(name: str) -> str | None:
    lower = name.lower()
    for suffix, kind in EXTENSION_KINDS:
        if lower.endswith(suffix):
            return kind
    return None


def looks_html(text: str) -> bool:
    """True when text is markup rather than prose: it opens like a page, or carries two or more HTML tags in
    its first 20,000 characters (a stray "<" in an article never matches a tag name)."""
    head = text[:20_000]
    if _HTML_START.match(head.lstrip()):
        return True
    found = 0
    for _ in _HTML_TAG.finditer(head):
        found += 1
        if found >= 2:
            return True
    return False


def _looks_jsonl(text: str) -> bool:
    """A "{" file is JSON lines when its first line is a whole object and the next non-blank line opens one."""
    lines = text.split("\n")
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except ValueError:
        return False
    rest = [line for line in lines[1:] if line.strip()]
    return bool(rest) and rest[0].lstrip().startswith("{")


def sniff_kind(name: str, data: bytes) -> str:
    """The kind of input held in `data` (the whole file or its first few KB) named `name`.

    Returns "text", "html", "feed", "warc", "json", "jsonl", "zip", "tar" or "binary". Bytes decide first
    (a zip renamed .txt is still a zip, a PNG renamed .txt is binary), then the file name, then the content
    (an extension-less download may be HTML, a feed or JSON). A .txt file holding a web page is "html". A
    gzip file that is neither a tar nor a WARC is "binary" here; `read_paths` unpacks it and sniffs again.
    """
    head = data[:HEAD_BYTES]
    by_name = _extension_kind(name)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(GZIP_MAGIC):
        inner = _gunzip_head(head)
        if inner.startswith(b"WARC/"):
            return "warc"
        if inner[257:262] == b"ustar" or by_name == "tar":
            return "tar"
        return "binary"
    if head.startswith(b"WARC/"):
        return "warc"
    if head[257:262] == b"ustar" or (by_name == "tar" and head.startswith((b"BZh", b"\xfd7zXZ\x00"))):
        return "tar"
    if by_name in ("zip", "tar", "warc"):
        return by_name       # broken or truncated container: its reader says what is wrong
    if _binary_label(head):
        return "binary"
    text = _head_text(head)
    if by_name == "html":
        return "html"
    if by_name == "text":
        return "html" if looks_html(text) else "text"
    if by_name in ("json", "jsonl"):
        if text.startswith("["):
            return "json"
        return "jsonl" if by_name == "jsonl" or _looks_jsonl(text) else "json"
    if by_name == "feed":
        return "html" if _HTML_START.match(text) and not _FEED_ROOT.search(text) else "feed"
    if text.startswith("<?xml") or _FEED_ROOT.match(text):
        return "html" if _HTML_START.search(text) and not _FEED_ROOT.search(text) else "feed"
    if looks_html(text):
        return "html"
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        return "jsonl" if _looks_jsonl(text) else "json"
    return "text"


# --- checks --------------------------------------------------------------------------------------------------

def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _size_limit_reason(max_bytes: int) -> str:
    if max_bytes >= 1_000_000:
        return f"over size limit {max_bytes / 1_000_000:g} MB"
    return f"over size limit {max_bytes} bytes"


def check_bytes(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Rejected | None:
    """A reject for bytes that cannot be an article (over the size limit, empty or blank, binary), else None.

    The same checks run on files, archive members and WARC payloads, so the pipeline can reuse them for bytes
    it gets elsewhere (an upload, an HTTP fetch).
    """
    size = len(data)
    if size > max_bytes:
        return Rejected(source, _size_limit_reason(max_bytes), size, _sha256(data))
    if size == 0:
        return Rejected(source, "empty file", 0, _sha256(data))
    label = _binary_label(data)
    if label:
        return Rejected(source, f"binary file ({label})", size, _sha256(data))
    if not data.lstrip(codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE).strip(b" \t\r\n\x00\x0b\x0c"):
        return Rejected(source, "blank file (whitespace only)", size, _sha256(data))
    return None


# --- decoding ------------------------------------------------------------------------------------------------

# Longest BOM first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# Single-byte fallbacks Arabic sites use; tried after any declared charset and charset-normalizer's guess.
ARABIC_SINGLE_BYTE = ("cp1256", "iso8859-6")
_CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd]")


def _bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_order(sample: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for UTF-16 text without a BOM, else None.

    In UTF-16 the high byte of every character sits on one side: NUL for ASCII (spaces, digits,
    punctuation), 0x06 for Arabic letters, 0x20 or 0xFE/0xFB for quotes and presentation forms. So one side
    is nearly all from that small set with a fair share of NULs, and the other side has almost no NULs.
    """
    n = len(sample) - len(sample) % 2
    if n < 8:
        return None
    even, odd = sample[0:n:2], sample[1:n:2]
    for high, low, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        zeros = high.count(0)
        if zeros * 20 < len(high) or low.count(0) * 100 > len(low):
            continue
        usual = zeros + high.count(6) + high.count(0x20) + high.count(0xFE) + high.count(0xFB)
        if usual * 10 >= len(high) * 9:
            return name
    return None


def _codec_name(name: str | None) -> str | None:
    """Python's name for a charset label ("windows-1256" -> "cp1256"), or None if unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def encoding_label(codec: str) -> str:
    """The name we record: Python's codec name, with ISO charsets spelt the usual way ("iso-8859-6")."""
    return re.sub(r"^iso8859-(\d+)$", r"iso-8859-\1", codec)


def _declared_charsets(data: bytes, hint: str | None) -> list[str]:
    """Charsets the bytes claim: an HTTP Content-Type hint first, then <meta charset> or the XML declaration."""
    found: list[str] = []
    if hint:
        match = _HEADER_CHARSET.search(hint)
        found.append(match.group(1) if match else hint)
    head = data[:32_768]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            found.append(match.group(1).decode("ascii"))
    names = []
    for label in found:
        codec = _codec_name(label)
        if codec and codec not in names:
            names.append(codec)
    return names


@functools.lru_cache(maxsize=64)
def _byte_classes(codec: str) -> bytes | None:
    """For a single-byte charset, a 256-byte table giving each byte's class once decoded: A an Arabic letter,
    L another non-ASCII letter, l an ASCII letter, "." anything else. None for multi-byte charsets (no
    Arabic text is written in one besides UTF-8/16, which are settled before any guessing)."""
    every_byte = bytes(range(256)).decode(codec, errors="replace")
    if len(every_byte) != 256:
        return None
    classes = bytearray(b"." * 256)
    for byte, char in enumerate(every_byte):
        if ARABIC_LETTER.match(char):
            classes[byte] = ord("A")
        elif char.isalpha():
            classes[byte] = ord("l") if char.isascii() else ord("L")
    return bytes(classes)


def _arabic_reading(data: bytes, codec: str) -> tuple[float, float, int]:
    """How Arabic `data` reads in a single-byte `codec`: the share of non-ASCII letters that are Arabic, and
    the rate of the definite article "ال" per word, and the number of words. In news prose "ال" opens about
    a third of the words; a wrong single-byte decoding scatters letters and rarely forms it (the caller
    judges the rate only from 20 words on, but uses it to break ties). A wrong decoding of Latin text puts Arabic letters inside Latin words ("ministوre"); when that
    happens for more than one Arabic letter in twenty, the text does not read as Arabic at all (share 0).
    Works on the bytes through a class table (bytes.translate/count run at memory speed) because it runs
    on every candidate charset of every non-UTF-8 page."""
    classes = _byte_classes(codec)
    if classes is None:
        return 0.0, 0.0, 0
    sample = data[:20_000]
    kinds = sample.translate(classes)
    arabic = kinds.count(b"A")
    letters = arabic + kinds.count(b"L")
    words = len(sample.split())
    if not letters or (kinds.count(b"lA") + kinds.count(b"Al")) * 20 > arabic:
        return 0.0, 0.0, words
    try:
        article = "ال".encode(codec)
    except UnicodeEncodeError:
        return arabic / letters, 0.0, words
    return arabic / letters, sample.count(article) / max(words, 1), words


def _too_many_controls(text: str) -> bool:
    """A wrong decoding shows control characters (C0, C1) or U+FFFD; real text has none or nearly none."""
    return len(_CONTROL_CHAR.findall(text[:50_000])) > max(2, min(len(text), 50_000) // 200)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes of unknown encoding: (text, encoding label). `declared` is a charset hint such as an
    HTTP Content-Type header value.

    Order: a BOM; UTF-16 without BOM; strict UTF-8 (valid non-ASCII UTF-8 is almost never anything else);
    then candidates decoded strictly and judged: declared charsets (HTTP hint, <meta>, XML declaration),
    charset-normalizer's guess, cp1256, ISO-8859-6. A candidate that yields control characters is out. Among
    the rest, one that reads as Arabic (60% of its non-ASCII letters Arabic, "ال" in at least one word in
    ten) wins over one that does not, the most Arabic first (charset-normalizer is consulted only when no
    declared or Arabic charset reads as Arabic), so a page declared ISO-8859-1 or cp1252 but
    written in cp1256 still comes out Arabic, and short cp1256 texts that charset-normalizer misreads are
    caught. Otherwise the first candidate wins (declared before guessed), so a French cp1252 page stays
    cp1252. Raises DecodeError when nothing fits.
    """
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {bom} after its byte-order mark (byte {exc.start})") from None
    # UTF-16 first: Arabic in UTF-16 is all bytes below 0x80, so it would pass as valid (NUL-laden) UTF-8.
    order = _utf16_order(data[:HEAD_BYTES])
    if order:
        try:
            text = data[:len(data) - len(data) % 2].decode(order)
            if not _too_many_controls(text):
                return text, order
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    readings: dict[str, tuple[str, float, float, int] | None] = {}

    def reading(codec: str) -> tuple[str, float, float, int] | None:
        """(text, Arabic share, "ال" rate, words) for a strict decoding without control characters, else None."""
        if codec not in readings:
            readings[codec] = None
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                return None
            if not _too_many_controls(text):
                readings[codec] = (text, *_arabic_reading(data, codec))
        return readings[codec]

    def most_arabic(codecs_in_rank: list[str]) -> tuple[str, str] | None:
        scored = []
        for rank, codec in enumerate(codecs_in_rank):
            found = reading(codec)
            if found and found[1] >= 0.6 and (found[2] >= 0.1 or found[3] < 20):
                scored.append((round(found[1], 1), round(found[2], 2), -rank, codec))
        if not scored:
            return None
        codec = max(scored)[3]
        return readings[codec][0], encoding_label(codec)  # type: ignore[index]

    declared_codecs = [c for c in _declared_charsets(data, declared) if not c.startswith(("utf-8", "utf-16"))]
    # charset-normalizer is slow (~5 ms a page): ask it only when no declared or Arabic charset reads as Arabic.
    chosen = most_arabic(declared_codecs + list(ARABIC_SINGLE_BYTE))
    if chosen:
        return chosen
    best_guess = charset_normalizer.from_bytes(data[:CHARSET_SAMPLE]).best()
    guessed = _codec_name(best_guess.encoding) if best_guess is not None else None
    ranked = declared_codecs + ([guessed] if guessed and not guessed.startswith(("utf-8", "utf-16")) else [])
    ranked += list(ARABIC_SINGLE_BYTE)
    chosen = most_arabic(ranked)
    if chosen:
        return chosen
    for codec in ranked:
        found = reading(codec)
        if found:
            return found[0], encoding_label(codec)
    raise DecodeError(f"not UTF-8 (bad byte at {utf8_error.start}) and no charset fits")


def decode(doc: Document) -> str:
    """The document's text, decoding its bytes if needed; records the original encoding in `doc.encoding`.

    Text that arrived decoded (JSON, feeds) is returned as is. When `doc.encoding` is already set (read_paths
    sets it after checking the bytes decode), that codec is used directly, so the pipeline does not pay for
    detection twice. Raises DecodeError with a one-line reason.
    """
    if doc.text is not None:
        return doc.text
    if doc.data is None:
        raise DecodeError("document has neither bytes nor text")
    if doc.encoding:
        try:
            return doc.data.decode(_codec_name(doc.encoding) or doc.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    text, doc.encoding = decode_bytes(doc.data)
    return text


# --- streams -------------------------------------------------------------------------------------------------

class _Replay(io.RawIOBase):
    """A stream that first gives back the bytes already read for sniffing, then the rest of the source."""

    def __init__(self, head: bytes, source: IO[bytes]):
        self._head = head
        self._source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:          # noqa: ANN001 (memoryview or bytearray)
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._source.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class _CutTolerantGzip(io.RawIOBase):
    """gzip content that ends quietly where a cut-off stream ends, noting it in `cut`. gzip.GzipFile raises
    EOFError there, and a reader that reads ahead (warcio, the JSON reader) would lose the complete records
    before the cut along with the broken one; this way they are kept and the cut is reported after them."""

    def __init__(self, source: IO[bytes]):
        self._gzip = gzip.GzipFile(fileobj=source)
        self.cut = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:          # noqa: ANN001 (memoryview or bytearray)
        try:
            data = self._gzip.read1(len(buffer))   # one step at a time: read() drops what it had on EOFError
        except EOFError:
            self.cut = True
            return 0
        buffer[:len(data)] = data
        return len(data)


def _read_up_to(stream: IO[bytes], limit: int) -> bytes:
    """Up to `limit` bytes: some streams return short reads before the end."""
    parts: list[bytes] = []
    got = 0
    while got < limit:
        part = stream.read(min(limit - got, 1 << 22))
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


def _one_line(exc: BaseException | str, limit: int = 200) -> str:
    text = exc if isinstance(exc, str) else (str(exc) or type(exc).__name__)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _hidden(member_path: str) -> bool:
    """Hidden files and folders (".git", ".DS_Store") and macOS resource forks in zips are not articles."""
    return any(part.startswith(".") or part == "__MACOSX" for part in member_path.split("/") if part)


# --- the walk ------------------------------------------------------------------------------------------------

def read_paths(paths: Iterable[str | os.PathLike],
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Rejected]:
    """Stream candidate articles and rejects from files, folders and archives, in a deterministic order.

    Paths are read in the order given; folders recursively in sorted name order, skipping hidden entries;
    archives in member order. Text and HTML documents are yielded with their bytes and `encoding` already
    checked (undecodable bytes become a Rejected here, not later). Nothing raises for a bad item: each
    failure becomes a Rejected with a one-line reason and the iteration goes on. `max_bytes` bounds one
    document (a text or HTML file, a feed, a JSON item or line, a WARC payload), not an archive.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    for path in paths:
        yield from _read_path(os.fsdecode(path), max_bytes, set())


def _read_path(path: str, max_bytes: int, seen_dirs: set[str]) -> Iterator[Item]:
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Rejected(path, f"unreadable path: {_os_reason(exc)}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, max_bytes, seen_dirs)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejected(path, "not a regular file")       # a FIFO or device would block or never end
        return
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Rejected(path, f"unreadable path: {_os_reason(exc)}", info.st_size)
        return
    with handle:
        yield from _read_stream(path, os.path.basename(path), handle, info.st_size, max_bytes, 0, seekable=True)


def _read_folder(path: str, max_bytes: int, seen_dirs: set[str]) -> Iterator[Item]:
    real = os.path.realpath(path)
    if real in seen_dirs:                 # a symlink back up the tree
        return
    seen_dirs.add(real)
    try:
        with os.scandir(path) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:
        yield Rejected(path, f"unreadable folder: {_os_reason(exc)}")
        return
    for name in names:
        if not name.startswith("."):
            yield from _read_path(os.path.join(path, name), max_bytes, seen_dirs)


def _read_stream(source: str, name: str, stream: IO[bytes], size: int | None, max_bytes: int, depth: int,
                 seekable: bool = False) -> Iterator[Item]:
    """Read one file or archive member of any kind. `seekable` says `stream` is a real file a zip can seek."""
    if depth > MAX_NESTING:
        yield Rejected(source, "archives nested too deep", size)
        return
    try:
        head = _read_up_to(stream, HEAD_BYTES)
    except Exception as exc:   # noqa: BLE001 - any failure of one file is that file's reject reason
        yield Rejected(source, f"unreadable: {_one_line(exc)}", size)
        return
    if not head:
        yield Rejected(source, "empty file", 0, _sha256(b""))
        return
    kind = sniff_kind(name, head)
    if seekable and kind == "zip":
        stream.seek(0)
        body: IO[bytes] = stream
    else:
        body = io.BufferedReader(_Replay(head, stream), CHUNK)
    try:
        if kind in ("binary", "warc") and head.startswith(GZIP_MAGIC):
            # gzip around one file (.json.gz) or a WARC: unpack and sniff again. A .warc.gz is unpacked here
            # rather than by warcio because warcio ends a cut-off gzip stream silently.
            inner_name = name[:-3] if name.lower().endswith(".gz") else name
            unpacked = _CutTolerantGzip(body)
            last: Item | None = None
            for last in _read_stream(source, inner_name, io.BufferedReader(unpacked, CHUNK), None, max_bytes,
                                     depth + 1):
                yield last
            if unpacked.cut and not (isinstance(last, Rejected) and "truncated" in last.reason):
                yield Rejected(source, "truncated gzip data: the stream ends early", size)
        elif kind == "zip":
            yield from _read_zip(source, body, size, max_bytes, depth, seekable)
        elif kind == "tar":
            yield from _read_tar(source, body, max_bytes, depth)
        elif kind == "warc":
            yield from _read_warc(source, body, max_bytes)
        elif kind == "json":
            yield from _read_json(source, body, head, max_bytes)
        elif kind == "jsonl":
            yield from _read_jsonl(source, body, head, max_bytes)
        else:
            yield from _read_leaf(source, kind, body, size, max_bytes)
    except Exception as exc:   # noqa: BLE001 - a broken stream ends this file only, with its reason
        what = {"tar": "truncated or corrupt tar", "warc": "truncated or corrupt WARC", "zip": "corrupt zip",
                "json": "malformed JSON", "jsonl": "unreadable JSON lines"}.get(kind, "unreadable")
        if kind == "binary":
            what = "truncated or corrupt gzip"
        yield Rejected(source, f"{what}: {_one_line(exc)}", size)


def _read_leaf(source: str, kind: str, stream: IO[bytes], size: int | None, max_bytes: int) -> Iterator[Item]:
    """A single document: text, HTML or a feed file (or binary, which is rejected)."""
    if size is not None and size > max_bytes:
        yield Rejected(source, _size_limit_reason(max_bytes), size)
        return
    data = _read_up_to(stream, max_bytes + 1)
    if len(data) > max_bytes:
        yield Rejected(source, _size_limit_reason(max_bytes), size)
        return
    rejected = check_bytes(source, data, max_bytes)
    if rejected:
        yield rejected
        return
    if kind == "feed":
        yield from _read_feed(source, data)
        return
    yield from _checked_document(Document(source=source, kind="html" if kind == "html" else "text", data=data))


def _checked_document(doc: Document, charset_hint: str | None = None) -> Iterator[Item]:
    """Yield `doc` with its encoding found, or a Rejected when its bytes do not decode."""
    assert doc.data is not None
    try:
        _, doc.encoding = decode_bytes(doc.data, charset_hint)
    except DecodeError as exc:
        yield Rejected(doc.source, f"undecodable: {exc}", len(doc.data), _sha256(doc.data))
        return
    yield doc


# --- archives ------------------------------------------------------------------------------------------------

def _spooled(stream: IO[bytes], max_bytes: int) -> IO[bytes]:
    """A seekable copy of a stream (a zip inside an archive needs to seek): in memory up to max_bytes."""
    copy = tempfile.SpooledTemporaryFile(max_size=max_bytes)
    shutil.copyfileobj(stream, copy, CHUNK)
    copy.seek(0)
    return copy


def _read_zip(source: str, stream: IO[bytes], size: int | None, max_bytes: int, depth: int,
              seekable: bool) -> Iterator[Item]:
    owned = None if seekable else _spooled(stream, max_bytes)
    try:
        try:
            archive = zipfile.ZipFile(owned or stream)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield Rejected(source, f"truncated or corrupt zip: {_one_line(exc)}", size)
            return
        with archive:
            for info in archive.infolist():
                if info.is_dir() or _hidden(info.filename):
                    continue
                member = f"{source}!{info.filename}"
                if info.flag_bits & 0x1:
                    yield Rejected(member, "encrypted zip member", info.file_size)
                    continue
                try:
                    handle = archive.open(info)
                except Exception as exc:   # noqa: BLE001 - bad local header, unsupported compression
                    yield Rejected(member, f"unreadable zip member: {_one_line(exc)}", info.file_size)
                    continue
                with handle:
                    yield from _read_stream(member, info.filename, handle, info.file_size, max_bytes, depth + 1)
    finally:
        if owned is not None:
            owned.close()


def _read_tar(source: str, stream: IO[bytes], max_bytes: int, depth: int) -> Iterator[Item]:
    """Stream mode ("r|*"): members in order, compressed or not, without seeking or listing first."""
    with tarfile.open(fileobj=stream, mode="r|*") as archive:
        for member in archive:
            name = member.name[2:] if member.name.startswith("./") else member.name
            if not member.isfile() or _hidden(name):
                continue
            handle = archive.extractfile(member)
            if handle is None:
                continue
            yield from _read_stream(f"{source}!{name}", name, handle, member.size, max_bytes, depth + 1)


# --- WARC ----------------------------------------------------------------------------------------------------

HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")


def _read_warc(source: str, stream: IO[bytes], max_bytes: int) -> Iterator[Item]:
    """HTML responses of a WARC file, each with its WARC-Target-URI and HTTP charset.

    A .warc.gz is unpacked with gzip first (read_paths does it), because gzip, unlike warcio, raises on a
    cut-off stream; a cut-off uncompressed record shows as a payload shorter than its Content-Length. Either
    way the file stops there with a Rejected and the records before it are kept.
    """
    records = ArchiveIterator(stream, ensure_http_headers=False)
    records.INC_RECORD = ""      # warcio prints this warning to stderr; we report it as a Rejected instead
    misaligned = 0
    for record in records:
        if records.err_count > misaligned:
            misaligned = records.err_count
            yield Rejected(f"{source}#{records.offset}", "WARC record not where the previous Content-Length said")
        http = record.http_headers
        content_type = ""
        if record.rec_type == "response" and http is not None:
            content_type = http.get_header("Content-Type") or ""
        wanted = content_type.lower().lstrip().startswith(HTML_CONTENT_TYPES)
        payload = _read_up_to(record.content_stream(), max_bytes + 1) if wanted else b""
        _drain(record.raw_stream)
        cut = getattr(record.raw_stream, "limit", 0) > 0
        # Only now: asking warcio for the offset reads the record to its end.
        item = f"{source}#{records.get_record_offset()}"
        if cut:
            yield Rejected(item, "truncated WARC record", len(payload) if wanted else None)
            return
        if not wanted:
            continue
        if len(payload) > max_bytes:
            yield Rejected(item, _size_limit_reason(max_bytes))
            continue
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            yield Rejected(item, f"HTTP status {status or 'missing'}", len(payload), _sha256(payload))
            continue
        rejected = check_bytes(item, payload, max_bytes)
        if rejected:
            yield rejected
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        yield from _checked_document(Document(source=item, kind="html", data=payload, url=url), content_type)


def _drain(stream: IO[bytes]) -> None:
    while stream.read(CHUNK):
        pass


# --- feeds ---------------------------------------------------------------------------------------------------

def feed_date(entry: dict) -> str | None:
    """An item's date as ISO 8601 with its own UTC offset when it parses (RSS uses RFC 822, Atom RFC 3339),
    else the raw string: feedparser's parsed tuples are UTC and would lose the outlet's local clock time."""
    raw = entry.get("published") or entry.get("updated") or entry.get("created")
    if not raw:
        return None
    raw = raw.strip()
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return raw


def _feed_body(entry: dict) -> str:
    """content:encoded / Atom content (the longest part), else the summary or description."""
    parts = [part.get("value") or "" for part in entry.get("content") or []]
    body = max(parts, key=len, default="")
    return body if body.strip() else (entry.get("summary") or "")


def _read_feed(source: str, data: bytes) -> Iterator[Item]:
    parsed = feedparser.parse(io.BytesIO(data))   # bytes alone may be taken for a file name or URL
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed: {_one_line(problem)}" if problem else "feed has no items"
        yield Rejected(source, reason, len(data), _sha256(data))
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    encoding = parsed.get("encoding")
    encoding = encoding_label(_codec_name(encoding) or encoding) if encoding else None
    for number, entry in enumerate(parsed.entries, 1):
        item = f"{source}#{number}"
        body = _feed_body(entry)
        if not body.strip():
            yield Rejected(item, "feed item has no text", 0)
            continue
        origin = entry.get("source") or {}
        yield Document(
            source=item, kind="html", text=body, url=(entry.get("link") or "").strip() or None,
            title_hint=(entry.get("title") or "").strip() or None, published_hint=feed_date(entry),
            outlet_hint=(origin.get("title") or "").strip() or feed_title,
            author_hint=(entry.get("author") or "").strip() or None, encoding=encoding)


# --- JSON ----------------------------------------------------------------------------------------------------

# Keys (lower-cased) that carry each Document field in article JSON, most usual first. Covers SaudiNewsNet,
# news-please, NewsAPI, WordPress REST and hand-made dumps.
ARTICLE_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "maintext", "article", "article_body", "articlebody", "full_text",
             "fulltext", "story", "description"),
    "title_hint": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "permalink"),
    "published_hint": ("date", "published", "date_extracted", "date_publish", "datepublished", "publishedat",
                       "published_at", "pubdate", "publish_date", "date_published", "time", "datetime"),
    "outlet_hint": ("source", "outlet", "source_domain", "site", "site_name", "publisher", "newspaper"),
    "author_hint": ("author", "authors", "byline", "writer"),
}
# Keys of an object whose value is the list of articles ({"articles": [...]}).
ARTICLE_LIST_KEYS = ("articles", "items", "entries", "data", "results", "docs", "documents", "news", "posts")
# Keys of a nested object that hold its readable value ({"rendered": "..."}, {"name": "..."}).
_NESTED_VALUE_KEYS = ("rendered", "name", "title", "text", "value", "@value", "href", "url")
_EARLIEST_EPOCH, _LATEST_EPOCH = 0, 4_102_444_800     # 1970 .. 2100: a plausible Unix time


def _field_text(value: object, joiner: str = "\n\n") -> str | None:
    """A JSON value as text: strings as they are, lists joined, nested objects by their usual value key."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = [_field_text(part, joiner) for part in value]
        return joiner.join(part for part in parts if part) or None
    if isinstance(value, dict):
        lowered = {str(k).lower(): v for k, v in value.items()}
        for key in _NESTED_VALUE_KEYS:
            if key in lowered:
                return _field_text(lowered[key], joiner)
    return None


def _date_hint(value: object) -> str | None:
    """Dates stay as written, except Unix times (seconds or milliseconds), which become ISO UTC."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > _LATEST_EPOCH else value
        if _EARLIEST_EPOCH < seconds < _LATEST_EPOCH:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    text = _field_text(value)
    return text.strip() or None if text else None


def _is_article_like(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    keys = {str(k).lower() for k in value}
    return any(key in keys for field in ("text", "title_hint", "url") for key in ARTICLE_KEYS[field])


def _first_present(lowered: dict[str, object], keys: tuple[str, ...]) -> object:
    """The first of `keys` with a non-empty value (an empty "content" falls through to "description")."""
    for key in keys:
        value = lowered.get(key)
        if value is not None and value != "" and value != [] and value != {}:
            return value
    return None


def _article_from_json(source: str, value: object, encoding: str | None) -> Item:
    if not isinstance(value, dict):
        return Rejected(source, f"not an article: a JSON {type(value).__name__}")
    lowered = {str(k).lower(): v for k, v in value.items()}
    fields: dict[str, str | None] = {}
    for field, keys in ARTICLE_KEYS.items():
        found = _first_present(lowered, keys)
        if found is None:
            fields[field] = None
        elif field == "published_hint":
            fields[field] = _date_hint(found)
        elif field == "text":
            fields[field] = _field_text(found)
        else:
            text = _field_text(found, "، ")
            fields[field] = " ".join(text.split()) or None if text else None
    text = fields.pop("text")
    if text is None:
        if any(key in lowered for key in ARTICLE_KEYS["text"]):
            return Rejected(source, "empty article text")
        keys = ", ".join(sorted(lowered)[:8])
        return Rejected(source, f"no article text (keys: {keys})")
    if not text.strip():
        return Rejected(source, "empty article text", len(text.encode("utf-8")))
    return Document(source=source, kind="html" if looks_html(text) else "text", text=text, encoding=encoding,
                    **fields)


def _text_encoding(head: bytes) -> str:
    """The codec for a JSON stream: a BOM, else UTF-8 (RFC 8259), unless the first bytes are not UTF-8."""
    bom = _bom_encoding(head)
    if bom:
        return bom
    order = _utf16_order(head)
    if order:
        return order
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return _codec_name(decode_bytes(head)[1]) or "utf-8"


class _ItemTooLarge(MarsadError):
    pass


class _JsonReader:
    """Pulls JSON values one at a time from a text stream, so a big array never sits whole in memory.

    Each value is parsed with the standard decoder's `raw_decode`; when it fails at the end of the buffer the
    value is incomplete, and the buffer grows (doubling, so a big value costs linear time) up to the size
    limit. A failure away from the buffer's end is a real syntax error and is raised at once.
    """

    _NON_SPACE = re.compile(r"[^ \t\r\n]")

    def __init__(self, stream: IO[str], max_chars: int):
        self._stream = stream
        self._max = max_chars
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _more(self, want: int = CHUNK) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(want)
        if not chunk:
            self._eof = True
            return False
        if self._pos:
            self._buf = self._buf[self._pos:]
            self._pos = 0
        self._buf += chunk
        return True

    def peek(self) -> str:
        """The next non-space character ("" at the end), without consuming it."""
        while True:
            match = self._NON_SPACE.search(self._buf, self._pos)
            if match:
                self._pos = match.start()
                return self._buf[self._pos]
            self._pos = len(self._buf)
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise ValueError(f"expected {char!r} but found {found or 'end of file'!r}")
        self._pos += 1

    def value(self) -> object:
        self.peek()
        want = CHUNK
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
                if end < len(self._buf) or self._eof:
                    self._pos = end
                    return value        # a number touching the buffer's end may go on: read more first
            except json.JSONDecodeError as exc:
                incomplete = exc.pos >= len(self._buf) - 16 or exc.msg.startswith("Unterminated string")
                if self._eof or not incomplete:
                    raise ValueError(exc.msg) from None   # positions are in the buffer, not the file
            if len(self._buf) - self._pos > self._max:
                raise _ItemTooLarge(_size_limit_reason(self._max))
            self._more(want)
            want = min(want * 2, 1 << 24)

    def array_items(self) -> Iterator[object]:
        self.expect("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self._pos += 1
                continue
            self.expect("]")
            return


def _json_values(reader: _JsonReader) -> Iterator[tuple[str, object]]:
    """(label, value) per article candidate: "#n" for the items of a top-level array, of an
    {"articles": [...]} list or of objects written one after another; "" for a single top-level object."""
    first = reader.peek()
    if first == "[":
        for number, value in enumerate(reader.array_items(), 1):
            yield f"#{number}", value
    elif first == "{":
        reader.expect("{")
        single: dict[str, object] = {}
        listed = False
        while reader.peek() != "}":
            if single or listed:
                reader.expect(",")
            key = reader.value()
            reader.expect(":")
            if isinstance(key, str) and key.lower() in ARTICLE_LIST_KEYS and not listed and reader.peek() == "[":
                listed = True
                for number, value in enumerate(reader.array_items(), 1):
                    yield f"#{number}", value
            else:
                single[str(key)] = reader.value()
        reader.expect("}")
        if listed:
            return
        if reader.peek() != "{":
            yield "", single
            return
        # Objects one after another: JSON lines in a .json file (or lines too long to sniff), read as such.
        yield "#1", single
        number = 1
        while reader.peek() == "{":
            number += 1
            yield f"#{number}", reader.value()
    elif first == "":
        raise _NotArticles("JSON holds no articles: the file is blank")
    else:
        raise _NotArticles("JSON holds no articles: the top level is not an array or object")


def _articles(source: str, values: Iterator[tuple[str, object]], encoding: str) -> Iterator[Item]:
    """Turn JSON values into documents; a file whose first value is not article-like is refused whole (it is
    some other JSON: a config, a list of numbers), rather than rejected item by item."""
    first = True
    for label, value in values:
        if first and not _is_article_like(value):
            kind = type(value).__name__ if not isinstance(value, dict) else "object without text, title or url"
            raise _NotArticles(f"JSON holds no articles (first item: {kind})")
        first = False
        yield _article_from_json(source + label, value, encoding)


def _read_json(source: str, stream: IO[bytes], head: bytes, max_bytes: int) -> Iterator[Item]:
    encoding = _text_encoding(head)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    reader = _JsonReader(text, max_bytes)
    count = 0
    try:
        for item in _articles(source, _json_values(reader), encoding_label(encoding)):
            count += 1
            yield item
        if reader.peek():
            yield Rejected(source, "trailing data after the JSON value")
    except (_NotArticles, _ItemTooLarge) as exc:
        where = source if not count else f"{source}#{count + 1}"
        yield Rejected(where, str(exc))
    except ValueError as exc:
        where = source if not count else f"{source}#{count + 1}"
        yield Rejected(where, f"malformed JSON: {_one_line(exc)}")


def _read_jsonl(source: str, stream: IO[bytes], head: bytes, max_bytes: int) -> Iterator[Item]:
    """One article per line; a bad line is rejected with its line number and the rest still load."""
    encoding = _text_encoding(head)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="\n")
    label = encoding_label(encoding)
    checked = False
    number = 0
    while True:
        line = text.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        item = f"{source}#{number}"
        if len(line) > max_bytes and not line.endswith("\n"):
            yield Rejected(item, "line " + _size_limit_reason(max_bytes))
            while (rest := text.readline(CHUNK)) and not rest.endswith("\n"):
                pass
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raw = line.encode("utf-8", errors="replace")
            yield Rejected(item, f"malformed JSON: {exc.msg} (column {exc.colno})", len(raw), _sha256(raw))
            continue
        if not checked:
            checked = True
            if not _is_article_like(value):
                yield Rejected(source, "JSON lines hold no articles (first line: "
                               f"{type(value).__name__ if not isinstance(value, dict) else 'no text, title or url'})")
                return
        yield _article_from_json(item, value, label)
