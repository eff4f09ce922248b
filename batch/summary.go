package batch

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Summary totals a batch run. Totals count the rows that succeeded; failed
// rows are counted in Failed and listed (the first Options.MaxFailed of
// them) in FailedRows. One kind of failed row is also in the totals: a row
// whose country has no price (Unpriced), which Twilio would send, so its
// segments count though its cost is unknown.
type Summary struct {
	Rows        int64 `json:"rows"`                        // rows written, successes and failures
	Messages    int64 `json:"messages"`                    // rows that succeeded
	Segments    int64 `json:"segments"`                    // of the messages and the unpriced rows
	Cost        Money `json:"cost"`                        // of the messages; see CostOverflow
	Unpriced    int64 `json:"unpriced,omitempty"`          // failed rows without a price whose segments count
	UnpricedSeg int64 `json:"unpriced_segments,omitempty"` // their segments, part of Segments
	// CostOverflow: a cost did not fit in Money. The totals of Cost are
	// then not the sum of the rows: Run also returns the *MoneyError.
	CostOverflow bool      `json:"cost_overflow,omitempty"`
	Currency     string    `json:"currency,omitempty"`
	Bytes        int64     `json:"bytes"` // input bytes consumed
	ByRegion     []Group   `json:"by_region"`
	ByEncoding   []Group   `json:"by_encoding"`
	Smart        *Savings  `json:"smart,omitempty"`   // with Options.Smart
	Suggest      *Savings  `json:"suggest,omitempty"` // with Options.Suggest
	Failed       int64     `json:"failed"`
	FailedRows   []RowFail `json:"failed_rows"`
	Truncated    bool      `json:"failed_rows_truncated,omitempty"` // more failures than listed
	Interrupted  bool      `json:"interrupted,omitempty"`           // the context was cancelled
	Stopped      bool      `json:"stopped,omitempty"`               // Strict stopped at a failure
}

// Group is the total of the rows of one region or one encoding.
type Group struct {
	Key      string `json:"key"` // "US", "GSM-7"; "" for rows without a to column
	Messages int64  `json:"messages"`
	Segments int64  `json:"segments"` // of the messages and the unpriced rows
	Cost     Money  `json:"cost"`
	Unpriced int64  `json:"unpriced,omitempty"` // failed rows without a price, whose segments count
}

// Savings counts the rows that a change of body would make cheaper: smart
// encoding (Twilio's SmartEncoded=true) or the sms.Suggest body.
type Savings struct {
	Rows     int64 `json:"rows"`     // rows with fewer segments
	Segments int64 `json:"segments"` // segments saved in all
	Cost     Money `json:"cost"`     // money saved in all
}

// RowFail is one failed row of the summary.
type RowFail struct {
	Line  int64  `json:"line"`
	ID    string `json:"id,omitempty"`
	Error string `json:"error"`
}

// cell is the total of one region and encoding.
type cell struct {
	msgs, segs int64
	unpriced   int64 // rows without a price; their segments are in segs
	useg       int64 // the segments of those rows
	cost       Money
}

// tally is a summary under construction: per batch, then for the run.
type tally struct {
	cells   [(numRegions + 1) * 2]cell
	touched []int32
	rows    int64
	smart   Savings
	suggest Savings
	failed  int64
	fails   []RowFail
	err     error // a money overflow
}

func (t *tally) reset() {
	for _, i := range t.touched {
		t.cells[i] = cell{}
	}
	t.touched = t.touched[:0]
	t.rows, t.failed = 0, 0
	t.smart, t.suggest = Savings{}, Savings{}
	t.fails = t.fails[:0]
	t.err = nil
}

func (t *tally) add(region int, ucs2 bool, segs int64, cost Money) {
	i := region * 2
	if ucs2 {
		i++
	}
	c := &t.cells[i]
	if c.msgs == 0 && c.segs == 0 && c.unpriced == 0 {
		t.touched = append(t.touched, int32(i))
	}
	c.msgs++
	c.segs += segs
	var err error
	if c.cost, err = c.cost.Add(cost); err != nil {
		c.cost = math.MaxInt64 // saturated, and flagged: never a wrapped sum
		if t.err == nil {
			t.err = err
		}
	}
}

