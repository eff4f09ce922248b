//go:build !js

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// setInput sets an input of the page from JavaScript and fires its input
// event, as typing would.
func setInput(id, value string) chromedp.Action[chromedp.Void] {
	return script(`(() => { const e = document.getElementById(` + js(id) + `); e.value = ` + js(value) + `; e.dispatchEvent(new Event('input', {bubbles: true})); })()`)
}

// readUntil reads the page until ok holds of what it shows, for at most a
// minute (the forms module may be loading).
func readUntil(t *testing.T, ctx context.Context, what string, ok func(view) bool) view {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		v := read(t, ctx)
		if ok(v) {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the page shows %+v", what, v)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// testLineBreaks checks the line-break note. A textarea's value holds lone
// LFs; an HTML form submits them as CR LF, which Twilio bills as two
// characters: live Twilio billed 80 "a", CR LF and 79 "a" as 2 segments, and
// the same with LF as 1.
func testLineBreaks(t *testing.T, ctx context.Context) {
	v := paste(t, ctx, strings.Repeat("a", 80)+"\n"+strings.Repeat("a", 79))
	if v.Segments != 1 || v.Characters != 160 {
		t.Errorf("80 a, LF, 79 a: %d segments, %d characters; want 1, 160", v.Segments, v.Characters)
	}
	if want := "1 LF; as CRLF (an HTML form): 2 segments instead of 1."; v.LineBreaks != want {
		t.Errorf("line-break note %q, want %q", v.LineBreaks, want)
	}
	v = paste(t, ctx, "Hi\nthere")
	if want := "1 LF; as CRLF (an HTML form): the same 1 segment."; v.LineBreaks != want {
		t.Errorf("line-break note %q, want %q", v.LineBreaks, want)
	}
	v = paste(t, ctx, "no breaks")
	if v.LineBreaks != "" {
		t.Errorf("line-break note %q for a body without line breaks", v.LineBreaks)
	}
	// The box itself normalises CR LF to LF, as the HTML standard says.
	v = setValue(t, ctx, `'a\r\nb'`)
	if v.Value != "a\nb" || !strings.HasPrefix(v.LineBreaks, "1 LF;") {
		t.Errorf("box value %q, note %q; want a LF b and the LF note", v.Value, v.LineBreaks)
	}
}

// testTwilioCodes checks that address and request errors show Twilio's
// error code.
func testTwilioCodes(t *testing.T, ctx context.Context) {
	run(t, ctx, clearField("to"), chromedp.SendKeys(chromedp.CSS("#to"), "+1415abc"))
	text, class := waitMsg(t, ctx, "to")
	if class != "msg error" || !strings.Contains(text, "(Twilio error 21211)") {
		t.Errorf("To +1415abc: message %q (class %q), want an error with Twilio error 21211", text, class)
	}
	v := read(t, ctx)
	if !strings.Contains(v.Problems, "(Twilio error 21211)") {
		t.Errorf("request problems %q, want Twilio error 21211", v.Problems)
	}
	run(t, ctx, clearField("to"), chromedp.SendKeys(chromedp.CSS("#to"), "signal:+14155552671"))
	text, _ = waitMsg(t, ctx, "to")
	if strings.Contains(text, "Twilio error") || strings.Contains(text, "30015") {
		t.Errorf("To signal:...: message %q names a Twilio code; none is known", text)
	}
	run(t, ctx, clearField("to"), clearField("from"))
}

// testFit checks the fit note and the forms module's fit().
func testFit(t *testing.T, ctx context.Context) {
	run(t, ctx, setInput("fit-n", "1"))
	body := strings.Repeat("a", 150) + "😀 bye"
	paste(t, ctx, body)
	v := readUntil(t, ctx, "fit to 1", func(v view) bool { return strings.HasPrefix(v.Fit, "To fit") })
	for _, want := range []string{"To fit in 1 segment: keep “…" + strings.Repeat("a", 20) + "”", "cut 5 characters 😀 bye", `add “...”`, "GSM-7, 1 segment (the cut makes it GSM-7)."} {
		if !strings.Contains(v.Fit, want) {
			t.Errorf("fit note %q lacks %q", v.Fit, want)
		}
	}
	if v.Segments != 3 || v.Encoding != "UCS-2" {
		t.Errorf("the counter shows %s, %d segments; want the body as it is, UCS-2, 3", v.Encoding, v.Segments)
	}
	v = paste(t, ctx, "short")
	if v.Fit != "Fits in 1 segment as it is." {
		t.Errorf("fit note %q for a short body", v.Fit)
	}
	run(t, ctx, setInput("fit-n", "0"))
	if v = read(t, ctx); !strings.Contains(v.Fit, "maxSegments") {
		t.Errorf("fit to 0: note %q, want the error", v.Fit)
	}
	run(t, ctx, setInput("fit-n", ""))
	if v = read(t, ctx); v.Fit != "" {
		t.Errorf("no fit asked: note %q", v.Fit)
	}
	var r struct {
		Body   string   `json:"body"`
		Cut    bool     `json:"cut"`
		Kept   int      `json:"kept"`
		Error  string   `json:"error"`
		Keys   []string `json:"keys"`
		Core   []string `json:"core"`
		Suffix string   `json:"suffixError"`
	}
	eval(t, ctx, `(() => {
	  const f = smsgaugeForms.fit('a'.repeat(161), 1);
	  return {body: f.body, cut: f.cut, kept: f.kept, error: smsgaugeForms.fit('x', 1.5).error.code,
	    suffixError: smsgaugeForms.fit('x', 1, {suffix: 'z'.repeat(161)}).error.code,
	    keys: Object.keys(smsgaugeForms).sort(), core: Object.keys(smsgauge).sort()};
	})()`, &r)
	if r.Body != strings.Repeat("a", 157)+"..." || !r.Cut || r.Kept != 157 || r.Error != "invalid_argument" || r.Suffix != "suffix_too_long" {
		t.Errorf("smsgaugeForms.fit: %+v", r)
	}
	if !strings.Contains(strings.Join(r.Keys, ","), "fit") || strings.Contains(strings.Join(r.Core, ","), "fit") {
		t.Errorf("fit in the forms module (%v) and not the core (%v)", r.Keys, r.Core)
	}
	// Leave a cut on show for the screenshot.
	run(t, ctx, setInput("fit-n", "2"))
}
