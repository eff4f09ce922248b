#!/usr/bin/env bash
# measure.sh: the figures of docs/notes-batch.md. Generates a 1 GB and a
# 100 MB campaign, then measures (best of N runs, wall and CPU time):
#   - in-process sms.AnalyzeBytes on the bodies (the baseline), one core;
#   - smsgauge batch on one core (GOMAXPROCS=1, pinned with taskset);
#   - smsgauge batch on two cores;
#   - peak RSS (/usr/bin/time -v) for 100 MB and 1 GB.
# Usage: bash batch/internal/measure.sh [runs]   (needs /usr/bin/time, taskset)
set -euo pipefail
runs=${1:-3}
cd "$(dirname "$0")/../.."
tmp=${TMPDIR:-/tmp}/smsgauge-measure
mkdir -p "$tmp"
go build -o "$tmp/smsgauge" ./cmd/smsgauge
go build -o "$tmp/gencampaign" ./batch/internal/gencampaign
go build -o "$tmp/analyzerate" ./batch/internal/analyzerate
[ -s "$tmp/c1g.csv" ] || "$tmp/gencampaign" -size 1GB >"$tmp/c1g.csv"
[ -s "$tmp/c100m.csv" ] || "$tmp/gencampaign" -size 100MB >"$tmp/c100m.csv"
pricing=batch/testdata/pricing_SAMPLE

echo "== analyze baseline (1 core)"
for i in $(seq "$runs"); do GOMAXPROCS=1 taskset -c 0 "$tmp/analyzerate" "$tmp/c1g.csv"; done
for f in c100m c1g; do
  for cores in 1 2; do
    echo "== batch $f, $cores core(s)"
    for i in $(seq "$runs"); do
      pin=""
      if [ "$cores" = 1 ]; then pin="taskset -c 0"; fi
      # exit code 1 (some rows failed: the sample pricing lacks JE, GG, IM) is expected
      GOMAXPROCS=$cores /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" $pin \
        "$tmp/smsgauge" batch -pricing "$pricing" -summary-json -o /dev/null "$tmp/$f.csv" 2>"$tmp/err.txt" >/dev/null || true
      tail -1 "$tmp/err.txt"
    done
  done
done
