package main

import (
	"errors"
	"flag"
	"io"
	"strconv"
	"strings"
)

// defaultMaxBody is the most bytes read for one body: Twilio takes at most
// 1,600 UTF-16 units (at most 6,400 bytes of UTF-8), so 1 MiB costs no
// real body anything and keeps memory and time bounded.
const defaultMaxBody = 1 << 20

// maxMaxBody is the highest -max-body: rows are cut with 32-bit offsets.
const maxMaxBody = 256 << 20

// ErrBodyTooLarge is wrapped by the *BodyLimitError of an input over
// -max-body.
var ErrBodyTooLarge = errors.New("input over the -max-body limit")

// BodyLimitError is an input (a body on standard input, a JSON line, a
// batch row) longer than -max-body: it is an error, never cut short.
type BodyLimitError struct {
	What  string // "standard input", "line 3"
	Limit int64
}

func (e *BodyLimitError) Error() string {
	return e.What + " is longer than " + formatSize(e.Limit) + " (-max-body; Twilio takes at most 1600 UTF-16 units: raise it with -max-body 4MiB if you must)"
}

// Unwrap returns ErrBodyTooLarge.
func (e *BodyLimitError) Unwrap() error { return ErrBodyTooLarge }

// byteSize is a flag of a size in bytes: 1048576, 512KiB, 4MiB, 1MB, 2k.
type byteSize int64

func (b *byteSize) String() string { return formatSize(int64(*b)) }

func (b *byteSize) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// parseSize reads a size with an optional unit (B, K/KB/KiB, M/MB/MiB,
// G/GB/GiB; the decimal units KB, MB, GB are powers of 1000, the others
// of 1024), from 1 byte to maxMaxBody.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, errors.New("want a size such as 1048576, 512KiB or 4MiB")
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, errors.New("size out of range")
	}
	mult := int64(1)
	switch strings.ToLower(strings.TrimSpace(t[i:])) {
	case "", "b":
	case "k", "kib":
		mult = 1 << 10
	case "kb":
		mult = 1000
	case "m", "mib":
		mult = 1 << 20
	case "mb":
		mult = 1000 * 1000
	case "g", "gib":
		mult = 1 << 30
	case "gb":
		mult = 1000 * 1000 * 1000
	default:
		return 0, errors.New("unknown unit " + strconv.Quote(t[i:]) + " (want B, KiB, MiB, GiB, KB, MB or GB)")
	}
	if n > maxMaxBody/mult || n*mult > maxMaxBody {
		return 0, errors.New("at most " + formatSize(maxMaxBody))
	}
	if n == 0 {
		return 0, errors.New("must be at least 1 byte")
	}
	return n * mult, nil
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// limitFlags are the size limits of the commands that read bodies.
type limitFlags struct {
	maxBody byteSize
}

func (l *limitFlags) register(fs *flag.FlagSet) {
	l.maxBody = defaultMaxBody
	fs.Var(&l.maxBody, "max-body", "the most bytes read for one body (standard input) or one input line (--jsonl), such as 4MiB")
}

// limit returns -max-body, or the default when the flags were not registered.
func (l *limitFlags) limit() int64 {
	if l == nil || l.maxBody <= 0 {
		return defaultMaxBody
	}
	return int64(l.maxBody)
}

// readStdinBody reads standard input as one body: at most the limit, and an
// error (never a silent cut) when there is more. It reads into chunks of
// growing size, up to readChunkMax, and copies them once into the string
// it returns: the memory is about twice the body's size at most, and no
// buffer is grown by copying.
func readStdinBody(stdin io.Reader, stderr io.Writer, l *limitFlags) (string, error) {
	terminalHint(stdin, stderr, "smsgauge: reading the body from the terminal; a final line break counts")
	limit := l.limit()
	r := io.LimitReader(stdin, limit+1)
	var chunks [][]byte
	total, size := 0, 512
	for {
		c := make([]byte, size)
		n, err := io.ReadFull(r, c)
		chunks = append(chunks, c[:n])
		total += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return "", err
		}
		size = min(2*size, readChunkMax)
	}
	if int64(total) > limit {
		return "", &BodyLimitError{What: "standard input", Limit: limit}
	}
	if len(chunks) == 1 {
		return string(chunks[0]), nil
	}
	var b strings.Builder
	b.Grow(total)
	for _, c := range chunks {
		b.Write(c)
	}
	return b.String(), nil
}

// readChunkMax is the largest chunk readStdinBody reads into.
const readChunkMax = 256 << 10
