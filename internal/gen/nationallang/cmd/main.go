// Command cmd writes pdu/znationallang_tables.go from pdu/testdata/nationallang.tsv.
// Run it from the repository root with go generate.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/smsgauge/sms/internal/gen/nationallang"
)

func main() {
	in := flag.String("in", "pdu/testdata/nationallang.tsv", "data file (relative to the repository root)")
	out := flag.String("out", "pdu/znationallang_tables.go", "Go file to write (relative to the repository root)")
	flag.Parse()
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	src, err := nationallang.Generate(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, *in+":", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
