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
    assert code == 0
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
    assert code == 0
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
