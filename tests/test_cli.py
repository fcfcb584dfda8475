"""The command line: extract and dates, their formats, and clear one-line errors (never a traceback)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import cli
from timeline.model import Document, Event

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLE = "Baghdad: Iraqi forces retook the town on 7 April 2017 after heavy fighting, officials said.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_json_meets_the_scorer_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(SEEDS), "--json"], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    for record in records:
        assert record["start"] <= record["end"]
        assert record["mentions"] and all({"doc", "span"} <= set(m) for m in record["mentions"])
        assert record["title"] and record["display_date"] and record["source"]["doc"]
    starts = [record["start"] for record in records]
    assert starts == sorted(starts)


def test_extract_csv_has_a_header_and_a_row_per_event(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["extract", str(article), "--csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == 1
    assert rows[0]["start"] == "2017-04-07" and rows[0]["docs"] == "article.txt"


def test_extract_table_is_readable(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(article)], capsys)
    assert code == 0
    assert "Fri 7 Apr 2017" in out and "1 events" in out


def test_json_and_csv_are_exclusive(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["extract", str(article), "--json", "--csv"])
    assert stop.value.code == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00binary" * 50, ""),
    ],
)
def test_unloadable_input_is_one_clear_line(
    tmp_path: Path, content: bytes | None, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(["extract", str(path), "--json"], capsys)
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert expected in err
    assert all(line.startswith("timeline: ") for line in err.splitlines())


def test_one_bad_file_does_not_cost_the_others(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["extract", str(article), str(tmp_path / "missing.txt"), "--json"], capsys)
    assert code == 1  # something failed: the exit code says so, and the rest is written
    assert len(out.splitlines()) == 1
    assert "missing.txt" in err


def test_unexpected_error_is_one_line_and_exit_2(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import timeline.pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(timeline.pipeline, "extract_corpus", broken)
    code, _, err = run(["extract", str(article)], capsys)
    assert code == 2
    assert err.strip() == "timeline: unexpected error: RuntimeError: boom"


def test_parallel_jobs_give_the_same_records(capsys: pytest.CaptureFixture[str]) -> None:
    _, serial, _ = run(["extract", str(SEEDS), "--json"], capsys)
    _, parallel, _ = run(["extract", str(SEEDS), "--json", "--jobs", "2"], capsys)
    assert parallel == serial


def test_dates_prints_one_object_per_expression(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["dates", str(article), "--dct", "2017-04-08"], capsys)
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["text"] == ARTICLE[record["span"][0] : record["span"][1]]
    assert (record["value"], record["start"], record["end"], record["precision"]) == (
        "2017-04-07",
        "2017-04-07",
        "2017-04-07",
        "day",
    )


def test_dates_rejects_a_bad_dct(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["dates", str(article), "--dct", "yesterday"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err


def test_dates_batch_streams_and_skips_bad_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Troops left on 7 April 2017.", "dct": "2017-04-08", "mode": "news"}),
        "{not json",
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": 7, "text": "Elections were held in 2014.", "dct": None}),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run(["dates", "--batch"], capsys)
    assert code == 1  # two lines were skipped
    records = [json.loads(line) for line in out.splitlines()]
    assert [(record["id"], record["value"]) for record in records] == [("a", "2017-04-07"), (7, "2014")]
    assert all(set(record) >= {"id", "span", "value", "start", "end", "precision"} for record in records)
    assert "line 2" in err and "line 3" in err
    assert "Traceback" not in err


def test_python_dash_m_runs_the_cli(article: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(article), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["start"] == "2017-04-07"


def test_a_document_without_date_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "undated.md"
    path.write_text("# Note\n\nTalks will resume next week in Baghdad.\n", encoding="utf-8")
    code, out, err = run(["extract", str(path), "--json"], capsys)
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["start"] is None and record["anchored"] is False
    assert "no publication date" in err


DEEP = "[" * 100_000 + "]" * 100_000


def _raising_on(marker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the date tagger raise on any text holding ``marker`` (a stand-in for a tagger bug)."""
    import timeline.dates

    real = timeline.dates.tag_dates

    def tag(text: str, *args: object, **kwargs: object) -> object:
        if marker in text:
            raise KeyError("ı")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(timeline.dates, "tag_dates", tag)