// addUnpriced counts a row without a price: its segments, not its cost.
func (t *tally) addUnpriced(region int, ucs2 bool, segs int64) {
	i := region * 2
	if ucs2 {
		i++
	}
	c := &t.cells[i]
	if c.msgs == 0 && c.segs == 0 && c.unpriced == 0 {
		t.touched = append(t.touched, int32(i))
	}
	c.unpriced++
	c.segs += segs
	c.useg += segs
}

func addSavings(s *Savings, t *tally, rows, segs int64, cost Money) {
	s.Rows += rows
	s.Segments += segs
	var err error
	if s.Cost, err = s.Cost.Add(cost); err != nil {
		s.Cost = math.MaxInt64
		if t.err == nil {
			t.err = err
		}
	}
}

// merge adds the batch tally b into t, keeping at most maxFails failures.
func (t *tally) merge(b *tally, maxFails int) {
	for _, i := range b.touched {
		bc := &b.cells[i]
		c := &t.cells[i]
		if c.msgs == 0 && c.segs == 0 && c.unpriced == 0 {
			t.touched = append(t.touched, i)
		}
		c.msgs += bc.msgs
		c.segs += bc.segs
		c.unpriced += bc.unpriced
		c.useg += bc.useg
		var err error
		if c.cost, err = c.cost.Add(bc.cost); err != nil {
			c.cost = math.MaxInt64
			if t.err == nil {
				t.err = err
			}
		}
	}
	t.rows += b.rows
	addSavings(&t.smart, t, b.smart.Rows, b.smart.Segments, b.smart.Cost)
	addSavings(&t.suggest, t, b.suggest.Rows, b.suggest.Segments, b.suggest.Cost)
	t.failed += b.failed
	for _, f := range b.fails {
		if len(t.fails) < maxFails {
			t.fails = append(t.fails, f)
		}
	}
	if b.err != nil && t.err == nil {
		t.err = b.err
	}
}

// summary builds the Summary of the tally.
func (t *tally) summary(o *Options, currency string) Summary {
	s := Summary{Rows: t.rows, Failed: t.failed, Currency: currency, CostOverflow: t.err != nil}
	sum := func(a, b Money) Money {
		v, err := a.Add(b)
		if err != nil {
			s.CostOverflow = true
			return math.MaxInt64 // shown as an overflow, never as a total
		}
		return v
	}
	s.FailedRows = append([]RowFail{}, t.fails...)
	s.Truncated = t.failed > int64(len(t.fails))
	regions := map[int]*Group{}
	enc := [2]Group{{Key: "GSM-7"}, {Key: "UCS-2"}}
	for _, i := range t.touched {
		c := t.cells[i]
		r := int(i) / 2
		g := regions[r]
		if g == nil {
			g = &Group{Key: regionName(r)}
			regions[r] = g
		}
		g.Messages += c.msgs
		g.Segments += c.segs
		g.Unpriced += c.unpriced
		g.Cost = sum(g.Cost, c.cost)
		e := &enc[i%2]
		e.Messages += c.msgs
		e.Segments += c.segs
		e.Unpriced += c.unpriced
		e.Cost = sum(e.Cost, c.cost)
		s.Messages += c.msgs
		s.Segments += c.segs
		s.Unpriced += c.unpriced
		s.Cost = sum(s.Cost, c.cost)
		s.UnpricedSeg += c.useg
	}
	s.ByRegion = []Group{}
	for _, g := range regions {
		s.ByRegion = append(s.ByRegion, *g)
	}
	sort.Slice(s.ByRegion, func(a, b int) bool { return s.ByRegion[a].Key < s.ByRegion[b].Key })
	s.ByEncoding = []Group{}
	for _, e := range enc {
		if e.Messages > 0 || e.Unpriced > 0 {
			s.ByEncoding = append(s.ByEncoding, e)
		}
	}
	if o.Smart {
		sv := t.smart
		s.Smart = &sv
	}
	if o.Suggest {
		sv := t.suggest
		s.Suggest = &sv
	}
	return s
}

// TextFailedRows is how many failed rows WriteText lists.
const TextFailedRows = 20

