package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/phone"
)

func init() {
	register(command{
		name:  "address",
		usage: "what a To or From value is: phone number, short code, sender ID, channel address",
		run:   runAddress,
	})
}

// addressReport is what "smsgauge address" prints, and (in part) what the
// --jsonl mode puts in its "to" and "from" objects.
type addressReport struct {
	Input       string `json:"input"`
	As          string `json:"as,omitempty"`
	Kind        string `json:"kind"`
	Channel     string `json:"channel,omitempty"`
	Normalized  string `json:"normalized"`
	Region      string `json:"region"`
	CallingCode int    `json:"calling_code,omitempty"`
	Type        string `json:"type,omitempty"`
	Valid       bool   `json:"valid"`
	Rule        string `json:"rule,omitempty"`
	Error       string `json:"error,omitempty"`
	Hint        string `json:"hint,omitempty"`
	// TwilioCode is the code of Twilio's error dictionary the live API
	// returns for the same mistake, 0 when none is known (or the direction
	// is not given) or there is no error.
	TwilioCode int `json:"twilio_code,omitempty"`
}

// checkAddress parses value leniently with libphonenumber metadata (national
// numbers read in region), applies the direction rule of as ("to", "from"
// or ""), and reports. strict accepts only the exact form Twilio expects;
// permissive widens sender IDs. A phone number the metadata does not know as
// valid is reported as an error (rule invalid_number): it would not deliver.
func checkAddress(value, as, region string, strict, permissive bool) addressReport {
	r := addressReport{Input: value, As: as, Kind: sms.AddressInvalid.String()}
	a, err := addressOptions(region, strict, permissive).ParseAddress(value)
	if err == nil {
		r.Kind, r.Channel, r.Normalized = a.Kind.String(), a.Channel.String(), a.Value
		if a.Kind == sms.AddressPhone {
			r.Region, r.CallingCode, r.Type = a.Number.Region, a.Number.CallingCode, a.Number.Type.String()
		}
		switch as {
		case "to":
			err = sms.CheckTo(a)
		case "from":
			err = sms.CheckFrom(a)
		case "":
		default:
			err = fmt.Errorf("smsgauge: -as %q: want to or from", as)
		}
		if err == nil && a.Kind == sms.AddressPhone && !a.Number.Valid {
			err = &sms.AddressError{Field: fieldName(as), Value: a.Value, Rule: sms.RuleInvalidNumber, Offset: -1}
		}
	}
	if err != nil {
		r.Error = userError(err)
		var ae *sms.AddressError
		if errors.As(err, &ae) {
			hint := withRegionFlag
			if strict {
				hint = noRegionFlag
			}
			r.Error = addressMessage(ae, fieldName(as), hint)
			r.Rule = ae.Rule.String()
			r.TwilioCode = addressTwilioCode(ae, as)
			switch ae.Rule {
			case sms.RuleFormatting, sms.RuleNotASCII, sms.RuleWhitespace, sms.RuleMissingPlus:
				if strict {
					r.Hint = "without -strict the value is read leniently (with -region for national numbers) and normalised"
				}
			}
		}
		return r
	}
	r.Valid = true
	return r
}

// addressOptions are the options checkAddress parses with.
func addressOptions(region string, strict, permissive bool) sms.AddressOptions {
	return sms.AddressOptions{Lenient: !strict, Permissive: permissive, Region: strings.ToUpper(region), Numbers: phone.Parser{}}
}

// addressTwilioCode returns the Twilio error code of ae for an address
// checked in direction as ("to", "from" or ""), which names the field when
// the parser left it out.
func addressTwilioCode(ae *sms.AddressError, as string) int {
	if ae.Field == "" {
		e := *ae
		e.Field = fieldName(as)
		return e.TwilioCode()
	}
	return ae.TwilioCode()
}

func fieldName(as string) string {
	switch as {
	case "to":
		return "To"
	case "from":
		return "From"
	}
	return ""
}

