package main

import (
	"context"
	"encoding/json"
	"errors"
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

const batchAbout = `A priced campaign estimate: reads rows with a to number and a body (CSV
with a header, or JSON lines {"id":..,"to":"+1..","body":".."}), prices
each one with -pricing, writes one result row per input row, in order
(line, id, region, encoding, segments, price per segment, cost, error), and
prints the totals on standard error. Exit code 1 if any row failed.

-jsonl reads and writes JSON lines; it is the same priced estimate. For one
analysis line per message in a pipeline (addresses, smart encoding, no
prices), use smsgauge --jsonl instead.`

// Spellings of -input and -output that name JSON lines too.
var formatAliases = map[string]string{"ndjson": "jsonl", "json": "jsonl"}

// Spellings of -number-type that batch.ParseNumberType accepts too.
var numberTypeAliases = map[string]string{
	"toll free": "toll-free", "tollfree": "toll-free", "toll_free": "toll-free",
	"short code": "shortcode", "short-code": "shortcode", "short_code": "shortcode",
}

func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("batch", cmdUsage{
		synopsis: []string{"smsgauge batch [flags] [FILE]   (standard input when FILE is absent or -)"},
		about:    batchAbout,
	})
	var (
		in          = choiceAlias(fs.FlagSet, "input", "", []string{"csv", "jsonl"}, formatAliases, "input `format`: csv or jsonl (default: jsonl for *.jsonl / *.ndjson files, else csv)")
		jsonl       = fs.Bool("jsonl", false, "JSON lines in and out (-input jsonl -output jsonl): the same priced estimate as CSV; for per-message analysis lines use smsgauge --jsonl")
		outFmt      = choiceAlias(fs.FlagSet, "output", "", []string{"csv", "jsonl"}, formatAliases, "output `format`: csv or jsonl (default: the input format)")
		outFile     = fs.String("o", "", "write rows to this `file` instead of standard output")
		idCol       = fs.String("id-col", "id", "CSV `column` of the row id (optional: without it the id stays empty and the line column identifies the row)")
		toCol       = fs.String("to-col", "to", "CSV `column` of the destination number (E.164)")
		fromCol     = fs.String("from-col", "from", "CSV `column` of the sender (optional)")
		bodyCol     = fs.String("body-col", "body", "CSV `column` of the message body")
		pricing     = fs.String("pricing", "", "Twilio Messaging Countries pricing JSON: a file or a directory of *.json")
		numberType  = choiceAlias(fs.FlagSet, "number-type", "local", []string{"local", "mobile", "toll-free", "shortcode"}, numberTypeAliases, "with -pricing: the sender number `type` to price")
		carrier     = choice(fs.FlagSet, "carrier", "max", []string{"max", "min"}, "with -pricing: the price when carriers differ: max (upper bound) or min")
		basePrice   = fs.Bool("base-price", false, "with -pricing: use base_price (list price) instead of current_price")
		smart       = &smartFlag{}
		suggest     = fs.Bool("suggest", false, "also estimate the cheapest body sms.Suggest finds")
		udh16       = fs.Bool("udh16", false, "16-bit concatenation reference: 152 septets / 66 units per segment")
		strict      = fs.Bool("strict", false, "stop at the first failed row")
		workers     = fs.Int("workers", 0, "worker goroutines: 0 for one per core")
		batchKB     = fs.Int("batch-kb", 256, "input KiB per batch handed to a worker: 0 for 256")
		summaryJSON = fs.Bool("summary-json", false, "print the summary as one JSON object on standard error")
		exact       = fs.Bool("exact-regions", false, "look up every number's region (slower) instead of once per 7-digit prefix")
		noProgress  = fs.Bool("no-progress", false, "never show a progress bar (it is shown only when standard error is a terminal)")
		cpuProfile  = fs.String("cpuprofile", "", "write a CPU profile (pprof) of the run to this `file`")
		maxBody     = byteSize(defaultMaxBody)
	)
	fs.Var(&maxBody, "max-body", "the longest row (CSV record or JSON line), such as 4MiB; a longer row is an error row, never cut short")
	fs.Var(smart, "smart", "also estimate with Twilio smart encoding (SmartEncoded=true): -smart or -smart calculator (always substitute), -smart gsm-only (only when the result is all GSM-7)")
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return fs.usageError(stderr, fmt.Sprintf("at most one input file, got %d: %q", len(pos), pos))
	}
	if *workers < 0 {
		return fs.usageError(stderr, fmt.Sprintf("invalid value %d for -workers: want 0 (one per core) or more", *workers))
	}
	if *batchKB < 0 {
		return fs.usageError(stderr, fmt.Sprintf("invalid value %d for -batch-kb: want 0 (256 KiB) or more", *batchKB))
	}
	if *pricing == "" {
		for _, name := range []string{"number-type", "carrier", "base-price"} {
			if fs.isSet(name) {
				return fs.usageError(stderr, "-"+name+" needs -pricing: it chooses among the prices of a pricing file")
			}
		}
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
	path := ""
	if len(pos) == 1 {
		path = pos[0]
	}
	inName := *in
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
	o.Input = format(inName)
	o.Output = o.Input
	if *jsonl {
		o.Output = batch.JSONL
	}
	if *outFmt != "" {
		o.Output = format(*outFmt)
	}
	if *pricing != "" {
		var err error
		if o.Pricing, err = batch.LoadPricing(*pricing); err != nil {
			return fail(err)
		}
		if o.Price.NumberType, err = batch.ParseNumberType(*numberType); err != nil {
			return fail(err)
		}
		o.Price.Carrier = batch.CarrierMax
		if *carrier == "min" {
			o.Price.Carrier = batch.CarrierMin
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

// format is the batch.Format of a -input or -output value.
func format(s string) batch.Format {
	if s == "jsonl" {
		return batch.JSONL
	}
	return batch.CSV
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
