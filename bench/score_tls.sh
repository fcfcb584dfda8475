#!/usr/bin/env bash
# Score `timeline summarize --batch` against the journalists' timelines of the Timeline17 dev topics
# (news-tls protocol: ../shared/eval/score_tls.py prints per-topic and mean Date-F1, ROUGE-1, ROUGE-2
# and, for scale, the publication-date baseline measured in the same run), and the run's wall time.
# usage: bench/score_tls.sh [-v] [TOPIC_DIR...]     (run from anywhere; exits non-zero below the bars)
# Bars (issue 6): mean Date-F1 >= 0.72, ROUGE-1 >= 0.15, ROUGE-2 >= 0.04.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-$repo/.venv/bin/python}"
scorer="${SCORER:-$repo/../shared/eval/score_tls.py}"
if [[ ! -f "$scorer" ]]; then
    echo "score_tls.sh: scorer not found at $scorer (set SCORER=path/to/score_tls.py)" >&2
    exit 2
fi
opts=()
topics=()
for arg in "$@"; do
    if [[ "$arg" == -* ]]; then opts+=("$arg"); else topics+=("$arg"); fi
done
if [[ ${#topics[@]} -eq 0 ]]; then
    topics=("$repo"/../shared/corpora/timeline17-dev/*)
fi
figures="$(mktemp --suffix=.json)"
trap 'rm -f "$figures"' EXIT
start=$(date +%s%N)
"$python" "$scorer" "${topics[@]}" "${opts[@]}" --json "$figures" -- "$python" -m timeline summarize --batch
end=$(date +%s%N)
elapsed=$(( (end - start) / 100000000 ))
echo "wall time $(( elapsed / 10 )).$(( elapsed % 10 )) s (the whole scorer run: tasks, summarize --batch, scoring)"
"$python" - "$figures" <<'PY'
import json, sys
mean = json.load(open(sys.argv[1]))["mean"]
bars = {"date_f1": 0.72, "rouge1": 0.15, "rouge2": 0.04}
low = [f"{k} {mean[k]:.3f} < {v}" for k, v in bars.items() if mean[k] < v]
print("bars met" if not low else "below the bars: " + ", ".join(low))
sys.exit(1 if low else 0)
PY
