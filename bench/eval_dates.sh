#!/usr/bin/env bash
# Value F1 of the date tagger against the gold corpora in ../shared, next to the naive peer's.
#   TempEval-3 TimeBank and AQUAINT (news: relative dates anchor at the creation time)
#   WikiWars dev (history: --mode narrative, relative dates anchor at the date last mentioned)
# Then TempEval-3's full task (score_dates.py --all-types: every TIMEX3, durations, sets and reference
# words included), where the tagger runs with --all-types: strict-span and value lines.
# usage: bash bench/eval_dates.sh [SHARED_DIR]   (default: ../shared beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
python="${PYTHON:-.venv/bin/python}"
score="$shared/eval/score_dates.py"
[ -f "$score" ] || { echo "score_dates.py not found under $shared/eval (pass the shared folder)" >&2; exit 2; }

corpora=(
  "TimeBank|$shared/corpora/tempeval3-train/TimeBank|news"
  "AQUAINT|$shared/corpora/tempeval3-train/AQUAINT|news"
  "WikiWars dev|$shared/corpora/wikiwars-dev|narrative"
)
status=0
for entry in "${corpora[@]}"; do
  IFS='|' read -r name dir mode <<<"$entry"
  for tagger in timeline peer; do
    if [ "$tagger" = timeline ]; then
      command=("$python" -m timeline dates --batch)
    else
      command=("$python" "$shared/eval/naive_dates.py")
    fi
    if result=$("$python" "$score" "$dir" --mode "$mode" -- "${command[@]}" 2>&1); then
      printf '%-13s %-9s %s\n' "$name" "$tagger" "$(grep '^value' <<<"$result")"
    else
      printf '%-13s %-9s FAILED: %s\n' "$name" "$tagger" "$result" >&2
      status=1
    fi
  done
done
for entry in "${corpora[@]:0:2}"; do
  IFS='|' read -r name dir mode <<<"$entry"
  for tagger in timeline peer; do
    if [ "$tagger" = timeline ]; then
      command=("$python" -m timeline dates --batch --all-types)
    else
      command=("$python" "$shared/eval/naive_dates.py")
    fi
    if result=$("$python" "$score" "$dir" --mode "$mode" --all-types -- "${command[@]}" 2>&1); then
      printf '%-13s %-9s all-types %s | %s\n' "$name" "$tagger" \
        "$(grep '^strict' <<<"$result" | cut -d'(' -f1)" "$(grep '^value' <<<"$result")"
    else
      printf '%-13s %-9s all-types FAILED: %s\n' "$name" "$tagger" "$result" >&2
      status=1
    fi
  done
done
exit $status
