//go:build linux

// The tests here measure the peak resident memory of the built command
// (getrusage's ru_maxrss), which is how Linux reports it.

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// rssRun is what testdata/rsshelper reports: the command's exit code and
// peak RSS, the helper's own peak when it started the command (a floor
// under the figure), the first bytes of standard output, its length, and
// standard error.
type rssRun struct {
	Code        int
	MaxRSSKiB   int64
	FloorKiB    int64
	OutHead     string
	OutBytes    int64
	Stderr      string
	HelperError string
}

// rssHelper builds testdata/rsshelper once, without the race detector:
// Linux counts in a command's peak memory the peak of the process that
// started it (os/exec starts one with vfork, then exec), so the command is
// started from that small program rather than from this test binary, which
// holds megabytes of test bodies (and tens of megabytes more under -race).
var rssHelper = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "rsshelper-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "rsshelper")
	cmd := exec.Command("go", "build", "-o", bin, "./testdata/rsshelper")
	cmd.Env = append(os.Environ(), "GOFLAGS=") // no -race from the environment
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./testdata/rsshelper: %v\n%s", err, out)
	}
	return bin, nil
})

// measureRSS runs the built command on stdin through the helper.
func measureRSS(t *testing.T, stdin string, args ...string) rssRun {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, []byte(stdin), 0o644); err != nil {
		t.Fatal(err)
	}
	helper, err := rssHelper()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(helper, append([]string{path, buildBinary(t)}, args...)...).Output()
	if err != nil {
		t.Fatalf("rss helper: %v", err)
	}
	var r rssRun
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("rss helper said %q: %v", out, err)
	}
	if r.HelperError != "" {
		t.Fatalf("rss helper: %s", r.HelperError)
	}
	return r
}

// TestReportMemory holds the report's peak memory to a small constant times
// the body: for a 1 MiB UCS-2 body, under 40 MB with the Go runtime (about
// 14 MB of it), in text, -json, --jsonl and suggest's text; and from 1 MiB
// to 4 MiB, at most 8 MB more for each MiB more. A report that kept tens
// of bytes for each character of the body (as a list of them, or the whole
// JSON document) took 190 MB for the text and 290 MB for -json at 1 MiB,
// and grew by 120 and 320 MB for each MiB.
func TestReportMemory(t *testing.T) {
	const mib = 1 << 20
	jsonlRow := func(n int) string {
		b, _ := json.Marshal(map[string]any{"id": 1, "body": cyrillic(n - 32)})
		return string(b) + "\n"
	}
	peak := map[string]int64{} // KiB, by test name
	for _, tc := range []struct {
		name    string
		args    []string
		stdin   string
		out     string // in the first 4 KiB of standard output
		maxMB   int64  // peak RSS at most, in MB (10^6 bytes)
		from    string // the 1 MiB case this one scales from: at most perMiB MB for each MiB more
		perMiB  int64
		moreMiB int64
	}{
		{name: "text 1 MiB", stdin: cyrillic(mib), out: "Segments:    ", maxMB: 40},
		{name: "json 1 MiB", args: []string{"-json"}, stdin: cyrillic(mib), out: `"encoding": "UCS-2"`, maxMB: 40},
		{name: "jsonl 1 MiB row", args: []string{"--jsonl"}, stdin: jsonlRow(mib), out: `"encoding":"UCS-2"`, maxMB: 40},
		{name: "suggest 1 MiB", args: []string{"suggest"}, stdin: cyrillic(mib), out: "suggested: UCS-2, ", maxMB: 40},
		{name: "text 4 MiB", args: []string{"-max-body", "8MiB"}, stdin: cyrillic(4 * mib), out: "Segments:    ",
			from: "text 1 MiB", perMiB: 8, moreMiB: 3},
		{name: "json 4 MiB", args: []string{"-json", "-max-body", "8MiB"}, stdin: cyrillic(4 * mib), out: `"encoding": "UCS-2"`,
			from: "json 1 MiB", perMiB: 8, moreMiB: 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := measureRSS(t, tc.stdin, tc.args...)
			if r.Code != 0 {
				t.Fatalf("exit %d: %s", r.Code, r.Stderr)
			}
			if !strings.Contains(r.OutHead, tc.out) {
				t.Errorf("output lacks %q: %.300s", tc.out, r.OutHead)
			}
			peak[tc.name] = r.MaxRSSKiB
			mb := func(kib int64) string { return fmt.Sprintf("%.1f MB", float64(kib)*1024/1e6) }
			t.Logf("peak RSS %s for %d bytes of input (%d bytes of output; the helper starting it held %s)",
				mb(r.MaxRSSKiB), len(tc.stdin), r.OutBytes, mb(r.FloorKiB))
			if tc.maxMB > 0 && r.MaxRSSKiB*1024 > tc.maxMB*1e6 {
				t.Errorf("peak RSS %s, want at most %d MB", mb(r.MaxRSSKiB), tc.maxMB)
			}
			if tc.from != "" {
				base, ok := peak[tc.from]
				if !ok {
					t.Fatalf("no figure for %q", tc.from)
				}
				if grew := (r.MaxRSSKiB - base) * 1024; grew > tc.perMiB*tc.moreMiB*1e6 {
					t.Errorf("peak RSS %s, %s more than for %s: want at most %d MB for each MiB more",
						mb(r.MaxRSSKiB), mb(grew/1024), tc.from, tc.perMiB)
				}
			}
		})
	}
}
