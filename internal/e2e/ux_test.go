//go:build !js

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// pricingDir holds the batch command's sample of Twilio's Pricing v1
// Messaging Countries documents, which the page loads as they are.
var pricingDir = filepath.Join("..", "..", "batch", "testdata", "pricing_SAMPLE")

// costView is what the cost section shows.
type costView struct {
	Head   string `json:"head"`
	Status string `json:"status"`
	Source string `json:"source"`
	Typed  string `json:"typed"`
	Smart  string `json:"smart"`
	Choice string `json:"country"`
}

const readCost = `(() => {
  const $ = (id) => document.getElementById(id);
  smsgaugePage.flush();
  return {head: $('cost-head').textContent, status: $('pricing-status').textContent, source: $('price-source').textContent,
    typed: $('cost-typed').textContent, smart: $('cost-smart').textContent, country: $('country').value};
})()`

func cost(t *testing.T, ctx context.Context) costView {
	t.Helper()
	var c costView
	eval(t, ctx, readCost, &c)
	return c
}

// costUntil reads the cost section until ok holds (a pricing file loads
// asynchronously), for at most 30 seconds.
func costUntil(t *testing.T, ctx context.Context, what string, ok func(costView) bool) costView {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		c := cost(t, ctx)
		if ok(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: the cost section shows %+v", what, c)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// dropFile drops a file named name holding content on the drop zone, as a
// drag and drop from the desktop does.
func dropFile(name, content string) chromedp.Action[chromedp.Void] {
	return script(`(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([` + js(content) + `], ` + js(name) + `, {type: 'application/json'}));
  const zone = document.getElementById('drop');
  zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
  zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
})()`)
}

// testCost checks the cost: a price typed or taken from a pricing file
// (picked or dropped), the country from To, and exact decimal totals for
// the body as typed and smart-encoded.
func testCost(t *testing.T, ctx context.Context) {
	run(t, ctx, clearField("to"), clearField("from"), setField("region", ""), setInput("price", ""), setInput("country", ""))
	if c := cost(t, ctx); !strings.Contains(c.Source, "Load a Twilio pricing file or type a price per segment") || c.Head != "—" {
		t.Errorf("no price: cost section %+v", c)
	}
	// A typed price: 3 segments at 0.1 cost 0.30, which float arithmetic
	// gets wrong (0.30000000000000004).
	paste(t, ctx, strings.Repeat("a", 459))
	run(t, ctx, setInput("price", "0.1"))
	c := cost(t, ctx)
	if c.Typed != "As typed: 3 segments × 0.10 = 0.30" || c.Head != "0.30" {
		t.Errorf("typed price 0.1, 3 segments: %+v", c)
	}
	run(t, ctx, setInput("price", "0.0079"))
	paste(t, ctx, strings.Repeat("a", 153*6+1))
	if c = cost(t, ctx); c.Typed != "As typed: 7 segments × 0.0079 = 0.0553" {
		t.Errorf("typed price 0.0079, 7 segments: %q", c.Typed)
	}
	run(t, ctx, setInput("price", "0,5"))
	if c = cost(t, ctx); !strings.Contains(c.Source, "write a decimal number such as 0.0079") || c.Typed != "" {
		t.Errorf("price 0,5: %+v", c)
	}
	run(t, ctx, setInput("price", ""))

	// The file picker, with every sample country.
	files, err := filepath.Glob(filepath.Join(pricingDir, "*.json"))
	if err != nil || len(files) != 7 {
		t.Fatalf("sample pricing files: %v %v", files, err)
	}
	for i, f := range files {
		if files[i], err = filepath.Abs(f); err != nil {
			t.Fatal(err)
		}
	}
	run(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#pricing-file"), files))
	c = costUntil(t, ctx, "picking the sample pricing", func(c costView) bool { return strings.HasPrefix(c.Status, "Pricing loaded") })
	if c.Status != "Pricing loaded: 7 countries (BR, CA, DE, FR, GB, IN, US), prices in USD." {
		t.Errorf("pricing status %q", c.Status)
	}
	if !strings.HasPrefix(c.Source, "Choose a country: the pricing covers BR, CA") {
		t.Errorf("no country yet: %q", c.Source)
	}
	// The country follows To's region, once the number metadata knows it.
	run(t, ctx, chromedp.Click(chromedp.CSS("#to")), chromedp.SendKeys(chromedp.CSS("#to"), "+4915123456789"))
	waitMsg(t, ctx, "to")
	body := "’" + strings.Repeat("a", 100) // UCS-2: 2 segments; smart-encoded GSM-7: 1
	paste(t, ctx, body)
	c = costUntil(t, ctx, "country from To", func(c costView) bool { return c.Choice == "DE" })
	if c.Source != "0.0900 USD per segment: Germany (DE), local sender, highest carrier price." {
		t.Errorf("DE price source %q", c.Source)
	}
	if c.Typed != "As typed: 2 segments × 0.0900 USD = 0.1800 USD" {
		t.Errorf("DE as typed: %q", c.Typed)
	}
	if c.Smart != "Smart-encoded: 1 segment × 0.0900 USD = 0.0900 USD (0.0900 USD less)" {
		t.Errorf("DE smart-encoded: %q", c.Smart)
	}
	if c.Head != "0.1800 USD" {
		t.Errorf("headline cost %q, want the body as typed (smart is off)", c.Head)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")))
	if c = cost(t, ctx); c.Head != "0.0900 USD" {
		t.Errorf("headline cost with smart encoding %q", c.Head)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")))
	// A country the user picks stays, whatever To says.
	run(t, ctx, setInput("country", "us"))
	if c = cost(t, ctx); c.Source != "0.0105 USD per segment: United States (US), local sender, highest carrier price." ||
		c.Typed != "As typed: 2 segments × 0.0105 USD = 0.0210 USD" {
		t.Errorf("US, two carriers (0.0100 and 0.0105): %+v", c)
	}
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#number-type"), "toll free"),
		script(`document.getElementById('number-type').dispatchEvent(new Event('change'))`))
	if c = cost(t, ctx); c.Typed != "As typed: 2 segments × 0.0110 USD = 0.0220 USD" {
		t.Errorf("US toll free: %+v", c)
	}
	run(t, ctx, setInput("country", "DE"))
	if c = cost(t, ctx); c.Source != "Germany has no price for toll free senders in the loaded pricing." || c.Typed != "" {
		t.Errorf("DE toll free: %+v", c)
	}
	run(t, ctx, chromedp.SetValue(chromedp.CSS("#number-type"), "local"),
		script(`document.getElementById('number-type').dispatchEvent(new Event('change'))`), setInput("country", "JP"))
	if c = cost(t, ctx); !strings.HasPrefix(c.Source, "No price for JP in the loaded pricing") {
		t.Errorf("JP: %+v", c)
	}
	// A typed price wins over the file, in the file's currency.
	run(t, ctx, setInput("price", "0.05"))
	if c = cost(t, ctx); c.Typed != "As typed: 2 segments × 0.05 USD = 0.10 USD" {
		t.Errorf("typed price with pricing loaded: %+v", c)
	}
	run(t, ctx, setInput("price", ""))

	// Drag and drop: the US document alone replaces the set.
	us, err := os.ReadFile(filepath.Join(pricingDir, "US.json"))
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, dropFile("US.json", string(us)))
	c = costUntil(t, ctx, "dropping US.json", func(c costView) bool { return strings.HasPrefix(c.Status, "Pricing loaded: 1 country") })
	if c.Status != "Pricing loaded: 1 country (US), prices in USD." {
		t.Errorf("dropped pricing status %q", c.Status)
	}
	run(t, ctx, setInput("country", "US"))
	paste(t, ctx, strings.Repeat("a", 161))
	if c = cost(t, ctx); c.Typed != "As typed: 2 segments × 0.0105 USD = 0.0210 USD" {
		t.Errorf("US after the drop: %+v", c)
	}
	// Two documents in one file, one after the other, as batch reads them.
	de, _ := os.ReadFile(filepath.Join(pricingDir, "DE.json"))
	run(t, ctx, dropFile("two.json", string(us)+"\n"+string(de)))
	costUntil(t, ctx, "two documents in one file", func(c costView) bool { return strings.HasPrefix(c.Status, "Pricing loaded: 2 countries (DE, US)") })
	run(t, ctx, dropFile("notes.txt", "hello"))
	c = costUntil(t, ctx, "a file that is not pricing", func(c costView) bool { return strings.HasPrefix(c.Status, "Could not load") })
	if !strings.Contains(c.Status, "notes.txt: not a pricing file") {
		t.Errorf("bad file: %q", c.Status)
	}
	// Leave the sample set and a country for the screenshot.
	run(t, ctx, chromedp.SetUploadFiles(chromedp.CSS("#pricing-file"), files))
	costUntil(t, ctx, "reloading the sample", func(c costView) bool { return strings.HasPrefix(c.Status, "Pricing loaded: 7") })
	run(t, ctx, setInput("country", "DE"), clearField("to"))
}

// displayView is what the display items show.
type displayView struct {
	SmartHidden bool     `json:"smartHidden"`
	Dels        []string `json:"dels"`
	Inss        []string `json:"inss"`
	Diff        string   `json:"diff"`
	NonGSM      string   `json:"nongsm"`
	Items       []string `json:"items"`
	Compose     string   `json:"compose"`
}

const readDisplay = `(() => {
  const $ = (id) => document.getElementById(id);
  smsgaugePage.flush();
  return {smartHidden: $('smart-changes').hidden,
    dels: [...document.querySelectorAll('#smart-diff del')].map((e) => e.textContent),
    inss: [...document.querySelectorAll('#smart-diff ins')].map((e) => e.textContent),
    diff: $('smart-diff').textContent, nongsm: $('nongsm').textContent,
    items: [...document.querySelectorAll('#nongsm li')].map((e) => e.textContent),
    compose: document.querySelector('section.compose').innerText};
})()`

func display(t *testing.T, ctx context.Context) displayView {
	t.Helper()
	var d displayView
	eval(t, ctx, readDisplay, &d)
	return d
}

// clipboard reads the system clipboard through the page.
func clipboard(t *testing.T, ctx context.Context) string {
	t.Helper()
	var s string
	eval(t, ctx, `navigator.clipboard.readText()`, &s)
	return s
}

// shot saves a screenshot of the element sel as test-output/name, for a
// person to look at.
func shot(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot of %s is not a PNG", sel)
	}
	if err := os.MkdirAll("test-output", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("test-output", name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// testDisplay checks what the page shows of a body: what smart encoding
// changes, copy buttons, segment text wrapped at word boundaries, the
// characters that force UCS-2 grouped, and "no saving" said once.
func testDisplay(t *testing.T, ctx context.Context, s *site) {
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name}, Setting: cdpbrowser.PermissionSettingGranted, Origin: s.url}); err != nil {
			t.Fatalf("granting %s: %v", name, err)
		}
	}
	// What smart encoding changes.
	paste(t, ctx, "It’s “fine” — see you…")
	if d := display(t, ctx); !d.SmartHidden {
		t.Errorf("smart encoding off, yet the changes show: %+v", d)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")))
	d := display(t, ctx)
	if d.SmartHidden || strings.Join(d.Dels, "|") != "’|“|”|—|…" || strings.Join(d.Inss, "|") != `'|"|"|-|...` {
		t.Errorf("smart changes: hidden %v, removed %q, sent %q", d.SmartHidden, d.Dels, d.Inss)
	}
	if d.Diff != `It’'s “"fine”" —- see you…...` {
		t.Errorf("smart diff text %q", d.Diff)
	}
	// Copy the substituted body.
	run(t, ctx, chromedp.Click(chromedp.CSS("#copy-smart")))
	if got := clipboard(t, ctx); got != `It's "fine" - see you...` {
		t.Errorf("copied substituted body %q", got)
	}
	// "No saving" is said once: the body is 1 segment either way.
	comp := d.Compose
	n := strings.Count(comp, "no saving") + strings.Count(comp, "No replacement saves a segment")
	if n != 1 || !strings.Contains(comp, "No replacement saves a segment here.") {
		t.Errorf("the compose section says there is no saving %d times:\n%s", n, comp)
	}
	shot(t, ctx, "section.compose", "ux-smart.png")
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")))

	// Copy the form body.
	run(t, ctx, clearField("to"), chromedp.SendKeys(chromedp.CSS("#to"), "+14155552671"), clearField("from"), chromedp.SendKeys(chromedp.CSS("#from"), "Acme Co"))
	waitMsg(t, ctx, "to")
	v := paste(t, ctx, "Hi & bye")
	if !strings.Contains(v.Form, "Body=Hi+%26+bye") {
		t.Fatalf("form %q", v.Form)
	}
	run(t, ctx, chromedp.Click(chromedp.CSS("#copy-form")))
	if got := clipboard(t, ctx); got != v.Form {
		t.Errorf("copied form body %q, want %q", got, v.Form)
	}
	var copyStatus string
	eval(t, ctx, `document.getElementById('copy-status').textContent`, &copyStatus)
	if copyStatus != "Copied the form body." {
		t.Errorf("copy status %q", copyStatus)
	}
	shot(t, ctx, "main > section:last-of-type", "ux-form.png")

	// Segment text wraps at word boundaries; the text stays the body.
	words := strings.Repeat("Your appointment with Dr. Ortega is confirmed for Tuesday at 10:30, please arrive early. ", 4)
	v = paste(t, ctx, words)
	var joined string
	for _, p := range v.Parts {
		joined += p.Text
	}
	if joined != words {
		t.Errorf("segment blocks hold %q, want the body exactly", joined)
	}
	var wrap struct {
		Lines int      `json:"lines"`
		Split []string `json:"split"`
	}
	eval(t, ctx, `(() => {
	  const split = [], tops = new Set();
	  for (const p of document.querySelectorAll('#parts .text')) {
	    const node = p.firstChild, text = node.textContent;
	    for (const m of text.matchAll(/\S+/g)) {
	      const r = document.createRange();
	      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
	      const rects = [...r.getClientRects()].filter((x) => x.width > 0);
	      rects.forEach((x) => tops.add(Math.round(x.top)));
	      if (new Set(rects.map((x) => Math.round(x.top))).size > 1) split.push(m[0]);
	    }
	  }
	  return {lines: tops.size, split};
	})()`, &wrap)
	if wrap.Lines < 3 || len(wrap.Split) > 0 {
		t.Errorf("segment text on %d lines, words split across lines: %q", wrap.Lines, wrap.Split)
	}
	shot(t, ctx, "#parts", "ux-wrap.png")

	// The characters that force UCS-2, once each, with counts and
	// character positions.
	paste(t, ctx, "Здравствуйте, ваш заказ готов.")
	d = display(t, ctx)
	if !strings.HasPrefix(d.NonGSM, "25 characters force UCS-2, 15 different:") || len(d.Items) != 15 {
		t.Errorf("non-GSM list %q (%d items)", d.NonGSM, len(d.Items))
	}
	for _, want := range []string{"З ×1 at 1", "а ×4 at 4, 16, 20, 22", "в ×4 at 5, 8, 15, 29"} {
		if !strings.Contains(strings.Join(d.Items, "\n"), want) {
			t.Errorf("non-GSM list lacks %q: %q", want, d.Items)
		}
	}
	if strings.Contains(d.NonGSM, "@") {
		t.Errorf("non-GSM list shows UTF-16 offsets: %q", d.NonGSM)
	}
	shot(t, ctx, "#nongsm", "ux-nongsm.png")
	// An emoji counts as one character in positions.
	paste(t, ctx, "😀 x 😀 y é̂")
	if d = display(t, ctx); !strings.Contains(strings.Join(d.Items, "\n"), "😀 ×2 at 1, 5") {
		t.Errorf("emoji positions: %q", d.Items)
	}

	// Words for page users: a national number without a region names the
	// Default region field, in the field and in the request preview.
	run(t, ctx, setField("region", ""), clearField("to"), chromedp.SendKeys(chromedp.CSS("#to"), "415 555 2671"))
	text, _ := waitMsg(t, ctx, "to")
	v = read(t, ctx)
	for _, got := range []string{text, v.Problems} {
		if !strings.Contains(got, "enter its country in Default region") || strings.Contains(got, "Lenient") || strings.Contains(got, "sms: ") {
			t.Errorf("national number without a region: %q", got)
		}
	}
	if strings.Count(v.Problems, "415 555 2671") != 1 {
		t.Errorf("request problems %q name the value other than once", v.Problems)
	}
	shot(t, ctx, "section.addresses", "ux-address.png")
	run(t, ctx, clearField("to"), clearField("from"))
}

// testUXScreenshot leaves the page as a user would see it with a price and
// smart encoding on, and saves it for a person to look at.
func testUXScreenshot(t *testing.T, ctx context.Context) {
	run(t, ctx, chromedp.Click(chromedp.CSS("#to")), chromedp.SendKeys(chromedp.CSS("#to"), "+4915123456789"),
		chromedp.Click(chromedp.CSS("#from")), chromedp.SendKeys(chromedp.CSS("#from"), "Acme Co"))
	waitMsg(t, ctx, "to")
	paste(t, ctx, "Hallo Zoë, Ihre Bestellung №4411 wird heute versandt – wir melden uns, sobald sie unterwegs ist. „Danke“ für Ihren Einkauf; bei Fragen antworten Sie einfach auf diese Nachricht.")
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")))
	read(t, ctx)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll("test-output", 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("test-output", "ux.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", out, len(png))
	run(t, ctx, chromedp.Click(chromedp.CSS("#smart")), clearField("to"), clearField("from"))
}
