// Command gsm7 generates internal/gsm7/zgsm7_table.go from testdata/gsm7.tsv.
//
// Usage, from the repository root (or through go generate in internal/gsm7):
//
//	go run ./internal/gen/gsm7
package main

import (
	"flag"
	"log"
	"os"

	"github.com/smsgauge/sms/internal/tablegen"
)

func main() {
	in := flag.String("in", "testdata/gsm7.tsv", "table data (relative to the repository root)")
	out := flag.String("out", "internal/gsm7/zgsm7_table.go", "generated Go file (relative to the repository root)")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	src, err := tablegen.GSM7(f)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
