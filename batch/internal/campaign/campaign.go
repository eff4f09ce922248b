// Package campaign generates realistic synthetic campaign rows (CSV with id,
// to and body) for the batch package's tests and benchmarks: a mix of OTP
// codes, notifications and marketing texts, most GSM-7, some with curly
// quotes, accents, emoji or other scripts, some longer than one segment.
package campaign

import (
	"io"
	"math/rand/v2"
	"strconv"
)

var names = []string{"Anna", "Ben", "Chloé", "Dmitri", "Emma", "François", "Greta", "Hiro", "Inés", "Jonas", "Zoë", "Łukasz"}

// Templates; %N = name, %D = digits, %U = a short link code.
var templates = []string{
	"Your verification code is %D. It expires in 10 minutes. Do not share it with anyone.",
	"%D is your login code",
	"Hi %N, your order #%D has shipped! Track it here: https://ex.co/t/%U",
	"Hi %N, your appointment is confirmed for tomorrow at 10:30. Reply C to cancel or R to reschedule.",
	"Hi %N, we’re sorry we missed you. Your parcel %D is waiting at the pickup point.",
	"%N, don’t miss our weekend sale: up to 50% off everything in store and online. Shop now at https://ex.co/s/%U. Reply STOP to opt out.",
	"Flash sale 🎉 %N, 30% off today only! Use code %U at checkout 🛍️",
	"Bonjour %N, votre rendez-vous est confirmé pour demain à 10h30. Répondez ANNULER pour annuler.",
	"Hola %N, tu pedido #%D está en camino. Más información: https://ex.co/t/%U",
	"Здравствуйте, %N! Ваш код подтверждения: %D",
	"您的验证码是 %D，请在10分钟内使用。",
	"مرحبا %N، رمز التحقق الخاص بك هو %D",
	"Dear %N, thank you for being a loyal customer. As a token of our appreciation we are giving you an exclusive discount of 20% on your next purchase. The offer is valid until the end of the month on all items, including new arrivals. Visit https://ex.co/l/%U or show this message in store. Terms apply. Reply STOP to unsubscribe.",
	"Reminder: your subscription renews on the 1st. Manage it at https://ex.co/a/%U — questions? Call us at 0800 123 456.",
	"Hi %N! Your table for 4 at Luigi's is booked for Friday 8pm. See you soon!",
	"Your balance is €%D.00. Pay online at https://ex.co/p/%U {ref:%D}",
}

// prefixes of destination numbers, with the number of digits in the whole
// E.164 number.
var prefixes = []struct {
	p      string
	digits int
}{
	{"+1415", 11}, {"+1212", 11}, {"+1310", 11}, {"+1646", 11}, {"+1512", 11}, {"+1416", 11}, {"+1604", 11}, // US, CA
	{"+4477", 12}, {"+4478", 12}, {"+336", 11}, {"+337", 11}, {"+49151", 13}, {"+49176", 13}, {"+9198", 12}, {"+55119", 13},
}

// Generator writes rows. It is deterministic for a seed.
type Generator struct {
	r   *rand.Rand
	n   int
	buf []byte
}

// New returns a generator seeded with seed.
func New(seed uint64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Header is the CSV header of the rows.
const Header = "id,to,body\n"

// AppendRow appends one CSV row (with its newline) to dst.
func (g *Generator) AppendRow(dst []byte) []byte {
	g.n++
	dst = strconv.AppendInt(dst, int64(g.n), 10)
	dst = append(dst, ',')
	p := prefixes[g.r.IntN(len(prefixes))]
	dst = append(dst, p.p...)
	for range p.digits - (len(p.p) - 1) {
		dst = append(dst, byte('2'+g.r.IntN(8)))
	}
	dst = append(dst, ',', '"')
	dst = g.appendBody(dst)
	return append(dst, '"', '\n')
}

// Body returns one body.
func (g *Generator) Body() string {
	g.buf = g.appendBody(g.buf[:0])
	return string(g.buf)
}

func (g *Generator) appendBody(dst []byte) []byte {
	t := templates[g.r.IntN(len(templates))]
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) {
			switch t[i+1] {
			case 'N':
				dst = append(dst, names[g.r.IntN(len(names))]...)
				i++
				continue
			case 'D':
				dst = strconv.AppendInt(dst, int64(100000+g.r.IntN(900000)), 10)
				i++
				continue
			case 'U':
				for range 6 {
					dst = append(dst, "abcdefghijkmnpqrstuvwxyz23456789"[g.r.IntN(32)])
				}
				i++
				continue
			}
		}
		if t[i] == '"' {
			dst = append(dst, '"') // CSV escape
		}
		dst = append(dst, t[i])
	}
	return dst
}

// Reader is an io.Reader of Size bytes of CSV (header included), cut at a
// row boundary: generated on the fly, in constant memory.
type Reader struct {
	G       *Generator
	Size    int64
	Rows    int64 // rows generated so far
	written int64
	buf     []byte // the row being generated
	pending []byte // what is left of it to read
	started bool
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(r.pending) == 0 {
			if !r.started {
				r.started = true
				r.buf = append(r.buf[:0], Header...)
			} else {
				if r.written >= r.Size {
					if n == 0 {
						return 0, io.EOF
					}
					return n, nil
				}
				r.buf = r.G.AppendRow(r.buf[:0])
				r.Rows++
			}
			r.pending = r.buf
			r.written += int64(len(r.pending))
		}
		c := copy(p[n:], r.pending)
		r.pending = r.pending[c:]
		n += c
	}
	return n, nil
}
