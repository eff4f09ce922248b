// Package ctxio gives a blocking reader, such as standard input waiting on
// a terminal or a silent pipe, a way out: a Read that the context's end
// interrupts at once.
package ctxio

import (
	"context"
	"io"
)

// Reader reads from R until Ctx ends. Once it has ended, Read returns the
// context's error at once, even while R's Read is still blocked: that Read
// then finishes in the background, into a buffer of the Reader's own that
// nothing reads again, so the caller's buffers are never written after
// Read returns. With a context that cannot end (Done returns nil), Read is
// R.Read.
type Reader struct {
	ctx     context.Context
	r       io.Reader
	buf     []byte
	pending chan result // a Read in flight, or nil
}

type result struct {
	n   int
	err error
}

// NewReader returns a Reader of r under ctx.
func NewReader(ctx context.Context, r io.Reader) *Reader {
	return &Reader{ctx: ctx, r: r}
}

// Read implements io.Reader.
func (c *Reader) Read(p []byte) (int, error) {
	done := c.ctx.Done()
	if done == nil {
		return c.r.Read(p)
	}
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if c.pending == nil {
		if cap(c.buf) < len(p) {
			c.buf = make([]byte, len(p))
		}
		buf := c.buf[:len(p)]
		ch := make(chan result, 1)
		r := c.r
		go func() {
			n, err := r.Read(buf)
			ch <- result{n, err}
		}()
		c.pending = ch
	}
	select {
	case res := <-c.pending:
		c.pending = nil
		n := copy(p, c.buf[:res.n])
		return n, res.err
	case <-done:
		c.buf = nil // the Read in flight keeps it: never reuse it
		return 0, c.ctx.Err()
	}
}
