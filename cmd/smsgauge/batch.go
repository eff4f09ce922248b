package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/smsgauge/sms/batch"
)

func init() {
	register(command{name: "batch", usage: "estimate a campaign: CSV or JSON lines in, one priced row per row out", run: runBatch})
}

const batchUsage = `usage: smsgauge batch [flags] [FILE]   (standard input when FILE is absent or -)

Reads rows with a to number and a body (CSV with a header, or JSON lines
{"id":..,"to":"+1..","body":".."}), writes one result row per input row, in
order (line, id, region, encoding, segments, price per segment, cost, error),
and prints a summary on standard error. Exit code 1 if any row failed.

flags:
`

func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, batchUsage); fs.PrintDefaults() }
	var (
		in          = fs.String("input", "", "input format: csv or jsonl (default: jsonl for *.jsonl / *.ndjson files, else csv)")
		jsonl       = fs.Bool("jsonl", false, "shorthand for -input jsonl -output jsonl")
		outFmt      = fs.String("output", "", "output format: csv or jsonl (default: the input format)")
		outFile     = fs.String("o", "", "write rows to this file instead of standard output")
		idCol       = fs.String("id-col", "id", "CSV column of the row id (optional; the line number otherwise)")
		toCol       = fs.String("to-col", "to", "CSV column of the destination number (E.164)")
		fromCol     = fs.String("from-col", "from", "CSV column of the sender (optional)")
		bodyCol     = fs.String("body-col", "body", "CSV column of the message body")
		pricing     = fs.String("pricing", "", "Twilio Messaging Countries pricing JSON: a file or a directory of *.json")
		numberType  = fs.String("number-type", "local", "sender number type to price: local, mobile, toll free, shortcode")
		carrier     = fs.String("carrier", "max", "price when carriers differ: max (upper bound) or min")
		basePrice   = fs.Bool("base-price", false, "use base_price (list price) instead of current_price")
		smart       = &smartFlag{}
		suggest     = fs.Bool("suggest", false, "also estimate the cheapest body sms.Suggest finds")
		udh16       = fs.Bool("udh16", false, "16-bit concatenation reference: 152 septets / 66 units per segment")
		strict      = fs.Bool("strict", false, "stop at the first failed row")
		workers     = fs.Int("workers", 0, "worker goroutines (default: one per core)")
		batchKB     = fs.Int("batch-kb", 256, "input KiB per batch handed to a worker")
		summaryJSON = fs.Bool("summary-json", false, "print the summary as one JSON object on standard error")
		exact       = fs.Bool("exact-regions", false, "look up every number's region (slower) instead of once per 7-digit prefix")
		noProgress  = fs.Bool("no-progress", false, "never show a progress bar (it is shown only when standard error is a terminal)")
		cpuProfile  = fs.String("cpuprofile", "", "write a CPU profile (pprof) of the run to this file")
		maxBody     = byteSize(defaultMaxBody)
	)
	fs.Var(&maxBody, "max-body", "the longest row (CSV record or JSON line), such as 4MiB; a longer row is an error row, never cut short")
	fs.Var(smart, "smart", "also estimate with Twilio smart encoding (SmartEncoded=true): -smart or -smart=calculator (always substitute), -smart=gsm-only (only when the result is all GSM-7)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "smsgauge batch: at most one input file")
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "smsgauge batch:", strings.TrimPrefix(err.Error(), "sms: "))
		return 2
	}

	o := batch.Options{
		IDColumn: *idCol, ToColumn: *toCol, FromColumn: *fromCol, BodyColumn: *bodyCol,
		UDH16: *udh16, Smart: smart.on, SmartPolicy: smart.policy, Suggest: *suggest, Strict: *strict, Workers: *workers, BatchBytes: *batchKB << 10,
		ExactRegions: *exact, MaxRecordBytes: int(maxBody),
	}
	path := fs.Arg(0)
	inName := strings.ToLower(*in)
	if *jsonl {
		inName = "jsonl"
	}
	if inName == "" {
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".jsonl" || ext == ".ndjson" {
			inName = "jsonl"
		} else {
			inName = "csv"
		}
	}
	var err error
	if o.Input, err = parseFormat(inName); err != nil {
		return fail(err)
	}
	o.Output = o.Input
	if *jsonl {
		o.Output = batch.JSONL
	}
	if *outFmt != "" {
		if o.Output, err = parseFormat(*outFmt); err != nil {
			return fail(err)
		}
	}
	if *pricing != "" {
		if o.Pricing, err = batch.LoadPricing(*pricing); err != nil {
			return fail(err)
		}
		if o.Price.NumberType, err = batch.ParseNumberType(*numberType); err != nil {
			return fail(err)
		}
		switch strings.ToLower(*carrier) {
		case "max":
			o.Price.Carrier = batch.CarrierMax
		case "min":
			o.Price.Carrier = batch.CarrierMin
		default:
			return fail(fmt.Errorf("-carrier %q: want max or min", *carrier))
		}
		o.Price.Base = *basePrice
	}

	r := stdin
	size := int64(-1)
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		r = f
	} else {
		if f, ok := stdin.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				size = st.Size()
			}
		}
		terminalHint(stdin, stderr, "smsgauge batch: reading "+o.Input.String()+" rows from the terminal")
	}
	w := stdout
	if *outFile != "" {
		f, err := os.Create(*outFile)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		w = f
	}

	if f, ok := stderr.(*os.File); ok && !*noProgress && term.IsTerminal(int(f.Fd())) {
		bar := newProgress(stderr, size)
		o.Progress = bar.update
		defer bar.finish()
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(err)
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}

	ctx, stop := interruptContext("smsgauge batch", stderr)
	defer stop()
	sum, runErr := o.Run(ctx, r, w)
	if o.Progress != nil {
		o.Progress(-1, -1) // clear the bar before the summary
	}
	if errors.Is(runErr, batch.ErrMoney) {
		// Before the summary, which then shows no capped total.
		fmt.Fprintln(stderr, "smsgauge batch:", strings.TrimPrefix(runErr.Error(), "sms: "), "(the costs do not fit in Money: the totals below are not sums)")
	}
	if *summaryJSON {
		enc := json.NewEncoder(stderr)
		if err := enc.Encode(sum); err != nil {
			return fail(err)
		}
	} else {
		sum.WriteText(stderr)
	}
	switch {
	case errors.Is(runErr, context.Canceled):
		fmt.Fprintln(stderr, "smsgauge batch: interrupted; the rows above were written whole")
		return exitInterrupted
	case errors.Is(runErr, batch.ErrMoney):
		return 2
	case errors.Is(runErr, batch.ErrInput) && sum.Rows == 0:
		return fail(runErr)
	case runErr != nil:
		fmt.Fprintln(stderr, "smsgauge batch:", strings.TrimPrefix(runErr.Error(), "sms: "))
		return 2
	case sum.Failed > 0:
		return 1
	}
	return 0
}

