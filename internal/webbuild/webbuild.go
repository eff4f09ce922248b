// Package webbuild compiles the WebAssembly modules behind the web page
// (web/), copies the matching wasm_exec.js from the Go installation, and
// measures what the browser will download.
//
// Nothing it produces is committed: "smsgauge serve" calls Build at startup,
// and the size and end-to-end tests call it into a temporary directory.
package webbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ModulePath is the import path of the module that holds the wasm commands.
const ModulePath = "github.com/smsgauge/sms"

// CoreBudget is the most the core module may weigh once gzipped, in bytes
// (850 KB), with Go 1.26 and with Go 1.27: the counter must not wait for
// more than this.
const CoreBudget = 850_000

// Toolchains are the Go releases the budget is held to: the oldest the
// module supports and the newest, as the go command fetches them
// (GOTOOLCHAIN).
var Toolchains = []string{"go1.26.8", "go1.27.3"}

// Module is one WebAssembly build of the library.
type Module struct {
	Name    string   // "core", "forms" or "phone"
	Package string   // import path of the js/wasm main package
	File    string   // file name served to the page
	GCFlags []string // -gcflags for go build, in order (a later pattern wins)
}

// Modules lists the three builds, in the order the page loads them: the
// core (encoding, segments, smart encoding, suggestion), which the page
// loads at once; the forms module (address syntax, the request builder),
// which it loads right after; and the phone module (the forms module plus
// phone-number metadata, several megabytes), which it loads when an address
// field is first used. No build tag shapes any of them: each links what
// its main package calls.
var Modules = []Module{
	// The standard library and runtime are compiled without inlining
	// (-l), which saves about 27 KB gzipped; this module's own packages
	// keep it.
	{Name: "core", Package: ModulePath + "/cmd/smsgauge-wasm", File: "smsgauge-core.wasm",
		GCFlags: []string{"all=-l", ModulePath + "/...="}},
	{Name: "forms", Package: ModulePath + "/cmd/smsgauge-wasm-forms", File: "smsgauge-forms.wasm",
		GCFlags: []string{"all=-l", ModulePath + "/...="}},
	{Name: "phone", Package: ModulePath + "/cmd/smsgauge-wasm-phone", File: "smsgauge-phone.wasm"},
}

// WasmExec is the file name of Go's JavaScript support file.
const WasmExec = "wasm_exec.js"

// Built is one compiled module.
type Built struct {
	Module
	Path string // absolute path of the .wasm file
	Size int64  // bytes on disk
	Gzip int64  // bytes once gzipped (level 9), as the server sends it
}

// Result is what Build produced.
type Result struct {
	Dir     string
	Modules []Built
}

// Module returns the built module with the given name, or false.
func (r Result) Module(name string) (Built, bool) {
	for _, b := range r.Modules {
		if b.Name == name {
			return b, true
		}
	}
	return Built{}, false
}

// ErrNotModule reports that the directory is not inside the smsgauge module.
var ErrNotModule = errors.New("webbuild: not inside module " + ModulePath)

// ModuleRoot returns the root directory of the smsgauge module that holds
// dir, using "go list -m".
func ModuleRoot(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, goTool(), "list", "-m", "-f", "{{.Path}}\t{{.Dir}}")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%w: go list -m in %s: %v", ErrNotModule, dir, err)
	}
	path, root, ok := strings.Cut(strings.TrimSpace(string(out)), "\t")
	if !ok || path != ModulePath || root == "" {
		return "", fmt.Errorf("%w: %s is in %q", ErrNotModule, dir, path)
	}
	return root, nil
}

// Build compiles every module with GOOS=js GOARCH=wasm, -trimpath and
// -ldflags="-s -w" from the module at root into outDir, copies
// wasm_exec.js from $(go env GOROOT)/lib/wasm, and writes a gzipped twin
// (name.gz) of every file for servers that can send it.
func Build(ctx context.Context, root, outDir string) (Result, error) {
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return Result{}, err
	}
	res := Result{Dir: outDir}
	for _, m := range Modules {
		b, err := BuildModule(ctx, root, outDir, m)
		if err != nil {
			return Result{}, err
		}
		res.Modules = append(res.Modules, b)
	}
	goroot, err := GOROOT(ctx)
	if err != nil {
		return Result{}, err
	}
	if err := copyWasmExec(goroot, filepath.Join(outDir, WasmExec)); err != nil {
		return Result{}, err
	}
	if _, _, err := gzipTwin(filepath.Join(outDir, WasmExec)); err != nil {
		return Result{}, err
	}
	return res, nil
}

// BuildModule compiles one module as Build does, into outDir, with env
// added to the go command's environment (GOTOOLCHAIN=go1.27.3, say).
func BuildModule(ctx context.Context, root, outDir string, m Module, env ...string) (Built, error) {
	out := filepath.Join(outDir, m.File)
	args := []string{"build", "-trimpath", "-ldflags=-s -w"}
	for _, f := range m.GCFlags {
		args = append(args, "-gcflags="+f)
	}
	cmd := exec.CommandContext(ctx, goTool(), append(args, "-o", out, m.Package)...)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0"), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return Built{}, fmt.Errorf("webbuild: building %s: %v\n%s", m.Package, err, stderr.String())
	}
	size, gz, err := gzipTwin(out)
	if err != nil {
		return Built{}, err
	}
	return Built{Module: m, Path: out, Size: size, Gzip: gz}, nil
}

// GOROOT returns $(go env GOROOT) of the go command Build uses.
func GOROOT(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, goTool(), "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("webbuild: go env GOROOT: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// copyWasmExec copies wasm_exec.js from lib/wasm (Go 1.24 and later) or
// misc/wasm (older releases).
func copyWasmExec(goroot, dst string) error {
	var lastErr error
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		b, err := os.ReadFile(filepath.Join(goroot, dir, WasmExec))
		if err != nil {
			lastErr = err
			continue
		}
		return os.WriteFile(dst, b, 0o644)
	}
	return fmt.Errorf("webbuild: %s not found in %s: %v", WasmExec, goroot, lastErr)
}

// gzipTwin writes path+".gz" and returns the plain and gzipped sizes.
func gzipTwin(path string) (size, gz int64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	if _, err := GzipSize(&buf, bytes.NewReader(b)); err != nil {
		return 0, 0, err
	}
	if err := os.WriteFile(path+".gz", buf.Bytes(), 0o644); err != nil {
		return 0, 0, err
	}
	return int64(len(b)), int64(buf.Len()), nil
}

// GzipSize gzips r at the best compression level (as static files are
// compressed once, ahead of time) into w, which may be io.Discard, and
// returns the compressed size.
func GzipSize(w io.Writer, r io.Reader) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := io.Copy(zw, r); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// goTool returns the go command: $GOROOT/bin/go when GOROOT is set,
// otherwise "go" from PATH.
func goTool() string {
	if r := os.Getenv("GOROOT"); r != "" {
		p := filepath.Join(r, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "go"
}
