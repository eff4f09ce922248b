package sms

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// splitOptions are the option sets the differential tests run under.
var splitOptions = []Options{{}, {UDH16: true}, {Encoding: EncodingUCS2}, {Encoding: EncodingUCS2, UDH16: true}, {Encoding: EncodingGSM7}}

// checkSplitAgainstRef asserts that every form of the fast split gives the
// segments the reference walk gives, for body under o.
func checkSplitAgainstRef(t *testing.T, o Options, body string) {
	t.Helper()
	a, aerr := o.Analyze(body)
	segs, err := o.Split(body)
	if aerr != nil {
		// Forced GSM-7 on a body that is not: every form fails alike.
		if !errors.Is(err, ErrNotGSM7) {
			t.Fatalf("Options%+v.Split(%.40q) error = %v, Analyze says %v", o, body, err, aerr)
		}
		prefix := []Segment{{Index: 7}}
		out, err := o.AppendSplit(prefix, body)
		if !errors.Is(err, ErrNotGSM7) || !slices.Equal(out, prefix) {
			t.Fatalf("Options%+v.AppendSplit(%.40q) = %v, %v; want the prefix back and ErrNotGSM7", o, body, out, err)
		}
		return
	}
	want := refSplit(a)
	if err != nil || !slices.Equal(segs, want) {
		t.Fatalf("Options%+v.Split(%.40q) = %v (%d segments), %v\nreference %v (%d segments)", o, body, brief(segs), len(segs), err, brief(want), len(want))
	}
	prefix := []Segment{{Index: 7, Text: "x"}}
	out, err := o.AppendSplit(prefix, body)
	if err != nil || !slices.Equal(out[:1], prefix) || !slices.Equal(out[1:], want) {
		t.Fatalf("Options%+v.AppendSplit(prefix, %.40q) = %v, %v\nreference %v", o, body, brief(out), err, brief(want))
	}
	if got := a.AppendSplit(nil); !slices.Equal(got, want) {
		t.Fatalf("Options%+v.Analyze(%.40q).AppendSplit = %v\nreference %v", o, body, brief(got), brief(want))
	}
	if got := slices.Collect(a.SplitSeq()); !slices.Equal(got, want) {
		t.Fatalf("Options%+v.Analyze(%.40q).SplitSeq = %v\nreference %v", o, body, brief(got), brief(want))
	}
	if o != (Options{}) {
		return
	}
	if got := Split(body); !slices.Equal(got, want) {
		t.Fatalf("Split(%.40q) = %v\nreference %v", body, brief(got), brief(want))
	}
	if got := AppendSplit(make([]Segment, 0, 2), body); !slices.Equal(got, want) {
		t.Fatalf("AppendSplit(%.40q) = %v\nreference %v", body, brief(got), brief(want))
	}
	if got := slices.Collect(SplitSeq(body)); !slices.Equal(got, want) {
		t.Fatalf("SplitSeq(%.40q) = %v\nreference %v", body, brief(got), brief(want))
	}
	// Stopping early yields a prefix of the segments, and stops.
	for _, stop := range []int{1, 4, 16, 17, len(want) - 1} {
		if stop < 1 || stop >= len(want) {
			continue
		}
		var got []Segment
		for sg := range SplitSeq(body) {
			got = append(got, sg)
			if len(got) == stop {
				break
			}
		}
		if !slices.Equal(got, want[:stop]) {
			t.Fatalf("SplitSeq(%.40q) stopped after %d = %v\nreference %v", body, stop, brief(got), brief(want[:stop]))
		}
	}
}

// brief shows segments as offset+units, for failure messages.
func brief(segs []Segment) string {
	var b strings.Builder
	for i, s := range segs {
		if i == 12 {
			b.WriteString(" ...")
			break
		}
		b.WriteString(" " + itoa(s.Offset) + "+" + itoa(s.Units) + "/" + itoa(s.Capacity))
	}
	return b.String()
}

