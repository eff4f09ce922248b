//go:build !js

package main

import (
	"archive/zip"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/smsgauge/sms/internal/webbuild"
)

// TestWebSource checks where serve takes the source of the page's modules
// from, with the machine replaced by stand-ins.
func TestWebSource(t *testing.T) {
	ctx := context.Background()
	haveGo := func() (string, error) { return "/usr/local/go/bin/go", nil }
	outside := func(context.Context, string) (string, error) { return "", webbuild.ErrNotModule }
	info := func(path, version string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: path, Version: version}}, true
		}
	}
	var asked []string
	download := func(_ context.Context, goTool, path, version string) (string, error) {
		asked = append(asked, goTool+" "+path+"@"+version)
		if version == "v9.9.9" {
			return "", errors.New("not found")
		}
		return "/cache/" + path + "@" + version, nil
	}
	for _, c := range []struct {
		name     string
		s        sourceFinder
		dir      string
		want     []string // in from, or in the error
		err      bool
		download string // the download asked for, if any
	}{
		{name: "no go", s: sourceFinder{goTool: func() (string, error) { return "", exec.ErrNotFound }},
			err: true, want: []string{"built with the Go toolchain", "no go command was found", "-dir"}},
		{name: "in a clone", s: sourceFinder{goTool: haveGo, moduleRoot: func(context.Context, string) (string, error) { return "/src/sms", nil }},
			dir: "/src/sms", want: []string{"the source tree at /src/sms"}},
		{name: "installed at a version", s: sourceFinder{goTool: haveGo, moduleRoot: outside, buildInfo: info(webbuild.ModulePath, "v1.4.0"), download: download},
			dir: "/cache/github.com/smsgauge/sms@v1.4.0", want: []string{"the module cache at github.com/smsgauge/sms@v1.4.0"},
			download: "/usr/local/go/bin/go github.com/smsgauge/sms@v1.4.0"},
		{name: "devel", s: sourceFinder{goTool: haveGo, moduleRoot: outside, buildInfo: info(webbuild.ModulePath, "(devel)"), download: download},
			err: true, want: []string{"built from a source tree (version (devel))", "run serve inside that tree", "install a released version", "-dir"}},
		{name: "dirty", s: sourceFinder{goTool: haveGo, moduleRoot: outside, buildInfo: info(webbuild.ModulePath, "v1.4.1-0.20260101000000-abcdefabcdef+dirty"), download: download},
			err: true, want: []string{"+dirty", "install a released version"}},
		{name: "version not fetched", s: sourceFinder{goTool: haveGo, moduleRoot: outside, buildInfo: info(webbuild.ModulePath, "v9.9.9"), download: download},
			err: true, want: []string{"fetching the source of github.com/smsgauge/sms@v9.9.9", "not found", "-dir"},
			download: "/usr/local/go/bin/go github.com/smsgauge/sms@v9.9.9"},
		{name: "another main module", s: sourceFinder{goTool: haveGo, moduleRoot: outside, buildInfo: info("example.com/other", "v1.0.0"), download: download},
			err: true, want: []string{"not inside the github.com/smsgauge/sms module"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			asked = nil
			dir, from, err := c.s.webSource(ctx, "/home/u")
			text := from
			if err != nil {
				text = err.Error()
			}
			if (err != nil) != c.err || dir != c.dir {
				t.Fatalf("webSource = %q, %q, %v; want dir %q, error %v", dir, from, err, c.dir, c.err)
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("webSource says %q, which lacks %q", text, w)
				}
			}
			if got := strings.Join(asked, "; "); got != c.download {
				t.Errorf("downloads asked: %q, want %q", got, c.download)
			}
		})
	}
}

