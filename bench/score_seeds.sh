#!/usr/bin/env bash
# Score `timeline extract seeds --json` against the gold events of the seed articles.
# usage: bench/score_seeds.sh [-v]        (run from anywhere; exits non-zero below the bars)
# Bars (issue 2): must-recall >= 0.97, precision >= 0.95.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
scorer="${SCORER:-$repo/../shared/eval/score_seeds.py}"
if [[ ! -f "$scorer" ]]; then
    echo "score_seeds.sh: scorer not found at $scorer (set SCORER=path/to/score_seeds.py)" >&2
    exit 2
fi
events="$(mktemp --suffix=.jsonl)"
trap 'rm -f "$events"' EXIT
"$python" -m timeline extract "$repo/seeds" --json > "$events"
"$python" "$scorer" "$events" --seeds "$repo/seeds" --min-recall 0.97 --min-precision 0.95 "$@"
