"""``timeline summarize``: key dates of articles (PATH..., --json) and the score_tls.py contract (--batch)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import cli

ROOT = Path(__file__).resolve().parent.parent

# Three small articles: the strike of 7 April is reported by all three (two refer back to it later),
# the talks of 20 March by one.
ARTICLES = {
    "a.txt": (
        "2017-04-07",
        "US warships fired 59 cruise missiles at a Syrian airbase on 7 April 2017.\n"
        "Officials said the strike answered a chemical attack.\n"
        "Iraqi and US officials held talks in Baghdad on 20 March 2017 on security cooperation.\n",
    ),
    "b.txt": (
        "2017-04-12",
        "Russia condemned the US missile strike on a Syrian airbase on 7 April 2017.\n"
        "The Kremlin called the attack a violation of international law.\n",
    ),
    "c.txt": (
        "2017-05-02",
        "Since the US missile strike on a Syrian airbase on 7 April 2017, tensions have grown.\n"
        "Diplomats met in Geneva to discuss a ceasefire.\n",
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    catalog = {"format": "timeline-catalog/1", "articles": {}}
    for name, (published, text) in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        catalog["articles"][name] = {"title": f"Article {name}", "outlet": "Outlet", "published": published}  # type: ignore[index]
    (tmp_path / "catalog.json").write_text(json.dumps(catalog), encoding="utf-8")
    return tmp_path


# A fourth article recalls the talks: 20 March then has two sources, as a key day must in --batch.
RECALL = {
    "d.txt": ("2017-03-25", "The Baghdad talks of 20 March 2017 ended without a deal.\n"),
}


def _task(
    task_id: str,
    k: int,
    date_from: str = "2017-03-01",
    date_to: str = "2017-05-31",
    articles: dict[str, tuple[str, str]] = ARTICLES,
) -> dict[str, object]:
    return {
        "id": task_id,
        "k": k,
        "from": date_from,
        "to": date_to,
        "keywords": ["missile"],
        "articles": [
            {"id": name, "published": published, "text": text} for name, (published, text) in articles.items()
        ],
    }


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        saved = sys.stdin
        sys.stdin = io.StringIO(stdin)
    try:
        code = cli.main(argv)
    finally:
        if stdin is not None:
            sys.stdin = saved
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_batch_answers_each_task_most_salient_day_first(capsys: pytest.CaptureFixture[str]) -> None:
    lines = (
        json.dumps(_task("t/one", 2, articles=ARTICLES | RECALL))
        + "\n"
        + json.dumps(_task("t/two", 1))
        + "\n"
    )
    code, out, err = run(["summarize", "--batch"], capsys, lines)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["t/one", "t/one", "t/two"]
    assert all(set(r) == {"id", "date", "summary"} for r in records)
    assert records[0]["date"] == "2017-04-07"  # reported three times, twice looking back
    assert "Syrian airbase" in records[0]["summary"]
    assert records[1]["date"] == "2017-03-20"
    assert records[2]["date"] == "2017-04-07"


@pytest.mark.parametrize(
    ("articles", "k", "expected"),
    [
        # 7 April: three articles; 20 March, 12 April, 2 May: one each (named once, or published on)
        (ARTICLES, 5, ["2017-04-07"]),
        # recalled by a second article, 20 March is in; 25 March, the recalling article's day, is not
        (ARTICLES | RECALL, 5, ["2017-04-07", "2017-03-20"]),
        (ARTICLES | RECALL, 1, ["2017-04-07"]),
    ],
)
def test_batch_leaves_out_days_only_one_article_points_at(
    articles: dict[str, tuple[str, str]], k: int, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["summarize", "--batch"], capsys, json.dumps(_task("t/x", k, articles=articles)) + "\n"
    )
    assert code == 0, err
    assert [json.loads(line)["date"] for line in out.splitlines()] == expected


def test_batch_keeps_to_the_task_period(capsys: pytest.CaptureFixture[str]) -> None:
    task = _task("t/march", 5, "2017-03-01", "2017-03-31", ARTICLES | RECALL)
    code, out, _ = run(["summarize", "--batch"], capsys, json.dumps(task) + "\n")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["date"] for r in records] == ["2017-03-20"]
    assert "Baghdad" in records[0]["summary"] and "talks" in records[0]["summary"]


def test_batch_reports_bad_lines_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    lines = "not json\n[1, 2]\n" + json.dumps({"id": "bad", "k": "three", "articles": []}) + "\n"
    lines += json.dumps(_task("t/ok", 1)) + "\n"
    code, out, err = run(["summarize", "--batch"], capsys, lines)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["t/ok"]
    assert "line 1: not valid JSON" in err and "line 2: expected a JSON object" in err
    assert 'line 3: "k" must be a whole number' in err
    assert "Traceback" not in err


def test_batch_through_the_console_script(tmp_path: Path) -> None:
    """As score_tls.py runs it: a separate process, tasks on stdin."""
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "summarize", "--batch"],
        input=json.dumps(_task("t/proc", 1)) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "t/proc" and record["date"] == "2017-04-07"


def test_paths_json_gives_k_key_dates_with_title_and_sentence(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["summarize", str(corpus), "--dates", "1", "--json"], capsys)
    assert code == 0, err
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["date"] == "2017-04-07"
    assert record["title"] and "7 April 2017" in record["sentence"]
    assert record["salience"] > 0 and record["sources"]


def test_paths_period_and_table(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["summarize", str(corpus), "--dates", "3", "--from", "2017-03-01", "--to", "2017-03-31"], capsys
    )
    assert code == 0, err
    assert "talks" in out and "Syrian airbase" not in out
    assert "Article a.txt" in out  # the cited source


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summarize"], "give PATH... to summarize, or --batch"),
        (["summarize", "x", "--from", "2017-05-01", "--to", "2017-04-01"], "--from must not be after --to"),
        (["summarize", "x", "--batch"], "--batch reads its tasks on stdin"),
    ],
)
def test_usage_errors_are_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(argv, capsys, "")
    assert code == 2
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [["summarize", "x", "--dates", "0"], ["summarize", "x", "--from", "April"]])
def test_bad_options_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
