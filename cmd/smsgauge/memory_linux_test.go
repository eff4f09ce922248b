//go:build linux

// The tests here measure the peak resident memory of the built command
// (getrusage's ru_maxrss), which is how Linux reports it.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// rssHelperEnv, when set, makes this test binary a helper that runs one
// command and reports its peak memory (rssRun, as JSON) instead of running
// tests. Linux counts in the peak memory of a process the peak of the
// process that started it, as os/exec starts one (vfork, then exec): a
// command started by the test process, which holds megabytes of test
// bodies, would report at least the test process's own peak. The helper
// holds nothing.
const rssHelperEnv = "SMSGAUGE_TEST_RSS_HELPER"

// rssSpec is what the helper runs: Bin with Args, standard input from the
// file Stdin.
type rssSpec struct {
	Bin   string
	Stdin string
	Args  []string
}

// rssRun is what the helper reports: the command's exit code and peak RSS,
// the helper's own peak when it started the command (a floor under the
// figure), the first bytes of standard output, its length, and standard
// error.
type rssRun struct {
	Code        int
	MaxRSSKiB   int64
	FloorKiB    int64
	OutHead     string
	OutBytes    int64
	Stderr      string
	HelperError string
}

func init() {
	if spec := os.Getenv(rssHelperEnv); spec != "" {
		json.NewEncoder(os.Stdout).Encode(rssHelper(spec))
		os.Exit(0)
	}
}

// rssHelper runs the command of spec (JSON of an rssSpec).
func rssHelper(spec string) rssRun {
	var s rssSpec
	if err := json.Unmarshal([]byte(spec), &s); err != nil {
		return rssRun{HelperError: err.Error()}
	}
	in, err := os.Open(s.Stdin)
	if err != nil {
		return rssRun{HelperError: err.Error()}
	}
	defer in.Close()
	cmd := exec.Command(s.Bin, s.Args...)
	cmd.Stdin = in
	var out headWriter
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	r := rssRun{FloorKiB: selfHWMKiB()}
	err = cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return rssRun{HelperError: err.Error()}
	}
	r.Code = cmd.ProcessState.ExitCode()
	r.MaxRSSKiB = cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	r.OutHead, r.OutBytes, r.Stderr = out.head.String(), out.n, errb.String()
	return r
}

// headWriter keeps the first 4 KiB written to it and counts the rest.
type headWriter struct {
	head bytes.Buffer
	n    int64
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := 4096 - w.head.Len(); room > 0 {
		w.head.Write(p[:min(room, len(p))])
	}
	w.n += int64(len(p))
	return len(p), nil
}

// selfHWMKiB is the peak RSS of this process so far (VmHWM), 0 if unknown.
func selfHWMKiB() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}

// measureRSS runs the built command on stdin through the helper.
func measureRSS(t *testing.T, stdin string, args ...string) rssRun {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	if err := os.WriteFile(path, []byte(stdin), 0o644); err != nil {
		t.Fatal(err)
	}
	spec, _ := json.Marshal(rssSpec{Bin: buildBinary(t), Stdin: path, Args: args})
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), rssHelperEnv+"="+string(spec))
	out, err := cmd.Output()
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
