package web

import (
	"compress/gzip"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("smsgauge-core.wasm", "\x00asm plain")
	f, err := os.Create(filepath.Join(dir, "smsgauge-core.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	io.WriteString(zw, "\x00asm plain")
	zw.Close()
	f.Close()
	write("secret.txt", "not served")
	h := Handler(dir)

	for _, tc := range []struct {
		name, method, path, accept string
		code                       int
		ctype, encoding, body      string
	}{
		{"page", "GET", "/", "", 200, "text/html; charset=utf-8", "", "<!doctype html>"},
		{"script", "GET", "/app.js", "", 200, "text/javascript; charset=utf-8", "", "// smsgauge composer"},
		{"style", "HEAD", "/style.css", "", 200, "text/css; charset=utf-8", "", ""},
		{"wasm plain", "GET", "/smsgauge-core.wasm", "", 200, "application/wasm", "", "\x00asm plain"},
		{"wasm gzip", "GET", "/smsgauge-core.wasm", "gzip, br", 200, "application/wasm", "gzip", "\x1f\x8b"},
		{"wasm gzip refused", "GET", "/smsgauge-core.wasm", "gzip;q=0", 200, "application/wasm", "", "\x00asm plain"},
		{"not built", "GET", "/smsgauge-phone.wasm", "", 404, "", "", ""},
		{"other file", "GET", "/secret.txt", "", 404, "", "", ""},
		{"traversal", "GET", "/../web.go", "", 404, "", "", ""},
		{"post", "POST", "/", "", 405, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.path, nil)
			if tc.accept != "" {
				r.Header.Set("Accept-Encoding", tc.accept)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.code {
				t.Fatalf("%s %s = %d, want %d", tc.method, tc.path, w.Code, tc.code)
			}
			if tc.code != 200 {
				return
			}
			if got := w.Header().Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tc.ctype)
			}
			if got := w.Header().Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tc.encoding)
			}
			if !strings.HasPrefix(w.Body.String(), tc.body) {
				t.Errorf("body starts %.20q, want %q", w.Body.String(), tc.body)
			}
			for k, v := range map[string]string{
				"Cross-Origin-Opener-Policy":   "same-origin",
				"Cross-Origin-Embedder-Policy": "require-corp",
				"X-Content-Type-Options":       "nosniff",
			} {
				if got := w.Header().Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestStaticFilesEmbedded(t *testing.T) {
	for name := range staticFiles {
		b, err := static.ReadFile(name[1:])
		if err != nil || len(b) == 0 {
			t.Errorf("%s not embedded: %v", name, err)
		}
	}
	page, _ := static.ReadFile("index.html")
	for _, ref := range []string{`src="wasm_exec.js"`, `src="app.js"`, `href="style.css"`} {
		if !strings.Contains(string(page), ref) {
			t.Errorf("index.html does not load %s", ref)
		}
	}
}
