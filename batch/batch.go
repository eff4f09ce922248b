// Package batch estimates a whole campaign before it is sent: it reads rows
// of (to, body) as CSV or JSON lines, analyses every body with the sms
// package, prices it with Twilio's Messaging pricing data, and writes one
// result row per input row, in input order, with a summary at the end.
//
// It streams: memory stays constant whatever the input size. Rows are cut
// into batches that a pool of workers (one per core) analyse in parallel; a
// writer puts the batches back in input order. A bad row (malformed CSV, a
// JSON line not read exactly as typed, invalid UTF-8, empty body, bad number,
// bad sender, a body over 1,600 UTF-16 units, country without a price)
// becomes an error row with its line number and the run goes on, so the
// output always has exactly one row per input row. An error row found after
// the body was analysed (sender, length, price) keeps the analysis.
package batch

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/ctxio"
)

// Format is an input or output format.
type Format uint8

const (
	// CSV with a header row (RFC 4180).
	CSV Format = iota
	// JSONL is JSON lines: one JSON object per line.
	JSONL
)

// String returns "csv" or "jsonl".
func (f Format) String() string {
	if f == JSONL {
		return "jsonl"
	}
	return "csv"
}

// Options configures a batch run. The zero value reads and writes CSV with
// columns id, to, from and body, uses every core, and prices nothing.
type Options struct {
	Input  Format // CSV (default) or JSONL
	Output Format // CSV (default) or JSONL

	// CSV column names; "" means the default: "id", "to", "from", "body".
	// Only body is required. A header without an id column leaves the id
	// of every row empty: the line column, always written, identifies the
	// row. JSON lines always use the keys id, to, from and
	// body (the --jsonl contract of the smsgauge command).
	IDColumn, ToColumn, FromColumn, BodyColumn string

	// Pricing prices each row: the price of one segment to the region of
	// its to number, chosen by Price. Nil prices nothing (price columns are
	// empty). A row whose country has no price is an error row that keeps
	// its analysis; the Summary counts its segments (Unpriced).
	Pricing *Pricing
	Price   PriceOptions

	// Region maps a to number to its region; nil means PhoneRegion, or
	// PhoneRegionExact with ExactRegions. Answers are cached per worker by
	// the prefix the function claims (see RegionFunc), unless ExactRegions
	// is set, which calls it for every row.
	Region       RegionFunc
	ExactRegions bool

	UDH16 bool // 16-bit concatenation reference (152 septets / 66 units)
	// Smart also analyses the body as Twilio sends it with
	// SmartEncoded=true, under SmartPolicy (the calculator's by default).
	Smart       bool
	SmartPolicy sms.SmartPolicy
	// Suggest also analyses the cheapest body sms.Suggest finds (NFC and
	// smart encoding; it allocates, so it costs more per row).
	Suggest bool

	// Strict stops at the first failed row (after writing it).
	Strict bool

	// The sizes take any int: out of range, each is brought to its limit,
	// so that memory stays bounded whatever they are set to.
	Workers        int // <= 0 means runtime.GOMAXPROCS(0); at most MaxWorkers
	BatchBytes     int // input bytes per batch; <= 0 means 256 KiB; at most MaxBatchBytes
	MaxRecordBytes int // longest row (CSV record or JSON line, without its line end); <= 0 means 1 MiB; at most MaxRecordLimit
	MaxFailed      int // failed rows listed in the Summary; 0 means 1000, < 0 none

	// Progress, if not nil, is called from the writer after each batch with
	// the rows written so far and the input bytes consumed.
	Progress func(rows, bytes int64)
}

// Limits of the sizes of Options.
const (
	MaxWorkers     = 64
	MaxBatchBytes  = 4 << 20
	MaxRecordLimit = 256 << 20 // rows are cut with 32-bit offsets: a buffer holds at most two
)

func (o *Options) defaults() {
	if o.IDColumn == "" {
		o.IDColumn = "id"
	}
	if o.ToColumn == "" {
		o.ToColumn = "to"
	}
	if o.FromColumn == "" {
		o.FromColumn = "from"
	}
	if o.BodyColumn == "" {
		o.BodyColumn = "body"
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	o.Workers = min(o.Workers, MaxWorkers)
	if o.BatchBytes <= 0 {
		o.BatchBytes = 256 << 10
	}
	o.BatchBytes = min(o.BatchBytes, MaxBatchBytes)
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = 1 << 20
	}
	o.MaxRecordBytes = min(o.MaxRecordBytes, MaxRecordLimit)
	if o.MaxFailed == 0 {
		o.MaxFailed = 1000
	}
	if o.MaxFailed < 0 {
		o.MaxFailed = 0
	}
	if o.Region == nil {
		o.Region = PhoneRegion
		if o.ExactRegions {
			o.Region = PhoneRegionExact
		}
	}
}