// addressJSON is the object the --jsonl mode writes for an input line's "to"
// or "from": {kind, normalized, region, valid, error, twilio_code}
// (twilio_code 0: none known, or no error). as is "to", "from"
// or ""; region is the default region for national numbers ("" for none).
// error is "" when the address is usable in that direction.
func addressJSON(value, as, region string) map[string]any {
	r := checkAddress(value, as, region, false, false)
	m := map[string]any{
		"kind":       r.Kind,
		"normalized": r.Normalized,
		"region":     r.Region,
		"valid":      r.Valid,
	}
	if r.Error != "" {
		m["error"] = r.Error
	}
	m["twilio_code"] = r.TwilioCode
	return m
}

// routeJSON checks a to and a from that are each usable together, as
// sms.CheckRoute does (a "whatsapp:" To needs a "whatsapp:" From), and marks
// the objects of addressJSON with the route's error: the To object, which
// the rule names.
func routeJSON(to, from, region string, toObj, fromObj map[string]any) {
	if toObj["valid"] != true || fromObj["valid"] != true {
		return // each one's own error says more
	}
	o := addressOptions(region, false, false)
	ta, err1 := o.ParseAddress(to)
	fa, err2 := o.ParseAddress(from)
	if err1 != nil || err2 != nil {
		return
	}
	err := sms.CheckRoute(fa, ta)
	var ae *sms.AddressError
	if !errors.As(err, &ae) {
		return
	}
	obj := toObj
	if ae.Field == "From" {
		obj = fromObj
	}
	obj["valid"] = false
	obj["error"] = fmt.Sprintf("%s (To is %s, From is %s)", addressMessage(ae, ae.Field, withRegionFlag), ta.Channel, fa.Channel)
	obj["rule"] = ae.Rule.String()
	obj["twilio_code"] = ae.TwilioCode()
}

func runAddress(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("address", cmdUsage{
		synopsis: []string{"smsgauge address [flags] VALUE"},
		about: `Says what a To or From value is (phone number, short code, alphanumeric
sender ID, channel address such as whatsapp:+14155552671), its normalised
form, and whether Twilio accepts it in the direction -as names. Phone numbers
are checked with libphonenumber metadata. Exit code 1 when it is not usable.`,
	})
	as := choice(fs.FlagSet, "as", "", []string{"to", "from"}, "check the value in one direction: `to|from`")
	region := fs.String("region", "", "ISO 3166-1 alpha-2 `region` in which to read national numbers, such as US")
	strict := fs.Bool("strict", false, "accept only the exact form Twilio expects (E.164, no formatting)")
	permissive := fs.Bool("permissive", false, "let alphanumeric sender IDs also hold - + _ &")
	asJSON := fs.Bool("json", false, "print one JSON object")
	values, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(values) != 1 {
		fmt.Fprintf(stderr, "smsgauge address: want one VALUE, got %d (quote a value that holds spaces)\n", len(values))
		fmt.Fprintln(stderr, "run 'smsgauge address -h' for its flags")
		return 2
	}
	r := checkAddress(values[0], *as, *region, *strict, *permissive)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(stderr, "smsgauge address:", err)
			return 2
		}
	} else {
		printAddress(stdout, r)
	}
	if r.Error != "" {
		return 1
	}
	return 0
}

func printAddress(w io.Writer, r addressReport) {
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-12s %s\n", k, v)
		}
	}
	line("input", fmt.Sprintf("%q", r.Input))
	line("kind", r.Kind)
	line("channel", r.Channel)
	line("normalized", r.Normalized)
	if r.Normalized != "" && r.Normalized != r.Input {
		line("note", "Twilio expects the normalized form")
	}
	line("region", r.Region)
	if r.CallingCode != 0 {
		line("calling code", fmt.Sprint(r.CallingCode))
	}
	line("type", r.Type)
	line("valid", fmt.Sprint(r.Valid))
	line("rule", r.Rule)
	line("error", r.Error)
	if r.Error != "" {
		switch {
		case r.TwilioCode != 0:
			line("twilio code", fmt.Sprint(r.TwilioCode, " ", sms.TwilioErrorURL(r.TwilioCode)))
		case r.As == "":
			line("twilio code", "none known (give -as to or -as from)")
		default:
			line("twilio code", "none known")
		}
	}
	line("hint", r.Hint)
}