func parseFormat(s string) (batch.Format, error) {
	switch strings.ToLower(s) {
	case "csv":
		return batch.CSV, nil
	case "jsonl", "ndjson", "json":
		return batch.JSONL, nil
	}
	return 0, fmt.Errorf("unknown format %q: want csv or jsonl", s)
}

// progress is the progress bar shown on a terminal: input bytes with rate
// and ETA when the input size is known, rows and rows/s in its description;
// a row counter with its rate otherwise.
type progress struct {
	bar   *progressbar.ProgressBar
	known bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, size int64) *progress {
	p := &progress{start: time.Now(), known: size >= 0}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionThrottle(200 * time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	}
	if p.known {
		opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowDescriptionAtLineEnd())
		p.bar = progressbar.NewOptions64(size, opts...)
	} else {
		opts = append(opts, progressbar.OptionShowIts(), progressbar.OptionSetItsString("rows"),
			progressbar.OptionShowCount(), progressbar.OptionSpinnerType(14))
		p.bar = progressbar.NewOptions64(-1, opts...)
	}
	return p
}

// update is batch.Options.Progress; (-1, -1) clears the bar.
func (p *progress) update(rows, bytes int64) {
	if rows < 0 {
		p.bar.Clear()
		return
	}
	if !p.known {
		p.bar.Set64(rows)
		return
	}
	now := time.Now()
	if now.Sub(p.last) >= 200*time.Millisecond {
		p.last = now
		rate := float64(rows) / now.Sub(p.start).Seconds()
		p.bar.Describe(fmt.Sprintf("%d rows, %.0f rows/s", rows, rate))
	}
	p.bar.Set64(bytes)
}

func (p *progress) finish() { p.bar.Exit() }
