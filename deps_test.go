//go:build !js

package sms

import (
	"os/exec"
	"strings"
	"testing"
)

// TestRootDoesNotImportPhonenumbers keeps the libphonenumber metadata (about
// 2.5 MB gzipped in WebAssembly, set up at package init) out of the root
// package: only package phone may import it.
func TestRootDoesNotImportPhonenumbers(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found (%v): cannot check the dependency graph", err)
	}
	for _, goos := range []string{"", "js"} {
		cmd := exec.Command(goTool, "list", "-deps", ".")
		if goos != "" {
			cmd.Env = append(cmd.Environ(), "GOOS="+goos, "GOARCH=wasm")
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps . (GOOS=%q): %v\n%s", goos, err, out)
		}
		deps := strings.Fields(string(out))
		if len(deps) < 2 || deps[len(deps)-1] != "github.com/smsgauge/sms" {
			t.Fatalf("go list -deps . (GOOS=%q) gave an unexpected list:\n%s", goos, out)
		}
		for _, d := range deps {
			if strings.Contains(d, "nyaruka/phonenumbers") || strings.HasPrefix(d, "google.golang.org/protobuf") || strings.HasSuffix(d, "/sms/phone") {
				t.Errorf("package sms (GOOS=%q) depends on %s; only package phone may", goos, d)
			}
		}
	}
}
