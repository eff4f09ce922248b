// Package web holds the message-composer page (index.html, app.js,
// style.css, embedded in the binary) and the HTTP handler that serves it
// together with the WebAssembly modules built by internal/webbuild.
package web

import (
	"embed"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

//go:embed index.html app.js style.css
var static embed.FS

// builtFiles are the only names served from the build directory.
var builtFiles = map[string]string{
	"/smsgauge-core.wasm":  "application/wasm",
	"/smsgauge-forms.wasm": "application/wasm",
	"/smsgauge-phone.wasm": "application/wasm",
	"/wasm_exec.js":        "text/javascript; charset=utf-8",
}

var staticFiles = map[string]string{
	"/index.html": "text/html; charset=utf-8",
	"/app.js":     "text/javascript; charset=utf-8",
	"/style.css":  "text/css; charset=utf-8",
}

// Handler serves the page and the modules in buildDir (as written by
// webbuild.Build). It answers only GET and HEAD, for a fixed list of files
// (no directory listing, nothing else from disk), with the right
// Content-Type (application/wasm for the modules), a gzipped body when the
// build has one and the client accepts it, and the cross-origin isolation
// headers that give performance.now() its fine resolution.
func Handler(buildDir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		SecurityHeaders(h) // on every response: errors too
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := r.URL.Path
		if name == "/" {
			name = "/index.html"
		}
		h.Set("Cache-Control", "no-cache")
		if ct, ok := staticFiles[name]; ok {
			b, err := static.ReadFile(name[1:])
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			h.Set("Content-Type", ct)
			w.Write(b)
			return
		}
		ct, ok := builtFiles[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		path := filepath.Join(buildDir, filepath.FromSlash(name[1:]))
		h.Set("Content-Type", ct)
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			if f, err := os.Open(path + ".gz"); err == nil {
				defer f.Close()
				h.Set("Content-Encoding", "gzip")
				if st, err := f.Stat(); err == nil {
					http.ServeContent(w, r, "", st.ModTime(), f)
					return
				}
			}
		}
		f, err := os.Open(path)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// SecurityHeaders sets the headers every response of the page carries:
// cross-origin isolation (COOP/COEP, so performance.now() is precise), a
// content security policy that allows only same-origin scripts plus
// WebAssembly compilation, and nosniff.
func SecurityHeaders(h http.Header) {
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Embedder-Policy", "require-corp")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
