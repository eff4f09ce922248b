package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/internal/ctxio"
	"github.com/smsgauge/sms/internal/jsonrow"
)

// jsonlOut is one output line. The field names and meanings are a stable
// contract; later fields are only ever added.
type jsonlOut struct {
	ID          json.RawMessage `json:"id,omitempty"`
	Line        int             `json:"line,omitempty"`
	Encoding    *sms.Encoding   `json:"encoding,omitempty"`
	Segments    int             `json:"segments,omitempty"`
	Characters  *int            `json:"characters,omitempty"`
	Units       *int            `json:"units,omitempty"`
	SegmentBits []int           `json:"segment_bits,omitempty"`
	Smart       *smartJSONOut   `json:"smart,omitempty"`
	To          map[string]any  `json:"to,omitempty"`
	From        map[string]any  `json:"from,omitempty"`
	Error       string          `json:"error,omitempty"`
}

// runJSONL reads JSON lines {"id": ..., "body": "...", "to": "...", "from":
// "..."} (to and from optional) and writes one JSON line per input line, in
// order, with to and from objects {kind, normalized, region, valid, error}
// when the input had them. A line that is not read exactly as typed (not
// one JSON object, invalid UTF-8, a lone surrogate escape, a key given
// twice or in two cases, text after the object, a body that is not a
// string, a line longer than -max-body) gets {"id", "line", "error"}, the
// error naming the key and the byte offset, and the run goes on; the exit
// code is then 1. Blank lines are input lines too, and get an error.
// SIGINT or SIGTERM stops it within moments, even while it waits for
// input: the lines read whole are written, and the exit code is 130.
func runJSONL(opts sms.Options, sf *smartFlags, region string, limits *limitFlags, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := interruptContext("smsgauge", stderr)
	defer stop()
	terminalHint(stdin, stderr, "smsgauge --jsonl: reading JSON lines from the terminal")
	in := bufio.NewReaderSize(ctxio.NewReader(ctx, stdin), 1<<16)
	out := bufio.NewWriterSize(stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var dec jsonrow.Decoder
	var buf []byte
	limit := limits.limit()
	failed := 0
	line := 1
	for ; ; line++ {
		b, tooLong, err := readLine(in, limit, buf[:0])
		buf = b
		if err != nil && ctx.Err() != nil {
			// A line the interrupt cut is not a line: it is not written.
			out.Flush()
			fmt.Fprintf(stderr, "smsgauge: interrupted; the %s above written whole\n", wereWritten(line-1))
			return exitInterrupted
		}
		if len(b) == 0 && !tooLong && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		var o jsonlOut
		if tooLong {
			o = jsonlOut{Line: line, Error: (&BodyLimitError{What: "line " + strconv.Itoa(line), Limit: limit}).Error()}
		} else {
			o = jsonlLine(&dec, opts, sf, region, b, line)
		}
		if o.Error != "" {
			failed++
		}
		if err := enc.Encode(o); err != nil {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		if in.Buffered() == 0 {
			out.Flush() // nothing more at hand: show what is done
		}
		if err == io.EOF {
			break
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "smsgauge: %s failed\n", plural(failed, "line"))
		return 1
	}
	return 0
}

// wereWritten is "1 line was", "2 lines were".
func wereWritten(n int) string {
	if n == 1 {
		return "1 line was"
	}
	return plural(n, "line") + " were"
}

// readLine reads one line into buf, without its line end ("\n" or
// "\r\n"), holding at most limit bytes: a longer line is read to its end
// and dropped, and tooLong is set. err is io.EOF for the last line.
func readLine(in *bufio.Reader, limit int64, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		frag, err := in.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf))+int64(len(frag)) > limit+2 { // room for "\r\n"
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if !tooLong {
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			buf = bytes.TrimSuffix(buf, []byte("\r"))
			if int64(len(buf)) > limit {
				tooLong, buf = true, buf[:0]
			}
		}
		return buf, tooLong, err
	}
}

func jsonlLine(dec *jsonrow.Decoder, opts sms.Options, sf *smartFlags, region string, b []byte, line int) jsonlOut {
	r, jerr := dec.Decode(b)
	var id json.RawMessage
	if r.ID != nil {
		id = json.RawMessage(bytes.Clone(r.ID))
	}
	if jerr != nil {
		return jsonlOut{ID: id, Line: line, Error: jerr.Error()}
	}
	if !r.HasBody {
		return jsonlOut{ID: id, Line: line, Error: `no "body"`}
	}
	body := string(r.Body)
	a, err := opts.Analyze(body)
	if err != nil {
		return jsonlOut{ID: id, Line: line, Error: err.Error()}
	}
	o := jsonlOut{ID: id, Encoding: &a.Encoding, Segments: a.Segments, Characters: &a.Characters, Units: &a.Units}
	if id == nil {
		o.Line = line
	}
	o.SegmentBits = make([]int, 0, a.Segments)
	for s := range a.SplitSeq() {
		o.SegmentBits = append(o.SegmentBits, s.Bits)
	}
	// Addresses are checked, and reported, but do not fail the line: the
	// body's estimate stands whatever the numbers are.
	if r.HasTo {
		o.To = addressJSON(string(r.To), "to", region)
	}
	if r.HasFrom {
		o.From = addressJSON(string(r.From), "from", region)
	}
	if r.HasTo && r.HasFrom {
		routeJSON(string(r.To), string(r.From), region, o.To, o.From)
	}
	if sf != nil && sf.enabled() {
		sm, err := smartJSON(body, sf, opts)
		if err != nil {
			return jsonlOut{ID: id, Line: line, Error: err.Error()}
		}
		o.Smart = sm
	}
	return o
}
