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

// TestCoreBudget builds the modules as "smsgauge serve" does and fails
// when the core module, gzipped, is over its budget: the counter must not
// wait for more than 850 KB. The forms module must stay free of the
// metadata, and the phone module must carry it.
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
	var built [3]Built
	for i, name := range []string{"core", "forms", "phone"} {
		b, ok := res.Module(name)
		if !ok {
			t.Fatalf("no %s module built", name)
		}
		built[i] = b
		t.Logf("%s: %d bytes, %d gzipped", name, b.Size, b.Gzip)
	}
	core, forms, phone := built[0], built[1], built[2]
	if core.Gzip > CoreBudget {
		t.Errorf("core module is %d bytes gzipped, over its budget of %d", core.Gzip, CoreBudget)
	}
	if phone.Gzip < forms.Gzip+1_000_000 {
		t.Errorf("phone module (%d) is not megabytes larger than the forms module (%d): is it missing the metadata?", phone.Gzip, forms.Gzip)
	}
	for _, name := range []string{core.File, forms.File, phone.File, WasmExec} {
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

// TestCoreBudgetToolchains builds the core module with each Go release the
// project supports, fetched by the go command (GOTOOLCHAIN), and holds each
// to the budget: a smaller build on a newer Go must not hide growth that
// the older one shows.
func TestCoreBudgetToolchains(t *testing.T) {
	ctx := context.Background()
	root, err := ModuleRoot(ctx, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range Toolchains {
		t.Run(tc, func(t *testing.T) {
			b, err := BuildModule(ctx, root, t.TempDir(), Modules[0], "GOTOOLCHAIN="+tc)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("core with %s: %d bytes, %d gzipped (budget %d)", tc, b.Size, b.Gzip, CoreBudget)
			if b.Gzip > CoreBudget {
				t.Errorf("core module built with %s is %d bytes gzipped, over its budget of %d", tc, b.Gzip, CoreBudget)
			}
		})
	}
}

func TestModuleRootOutside(t *testing.T) {
	if _, err := ModuleRoot(context.Background(), t.TempDir()); err == nil {
		t.Errorf("ModuleRoot(empty dir) = nil error, want ErrNotModule")
	}
}

// TestModuleDeps checks what the budget and the loading order depend on:
// the core module links no address, request or HTTP code and no metadata;
// the forms module no metadata and no HTTP stack.
func TestModuleDeps(t *testing.T) {
	for _, tc := range []struct {
		module int
		banned []string
	}{
		{0, []string{"github.com/nyaruka/phonenumbers", ModulePath + "/phone", "net/http", "encoding/json", ModulePath + "/internal/webapi/webforms"}},
		{1, []string{"github.com/nyaruka/phonenumbers", ModulePath + "/phone", "net/http", "encoding/json", ModulePath + "/rest"}},
	} {
		m := Modules[tc.module]
		t.Run(m.Name, func(t *testing.T) {
			cmd := exec.Command(goTool(), "list", "-deps", m.Package)
			cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", m.Package, err)
			}
			deps := map[string]bool{}
			for _, p := range strings.Fields(string(out)) {
				deps[p] = true
			}
			for _, banned := range tc.banned {
				if deps[banned] {
					t.Errorf("the %s module depends on %s", m.Name, banned)
				}
			}
			if !deps[ModulePath] || !deps["syscall/js"] {
				t.Errorf("the %s module does not depend on %s and syscall/js: %v", m.Name, ModulePath, deps)
			}
		})
	}
}
