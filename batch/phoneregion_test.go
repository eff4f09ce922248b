package batch

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"

	"github.com/smsgauge/sms/batch/internal/campaign"
)

// TestPhoneRegionFastPath checks that PhoneRegion, with its fast path for
// valid numbers under shared calling codes, answers exactly as the full
// path through phone.Parse: region, prefix claim and error text.
func TestPhoneRegionFastPath(t *testing.T) {
	tests := []struct {
		name string
		n    string
	}{
		{"US", "+14155552671"}, {"CA", "+14165550123"}, {"US invalid exchange", "+14150000000"},
		{"NANP toll free", "+18005550199"}, {"NANP short", "+1415555267"}, {"NANP long", "+141555526710"},
		{"PR", "+17875550123"}, {"JM", "+18765550123"}, {"GB mobile", "+447764828468"},
		{"JE", "+447797123456"}, {"GG", "+447781123456"}, {"IM", "+447624123456"},
		{"GB invalid", "+44000000000"}, {"RU", "+79123456789"}, {"KZ", "+77012345678"},
		{"FR", "+33612345678"}, {"DE", "+4915123456789"}, {"unknown code", "+999123456"},
		{"not E.164", "14155552671"}, {"letters", "+1415CALLNOW"}, {"empty", ""}, {"plus", "+"},
		{"AX", "+358000000"}, {"NANP prefix twice", "+1110000000000"}, {"IT", "+393123456789"},
		{"VA", "+390669812345"}, {"NO", "+4741234567"}, {"SJ", "+4779123456"},
	}
	var buf bytes.Buffer
	io.Copy(&buf, &campaign.Reader{G: campaign.New(3), Size: 1 << 20})
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		tests = append(tests, struct{ name, n string }{"campaign", r[1]})
	}
	for _, tt := range tests {
		reg, p, err := PhoneRegion(tt.n)
		wreg, wp, werr := phoneRegionParse(tt.n)
		if reg != wreg || p != wp || (err == nil) != (werr == nil) || (err != nil && err.Error() != werr.Error()) {
			t.Fatalf("%s: PhoneRegion(%q) = %q, %d, %v; want %q, %d, %v", tt.name, tt.n, reg, p, err, wreg, wp, werr)
		}
	}
}
