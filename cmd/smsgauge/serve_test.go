package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeDefaultsToLoopback(t *testing.T) {
	var cfg serveConfig
	if _, _, ok := serveFlags(&cfg).parse(nil, io.Discard, io.Discard); !ok {
		t.Fatal("serve with no arguments does not parse")
	}
	host, _, err := net.SplitHostPort(cfg.addr)
	if err != nil || host != "127.0.0.1" {
		t.Errorf("serve -addr defaults to %q, want a 127.0.0.1 address", cfg.addr)
	}
}

func TestServeMissingModules(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"serve", "-dir", t.TempDir()}, nil, io.Discard, &stderr); code != 1 {
		t.Errorf("serve -dir EMPTY = exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "smsgauge-core.wasm") {
		t.Errorf("stderr %q does not name the missing module", stderr.String())
	}
	if code := run([]string{"serve", "extra"}, nil, io.Discard, io.Discard); code != 2 {
		t.Errorf("serve extra = exit %d, want 2", code)
	}
}

// TestServePrebuilt serves a directory of stand-in modules and checks what
// a browser needs: the page, application/wasm, and the loopback address.
func TestServePrebuilt(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"smsgauge-core.wasm":  "\x00asm core",
		"smsgauge-forms.wasm": "\x00asm forms",
		"smsgauge-phone.wasm": "\x00asm phone",
		"wasm_exec.js":        "// go",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, serveConfig{addr: "127.0.0.1:0", dir: dir}, io.Discard, io.Discard, func(a net.Addr) { addrc <- a })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a.String()
	case code := <-done:
		t.Fatalf("serve exited with %d", code)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	for path, want := range map[string]string{
		"/":                    "text/html; charset=utf-8",
		"/app.js":              "text/javascript; charset=utf-8",
		"/smsgauge-core.wasm":  "application/wasm",
		"/smsgauge-forms.wasm": "application/wasm",
		"/smsgauge-phone.wasm": "application/wasm",
		"/wasm_exec.js":        "text/javascript; charset=utf-8",
	} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != want {
			t.Errorf("GET %s = %d %q, want 200 %q", path, resp.StatusCode, resp.Header.Get("Content-Type"), want)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d after cancel, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}