// Field roles of a row.
const (
	fID = iota
	fTo
	fFrom
	fBody
	nRoles
)

// row is one input row as the reader cut it.
type row struct {
	line int64
	f    [nRoles]span // CSV fields; for JSONL f[fBody] is the whole line
	err  *RowError    // set by the reader: malformed, too long
}

// batch is a run of consecutive rows and, once processed, their output.
type batch struct {
	seq    int
	in     []byte
	rows   []row
	inEnd  int64 // input offset after the batch
	out    []byte
	tally  tally
	stopAt int // Strict: index of the first failed row (the last written), else -1
}

// Run reads rows from r, writes one result row per input row to w (CSV with
// a header, or JSON lines) and returns the summary. It returns an error wrapping
// ErrInput if the input cannot be read at all (no header, no body column,
// a read error) and the context's error if ctx is cancelled; in both cases
// every row read before the stop has been written and the Summary counts
// them. Failed rows are not errors of Run: see Summary.Failed.
//
// Cancelling ctx stops the run within moments even while a Read of r is
// blocked (a terminal, a silent pipe): the rows already read whole are
// analysed and written, a row cut by the stop is not, and that Read goes
// on in the background until r returns.
func (o Options) Run(ctx context.Context, r io.Reader, w io.Writer) (Summary, error) {
	o.defaults()
	if ctx.Done() != nil {
		r = ctxio.NewReader(ctx, r)
	}
	p, err := newPipeline(&o, r, w)
	if err != nil {
		return Summary{}, err
	}
	return p.run(ctx)
}

type pipeline struct {
	o        *Options
	r        io.Reader
	w        io.Writer
	currency string
	prices   [numRegions]priceEntry
	cols     [nRoles]int // CSV column of each role, -1 if absent
	nCols    int
	colRole  []int8       // role of each CSV column, -1 if none (fastRecord)
	absent   [nRoles]span // a row's fields before parsing: every role absent
	free     chan *batch
	readErr  error
	cut      bool // the context ended a read: no more input, and the last row read may be partial
	total    tally
	bytesIn  int64
}

type priceEntry struct {
	price Money
	err   error
	ok    bool
	text  []byte            // price.String()
	tails [costCache][]byte // ",price,cost,currency,\n" of a CSV row of n segments, n < costCache
	// tailFixed holds the same as fixed texts, for appendCSVFast.
	tailFixed [costCache]text48
}

// costCache is how many segment counts have their cost text precomputed.
const costCache = 16

func newPipeline(o *Options, r io.Reader, w io.Writer) (*pipeline, error) {
	p := &pipeline{o: o, r: r, w: w}
	if o.Pricing != nil {
		p.currency = o.Pricing.Unit()
		for i := range p.prices {
			m, err := o.Price.Price(o.Pricing, regionName(i))
			p.prices[i] = priceEntry{price: m, err: err, ok: err == nil}
			if err == nil {
				pe := &p.prices[i]
				pe.text = m.Append(nil)
				for n := range costCache {
					if c, err := m.Mul(int64(n)); err == nil {
						t := append([]byte{','}, pe.text...)
						t = append(t, ',')
						t = c.Append(t)
						t = append(t, ',')
						t = append(t, p.currency...)
						pe.tails[n] = append(t, ",\n"...)
						pe.tailFixed[n] = newText48(string(pe.tails[n]))
					}
				}
			}
		}
	}
	return p, nil
}