// WriteText writes the summary for people, as the command prints it on
// standard error.
func (s Summary) WriteText(w io.Writer) error {
	var b strings.Builder
	cur := s.Currency
	money := func(m Money) string {
		if cur == "" {
			return "-"
		}
		return m.String() + " " + cur
	}
	unpriced := func(g Group) string {
		if g.Unpriced == 0 {
			return ""
		}
		return " (+" + plural(g.Unpriced, "row") + " without a price)"
	}
	gmoney := func(g Group) string {
		if g.Messages == 0 && g.Unpriced > 0 {
			return "no price"
		}
		return money(g.Cost)
	}
	state := ""
	if s.Interrupted {
		state = " (interrupted)"
	} else if s.Stopped {
		state = " (stopped at the first failure: -strict)"
	}
	if s.CostOverflow {
		// Never a capped total: the sum does not fit.
		money = func(m Money) string {
			if cur == "" {
				return "-"
			}
			return "overflow (not a total)"
		}
	}
	fmt.Fprintf(&b, "smsgauge batch: %s%s, %s, %s, cost %s, %d failed\n",
		plural(s.Rows, "row"), state, plural(s.Messages, "message"), plural(s.Segments, "segment"), money(s.Cost), s.Failed)
	if s.Unpriced > 0 {
		if s.Unpriced == 1 {
			fmt.Fprintf(&b, "1 failed row has no price: its %s counted above, its cost is not\n", isAre(s.UnpricedSeg, "segment"))
		} else {
			fmt.Fprintf(&b, "%d failed rows have no price: their %s counted above, their cost is not\n", s.Unpriced, isAre(s.UnpricedSeg, "segment"))
		}
	}
	if len(s.ByEncoding) > 0 {
		b.WriteString("by encoding:\n")
		for _, g := range s.ByEncoding {
			fmt.Fprintf(&b, "  %-6s %10d %-8s %12d %-8s  %s%s\n", g.Key, g.Messages, words(g.Messages, "message"), g.Segments, words(g.Segments, "segment"), gmoney(g), unpriced(g))
		}
	}
	if len(s.ByRegion) > 1 || (len(s.ByRegion) == 1 && s.ByRegion[0].Key != "") {
		b.WriteString("by region:\n")
		for _, g := range s.ByRegion {
			k := g.Key
			if k == "" {
				k = "-"
			}
			fmt.Fprintf(&b, "  %-6s %10d %-8s %12d %-8s  %s%s\n", k, g.Messages, words(g.Messages, "message"), g.Segments, words(g.Segments, "segment"), gmoney(g), unpriced(g))
		}
	}
	if s.Smart != nil {
		fmt.Fprintf(&b, "smart encoding would make %s cheaper: %s, %s saved\n", plural(s.Smart.Rows, "row"), plural(s.Smart.Segments, "segment"), money(s.Smart.Cost))
	}
	if s.Suggest != nil {
		fmt.Fprintf(&b, "the suggested bodies would make %s cheaper: %s, %s saved\n", plural(s.Suggest.Rows, "row"), plural(s.Suggest.Segments, "segment"), money(s.Suggest.Cost))
	}
	if s.Failed > 0 {
		fmt.Fprintf(&b, "failed rows (%d):\n", s.Failed)
		n := 0
		for _, f := range s.FailedRows {
			if n == TextFailedRows {
				break
			}
			b.WriteString("  ")
			b.WriteString(strings.TrimPrefix(f.Error, "sms: "))
			b.WriteString("\n")
			n++
		}
		if more := s.Failed - int64(n); more > 0 {
			fmt.Fprintf(&b, "  ... and %d more (the error column of the output has them all)\n", more)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural is "1 row", "2 rows": n and word, with an s unless n is 1.
func plural(n int64, word string) string {
	return strconv.FormatInt(n, 10) + " " + words(n, word)
}

// words is word for one, word with an s for any other count.
func words(n int64, word string) string {
	if n == 1 || n == -1 {
		return word
	}
	return word + "s"
}

// isAre is "1 segment is", "2 segments are".
func isAre(n int64, word string) string {
	if n == 1 {
		return plural(n, word) + " is"
	}
	return plural(n, word) + " are"
}
