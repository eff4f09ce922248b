package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/smsgauge/sms/internal/webbuild"
)

// serve builds the page's WebAssembly modules from the module's source. A
// clone has it at hand; an installed binary (go install
// github.com/smsgauge/sms/cmd/smsgauge@VERSION) takes it from the module
// cache at its own version, as go mod download fetches it.

// sourceFinder is what webSource asks of the machine; tests replace parts.
type sourceFinder struct {
	// goTool returns the go command, or an error when there is none.
	goTool func() (string, error)
	// moduleRoot returns the root of the smsgauge module that holds dir.
	moduleRoot func(ctx context.Context, dir string) (string, error)
	// buildInfo is debug.ReadBuildInfo.
	buildInfo func() (*debug.BuildInfo, bool)
	// download returns the directory of module path@version in the module
	// cache, fetching it when needed.
	download func(ctx context.Context, goTool, path, version string) (string, error)
}

// machineSource is the sourceFinder of the real machine.
var machineSource = sourceFinder{
	goTool:     lookGo,
	moduleRoot: webbuild.ModuleRoot,
	buildInfo:  debug.ReadBuildInfo,
	download:   goModDownload,
}

// errNoGo is the error of webSource when no go command is found.
var errNoGo = errors.New("the page's WebAssembly modules are built with the Go toolchain, and no go command was found: install Go (https://go.dev/dl/) and put it on PATH, or pass -dir with modules built elsewhere (smsgauge serve -build DIR, where Go is installed)")

// webSource returns the directory of the module source to build the
// modules from, and says where it is from ("the source tree at DIR", "the
// module cache at VERSION"): the module that holds wd, or else the module
// of the running binary at its version, from the module cache.
func (s sourceFinder) webSource(ctx context.Context, wd string) (dir, from string, err error) {
	if _, err := s.goTool(); err != nil {
		return "", "", errNoGo
	}
	if root, err := s.moduleRoot(ctx, wd); err == nil {
		return root, "the source tree at " + root, nil
	}
	bi, ok := s.buildInfo()
	if !ok || bi.Main.Path != webbuild.ModulePath {
		return "", "", fmt.Errorf("%s is not inside the %s module, and this binary was not built from it: run serve in a clone of the repository, or pass -dir with prebuilt modules", wd, webbuild.ModulePath)
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" || strings.Contains(v, "+dirty") {
		return "", "", fmt.Errorf("this smsgauge was built from a source tree (version %s), whose source cannot be fetched: run serve inside that tree (%s is outside it), install a released version (go install %s/cmd/smsgauge@latest), or pass -dir with prebuilt modules", versionName(v), wd, webbuild.ModulePath)
	}
	goTool, _ := s.goTool()
	dir, err = s.download(ctx, goTool, bi.Main.Path, v)
	if err != nil {
		return "", "", fmt.Errorf("fetching the source of %s@%s to build the page: %v (run serve in a clone of the repository, or pass -dir with prebuilt modules)", bi.Main.Path, v, err)
	}
	return dir, "the module cache at " + bi.Main.Path + "@" + v, nil
}

func versionName(v string) string {
	if v == "" {
		return "unknown"
	}
	return v
}

// lookGo returns the go command webbuild runs: $GOROOT/bin/go when GOROOT
// is set and has one, else go from PATH.
func lookGo() (string, error) {
	if r := os.Getenv("GOROOT"); r != "" {
		p := filepath.Join(r, "bin", "go")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return exec.LookPath("go")
}

// goModDownload runs go mod download -json path@version, outside any
// module, and returns the directory it reports.
func goModDownload(ctx context.Context, goTool, path, version string) (string, error) {
	cmd := exec.CommandContext(ctx, goTool, "mod", "download", "-json", path+"@"+version)
	cmd.Dir = os.TempDir() // outside any module: path@version alone decides
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		if runErr != nil {
			return "", fmt.Errorf("go mod download: %v: %s", runErr, strings.TrimSpace(stderr.String()))
		}
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if m.Error != "" {
		return "", errors.New(m.Error)
	}
	if runErr != nil {
		return "", fmt.Errorf("go mod download: %v: %s", runErr, strings.TrimSpace(stderr.String()))
	}
	if m.Dir == "" {
		return "", errors.New("go mod download reported no directory")
	}
	return m.Dir, nil
}
