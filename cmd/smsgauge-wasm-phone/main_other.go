//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself on platforms other than js/wasm, so that
// "go build ./..." and "go vet ./..." work everywhere.
func main() {
	fmt.Fprintln(os.Stderr, "smsgauge-wasm-phone: build with GOOS=js GOARCH=wasm (or run: go run ./cmd/smsgauge serve)")
	os.Exit(2)
}