def _folder(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_dates_on_a_folder_goes_on_after_a_document_that_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(
        tmp_path,
        {
            "a.txt": "Troops left on 7 April 2017.",
            "b.txt": "BROKEN text of 2015.",
            "c.txt": "Elections were held in 2014.",
        },
    )
    _raising_on("BROKEN", monkeypatch)
    code, out, err = run(["dates", str(folder), "--dct", "2017-04-08"], capsys)
    assert code == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "c.txt"]
    (line,) = err.splitlines()
    assert "b.txt" in line and "could not be tagged" in line and "KeyError" in line
    assert line.startswith("timeline: ")


def test_dates_batch_goes_on_after_deep_undecodable_and_raising_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Troops left on 7 April 2017.", "dct": "2017-04-08"}).encode(),
        DEEP.encode(),
        json.dumps({"id": "b", "text": "BROKEN in 2015."}).encode(),
        b'{"id": "c", "text": "caf\xe9 in 2016"}',
        json.dumps({"id": "d", "text": "Elections were held in 2014."}).encode(),
    ]
    _raising_on("BROKEN", monkeypatch)
    code = cli.run_batch(lines, sys.stdout, sys.stderr, default_mode="news", dct=None)
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "d"]
    problems = err.splitlines()
    assert len(problems) == 3
    assert "line 2" in problems[0] and "nested too deeply" in problems[0]
    assert "line 3" in problems[1] and "'b'" in problems[1] and "KeyError" in problems[1]
    assert "line 4" in problems[2] and "UTF-8" in problems[2]


def test_dates_batch_reads_stdin_as_bytes_and_survives_a_deep_line() -> None:
    stdin = b"\n".join(
        [
            json.dumps({"id": "a", "text": "Troops left on 7 April 2017.", "dct": "2017-04-08"}).encode(),
            DEEP.encode(),
            b'{"id": "x", "text": "\xff\xfe"}',
            json.dumps({"id": "d", "text": "Elections were held in 2014."}).encode(),
        ]
    )
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "dates", "--batch"], input=stdin, capture_output=True, check=False
    )
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["a", "d"]
    errors = done.stderr.decode().splitlines()
    assert len(errors) == 2 and "line 2" in errors[0] and "line 3" in errors[1]
    assert "Traceback" not in done.stderr.decode()


@pytest.mark.parametrize("command", ["dates", "extract"])
def test_a_deeply_nested_catalog_costs_only_itself(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, {"a.txt": ARTICLE})
    (folder / "catalog.json").write_text(DEEP, encoding="utf-8")
    code, out, err = run(
        [command, str(folder), "--dct", "2017-04-08"]
        if command == "dates"
        else [command, str(folder), "--json"],
        capsys,
    )
    assert code == 1
    assert out.strip() and all(json.loads(line) for line in out.splitlines())
    (line,) = [line for line in err.splitlines() if "catalog.json" in line]
    assert "nested too deeply" in line and "loaded without it" in line


def test_extract_goes_on_after_a_document_whose_extraction_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import timeline.pipeline
    from timeline.events import extract_events as real

    folder = _folder(tmp_path, {"a.txt": ARTICLE, "b.txt": "BROKEN " + ARTICLE, "c.txt": ARTICLE})

    def extract(doc: Document) -> list[Event]:
        if "BROKEN" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc)

    monkeypatch.setattr(timeline.pipeline, "extract_events", extract)
    code, out, err = run(["extract", str(folder), "--json"], capsys)
    assert code == 1
    docs = {mention["doc"] for line in out.splitlines() for mention in json.loads(line)["mentions"]}
    assert docs == {"a.txt", "c.txt"}
    (line,) = [line for line in err.splitlines() if "could not" in line]
    assert "b.txt" in line and "could not extract events" in line and "RecursionError" in line


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["dates", "--help"]])
def test_help_documents_the_exit_codes(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(argv)
    shown = " ".join(capsys.readouterr().out.split())
    assert "exit status: 0 when every input was processed; 1 when one or more inputs" in shown
