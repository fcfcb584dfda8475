"""Bytes to text, in the encodings real pages use, without ever guessing silently.

Order: a byte-order mark (UTF-32, UTF-16, UTF-8) wins; then BOM-less UTF-16 recognised by its NUL-byte
pattern; then UTF-8, where any byte that is not valid UTF-8 is read as Windows-1252 (so a cp1252 file and a
UTF-8 file with a few stray cp1252 bytes both load, and a warning says so); an HTML page may name its
charset in a ``<meta>`` tag, which is used when the bytes are not valid UTF-8.

For valid UTF-8 the text is exactly what ``Path.read_text(encoding="utf-8")`` returns (a BOM stays as the
zero-width U+FEFF, ``\\r\\n`` and ``\\r`` become ``\\n``), so offsets agree with any tool reading the file
that way.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from timeline.documents.errors import DocumentError

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file (save the article as text or HTML first)"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (save the article as text or HTML first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"RIFF", "a media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (save the article as text or HTML first)"),
)
"""Magic numbers of common non-text files, to say what a file is instead of showing mojibake."""

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

FALLBACK_ERRORS = "timeline-cp1252"
MAX_CONTROL_SHARE = 0.01
"""Above this share of control characters the "text" is binary data."""

META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s{0,5}=\s{0,5}["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NOT_CHARSETS = frozenset(
    {"idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined", "utf-7", "charmap"}
)
"""Codec names Python calls text encodings that no web page's charset means (UTF-7 is banned by the
WHATWG encoding standard): a page declaring one is decoded as if it declared none."""


def _read_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 rejected as cp1252 (Latin-1 for its 5 unused bytes)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="ignore") if _all_cp1252(bad) else bad.decode("latin-1"), error.end


def _all_cp1252(data: bytes) -> bool:
    return all(byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for byte in data)


codecs.register_error(FALLBACK_ERRORS, _read_as_cp1252)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, name: str, *, html: bool = False) -> Decoded:
    """The text of ``data`` (the file ``name``), or a DocumentError saying why it is not a text article."""
    if not data:
        raise DocumentError(f"{name} is empty: there is no text to read.")
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(f"{name} is not a text article: it looks like {what}.")
    decoded = _decode(data, name, html=html)
    reject_binary(decoded.text, name)
    if not decoded.text.strip("\ufeff \t\r\n\xa0"):
        raise DocumentError(f"{name} holds only blank space: there is no text to read.")
    return decoded


def universal_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` as ``\\n``, exactly as Python's text mode reads a file."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str, *, html: bool) -> Decoded:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_utf16_or_32(data, codec, name)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data, name, label="UTF-8 with BOM")
    utf16 = _bomless_utf16(data)
    if utf16:
        return _decode_utf16_or_32(data, utf16, name)
    try:
        return Decoded(universal_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        read = _read_as_declared(data)
        if read:
            declared, text = read
            warning = f"{name} is not UTF-8; read it as {declared}, the charset the page declares."
            return Decoded(universal_newlines(text), declared, (warning,))
    return _decode_utf8(data, name, label="UTF-8")


def _decode_utf8(data: bytes, name: str, *, label: str) -> Decoded:
    try:
        return Decoded(universal_newlines(data.decode("utf-8")), label.lower())
    except UnicodeDecodeError as error:
        first_bad = error.start
    text = data.decode("utf-8", errors=FALLBACK_ERRORS)
    warning = (
        f"{name} is not valid UTF-8 (first bad byte at offset {first_bad}): "
        "those bytes were read as Windows-1252 (cp1252); check the text for wrong characters."
    )
    return Decoded(universal_newlines(text), "utf-8+cp1252", (warning,))


def _decode_utf16_or_32(data: bytes, codec: str, name: str) -> Decoded:
    warnings: tuple[str, ...] = ()
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        warnings = (f"{name} is damaged {codec.upper()}: unreadable characters were replaced by '\ufffd'.",)
    return Decoded(universal_newlines(text.lstrip("\ufeff")), codec, warnings)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when NULs sit at every odd/even byte (text in the Latin range)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls = sample[0 : pairs * 2 : 2].count(0)
    odd_nuls = sample[1 : pairs * 2 : 2].count(0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _read_as_declared(data: bytes) -> tuple[str, str] | None:
    """(charset, text) read in the page's declared charset, when that is a text encoding, else None.

    Python's codec registry also holds byte transforms (``base64``, ``zlib``, ``rot13``: not text
    encodings) and codecs that are not page charsets (``idna``, ``unicode_escape``); a page naming
    one of those is read as if it declared nothing.
    """
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        info = codecs.lookup(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or name in NOT_CHARSETS:
        return None
    if name in ("utf-8", "utf-16", "utf-32"):
        return None
    try:
        return name, data.decode(name, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None


def reject_binary(text: str, name: str) -> None:
    """DocumentError if ``text`` holds NULs or many control characters: binary data, not an article."""
    if "\x00" in text:
        raise DocumentError(f"{name} is not a text article: it holds binary data (NUL bytes).")
    sample = text[:65536]
    controls = len(CONTROL.findall(sample))
    if sample and controls > MAX_CONTROL_SHARE * len(sample):
        raise DocumentError(f"{name} is not a text article: it holds binary data (control characters).")
