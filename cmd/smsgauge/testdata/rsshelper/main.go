//go:build linux

// Command rsshelper runs one command and reports, as JSON on standard
// output, its exit code and peak resident memory (getrusage's ru_maxrss).
// TestReportMemory builds it without the race detector, so that it is
// small: Linux counts in a command's peak the peak of the process that
// started it (os/exec starts one with vfork, then exec), and a test binary,
// above all one built with -race, holds tens of megabytes.
//
// Usage: rsshelper STDIN-FILE COMMAND [ARG...]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// result is what rsshelper reports: the command's exit code and peak RSS,
// its own peak when it started the command (a floor under the figure), the
// first 4 KiB of standard output, its length, and standard error.
type result struct {
	Code        int
	MaxRSSKiB   int64
	FloorKiB    int64
	OutHead     string
	OutBytes    int64
	Stderr      string
	HelperError string
}

func main() {
	json.NewEncoder(os.Stdout).Encode(run(os.Args[1:]))
}

func run(args []string) result {
	if len(args) < 2 {
		return result{HelperError: "usage: rsshelper STDIN-FILE COMMAND [ARG...]"}
	}
	in, err := os.Open(args[0])
	if err != nil {
		return result{HelperError: err.Error()}
	}
	defer in.Close()
	cmd := exec.Command(args[1], args[2:]...)
	cmd.Stdin = in
	var out headWriter
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	r := result{FloorKiB: selfHWMKiB()}
	err = cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return result{HelperError: err.Error()}
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
