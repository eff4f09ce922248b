package ctxio

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestReadsThrough(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := io.ReadAll(NewReader(ctx, strings.NewReader(strings.Repeat("abc", 100000))))
	if err != nil || len(b) != 300000 || string(b[:6]) != "abcabc" {
		t.Fatalf("ReadAll = %d bytes, %v", len(b), err)
	}
	b, err = io.ReadAll(NewReader(context.Background(), strings.NewReader("xyz")))
	if err != nil || string(b) != "xyz" {
		t.Fatalf("ReadAll = %q, %v", b, err)
	}
}

// TestCancelUnblocks blocks a Read on a pipe that nobody writes, cancels,
// and expects the Read back within a second with the context's error; a
// later write into the pipe must not reach the caller's buffer.
func TestCancelUnblocks(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r := NewReader(ctx, pr)
	buf := make([]byte, 16)
	errc := make(chan error, 1)
	go func() {
		_, err := r.Read(buf)
		errc <- err
	}()
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Read after cancel = %v, want context.Canceled", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("Read returned %v after cancel", d)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read still blocked 5 s after cancel")
	}
	go pw.Write([]byte("late"))
	time.Sleep(50 * time.Millisecond)
	if string(buf[:4]) == "late" {
		t.Fatal("the Read in flight wrote into the caller's buffer after Read returned")
	}
	if n, err := r.Read(buf); n != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("Read after the end = %d, %v", n, err)
	}
}
