//go:build !js

package webbuild

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCoreBudget builds both modules as "smsgauge serve" does and fails
// when the core module, gzipped, is over its budget: the counter must not
// wait for more than 800 KB.
func TestCoreBudget(t *testing.T) {
	ctx := context.Background()
	root, err := ModuleRoot(ctx, ".")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Build(ctx, root, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	core, ok := res.Module("core")
	if !ok {
		t.Fatal("no core module built")
	}
	full, ok := res.Module("full")
	if !ok {
		t.Fatal("no full module built")
	}
	t.Logf("core: %d bytes, %d gzipped; full: %d bytes, %d gzipped", core.Size, core.Gzip, full.Size, full.Gzip)
	if core.Gzip > CoreBudget {
		t.Errorf("core module is %d bytes gzipped, over its budget of %d", core.Gzip, CoreBudget)
	}
	if full.Gzip <= core.Gzip {
		t.Errorf("full module (%d) is not larger than the core (%d): is it missing the address code?", full.Gzip, core.Gzip)
	}
	for _, name := range []string{core.File, full.File, WasmExec} {
		for _, f := range []string{name, name + ".gz"} {
			if st, err := os.Stat(filepath.Join(res.Dir, f)); err != nil || st.Size() == 0 {
				t.Errorf("%s missing or empty: %v", f, err)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(res.Dir, core.File))
	if err != nil {
		t.Fatal(err)
	}
	if string(b[:4]) != "\x00asm" {
		t.Errorf("%s is not a WebAssembly module", core.File)
	}
}

func TestModuleRootOutside(t *testing.T) {
	if _, err := ModuleRoot(context.Background(), t.TempDir()); err == nil {
		t.Errorf("ModuleRoot(empty dir) = nil error, want ErrNotModule")
	}
}

// TestCoreDeps checks what the budget depends on: the core module links
// no phone-number metadata, no request builder and no HTTP stack.
func TestCoreDeps(t *testing.T) {
	core := Modules[0]
	args := []string{"list", "-deps", "-tags=" + core.Tags, core.Package}
	cmd := exec.Command(goTool(), args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %v: %v", args, err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	for _, banned := range []string{"github.com/nyaruka/phonenumbers", ModulePath + "/phone", "net/http", "encoding/json", "net/url"} {
		if deps[banned] {
			t.Errorf("the core module depends on %s", banned)
		}
	}
	if !deps[ModulePath] || !deps["syscall/js"] {
		t.Errorf("the core module does not depend on %s and syscall/js: %v", ModulePath, deps)
	}
}
