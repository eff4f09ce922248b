//go:build !js

package sms

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// consumerLibPath is this module's path, as consumers import it.
const consumerLibPath = "github.com/smsgauge/sms"

// consumerE2EPath is the nested module that holds the Chromium test. What it
// alone needs (chromedp and its dependencies) must stay out of the graph of
// a program that imports the library.
const consumerE2EPath = consumerLibPath + "/internal/e2e"

// consumerBanned are the browser-test modules named outright, so that the
// check holds even if the e2e module's own graph cannot tell them apart.
var consumerBanned = []string{"github.com/chromedp/chromedp", "github.com/chromedp/cdproto"}

// consumerMain is a program that uses the library as a consumer would.
const consumerMain = `package main

import (
	"fmt"
	"strings"

	"github.com/smsgauge/sms"
)

func main() {
	a := sms.Analyze(strings.Repeat("a", 161))
	fmt.Println(a.Segments, a.Units)
}
`

// TestConsumerModuleGraph writes a module that imports only the library,
// as a user's program would, and checks that "go list -m all" there holds
// none of the modules only the end-to-end test needs: chromedp, cdproto, and
// every module that provides packages to internal/e2e and to no package of
// this module (tests included, native or js/wasm).
func TestConsumerModuleGraph(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found (%v): cannot check a consumer's module graph", err)
	}
	modMode := []string{"GOFLAGS=-mod=mod", "GOWORK=off"}

	rootLine := strings.TrimSpace(consumerGo(t, goTool, ".", nil, "list", "-m", "-f", "{{.Path}}\t{{.Dir}}"))
	path, root, ok := strings.Cut(rootLine, "\t")
	require.True(t, ok, "go list -m gave %q", rootLine)
	require.Equal(t, consumerLibPath, path, "this test must run in the root module")
	require.True(t, filepath.IsAbs(root), "module root %q is not absolute", root)

	// The modules whose packages this module builds, tests included, on
	// every platform the library targets.
	const pkgModules = "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}"
	rootUses := consumerModules(consumerGo(t, goTool, root, nil, "list", "-deps", "-test", "-f", pkgModules, "./..."))
	for m := range consumerModules(consumerGo(t, goTool, root, []string{"GOOS=js", "GOARCH=wasm"}, "list", "-deps", "-test", "-f", pkgModules, "./...")) {
		rootUses[m] = true
	}

	// The modules whose packages the e2e module builds. -modfile points at a
	// copy of its go.mod and go.sum so that -mod=mod cannot rewrite the
	// checked-in files; the replacement ../.. still resolves from its
	// directory.
	e2eDir := filepath.Join(root, "internal", "e2e")
	modCopy := t.TempDir()
	consumerCopy(t, filepath.Join(e2eDir, "go.mod"), filepath.Join(modCopy, "go.mod"))
	consumerCopy(t, filepath.Join(e2eDir, "go.sum"), filepath.Join(modCopy, "go.sum"))
	e2eUses := consumerModules(consumerGo(t, goTool, e2eDir, modMode, "list", "-modfile="+filepath.Join(modCopy, "go.mod"),
		"-deps", "-test", "-f", pkgModules, "./..."))
	require.Contains(t, e2eUses, consumerLibPath, "the e2e module does not build against the library: is %s still its own module?", consumerE2EPath)

	banned := map[string]bool{}
	for _, m := range consumerBanned {
		banned[m] = true
	}
	for m := range e2eUses {
		if !rootUses[m] && m != consumerLibPath {
			banned[m] = true
		}
	}

	dir := t.TempDir()
	gomod := "module example.com/smsconsumer\n\ngo 1.26\n\n" +
		"require " + consumerLibPath + " v0.0.0\n\n" +
		"replace " + consumerLibPath + " => " + root + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(consumerMain), 0o644))
	consumerCopy(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))

	consumerGo(t, goTool, dir, modMode, "mod", "tidy")
	bin := filepath.Join(dir, "smsconsumer")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	consumerGo(t, goTool, dir, modMode, "build", "-o", bin, ".")
	out, err := exec.Command(bin).CombinedOutput()
	require.NoError(t, err, "running the consumer: %s", out)
	require.Equal(t, "2 161\n", string(out), "the consumer's output")

	listed := consumerGo(t, goTool, dir, modMode, "list", "-m", "-f", "{{if not .Main}}{{.Path}}{{end}}", "all")
	consumerMods := consumerModules(listed)
	require.Contains(t, consumerMods, consumerLibPath, "the consumer's graph does not hold the library:\n%s", listed)
	var leaked []string
	for m := range consumerMods {
		if banned[m] {
			leaked = append(leaked, m)
		}
	}
	slices.Sort(leaked)
	if len(leaked) > 0 {
		t.Fatalf("a module importing only %s pulls in what only %s needs: %v\ngo list -m all:\n%s",
			consumerLibPath, consumerE2EPath, leaked, listed)
	}
	t.Logf("consumer graph: %d modules besides the consumer; %d modules kept out", len(consumerMods), len(banned))
}

// consumerGo runs the go tool in dir with extra environment variables and returns
// its standard output; it fails the test, with the tool's output, on error.
func consumerGo(t *testing.T, goTool, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(goTool, args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "go %s in %s:\n%s", strings.Join(args, " "), dir, stderr.String())
	return string(out)
}

// consumerModules returns the module paths listed one a line.
func consumerModules(list string) map[string]bool {
	set := map[string]bool{}
	for _, m := range strings.Fields(list) {
		set[m] = true
	}
	return set
}

func consumerCopy(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dst, b, 0o644))
}
