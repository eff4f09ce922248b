package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	sms "github.com/smsgauge/sms"
	"github.com/smsgauge/sms/pdu"
)

func init() {
	register(command{name: "encode", usage: "each segment's UDH and user data in hex, with the DCS", run: runEncode})
	register(command{name: "decode", usage: "reassemble hex parts (one per line, as encode prints them, or bare user data)", run: runDecode})
}

func runEncode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("encode", cmdUsage{
		synopsis: []string{"smsgauge encode [flags] [text ...]"},
		about: `Prints each segment of the body as it goes on the air: the data coding
scheme (DCS), the user data length (UDL), the user data header (UDH) and the
user data (UD) in hex. The body is the arguments joined by spaces or, without
arguments, standard input less one final line break. smsgauge decode reads
the output back.`,
	})
	udh16 := fs.Bool("udh16", false, "16-bit concatenation reference (7-octet header)")
	unpacked := fs.Bool("unpacked", false, "GSM-7 septets one per octet (SMPP data_coding 0) instead of packed")
	ucs2 := fs.Bool("ucs2", false, "force UCS-2")
	gsm7 := fs.Bool("gsm7", false, "force GSM-7 (fails on other characters)")
	var langs languagesFlag
	fs.Var(&langs, "lang", "comma-separated national language `tables` the encoder may use ("+languageList+"); off by default, as Twilio uses none")
	ref := fs.Uint("ref", 0, "concatenation reference number (0-255, or 0-65535 with -udh16)")
	var limits limitFlags
	limits.register(fs.FlagSet)
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if *ucs2 && *gsm7 {
		fmt.Fprintln(stderr, "smsgauge encode: -ucs2 and -gsm7 exclude each other")
		return 2
	}
	if *ref > 0xFFFF || (*ref > 0xFF && !*udh16) {
		fmt.Fprintf(stderr, "smsgauge encode: invalid value %d for -ref: want 0 to 255, or 0 to 65535 with -udh16\n", *ref)
		return 2
	}
	o := pdu.EncodeOptions{UDH16: *udh16, Unpacked: *unpacked, Reference: uint16(*ref)}
	switch {
	case *ucs2:
		o.Encoding = sms.EncodingUCS2
	case *gsm7:
		o.Encoding = sms.EncodingGSM7
	}
	o.Languages = langs
	var body string
	if len(pos) > 0 {
		body = strings.Join(pos, " ")
	} else {
		b, err := readStdinBody(stdin, stderr, &limits)
		if err != nil {
			fmt.Fprintln(stderr, "smsgauge encode:", err)
			return 1
		}
		body = strings.TrimSuffix(strings.TrimSuffix(b, "\n"), "\r")
	}
	plan, err := o.Plan(body)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge encode:", err)
		return 1
	}
	parts, err := pdu.EncodeSegments(body, o)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge encode:", err)
		return 1
	}
	tables := ""
	if plan.Locking != pdu.LanguageNone || plan.Single != pdu.LanguageNone {
		tables = fmt.Sprintf(", locking %s, single shift %s", plan.Locking, plan.Single)
	}
	fmt.Fprintf(stdout, "# %s%s, %s: %s\n", plan.Encoding, tables, plural(len(parts), "segment"), plan.Reason)
	for i, p := range parts {
		fmt.Fprintf(stdout, "segment %d/%d dcs=0x%02X udl=%d udh=%s ud=%s", i+1, len(parts), p.DCS, p.UDL,
			strings.ToUpper(hex.EncodeToString(p.UDH)), strings.ToUpper(hex.EncodeToString(p.UserData)))
		if p.Unpacked {
			fmt.Fprint(stdout, " unpacked")
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

func runDecode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("decode", cmdUsage{
		synopsis: []string{"smsgauge decode [flags] < parts"},
		about: `Reassembles a message from its parts on standard input, one per line: as
smsgauge encode prints them (dcs=.. udl=.. udh=.. ud=..), or bare hex user
data whose header, if any, comes first. Blank lines and lines starting with
# are skipped.`,
	})
	dcs := fs.Uint("dcs", 0, "data coding scheme of bare hex lines (0 GSM-7, 8 UCS-2)")
	unpacked := fs.Bool("unpacked", false, "bare hex lines hold GSM-7 septets one per octet")
	noUDH := fs.Bool("noudh", false, "bare hex lines have no user data header (a single part)")
	pos, code, ok := fs.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "smsgauge decode: the parts come on standard input; unexpected argument %q\n", pos[0])
		return 2
	}
	if *dcs > 0xFF {
		fmt.Fprintf(stderr, "smsgauge decode: invalid value %d for -dcs: want 0 to 255 (0 GSM-7, 8 UCS-2)\n", *dcs)
		return 2
	}
	var parts []pdu.Part
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		p, err := parsePartLine(s, byte(*dcs), *unpacked, !*noUDH)
		if err != nil {
			fmt.Fprintf(stderr, "smsgauge decode: line %d: %v\n", line, err)
			if (errors.Is(err, pdu.ErrTruncatedUDH) || errors.Is(err, pdu.ErrMalformedUDH)) && !*noUDH && !strings.Contains(s, "=") {
				fmt.Fprintln(stderr, "if the parts have no user data header (one part on its own), use smsgauge decode -noudh")
			}
			return 1
		}
		parts = append(parts, p)
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(stderr, "smsgauge decode:", err)
		return 1
	}
	body, err := pdu.Reassemble(parts)
	if err != nil {
		fmt.Fprintln(stderr, "smsgauge decode:", trimPDU(err))
		return 1
	}
	fmt.Fprintln(stdout, body)
	return 0
}

