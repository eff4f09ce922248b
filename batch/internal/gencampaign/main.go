// Command gencampaign writes a synthetic campaign CSV (id,to,body) of about
// the given size to standard output, for measuring smsgauge batch:
//
//	go run ./batch/internal/gencampaign -size 1GB > /tmp/campaign.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/smsgauge/sms/batch/internal/campaign"
)

func main() {
	size := flag.String("size", "100MB", "output size: bytes, or with a KB/MB/GB suffix (powers of 10)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencampaign:", err)
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	r := &campaign.Reader{G: campaign.New(*seed), Size: n}
	if _, err := io.Copy(w, r); err != nil {
		fmt.Fprintln(os.Stderr, "gencampaign:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencampaign:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencampaign: %d rows\n", r.Rows)
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	u := strings.ToUpper(s)
	for _, x := range []struct {
		suf string
		m   int64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}} {
		if strings.HasSuffix(u, x.suf) {
			mult, u = x.m, strings.TrimSuffix(u, x.suf)
			break
		}
	}
	v, err := strconv.ParseInt(u, 10, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return v * mult, nil
}
