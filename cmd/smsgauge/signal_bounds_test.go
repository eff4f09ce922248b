//go:build linux

// The tests here run the built command (TestMain) as a process and signal
// it, or give it a terminal, which only Linux tests here.

package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// startBin starts the built command with a pipe for stdin.
func startBin(t *testing.T, args ...string) (*exec.Cmd, io.WriteCloser, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stdin, &out, &errb
}

// waitExit waits for cmd and returns its exit code and how long it took.
func waitExit(t *testing.T, cmd *exec.Cmd, limit time.Duration) (int, time.Duration) {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		d := time.Since(start)
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), d
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, d
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running %v after the signal", limit)
	}
	return -1, 0
}

// TestStopWhileBlockedOnInput is the reproducer of the signals section:
// the command has read a header and one row and waits for more on a pipe
// that stays open. SIGINT or SIGTERM must stop it within a second, the row
// written whole (and the row cut by the stop not at all), the summary
// saying it was interrupted.
func TestStopWhileBlockedOnInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		input  string
		sig    syscall.Signal
		out    string // the whole stdout
		stderr string
	}{
		{"batch SIGINT", []string{"batch"}, "id,to,body\n1,+14155552671,hi\n2,+1415", syscall.SIGINT,
			"line,id,region,encoding,segments,characters,units,price_per_segment,cost,currency,error\n2,1,US,GSM-7,1,2,2,,,,\n", "1 row (interrupted), 1 message, 1 segment"},
		{"batch SIGTERM", []string{"batch", "-jsonl"}, `{"id":1,"body":"hi"}` + "\n" + `{"id":2,"bo`, syscall.SIGTERM,
			`{"line":1,"id":1,"encoding":"GSM-7","segments":1,"characters":2,"units":2,"segment_bits":[14]}` + "\n", "1 row (interrupted), 1 message, 1 segment"},
		{"jsonl SIGINT", []string{"--jsonl"}, `{"id":1,"body":"hi"}` + "\n" + `{"id":2,"bo`, syscall.SIGINT,
			`{"id":1,"encoding":"GSM-7","segments":1,"characters":2,"units":2,"segment_bits":[14]}` + "\n", "interrupted"},
		{"jsonl SIGTERM", []string{"--jsonl"}, `{"id":1,"body":"hi"}` + "\n", syscall.SIGTERM,
			`{"id":1,"encoding":"GSM-7","segments":1,"characters":2,"units":2,"segment_bits":[14]}` + "\n", "interrupted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd, stdin, out, errb := startBin(t, tc.args...)
			defer stdin.Close()
			io.WriteString(stdin, tc.input)
			time.Sleep(500 * time.Millisecond) // let it read and block
			cmd.Process.Signal(tc.sig)
			code, took := waitExit(t, cmd, 10*time.Second)
			t.Logf("stopped %v after %v", took, tc.sig)
			if took > time.Second {
				t.Errorf("stopped %v after the signal, want within 1 s", took)
			}
			if code != exitInterrupted {
				t.Errorf("exit %d, want %d; stderr %s", code, exitInterrupted, errb.String())
			}
			if out.String() != tc.out {
				t.Errorf("stdout %q, want %q", out.String(), tc.out)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.stderr)
			}
		})
	}
}

// TestSecondInterruptExits blocks the command on its output (a pipe nobody
// reads), so that the first SIGINT cannot finish it: the second must end
// it at once.
func TestSecondInterruptExits(t *testing.T) {
	cmd := exec.Command(binPath, "batch")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe() // never read
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	go func() {
		w := bufio.NewWriter(stdin)
		w.WriteString("id,to,body\n")
		for i := 0; ; i++ {
			if _, err := w.WriteString("1,+14155552671,hello there\n"); err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(time.Second) // the output pipe fills and the writer blocks
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		t.Fatalf("exited on the first SIGINT (%v) though its output is blocked", err)
	case <-time.After(300 * time.Millisecond):
	}
	start := time.Now()
	cmd.Process.Signal(syscall.SIGINT)
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10 s after the second SIGINT")
	}
	took := time.Since(start)
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != exitInterrupted || took > time.Second {
		t.Errorf("second SIGINT: exit %d after %v, want %d within 1 s; stderr %s", code, took, exitInterrupted, errb.String())
	}
	if !strings.Contains(errb.String(), "interrupted twice") {
		t.Errorf("stderr %q", errb.String())
	}
}

// openPTY opens a pseudo-terminal pair.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open /dev/ptmx: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("ptsname: %v", e)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the pty's slave: %v", err)
	}
	return m, s
}

// TestTerminalHint gives the command a terminal as standard input: it must
// say on stderr that it reads from it, in one line, and stop on SIGINT.
// With a pipe it says nothing (TestBadInputCLI runs every case with one).
func TestTerminalHint(t *testing.T) {
	for _, tc := range []struct {
		args []string
		hint string
	}{
		{[]string{"batch"}, "smsgauge batch: reading csv rows from the terminal (Ctrl-D ends the input, Ctrl-C stops)\n"},
		{[]string{"batch", "-jsonl"}, "smsgauge batch: reading jsonl rows from the terminal"},
		{[]string{"--jsonl"}, "smsgauge --jsonl: reading JSON lines from the terminal (Ctrl-D ends the input, Ctrl-C stops)\n"},
		{nil, "smsgauge: reading the body from the terminal"},
	} {
		master, slave := openPTY(t)
		cmd := exec.Command(binPath, tc.args...)
		cmd.Stdin = slave
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGINT)
		waitExit(t, cmd, 10*time.Second)
		master.Close()
		slave.Close()
		if !strings.HasPrefix(errb.String(), tc.hint) {
			t.Errorf("smsgauge %v on a terminal: stderr %q, want the hint %q first", tc.args, errb.String(), tc.hint)
		}
	}
	_, errs, _ := runBin(t, "hi")
	if strings.Contains(errs, "terminal") {
		t.Errorf("hint on a pipe: %q", errs)
	}
}
