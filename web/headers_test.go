package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSecurityHeadersEveryStatus checks that every response of the handler,
// whatever its status, carries the security headers: nosniff, a content
// security policy that lets the page run WebAssembly, a referrer policy,
// and the cross-origin isolation headers.
func TestSecurityHeadersEveryStatus(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "smsgauge-core.wasm"), []byte("\x00asm core module"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	h := Handler(dir)
	for _, tc := range []struct {
		name, method, path string
		hdr                map[string]string
		code               int
	}{
		{"page", "GET", "/", nil, 200},
		{"head", "HEAD", "/app.js", nil, 200},
		{"module", "GET", "/smsgauge-core.wasm", nil, 200},
		{"partial", "GET", "/smsgauge-core.wasm", map[string]string{"Range": "bytes=0-3"}, 206},
		{"not modified", "GET", "/smsgauge-core.wasm", map[string]string{"If-Modified-Since": later}, 304},
		{"range not satisfiable", "GET", "/smsgauge-core.wasm", map[string]string{"Range": "bytes=999-"}, 416},
		{"not found", "GET", "/nope", nil, 404},
		{"module not built", "GET", "/smsgauge-phone.wasm", nil, 404},
		{"method not allowed", "POST", "/", nil, 405},
		{"method not allowed on a missing path", "DELETE", "/nope", nil, 405},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(tc.method, tc.path, nil)
			for k, v := range tc.hdr {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.code {
				t.Fatalf("%s %s = %d, want %d", tc.method, tc.path, w.Code, tc.code)
			}
			got := w.Result().Header
			for k, want := range map[string]string{
				"X-Content-Type-Options":       "nosniff",
				"Referrer-Policy":              "no-referrer",
				"Cross-Origin-Opener-Policy":   "same-origin",
				"Cross-Origin-Embedder-Policy": "require-corp",
				"Cross-Origin-Resource-Policy": "same-origin",
			} {
				if got.Get(k) != want {
					t.Errorf("%s: %q, want %q", k, got.Get(k), want)
				}
			}
			csp := got.Get("Content-Security-Policy")
			for _, d := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"} {
				if !strings.Contains(csp, d) {
					t.Errorf("Content-Security-Policy %q lacks %s", csp, d)
				}
			}
			if strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "'unsafe-inline'") {
				t.Errorf("Content-Security-Policy %q allows eval or inline code", csp)
			}
		})
	}
}
