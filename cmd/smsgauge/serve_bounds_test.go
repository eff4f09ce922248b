package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeServerTimeouts(t *testing.T) {
	srv := newServer(serveConfig{}, http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Fatalf("a timeout is unset: header %v read %v write %v idle %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
	if srv.IdleTimeout > 45*time.Second {
		t.Errorf("IdleTimeout %v: an idle connection stays open too long", srv.IdleTimeout)
	}
}

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve on stand-in modules and returns its address, its
// standard error and a function that stops it.
func startServe(t *testing.T, cfg serveConfig) (string, *syncBuffer, func()) {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"smsgauge-core.wasm", "smsgauge-forms.wasm", "smsgauge-phone.wasm", "wasm_exec.js"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("\x00asm"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg.dir = dir
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	stderr := &syncBuffer{}
	go func() { done <- serve(ctx, cfg, io.Discard, stderr, func(a net.Addr) { addrc <- a }) }()
	select {
	case a := <-addrc:
		return a.String(), stderr, func() { cancel(); <-done }
	case code := <-done:
		t.Fatalf("serve exited with %d: %s", code, stderr.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil, nil
}

// TestServeClosesIdleConnections opens a keep-alive connection, makes one
// request and leaves it idle: the server must close it after IdleTimeout.
func TestServeClosesIdleConnections(t *testing.T) {
	addr, _, stop := startServe(t, serveConfig{addr: "127.0.0.1:0", idleTimeout: 300 * time.Millisecond})
	defer stop()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /app.js HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
	br := bufio.NewReader(c)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Fatalf("idle connection: read %v, want EOF (closed by the server)", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("idle connection closed after %v", d)
	}
}

// TestServeSlowRequestTimesOut sends headers and then a body that never
// comes: ReadTimeout must end the connection.
func TestServeSlowRequestTimesOut(t *testing.T) {
	addr, _, stop := startServe(t, serveConfig{addr: "127.0.0.1:0", readTimeout: 300 * time.Millisecond})
	defer stop()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n") // the headers never end
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	b, err := io.ReadAll(c)
	if err != nil {
		t.Fatalf("slow request: %v (the server did not close it)", err)
	}
	_ = b // the server may answer 408 or just close: either ends it
}

func TestServeWarnsOffLoopback(t *testing.T) {
	_, stderr, stop := startServe(t, serveConfig{addr: "127.0.0.1:0"})
	stop()
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("loopback serve warns: %q", stderr.String())
	}
	_, stderr, stop = startServe(t, serveConfig{addr: "0.0.0.0:0"})
	stop()
	if !strings.Contains(stderr.String(), "not a loopback address") {
		t.Errorf("serve on 0.0.0.0 does not warn: %q", stderr.String())
	}
}
