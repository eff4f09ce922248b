// Command joiners generates internal/grapheme/zjoiners_table.go, the runes that can share a
// grapheme cluster with a neighbour, by probing rivo/uniseg.
//
// Usage, from the repository root (or through go generate in internal/grapheme):
//
//	go run ./internal/gen/joiners
package main

import (
	"flag"
	"log"
	"os"

	"github.com/smsgauge/sms/internal/tablegen"
)

func main() {
	out := flag.String("out", "internal/grapheme/zjoiners_table.go", "generated Go file (relative to the repository root)")
	flag.Parse()
	src, err := tablegen.Joiners()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
