#!/usr/bin/env bash
# batch.sh: the batch figures of docs/design/split-speed.md. Builds
# smsgauge and analyzerate from the base worktree BASE (default
# /work/base) and from this tree, generates the 1 GB campaign once, then runs,
# N rounds (default 5), each build on one core (GOMAXPROCS=1, taskset -c 0)
# and on two, in turn, printing wall, user and sys time.
# Usage: bash docs/design/split-speed/batch.sh [N] [BASE]
set -euo pipefail
n=${1:-5}
base=${2:-/work/base}
here=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=${TMPDIR:-/tmp}/split-speed-batch
mkdir -p "$tmp"
(cd "$base" && go build -buildvcs=false -o "$tmp/smsgauge.base" ./cmd/smsgauge && go build -buildvcs=false -o "$tmp/analyzerate.base" ./batch/internal/analyzerate)
(cd "$here" && go build -buildvcs=false -o "$tmp/smsgauge.new" ./cmd/smsgauge && go build -buildvcs=false -o "$tmp/analyzerate.new" ./batch/internal/analyzerate \
  && go build -buildvcs=false -o "$tmp/gencampaign" ./batch/internal/gencampaign)
[ -s "$tmp/c1g.csv" ] || "$tmp/gencampaign" -size 1GB >"$tmp/c1g.csv"
pricing="$here/batch/testdata/pricing_SAMPLE"
for i in $(seq "$n"); do
  for b in base new; do
    echo "== round $i $b analyzerate 1 core"
    GOMAXPROCS=1 taskset -c 0 "$tmp/analyzerate.$b" "$tmp/c1g.csv"
    for cores in 1 2; do
      pin=""
      if [ "$cores" = 1 ]; then pin="taskset -c 0"; fi
      echo "== round $i $b batch $cores core(s)"
      # exit code 1 (some rows failed: the sample pricing lacks JE, GG, IM) is expected
      GOMAXPROCS=$cores /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" $pin \
        "$tmp/smsgauge.$b" batch -pricing "$pricing" -summary-json -o /dev/null "$tmp/c1g.csv" 2>"$tmp/err.txt" >/dev/null || true
      tail -1 "$tmp/err.txt"
    done
  done
done