// splitEdgeBodies are bodies that reach the splitters' rarer paths: more
// segments than their buffers hold, a GSM-7 body that turns out not to be
// at its end, clusters larger than a segment at and around the cuts, and
// joiners right after a cut.
func splitEdgeBodies() []string {
	zwj := strings.Repeat("👩\u200D", 29) + "👩"   // one 89-unit cluster
	marks := "e" + strings.Repeat("\u0301", 150) // one 151-unit cluster
	var bodies []string
	for _, n := range []int{1, 66, 67, 70, 71, 134, 152, 153, 160, 161, 306, 612, 613, 2448, 2449, 5000} {
		bodies = append(bodies,
			strings.Repeat("a", n),
			strings.Repeat("a", n)+"ж",
			strings.Repeat("{", n),
			strings.Repeat("a", n)+"e\u0301"+strings.Repeat("b", n),
			strings.Repeat("ж", n)+zwj,
			strings.Repeat("a", n)+marks+strings.Repeat("ж", n),
			strings.Repeat("😀", n),
			strings.Repeat("a😀", n),
			strings.Repeat("é€", n),
			strings.Repeat("\r\n", n),
			strings.Repeat("x", n)+"\xff"+strings.Repeat("y", n),
		)
	}
	for k := range 70 {
		// A cluster that starts at every offset around the first cut.
		bodies = append(bodies,
			strings.Repeat("a", k)+zwj+strings.Repeat("b", 200),
			strings.Repeat("ж", k)+"e\u0301\u0302"+strings.Repeat("ж", 200),
			strings.Repeat("a", k)+"🇫🇷🇩🇪"+strings.Repeat("a", 200),
			strings.Repeat("a", k)+"\u0600a"+strings.Repeat("한국어", 50),
			strings.Repeat(zwj, 20)+strings.Repeat("a", k),
			strings.Repeat(marks, 12)+strings.Repeat("a", k),
		)
	}
	return bodies
}

func TestSplitMatchesReference(t *testing.T) {
	var bodies []string
	for _, tc := range twilioCases {
		bodies = append(bodies, tc.body)
	}
	for _, gb := range readGolden(t) {
		bodies = append(bodies, gb.Body)
	}
	for _, sh := range benchShapes {
		bodies = append(bodies, sh.Bodies...)
	}
	bodies = append(bodies, splitEdgeBodies()...)
	for _, body := range bodies {
		for _, o := range splitOptions {
			checkSplitAgainstRef(t, o, body)
		}
	}
}

// FuzzSplitReference checks the fast Split, in all its forms, against the
// reference walk.
func FuzzSplitReference(f *testing.F) {
	for _, tc := range twilioCases {
		f.Add(tc.body, uint8(0))
	}
	for i, body := range splitEdgeBodies() {
		if i%7 == 0 {
			f.Add(body, uint8(i%len(splitOptions)))
		}
	}
	f.Fuzz(func(t *testing.T, body string, opt uint8) {
		checkSplitAgainstRef(t, Options{}, body)
		if o := splitOptions[int(opt)%len(splitOptions)]; o != (Options{}) {
			checkSplitAgainstRef(t, o, body)
		}
	})
}

func TestSplitAllocs(t *testing.T) {
	dst := make([]Segment, 0, 4096)
	bodies := splitEdgeBodies()
	for _, sh := range benchShapes {
		bodies = append(bodies, sh.Bodies...)
	}
	for _, body := range bodies {
		if n := testing.AllocsPerRun(5, func() { sinkSegments = AppendSplit(dst[:0], body) }); n != 0 {
			t.Errorf("AppendSplit(%.20q) with room makes %v allocations, want 0", body, n)
		}
		if n := testing.AllocsPerRun(5, func() { sinkSegments, _ = (Options{UDH16: true}).AppendSplit(dst[:0], body) }); n != 0 {
			t.Errorf("Options.AppendSplit(%.20q) with room makes %v allocations, want 0", body, n)
		}
		if n := testing.AllocsPerRun(5, func() {
			for sg := range SplitSeq(body) {
				sinkSegments = dst[:sg.Index&1]
			}
		}); n != 0 {
			t.Errorf("SplitSeq(%.20q) makes %v allocations, want 0", body, n)
		}
		a := Analyze(body)
		if n := testing.AllocsPerRun(5, func() { sinkSegments = a.AppendSplit(dst[:0]) }); n != 0 {
			t.Errorf("Analysis.AppendSplit(%.20q) with room makes %v allocations, want 0", body, n)
		}
		if n := testing.AllocsPerRun(5, func() { sinkSegments = Split(body) }); n > 2 {
			t.Errorf("Split(%.20q) makes %v allocations, want at most 2", body, n)
		}
	}
	for _, sh := range benchShapes {
		for _, body := range sh.Bodies {
			if n := testing.AllocsPerRun(5, func() { sinkSegments = Split(body) }); n != 1 {
				t.Errorf("Split(%s %.20q) makes %v allocations, want 1", sh.Name, body, n)
			}
		}
	}
}
