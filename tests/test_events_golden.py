"""Golden outputs: ``timeline extract SEED --json`` for every seed article, compared line by line.

After a deliberate change, rewrite them with ``UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_events_golden.py``
and review the diff like code.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from timeline.events.export import write_jsonl
from timeline.pipeline import extract_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def current_output(seed: Path) -> str:
    result = extract_corpus([seed])
    assert not result.errors, result.errors
    out = io.StringIO()
    write_jsonl(result.events, out)
    return out.getvalue()


def test_there_are_seeds() -> None:
    assert len(SEEDS) >= 5


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_extract_matches_golden(seed: Path) -> None:
    golden = GOLDEN / f"{seed.stem}.jsonl"
    output = current_output(seed)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"no golden file for {seed.name}: run with UPDATE_GOLDEN=1"
    expected = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
    actual = [json.loads(line) for line in output.splitlines()]
    assert [(event["start"], event["title"]) for event in actual] == [
        (event["start"], event["title"]) for event in expected
    ]
    assert actual == expected
