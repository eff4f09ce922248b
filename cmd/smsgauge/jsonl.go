package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	sms "github.com/smsgauge/sms"
)

// jsonlIn is one input line of the JSON lines mode.
type jsonlIn struct {
	ID   json.RawMessage `json:"id"`
	Body *string         `json:"body"`
	To   *string         `json:"to"`
	From *string         `json:"from"`
}

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
// when the input had them. A line that is not a JSON object with a
// string body gets {"id", "line", "error"}, and the run goes on; the exit
// code is then 1. Blank lines are input lines too, and get an error.
func runJSONL(opts sms.Options, sf *smartFlags, region string, stdin io.Reader, stdout, stderr io.Writer) int {
	in := bufio.NewReaderSize(stdin, 1<<16)
	out := bufio.NewWriterSize(stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for line := 1; ; line++ {
		b, err := in.ReadBytes('\n')
		if len(b) == 0 && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		o := jsonlLine(opts, sf, region, bytes.TrimRight(b, "\r\n"), line)
		if o.Error != "" {
			failed++
		}
		if err := enc.Encode(o); err != nil {
			fmt.Fprintln(stderr, "smsgauge:", err)
			return 1
		}
		if err == io.EOF {
			break
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "smsgauge: %d line(s) failed\n", failed)
		return 1
	}
	return 0
}

func jsonlLine(opts sms.Options, sf *smartFlags, region string, b []byte, line int) jsonlOut {
	var in jsonlIn
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&in); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "body" {
			return jsonlOut{ID: in.ID, Line: line, Error: "body must be a JSON string"}
		}
		return jsonlOut{ID: in.ID, Line: line, Error: "not a JSON object: " + err.Error()}
	}
	if dec.More() {
		return jsonlOut{ID: in.ID, Line: line, Error: "more than one JSON value on the line"}
	}
	if in.Body == nil {
		return jsonlOut{ID: in.ID, Line: line, Error: `no "body"`}
	}
	a, err := opts.Analyze(*in.Body)
	if err != nil {
		return jsonlOut{ID: in.ID, Line: line, Error: err.Error()}
	}
	o := jsonlOut{ID: in.ID, Encoding: &a.Encoding, Segments: a.Segments, Characters: &a.Characters, Units: &a.Units}
	if in.ID == nil {
		o.Line = line
	}
	o.SegmentBits = make([]int, 0, a.Segments)
	for s := range a.SplitSeq() {
		o.SegmentBits = append(o.SegmentBits, s.Bits)
	}
	// Addresses are checked, and reported, but do not fail the line: the
	// body's estimate stands whatever the numbers are.
	if in.To != nil {
		o.To = addressJSON(*in.To, "to", region)
	}
	if in.From != nil {
		o.From = addressJSON(*in.From, "from", region)
	}
	if sf != nil && sf.enabled() {
		sm, err := smartJSON(*in.Body, sf, opts)
		if err != nil {
			return jsonlOut{ID: in.ID, Line: line, Error: err.Error()}
		}
		o.Smart = sm
	}
	return o
}
