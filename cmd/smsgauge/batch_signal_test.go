//go:build !js

// The test here runs the command as a process, which WebAssembly cannot.

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBatchInterrupt runs the command as a process, feeds it rows without
// end, sends SIGINT and checks a clean stop: exit 130, every row written so
// far is whole, and the summary counts exactly them.
func TestBatchInterrupt(t *testing.T) {
	bin := buildBinary(t)
	cmd := exec.Command(bin, "batch", "-summary-json", "-pricing", samplePricing)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		w := bufio.NewWriter(stdin)
		w.WriteString("id,to,body\n")
		for i := 0; ; i++ {
			if _, err := fmt.Fprintf(w, "%d,+14155552671,hello number %d\n", i, i); err != nil {
				return // the command stopped reading
			}
		}
	}()
	var out bytes.Buffer
	sent := false
	buf := make([]byte, 64<<10)
	deadline := time.Now().Add(60 * time.Second)
	for {
		n, err := stdout.Read(buf)
		out.Write(buf[:n])
		if !sent && out.Len() > 1<<20 {
			cmd.Process.Signal(syscall.SIGINT)
			sent = true
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no stop within 60s of SIGINT")
		}
	}
	err := cmd.Wait()
	stdin.Close()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want code 130; stderr %s", err, stderr.String())
	}
	var s batchSummary
	line, _, _ := strings.Cut(stderr.String(), "\n")
	if err := json.Unmarshal([]byte(line), &s); err != nil {
		t.Fatalf("summary %q: %v", line, err)
	}
	rows := int64(strings.Count(out.String(), "\n") - 1)
	if !s.Interrupted || s.Rows != rows || s.Messages != rows || rows < 1000 {
		t.Fatalf("summary %+v, %d rows written", s, rows)
	}
	if !strings.HasSuffix(out.String(), ",USD,\n") {
		t.Fatalf("output does not end with a whole row: %q", out.String()[out.Len()-80:])
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("stderr %q", stderr.String())
	}
}
