// Command cmd writes testdata/corpus/mixed.txt, the benchmark corpus (see
// package corpus). Run it from the repository root with go generate.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/smsgauge/sms/internal/gen/corpus"
)

func main() {
	out := flag.String("out", "testdata/corpus/mixed.txt", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, corpus.Format(corpus.Bodies()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
