#!/usr/bin/env bash
# run.sh: the before/after tables of docs/design/split-speed.md. Builds the
# benchmark of cmp_test.go.tmpl against the base commit (a copy of the
# worktree BASE, default /work/base) and against this tree, then runs the
# two binaries in turn, N times (default 10), and compares them with
# benchstat.
# Usage: bash docs/design/split-speed/run.sh [N] [BASE]
set -euo pipefail
n=${1:-10}
base=${2:-/work/base}
here=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=${TMPDIR:-/tmp}/split-speed
rm -rf "$tmp" && mkdir -p "$tmp"
cp -r "$base" "$tmp/base"
mkdir -p "$tmp/base/testdata/corpus"
cp "$here/testdata/corpus/mixed.txt" "$tmp/base/testdata/corpus/"
tmpl="$here/docs/design/split-speed/cmp_test.go.tmpl"
sed -e 's/CMP_APPENDSPLIT/sms.Analyze(body).AppendSegments(segs[:0])/' \
    -e 's/CMP_SPLITSEQ/sms.Analyze(body).EachSegment()/' "$tmpl" >"$tmp/base/zz_cmp_test.go"
sed -e 's/CMP_APPENDSPLIT/sms.AppendSplit(segs[:0], body)/' \
    -e 's/CMP_SPLITSEQ/sms.SplitSeq(body)/' "$tmpl" >"$here/zz_cmp_test.go"
trap 'rm -f "$here/zz_cmp_test.go"' EXIT
(cd "$tmp/base" && go test -buildvcs=false -c -o "$tmp/base.test" .)
(cd "$here" && go test -buildvcs=false -c -o "$tmp/new.test" .)
bt=${BENCHTIME:-150ms}
for i in $(seq "$n"); do
  (cd "$tmp/base" && "$tmp/base.test" -test.run '^$' -test.bench '^BenchmarkCmp$' -test.benchtime "$bt" >>"$tmp/base.txt")
  (cd "$here" && "$tmp/new.test" -test.run '^$' -test.bench '^BenchmarkCmp$' -test.benchtime "$bt" >>"$tmp/new.txt")
done
(cd "$here" && go run golang.org/x/perf/cmd/benchstat@latest "$tmp/base.txt" "$tmp/new.txt") | tee "$tmp/benchstat.txt"