// parsePartLine reads a line as encode prints it (key=value fields: dcs,
// udl, udh, ud, and the word unpacked), or as bare hex user data whose
// header, if any, comes first.
func parsePartLine(s string, dcs byte, unpacked, udhi bool) (pdu.Part, error) {
	if !strings.Contains(s, "=") {
		ud, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
		if err != nil {
			return pdu.Part{}, fmt.Errorf("bad hex: %v", err)
		}
		p := pdu.Part{DCS: dcs, Unpacked: unpacked, UserData: ud}
		if udhi {
			_, n, err := pdu.ParseUDH(ud)
			if err != nil {
				return pdu.Part{}, err
			}
			p.UDH, p.UserData = ud[:n], ud[n:]
		}
		return p, nil
	}
	var p pdu.Part
	seen := false
	for _, f := range strings.Fields(s) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			if f == "unpacked" {
				p.Unpacked = true
			}
			continue
		}
		var err error
		switch k {
		case "dcs":
			var n uint64
			n, err = strconv.ParseUint(v, 0, 8)
			p.DCS = byte(n)
		case "udl":
			p.UDL, err = strconv.Atoi(v)
		case "udh":
			p.UDH, err = hex.DecodeString(v)
		case "ud":
			p.UserData, err = hex.DecodeString(v)
			seen = true
		}
		if err != nil {
			return pdu.Part{}, fmt.Errorf("field %s: %v", k, err)
		}
	}
	if !seen {
		return pdu.Part{}, errors.New("no ud= field")
	}
	return p, nil
}

// languagesFlag is -lang: national language tables by ISO 639-1 code or
// English name, comma-separated.
type languagesFlag []pdu.Language

// languageList names the codes -lang accepts.
const languageList = "tr, es, pt, bn, gu, hi, kn, ml, or, pa, ta, te, ur"

func (l *languagesFlag) String() string {
	if l == nil {
		return ""
	}
	s := make([]string, len(*l))
	for i, x := range *l {
		s[i] = x.String()
	}
	return strings.Join(s, ",")
}

func (l *languagesFlag) Set(s string) error {
	*l = (*l)[:0]
	for _, name := range strings.Split(s, ",") {
		x, err := pdu.ParseLanguage(name)
		if err != nil {
			return err
		}
		*l = append(*l, x)
	}
	return nil
}

func (l *languagesFlag) valid() string { return "comma-separated codes among " + languageList }

// trimPDU is a pdu error without a doubled "pdu: " inside.
func trimPDU(err error) string {
	return strings.ReplaceAll(err.Error(), ": pdu: ", ": ")
}
