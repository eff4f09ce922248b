//go:build !js

package sms

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// goList runs go list with the arguments, for GOOS/GOARCH as given ("" for
// the host), and returns its output fields.
func goList(t *testing.T, goos string, args ...string) []string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found (%v): cannot check the dependency graph", err)
	}
	cmd := exec.Command(goTool, append([]string{"list"}, args...)...)
	if goos != "" {
		cmd.Env = append(cmd.Environ(), "GOOS="+goos, "GOARCH=wasm")
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %v (GOOS=%q): %v\n%s", args, goos, err, out)
	}
	return strings.Fields(string(out))
}

// TestRootDoesNotImportPhonenumbers keeps the libphonenumber metadata (about
// 2.5 MB gzipped in WebAssembly, set up at package init) out of the root
// package: only package phone may import it.
func TestRootDoesNotImportPhonenumbers(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		deps := goList(t, goos, "-deps", ".")
		if len(deps) < 2 || deps[len(deps)-1] != "github.com/smsgauge/sms" {
			t.Fatalf("go list -deps . (GOOS=%q) gave an unexpected list: %v", goos, deps)
		}
		for _, d := range deps {
			if strings.Contains(d, "nyaruka/phonenumbers") || strings.HasPrefix(d, "google.golang.org/protobuf") || strings.HasSuffix(d, "/sms/phone") {
				t.Errorf("package sms (GOOS=%q) depends on %s; only package phone may", goos, d)
			}
		}
	}
}

// TestRootIsPure keeps the root package to one message before it is sent:
// it imports no HTTP stack, no encoding/json, no fmt, no log/slog and no
// os, and none of the first three reach it through another package either.
// fmt and os do reach it, only through golang.org/x/text/unicode/norm (NFC)
// and net/url (url.Values, the form Twilio reads), which need them.
func TestRootIsPure(t *testing.T) {
	imports := goList(t, "", "-f", `{{join .Imports " "}}`, ".")
	for _, banned := range []string{"net/http", "encoding/json", "fmt", "log/slog", "os"} {
		if slices.Contains(imports, banned) {
			t.Errorf("package sms imports %s", banned)
		}
	}
	for _, goos := range []string{"", "js"} {
		deps := goList(t, goos, "-deps", ".")
		for _, banned := range []string{"net/http", "encoding/json", "log/slog"} {
			if slices.Contains(deps, banned) {
				t.Errorf("package sms (GOOS=%q) depends on %s", goos, banned)
			}
		}
	}
	// Which of the root's dependencies import fmt: only the two allowed
	// ones, and the standard library below them.
	lines := goList(t, "", "-deps", "-f", `{{if not .Standard}}{{.ImportPath}}:{{join .Imports ","}}{{end}}`, ".")
	for _, l := range lines {
		pkg, imps, _ := strings.Cut(l, ":")
		if slices.Contains(strings.Split(imps, ","), "fmt") && pkg != "golang.org/x/text/unicode/norm" {
			t.Errorf("%s brings fmt into package sms", pkg)
		}
	}
}

// TestOnlyPhoneImportsPhonenumbers: of all the module's packages, only
// package phone imports nyaruka/phonenumbers; the others reach numbering
// metadata through it.
func TestOnlyPhoneImportsPhonenumbers(t *testing.T) {
	lines := goList(t, "", "-f", `{{.ImportPath}}:{{join .Imports ","}}`, "./...")
	checked := 0
	for _, l := range lines {
		pkg, imps, _ := strings.Cut(l, ":")
		checked++
		if slices.Contains(strings.Split(imps, ","), "github.com/nyaruka/phonenumbers") && pkg != "github.com/smsgauge/sms/phone" {
			t.Errorf("%s imports github.com/nyaruka/phonenumbers; only package phone may", pkg)
		}
	}
	if checked < 10 {
		t.Fatalf("go list ./... listed only %d packages", checked)
	}
}

// TestNoBuildTagInLibraries: a file of a library package that carries a
// build constraint (a //go:build line, or a name ending in an
// architecture, as the assembly loops' Go files do) declares nothing
// exported, so that every build of a package (any GOARCH, the purego tag)
// has the same API. Commands and the js entry files of internal packages
// may carry constraints freely.
func TestNoBuildTagInLibraries(t *testing.T) {
	for _, dir := range []string{".", "pdu", "rest", "phone", "batch"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			constrained := ""
			for _, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(line, "package ") {
					break
				}
				if strings.HasPrefix(line, "//go:build") || strings.HasPrefix(line, "// +build") {
					constrained = line
				}
			}
			for _, arch := range []string{"386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le", "riscv64", "s390x", "wasm"} {
				if strings.HasSuffix(f, "_"+arch+".go") {
					constrained = "file name ending _" + arch
				}
			}
			if constrained == "" {
				continue
			}
			if names := exportedDecls(t, f, b); len(names) > 0 {
				t.Errorf("%s carries a build constraint (%s) and declares exported %v", f, constrained, names)
			}
		}
	}
}

// exportedDecls returns the exported names that the Go file src declares
// at its top level, methods included.
func exportedDecls(t *testing.T, name string, src []byte) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.TypeSpec:
					if sp.Name.IsExported() {
						names = append(names, sp.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						if n.IsExported() {
							names = append(names, n.Name)
						}
					}
				}
			}
		}
	}
	return names
}