// TestServeInstalled installs smsgauge as a user does, with go install
// MODULE/cmd/smsgauge@VERSION (from a module proxy in a directory, holding
// this source tree as that version), and runs serve -build from a
// directory outside any module: the modules are built from the module cache
// at the binary's version. It also runs serve with no go command, and a
// binary built without a version outside the source tree.
func TestServeInstalled(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	ctx := context.Background()
	root, err := webbuild.ModuleRoot(ctx, ".")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	const version = "v0.0.0-installtest"
	proxy := filepath.Join(tmp, "proxy")
	writeModuleProxy(t, proxy, root, version)
	realCache, err := exec.Command(goTool, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	gobin := filepath.Join(tmp, "bin")
	wd := filepath.Join(tmp, "elsewhere")
	if err := os.MkdirAll(wd, 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		// Ours from the directory proxy; the dependencies from the
		// module cache this machine already has, which is a proxy too.
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(strings.TrimSpace(string(realCache)), "cache", "download")),
		"GOMODCACHE="+filepath.Join(tmp, "modcache"),
		"GOFLAGS=-modcacherw",
		"GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local",
		"GOBIN="+gobin,
	)
	install := exec.Command(goTool, "install", "-trimpath", webbuild.ModulePath+"/cmd/smsgauge@"+version)
	install.Dir, install.Env = wd, env
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(gobin, "smsgauge")

	out := filepath.Join(tmp, "web")
	stdout, stderr, code := runIn(t, wd, env, bin, "serve", "-build", out)
	if code != 0 {
		t.Fatalf("installed smsgauge serve -build: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if want := "from the module cache at " + webbuild.ModulePath + "@" + version; !strings.Contains(stdout, want) {
		t.Errorf("serve -build says %q, which lacks %q", stdout, want)
	}
	for _, m := range webbuild.Modules {
		if st, err := os.Stat(filepath.Join(out, m.File)); err != nil || st.Size() < 1000 {
			t.Errorf("serve -build built no %s: %v", m.File, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, webbuild.WasmExec)); err != nil {
		t.Errorf("serve -build copied no %s: %v", webbuild.WasmExec, err)
	}

	// No go command: PATH without one, and no GOROOT.
	noGo := append(os.Environ(), "PATH="+t.TempDir(), "GOROOT=")
	_, stderr, code = runIn(t, wd, noGo, bin, "serve", "-build", filepath.Join(tmp, "web2"))
	if code != 1 || !strings.Contains(stderr, "built with the Go toolchain, and no go command was found") || !strings.Contains(stderr, "-dir") {
		t.Errorf("serve without go: exit %d, stderr %q", code, stderr)
	}

	// A binary built without a version, outside its source tree.
	devel := filepath.Join(tmp, "devel")
	build := exec.Command(goTool, "build", "-buildvcs=false", "-o", devel, ".")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	_, stderr, code = runIn(t, wd, nil, devel, "serve", "-build", filepath.Join(tmp, "web3"))
	if code != 1 || !strings.Contains(stderr, "built from a source tree (version (devel))") || !strings.Contains(stderr, "install a released version") {
		t.Errorf("devel serve outside the tree: exit %d, stderr %q", code, stderr)
	}
}

// runIn runs bin with args in dir, with env (nil: the test's own).
func runIn(t *testing.T, dir string, env []string, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env
	return runProcess(t, cmd)
}

// writeModuleProxy writes a GOPROXY directory that serves the module at
// root as version: list, .info, .mod and .zip, the zip holding every file
// of the module (not .git, not nested modules).
func writeModuleProxy(t *testing.T, proxy, root, version string) {
	t.Helper()
	dir := filepath.Join(proxy, filepath.FromSlash(webbuild.ModulePath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": []byte(`{"Version":"` + version + `","Time":"2026-01-01T00:00:00Z"}`),
		version + ".mod":  gomod,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(filepath.Join(dir, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	prefix := webbuild.ModulePath + "@" + version + "/"
	// The files of the module as git sees them: tracked or new, not
	// ignored (no built binaries), not in a nested module.
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = root
	list, err := ls.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	nested := map[string]bool{}
	files := strings.Split(strings.TrimRight(string(list), "\x00"), "\x00")
	for _, rel := range files {
		if d, name := filepath.Split(rel); name == "go.mod" && d != "" {
			nested[d] = true
		}
	}
	n := 0
files:
	for _, rel := range files {
		for d := range nested {
			if strings.HasPrefix(rel, d) {
				continue files
			}
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(prefix + rel)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n < 100 {
		t.Fatalf("the module zip holds %d files", n)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}
