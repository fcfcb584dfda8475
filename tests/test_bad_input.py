"""Bad input gets a clear DocumentError naming the file, or a clean result: never a traceback.

Big and pathological inputs check that loading stays linear: they must finish under a generous
pytest-timeout (no timing assertions: the machine is shared), which a pattern that backtracks badly or a
quadratic loop would not.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.documents import DocumentError, load_corpus, load_document, load_text
from timeline.documents.load import MAX_BYTES

WriteFile = Callable[..., Path]
TEN_MB = 10 * 1024 * 1024
PARAGRAPH = (
    "US Vice President Mike Pence on Saturday assured Iraqi Prime Minister Haider Al-Abadi of continued "
    "US support, the Iraqi government said in a statement on 8 April 2017.\n\n"
)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\r\n\t  \n", "only blank space"),
        ("blank-bom.txt", codecs.BOM_UTF8 + b"\n\n", "only blank space"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        ("photo.html", b"\xff\xd8\xff\xe0" + bytes(200), "JPEG image"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF file"),
        ("doc.txt", b"PK\x03\x04" + bytes(100), "ZIP archive"),
        ("random.txt", bytes(range(256)) * 64, "binary data"),
        ("controls.txt", b"abc" + bytes(range(1, 9)) * 50, "binary data"),
        ("nuls.md", b"some text\x00\x00\x00 more text with a few NULs inside" * 3, "binary data"),
        (
            "script-only.html",
            b"<html><script>alert('8 April 2017')</script></html>",
            "no readable article text",
        ),
        ("styled-only.htm", b"<style>p{}</style><nav>Home</nav>", "no readable article text"),
    ],
)
def test_unreadable_files_get_a_clear_error(
    write_file: WriteFile, name: str, data: bytes, message: str
) -> None:
    path = write_file(name, data)
    with pytest.raises(DocumentError, match=message) as raised:
        load_document(path)
    assert name in str(raised.value)
    documents, errors = load_corpus([path])
    assert documents == [] and len(errors) == 1
    assert errors[0].path == str(path) and name in errors[0].message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        load_document(tmp_path)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk, and must not be read
    with pytest.raises(DocumentError, match=r"huge\.txt is too large"):
        load_document(path)


@pytest.mark.parametrize(
    ("name", "data", "expected_start", "warning"),
    [
        ("cp1252.txt", "Pence’s “visit” – café".encode("cp1252"), "Pence’s “visit” – café", "cp1252"),
        ("latin1-undefined.txt", b"caf\xe9 \x81 na\xefve", "café \x81 naïve", "cp1252"),
        ("stray-byte.txt", "Baghdad — ".encode() + b"\x93quoted\x94", "Baghdad — “quoted”", "cp1252"),
        ("truncated-utf8.txt", b"Mosul " + "é".encode()[:1], "Mosul Ã", "cp1252"),
        (
            "broken-utf16.txt",
            codecs.BOM_UTF16_LE + "Iraq".encode("utf-16-le") + b"\x00\xd8",
            "Iraq",
            "UTF-16",
        ),
    ],
)
def test_mis_encoded_files_load_with_a_warning(
    write_file: WriteFile, name: str, data: bytes, expected_start: str, warning: str
) -> None:
    document = load_document(write_file(name, data))
    assert document.text.startswith(expected_start)
    assert any(warning in w and name in w for w in document.warnings)


def test_html_script_is_never_text_and_txt_is_never_html(write_file: WriteFile) -> None:
    page = (
        b"<html><body><p>Troops left on 18 December 2011.</p>"
        b"<script>var s = '<p>8 April 2017</p>'; if (a < b && c > d) { run('</p>') }</script>"
        b"<SCRIPT type='text/javascript'>evil()</SCRIPT><p>Talks resumed.</p></body></html>"
    )
    document = load_document(write_file("page.html", page))
    assert document.text == "Troops left on 18 December 2011.\n\nTalks resumed."
    raw = "Notes <script>alert(1)</script> on 8 April 2017."
    assert load_document(write_file("notes.txt", raw)).text == raw  # a .txt file's text is kept as it is


@pytest.mark.timeout(300)
def test_ten_megabyte_article_loads(write_file: WriteFile) -> None:
    body = "Iraq and US hold talks\n\nPublished: 3 February 2019\n\n" + PARAGRAPH * (
        TEN_MB // len(PARAGRAPH) + 1
    )
    path = write_file("big.txt", body + "You may also like\n\nIraq votes on 12 May 2018\n")
    document = load_document(path)
    assert len(document.text.encode()) > TEN_MB
    assert document.title == "Iraq and US hold talks" and document.published is not None
    assert document.excluded[-1][1] == len(document.text)


PATHOLOGICAL_TEXT = {
    "one-long-line": "word " * (TEN_MB // 5),
    "no-spaces": "x" * TEN_MB,
    "brackets": "[" * TEN_MB,
    "separators": "Home - " * (TEN_MB // 7),
    "date-soup": "8 April 2017 at 2:41 pm Published " * (TEN_MB // 34),
    "digits-and-slashes": "12/12/2012/" * (TEN_MB // 11),
    "blank-lines": " \n" * (TEN_MB // 2) + "end",
    "short-lines": "Iraq warns against hasty measures\n\n" * (TEN_MB // 35 // 4),
    "markdown-edges": "#*_ " * (TEN_MB // 4),
    "credit-like": ("[" + "ab/" * 30) * (TEN_MB // 91),
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_TEXT))
def test_pathological_text_loads_in_linear_time(name: str) -> None:
    text = PATHOLOGICAL_TEXT[name]
    document = load_text(name, text)
    assert document.text == text
    assert all(0 <= start < end <= len(text) for start, end in document.excluded)


TWO_MB = 2 * 1024 * 1024
PATHOLOGICAL_HTML = {
    "less-than": "<" * TWO_MB + "<p>tail</p>",
    "open-tags": "<div>" * (TWO_MB // 5) + "<p>tail</p>",
    "close-tags": "</span>" * (TWO_MB // 7) + "<p>tail</p>",
    "unclosed-comment": "<p>tail</p><!--" + "a -- " * (TWO_MB // 5),
    "unclosed-script": "<p>tail</p><script>" + "if (a<b) x();" * (TWO_MB // 13),
    "huge-attribute": "<p class='" + "a " * (TWO_MB // 2) + "'>tail</p>",
    "nested-skipped": "<nav>" * (TWO_MB // 10) + "</nav>" * (TWO_MB // 10) + "<p>tail</p>",
    "entities": "<p>tail " + "&amp;&#" * (TWO_MB // 7) + "</p>",
    "declarations": "<p>tail</p>" + "<!x " * (TWO_MB // 4),
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_HTML))
def test_pathological_html_gives_text_or_a_clear_error(name: str) -> None:
    try:
        document = load_text(name, PATHOLOGICAL_HTML[name], kind="html")
    except DocumentError as error:
        assert name in str(error)
    else:
        assert "tail" in document.text
        assert "<script" not in document.text and "if (a" not in document.text