func (p *pipeline) run(ctx context.Context) (Summary, error) {
	o := p.o
	slots := 2*o.Workers + 2
	p.free = make(chan *batch, slots)
	for range slots {
		p.free <- &batch{}
	}
	work := make(chan *batch, slots)
	done := make(chan *batch, slots)

	// Header (CSV) comes first: it decides the columns.
	first := <-p.free
	first.in = growTo(first.in, o.BatchBytes)
	n, eof, err := p.fill(ctx, first.in[:cap(first.in)], 0)
	first.in = first.in[:n]
	start := 0
	for err == nil && p.o.Input == CSV {
		start, err = p.header(first, eof)
		if err != errNeedMore {
			break
		}
		if p.cut {
			return Summary{Interrupted: true}, ctx.Err()
		}
		if cap(first.in) >= o.MaxRecordBytes+2 {
			err = &InputError{Reason: "CSV header longer than " + itoa(o.MaxRecordBytes) + " bytes"}
			break
		}
		nb := make([]byte, len(first.in), min(2*cap(first.in), o.MaxRecordBytes+2))
		copy(nb, first.in)
		n, eof, err = p.fill(ctx, nb[:cap(nb)], len(nb))
		first.in = nb[:n]
	}
	if err != nil {
		if _, ok := err.(*InputError); !ok {
			err = &InputError{Reason: err.Error()}
		}
		return Summary{}, err
	}

	stopRead := make(chan struct{})
	var stopOnce sync.Once
	stop := func() { stopOnce.Do(func() { close(stopRead) }) }

	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer close(work)
		p.read(ctx, stopRead, first, start, eof, work)
	}()

	var wg sync.WaitGroup
	for range o.Workers {
		wk := newWorker(p)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				wk.process(b)
				done <- b
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()

	// The writer: put batches back in order.
	var werr error
	header := p.outHeader()
	if _, err := p.w.Write(header); err != nil {
		werr = err
		stop()
	}
	pending := map[int]*batch{}
	nextSeq := 0
	stopped := false
	for b := range done {
		pending[b.seq] = b
		for {
			b, ok := pending[nextSeq]
			if !ok {
				break
			}
			delete(pending, nextSeq)
			nextSeq++
			if !stopped && werr == nil {
				if _, err := p.w.Write(b.out); err != nil {
					werr = err
					stop()
				} else {
					p.total.merge(&b.tally, o.MaxFailed)
					p.bytesIn = b.inEnd
					if o.Progress != nil {
						o.Progress(p.total.rows, p.bytesIn)
					}
				}
				if b.stopAt >= 0 {
					stopped = true
					stop()
				}
			}
			p.free <- b
		}
	}
	<-readerDone
	s := p.total.summary(o, p.currency)
	s.Bytes = p.bytesIn
	s.Stopped = stopped
	switch {
	case werr != nil:
		return s, werr
	case p.readErr != nil:
		return s, p.readErr
	case p.total.err != nil:
		return s, p.total.err
	case ctx.Err() != nil && !stopped:
		s.Interrupted = true
		return s, ctx.Err()
	}
	return s, nil
}

// header parses the CSV header from the first batch and returns the offset
// of the first row.
func (p *pipeline) header(b *batch, eof bool) (int, error) {
	buf := b.in
	start := 0
	if len(buf) >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
		start = 3 // a UTF-8 byte order mark
	}
	var c csvParser
	st, next := c.parse(buf, start, eof)
	switch st {
	case parsedNeedMore:
		if eof {
			return 0, &InputError{Reason: "empty input: no CSV header"}
		}
		return 0, errNeedMore
	case parsedMalformed:
		return 0, &InputError{Reason: "malformed CSV header: " + c.why}
	case parsedBlank:
		return 0, &InputError{Reason: "blank first line: no CSV header"}
	}
	for i := range p.cols {
		p.cols[i] = -1
	}
	names := [nRoles]string{p.o.IDColumn, p.o.ToColumn, p.o.FromColumn, p.o.BodyColumn}
	p.nCols = len(c.fields)
	for i, f := range c.fields {
		if c.esc[i] {
			f = unescape(buf, f)
		}
		name := strings.TrimSpace(string(f.bytes(buf)))
		for role, want := range names {
			if strings.EqualFold(name, want) {
				if p.cols[role] >= 0 {
					return 0, &InputError{Reason: "column " + want + " appears twice in the header"}
				}
				p.cols[role] = i
			}
		}
	}
	if p.cols[fBody] < 0 {
		return 0, &InputError{Reason: "no " + p.o.BodyColumn + " column in the CSV header"}
	}
	p.colRole = make([]int8, p.nCols)
	for i := range p.colRole {
		p.colRole[i] = -1
	}
	for role, col := range p.cols {
		p.absent[role] = span{0, -1}
		if col >= 0 {
			p.colRole[col] = int8(role)
		}
	}
	if p.o.Pricing != nil && p.cols[fTo] < 0 {
		return 0, &InputError{Reason: "pricing needs a " + p.o.ToColumn + " column in the CSV header"}
	}
	return next, nil
}

var errNeedMore = errors.New("need more")

// growTo returns b with a capacity of at least n.
func growTo(b []byte, n int) []byte {
	if cap(b) >= n {
		return b[:0]
	}
	return make([]byte, 0, n)
}

// fill is the package's fill, except that the end of ctx is not an error:
// it sets p.cut and reports that the input has not ended, so that the row
// the stop cut is never taken for a last row.
func (p *pipeline) fill(ctx context.Context, buf []byte, n int) (int, bool, error) {
	n, eof, err := fill(p.r, buf, n)
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		p.cut = true
		return n, false, nil
	}
	return n, eof, err
}

// fill reads into buf[n:] until it is full or the input ends. It returns the
// bytes now in buf and whether the input ended.
func fill(r io.Reader, buf []byte, n int) (int, bool, error) {
	for n < len(buf) {
		m, err := r.Read(buf[n:])
		n += m
		if err == io.EOF {
			return n, true, nil
		}
		if err != nil {
			return n, true, err
		}
		if m == 0 {
			continue
		}
	}
	return n, false, nil
}
